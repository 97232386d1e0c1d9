/**
 * The 10% additional tax on early distributions (IRC 72(t)(1)) on the part of a distribution
 * includible in income and not rolled over, and its exceptions (IRC 72(t)(2), 72(t)(10)): age
 * 59½ from the birth date, separation from service in or after the calendar year of reaching
 * 55 (50 for a qualified public safety employee; plans only, Notice 87-13 Q&A-20), and the
 * others by name — each with the accounts it applies to (IRC 72(t)(3)) and whether it covers
 * only a qualifying amount.
 */
import { addMonths, isIsoDate, yearOf, type IsoDate } from '../dates.js';
import { InputError, type InputIssue } from '../errors.js';
import { applyRate, formatUsd, min, type Cents } from '../money.js';
import { rate } from '../params/index.js';
import { distributionConstants } from '../params/distributions.js';
import { QUALIFIED_AGE_TEXT, ageText } from './params-text.js';

/** Which accounts an exception applies to (IRC 72(t)(3)): plans, IRAs or both. */
export type ExceptionScope = 'plan' | 'ira' | 'both';

/** An exception to the 10% additional tax that is claimed by name. */
export interface EarlyException {
  readonly label: string;
  readonly citation: string;
  readonly appliesTo: ExceptionScope;
  /**
   * True when it covers only a qualifying amount (expenses paid, a dollar limit): the amount is
   * given with the distribution. False when it covers the whole distribution.
   */
  readonly limited: boolean;
}

/** The exceptions claimed by name (age 59½ and separation from service are computed). */
export const EARLY_EXCEPTIONS = {
  death: {
    label: 'paid to a beneficiary or the estate after the owner’s death',
    citation: 'IRC 72(t)(2)(A)(ii)',
    appliesTo: 'both',
    limited: false,
  },
  disability: {
    label: 'attributable to total and permanent disability',
    citation: 'IRC 72(t)(2)(A)(iii), 72(m)(7)',
    appliesTo: 'both',
    limited: false,
  },
  sepp: {
    label:
      'part of a series of substantially equal periodic payments (from a plan: after separation from service)',
    citation: 'IRC 72(t)(2)(A)(iv), 72(t)(3)(B)',
    appliesTo: 'both',
    limited: false,
  },
  'esop-dividends': {
    label: 'ESOP dividends paid out under IRC 404(k)',
    citation: 'IRC 72(t)(2)(A)(vi)',
    appliesTo: 'plan',
    limited: false,
  },
  levy: {
    label: 'made on account of an IRS levy',
    citation: 'IRC 72(t)(2)(A)(vii)',
    appliesTo: 'both',
    limited: false,
  },
  qdro: {
    label: 'paid to an alternate payee under a qualified domestic relations order',
    citation: 'IRC 72(t)(2)(C)',
    appliesTo: 'plan',
    limited: false,
  },
  reservist: {
    label: 'a qualified reservist distribution (called to active duty)',
    citation: 'IRC 72(t)(2)(G)',
    appliesTo: 'both',
    limited: false,
  },
  'terminal-illness': {
    label: 'paid to a terminally ill individual',
    citation: 'IRC 72(t)(2) as amended by SECURE 2.0 Act §326',
    appliesTo: 'both',
    limited: false,
  },
  medical: {
    label: 'unreimbursed medical expenses above the IRC 213 floor (the qualifying amount)',
    citation: 'IRC 72(t)(2)(B)',
    appliesTo: 'both',
    limited: true,
  },
  'birth-adoption': {
    label: 'a qualified birth or adoption distribution (the qualifying amount)',
    citation: 'IRC 72(t)(2)(H)',
    appliesTo: 'both',
    limited: true,
  },
  emergency: {
    label: 'an emergency personal expense distribution (the qualifying amount)',
    citation: 'IRC 72(t)(2) as amended by SECURE 2.0 Act §115; Notice 2024-55',
    appliesTo: 'both',
    limited: true,
  },
  'domestic-abuse': {
    label: 'a domestic abuse victim distribution (the qualifying amount)',
    citation: 'IRC 72(t)(2) as amended by SECURE 2.0 Act §314; Notice 2024-55',
    appliesTo: 'both',
    limited: true,
  },
  disaster: {
    label: 'a qualified disaster recovery distribution (the qualifying amount)',
    citation: 'IRC 72(t)(11) (SECURE 2.0 Act §331)',
    appliesTo: 'both',
    limited: true,
  },
  'health-insurance': {
    label: 'health insurance premiums paid while unemployed (the qualifying amount)',
    citation: 'IRC 72(t)(2)(D)',
    appliesTo: 'ira',
    limited: true,
  },
  'higher-education': {
    label: 'qualified higher education expenses (the qualifying amount)',
    citation: 'IRC 72(t)(2)(E), 72(t)(7)',
    appliesTo: 'ira',
    limited: true,
  },
  'first-home': {
    label: 'a qualified first-time homebuyer distribution (within the lifetime limit)',
    citation: 'IRC 72(t)(2)(F), 72(t)(8)',
    appliesTo: 'ira',
    limited: true,
  },
} as const satisfies Record<string, EarlyException>;

