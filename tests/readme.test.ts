/**
 * Keeps the README true: every ```text block that starts with `$ npx megaroth ...` is run, and
 * each line shown after it must appear in the output, in order (a `...` line stands for lines
 * left out). A block whose output starts with `error:` shows bad input: exit code 2, and the
 * lines are looked for in what was printed to stderr.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';

interface Example {
  readonly command: string;
  readonly shown: readonly string[];
}

function examples(): Example[] {
  const text = readFileSync('README.md', 'utf8');
  const out: Example[] = [];
  for (const m of text.matchAll(/```text\n\$ npx megaroth ([^\n]*)\n([\s\S]*?)```/g)) {
    out.push({ command: m[1] ?? '', shown: (m[2] ?? '').split('\n').filter((l) => l !== '') });
  }
  return out;
}

/** Splits a shell-like command line on spaces (the README uses no quoting). */
function argv(command: string): string[] {
  return command.split(/\s+/).filter(Boolean);
}

describe('README examples', () => {
  const list = examples();
  it('has examples to check', () => {
    expect(list.length).toBeGreaterThan(8);
  });
  it.each(list.map((e) => [e.command, e] as const))('$ npx megaroth %s', async (_c, e) => {
    const r = await runCli(argv(e.command));
    const bad = e.shown[0]?.startsWith('error:') === true;
    expect(r.code, r.stderr).toBe(bad ? 2 : 0);
    const lines = (bad ? r.stderr : r.stdout).split('\n').map((l) => l.trimEnd());
    let at = 0;
    for (const shown of e.shown) {
      if (shown.trim() === '...') continue;
      const want = shown.trimEnd();
      const found = lines.indexOf(want, at);
      expect(found, `README line not in output (in order): "${want}"`).toBeGreaterThanOrEqual(0);
      at = found + 1;
    }
  });
});
