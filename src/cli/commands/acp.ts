/**
 * `megaroth acp CENSUS.csv`: the ACP nondiscrimination test (IRC 401(m)) on a plan's census, and
 * the ADP test (IRC 401(k)(3)) beside it when the census has deferrals — the `acp` report (pass
 * or fail with the margin; when a test fails, the excess, each HCE's correction with its
 * allocable income, the deadlines and the QNEC alternative; both tests per group with
 * `--excludable separate`; `--whatif` adds the sponsor's what-ifs) — or with `--participant ID`,
 * or without a census (`--pay …`), the `acp-participant` report of one employee. Exit 0 whether
 * the plan passes or fails.
 */
import type { AcpOptions } from '../../engine/acp/acp-test.js';
import type { CensusIssue, CensusReadResult } from '../../engine/acp/census-csv.js';
import { parsePercent } from '../../engine/acp/census-values.js';
import { percentShortText } from '../../engine/acp/ratios.js';
import { InputError, inputError } from '../../engine/errors.js';
import type { Figure, RateFigure } from '../../engine/explain.js';
import { formatUsd } from '../../engine/money.js';
import { SUPPORTED_YEARS } from '../../engine/params/index.js';
import { acpConstants } from '../../engine/params/acp.js';
import {
  acpEstimateReport,
  acpParticipantReport,
  type AcpParticipantReport,
  type ParticipantReport,
} from '../../engine/report/acp-participant.js';
import type { AdpSection } from '../../engine/report/acp-adp.js';
import {
  acpReport,
  type AcpReport,
  type GroupReport,
  type MaxRateReport,
  type WhatIfReport,
} from '../../engine/report/acp.js';
import { readCensusFile } from '../census-file.js';
import { withFlags, type FlagMap } from '../flags.js';
import {
  parseChoiceOption,
  parseIntOption,
  parseMoneyOption,
  parseYearOption,
} from '../options.js';
import {
  formatRate,
  printReport,
  withReportOptions,
  type ReportOutputOptions,
} from '../report-output.js';
import { renderPairs, renderTable } from '../table.js';
import type { Register } from './index.js';

interface AcpCliOptions extends ReportOutputOptions {
  year?: string;
  method?: string;
  priorNhceAcp?: string;
  firstYear?: boolean;
  safeHarbor?: boolean;
  topPaidGroup?: boolean;
  eaca?: boolean;
  planYearEnd?: string;
  matchVested?: string;
  whatif?: boolean;
  gridShares?: string;
  gridRates?: string;
  matchBoost?: string;
  participant?: string;
  skipBadRows?: boolean;
  refunds?: string;
  pay?: string;
  match?: string;
  afterTax?: string;
  expectedNhceAcp?: string;
  otherHces?: string;
  otherHceAcp?: string;
  otherHcePay?: string;
  priorNhceAdp?: string;
  adpCorrection?: string;
  qnecTest?: string;
  prevailingWage?: boolean;
  gainRate?: string;
  excludable?: string;
}

/** The engine's fields and the flags they come from. */
const FLAGS: FlagMap = {
  year: '--year',
  priorNhceAcpBps: '--prior-nhce-acp',
  firstYear: '--first-year',
  planYearEnd: '--plan-year-end',
  defaultVestedBps: '--match-vested',
  participant: '--participant',
  compensation: '--pay',
  match: '--match',
  afterTax: '--after-tax',
  expectedNhceAcpBps: '--expected-nhce-acp',
  'otherHces.count': '--other-hces',
  'otherHces.ratioBps': '--other-hce-acp',
  'otherHces.compensation': '--other-hce-pay',
  priorNhceAdpBps: '--prior-nhce-adp',
  adpCorrection: '--adp-correction',
  qnecTest: '--qnec-test',
  gainRateBps: '--gain-rate',
  excludable: '--excludable',
  safeHarbor: '--safe-harbor',
};

/** A percentage with at most two decimals within [0, max] → hundredths of a percent. */
function parsePercentOption(flag: string, raw: string, maxPercent = 100): number {
  const bps = parsePercent(raw, maxPercent);
  if (bps === undefined) {
    throw inputError(
      flag,
      `expected a percentage from 0 to ${String(maxPercent)} with at most 2 decimals (e.g. 2.35), got "${raw}"`,
    );
  }
  return bps;
}

