/**
 * The `acp-participant` report: one employee's view of the ACP test (IRC 401(m); Treas. Reg.
 * 1.401(m)-2) — their ratio, whether they are an HCE and, when the plan fails, how much of their
 * after-tax money and match comes back (IRC 401(m)(6)) — for an employee of a census, or as an
 * estimate without one (the employee, the plan's expected NHCE ACP and the other HCEs in brief).
 */
import type { AcpOptions, AcpResult, PreparedTest } from '../acp/acp-test.js';
import type { Census } from '../acp/census.js';
import type { CorrectionDeadlines } from '../acp/deadlines.js';
import {
  estimateHceRefund,
  participantView,
  type HceEstimateInput,
  type ParticipantView,
} from '../acp/participant.js';
import { bpsRate, percentText } from '../acp/ratios.js';
import { figure, rateFigure, type Figure, type RateFigure } from '../explain.js';
import { formatUsd } from '../money.js';
import { paramsFor } from '../params/index.js';
import { runPlanTests } from '../acp/plan-tests.js';
import { HUNDREDTH, limitRuleText } from './acp-common.js';
import type { Finding, ReportBase } from './model.js';

export interface ParticipantRefundReport {
  readonly amount: Figure;
  readonly afterTax: Figure;
  readonly matchDistributed: Figure;
  readonly matchForfeited: Figure;
}

export interface ParticipantReport {
  readonly id: string;
  readonly eligible: boolean;
  readonly hce: boolean;
  readonly compensation: Figure;
  readonly cappedCompensation: Figure;
  readonly afterTax: Figure;
  readonly match: Figure;
  readonly ratio: RateFigure;
  /** This employee's part of the correction, or null. */
  readonly refund: ParticipantRefundReport | null;
  readonly afterTaxKept: Figure;
  /** Plain-language reasons, one per line. */
  readonly why: readonly string[];
}

/** The other HCEs an estimate assumes. */
export interface OtherHcesReport {
  readonly count: number;
  readonly ratio: RateFigure;
  readonly compensation: Figure;
}

export interface AcpParticipantReport extends ReportBase<'acp-participant'> {
  /** True without a census: the employee and the other HCEs in brief against an expected NHCE ACP. */
  readonly estimate: boolean;
  readonly year: number;
  readonly hceCount: number;
  readonly hceAcp: RateFigure;
  readonly nhceAcp: RateFigure;
  readonly limit: RateFigure;
  readonly passed: boolean;
  readonly excessAggregateContributions: Figure;
  /** The most after-tax money this HCE could put in with no refund (estimate only; else null). */
  readonly maxAfterTaxWithoutRefund: Figure | null;
  /** The other HCEs the estimate assumes (estimate only; else null). */
  readonly otherHces: OtherHcesReport | null;
  readonly deadlines: CorrectionDeadlines;
  readonly participant: ParticipantReport;
}

const CITE = {
  ratio: 'IRC 401(m)(3); Treas. Reg. 1.401(m)-2(a)(2)(i)',
  limit: 'IRC 401(m)(2)(A); Treas. Reg. 1.401(m)-2(a)(1)(i)',
  correction: 'IRC 401(m)(6)(B)-(C); Treas. Reg. 1.401(m)-2(b)(2)',
  distribution: 'IRC 401(m)(6)(A); Treas. Reg. 1.401(m)-2(b)(3)',
  forfeiture: 'IRC 401(m)(6)(A), 411(a)(3)(G); Treas. Reg. 1.401(m)-2(b)(3)',
} as const;

