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
import {
  bucketOf,
  levelExcess,
  levelTopOfBuckets,
  levelTopOfCounts,
  runningBuckets,
  type RunningBuckets,
} from './leveling.js';
import { acpLimitBps, averageBps, centsAtBps, contributionRatioBps } from './ratios.js';

/** The adoption order by the HCEs' capped pay (the same array for a test and its what-ifs). */
const orders = new WeakMap<Int32Array, Int32Array>();

/**
 * Positions (into the prepared HCE arrays) ordered by capped compensation, highest first; sorted
 * once per test (the grid, the highest rate and the richer match's highest rate share it).
 */
function adoptionOrder(p: PreparedTest): Int32Array {
  const known = orders.get(p.hceComp);
  if (known !== undefined) return known;
  const comps = p.hceComp;
  const hn = comps.length;
  let most = 0;
  for (let j = 0; j < hn; j++) most = Math.max(most, comps[j] ?? 0);
  let sorted: Int32Array;
  if ((most + 1) * hn <= Number.MAX_SAFE_INTEGER) {
    // one number per HCE, (most − pay) × count + position, sorted as numbers: highest pay first,
    // ties in census order, without a comparison callback per pair
    const keys = new Float64Array(hn);
    for (let j = 0; j < hn; j++) keys[j] = (most - (comps[j] ?? 0)) * hn + j;
    keys.sort();
    sorted = new Int32Array(hn);
    for (let q = 0; q < hn; q++) sorted[q] = (keys[q] ?? 0) % hn;
  } else {
    const order = Array.from({ length: hn }, (_, j) => j);
    order.sort((a, b) => (comps[b] ?? 0) - (comps[a] ?? 0) || a - b);
    sorted = Int32Array.from(order);
  }
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
export interface Outcome {
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

/** The most distinct ratios the grid counts one bucket per value (else it levels each cell). */
const GRID_HISTOGRAM = 1 << 16;

/**
 * The HCEs' amounts and ratios of one grid cell as they change: the ratios' and amounts' sums,
 * the ratios counted per whole bps from `least` (empty when the cells are leveled in full), and
 * the amounts counted and summed in buckets over the range every cell's amounts stay within.
 */
interface GridState {
  readonly amounts: Float64Array;
  readonly ratios: Float64Array;
  readonly counts: Int32Array;
  readonly least: number;
  readonly buckets: RunningBuckets;
  sum: number;
  amountSum: number;
}

/** The census's HCEs as a grid starts from, with their ratios' range over every cell. */
interface GridBase {
  readonly counts: Int32Array;
  readonly least: number;
  readonly sum: number;
  readonly amountSum: number;
  readonly buckets: RunningBuckets;
}

/**
 * The sums and ranges of the census's HCEs for rates up to `topRate` (a ratio and an amount grow
 * with the rate added, so the highest rate bounds them); the ratios are counted per value when
 * `count` and they spread over at most `GRID_HISTOGRAM` values.
 */
function gridBase(p: PreparedTest, topRate: number, count: boolean): GridBase {
  const { hceAmount: amounts, hceRatio: ratios, hceComp: comps } = p;
  let least = Infinity;
  let most = -Infinity;
  let amountLeast = Infinity;
  let amountMost = -Infinity;
  let sum = 0;
  let amountSum = 0;
  for (let j = 0; j < ratios.length; j++) {
    const r = ratios[j] ?? 0;
    const a = amounts[j] ?? 0;
    const comp = comps[j] ?? 1;
    const aTop = a + centsAtBps(comp, topRate);
    const rTop = contributionRatioBps(aTop, comp);
    sum += r;
    amountSum += a;
    if (a < amountLeast) amountLeast = a;
    if (aTop > amountMost) amountMost = aTop;
    if (r < least) least = r;
    if (rTop > most) most = rTop;
    if (r > most) most = r;
  }
  const buckets = runningBuckets(amountLeast, amountMost, ratios.length);
  for (let j = 0; j < amounts.length; j++) {
    const a = amounts[j] ?? 0;
    const b = bucketOf(buckets, a);
    buckets.counts[b] = (buckets.counts[b] ?? 0) + 1;
    buckets.sums[b] = (buckets.sums[b] ?? 0) + a;
  }
  const width = most - least + 1;
  if (!count || ratios.length === 0 || width > GRID_HISTOGRAM) {
    return { counts: new Int32Array(0), least, sum, amountSum, buckets };
  }
  const counts = new Int32Array(width);
  for (let j = 0; j < ratios.length; j++) {
    const b = (ratios[j] ?? 0) - least;
    counts[b] = (counts[b] ?? 0) + 1;
  }
  return { counts, least, sum, amountSum, buckets };
}

/** Adds `rate` of pay to the after-tax money of the adopters `from` to `to` − 1 in `order`. */
function addAdopters(
  s: GridState,
  p: PreparedTest,
  order: Int32Array,
  from: number,
  to: number,
  rate: number,
): void {
  const { hceAmount: base, hceComp: comps } = p;
  const { amounts, ratios, counts, least } = s;
  const { counts: bucketCounts, sums: bucketSums } = s.buckets;
  const counted = counts.length > 0;
  let sum = s.sum;
  let amountSum = s.amountSum;
  for (let q = from; q < to; q++) {
    const j = order[q] ?? 0;
    const comp = comps[j] ?? 1;
    const before = base[j] ?? 0;
    const a = before + centsAtBps(comp, rate);
    const r = contributionRatioBps(a, comp);
    const r0 = ratios[j] ?? 0;
    if (counted) {
      counts[r0 - least] = (counts[r0 - least] ?? 0) - 1;
      counts[r - least] = (counts[r - least] ?? 0) + 1;
    }
    const b0 = bucketOf(s.buckets, before);
    const b = bucketOf(s.buckets, a);
    bucketCounts[b0] = (bucketCounts[b0] ?? 0) - 1;
    bucketSums[b0] = (bucketSums[b0] ?? 0) - before;
    bucketCounts[b] = (bucketCounts[b] ?? 0) + 1;
    bucketSums[b] = (bucketSums[b] ?? 0) + a;
    amounts[j] = a;
    ratios[j] = r;
    sum += r - r0;
    amountSum += a - before;
  }
  s.sum = sum;
  s.amountSum = amountSum;
}

/** A failing cell's excess and HCEs refunded: from the counts, else by leveling in full. */
function cellCorrection(
  s: GridState,
  p: PreparedTest,
  limit: number,
  reductions: Float64Array,
): { refundTotal: Cents; refundedHces: number } {
  const { amounts, ratios } = s;
  const comps = p.hceComp;
  const hn = ratios.length;
  if (s.counts.length === 0) {
    const lev = levelExcess(
      { amounts, compensations: comps, ratios, limitBps: limit },
      { ratioExcess: new Float64Array(hn), reductions },
    );
    let refunded = 0;
    for (let j = 0; j < hn; j++) if ((lev.reductions[j] ?? 0) > 0) refunded++;
    return { refundTotal: lev.totalExcess, refundedHces: refunded };
  }
  const budget = hn * limit;
  if (s.sum <= budget) return { refundTotal: 0, refundedHces: 0 };
  const need = s.sum - budget;
  const g = levelTopOfCounts(s.counts, s.least, need);
  const total = excessAbove(amounts, comps, ratios, Math.floor((g.topSum - need) / g.count));
  return { refundTotal: total, refundedHces: refundedCount(amounts, total, s) };
}

/**
 * The grid of adoption share (percent) × added after-tax rate (bps of pay). Rate by rate, the
 * cells are taken from the fewest adopters to the most, so each adds only the adopters beyond the
 * previous cell's; the HCEs' ratios are kept as counts per whole bps value and their amounts'
 * sum as they change, so a failing cell's permitted ratio is a walk down the counts, its excess
 * one pass over the HCEs and the HCEs refunded one dollar-leveling walk (`levelTop`) — the same
 * cells as leveling each cell in full (`levelExcess`), which the grid falls back to when the
 * ratios spread over more than `GRID_HISTOGRAM` values or a rate is negative.
 */
export function adoptionGrid(
  p: PreparedTest,
  sharesPercent: readonly number[],
  ratesBps: readonly number[],
): GridCell[] {
  const order = adoptionOrder(p);
  const limit = acpLimitBps(p.nhceAcpBps);
  const deemed = deemedPass(p);
  const hn = p.hceIndex.length;
  const base = gridBase(
    p,
    Math.max(0, ...ratesBps),
    ratesBps.every((r) => r >= 0),
  );
  const s: GridState = {
    amounts: new Float64Array(hn),
    ratios: new Float64Array(hn),
    counts: new Int32Array(base.counts.length),
    least: base.least,
    buckets: {
      ...base.buckets,
      counts: new Int32Array(base.buckets.counts.length),
      sums: new Float64Array(base.buckets.sums.length),
    },
    sum: 0,
    amountSum: 0,
  };
  const reductions = new Float64Array(hn);
  // the shares from the fewest adopters to the most (the cells keep the order asked for)
  const adopters = sharesPercent.map((share) => adopterCount(hn, share));
  const byAdopters = adopters
    .map((_, si) => si)
    .sort((x, y) => (adopters[x] ?? 0) - (adopters[y] ?? 0));
  const cells: GridCell[] = [];
  for (let ri = 0; ri < ratesBps.length; ri++) {
    const rate = ratesBps[ri] ?? 0;
    s.amounts.set(p.hceAmount);
    s.ratios.set(p.hceRatio);
    s.counts.set(base.counts);
    s.buckets.counts.set(base.buckets.counts);
    s.buckets.sums.set(base.buckets.sums);
    s.sum = base.sum;
    s.amountSum = base.amountSum;
    let done = 0; // adopters added so far
    for (const si of byAdopters) {
      const cellAdopters = adopters[si] ?? 0;
      addAdopters(s, p, order, done, cellAdopters, rate);
      done = cellAdopters;
      const hceAcp = averageBps(s.sum, hn);
      const passed = deemed || hceAcp <= limit;
      const fix = passed
        ? { refundTotal: 0, refundedHces: 0 }
        : cellCorrection(s, p, limit, reductions);
      cells.push({
        sharePercent: sharesPercent[si] ?? 0,
        rateBps: rate,
        adopters: cellAdopters,
        hceAcpBps: hceAcp,
        passed,
        ...fix,
      });
    }
  }
  // the order asked for: share by share, each share's rates in turn
  const rank = new Int32Array(byAdopters.length);
  byAdopters.forEach((si, k) => (rank[si] = k));
  const rates = ratesBps.length;
  const shares = sharesPercent.length;
  return Array.from(
    { length: cells.length },
    (_, c) => cells[(c % rates) * shares + (rank[Math.floor(c / rates)] ?? 0)] as GridCell,
  );
}

/**
 * The excess of ratio leveling at permitted ratio `t`: for every HCE above it, its amount less
 * `t` of its pay rounded down to the cent (as `levelExcess`), summed.
 */
function excessAbove(
  amounts: Float64Array,
  comps: Int32Array,
  ratios: Float64Array,
  t: number,
): number {
  let total = 0;
  for (let j = 0; j < ratios.length; j++) {
    if ((ratios[j] ?? 0) > t)
      total += (amounts[j] ?? 0) - Math.floor(((comps[j] ?? 0) * t) / 10_000);
  }
  return total;
}

/**
 * How many HCEs dollar leveling takes something from when it takes `total` cents from the cell's
 * amounts (`levelDollars`, counting its positive reductions): the group above the level, less
 * those left at their own amount — the last HCEs of the group in input order keep one cent more
 * than the whole-cent level (`low + 1`), which takes nothing from one whose amount it is.
 */
function refundedCount(amounts: Float64Array, total: number, s: GridState): number {
  if (total <= 0) return 0;
  const g = levelTopOfBuckets(amounts, total, s.buckets, s.amountSum);
  if (g === null) throw new RangeError('excess is larger than the contributions it is taken from');
  const remaining = g.topSum - total;
  const low = Math.floor(remaining / g.count);
  const keepsCent = remaining - low * g.count;
  if (keepsCent === 0 || g.lowest > low + 1) return g.count;
  let seen = 0;
  let untouched = 0;
  for (let j = amounts.length - 1; j >= 0 && seen < keepsCent; j--) {
    const a = amounts[j] ?? 0;
    if (a > g.next) {
      seen++;
      if (a === low + 1) untouched++;
    }
  }
  return g.count - untouched;
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
 * HCE side this year (it helps next year's test). `tested`: the test's own figures, when the
 * caller has run it (`evaluateAcp` of `p`).
 */
export function richerMatch(
  p: PreparedTest,
  boostPercent: number,
  tested: Outcome = outcomeOf(p),
): RicherMatchResult {
  // the boost in hundredths of a percent, so the per-employee amount is exact integer arithmetic
  const boostBps = Math.round(boostPercent * 100);
  const match = p.census.match;
  const before = tested;
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