/** A gain or loss in percent with at most two decimals, -100 to 100 → hundredths (signed). */
function parseSignedPercentOption(flag: string, raw: string): number {
  const t = raw.trim();
  const negative = t.startsWith('-');
  const bps = parsePercent(negative ? t.slice(1) : t, 100);
  if (bps === undefined) {
    throw inputError(
      flag,
      `expected a gain or loss in percent from -100 to 100 with at most 2 decimals (e.g. 6.5 or -3.25), got "${raw}"`,
    );
  }
  return negative && bps > 0 ? -bps : bps;
}

function parsePercentList(flag: string, raw: string, maxPercent: number): number[] {
  const parts = raw.split(',').map((s) => s.trim());
  if (parts.length === 0 || parts.length > 50 || parts.some((s) => s === '')) {
    throw inputError(flag, `expected 1 to 50 comma-separated percentages, got "${raw}"`);
  }
  return parts.map((s) => parsePercentOption(flag, s, maxPercent));
}

/** A ratio as a percentage with two decimals ("9.81%"). */
const pct = (r: RateFigure): string => `${(r.rate * 100).toFixed(2)}%`;
const usd = (f: Figure): string => formatUsd(f.cents);

/** Months after the plan year as said: 2.5 → "2½ months". */
function monthsText(months: number): string {
  const whole = Math.floor(months);
  return `${String(whole)}${months === whole ? '' : '½'} months`;
}

function issueText(i: CensusIssue): string {
  return `${i.column}: ${i.reason}`;
}

function censusProblems(file: string, r: CensusReadResult, skip: boolean): CensusIssue[] {
  if (r.headerIssues.length > 0) {
    throw new InputError(
      r.headerIssues.map((i) => ({ path: `${file}:${String(i.line)}`, message: issueText(i) })),
    );
  }
  if (r.issueCount > 0 && !skip) {
    const more = r.issueCount - r.issues.length;
    throw new InputError([
      ...r.issues.map((i) => ({ path: `${file}:${String(i.line)}`, message: issueText(i) })),
      ...(more > 0 ? [{ path: file, message: `... and ${String(more)} more problems` }] : []),
      {
        path: file,
        message: `${String(r.badRows)} of ${String(r.rowsRead)} rows cannot be used; fix them, or run with --skip-bad-rows to test the other rows`,
      },
    ]);
  }
  if (r.census.size === 0) throw inputError(file, 'the census has no usable rows');
  return [...r.issues];
}

function maxRateText(m: MaxRateReport): string {
  if (m.maxRate === null) return 'none: the plan fails even with nothing added';
  if (m.capped) return `${pct(m.maxRate)} of pay or more (search stops there)`;
  return `${pct(m.maxRate)} of pay`;
}

/** A verdict in words. */
function verdict(passed: boolean, passReason: string | null): string {
  if (!passed) return 'FAILS';
  return passReason === 'no-eligible-nhces'
    ? 'PASSES (no eligible NHCEs: deemed to pass)'
    : 'PASSES';
}

/** An amount that may be unknown. */
const maybeUsd = (f: Figure | null): string => (f === null ? 'not known' : usd(f));

