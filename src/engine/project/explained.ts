/**
 * Growth inputs with the rule or assumption behind each amount and rate: a projection's or the
 * optimizer's numbers (`values`), how each money and rate field was arrived at (`bases`: taken
 * from a household by a rule, a stated assumption, or given by the user) and, when they came
 * from a household, the household figures they were computed from. The reports turn each basis
 * into a Figure; an assumption's citation is `assumption`, a value the user gave is `input`.
 */
import type { Figure, RateFigure } from '../explain.js';
import type { FilingStatus } from '../tax/filing-status.js';
import type { AssumptionEntries } from './assumptions.js';
import type { EmployerTrade } from './trade-offs.js';

/** The money and rate fields of the projection and optimizer inputs. */
export type ExplainedField =
  | 'budget'
  | 'contribution'
  | 'preTaxRoom'
  | 'expectedReturn'
  | 'volatility'
  | 'inflation'
  | 'currentRate'
  | 'retirementRate'
  | 'capitalGainsRate'
  | 'dividendYield';

/** How one field was arrived at: the rule ("why") and its citation, and the figures it used. */
export interface Basis {
  readonly why: string;
  readonly citation: string;
  /** Keys of the household figures it was computed from (`household.taxableIncome`, …). */
  readonly inputs?: readonly string[];
}

export type Bases = Readonly<Partial<Record<ExplainedField, Basis>>>;

/** The citation of a stated assumption (no rule gives the number). */
export const ASSUMPTION = 'assumption';
/** The citation of a value the user gave. */
const INPUT = 'input';

/** Each field's label in the reports. */
export const FIELD_LABEL: Readonly<Record<ExplainedField, string>> = {
  budget: 'Budget: take-home pay saved a year',
  contribution: 'Saved each year (take-home dollars)',
  preTaxRoom: 'Of which could go pre-tax',
  expectedReturn: 'Expected return',
  volatility: 'Volatility of the yearly return',
  inflation: 'Inflation',
  currentRate: 'Marginal rate now',
  retirementRate: 'Marginal rate in retirement',
  capitalGainsRate: 'Rate on dividends and long-term gains',
  dividendYield: 'Dividend yield of the taxable account',
};

/**
 * The household the inputs were taken from: the tax facts behind the rates (keys
 * `household.*`) and the assumed ages.
 */
export interface HouseholdBasis {
  readonly name?: string;
  /** True for the built-in example (no FILE). */
  readonly builtInExample: boolean;
  readonly taxYear: number;
  readonly filingStatus: FilingStatus;
  /** Age at the end of the tax year of the youngest person (the horizon follows them). */
  readonly age: number;
  /** The youngest's age when the last person retires (assumed, or `people[].retirementAge`). */
  readonly retirementAge: number;
  /** Assumed. */
  readonly planEndAge: number;
  /** The year the plans to Roth end for their employee (`jobs[].endDate`) before retirement. */
  readonly separationYear: number | null;
  readonly taxableIncome: Figure;
  readonly magi: Figure;
  readonly federalRate: RateFigure;
  readonly stateRate: RateFigure;
  readonly retirementStateRate: RateFigure;
  /** Null when a retirement tax rate is given instead. */
  readonly retirementTaxableIncome: Figure | null;
  readonly retirementFederalRate: RateFigure;
  readonly capitalGainsFederalRate: RateFigure;
  /** The NIIT rate on the taxable account: 3.8% or 0. */
  readonly niitRate: RateFigure;
  /** Every planning assumption with its value and source. */
  readonly assumptions: AssumptionEntries;
}

/** Inputs of type T with their bases and the household they came from (null: none). */
export interface Explained<T> {
  readonly values: T;
  readonly bases: Bases;
  readonly household: HouseholdBasis | null;
  /** The employer contribution a solo plan could trade for after-tax room (none: absent). */
  readonly employerTrade?: EmployerTrade;
}

/** The basis of `field` (every report input has one: a missing basis is a bug). */
export function basisOf(bases: Bases, field: ExplainedField): Basis {
  const b = bases[field];
  if (!b) throw new Error(`no basis for ${field}`);
  return b;
}

/** Inputs taken from a household (the household is always there). */
export type FromHousehold<T> = Explained<T> & { readonly household: HouseholdBasis };

/** The basis of a value the user gave (`where`: the file and field, or the option). */
export function given(where: string): Basis {
  return { why: `given: ${where}`, citation: INPUT };
}

/** The basis of a stated assumption. */
export function assumed(why: string): Basis {
  return { why: `assumed: ${why}`, citation: ASSUMPTION };
}

/** Replaces one money or rate field of the values with one the user gave (`where`: the option). */
export function withGiven<T extends object>(
  e: Explained<T>,
  field: ExplainedField & keyof T,
  value: number,
  where: string,
): Explained<T> {
  return {
    ...e,
    values: { ...e.values, [field]: value },
    bases: { ...e.bases, [field]: given(where) },
  };
}

/**
 * Replaces the years to retirement; a household's retirement and end ages move with it, and a
 * separation no longer before retirement becomes retirement.
 */
export function withYears<
  T extends {
    readonly years: number;
    readonly withdrawalYears: number;
    readonly separationYears?: number;
    readonly contributionYears?: number;
  },
>(e: Explained<T>, years: number): Explained<T> {
  const h = e.household;
  const values: Record<string, unknown> = { ...e.values, years };
  const sep = e.values.separationYears;
  if (sep !== undefined && sep >= years) {
    delete values['separationYears'];
    if (e.values.contributionYears === sep) delete values['contributionYears'];
  }
  return {
    ...e,
    values: values as unknown as T,
    household: h && {
      ...h,
      retirementAge: h.age + years,
      planEndAge: h.age + years + e.values.withdrawalYears,
    },
  };
}
