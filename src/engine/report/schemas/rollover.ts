/**
 * JSON Schema of `megaroth rollover --json` (a withdrawal's parts, destinations, tax,
 * withholding and the 10% additional tax on an early distribution).
 */
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
  eligible: z.boolean(),
  withholding: dollars,
  withholdingRule: z.enum(['mandatory', 'under-minimum', 'non-eligible', 'elected-out']),
  check: dollars,
  earlyDistribution: z
    .strictObject({
      subjectTo: dollars,
      exempt: dollars,
      additionalTax: dollars,
      rule: z.enum([
        'nothing-kept',
        'age',
        'separation',
        'exception',
        'partial-exception',
        'early',
      ]),
      exception: z.string().nullable(),
    })
    .nullable(),
});
