/**
 * The two date rules the Roth clocks need: a five-taxable-year period starts on January 1 of its
 * first year (Treas. Reg. 1.408A-6 Q&A-2, Q&A-5) and age 59½ is reached six calendar months
 * after the 59th birthday (IRC 72(t)(2)(A)(i)). Calendar arithmetic is `../dates.ts`.
 */
import { addMonths, jan1, type IsoDate } from '../dates.js';
import { distributionConstants } from '../params/distributions.js';

export { addMonths, earlier, isIsoDate, jan1, later, yearOf, type IsoDate } from '../dates.js';

/** The date a person born on `birthDate` reaches age 59½. */
export function age59HalfDate(birthDate: IsoDate): IsoDate {
  return addMonths(birthDate, distributionConstants.qualifiedAgeMonths.value);
}

/** The day a five-taxable-year period that starts in `firstYear` has ended. */
export function fiveYearsEnd(firstYear: number): IsoDate {
  return jan1(firstYear + distributionConstants.fiveYearPeriodYears.value);
}
