/**
 * The scenario a command works on: the CLI reads FILE (or takes the built-in example) and the
 * engine's `loadScenario` parses and validates it.
 */
import { PHYSICIAN_EXAMPLE } from '../engine/scenario/examples.js';
import { loadScenario as loadScenarioText } from '../engine/scenario/load.js';
import type { Scenario } from '../engine/scenario/schema.js';
import { parseScenario, type ParseOptions } from '../engine/scenario/validate.js';
import { dataFormatOf, naming, readTextFile, sourceName } from './files.js';
import type { Io } from './io.js';

/** Today's date as YYYY-MM-DD (UTC). */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Reads and validates FILE, or the built-in example without one; `year` overrides taxYear. */
export function loadScenario(io: Io, file: string | undefined, year?: number): Scenario {
  const opts: ParseOptions =
    year === undefined ? { today: today() } : { today: today(), taxYear: year };
  if (file === undefined) return parseScenario(structuredClone(PHYSICIAN_EXAMPLE), opts);
  const source = sourceName(file);
  return naming(file, () =>
    loadScenarioText(readTextFile(io, file), dataFormatOf(file), { ...opts, source }),
  );
}
