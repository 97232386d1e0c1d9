/**
 * A progress bar for long runs, drawn on stderr only when stdout is a terminal and the output
 * is for people (never with --json or --csv, never in tests: their Io is not a TTY).
 */
import type { Io } from './io.js';

export interface Progress {
  /** Shows the share done (0–1). */
  update(done: number): void;
  /** Clears the bar. */
  finish(): void;
}

const WIDTH = 30;

/** A bar labelled `label`; a no-op unless `io.isTTY` and `enabled`. */
export function progressBar(io: Io, label: string, enabled: boolean): Progress {
  if (!io.isTTY || !enabled) return { update: () => undefined, finish: () => undefined };
  let last = -1;
  return {
    update(done: number): void {
      const filled = Math.max(0, Math.min(WIDTH, Math.round(done * WIDTH)));
      if (filled === last) return;
      last = filled;
      const pct = String(Math.round(done * 100)).padStart(3);
      io.err(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${pct}%`);
    },
    finish(): void {
      if (last >= 0) io.err(`\r${' '.repeat(label.length + WIDTH + 8)}\r`);
    },
  };
}
