import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';

describe('megaroth tax', () => {
  it('prints the 2026 single tax on 150,000 (case G-1) as JSON key tax', async () => {
    const r = await runCli([
      'tax',
      '--year',
      '2026',
      '--status',
      'single',
      '--taxable-income',
      '150000',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(j['tax']).toBe(28_598);
    expect(j['marginalRate']).toBe(0.24);
    expect(j['standardDeduction']).toBe(16_100);
  });

  it('prints a table by default (HoH at the top of the 35% bracket)', async () => {
    const r = await runCli([
      'tax',
      '--year',
      '2026',
      '--status',
      'hoh',
      '--taxable-income',
      '640600',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Federal income tax\s+\$191,171\.00/);
    expect(r.stdout).toMatch(/Marginal rate\s+37%/);
  });

  it.each([
    [['--year', '2022', '--status', 'single', '--taxable-income', '1'], /--year.*2023, 2024/],
    [
      ['--year', '2026', '--status', 'married', '--taxable-income', '1'],
      /--status: must be one of/,
    ],
    [['--year', '2026', '--status', 'mfj', '--taxable-income', '-5'], /--taxable-income/],
  ])('bad input %j exits 2 with a message', async (args, message) => {
    const r = await runCli(['tax', ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});
