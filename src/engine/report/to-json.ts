/**
 * Serialises a report model for `--json`: every Figure becomes its amount in dollars with
 * cents, and its label, rule ("why") and citation are collected under `explain`, keyed by the
 * figure's key.
 */
import type { Figure } from '../explain.js';
import { toDollars } from '../money.js';

export interface Explanation {
  readonly label: string;
  readonly why: string;
  readonly citation: string;
}

function isFigure(v: unknown): v is Figure {
  if (v === null || typeof v !== 'object') return false;
  const r = v as Record<string, unknown>;
  return (
    typeof r['key'] === 'string' &&
    typeof r['cents'] === 'number' &&
    typeof r['citation'] === 'string'
  );
}

function convert(v: unknown, explain: Record<string, Explanation>): unknown {
  if (isFigure(v)) {
    explain[v.key] = { label: v.label, why: v.why, citation: v.citation };
    return toDollars(v.cents);
  }
  if (Array.isArray(v)) return v.map((x) => convert(x, explain));
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = convert(x, explain);
    return out;
  }
  return v;
}

/** The report with Figures as dollars, plus `explain`. */
export function reportToJson(report: object): Record<string, unknown> {
  const explain: Record<string, Explanation> = {};
  const body = convert(report, explain) as Record<string, unknown>;
  return { ...body, explain };
}

/** Every Figure in a report, in document order (for `--explain`). */
export function figuresOf(report: unknown): Figure[] {
  const out: Figure[] = [];
  const walk = (v: unknown): void => {
    if (isFigure(v)) out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v !== null && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(report);
  return out;
}
