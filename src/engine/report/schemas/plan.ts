/** JSON Schema of `megaroth plan --json` (the household report and "what it's worth"). */
import { z } from 'zod';
import { assumptionEntries, tradeOffs } from './assumptions.js';
import { dollars, rate, reportSchema } from './common.js';
import { FILING_STATUSES } from '../../tax/filing-status.js';
import { form8959Lines, scheduleSeLines, worksheetLines } from './solo.js';
import { rothIraPerson, rothMoneyPerson } from './plan-roth.js';

const verdict = z.strictObject({
  kind: z.enum(['full', 'roth-lite', 'none', 'no-room']),
  withRoom: z.enum(['full', 'roth-lite']).optional(),
  reason: z.string(),
  ask: z.array(z.string()),
  warnings: z.array(z.string()),
});

const tradeOffEnd = z.strictObject({
  employerContribution: dollars,
  deferrals: dollars,
  catchUp: dollars,
  compensation: dollars,
  roomForThisPlan: dollars,
  afterTaxRoom: dollars,
  total: dollars,
  deduction: dollars,
});

const plan = z.strictObject({
  id: z.string(),
  person: z.string(),
  job: z.string(),
  employer: z.string(),
  type: z.enum(['401k', '403b', '457b', 'solo-401k']),
  compensation: dollars,
  formulaCompensation: dollars,
  deferralPreTax: dollars,
  deferralRoth: dollars,
  catchUp: dollars,
  catchUpType: z.enum(['pre-tax', 'roth', 'none']),
  match: dollars,
  nonelective: dollars,
  afterTaxRoom: dollars,
  afterTax: dollars,
  annualAdditions: dollars,
  total: dollars,
  limit415c: dollars,
  otherPlansUnderLimit: dollars,
  limitRule: z.string(),
  verdict,
  selfEmployment: z
    .strictObject({
      netProfit: dollars,
      payroll: z
        .strictObject({
          profitBeforePayroll: dollars,
          wages: dollars,
          employerSocialSecurity: dollars,
          employerMedicare: dollars,
          employerContributions: dollars,
          order: z.string(),
        })
        .optional(),
      netEarningsFromSelfEmployment: dollars,
      seTax: dollars,
      halfSeTaxDeduction: dollars,
      step3: dollars,
      scheduleSe: scheduleSeLines,
      form8959: form8959Lines,
      worksheet: worksheetLines,
    })
    .optional(),
  tradeOff: z
    .strictObject({
      maxEmployer: tradeOffEnd,
      noEmployer: tradeOffEnd,
      explanation: z.string(),
    })
    .optional(),
  acpRisk: z
    .strictObject({
      expectedNhceAcp: z.number(),
      hceAcp: z.number().nullable(),
      hceCount: z.number().int().nullable(),
      acpLimit: z.number(),
      safeHarbor: z.boolean(),
      assumption: z.string(),
      likelyRefund: dollars,
      maxAfterTaxWithoutRefund: dollars,
      explanation: z.string(),
    })
    .optional(),
  cashBalance: z
    .strictObject({
      applies: z.boolean(),
      reason: z.string(),
      contribution: dollars,
      combinedLimit: dollars.nullable(),
      deductible: dollars,
      nondeductible: dollars,
      excise: dollars,
      changes: z.array(z.string()),
    })
    .optional(),
  governmental: z.boolean().optional(),
});

const deferrals457 = z.strictObject({
  limit: dollars,
  catchUpLimit: dollars,
  catchUpKind: z.enum(['none', 'age-50', 'age-60-63', 'special-457']),
  used: dollars,
  catchUpUsed: dollars,
  roomLeft: dollars,
});

const person = z.strictObject({
  id: z.string(),
  name: z.string(),
  age: z.number().int(),
  deferralLimit: dollars,
  catchUpLimit: dollars,
  deferralsUsed: dollars,
  catchUpUsed: dollars,
  deferralRoomLeft: dollars,
  likelyHce: z.boolean(),
  hce: z.array(
    z.strictObject({
      employers: z.array(z.string()),
      likelyHce: z.boolean(),
      why: z.string(),
      citation: z.string(),
    }),
  ),
  plans: z.array(z.string()),
  deferrals457: deferrals457.optional(),
});

const limitGroup = z.strictObject({
  person: z.string(),
  kind: z.enum(['employer', '403b-aggregation']),
  employers: z.array(z.string()),
  plans: z.array(z.string()),
  dollarLimit: dollars,
  compensation: dollars,
  cap: dollars,
  used: dollars,
  why: z.string(),
});

const strategies = z.strictObject({
  fullMbr: dollars,
  rothLite: dollars,
  preTax: dollars,
  taxable: dollars,
});

const worth = z.strictObject({
  contribution: dollars,
  years: z.number().int(),
  contributionYears: z.number().int(),
  separationYear: z.number().int().nullable(),
  preTaxRoom: dollars,
  expectedReturn: rate,
  currentRate: rate,
  retirementRate: rate,
  atRetirement: strategies,
  withdrawalYears: z.number().int(),
  atEnd: strategies,
  tradeOffs,
  assumptions: assumptionEntries,
  deductions: z.array(z.strictObject({ key: z.string(), amount: dollars, saved: dollars })),
});

export const planJson = reportSchema('plan', {
  name: z.string().optional(),
  taxYear: z.number().int(),
  filingStatus: z.enum(FILING_STATUSES),
  people: z.array(person),
  plans: z.array(plan),
  limitGroups: z.array(limitGroup),
  worth: worth.nullable(),
  rothIra: z.array(rothIraPerson),
  rothMoney: z.array(rothMoneyPerson),
});
