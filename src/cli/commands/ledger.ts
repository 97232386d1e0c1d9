/**
 * `megaroth ledger FILE`: loads a plan account's transactions (YAML or CSV), checks each one and
 * prints the `ledger` report — the account by source and by fund, the after-tax basis left and
 * what each conversion or withdrawal made taxable. An impossible transaction stops with its line.
 */
import { ADDITIONAL_TAX_TEXT } from '../../engine/distributions/params-text.js';
import { inputError } from '../../engine/errors.js';
import { isIsoDate } from '../../engine/dates.js';
import { formatOf, parseLedger, sniffFormat, SOURCE_LABELS } from '../../engine/ledger/index.js';
import { formatUsd } from '../../engine/money.js';
import { ledgerReport, type LedgerCommandReport } from '../../engine/report/ledger.js';
import { readTextFile, sourceName, STDIN } from '../files.js';
import { renderFindings } from '../render/findings.js';
import { printReport, withReportOptions, type ReportOutputOptions } from '../report-output.js';
import { renderPairs, renderTable } from '../table.js';
import { wrap } from '../text.js';
import type { Register } from './index.js';

interface LedgerOptions extends ReportOutputOptions {
  readonly asOf?: string;
}

function priceText(dollars: number): string {
  return `$${dollars.toFixed(4).replace(/0{1,2}$/, '')}`;
}

const usd = (f: { cents: number }): string => formatUsd(f.cents);

function render(r: LedgerCommandReport, file: string): string {
  const funds = r.byFund.map((f) => f.fund);
  const out: string[] = [
    `${r.name ?? file} as of ${r.asOf}${r.closed ? ' (fully distributed)' : ''}\n`,
    `${wrap(`After-tax money: ${r.accountingWhy}.`, '', '  ')}\n`,
    '\nBy source:\n',
    renderTable(
      [
        { header: 'Source' },
        ...funds.map((f) => ({ header: f, align: 'right' as const })),
        { header: 'Total', align: 'right' },
      ],
      [
        ...r.bySource.map((s) => [
          SOURCE_LABELS[s.source],
          ...funds.map((f) => formatUsd(s.byFund[f]?.cents ?? 0)),
          usd(s.value),
        ]),
        ['Account', ...r.byFund.map((f) => usd(f.value)), usd(r.total)],
      ],
    ),
    '\nBy fund:\n',
    renderTable(
      [
        { header: 'Fund' },
        { header: 'Price', align: 'right' },
        { header: 'Units', align: 'right' },
        { header: 'Value', align: 'right' },
      ],
      r.byFund.map((f) => [f.fund, priceText(f.price), f.units.toFixed(4), usd(f.value)]),
    ),
    '\n',
  ];
  const pairs: [string, string][] = [['After-tax basis remaining', usd(r.afterTaxBasis)]];
  if (r.afterTaxEarnings !== null)
    pairs.push(['Earnings on after-tax money', usd(r.afterTaxEarnings)]);
  pairs.push(['Designated Roth basis (Roth deferrals + in-plan conversions)', usd(r.rothBasis)]);
  pairs.push(['Taxable from conversions and withdrawals', usd(r.taxableTotal)]);
  pairs.push(['Withheld', usd(r.withholdingTotal)]);
  const moves = r.events.filter(
    (e) => e.type === 'convert' || e.type === 'withdraw' || e.type === 'separate',
  );
  // The 10% additional tax shows when a withdrawal kept pre-tax money (computed or not).
  const early = moves.some((e) => e.additionalTax === null || e.additionalTax.cents > 0);
  if (early) pairs.push([r.additionalTaxTotal.label, usd(r.additionalTaxTotal)]);
  out.push(renderPairs(pairs));
  if (moves.length > 0) {
    out.push('\nConversions and withdrawals:\n');
    out.push(
      renderTable(
        [
          { header: 'Line', align: 'right' },
          { header: 'Date' },
          { header: 'Type' },
          { header: 'Amount', align: 'right' },
          { header: 'Basis out', align: 'right' },
          { header: 'Taxable', align: 'right' },
          { header: 'Roth IRA', align: 'right' },
          { header: 'Trad. IRA', align: 'right' },
          { header: 'Cash', align: 'right' },
          { header: 'Withheld', align: 'right' },
          ...(early ? [{ header: `${ADDITIONAL_TAX_TEXT} tax`, align: 'right' as const }] : []),
        ],
        moves.map((e) => [
          e.line === null ? '' : String(e.line),
          e.date,
          e.type,
          usd(e.amount),
          usd(e.basisOut),
          usd(e.taxable),
          usd(e.toRothIra),
          usd(e.toTraditionalIra),
          usd(e.toCash),
          usd(e.withholding),
          ...(early ? [e.additionalTax === null ? 'n/a' : usd(e.additionalTax)] : []),
        ]),
      ),
    );
  }
  out.push(renderFindings(r.findings));
  return out.join('');
}

export const register: Register = (program, io) => {
  withReportOptions(
    program
      .command('ledger')
      .summary('A plan account by source over shared funds, from a YAML/CSV transaction file')
      .description(
        'A plan account by source (pre-tax, Roth, employer, after-tax, in-plan Roth conversions) ' +
          'over shared funds: loads a YAML or CSV transaction file, rejects impossible transactions ' +
          'with their line, and reports balances by source and fund and the after-tax basis left.\n\n' +
          'After-tax money is its own source (IRC 72(d)(2)), as nearly every plan keeps it: a ' +
          'conversion or withdrawal of it carries only its own earnings as taxable. A file that ' +
          'says separateAfterTaxAccount: false (CSV: a pooled-after-tax-account row) spreads basis ' +
          'pro-rata over the whole account instead (IRC 72(e)(8)).',
      )
      .argument(
        '<file>',
        'transaction file: .yaml/.yml/.json, or .csv; - reads standard input (see docs/moving-money.md)',
      )
      .option(
        '--as-of <date>',
        'report as of this date (YYYY-MM-DD); later transactions are ignored',
      ),
  )
    .addHelpText(
      'after',
      '\nExamples:\n  megaroth ledger examples/ledger/acme-401k.yaml\n  megaroth ledger examples/ledger/acme-401k.csv --as-of 2026-04-30 --json\n  megaroth ledger examples/ledger/after-tax-source.yaml --explain',
    )
    .action((file: string, opts: LedgerOptions) => {
      if (opts.asOf !== undefined && !isIsoDate(opts.asOf)) {
        throw inputError('--as-of', `expected a date written YYYY-MM-DD, got "${opts.asOf}"`);
      }
      const text = readTextFile(io, file);
      const source = sourceName(file);
      const format = file === STDIN ? sniffFormat(text) : formatOf(file);
      const report = ledgerReport(parseLedger(text, source, format), {
        fileName: source,
        ...(opts.asOf !== undefined ? { asOf: opts.asOf } : {}),
      });
      printReport(io, report, opts, (r) => render(r, source));
    });
};
