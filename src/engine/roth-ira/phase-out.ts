/**
 * An IRA limit reduced over a MAGI phase-out range (IRC 219(g)(2) for the deduction, IRC
 * 408A(c)(3)(A) for a Roth IRA contribution; Pub 590-A Worksheets 1-2 and 2-2): the limit times
 * (end − MAGI) / (end − start), rounded up to the next multiple of $10 (219(g)(2)(C): the
 * reduction rounded down), and at least $200 when above zero (219(g)(2)(B)).
 */
import { inputError } from '../errors.js';
import type { Cents } from '../money.js';

export type PhaseOutStatus = 'full' | 'reduced' | 'none';

export interface PhaseOutRange {
  readonly start: Cents;
  readonly end: Cents;
}

export interface ReducedLimit {
  readonly allowed: Cents;
  readonly status: PhaseOutStatus;
}

/** The smallest multiple of `step` at or above num / den (integers, den > 0). */
function ceilToMultiple(num: number, den: number, step: Cents): Cents {
  const d = den * step;
  let q = Math.floor(num / d);
  while (q * d < num) q += 1;
  while (q > 0 && (q - 1) * d >= num) q -= 1;
  return q * step;
}

/**
 * The limit left at `magi`: all of it at or below the start, none at or above the end, and in
 * between the reduced amount, rounded up to `multiple` and at least `minimum`.
 */
export function reducedLimit(
  limit: Cents,
  magi: Cents,
  range: PhaseOutRange,
  multiple: Cents,
  minimum: Cents,
): ReducedLimit {
  if (range.end <= range.start) throw inputError('phaseOut', 'the end must be above the start');
  if (magi <= range.start) return { allowed: limit, status: 'full' };
  if (magi >= range.end) return { allowed: 0, status: 'none' };
  const rounded = ceilToMultiple(limit * (range.end - magi), range.end - range.start, multiple);
  // Rounded is 0 only for a limit of 0 (no compensation): nothing to raise to the minimum.
  return {
    allowed: rounded === 0 ? 0 : Math.min(limit, Math.max(minimum, rounded)),
    status: 'reduced',
  };
}
