/**
 * How every command answers: `--json` prints the report through the one serializer
 * (`reportToJson`), `--explain` appends the one explanation printer to the command's text, and
 * otherwise the command's renderer lays the report out as text.
 */
import type { Command } from 'commander';
import { formatUsd } from '../engine/money.js';
import { isFigure } from '../engine/explain.js';
import { figuresOf, reportToJson } from '../engine/report/to-json.js';
import { printJson, type Io } from './io.js';
import { wrap } from './text.js';

export interface ReportOutputOptions {
  readonly json?: boolean;
  readonly explain?: boolean;
}

/** Adds `--json` and `--explain` to a command. */
export function withReportOptions(cmd: Command): Command {
  return cmd
    .option(
      '--json',
      'print the report as JSON (money in dollars with cents; `explain` holds each figure’s rule and citation)',
    )
    .option('--explain', 'print each figure with the rule, inputs and citation behind it');
}

/** Formats a rate (decimal fraction) as a percentage with up to 4 decimals. */
export function formatRate(rate: number): string {
  const pct = Math.round(rate * 1e6) / 1e4;
  return `${String(pct)}%`;
}

/**
 * The `--explain` block: every figure of the report in document order. A key shared by the rows
 * of a table (one rule per column) is explained once, at its first row.
 */
export function explainText(report: object): string {
  const out = ['How each figure was computed'];
  const figures = figuresOf(report);
  const rows = new Map<string, number>();
  for (const f of figures) rows.set(f.key, (rows.get(f.key) ?? 0) + 1);
  const done = new Set<string>();
  for (const f of figures) {
    if (done.has(f.key)) continue;
    done.add(f.key);
    const n = rows.get(f.key) ?? 1;
    out.push(
      `  ${f.key} = ${isFigure(f) ? formatUsd(f.cents) : formatRate(f.rate)}${n > 1 ? ` (first of ${String(n)} rows)` : ''}`,
    );
    if (f.why) out.push(wrap(f.why, '      why: ', '        '));
    if (f.inputs && f.inputs.length > 0)
      out.push(wrap(f.inputs.join(', '), '      from: ', '        '));
    out.push(wrap(f.citation, '      source: ', '        '));
  }
  return `${out.join('\n')}\n`;
}

/** Prints a report: JSON, or the command's text with the explanation block after it. */
export function printReport<R extends object>(
  io: Io,
  report: R,
  opts: ReportOutputOptions,
  render: (r: R) => string,
): void {
  if (opts.json) {
    printJson(io, reportToJson(report));
    return;
  }
  io.out(render(report));
  if (opts.explain) io.out(`\n${explainText(report)}`);
}
