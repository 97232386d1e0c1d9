/**
 * `megaroth acp CENSUS.csv`: the ACP nondiscrimination test (IRC 401(m)) on a plan's census —
 * pass or fail with the margin, and when it fails the excess aggregate contributions, each HCE's
 * refund, the deadlines and the QNEC alternative; `--whatif` adds the sponsor's what-ifs and
 * `--participant ID` one employee's view. Exit 0 whether the plan passes or fails.
 */
import type { CensusIssue, CensusReadResult } from '../../engine/acp/census-csv.js';
import { parsePercent } from '../../engine/acp/census-values.js';
import {
  adoptionGrid,
  bpsText,
  bpsToPercent,
  estimateHceRefund,
  maxUniformRate,
  participantView,
  prepareAcpTest,
  evaluateAcp,
  richerMatch,
  type AcpResult,
  type GridCell,
  type MaxRateResult,
  type ParticipantView,
  type RicherMatchResult,
} from '../../engine/acp/index.js';
import { InputError, inputError } from '../../engine/errors.js';
import { formatUsd, toDollars } from '../../engine/money.js';
import { SUPPORTED_YEARS } from '../../engine/params/index.js';
import { readCensusFile } from '../census-file.js';
import { printJson } from '../io.js';
import {
  parseChoiceOption,
  parseIntOption,
  parseMoneyOption,
  parseYearOption,
} from '../options.js';
import { renderPairs, renderTable } from '../table.js';
import type { Register } from './index.js';

interface AcpCliOptions {
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
  json?: boolean;
  pay?: string;
  match?: string;
  afterTax?: string;
  expectedNhceAcp?: string;
  otherHces?: string;
  otherHceAcp?: string;
  otherHcePay?: string;
}

/** A percentage with at most two decimals within [0, max] → hundredths of a percent. */
export function parsePercentOption(flag: string, raw: string, maxPercent = 100): number {
  const bps = parsePercent(raw, maxPercent);
  if (bps === undefined) {
    throw inputError(
      flag,
      `expected a percentage from 0 to ${String(maxPercent)} with at most 2 decimals (e.g. 2.35), got "${raw}"`,
    );
  }
  return bps;
}

function parsePercentList(flag: string, raw: string, maxPercent: number): number[] {
  const parts = raw.split(',').map((s) => s.trim());
  if (parts.length === 0 || parts.length > 50 || parts.some((s) => s === '')) {
    throw inputError(flag, `expected 1 to 50 comma-separated percentages, got "${raw}"`);
  }
  return parts.map((s) => parsePercentOption(flag, s, maxPercent));
}

const pct = (bps: number): string => `${bpsText(bps)}%`;

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

function resultJson(r: AcpResult): Record<string, unknown> {
  return {
    year: r.year,
    method: r.method,
    safeHarbor: r.safeHarbor,
    nhceSource: r.nhceSource,
    hceCount: r.hceCount,
    nhceCount: r.nhceCount,
    ineligibleCount: r.ineligibleCount,
    hceAcp: bpsToPercent(r.hceAcpBps),
    nhceAcp: bpsToPercent(r.nhceAcpBps),
    limit: bpsToPercent(r.limitBps),
    margin: bpsToPercent(r.marginBps),
    passed: r.passed,
    passReason: r.passReason,
    permittedRatio: r.permittedRatioBps === null ? null : bpsToPercent(r.permittedRatioBps),
    leveledHceAcp: bpsToPercent(r.leveledHceAcpBps),
    excessAggregateContributions: toDollars(r.excessAggregateContributions),
    distributed: toDollars(r.distributedTotal),
    forfeited: toDollars(r.forfeitedTotal),
    exciseTaxIfLate: toDollars(r.exciseTaxIfLate),
    deadlines: r.deadlines,
    refunds: r.refunds.map((f) => ({
      id: f.id,
      amount: toDollars(f.amount),
      afterTax: toDollars(f.afterTax),
      matchDistributed: toDollars(f.matchDistributed),
      matchForfeited: toDollars(f.matchForfeited),
      qmac: toDollars(f.qmac),
      qnec: toDollars(f.qnec),
    })),
    qnecAlternative:
      r.qnecAlternative === null
        ? null
        : {
            rate: bpsToPercent(r.qnecAlternative.rateBps),
            cost: toDollars(r.qnecAlternative.cost),
            nhceAcpAfter: bpsToPercent(r.qnecAlternative.nhceAcpAfterBps),
            limitAfter: bpsToPercent(r.qnecAlternative.limitAfterBps),
          },
    hceDetermination: {
      threshold: toDollars(r.hceDetermination.thresholdCents),
      byColumn: r.hceDetermination.byColumn,
      byOwnership: r.hceDetermination.byOwnership,
      byPay: r.hceDetermination.byPay,
      topPaidGroupSize: r.hceDetermination.topPaidGroupSize,
    },
  };
}

