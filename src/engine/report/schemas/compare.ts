/** JSON Schema of `megaroth compare --json` (four strategies, deterministic and Monte Carlo). */
import { z } from 'zod';
import { FILING_STATUSES } from '../../tax/filing-status.js';
import { assumptionEntries, tradeOffs } from './assumptions.js';
import { dollars, rate, reportSchema } from './common.js';

/** The household growth inputs were taken from (shared with `optimize`). */
export const household = z
  .strictObject({
    name: z.string().optional(),
    builtInExample: z.boolean(),
    taxYear: z.number().int(),
    filingStatus: z.enum(FILING_STATUSES),
    age: z.number().int(),
    retirementAge: z.number().int(),
    planEndAge: z.number().int(),
    separationYear: z.number().int().nullable(),
    taxableIncome: dollars,
    magi: dollars,
    federalRate: rate,
    stateRate: rate,
    retirementStateRate: rate,
    retirementTaxableIncome: dollars.nullable(),
    retirementFederalRate: rate,
    capitalGainsFederalRate: rate,
    niitRate: rate,
    assumptions: assumptionEntries,
  })
  .nullable();

const strategyId = z.enum(['fullMbr', 'rothLite', 'preTax', 'taxable']);
const percentiles = { p10: dollars, p50: dollars, p90: dollars };

const yearStrategy = z.strictObject({
  roth: dollars,
  preTax: dollars,
  afterTax: dollars,
  taxable: dollars,
  received: dollars,
  wealth: dollars,
  ...percentiles,
});

export const compareJson = reportSchema('compare', {
  inputs: z.strictObject({
    contribution: dollars,
    preTaxRoom: dollars,
    years: z.number().int(),
    contributionYears: z.number().int(),
    separationYears: z.number().int(),
    withdrawalYears: z.number().int(),
    expectedReturn: rate,
    volatility: rate,
    inflation: rate,
    currentRate: rate,
    retirementRate: rate,
    capitalGainsRate: rate,
    dividendYield: rate,
  }),
  household,
  strategies: z.array(
    z.strictObject({
      id: strategyId,
      label: z.string(),
      atRetirement: dollars,
      atEnd: dollars,
      atEndToday: dollars,
      monteCarloEnd: z.strictObject(percentiles),
    }),
  ),
  rothLiteSeparation: z.strictObject({
    toRothIra: dollars,
    toTraditionalIra: dollars,
    taxOnEarnings: dollars,
  }),
  tradeOffs,
  assumptions: assumptionEntries.nullable(),
  monteCarlo: z.strictObject({
    paths: z.number().int(),
    seed: z.number().int(),
    probabilityFullMbrBeats: z.strictObject({ rothLite: rate, preTax: rate, taxable: rate }),
  }),
  years: z.array(
    z.strictObject({
      year: z.number().int(),
      phase: z.enum(['saving', 'withdrawing']),
      strategies: z.strictObject({
        fullMbr: yearStrategy,
        rothLite: yearStrategy,
        preTax: yearStrategy,
        taxable: yearStrategy,
      }),
    }),
  ),
});
