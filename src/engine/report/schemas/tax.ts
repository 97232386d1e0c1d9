/** JSON Schema of `megaroth tax --json` (federal ordinary income tax by bracket). */
import { z } from 'zod';
import { FILING_STATUSES } from '../../tax/filing-status.js';
import { dollars, rate, reportSchema } from './common.js';

const bracket = z.strictObject({
  rate,
  from: dollars,
  to: dollars.nullable(),
  income: dollars,
  tax: dollars,
});

export const taxJson = reportSchema('tax', {
  year: z.number().int(),
  status: z.enum(FILING_STATUSES),
  taxableIncome: dollars,
  tax: dollars,
  marginalRate: rate,
  averageRate: rate,
  standardDeduction: dollars,
  brackets: z.array(bracket),
});
