/**
 * One path of the four strategies through accumulation and withdrawals, for one sequence of
 * yearly growth factors. The deterministic projection and every Monte Carlo path run this same
 * code, so a path with zero volatility equals the deterministic projection exactly.
 *
 * Model (per year, contributions at the start of the year, then growth):
 * - (a) full Mega Backdoor: the budget C goes in after-tax and is converted to Roth at once, so
 *   no taxable conversion earnings arise (IRC 402A(c)(4): only earnings are taxable);
 *   withdrawals are tax-free (qualified, IRC 408A(d)(1)).
 * - (b) Roth-lite: C goes in after-tax and stays in the plan; at separation (retirement, or the
 *   end of `separationYears` when the employee leaves earlier, and the contributions stop) the
 *   basis goes to a Roth IRA and the earnings to a traditional IRA (Notice 2014-54), taxed at
 *   the retirement rate when withdrawn (IRC 72, 402(a)). A value below basis all goes to the
 *   Roth IRA.
 * - (c) pre-tax: P = min(C, pre-tax room) goes in pre-tax (costing P × (1 − current rate) of
 *   take-home pay); the rest of the budget, C − P × (1 − current rate), goes to a taxable
 *   account. Pre-tax money is taxed at the retirement rate when withdrawn.
 * - (d) taxable: C goes to a brokerage account. Each year the dividend yield is taxed at the
 *   capital gains rate (qualified dividends, IRC 1(h)(11)) and the rest reinvested (adding to
 *   basis); gains above basis are taxed at the capital gains rate when sold. A year's dividends
 *   are part of its total return, so they are at most what the account holds at the end of the
 *   year (a year that loses nearly everything pays at most that much): a taxable account never
 *   goes below zero.
 * Contributions are made in the first `contributionYears` years (all years to retirement unless
 * given). Withdrawals: each year 1/(years left) of every account is taken out and taxed as above; the
 * after-tax cash is counted as received (not reinvested).
 *
 * The wealth of a strategy after a year is what it has received so far plus the after-tax value
 * of what is left if sold that day. Amounts are floating-point cents; callers round to the
 * cent when they report (estimates, not tax figures).
 */
import type { ProjectionInputs } from './inputs.js';

/** Balances of every account of the four strategies after a year (floating-point cents). */
export interface PathBalances {
  readonly fullMbr: { roth: number; received: number };
  readonly rothLite: {
    plan: number;
    basis: number;
    rothIra: number;
    traditionalIra: number;
    received: number;
  };
  readonly preTax: { preTax: number; taxable: number; taxableBasis: number; received: number };
  readonly taxable: { taxable: number; taxableBasis: number; received: number };
}

/** Called after each year with the balances (deterministic projection only). */
export type Recorder = (yearIndex: number, b: PathBalances) => void;

/** The numbers the kernel needs, precomputed once. */
export interface Kernel {
  readonly c: number;
  readonly p: number;
  readonly t: number;
  readonly tr: number;
  readonly cg: number;
  readonly dy: number;
  readonly years: number;
  readonly contributionYears: number;
  /** Years before Roth-lite money leaves the plan. */
  readonly separationYears: number;
  readonly withdrawalYears: number;
}

/** Precomputes the kernel constants from checked inputs. */
export function kernelOf(i: ProjectionInputs): Kernel {
  return {
    c: i.contribution,
    p: Math.min(i.contribution, i.preTaxRoom),
    t: i.currentRate,
    tr: i.retirementRate,
    cg: i.capitalGainsRate,
    dy: i.dividendYield,
    years: i.years,
    contributionYears: i.contributionYears ?? i.years,
    separationYears: i.separationYears ?? i.years,
    withdrawalYears: i.withdrawalYears,
  };
}

/**
 * Runs one path. `g[t]` is the growth factor of year t (1 + return); the wealth of strategy s
 * after year t is written to `out[s][t * stride + col]` (s in the order of STRATEGIES).
 */
export function runPath(
  k: Kernel,
  g: Float64Array,
  out: readonly [Float64Array, Float64Array, Float64Array, Float64Array],
  stride: number,
  col: number,
  rec?: Recorder,
): void {
  const { c, p, t, tr, cg, dy, years, contributionYears, separationYears, withdrawalYears } = k;
  const keepTr = 1 - tr;
  const keepDivAll = dy * (1 - cg);
  const loseDivAll = dy * cg;
  const toTaxableC = c - p * (1 - t);
  const [oa, ob, oc, od] = out;
  let roth = 0;
  let recA = 0;
  let plan = 0;
  let basisB = 0;
  let rothIra = 0;
  let tradIra = 0;
  let recB = 0;
  let pre = 0;
  let txC = 0;
  let bC = 0;
  let recC = 0;
  let txD = 0;
  let bD = 0;
  let recD = 0;
  const total = years + withdrawalYears;
  for (let y = 0; y < total; y++) {
    const gy = g[y] ?? 1;
    if (y < contributionYears) {
      roth += c;
      plan += c;
      basisB += c;
      pre += p;
      txC += toTaxableC;
      bC += toTaxableC;
      txD += c;
      bD += c;
    }
    if (y === separationYears) {
      // separation: basis to the Roth IRA, earnings to a traditional IRA (Notice 2014-54)
      if (plan > basisB) {
        rothIra = basisB;
        tradIra = plan - basisB;
      } else {
        rothIra = plan;
        tradIra = 0;
      }
      plan = 0;
      basisB = 0;
    }
    if (y >= years) {
      const f = 1 / (total - y);
      const wa = roth * f;
      roth -= wa;
      recA += wa;
      const wr = rothIra * f;
      const wt = tradIra * f;
      rothIra -= wr;
      tradIra -= wt;
      recB += wr + wt * keepTr;
      const wp = pre * f;
      pre -= wp;
      const wc = txC * f;
      const gainC = (txC - bC) * f;
      txC -= wc;
      bC -= bC * f;
      recC += wp * keepTr + wc - (gainC > 0 ? gainC * cg : 0);
      const wd = txD * f;
      const gainD = (txD - bD) * f;
      txD -= wd;
      bD -= bD * f;
      recD += wd - (gainD > 0 ? gainD * cg : 0);
    }
    // growth; the taxable accounts pay tax on the year's dividends and reinvest the rest
    roth *= gy;
    plan *= gy;
    rothIra *= gy;
    tradIra *= gy;
    pre *= gy;
    const keepDiv = gy < dy ? gy * (1 - cg) : keepDivAll;
    const loseDiv = gy < dy ? gy * cg : loseDivAll;
    bC += txC * keepDiv;
    txC = txC * gy - txC * loseDiv;
    bD += txD * keepDiv;
    txD = txD * gy - txD * loseDiv;
    const at = y * stride + col;
    oa[at] = recA + roth;
    const earn = plan - basisB;
    ob[at] = recB + rothIra + tradIra * keepTr + (earn > 0 ? basisB + earn * keepTr : plan);
    const gc = txC - bC;
    oc[at] = recC + pre * keepTr + txC - (gc > 0 ? gc * cg : 0);
    const gd = txD - bD;
    od[at] = recD + txD - (gd > 0 ? gd * cg : 0);
    if (rec) {
      rec(y, {
        fullMbr: { roth, received: recA },
        rothLite: { plan, basis: basisB, rothIra, traditionalIra: tradIra, received: recB },
        preTax: { preTax: pre, taxable: txC, taxableBasis: bC, received: recC },
        taxable: { taxable: txD, taxableBasis: bD, received: recD },
      });
    }
  }
}
