import { describe, expect, it } from 'vitest';
import { InputError } from '../src/engine/errors.js';
import { PHYSICIAN_EXAMPLE } from '../src/engine/scenario/examples.js';
import { parseScenario } from '../src/engine/scenario/validate.js';
import { runCli } from './helpers/cli.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { readFileSync } from 'node:fs';

function base(): Record<string, unknown> {
  return { ...structuredClone(PHYSICIAN_EXAMPLE) };
}

function issuesOf(raw: unknown, today = '2026-11-29'): { path: string; message: string }[] {
  try {
    parseScenario(raw, { today });
  } catch (e) {
    if (e instanceof InputError) return [...e.issues];
    throw e;
  }
  return [];
}

const DELETE = Symbol('delete');

/** A copy of the example with `value` set at a path like `plans[0].match[1]` (or deleted). */
function edit(...changes: [path: string, value: unknown][]): Record<string, unknown> {
  const s = base();
  for (const [path, value] of changes) {
    const keys = path.split(/[.[\]]+/).filter(Boolean);
    let node = s;
    for (const k of keys.slice(0, -1)) node = node[k] as Record<string, unknown>;
    const last = keys[keys.length - 1] ?? '';
    if (value === DELETE) Reflect.deleteProperty(node, last);
    else node[last] = value;
  }
  return s;
}

describe('scenario validation', () => {
  it('accepts the built-in example', () => {
    expect(issuesOf(base())).toEqual([]);
  });

  it('keeps the built-in example identical to examples/physician-moonlighting.yaml', () => {
    const file = parse(readFileSync('examples/physician-moonlighting.yaml', 'utf8')) as unknown;
    expect(file).toEqual(PHYSICIAN_EXAMPLE);
  });

  it.each([
    ['a misspelled field', 'plans[0].deferals', [], 'plans[0]', /unknown field "deferals"/],
    ['a missing field', 'people[0].birthDate', DELETE, 'people[0].birthDate', /required/],
    ['a negative wage', 'jobs[0].wages', -5, 'jobs[0].wages', /must not be negative/],
    ['fractions of a cent', 'jobs[0].wages', 1.005, 'jobs[0].wages', /2 decimals/],
    [
      'a percent above 100',
      'plans[0].match[0].upToPercent',
      140,
      'plans[0].match[0].upToPercent',
      /0 to 100/,
    ],
    ['an unknown plan type', 'plans[1].type', '457b', 'plans[1].type', /401k, 403b, solo-401k/],
    [
      'a birth date in the future',
      'people[0].birthDate',
      '2027-01-01',
      'people[0].birthDate',
      /future/,
    ],
    [
      'a plan pointing at a missing job',
      'plans[0].job',
      'nowhere',
      'plans[0].job',
      /no job with id "nowhere"/,
    ],
    [
      'a solo plan on an unrelated W-2 job',
      'plans[1].job',
      'hospital',
      'plans[1].job',
      /solo-401k must belong/,
    ],
    [
      'a 403(b) on self-employment income',
      'plans[0].job',
      'moonlighting',
      'plans[0].type',
      /use solo-401k/,
    ],
    ['an unsupported year', 'taxYear', 2019, 'taxYear', /supported years: 2023, 2024, 2025, 2026/],
    ['a missing version', 'version', DELETE, 'version', /current scenario version is 1/],
    ['a non-date', 'people[0].birthDate', '1986-02-30', 'people[0].birthDate', /calendar date/],
    [
      'tiers not increasing',
      'plans[0].match[1]',
      { rate: 50, upToPercent: 2 },
      'plans[0].match[1].upToPercent',
      /cumulative/,
    ],
  ] as const)('rejects %s naming the field', (_name, at, value, path, message) => {
    const issues = issuesOf(edit([at, value]));
    const hit = issues.find((i) => i.path === path);
    expect(hit, JSON.stringify(issues)).toBeDefined();
    expect(hit?.message).toMatch(message);
  });

  it('reports several problems at once', () => {
    const issues = issuesOf(
      edit(['jobs[0].wages', -1], ['plans[0].match[0].upToPercent', 101], ['plans[1].type', 'ira']),
    );
    expect(issues.map((i) => i.path).sort()).toEqual([
      'jobs[0].wages',
      'plans[0].match[0].upToPercent',
      'plans[1].type',
    ]);
  });
});

describe('plan command: bad input', () => {
  const dir = mkdtempSync(join(tmpdir(), 'megaroth-'));

  it('exits 2 with the field path and no stack trace', async () => {
    const file = join(dir, 'bad.yaml');
    writeFileSync(
      file,
      'version: 1\ntaxYear: 2026\nfilingStatus: single\npeople: [{ id: a, birthDate: 1980-01-01 }]\njobs: [{ id: j, person: a, employer: E, type: w2, wages: -3 }]\n',
    );
    const r = await runCli(['plan', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('jobs[0].wages: must not be negative');
    expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
    expect(r.stdout).toBe('');
  });

  it('exits 2 for an unreadable or missing file', async () => {
    const r = await runCli(['plan', join(dir, 'missing.yaml')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/missing\.yaml: no such file/);
  });

  it('exits 2 for a YAML syntax error, naming the line', async () => {
    const file = join(dir, 'syntax.yaml');
    writeFileSync(file, 'version: 1\npeople: [\n  - oops: {\n');
    const r = await runCli(['plan', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/syntax\.yaml:\d+: not valid YAML/);
  });

  it('exits 2 for an unsupported --year', async () => {
    const r = await runCli(['plan', '--year', '2030']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      '--year: tax year 2030 is not supported; supported years: 2023, 2024, 2025, 2026',
    );
  });

  it('exits 2 for an unknown option', async () => {
    const r = await runCli(['plan', '--bogus']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown option/);
  });
});

describe('schema command', () => {
  it('prints a JSON Schema of the scenario with descriptions', async () => {
    const r = await runCli(['schema']);
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.stdout) as {
      properties: Record<string, unknown>;
      required: string[];
    };
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining([
        'version',
        'taxYear',
        'filingStatus',
        'people',
        'jobs',
        'plans',
        'controlledGroups',
      ]),
    );
    expect(schema.required).toEqual(expect.arrayContaining(['version', 'taxYear', 'people']));
  });
});
