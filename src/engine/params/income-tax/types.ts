/**
 * The shape of a tax year's federal income tax parameters: the ordinary rate schedule per filing
 * status (IRC 1(j)), the basic standard deduction (IRC 63(c)) and the Net Investment Income Tax
 * (IRC 1411). Every value carries unit, label, citation and status like `params/types.ts`.
 */
import type { ByFilingStatus, RateParam, Usd } from '../types.js';

/** The seven rates of IRC 1(j)(2) for 2018 onward (made permanent by P.L. 119-21). */
export interface BracketRates {
  readonly r10: RateParam;
  readonly r12: RateParam;
  readonly r22: RateParam;
  readonly r24: RateParam;
  readonly r32: RateParam;
  readonly r35: RateParam;
  readonly r37: RateParam;
}

/**
 * Upper bounds of the 10% … 35% brackets for one filing status ("not over" amounts of the
 * Rev. Proc. tables); the 37% bracket starts above `top35`.
 */
export interface BracketTops {
  readonly top10: Usd;
  readonly top12: Usd;
  readonly top22: Usd;
  readonly top24: Usd;
  readonly top32: Usd;
  readonly top35: Usd;
}

export interface IncomeTaxYear {
  readonly year: number;
  readonly rates: BracketRates;
  readonly brackets: ByFilingStatus<BracketTops>;
  /** Basic standard deduction, before the age-65/blind additions and the senior deduction. */
  readonly standardDeduction: ByFilingStatus<Usd>;
  readonly niitRate: RateParam;
  /** 1411(b) threshold amounts (not indexed). */
  readonly niitThreshold: ByFilingStatus<Usd>;
}

/** The bracket keys in ascending order, paired with the rate that applies up to each top. */
export const BRACKET_ORDER = [
  ['top10', 'r10'],
  ['top12', 'r12'],
  ['top22', 'r22'],
  ['top24', 'r24'],
  ['top32', 'r32'],
  ['top35', 'r35'],
] as const satisfies readonly (readonly [keyof BracketTops, keyof BracketRates])[];
