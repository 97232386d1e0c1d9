/**
 * The date rule of the Roth clocks: a five-taxable-year period starts on January 1 of its first
 * year (Treas. Reg. 1.408A-6 Q&A-2, Q&A-5); age 59½ (IRC 72(t)(2)(A)(i)) is the 72(t) rule's,
 * re-exported. Calendar arithmetic is `../dates.ts`.
 */
import { jan1, type IsoDate } from '../dates.js';
import { distributionConstants } from '../params/distributions.js';

export { addMonths, earlier, isIsoDate, jan1, later, yearOf, type IsoDate } from '../dates.js';
export { age59HalfDate } from '../distributions/early-tax.js';

/** The day a five-taxable-year period that starts in `firstYear` has ended. */
export function fiveYearsEnd(firstYear: number): IsoDate {
  return jan1(firstYear + distributionConstants.fiveYearPeriodYears.value);
}
