/**
 * The scenario's `assumptions` block: what no tax rule gives and the projections of `plan`
 * ("what it's worth"), `compare` and `optimize` need — state income tax rates now and in
 * retirement, the return, its volatility, inflation, the dividend yield, the tax rate or the
 * taxable income in retirement, whether the taxable account pays the NIIT (IRC 1411) and the
 * plan's end age. Percents as in the rest of the scenario (0 to 100, read as exact rates); a
 * field left out takes its default (`project/assumptions.ts`).
 */
import { z } from 'zod';
import { MAX_STATE_RATE } from '../tax/state.js';
import { formatUsd, PERCENT_PLACES, percentToRate, type Rate } from '../money.js';
import { DEFAULT_ASSUMPTIONS as D } from '../project/assumptions.js';

/** A signed percent from `min` to `max` (a return or inflation can be negative). */
function signedPercent(min: number, max: number) {
  const range = `must be from ${String(min)} to ${String(max)}`;
  return z
    .number({ error: `expected a percent (a number from ${String(min)} to ${String(max)})` })
    .min(min, range)
    .max(max, range)
    .refine(
      (n) => percentToRate(n) !== undefined,
      `must have at most ${String(PERCENT_PLACES)} decimals`,
    )
    .transform((n): Rate => percentToRate(n) ?? { num: 0, den: 1 });
}

/** The ranges, in percent, that a long-run projection accepts (`project/inputs.ts`). */
export const ASSUMPTION_PERCENT_RANGES = {
  /** A flat state rate (`tax/state.ts`: `MAX_STATE_RATE`), now or in retirement. */
  stateIncomeTaxRate: [0, MAX_STATE_RATE * 100],
  /** A federal marginal rate in retirement: with the state rate at most the 70% the projection takes. */
  retirementTaxRate: [0, 50],
  expectedReturn: [-20, 20],
  volatility: [0, 60],
  inflation: [-5, 15],
  dividendYield: [0, 10],
} as const;

const r = ASSUMPTION_PERCENT_RANGES;

/** A default rate as the percent a scenario writes: 0.025 → "2.5". */
const pct = (rate: number): string => String(Math.round(rate * 1e6) / 1e4);

/**
 * The schema of the block, from the scenario's own `money` field (passed in, so
 * that this module and `schema.ts` do not import each other).
 */
export function assumptionsSchema(parts: { readonly money: z.ZodType<number, number> }) {
  const { money } = parts;
  return z
    .strictObject({
      stateIncomeTaxRate: signedPercent(r.stateIncomeTaxRate[0], r.stateIncomeTaxRate[1])
        .optional()
        .describe(
          `State (and local) marginal income tax rate now, percent (default ${pct(D.stateIncomeTaxRate)})`,
        ),
      retirementStateIncomeTaxRate: signedPercent(r.stateIncomeTaxRate[0], r.stateIncomeTaxRate[1])
        .optional()
        .describe(
          'State marginal income tax rate in retirement, for someone who plans to move (default: stateIncomeTaxRate)',
        ),
      expectedReturn: signedPercent(r.expectedReturn[0], r.expectedReturn[1])
        .optional()
        .describe(`Expected nominal yearly return, percent (default ${pct(D.expectedReturn)})`),
      volatility: signedPercent(r.volatility[0], r.volatility[1])
        .optional()
        .describe(
          `Standard deviation of the yearly return, percent (default ${pct(D.volatility)})`,
        ),
      inflation: signedPercent(r.inflation[0], r.inflation[1])
        .optional()
        .describe(`Yearly inflation, percent (default ${pct(D.inflation)})`),
      dividendYield: signedPercent(r.dividendYield[0], r.dividendYield[1])
        .optional()
        .describe(
          `Dividend yield of a taxable account, taxed each year, percent (default ${pct(D.dividendYield)})`,
        ),
      retirementTaxRate: signedPercent(r.retirementTaxRate[0], r.retirementTaxRate[1])
        .optional()
        .describe(
          'Federal marginal income tax rate on withdrawals in retirement, percent; instead of retirementTaxableIncome',
        ),
      retirementTaxableIncome: money
        .optional()
        .describe(
          `Taxable income in retirement in today’s dollars; its federal bracket taxes withdrawals (default ${formatUsd(D.retirementTaxableIncome ?? 0)})`,
        ),
      taxableAccountPaysNiit: z
        .boolean({ error: 'expected true or false' })
        .optional()
        .describe(
          'Whether the taxable account’s dividends and gains pay the NIIT (default: when the household’s MAGI is above the IRC 1411 threshold)',
        ),
      planEndAge: z
        .number({ error: 'expected an age (a whole number)' })
        .int('must be a whole number')
        .min(1, 'must be from 1 to 130')
        .max(130, 'must be from 1 to 130')
        .optional()
        .describe(`Age at which the plan’s withdrawals end (default ${String(D.planEndAge)})`),
    })
    .refine((a) => a.retirementTaxRate === undefined || a.retirementTaxableIncome === undefined, {
      error:
        'give retirementTaxRate or retirementTaxableIncome, not both: the rate is used as given, the income sets the rate by its bracket',
      path: ['retirementTaxRate'],
    });
}

export type ScenarioAssumptions = z.output<ReturnType<typeof assumptionsSchema>>;

/** A person's planned retirement age (`people[].retirementAge`). */
export const retirementAge = z
  .number({ error: 'expected an age (a whole number)' })
  .int('must be a whole number')
  .min(1, 'must be from 1 to 120')
  .max(120, 'must be from 1 to 120')
  .describe(`The age at which the person plans to retire (default ${String(D.retirementAge)})`);
