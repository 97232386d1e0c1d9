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

function convert(v: unknown, explain: Record<string, Explanation>): unknown {
  if (isFigure(v)) {
    explain[v.key] = explanationOf(v);
    return toDollars(v.cents);
  }
  if (isRateFigure(v)) {
    explain[v.key] = explanationOf(v);
    return v.rate;
  }
  if (Array.isArray(v)) return v.map((x) => convert(x, explain));
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = convert(x, explain);
    return out;
  }
  return v;
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
