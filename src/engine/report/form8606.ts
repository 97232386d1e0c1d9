/**
 * The `form8606` report: Form 8606 Parts I and II line by line (IRC 408(d)(1)–(2); Form 8606
 * (2018 and later) lines 1–18), every line a Figure with the lines it comes from, and the
 * pro-rata trap (pre-tax IRA money on December 31 making a backdoor conversion taxable) as a
 * warning with what rolling that money into an employer plan would save.
 */
import { figure, rateFigure, type Figure, type RateFigure } from '../explain.js';
import {
  form8606,
  type Form8606Input,
  type Form8606Lines,
  type Form8606Result,
  type RatioPrecision,
} from '../form8606/form8606.js';
import { proRataTrap, taxableOf } from '../form8606/trap.js';
import { formatUsd, rateValue, type Cents } from '../money.js';
import { distributionConstants } from '../params/distributions.js';
import type { Finding, ReportBase } from './model.js';

type Line = keyof Form8606Lines;

export interface Form8606Report extends ReportBase<'form8606'>, Record<Line, Figure | null> {
  readonly line1: Figure;
  readonly line2: Figure;
  readonly line3: Figure;
  readonly line10: RateFigure | null;
  readonly line14: Figure;
  readonly line16: Figure;
  readonly line17: Figure;
  readonly line18: Figure;
  readonly ratioPrecision: RatioPrecision;
  /** The form's own remarks (a limit applied, lines skipped). */
  readonly notes: readonly string[];
  /** What the year would owe with nothing in IRAs on December 31 (null when that changes nothing). */
  readonly trap: {
    readonly taxableIfRolledIn: Figure;
    readonly extraTaxable: Figure;
  } | null;
}

/** Label, how the line is computed, and the lines it comes from. */
const LINES: Readonly<Record<Line | 'line10', readonly [string, string, readonly string[]]>> = {
  line1: ['Nondeductible contributions for the year', 'entered', []],
  line2: ['Basis from earlier years', "entered (last year's line 14)", []],
  line3: ['Total basis', 'line 1 + line 2', ['line1', 'line2']],
  line4: ['Contributions made Jan 1 – Apr 15 of next year', 'entered; kept out of the ratio', []],
  line5: ['Basis for this year', 'line 3 − line 4', ['line3', 'line4']],
  line6: [
    'Traditional, SEP and SIMPLE IRAs on December 31',
    'entered; all IRAs are one (408(d)(2))',
    [],
  ],
  line7: ['Distributions', 'entered; rollovers and conversions excluded', []],
  line8: ['Converted to Roth IRAs', 'entered', []],
  line9: ['Lines 6 + 7 + 8', 'line 6 + line 7 + line 8', ['line6', 'line7', 'line8']],
  line10: ['Line 5 / line 9 (at most 1)', '', ['line5', 'line9']],
  line11: [
    'Nontaxable part of the conversion',
    'line 8 × line 10 (the nontaxable total, split exactly)',
    ['line8', 'line10'],
  ],
  line12: [
    'Nontaxable part of distributions',
    'line 7 × line 10 (the nontaxable total, split exactly)',
    ['line7', 'line10'],
  ],
  line13: [
    'Nontaxable part of everything out',
    'line 11 + line 12, never more than line 5',
    ['line11', 'line12'],
  ],
  line14: ['Basis carried to next year', 'line 3 − line 13', ['line3', 'line13']],
  line15a: ['Line 7 − line 12', 'line 7 − line 12', ['line7', 'line12']],
  line15b: ['Qualified disaster distributions', 'not modelled: 0', []],
  line15c: ['Taxable distributions', 'line 15a − line 15b', ['line15a', 'line15b']],
  line16: ['Amount converted', 'line 8', ['line8']],
  line17: ['Basis in the conversion', 'line 11', ['line11']],
  line18: ['Taxable conversion', 'line 16 − line 17', ['line16', 'line17']],
};

const CITE = 'IRC 408(d)(1)–(2)';
const lineCite = (n: string): string => `Form 8606 (2018 and later) line ${n}; ${CITE}`;
const key = (k: string): string => `form8606.${k}`;

