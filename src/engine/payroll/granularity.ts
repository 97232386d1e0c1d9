/**
 * Elections as a plan takes them: a whole percent, a tenth of a percent, or whole dollars per
 * paycheck (plan terms). A percent election gives the cents of the paycheck's pay rounded
 * half-up; the search finds the election step that reaches a target without passing it.
 */
import { applyRate, formatUsd, type Cents, type Rate } from '../money.js';
import type { ElectionUnit } from '../scenario/payroll.js';

/** Steps per 100% for percent units. */
const PER_HUNDRED: Record<Exclude<ElectionUnit, 'dollars'>, number> = {
  percent: 100,
  tenths: 1000,
};

/** The rate of a percent step (`step` of 100 or 1000). */
export function stepRate(unit: ElectionUnit, step: number): Rate | null {
  return unit === 'dollars' ? null : { num: step, den: PER_HUNDRED[unit] };
}

/** What election step `step` puts in from a paycheck with `pay` subject to elections. */
export function electionAmount(unit: ElectionUnit, step: number, pay: Cents, cap?: Rate): Cents {
  if (pay <= 0 || step <= 0) return 0;
  const rate = stepRate(unit, step);
  const amount = rate === null ? step * 100 : applyRate(pay, rate);
  // A percent election is held under the cap by its step (`maxStep`); dollars by the amount.
  return cap === undefined || rate !== null
    ? amount
    : Math.min(amount, applyRate(pay, cap, 'down'));
}

/** The largest step a plan takes: 100% (or the plan's cap), or for dollars enough to reach `target`. */
export function maxStep(unit: ElectionUnit, target: Cents, cap?: Rate): number {
  if (unit === 'dollars') return Math.max(0, Math.ceil(target / 100));
  const per = PER_HUNDRED[unit];
  return cap === undefined ? per : Math.floor((cap.num * per) / cap.den);
}

/** The election as a person types it: "7%", "6.5%", "$250". */
export function electionText(unit: ElectionUnit, step: number): string {
  if (unit === 'dollars') return `${formatUsd(step * 100)} per paycheck`;
  const per = PER_HUNDRED[unit];
  return `${String(Math.trunc(step / (per / 100)))}${unit === 'tenths' && step % 10 !== 0 ? `.${String(step % 10)}` : ''}%`;
}

/** The largest step in [0, max] whose total is at most `target` (`total` non-decreasing). */
export function largestStep(total: (k: number) => Cents, max: number, target: Cents): number {
  let lo = 0;
  let hi = max;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (total(mid) <= target) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The smallest step in [0, max] whose total reaches `target`, or undefined. */
export function smallestStep(
  total: (k: number) => Cents,
  max: number,
  target: Cents,
): number | undefined {
  if (total(max) < target) return undefined;
  let lo = 0;
  let hi = max;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (total(mid) >= target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** A source's plan for the remaining paychecks: one step, and another on the last paycheck. */
export interface SourcePlan {
  readonly step: number;
  readonly lastStep: number;
  /** The amount on each remaining paycheck. */
  readonly amounts: readonly Cents[];
  /** The most one step more would have added on the last paycheck (the granularity there). */
  readonly granularity: Cents;
}

/**
 * One election from the next paycheck on — the largest that does not pass `target` over the
 * remaining paychecks, so every paycheck gets it — and one for the last paycheck that lands on
 * the target: the largest step that does not pass it, or, where the plan stops the source at
 * the limit by itself (`stops`), the smallest that reaches it, cut by the plan to the cent.
 */
export function planSource(
  unit: ElectionUnit,
  pays: readonly Cents[],
  target: Cents,
  stops: boolean,
  cap?: Rate,
): SourcePlan {
  const none = { step: 0, lastStep: 0, amounts: pays.map(() => 0), granularity: 0 };
  const last = pays.reduce((at, p, i) => (p > 0 ? i : at), -1);
  if (last < 0 || target <= 0) return none;
  const max = maxStep(unit, target, cap);
  const amounts = (k: number): Cents[] => pays.map((p) => electionAmount(unit, k, p, cap));
  const total = (k: number): Cents => amounts(k).reduce((a, x) => a + x, 0);
  const step = largestStep(total, max, target);
  const out = amounts(step);
  const before = out.reduce((a, x) => a + x, 0) - (out[last] ?? 0);
  const remainder = target - before;
  const lastPay = pays[last] ?? 0;
  const onLast = (k: number): Cents => electionAmount(unit, k, lastPay, cap);
  let lastStep = largestStep(onLast, max, remainder);
  let lastAmount = onLast(lastStep);
  if (stops && lastAmount < remainder) {
    lastStep = smallestStep(onLast, max, remainder) ?? max;
    lastAmount = Math.min(onLast(lastStep), remainder);
  }
  out[last] = lastAmount;
  const granularity = lastStep < max ? onLast(lastStep + 1) - onLast(lastStep) : 0;
  return { step, lastStep, amounts: out, granularity };
}
