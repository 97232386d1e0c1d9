/** JSON Schema of `megaroth acp CENSUS --json` (the ACP test, its correction and the what-ifs). */
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
  year: z.number().int(),
  method: z.enum(['current', 'prior']),
  safeHarbor: z.boolean(),
  nhceSource: z.enum(['current-year', 'prior-year', 'first-year-deemed']),
  hceCount: z.number().int(),
  nhceCount: z.number().int(),
  ineligibleCount: z.number().int(),
  hceAcp: rate,
  nhceAcp: rate,
  limit: rate,
  margin: rate,
  passed: z.boolean(),
  passReason: z.enum(['within-limit', 'no-eligible-nhces']).nullable(),
  permittedRatio: rate.nullable(),
  leveledHceAcp: rate,
  excessAggregateContributions: dollars,
  distributed: dollars,
  forfeited: dollars,
  exciseTaxRate: rate,
  exciseTaxIfLate: dollars,
  deadlines,
  refunds: z.array(refund),
  qnecAlternative: z
    .strictObject({ rate, cost: dollars, nhceAcpAfter: rate, limitAfter: rate })
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
