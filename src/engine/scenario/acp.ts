/**
 * The `acp` block of a plan: what a participant can know about the plan's ACP test, to estimate
 * the refund of their after-tax money — last year's NHCE ACP (prior-year testing, Treas. Reg.
 * 1.401(m)-2(a)(2)) and, when known, the HCEs' ACP and how many HCEs the plan has.
 */
import { z } from 'zod';
import type { percent as percentSchema } from './schema.js';

/** The most HCEs the block describes (keeps the estimate's census small enough to test fast). */
export const MAX_HCE_COUNT = 10_000;

/** The block, built on the scenario's percent field (passed in: schema.ts imports this module). */
export function acpBlock(percent: typeof percentSchema) {
  return z
    .strictObject({
      expectedNhceAcp: percent.describe(
        "The plan's NHCE average contribution percentage of last year (prior-year testing), from the plan's testing results or the refund letter, percent of pay",
      ),
      hceAcp: percent
        .optional()
        .describe(
          "The plan's HCE average contribution percentage of last year (same source), or your estimate of the other HCEs' average; not given: you are assumed to be the only HCE",
        ),
      hceCount: z
        .int({ error: 'expected a whole number of HCEs' })
        .min(1, 'must be at least 1 (you)')
        .max(MAX_HCE_COUNT, `must be at most ${String(MAX_HCE_COUNT)}`)
        .optional()
        .describe(
          'How many HCEs the plan has, you included (needs hceAcp); not given with hceAcp: a plan with so many HCEs that your money does not move their average',
        ),
      safeHarbor: z
        .boolean()
        .default(false)
        .describe('A safe-harbor match plan: after-tax money is tested alone, without the match'),
    })
    .refine((a) => a.hceCount === undefined || a.hceAcp !== undefined, {
      error: 'hceCount needs hceAcp (the average ACP of the HCEs)',
      path: ['hceCount'],
    });
}
