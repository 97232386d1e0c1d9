/**
 * Loads a scenario from its text: YAML or JSON in, a validated `Scenario` out, or an
 * `InputError` listing every problem with its place (`source:line` for syntax, field paths
 * like `plans[1].match[0].upToPercent` for content). Pure: the caller reads the file.
 */
import { parseDataText, type DataFormat } from '../data-text.js';
import type { Scenario } from './schema.js';
import { parseScenario, type ParseOptions } from './validate.js';

export interface LoadOptions extends ParseOptions {
  /**
   * The name problems with the text are reported under: syntax errors at `household.yaml:3`,
   * a text that is not a scenario at all (empty, a list) at `household.yaml`; default `scenario`.
   */
  readonly source?: string;
}

/** Parses and validates a scenario written as YAML or JSON text. */
export function loadScenario(text: string, format: DataFormat, opts: LoadOptions = {}): Scenario {
  const source = opts.source ?? 'scenario';
  return parseScenario(parseDataText(text, format, source), { ...opts, source });
}
