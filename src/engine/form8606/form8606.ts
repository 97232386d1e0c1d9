/**
 * Form 8606 Parts I and II, line by line: the pro-rata rule for traditional, SEP and SIMPLE IRA
 * distributions and Roth conversions (IRC 408(d)(1)–(2), 72; Form 8606 (2018+) lines 1–18).
 *
 * Precision and rounding:
 * - Line 10 is computed in full precision by default (the form asks for "at least 3 places"),
 *   capped at 1. The nontaxable total (line 13) is rounded half-up to the cent once, then split
 *   between lines 11 and 12 with `allocate`, so 11 + 12 = 13 exactly and 13 never exceeds the
 *   basis on line 5.
 * - With `ratio: 'three-places'`, line 10 is rounded half-up to exactly 3 places, as many filers
 *   do; lines 11 and 12 are that ratio times lines 8 and 7, rounded to the cent. When that puts
 *   the nontaxable total above the basis (a 0.999 ratio on a conversion slightly larger than the
 *   basis), the total is limited to the basis and the result says so in `notes`: basis never goes
 *   negative and the nontaxable part never exceeds it.
 * - Amounts stay in cents; whole-dollar rounding is for display (`roundToDollar`).
 */
import { InputError, type InputIssue } from '../errors.js';
import { allocate, mulDiv, roundRate, type Cents, type Rate } from '../money.js';
import { distributionConstants } from '../params/distributions.js';

/** How line 10 is carried. */
export type RatioPrecision = 'full' | 'three-places';

/** What the filer knows for the year (amounts in cents). */
export interface Form8606Input {
  /** Line 1: nondeductible contributions for the year (including Jan 1 – Apr 15 of next year). */
  readonly nondeductibleContributions: Cents;
  /** Line 2: basis in traditional IRAs from earlier years (last year's line 14). */
  readonly priorBasis: Cents;
  /** Line 4: the part of line 1 contributed Jan 1 – Apr 15 of the following year. */
  readonly contributionsNextYear?: Cents;
  /** Line 6: value of all traditional, SEP and SIMPLE IRAs on December 31 (+ outstanding rollovers). */
  readonly yearEndValue: Cents;
  /** Line 7: distributions during the year, not counting rollovers, conversions, etc. */
  readonly distributions: Cents;
  /** Line 8: net amount converted to Roth IRAs during the year. */
  readonly converted: Cents;
  /**
   * Line 13 taken from Pub 590-B Worksheet 1-1 (used when the year's contributions may be
   * deductible and there were distributions). Lines 6–10 are then left to the worksheet.
   */
  readonly worksheetNontaxable?: Cents;
}

/** Lines 1–18 in cents; `null` where the form says to skip the line. */
export interface Form8606Lines {
  readonly line1: Cents;
  readonly line2: Cents;
  readonly line3: Cents;
  readonly line4: Cents | null;
  readonly line5: Cents | null;
  readonly line6: Cents | null;
  readonly line7: Cents | null;
  readonly line8: Cents | null;
  readonly line9: Cents | null;
  readonly line11: Cents | null;
  readonly line12: Cents | null;
  readonly line13: Cents | null;
  readonly line14: Cents;
  readonly line15a: Cents | null;
  readonly line15b: Cents | null;
  readonly line15c: Cents | null;
  readonly line16: Cents;
  readonly line17: Cents;
  readonly line18: Cents;
}

/** The filled-in form. */
export interface Form8606Result {
  readonly lines: Form8606Lines;
  /** Line 10 as an exact fraction (null when skipped). */
  readonly line10: Rate | null;
  readonly precision: RatioPrecision;
  /** Plain-language remarks (a limit applied, a line skipped). */
  readonly notes: readonly string[];
}

/** Checks the input; issues name the field (`converted`, …), which a caller may map to its own names. */
function validate(input: Form8606Input): void {
  const issues: InputIssue[] = [];
  const keys: (keyof Form8606Input)[] = [
    'nondeductibleContributions',
    'priorBasis',
    'contributionsNextYear',
    'yearEndValue',
    'distributions',
    'converted',
    'worksheetNontaxable',
  ];
  for (const k of keys) {
    const v = input[k];
    if (v === undefined) continue;
    if (!Number.isSafeInteger(v)) issues.push({ path: k, message: 'must be whole cents' });
    else if (v < 0) issues.push({ path: k, message: 'must not be negative' });
  }
  const l4 = input.contributionsNextYear ?? 0;
  if (l4 > input.nondeductibleContributions) {
    issues.push({
      path: 'contributionsNextYear',
      message: `is part of line 1 and cannot exceed it (${String(input.nondeductibleContributions / 100)})`,
    });
  }
  const ws = input.worksheetNontaxable;
  if (ws !== undefined) {
    const l5 = input.nondeductibleContributions + input.priorBasis - l4;
    if (ws > l5) {
      issues.push({
        path: 'worksheetNontaxable',
        message: 'cannot exceed the basis (line 5)',
      });
    }
    if (ws > input.distributions + input.converted) {
      issues.push({
        path: 'worksheetNontaxable',
        message: 'cannot exceed the distributions plus conversions (lines 7 + 8)',
      });
    }
  }
  if (issues.length > 0) throw new InputError(issues);
}

