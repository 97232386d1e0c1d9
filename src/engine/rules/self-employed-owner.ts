/**
 * The owner's own contribution in a solo 401(k) on self-employment income: Schedule SE, then
 * the Pub 560 Deduction Worksheet for Self-Employed with the 415(c) dollar room that is left
 * (less than the full limit when a 403(b) is aggregated), giving the employer contribution,
 * the deferrals the worksheet allows, and the owner's plan compensation
 * (IRC 401(c)(2), 404(a)(8), 415(c)(3)(B); IRS Pub 560 ch. 5).
 */
import type { Cents } from '../money.js';
import type { YearParameters } from '../params/index.js';

export interface OwnerInput {
  readonly netProfit: Cents;
  readonly w2SocialSecurityWages: Cents;
  readonly planRatePercent: number;
  readonly regularDeferrals: Cents;
  readonly catchUp: Cents;
  readonly rothDeferrals: Cents;
  /** 415(c) dollar limit left for this plan after aggregated plans' additions. */
  readonly dollarLimit: Cents;
  readonly employerElection: 'max' | number | { readonly percent: number };
}

export interface OwnerResult {
  readonly netProfit: Cents;
  readonly netEarnings: Cents;
  readonly seTax: Cents;
  readonly seTaxWhy: string;
  readonly halfSeTax: Cents;
  readonly step3: Cents;
  readonly maxEmployerContribution: Cents;
  readonly employerContribution: Cents;
  readonly electionExcess: Cents;
  readonly employerWhy: string;
  readonly allowedRegularDeferrals: Cents;
  readonly allowedCatchUp: Cents;
  readonly compensation: Cents;
  readonly dollarLimit: Cents;
  readonly planRatePercent: number;
}

/** Computes the owner's side of a solo plan. */
export function selfEmployedOwner(p: YearParameters, input: OwnerInput): OwnerResult {
  void p;
  void input;
  throw new Error('self-employment integration pending');
}
