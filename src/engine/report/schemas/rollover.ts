/** JSON Schema of `megaroth rollover --json` (a withdrawal's parts, destinations, tax, withholding). */
import { z } from 'zod';
import { dollars, reportSchema } from './common.js';

export const rolloverJson = reportSchema('rollover', {
  amount: dollars,
  to: z.enum(['roth-ira', 'traditional-ira', 'split', 'cash', 'custom']),
  accounting: z.enum(['separate', 'pro-rata']),
  accountingWhy: z.string(),
  account: z.strictObject({
    balance: dollars,
    afterTaxBasis: dollars,
    afterTaxEarnings: dollars.nullable(),
  }),
  afterTaxBasis: dollars,
  pretax: dollars,
  toTraditionalIra: dollars,
  traditionalIraBasis: dollars,
  toRothIra: dollars,
  rothIraBasis: dollars,
  toCash: dollars,
  cashBasis: dollars,
  pretaxPaid: dollars,
  taxable: dollars,
  withholding: dollars,
  check: dollars,
});
