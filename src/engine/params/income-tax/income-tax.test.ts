import { describe, expect, it } from 'vitest';
import { InputError } from '../../errors.js';
import { SUPPORTED_YEARS } from '../index.js';
import type { Usd } from '../types.js';
import { INCOME_TAX_YEARS, incomeTaxFor, type BracketTops } from './index.js';

/** Every leaf `{ value, citation }` under an object, with its key path. */
function leaves(node: unknown, path = ''): { path: string; leaf: Record<string, unknown> }[] {
  if (node === null || typeof node !== 'object') return [];
  const rec = node as Record<string, unknown>;
  if ('value' in rec && 'citation' in rec) return [{ path, leaf: rec }];
  return Object.entries(rec).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
}

describe('income tax parameters', () => {
  it('cover the same years as the plan parameters', () => {
    expect(INCOME_TAX_YEARS).toEqual(SUPPORTED_YEARS);
  });

  it('every year has every key (brackets and deduction for all five statuses, NIIT)', () => {
    const keysOf = (y: number): string[] =>
      leaves({ ...incomeTaxFor(y), year: undefined })
        .map((l) => l.path)
        .sort();
    const first = keysOf(2023);
    expect(first).toHaveLength(7 + 5 * 6 + 5 + 1 + 5);
    for (const y of INCOME_TAX_YEARS) expect(keysOf(y)).toEqual(first);
  });

  it('every value has unit, label, citation and status; tops ascend', () => {
    for (const y of INCOME_TAX_YEARS) {
      const p = incomeTaxFor(y);
      for (const { path, leaf } of leaves({ ...p, year: undefined })) {
        expect(String(leaf['citation']).length, `${String(y)} ${path}`).toBeGreaterThan(5);
        expect(String(leaf['label']).length, `${String(y)} ${path}`).toBeGreaterThan(5);
        expect(['usd', 'rate']).toContain(leaf['unit']);
        expect(['V', 'V2', 'UNVERIFIED']).toContain(leaf['status']);
        expect(Number.isFinite(leaf['value'])).toBe(true);
      }
      for (const tops of Object.values(p.brackets) as BracketTops[]) {
        const v = Object.values(tops).map((t: Usd) => t.value);
        expect([...v].sort((a, b) => a - b)).toEqual(v);
      }
    }
  });

  it('2023 figures of Rev. Proc. 2022-38 as listed in issue 6; 2025 deduction after P.L. 119-21', () => {
    const p = incomeTaxFor(2023);
    expect(Object.values(p.brackets.single).map((t: Usd) => t.value)).toEqual([
      11_000, 44_725, 95_375, 182_100, 231_250, 578_125,
    ]);
    expect(Object.values(p.brackets.mfj).map((t: Usd) => t.value)).toEqual([
      22_000, 89_450, 190_750, 364_200, 462_500, 693_750,
    ]);
    expect(p.standardDeduction.single.value).toBe(13_850);
    expect(p.standardDeduction.mfj.value).toBe(27_700);
    expect(p.standardDeduction.hoh.value).toBe(20_800);
    const d25 = incomeTaxFor(2025).standardDeduction;
    expect([d25.single.value, d25.mfj.value, d25.hoh.value]).toEqual([15_750, 31_500, 23_625]);
  });

  it('an unsupported year is an input error naming the years', () => {
    expect(() => incomeTaxFor(2030, '--year')).toThrow(InputError);
    expect(() => incomeTaxFor(2030, '--year')).toThrow(/2023, 2024, 2025, 2026/);
  });
});
