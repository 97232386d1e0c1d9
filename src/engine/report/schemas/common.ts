/**
 * Building blocks of the reports' JSON Schemas (zod): every report's JSON is a strict object
 * with `report` (its name), the report's own fields, `findings` and `explain`. A test parses
 * real output of every command with these schemas, so the schemas cannot drift from the output.
 */
import { z } from 'zod';
import type { ReportName } from '../model.js';

/** An amount in dollars with at most two decimals (a Figure in JSON). */
export const dollars = z
  .number()
  .refine((n) => Number.isFinite(n) && Math.abs(Math.round(n * 100) - n * 100) < 1e-6, {
    error: 'dollars with at most two decimals',
  })
  .meta({ description: 'US dollars with cents' });

/** A rate as a decimal fraction (0.0765 is 7.65%) (a RateFigure in JSON). */
export const rate = z.number().meta({ description: 'a rate as a decimal fraction' });

/** The rule, citation and inputs behind one figure. */
export const explanation = z.strictObject({
  label: z.string(),
  why: z.string(),
  citation: z.string(),
  inputs: z.array(z.string()).optional(),
});

/** A typed finding: error, warning, question for the plan administrator, or info. */
export const finding = z.strictObject({
  severity: z.enum(['error', 'warning', 'question', 'info']),
  path: z.string(),
  message: z.string(),
  fix: z.string().optional(),
});

/** The envelope every report shares around its own fields. */
export function reportSchema<N extends ReportName, S extends z.ZodRawShape>(name: N, shape: S) {
  return z.strictObject({
    report: z.literal(name),
    ...shape,
    findings: z.array(finding),
    explain: z.record(z.string(), explanation),
  });
}
