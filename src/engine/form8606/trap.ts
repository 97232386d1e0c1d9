/**
 * The backdoor-Roth pro-rata trap and its fix (IRC 408(d)(2); Form 8606 line 6): pre-tax money
 * in any traditional, SEP or SIMPLE IRA on December 31 makes a backdoor conversion partly
 * taxable; rolling that money into an employer plan that accepts roll-ins before December 31
 * removes it from line 6, because plans are not aggregated with IRAs.
 */
import type { Cents } from '../money.js';
import {
  form8606,
  type Form8606Input,
  type Form8606Result,
  type RatioPrecision,
} from './form8606.js';

/** The two outcomes and the tax difference. */
export interface TrapResult {
  /** The IRA money stays in the IRAs on December 31 (line 6 as given). */
  readonly trapped: Form8606Result;
  /** The pre-tax IRA money is rolled into an employer plan before December 31 (line 6 = 0). */
  readonly fixed: Form8606Result;
  /** How much more is taxable (conversion, line 18, and distributions, line 15c) when trapped. */
  readonly extraTaxable: Cents;
}

/** Taxable conversions plus taxable distributions (lines 18 and 15c). */
export function taxableOf(r: Form8606Result): Cents {
  return r.lines.line18 + (r.lines.line15c ?? 0);
}

/** Compares the year as given with the same year and nothing in IRAs on December 31. */
export function proRataTrap(input: Form8606Input, precision: RatioPrecision = 'full'): TrapResult {
  const trapped = form8606(input, { precision });
  const fixed = form8606({ ...input, yearEndValue: 0 }, { precision });
  return { trapped, fixed, extraTaxable: taxableOf(trapped) - taxableOf(fixed) };
}
