/**
 * The hostile-input suite for command-line options (issue 11): for each command, generated
 * option lists — amounts written every way the money rule reads them and every way it refuses
 * (`1e3`, `-5`, `NaN`, 30 digits, …), ages, rates, years, flags given twice or with no value —
 * each run exits 0 or 2 naming the option, never with a stack trace, in bounded time. A solo
 * report that runs adds back to the cent and stays within 415(c).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  c,
  DEFAULT_RUNS,
  expectHandled,
  runArgs,
  runs,
  SEED,
  timeoutFor,
  warmUp,
} from './harness.js';

/** Amounts the money rule reads (`parseDollars`) and ones it refuses. */
const amount = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.integer({ min: 0, max: 50_000_000 }).map((c) => (c / 100).toFixed(2)),
  },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 900_000 }).map(String) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '65,000',
      '65,000.50',
      '$65000',
      '1_000',
      '1e3',
      '-5',
      '-$3',
      '0',
      '0.001',
      '1.005',
      '6,5000',
      '.5',
      '5.',
      'NaN',
      'Infinity',
      '0x10',
      '9'.repeat(30),
      '90071992547409.91',
      '90071992547409.92',
      '',
      ' ',
      'abc',
      '--json',
      '١٢٣',
      '\u0000',
    ),
  },
);

const small = fc.oneof(
  fc.integer({ min: -5, max: 130 }).map(String),
  fc.constantFrom('0.5', '1e2', '', 'x', '65', '50', '18', '120', '2026', '-0'),
);
const rate = fc.oneof(
  fc.integer({ min: -30, max: 130 }).map((r) => (r / 100).toString()),
  fc.constantFrom('0.07', '-0.2', '0.2', '0.21', '0.6', '0.61', '1e-1', 'NaN', '', '7%'),
);
const year = fc.oneof(
  fc.constantFrom('2023', '2024', '2025', '2026'),
  fc.constantFrom('2022', '2027', '1e3', 'x', ''),
);

type Flag = readonly [string, fc.Arbitrary<string> | null];

/** One option as words: the flag and its value (a switch alone). */
const words = ([f, v]: Flag): fc.Arbitrary<string[]> =>
  v ? v.map((x) => [f, x]) : fc.constant([f]);

/**
 * A list of options from `flags`: the first `required` given nine times in ten, each other one
 * time in eight, now and then one given twice or with its value missing, in any order.
 */
function options(flags: readonly Flag[], required: number): fc.Arbitrary<string[]> {
  return fc
    .tuple(
      fc.tuple(
        ...flags.map((f, i) =>
          i < required
            ? fc.option(words(f), { freq: 10 })
            : fc.oneof(
                { weight: 7, arbitrary: fc.constant(null) },
                { weight: 1, arbitrary: words(f) },
              ),
        ),
      ),
      fc.array(fc.constantFrom(...flags).chain(words), { maxLength: 2 }),
      fc.oneof(
        { weight: 9, arbitrary: fc.constant(null) },
        { weight: 1, arbitrary: fc.constantFrom(...flags.map(([f]) => f)) },
      ),
    )
    .chain(([given, twice, bare]) =>
      fc
        .shuffledSubarray([...given.filter((x) => x !== null), ...twice], {
          minLength: given.filter((x) => x !== null).length + twice.length,
        })
        .map((list) => [...list.flat(), ...(bare === null ? [] : [bare])]),
    );
}

