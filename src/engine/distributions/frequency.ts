/**
 * An estimate of the taxable earnings of in-plan Roth conversions of after-tax contributions by
 * conversion frequency (IRC 402A(c)(4): earnings converted are taxable; contributions are not).
 * Contributions arrive in equal amounts at the end of each pay period; after-tax money grows at
 * a constant annual return, compounded continuously over time at (1 + r)^t; at each conversion
 * date the whole unconverted after-tax balance is converted and its earnings are taxable.
 *
 * This is a model, not a rule: growth uses floating-point powers, and each year's figures are
 * rounded half-up to the cent once, at the end of the year.
 */
import { InputError } from '../errors.js';
import type { Cents } from '../money.js';

/** How often after-tax money is converted. */
export const FREQUENCIES = [
  'automatic',
  'daily',
  'monthly',
  'quarterly',
  'yearly',
  'never',
] as const;
export type Frequency = (typeof FREQUENCIES)[number];

/** Conversions per year; automatic converts at each contribution; never converts no time. */
const PER_YEAR: Record<Frequency, number> = {
  automatic: 0,
  daily: 365,
  monthly: 12,
  quarterly: 4,
  yearly: 1,
  never: 0,
};

export interface FrequencyInput {
  /** After-tax contributions per year. */
  readonly annualContribution: Cents;
  /** Annual return as a decimal (0.07 for 7%), above −1. */
  readonly annualReturn: number;
  readonly frequency: Frequency;
  /** Pay periods per year (default 26: every two weeks). */
  readonly payPeriods?: number;
  /** Number of years to show (default 1). */
  readonly years?: number;
}

export interface FrequencyYear {
  readonly year: number;
  readonly contributed: Cents;
  /** Earnings converted during the year: includible in income that year. */
  readonly taxableConverted: Cents;
  /** Earnings sitting unconverted at the end of the year (taxable when converted later). */
  readonly unconvertedEarnings: Cents;
}

/** Year-by-year taxable earnings of converting at the given frequency. */
export function estimateConversionEarnings(input: FrequencyInput): FrequencyYear[] {
  const P = input.payPeriods ?? 26;
  const years = input.years ?? 1;
  const r = input.annualReturn;
  if (!Number.isFinite(r) || r <= -1 || r > 1) {
    throw new InputError([
      { path: 'annualReturn', message: 'must be a decimal above -1 and at most 1' },
    ]);
  }
  if (!Number.isInteger(P) || P < 1 || P > 365) {
    throw new InputError([{ path: 'payPeriods', message: 'must be a whole number from 1 to 365' }]);
  }
  if (!Number.isInteger(years) || years < 1 || years > 100) {
    throw new InputError([{ path: 'years', message: 'must be a whole number from 1 to 100' }]);
  }
  if (!Number.isSafeInteger(input.annualContribution) || input.annualContribution < 0) {
    throw new InputError([{ path: 'annualContribution', message: 'must not be negative' }]);
  }
  const k = PER_YEAR[input.frequency];
  const deposit = input.annualContribution / P;
  const growth = Math.log1p(r);
  // Events within a year, in time order: deposits at (i+1)/P, conversions at j/k (deposit first
  // at equal times, so a same-day conversion catches it).
  const events: { t: number; kind: 'deposit' | 'convert' }[] = [];
  for (let i = 0; i < P; i++) events.push({ t: (i + 1) / P, kind: 'deposit' });
  for (let j = 1; j <= k; j++) events.push({ t: j / k, kind: 'convert' });
  events.sort((a, b) => a.t - b.t || (a.kind === 'deposit' ? -1 : 1));

  let value = 0;
  let basis = 0;
  let now = 0;
  const out: FrequencyYear[] = [];
  for (let y = 1; y <= years; y++) {
    let taxable = 0;
    for (const e of events) {
      const t = y - 1 + e.t;
      value *= Math.exp(growth * (t - now));
      now = t;
      if (e.kind === 'deposit') {
        value += deposit;
        basis += deposit;
        if (input.frequency === 'automatic') {
          // converted as it arrives: no time to earn anything
          value = 0;
          basis = 0;
        }
      } else {
        taxable += value - basis;
        value = 0;
        basis = 0;
      }
    }
    out.push({
      year: y,
      contributed: input.annualContribution,
      taxableConverted: Math.round(taxable),
      unconvertedEarnings: Math.round(value - basis),
    });
  }
  return out;
}
