/** Loads the scenario a command works on: a file, or the built-in example. */
import { PHYSICIAN_EXAMPLE } from '../engine/scenario/examples.js';
import type { Scenario } from '../engine/scenario/schema.js';
import { parseScenario } from '../engine/scenario/validate.js';
import { readDataFile } from './files.js';
import type { Io } from './io.js';

/** Today's date as YYYY-MM-DD (UTC). */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Reads and validates FILE, or the built-in example without one; `year` overrides taxYear. */
export function loadScenario(io: Io, file: string | undefined, year?: number): Scenario {
  const raw: unknown =
    file === undefined ? structuredClone(PHYSICIAN_EXAMPLE) : readDataFile(io.cwd, file);
  const withYear =
    year !== undefined && raw !== null && typeof raw === 'object' && !Array.isArray(raw)
      ? { ...(raw as Record<string, unknown>), taxYear: year }
      : raw;
  return parseScenario(withYear, { today: today() });
}
