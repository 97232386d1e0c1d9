/**
 * `megaroth tax`: federal ordinary income tax on a taxable income for a year and filing status
 * (IRC 1(j)(2) with the year's Rev. Proc. thresholds), by bracket, with the marginal rate.
 */
import { formatUsd } from '../../engine/money.js';
import { INCOME_TAX_YEARS, incomeTaxFor } from '../../engine/params/income-tax/index.js';
import { taxReport, type TaxReport } from '../../engine/report/tax.js';
import { FILING_STATUSES, parseFilingStatus } from '../../engine/tax/filing-status.js';
import { withFlags } from '../flags.js';
import { parseMoneyOption, parseYearOption } from '../options.js';
import { renderFindings } from '../render/findings.js';
import { printReport, withReportOptions, type ReportOutputOptions } from '../report-output.js';
import { renderPairs, renderTable } from '../table.js';
import type { Register } from './index.js';

interface TaxOptions extends ReportOutputOptions {
  readonly year: string;
  readonly status: string;
  readonly taxableIncome: string;
}

/** Engine field → flag. */
const FLAGS = { year: '--year', status: '--status', taxableIncome: '--taxable-income' } as const;

const percent = (rate: number, digits: number): string => `${(rate * 100).toFixed(digits)}%`;

function renderTax(r: TaxReport): string {
  const money = formatUsd;
  const text = renderPairs([
    ['Tax year / filing status', `${String(r.year)} ${r.status}`],
    ['Taxable income', money(r.taxableIncome.cents)],
    ['Federal income tax', money(r.tax.cents)],
    ['Marginal rate', percent(r.marginalRate.rate, 0)],
    ['Average rate on taxable income', percent(r.averageRate.rate, 2)],
    ['Standard deduction (for reference)', money(r.standardDeduction.cents)],
  ]);
  const brackets =
    r.brackets.length === 0
      ? ''
      : `\n${renderTable(
          [
            { header: 'Bracket', align: 'right' },
            { header: 'Over', align: 'right' },
            { header: 'Not over', align: 'right' },
            { header: 'Income in it', align: 'right' },
            { header: 'Tax', align: 'right' },
          ],
          r.brackets.map((b) => [
            percent(b.rate.rate, 0),
            money(b.from.cents),
            b.to === null ? '' : money(b.to.cents),
            money(b.income.cents),
            money(b.tax.cents),
          ]),
        )}`;
  return `${text}${brackets}${renderFindings(r.findings)}`;
}

/** "2023-2026" from the years with income tax parameters. */
function yearRange(): string {
  const first = INCOME_TAX_YEARS[0];
  const last = latestYear();
  return first === last ? String(first) : `${String(first)}-${String(last)}`;
}

/** The latest year with income tax parameters: the default of --year, as in the other commands. */
function latestYear(): number {
  return INCOME_TAX_YEARS[INCOME_TAX_YEARS.length - 1] ?? 0;
}

/** The Rev. Procs. of the bracket tables, from the parameters' citations. */
function sources(): string {
  return INCOME_TAX_YEARS.map((y) => incomeTaxFor(y).brackets.single.top10.citation.split(';')[0])
    .filter((c): c is string => c !== undefined)
    .join(', ');
}

export const register: Register = (program, io) => {
  withReportOptions(
    program
      .command('tax')
      .summary('Federal income tax on a taxable income, with the marginal rate')
      .description(
        `Federal ordinary income tax on a taxable income (IRC 1(j)(2); ${sources()}), by ` +
          'bracket, with the marginal and average rates and the standard deduction of the ' +
          'filing status. Capital gains rates are not applied.',
      )
      .option('--year <Y>', `tax year (${yearRange()})`, String(latestYear()))
      .requiredOption('--status <S>', `filing status: ${FILING_STATUSES.join(', ')}`)
      .requiredOption('--taxable-income <N>', 'taxable income in dollars (after deductions)'),
  )
    .addHelpText(
      'after',
      '\nExamples:\n  megaroth tax --status single --taxable-income 150000\n  megaroth tax --year 2026 --status single --taxable-income 150000\n  megaroth tax --year 2026 --status mfj --taxable-income 250000 --json',
    )
    .action((opts: TaxOptions) => {
      const year = parseYearOption(FLAGS.year, opts.year);
      const status = parseFilingStatus(opts.status, FLAGS.status);
      const taxableIncome = parseMoneyOption(FLAGS.taxableIncome, opts.taxableIncome);
      const report = withFlags(FLAGS, () => taxReport({ year, status, taxableIncome }));
      printReport(io, report, opts, renderTax);
    });
};
