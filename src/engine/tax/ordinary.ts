/**
 * Federal income tax on ordinary taxable income from the rate schedules of IRC 1(j)(2) with the
 * year's thresholds (Rev. Procs. 2022-38, 2023-34, 2024-40, 2025-32 §3.01). Capital gains rates
 * (IRC 1(h)) are not applied: every dollar of taxable income is taxed as ordinary income.
 *
 * Rounding: the tax of each band is kept exact (cents × percent, an integer) and the sum is
 * divided by 100 once, half-up to the cent. The Rev. Proc. tables give the same amounts; the
 * Tax Table's $50-wide rows below $100,000 are not used.
 */
import { inputError } from '../errors.js';
import { allocate, mulDiv, type Cents, type Rate } from '../money.js';
import { rate, usd } from '../params/index.js';
import { BRACKET_ORDER, incomeTaxFor } from '../params/income-tax/index.js';
import type { FilingStatus } from './filing-status.js';

/** One bracket: taxable income from `from` (exclusive) to `to` (inclusive, null = no top). */
export interface Bracket {
  readonly from: Cents;
  readonly to: Cents | null;
  readonly rate: Rate;
}

/** The year's brackets for a filing status, lowest first. */
export function brackets(year: number, status: FilingStatus): readonly Bracket[] {
  const p = incomeTaxFor(year);
  const tops = p.brackets[status];
  const out: Bracket[] = [];
  let from: Cents = 0;
  for (const [topKey, rateKey] of BRACKET_ORDER) {
    const to = usd(tops[topKey]);
    out.push({ from, to, rate: rate(p.rates[rateKey]) });
    from = to;
  }
  out.push({ from, to: null, rate: rate(p.rates.r37) });
  return out;
}

/** Rates of IRC 1(j) are whole percents: the rate as an integer percent. */
function percentOf(r: Rate): number {
  const pct = (r.num * 100) / r.den;
  if (!Number.isInteger(pct)) throw new RangeError('bracket rates are whole percents');
  return pct;
}

/** One bracket the income reaches: the income taxed in it and that income's share of the tax. */
export interface BracketTax extends Bracket {
  readonly income: Cents;
  readonly tax: Cents;
}

/** Income in each bracket reached and its exact tax in cents × percent (validated). */
function bands(
  year: number,
  status: FilingStatus,
  taxableIncome: Cents,
  field: string,
): { bracket: Bracket; income: Cents; centsTimesPercent: number }[] {
  if (!Number.isSafeInteger(taxableIncome) || taxableIncome < 0) {
    throw inputError(field, 'taxable income must be a non-negative amount in dollars and cents');
  }
  const out: { bracket: Bracket; income: Cents; centsTimesPercent: number }[] = [];
  let total = 0;
  for (const b of brackets(year, status)) {
    if (taxableIncome <= b.from) break;
    const income = (b.to === null ? taxableIncome : Math.min(taxableIncome, b.to)) - b.from;
    const centsTimesPercent = income * percentOf(b.rate);
    total += centsTimesPercent;
    out.push({ bracket: b, income, centsTimesPercent });
  }
  if (!Number.isSafeInteger(total)) {
    throw inputError(field, 'taxable income is too large to compute exactly');
  }
  return out;
}

/**
 * Federal ordinary income tax on `taxableIncome` (cents, ≥ 0) for `year` and `status`.
 * Throws an InputError for a negative income or an unsupported year.
 */
export function ordinaryIncomeTax(
  year: number,
  status: FilingStatus,
  taxableIncome: Cents,
  field = 'taxableIncome',
): Cents {
  const exact = bands(year, status, taxableIncome, field).reduce(
    (s, b) => s + b.centsTimesPercent,
    0,
  );
  // One rounding, half-up to the cent, on the exact sum (see the header).
  return mulDiv(exact, 1, 100);
}

/**
 * The tax of `ordinaryIncomeTax` by bracket: the income in each bracket reached and its share
 * of the tax. The tax is rounded once (see the header) and split over the brackets in proportion
 * to their exact tax (`allocate`), so the brackets add up to the tax to the cent.
 */
export function ordinaryIncomeTaxByBracket(
  year: number,
  status: FilingStatus,
  taxableIncome: Cents,
  field = 'taxableIncome',
): { readonly tax: Cents; readonly brackets: readonly BracketTax[] } {
  const reached = bands(year, status, taxableIncome, field);
  const exact = reached.map((b) => b.centsTimesPercent);
  const tax = mulDiv(
    exact.reduce((s, x) => s + x, 0),
    1,
    100,
  );
  const shares = tax > 0 ? allocate(tax, exact) : exact.map(() => 0);
  return {
    tax,
    brackets: reached.map((b, i) => ({ ...b.bracket, income: b.income, tax: shares[i] ?? 0 })),
  };
}
