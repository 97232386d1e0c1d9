/**
 * A deterministic synthetic census for tests, examples and benchmarks: the same seed gives the
 * same file. Pay is log-normal (median about $62,000, a long upper tail); last year's pay is this
 * year's less a 0–6% raise; a few owners; deferral participation rises with pay; the match is
 * 100% of the first 3% of pay deferred plus 50% of the next 2% (the safe-harbor "basic" shape);
 * after-tax contributions are rare among NHCEs and common among the highest-paid. Not a model
 * of any real employer: realistic enough to exercise the test. Draws come from the project's one
 * PRNG (`project/prng.ts`): uniforms from the seed, and the pay's normal draws from a second
 * stream (the seed XOR `NORMAL_STREAM`), so they never reuse the uniform draws.
 *
 * With `withDeferrals`, the same census (the same draws, the same rows) also has `deferrals`,
 * `birth_date` and `hire_date` for the ADP test, drawn from a third stream (the seed XOR
 * `DEFERRAL_STREAM`): ages 18 to 66, tenure up to 25 years (some hired this year), and each
 * participant's deferral percentage of pay (more for those paid over `HIGH_PAY`), up to the year's
 * 402(g) limit plus the catch-up for the employee's age at December 31.
 */
import { dateParts, isoDate } from '../dates.js';
import { inputError } from '../errors.js';
import { paramsFor, usd } from '../params/index.js';
import { normalGenerator, uniformGenerator } from '../project/prng.js';
import { catchUpLimit } from '../rules/catch-up.js';

/** The most employees a generated census has. */
export const MAX_EMPLOYEES = 10_000_000;

/** XORed into the seed for the normal draws' stream (the first 32 bits of the fraction of √2). */
const NORMAL_STREAM = 0x6a09e667;
/** XORed into the seed for the deferral columns' stream (the same of √3). */
const DEFERRAL_STREAM = 0xbb67ae85;

/**
 * Pay (cents) above which the generated employees are "highly paid" (more after-tax, deferrals).
 * A shape parameter of the synthetic workload, not a tax figure: the HCE test reads the year's
 * threshold from the parameter files; this stays fixed so a seed gives the same census in every
 * tax year (the benchmarks and tests compare runs on it).
 */
const HIGH_PAY = 160_000_00;

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
  /** Add deferrals, birth dates and hire dates for the ADP test of this plan year. */
  readonly withDeferrals?: { readonly year: number };
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
  if (opts.withDeferrals) paramsFor(opts.withDeferrals.year, 'year');
}

/**
 * Yields the census CSV text in chunks (the header first), so a million rows never sit in
 * memory at once. Each chunk ends with a newline. The options are checked at once.
 */
export function generateCensusCsv(opts: GeneratorOptions): Generator<string> {
  checkGeneratorOptions(opts);
  return censusRows(opts);
}

/**
 * The deferral columns of each row (`,deferrals,birth_date,hire_date`), from their own stream:
 * age 18 to 66 at December 31 of `year`, tenure up to 25 years (not before age 18; one in ten
 * hired during the year), deferrals the participant's percentage of pay (capped at 401(a)(17)),
 * up to the 402(g) limit plus the catch-up for the age.
 */
function deferralRow(year: number, seed: number): (pay: number, deferPct: number) => string {
  const rnd = uniformGenerator((seed ^ DEFERRAL_STREAM) >>> 0);
  const p = paramsFor(year, 'year');
  const limit = usd(p.plan.electiveDeferralLimit);
  const payCap = usd(p.plan.compensationLimit);
  const catchUpByAge = (age: number): number => catchUpLimit(p, age).cents;
  const byAge = Array.from({ length: 130 }, (_, age) => catchUpByAge(age));
  const day = (y: number): string => {
    const doy = Math.floor(rnd() * 365);
    const date = new Date(Date.UTC(y, 0, 1 + doy));
    return isoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
  };
  return (pay, deferPct) => {
    const age = 18 + Math.floor(rnd() * 49);
    const birth = day(year - age);
    const tenure = rnd() < 0.1 ? 0 : Math.min(age - 18, Math.floor(rnd() * 26));
    const hire = day(year - tenure);
    const birthYear = dateParts(birth)?.[0] ?? year - age;
    const cap = limit + (byAge[year - birthYear] ?? 0);
    // the highest-paid defer more than the match needs (up to 7 points more): many reach the cap
    const pct = deferPct > 0 && pay > HIGH_PAY ? deferPct + Math.floor(rnd() * 8) : deferPct;
    const deferrals = Math.min(Math.round((Math.min(pay, payCap) * pct) / 100), cap);
    return `,${money(deferrals)},${birth},${hire}`;
  };
}

function* censusRows(opts: GeneratorOptions): Generator<string> {
  const rnd = uniformGenerator(opts.seed);
  const normals = normalGenerator((opts.seed ^ NORMAL_STREAM) >>> 0);
  const normal = (): number => normals.next();
  const chunk = opts.chunkRows ?? 10_000;
  const adp = opts.withDeferrals ? deferralRow(opts.withDeferrals.year, opts.seed) : null;
  yield `${GENERATED_HEADER}${adp ? ',deferrals,birth_date,hire_date' : ''}\n`;
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
    let deferPct = 0;
    if (eligible) {
      const participation = Math.min(0.97, 0.45 + pay / 100 / 400_000);
      if (rnd() < participation) {
        deferPct = 1 + Math.floor(rnd() * 12); // 1..12% of pay
        const capped = Math.min(pay, 350_000_00);
        const matchPct = Math.min(deferPct, 3) + 0.5 * Math.min(Math.max(deferPct - 3, 0), 2);
        match = Math.round((capped * matchPct) / 100);
      }
      const highPaid = pay > HIGH_PAY;
      if (rnd() < (highPaid ? 0.3 : 0.02)) {
        const rate = highPaid ? 4 + rnd() * 14 : 1 + rnd() * 4;
        afterTax = Math.min(Math.round((pay * rate) / 100), 46_000_00);
      }
    }
    const vested = [20, 40, 60, 80, 100, 100, 100][Math.floor(rnd() * 7)] ?? 100;
    lines.push(
      `E${String(n).padStart(7, '0')},${money(pay)},${money(prior)},${String(ownerPct)},${eligible ? 'true' : 'false'},${money(match)},${money(afterTax)},${String(vested)}${adp ? adp(pay, deferPct) : ''}`,
    );
    if (lines.length >= chunk) {
      yield `${lines.join('\n')}\n`;
      lines = [];
    }
  }
  if (lines.length > 0) yield `${lines.join('\n')}\n`;
}
