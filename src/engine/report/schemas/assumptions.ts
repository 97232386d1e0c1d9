/**
 * JSON Schema of the planning assumptions (each with its value and source) and the trade-offs
 * section, shared by `plan` (worth), `compare` and `optimize` (household).
 */
import { z } from 'zod';
import { dollars, rate } from './common.js';

const entry = (value: z.ZodType) =>
  z.strictObject({
    label: z.string(),
    value,
    source: z.enum(['default', 'file', 'flag']),
    why: z.string(),
  });

/** Each assumption: a rate, dollars, an age or yes/no, with where it came from. */
export const assumptionEntries = z.strictObject({
  stateIncomeTaxRate: entry(rate),
  retirementStateIncomeTaxRate: entry(rate),
  expectedReturn: entry(rate),
  volatility: entry(rate),
  inflation: entry(rate),
  dividendYield: entry(rate),
  retirementTaxRate: entry(rate.nullable()),
  retirementTaxableIncome: entry(dollars.nullable()),
  taxableAccountPaysNiit: entry(z.boolean()),
  retirementAge: entry(z.number().int()),
  planEndAge: entry(z.number().int()),
  capitalGainsFederalRate: entry(rate),
});

const tradeOff = z.strictObject({
  compares: z.string(),
  applies: z.boolean(),
  amount: dollars.nullable(),
  breakEvenRetirementRate: rate.nullable(),
  ahead: z
    .enum(['employer', 'afterTax', 'preTax', 'roth', 'fullMbr', 'rothLite', 'even'])
    .nullable(),
  difference: dollars.nullable(),
  summary: z.string(),
});

/** The three trade-offs, each labelled with what it compares. */
export const tradeOffs = z.strictObject({
  employerVsAfterTax: tradeOff,
  preTaxVsRoth: tradeOff,
  fullVsRothLite: tradeOff,
});