/** The ADP test as text: the averages, the verdict and, when it fails, each HCE's correction. */
function renderAdp(a: AdpSection, r: AcpReport, refundRows: number): string {
  const out: string[] = ['ADP test (elective deferrals)\n'];
  const pairs: [string, string][] = [
    ['Eligible HCEs', String(a.hceCount)],
    ['Eligible NHCEs', String(a.nhceCount)],
    [a.nhceAdp.label, pct(a.nhceAdp)],
    [a.limit.label, pct(a.limit)],
    [a.hceAdp.label, pct(a.hceAdp)],
    [a.margin.label, `${(a.margin.rate * 100).toFixed(2)} points`],
    ['Result', verdict(a.passed, a.passReason)],
  ];
  if (a.catchUps.notTestedRows > 0) {
    pairs.push([a.catchUps.notTested.label, usd(a.catchUps.notTested)]);
  }
  if (!a.passed) {
    const rech = a.correction === 'recharacterize';
    pairs.push(
      [
        a.permittedRatio?.label ?? 'Highest permitted HCE deferral ratio',
        a.permittedRatio ? pct(a.permittedRatio) : '-',
      ],
      [a.excessContributions.label, usd(a.excessContributions)],
      ['  kept as catch-ups', usd(a.catchUp)],
      [
        rech ? '  recharacterized as after-tax' : '  distributed to HCEs',
        usd(rech ? a.recharacterized : a.refunded),
      ],
    );
    if (rech && a.refunded.cents > 0) pairs.push(['  distributed to HCEs', usd(a.refunded)]);
    if (a.refunded.cents > 0)
      pairs.push(['  income allocable to them', maybeUsd(a.allocableIncome)]);
    if (rech) pairs.push(['Recharacterize by', a.recharacterizationDeadline]);
    pairs.push(
      [
        `Correct by (no ${formatRate(r.exciseTaxRate.rate)} excise tax)`,
        r.deadlines.exciseTaxDeadline,
      ],
      ['Correct by (latest, else EPCRS)', r.deadlines.finalDeadline],
      [a.exciseTaxIfLate.label, usd(a.exciseTaxIfLate)],
    );
    const q = a.qnecAlternative;
    if (q)
      pairs.push(['Or: QNEC to every eligible NHCE', `${pct(q.rate)} of pay, cost ${usd(q.cost)}`]);
  }
  out.push(renderPairs(pairs));
  if (a.corrections.length > 0) {
    const top = [...a.corrections].sort((x, y) => y.amount.cents - x.amount.cents);
    const shown = top.slice(0, refundRows);
    const rech = a.corrections.some((c) => c.recharacterized.cents > 0);
    const income = a.corrections.some((c) => c.allocableIncome !== null && c.refund.cents > 0);
    out.push(
      `\nExcess contributions by HCE (largest first${shown.length < top.length ? `, ${String(shown.length)} of ${String(top.length)}; --json lists all` : ''}):\n`,
      renderTable(
        [
          { header: 'ID' },
          { header: 'Ratio', align: 'right' },
          { header: 'Counted', align: 'right' },
          { header: 'Excess', align: 'right' },
          { header: 'Catch-up', align: 'right' },
          { header: 'Refund', align: 'right' },
          ...(rech ? [{ header: 'Recharacterized', align: 'right' as const }] : []),
          ...(income ? [{ header: 'Income', align: 'right' as const }] : []),
        ],
        shown.map((c) => [
          c.id,
          pct(c.ratio),
          usd(c.contributions),
          usd(c.amount),
          usd(c.catchUp),
          usd(c.refund),
          ...(rech ? [usd(c.recharacterized)] : []),
          ...(income ? [maybeUsd(c.allocableIncome)] : []),
        ]),
      ),
    );
  }
  return out.join('');
}

/** Each group's tests side by side, when the otherwise excludable employees are tested apart. */
function renderGroups(groups: readonly GroupReport[]): string {
  const name = (g: GroupReport): string =>
    g.group === 'meets-age-and-service' ? 'Meet age and service' : 'Otherwise excludable';
  const rows: string[][] = [];
  for (const test of ['adp', 'acp'] as const) {
    if (groups.every((g) => g[test] === null)) continue;
    const T = test.toUpperCase();
    const cell = (g: GroupReport, f: (t: NonNullable<GroupReport['acp']>) => string): string => {
      const t = g[test];
      return t === null ? '-' : f(t);
    };
    rows.push(
      [
        `${T}: HCEs / NHCEs`,
        ...groups.map((g) => cell(g, (t) => `${String(t.hceCount)} / ${String(t.nhceCount)}`)),
      ],
      [`${T}: NHCE average`, ...groups.map((g) => cell(g, (t) => pct(t.nhceAverage)))],
      [`${T}: limit`, ...groups.map((g) => cell(g, (t) => pct(t.limit)))],
      [`${T}: HCE average`, ...groups.map((g) => cell(g, (t) => pct(t.hceAverage)))],
      [`${T}: result`, ...groups.map((g) => cell(g, (t) => verdict(t.passed, t.passReason)))],
      [`${T}: excess`, ...groups.map((g) => cell(g, (t) => usd(t.excess)))],
    );
  }
  return renderTable(
    [{ header: '' }, ...groups.map((g) => ({ header: name(g), align: 'right' as const }))],
    rows,
  );
}

