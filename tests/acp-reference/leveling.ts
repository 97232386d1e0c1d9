/**
 * The straightforward two-step leveling (Treas. Reg. 1.401(k)-2(b)(2), 1.401(m)-2(b)(2)), kept
 * as the test oracle of `src/engine/acp/leveling.ts`: each step sorts a copy of all the values
 * and walks it from the top, and the what-if grid (`referenceGrid`) levels every cell with it.
 * This is the implementation the engine used before the bucketed walk; it is not shipped.
 */
import type { PreparedTest } from '../../src/engine/acp/acp-test.js';
import type { GridCell } from '../../src/engine/acp/whatif.js';
import {
  acpLimitBps,
  averageBps,
  centsAtBps,
  contributionRatioBps,
} from '../../src/engine/acp/ratios.js';

/** Highest T with Σ min(ratio, T) ≤ count × limit, by walking a sorted copy; null if passing. */
export function referencePermittedRatio(
  ratios: ArrayLike<number>,
  limitBps: number,
): number | null {
  const n = ratios.length;
  if (n === 0) return null;
  const budget = n * limitBps;
  let total = 0;
  for (let i = 0; i < n; i++) total += ratios[i] ?? 0;
  if (total <= budget) return null;
  const sorted = Float64Array.from(ratios).sort();
  let suffix = total;
  for (let k = 1; k <= n; k++) {
    const top = sorted[n - k] ?? 0;
    suffix -= top;
    const next = k < n ? (sorted[n - k - 1] ?? 0) : 0;
    if (k * next + suffix <= budget) return Math.floor((budget - suffix) / k);
  }
  return 0;
}

/** Takes `total` from the highest amounts down, by walking a sorted copy. */
export function referenceLevelDollars(amounts: ArrayLike<number>, total: number): Float64Array {
  const n = amounts.length;
  const reductions = new Float64Array(n);
  if (total <= 0 || n === 0) return reductions;
  const sorted = Float64Array.from(amounts).sort();
  let topSum = 0;
  for (let k = 1; k <= n; k++) {
    const bk = sorted[n - k] ?? 0;
    topSum += bk;
    const next = k < n ? (sorted[n - k - 1] ?? 0) : 0;
    if (topSum - k * next >= total) {
      const remaining = topSum - total;
      const low = Math.floor(remaining / k);
      const high = remaining - low * k;
      let atLow = k - high;
      for (let i = 0; i < n; i++) {
        const a = amounts[i] ?? 0;
        if (a > next) {
          const lvl = atLow > 0 ? low : low + 1;
          if (atLow > 0) atLow--;
          reductions[i] = a - lvl;
        }
      }
      return reductions;
    }
  }
  throw new RangeError('excess is larger than the contributions it is taken from');
}

/** The total excess and the reductions, as the engine's `levelExcess` computes them. */
export function referenceLevelExcess(
  amounts: ArrayLike<number>,
  compensations: ArrayLike<number>,
  ratios: ArrayLike<number>,
  limitBps: number,
): { permittedRatioBps: number | null; totalExcess: number; reductions: Float64Array } {
  const t = referencePermittedRatio(ratios, limitBps);
  if (t === null) {
    return { permittedRatioBps: null, totalExcess: 0, reductions: new Float64Array(ratios.length) };
  }
  let total = 0;
  for (let i = 0; i < ratios.length; i++) {
    if ((ratios[i] ?? 0) > t) {
      total += (amounts[i] ?? 0) - Math.floor(((compensations[i] ?? 0) * t) / 10_000);
    }
  }
  return {
    permittedRatioBps: t,
    totalExcess: total,
    reductions: referenceLevelDollars(amounts, total),
  };
}

/**
 * The what-if grid cell by cell, as the rule reads (`whatif.ts` documents the adopters and the
 * added amounts): each cell builds every HCE's amount and ratio and levels them from sorted
 * copies.
 */
export function referenceGrid(
  p: PreparedTest,
  sharesPercent: readonly number[],
  ratesBps: readonly number[],
): GridCell[] {
  const hn = p.hceIndex.length;
  const order = Array.from({ length: hn }, (_, j) => j).sort(
    (a, b) => (p.hceComp[b] ?? 0) - (p.hceComp[a] ?? 0) || a - b,
  );
  const limit = acpLimitBps(p.nhceAcpBps);
  const deemed = p.options.method === 'current' && p.nhceIndex.length === 0;
  const cells: GridCell[] = [];
  for (const share of sharesPercent) {
    const adopters = Math.floor((hn * share + 50) / 100);
    for (const rate of ratesBps) {
      const amounts = Float64Array.from(p.hceAmount);
      for (let q = 0; q < adopters; q++) {
        const j = order[q] ?? 0;
        amounts[j] = (amounts[j] ?? 0) + centsAtBps(p.hceComp[j] ?? 0, rate);
      }
      const ratios = amounts.map((a, j) => contributionRatioBps(a, p.hceComp[j] ?? 1));
      const hceAcp = averageBps(
        ratios.reduce((s, r) => s + r, 0),
        hn,
      );
      const passed = deemed || hceAcp <= limit;
      let refundTotal = 0;
      let refundedHces = 0;
      if (!passed) {
        const lev = referenceLevelExcess(amounts, p.hceComp, ratios, limit);
        refundTotal = lev.totalExcess;
        refundedHces = lev.reductions.filter((r) => r > 0).length;
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
