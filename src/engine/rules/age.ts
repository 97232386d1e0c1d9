/**
 * Age for the catch-up rules: the age a person attains by December 31 of the tax year
 * (IRC 414(v)(5)(A): "would attain age 50 by the end of the taxable year").
 */

/** Age attained by December 31 of `year` for a YYYY-MM-DD birth date. */
export function ageAtYearEnd(birthDate: string, year: number): number {
  return year - Number(birthDate.slice(0, 4));
}
