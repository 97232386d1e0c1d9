/**
 * `megaroth clocks FILE`: the Roth five-year clocks of a history (Roth IRA qualified
 * distributions, each conversion, each plan's designated Roth account), the ordering tranches,
 * and the allocation of a planned withdrawal with its income tax and 10% additional tax.
 */
import { parseRothHistory, type Tranche } from '../../engine/roth-clocks/index.js';
import { QUALIFIED_AGE_TEXT } from '../../engine/distributions/params-text.js';
import { formatUsd } from '../../engine/money.js';
import { distributionConstants } from '../../engine/params/distributions.js';
import { clocksReport, type ClocksReport } from '../../engine/report/clocks.js';
import { readDataFile, sourceName } from '../files.js';
import { renderFindings } from '../render/findings.js';
import {
  formatRate,
  printReport,
  withReportOptions,
  type ReportOutputOptions,
} from '../report-output.js';
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

function render(r: ClocksReport): string {
  const out: string[] = [`Age ${QUALIFIED_AGE_TEXT} on ${r.age59Half}.\n`];
  if (r.rothIra) {
    out.push(
      `Roth IRA: five-year clock from ${String(r.rothIra.startYear)}, ends ${r.rothIra.fiveYearsEnd}; qualified distributions from ${r.rothIra.qualifiedFrom}.\n`,
    );
  } else out.push('Roth IRA: none yet.\n');
  for (const p of r.plans) {
    out.push(
      `Roth 401(k) in ${p.plan}: clock from ${String(p.startYear)}, ends ${p.fiveYearsEnd}; qualified from ${p.qualifiedFrom}.\n`,
    );
  }
  if (r.tranches.length > 0) {
    const pct = formatRate(distributionConstants.additionalTaxRate.value);
    out.push('\nRoth IRA in ordering order (408A(d)(4)(B)):\n');
    out.push(
      renderTable(
        [
          { header: 'Tranche' },
          { header: 'Amount', align: 'right' },
          { header: `Free of tax and ${pct} from` },
        ],
        [
          ...r.tranches.map((t) => [
            kindLabel(t.kind, t.year),
            formatUsd(t.amount.cents),
            t.freeFrom ?? 'always',
          ]),
          ['Earnings', '-', r.rothIra?.qualifiedFrom ?? '-'],
        ],
      ),
    );
  }
  const w = r.withdrawal;
  if (w) {
    out.push(
      `\nPlanned withdrawal of ${formatUsd(w.amount.cents)} on ${w.date} (${w.qualified ? 'qualified' : 'not qualified'}):\n`,
    );
    const withTax = w.incomeTax !== null;
    const money = (c: { cents: number } | null): string => (c === null ? '-' : formatUsd(c.cents));
    const tenPercent = `${formatRate(distributionConstants.additionalTaxRate.value)} tax`;
    out.push(
      renderTable(
        [
          { header: 'Tranche' },
          { header: 'Amount', align: 'right' },
          { header: 'Taxable', align: 'right' },
          ...(withTax ? [{ header: 'Income tax', align: 'right' as const }] : []),
          { header: tenPercent, align: 'right' },
          { header: 'Why' },
        ],
        [
          ...w.tranches.map((t) => [
            kindLabel(t.kind, t.year),
            money(t.amount),
            money(t.taxable),
            ...(withTax ? [money(t.incomeTax)] : []),
            money(t.additionalTax),
            t.why,
          ]),
          [
            'Total',
            money(w.amount),
            money(w.taxable),
            ...(withTax ? [money(w.incomeTax)] : []),
            money(w.additionalTax),
            '',
          ],
        ],
      ),
    );
  }
  out.push(renderFindings(r.findings));
  return out.join('');
}

export const register: Register = (program, io) => {
  withReportOptions(
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
        'Roth history (YAML or JSON; - reads standard input): birthDate, rothIra, plans, withdrawal; see docs/moving-money.md',
      ),
  )
    .addHelpText(
      'after',
      '\nExamples:\n  megaroth clocks examples/clocks/roth-history.yaml\n  megaroth clocks examples/clocks/roth-history.yaml --explain',
    )
    .action((file: string, opts: ReportOutputOptions) => {
      const history = readDataFile(io, file, 'a Roth history');
      const report = clocksReport(parseRothHistory(history, sourceName(file)));
      printReport(io, report, opts, render);
    });
};
