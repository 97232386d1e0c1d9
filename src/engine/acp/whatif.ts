/**
 * What-ifs for a plan sponsor, on a prepared ACP test (IRC 401(m)(2); Reg. 1.401(m)-2):
 * the highest uniform after-tax rate the HCEs (or a share of them) could add and still pass;
 * a grid of HCE adoption share × after-tax rate with pass/fail and the excess to refund per
 * cell; and the effect of a richer match.
 *
 * Adopters are chosen deterministically: the HCEs with the highest capped compensation first
 * (ties in census order) — the people most likely to want after-tax room. A share of s% of H
 * HCEs is round(s × H / 100), half up. The added after-tax money for an adopter is the rate
 * times capped compensation, rounded half-up to the cent, on top of what the census shows.
 */
import type { Cents } from '../money.js';
import type { PreparedTest } from './acp-test.js';
import { levelExcess } from './leveling.js';
import { acpLimitBps, averageBps, centsAtBps, contributionRatioBps } from './ratios.js';

/** The adoption order by the HCEs' capped pay (the same array for a test and its what-ifs). */
const orders = new WeakMap<Float64Array, Int32Array>();

/**
 * Positions (into the prepared HCE arrays) ordered by capped compensation, highest first; sorted
 * once per test (the grid, the highest rate and the richer match's highest rate share it).
 */
function adoptionOrder(p: PreparedTest): Int32Array {
  const known = orders.get(p.hceComp);
  if (known !== undefined) return known;
  const hn = p.hceIndex.length;
  const order = Array.from({ length: hn }, (_, j) => j);
  order.sort((a, b) => (p.hceComp[b] ?? 0) - (p.hceComp[a] ?? 0) || a - b);
  const sorted = Int32Array.from(order);
  orders.set(p.hceComp, sorted);
  return sorted;
}

/** How many HCEs a share (percent, 0-100) of `count` is: rounded half up. */
function adopterCount(count: number, sharePercent: number): number {
  return Math.floor((count * sharePercent + 50) / 100);
}

/** Added after-tax dollars per HCE when the first `adopters` in `order` add `rateBps` of pay. */
function addedAfterTax(
  p: PreparedTest,
  order: Int32Array,
  adopters: number,
  rateBps: number,
  into?: Float64Array,
): Float64Array {
  const extra = into ?? new Float64Array(p.hceIndex.length);
  extra.fill(0);
  for (let q = 0; q < adopters; q++) {
    const j = order[q] ?? 0;
    extra[j] = centsAtBps(p.hceComp[j] ?? 0, rateBps);
  }
  return extra;
}

/** The HCE ACP with `extra` after-tax dollars added (bps). */
function hceAcpWith(p: PreparedTest, extra: Float64Array): number {
  let sum = 0;
  const hn = p.hceIndex.length;
  for (let j = 0; j < hn; j++) {
    sum += contributionRatioBps((p.hceAmount[j] ?? 0) + (extra[j] ?? 0), p.hceComp[j] ?? 1);
  }
  return averageBps(sum, hn);
}

function deemedPass(p: PreparedTest): boolean {
  return p.options.method === 'current' && p.nhceIndex.length === 0;
}

/** What a what-if compares: the test's averages, limit, pass and excess, without the refunds. */
interface Outcome {
  readonly hceAcpBps: number;
  readonly limitBps: number;
  readonly passed: boolean;
  /** Excess aggregate contributions, cents (0 when the test passes). */
  readonly excess: Cents;
}

/** The figures `evaluateAcp` gives for these, without its refunds and QNEC alternative. */
function outcomeOf(p: PreparedTest): Outcome {
  const hn = p.hceIndex.length;
  let sum = 0;
  for (let j = 0; j < hn; j++) sum += p.hceRatio[j] ?? 0;
  const hceAcpBps = averageBps(sum, hn);
  const limitBps = acpLimitBps(p.nhceAcpBps);
  const passed = deemedPass(p) || hceAcpBps <= limitBps;
  const excess = passed
    ? 0
    : levelExcess({ amounts: p.hceAmount, compensations: p.hceComp, ratios: p.hceRatio, limitBps })
        .totalExcess;
  return { hceAcpBps, limitBps, passed, excess };
}

export interface MaxRateResult {
  readonly sharePercent: number;
  readonly adopters: number;
  /**
   * Highest whole-bps rate of pay that still passes; null when the plan fails even with nothing
   * added; equal to `searchCapBps` (and `capped` true) when even the cap passes.
   */
  readonly maxRateBps: number | null;
  readonly capped: boolean;
  readonly searchCapBps: number;
}

/**
 * The highest uniform after-tax rate (bps of capped pay) that `sharePercent` of the HCEs could
 * add and still pass, by bisection (passing is monotone in the rate).
 */
export function maxUniformRate(
  p: PreparedTest,
  sharePercent = 100,
  searchCapBps = 10_000,
  order: Int32Array = adoptionOrder(p),
): MaxRateResult {
  const adopters = adopterCount(p.hceIndex.length, sharePercent);
  const base = { sharePercent, adopters, searchCapBps };
  const limit = acpLimitBps(p.nhceAcpBps);
  const extra = new Float64Array(p.hceIndex.length);
  const passes = (rate: number): boolean =>
    deemedPass(p) || hceAcpWith(p, addedAfterTax(p, order, adopters, rate, extra)) <= limit;
  if (!passes(0)) return { ...base, maxRateBps: null, capped: false };
  if (adopters === 0 || passes(searchCapBps)) {
    return { ...base, maxRateBps: searchCapBps, capped: true };
  }
  let lo = 0; // passes
  let hi = searchCapBps; // fails
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (passes(mid)) lo = mid;
    else hi = mid;
  }
  return { ...base, maxRateBps: lo, capped: false };
}

