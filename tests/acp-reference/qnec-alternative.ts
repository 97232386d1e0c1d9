/**
 * The uniform QNEC alternative (Treas. Reg. 1.401(k)-2(b)(1)(i)(A), 1.401(m)-2(b)(1)(i)(A)) found
 * the straightforward way, kept as the test oracle of `src/engine/acp/qnec-alternative.ts`: the
 * rate raised one hundredth of a percent at a time from the least that could pass, the test run
 * again at each, until it passes. This is the implementation the engine used before the search;
 * it is not shipped.
 */
import { acpConstants } from '../../src/engine/params/acp.js';
import {
  averageNeeded,
  type QnecAlternative,
  type QnecAlternativeInput,
} from '../../src/engine/acp/qnec-alternative.js';
import {
  acpLimitBps,
  averageBps,
  centsAtBps,
  contributionRatioBps,
} from '../../src/engine/acp/ratios.js';
import { qnecCap, representativeRateBps } from '../../src/engine/acp/targeted-qnec.js';

/** The most rate steps tried before giving up (a QNEC of 100% of pay). */
const MAX_STEPS = 10_000;

/** The uniform QNEC that passes, or null when none up to 100% of pay does (or no NHCEs). */
export function referenceQnecAlternative(input: QnecAlternativeInput): QnecAlternative | null {
  const { census, nhceIndex, nhceAmount, nhceComp, hceAverageBps: hce } = input;
  const n = nhceIndex.length;
  if (n === 0) return null;
  const inTest = input.qnecInTest;
  const floor = input.floorBps;
  const capNow = input.qnecLimitBps;
  /** NHCE k's counted amount without the QNEC it has counted now, plus QNEC `t`. */
  const amountWith = (k: number, q: number, comp: number, t: number): number =>
    (nhceAmount[k] ?? 0) - (capNow === null ? q : Math.min(q, qnecCap(comp, capNow))) + t;
  let x = Math.max(1, averageNeeded(hce) - input.nhceAverageBps);
  for (let steps = 0; steps < MAX_STEPS && x <= 10_000; steps++, x++) {
    // one pass as if the limit did not bind; a second with it when some QNEC passes the floor
    let cost = 0;
    let binds = false;
    let sum = 0;
    for (let k = 0; k < n; k++) {
      const comp = nhceComp[k] ?? 1;
      const added = centsAtBps(comp, x);
      cost += added;
      const q = inTest ? (census.qnec[nhceIndex[k] ?? 0] ?? 0) : 0;
      const t = q + added;
      if (t * 10_000 > floor * comp) binds = true;
      sum += contributionRatioBps(amountWith(k, q, comp, t), comp);
    }
    if (binds) {
      const rates = new Float64Array(n);
      for (let k = 0; k < n; k++) {
        const i = nhceIndex[k] ?? 0;
        const comp = nhceComp[k] ?? 1;
        const t = (inTest ? (census.qnec[i] ?? 0) : 0) + centsAtBps(comp, x);
        rates[k] = contributionRatioBps(t + input.otherAmount(i), comp);
      }
      const rep = representativeRateBps(rates);
      const limit = Math.max(floor, acpConstants.qnecRepresentativeMultiplier.value * rep);
      sum = 0;
      for (let k = 0; k < n; k++) {
        const comp = nhceComp[k] ?? 1;
        const q = inTest ? (census.qnec[nhceIndex[k] ?? 0] ?? 0) : 0;
        const t = q + centsAtBps(comp, x);
        sum += contributionRatioBps(
          amountWith(k, q, comp, Math.min(t, qnecCap(comp, limit))),
          comp,
        );
      }
    }
    const after = averageBps(sum, n);
    const limitAfter = acpLimitBps(after);
    if (hce <= limitAfter) {
      return { rateBps: x, cost, nhceAverageAfterBps: after, limitAfterBps: limitAfter };
    }
  }
  return null;
}
