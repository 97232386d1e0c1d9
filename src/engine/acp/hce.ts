/**
 * Who is a highly compensated employee for plan year Y (IRC 414(q)(1)): a 5% owner in Y or
 * Y−1 (owns more than 5%), or an employee paid more than the HCE amount in Y−1 — the figure
 * that applies to Y−1 pay, `paramsFor(Y).plan.hceLookbackThreshold` — and, if the plan makes the
 * top-paid group election, also in the top 20% of employees ranked by Y−1 pay (414(q)(3)).
 * An `hce` column, where filled in, is taken as given.
 */
import { acpConstants } from '../params/acp.js';
import { paramsFor, usd } from '../params/index.js';
import type { Census } from './census.js';

/** Why each employee was classified, counted. */
export interface HceDetermination {
  /** 1 for an HCE, 0 for an NHCE, per census row. */
  readonly isHce: Uint8Array;
  /** The look-back threshold used, cents (pay must be MORE than this). */
  readonly thresholdCents: number;
  readonly byColumn: number;
  readonly byOwnership: number;
  readonly byPay: number;
  /** Size of the top-paid group when the election applies, else null. */
  readonly topPaidGroupSize: number | null;
}

/**
 * Marks the HCEs in `isHce` and counts them by reason: [by the column, by ownership, by pay]. A
 * function of its own, so that its optimized loop is not followed by code without type feedback
 * (which would throw the optimized code away on the first call).
 */
function classify(
  census: Census,
  isHce: Uint8Array,
  threshold: number,
  ownerBps: number,
  tpgSize: number | null,
  cutoff: number,
  atCutoff: number,
): Int32Array {
  const n = census.size;
  // the arrays read once; `hceGiven` and `ownerBps` are empty when every row has the default
  const priors = census.priorCompensation;
  const givens = census.hceGiven.length > 0 ? census.hceGiven : null;
  const owners = census.ownerBps.length > 0 ? census.ownerBps : null;
  let atCutoffLeft = atCutoff;
  let byColumn = 0;
  let byOwnership = 0;
  let byPay = 0;
  for (let i = 0; i < n; i++) {
    const prior = priors[i] ?? 0;
    let inTpg = true;
    if (tpgSize !== null) {
      if (prior > cutoff) inTpg = true;
      else if (prior === cutoff && atCutoffLeft > 0) {
        atCutoffLeft--;
        inTpg = true;
      } else inTpg = false;
    }
    const given = givens === null ? -1 : (givens[i] ?? -1);
    if (given >= 0) {
      isHce[i] = given;
      if (given === 1) byColumn++;
      continue;
    }
    if (owners !== null && (owners[i] ?? 0) > ownerBps) {
      isHce[i] = 1;
      byOwnership++;
    } else if (prior > threshold && inTpg) {
      isHce[i] = 1;
      byPay++;
    }
  }
  return Int32Array.of(byColumn, byOwnership, byPay);
}

/**
 * Classifies every census row for plan year `year`. With `topPaidGroup`, the group is 20% of the
 * census rows (rounded to the nearest whole employee, half up — Reg. 1.414(q)-1T Q&A-9(b), status
 * V2), ranked by prior-year pay; employees tied at the cut-off are taken in census order.
 */
export function determineHces(
  census: Census,
  year: number,
  opts: { topPaidGroup?: boolean } = {},
): HceDetermination {
  const n = census.size;
  const threshold = usd(paramsFor(year, 'year').plan.hceLookbackThreshold);
  const ownerBps = acpConstants.ownerPercent.value * 100;
  const isHce = new Uint8Array(n);

  // Top-paid group cut-off: the prior-year pay of the last member, and how many at that pay fit.
  let tpgSize: number | null = null;
  let cutoff = -Infinity;
  let atCutoffLeft = 0;
  if (opts.topPaidGroup) {
    tpgSize = Math.floor((n * acpConstants.topPaidGroupPercent.value + 50) / 100);
    if (tpgSize > 0) {
      const sorted = Float64Array.from(census.priorCompensation).sort();
      cutoff = sorted[n - tpgSize] ?? 0;
      let above = 0;
      for (let i = 0; i < n; i++) if ((census.priorCompensation[i] ?? 0) > cutoff) above++;
      atCutoffLeft = tpgSize - above;
    } else cutoff = Infinity;
  }

  const counts = classify(census, isHce, threshold, ownerBps, tpgSize, cutoff, atCutoffLeft);
  return {
    isHce,
    thresholdCents: threshold,
    byColumn: counts[0] ?? 0,
    byOwnership: counts[1] ?? 0,
    byPay: counts[2] ?? 0,
    topPaidGroupSize: tpgSize,
  };
}