export interface GridCell {
  readonly sharePercent: number;
  readonly rateBps: number;
  readonly adopters: number;
  readonly hceAcpBps: number;
  readonly passed: boolean;
  /** Excess aggregate contributions to refund (or forfeit), cents. */
  readonly refundTotal: Cents;
  /** HCEs who would get a refund. */
  readonly refundedHces: number;
}

/** The grid of adoption share (percent) × added after-tax rate (bps of pay). */
export function adoptionGrid(
  p: PreparedTest,
  sharesPercent: readonly number[],
  ratesBps: readonly number[],
): GridCell[] {
  const order = adoptionOrder(p);
  const limit = acpLimitBps(p.nhceAcpBps);
  const hn = p.hceIndex.length;
  const amounts = new Float64Array(hn);
  const ratios = new Float64Array(hn);
  const buffers = { ratioExcess: new Float64Array(hn), reductions: new Float64Array(hn) };
  const cells: GridCell[] = [];
  let baseSum = 0;
  for (let j = 0; j < hn; j++) baseSum += p.hceRatio[j] ?? 0;
  for (const share of sharesPercent) {
    const adopters = adopterCount(hn, share);
    for (const rate of ratesBps) {
      // the census's amounts and ratios, then the adopters' with the added after-tax money
      amounts.set(p.hceAmount);
      ratios.set(p.hceRatio);
      let sum = baseSum;
      for (let q = 0; q < adopters; q++) {
        const j = order[q] ?? 0;
        const comp = p.hceComp[j] ?? 1;
        const a = (p.hceAmount[j] ?? 0) + centsAtBps(comp, rate);
        const r = contributionRatioBps(a, comp);
        amounts[j] = a;
        sum += r - (ratios[j] ?? 0);
        ratios[j] = r;
      }
      const hceAcp = averageBps(sum, hn);
      const passed = deemedPass(p) || hceAcp <= limit;
      let refundTotal = 0;
      let refundedHces = 0;
      if (!passed) {
        const lev = levelExcess(
          { amounts, compensations: p.hceComp, ratios, limitBps: limit },
          buffers,
        );
        refundTotal = lev.totalExcess;
        for (let j = 0; j < hn; j++) if ((lev.reductions[j] ?? 0) > 0) refundedHces++;
      }
      cells.push({
        sharePercent: share,
        rateBps: rate,
        adopters,
        hceAcpBps: hceAcp,
        passed,
        refundTotal,
        refundedHces,
      });
    }
  }
  return cells;
}

export interface RicherMatchResult {
  readonly boostPercent: number;
  /** False under the safe-harbor option: the match is not in the test. */
  readonly applies: boolean;
  readonly extraMatchCost: Cents;
  readonly nhceAcpBefore: number;
  readonly nhceAcpAfter: number;
  readonly hceAcpBefore: number;
  readonly hceAcpAfter: number;
  readonly limitAfterBps: number;
  readonly passedBefore: boolean;
  readonly passedAfter: boolean;
  readonly excessAfter: Cents;
  /** Highest uniform after-tax rate all HCEs could add after the change. */
  readonly maxRateAfter: MaxRateResult;
}

/**
 * A richer match: every eligible employee's match raised by `boostPercent` (a match formula
 * applies to HCEs and NHCEs alike), rounded half-up to the cent per employee. Under prior-year
 * testing the NHCE ACP is last year's and does not move; the richer match then only raises the
 * HCE side this year (it helps next year's test).
 */
export function richerMatch(p: PreparedTest, boostPercent: number): RicherMatchResult {
  // the boost in hundredths of a percent, so the per-employee amount is exact integer arithmetic
  const boostBps = Math.round(boostPercent * 100);
  const match = p.census.match;
  const before = outcomeOf(p);
  const applies = p.options.safeHarbor !== true;
  let cost = 0;
  const hn = p.hceIndex.length;
  const hceAmount = Float64Array.from(p.hceAmount);
  const hceRatio = new Float64Array(hn);
  for (let j = 0; j < hn; j++) {
    const b = applies ? centsAtBps(match[p.hceIndex[j] ?? 0] ?? 0, boostBps) : 0;
    cost += b;
    const a = (hceAmount[j] ?? 0) + b;
    hceAmount[j] = a;
    hceRatio[j] = contributionRatioBps(a, p.hceComp[j] ?? 1);
  }
  // the NHCEs' amounts are needed only for their ratios' sum
  const nn = p.nhceIndex.length;
  let nhceSum = 0;
  for (let k = 0; k < nn; k++) {
    const b = applies ? centsAtBps(match[p.nhceIndex[k] ?? 0] ?? 0, boostBps) : 0;
    cost += b;
    nhceSum += contributionRatioBps((p.nhceAmount[k] ?? 0) + b, p.nhceComp[k] ?? 1);
  }
  const nhceAcp = p.options.method === 'current' ? averageBps(nhceSum, nn) : p.nhceAcpBps;
  const q: PreparedTest = { ...p, hceAmount, hceRatio, nhceAcpBps: nhceAcp };
  const after = outcomeOf(q);
  return {
    boostPercent,
    applies,
    extraMatchCost: cost,
    nhceAcpBefore: p.nhceAcpBps,
    nhceAcpAfter: nhceAcp,
    hceAcpBefore: before.hceAcpBps,
    hceAcpAfter: after.hceAcpBps,
    limitAfterBps: after.limitBps,
    passedBefore: before.passed,
    passedAfter: after.passed,
    excessAfter: after.excess,
    maxRateAfter: maxUniformRate(q, 100),
  };
}
