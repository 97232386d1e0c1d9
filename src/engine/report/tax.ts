/**
 * The `tax` report: federal ordinary income tax on a taxable income for a year and filing status
 * (IRC 1(j)(2) with the year's Rev. Proc. bracket tops), by bracket, with the marginal and
 * average rates and the basic standard deduction of the filing status (IRC 63(c)).
 */
import { figure, rateFigure, type Figure, type RateFigure } from '../explain.js';
import { formatUsd, rateValue, type Cents } from '../money.js';
import type { Param } from '../params/index.js';
import { usd } from '../params/index.js';
import { BRACKET_ORDER, incomeTaxFor } from '../params/income-tax/index.js';
import type { FilingStatus } from '../tax/filing-status.js';
import { marginalRate } from '../tax/marginal.js';
import { ordinaryIncomeTaxByBracket } from '../tax/ordinary.js';
import type { Finding, ReportBase } from './model.js';
import { percentText } from './percent.js';

export interface TaxInput {
  readonly year: number;
  readonly status: FilingStatus;
  /** Taxable income (Form 1040 line 15), cents ≥ 0. */
  readonly taxableIncome: Cents;
}

/** One bracket the income reaches. */
export interface TaxBracketRow {
  readonly rate: RateFigure;
  /** Income over this amount is in the bracket. */
  readonly from: Figure;
  /** Top of the bracket ("not over"); null for the top bracket. */
  readonly to: Figure | null;
  readonly income: Figure;
  readonly tax: Figure;
}

export interface TaxReport extends ReportBase<'tax'> {
  readonly year: number;
  readonly status: FilingStatus;
  readonly taxableIncome: Figure;
  readonly tax: Figure;
  readonly marginalRate: RateFigure;
  readonly averageRate: RateFigure;
  readonly standardDeduction: Figure;
  readonly brackets: readonly TaxBracketRow[];
}

/** Average rates are shown to six decimal places (0.190653 is 19.0653%). */
const AVERAGE_RATE_PLACES = 6;

/** A finding for each group of parameters not read in the primary document itself. */
function paramFindings(
  year: number,
  status: FilingStatus,
  groups: readonly { readonly what: string; readonly are: string; readonly param: Param<number> }[],
): Finding[] {
  return groups
    .filter((g) => g.param.status !== 'V')
    .map((g) => ({
      severity: 'info' as const,
      path: 'status',
      message: `The ${String(year)} ${g.what} for ${status} ${g.are} ${
        g.param.status === 'V2'
          ? 'checked against a secondary source quoting'
          : 'not yet checked against'
      } ${g.param.citation} (status ${g.param.status}).`,
    }));
}

/** The `tax` report; throws an InputError (naming `year`, `taxableIncome`) for bad input. */
export function taxReport(input: TaxInput): TaxReport {
  const { year, status, taxableIncome } = input;
  const p = incomeTaxFor(year, 'year');
  const { tax, brackets } = ordinaryIncomeTaxByBracket(year, status, taxableIncome);
  const tops = p.brackets[status];
  const topParams = BRACKET_ORDER.map(([top]) => tops[top]);
  const bracketCitation = tops.top10.citation;
  const ti = figure(
    'taxableIncome',
    'Taxable income',
    taxableIncome,
    'the taxable income given (income less deductions)',
    'Form 1040 line 15; IRC 63(a)',
  );
  const rows: TaxBracketRow[] = brackets.map((b, i) => {
    const pctText = percentText(rateValue(b.rate));
    const rateKey = BRACKET_ORDER[i]?.[1] ?? 'r37';
    const key = `brackets.${rateKey}`;
    const top = topParams[i];
    const below = topParams[i - 1];
    return {
      rate: rateFigure(
        `${key}.rate`,
        `Rate of the ${pctText} bracket`,
        rateValue(b.rate),
        'the IRC 1(j)(2) rate of this bracket',
        p.rates[rateKey].citation,
      ),
      from: figure(
        `${key}.from`,
        below ? below.label : `Bottom of the ${pctText} bracket`,
        b.from,
        below
          ? 'taxable income over this amount is in the bracket'
          : 'the first bracket starts at zero',
        below ? below.citation : bracketCitation,
      ),
      to:
        b.to === null || !top
          ? null
          : figure(`${key}.to`, top.label, b.to, 'the bracket’s "not over" amount', top.citation),
      income: figure(
        `${key}.income`,
        `Taxable income in the ${pctText} bracket`,
        b.income,
        `the part of ${formatUsd(taxableIncome)} over ${formatUsd(b.from)}${b.to === null ? '' : ` and not over ${formatUsd(b.to)}`}`,
        bracketCitation,
        ['taxableIncome'],
      ),
      tax: figure(
        `${key}.tax`,
        `Tax in the ${pctText} bracket`,
        b.tax,
        `${pctText} of ${formatUsd(b.income)}; the brackets' exact sum is rounded once, half-up to the cent, and shared back so the brackets add up to the tax`,
        bracketCitation,
        [`${key}.income`, `${key}.rate`],
      ),
    };
  });
  const marginal = rateValue(marginalRate(year, status, taxableIncome));
  const average =
    taxableIncome > 0
      ? Math.round((tax / taxableIncome) * 10 ** AVERAGE_RATE_PLACES) / 10 ** AVERAGE_RATE_PLACES
      : 0;
  const std = p.standardDeduction[status];
  const findings: Finding[] = [
    {
      severity: 'info',
      path: 'taxableIncome',
      message:
        'Every dollar is taxed at the ordinary rates: net capital gain and qualified dividends, taxed at the IRC 1(h) rates, would lower the tax.',
    },
    ...paramFindings(year, status, [
      { what: 'bracket tops', are: 'are', param: tops.top10 },
      { what: 'standard deduction', are: 'is', param: std },
    ]),
  ];
  return {
    report: 'tax',
    year,
    status,
    taxableIncome: ti,
    tax: figure(
      'tax',
      'Federal income tax',
      tax,
      `the tax of each bracket on the taxable income, ${String(year)} ${status} schedule: ${rows.map((r) => formatUsd(r.tax.cents)).join(' + ')}`,
      bracketCitation,
      rows.map((r) => r.tax.key),
    ),
    marginalRate: rateFigure(
      'marginalRate',
      'Marginal rate',
      marginal,
      `the rate of the bracket the next dollar over ${formatUsd(taxableIncome)} falls in`,
      bracketCitation,
      ['taxableIncome'],
    ),
    averageRate: rateFigure(
      'averageRate',
      'Average rate on taxable income',
      average,
      taxableIncome > 0
        ? `${formatUsd(tax)} ÷ ${formatUsd(taxableIncome)}, to ${String(AVERAGE_RATE_PLACES)} decimal places`
        : 'no taxable income: no tax',
      bracketCitation,
      ['tax', 'taxableIncome'],
    ),
    standardDeduction: figure(
      'standardDeduction',
      std.label,
      usd(std),
      'for reference: the basic standard deduction (before the additions for age 65 or blindness), already subtracted in taxable income if taken',
      std.citation,
    ),
    brackets: rows,
    findings,
  };
}
