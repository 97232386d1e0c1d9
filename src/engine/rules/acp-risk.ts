/**
 * The ACP refund risk of a likely HCE's after-tax money in a plan whose expected NHCE ACP the
 * user gives: the HCE's match and after-tax money are tested against that average (as under
 * prior-year testing), with the same test and correction as a census (IRC 401(m)(2), (6);
 * Treas. Reg. 1.401(m)-2). Only this HCE is in the HCE group, so the figure is an estimate.
 */
import { correctionDeadlines } from '../acp/deadlines.js';
import { estimateHceRefund } from '../acp/participant.js';
import { figure } from '../explain.js';
import { acpConstants } from '../params/acp.js';
import type { AcpRisk } from '../household/report.js';
import { applyRate, formatUsd, ratePercent, type Cents, type Rate } from '../money.js';

export interface AcpRiskInput {
  readonly key: string;
  readonly year: number;
  readonly compensation: Cents;
  readonly match: Cents;
  readonly afterTax: Cents;
  /** The plan's expected NHCE ACP, an exact rate (3.03% is 303/10000). */
  readonly expectedNhceAcp: Rate;
  readonly safeHarbor: boolean;
}

/** Estimates the refund and the most after-tax money with no refund. */
export function acpRisk(i: AcpRiskInput): AcpRisk {
  const est = estimateHceRefund({
    year: i.year,
    compensation: i.compensation,
    match: i.match,
    afterTax: i.afterTax,
    // basis points of the rate, half-up (ACPs are figured to a hundredth of a percent)
    expectedNhceAcpBps: applyRate(10_000, i.expectedNhceAcp),
    safeHarbor: i.safeHarbor,
  });
  const refund = est.view.refund?.afterTax ?? 0;
  const cite = 'IRC 401(m)(2), 401(m)(6); Treas. Reg. 1.401(m)-2(b)';
  const limitPct = (est.result.limitBps / 100).toFixed(2);
  const expected = ratePercent(i.expectedNhceAcp);
  return {
    expectedNhceAcp: expected,
    safeHarbor: i.safeHarbor,
    likelyRefund: figure(
      `${i.key}.likelyRefund`,
      'Likely ACP refund of after-tax money',
      refund,
      `your match and after-tax money tested against an expected NHCE ACP of ${expected.toFixed(2)}% (limit ${limitPct}%)${i.safeHarbor ? ', after-tax money alone (safe-harbor plan)' : ''}`,
      cite,
    ),
    maxAfterTaxWithoutRefund: figure(
      `${i.key}.maxAfterTaxWithoutRefund`,
      'Most after-tax money with no refund',
      est.maxAfterTaxWithoutRefund,
      'the largest after-tax amount that keeps your ratio within the limit',
      cite,
    ),
    explanation:
      refund > 0
        ? `if the plan's NHCEs average ${expected.toFixed(2)}%, about ${formatUsd(refund)} of your after-tax money would come back by ${correctionDeadlines(`${String(i.year)}-12-31`).exciseTaxDeadline} (${String(acpConstants.exciseTaxMonths.value)} months after the plan year, IRC 4979(f)(1); your basis, not taxed again; its earnings are taxable); at most ${formatUsd(est.maxAfterTaxWithoutRefund)} would stay`
        : `with an expected NHCE ACP of ${expected.toFixed(2)}% your after-tax money is within the limit of ${limitPct}%`,
  };
}
