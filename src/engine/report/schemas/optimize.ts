/** JSON Schema of `megaroth optimize --json` (the best split of a yearly budget). */
import { z } from 'zod';
import { household } from './compare.js';
import { dollars, rate, reportSchema } from './common.js';

export const optimizeJson = reportSchema('optimize', {
  budget: dollars,
  assumptions: z.strictObject({
    years: z.number().int(),
    withdrawalYears: z.number().int(),
    expectedReturn: rate,
    inflation: rate,
    currentRate: rate,
    retirementRate: rate,
    capitalGainsRate: rate,
    dividendYield: rate,
  }),
  household,
  plans: z.array(
    z.strictObject({
      plan: z.string(),
      preTax: dollars,
      roth: dollars,
      match: dollars,
      afterTax: dollars,
      employer: dollars,
    }),
  ),
  taxable: dollars,
  budgetUsed: dollars,
  endWealth: dollars,
  fixedStrategies: z.strictObject({
    fullMbr: dollars,
    rothLite: dollars,
    preTax: dollars,
    taxable: dollars,
  }),
  choices: z.array(
    z.strictObject({
      key: z.string(),
      label: z.string(),
      amount: dollars,
      valueOverNextBest: dollars,
    }),
  ),
  flips: z.array(
    z.strictObject({
      retirementRate: rate,
      below: z.string(),
      above: z.string(),
      stops: z.array(z.string()),
      starts: z.array(z.string()),
    }),
  ),
  endWealthPerDollarAYear: z
    .strictObject({
      roth: z.number(),
      rothLite: z.number(),
      preTax: z.number(),
      taxable: z.number(),
    })
    .meta({ description: 'end wealth per take-home dollar saved each year (a multiple)' }),
});
