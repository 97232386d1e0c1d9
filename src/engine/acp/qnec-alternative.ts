/**
 * The uniform QNEC that would make a failing ADP or ACP test pass instead of a correction (Treas.
 * Reg. 1.401(k)-2(b)(1)(i)(A), 1.401(m)-2(b)(1)(i)(A)): the smallest share of capped pay given to
 * every eligible NHCE of the test. Each NHCE's QNEC is rounded half up to the cent, and what
 * counts of it — with any QNEC the NHCE already has in this test — is held to the targeted QNEC
 * limit (Reg. 1.401(k)-2(a)(6)(iv), 1.401(m)-2(a)(6)(v)), with the representative contribution
 * rate taken again with the new QNECs; the test is run again on those dollars, and the least rate
 * (in hundredths of a percent) that passes is the answer.
 */
import type { Cents } from '../money.js';
import { acpConstants } from '../params/acp.js';
import type { Amounts, Census } from './census.js';
import { acpLimitBps, averageBps, centsAtBps, contributionRatioBps } from './ratios.js';
import { qnecCap, representativeRateBpsInPlace } from './targeted-qnec.js';

export interface QnecAlternative {
  /** Uniform QNEC to every eligible NHCE, hundredths of a percent of capped pay. */
  readonly rateBps: number;
  readonly cost: Cents;
  readonly nhceAverageAfterBps: number;
  readonly limitAfterBps: number;
}

/** The NHCEs of a failing test and how its QNECs count. */
export interface QnecAlternativeInput {
  readonly census: Census;
  readonly nhceIndex: Int32Array;
  /** Counted contributions of each NHCE (with the QNEC counted now), cents. */
  readonly nhceAmount: Float64Array;
  readonly nhceComp: Int32Array;
  readonly nhceAverageBps: number;
  readonly hceAverageBps: number;
  /** Whether the census's QNECs are counted in this test (else they are the other test's). */
  readonly qnecInTest: boolean;
  /**
   * The targeted QNEC limit the test applied to the QNECs counted now (bps of pay), or null
   * when it did not bind: an NHCE's QNEC counted now is its QNEC, up to this share of its pay.
   */
  readonly qnecLimitBps: number | null;
  /** The rest of row `i`'s applicable contribution rate's numerator (match counted), cents. */
  readonly otherAmount: (row: number) => Cents;
  /** The limit's floor, bps (5%, or 10% for prevailing wages). */
  readonly floorBps: number;
}

/** The smallest average whose limit admits `hceBps`. */
export function averageNeeded(hceBps: number): number {
  const c = acpConstants;
  // 1.25·N ≥ H  ⇔  N ≥ ceil(100·H / 125)
  const basic = Math.ceil((hceBps * 100) / c.basicMultiplierPercent.value);
  // 2·N ≥ H and N + 2 points ≥ H
  const alternative = Math.max(
    Math.ceil(hceBps / c.alternativeMultiplier.value),
    hceBps - c.alternativeSpreadBps.value,
  );
  return Math.max(0, Math.min(basic, alternative));
}

/**
 * An NHCE's counted `amount` without the QNEC `q` it has counted now: all of it, or what the
 * targeted QNEC limit `capBps` (null when it did not bind) let count of it for pay `comp`.
 */
function withoutQnec(amount: Cents, q: Cents, comp: Cents, capBps: number | null): Cents {
  return amount - (capBps === null ? q : Math.min(q, qnecCap(comp, capBps)));
}

/**
 * The NHCEs' ratios summed with a QNEC of `x` of pay each as if the targeted QNEC limit did not
 * bind (a top-level function, so its loop is optimized on its own); `totals` receives the QNECs'
 * cost and whether any NHCE's QNEC passes the limit's floor.
 */
function ratioSumUnlimited(
  input: QnecAlternativeInput,
  qnecs: Amounts | null,
  x: number,
  totals: { cost: number; binds: boolean },
): number {
  const { nhceIndex, nhceAmount, nhceComp, floorBps: floor, qnecLimitBps: capNow } = input;
  // -0, not 0: the sum of a million QNECs passes 2^31 cents, and a sum begun as a small integer
  // would be compiled as one and thrown away (an "overflow" deoptimization) when it does
  let cost = -0;
  let binds = false;
  let sum = 0;
  for (let k = 0; k < nhceIndex.length; k++) {
    const comp = nhceComp[k] ?? 1;
    const added = centsAtBps(comp, x);
    cost += added;
    const q = qnecs === null ? 0 : (qnecs[nhceIndex[k] ?? 0] ?? 0);
    const t = q + added;
    if (t * 10_000 > floor * comp) binds = true;
    sum += contributionRatioBps(withoutQnec(nhceAmount[k] ?? 0, q, comp, capNow) + t, comp);
  }
  totals.cost = cost; // n > 0 QNECs added: -0 + a cent count is +0 or more
  totals.binds = binds;
  return sum;
}

