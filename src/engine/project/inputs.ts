/**
 * Inputs of a strategy projection and their checks. Rates are decimals (0.07 = 7%); money is
 * cents. Every check names the field and what is allowed, so the CLI exits 2 with a message.
 */
import { InputError, inputError, type InputIssue } from '../errors.js';
import { formatUsd, type Cents } from '../money.js';
import { MAX_SEED } from './prng.js';

/** Largest number of Monte Carlo paths accepted (memory: about 200 bytes a path). */
export const MAX_PATHS = 100_000;
/** Longest horizon accepted, accumulation plus withdrawal years. */
export const MAX_YEARS = 100;
/**
 * The ranges a projection accepts: what a long-run plan can mean. An average nominal return
 * beyond ±20% a year, a yearly volatility above 60% (a single risky stock), inflation outside
 * −5% to 15% a year or a dividend yield above 10% held for decades is not a plan: over up to
 * `MAX_YEARS` years such values only compound into noise.
 */
export const MIN_RETURN = -0.2;
export const MAX_RETURN = 0.2;
/** Largest yearly volatility accepted. */
export const MAX_VOLATILITY = 0.6;
export const MIN_INFLATION = -0.05;
export const MAX_INFLATION = 0.15;
/** Largest marginal rate (federal plus state), now or in retirement. */
export const MAX_MARGINAL_RATE = 0.7;
/** Largest rate on qualified dividends and long-term gains (federal, NIIT and state). */
export const MAX_CAPITAL_GAINS_RATE = 0.5;
export const MAX_DIVIDEND_YIELD = 0.1;

/**
 * The largest amount a projection may reach: past it a float of cents no longer holds every
 * cent exactly, so the inputs that drive it there are refused rather than printed as noise.
 */
export const MAX_PROJECTED: Cents = Number.MAX_SAFE_INTEGER;

export interface ProjectionInputs {
  /** Take-home dollars saved each year (the same budget for every strategy), cents. */
  readonly contribution: Cents;
  /** How much of the contribution could go pre-tax instead (strategy c), cents per year. */
  readonly preTaxRoom: Cents;
  /** Years of contributions before retirement (separation from the plan). */
  readonly years: number;
  /** Years with contributions, from the start (default: every year to retirement). */
  readonly contributionYears?: number;
  /**
   * Years before Roth-lite money leaves the plan (separation from the employer): at the end of
   * them the basis goes to a Roth IRA and the earnings to a traditional IRA (default: `years`).
   * Contributions stop then too (at most `contributionYears`).
   */
  readonly separationYears?: number;
  /** Years of withdrawals after retirement (0: value at retirement only). */
  readonly withdrawalYears: number;
  /** Expected yearly return (arithmetic mean of the lognormal model), e.g. 0.07. */
  readonly expectedReturn: number;
  /** Yearly volatility (standard deviation of the yearly return), e.g. 0.15. */
  readonly volatility: number;
  /** Yearly inflation for values in today's dollars. */
  readonly inflation: number;
  /** Marginal rate now, federal plus state (pre-tax contributions save this). */
  readonly currentRate: number;
  /** Marginal rate on withdrawals of pre-tax money in retirement, federal plus state. */
  readonly retirementRate: number;
  /** Rate on qualified dividends and long-term gains, federal plus NIIT plus state. */
  readonly capitalGainsRate: number;
  /** Dividend yield of the taxable account, taxed each year at the capital gains rate. */
  readonly dividendYield: number;
}

function rangeIssue(
  issues: InputIssue[],
  path: string,
  v: number,
  min: number,
  max: number,
  what: string,
): void {
  if (!Number.isFinite(v) || v < min || v > max) {
    issues.push({
      path,
      message: `${what} must be from ${String(min)} to ${String(max)}, got ${String(v)}`,
    });
  }
}

/** Field names as the caller calls them (CLI flags or file keys). */
export type FieldNames = Partial<Record<keyof ProjectionInputs, string>>;