/** Each command's options, the ones it needs first (`REQUIRED` says how many). */
const COMMANDS: Readonly<Record<string, readonly Flag[]>> = {
  solo: [
    ['--net-profit', amount],
    ['--year', year],
    ['--s-corp-wages', amount],
    ['--prior-year-fica-wages', amount],
    ['--w2-wages', amount],
    ['--w2-medicare-wages', amount],
    ['--deferrals-elsewhere', amount],
    ['--catch-up-elsewhere', amount],
    ['--403b-additions', amount],
    ['--403b-compensation', amount],
    ['--age', small],
    ['--plan-rate', small],
    ['--roth-deferrals', null],
    ['--rate-rounding', fc.constantFrom('full', 'table', '3', '4', '0', '13', 'x', '')],
    ['--filing-status', fc.constantFrom('single', 'mfj', 'mfs', 'hoh', 'x')],
  ],
  tax: [
    ['--year', year],
    ['--status', fc.constantFrom('single', 'mfj', 'mfs', 'hoh', 'x')],
    ['--taxable-income', amount],
  ],
  form8606: [
    ['--basis', amount],
    ['--contribution', amount],
    ['--converted', amount],
    ['--year-end-balance', amount],
    ['--distributions', amount],
    ['--contributions-next-year', amount],
    ['--worksheet-nontaxable', amount],
    ['--round-ratio', null],
  ],
  rollover: [
    ['--balance', amount],
    ['--after-tax-basis', amount],
    ['--amount', amount],
    ['--to', fc.constantFrom('roth-ira', 'traditional-ira', 'split', 'cash', 'x')],
    ['--separate-after-tax-account', null],
    ['--no-separate-after-tax-account', null],
    ['--after-tax-earnings', amount],
    ['--direct-traditional', amount],
    ['--direct-roth', amount],
    ['--sixty-day-traditional', amount],
    ['--sixty-day-roth', amount],
  ],
  compare: [
    ['--years', small],
    ['--paths', fc.constantFrom('1', '10', '25', '0', '100001', '1e2', 'x')],
    ['--seed', fc.constantFrom('0', '1', '4294967295', '4294967296', '-1', 'x')],
    ['--return', rate],
    ['--volatility', rate],
    ['--csv', null],
  ],
  optimize: [['--budget', amount]],
};

const REQUIRED: Readonly<Record<string, number>> = {
  solo: 1,
  tax: 3,
  form8606: 4,
  rollover: 4,
  compare: 0,
  optimize: 0,
};

interface SoloJson {
  total: number;
  employerContribution: number;
  employeeDeferral: number;
  catchUp: number;
  afterTaxRoom: number;
  limit415c: number;
}

/** solo: the parts add back to the total; without catch-ups it stays within 415(c). */
function expectSoloInvariants(j: SoloJson & { noEmployerContribution: SoloJson }): void {
  for (const x of [j, j.noEmployerContribution]) {
    const parts = [x.employerContribution, x.employeeDeferral, x.catchUp, x.afterTaxRoom];
    for (const p of parts) expect(c(p)).toBeGreaterThanOrEqual(0);
    expect(
      parts.reduce((s, p) => s + c(p), 0),
      'parts add up to the total',
    ).toBe(c(x.total));
    expect(c(x.total) - c(x.catchUp), 'within 415(c)').toBeLessThanOrEqual(c(x.limit415c));
  }
}

describe('hostile input: every command-line option', () => {
  for (const [command, flags] of Object.entries(COMMANDS)) {
    const m = runs(`flags-${command}` as keyof typeof DEFAULT_RUNS);
    it(
      `${command}: exit 0, or exit 2 naming the option`,
      async () => {
        let ran = 0;
        await warmUp(command);
        await fc.assert(
          fc.asyncProperty(
            options(flags, REQUIRED[command] ?? 0),
            fc.boolean(),
            async (opts, json) => {
              const args = [command, ...opts, ...(json ? ['--json'] : [])];
              // a run of compare is kept small unless the options set the paths
              if (command === 'compare' && !opts.includes('--paths')) args.push('--paths', '5');
              const o = await runArgs(args);
              expectHandled(o, args.map((a) => JSON.stringify(a)).join(' '));
              if (o.code !== 0) return;
              ran++;
              if (command === 'solo' && json && !opts.includes('--csv')) {
                expectSoloInvariants(JSON.parse(o.stdout) as never);
              }
            },
          ),
          { numRuns: m, seed: SEED },
        );
        if (m >= 500) expect(ran, 'some generated options ran').toBeGreaterThan(m / 50);
      },
      timeoutFor(m),
    );
  }
});
