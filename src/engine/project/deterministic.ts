/**
 * Deterministic projection of the four strategies at a constant yearly return: balances by
 * account type per year, the after-tax wealth at retirement and at the end of the plan, what
 * Roth-lite moves at separation and the tax on its gains, and the break-even retirement rate
 * of pre-tax money against (a) or (b).
 * Floating-point cents from the kernel are rounded half-up to the cent here, for the report.
 */
import type { Cents } from '../money.js';
import { checkProjectionInputs, type ProjectionInputs } from './inputs.js';
import { kernelOf, runPath, type PathBalances } from './kernel.js';
import { STRATEGIES, type StrategyId } from './strategies.js';

/** Balances of one strategy after a year, cents. */
export interface AccountRow {
  /** Roth money (Roth account, or Roth IRA after separation). */
  readonly roth: Cents;
  /** Pre-tax money (pre-tax account, or the traditional IRA holding Roth-lite earnings). */
  readonly preTax: Cents;
  /** After-tax money still in the plan (Roth-lite before separation). */
  readonly afterTax: Cents;
  readonly taxable: Cents;
  /** After-tax cash received from withdrawals so far. */
  readonly received: Cents;
  /** `received` plus the after-tax value of every account if sold that day. */
  readonly wealth: Cents;
}

export interface YearRow {
  /** 1 = the end of the first year. */
  readonly year: number;
  readonly phase: 'saving' | 'withdrawing';
  readonly strategies: Readonly<Record<StrategyId, AccountRow>>;
}

export interface StrategyOutcome {
  /** After-tax wealth at retirement (the end of the last saving year). */
  readonly atRetirement: Cents;
  /** After-tax wealth at the end of the plan, nominal. */
  readonly atEnd: Cents;
  /** The same in today's dollars (deflated by inflation over the whole plan). */
  readonly atEndToday: Cents;
}

export interface Projection {
  readonly rows: readonly YearRow[];
  readonly outcomes: Readonly<Record<StrategyId, StrategyOutcome>>;
  /** Roth-lite at separation: basis to the Roth IRA, earnings to a traditional IRA. */
  readonly separation: {
    readonly toRothIra: Cents;
    readonly toTraditionalIra: Cents;
    /** Tax on those earnings at the retirement rate when withdrawn. */
    readonly taxOnEarnings: Cents;
  };
}

/** The break-even retirement rate is looked for from 0 up to this rate. */
export const BREAK_EVEN_MAX_RATE = 0.99;

/** Rounds floating-point cents half-up to the cent (for the report). */
export function roundCents(x: number): Cents {
  return Math.round(x);
}

function constantGrowth(i: ProjectionInputs): Float64Array {
  const g = new Float64Array(i.years + i.withdrawalYears);
  g.fill(1 + i.expectedReturn);
  return g;
}

function wealthArrays(n: number): [Float64Array, Float64Array, Float64Array, Float64Array] {
  return [new Float64Array(n), new Float64Array(n), new Float64Array(n), new Float64Array(n)];
}

/** End wealth of the four strategies at a constant return (floating-point cents). */
export function endWealth(i: ProjectionInputs): Float64Array {
  const g = constantGrowth(i);
  const out = wealthArrays(g.length);
  runPath(kernelOf(i), g, out, 1, 0);
  const last = g.length - 1;
  return Float64Array.from(out.map((o) => o[last] ?? 0));
}

/**
 * The retirement rate at which (c), pre-tax money with the tax saved invested (as much as
 * `i.preTaxRoom` allows), ends with the same wealth as `against` — (a) the full Mega Backdoor
 * or (b) Roth-lite; below it (c) ends ahead. Null when there is none from 0 to
 * `BREAK_EVEN_MAX_RATE` or nothing could go pre-tax.
 */
export function breakEvenRetirementRate(
  i: ProjectionInputs,
  against: 'fullMbr' | 'rothLite' = 'fullMbr',
): number | null {
  const at = against === 'fullMbr' ? 0 : 1;
  const diff = (tr: number): number => {
    const w = endWealth({ ...i, retirementRate: tr });
    return (w[2] ?? 0) - (w[at] ?? 0);
  };
  if (i.preTaxRoom === 0) return null;
  let lo = 0;
  let hi = BREAK_EVEN_MAX_RATE;
  if (i.contribution === 0 || diff(lo) < 0 || diff(hi) > 0) return null;
  for (let n = 0; n < 60; n++) {
    const mid = (lo + hi) / 2;
    if (diff(mid) > 0) lo = mid;
    else hi = mid;
  }
  return Math.round(((lo + hi) / 2) * 1e6) / 1e6;
}

function row(b: PathBalances, w: readonly number[]): Record<StrategyId, AccountRow> {
  const r = roundCents;
  return {
    fullMbr: {
      roth: r(b.fullMbr.roth),
      preTax: 0,
      afterTax: 0,
      taxable: 0,
      received: r(b.fullMbr.received),
      wealth: r(w[0] ?? 0),
    },
    rothLite: {
      roth: r(b.rothLite.rothIra),
      preTax: r(b.rothLite.traditionalIra),
      afterTax: r(b.rothLite.plan),
      taxable: 0,
      received: r(b.rothLite.received),
      wealth: r(w[1] ?? 0),
    },
    preTax: {
      roth: 0,
      preTax: r(b.preTax.preTax),
      afterTax: 0,
      taxable: r(b.preTax.taxable),
      received: r(b.preTax.received),
      wealth: r(w[2] ?? 0),
    },
    taxable: {
      roth: 0,
      preTax: 0,
      afterTax: 0,
      taxable: r(b.taxable.taxable),
      received: r(b.taxable.received),
      wealth: r(w[3] ?? 0),
    },
  };
}

/** Projects the four strategies deterministically; throws an InputError for bad inputs. */
export function projectStrategies(i: ProjectionInputs): Projection {
  checkProjectionInputs(i);
  const g = constantGrowth(i);
  const out = wealthArrays(g.length);
  const rows: YearRow[] = [];
  let sepBasis = 0;
  let sepPlan = 0;
  runPath(kernelOf(i), g, out, 1, 0, (y, b) => {
    if (y === (i.separationYears ?? i.years) - 1) {
      sepBasis = b.rothLite.basis;
      sepPlan = b.rothLite.plan;
    }
    const w = out.map((o) => o[y] ?? 0);
    rows.push({
      year: y + 1,
      phase: y < i.years ? 'saving' : 'withdrawing',
      strategies: row(b, w),
    });
  });
  const deflator = (1 + i.inflation) ** g.length;
  const outcomes = {} as Record<StrategyId, StrategyOutcome>;
  STRATEGIES.forEach((s, k) => {
    const o = out[k] ?? new Float64Array(0);
    const end = o[g.length - 1] ?? 0;
    outcomes[s] = {
      atRetirement: roundCents(o[i.years - 1] ?? 0),
      atEnd: roundCents(end),
      atEndToday: roundCents(end / deflator),
    };
  });
  const toRothIra = roundCents(Math.min(sepBasis, sepPlan));
  const toTraditionalIra = roundCents(sepPlan) - toRothIra;
  return {
    rows,
    outcomes,
    separation: {
      toRothIra,
      toTraditionalIra,
      taxOnEarnings: roundCents(toTraditionalIra * i.retirementRate),
    },
  };
}
