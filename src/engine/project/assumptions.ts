/**
 * The planning assumptions (not tax law: no rule gives these numbers) with their defaults, and
 * each value's source: the default here, the scenario file (`assumptions`, `people[].
 * retirementAge`) or a command-line flag (flags override the file). `plan`'s "what it's worth",
 * `compare` and `optimize` take them from here and list each with its value and source.
 */
import { figure, rateFigure, type Figure, type RateFigure } from '../explain.js';
import { InputError } from '../errors.js';
import { cents, formatUsd, rateValue, type Cents } from '../money.js';
import { percentText } from '../report/percent.js';
import type { Scenario } from '../scenario/schema.js';

/** Where an assumption's value came from. */
export type AssumptionSource = 'default' | 'file' | 'flag';

/** The assumptions as numbers: rates are decimal fractions (0.05 = 5%), money is cents. */
export interface AssumptionValues {
  /** State marginal rate on ordinary income now. */
  readonly stateIncomeTaxRate: number;
  /** State marginal rate in retirement (default: the rate now). */
  readonly retirementStateIncomeTaxRate: number;
  readonly expectedReturn: number;
  readonly volatility: number;
  readonly inflation: number;
  readonly dividendYield: number;
  /** Federal marginal rate on withdrawals in retirement, when given instead of the income. */
  readonly retirementTaxRate: number | null;
  /** Taxable income in retirement, today's dollars (sets the federal bracket). */
  readonly retirementTaxableIncome: Cents | null;
  /** Whether the taxable account pays the NIIT; null: from MAGI against the threshold. */
  readonly taxableAccountPaysNiit: boolean | null;
  /** Retirement age of every person who gives none. */
  readonly retirementAge: number;
  readonly planEndAge: number;
  /** Federal rate on qualified dividends and long-term gains (one IRC 1(h)(1) bracket). */
  readonly capitalGainsFederalRate: number;
}

export type AssumptionKey = keyof AssumptionValues;

/** The defaults. */
export const DEFAULT_ASSUMPTIONS: Readonly<AssumptionValues> = {
  stateIncomeTaxRate: 0.05,
  retirementStateIncomeTaxRate: 0.05,
  expectedReturn: 0.07,
  volatility: 0.15,
  inflation: 0.025,
  dividendYield: 0.015,
  retirementTaxRate: null,
  retirementTaxableIncome: cents(150_000),
  taxableAccountPaysNiit: null,
  retirementAge: 65,
  planEndAge: 90,
  capitalGainsFederalRate: 0.15,
};

/** The assumptions in use and where each came from. */
export interface GrowthAssumptions {
  readonly values: AssumptionValues;
  readonly sources: Readonly<Record<AssumptionKey, AssumptionSource>>;
}

/** Values given in the file or by flags (only the fields given). */
export type GivenAssumptions = Partial<AssumptionValues>;

/** The file's `assumptions` block (and no per-person ages) as values. */
export function fileAssumptions(s: Scenario): GivenAssumptions {
  const a = s.assumptions;
  if (!a) return {};
  const rate = (r: { num: number; den: number } | undefined) =>
    r === undefined ? undefined : rateValue(r);
  const out: Record<string, number | boolean | undefined> = {
    stateIncomeTaxRate: rate(a.stateIncomeTaxRate),
    retirementStateIncomeTaxRate: rate(a.retirementStateIncomeTaxRate),
    expectedReturn: rate(a.expectedReturn),
    volatility: rate(a.volatility),
    inflation: rate(a.inflation),
    dividendYield: rate(a.dividendYield),
    retirementTaxRate: rate(a.retirementTaxRate),
    retirementTaxableIncome: a.retirementTaxableIncome,
    taxableAccountPaysNiit: a.taxableAccountPaysNiit,
    planEndAge: a.planEndAge,
  };
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined));
}

