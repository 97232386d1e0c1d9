/**
 * The commands quoted in docs/moving-money.md print what the
 * docs say: every output line quoted under a `$ node dist/cli/bin.js ...` line must appear in
 * the real output (the docs may trim lines, and `...` skips).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

interface Example {
  readonly args: string[];
  readonly lines: string[];
}

function examples(file: string): Example[] {
  const text = readFileSync(file, 'utf8');
  const out: Example[] = [];
  for (const block of text.split('```').filter((_, i) => i % 2 === 1)) {
    let cur: Example | null = null;
    for (const raw of block.split('\n')) {
      const m = /^\$ node dist\/cli\/bin\.js (.*)$/.exec(raw);
      if (m) {
        cur = { args: (m[1] ?? '').split(/\s+/), lines: [] };
        out.push(cur);
      } else if (cur && raw.trim() !== '' && raw.trim() !== '...') {
        cur.lines.push(raw.trimEnd());
      }
    }
  }
  return out;
}

for (const file of ['docs/moving-money.md']) {
  describe(file, () => {
    const list = examples(file);
    it('has examples', () => {
      expect(list.length).toBeGreaterThan(3);
    });
    for (const ex of list) {
      it(ex.args.join(' '), async () => {
        const r = await runCli(ex.args);
        const printed = (r.stdout + r.stderr).split('\n').map((l) => l.trimEnd());
        for (const line of ex.lines) expect(printed, line).toContain(line);
      });
    }
  });
}
