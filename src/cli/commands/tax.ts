/**
 * `megaroth tax`: federal ordinary income tax on a taxable income for a year and filing status
 * (IRC 1(j)(2) with the year's Rev. Proc. thresholds), with the marginal rate.
 */
import { formatUsd, rateValue, toDollars } from '../../engine/money.js';
import { usd } from '../../engine/params/index.js';
import { incomeTaxFor } from '../../engine/params/income-tax/index.js';
import { marginalRate, ordinaryIncomeTax, parseFilingStatus } from '../../engine/tax/index.js';
import { printJson } from '../io.js';
import { parseMoneyOption, parseYearOption } from '../options.js';
import { renderPairs } from '../table.js';
import type { Register } from './index.js';

interface TaxOptions {
  year: string;
  status: string;
  taxableIncome: string;
  json?: boolean;
}

export const register: Register = (program, io) => {
  program
    .command('tax')
    .summary('Federal income tax on a taxable income, with the marginal rate')
    .description(
      'Federal ordinary income tax on a taxable income (IRC 1(j)(2); Rev. Procs. 2022-38, ' +
        '2023-34, 2024-40, 2025-32), with the marginal rate and the standard deduction of the ' +
        'filing status. Capital gains rates are not applied.',
    )
    .requiredOption('--year <Y>', 'tax year (2023-2026)')
    .requiredOption('--status <S>', 'filing status: single, mfj, mfs or hoh')
    .requiredOption('--taxable-income <N>', 'taxable income in dollars (after deductions)')
    .option('--json', 'print JSON: tax, marginalRate, … (dollars with cents)')
    .addHelpText(
      'after',
      '\nExample:\n  megaroth tax --year 2026 --status single --taxable-income 150000',
    )
    .action((opts: TaxOptions) => {
      const year = parseYearOption('--year', opts.year);
      const status = parseFilingStatus(opts.status, '--status');
      const ti = parseMoneyOption('--taxable-income', opts.taxableIncome);
      const tax = ordinaryIncomeTax(year, status, ti, '--taxable-income');
      const marginal = rateValue(marginalRate(year, status, ti));
      const deduction = usd(incomeTaxFor(year, '--year').standardDeduction[status]);
      const average = ti > 0 ? tax / ti : 0;
      if (opts.json) {
        printJson(io, {
          year,
          status,
          taxableIncome: toDollars(ti),
          tax: toDollars(tax),
          marginalRate: marginal,
          averageRate: Math.round(average * 1e6) / 1e6,
          standardDeduction: toDollars(deduction),
        });
        return;
      }
      io.out(
        renderPairs([
          ['Tax year / filing status', `${String(year)} ${status}`],
          ['Taxable income', formatUsd(ti)],
          ['Federal income tax', formatUsd(tax)],
          ['Marginal rate', `${(marginal * 100).toFixed(0)}%`],
          ['Average rate on taxable income', `${(average * 100).toFixed(2)}%`],
          ['Standard deduction (for reference)', formatUsd(deduction)],
        ]),
      );
    });
};
