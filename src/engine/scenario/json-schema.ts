/** The scenario's JSON Schema (draft 2020-12), exported by `megaroth schema`. */
import { toJSONSchema } from 'zod';
import { scenario, SCENARIO_VERSION } from './schema.js';

/** JSON Schema of the current scenario version. */
export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = toJSONSchema(scenario, { io: 'input', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  return {
    ...schema,
    $id: `https://megaroth.dev/schema/scenario-v${String(SCENARIO_VERSION)}.json`,
    title: `megaroth scenario, version ${String(SCENARIO_VERSION)}`,
  };
}
