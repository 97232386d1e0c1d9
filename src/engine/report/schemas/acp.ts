/**
 * JSON Schema of `megaroth acp CENSUS --json` (the ACP test, its correction and the what-ifs; the
 * ADP test beside it when the census has deferrals; both per group when the otherwise excludable
 * employees are tested apart).
 */
import { z } from 'zod';
import { dollars, rate, reportSchema } from './common.js';

/** The correction deadlines (ISO dates) and the months after the plan year they stand for. */
export const deadlines = z.strictObject({
  planYearEnd: z.iso.date(),
  exciseTaxMonths: z.number(),
  exciseTaxDeadline: z.iso.date(),
  finalMonths: z.number(),
  finalDeadline: z.iso.date(),
});

const problem = z.strictObject({ line: z.number().int(), column: z.string(), reason: z.string() });

const refund = z.strictObject({
  id: z.string(),
  ratio: rate,
  contributions: dollars,
  amount: dollars,
  afterTax: dollars,
  matchDistributed: dollars,
  matchForfeited: dollars,
  qmac: dollars,
  qnec: dollars,
  allocableIncome: dollars.nullable(),
});

const qnecLimit = z.strictObject({
  representativeRate: rate.nullable(),
  limitRate: rate,
  notCounted: dollars,
  nhcesLimited: z.number().int(),
});

const passReason = z.enum(['within-limit', 'no-eligible-nhces']).nullable();
const nhceSource = z.enum(['current-year', 'prior-year', 'first-year-deemed']);

const adp = z.strictObject({
  method: z.enum(['current', 'prior']),
  nhceSource,
  correction: z.enum(['refund', 'recharacterize']),
  hceCount: z.number().int(),
  nhceCount: z.number().int(),
  hceAdp: rate,
  nhceAdp: rate,
  limit: rate,
  margin: rate,
  passed: z.boolean(),
  passReason,
  permittedRatio: rate.nullable(),
  leveledHceAdp: rate,
  excessContributions: dollars,
  catchUp: dollars,
  refunded: dollars,
  recharacterized: dollars,
  allocableIncome: dollars.nullable(),
  exciseTaxIfLate: dollars,
  recharacterizationDeadline: z.iso.date(),
  corrections: z.array(
    z.strictObject({
      id: z.string(),
      ratio: rate,
      contributions: dollars,
      amount: dollars,
      catchUp: dollars,
      refund: dollars,
      recharacterized: dollars,
      allocableIncome: dollars.nullable(),
    }),
  ),
  qnecAlternative: z
    .strictObject({ rate, cost: dollars, nhceAdpAfter: rate, limitAfter: rate })
    .nullable(),
  qnecLimit: qnecLimit.nullable(),
  catchUps: z.strictObject({
    deferralLimit: dollars,
    eligible: z.number().int(),
    notTested: dollars,
    notTestedRows: z.number().int(),
    excessDeferrals: dollars,
    excessDeferralRows: z.number().int(),
    unknownAgeAboveLimit: z.number().int(),
  }),
});

const groupTest = z.strictObject({
  hceCount: z.number().int(),
  nhceCount: z.number().int(),
  hceAverage: rate,
  nhceAverage: rate,
  limit: rate,
  passed: z.boolean(),
  passReason,
  excess: dollars,
});

const maxRate = z.strictObject({
  sharePercent: z.number(),
  adopters: z.number().int(),
  maxRate: rate.nullable(),
  capped: z.boolean(),
});

const whatif = z.strictObject({
  maxUniformRate: maxRate,
  grid: z.array(
    z.strictObject({
      sharePercent: z.number(),
      rate,
      adopters: z.number().int(),
      hceAcp: rate,
      passed: z.boolean(),
      refundTotal: dollars,
      refundedHces: z.number().int(),
    }),
  ),
  richerMatch: z.strictObject({
    boostPercent: z.number(),
    applies: z.boolean(),
    extraMatchCost: dollars,
    nhceAcpBefore: rate,
    nhceAcpAfter: rate,
    hceAcpBefore: rate,
    hceAcpAfter: rate,
    limitAfter: rate,
    passedBefore: z.boolean(),
    passedAfter: z.boolean(),
    excessAfter: dollars,
    maxUniformRateAfter: maxRate,
  }),
});

export const acpJson = reportSchema('acp', {
  allPassed: z.boolean(),
  year: z.number().int(),
  method: z.enum(['current', 'prior']),
  safeHarbor: z.boolean(),
  nhceSource,
  hceCount: z.number().int(),
  nhceCount: z.number().int(),
  ineligibleCount: z.number().int(),
  hceAcp: rate,
  nhceAcp: rate,
  limit: rate,
  margin: rate,
  passed: z.boolean(),
  passReason,
  permittedRatio: rate.nullable(),
  leveledHceAcp: rate,
  excessAggregateContributions: dollars,
  distributed: dollars,
  forfeited: dollars,
  allocableIncome: dollars.nullable(),
  exciseTaxRate: rate,
  exciseTaxIfLate: dollars,
  deadlines,
  refunds: z.array(refund),
  qnecAlternative: z
    .strictObject({ rate, cost: dollars, nhceAcpAfter: rate, limitAfter: rate })
    .nullable(),
  qnecLimit: qnecLimit.nullable(),
  adp: adp.nullable(),
  excludable: z
    .strictObject({
      rule: z.enum(['separate', 'drop-nhces']),
      count: z.number().int(),
      latestQualifyingDate: z.iso.date(),
      byColumn: z.number().int(),
      byNumbers: z.number().int(),
      unknown: z.number().int(),
      nhcesLeftOut: z.number().int().nullable(),
    })
    .nullable(),
  groups: z
    .array(
      z.strictObject({
        group: z.enum(['meets-age-and-service', 'otherwise-excludable']),
        acp: groupTest,
        adp: groupTest.nullable(),
      }),
    )
    .nullable(),
  hceDetermination: z.strictObject({
    threshold: dollars,
    byColumn: z.number().int(),
    byOwnership: z.number().int(),
    byPay: z.number().int(),
    topPaidGroupSize: z.number().int().nullable(),
  }),
  census: z.strictObject({
    rowsRead: z.number().int(),
    rowsTested: z.number().int(),
    skippedRows: z.number().int(),
    problems: z.array(problem),
  }),
  whatif: whatif.optional(),
});
