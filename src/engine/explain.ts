/**
 * The report model's unit of explanation: a figure in cents with the rule that produced it,
 * the citation, and the inputs it used. The CLI prints these with `--explain`; JSON output
 * carries them under `explain`.
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
}

/** Builds a Figure. */
export function figure(
  key: string,
  label: string,
  amount: Cents,
  why: string,
  citation: string,
): Figure {
  return { key, label, cents: amount, why, citation };
}