/**
 * `ratioSumUnlimited` when the NHCEs have no QNEC in this test (nothing to take out of their
 * counted amounts): fewer operations per NHCE while the loop still runs unoptimized.
 */
function ratioSumNoQnecs(
  nhceAmount: Float64Array,
  nhceComp: Int32Array,
  floor: number,
  x: number,
  totals: { cost: number; binds: boolean },
): number {
  let cost = -0; // -0: as in `ratioSumUnlimited`
  let binds = false;
  let sum = 0;
  for (let k = 0; k < nhceComp.length; k++) {
    const comp = nhceComp[k] ?? 1;
    const added = centsAtBps(comp, x);
    cost += added;
    if (added * 10_000 > floor * comp) binds = true;
    sum += contributionRatioBps((nhceAmount[k] ?? 0) + added, comp);
  }
  totals.cost = cost;
  totals.binds = binds;
  return sum;
}

/** The highest rate tried: a QNEC of 100% of pay. */
const MAX_RATE_BPS = 10_000;

/**
 * The uniform QNEC that passes, or null when none up to 100% of pay does (or no NHCEs): the
 * least rate from the least that could pass (`averageNeeded`) whose test passes. Passing is
 * monotone in the rate — a higher rate gives every NHCE at least as many cents, a representative
 * rate and so a limit at least as high, so a counted amount and ratio at least as high — so the
 * least passing rate is found by doubling the step from the first rate until one passes, then
 * bisecting between the last that failed and it: about 2·log2(distance) runs of the test where
 * stepping one hundredth of a percent at a time would take the distance itself.
 */
export function qnecAlternative(input: QnecAlternativeInput): QnecAlternative | null {
  const { census, nhceIndex, nhceAmount, nhceComp, hceAverageBps: hce } = input;
  const n = nhceIndex.length;
  if (n === 0) return null;
  const floor = input.floorBps;
  const capNow = input.qnecLimitBps;
  // each NHCE's QNEC in this test: none when they are the other test's, or every row's is 0
  const qnecs = input.qnecInTest && census.qnec.length > 0 ? census.qnec : null;
  let rates: Float64Array | undefined;
  const trial = (x: number): QnecAlternative => {
    // one pass as if the limit did not bind; a second with it when some QNEC passes the floor
    const first = { cost: 0, binds: false };
    let sum =
      qnecs === null
        ? ratioSumNoQnecs(nhceAmount, nhceComp, floor, x, first)
        : ratioSumUnlimited(input, qnecs, x, first);
    const cost = first.cost;
    if (first.binds) {
      rates ??= new Float64Array(n); // one scratch for every trial: each fills all of it
      for (let k = 0; k < n; k++) {
        const i = nhceIndex[k] ?? 0;
        const comp = nhceComp[k] ?? 1;
        const t = (qnecs === null ? 0 : (qnecs[i] ?? 0)) + centsAtBps(comp, x);
        rates[k] = contributionRatioBps(t + input.otherAmount(i), comp);
      }
      const rep = representativeRateBpsInPlace(rates);
      const limit = Math.max(floor, acpConstants.qnecRepresentativeMultiplier.value * rep);
      sum = 0;
      for (let k = 0; k < n; k++) {
        const comp = nhceComp[k] ?? 1;
        const q = qnecs === null ? 0 : (qnecs[nhceIndex[k] ?? 0] ?? 0);
        const t = q + centsAtBps(comp, x);
        const counted = withoutQnec(nhceAmount[k] ?? 0, q, comp, capNow);
        sum += contributionRatioBps(counted + Math.min(t, qnecCap(comp, limit)), comp);
      }
    }
    const after = averageBps(sum, n);
    return { rateBps: x, cost, nhceAverageAfterBps: after, limitAfterBps: acpLimitBps(after) };
  };
  const passes = (t: QnecAlternative): boolean => hce <= t.limitAfterBps;
  let failed = Math.max(1, averageNeeded(hce) - input.nhceAverageBps) - 1; // below the first
  let step = 1;
  let passing: QnecAlternative | null = null;
  while (passing === null) {
    const x = Math.min(failed + step, MAX_RATE_BPS);
    if (x <= failed) return null; // 100% of pay failed
    const t = trial(x);
    if (passes(t)) passing = t;
    else failed = x;
    step *= 2;
  }
  // the least passing rate is above `failed` and at most `passing.rateBps`
  while (passing.rateBps - failed > 1) {
    const t = trial(Math.floor((failed + passing.rateBps) / 2));
    if (passes(t)) passing = t;
    else failed = t.rateBps;
  }
  return passing;
}
