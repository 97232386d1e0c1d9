/** JSON Schema of `megaroth ledger FILE --json` (an account by source and fund, basis, events). */
import { z } from 'zod';
import { SOURCES } from '../../ledger/model.js';
import { dollars, reportSchema } from './common.js';

export const ledgerJson = reportSchema('ledger', {
  name: z.string().optional(),
  asOf: z.string(),
  closed: z.boolean(),
  accounting: z.enum(['separate', 'pro-rata']),
  accountingWhy: z.string(),
  total: dollars,
  bySource: z.array(
    z.strictObject({
      source: z.enum(SOURCES),
      value: dollars,
      byFund: z.record(z.string(), dollars),
    }),
  ),
  byFund: z.array(
    z.strictObject({ fund: z.string(), price: z.number(), units: z.number(), value: dollars }),
  ),
  afterTaxBasis: dollars,
  afterTaxEarnings: dollars.nullable(),
  rothBasis: dollars,
  taxableTotal: dollars,
  withholdingTotal: dollars,
  additionalTaxTotal: dollars,
  events: z.array(
    z.strictObject({
      line: z.number().int().nullable(),
      date: z.string(),
      type: z.enum(['contribution', 'price', 'earnings', 'fee', 'convert', 'withdraw', 'separate']),
      amount: dollars,
      taxable: dollars,
      basisOut: dollars,
      withholding: dollars,
      toRothIra: dollars,
      toTraditionalIra: dollars,
      toCash: dollars,
      additionalTax: dollars.nullable(),
      note: z.string(),
    }),
  ),
});
