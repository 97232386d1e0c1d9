import { describe, expect, it } from 'vitest';
import { progressBar } from '../src/cli/progress.js';

function io(isTTY: boolean): { err: string; io: Parameters<typeof progressBar>[0] } {
  const box = { err: '', io: undefined as unknown as Parameters<typeof progressBar>[0] };
  box.io = { out: () => undefined, err: (t) => (box.err += t), isTTY, cwd: '.' };
  return box;
}

describe('progress bar', () => {
  it('draws on a terminal and clears at the end', () => {
    const b = io(true);
    const bar = progressBar(b.io, 'Monte Carlo', true);
    bar.update(0.5);
    bar.update(0.5); // unchanged: not redrawn
    bar.update(1);
    bar.finish();
    expect(b.err).toContain('Monte Carlo [###############...............]  50%');
    expect(b.err).toContain('100%');
    expect(b.err.match(/50%/g)).toHaveLength(1);
    expect(b.err.endsWith('\r')).toBe(true);
  });

  it('stays silent when not a terminal or when disabled (--json, --csv)', () => {
    for (const [tty, enabled] of [
      [false, true],
      [true, false],
    ] as const) {
      const b = io(tty);
      const bar = progressBar(b.io, 'x', enabled);
      bar.update(0.3);
      bar.finish();
      expect(b.err).toBe('');
    }
  });
});
