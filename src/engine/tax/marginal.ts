/**
 * The federal marginal rate: the rate of the IRC 1(j)(2) bracket the next dollar of taxable
 * income falls in (income exactly at a bracket top pays the next bracket's rate on the next
 * dollar).
 */
import type { Cents, Rate } from '../money.js';
import type { FilingStatus } from './filing-status.js';
import { brackets } from './ordinary.js';

/** The marginal federal rate at `taxableIncome` (cents ≥ 0). */
export function marginalRate(year: number, status: FilingStatus, taxableIncome: Cents): Rate {
  const all = brackets(year, status);
  for (const b of all) {
    if (b.to === null || taxableIncome < b.to) return b.rate;
  }
  const last = all[all.length - 1];
  if (!last) throw new RangeError('no brackets');
  return last.rate;
}
