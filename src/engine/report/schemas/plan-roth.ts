/** JSON Schema of the plan report's `rothIra` and `rothMoney` sections. */
import { z } from 'zod';
import { dollars } from './common.js';

const phaseOutStatus = z.enum(['full', 'reduced', 'none']);

const backdoor = z.strictObject({
  contribution: dollars,
  conversion: dollars,
  iraBalances: dollars,
  basis: dollars,
  yearEndValue: dollars,
  nontaxable: dollars,
  taxable: dollars,
  basisCarried: dollars,
  taxNow: dollars,
  rollIn: dollars,
  taxableWithRollIn: dollars,
  taxNowWithRollIn: dollars,
  rollInSaves: dollars,
  rollInPlans: z.array(
    z.strictObject({ plan: z.string(), employer: z.string(), accepts: z.enum(['yes', 'ask']) }),
  ),
  rollInBy: z.iso.date(),
});

export const rothIraPerson = z.strictObject({
  person: z.string(),
  name: z.string(),
  magi: dollars,
  magiSource: z.enum(['given', 'estimated']),
  compensation: dollars,
  contributionLimit: dollars,
  catchUp: dollars,
  activeParticipant: z.boolean(),
  activePlans: z.array(z.string()),
  roth: z.strictObject({
    rule: z.string(),
    phaseOutStart: dollars,
    phaseOutEnd: dollars,
    status: phaseOutStatus,
    limit: dollars,
    allowed: dollars,
    planned: dollars,
    excess: dollars,
    excessTax: dollars,
  }),
  deduction: z.strictObject({
    rule: z.string(),
    phaseOutStart: dollars.nullable(),
    phaseOutEnd: dollars.nullable(),
    status: phaseOutStatus,
    limit: dollars,
    contribution: dollars,
    deductible: dollars,
    nondeductible: dollars,
  }),
  backdoor: backdoor.nullable(),
  rothLiteKnockOn: z
    .strictObject({ plans: z.array(z.string()), explanation: z.string() })
    .nullable(),
});

export const rothMoneyPerson = z.strictObject({
  person: z.string(),
  name: z.string(),
  items: z.array(
    z.strictObject({
      kind: z.enum([
        'roth-deferral',
        'roth-catch-up',
        'mega-backdoor',
        'mega-backdoor-roth-lite',
        'backdoor-roth-ira',
        'direct-roth-ira',
      ]),
      plan: z.string().nullable(),
      amount: dollars,
      taxNow: dollars,
      rothWhen: z.enum(['this-year', 'at-separation']),
    }),
  ),
  total: dollars,
  taxNow: dollars,
  steps: z.array(z.strictObject({ order: z.number().int(), action: z.string(), by: z.iso.date() })),
});
