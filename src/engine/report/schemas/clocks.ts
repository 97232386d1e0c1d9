/**
 * JSON Schema of `megaroth clocks FILE --json` (five-year clocks, ordering, every tax year with
 * a distribution aggregated with its Form 8606 Part III, a planned withdrawal).
 */
import { z } from 'zod';
import { dollars, rate, reportSchema } from './common.js';

const date = z.string().meta({ description: 'a date written YYYY-MM-DD' });
const kind = z.enum(['regular', 'conversion-taxable', 'conversion-nontaxable', 'earnings']);
const exception = z.string().nullable().meta({ description: 'an exception named in the history' });
const skippable = dollars.nullable();
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
  years: z.array(
    z.strictObject({
      year: z.number().int(),
      distributions: z.array(
        z.strictObject({
          date,
          planned: z.boolean(),
          amount: dollars,
          qualified: z.boolean(),
          exception,
          firstHome: dollars,
          taxable: dollars,
          additionalTax: dollars,
        }),
      ),
      total: dollars,
      regularContributions: dollars,
      conversions: dollars,
      tranches: z.array(
        z.strictObject({
          kind,
          year: z.number().int().nullable(),
          amount: dollars,
          taxable: dollars,
          additionalTax: dollars,
        }),
      ),
      form8606: z
        .strictObject({
          line19: dollars,
          line20: dollars,
          line21: dollars,
          line22: skippable,
          line23: skippable,
          line24: skippable,
          line25a: skippable,
          line25b: skippable,
          line25c: skippable,
        })
        .nullable(),
      taxable: dollars,
      subjectToAdditionalTax: dollars,
      exempt: dollars,
      additionalTax: dollars,
    }),
  ),
  withdrawal: z
    .strictObject({
      date,
      year: z.number().int(),
      amount: dollars,
      qualified: z.boolean(),
      marginalRate: rate.nullable(),
      tranches: z.array(
        z.strictObject({
          kind,
          part: z.enum(['nonqualified', 'first-home', 'qualified']),
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
