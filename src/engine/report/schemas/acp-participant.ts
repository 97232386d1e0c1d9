/**
 * JSON Schema of `megaroth acp CENSUS --participant ID --json` and of the estimate without a
 * census (`megaroth acp --pay … --expected-nhce-acp … --json`): one employee's view of the test.
 */
import { z } from 'zod';
import { deadlines } from './acp.js';
import { dollars, rate, reportSchema } from './common.js';

const participant = z.strictObject({
  id: z.string(),
  eligible: z.boolean(),
  hce: z.boolean(),
  compensation: dollars,
  cappedCompensation: dollars,
  afterTax: dollars,
  match: dollars,
  ratio: rate,
  refund: z
    .strictObject({
      amount: dollars,
      afterTax: dollars,
      matchDistributed: dollars,
      matchForfeited: dollars,
    })
    .nullable(),
  afterTaxKept: dollars,
  why: z.array(z.string()),
});

export const acpParticipantJson = reportSchema('acp-participant', {
  estimate: z.boolean(),
  year: z.number().int(),
  hceCount: z.number().int(),
  hceAcp: rate,
  nhceAcp: rate,
  limit: rate,
  passed: z.boolean(),
  excessAggregateContributions: dollars,
  maxAfterTaxWithoutRefund: dollars.nullable(),
  otherHces: z
    .strictObject({ count: z.number().int(), ratio: rate, compensation: dollars })
    .nullable(),
  deadlines,
  participant,
});
