/** JSON Schema of `megaroth solo --json`, and the form lines it shares with `plan`. */
import { z } from 'zod';
import { FILING_STATUSES } from '../../tax/filing-status.js';
import { dollars, rate, reportSchema } from './common.js';

const lines = <K extends string>(keys: readonly K[]) =>
  z.strictObject(Object.fromEntries(keys.map((k) => [k, dollars])) as Record<K, typeof dollars>);

/** Schedule SE lines 3-13. */
export const scheduleSeLines = lines([
  'line3NetProfit',
  'line4a',
  'line6NetEarnings',
  'line7WageBase',
  'line8dWages',
  'line9WageBaseLeft',
  'line10Oasdi',
  'line11Medicare',
  'line12SeTax',
  'line13Deduction',
] as const);

/** Form 8959 lines 1-13 and 18. */
export const form8959Lines = lines([
  'line1MedicareWages',
  'line5Threshold',
  'line6WagesOverThreshold',
  'line7OnWages',
  'line8SeIncome',
  'line9Threshold',
  'line10Wages',
  'line11ReducedThreshold',
  'line12Excess',
  'line13OnSeIncome',
  'line18Total',
] as const);

/** The Pub 560 Deduction Worksheet for Self-Employed, steps 1-21 (Step 4 a rate). */
export const worksheetLines = lines([
  'step1NetProfit',
  'step2SeTaxDeduction',
  'step3NetEarnings',
  'step5',
  'step6CompLimitTimesPlanRate',
  'step7',
  'step8DollarLimit',
  'step9ElectiveDeferrals',
  'step10',
  'step11',
  'step12HalfOfStep11',
  'maxEmployerContribution',
  'step13EmployerContribution',
  'step14',
  'step15Deferrals',
  'step16',
  'step17CatchUp',
  'step18CatchUp',
  'step19',
  'step20Roth',
  'step21MaxDeduction',
] as const).extend({ step4SelfEmployedRate: rate });

const end = {
  employerContribution: dollars,
  employeeDeferral: dollars,
  catchUp: dollars,
  compensation: dollars,
  limit415c: dollars,
  afterTaxRoom: dollars,
  total: dollars,
  deduction: dollars,
};

export const soloJson = reportSchema('solo', {
  year: z.number().int(),
  business: z.enum(['self-employed', 's-corp']),
  filingStatus: z.enum(FILING_STATUSES),
  netEarningsFromSelfEmployment: dollars,
  seTax: dollars,
  halfSeTaxDeduction: dollars,
  additionalMedicareTaxOnSeIncome: dollars,
  ...end,
  noEmployerContribution: z.strictObject(end),
  deferralLimitLeft: dollars,
  catchUpLimit: dollars,
  catchUpLeft: dollars,
  aggregation: z.strictObject({
    rule: z.enum(['own-limit', '403b-aggregated']),
    applied: z.boolean(),
    dollarLimit: dollars,
    dollarRoomLeft: dollars,
    explanation: z.string(),
    citation: z.string(),
  }),
  tradeOff: z.strictObject({
    deductionGivenUp: dollars,
    extraTotalAtNoEmployerEnd: dollars,
    breakEven: z.string(),
  }),
  scheduleSe: scheduleSeLines.nullable(),
  form8959: form8959Lines.nullable(),
  worksheet: worksheetLines.nullable(),
});
