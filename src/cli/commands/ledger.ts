/**
 * `megaroth ledger FILE`: loads a plan account's transactions (YAML or CSV), checks each one and
 * reports the account by source and by fund, the after-tax basis remaining and what each
 * conversion or withdrawal made taxable. An impossible transaction stops with its file line.
 */
import { inputError } from '../../engine/errors.js';
import {
  parseLedger,
  runLedger,
  SOURCE_LABELS,
  type LedgerReport,
} from '../../engine/ledger/index.js';
import { formatUsd, toDollars } from '../../engine/money.js';
import { isIsoDate } from '../../engine/roth-clocks/dates.js';
import { readTextFile } from '../files.js';
import { printJson } from '../io.js';
import { renderPairs, renderTable } from '../table.js';
import type { Register } from './index.js';

function priceText(p: number): string {
  return `$${(p / 10_000).toFixed(4).replace(/0{1,2}$/, '')}`;
}

function toJson(r: LedgerReport): unknown {
  return {
    asOf: r.asOf,
    closed: r.closed,
    total: toDollars(r.total),
    bySource: r.bySource.map((s) => ({
      source: s.source,
      value: toDollars(s.value),
      byFund: Object.fromEntries(Object.entries(s.byFund).map(([f, c]) => [f, toDollars(c)])),
    })),
    byFund: r.byFund.map((f) => ({
      fund: f.fund,
      price: f.price / 10_000,
      units: Number(f.units.toFixed(6)),
      value: toDollars(f.value),
    })),
    afterTaxBasis: toDollars(r.afterTaxBasis),
    afterTaxEarnings: r.afterTaxEarnings === null ? null : toDollars(r.afterTaxEarnings),
    rothBasis: toDollars(r.rothBasis),
    taxableTotal: toDollars(r.taxableTotal),
    withholdingTotal: toDollars(r.withholdingTotal),
    events: r.events.map((e) => ({
      ...e,
      amount: toDollars(e.amount),
      taxable: toDollars(e.taxable),
      basisOut: toDollars(e.basisOut),
      withholding: toDollars(e.withholding),
      toRothIra: toDollars(e.toRothIra),
      toTraditionalIra: toDollars(e.toTraditionalIra),
      toCash: toDollars(e.toCash),
    })),
  };
}

export const register: Register = (program, io) => {
  program
    .command('ledger')
    .summary('A plan account by source over shared funds, from a YAML/CSV transaction file')
    .description(
      'A plan account by source (pre-tax, Roth, employer, after-tax, in-plan Roth conversions) ' +
        'over shared funds: loads a YAML or CSV transaction file, rejects impossible transactions ' +
        'with their line, and reports balances by source and fund and the after-tax basis left.',
    )
    .argument('<file>', 'transaction file: .yaml/.yml/.json, or .csv (see docs/moving-money.md)')
    .option('--as-of <date>', 'report as of this date (YYYY-MM-DD); later transactions are ignored')
    .option('--json', 'print JSON (dollars with cents)')
    .addHelpText(
      'after',
      '\nExamples:\n  megaroth ledger examples/ledger/acme-401k.yaml\n  megaroth ledger examples/ledger/acme-401k.csv --as-of 2026-04-30 --json',
    )
    .action((file: string, opts: { asOf?: string; json?: boolean }) => {
      if (opts.asOf !== undefined && !isIsoDate(opts.asOf)) {
        throw inputError('--as-of', `expected a date written YYYY-MM-DD, got "${opts.asOf}"`);
      }
      const model = parseLedger(readTextFile(io.cwd, file), file);
      const r = runLedger(model, {
        fileName: file,
        ...(opts.asOf !== undefined ? { asOf: opts.asOf } : {}),
      });
      if (opts.json) {
        printJson(io, toJson(r));
        return;
      }
      const funds = r.byFund.map((f) => f.fund);
      io.out(
        `${model.plan.name ?? file} as of ${r.asOf}${r.closed ? ' (fully distributed)' : ''}\n\nBy source:\n`,
      );
      io.out(
        renderTable(
          [
            { header: 'Source' },
            ...funds.map((f) => ({ header: f, align: 'right' as const })),
            { header: 'Total', align: 'right' },
          ],
          [
            ...r.bySource.map((s) => [
              SOURCE_LABELS[s.source],
              ...funds.map((f) => formatUsd(s.byFund[f] ?? 0)),
              formatUsd(s.value),
            ]),
            ['Account', ...r.byFund.map((f) => formatUsd(f.value)), formatUsd(r.total)],
          ],
        ),
      );
      io.out('\nBy fund:\n');
      io.out(
        renderTable(
          [
            { header: 'Fund' },
            { header: 'Price', align: 'right' },
            { header: 'Units', align: 'right' },
            { header: 'Value', align: 'right' },
          ],
          r.byFund.map((f) => [f.fund, priceText(f.price), f.units.toFixed(4), formatUsd(f.value)]),
        ),
      );
      io.out('\n');
      const pairs: [string, string][] = [['After-tax basis remaining', formatUsd(r.afterTaxBasis)]];
      if (r.afterTaxEarnings !== null)
        pairs.push(['Earnings on after-tax money', formatUsd(r.afterTaxEarnings)]);
      pairs.push([
        'Designated Roth basis (Roth deferrals + in-plan conversions)',
        formatUsd(r.rothBasis),
      ]);
      pairs.push(['Taxable from conversions and withdrawals', formatUsd(r.taxableTotal)]);
      pairs.push(['Withheld', formatUsd(r.withholdingTotal)]);
      io.out(renderPairs(pairs));
      const moves = r.events.filter(
        (e) => e.type === 'convert' || e.type === 'withdraw' || e.type === 'separate',
      );
      if (moves.length > 0) {
        io.out('\nConversions and withdrawals:\n');
        io.out(
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
            ],
            moves.map((e) => [
              e.line === null ? '' : String(e.line),
              e.date,
              e.type,
              formatUsd(e.amount),
              formatUsd(e.basisOut),
              formatUsd(e.taxable),
              formatUsd(e.toRothIra),
              formatUsd(e.toTraditionalIra),
              formatUsd(e.toCash),
              formatUsd(e.withholding),
            ]),
          ),
        );
      }
    });
};
