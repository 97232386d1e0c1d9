import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PHYSICIAN_EXAMPLE } from '../engine/scenario/examples.js';
import { runCli } from '../../tests/helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'megaroth-files-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('scenario files', () => {
  it('a .json file is read as JSON and plans like the built-in example', async () => {
    writeFileSync(join(dir, 'physician.json'), JSON.stringify(PHYSICIAN_EXAMPLE, null, 2));
    const [fromFile, builtIn] = await Promise.all([
      runCli(['plan', 'physician.json', '--json'], dir),
      runCli(['plan', '--json'], dir),
    ]);
    expect(fromFile.code).toBe(0);
    expect(fromFile.stdout).toBe(builtIn.stdout);
  });

  it('a .json file with YAML in it is refused at its line', async () => {
    writeFileSync(join(dir, 'bad.json'), '{\n  "version": 1,\n  "filingStatus": single\n}\n');
    const r = await runCli(['plan', 'bad.json'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.json:3: not valid JSON/);
  });

  it('--year replaces the tax year of the file', async () => {
    writeFileSync(join(dir, 'physician.yaml'), JSON.stringify(PHYSICIAN_EXAMPLE));
    const r = await runCli(['plan', 'physician.yaml', '--year', '2025', '--json'], dir);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ taxYear: 2025 });
  });
});
