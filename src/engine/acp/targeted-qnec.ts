/**
 * The targeted QNEC limit (Treas. Reg. 1.401(k)-2(a)(6)(iv), 1.401(m)-2(a)(6)(v)): a QNEC counts
 * in the test for an NHCE only up to the NHCE's compensation times the greater of 5% (10% for a
 * QNEC made for prevailing wages) and twice the plan's representative contribution rate — the
 * lowest applicable contribution rate within a group of half of the eligible NHCEs, the group
 * chosen to make that rate as high as it can be.
 *
 * The regulation also allows, if greater, the lowest rate among all eligible NHCEs employed on
 * the last day of the plan year; a census does not say who was, and that rate can only be higher
 * when NHCEs with lower rates left during the year, so the half group's rate is used: never more
 * QNEC is counted than the rule allows.
 */
import { acpConstants } from '../params/acp.js';
import type { Cents } from '../money.js';
import type { Census } from './census.js';
import type { SplitGroups } from './groups.js';
import { contributionRatioBps } from './ratios.js';

/** What the limit did in one test. */
export interface QnecLimitInfo {
  /** The representative contribution rate, bps; null when no QNEC came near the floor. */
  readonly representativeRateBps: number | null;
  /** The most QNEC that counts, as a share of pay, bps: max(floor, 2 × representative rate). */
  readonly limitRateBps: number;
  /** The floor: 5% of pay (10% for prevailing wage QNECs), bps. */
  readonly floorBps: number;
  /** QNECs above the limit, not counted, cents. */
  readonly notCounted: Cents;
  /** NHCEs whose QNEC was cut to the limit. */
  readonly nhcesLimited: number;
}

/** The floor of the limit, bps: 5% of pay, or 10% for QNECs made for prevailing wages. */
export function qnecFloorBps(prevailingWage: boolean): number {
  const c = acpConstants;
  return (prevailingWage ? c.qnecPrevailingWagePercent.value : c.qnecFloorPercent.value) * 100;
}

/**
 * The representative contribution rate: the k-th highest of the NHCEs' applicable contribution
 * rates (bps), k being half of them rounded up ("a group ... that consists of half of all
 * eligible NHCEs"; for 5 NHCEs the group has 3). Sorts a copy; 0 with no NHCEs.
 */
export function representativeRateBps(rates: Float64Array): number {
  return representativeRateBpsInPlace(Float64Array.from(rates));
}

/**
 * `representativeRateBps` of a scratch array, sorted in place: no copy of a few million rates
 * (tens of MiB) for the caller that fills the array only to take this rate.
 */
export function representativeRateBpsInPlace(rates: Float64Array): number {
  const n = rates.length;
  if (n === 0) return 0;
  const k = Math.ceil((n * acpConstants.representativeGroupPercent.value) / 100);
  return rates.sort()[n - k] ?? 0;
}

/** The most QNEC that counts for pay `comp` at `limitBps`: rounded down to the cent. */
export function qnecCap(comp: Cents, limitBps: number): Cents {
  return Math.floor((comp * limitBps) / 10_000);
}

/**
 * Applies the limit to the NHCEs of one test, whose counted amounts (`g.nhceAmount`) include
 * each one's whole QNEC: every QNEC above the limit is cut to
 * it, the amounts and ratios follow, and the NHCEs' new ratio sum is returned with what the
 * limit did. `otherAmount(i)` is the rest of row `i`'s applicable contribution rate's numerator
 * (the match counted in the ACP test; 0 in the ADP test, which counts no QMAC here). When no
 * NHCE's QNEC is above the floor the limit cannot bind and the rate is not computed.
 */
export function limitQnecs(
  census: Census,
  g: SplitGroups,
  otherAmount: (row: number) => Cents,
  floorBps: number,
): { info: QnecLimitInfo; nhceRatioSum: number } {
  const n = g.nhceIndex.length;
  const qnecs = census.qnec; // empty when every row's QNEC is 0
  let aboveFloor = false;
  for (let k = 0; k < n && !aboveFloor && qnecs.length > 0; k++) {
    const q = qnecs[g.nhceIndex[k] ?? 0] ?? 0;
    if (q > 0 && q * 10_000 > floorBps * (g.nhceComp[k] ?? 0)) aboveFloor = true;
  }
  const none = { representativeRateBps: null, limitRateBps: floorBps, floorBps };
  if (!aboveFloor) {
    return { info: { ...none, notCounted: 0, nhcesLimited: 0 }, nhceRatioSum: g.nhceRatioSum };
  }
  const rates = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const i = g.nhceIndex[k] ?? 0;
    rates[k] = contributionRatioBps((census.qnec[i] ?? 0) + otherAmount(i), g.nhceComp[k] ?? 1);
  }
  const rep = representativeRateBpsInPlace(rates);
  const limit = Math.max(floorBps, acpConstants.qnecRepresentativeMultiplier.value * rep);
  let notCounted = 0;
  let limited = 0;
  let sum = g.nhceRatioSum;
  for (let k = 0; k < n; k++) {
    const i = g.nhceIndex[k] ?? 0;
    const q = census.qnec[i] ?? 0;
    const comp = g.nhceComp[k] ?? 1;
    const capAmount = qnecCap(comp, limit);
    if (q > capAmount) {
      const before = g.nhceAmount[k] ?? 0;
      const after = before - (q - capAmount);
      sum += contributionRatioBps(after, comp) - contributionRatioBps(before, comp);
      g.nhceAmount[k] = after;
      notCounted += q - capAmount;
      limited++;
    }
  }
  return {
    info: {
      representativeRateBps: rep,
      limitRateBps: limit,
      floorBps,
      notCounted,
      nhcesLimited: limited,
    },
    nhceRatioSum: sum,
  };
}
