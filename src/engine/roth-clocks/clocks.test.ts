import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCases } from '../../../tests/helpers/cases.js';
import { cents } from '../money.js';
import { analyzeRothHistory } from './clocks.js';
import { addMonths, age59HalfDate } from './dates.js';
import { parseRothHistory } from './history.js';

interface Case {
  id: string;
  history: unknown;
  expect: Record<string, unknown>;
}
const { cases } = loadCases('roth-clocks.yaml') as { cases: Case[] };

const MONEY = new Set([
  'amount',
  'taxable',
  'additionalTax',
  'total',
  'regularContributions',
  'conversions',
  'earlyAmount',
  'exemptAmount',
  'firstHome',
  ...['19', '20', '21', '22', '23', '24', '25a', '25b', '25c'].map((n) => `line${n}`),
]);

/** Compares `got` against the expected subset; money keys are dollars in the YAML. */
function matches(got: unknown, want: unknown, path: string): void {
  if (Array.isArray(want)) {
    expect(Array.isArray(got), path).toBe(true);
    const g = got as unknown[];
    expect(g.length, `${path}.length`).toBe(want.length);
    want.forEach((w, i) => {
      matches(g[i], w, `${path}[${String(i)}]`);
    });
    return;
  }
  if (want !== null && typeof want === 'object') {
    for (const [k, v] of Object.entries(want)) {
      const g = (got as Record<string, unknown>)[k];
      if (MONEY.has(k) && typeof v === 'number') expect(g, `${path}.${k}`).toBe(cents(v));
      else if (v === null) expect(g, `${path}.${k}`).toBeNull();
      else matches(g, v, `${path}.${k}`);
    }
    return;
  }
  expect(got, path).toEqual(want);
}

describe('Roth clock cases (tests/cases/roth-clocks.yaml)', () => {
  it('has F-1 to F-12', () => {
    const ids = new Set(cases.map((c) => c.id.split(' ')[0]));
    for (let n = 1; n <= 12; n++) expect(ids).toContain(`F-${String(n)}`);
  });
  for (const c of cases) {
    it(c.id, () => {
      const r = analyzeRothHistory(parseRothHistory(c.history));
      matches(r, c.expect, c.id);
    });
  }
});

describe('dates', () => {
  it('59½ is six calendar months after the 59th birthday, end-of-month clamped', () => {
    expect(age59HalfDate('1965-03-01')).toBe('2024-09-01');
    expect(age59HalfDate('1970-08-31')).toBe('2030-02-28');
    expect(addMonths('2023-12-15', 1)).toBe('2024-01-15');
  });
});

describe('bad histories', () => {
  const base = { birthDate: '1980-01-01' };
  it('an unknown plan name', () => {
    expect(() =>
      analyzeRothHistory(
        parseRothHistory({
          ...base,
          rothIra: { rollovers: [{ date: '2027-01-01', fromPlan: 'Q', amount: 1, basis: 1 }] },
        }),
      ),
    ).toThrow(/rothIra.rollovers\[0\].fromPlan: unknown plan "Q"/);
  });
  it('a date before the account existed', () => {
    expect(() =>
      analyzeRothHistory(
        parseRothHistory({
          ...base,
          rothIra: {
            opened: '2020-01-01',
            contributions: [{ taxYear: 2019, date: '2019-05-01', amount: 100 }],
          },
        }),
      ),
    ).toThrow(/contributions\[0\].date: 2019-05-01 is before the Roth IRA existed/);
    expect(() =>
      analyzeRothHistory(
        parseRothHistory({
          ...base,
          plans: [{ name: 'X', firstRothYear: 2022 }],
          rothIra: { rollovers: [{ date: '2021-01-01', fromPlan: 'X', amount: 1, basis: 1 }] },
        }),
      ),
    ).toThrow(/before plan "X" had designated Roth money/);
  });
  it('negative amounts and bad dates name the field', () => {
    expect(() =>
      parseRothHistory({
        ...base,
        rothIra: { conversions: [{ date: '2024-02-30', amount: -1, taxable: 0 }] },
      }),
    ).toThrow(
      /rothIra.conversions\[0\].date[\s\S]*rothIra.conversions\[0\].amount: must not be negative/,
    );
  });
  it('a withdrawal larger than the account', () => {
    expect(() =>
      analyzeRothHistory(
        parseRothHistory({
          ...base,
          rothIra: { contributions: [{ taxYear: 2020, date: '2020-02-01', amount: 100 }] },
          withdrawal: { date: '2021-01-01', amount: 200, balance: 150 },
        }),
      ),
    ).toThrow(/withdrawal.amount: cannot be larger than the Roth IRA balance/);
  });
  it('a Roth 401(k) clock carries over a direct rollover from another plan', () => {
    const r = analyzeRothHistory(
      parseRothHistory({
        ...base,
        plans: [
          { name: 'Old', firstRothYear: 2015 },
          {
            name: 'New',
            firstRothYear: 2023,
            rolloversIn: [{ fromPlan: 'Old', date: '2023-03-01' }],
          },
        ],
      }),
    );
    expect(r.plans.map((p) => p.startYear)).toEqual([2015, 2015]);
    expect(r.plans[1]?.qualifiedFrom).toBe('2039-07-01');
  });
});

