/**
 * The Roth history model (validated with zod): birth date, Roth IRA regular contributions,
 * conversions and plan rollovers, earlier distributions, designated Roth accounts per plan, and
 * an optional planned withdrawal; a distribution may name an exception to the 10% tax. Amounts
 * are dollars (at most 2 decimals) and become cents.
 */
import { z } from 'zod';
import { InputError, formatPath } from '../errors.js';
import { dollarsToCents, type Cents } from '../money.js';
import { IRA_EXCEPTIONS } from '../distributions/early-tax.js';
import { isIsoDate, type IsoDate } from './dates.js';
import type { RothException } from './ordering.js';

const date = z
  .string({ error: 'expected a date written YYYY-MM-DD' })
  .refine(isIsoDate, { error: 'expected a real date written YYYY-MM-DD' });

const money = z
  .number({ error: 'expected an amount in dollars' })
  .refine((n) => dollarsToCents(n) !== undefined, {
    error: 'expected dollars with at most 2 decimals',
  })
  .refine((n) => n >= 0, { error: 'must not be negative' })
  .transform((n) => dollarsToCents(n) ?? 0);

const year = z.number().int().min(1998, { error: 'Roth IRAs exist from 1998' }).max(2200);

/**
 * Exceptions a distribution can name: death, disability and first-home also make it qualified
 * after five years (IRC 408A(d)(2)(A)); every one is an exception to the 10% tax (IRC 72(t)(2));
 * `other-72t` names another one that covers the whole distribution.
 */
export const EXCEPTIONS: readonly RothException[] = [...IRA_EXCEPTIONS, 'other-72t'];

const exception = z.enum(EXCEPTIONS as [RothException, ...RothException[]], {
  error: (iss) =>
    `unknown exception ${JSON.stringify(iss.input)}; allowed: ${EXCEPTIONS.join(', ')}`,
});

export const rothHistorySchema = z.strictObject({
  birthDate: date,
  rothIra: z
    .strictObject({
      opened: date.optional(),
      contributions: z.array(z.strictObject({ taxYear: year, date, amount: money })).default([]),
      conversions: z
        .array(
          z.strictObject({
            date,
            amount: money,
            /** Part included in income (pre-tax money converted). */
            taxable: money,
            from: z.string().optional(),
          }),
        )
        .default([]),
      rollovers: z
        .array(
          z.strictObject({
            date,
            /** The plan whose designated Roth account was rolled over (see `plans`). */
            fromPlan: z.string().min(1),
            amount: money,
            /** Investment in the contract (designated Roth contributions) in the rollover. */
            basis: money,
          }),
        )
        .default([]),
      /** Earlier distributions (any exception named as for the withdrawal). */
      distributions: z
        .array(
          z.strictObject({
            date,
            amount: money,
            exception: exception.optional(),
            exceptionAmount: money.optional(),
          }),
        )
        .default([]),
    })
    .default({ contributions: [], conversions: [], rollovers: [], distributions: [] }),
  plans: z
    .array(
      z.strictObject({
        name: z.string().min(1),
        /** First year a designated Roth contribution was made to this plan. */
        firstRothYear: year.max(2200),
        /** Direct rollovers into this plan from other plans' designated Roth accounts. */
        rolloversIn: z.array(z.strictObject({ fromPlan: z.string().min(1), date })).default([]),
      }),
    )
    .default([]),
  withdrawal: z
    .strictObject({
      date,
      amount: money,
      /** Roth IRA balance just before the withdrawal (needed when it reaches earnings). */
      balance: money.optional(),
      exception: exception.optional(),
      /** With a limited exception: the amount it covers (first home: the acquisition costs). */
      exceptionAmount: money.optional(),
      /** Marginal income tax rate (decimal, e.g. 0.24) to estimate the income tax per tranche. */
      marginalRate: z
        .number({ error: 'expected a decimal rate such as 0.24' })
        .min(0, { error: 'must be from 0 to 1' })
        .max(1, { error: 'must be from 0 to 1 (a decimal, e.g. 0.24 for 24%)' })
        .optional(),
    })
    .optional(),
});

/** A validated Roth history (amounts in cents). */
export type RothHistory = z.output<typeof rothHistorySchema>;

/** Validates raw data (from YAML/JSON) as a Roth history; issues name the field path. */
export function parseRothHistory(data: unknown, file = ''): RothHistory {
  const r = rothHistorySchema.safeParse(data);
  if (!r.success) {
    throw new InputError(
      r.error.issues.map((i) => ({
        path: [file, formatPath(i.path)].filter(Boolean).join(': '),
        message: i.message,
      })),
    );
  }
  return r.data;
}

export type { Cents, IsoDate };
