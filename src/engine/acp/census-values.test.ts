import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDollars } from '../money.js';
import { parsePercent, parseYesNo, plainHundredthsBytes } from './census-values.js';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const plain = (text: string): number => {
  const b = bytes(text);
  return plainHundredthsBytes(b, 0, b.length);
};

/** An amount of cents written the ways a census writes it: `62000`, `62000.5`, `0062000.50`. */
const writtenCents = fc
  .tuple(
    fc.integer({ min: 0, max: 99_999_999_999_99 }),
    fc.nat({ max: 2 }),
    fc.constantFrom('', '0', '00'),
  )
  .map(([c, places, zeros]) => {
    const whole = `${zeros}${String(Math.floor(c / 100))}`;
    const cents = String(c % 100).padStart(2, '0');
    if (places === 0 || c % 100 !== 0) {
      const text =
        places === 1 && cents.endsWith('0') ? `${whole}.${cents[0] ?? ''}` : `${whole}.${cents}`;
      return [c, text] as const;
    }
    return [c, whole] as const;
  });

describe('the byte-range reader of plain amounts agrees with parseDollars', () => {
  it('reads every plain amount to the cent parseDollars gives', () => {
    fc.assert(
      fc.property(writtenCents, ([c, text]) => {
        expect(parseDollars(text)).toBe(c);
        expect(plain(text)).toBe(c);
      }),
      { numRuns: 2000 },
    );
  });

  it('on any text: declines (-1) or gives what parseDollars gives', () => {
    const text = fc
      .array(fc.constantFrom(...'0123456789.,$-_ +e\u00e9'.split('')), { maxLength: 20 })
      .map((cs) => cs.join(''));
    fc.assert(
      fc.property(text, (t) => {
        const v = plain(t);
        if (v !== -1) expect(v).toBe(parseDollars(t));
      }),
      { numRuns: 5000 },
    );
  });

  it('declines what the general reader words: signs, $, commas, spaces, .5, 5., a third decimal', () => {
    for (const t of ['-5', '$5', '1,000', ' 5', '5 ', '.5', '5.', '1.234', '1.230', '', '1e3']) {
      expect(plain(t), t).toBe(-1);
    }
    // sixteen digits could lose precision in a double: left to parseDollars
    expect(plain('1234567890123456')).toBe(-1);
    expect(plain('123456789012.34')).toBe(12_345_678_901_234);
  });

  it('a percentage: the same hundredths as the byte-range reader, 0 to 100 only', () => {
    fc.assert(
      fc.property(writtenCents, ([c, text]) => {
        expect(parsePercent(text)).toBe(c <= 10_000 ? c : undefined);
      }),
      { numRuns: 2000 },
    );
    expect(parsePercent(' 2.35% ')).toBe(235);
    expect(parsePercent('$5')).toBeUndefined();
    expect(parsePercent('-1')).toBeUndefined();
    expect(parsePercent('150', 1000)).toBe(15_000);
  });

  it('yes/no words', () => {
    expect(['TRUE', ' y', 'x', '1', 'No', '0', '', 'maybe'].map(parseYesNo)).toEqual([
      true,
      true,
      true,
      true,
      false,
      false,
      undefined,
      null,
    ]);
  });
});
