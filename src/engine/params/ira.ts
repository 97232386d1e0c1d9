/**
 * The IRA figures of a tax year (IRC 219(g), 408A(c)(3)): the MAGI phase-out ranges of a direct
 * Roth IRA contribution and of the deduction of a traditional IRA contribution, built from the
 * year's figures as the IRS publishes them, plus the statutory parts every year shares (the
 * separate-return range, the $10 rounding, the $200 floor, the 6% excise).
 */
import type { Param, RateParam, Usd } from './types.js';

/** A MAGI range: the reduction starts above `start` and takes the whole amount at `end`. */
export interface PhaseOut {
  readonly start: Usd;
  readonly end: Usd;
}

/** The IRA figures of one tax year. */
export interface IraParameters {
  /** Roth IRA: joint return or qualifying surviving spouse (IRC 408A(c)(3)(B)(ii)(I)). */
  readonly rothJoint: PhaseOut;
  /** Roth IRA: single, head of household, married filing separately living apart all year. */
  readonly rothOther: PhaseOut;
  /** Roth IRA and deduction: married filing separately, lived with the spouse (IRC 408A(c)(3)(B)(ii)(III), 219(g)(3)(B)(iii)). */
  readonly separateReturn: PhaseOut;
  /** Deduction, active participant, joint return or surviving spouse (IRC 219(g)(3)(B)(i)). */
  readonly deductionCoveredJoint: PhaseOut;
  /** Deduction, active participant, single or head of household (IRC 219(g)(3)(B)(ii)). */
  readonly deductionCoveredOther: PhaseOut;
  /** Deduction, not an active participant on a joint return whose spouse is (IRC 219(g)(7)). */
  readonly deductionSpouseCovered: PhaseOut;
  /** A reduced limit not a multiple of this is rounded (IRC 219(g)(2)(C)). */
  readonly reducedLimitMultiple: Usd;
  /** A reduced limit above zero is at least this (IRC 219(g)(2)(B)). */
  readonly reducedLimitMinimum: Usd;
  /** The excise tax on an excess contribution for each year it stays (IRC 4973(a)). */
  readonly excessContributionRate: RateParam;
  /** The return's due date, without extensions: this day of the fourth month after the year (IRC 6072(a)). */
  readonly returnDueMonth: Param<number>;
  readonly returnDueDay: Param<number>;
}

/** The figures a year's notice and news release give, in dollars, [start, end]. */
export interface IraYearFigures {
  /** E.g. `Notice 2025-67 (IR-2025-111)`. */
  readonly source: string;
  readonly rothJoint: readonly [number, number];
  readonly rothOther: readonly [number, number];
  readonly deductionCoveredJoint: readonly [number, number];
  readonly deductionCoveredOther: readonly [number, number];
  readonly deductionSpouseCovered: readonly [number, number];
}

function range(
  [start, end]: readonly [number, number],
  what: string,
  citation: string,
  status: Param<number>['status'],
): PhaseOut {
  return {
    start: {
      value: start,
      unit: 'usd',
      label: `${what}: phase-out starts above`,
      citation,
      status,
    },
    end: {
      value: end,
      unit: 'usd',
      label: `${what}: nothing allowed at or above`,
      citation,
      status,
    },
  };
}

/** The statutory parts, the same every year. */
const statutory = {
  separateReturn: range(
    [0, 10_000],
    'Married filing separately, lived with the spouse during the year (Roth IRA and deduction)',
    'IRC 408A(c)(3)(A)(ii), 408A(c)(3)(B)(ii)(III); IRC 219(g)(2)(A)(ii), 219(g)(3)(B)(iii)',
    'V',
  ),
  reducedLimitMultiple: {
    value: 10,
    unit: 'usd',
    label: 'A reduced IRA limit that is not a multiple of this is rounded up to the next one',
    citation: 'IRC 219(g)(2)(C); IRC 408A(c)(3)(A); Pub 590-A Worksheets 1-2 and 2-2',
    status: 'V',
  },
  reducedLimitMinimum: {
    value: 200,
    unit: 'usd',
    label: 'A reduced IRA limit above zero is at least this',
    citation: 'IRC 219(g)(2)(B); IRC 408A(c)(3)(A); Pub 590-A Worksheets 1-2 and 2-2',
    status: 'V',
  },
  excessContributionRate: {
    value: 0.06,
    unit: 'rate',
    label:
      'Excise tax on an excess IRA contribution, each year it stays in the IRA at year end (Form 5329 Part III/IV)',
    citation: 'IRC 4973(a), 4973(f); Form 5329',
    status: 'V',
  },
  returnDueMonth: {
    value: 4,
    unit: 'months',
    label:
      'IRA contributions for a year may be made until the return due date (without extensions), in this month of the next year',
    citation: 'IRC 219(f)(3), 408A(c)(7); IRC 6072(a)',
    status: 'V',
  },
  returnDueDay: {
    value: 15,
    unit: 'days',
    label: 'Day of the month of the return due date (the 15th day of the fourth month)',
    citation: 'IRC 6072(a)',
    status: 'V',
  },
} as const;

/** A year's IRA parameters from its published figures (verified against the cited release). */
export function iraYear(f: IraYearFigures): IraParameters {
  const s = f.source;
  return {
    rothJoint: range(
      f.rothJoint,
      'Roth IRA contribution, married filing jointly or qualifying surviving spouse',
      `IRC 408A(c)(3)(B)(ii)(I); ${s}; Pub 590-A Table 2-1`,
      'V2',
    ),
    rothOther: range(
      f.rothOther,
      'Roth IRA contribution, single, head of household, or married filing separately living apart all year',
      `IRC 408A(c)(3)(B)(ii)(II); ${s}; Pub 590-A Table 2-1`,
      'V2',
    ),
    deductionCoveredJoint: range(
      f.deductionCoveredJoint,
      'Traditional IRA deduction, active participant, married filing jointly or qualifying surviving spouse',
      `IRC 219(g)(3)(B)(i); ${s}; Pub 590-A Table 1-2`,
      'V2',
    ),
    deductionCoveredOther: range(
      f.deductionCoveredOther,
      'Traditional IRA deduction, active participant, single or head of household',
      `IRC 219(g)(3)(B)(ii); ${s}; Pub 590-A Table 1-2`,
      'V2',
    ),
    deductionSpouseCovered: range(
      f.deductionSpouseCovered,
      'Traditional IRA deduction, not an active participant, joint return with a spouse who is',
      `IRC 219(g)(7); ${s}; Pub 590-A Table 1-3`,
      'V2',
    ),
    ...statutory,
  };
}
