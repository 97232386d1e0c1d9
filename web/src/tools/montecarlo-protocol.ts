/** The messages between the Monte Carlo page and its worker (the `compare` report). */
import type { InputIssue } from '../../../src/engine/errors.js';
import type { CompareReport } from '../../../src/engine/report/compare.js';

export interface MonteCarloRequest {
  readonly draft: unknown;
  readonly paths: number;
  readonly seed: number;
  readonly today: string;
}

export type MonteCarloMessage =
  | { readonly type: 'progress'; readonly done: number }
  | { readonly type: 'done'; readonly report: CompareReport }
  | { readonly type: 'error'; readonly issues: readonly InputIssue[] };
