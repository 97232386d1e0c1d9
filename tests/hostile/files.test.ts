/**
 * The hostile-input suite for the commands that read a file (issue 11): thousands of generated
 * inputs per command — valid ones (checked against the report's invariants), valid ones with one
 * field replaced by a hostile value, damaged texts and hostile texts — each run in-process on a
 * file (or on standard input as `-`). Every run exits 0 or 2, never with a stack trace, in
 * bounded time; a refusal names the field path or the file and line.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  compareInputs,
  damaged,
  history,
  hostileText,
  household,
  ledger,
  ledgerCsv,
  mutated,
  optimizeInputs,
  write,
  type Written,
} from './arbitraries.js';
import { payrollScenario } from './payroll.js';
import { expectHandled, runOn, runs, SEED, tempDir, timeoutFor, warmUp } from './harness.js';
import {
  expectClocksInvariants,
  expectCompareInvariants,
  expectLedgerInvariants,
  expectOptimizeInvariants,
  expectPlanInvariants,
} from './invariants.js';

const { dir, done } = tempDir('hostile');
afterAll(done);

/** A generated input: written text, and the data when it is valid (its invariants apply). */
interface Case<T> {
  readonly input: Written;
  readonly valid?: T;
  readonly stdin: boolean;
}

const format = fc.constantFrom<'yaml' | 'json'>('yaml', 'json');

/** Valid data, the same mutated or damaged, and hostile texts, in the given proportions. */
function cases<T>(valid: fc.Arbitrary<T>, weights = { valid: 3, bad: 5 }): fc.Arbitrary<Case<T>> {
  const written = fc.tuple(valid, format).map(([d, f]) => write(d, f));
  return fc
    .tuple(
      fc.oneof(
        {
          weight: weights.valid,
          arbitrary: fc.tuple(valid, format).map(([d, f]) => ({ input: write(d, f), valid: d })),
        },
        {
          weight: weights.bad,
          arbitrary: fc.tuple(mutated(valid), format).map(([d, f]) => ({ input: write(d, f) })),
        },
        { weight: weights.bad, arbitrary: damaged(written).map((input) => ({ input })) },
        { weight: weights.bad, arbitrary: hostileText.map((input) => ({ input })) },
      ),
      fc.integer({ min: 0, max: 9 }),
    )
    .map(([k, n]) => ({ ...k, stdin: n === 0 }));
}

/** Runs `command` on each case: the common checks, then `check` on a valid case's JSON. */
async function property<T>(
  command: string,
  arb: fc.Arbitrary<Case<T>>,
  n: number,
  args: readonly string[],
  check: (json: never, valid: T, stdout: string) => void,
): Promise<void> {
  let valid = 0;
  await warmUp(command);
  await fc.assert(
    fc.asyncProperty(arb, async (k) => {
      const o = await runOn(dir, command, command, k.input, args, k.stdin);
      expectHandled(o, `${command} on:\n${k.input.text.slice(0, 3000)}`);
      if (k.valid === undefined) return;
      valid++;
      expect(o.code, `a valid input runs:\n${o.stderr}\n${k.input.text}`).toBe(0);
      check(JSON.parse(o.stdout) as never, k.valid, o.stdout);
    }),
    { numRuns: n, seed: SEED },
  );
  expect(valid, 'some generated inputs were valid').toBeGreaterThan(n / 20);
}

describe('hostile input: every file command', () => {
  const plan = runs('plan');
  it(
    'plan: exit 0 with the 402(g) / 415(c) invariants, or exit 2 naming the place',
    async () => {
      await property('plan', cases(household), plan, ['--json'], (j) => {
        expectPlanInvariants(j);
      });
    },
    timeoutFor(plan),
  );

  const clocks = runs('clocks');
  it(
    'clocks: exit 0 with tranches adding up, or exit 2 naming the place',
    async () => {
      await property('clocks', cases(history), clocks, ['--json'], (j) => {
        expectClocksInvariants(j);
      });
    },
    timeoutFor(clocks),
  );

  const compare = runs('compare');
  it(
    'compare: exit 0 with ordered percentiles and no negative wealth, or exit 2',
    async () => {
      const inputs = fc.oneof(compareInputs, household) as fc.Arbitrary<unknown>;
      const args = ['--json', '--paths', '25'];
      await property('compare', cases(inputs), compare, args, (j, _v, out) => {
        expectCompareInvariants(j, out);
      });
    },
    timeoutFor(compare),
  );

  const optimize = runs('optimize');
  it(
    'optimize: exit 0 with every amount in whole cents within its limit, or exit 2',
    async () => {
      await property('optimize', cases(optimizeInputs), optimize, ['--json'], (j, input) => {
        expectOptimizeInvariants(j, input);
      });
    },
    timeoutFor(optimize),
  );

  const onHousehold = runs('optimize-household');
  it(
    'optimize on a household: exit 0 with the whole budget to the cent, or exit 2',
    async () => {
      const arb = cases(household, { valid: 1, bad: 0 });
      await property('optimize', arb, onHousehold, ['--json'], (j) => {
        const r = j as { budget: number; budgetUsed: number };
        expect(r.budgetUsed).toBe(r.budget);
      });
    },
    timeoutFor(onHousehold),
  );

  const paychecks = runs('paychecks');
  it(
    'paychecks: exit 0 never past 402(g) and warning of negative net pay, or exit 2 naming the place',
    async () => {
      await property('paychecks', cases(payrollScenario), paychecks, ['--json'], (j) => {
        const r = j as {
          people: { target: number; yearToDate: number; otherPlans: number }[];
          paychecks: { date: string; ytdDeferrals: number; netPay: number }[];
          findings: { severity: string; message: string }[];
        };
        for (const p of r.people) {
          const cap = Math.max(p.target, p.yearToDate + p.otherPlans);
          for (const c of r.paychecks) expect(c.ytdDeferrals).toBeLessThanOrEqual(cap);
        }
        for (const c of r.paychecks)
          if (c.netPay < 0)
            expect(
              r.findings.some((f) => f.severity === 'warning' && f.message.includes(c.date)),
            ).toBe(true);
      });
    },
    timeoutFor(paychecks),
  );

  const ledgers = runs('ledger');
  it(
    'ledger (YAML, JSON and CSV): exit 0 with sources and funds adding up, or exit 2 at file:line',
    async () => {
      const csv = ledger.map((l) => ({
        input: { text: ledgerCsv(l), ext: 'csv' as const },
        valid: l,
      }));
      const arb = fc.oneof(
        cases(ledger, { valid: 4, bad: 3 }),
        fc.tuple(csv, fc.boolean()).map(([k, stdin]) => ({ ...k, stdin })),
      );
      let ran = 0;
      await warmUp('ledger');
      await fc.assert(
        fc.asyncProperty(arb, async (k) => {
          const o = await runOn(dir, 'ledger', 'ledger', k.input, ['--json'], k.stdin);
          expectHandled(o, `ledger on:\n${k.input.text.slice(0, 3000)}`);
          if (k.valid === undefined) return;
          if (o.code === 2) {
            // an impossible transaction (more out than is in): refused at its line
            expect(o.stderr).toMatch(/^ {2}(ledger\.\w+|\(standard input\)):\d+: /m);
            return;
          }
          ran++;
          expectLedgerInvariants(JSON.parse(o.stdout) as never, Object.keys(k.valid.plan.funds));
        }),
        { numRuns: ledgers, seed: SEED },
      );
      expect(ran, 'some generated ledgers ran').toBeGreaterThan(ledgers / 20);
    },
    timeoutFor(ledgers),
  );
});
