/**
 * The report serializer as it was before it skipped an explanation already recorded: every
 * Figure and RateFigure writes its explanation under its key, the last one of a key winning.
 * Kept as the test oracle of `reportToJson` in `src/engine/report/to-json.ts`; it is not
 * shipped.
 */
import { isFigure, isRateFigure, type Figure, type RateFigure } from '../../src/engine/explain.js';
import { toDollars } from '../../src/engine/money.js';
import type { Explanation } from '../../src/engine/report/to-json.js';

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

/** `reportToJson` as before. */
export function referenceReportToJson(report: object): Record<string, unknown> {
  const explain: Record<string, Explanation> = {};
  const body = convert(report, explain) as Record<string, unknown>;
  return { ...body, explain };
}