/** Who is otherwise excludable, in words. */
function excludableText(x: NonNullable<AcpReport['excludable']>): string {
  const c = acpConstants;
  return `Otherwise excludable employees (age ${String(c.minimumAge.value)} and ${String(c.minimumServiceYears.value)} year of service not both reached by ${x.latestQualifyingDate})`;
}

/** The `acp` report as text. */
function renderAcp(file: string, refundRows: number): (r: AcpReport) => string {
  return (r) => {
    const out: string[] = [];
    const both = r.adp !== null;
    out.push(
      `${both ? 'ADP and ACP tests' : 'ACP test'} ${String(r.year)}${r.safeHarbor ? ' (safe-harbor plan: after-tax money alone, match left out)' : ''}: ${file}\n\n`,
    );
    const x = r.excludable;
    if (x !== null) {
      out.push(
        x.rule === 'separate'
          ? `${excludableText(x)}: ${String(x.count)}, tested apart\n\n`
          : `${excludableText(x)}: ${String(x.count)}; the ${String(x.nhcesLeftOut ?? 0)} NHCEs among them left out of the tests\n\n`,
      );
    }
    if (r.groups !== null) {
      out.push(
        renderGroups(r.groups),
        `\nCombined: ${r.allPassed ? 'PASSES' : 'FAILS'} (every test of both groups must pass); below, the group that meets age and service, with both groups' corrections\n\n`,
      );
    }
    if (r.adp !== null)
      out.push(renderAdp(r.adp, r, refundRows), '\nACP test (match and after-tax money)\n');
    const pairs: [string, string][] = [
      ['Eligible HCEs', String(r.hceCount)],
      ['Eligible NHCEs', String(r.nhceCount)],
      ['Not eligible (left out)', String(r.ineligibleCount)],
      [r.nhceAcp.label, pct(r.nhceAcp)],
      [r.limit.label, pct(r.limit)],
      [r.hceAcp.label, pct(r.hceAcp)],
      [r.margin.label, `${(r.margin.rate * 100).toFixed(2)} points`],
      ['Result', verdict(r.passed, r.passReason)],
    ];
    if (!r.passed) {
      pairs.push(
        [
          r.permittedRatio?.label ?? 'Highest permitted HCE ratio',
          r.permittedRatio ? pct(r.permittedRatio) : '-',
        ],
        [r.excessAggregateContributions.label, usd(r.excessAggregateContributions)],
        ['  distributed to HCEs', usd(r.distributed)],
        ['  unvested match forfeited', usd(r.forfeited)],
      );
      if (r.allocableIncome !== null)
        pairs.push(['  income allocable to them', usd(r.allocableIncome)]);
      pairs.push(
        ['HCEs with a refund', String(r.refunds.length)],
        [
          `Distribute by (no ${formatRate(r.exciseTaxRate.rate)} excise tax)`,
          r.deadlines.exciseTaxDeadline,
        ],
        ['Distribute by (latest, else EPCRS)', r.deadlines.finalDeadline],
        [r.exciseTaxIfLate.label, usd(r.exciseTaxIfLate)],
      );
      const q = r.qnecAlternative;
      if (q)
        pairs.push([
          'Or: QNEC to every eligible NHCE',
          `${pct(q.rate)} of pay, cost ${usd(q.cost)}`,
        ]);
    }
    if (r.qnecLimit !== null && r.qnecLimit.nhcesLimited > 0) {
      pairs.push([r.qnecLimit.notCounted.label, usd(r.qnecLimit.notCounted)]);
    }
    out.push(renderPairs(pairs));
    if (r.refunds.length > 0) {
      const top = [...r.refunds].sort((a, b) => b.amount.cents - a.amount.cents);
      const shown = top.slice(0, refundRows);
      const qmac = r.refunds.some((f) => f.qmac.cents > 0);
      const qnec = r.refunds.some((f) => f.qnec.cents > 0);
      const income = r.refunds.some((f) => f.allocableIncome !== null);
      out.push(
        `\nRefunds (largest first${shown.length < top.length ? `, ${String(shown.length)} of ${String(top.length)}; --json lists all` : ''}):\n`,
        renderTable(
          [
            { header: 'ID' },
            { header: 'Ratio', align: 'right' },
            { header: 'Counted', align: 'right' },
            { header: 'Refund', align: 'right' },
            { header: 'After-tax', align: 'right' },
            { header: 'Match paid', align: 'right' },
            { header: 'Forfeited', align: 'right' },
            ...(qmac ? [{ header: 'QMAC', align: 'right' as const }] : []),
            ...(qnec ? [{ header: 'QNEC', align: 'right' as const }] : []),
            ...(income ? [{ header: 'Income', align: 'right' as const }] : []),
          ],
          shown.map((f) => [
            f.id,
            pct(f.ratio),
            usd(f.contributions),
            usd(f.amount),
            usd(f.afterTax),
            usd(f.matchDistributed),
            usd(f.matchForfeited),
            ...(qmac ? [usd(f.qmac)] : []),
            ...(qnec ? [usd(f.qnec)] : []),
            ...(income ? [maybeUsd(f.allocableIncome)] : []),
          ]),
        ),
        income
          ? 'Refunds are paid with the income shown; returned after-tax money is basis, not taxed again.\n'
          : 'Refunds are plus earnings; returned after-tax money is basis, not taxed again.\n',
      );
    }
    if (r.census.skippedRows > 0) {
      out.push(
        `\nSkipped rows (--skip-bad-rows): ${String(r.census.problems.length)} problems listed on stderr\n`,
      );
    }
    if (r.whatif) out.push(renderWhatIf(r.whatif));
    return out.join('');
  };
}

