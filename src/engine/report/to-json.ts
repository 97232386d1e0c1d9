/**
 * The one serializer of every report (`--json`): each Figure becomes its amount in dollars with
 * cents, each RateFigure its rate as a decimal fraction, and their label, rule ("why"),
 * citation and inputs are collected under `explain`, keyed by the figure's key.
 */
import { isFigure, isRateFigure, type Figure, type RateFigure } from '../explain.js';
import { toDollars } from '../money.js';

export interface Explanation {
  readonly label: string;
  readonly why: string;
  readonly citation: string;
  readonly inputs?: readonly string[];
}

function explanationOf(f: Figure | RateFigure): Explanation {
  const e = { label: f.label, why: f.why, citation: f.citation };
  return f.inputs && f.inputs.length > 0 ? { ...e, inputs: f.inputs } : e;
}

/** Whether `e` already says what `f` would (the rows of a table share a key and its rule). */
function sameExplanation(e: Explanation, f: Figure | RateFigure): boolean {
  if (e.label !== f.label || e.why !== f.why || e.citation !== f.citation) return false;
  const a = e.inputs ?? [];
  const b = f.inputs ?? [];
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Records `f`'s explanation under its key: the last figure with a key gives its explanation. */
function explainFigure(explain: Record<string, Explanation>, f: Figure | RateFigure): void {
  const known = explain[f.key];
  if (known === undefined || !sameExplanation(known, f)) explain[f.key] = explanationOf(f);
}

function convert(v: unknown, explain: Record<string, Explanation>): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (isFigure(v)) {
    explainFigure(explain, v);
    return toDollars(v.cents);
  }
  if (isRateFigure(v)) {
    explainFigure(explain, v);
    return v.rate;
  }
  if (Array.isArray(v)) return v.map((x) => convert(x, explain));
  const o = v as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(o)) {
    const x = o[k];
    if (x !== undefined) out[k] = convert(x, explain);
  }
  return out;
}

/** The report with Figures as dollars and RateFigures as numbers, plus `explain`. */
export function reportToJson(report: object): Record<string, unknown> {
  const explain: Record<string, Explanation> = {};
  const body = convert(report, explain) as Record<string, unknown>;
  return { ...body, explain };
}

/** Every Figure and RateFigure in a report, in document order (for `--explain`). */
export function figuresOf(report: unknown): (Figure | RateFigure)[] {
  const out: (Figure | RateFigure)[] = [];
  const walk = (v: unknown): void => {
    if (isFigure(v) || isRateFigure(v)) out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v !== null && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(report);
  return out;
}
