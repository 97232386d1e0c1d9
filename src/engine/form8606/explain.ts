/** The Form 8606 lines as figures, each with its rule and the form line it comes from. */
import { figure, type Figure } from '../explain.js';
import type { Form8606Lines, Form8606Result } from './form8606.js';

const WHY: Readonly<Record<keyof Form8606Lines, [string, string]>> = {
  line1: ['Nondeductible contributions for the year', 'entered'],
  line2: ['Basis from earlier years', "entered (last year's line 14)"],
  line3: ['Total basis', 'line 1 + line 2'],
  line4: ['Contributions made Jan 1 – Apr 15 of next year', 'entered; kept out of the ratio'],
  line5: ['Basis for this year', 'line 3 − line 4'],
  line6: [
    'Traditional, SEP and SIMPLE IRAs on December 31',
    'entered; all IRAs are one (408(d)(2))',
  ],
  line7: ['Distributions', 'entered; rollovers and conversions excluded'],
  line8: ['Converted to Roth IRAs', 'entered'],
  line9: ['Lines 6 + 7 + 8', 'line 6 + line 7 + line 8'],
  line11: [
    'Nontaxable part of the conversion',
    'line 8 × line 10 (the nontaxable total, split exactly)',
  ],
  line12: [
    'Nontaxable part of distributions',
    'line 7 × line 10 (the nontaxable total, split exactly)',
  ],
  line13: ['Nontaxable part of everything out', 'line 11 + line 12, never more than line 5'],
  line14: ['Basis carried to next year', 'line 3 − line 13'],
  line15a: ['Line 7 − line 12', 'line 7 − line 12'],
  line15b: ['Qualified disaster distributions', 'not modelled: 0'],
  line15c: ['Taxable distributions', 'line 15a − line 15b'],
  line16: ['Amount converted', 'line 8'],
  line17: ['Basis in the conversion', 'line 11'],
  line18: ['Taxable conversion', 'line 16 − line 17'],
};

/** Figures for the lines the form fills in (skipped lines are left out). */
export function explainForm8606(r: Form8606Result): Figure[] {
  const out: Figure[] = [];
  for (const [k, [label, why]] of Object.entries(WHY) as [
    keyof Form8606Lines,
    [string, string],
  ][]) {
    const v = r.lines[k];
    if (v === null) continue;
    const n = k.replace('line', '');
    out.push(
      figure(
        `form8606.${k}`,
        label,
        v,
        why,
        `Form 8606 (2018 and later) line ${n}; IRC 408(d)(1)–(2)`,
      ),
    );
  }
  return out;
}
