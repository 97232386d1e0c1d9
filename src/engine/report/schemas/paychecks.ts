/** JSON Schema of `megaroth paychecks --json` (elections, the schedule of paychecks, the steps). */
import { z } from 'zod';
import { dollars, rate, reportSchema } from './common.js';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

const election = z.strictObject({
  source: z.enum(['pre-tax', 'roth', 'after-tax']),
  election: z.string(),
  lastPaycheckElection: z.string(),
  target: dollars,
  planned: dollars,
  shortBy: dollars,
  reached: z.boolean(),
  reachedOn: date.nullable(),
  planStopsAtLimit: z.boolean(),
});

const person = z.strictObject({
  id: z.string(),
  name: z.string(),
  age: z.number().int(),
  deferralLimit: dollars,
  catchUp: dollars,
  target: dollars,
  yearToDate: dollars,
  otherPlans: dollars,
  planned: dollars,
  total: dollars,
  excess: dollars,
  shortBy: dollars,
  reached: z.boolean(),
  reachedOn: date.nullable(),
  acrossEmployers: z.boolean(),
});

const job = z.strictObject({
  id: z.string(),
  person: z.string(),
  employer: z.string(),
  plan: z.string().nullable(),
  frequency: z.enum(['weekly', 'biweekly', 'semi-monthly', 'monthly']).nullable(),
  unit: z.enum(['percent', 'tenths', 'dollars']),
  cutoffDays: z.number().int(),
  asOf: date.nullable(),
  paychecksLeft: z.number().int(),
  nextPaycheck: date.nullable(),
  lastPaycheck: date.nullable(),
  yearPay: dollars,
  deferral: election.nullable(),
  afterTax: election.nullable(),
  limit415c: dollars,
  otherAdditions: dollars,
  nonelective: dollars,
  match: z.strictObject({
    basis: z.enum(['per-period', 'annual-true-up']),
    yearToDate: dollars,
    planned: dollars,
    lost: dollars,
    trueUp: dollars,
  }),
  additions: dollars,
});

const paycheck = z.strictObject({
  date,
  job: z.string(),
  plan: z.string().nullable(),
  deferralType: z.enum(['pre-tax', 'roth']),
  gross: dollars,
  electionPay: dollars,
  deferral: dollars,
  catchUp: dollars,
  afterTax: dollars,
  match: dollars,
  matchLost: dollars,
  socialSecurity: dollars,
  medicare: dollars,
  netPay: dollars,
  ytdDeferrals: dollars,
  ytdAfterTax: dollars,
  ytdMatch: dollars,
  ytdAdditions: dollars,
  events: z.array(z.string()),
});

const conversionCost = z.strictObject({
  plan: z.string(),
  contribution: dollars,
  expectedReturn: rate,
  monthly: dollars,
  quarterly: dollars,
  yearly: dollars,
});

const step = z.strictObject({
  date,
  kind: z.enum(['election', 'conversion', 'ira', 'correction', 'form']),
  title: z.string(),
  detail: z.string(),
  citation: z.string(),
});

export const paychecksJson = reportSchema('paychecks', {
  name: z.string().optional(),
  taxYear: z.number().int(),
  people: z.array(person),
  jobs: z.array(job),
  paychecks: z.array(paycheck),
  conversionCost: z.array(conversionCost),
  steps: z.array(step),
});
