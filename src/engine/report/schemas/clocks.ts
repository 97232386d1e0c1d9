/** JSON Schema of `megaroth clocks FILE --json` (five-year clocks, ordering, a planned withdrawal). */
import { z } from 'zod';
import { dollars, rate, reportSchema } from './common.js';

const date = z.string().meta({ description: 'a date written YYYY-MM-DD' });
const kind = z.enum(['regular', 'conversion-taxable', 'conversion-nontaxable', 'earnings']);
const clock = {
  startYear: z.number().int(),
  fiveYearsEnd: date,
  qualifiedFrom: date,
};

export const clocksJson = reportSchema('clocks', {
  age59Half: date,
  rothIra: z.strictObject(clock).nullable(),
  plans: z.array(z.strictObject({ plan: z.string(), ...clock })),
  tranches: z.array(
    z.strictObject({
      kind,
      year: z.number().int().nullable(),
      amount: dollars,
      freeFrom: date.nullable(),
    }),
  ),
  withdrawal: z
    .strictObject({
      date,
      amount: dollars,
      qualified: z.boolean(),
      marginalRate: rate.nullable(),
      tranches: z.array(
        z.strictObject({
          kind,
          year: z.number().int().nullable(),
          amount: dollars,
          taxable: dollars,
          additionalTax: dollars,
          incomeTax: dollars.nullable(),
          why: z.string(),
        }),
      ),
      taxable: dollars,
      additionalTax: dollars,
      incomeTax: dollars.nullable(),
    })
    .nullable(),
});
