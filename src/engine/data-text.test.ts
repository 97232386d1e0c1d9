import { describe, expect, it } from 'vitest';
import { parseDataText } from './data-text.js';
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
