import { describe, expect, it } from 'vitest';
import {
  MAX_INPUT_BYTES,
  MAX_NESTING,
  MAX_VALUES,
  parseDataDocument,
  parseDataText,
  requireMapping,
} from './data-text.js';
import { InputError } from './errors.js';

function issuesOf(
  text: string,
  format: 'yaml' | 'json',
): readonly { path: string; message: string }[] {
  try {
    parseDataText(text, format, 'in');
  } catch (e) {
    if (e instanceof InputError) return e.issues;
    throw e;
  }
  return [];
}

describe('parseDataText', () => {
  it('reads JSON and YAML into the same data', () => {
    const json = '{"version": 1, "people": [{"id": "a", "birthDate": "1980-01-02"}], "x": null}';
    const yaml = 'version: 1\npeople:\n  - id: a\n    birthDate: "1980-01-02"\nx: null\n';
    expect(parseDataText(json, 'json', 'in')).toEqual(parseDataText(yaml, 'yaml', 'in'));
  });

  it('names the line of a syntax error', () => {
    expect(issuesOf('version: 1\npeople: [\n  {id: a\n', 'yaml')[0]?.path).toMatch(/^in:[34]$/);
    expect(issuesOf('{\n  "a": 1,\n  "a": 2\n}', 'json')).toEqual([
      { path: 'in:3', message: 'the key "a" appears twice in this mapping' },
    ]);
  });

  it('reads JSON strictly: a bare word is not a JSON value', () => {
    expect(issuesOf('{"filingStatus": single}', 'json')[0]?.message).toMatch(
      /^not valid JSON: .*"single"/,
    );
    expect(parseDataText('{"filingStatus": single}', 'yaml', 'in')).toEqual({
      filingStatus: 'single',
    });
  });
});

describe('parseDataText on hostile text', () => {
  it('refuses every alias at its line, even one that resolves', () => {
    expect(issuesOf('a: &x 1\nb: *x\n', 'yaml')).toEqual([
      {
        path: 'in:2',
        message:
          'YAML alias *x: aliases are not read (each value is read where it is written); write the value out in full',
      },
    ]);
    expect(issuesOf('x: *nope\n', 'yaml')[0]?.path).toBe('in:1');
    // an anchor alone is harmless, and a block scalar's text starting with * is no alias
    expect(parseDataText('a: &x 1\n', 'yaml', 'in')).toEqual({ a: 1 });
    expect(parseDataText('--- |\n*foo\n', 'yaml', 'in')).toBe('*foo\n');
  });

  it('finds a duplicate key in linear time, also 1 and "1" (one JavaScript key)', () => {
    expect(issuesOf('a: 1\nb: 2\na: 3\n', 'yaml')).toEqual([
      { path: 'in:3', message: 'the key "a" appears twice in this mapping' },
    ]);
    expect(issuesOf('1: a\n"1": b\n', 'yaml')[0]?.message).toBe(
      'the key "1" appears twice in this mapping',
    );
    const many = Array.from({ length: 20_000 }, (_, i) => `k${String(i)}: 1`).join('\n');
    const t0 = performance.now();
    expect(Object.keys(parseDataText(many, 'yaml', 'in') as object)).toHaveLength(20_000);
    expect(performance.now() - t0).toBeLessThan(10_000);
  });

  it('refuses the key __proto__ and keeps constructor as an ordinary key', () => {
    expect(issuesOf('{"__proto__": {"x": 1}}', 'json')[0]?.message).toMatch(
      /^the key "__proto__" is not accepted/,
    );
    const data = parseDataText('constructor: 1\ntoString: 2\n', 'yaml', 'in') as object;
    expect(Object.entries(data)).toEqual([
      ['constructor', 1],
      ['toString', 2],
    ]);
    expect(({} as Record<string, unknown>)['x']).toBeUndefined();
  });

  it('reads numbers written in decimal only', () => {
    expect(parseDataText('a: -3\nb: 12000.50\nc: 0.07\n', 'yaml', 'in')).toEqual({
      a: -3,
      b: 12000.5,
      c: 0.07,
    });
    for (const n of ['1e3', '1E3', '0x1F', '0o17', '.inf', '-.inf', '.nan']) {
      expect(issuesOf(`a: ${n}\n`, 'yaml')[0]?.message, n).toMatch(
        new RegExp(`^the number ${n.replace('.', '\\.')} is not written in decimal`),
      );
    }
    expect(issuesOf('{"a": 1e3}', 'json')[0]?.path).toBe('in:1');
    expect(parseDataText('a: "1e3"\n', 'yaml', 'in')).toEqual({ a: '1e3' });
  });

  it('refuses text past the limits at the line they are passed', () => {
    expect(issuesOf(' '.repeat(MAX_INPUT_BYTES + 1), 'yaml')[0]?.message).toMatch(
      /^larger than 1 MiB/,
    );
    const deep = `${'['.repeat(MAX_NESTING + 1)}${']'.repeat(MAX_NESTING + 1)}`;
    expect(issuesOf(deep, 'yaml')[0]).toEqual({
      path: 'in:1',
      message: 'nested more than 64 levels deep, deeper than any input format',
    });
    const ok = `${'['.repeat(30)}${']'.repeat(30)}`;
    expect(issuesOf(ok, 'yaml')).toEqual([]);
    const list = `-\n`.repeat(MAX_VALUES + 1);
    expect(issuesOf(list, 'yaml')[0]).toEqual({
      path: `in:${String(MAX_VALUES + 1)}`,
      message: 'more than 150000 values, the most an input file may hold',
    });
  });

  it('refuses a second document and a key that is no name', () => {
    expect(issuesOf('a: 1\n---\nb: 2\n', 'yaml')[0]?.message).toMatch(/a second document/);
    expect(issuesOf('? [a, b]\n: 1\n', 'yaml')[0]?.message).toBe(
      'a key must be a name or a number',
    );
  });

  it('lists at most 20 problems, then how many more', () => {
    const dups = Array.from({ length: 30 }, () => 'a: 1').join('\n');
    const issues = issuesOf(dups, 'yaml');
    expect(issues).toHaveLength(21);
    expect(issues[20]?.message).toBe('… and 9 more problems like these');
  });

  it('names the line of a value (parseDataDocument)', () => {
    const { lineOf } = parseDataDocument('a:\n  b:\n    - 1\n    - 2\n', 'yaml', 'in');
    expect(lineOf(['a', 'b', 1])).toBe(4);
    expect(lineOf(['a', 'nope'])).toBeUndefined();
  });
});

describe('requireMapping', () => {
  it.each([
    [null, 'an empty file (or only null)'],
    [[1], 'a list'],
    ['x', 'a single string'],
    [3, 'a single number'],
    [true, 'a single true'],
  ])('%j is refused, naming the source and what it is', (data, found) => {
    expect(() => {
      requireMapping(data, 'f.yaml', 'a Roth history');
    }).toThrow(
      `f.yaml: expected a Roth history: a mapping of fields (a YAML mapping or JSON object), found ${found}`,
    );
  });
});
