/** The messages between the ACP test page and its worker (the `acp` report). */
import type { InputIssue } from '../../../src/engine/errors.js';
import type { AcpReport } from '../../../src/engine/report/acp.js';

export type CensusSource =
  | { readonly kind: 'generate'; readonly employees: number; readonly seed: number }
  | { readonly kind: 'file'; readonly file: File };

export interface AcpRequest {
  readonly source: CensusSource;
  readonly year: number;
  readonly safeHarbor: boolean;
  /** Test the rows that can be used and list the others (`--skip-bad-rows`). */
  readonly skipBadRows: boolean;
}

/** Refund rows sent to the page (the CLI prints the same number by default, `--refunds 20`). */
export const REFUND_ROWS = 20;

export type AcpMessage =
  | { readonly type: 'progress'; readonly done: number; readonly stage: 'reading' | 'testing' }
  | {
      readonly type: 'done';
      /** The report with its first REFUND_ROWS refunds and census problems. */
      readonly report: AcpReport;
      readonly refundCount: number;
      readonly problemCount: number;
    }
  | { readonly type: 'error'; readonly issues: readonly InputIssue[] };
