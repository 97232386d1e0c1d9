/**
 * Import and export of scenario files: the same YAML or JSON the CLI reads (`megaroth plan
 * FILE`), parsed and validated by the same code, so a file the CLI rejects shows the same
 * messages here.
 */
import { stringify } from 'yaml';
import { dataFormatOf, parseDataText } from '../../../src/engine/data-text.js';
import { InputError, issueLines, type InputIssue } from '../../../src/engine/errors.js';
import type { Scenario } from '../../../src/engine/scenario/schema.js';
import { parseScenario } from '../../../src/engine/scenario/validate.js';
import type { Draft } from './draft.js';

export type Imported =
  | { readonly ok: true; readonly draft: Draft; readonly scenario: Scenario }
  | { readonly ok: false; readonly issues: readonly InputIssue[] };

/** Reads a scenario file's text as the CLI does; the draft keeps the file's own fields. */
export function importScenarioText(text: string, fileName: string, today: string): Imported {
  try {
    const raw = parseDataText(text, dataFormatOf(fileName), fileName);

    const scenario = parseScenario(raw, { today });
    return { ok: true, draft: raw as Draft, scenario };
  } catch (e) {
    if (e instanceof InputError) return { ok: false, issues: e.issues };
    throw e;
  }
}

/** The lines the CLI prints for a rejected file (`error: N problems in the input`, then each). */
export function describeIssues(issues: readonly InputIssue[]): string[] {
  const { heading, problems } = issueLines(issues);
  return [heading, ...problems];
}

export type ExportFormat = 'yaml' | 'json';

/** The draft as a scenario file. */
export function exportScenarioText(draft: Draft, format: ExportFormat): string {
  return format === 'json' ? `${JSON.stringify(draft, null, 2)}\n` : stringify(draft);
}

/** A file name for the scenario (`physician-with-a-hospital-403-b.yaml`). */
export function fileNameFor(draft: Draft, format: ExportFormat): string {
  const name = typeof draft['name'] === 'string' ? draft['name'] : '';
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80)
    .replace(/-$/, '');
  return `${slug || 'scenario'}.${format}`;
}