/** Checks every field; throws one InputError listing all problems. */
export function checkProjectionInputs(p: ProjectionInputs, names: FieldNames = {}): void {
  const n = (k: keyof ProjectionInputs): string => names[k] ?? k;
  const issues: InputIssue[] = [];
  if (!Number.isSafeInteger(p.contribution) || p.contribution < 0) {
    issues.push({ path: n('contribution'), message: 'must be a non-negative amount in dollars' });
  }
  if (!Number.isSafeInteger(p.preTaxRoom) || p.preTaxRoom < 0) {
    issues.push({ path: n('preTaxRoom'), message: 'must be a non-negative amount in dollars' });
  }
  if (!Number.isInteger(p.years) || p.years < 1) {
    issues.push({
      path: n('years'),
      message: `years to retirement must be a whole number from 1 (retirement age must be after today's age), got ${String(p.years)}`,
    });
  }
  if (!Number.isInteger(p.withdrawalYears) || p.withdrawalYears < 0) {
    issues.push({
      path: n('withdrawalYears'),
      message: `must be a whole number of years ≥ 0, got ${String(p.withdrawalYears)}`,
    });
  }
  const cy = p.contributionYears;
  if (cy !== undefined && (!Number.isInteger(cy) || cy < 0 || cy > p.years)) {
    issues.push({
      path: n('contributionYears'),
      message: `must be a whole number from 0 to the years to retirement, got ${String(cy)}`,
    });
  }
  const sy = p.separationYears;
  if (sy !== undefined && (!Number.isInteger(sy) || sy < 1 || sy > p.years)) {
    issues.push({
      path: n('separationYears'),
      message: `must be a whole number from 1 to the years to retirement, got ${String(sy)}`,
    });
  } else if (sy !== undefined && (cy ?? p.years) > sy) {
    issues.push({
      path: n('contributionYears'),
      message: `contributions end at separation: at most the ${String(sy)} years to separation, got ${String(cy ?? p.years)}`,
    });
  }
  if (p.years + p.withdrawalYears > MAX_YEARS) {
    issues.push({
      path: n('years'),
      message: `years plus withdrawal years must be at most ${String(MAX_YEARS)}`,
    });
  }
  rangeIssue(
    issues,
    n('expectedReturn'),
    p.expectedReturn,
    MIN_RETURN,
    MAX_RETURN,
    'the expected return',
  );
  rangeIssue(issues, n('volatility'), p.volatility, 0, MAX_VOLATILITY, 'the volatility');
  rangeIssue(issues, n('inflation'), p.inflation, MIN_INFLATION, MAX_INFLATION, 'inflation');
  const marginal = MAX_MARGINAL_RATE;
  rangeIssue(issues, n('currentRate'), p.currentRate, 0, marginal, 'the current marginal rate');
  rangeIssue(
    issues,
    n('retirementRate'),
    p.retirementRate,
    0,
    marginal,
    'the retirement marginal rate',
  );
  rangeIssue(
    issues,
    n('capitalGainsRate'),
    p.capitalGainsRate,
    0,
    MAX_CAPITAL_GAINS_RATE,
    'the capital gains rate',
  );
  rangeIssue(
    issues,
    n('dividendYield'),
    p.dividendYield,
    0,
    MAX_DIVIDEND_YIELD,
    'the dividend yield',
  );
  if (issues.length) throw new InputError(issues);
}

/**
 * Refuses a projection whose amounts pass `MAX_PROJECTED` (each figure by its key and label):
 * the contribution, return and years together grow past what the engine keeps to the cent.
 */
export function checkProjected(
  figures: readonly { readonly key: string; readonly label: string; readonly cents: Cents }[],
): void {
  const over = figures.find((f) => !(Math.abs(f.cents) <= MAX_PROJECTED));
  if (over === undefined) return;
  throw new InputError([
    {
      path: over.key,
      message: `${over.label} grows past ${formatUsd(MAX_PROJECTED)}, more than the engine keeps exact to the cent: lower the contribution, the expected return or the years`,
    },
  ]);
}

/** Checks a Monte Carlo path count and seed. */
export function checkSimulation(
  paths: number,
  seed: number,
  names = { paths: 'paths', seed: 'seed' },
): void {
  const issues: InputIssue[] = [];
  if (!Number.isInteger(paths) || paths < 1 || paths > MAX_PATHS) {
    issues.push({
      path: names.paths,
      message: `must be a whole number from 1 to ${String(MAX_PATHS)}, got ${String(paths)}`,
    });
  }
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) {
    issues.push({
      path: names.seed,
      message: `must be a whole number from 0 to ${String(MAX_SEED)}, got ${String(seed)}`,
    });
  }
  if (issues.length) throw new InputError(issues);
}

/** Years to retirement and of withdrawals from ages; the retirement age must come after today's. */
export function yearsFromAges(
  age: number,
  retirementAge: number,
  planEndAge: number,
  prefix = '',
): { years: number; withdrawalYears: number } {
  if (retirementAge <= age) {
    throw inputError(
      `${prefix}retirementAge`,
      `the retirement age (${String(retirementAge)}) must be after today's age (${String(age)})`,
    );
  }
  if (planEndAge < retirementAge) {
    throw inputError(`${prefix}planEndAge`, 'must not be before the retirement age');
  }
  return { years: retirementAge - age, withdrawalYears: planEndAge - retirementAge };
}