function maxRateJson(m: MaxRateResult): unknown {
  return {
    sharePercent: m.sharePercent,
    adopters: m.adopters,
    maxRate: m.maxRateBps === null ? null : bpsToPercent(m.maxRateBps),
    capped: m.capped,
  };
}

function gridJson(cells: readonly GridCell[]): unknown {
  return cells.map((c) => ({
    sharePercent: c.sharePercent,
    rate: bpsToPercent(c.rateBps),
    adopters: c.adopters,
    hceAcp: bpsToPercent(c.hceAcpBps),
    passed: c.passed,
    refundTotal: toDollars(c.refundTotal),
    refundedHces: c.refundedHces,
  }));
}

function matchJson(m: RicherMatchResult): unknown {
  return {
    boostPercent: m.boostPercent,
    applies: m.applies,
    extraMatchCost: toDollars(m.extraMatchCost),
    nhceAcpBefore: bpsToPercent(m.nhceAcpBefore),
    nhceAcpAfter: bpsToPercent(m.nhceAcpAfter),
    hceAcpBefore: bpsToPercent(m.hceAcpBefore),
    hceAcpAfter: bpsToPercent(m.hceAcpAfter),
    limitAfter: bpsToPercent(m.limitAfterBps),
    passedBefore: m.passedBefore,
    passedAfter: m.passedAfter,
    excessAfter: toDollars(m.excessAfter),
    maxUniformRateAfter: maxRateJson(m.maxRateAfter),
  };
}

function participantJson(v: ParticipantView): unknown {
  return {
    id: v.id,
    eligible: v.eligible,
    hce: v.hce,
    compensation: toDollars(v.compensation),
    cappedCompensation: toDollars(v.cappedCompensation),
    afterTax: toDollars(v.afterTax),
    match: toDollars(v.match),
    ratio: bpsToPercent(v.ratioBps),
    refund:
      v.refund === null
        ? null
        : {
            amount: toDollars(v.refund.amount),
            afterTax: toDollars(v.refund.afterTax),
            matchDistributed: toDollars(v.refund.matchDistributed),
            matchForfeited: toDollars(v.refund.matchForfeited),
          },
    afterTaxKept: toDollars(v.afterTaxKept),
    why: v.why,
  };
}

function maxRateText(m: MaxRateResult): string {
  if (m.maxRateBps === null) return 'none: the plan fails even with nothing added';
  if (m.capped) return `${pct(m.maxRateBps)} of pay or more (search stops there)`;
  return `${pct(m.maxRateBps)} of pay`;
}

