/**
 * Typed access to a tax year's federal income tax parameters (brackets, standard deduction,
 * NIIT); an unsupported year is an input error listing the supported years.
 */
import { InputError } from '../../errors.js';
import type { IncomeTaxYear } from './types.js';
import { incomeTax2023 } from './2023.js';
import { incomeTax2024 } from './2024.js';
import { incomeTax2025 } from './2025.js';
import { incomeTax2026 } from './2026.js';

export type { BracketRates, BracketTops, IncomeTaxYear } from './types.js';
export { BRACKET_ORDER } from './types.js';

const YEARS: Readonly<Record<number, IncomeTaxYear>> = {
  2023: incomeTax2023,
  2024: incomeTax2024,
  2025: incomeTax2025,
  2026: incomeTax2026,
};

/** The tax years with income tax parameters, ascending. */
export const INCOME_TAX_YEARS: readonly number[] = Object.keys(YEARS)
  .map(Number)
  .sort((a, b) => a - b);

/**
 * The income tax parameters of `year`. Throws an InputError naming `field` (default
 * `taxYear`) and the supported years when the year has none.
 */
export function incomeTaxFor(year: number, field = 'taxYear'): IncomeTaxYear {
  const p = Object.hasOwn(YEARS, year) ? YEARS[year] : undefined;
  if (!p) {
    throw new InputError([
      {
        path: field,
        message: `tax year ${String(year)} has no income tax parameters; supported years: ${INCOME_TAX_YEARS.join(', ')}`,
      },
    ]);
  }
  return p;
}
