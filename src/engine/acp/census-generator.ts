/**
 * A deterministic synthetic census for tests, examples and benchmarks: the same seed gives the
 * same file. Pay is log-normal (median about $62,000, a long upper tail); last year's pay is this
 * year's less a 0–6% raise; a few owners; deferral participation rises with pay; the match is
 * 100% of the first 3% of pay deferred plus 50% of the next 2% (the safe-harbor "basic" shape);
 * after-tax contributions are rare among NHCEs and common among the highest-paid. Not a model
 * of any real employer: realistic enough to exercise the test. Draws come from the project's one
 * PRNG (`project/prng.ts`): uniforms from the seed, and the pay's normal draws from a second
 * stream (the seed XOR `NORMAL_STREAM`), so they never reuse the uniform draws.
 */
import { inputError } from '../errors.js';
import { normalGenerator, uniformGenerator } from '../project/prng.js';

/** The most employees a generated census has. */
export const MAX_EMPLOYEES = 10_000_000;

/** XORed into the seed for the normal draws' stream (the first 32 bits of the fraction of √2). */
const NORMAL_STREAM = 0x6a09e667;

/** The header the generator writes. */
const GENERATED_HEADER =
  'id,compensation,prior_year_compensation,owner_percent,eligible,match,after_tax,match_vested_percent';

function money(cents: number): string {
  return `${String(Math.floor(cents / 100))}.${String(cents % 100).padStart(2, '0')}`;
}

export interface GeneratorOptions {
  readonly employees: number;
  readonly seed: number;
  /** Rows per yielded chunk of text (default 10,000). */
  readonly chunkRows?: number;
}

/**
 * Checks the options before any text is made: `employees` a whole number from 1 to
 * MAX_EMPLOYEES and `seed` a whole number from 0 to MAX_SEED (InputErrors name the fields).
 */
function checkGeneratorOptions(opts: GeneratorOptions): void {
  const n = opts.employees;
  if (!Number.isInteger(n) || n < 1 || n > MAX_EMPLOYEES) {
    throw inputError(
      'employees',
      `must be a whole number from 1 to ${String(MAX_EMPLOYEES)}, got ${String(n)}`,
    );
  }
  uniformGenerator(opts.seed);
}

/**
 * Yields the census CSV text in chunks (the header first), so a million rows never sit in
 * memory at once. Each chunk ends with a newline. The options are checked at once.
 */
export function generateCensusCsv(opts: GeneratorOptions): Generator<string> {
  checkGeneratorOptions(opts);
  return censusRows(opts);
}

function* censusRows(opts: GeneratorOptions): Generator<string> {
  const rnd = uniformGenerator(opts.seed);
  const normals = normalGenerator((opts.seed ^ NORMAL_STREAM) >>> 0);
  const normal = (): number => normals.next();
  const chunk = opts.chunkRows ?? 10_000;
  yield `${GENERATED_HEADER}\n`;
  let lines: string[] = [];
  for (let n = 1; n <= opts.employees; n++) {
    const owner = rnd() < 0.002;
    const logPay = Math.log(62_000) + 0.55 * normal() + (owner ? 1.2 : 0);
    const pay = Math.max(15_000_00, Math.round(Math.exp(logPay) * 100)); // cents, at least $15,000
    const prior = Math.round(pay / (1 + rnd() * 0.06));
    const ownerPct = owner ? 5 + Math.floor(rnd() * 46) : 0;
    const eligible = rnd() < 0.94;
    let match = 0;
    let afterTax = 0;
    if (eligible) {
      const participation = Math.min(0.97, 0.45 + pay / 100 / 400_000);
      if (rnd() < participation) {
        const deferPct = 1 + Math.floor(rnd() * 12); // 1..12% of pay
        const capped = Math.min(pay, 350_000_00);
        const matchPct = Math.min(deferPct, 3) + 0.5 * Math.min(Math.max(deferPct - 3, 0), 2);
        match = Math.round((capped * matchPct) / 100);
      }
      const highPaid = pay > 160_000_00;
      if (rnd() < (highPaid ? 0.3 : 0.02)) {
        const rate = highPaid ? 4 + rnd() * 14 : 1 + rnd() * 4;
        afterTax = Math.min(Math.round((pay * rate) / 100), 46_000_00);
      }
    }
    const vested = [20, 40, 60, 80, 100, 100, 100][Math.floor(rnd() * 7)] ?? 100;
    lines.push(
      `E${String(n).padStart(7, '0')},${money(pay)},${money(prior)},${String(ownerPct)},${eligible ? 'true' : 'false'},${money(match)},${money(afterTax)},${String(vested)}`,
    );
    if (lines.length >= chunk) {
      yield `${lines.join('\n')}\n`;
      lines = [];
    }
  }
  if (lines.length > 0) yield `${lines.join('\n')}\n`;
}
