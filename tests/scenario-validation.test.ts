import { describe, expect, it } from 'vitest';
import { InputError } from '../src/engine/errors.js';
import { PHYSICIAN_EXAMPLE } from '../src/engine/scenario/examples.js';
import { loadScenario } from '../src/engine/scenario/load.js';
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
    [
      'an unknown plan type',
      'plans[1].type',
      'simple-ira',
      'plans[1].type',
      /401k, 403b, 457b, solo-401k/,
    ],
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

describe('money at the edge: the parsed scenario holds cents and exact rates', () => {
  it('reads dollars as integer cents and percents as exact fractions', () => {
    const s = parseScenario(base());
    expect(s.jobs[0]?.wages).toBe(30_000_000);
    expect(s.jobs[0]?.priorYearFicaWages).toBe(29_000_000);
    expect(s.jobs[1]?.netProfit).toBe(6_500_000);
    expect(s.plans[0]?.deferrals[0]?.amount).toBe(2_450_000);
    // 100% of deferrals up to 4% of pay
    expect(s.plans[0]?.match[0]).toEqual({
      rate: { num: 1, den: 1 },
      upToPercent: { num: 1, den: 25 },
    });
    expect(s.plans[0]?.nonelectivePercent).toEqual({ num: 0, den: 1 });
    const pct = parseScenario(
      edit(
        ['plans[0].match[0].upToPercent', 4.5],
        ['plans[0].deferrals[0].amount', { percent: 6.25 }],
      ),
    );
    expect(pct.plans[0]?.match[0]?.upToPercent).toEqual({ num: 9, den: 200 });
    expect(pct.plans[0]?.deferrals[0]?.amount).toEqual({ percent: { num: 1, den: 16 } });
  });

  it('accepts the maximum amount, $1,000,000,000.00, and refuses a cent more with the limit', () => {
    expect(parseScenario(edit(['jobs[0].wages', 1_000_000_000])).jobs[0]?.wages).toBe(
      100_000_000_000,
    );
    for (const [path, value] of [
      ['jobs[0].wages', 1_000_000_000.01],
      ['jobs[1].netProfit', 90_071_992_547_409.91],
      ['plans[0].deferrals[0].amount', 1e21],
      ['plans[1].cashBalance', { contribution: 2e9 }],
    ] as const) {
      const issues = issuesOf(edit([path, value]));
      const at = typeof value === 'object' ? `${path}.contribution` : path;
      expect(
        issues.map((i) => i.path),
        path,
      ).toEqual([at]);
      expect(issues[0]?.message).toMatch(
        /^must be at most \$1,000,000,000\.00, the largest amount megaroth accepts in one field, got /,
      );
    }
  });

  it('refuses fractions of a cent instead of rounding them', () => {
    for (const v of [1.005, 0.1 + 0.2, 123.456, 999_999_999.999]) {
      expect(issuesOf(edit(['jobs[0].wages', v]))).toEqual([
        {
          path: 'jobs[0].wages',
          message: `must be dollars with at most 2 decimals, got ${String(v)}`,
        },
      ]);
    }
  });

  it('refuses percents with more than 4 decimals (the fraction would not be exact)', () => {
    expect(issuesOf(edit(['plans[0].match[0].upToPercent', 3.333333333333333]))).toEqual([
      {
        path: 'plans[0].match[0].upToPercent',
        message: 'must have at most 4 decimals, got 3.333333333333333',
      },
    ]);
    expect(issuesOf(edit(['plans[0].match[0].upToPercent', 3.3333]))).toEqual([]);
  });

  it('bounds the lists, so that sums of amounts stay exact', () => {
    const job = (i: number) => ({
      id: `j${String(i)}`,
      person: 'dr-lee',
      employer: 'E',
      type: 'w2',
      wages: 1,
    });
    const issues = issuesOf(
      edit(['jobs', Array.from({ length: 51 }, (_, i) => job(i))], ['plans', []]),
    );
    expect(issues).toEqual([{ path: 'jobs', message: 'at most 50 jobs' }]);
  });

  it('the JSON Schema still describes the file: dollars with a maximum, percents, defaults', async () => {
    const r = await runCli(['schema']);
    const schema = JSON.parse(r.stdout) as {
      properties: { jobs: { items: { properties: Record<string, Record<string, unknown>> } } };
    };
    const job = schema.properties.jobs.items.properties;
    expect(job['wages']).toMatchObject({
      type: 'number',
      minimum: 0,
      maximum: 1_000_000_000,
    });
    expect(job['ownershipPercent']).toMatchObject({ type: 'number', minimum: 0, maximum: 100 });
    expect(r.stdout).toContain('"default": []');
  });
});

