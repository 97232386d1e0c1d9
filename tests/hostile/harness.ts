/**
 * Running the CLI on generated input and the checks every run must pass: exit 0 or 2 (never an
 * internal error), no stack trace, a refusal that names a place (a field path, a flag, or the
 * file and line), and bounded time. Runs and seed come from the environment so that
 * `npm run fuzz -- --runs N --seed S` runs the same properties longer.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { runCli, type CliResult } from '../helpers/cli.js';
import type { Written } from './arbitraries.js';

/**
 * Generated inputs per property in `npm test`: 7,400 in all, about 12 s of CPU (a run of a
 * command on a generated file costs 1–5 ms), so the suite stays under a minute on a two-core
 * machine other jobs keep busy; the commands that are slow per run (compare, optimize) get
 * fewer, and paychecks (about 70 ms a run: the household engine behind each plan) 150. `npm
 * run fuzz` runs more.
 */
export const DEFAULT_RUNS = {
  plan: 800,
  clocks: 800,
  ledger: 800,
  compare: 400,
  optimize: 500,
  'optimize-household': 100,
  'flags-solo': 1000,
  'flags-tax': 800,
  'flags-form8606': 1000,
  'flags-rollover': 1000,
  'flags-compare': 150,
  'flags-optimize': 100,
  paychecks: 150,
} as const;

const DEFAULT_TOTAL = Object.values(DEFAULT_RUNS).reduce((s, n) => s + n, 0);

/**
 * Runs of a property: its default, or its share of MEGAROTH_FUZZ_RUNS inputs in all
 * (`npm run fuzz -- --runs N` spreads N over the properties as the defaults do).
 */
export function runs(property: keyof typeof DEFAULT_RUNS): number {
  const total = Number(process.env['MEGAROTH_FUZZ_RUNS']);
  const normal = DEFAULT_RUNS[property];
  if (!Number.isInteger(total) || total <= 0) return normal;
  return Math.max(1, Math.round((normal * total) / DEFAULT_TOTAL));
}

/** The seed of every property (MEGAROTH_FUZZ_SEED, default fixed: the suite is repeatable). */
export const SEED = Number(process.env['MEGAROTH_FUZZ_SEED'] ?? 1104);

/** A run of the CLI on generated input never takes longer than this (milliseconds). */
export const MAX_RUN_MS = 3_000;

/** How long a property with `n` runs may take in vitest: generously, for a busy machine. */
export function timeoutFor(n: number): number {
  return Math.max(120_000, n * 250);
}

/**
 * Runs `megaroth COMMAND --help` once, so the command's modules are loaded before runs are
 * timed (the first run of a command loads zod and the engine: seconds on a busy machine).
 */
export async function warmUp(command: string): Promise<void> {
  await runCli([command, '--help']);
}

/** A temporary directory for the generated files, removed by `done`. */
export function tempDir(name: string): { dir: string; done: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `megaroth-${name}-`));
  return {
    dir,
    done: () => {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Outcome extends CliResult {
  readonly ms: number;
  /** The name the file is reported under ('' for none). */
  readonly source: string;
  /** The words of the command line (a problem may name one of them, a file). */
  readonly args?: readonly string[];
}

/**
 * Runs `megaroth COMMAND FILE ARGS` on `input`, written to `name.EXT` in `dir`, or given on
 * standard input as `-` when `stdin` is set.
 */
export async function runOn(
  dir: string,
  command: string,
  name: string,
  input: Written,
  args: readonly string[] = [],
  stdin = false,
): Promise<Outcome> {
  const file = `${name}.${input.ext}`;
  if (!stdin) writeFileSync(join(dir, file), input.text);
  const t0 = performance.now();
  const r = stdin
    ? await runCli([command, '-', ...args], dir, input.text)
    : await runCli([command, file, ...args], dir);
  return { ...r, ms: performance.now() - t0, source: stdin ? '(standard input)' : file };
}

/** Runs `megaroth ARGS` and times it. */
export async function runArgs(args: readonly string[]): Promise<Outcome> {
  const t0 = performance.now();
  const r = await runCli(args);
  return { ...r, ms: performance.now() - t0, source: '', args };
}

const STACK_LINE = /^\s+at .+(:\d+:\d+\)?|\(native\))$/m;

/**
 * The checks every run passes: exit 0 or 2, no stack trace or internal error, bounded time; a
 * refusal starts `error:` and its first problem names a place — a field path, a flag, or the
 * file (with its line when the problem is in the text) — or is the option parser's one-line
 * usage error naming the option.
 */
export function expectHandled(o: Outcome, what: string): void {
  const context = `${what}\n--- stderr ---\n${o.stderr.slice(0, 2000)}`;
  expect([0, 2], context).toContain(o.code);
  expect(o.stderr, context).not.toMatch(STACK_LINE);
  expect(o.stderr, context).not.toMatch(/internal error/);
  expect(o.ms, context).toBeLessThan(MAX_RUN_MS);
  if (o.code !== 2) return;
  const lines = o.stderr.split('\n');
  expect(lines[0], context).toMatch(/^error: /);
  // a usage error from the option parser names the option or argument in its one line
  if (!/^error: (invalid input|\d+ problems in the input)$/.test(lines[0] ?? '')) {
    expect(lines[0], context).toMatch(
      /^error: (required option '--|option '--|unknown option '-|missing required argument '|too many arguments|unknown command ')/,
    );
    return;
  }
  const first = /^ {2}(.+?): (.+)$/.exec(lines[1] ?? '');
  expect(first, context).not.toBeNull();
  const place = first?.[1] ?? '';
  if (o.args?.includes(place)) return; // a file named on the command line
  if (o.source && place.startsWith(o.source)) {
    expect(place, context).toMatch(new RegExp(`^${escape(o.source)}(:\\d+)?(: .+)?$`));
  } else {
    // a field path (people[0].birthDate, plans.k0.match) or a flag (--net-profit)
    expect(place, context).toMatch(/^(--[a-z0-9-]+|[A-Za-z_$][^\s:]*(\[\d+\][^\s:]*)*)$/);
  }
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Cents of a JSON dollar amount. */
export const c = (dollars: number): number => Math.round(dollars * 100);
