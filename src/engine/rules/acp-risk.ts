/**
 * The ACP refund risk of a likely HCE's after-tax money, from what a participant can know about
 * the plan's test: last year's NHCE ACP sets this year's limit (prior-year testing, Treas. Reg.
 * 1.401(m)-2(a)(2)); last year's HCE ACP and the number of HCEs describe the other HCEs; the
 * HCE and the others are tested and corrected as a census is, leveling HCE dollars (IRC
 * 401(m)(2), (6); Treas. Reg. 1.401(m)-2(b)(2)). The figures are bounded by the participant's
 * 415(c) room and pay, and the report says what the estimate assumed.
 */
import { correctionDeadlines } from '../acp/deadlines.js';
import { estimateHceRefund, type HceEstimate } from '../acp/participant.js';
import { figure } from '../explain.js';
import { acpConstants } from '../params/acp.js';
import type { AcpRisk } from '../household/report.js';
import { applyRate, formatUsd, ratePercent, type Cents, type Rate } from '../money.js';

export interface AcpRiskInput {
  readonly key: string;
  /** The scenario path of the plan's `acp` block (named in the assumption text). */
  readonly path: string;
  readonly year: number;
  readonly compensation: Cents;
  readonly match: Cents;
  readonly afterTax: Cents;
  /** The after-tax money 415(c) leaves in this plan: the most the estimate considers, cents. */
  readonly afterTaxRoom: Cents;
  /** Last year's NHCE ACP, an exact rate (3.03% is 303/10000). */
  readonly expectedNhceAcp: Rate;
  /** Last year's HCE ACP (the other HCEs' average), an exact rate. */
  readonly hceAcp?: Rate;
  /** How many HCEs the plan has, the participant included. */
  readonly hceCount?: number;
  readonly safeHarbor: boolean;
}

/** Basis points of a rate, half-up (ACPs are figured to a hundredth of a percent). */
const bpsOf = (r: Rate): number => applyRate(10_000, r);

const pct = (bps: number): string => `${(bps / 100).toFixed(2)}%`;

interface Estimate {
  readonly refund: Cents;
  readonly maxNoRefund: Cents;
  readonly limitBps: number;
  readonly assumption: string;
}

/** The participant's refund and the most after-tax money with no refund, and what was assumed. */
function estimate(i: AcpRiskInput): Estimate {
  const base = {
    year: i.year,
    compensation: i.compensation,
    match: i.match,
    afterTax: i.afterTax,
    expectedNhceAcpBps: bpsOf(i.expectedNhceAcp),
    safeHarbor: i.safeHarbor,
    maxAfterTax: i.afterTaxRoom,
  };
  const of = (e: HceEstimate, assumption: string): Estimate => ({
    refund: e.view.refund?.afterTax ?? 0,
    maxNoRefund: e.maxAfterTaxWithoutRefund,
    limitBps: e.result.limitBps,
    assumption,
  });
  const alone = (assumption: string): Estimate => of(estimateHceRefund(base), assumption);
  const others = (count: number, ratioBps: number, assumption: string): Estimate =>
    of(
      estimateHceRefund({
        ...base,
        otherHces: { count, ratioBps, compensation: i.compensation },
      }),
      assumption,
    );
  if (i.hceAcp === undefined) {
    return alone(
      `you are the plan's only HCE, as ${i.path}.hceAcp (the HCEs' ACP from the plan's testing results) is not given: other HCEs below the limit would make the refund smaller`,
    );
  }
  const hceBps = bpsOf(i.hceAcp);
  if (i.hceCount === 1) return alone(`you are the plan's only HCE (${i.path}.hceCount is 1)`);
  if (i.hceCount !== undefined) {
    const n = i.hceCount - 1;
    return others(
      n,
      hceBps,
      `the plan's ${String(n)} other HCE${n === 1 ? '' : 's'} each put in ${pct(hceBps)} of pay equal to yours (last year's HCE ACP)`,
    );
  }
  // No count: a plan with so many HCEs that this one's money does not move their average.
  const probe = alone('');
  if (hceBps <= probe.limitBps) {
    return {
      refund: 0,
      maxNoRefund: Math.min(i.afterTaxRoom, i.compensation),
      limitBps: probe.limitBps,
      assumption: `the HCEs average last year's ${pct(hceBps)}, within the limit, and your money does not move that average (a plan with many HCEs; with few, give ${i.path}.hceCount)`,
    };
  }
  // Above the limit the plan fails whatever this HCE puts in, and leveling takes every HCE at
  // or above the limit down to the limit's share of pay, however many there are: one other HCE
  // at the average gives the same figures, up to the rounding of ratios to 0.01%.
  return others(
    1,
    hceBps,
    `the HCEs average last year's ${pct(hceBps)}, above the limit, so the plan fails and leveling takes each HCE's money down to the limit's share of pay (the number of HCEs, ${i.path}.hceCount, not given)`,
  );
}

/** Estimates the refund and the most after-tax money with no refund. */
export function acpRisk(i: AcpRiskInput): AcpRisk {
  const e = estimate(i);
  const cite = 'IRC 401(m)(2), 401(m)(6); Treas. Reg. 1.401(m)-2(a)(2), 1.401(m)-2(b)(2)';
  const limit = pct(e.limitBps);
  const expected = ratePercent(i.expectedNhceAcp);
  const nhce = `${expected.toFixed(2)}%`;
  return {
    expectedNhceAcp: expected,
    hceAcp: i.hceAcp === undefined ? null : ratePercent(i.hceAcp),
    hceCount: i.hceCount ?? null,
    acpLimit: e.limitBps / 100,
    safeHarbor: i.safeHarbor,
    assumption: e.assumption,
    likelyRefund: figure(
      `${i.key}.likelyRefund`,
      'Likely ACP refund of after-tax money',
      e.refund,
      `your match and after-tax money tested against last year's NHCE ACP of ${nhce} (limit ${limit})${i.safeHarbor ? ', after-tax money alone (safe-harbor plan)' : ''}; assumed: ${e.assumption}`,
      cite,
    ),
    maxAfterTaxWithoutRefund: figure(
      `${i.key}.maxAfterTaxWithoutRefund`,
      'Most after-tax money with no refund',
      e.maxNoRefund,
      `the largest after-tax amount, at most the after-tax room of ${formatUsd(i.afterTaxRoom)} (415(c) and pay), with no refund; assumed: ${e.assumption}`,
      `${cite}; IRC 415(c)(1)`,
    ),
    explanation:
      e.refund > 0
        ? `if the plan's NHCEs average ${nhce} as last year, about ${formatUsd(e.refund)} of your after-tax money would come back by ${correctionDeadlines(`${String(i.year)}-12-31`).exciseTaxDeadline} (${String(acpConstants.exciseTaxMonths.value)} months after the plan year, IRC 4979(f)(1); your basis, not taxed again; its earnings are taxable); at most ${formatUsd(e.maxNoRefund)} would stay`
        : `with last year's NHCE ACP of ${nhce} your after-tax money is within the limit of ${limit}`,
  };
}