function line10Why(r: Form8606Result, worksheet: boolean): string {
  if (worksheet) return 'left to Pub 590-B Worksheet 1-1 (line 13 entered)';
  if (r.line10 === null) return 'skipped: nothing distributed or converted';
  const places = distributionConstants.form8606RatioPlaces.value;
  return r.precision === 'full'
    ? `line 5 / line 9 kept in full precision (the form asks for at least ${String(places)} places), at most 1`
    : `line 5 / line 9 rounded half-up to ${String(places)} places, at most 1`;
}

/** The `form8606` report. Throws InputError (naming the input's fields) on impossible input. */
export function form8606Report(
  input: Form8606Input,
  opts: { precision?: RatioPrecision } = {},
): Form8606Report {
  const r = form8606(input, opts);
  const worksheet = input.worksheetNontaxable !== undefined;
  const present = (k: string): boolean =>
    k === 'line10' ? r.line10 !== null : r.lines[k as Line] !== null;
  const inputsOf = (k: Line | 'line10'): string[] => LINES[k][2].filter(present).map((x) => key(x));
  const make = (k: Line, v: Cents): Figure => {
    const [label, why] = LINES[k];
    return figure(key(k), label, v, why, lineCite(k.replace('line', '')), inputsOf(k));
  };
  const lineFigure = (k: Line): Figure | null => {
    const v = r.lines[k];
    return v === null ? null : make(k, v);
  };
  const l = r.lines;
  const lines = Object.fromEntries(
    (Object.keys(LINES) as (Line | 'line10')[]).map((k) => {
      if (k !== 'line10') return [k, lineFigure(k)];
      const ratio =
        r.line10 === null
          ? null
          : rateFigure(
              key('line10'),
              LINES.line10[0],
              rateValue(r.line10),
              line10Why(r, worksheet),
              lineCite('10'),
              inputsOf('line10'),
            );
      return [k, ratio];
    }),
  ) as Record<Line, Figure | null> & { line10: RateFigure | null };

  const findings: Finding[] = [];
  let trap: Form8606Report['trap'] = null;
  if (!worksheet && input.yearEndValue > 0) {
    const t = proRataTrap(input, opts.precision);
    if (t.extraTaxable > 0) {
      const rolledIn: Cents = taxableOf(t.fixed);
      trap = {
        taxableIfRolledIn: figure(
          key('trap.taxableIfRolledIn'),
          'Taxable with nothing in IRAs on December 31',
          rolledIn,
          'lines 18 + 15c of the same year with line 6 = 0 (the pre-tax IRA money rolled into an employer plan before December 31)',
          `${CITE}; Form 8606 line 6 (employer plans are not IRAs)`,
          [key('line6')],
        ),
        extraTaxable: figure(
          key('trap.extraTaxable'),
          'Made taxable by the IRA money on December 31',
          t.extraTaxable,
          `lines 18 + 15c as filed (${formatUsd(taxableOf(t.trapped))}) − with line 6 = 0 (${formatUsd(rolledIn)})`,
          `${CITE}; Form 8606 line 6`,
          [key('line18'), key('trap.taxableIfRolledIn')],
        ),
      };
      findings.push({
        severity: 'warning',
        path: 'yearEndValue',
        message: `the ${formatUsd(input.yearEndValue)} in traditional, SEP and SIMPLE IRAs on December 31 makes ${formatUsd(t.extraTaxable)} more taxable this year (the pro-rata rule counts all IRAs as one, ${CITE})`,
        fix: 'roll the pre-tax IRA money into an employer plan that accepts roll-ins before December 31: plans are not counted on line 6',
      });
    }
  }
  return {
    report: 'form8606',
    ...lines,
    line1: make('line1', l.line1),
    line2: make('line2', l.line2),
    line3: make('line3', l.line3),
    line14: make('line14', l.line14),
    line16: make('line16', l.line16),
    line17: make('line17', l.line17),
    line18: make('line18', l.line18),
    ratioPrecision: r.precision,
    notes: r.notes,
    trap,
    findings,
  };
}