/** Fills in Form 8606 Parts I and II (lines 1–18). Throws InputError on impossible input. */
export function form8606(
  input: Form8606Input,
  opts: { precision?: RatioPrecision } = {},
): Form8606Result {
  validate(input);
  const precision = opts.precision ?? 'full';
  const notes: string[] = [];
  const line1 = input.nondeductibleContributions;
  const line2 = input.priorBasis;
  const line3 = line1 + line2;
  const l7 = input.distributions;
  const l8 = input.converted;

  if (l7 + l8 === 0) {
    notes.push('No distributions or conversions: line 3 goes to line 14; lines 4–13 skipped.');
    return {
      lines: {
        line1,
        line2,
        line3,
        line4: null,
        line5: null,
        line6: null,
        line7: null,
        line8: null,
        line9: null,
        line11: null,
        line12: null,
        line13: null,
        line14: line3,
        line15a: null,
        line15b: null,
        line15c: null,
        line16: 0,
        line17: 0,
        line18: 0,
      },
      line10: null,
      precision,
      notes,
    };
  }

  const line4 = input.contributionsNextYear ?? 0;
  const line5 = line3 - line4;
  let line6: Cents | null = input.yearEndValue;
  let line9: Cents | null = null;
  let line10: Rate | null = null;
  let line11: Cents;
  let line12: Cents;

  if (input.worksheetNontaxable !== undefined) {
    // Line 13 comes from Pub 590-B Worksheet 1-1; split it between the conversion and the
    // other distributions in proportion to lines 8 and 7 (exactly, with `allocate`).
    const [a = 0, b = 0] = allocate(input.worksheetNontaxable, [l8, l7]);
    line11 = a;
    line12 = b;
    line6 = null;
    notes.push('Line 13 taken from Pub 590-B Worksheet 1-1; lines 6–10 are on the worksheet.');
  } else {
    line9 = input.yearEndValue + l7 + l8;
    if (line5 >= line9) {
      // Line 10: "if 1.000 or more, enter 1.000" — every dollar out is basis.
      line10 = { num: 1, den: 1 };
      line11 = l8;
      line12 = l7;
    } else if (precision === 'full') {
      line10 = { num: line5, den: line9 };
      // One rounding (half-up to the cent) of the nontaxable total, then an exact split.
      const total = mulDiv(l7 + l8, line5, line9);
      const [a = 0, b = 0] = allocate(total, [l8, l7]);
      line11 = a;
      line12 = b;
    } else {
      const places = distributionConstants.form8606RatioPlaces.value;
      const r = roundRate({ num: line5, den: line9 }, places);
      line10 = r.num >= r.den ? { num: 1, den: 1 } : r;
      line11 = mulDiv(l8, line10.num, line10.den);
      line12 = mulDiv(l7, line10.num, line10.den);
      if (line11 + line12 > line5) {
        const over = line11 + line12 - line5;
        const [a = 0, b = 0] = allocate(line5, [line11, line12]);
        notes.push(
          `The ${String(places)}-place ratio gives a nontaxable amount ${String(over / 100)} above the basis; limited to the basis (line 5) so basis does not go negative.`,
        );
        line11 = a;
        line12 = b;
      }
    }
  }
  const line13 = line11 + line12;
  const line14 = line3 - line13;
  const line15a = l7 - line12;
  const line15b = 0;
  const line15c = line15a - line15b;
  const line16 = l8;
  const line17 = line11;
  const line18 = line16 - line17;
  return {
    lines: {
      line1,
      line2,
      line3,
      line4,
      line5,
      line6,
      line7: l7,
      line8: l8,
      line9,
      line11,
      line12,
      line13,
      line14,
      line15a,
      line15b,
      line15c,
      line16,
      line17,
      line18,
    },
    line10,
    precision,
    notes,
  };
}