function printText(
  out: (t: string) => void,
  file: string,
  r: AcpResult,
  skipped: readonly CensusIssue[],
  refundRows: number,
): void {
  const verdict = r.passed
    ? r.passReason === 'no-eligible-nhces'
      ? 'PASSES (no eligible NHCEs: deemed to pass)'
      : 'PASSES'
    : 'FAILS';
  const source =
    r.nhceSource === 'current-year'
      ? 'current year'
      : r.nhceSource === 'prior-year'
        ? 'prior year (given)'
        : 'first plan year, deemed 3%';
  out(
    `ACP test ${String(r.year)}${r.safeHarbor ? ' (safe-harbor plan: after-tax money alone, match left out)' : ''}: ${file}\n\n`,
  );
  const pairs: [string, string][] = [
    ['Eligible HCEs', String(r.hceCount)],
    ['Eligible NHCEs', String(r.nhceCount)],
    ['Not eligible (left out)', String(r.ineligibleCount)],
    [`NHCE ACP (${source})`, pct(r.nhceAcpBps)],
    ['Limit: max(1.25×N, min(2×N, N+2))', pct(r.limitBps)],
    ['HCE ACP', pct(r.hceAcpBps)],
    ['Margin (limit − HCE ACP)', `${bpsText(r.marginBps)} points`],
    ['Result', verdict],
  ];
  if (!r.passed) {
    pairs.push(
      [
        'Highest permitted HCE ratio',
        r.permittedRatioBps === null ? '-' : pct(r.permittedRatioBps),
      ],
      ['Excess aggregate contributions', formatUsd(r.excessAggregateContributions)],
      ['  distributed to HCEs', formatUsd(r.distributedTotal)],
      ['  unvested match forfeited', formatUsd(r.forfeitedTotal)],
      ['HCEs with a refund', String(r.refunds.length)],
      [`Distribute by (no 10% excise tax)`, r.deadlines.exciseTaxDeadline],
      ['Distribute by (latest, else EPCRS)', r.deadlines.finalDeadline],
      ['Excise tax if late (10%)', formatUsd(r.exciseTaxIfLate)],
    );
    if (r.qnecAlternative) {
      pairs.push([
        'Or: QNEC to every eligible NHCE',
        `${pct(r.qnecAlternative.rateBps)} of pay, cost ${formatUsd(r.qnecAlternative.cost)}`,
      ]);
    }
  }
  out(renderPairs(pairs));
  if (r.refunds.length > 0) {
    const top = [...r.refunds].sort((a, b) => b.amount - a.amount || a.index - b.index);
    const shown = top.slice(0, refundRows);
    out(
      `\nRefunds (largest first${shown.length < top.length ? `, ${String(shown.length)} of ${String(top.length)}; --json lists all` : ''}):\n`,
    );
    out(
      renderTable(
        [
          { header: 'ID' },
          { header: 'Ratio', align: 'right' },
          { header: 'Counted', align: 'right' },
          { header: 'Refund', align: 'right' },
          { header: 'After-tax', align: 'right' },
          { header: 'Match paid', align: 'right' },
          { header: 'Forfeited', align: 'right' },
        ],
        shown.map((f) => [
          f.id,
          pct(f.ratioBps),
          formatUsd(f.contributions),
          formatUsd(f.amount),
          formatUsd(f.afterTax),
          formatUsd(f.matchDistributed + f.qmac + f.qnec),
          formatUsd(f.matchForfeited),
        ]),
      ),
    );
    out('Refunds are plus earnings; returned after-tax money is basis, not taxed again.\n');
  }
  if (skipped.length > 0) {
    out(`\nSkipped rows (--skip-bad-rows): ${String(skipped.length)} problems listed on stderr\n`);
  }
}

function printWhatIf(
  out: (t: string) => void,
  all: MaxRateResult,
  grid: readonly GridCell[],
  shares: readonly number[],
  rates: readonly number[],
  m: RicherMatchResult,
): void {
  out('\nWhat-ifs (adopters: the highest-paid HCEs first)\n');
  out(`Highest uniform after-tax rate all HCEs could add: ${maxRateText(all)}\n`);
  out('\nAdoption share × added after-tax rate: "pass", or the excess to refund\n');
  const rows = shares.map((s) => [
    `${String(s / 100)}%`,
    ...rates.map((rt) => {
      const c = grid.find((g) => g.sharePercent === s / 100 && g.rateBps === rt);
      if (!c) return '';
      return c.passed ? 'pass' : formatUsd(c.refundTotal, { wholeDollars: true });
    }),
  ]);
  out(
    renderTable(
      [{ header: 'HCEs' }, ...rates.map((rt) => ({ header: pct(rt), align: 'right' as const }))],
      rows,
    ),
  );
  out(`\nRicher match (+${String(m.boostPercent)}% for everyone):\n`);
  if (!m.applies) {
    out('  not counted: the safe-harbor option tests after-tax money without the match\n');
    return;
  }
  out(
    renderPairs([
      ['  extra match cost', formatUsd(m.extraMatchCost)],
      ['  NHCE ACP', `${pct(m.nhceAcpBefore)} → ${pct(m.nhceAcpAfter)}`],
      ['  HCE ACP', `${pct(m.hceAcpBefore)} → ${pct(m.hceAcpAfter)}`],
      ['  result', m.passedAfter ? 'passes' : `fails, excess ${formatUsd(m.excessAfter)}`],
      ['  highest uniform after-tax rate', maxRateText(m.maxRateAfter)],
    ]),
  );
}

function printParticipant(out: (t: string) => void, v: ParticipantView): void {
  out(`\nParticipant ${v.id}\n`);
  const pairs: [string, string][] = [
    ['HCE', v.hce ? 'yes' : 'no'],
    ['Compensation (capped at 401(a)(17))', formatUsd(v.cappedCompensation)],
    ['After-tax contributed', formatUsd(v.afterTax)],
    ['Match', formatUsd(v.match)],
    ['Contribution ratio', pct(v.ratioBps)],
  ];
  if (v.refund) {
    pairs.push(
      ['Refund of after-tax money', formatUsd(v.refund.afterTax)],
      ['Match paid out (taxable)', formatUsd(v.refund.matchDistributed)],
      ['Match forfeited', formatUsd(v.refund.matchForfeited)],
      ['After-tax money kept in the plan', formatUsd(v.afterTaxKept)],
    );
  }
  out(renderPairs(pairs));
  for (const w of v.why) out(`  ${w}\n`);
}

