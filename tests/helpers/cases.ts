/** Loads test-case data files (YAML) from tests/cases. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

/** Parses tests/cases/NAME (YAML) and returns its data. */
export function loadCases(name: string): unknown {
  const file = fileURLToPath(new URL(`../cases/${name}`, import.meta.url));
  return parse(readFileSync(file, 'utf8'), { merge: true }) as unknown;
}