describe('income tax estimate', () => {
  it('applies the marginal rate to the taxable tranches only', () => {
    const r = analyzeRothHistory(
      parseRothHistory({
        birthDate: '1980-01-15',
        rothIra: {
          contributions: [{ taxYear: 2019, date: '2019-05-01', amount: 6000 }],
          conversions: [{ date: '2022-03-01', amount: 50000, taxable: 45000 }],
        },
        withdrawal: { date: '2025-07-01', amount: 60000, balance: 70000, marginalRate: 0.24 },
      }),
    );
    const w = r.withdrawal;
    expect(w?.tranches.map((t) => [t.kind, t.taxable, t.incomeTax, t.additionalTax])).toEqual([
      ['regular', 0, 0, 0],
      ['conversion-taxable', 0, 0, 450_000],
      ['conversion-nontaxable', 0, 0, 0],
      ['earnings', 400_000, 96_000, 40_000],
    ]);
    expect(w?.incomeTax).toBe(96_000);
    expect(w?.additionalTax).toBe(490_000);
  });
  it('a qualified withdrawal has no tax at all', () => {
    const r = analyzeRothHistory(
      parseRothHistory({
        birthDate: '1950-01-15',
        rothIra: { contributions: [{ taxYear: 2015, date: '2015-05-01', amount: 5500 }] },
        withdrawal: { date: '2025-07-01', amount: 9000, balance: 9000, marginalRate: 0.32 },
      }),
    );
    expect(r.withdrawal?.qualified).toBe(true);
    expect(r.withdrawal?.incomeTax).toBe(0);
    expect(r.withdrawal?.additionalTax).toBe(0);
  });
});

describe('earnings beyond the rolled-in earnings', () => {
  it('are one earnings tranche', () => {
    const r = analyzeRothHistory(
      parseRothHistory({
        birthDate: '1977-03-01',
        plans: [{ name: 'X', firstRothYear: 2020 }],
        rothIra: {
          rollovers: [{ date: '2027-02-01', fromPlan: 'X', amount: 100000, basis: 60000 }],
        },
        withdrawal: { date: '2028-01-15', amount: 110000, balance: 115000 },
      }),
    );
    expect(r.withdrawal?.tranches.map((t) => [t.kind, t.amount])).toEqual([
      ['regular', 6_000_000],
      ['earnings', 5_000_000],
    ]);
    expect(r.withdrawal?.taxable).toBe(5_000_000);
    expect(r.withdrawal?.additionalTax).toBe(500_000);
  });
});

describe('ordering by tax year: properties', () => {
  const history = fc.record({
    contributions: fc.array(
      fc.record({
        taxYear: fc.integer({ min: 2018, max: 2026 }),
        late: fc.boolean(),
        amount: fc.integer({ min: 0, max: 8000 }),
      }),
      { maxLength: 5 },
    ),
    conversions: fc.array(
      fc.record({
        year: fc.integer({ min: 2018, max: 2026 }),
        amount: fc.integer({ min: 0, max: 30000 }),
        taxableShare: fc.integer({ min: 0, max: 100 }),
      }),
      { maxLength: 4 },
    ),
    distributions: fc.array(
      fc.record({
        year: fc.integer({ min: 2019, max: 2026 }),
        amount: fc.integer({ min: 1, max: 20000 }),
      }),
      { minLength: 1, maxLength: 4 },
    ),
    birthYear: fc.integer({ min: 1955, max: 1995 }),
  });
  it('each year: the tranches add up to the distributions, Part III line 25c is what is includible, the 10% tax is 10% of what is taxed', () => {
    fc.assert(
      fc.property(history, (h) => {
        const r = analyzeRothHistory(
          parseRothHistory({
            birthDate: `${String(h.birthYear)}-06-15`,
            rothIra: {
              contributions: [
                { taxYear: 2017, date: '2017-03-01', amount: 1 },
                ...h.contributions.map((c) => ({
                  taxYear: c.taxYear,
                  date: c.late ? `${String(c.taxYear + 1)}-04-01` : `${String(c.taxYear)}-11-01`,
                  amount: c.amount,
                })),
              ],
              conversions: h.conversions.map((c) => ({
                date: `${String(c.year)}-08-01`,
                amount: c.amount,
                taxable: Math.floor((c.amount * c.taxableShare) / 100),
              })),
              distributions: h.distributions.map((d, i) => ({
                date: `${String(d.year)}-0${String(1 + i)}-15`,
                amount: d.amount,
              })),
            },
          }),
        );
        for (const y of r.years) {
          expect(y.tranches.reduce((s, t) => s + t.amount, 0)).toBe(y.total);
          expect(y.part3?.line25c ?? 0).toBe(y.taxable);
          expect(
            y.tranches.filter((t) => t.kind !== 'earnings').every((t) => t.taxable === 0),
          ).toBe(true);
          const early = y.distributions.reduce((s, d) => s + d.earlyAmount - d.exemptAmount, 0);
          expect(y.additionalTax).toBe(Math.round(early / 10));
        }
      }),
    );
  });
  it('a regular contribution for the year, made after its distributions, never adds tax', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20000 }),
        fc.integer({ min: 0, max: 8000 }),
        fc.integer({ min: 0, max: 8000 }),
        (amount, before, later) => {
          const run = (extra: number) =>
            analyzeRothHistory(
              parseRothHistory({
                birthDate: '1985-01-01',
                rothIra: {
                  contributions: [
                    { taxYear: 2020, date: '2020-03-01', amount: before + 1 },
                    { taxYear: 2025, date: '2026-04-01', amount: extra },
                  ],
                },
                withdrawal: { date: '2025-03-01', amount, balance: 50000 },
              }),
            ).withdrawal;
          const without = run(0);
          const withIt = run(later);
          expect(withIt?.taxable ?? 0).toBeLessThanOrEqual(without?.taxable ?? 0);
          expect(withIt?.additionalTax ?? 0).toBeLessThanOrEqual(without?.additionalTax ?? 0);
          expect(without?.taxable).toBe(Math.max(0, amount - before - 1) * 100);
          expect(withIt?.taxable).toBe(Math.max(0, amount - before - 1 - later) * 100);
        },
      ),
    );
  });
});
