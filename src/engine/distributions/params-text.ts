/**
 * Parameters written into explanations, so that no explanation carries a literal figure: a rate
 * as a percent ("20%") and an age in months as years ("59½"), each from
 * `params/distributions.ts`.
 */
import { distributionConstants } from '../params/distributions.js';

/** A decimal rate as a percent with up to 4 decimals: 0.2 → "20%". */
export function percentText(rate: number): string {
  return `${String(Math.round(rate * 1e6) / 1e4)}%`;
}

/** An age given in months as years: 714 → "59½", 660 → "55", 663 → "55 years 3 months". */
export function ageText(months: number): string {
  const years = Math.floor(months / 12);
  const rest = months % 12;
  if (rest === 0) return String(years);
  if (rest === 6) return `${String(years)}½`;
  return `${String(years)} years ${String(rest)} months`;
}

/** The 20% mandatory withholding as text. */
export const WITHHOLDING_TEXT = percentText(distributionConstants.mandatoryWithholdingRate.value);

/** The 10% withholding on a nonperiodic distribution that is not an eligible rollover distribution, as text. */
export const NONPERIODIC_TEXT = percentText(distributionConstants.nonperiodicWithholdingRate.value);

/** The 10% additional tax as text. */
export const ADDITIONAL_TAX_TEXT = percentText(distributionConstants.additionalTaxRate.value);

/** Age 59½ as text. */
export const QUALIFIED_AGE_TEXT = ageText(distributionConstants.qualifiedAgeMonths.value);

/** The five-year period as text ("5-year"). */
export const FIVE_YEAR_TEXT = `${String(distributionConstants.fiveYearPeriodYears.value)}-year`;