describe('every problem listed at once, across the schema and the cross-checks', () => {
  it('gives the tax year, the unknown person and job and the negative wage together', () => {
    const issues = issuesOf(
      edit(
        ['taxYear', 2022],
        ['jobs[0].person', 'dr-who'],
        ['jobs[0].wages', -5],
        ['plans[1].job', 'nowhere'],
      ),
    );
    expect(issues).toEqual([
      { path: 'jobs[0].wages', message: 'must not be negative, got -5' },
      {
        path: 'taxYear',
        message: 'tax year 2022 is not supported; supported years: 2023, 2024, 2025, 2026',
      },
      { path: 'jobs[0].person', message: 'no person with id "dr-who" (people: dr-lee)' },
      { path: 'plans[1].job', message: 'no job with id "nowhere" (jobs: hospital, moonlighting)' },
    ]);
  });

  it('does not repeat a field the schema reported, nor guess at lists it could not read', () => {
    // netProfit of the wrong type is reported once, not also as "required for a schedule-c job"
    expect(issuesOf(edit(['jobs[1].netProfit', '65,000']))).toEqual([
      {
        path: 'jobs[1].netProfit',
        message: 'expected an amount in dollars (a number, e.g. 12000.50), got the text "65,000"',
      },
    ]);
    // people unreadable: no "no person with id" for every job
    expect(issuesOf(edit(['people', 'Dr. Lee']))).toEqual([
      { path: 'people', message: 'expected a list, got the text "Dr. Lee"' },
    ]);
  });
});

describe('a value of the wrong type is reported with what was found', () => {
  it.each([
    [
      'jobs[0].wages',
      '12,000',
      'expected an amount in dollars (a number, e.g. 12000.50), got the text "12,000"',
    ],
    [
      'jobs[0].wages',
      '$5',
      'expected an amount in dollars (a number, e.g. 12000.50), got the text "$5"',
    ],
    [
      'jobs[0].wages',
      Number.NaN,
      'expected an amount in dollars (a number, e.g. 12000.50), got .nan (not a number)',
    ],
    [
      'jobs[0].wages',
      Number.POSITIVE_INFINITY,
      'expected an amount in dollars (a number, e.g. 12000.50), got .inf (infinity)',
    ],
    [
      'jobs[0].wages',
      null,
      'expected an amount in dollars (a number, e.g. 12000.50), got an empty value',
    ],
    ['people[0].birthDate', 19860314, 'expected a date as YYYY-MM-DD, got the number 19860314'],
    ['taxYear', '2026', 'expected a tax year, got the text "2026"'],
    [
      'plans[0].deferrals[0].amount',
      'all',
      'expected "max", an amount in dollars, or { percent: N }, got the text "all"',
    ],
    [
      'plans[1].type',
      'simple-ira',
      'must be one of 401k, 403b, 457b, solo-401k, got the text "simple-ira"',
    ],
    ['plans[0].afterTax.allowed', 'yes', 'expected true or false, got the text "yes"'],
  ] as const)('%s: %j', (path, value, message) => {
    expect(issuesOf(edit([path, value]))).toContainEqual({ path, message });
  });

  it('says required only when the field is missing', () => {
    expect(issuesOf(edit(['people[0].birthDate', DELETE]))).toEqual([
      { path: 'people[0].birthDate', message: 'required' },
    ]);
  });
});

describe('a document that is not a scenario at all', () => {
  it.each([
    ['', 'nothing in it'],
    ['# only a comment\n', 'nothing in it'],
    ['- version: 1\n', 'a list, not a scenario'],
    ['5\n', 'the number 5, not a scenario'],
    ['household\n', 'the text "household", not a scenario'],
  ])('%j is refused naming the source', (text, what) => {
    expect(() => loadScenario(text, 'yaml', { source: 'household.yaml' })).toThrow(
      `household.yaml: ${what}: a scenario is a mapping of fields (version: 1, taxYear, filingStatus, people, jobs, plans, …)`,
    );
  });

  it('the CLI prints the file name and exits 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'megaroth-'));
    const file = join(dir, 'empty.yaml');
    writeFileSync(file, '');
    const r = await runCli(['plan', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}: nothing in it: a scenario is a mapping of fields`);
  });

  it('a newer version is named as such', () => {
    expect(issuesOf(edit(['version', 2]))).toEqual([
      { path: 'version', message: '2 is newer than this megaroth reads (version 1 and older)' },
    ]);
  });
});

describe('money options share the maximum amount', () => {
  it('form8606 --year-end-balance 90071992547409.91 is refused with exit 2 and the limit', async () => {
    const r = await runCli([
      'form8606',
      '--basis',
      '0',
      '--contribution',
      '7000',
      '--converted',
      '7000',
      '--year-end-balance',
      '90071992547409.91',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      '--year-end-balance: must be at most $1,000,000,000.00, the largest amount megaroth accepts in one field, got "90071992547409.91"',
    );
    expect(r.stdout).toBe('');
  });

  it('solo --net-profit refuses a cent above the maximum', async () => {
    const r = await runCli(['solo', '--net-profit', '1,000,000,000.01', '--age', '45']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--net-profit: must be at most $1,000,000,000.00');
  });

  it('solo --plan-rate follows the percent rule of scenarios (at most 4 decimals)', async () => {
    const r = await runCli([
      'solo',
      '--net-profit',
      '100000',
      '--age',
      '45',
      '--plan-rate',
      '12.345678',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      '--plan-rate: must be a percent with at most 4 decimals, got 12.345678',
    );
    const ok = await runCli([
      'solo',
      '--net-profit',
      '100000',
      '--age',
      '45',
      '--plan-rate',
      '12.3456',
    ]);
    expect(ok.code, ok.stderr).toBe(0);
  });

  it('the maximum itself is accepted', async () => {
    const r = await runCli([
      'form8606',
      '--basis',
      '0',
      '--contribution',
      '7000',
      '--converted',
      '7000',
      '--year-end-balance',
      '1000000000',
    ]);
    expect(r.code).toBe(0);
  });
});
