/**
 * Parameters as words for explanations: a rate parameter as a percentage and a dollar
 * parameter as an amount, so no explanation carries a literal tax-year figure.
 */
import { formatUsd } from '../money.js';
import { usd, type Param } from '../params/index.js';

/** A rate parameter (a decimal fraction) as a percentage, e.g. 0.5 → "50%". */
export function percentOf(p: Param<number>): string {
  return `${String(Number((p.value * 100).toPrecision(12)))}%`;
}

/** A dollar parameter as "$12,345.00". */
export function dollarsOf(p: Param<number>): string {
  return formatUsd(usd(p));
}
