/**
 * Working state of the household engine while it fills a person's plans, and small helpers
 * shared by its steps.
 */
import { cents, type Cents } from '../money.js';
import { usd, type YearParameters } from '../params/index.js';
import type { OwnerResult } from '../rules/self-employed-owner.js';
import type { Job, Plan } from '../scenario/schema.js';
import type { RateRounding } from '../self-employment/pub560-rate.js';

/** How the engine computes what a scenario does not say. */
export interface HouseholdOptions {
  /** Rounding of the Pub 560 self-employed rate (Step 4); default full precision. */
  readonly rateRounding?: RateRounding;
}

export const C_402G =
  'IRC 402(g)(1); IRS "How much salary can you defer if you\'re eligible for more than one retirement plan?"';
export const C_415C = 'IRC 415(c)(1)';

export interface DeferralPart {
  readonly type: 'pre-tax' | 'roth';
  regular: Cents;
  catchUp: Cents;
  catchUpType: 'pre-tax' | 'roth';
  readonly requested: Cents | 'max';
  readonly path: string;
}

/** Mutable working state for one plan while the engine fills it. */
export interface WorkPlan {
  readonly plan: Plan;
  readonly index: number;
  readonly job: Job;
  readonly person: string;
  parts: DeferralPart[];
  compensation: Cents;
  formulaComp: Cents;
  match: Cents;
  nonelective: Cents;
  afterTaxRoom: Cents;
  afterTax: Cents;
  owner: OwnerResult | undefined;
  limitRule: string;
  limit415c: Cents;
  usedByOthers: Cents;
}

export interface Constraint {
  readonly person: string;
  readonly kind: 'employer' | '403b-aggregation';
  readonly employers: readonly string[];
  readonly plans: readonly WorkPlan[];
  readonly why: string;
  /** Compensation counted for the 100%-of-compensation part of this limit. */
  readonly comp: () => Cents;
}

export const regularOf = (w: WorkPlan): Cents => w.parts.reduce((a, d) => a + d.regular, 0);
export const catchUpOf = (w: WorkPlan): Cents => w.parts.reduce((a, d) => a + d.catchUp, 0);
/** Annual additions without after-tax money (catch-ups excluded, IRC 414(v)(3)(A)). */
export const nonAfterTaxOf = (w: WorkPlan): Cents => regularOf(w) + w.match + w.nonelective;

export function jobPay(job: Job): Cents {
  return usdCents(job.wages ?? 0);
}

/** Scenario dollars (validated to at most 2 decimals) in cents. */
export function usdCents(dollars: number): Cents {
  return cents(dollars);
}

/**
 * Likely a highly compensated employee of this job's employer: a more-than-5% owner, or
 * prior-year pay from the employer above the amount for the look-back year (IRC 414(q)(1)).
 * Prior-year FICA wages stand in for prior-year compensation.
 */
export function likelyHceAt(p: YearParameters, j: Job): boolean {
  if (j.type !== 'w2' && (j.ownershipPercent ?? 100) > 5) return true;
  return usdCents(j.priorYearFicaWages ?? 0) > usd(p.plan.hceLookbackThreshold);
}
