import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCases } from '../../../tests/helpers/cases.js';
import { InputError } from '../errors.js';
import { cents, rateValue, roundToDollar } from '../money.js';
import { form8606, type Form8606Input, type RatioPrecision } from './form8606.js';
import { proRataTrap } from './trap.js';

interface Case {
  id: string;
  precision?: RatioPrecision;
  wholeDollars?: boolean;
  expectNote?: string;
  input: Record<string, number>;
  expect: Record<string, number>;
}

const { cases } = loadCases('form8606.yaml') as { cases: Case[] };

function toInput(raw: Record<string, number>): Form8606Input {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(raw)) out[k] = cents(v);
  return out as unknown as Form8606Input;
}

describe('Form 8606 cases (tests/cases/form8606.yaml)', () => {
  it('has the B cases', () => {
    expect(cases.map((c) => c.id.split(' ')[0])).toEqual(
      expect.arrayContaining(['B-1', 'B-2', 'B-3', 'B-4', 'B-5', 'B-6']),
    );
  });
  for (const c of cases) {
    it(c.id, () => {
      const r = form8606(toInput(c.input), { precision: c.precision ?? 'full' });
      for (const [line, want] of Object.entries(c.expect)) {
        if (line === 'line10') {
          expect(r.line10).not.toBeNull();
          expect(rateValue(r.line10 ?? { num: 0, den: 1 })).toBeCloseTo(want, 6);
          continue;
        }
        const got = (r.lines as unknown as Record<string, number | null>)[line];
        expect(got, line).not.toBeNull();
        const shown = c.wholeDollars ? roundToDollar(got ?? 0) : got;
        expect(shown, line).toBe(cents(want));
      }
      if (c.expectNote) expect(r.notes.join(' ')).toContain(c.expectNote);
    });
  }
});

describe('Form 8606 rules', () => {
  it('skips lines 4-13 when there is nothing out', () => {
    const r = form8606({
      nondeductibleContributions: 700_000,
      priorBasis: 100_000,
      yearEndValue: 900_000,
      distributions: 0,
      converted: 0,
    });
    expect(r.lines.line14).toBe(800_000);
    expect(r.lines.line13).toBeNull();
    expect(r.lines.line18).toBe(0);
  });

  it('line 4 contributions stay in basis (line 14) but out of the ratio', () => {
    // 2025 contribution made in 2026 (line 4 = 7,000) while converting 7,000 of an older one.
    const r = form8606({
      nondeductibleContributions: 700_000,
      contributionsNextYear: 700_000,
      priorBasis: 700_000,
      yearEndValue: 0,
      distributions: 0,
      converted: 700_000,
    });
    expect(r.lines.line5).toBe(700_000);
    expect(r.lines.line18).toBe(0);
    expect(r.lines.line14).toBe(700_000);
  });

  it('rejects negative amounts and line 4 above line 1, naming the fields', () => {
    expect(() =>
      form8606({
        nondeductibleContributions: -1,
        priorBasis: 0,
        yearEndValue: 0,
        distributions: 0,
        converted: 0,
      }),
    ).toThrow(/nondeductibleContributions: must not be negative/);
    expect(() =>
      form8606({
        nondeductibleContributions: 100,
        contributionsNextYear: 200,
        priorBasis: 0,
        yearEndValue: 0,
        distributions: 0,
        converted: 0,
      }),
    ).toThrow(InputError);
  });

  it('shows the trap and the fix (B-4)', () => {
    const t = proRataTrap({
      nondeductibleContributions: 700_000,
      priorBasis: 0,
      converted: 700_000,
      distributions: 0,
      yearEndValue: 9_300_000,
    });
    expect(t.trapped.lines.line18).toBe(651_000);
    expect(t.fixed.lines.line18).toBe(0);
    expect(t.extraTaxable).toBe(651_000);
  });
});

describe('Form 8606 properties', () => {
  const amount = fc.integer({ min: 0, max: 50_000_000 });
  const input = fc.record({
    nondeductibleContributions: amount,
    priorBasis: amount,
    yearEndValue: amount,
    distributions: amount,
    converted: amount,
  });
  const precision = fc.constantFrom<RatioPrecision>('full', 'three-places');

  it('basis is never negative and the nontaxable part never exceeds basis or the amount out', () => {
    fc.assert(
      fc.property(input, precision, (i, p) => {
        const r = form8606(i, { precision: p });
        const l = r.lines;
        expect(l.line14).toBeGreaterThanOrEqual(0);
        expect(l.line18).toBeGreaterThanOrEqual(0);
        if (l.line13 !== null) {
          expect(l.line13).toBeLessThanOrEqual(l.line5 ?? 0);
          expect(l.line13).toBe((l.line11 ?? 0) + (l.line12 ?? 0));
          expect(l.line11 ?? 0).toBeLessThanOrEqual(i.converted);
          expect(l.line12 ?? 0).toBeLessThanOrEqual(i.distributions);
          expect(l.line15c ?? 0).toBeGreaterThanOrEqual(0);
        }
        expect(l.line3 - l.line14).toBe(l.line13 ?? 0);
      }),
    );
  });

  it('full precision: nontaxable is within half a cent of (7+8) x min(1, 5/9)', () => {
    fc.assert(
      fc.property(input, (i) => {
        const r = form8606(i);
        const l = r.lines;
        if (l.line13 === null || l.line9 === null || l.line5 === null) return;
        const exact = (i.distributions + i.converted) * Math.min(l.line5 / l.line9, 1);
        expect(Math.abs(l.line13 - exact)).toBeLessThanOrEqual(0.5 + 1e-6);
      }),
    );
  });
});
