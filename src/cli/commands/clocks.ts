/**
 * `megaroth clocks FILE`: the Roth five-year clocks of a history (Roth IRA qualified
 * distributions, each conversion, each plan's designated Roth account), the ordering tranches,
 * every tax year with a distribution aggregated with its Form 8606 Part III, and the
 * allocation of a planned withdrawal with its income tax and 10% additional tax.
 */
import { parseRothHistory, type Tranche } from '../../engine/roth-clocks/index.js';
import { QUALIFIED_AGE_TEXT } from '../../engine/distributions/params-text.js';
import { formatUsd } from '../../engine/money.js';
import { distributionConstants } from '../../engine/params/distributions.js';
import {
  clocksReport,
  type ClocksReport,
  type Part3Report,
  type YearReport,
} from '../../engine/report/clocks.js';
import { readDataFile, sourceName } from '../files.js';
import { renderFindings } from '../render/findings.js';
import {
  formatRate,
  printReport,
  withReportOptions,
  type ReportOutputOptions,
} from '../report-output.js';
import { renderPairs, renderTable } from '../table.js';
import { wrap } from '../text.js';
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

const PART3_ROWS: readonly [keyof Part3Report, string][] = [
  ['line19', 'Nonqualified distributions'],
  ['line20', 'Qualified first-time homebuyer expenses'],
  ['line21', 'Line 19 - line 20'],
  ['line22', 'Basis in Roth IRA contributions'],
  ['line23', 'Line 21 - line 22'],
  ['line24', 'Basis in conversions and plan rollovers'],
  ['line25a', 'Line 23 - line 24'],
  ['line25b', 'Qualified disaster distributions'],
  ['line25c', 'Taxable amount'],
];

const money = (c: { cents: number } | null): string => (c === null ? '-' : formatUsd(c.cents));

/** One tax year: its distributions aggregated, the year's contributions, Form 8606 Part III. */
function renderYear(y: YearReport): string {
  const Y = String(y.year);
  const pct = formatRate(distributionConstants.additionalTaxRate.value);
  const out = [
    `\n${wrap(`Tax year ${Y}: its distributions are one distribution, out of the regular contributions for ${Y} and earlier (made by the due date) and the conversions of ${Y} and earlier (Treas. Reg. 1.408A-6 Q&A-9):`, '', '  ')}\n`,
    renderTable(
      [
        { header: 'Date' },
        { header: 'Distribution', align: 'right' },
        { header: 'Qualified' },
        { header: 'Taxable', align: 'right' },
        { header: `${pct} tax`, align: 'right' },
        { header: 'Note' },
      ],
      [
        ...y.distributions.map((d) => [
          d.date,
          money(d.amount),
          d.qualified
            ? 'yes'
            : d.firstHome.cents === d.amount.cents
              ? 'first home'
              : d.firstHome.cents > 0
                ? `${money(d.firstHome)} (first home)`
                : 'no',
          money(d.taxable),
          money(d.additionalTax),
          [d.planned ? 'planned' : '', d.exception ?? ''].filter(Boolean).join(', '),
        ]),
        ['Total', money(y.total), '', money(y.taxable), money(y.additionalTax), ''],
      ],
    ),
    renderPairs([
      [`Regular contributions for ${Y} (made by the due date)`, money(y.regularContributions)],
      [`Conversions in ${Y}`, money(y.conversions)],
    ]),
  ];
  const f = y.form8606;
  if (f) {
    out.push(`\nForm 8606 Part III, ${Y}:\n`);
    out.push(
      renderTable(
        [{ header: 'Line' }, { header: 'Form 8606' }, { header: 'Amount', align: 'right' }],
        PART3_ROWS.map(([k, label]) => [k.replace('line', ''), label, money(f[k])]),
      ),
    );
  } else out.push(`\nForm 8606 Part III, ${Y}: not filed (every distribution is qualified).\n`);
  if (y.subjectToAdditionalTax.cents > 0) {
    out.push(
      `${pct} additional tax ${Y} (Form 5329): ${pct} x (${money(y.subjectToAdditionalTax)} subject - ${money(y.exempt)} exempt) = ${money(y.additionalTax)}.\n`,
    );
  }
  return out.join('');
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
  for (const y of r.years) out.push(renderYear(y));
  const w = r.withdrawal;
  if (w) {
    out.push(
      `\nPlanned withdrawal of ${formatUsd(w.amount.cents)} on ${w.date} (${w.qualified ? 'qualified' : 'not qualified'}; its share of ${String(w.year)}):\n`,
    );
    const withTax = w.incomeTax !== null;
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
            `${kindLabel(t.kind, t.year)}${t.part === 'first-home' ? ' (first home)' : ''}`,
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
          "of tax and of the 10% additional tax, how each tax year's distributions are taxed as one " +
          '(Form 8606 Part III), and how a planned withdrawal is taxed, tranche by tranche ' +
          '(IRC 408A(d); Treas. Reg. 1.408A-6, 1.402A-1, 1.408A-10).',
      )
      .argument(
        '<file>',
        'Roth history (YAML or JSON; - reads standard input): birthDate, rothIra, plans, withdrawal; see docs/moving-money.md',
      ),
  )
    .addHelpText(
      'after',
      '\nExamples:\n  megaroth clocks examples/clocks/roth-history.yaml\n  megaroth clocks examples/clocks/june-december.yaml --explain\n  megaroth clocks examples/clocks/two-years.yaml --json',
    )
    .action((file: string, opts: ReportOutputOptions) => {
      const history = readDataFile(io, file, 'a Roth history');
      const report = clocksReport(parseRothHistory(history, sourceName(file)));
      printReport(io, report, opts, render);
    });
};
