import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addRates,
  allocate,
  applyRate,
  compareRates,
  divideRates,
  dollarsToCents,
  MAX_AMOUNT,
  multiplyRates,
  percentToRate,
  ratePercent,
  subtractRates,
  formatUsd,
  mulDiv,
  parseDollars,
  percentRate,
  rateOf,
  reducedRate,
  roundDownToMultiple,
  roundRate,
  roundToDollar,
} from './money.js';

describe('money', () => {
  it('parses dollars exactly and refuses fractions of a cent', () => {
    expect(parseDollars('1234.5')).toBe(123450);
    expect(parseDollars('0.07')).toBe(7);
    expect(parseDollars('-3')).toBe(-300);
    expect(parseDollars('1.005')).toBeUndefined();
    expect(parseDollars('1.500')).toBe(150);
    expect(parseDollars('abc')).toBeUndefined();
    expect(dollarsToCents(0.1 + 0.2)).toBeUndefined();
    expect(dollarsToCents(12825.92)).toBe(1282592);
    expect(dollarsToCents(Number.NaN)).toBeUndefined();
  });

  it('reads the written forms of dollars the TSDoc of parseDollars lists', () => {
    expect(parseDollars('65,000.50')).toBe(6_500_050);
    expect(parseDollars(' $65000 ')).toBe(6_500_000);
    expect(parseDollars('1,234,567.89')).toBe(123_456_789);
    expect(parseDollars('65_000')).toBe(6_500_000);
    expect(parseDollars('-$3')).toBe(-300);
    expect(parseDollars('$-3')).toBe(-300);
    expect(parseDollars('-0')).toBe(0);
    for (const bad of [
      '',
      '$',
      '.5',
      '5.',
      '1e3',
      '--3',
      '-$-3',
      '6,5000',
      '65,00',
      ',650',
      '65__0',
      '$$5',
      '5$',
      '1.2.3',
      '0x10',
      '9007199254740992',
    ]) {
      expect(parseDollars(bad), bad).toBeUndefined();
    }
  });

  it('reads back every amount it formats', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
        (c) => {
          expect(parseDollars(formatUsd(c))).toBe(c);
        },
      ),
    );
  });

  it('formats dollars', () => {
    expect(formatUsd(1282592)).toBe('$12,825.92');
    expect(formatUsd(-5)).toBe('-$0.05');
    expect(formatUsd(0)).toBe('$0.00');
    expect(formatUsd(100_000_000)).toBe('$1,000,000.00');
    expect(formatUsd(99_999)).toBe('$999.99');
    expect(formatUsd(3707457, { wholeDollars: true })).toBe('$37,075');
  });

  it('formats exactly as toLocaleString("en-US") grouped the digits before', () => {
    // The former implementation, kept here as the reference.
    const before = (c: number, opts: { wholeDollars?: boolean } = {}): string => {
      const abs = Math.abs(c);
      const whole = opts.wholeDollars ? roundToDollar(abs) / 100 : Math.trunc(abs / 100);
      const wholeText = whole.toLocaleString('en-US');
      const body = opts.wholeDollars
        ? wholeText
        : `${wholeText}.${String(abs % 100).padStart(2, '0')}`;
      return `${c < 0 ? '-' : ''}$${body}`;
    };
    const amount = fc.oneof(
      fc.integer({ min: -1_000_000, max: 1_000_000 }),
      fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
      // around every power of ten, where a new group of digits starts
      fc
        .tuple(fc.integer({ min: 0, max: 15 }), fc.integer({ min: -2, max: 2 }))
        .map(([e, d]) => 10 ** e + d),
    );
    fc.assert(
      fc.property(amount, fc.boolean(), (c, wholeDollars) => {
        expect(formatUsd(c, { wholeDollars })).toBe(before(c, { wholeDollars }));
      }),
      { numRuns: 5000 },
    );
  });

  it('rounds to whole dollars the way IRS forms do', () => {
    expect(roundToDollar(3737373)).toBe(3737400);
    expect(roundToDollar(706449)).toBe(706400);
    expect(roundToDollar(706450)).toBe(706500);
    expect(roundToDollar(-150)).toBe(-200);
  });

  it('rounds indexed limits down to a multiple', () => {
    expect(roundDownToMultiple(2_479_900, 50_000)).toBe(2_450_000);
  });

  it('multiplies by exact rates, half-up', () => {
    // Schedule SE line 13 of case E-8: half of 14,129.55 = 7,064.775 → 7,064.78
    expect(applyRate(1412955, rateOf(0.5))).toBe(706478);
    expect(applyRate(20_000_000, rateOf(0.9235))).toBe(18_470_000);
    expect(mulDiv(-5, 1, 2)).toBe(-3);
    expect(mulDiv(5, 1, 2, 'down')).toBe(2);
  });

  it('derives the Pub 560 reduced rate', () => {
    expect(roundRate(reducedRate(percentRate(10)), 6)).toEqual(rateOf(0.090909));
    expect(reducedRate(percentRate(25))).toEqual({ num: 1, den: 5 });
    expect(roundRate(reducedRate(rateOf(0.105)), 3)).toEqual(rateOf(0.095));
  });

  it('splits 10.03 in two as 5.02 and 5.01', () => {
    expect(allocate(1003, [1, 1])).toEqual([502, 501]);
  });

  it('allocations always add back to the whole, proportionally within a cent', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc
          .array(fc.integer({ min: 0, max: 1e9 }), { minLength: 1, maxLength: 12 })
          .filter((w) => w.some((x) => x > 0)),
        (total, weights) => {
          const parts = allocate(total, weights);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          const wsum = weights.reduce((a, b) => a + b, 0);
          parts.forEach((p, i) => {
            expect(Math.abs(p - (total * (weights[i] ?? 0)) / wsum)).toBeLessThan(
              1 + 1e-6 * Math.abs(total),
            );
          });
        },
      ),
    );
  });

  it('reads every two-decimal amount up to MAX_AMOUNT back to the cent from its binary number', () => {
    expect(MAX_AMOUNT).toBe(100_000_000_000);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_AMOUNT }), (c) => {
        // the number a YAML or JSON reader gives for the text "d.cc"
        const written = Number(
          `${String(Math.trunc(c / 100))}.${String(c % 100).padStart(2, '0')}`,
        );
        expect(dollarsToCents(written)).toBe(c);
      }),
    );
    // above it the binary numbers are too far apart: 90071992547409.91 reads as …409.9
    expect(dollarsToCents(90_071_992_547_409.91)).toBe(9_007_199_254_740_990);
  });

  it('reads a percent with at most 4 decimals as an exact rate, and gives it back', () => {
    expect(percentToRate(4.5)).toEqual({ num: 9, den: 200 });
    expect(percentToRate(0.0001)).toEqual({ num: 1, den: 1_000_000 });
    expect(percentToRate(3.33333)).toBeUndefined();
    expect(percentToRate(Number.NaN)).toBeUndefined();
    expect(percentToRate(1e-7)).toBeUndefined();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), (n) => {
        const pct = Number((n / 10_000).toFixed(4));
        const r = percentToRate(pct);
        expect(r).toBeDefined();
        if (r) expect(ratePercent(r)).toBe(pct);
      }),
    );
  });

  it('adds, subtracts, multiplies, divides and compares rates exactly', () => {
    const third = { num: 1, den: 3 };
    const tenth = { num: 1, den: 10 };
    expect(addRates(third, tenth)).toEqual({ num: 13, den: 30 });
    expect(subtractRates(tenth, third)).toEqual({ num: -7, den: 30 });
    expect(multiplyRates(third, tenth)).toEqual({ num: 1, den: 30 });
    expect(divideRates(tenth, third)).toEqual({ num: 3, den: 10 });
    expect(divideRates(tenth, { num: -1, den: 3 })).toEqual({ num: -3, den: 10 });
    expect(() => divideRates(tenth, { num: 0, den: 1 })).toThrow(RangeError);
    // 0.1 + 0.2 is exactly 0.3 as rates, not 0.30000000000000004
    expect(compareRates(addRates(rateOf(0.1), rateOf(0.2)), rateOf(0.3))).toBe(0);
    expect(compareRates(third, tenth)).toBeGreaterThan(0);
    expect(compareRates(tenth, third)).toBeLessThan(0);
    // 100% up to 3% and 50% up to 5%: the full match is 4% of pay, 0.8 per dollar deferred
    const full = addRates(
      multiplyRates(percentRate(3), percentRate(100)),
      multiplyRates(subtractRates(percentRate(5), percentRate(3)), percentRate(50)),
    );
    expect(full).toEqual({ num: 1, den: 25 });
    expect(divideRates(full, percentRate(5))).toEqual({ num: 4, den: 5 });
  });
});
