/**
 * The household engine's plan states (immutable: each step of the pipeline returns new ones),
 * the 415(c) limits between them, and small helpers shared by its steps.
 */
import type { Cents } from '../money.js';
import type { LikelyHce } from '../rules/likely-hce.js';
import type { OwnerResult } from '../rules/self-employed-owner.js';
import type { Job, Plan } from '../scenario/schema.js';
import type { Finding } from './report.js';
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
  readonly regular: Cents;
  readonly catchUp: Cents;
  readonly catchUpType: 'pre-tax' | 'roth';
  readonly requested: Cents | 'max';
  readonly path: string;
}

/**
 * One plan as the pipeline has settled it so far. Each step returns new states; none is
 * changed in place.
 */
export interface PlanState {
  readonly plan: Plan;
  /** Index in the scenario's plans (its path, `plans[i]`). */
  readonly index: number;
  readonly job: Job;
  readonly person: string;
  /** HCE status of the person at the plan's employer (a controlled group is one employer). */
  readonly hce: LikelyHce;
  readonly parts: readonly DeferralPart[];
  /** The plan's own catch-up limit (0 when the plan allows none or the Roth rule blocks it). */
  readonly catchUpCap: Cents;
  readonly compensation: Cents;
  readonly formulaComp: Cents;
  readonly match: Cents;
  readonly nonelective: Cents;
  /** Schedule SE and the Pub 560 worksheet, for a solo plan on Schedule C income. */
  readonly owner: OwnerResult | undefined;
  readonly afterTaxRoom: Cents;
  readonly afterTax: Cents;
  readonly limitRule: string;
  readonly limit415c: Cents;
  readonly usedByOthers: Cents;
}

/** A step's result: the new state and what it found. */
export interface Settled<T> {
  readonly value: T;
  readonly findings: readonly Finding[];
}

/** One 415(c) limit over some of a person's plans (by scenario index). */
export interface Constraint {
  readonly person: string;
  readonly kind: 'employer' | '403b-aggregation';
  readonly employers: readonly string[];
  readonly plans: readonly number[];
  /** The person's jobs at these employers (their compensation counts for the limit). */
  readonly jobs: readonly Job[];
  readonly why: string;
}

/** The states of a person's plans, by scenario index. */
export type States = ReadonlyMap<number, PlanState>;

export const regularOf = (w: PlanState): Cents => w.parts.reduce((a, d) => a + d.regular, 0);
export const catchUpOf = (w: PlanState): Cents => w.parts.reduce((a, d) => a + d.catchUp, 0);
/** Annual additions without after-tax money (catch-ups excluded, IRC 414(v)(3)(A)). */
export const nonAfterTaxOf = (w: PlanState): Cents => regularOf(w) + w.match + w.nonelective;

/** The states with one replaced. */
export function withState(states: States, w: PlanState): States {
  return new Map([...states, [w.index, w]]);
}

/** W-2 pay of a job (none for self-employment). */
export function jobPay(job: Job): Cents {
  return job.wages ?? 0;
}