function renderWhatIf(w: WhatIfReport): string {
  const out: string[] = ['\nWhat-ifs (adopters: the highest-paid HCEs first)\n'];
  out.push(`Highest uniform after-tax rate all HCEs could add: ${maxRateText(w.maxUniformRate)}\n`);
  out.push('\nAdoption share × added after-tax rate: "pass", or the excess to refund\n');
  const shares = [...new Set(w.grid.map((c) => c.sharePercent))];
  const rates = [...new Set(w.grid.map((c) => c.rate.rate))];
  const rows = shares.map((s) => [
    `${String(s)}%`,
    ...rates.map((rt) => {
      const c = w.grid.find((g) => g.sharePercent === s && g.rate.rate === rt);
      if (!c) return '';
      return c.passed ? 'pass' : formatUsd(c.refundTotal.cents, { wholeDollars: true });
    }),
  ]);
  const header = (rt: number): string => `${(rt * 100).toFixed(2)}%`;
  out.push(
    renderTable(
      [{ header: 'HCEs' }, ...rates.map((rt) => ({ header: header(rt), align: 'right' as const }))],
      rows,
    ),
  );
  const m = w.richerMatch;
  out.push(`\nRicher match (+${String(m.boostPercent)}% for everyone):\n`);
  if (!m.applies) {
    out.push('  not counted: the safe-harbor option tests after-tax money without the match\n');
    return out.join('');
  }
  out.push(
    renderPairs([
      ['  extra match cost', usd(m.extraMatchCost)],
      ['  NHCE ACP', `${pct(m.nhceAcpBefore)} → ${pct(m.nhceAcpAfter)}`],
      ['  HCE ACP', `${pct(m.hceAcpBefore)} → ${pct(m.hceAcpAfter)}`],
      ['  result', m.passedAfter ? 'passes' : `fails, excess ${usd(m.excessAfter)}`],
      ['  highest uniform after-tax rate', maxRateText(m.maxUniformRateAfter)],
    ]),
  );
  return out.join('');
}

function renderParticipant(v: ParticipantReport): string {
  const pairs: [string, string][] = [
    ['HCE', v.hce ? 'yes' : 'no'],
    [v.cappedCompensation.label, usd(v.cappedCompensation)],
    [v.afterTax.label, usd(v.afterTax)],
    [v.match.label, usd(v.match)],
    [v.ratio.label, pct(v.ratio)],
  ];
  if (v.refund) {
    pairs.push(
      [v.refund.afterTax.label, usd(v.refund.afterTax)],
      [v.refund.matchDistributed.label, usd(v.refund.matchDistributed)],
      [v.refund.matchForfeited.label, usd(v.refund.matchForfeited)],
      [v.afterTaxKept.label, usd(v.afterTaxKept)],
    );
  }
  return `\nParticipant ${v.id}\n${renderPairs(pairs)}${v.why.map((w) => `  ${w}\n`).join('')}`;
}

