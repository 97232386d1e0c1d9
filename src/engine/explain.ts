/**
 * The report model's unit of explanation: a figure in cents (or an exact rate) with the rule
 * that produced it, the citation, and the keys of the figures it was computed from. The CLI
 * prints these with `--explain`; JSON output carries them under `explain`.
 */
import type { Cents } from './money.js';

export interface Figure {
  /** Stable key, e.g. `plan.solo.afterTaxRoom`. */
  readonly key: string;
  readonly label: string;
  readonly cents: Cents;
  /** One sentence: how the figure was computed. */
  readonly why: string;
  readonly citation: string;
  /** Keys of the figures (in the same report) this one was computed from. */
  readonly inputs?: readonly string[];
}

/** A rate (a decimal fraction: 0.0765 is 7.65%) with the rule behind it. */
export interface RateFigure {
  readonly key: string;
  readonly label: string;
  readonly rate: number;
  readonly why: string;
  readonly citation: string;
  readonly inputs?: readonly string[];
}

/** Builds a Figure. */
export function figure(
  key: string,
  label: string,
  amount: Cents,
  why: string,
  citation: string,
  inputs?: readonly string[],
): Figure {
  return inputs && inputs.length > 0
    ? { key, label, cents: amount, why, citation, inputs }
    : { key, label, cents: amount, why, citation };
}

/** Builds a RateFigure. */
export function rateFigure(
  key: string,
  label: string,
  rate: number,
  why: string,
  citation: string,
  inputs?: readonly string[],
): RateFigure {
  return inputs && inputs.length > 0
    ? { key, label, rate, why, citation, inputs }
    : { key, label, rate, why, citation };
}

/** True for a Figure (money). */
export function isFigure(v: unknown): v is Figure {
  if (v === null || typeof v !== 'object') return false;
  const r = v as Record<string, unknown>;
  return (
    typeof r['key'] === 'string' &&
    typeof r['cents'] === 'number' &&
    typeof r['citation'] === 'string'
  );
}

/** True for a RateFigure. */
export function isRateFigure(v: unknown): v is RateFigure {
  if (v === null || typeof v !== 'object') return false;
  const r = v as Record<string, unknown>;
  return (
    typeof r['key'] === 'string' &&
    typeof r['rate'] === 'number' &&
    typeof r['citation'] === 'string' &&
    typeof r['why'] === 'string'
  );
}
