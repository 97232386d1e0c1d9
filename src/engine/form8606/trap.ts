/**
 * The backdoor-Roth pro-rata trap and its fix (IRC 408(d)(2); Form 8606 line 6): pre-tax money
 * in any traditional, SEP or SIMPLE IRA on December 31 makes a backdoor conversion partly
 * taxable; rolling that money into an employer plan that accepts roll-ins before December 31
 * removes it from line 6, because plans are not aggregated with IRAs.
 */
import type { Cents } from '../money.js';
import { form8606, type Form8606Result, type RatioPrecision } from './form8606.js';

/** A backdoor Roth year with other pre-tax IRA money on hand. */
export interface TrapInput {
  /** The nondeductible contribution converted the same year. */
  readonly contribution: Cents;
  /** Prior basis (last year's line 14). */
  readonly priorBasis: Cents;
  /** The amount converted (contribution plus any earnings before conversion). */
  readonly converted: Cents;
  /** Pre-tax IRA money (for example earnings rolled out of a plan at separation) on Dec 31. */
  readonly pretaxIraValue: Cents;
}

/** The two outcomes and the tax difference. */
export interface TrapResult {
  /** The pre-tax IRA money stays in the IRA on December 31. */
  readonly trapped: Form8606Result;
  /** The pre-tax IRA money is rolled into an employer plan before December 31 (line 6 = 0). */
  readonly fixed: Form8606Result;
  /** How much more of the conversion is taxable in the trapped case. */
  readonly extraTaxable: Cents;
}

/** Compares the backdoor conversion with and without the pre-tax IRA money on line 6. */
export function proRataTrap(input: TrapInput, precision: RatioPrecision = 'full'): TrapResult {
  const base = {
    nondeductibleContributions: input.contribution,
    priorBasis: input.priorBasis,
    distributions: 0,
    converted: input.converted,
  };
  const trapped = form8606({ ...base, yearEndValue: input.pretaxIraValue }, { precision });
  const fixed = form8606({ ...base, yearEndValue: 0 }, { precision });
  return { trapped, fixed, extraTaxable: trapped.lines.line18 - fixed.lines.line18 };
}
