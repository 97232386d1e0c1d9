/**
 * The shape of a tax year's parameters. Every value carries its unit, a label and the citation
 * it comes from; `status` says how it was checked (V: official document, V2: reputable
 * secondary source quoting it, UNVERIFIED: still to be checked against the primary document).
 */
import type { IraParameters } from './ira.js';

export type Unit = 'usd' | 'rate' | 'age' | 'bool' | 'days' | 'months' | 'years' | 'hours';

export type Status = 'V' | 'V2' | 'UNVERIFIED';

export interface Param<T> {
  readonly value: T;
  readonly unit: Unit;
  readonly label: string;
  readonly citation: string;
  readonly status: Status;
  readonly note?: string;
}

export type Usd = Param<number>;
export type RateParam = Param<number>;

export interface ByFilingStatus<T> {
  readonly single: T;
  readonly mfj: T;
  readonly mfs: T;
  readonly hoh: T;
  /** Qualifying surviving spouse (IRC 2(a)). */
  readonly qss: T;
}

/** Plan and IRA limits for one tax year (IRC 402(g), 414(v), 415, 401(a)(17), 414(q), 219). */
export interface PlanLimits {
  readonly electiveDeferralLimit: Usd;
  readonly catchUp50: Usd;
  /** null before 2025: the ages 60-63 catch-up did not exist. */
  readonly catchUp60to63: Param<number | null>;
  readonly rothCatchUpWageThreshold: Usd;
  /** Whether catch-ups of high earners must be Roth in this year (false during the transition). */
  readonly rothCatchUpRequired: Param<boolean>;
  /** 457(e)(15): the deferral limit of eligible 457(b) plans (not shared with 402(g)). */
  readonly deferral457Limit: Usd;
  /** 457(b)(3)(A): the special catch-up limit is this multiple of the 457(e)(15) amount. */
  readonly special457CatchUpMultiple: Param<number>;
  /** 457(b)(3): the special catch-up applies in this many years before normal retirement age. */
  readonly special457CatchUpYears: Param<number>;
  /** 410(a)(3)(A): hours in a 12-month period that make a year of service. */
  readonly yearOfServiceHours: Param<number>;
  /** 410(a)(1)(A)(i): the oldest minimum age a plan may require. */
  readonly minimumParticipationAge: Param<number>;
  /** 401(k)(2)(D)(ii): hours a year of a long-term part-time employee. */
  readonly ltptHours: Param<number>;
  /** 401(k)(2)(D)(ii): consecutive years of ltptHours that make one eligible; null before it applies. */
  readonly ltptConsecutiveYears: Param<number | null>;
  readonly annualAdditionsLimit: Usd;
  readonly compensationLimit: Usd;
  /** The 414(q)(1)(B) amount published for this year (applied to this year's pay). */
  readonly hceThreshold: Usd;
  /** The amount that decides HCE status for a plan year equal to this year (prior year's figure). */
  readonly hceLookbackThreshold: Usd;
  readonly keyEmployeeThreshold: Usd;
  readonly definedBenefitLimit: Usd;
  readonly iraLimit: Usd;
  readonly iraCatchUp: Usd;
  readonly catchUpAge: Param<number>;
  readonly superCatchUpFirstAge: Param<number>;
  readonly superCatchUpLastAge: Param<number>;
  /** 404(a)(3)(A): employer deduction limit for a profit-sharing plan, share of compensation. */
  readonly profitSharingDeductionRate: RateParam;
}

/** Payroll and self-employment tax figures (IRC 1401, 1402, 3101, 3121; SSA). */
export interface PayrollTax {
  readonly socialSecurityWageBase: Usd;
  readonly seOasdiRate: RateParam;
  readonly seMedicareRate: RateParam;
  readonly seNetEarningsFactor: RateParam;
  readonly seMinimumNetEarnings: Usd;
  readonly seDeductibleShare: RateParam;
  /** IRC 3111(a): the employer's Social Security tax on wages up to the wage base. */
  readonly employerOasdiRate: RateParam;
  /** IRC 3111(b): the employer's Medicare tax on all wages. */
  readonly employerMedicareRate: RateParam;
  readonly additionalMedicareRate: RateParam;
  readonly additionalMedicareThreshold: ByFilingStatus<Usd>;
}

export interface YearParameters {
  readonly year: number;
  readonly plan: PlanLimits;
  readonly payroll: PayrollTax;
  /** IRA phase-outs and the IRA rules' statutory figures (IRC 219(g), 408A(c)(3), 4973). */
  readonly ira: IraParameters;
}
