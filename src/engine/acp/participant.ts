/**
 * One employee's view of the ACP test: their ratio, whether they are an HCE, and — when the
 * plan fails — how much of their after-tax money (and match) comes back and why
 * (IRC 401(m)(6); Reg. 1.401(m)-2(b)(2)-(3)). Returned after-tax contributions are the
 * participant's own basis and not taxed again; their earnings and any distributed match are
 * taxable in the year distributed (IRC 72, 4979(f)(2)).
 */
import { inputError } from '../errors.js';
import type { Cents } from '../money.js';
import type { AcpResult, PreparedTest, Refund } from './acp-test.js';
import { contributionRatioBps } from './ratios.js';

export interface ParticipantView {
  readonly id: string;
  readonly line: number;
  readonly eligible: boolean;
  readonly hce: boolean;
  readonly compensation: Cents;
  readonly cappedCompensation: Cents;
  readonly afterTax: Cents;
  readonly match: Cents;
  readonly ratioBps: number;
  /** This employee's part of the correction, or null. */
  readonly refund: Refund | null;
  /** After-tax money kept in the plan after the refund, cents. */
  readonly afterTaxKept: Cents;
  /** Plain-language reasons, one per line. */
  readonly why: readonly string[];
}

/** The view for census id `id`; an unknown id is an InputError naming `--participant`. */
export function participantView(p: PreparedTest, r: AcpResult, id: string): ParticipantView {
  const c = p.census;
  const i = c.ids.indexOf(id);
  if (i < 0) throw inputError('--participant', `no employee with id "${id}" in the census`);
  const eligible = c.eligible[i] === 1;
  const hce = p.hces.isHce[i] === 1;
  const comp = c.compensation[i] ?? 0;
  const capped = Math.min(comp, p.compensationLimit);
  const safe = p.options.safeHarbor === true;
  const counted =
    (c.afterTax[i] ?? 0) + (c.qnec[i] ?? 0) + (safe ? 0 : (c.match[i] ?? 0) + (c.qmac[i] ?? 0));
  const ratio = eligible && capped > 0 ? contributionRatioBps(counted, capped) : 0;
  const refund = r.refunds.find((x) => x.index === i) ?? null;
  const why: string[] = [];
  if (!eligible) why.push('Not eligible this plan year: not in the test, nothing is refunded.');
  else if (!hce) {
    why.push('Not an HCE: only highly compensated employees receive ACP corrective refunds.');
  } else if (r.passed) {
    why.push('The plan passes the ACP test, so no HCE gets a refund.');
  } else if (!refund) {
    why.push(
      'The plan fails, but the excess is taken from HCEs with higher contribution dollars first; none falls on this employee.',
    );
  } else {
    why.push(
      'The plan fails the ACP test: the HCE average is above the limit set by the NHCE average.',
      'The total excess is set by lowering the highest HCE ratios, then taken from the HCEs with the most contribution dollars first (Reg. 1.401(m)-2(b)(2)).',
      'Refunded after-tax money is your own basis (not taxed again); its earnings and any distributed match are taxable income in the year paid.',
    );
    if (refund.matchForfeited > 0) why.push('Unvested match taken in the correction is forfeited.');
  }
  return {
    id,
    line: c.lines[i] ?? 0,
    eligible,
    hce,
    compensation: comp,
    cappedCompensation: capped,
    afterTax: c.afterTax[i] ?? 0,
    match: c.match[i] ?? 0,
    ratioBps: ratio,
    refund,
    afterTaxKept: (c.afterTax[i] ?? 0) - (refund?.afterTax ?? 0),
    why,
  };
}