/**
 * The assumptions in use: each flag over the file over the default. The retirement rate and
 * the retirement income exclude each other (one given at a level replaces the other from a
 * lower level); the state rate in retirement follows the rate now unless given.
 */
export function resolveAssumptions(
  file: GivenAssumptions = {},
  flags: GivenAssumptions = {},
): GrowthAssumptions {
  if (flags.retirementTaxRate != null && flags.retirementTaxableIncome != null) {
    throw new InputError([
      {
        path: 'assumptions.retirementTaxRate',
        message:
          'give the retirement tax rate or the retirement taxable income, not both: the rate is used as given, the income sets the rate by its bracket',
      },
    ]);
  }
  const values: Record<string, unknown> = { ...DEFAULT_ASSUMPTIONS };
  const sources = Object.fromEntries(
    Object.keys(DEFAULT_ASSUMPTIONS).map((k) => [k, 'default']),
  ) as Record<AssumptionKey, AssumptionSource>;
  const apply = (given: GivenAssumptions, source: AssumptionSource): void => {
    for (const [k, v] of Object.entries(given) as [AssumptionKey, unknown][]) {
      if (v === undefined || v === null) continue;
      values[k] = v;
      sources[k] = source;
      if (k === 'retirementTaxRate') values['retirementTaxableIncome'] = null;
      if (k === 'retirementTaxableIncome') values['retirementTaxRate'] = null;
    }
    if (given.retirementTaxRate != null) sources.retirementTaxableIncome = source;
    if (given.retirementTaxableIncome != null) sources.retirementTaxRate = source;
  };
  apply(file, 'file');
  apply(flags, 'flag');
  if (sources.retirementStateIncomeTaxRate === 'default') {
    values['retirementStateIncomeTaxRate'] = values['stateIncomeTaxRate'];
    sources.retirementStateIncomeTaxRate = sources.stateIncomeTaxRate;
  }
  return { values: values as unknown as AssumptionValues, sources };
}

/** The defaults alone. */
export const DEFAULT_GROWTH_ASSUMPTIONS: GrowthAssumptions = resolveAssumptions();

/** Each assumption's label and what it is for. */
export const ASSUMPTION_LABELS: Readonly<Record<AssumptionKey, [string, string]>> = {
  stateIncomeTaxRate: ['State income tax rate now', 'one flat state rate on ordinary income now'],
  retirementStateIncomeTaxRate: [
    'State income tax rate in retirement',
    'one flat state rate on withdrawals in retirement',
  ],
  expectedReturn: [
    'Expected return',
    'nominal yearly return (the arithmetic mean of the yearly returns)',
  ],
  volatility: ['Volatility', 'standard deviation of the yearly return'],
  inflation: ['Inflation', 'yearly inflation; only deflates the end value to today’s dollars'],
  dividendYield: ['Dividend yield', 'yearly dividend yield of a taxable account, taxed each year'],
  retirementTaxRate: [
    'Federal tax rate in retirement',
    'the federal marginal rate on withdrawals of pre-tax money, as given',
  ],
  retirementTaxableIncome: [
    'Taxable income in retirement (today’s dollars)',
    'sets the federal bracket of withdrawals of pre-tax money',
  ],
  taxableAccountPaysNiit: [
    'Taxable account pays the NIIT',
    'whether the 3.8% Net Investment Income Tax is added to the rate on the taxable account’s dividends and gains',
  ],
  retirementAge: ['Retirement age', 'the age at which saving stops and withdrawals begin'],
  planEndAge: ['Plan end age', 'the age at which the withdrawals end'],
  capitalGainsFederalRate: [
    'Federal rate on qualified dividends and long-term gains',
    'one IRC 1(h)(1) bracket for every year',
  ],
};

/** One assumption as a report lists it. */
export interface AssumptionEntry {
  readonly label: string;
  /** A rate or money as a figure; an age; a yes/no; null when the other of a pair is used. */
  readonly value: RateFigure | Figure | number | boolean | null;
  readonly source: AssumptionSource;
  /** How the value was taken (for a default: that it is a default). */
  readonly why: string;
}

