/**
 * Import and export: the web app reads scenario files with the CLI's parser and validator, so a
 * file the CLI rejects shows the same messages, and an exported file reads back the same.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';
import { PHYSICIAN_EXAMPLE } from '../../src/engine/scenario/examples.js';
import { parseScenario } from '../../src/engine/scenario/validate.js';
import {
  describeIssues,
  exportScenarioText,
  fileNameFor,
  importScenarioText,
} from '../../web/src/state/files.js';
import type { Draft } from '../../web/src/state/draft.js';
import { runCli } from '../helpers/cli.js';

const TODAY = '2026-06-01';

describe('import', () => {
  it('a file the CLI rejects shows the CLI’s messages', async () => {
    const cli = await runCli(['plan', 'examples/invalid.yaml']);
    expect(cli.code).toBe(2);
    const text = readFileSync('examples/invalid.yaml', 'utf8');
    const r = importScenarioText(text, 'examples/invalid.yaml', TODAY);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const cliLines = cli.stderr
      .trimEnd()
      .split('\n')
      .map((l) => l.trim());
    expect(describeIssues(r.issues)).toEqual(cliLines);
  });

  it('a YAML syntax error names the file and line as the CLI does', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'megaroth-web-'));
    const text = 'version: 1\ntaxYear: 2026\nfilingStatus: single\npeople: [ {id: a\n';
    writeFileSync(join(dir, 'broken.yaml'), text);
    const cli = await runCli(['plan', 'broken.yaml'], dir);
    rmSync(dir, { recursive: true });
    const r = importScenarioText(text, 'broken.yaml', TODAY);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues[0]?.path).toBe('broken.yaml:5');

    expect(describeIssues(r.issues)).toEqual(
      cli.stderr
        .trimEnd()
        .split('\n')
        .map((l) => l.trim()),
    );
  });

  it('a valid file opens with its own fields', () => {
    const text = readFileSync('examples/married-couple.yaml', 'utf8');
    const r = importScenarioText(text, 'married-couple.yaml', TODAY);
    expect(r.ok && r.scenario.people.length).toBe(2);
  });
});

describe('export', () => {
  it.each(['yaml', 'json'] as const)('%s export reads back as the same scenario', (format) => {
    const draft = structuredClone(PHYSICIAN_EXAMPLE) as unknown as Draft;
    const text = exportScenarioText(draft, format);
    const r = importScenarioText(text, `x.${format}`, TODAY);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.draft).toEqual(draft);
    expect(r.scenario).toEqual(parseScenario(structuredClone(draft), { today: TODAY }));
  });

  it('names the file after the scenario', () => {
    const draft = structuredClone(PHYSICIAN_EXAMPLE) as unknown as Draft;
    expect(fileNameFor(draft, 'yaml')).toBe(
      'physician-with-a-hospital-403-b-and-a-moonlighting-solo-401-k.yaml',
    );
    expect(fileNameFor({}, 'json')).toBe('scenario.json');
  });
});
