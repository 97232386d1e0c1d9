import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allocate,
  applyRate,
  dollarsToCents,
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
});