export type EarlyExceptionName = keyof typeof EARLY_EXCEPTIONS;

const ALL = Object.keys(EARLY_EXCEPTIONS) as EarlyExceptionName[];

/** The exceptions a plan participant can claim by name. */
export const PLAN_EXCEPTIONS: readonly EarlyExceptionName[] = ALL.filter(
  (n) => EARLY_EXCEPTIONS[n].appliesTo !== 'ira',
);

/** The exceptions an IRA owner can claim by name. */
export const IRA_EXCEPTIONS: readonly EarlyExceptionName[] = ALL.filter(
  (n) => EARLY_EXCEPTIONS[n].appliesTo !== 'plan',
);

/** The date a person born on `birthDate` reaches age 59½ (IRC 72(t)(2)(A)(i)). */
export function age59HalfDate(birthDate: IsoDate): IsoDate {
  return addMonths(birthDate, distributionConstants.qualifiedAgeMonths.value);
}

/** The first calendar year in which a separation from service meets 72(t)(2)(A)(v) / 72(t)(10). */
export function separationExceptionYear(birthDate: IsoDate, publicSafety: boolean): number {
  const age = publicSafety
    ? distributionConstants.publicSafetySeparationAge.value
    : distributionConstants.separationExceptionAge.value;
  return yearOf(birthDate) + age;
}

/** What decides the 10% tax on a plan distribution (fields named as the engine names them). */
export interface PlanEarlyTaxInput {
  /** Includible in income and kept (not rolled over): the base of the tax (IRC 72(t)(1)). */
  readonly subjectTo: Cents;
  readonly birthDate?: IsoDate;
  /** The date of the distribution. */
  readonly date?: IsoDate;
  /** The calendar year of separation from service with the employer maintaining the plan. */
  readonly separationYear?: number;
  /** A qualified public safety employee (IRC 72(t)(10)). */
  readonly publicSafety?: boolean;
  readonly exception?: EarlyExceptionName;
  /** With a limited exception: the amount it covers (expenses paid, within its limit). */
  readonly exceptionAmount?: Cents;
}

/** Which rule decided the tax. */
export type EarlyTaxRule =
  'nothing-kept' | 'age' | 'separation' | 'exception' | 'partial-exception' | 'early';

/** The 10% tax on one distribution, or why it could not be computed. */
export type EarlyTax =
  | {
      readonly computed: true;
      readonly subjectTo: Cents;
      /** Covered by an exception. */
      readonly exempt: Cents;
      readonly tax: Cents;
      readonly rule: EarlyTaxRule;
      /** Why this much is exempt (or none), from the parameters and the figures. */
      readonly why: string;
      readonly citation: string;
    }
  | {
      readonly computed: false;
      readonly subjectTo: Cents;
      /** What is missing. */
      readonly why: string;
    };

const TAX_CITE = 'IRC 72(t)(1)';

/** Checks a claimed exception and its amount for an account kind; issues name the fields. */
export function checkException(
  scope: 'plan' | 'ira',
  exception: string | undefined,
  exceptionAmount: Cents | undefined,
  path = '',
): InputIssue[] {
  const at = (f: string): string => (path ? `${path}.${f}` : f);
  const allowed = scope === 'plan' ? PLAN_EXCEPTIONS : IRA_EXCEPTIONS;
  if (exception === undefined) {
    return exceptionAmount === undefined
      ? []
      : [{ path: at('exceptionAmount'), message: 'only applies with an exception' }];
  }
  if (!(allowed as readonly string[]).includes(exception)) {
    return [
      {
        path: at('exception'),
        message: `"${exception}" is not an exception for ${scope === 'plan' ? 'a plan' : 'an IRA'} distribution; allowed: ${allowed.join(', ')}`,
      },
    ];
  }
  const e = EARLY_EXCEPTIONS[exception as EarlyExceptionName];
  if (!e.limited && exceptionAmount !== undefined) {
    return [
      {
        path: at('exceptionAmount'),
        message: `"${exception}" covers the whole distribution; no amount is given with it`,
      },
    ];
  }
  if (e.limited && exceptionAmount === undefined && exception !== 'first-home') {
    return [
      {
        path: at('exceptionAmount'),
        message: `is needed with "${exception}": the amount the exception covers (${e.label})`,
      },
    ];
  }
  return [];
}

