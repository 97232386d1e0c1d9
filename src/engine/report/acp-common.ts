/**
 * What the `acp` report's sections share: the precision of every ratio (to the nearest
 * hundredth of a percentage point, Treas. Reg. 1.401(k)-2(a)(2)(i), 1.401(m)-2(a)(2)(i)), the
 * limit's rule written from the statute's parameters (IRC 401(k)(3)(A)(ii), 401(m)(2)(A)), and
 * the targeted QNEC limit's figures (Reg. 1.401(k)-2(a)(6)(iv), 1.401(m)-2(a)(6)(v)).
 */
import { bpsRate, percentText } from '../acp/ratios.js';
import type { QnecLimitInfo } from '../acp/targeted-qnec.js';
import { figure, rateFigure, type Figure, type RateFigure } from '../explain.js';
import { acpConstants } from '../params/acp.js';

/** The precision of every ratio and average: "0.01%". */
export const HUNDREDTH = `${(10 ** -acpConstants.ratioPlaces.value).toFixed(acpConstants.ratioPlaces.value)}%`;

/** `max(1.25×N, min(2×N, N+2))`, written from the statute's parameters. */
export function limitRuleText(): string {
  const c = acpConstants;
  const basic = String(c.basicMultiplierPercent.value / 100);
  const spread = String(c.alternativeSpreadBps.value / 100);
  return `max(${basic}×N, min(${String(c.alternativeMultiplier.value)}×N, N+${spread}))`;
}

/** What the targeted QNEC limit did in one test. */
export interface QnecLimitReport {
  /** The representative contribution rate, or null when no QNEC came near the floor. */
  readonly representativeRate: RateFigure | null;
  /** The most QNEC that counts, as a share of pay. */
  readonly limitRate: RateFigure;
  /** QNECs above the limit, not counted. */
  readonly notCounted: Figure;
  readonly nhcesLimited: number;
}

const QNEC_LIMIT_CITE = 'Treas. Reg. 1.401(k)-2(a)(6)(iv), 1.401(m)-2(a)(6)(v)';

/** The limit's figures under `key` (`qnecLimit`, `adp.qnecLimit`), for the `test` named. */
export function qnecLimitReport(
  l: QnecLimitInfo,
  key: string,
  test: 'ADP' | 'ACP',
): QnecLimitReport {
  const c = acpConstants;
  const rep = l.representativeRateBps;
  const floor = percentText(l.floorBps);
  const numerator = test === 'ACP' ? 'match and QNECs' : 'QNECs';
  return {
    representativeRate:
      rep === null
        ? null
        : rateFigure(
            `${key}.representativeRate`,
            'Representative contribution rate',
            bpsRate(rep),
            `the lowest ${numerator} ÷ pay within the half of the eligible NHCEs (${String(c.representativeGroupPercent.value)}%, rounded up) with the highest rates`,
            QNEC_LIMIT_CITE,
          ),
    limitRate: rateFigure(
      `${key}.limitRate`,
      'Most QNEC that counts (share of pay)',
      bpsRate(l.limitRateBps),
      rep === null
        ? `no NHCE’s QNEC is above ${floor} of pay: the limit, the greater of ${floor} and ${String(c.qnecRepresentativeMultiplier.value)} × the representative rate, does not bind`
        : `the greater of ${floor} of pay and ${String(c.qnecRepresentativeMultiplier.value)} × the representative contribution rate ${percentText(rep)}`,
      QNEC_LIMIT_CITE,
      rep === null ? [] : [`${key}.representativeRate`],
    ),
    notCounted: figure(
      `${key}.notCounted`,
      'QNECs above the limit, not counted',
      l.notCounted,
      `each NHCE’s QNEC above the limit × the NHCE’s capped pay (rounded down to the cent), summed over ${String(l.nhcesLimited)} NHCEs: not counted in the ${test} test`,
      QNEC_LIMIT_CITE,
      [`${key}.limitRate`],
    ),
    nhcesLimited: l.nhcesLimited,
  };
}