/** `megaroth acp --pay ... --expected-nhce-acp ...`: one HCE's refund estimate without a census. */
function runEstimate(out: (t: string) => void, year: number, o: AcpCliOptions): void {
  if (o.pay === undefined || o.expectedNhceAcp === undefined) {
    throw inputError(
      '<census>',
      'give a census CSV, or --pay and --expected-nhce-acp (with --after-tax, --match, --other-hces ...) for an estimate',
    );
  }
  const pay = parseMoneyOption('--pay', o.pay);
  if (pay <= 0) throw inputError('--pay', 'must be more than 0');
  const otherCount = parseIntOption('--other-hces', o.otherHces ?? '0', 0, 100_000);
  const est = estimateHceRefund({
    year,
    compensation: pay,
    match: parseMoneyOption('--match', o.match ?? '0'),
    afterTax: parseMoneyOption('--after-tax', o.afterTax ?? '0'),
    expectedNhceAcpBps: parsePercentOption('--expected-nhce-acp', o.expectedNhceAcp),
    otherHces: {
      count: otherCount,
      ratioBps: parsePercentOption('--other-hce-acp', o.otherHceAcp ?? '0'),
      compensation:
        o.otherHcePay === undefined ? pay : parseMoneyOption('--other-hce-pay', o.otherHcePay),
    },
    ...(o.safeHarbor ? { safeHarbor: true } : {}),
  });
  const r = est.result;
  if (o.json) {
    out(
      `${JSON.stringify(
        {
          estimate: true,
          hceCount: r.hceCount,
          hceAcp: bpsToPercent(r.hceAcpBps),
          nhceAcp: bpsToPercent(r.nhceAcpBps),
          limit: bpsToPercent(r.limitBps),
          passed: r.passed,
          excessAggregateContributions: toDollars(r.excessAggregateContributions),
          maxAfterTaxWithoutRefund: toDollars(est.maxAfterTaxWithoutRefund),
          deadlines: r.deadlines,
          participant: participantJson(est.view),
        },
        null,
        2,
      )}\n`,
    );
    return;
  }
  out(
    `ACP refund estimate ${String(r.year)} (no census: you and ${String(otherCount)} other HCE${otherCount === 1 ? '' : 's'} against an expected NHCE ACP)\n\n`,
  );
  out(
    renderPairs([
      ['Expected NHCE ACP', pct(r.nhceAcpBps)],
      ['Limit', pct(r.limitBps)],
      ['HCE ACP', pct(r.hceAcpBps)],
      ['Result', r.passed ? 'PASSES' : 'FAILS'],
      ['Most after-tax with no refund', formatUsd(est.maxAfterTaxWithoutRefund)],
    ]),
  );
  printParticipant(out, est.view);
  if (est.view.refund) {
    out(`  Paid by ${r.deadlines.exciseTaxDeadline} (2½ months after the plan year).\n`);
  }
}

