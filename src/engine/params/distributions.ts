/**
 * Statutory constants for moving money out of plans and IRAs: the withholding rates and the
 * floor below which none is mandatory, the 10% additional tax and the ages and lifetime limit of
 * its exceptions, the five-year periods, age 59½ and the Form 8606 ratio places. They are fixed
 * by statute, regulation or the form, not by a yearly notice, so they live here rather than in
 * the year files; each carries its citation.
 */
import type { Status, Unit } from './types.js';

/** A constant with its unit, label and citation (like `Param`, plus decimal places as a unit). */
export interface Constant {
  readonly value: number;
  readonly unit: Unit | 'places';
  readonly label: string;
  readonly citation: string;
  readonly status: Status;
}

export const distributionConstants = {
  mandatoryWithholdingRate: {
    value: 0.2,
    unit: 'rate',
    label:
      'Mandatory income tax withholding on an eligible rollover distribution not directly rolled over (its taxable part)',
    citation: 'IRC 3405(c)(1)(B); Treas. Reg. 31.3405(c)-1; Notice 2014-54 §III',
    status: 'V',
  },
  mandatoryWithholdingMinimum: {
    value: 200,
    unit: 'usd',
    label:
      'No mandatory withholding when the eligible rollover distributions of the year are reasonably expected to total less than this',
    citation: 'Treas. Reg. 31.3405(c)-1, Q&A-14',
    status: 'V2',
  },
  nonperiodicWithholdingRate: {
    value: 0.1,
    unit: 'rate',
    label:
      'Withholding on a nonperiodic distribution that is not an eligible rollover distribution (its taxable part), unless the payee elects out',
    citation: 'IRC 3405(b)(1), 3405(b)(2); IRC 3405(e)(1)(B)',
    status: 'V2',
  },
  additionalTaxRate: {
    value: 0.1,
    unit: 'rate',
    label:
      '10% additional tax on early distributions, on the amount includible in income (or allocable to the taxable part of a conversion within five years)',
    citation: 'IRC 72(t)(1); IRC 408A(d)(3)(F); IRC 402A(c)(4)(D)',
    status: 'V',
  },
  separationExceptionAge: {
    value: 55,
    unit: 'age',
    label:
      'Separation from service in or after the calendar year of reaching this age: the plan’s distributions carry no 10% additional tax (plans only, not IRAs)',
    citation: 'IRC 72(t)(2)(A)(v), 72(t)(3)(A); Notice 87-13, Q&A-20',
    status: 'V2',
  },
  publicSafetySeparationAge: {
    value: 50,
    unit: 'age',
    label:
      'The same age for a qualified public safety employee (police, firefighters, emergency medical services, corrections officers) in a governmental plan',
    citation: 'IRC 72(t)(10)',
    status: 'V2',
  },
  firstHomeLifetimeLimit: {
    value: 10000,
    unit: 'usd',
    label:
      'Lifetime limit on qualified first-time homebuyer distributions (the 10% tax exception, and a Roth IRA qualified distribution for a first home; Form 8606 line 20)',
    citation: 'IRC 72(t)(2)(F), 72(t)(8)(B); IRC 408A(d)(2)(A)(iv), 408A(d)(5); Form 8606 line 20',
    status: 'V2',
  },
  fiveYearPeriodYears: {
    value: 5,
    unit: 'years',
    label:
      'Five-taxable-year period: Roth IRA qualified distributions, each conversion’s recapture period, designated Roth accounts per plan',
    citation:
      'IRC 408A(d)(2)(B), 408A(d)(3)(F); IRC 402A(d)(2)(B); Treas. Reg. 1.408A-6 Q&A-2, Q&A-5; Treas. Reg. 1.402A-1 Q&A-4',
    status: 'V',
  },
  qualifiedAgeMonths: {
    value: 714,
    unit: 'months',
    label:
      'Age 59½ in months (59 years and 6 months): qualified Roth distributions and the 72(t)(2)(A)(i) exception',
    citation: 'IRC 72(t)(2)(A)(i); IRC 408A(d)(2)(A)(i); IRC 402A(d)(2)(A)',
    status: 'V',
  },
  form8606RatioPlaces: {
    value: 3,
    unit: 'places',
    label: 'Form 8606 line 10: ratio "rounded to at least 3 places"; capped at 1.000',
    citation: 'Form 8606 (2018 and later) line 10',
    status: 'V',
  },
} as const satisfies Record<string, Constant>;
