import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths } from '../dates.js';
import { InputError } from '../errors.js';
import {
  EARLY_EXCEPTIONS,
  IRA_EXCEPTIONS,
  PLAN_EXCEPTIONS,
  age59HalfDate,
  planEarlyTax,
} from './early-tax.js';
import { withholdingOn } from './withholding.js';

const date = fc
  .record({
    y: fc.integer({ min: 1950, max: 2000 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 28 }),
  })
  .map(({ y, m, d }) => `${String(y)}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);

describe('the 10% additional tax on a plan distribution (IRC 72(t))', () => {
  it('is 10% of what is kept and not exempt, rounded half-up; the exempt part never exceeds it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        date,
        fc.integer({ min: 0, max: 900 }),
        fc.option(fc.integer({ min: 0, max: 10_000_000 }), { nil: undefined }),
        (subjectTo, birth, months, medical) => {
          const r = planEarlyTax({
            subjectTo,
            birthDate: birth,
            date: addMonths(birth, months),
            ...(medical !== undefined ? { exception: 'medical', exceptionAmount: medical } : {}),
          });
          expect(r.computed).toBe(true);
          if (!r.computed) return;
          expect(r.exempt).toBeLessThanOrEqual(subjectTo);
          expect(r.tax).toBe(Math.round((subjectTo - r.exempt) / 10));
          // Age 59½ is 714 months: from then on nothing is due.
          if (months >= 714) expect(r.tax).toBe(0);
          if (months < 714 && medical === undefined) expect(r.tax).toBe(Math.round(subjectTo / 10));
        },
      ),
    );
  });
  it('separation from service: the calendar year of turning 55 or later (Notice 87-13 Q&A-20), 50 for public safety', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 45, max: 59 }), fc.boolean(), (birth, age, safety) => {
        const year = Number(birth.slice(0, 4)) + age;
        const r = planEarlyTax({
          subjectTo: 100_000,
          birthDate: birth,
          date: `${String(year)}-12-31`,
          separationYear: year,
          publicSafety: safety,
        });
        const meets = age >= (safety ? 50 : 55);
        expect(r.computed && r.tax).toBe(
          meets || `${String(year)}-12-31` >= age59HalfDate(birth) ? 0 : 10_000,
        );
      }),
    );
  });
  it('whole exceptions cover all; limited ones their amount; a plan cannot claim an IRA-only one', () => {
    for (const name of PLAN_EXCEPTIONS) {
      const e = EARLY_EXCEPTIONS[name];
      const r = planEarlyTax({
        subjectTo: 50_000,
        exception: name,
        ...(e.limited ? { exceptionAmount: 20_000 } : {}),
      });
      if (e.limited) {
        // Covering 200 of 500 leaves 300 whose tax depends on the age: not computed without it;
        // before 59½: 10% × (500 − 200) = 30.
        expect(r).toMatchObject({ computed: false });
        expect(
          planEarlyTax({
            subjectTo: 50_000,
            exception: name,
            exceptionAmount: 20_000,
            birthDate: '1980-01-01',
            date: '2026-01-01',
          }),
        ).toMatchObject({ computed: true, exempt: 20_000, tax: 3_000 });
      } else expect(r).toMatchObject({ computed: true, exempt: 50_000, tax: 0 });
    }
    for (const name of IRA_EXCEPTIONS.filter((n) => !PLAN_EXCEPTIONS.includes(n))) {
      expect(() => planEarlyTax({ subjectTo: 1, exception: name })).toThrow(InputError);
    }
  });
  it('not computed without a birth date or a date, and nothing is due on nothing kept', () => {
    expect(planEarlyTax({ subjectTo: 100 })).toMatchObject({ computed: false });
    expect(planEarlyTax({ subjectTo: 100, birthDate: '1980-01-01' })).toMatchObject({
      computed: false,
    });
    expect(planEarlyTax({ subjectTo: 0 })).toMatchObject({
      computed: true,
      tax: 0,
      rule: 'nothing-kept',
    });
  });
});

describe('withholding (IRC 3405)', () => {
  it('20% of the pre-tax part paid, none while the year totals under $200', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 0, max: 100_000 }),
        (pretax, year) => {
          const w = withholdingOn(pretax, pretax, { yearTotal: year });
          if (year < 20_000) expect(w).toEqual({ amount: 0, rule: 'under-minimum' });
          else expect(w).toEqual({ amount: Math.round(pretax / 5), rule: 'mandatory' });
        },
      ),
    );
  });
  it('10% on a distribution that is not an eligible rollover distribution, unless elected out', () => {
    expect(withholdingOn(15_000, 15_000, { eligible: false })).toEqual({
      amount: 1_500,
      rule: 'non-eligible',
    });
    expect(withholdingOn(15_000, 15_000, { eligible: false, electedOut: true })).toEqual({
      amount: 0,
      rule: 'elected-out',
    });
    expect(() => withholdingOn(15_000, 15_000, { electedOut: true })).toThrow(/cannot be waived/);
  });
});