function participantReport(
  v: ParticipantView,
  p: PreparedTest,
  source: string,
  sourceCitation: string,
): ParticipantReport {
  const k = (name: string): string => `participant.${name}`;
  const given = (name: string, label: string, cents: number, why: string): Figure =>
    figure(k(name), label, cents, `${why}, ${source}`, sourceCitation);
  const capParam = paramsFor(p.options.year, 'year').plan.compensationLimit;
  const safe = p.options.safeHarbor === true;
  const refund = v.refund;
  const part = (name: string, label: string, cents: number, why: string, cite: string): Figure =>
    figure(k(`refund.${name}`), label, cents, why, cite, [k('refund.amount')]);
  return {
    id: v.id,
    eligible: v.eligible,
    hce: v.hce,
    compensation: given('compensation', 'Compensation', v.compensation, 'plan-year 414(s) pay'),
    cappedCompensation: figure(
      k('cappedCompensation'),
      'Compensation (capped at 401(a)(17))',
      v.cappedCompensation,
      `pay up to the ${String(p.options.year)} limit of ${formatUsd(p.compensationLimit)}`,
      capParam.citation,
      [k('compensation')],
    ),
    afterTax: given(
      'afterTax',
      'After-tax contributed',
      v.afterTax,
      (p.recharacterized?.[p.census.rowOf(v.id)] ?? 0) > 0
        ? 'after-tax contributions, with the excess contributions recharacterized as after-tax (Treas. Reg. 1.401(k)-2(b)(3))'
        : 'after-tax contributions',
    ),
    match: given('match', 'Match', v.match, 'matching contributions'),
    ratio: rateFigure(
      k('ratio'),
      'Contribution ratio',
      bpsRate(v.ratioBps),
      v.eligible
        ? `${safe ? 'after-tax money and QNECs (safe-harbor plan: match left out)' : 'match, after-tax money, QMACs and QNECs'} ÷ capped pay, to the nearest ${HUNDREDTH}`
        : 'not eligible this plan year: not in the test',
      CITE.ratio,
      [k('afterTax'), k('match'), k('cappedCompensation')],
    ),
    refund:
      refund === null
        ? null
        : {
            amount: figure(
              k('refund.amount'),
              'Refund (distributed and forfeited)',
              refund.amount,
              `this HCE’s share of the excess aggregate contributions by dollar leveling (the most dollars counted come down first): ${formatUsd(refund.contributions)} counted`,
              CITE.correction,
              ['excessAggregateContributions'],
            ),
            afterTax: part(
              'afterTax',
              'Refund of after-tax money',
              refund.afterTax,
              'after-tax money comes back first: the participant’s own basis, not taxed again (its earnings are taxable)',
              CITE.distribution,
            ),
            matchDistributed: part(
              'matchDistributed',
              'Match paid out (taxable)',
              refund.matchDistributed,
              'then the match: its vested share is paid out, taxable in the year paid',
              CITE.distribution,
            ),
            matchForfeited: part(
              'matchForfeited',
              'Match forfeited',
              refund.matchForfeited,
              'the unvested rest of the match taken is forfeited',
              CITE.forfeiture,
            ),
          },
    afterTaxKept: figure(
      k('afterTaxKept'),
      'After-tax money kept in the plan',
      v.afterTaxKept,
      'after-tax money contributed less the after-tax money refunded',
      CITE.distribution,
      refund === null ? [k('afterTax')] : [k('afterTax'), k('refund.afterTax')],
    ),
    why: v.why,
  };
}

/** The plan-level figures both modes show: the averages, the limit and the excess. */
function testFigures(r: AcpResult, estimate: boolean) {
  return {
    hceCount: r.hceCount,
    hceAcp: rateFigure(
      'hceAcp',
      'HCE ACP',
      bpsRate(r.hceAcpBps),
      estimate
        ? `the average ratio of this HCE and the other HCEs assumed, each to the nearest ${HUNDREDTH}`
        : `the average of the ${String(r.hceCount)} eligible HCEs’ ratios, each to the nearest ${HUNDREDTH}`,
      CITE.ratio,
    ),
    nhceAcp: rateFigure(
      'nhceAcp',
      estimate ? 'Expected NHCE ACP' : 'NHCE ACP',
      bpsRate(r.nhceAcpBps),
      estimate
        ? 'the NHCEs’ ACP the plan expects, as given (tested as under prior-year testing)'
        : 'the NHCEs’ ACP of the test',
      estimate ? 'IRC 401(m)(3) (prior-year testing); an assumption' : CITE.ratio,
    ),
    limit: rateFigure(
      'limit',
      'Limit',
      bpsRate(r.limitBps),
      `${limitRuleText()} for N = the NHCE ACP, rounded down to ${HUNDREDTH}`,
      CITE.limit,
      ['nhceAcp'],
    ),
    passed: r.passed,
    excessAggregateContributions: figure(
      'excessAggregateContributions',
      'Excess aggregate contributions',
      r.excessAggregateContributions,
      r.passed
        ? 'the plan passes: none'
        : 'ratio leveling: each HCE ratio above the highest permitted ratio is cut to it; the dollars above it, summed',
      CITE.correction,
      ['hceAcp', 'limit'],
    ),
    deadlines: r.deadlines,
  };
}

