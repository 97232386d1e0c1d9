/**
 * The employer contribution for a participant paid W-2 wages by their own business (an S-corp
 * owner-employee, or a spouse on the payroll) in its one-participant 401(k): at most the plan
 * rate (the 404(a)(3)(A) limit) of compensation capped at 401(a)(17) (IRC 404(l)); deferrals do
 * not reduce that base (IRC 404(n)); and within the 415(c) room left after the deferrals.
 */
import { applyRate, type Cents, type Rate } from '../money.js';

export interface WageOwnerInput {
  /** W-2 compensation capped at 401(a)(17). */
  readonly formulaCompensation: Cents;
  readonly planRate: Rate;
  /** The 415(c) limit left for this plan after other plans, less this plan's deferrals. */
  readonly roomAfterDeferrals: Cents;
  /** The amount elected; 'max' for the most allowed. */
  readonly elected: Cents | 'max';
}

export interface WageOwnerContribution {
  /** The most allowed: plan rate × compensation, within the 415(c) room. */
  readonly max: Cents;
  readonly contribution: Cents;
  /** An election above the most allowed (not contributed). */
  readonly excess: Cents;
}

/** The owner-employee's employer contribution. */
export function wageOwnerContribution(i: WageOwnerInput): WageOwnerContribution {
  const max = Math.max(
    0,
    Math.min(applyRate(i.formulaCompensation, i.planRate), i.roomAfterDeferrals),
  );
  const want = i.elected === 'max' ? max : i.elected;
  return { max, contribution: Math.min(want, max), excess: Math.max(0, want - max) };
}