/** The `acp-participant` report as text (`file` for a census, null for the estimate). */
function renderAcpParticipant(file: string | null): (r: AcpParticipantReport) => string {
  return (r) => {
    const out: string[] = [];
    const o = r.otherHces;
    out.push(
      o === null
        ? `ACP test ${String(r.year)}: ${file ?? ''}, participant ${r.participant.id}\n\n`
        : `ACP refund estimate ${String(r.year)} (no census: you and ${String(o.count)} other HCE${o.count === 1 ? '' : 's'} against an expected NHCE ACP)\n\n`,
    );
    const pairs: [string, string][] = [
      [r.nhceAcp.label, pct(r.nhceAcp)],
      [r.limit.label, pct(r.limit)],
      [r.hceAcp.label, pct(r.hceAcp)],
      ['Result', r.passed ? 'PASSES' : 'FAILS'],
    ];
    if (r.maxAfterTaxWithoutRefund) {
      pairs.push([r.maxAfterTaxWithoutRefund.label, usd(r.maxAfterTaxWithoutRefund)]);
    } else if (!r.passed) {
      pairs.push([r.excessAggregateContributions.label, usd(r.excessAggregateContributions)]);
    }
    out.push(renderPairs(pairs), renderParticipant(r.participant));
    if (r.participant.refund) {
      const d = r.deadlines;
      out.push(
        `  Paid by ${d.exciseTaxDeadline} (${monthsText(d.exciseTaxMonths)} after the plan year).\n`,
      );
    }
    return out.join('');
  };
}

/** `megaroth acp --pay ... --expected-nhce-acp ...`: one HCE's refund estimate without a census. */
function estimateReport(year: number, o: AcpCliOptions): AcpParticipantReport {
  if (o.pay === undefined || o.expectedNhceAcp === undefined) {
    throw inputError(
      '<census>',
      'give a census CSV, or --pay and --expected-nhce-acp (with --after-tax, --match, --other-hces ...) for an estimate',
    );
  }
  const pay = parseMoneyOption('--pay', o.pay);
  return withFlags(FLAGS, () =>
    acpEstimateReport({
      year,
      compensation: pay,
      match: parseMoneyOption('--match', o.match ?? '0'),
      afterTax: parseMoneyOption('--after-tax', o.afterTax ?? '0'),
      expectedNhceAcpBps: parsePercentOption('--expected-nhce-acp', o.expectedNhceAcp ?? ''),
      otherHces: {
        count: parseIntOption('--other-hces', o.otherHces ?? '0', 0, 100_000),
        ratioBps: parsePercentOption('--other-hce-acp', o.otherHceAcp ?? '0'),
        compensation:
          o.otherHcePay === undefined ? pay : parseMoneyOption('--other-hce-pay', o.otherHcePay),
      },
      ...(o.safeHarbor ? { safeHarbor: true } : {}),
    }),
  );
}

/** How the test is run, from the options (the engine checks how they combine). */
function acpOptions(year: number, o: AcpCliOptions): AcpOptions {
  const method = parseChoiceOption('--method', o.method ?? 'current', ['current', 'prior']);
  return {
    year,
    method,
    ...(o.priorNhceAcp !== undefined
      ? { priorNhceAcpBps: parsePercentOption('--prior-nhce-acp', o.priorNhceAcp) }
      : {}),
    ...(o.firstYear ? { firstYear: true } : {}),
    ...(o.safeHarbor ? { safeHarbor: true } : {}),
    ...(o.topPaidGroup ? { topPaidGroup: true } : {}),
    ...(o.eaca ? { eaca: true } : {}),
    ...(o.planYearEnd !== undefined ? { planYearEnd: o.planYearEnd } : {}),
    defaultVestedBps: parsePercentOption('--match-vested', o.matchVested ?? '100'),
    ...(o.priorNhceAdp !== undefined
      ? { priorNhceAdpBps: parsePercentOption('--prior-nhce-adp', o.priorNhceAdp) }
      : {}),
    ...(o.adpCorrection !== undefined
      ? {
          adpCorrection: parseChoiceOption('--adp-correction', o.adpCorrection, [
            'refund',
            'recharacterize',
          ]),
        }
      : {}),
    ...(o.qnecTest !== undefined
      ? { qnecTest: parseChoiceOption('--qnec-test', o.qnecTest, ['acp', 'adp']) }
      : {}),
    ...(o.prevailingWage ? { prevailingWage: true } : {}),
    ...(o.gainRate !== undefined
      ? { gainRateBps: parseSignedPercentOption('--gain-rate', o.gainRate) }
      : {}),
    ...(o.excludable !== undefined
      ? {
          excludable: parseChoiceOption('--excludable', o.excludable, ['separate', 'drop-nhces']),
        }
      : {}),
  };
}