export const register: Register = (program, io) => {
  program
    .command('acp')
    .summary('ACP test on a census CSV: pass/fail, HCE refunds, deadlines, what-ifs')
    .description(
      'ACP nondiscrimination test (IRC 401(m)) on a plan census CSV: pass/fail with the margin, excess aggregate contributions, per-HCE refunds (after-tax first, then match), deadlines, the QNEC alternative, sponsor what-ifs and one participant’s view. See docs/acp.md.',
    )
    .argument(
      '[census]',
      'CSV with header: id, compensation, match, after_tax, and hce or prior_year_compensation/owner_percent',
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
    .option('--first-year', 'prior-year method in the plan’s first year: NHCE ACP deemed 3%')
    .option('--safe-harbor', 'safe-harbor plan: test after-tax money alone, leaving out the match')
    .option('--top-paid-group', 'top-paid group election: HCEs by pay only in the top 20%')
    .option('--eaca', 'the plan has an EACA: 6-month excise-tax deadline instead of 2½ months')
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
    .option('--participant <id>', 'explain the result for one employee of the census')
    .option('--skip-bad-rows', 'test the usable rows and list the others, instead of stopping')
    .option('--refunds <n>', 'how many refunds to print in the table (all are in --json)', '20')
    .option('--json', 'print JSON (percentages with two decimals, dollars with cents)')
    .option('--pay <dollars>', 'without a census: your plan-year pay, for a refund estimate')
    .option('--match <dollars>', 'without a census: your match', '0')
    .option('--after-tax <dollars>', 'without a census: your after-tax contributions', '0')
    .option('--expected-nhce-acp <percent>', 'without a census: the NHCE ACP the plan expects')
    .option('--other-hces <n>', 'without a census: how many other HCEs the plan has', '0')
    .option('--other-hce-acp <percent>', 'without a census: their typical ratio', '0')
    .option('--other-hce-pay <dollars>', 'without a census: their typical pay (default --pay)')
    .addHelpText(
      'after',
      '\nExamples:\n  megaroth acp examples/acp/fails.csv\n  megaroth acp --pay 220000 --after-tax 20000 --match 8800 --expected-nhce-acp 3 --other-hces 2 --other-hce-acp 6\n  megaroth acp examples/acp/fails.csv --whatif --participant H1\n  megaroth acp census.csv --method prior --prior-nhce-acp 2.1 --json',
    )
    .action(async (file: string | undefined, o: AcpCliOptions) => {
      const year = parseYearOption('--year', o.year ?? '');
      if (file === undefined) {
        runEstimate(io.out, year, o);
        return;
      }
      if (o.pay !== undefined || o.expectedNhceAcp !== undefined) {
        throw inputError(
          '--pay',
          '--pay and --expected-nhce-acp are for an estimate without a census; with a census use --participant ID',
        );
      }
      const method = parseChoiceOption('--method', o.method ?? 'current', ['current', 'prior']);
      const prior =
        o.priorNhceAcp === undefined
          ? undefined
          : parsePercentOption('--prior-nhce-acp', o.priorNhceAcp);
      if (prior !== undefined && method !== 'prior') {
        throw inputError('--prior-nhce-acp', 'only applies with --method prior');
      }
      if (o.firstYear && method !== 'prior') {
        throw inputError('--first-year', 'only applies with --method prior');
      }
      if (o.firstYear && prior !== undefined) {
        throw inputError('--first-year', 'give either --first-year or --prior-nhce-acp, not both');
      }
      const vested = parsePercentOption('--match-vested', o.matchVested ?? '100');
      const shares = parsePercentList('--grid-shares', o.gridShares ?? '', 100);
      const rates = parsePercentList('--grid-rates', o.gridRates ?? '', 100);
      const boost = parsePercentOption('--match-boost', o.matchBoost ?? '50', 1000) / 100;
      const refundRows = parseIntOption('--refunds', o.refunds ?? '20', 0, 1_000_000);

      const read = await readCensusFile(io.cwd, file);
      const skipped = censusProblems(file, read, o.skipBadRows === true);
      const prepared = prepareAcpTest(read.census, {
        year,
        method,
        ...(prior !== undefined ? { priorNhceAcpBps: prior } : {}),
        ...(o.firstYear ? { firstYear: true } : {}),
        ...(o.safeHarbor ? { safeHarbor: true } : {}),
        ...(o.topPaidGroup ? { topPaidGroup: true } : {}),
        ...(o.eaca ? { eaca: true } : {}),
        ...(o.planYearEnd !== undefined ? { planYearEnd: o.planYearEnd } : {}),
        defaultVestedBps: vested,
      });
      const result = evaluateAcp(prepared);
      const view =
        o.participant === undefined ? null : participantView(prepared, result, o.participant);
      const whatif = o.whatif
        ? {
            all: maxUniformRate(prepared, 100),
            grid: adoptionGrid(
              prepared,
              shares.map((s) => s / 100),
              rates,
            ),
            match: richerMatch(prepared, boost),
          }
        : null;
      for (const s of skipped) {
        io.err(`skipped ${file}:${String(s.line)}: ${issueText(s)}\n`);
      }
      if (o.json) {
        printJson(io, {
          ...resultJson(result),
          census: {
            rowsRead: read.rowsRead,
            rowsTested: read.census.size,
            skippedRows: read.badRows,
            problems: skipped.map((s) => ({ line: s.line, column: s.column, reason: s.reason })),
          },
          ...(whatif
            ? {
                whatif: {
                  maxUniformRate: maxRateJson(whatif.all),
                  grid: gridJson(whatif.grid),
                  richerMatch: matchJson(whatif.match),
                },
              }
            : {}),
          ...(view ? { participant: participantJson(view) } : {}),
        });
        return;
      }
      printText(io.out, file, result, skipped, refundRows);
      if (whatif) printWhatIf(io.out, whatif.all, whatif.grid, shares, rates, whatif.match);
      if (view) printParticipant(io.out, view);
    });
};
