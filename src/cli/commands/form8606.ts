/**
 * `megaroth form8606`: Form 8606 Parts I and II line by line for a backdoor Roth year (IRA
 * pro-rata rule, IRC 408(d)(1)–(2)).
 */
import { explainForm8606, form8606, type Form8606Lines } from '../../engine/form8606/index.js';
import { formatUsd, rateValue, toDollars, type Cents } from '../../engine/money.js';
import { printJson } from '../io.js';
import { moneyOption } from '../options.js';
import { renderTable } from '../table.js';
import type { Register } from './index.js';

interface Form8606Options {
  readonly basis: Cents;
  readonly contribution: Cents;
  readonly converted: Cents;
  readonly yearEndBalance: Cents;
  readonly distributions: Cents;
  readonly contributionsNextYear?: Cents;
  readonly worksheetNontaxable?: Cents;
  readonly roundRatio?: boolean;
  readonly json?: boolean;
  readonly explain?: boolean;
}

const money = moneyOption;

const LABELS: readonly [keyof Form8606Lines | 'line10', string][] = [
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

export const register: Register = (program, io) => {
  program
    .command('form8606')
    .summary('Form 8606 Parts I-II: taxable part of a backdoor Roth conversion')
    .description(
      'Form 8606 Parts I and II line by line: how much of a Roth conversion (backdoor Roth) or ' +
        'IRA distribution is taxable under the IRA pro-rata rule, and the basis carried forward.',
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
    )
    .option('--json', 'print JSON: line1 ... line18 in dollars (null for skipped lines)')
    .option('--explain', 'print each line with the rule and citation behind it')
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  megaroth form8606 --basis 0 --contribution 7500 --converted 7500 --year-end-balance 0\n' +
        '  megaroth form8606 --basis 0 --contribution 7000 --converted 7000 --year-end-balance 93000\n' +
        '  megaroth form8606 --basis 6000 --contribution 0 --converted 6000 --year-end-balance 95000 --round-ratio --json',
    )
    .action((opts: Form8606Options) => {
      const r = form8606(
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
        {
          precision: opts.roundRatio ? 'three-places' : 'full',
          fields: {
            nondeductibleContributions: '--contribution',
            priorBasis: '--basis',
            contributionsNextYear: '--contributions-next-year',
            yearEndValue: '--year-end-balance',
            distributions: '--distributions',
            converted: '--converted',
            worksheetNontaxable: '--worksheet-nontaxable',
          },
        },
      );
      const ratio = r.line10 === null ? null : rateValue(r.line10);
      if (opts.json) {
        const out: Record<string, unknown> = {};
        for (const [k] of LABELS) {
          if (k === 'line10') out[k] = ratio;
          else {
            const v = r.lines[k];
            out[k] = v === null ? null : toDollars(v);
          }
        }
        const explain = Object.fromEntries(
          explainForm8606(r).map((f) => [
            f.key,
            { label: f.label, why: f.why, citation: f.citation },
          ]),
        );
        printJson(io, { ...out, ratioPrecision: r.precision, notes: r.notes, explain });
        return;
      }
      const rows = LABELS.map(([k, label]) => {
        if (k === 'line10') {
          const text =
            ratio === null
              ? '-'
              : opts.roundRatio
                ? ratio.toFixed(3)
                : ratio.toFixed(6).replace(/0+$/, '').replace(/\.$/, '.0');
          return [k.replace('line', ''), label, text];
        }
        const v = r.lines[k];
        return [k.replace('line', ''), label, v === null ? '-' : formatUsd(v)];
      });
      io.out(
        renderTable(
          [{ header: 'Line' }, { header: 'Form 8606' }, { header: 'Amount', align: 'right' }],
          rows,
        ),
      );
      io.out(
        `\nTaxable conversion (line 18): ${formatUsd(r.lines.line18)}; basis carried forward (line 14): ${formatUsd(r.lines.line14)}.\n`,
      );
      if (r.line10 !== null) {
        io.out(
          `Line 10 ${r.precision === 'full' ? 'in full precision (shown to 6 places)' : 'rounded to 3 places'}.\n`,
        );
      }
      for (const n of r.notes) io.out(`Note: ${n}\n`);
      if (opts.explain) {
        io.out('\nHow each line was computed\n');
        for (const f of explainForm8606(r)) {
          io.out(
            `  ${f.key} = ${formatUsd(f.cents)}\n      why: ${f.why}\n      source: ${f.citation}\n`,
          );
        }
      }
    });
};
