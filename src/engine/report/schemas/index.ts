/**
 * The JSON Schema of every report, by name, loaded only when asked for
 * (`megaroth schema --report NAME`, and the test that checks each against real output).
 */
import { toJSONSchema, type z } from 'zod';
import { REPORT_NAMES, type ReportName } from '../model.js';

type Loader = () => Promise<z.ZodType>;

/** Each report's zod schema; one line per report. */
export const REPORT_SCHEMAS: Readonly<Partial<Record<ReportName, Loader>>> = {
  plan: async () => (await import('./plan.js')).planJson,
  rollover: async () => (await import('./rollover.js')).rolloverJson,
  form8606: async () => (await import('./form8606.js')).form8606Json,
  clocks: async () => (await import('./clocks.js')).clocksJson,
  ledger: async () => (await import('./ledger.js')).ledgerJson,
  tax: async () => (await import('./tax.js')).taxJson,
  compare: async () => (await import('./compare.js')).compareJson,
  optimize: async () => (await import('./optimize.js')).optimizeJson,
  solo: async () => (await import('./solo.js')).soloJson,
  acp: async () => (await import('./acp.js')).acpJson,
  'acp-participant': async () => (await import('./acp-participant.js')).acpParticipantJson,
  paychecks: async () => (await import('./paychecks.js')).paychecksJson,
};

/** The zod schema of a report's JSON. */
export async function reportZod(name: ReportName): Promise<z.ZodType> {
  const load = REPORT_SCHEMAS[name];
  if (!load) throw new Error(`no schema for report ${name}`);
  return load();
}

/** The JSON Schema (draft 2020-12) of a report's `--json` output. */
export async function reportJsonSchema(name: ReportName): Promise<Record<string, unknown>> {
  const schema = toJSONSchema(await reportZod(name), {
    io: 'output',
    unrepresentable: 'any',
  }) as Record<string, unknown>;
  return {
    ...schema,
    $id: `https://megaroth.dev/schema/report-${name}.json`,
    title: `megaroth ${name} report (--json)`,
  };
}

export { REPORT_NAMES };
