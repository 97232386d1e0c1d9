/**
 * The ledger transaction-file model, validated with zod: plan settings (opening date, funds and
 * their prices, which sources may be converted or withdrawn in service, whether after-tax money
 * is its own source, the participant's birth date for the 10% additional tax) and dated
 * transactions, each with the file line it came from.
 */
import { z } from 'zod';
import { PLAN_EXCEPTIONS, type EarlyExceptionName } from '../distributions/early-tax.js';
import { isIsoDate } from '../dates.js';
import {
  dollarsToCents,
  MAX_AMOUNT,
  maxAmountMessage,
  parseDollars,
  type Cents,
} from '../money.js';

/** Money sources of a plan account. */
export const SOURCES = ['pretax', 'roth', 'employer', 'aftertax', 'irr'] as const;
export type Source = (typeof SOURCES)[number];

/** Sources in the designated Roth account (a separate contract, IRC 402A(d)(4)). */
export const ROTH_SOURCES: readonly Source[] = ['roth', 'irr'];

/** Human names of the sources. */
export const SOURCE_LABELS: Readonly<Record<Source, string>> = {
  pretax: 'Pre-tax deferrals',
  roth: 'Roth deferrals',
  employer: 'Employer contributions',
  aftertax: 'After-tax contributions and their earnings',
  irr: 'In-plan Roth conversions',
};

/** Destinations of a withdrawal or distribution. */
export const DESTINATIONS = ['cash', 'roth-ira', 'traditional-ira', 'split'] as const;

const date = z
  .string({ error: 'expected a date written YYYY-MM-DD' })
  .refine(isIsoDate, { error: 'expected a real date written YYYY-MM-DD' });

/**
 * Dollars as a number or as text read by the one money rule, `parseDollars` ("12000",
 * "$12,000.50", "12_000") → cents; negative amounts and fractions of a cent are refused.
 */
const money = z
  .union([z.number(), z.string()], { error: 'expected an amount in dollars' })
  .transform((v, ctx): Cents => {
    const c = typeof v === 'number' ? dollarsToCents(v) : parseDollars(v);
    if (c === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: `expected dollars with at most 2 decimals (12000, 12,000.50 or $12000), got "${String(v)}"`,
      });
      return z.NEVER;
    }
    if (c < 0) {
      ctx.addIssue({ code: 'custom', message: `must not be negative, got ${String(v)}` });
      return z.NEVER;
    }
    if (c > MAX_AMOUNT) {
      ctx.addIssue({ code: 'custom', message: `${maxAmountMessage()}, got ${String(v)}` });
      return z.NEVER;
    }
    return c;
  });

/**
 * A unit price in dollars with up to 4 decimals → ten-thousandths of a dollar, exact. A price is
 * not an amount of money (it is quoted to more places than a cent), so it is not read with
 * `parseDollars`.
 */
function parsePrice(text: string): number | undefined {
  const m = /^(\d{1,9})(?:\.(\d{1,4}))?$/.exec(text);
  return m ? Number(m[1]) * 10_000 + Number((m[2] ?? '').padEnd(4, '0')) : undefined;
}

const price = z
  .union([z.number(), z.string()], { error: 'expected a price in dollars' })
  .transform((v, ctx): number => {
    const p = parsePrice(String(v).trim().replace(/^\$/, ''));
    if (p === undefined || p <= 0) {
      ctx.addIssue({
        code: 'custom',
        message: `expected a positive price with at most 4 decimals, got "${String(v)}"`,
      });
      return z.NEVER;
    }
    return p;
  });

const source = z.enum(SOURCES, {
  error: (iss) => `unknown source ${JSON.stringify(iss.input)}; sources: ${SOURCES.join(', ')}`,
});
const fund = z.string({ error: 'expected a fund name' }).min(1);
const to = z.enum(DESTINATIONS, {
  error: (iss) =>
    `unknown destination ${JSON.stringify(iss.input)}; allowed: ${DESTINATIONS.join(', ')}`,
});

export const planSchema = z.strictObject({
  name: z.string().optional(),
  opened: date,
  /** true: after-tax money is its own source (72(d)(2)); false: pooled (72(e)(8)); not written: its own source. */
  separateAfterTaxAccount: z.boolean().optional(),
  /** The participant's birth date: the 10% additional tax on early distributions (IRC 72(t)). */
  birthDate: date.optional(),
  /** A qualified public safety employee: the separation exception from age 50 (IRC 72(t)(10)). */
  publicSafetyEmployee: z.boolean().optional(),
  allowConversion: z.array(source).default(['aftertax']),
  allowWithdrawal: z.array(source).default(['aftertax']),
  funds: z.record(z.string().min(1), price).refine((f) => Object.keys(f).length > 0, {
    error: 'declare at least one fund with its unit price',
  }),
});

const base = { date, line: z.number().int().optional() };

/** An exception to the 10% additional tax claimed for a distribution, and the amount it covers. */
const early = {
  exception: z
    .enum(PLAN_EXCEPTIONS as [EarlyExceptionName, ...EarlyExceptionName[]], {
      error: (iss) =>
        `unknown exception ${JSON.stringify(iss.input)}; allowed: ${PLAN_EXCEPTIONS.join(', ')}`,
    })
    .optional(),
  exceptionAmount: money.optional(),
};

export const transactionSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({
      ...base,
      type: z.literal('contribution'),
      source,
      fund: fund.optional(),
      amount: money,
    }),
    z.strictObject({ ...base, type: z.literal('price'), fund, price }),
    z.strictObject({ ...base, type: z.literal('earnings'), fund, amount: money }),
    z.strictObject({ ...base, type: z.literal('fee'), amount: money, fund: fund.optional() }),
    z.strictObject({
      ...base,
      type: z.literal('convert'),
      source,
      amount: z.union([z.literal('all'), money]),
    }),
    z.strictObject({
      ...base,
      type: z.literal('withdraw'),
      source: source.optional(),
      amount: money,
      to: to.default('cash'),
      ...early,
    }),
    z.strictObject({ ...base, type: z.literal('separate'), to: to.default('split'), ...early }),
  ],
  {
    error:
      'unknown transaction type; allowed: contribution, price, earnings, fee, convert, withdraw, separate',
  },
);

export const ledgerFileSchema = z.strictObject({
  plan: planSchema,
  transactions: z.array(transactionSchema).default([]),
});

export type Plan = z.output<typeof planSchema>;
export type Transaction = z.output<typeof transactionSchema>;
export type LedgerFile = z.output<typeof ledgerFileSchema>;
