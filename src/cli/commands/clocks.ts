/**
 * `megaroth clocks FILE`: the Roth five-year clocks of a history (Roth IRA qualified
 * distributions, each conversion, each plan's designated Roth account), the ordering tranches,
 * and the allocation of a planned withdrawal with its income tax and 10% additional tax.
 */
import {
  analyzeRothHistory,
  parseRothHistory,
  type ClocksResult,
  type Tranche,
} from '../../engine/roth-clocks/index.js';
import { formatUsd, toDollars } from '../../engine/money.js';
import { readDataFile } from '../files.js';
import { printJson } from '../io.js';
import { renderTable } from '../table.js';
import type { Register } from './index.js';

const KIND: Readonly<Record<Tranche['kind'], string>> = {
  regular: 'Regular contributions',
  'conversion-taxable': 'conversion, taxable part',
  'conversion-nontaxable': 'conversion, nontaxable part',
  earnings: 'Earnings',
};

function kindLabel(kind: Tranche['kind'], year: number | null): string {
  return year === null ? KIND[kind] : `${String(year)} ${KIND[kind]}`;
}

function toJson(r: ClocksResult): unknown {
  return {
    age59Half: r.age59Half,
    rothIra: r.rothIra,
    plans: r.plans,
    tranches: r.tranches.map((t) => ({ ...t, amount: toDollars(t.amount) })),
    withdrawal:
      r.withdrawal === null
        ? null
        : {
            ...r.withdrawal,
            amount: toDollars(r.withdrawal.amount),
            taxable: toDollars(r.withdrawal.taxable),
            additionalTax: toDollars(r.withdrawal.additionalTax),
            incomeTax: r.withdrawal.incomeTax === null ? null : toDollars(r.withdrawal.incomeTax),
            tranches: r.withdrawal.tranches.map((t) => ({
              ...t,
              amount: toDollars(t.amount),
              taxable: toDollars(t.taxable),
              additionalTax: toDollars(t.additionalTax),
              incomeTax: t.incomeTax === null ? null : toDollars(t.incomeTax),
            })),
          },
  };
}

export const register: Register = (program, io) => {
  program
    .command('clocks')
    .summary('Roth five-year clocks, ordering, and the tax on a planned withdrawal')
    .description(
      'Roth five-year clocks and ordering: when each amount in a Roth history can come out free ' +
        'of tax and of the 10% additional tax, and how a planned withdrawal is taxed, tranche by ' +
        'tranche (IRC 408A(d); Treas. Reg. 1.408A-6, 1.402A-1, 1.408A-10).',
    )
    .argument(
      '<file>',
      'Roth history (YAML or JSON): birthDate, rothIra, plans, withdrawal; see docs/moving-money.md',
    )
    .option('--json', 'print JSON (dollars with cents, dates YYYY-MM-DD)')
    .addHelpText('after', '\nExample:\n  megaroth clocks examples/clocks/roth-history.yaml')
    .action((file: string, opts: { json?: boolean }) => {
      const r = analyzeRothHistory(parseRothHistory(readDataFile(io.cwd, file), file));
      if (opts.json) {
        printJson(io, toJson(r));
        return;
      }
      io.out(`Age 59½ on ${r.age59Half}.\n`);
      if (r.rothIra) {
        io.out(
          `Roth IRA: five-year clock from ${String(r.rothIra.startYear)}, ends ${r.rothIra.fiveYearsEnd}; qualified distributions from ${r.rothIra.qualifiedFrom}.\n`,
        );
      } else io.out('Roth IRA: none yet.\n');
      for (const p of r.plans) {
        io.out(
          `Roth 401(k) in ${p.plan}: clock from ${String(p.startYear)}, ends ${p.fiveYearsEnd}; qualified from ${p.qualifiedFrom}.\n`,
        );
      }
      if (r.tranches.length > 0) {
        io.out('\nRoth IRA in ordering order (408A(d)(4)(B)):\n');
        io.out(
          renderTable(
            [
              { header: 'Tranche' },
              { header: 'Amount', align: 'right' },
              { header: 'Free of tax and 10% from' },
            ],
            [
              ...r.tranches.map((t) => [
                kindLabel(t.kind, t.year),
                formatUsd(t.amount),
                t.freeFrom ?? 'always',
              ]),
              ['Earnings', '-', r.rothIra?.qualifiedFrom ?? '-'],
            ],
          ),
        );
      }
      const w = r.withdrawal;
      if (w) {
        io.out(
          `\nPlanned withdrawal of ${formatUsd(w.amount)} on ${w.date} (${w.qualified ? 'qualified' : 'not qualified'}):\n`,
        );
        const withTax = w.incomeTax !== null;
        const money = (c: number | null): string => (c === null ? '-' : formatUsd(c));
        const row = (
          label: string,
          amount: number,
          taxable: number,
          incomeTax: number | null,
          additionalTax: number,
          why: string,
        ): string[] => [
          label,
          formatUsd(amount),
          formatUsd(taxable),
          ...(withTax ? [money(incomeTax)] : []),
          formatUsd(additionalTax),
          why,
        ];
        io.out(
          renderTable(
            [
              { header: 'Tranche' },
              { header: 'Amount', align: 'right' },
              { header: 'Taxable', align: 'right' },
              ...(withTax ? [{ header: 'Income tax', align: 'right' as const }] : []),
              { header: '10% tax', align: 'right' },
              { header: 'Why' },
            ],
            [
              ...w.tranches.map((t) =>
                row(
                  kindLabel(t.kind, t.year),
                  t.amount,
                  t.taxable,
                  t.incomeTax,
                  t.additionalTax,
                  t.why,
                ),
              ),
              row('Total', w.amount, w.taxable, w.incomeTax, w.additionalTax, ''),
            ],
          ),
        );
      }
    });
};
