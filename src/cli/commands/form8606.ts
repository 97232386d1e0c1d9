/**
 * `megaroth form8606`: Form 8606 Parts I and II line by line for a backdoor Roth year (IRA
 * pro-rata rule, IRC 408(d)(1)–(2)) — the `form8606` report as text, `--json` or `--explain`.
 */
import { formatUsd, type Cents } from '../../engine/money.js';
import { form8606Report, type Form8606Report } from '../../engine/report/form8606.js';
import { findingsWithFlags, withFlags, type FlagMap } from '../flags.js';
import { moneyOption } from '../options.js';
import { renderFindings } from '../render/findings.js';
import { printReport, withReportOptions, type ReportOutputOptions } from '../report-output.js';
import { renderTable } from '../table.js';
import type { Register } from './index.js';

interface Form8606Options extends ReportOutputOptions {
  readonly basis: Cents;
  readonly contribution: Cents;
  readonly converted: Cents;
  readonly yearEndBalance: Cents;
  readonly distributions: Cents;
  readonly contributionsNextYear?: Cents;
  readonly worksheetNontaxable?: Cents;
  readonly roundRatio?: boolean;
}

const money = moneyOption;

const FLAGS: FlagMap = {
  nondeductibleContributions: '--contribution',
  priorBasis: '--basis',
  contributionsNextYear: '--contributions-next-year',
  yearEndValue: '--year-end-balance',
  distributions: '--distributions',
  converted: '--converted',
  worksheetNontaxable: '--worksheet-nontaxable',
};

const ROWS: readonly [
  Exclude<keyof Form8606Report, 'report' | 'findings' | 'ratioPrecision' | 'notes' | 'trap'>,
  string,
][] = [
  ['line1', 'Nondeductible contributions for the year'],
  ['line2', 'Basis from earlier years'],
  ['line3', 'Line 1 + line 2'],
  ['line4', 'Part of line 1 contributed Jan 1 - Apr 15 next year'],
  ['line5', 'Line 3 - line 4'],
  ['line6', 'All traditional/SEP/SIMPLE IRAs on Dec 31'],
  ['line7', 'Distributions (not converted, not rolled over)'],
  ['line8', 'Converted to Roth IRAs'],
  ['line9', 'Lines 6 + 7 + 8'],
  ['line10', 'Line 5 / line 9 (at most 1)'],
  ['line11', 'Nontaxable part of the conversion'],
  ['line12', 'Nontaxable part of distributions'],
  ['line13', 'Lines 11 + 12'],
  ['line14', 'Basis carried to next year'],
  ['line15a', 'Line 7 - line 12'],
  ['line15b', 'Qualified disaster distributions'],
  ['line15c', 'Taxable distributions'],
  ['line16', 'Amount converted'],
  ['line17', 'Basis in the conversion'],
  ['line18', 'Taxable conversion'],
];

function render(r: Form8606Report): string {
  const rows = ROWS.map(([k, label]) => {
    const n = k.replace('line', '');
    if (k === 'line10') {
      const ratio = r.line10?.rate;
      const text =
        ratio === undefined
          ? '-'
          : r.ratioPrecision === 'three-places'
            ? ratio.toFixed(3)
            : ratio.toFixed(6).replace(/0+$/, '').replace(/\.$/, '.0');
      return [n, label, text];
    }
    const f = r[k];
    return [n, label, f === null ? '-' : formatUsd(f.cents)];
  });
  const out = [
    renderTable(
      [{ header: 'Line' }, { header: 'Form 8606' }, { header: 'Amount', align: 'right' }],
      rows,
    ),
    `\nTaxable conversion (line 18): ${formatUsd(r.line18.cents)}; basis carried forward (line 14): ${formatUsd(r.line14.cents)}.\n`,
  ];
  if (r.line10 !== null) {
    out.push(
      `Line 10 ${r.ratioPrecision === 'full' ? 'in full precision (shown to 6 places)' : 'rounded to 3 places'}.\n`,
    );
  }
  for (const n of r.notes) out.push(`Note: ${n}\n`);
  if (r.trap) {
    out.push(
      `With nothing in IRAs on December 31 the taxable amount would be ${formatUsd(r.trap.taxableIfRolledIn.cents)} (${formatUsd(r.trap.extraTaxable.cents)} less).\n`,
    );
  }
  out.push(renderFindings(r.findings));
  return out.join('');
}

export const register: Register = (program, io) => {
  withReportOptions(
    program
      .command('form8606')
      .summary('Form 8606 Parts I-II: taxable part of a backdoor Roth conversion')
      .description(
        'Form 8606 Parts I and II line by line: how much of a Roth conversion (backdoor Roth) or ' +
          'IRA distribution is taxable under the IRA pro-rata rule, and the basis carried forward. ' +
          'Part III (Roth IRA distributions) comes from a history: megaroth clocks FILE.',
      )
      .requiredOption(
        '--basis <dollars>',
        'line 2: basis in traditional IRAs from earlier years (last year’s line 14)',
        money('--basis'),
      )
      .requiredOption(
        '--contribution <dollars>',
        'line 1: nondeductible contributions for the year',
        money('--contribution'),
      )
      .requiredOption(
        '--converted <dollars>',
        'line 8: amount converted to Roth IRAs during the year',
        money('--converted'),
      )
      .requiredOption(
        '--year-end-balance <dollars>',
        'line 6: value of all traditional, SEP and SIMPLE IRAs on December 31',
        money('--year-end-balance'),
      )
      .option(
        '--distributions <dollars>',
        'line 7: distributions not converted or rolled over',
        money('--distributions'),
        0,
      )
      .option(
        '--contributions-next-year <dollars>',
        'line 4: part of line 1 contributed Jan 1 - Apr 15 of the next year',
        money('--contributions-next-year'),
      )
      .option(
        '--worksheet-nontaxable <dollars>',
        "line 13 from Pub 590-B Worksheet 1-1 (when the year's contributions may be deductible); lines 6-10 are then on the worksheet",
        money('--worksheet-nontaxable'),
      )
      .option(
        '--round-ratio',
        'round line 10 to exactly 3 places (the form allows "at least 3"); default: full precision',
      ),
  )
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  megaroth form8606 --basis 0 --contribution 7500 --converted 7500 --year-end-balance 0\n' +
        '  megaroth form8606 --basis 0 --contribution 7000 --converted 7000 --year-end-balance 93000\n' +
        '  megaroth form8606 --basis 6000 --contribution 0 --converted 6000 --year-end-balance 95000 --round-ratio --json',
    )
    .action((opts: Form8606Options) => {
      const report = withFlags(FLAGS, () =>
        form8606Report(
          {
            nondeductibleContributions: opts.contribution,
            priorBasis: opts.basis,
            yearEndValue: opts.yearEndBalance,
            distributions: opts.distributions,
            converted: opts.converted,
            ...(opts.contributionsNextYear !== undefined
              ? { contributionsNextYear: opts.contributionsNextYear }
              : {}),
            ...(opts.worksheetNontaxable !== undefined
              ? { worksheetNontaxable: opts.worksheetNontaxable }
              : {}),
          },
          { precision: opts.roundRatio ? 'three-places' : 'full' },
        ),
      );
      printReport(io, findingsWithFlags(report, FLAGS), opts, render);
    });
};
