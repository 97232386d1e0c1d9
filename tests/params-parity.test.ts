import { describe, expect, it } from 'vitest';
import { paramsFor, SUPPORTED_YEARS } from '../src/engine/params/index.js';
import { InputError } from '../src/engine/errors.js';

/** Every leaf `{ value, citation }` under an object, with its key path. */
function leaves(node: unknown, path = ''): { path: string; leaf: Record<string, unknown> }[] {
  if (node === null || typeof node !== 'object') return [];
  const rec = node as Record<string, unknown>;
  if ('value' in rec && 'citation' in rec) return [{ path, leaf: rec }];
  return Object.entries(rec).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
}

describe('tax-year parameters', () => {
  it('supports 2023 through 2026', () => {
    expect(SUPPORTED_YEARS).toEqual([2023, 2024, 2025, 2026]);
  });

  it('every year has the same keys', () => {
    const keysOf = (y: number): string[] =>
      leaves({ ...paramsFor(y), year: undefined })
        .map((l) => l.path)
        .sort();
    const first = keysOf(SUPPORTED_YEARS[0] ?? 0);
    expect(first.length).toBeGreaterThan(20);
    for (const y of SUPPORTED_YEARS) expect(keysOf(y)).toEqual(first);
  });

  it('every value has a unit, a label and a citation', () => {
    for (const y of SUPPORTED_YEARS) {
      for (const { path, leaf } of leaves({ ...paramsFor(y), year: undefined })) {
        expect(String(leaf['citation']).length, `${String(y)} ${path}`).toBeGreaterThan(5);
        expect(String(leaf['label']).length, `${String(y)} ${path}`).toBeGreaterThan(5);
        expect(['usd', 'rate', 'age', 'bool', 'days', 'months', 'years', 'hours']).toContain(
          leaf['unit'],
        );
      }
    }
  });

  it('matches the 2023 figures of Notice 2022-55', () => {
    const p = paramsFor(2023).plan;
    expect(p.electiveDeferralLimit.value).toBe(22_500);
    expect(p.catchUp50.value).toBe(7_500);
    expect(p.annualAdditionsLimit.value).toBe(66_000);
    expect(p.compensationLimit.value).toBe(330_000);
    expect(p.hceThreshold.value).toBe(150_000);
    expect(p.keyEmployeeThreshold.value).toBe(215_000);
    expect(p.definedBenefitLimit.value).toBe(265_000);
    expect(p.iraLimit.value).toBe(6_500);
    expect(p.iraCatchUp.value).toBe(1_000);
    expect(paramsFor(2023).payroll.socialSecurityWageBase.value).toBe(160_200);
  });

  it('rejects an unsupported year with the list of supported years', () => {
    expect(() => paramsFor(2019)).toThrow(InputError);
    expect(() => paramsFor(2019)).toThrow(/supported years: 2023, 2024, 2025, 2026/);
  });
});