export type AssumptionEntries = Readonly<Record<AssumptionKey, AssumptionEntry>>;

const SOURCE_TEXT: Readonly<Record<AssumptionSource, string>> = {
  default: 'default assumption (megaroth’s, not a tax rule)',
  file: 'from the scenario file',
  flag: 'given on the command line',
};

/** The citation of an assumption: a default is megaroth's assumption, a given value the user's input. */
export function citationOf(source: AssumptionSource): string {
  return source === 'default' ? 'assumption' : 'input';
}

const RATES: readonly AssumptionKey[] = [
  'stateIncomeTaxRate',
  'retirementStateIncomeTaxRate',
  'expectedReturn',
  'volatility',
  'inflation',
  'dividendYield',
  'retirementTaxRate',
  'capitalGainsFederalRate',
];

/**
 * The assumptions as a report lists them (keys `<prefix>.<name>`). `niit` is what the
 * household's MAGI decided when the NIIT was not given; `retirementAge` is the age in use, and
 * `retirementAgeFrom` where it came from (a person's `retirementAge` in the file counts as file).
 */
export function assumptionEntries(
  prefix: string,
  a: GrowthAssumptions,
  used: {
    readonly taxableAccountPaysNiit: boolean;
    readonly niitWhy: string;
    readonly retirementAge: number;
    readonly retirementAgeSource: AssumptionSource;
  },
): AssumptionEntries {
  const out: Partial<Record<AssumptionKey, AssumptionEntry>> = {};
  for (const key of Object.keys(ASSUMPTION_LABELS) as AssumptionKey[]) {
    const [label, what] = ASSUMPTION_LABELS[key];
    const source = key === 'retirementAge' ? used.retirementAgeSource : a.sources[key];
    const why = `${SOURCE_TEXT[source]}: ${what}`;
    const v = a.values[key];
    let value: AssumptionEntry['value'];
    if (key === 'taxableAccountPaysNiit') value = used.taxableAccountPaysNiit;
    else if (key === 'retirementAge') value = used.retirementAge;
    else if (v === null || typeof v === 'boolean') value = v;
    else if (RATES.includes(key))
      value = rateFigure(`${prefix}.${key}`, label, v, why, 'assumption');
    else if (key === 'retirementTaxableIncome')
      value = figure(`${prefix}.${key}`, label, v, why, 'assumption');
    else value = v;
    out[key] = {
      label,
      value,
      source,
      why:
        key === 'taxableAccountPaysNiit' && a.values.taxableAccountPaysNiit === null
          ? `${SOURCE_TEXT.default}: ${used.niitWhy}`
          : why,
    };
  }
  return out as AssumptionEntries;
}

/** One line per assumption: "label: value (source)", for `--explain`. */
export function assumptionLines(e: AssumptionEntries): string[] {
  return (Object.keys(e) as AssumptionKey[]).map((k) => {
    const x = e[k];
    const v = x.value;
    const text =
      v === null
        ? 'not used'
        : typeof v === 'boolean'
          ? v
            ? 'yes'
            : 'no'
          : typeof v === 'number'
            ? String(v)
            : 'cents' in v
              ? formatUsd(v.cents)
              : percentText(v.rate);
    return `${k} = ${text} (${x.source}): ${x.why}`;
  });
}

/** The same entries under another key prefix (a report that lists them elsewhere). */
export function rekeyAssumptions(e: AssumptionEntries, prefix: string): AssumptionEntries {
  return Object.fromEntries(
    (Object.keys(e) as AssumptionKey[]).map((k) => {
      const x = e[k];
      const v = x.value;
      const value = v !== null && typeof v === 'object' ? { ...v, key: `${prefix}.${k}` } : v;
      return [k, { ...x, value }];
    }),
  ) as AssumptionEntries;
}
