/**
 * The one report model every command answers with: money and rates are Figures (each with its
 * rule, citation and inputs), findings are typed, sections are data. `reportToJson` serialises
 * any report; the CLI's `--explain` and the web app walk the same Figures.
 */
export type { Figure, RateFigure } from '../explain.js';

/** Every report the engine produces, by name (`megaroth schema --report NAME`). */
export const REPORT_NAMES = [
  'plan',
  'solo',
  'rollover',
  'form8606',
  'clocks',
  'ledger',
  'acp',
  'acp-participant',
  'tax',
  'compare',
  'optimize',
  'paychecks',
] as const;

export type ReportName = (typeof REPORT_NAMES)[number];

/**
 * What a finding is: an `error` in the input or plan (a limit exceeded), a `warning` (money at
 * risk, a tax cost), a `question` to put to the plan administrator, or `info`.
 */
export type Severity = 'error' | 'warning' | 'question' | 'info';

export interface Finding {
  readonly severity: Severity;
  /** Scenario field or option the finding is about (e.g. `plans[0].deferrals[1].amount`); '' for none. */
  readonly path: string;
  readonly message: string;
  readonly fix?: string;
}

/** Every report carries its name and its findings. */
export interface ReportBase<N extends ReportName = ReportName> {
  readonly report: N;
  readonly findings: readonly Finding[];
}