const ACP = acpConstants;

export const register: Register = (program, io) => {
  withReportOptions(
    program
      .command('acp')
      .summary('ACP and ADP tests on a census CSV: pass/fail, HCE refunds, deadlines, what-ifs')
      .description(
        'ACP nondiscrimination test (IRC 401(m)) on a plan census CSV, with the ADP test (IRC 401(k)(3)) when the census has deferrals: pass/fail with the margin, excess contributions (kept as catch-ups, refunded or recharacterized) and excess aggregate contributions, per-HCE refunds (after-tax first, then match) with allocable income, deadlines, the QNEC alternative within the targeted QNEC limit, otherwise excludable employees tested apart, sponsor what-ifs and one participant’s view. See docs/acp.md.',
      )
      .argument(
        '[census]',
        'CSV with header: id, compensation, match, after_tax, and hce or prior_year_compensation/owner_percent (deferrals for the ADP test)',
      ),
  )
    .option(
      '--year <year>',
      `plan year (${SUPPORTED_YEARS.join(', ')}); sets the HCE threshold and 401(a)(17) cap`,
      String(SUPPORTED_YEARS[SUPPORTED_YEARS.length - 1]),
    )
    .option(
      '--method <method>',
      'NHCE ACP of the current or prior plan year: current|prior',
      'current',
    )
    .option('--prior-nhce-acp <percent>', 'prior-year method: last year’s NHCE ACP, e.g. 2.35')
    .option(
      '--first-year',
      `prior-year method in the plan’s first year: NHCE ACP deemed ${percentShortText(ACP.firstYearDeemedNhceAcpBps.value)}`,
    )
    .option(
      '--safe-harbor',
      'safe-harbor plan: no ADP test; after-tax money tested alone, leaving out the match',
    )
    .option(
      '--top-paid-group',
      `top-paid group election: HCEs by pay only in the top ${String(ACP.topPaidGroupPercent.value)}%`,
    )
    .option(
      '--eaca',
      `the plan has an EACA: ${monthsText(ACP.exciseTaxMonthsEaca.value)} excise-tax deadline instead of ${monthsText(ACP.exciseTaxMonths.value)}`,
    )
    .option(
      '--plan-year-end <date>',
      'last day of the plan year, YYYY-MM-DD (default Dec 31 of --year)',
    )
    .option(
      '--match-vested <percent>',
      'vested share of match for rows without match_vested_percent',
      '100',
    )
    .option(
      '--prior-nhce-adp <percent>',
      'prior-year method, census with deferrals: last year’s NHCE ADP, e.g. 3.1',
    )
    .option(
      '--adp-correction <how>',
      'excess contributions beyond catch-ups: refund (default) or recharacterize as after-tax',
    )
    .option('--qnec-test <test>', 'the test the census’s QNECs count in: acp (default) or adp')
    .option(
      '--prevailing-wage',
      `the QNECs are for prevailing wages: they count up to ${String(ACP.qnecPrevailingWagePercent.value)}% of pay, not ${String(ACP.qnecFloorPercent.value)}%`,
    )
    .option(
      '--gain-rate <percent>',
      'the plan’s gain (or, negative, loss) for the year, for the income allocable to refunds without a gain_loss column',
    )
    .option(
      '--excludable <rule>',
      `employees under ${String(ACP.minimumAge.value)} or with under ${String(ACP.minimumServiceYears.value)} year of service: separate (tested apart) or drop-nhces (their NHCEs left out)`,
    )
    .option(
      '--whatif',
      'add the sponsor what-ifs: highest after-tax rate, adoption grid, richer match',
    )
    .option(
      '--grid-shares <list>',
      'what-if HCE adoption shares, percent',
      '10,20,30,40,50,60,70,80,90,100',
    )
    .option(
      '--grid-rates <list>',
      'what-if added after-tax rates, percent of pay',
      '1,2,3,4,5,6,7,8,9,10',
    )
    .option('--match-boost <percent>', 'what-if: raise everyone’s match by this percent', '50')
    .option('--participant <id>', 'one employee’s view of the test (the acp-participant report)')
    .option('--skip-bad-rows', 'test the usable rows and list the others, instead of stopping')
    .option('--refunds <n>', 'how many refunds to print in the table (all are in --json)', '20')
    .option('--pay <dollars>', 'without a census: your plan-year pay, for a refund estimate')
    .option('--match <dollars>', 'without a census: your match', '0')
    .option('--after-tax <dollars>', 'without a census: your after-tax contributions', '0')
    .option('--expected-nhce-acp <percent>', 'without a census: the NHCE ACP the plan expects')
    .option('--other-hces <n>', 'without a census: how many other HCEs the plan has', '0')
    .option('--other-hce-acp <percent>', 'without a census: their typical ratio', '0')
    .option('--other-hce-pay <dollars>', 'without a census: their typical pay (default --pay)')
    .addHelpText(
      'after',
      '\nExamples:\n  megaroth acp examples/acp/fails.csv\n  megaroth acp examples/acp/adp-acp.csv --excludable separate\n  megaroth acp --pay 220000 --after-tax 20000 --match 8800 --expected-nhce-acp 3 --other-hces 2 --other-hce-acp 6\n  megaroth acp examples/acp/fails.csv --participant H1 --explain\n  megaroth acp census.csv --method prior --prior-nhce-acp 2.1 --json',
    )
    .action(async (file: string | undefined, o: AcpCliOptions) => {
      const year = parseYearOption('--year', o.year ?? '');
      if (file === undefined) {
        printReport(io, estimateReport(year, o), o, renderAcpParticipant(null));
        return;
      }
      if (o.pay !== undefined || o.expectedNhceAcp !== undefined) {
        throw inputError(
          '--pay',
          '--pay and --expected-nhce-acp are for an estimate without a census; with a census use --participant ID',
        );
      }
      if (o.whatif && o.participant !== undefined) {
        throw inputError(
          '--whatif',
          'the what-ifs are part of the plan’s report: leave out --participant to see them',
        );
      }
      const options = acpOptions(year, o);
      const whatif = o.whatif
        ? {
            sharesPercent: parsePercentList('--grid-shares', o.gridShares ?? '', 100).map(
              (s) => s / 100,
            ),
            ratesBps: parsePercentList('--grid-rates', o.gridRates ?? '', 100),
            matchBoostPercent:
              parsePercentOption('--match-boost', o.matchBoost ?? '50', 1000) / 100,
          }
        : undefined;
      const refundRows = parseIntOption('--refunds', o.refunds ?? '20', 0, 1_000_000);
      const read = await readCensusFile(io.cwd, file);
      const skipped = censusProblems(file, read, o.skipBadRows === true);
      for (const s of skipped) io.err(`skipped ${file}:${String(s.line)}: ${issueText(s)}\n`);
      const participant = o.participant;
      if (participant !== undefined) {
        const report = withFlags(FLAGS, () =>
          acpParticipantReport({ census: read.census, options, participant }),
        );
        printReport(io, report, o, renderAcpParticipant(file));
        return;
      }
      const report = withFlags(FLAGS, () =>
        acpReport({
          census: read.census,
          options,
          reading: {
            rowsRead: read.rowsRead,
            skippedRows: read.badRows,
            problems: skipped,
            problemCount: read.issueCount,
          },
          ...(whatif ? { whatif } : {}),
        }),
      );
      printReport(io, report, o, renderAcp(file, refundRows));
    });
};