/**
 * The 10% additional tax on a plan distribution's includible part that is kept: none at or after
 * age 59½, none after a separation from service in or after the year of turning 55 (50 for a
 * qualified public safety employee), none or less under a named exception; otherwise 10% of
 * it, rounded half-up to the cent. Not computed (with the reason) when the birth date or the
 * date is missing and no exception settles it. Throws InputError naming the field.
 */
export function planEarlyTax(i: PlanEarlyTaxInput): EarlyTax {
  const issues: InputIssue[] = checkException('plan', i.exception, i.exceptionAmount);
  if (i.birthDate !== undefined && !isIsoDate(i.birthDate))
    issues.push({ path: 'birthDate', message: 'expected a real date written YYYY-MM-DD' });
  if (i.date !== undefined && !isIsoDate(i.date))
    issues.push({ path: 'date', message: 'expected a real date written YYYY-MM-DD' });
  if (
    issues.length === 0 &&
    i.birthDate !== undefined &&
    i.date !== undefined &&
    i.date < i.birthDate
  )
    issues.push({ path: 'date', message: `${i.date} is before the birth date ${i.birthDate}` });
  if (
    issues.length === 0 &&
    i.birthDate !== undefined &&
    i.separationYear !== undefined &&
    i.separationYear < yearOf(i.birthDate)
  )
    issues.push({ path: 'separationYear', message: 'is before the birth date' });
  if (issues.length > 0) throw new InputError(issues);

  const tenPercent = rate(distributionConstants.additionalTaxRate);
  const u = formatUsd;
  const base = i.subjectTo;
  const done = (
    rule: EarlyTaxRule,
    exempt: Cents,
    why: string,
    citation: string,
  ): EarlyTax & { computed: true } => ({
    computed: true,
    subjectTo: base,
    exempt,
    tax: applyRate(base - exempt, tenPercent),
    rule,
    why,
    citation,
  });
  if (base === 0) {
    return done(
      'nothing-kept',
      0,
      'no pre-tax money is kept: basis and what is rolled over are not includible',
      TAX_CITE,
    );
  }
  const ex = i.exception === undefined ? undefined : EARLY_EXCEPTIONS[i.exception];
  if (ex && !ex.limited) return done('exception', base, ex.label, ex.citation);
  if (i.birthDate !== undefined && i.date !== undefined && i.date >= age59HalfDate(i.birthDate)) {
    return done(
      'age',
      base,
      `paid on or after age ${QUALIFIED_AGE_TEXT} (${age59HalfDate(i.birthDate)})`,
      'IRC 72(t)(2)(A)(i)',
    );
  }
  if (i.birthDate !== undefined && i.separationYear !== undefined) {
    const from = separationExceptionYear(i.birthDate, i.publicSafety === true);
    const age = i.publicSafety
      ? distributionConstants.publicSafetySeparationAge.value
      : distributionConstants.separationExceptionAge.value;
    const paidAfter = i.date === undefined || yearOf(i.date) >= i.separationYear;
    if (i.separationYear >= from && paidAfter) {
      return done(
        'separation',
        base,
        `separated from service in ${String(i.separationYear)}, in or after the year of turning ${ageText(age * 12)} (${String(from)})${i.publicSafety ? ' as a qualified public safety employee' : ''}`,
        i.publicSafety
          ? 'IRC 72(t)(10); IRC 72(t)(2)(A)(v); Notice 87-13, Q&A-20'
          : 'IRC 72(t)(2)(A)(v); Notice 87-13, Q&A-20',
      );
    }
  }
  const known = i.birthDate !== undefined && i.date !== undefined;
  if (ex && i.exception !== undefined && (known || min(i.exceptionAmount ?? base, base) === base)) {
    const covered = min(i.exceptionAmount ?? base, base);
    return done(
      covered === base ? 'exception' : 'partial-exception',
      covered,
      covered === base ? `${ex.label}: ${u(covered)}` : `${ex.label}: ${u(covered)} of ${u(base)}`,
      `${TAX_CITE}; ${ex.citation}`,
    );
  }
  if (!known) {
    return {
      computed: false,
      subjectTo: base,
      why:
        i.birthDate === undefined
          ? `the birth date is not known, so the age ${QUALIFIED_AGE_TEXT} and separation exceptions cannot be checked`
          : 'the date of the distribution is not known, so the age exception cannot be checked',
    };
  }
  return done(
    'early',
    0,
    `paid before age ${QUALIFIED_AGE_TEXT} (${age59HalfDate(i.birthDate)}) and no exception applies`,
    TAX_CITE,
  );
}