function findings(
  v: ParticipantView,
  r: AcpResult,
  estimate: boolean,
  maxAfterTax: number | null,
): Finding[] {
  const out: Finding[] = [];
  const path = estimate ? 'afterTax' : 'participant';
  const d = r.deadlines;
  if (v.refund && v.refund.afterTax > 0) {
    out.push({
      severity: 'warning',
      path,
      message: `${formatUsd(v.refund.afterTax)} of the ${formatUsd(v.afterTax)} of after-tax money comes back, paid by ${d.exciseTaxDeadline} (by ${d.finalDeadline} at the latest): the Roth conversion room it was meant for is lost; the refund is basis, its earnings are taxable`,
      ...(maxAfterTax !== null
        ? {
            fix: `put in at most ${formatUsd(maxAfterTax)} of after-tax money on these assumptions`,
          }
        : {}),
    });
  }
  if (v.refund && v.refund.matchForfeited > 0) {
    out.push({
      severity: 'warning',
      path,
      message: `${formatUsd(v.refund.matchForfeited)} of unvested match is forfeited in the correction`,
    });
  }
  if (estimate) {
    out.push({
      severity: 'question',
      path: 'expectedNhceAcpBps',
      message: `Ask the plan administrator for the plan’s last ACP test: the NHCEs’ ACP (${percentText(r.nhceAcpBps)} assumed here), how many HCEs make after-tax contributions and how much; the estimate is only as good as these`,
    });
  }
  return out;
}

/** The report for employee `participant` of a census. */
export function acpParticipantReport(input: {
  readonly census: Census;
  readonly options: AcpOptions;
  readonly participant: string;
}): AcpParticipantReport {
  // the employee's own test: the group it is in when the otherwise excludable are tested apart
  const t = runPlanTests(input.census, input.options);
  const row = input.census.rowOf(input.participant);
  const apart = t.groups.length > 1 && row >= 0 && t.excludable?.flags[row] === 1;
  const g = t.groups[apart ? 1 : 0];
  if (g === undefined) throw new RangeError('no test group');
  const p = g.acp.prepared;
  const r = g.acp.result;
  const v = participantView(p, r, input.participant);
  return {
    report: 'acp-participant',
    estimate: false,
    year: r.year,
    ...testFigures(r, false),
    maxAfterTaxWithoutRefund: null,
    otherHces: null,
    participant: participantReport(
      v,
      p,
      `census line ${String(v.line)}`,
      'the plan census (IRC 414(s) compensation; IRC 401(m)(4) contributions)',
    ),
    findings: findings(v, r, false, null),
  };
}

/** The estimate for one HCE without a census. */
export function acpEstimateReport(input: HceEstimateInput): AcpParticipantReport {
  const e = estimateHceRefund(input);
  const r = e.result;
  const others = input.otherHces ?? { count: 0, ratioBps: 0, compensation: input.compensation };
  const p = e.prepared;
  return {
    report: 'acp-participant',
    estimate: true,
    year: r.year,
    ...testFigures(r, true),
    maxAfterTaxWithoutRefund: figure(
      'maxAfterTaxWithoutRefund',
      'Most after-tax with no refund',
      e.maxAfterTaxWithoutRefund,
      'the largest after-tax amount (to the cent, by bisection) with which the same test gives this HCE no refund',
      CITE.correction,
      ['nhceAcp', 'participant.match', 'participant.cappedCompensation', 'otherHces.ratio'],
    ),
    otherHces: {
      count: others.count,
      ratio: rateFigure(
        'otherHces.ratio',
        'Other HCEs’ ratio',
        bpsRate(others.ratioBps),
        `each of the ${String(others.count)} other HCEs is assumed to have this share of pay counted`,
        'an assumption',
      ),
      compensation: figure(
        'otherHces.compensation',
        'Other HCEs’ pay',
        others.compensation,
        'each other HCE’s pay, as assumed',
        'an assumption',
      ),
    },
    participant: participantReport(e.view, p, 'as given', 'your figures (an estimate)'),
    findings: findings(e.view, r, true, e.maxAfterTaxWithoutRefund),
  };
}
