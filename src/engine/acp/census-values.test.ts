import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDollars } from '../money.js';
import { BLANK, NOT_PLAIN, parsePercent, parseYesNo, PlainAmountReader } from './census-values.js';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
/** The reader on a whole field: NOT_PLAIN also when it stops at a comma inside the text. */
const plain = (text: string): number => {
  const b = bytes(text);
  const reader = new PlainAmountReader();
  const v = reader.read(b, 0, b.length);
  return v >= 0 && reader.fieldEnd !== b.length ? NOT_PLAIN : v;
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

  it('on any text: declines or gives what parseDollars gives', () => {
    const text = fc
      .array(fc.constantFrom(...'0123456789.,$-_ +e\u00e9'.split('')), { maxLength: 20 })
      .map((cs) => cs.join(''));
    fc.assert(
      fc.property(text, (t) => {
        const v = plain(t);
        if (v !== NOT_PLAIN && v !== BLANK) expect(v).toBe(parseDollars(t));
      }),
      { numRuns: 5000 },
    );
  });

  it('declines what the general reader words: signs, $, commas, spaces, .5, 5., a third decimal', () => {
    for (const t of ['-5', '$5', '1,000', ' 5', '5 ', '.5', '5.', '1.234', '1.230', '1e3', '"5"']) {
      expect(plain(t), t).toBe(NOT_PLAIN);
    }
    expect(plain('')).toBe(BLANK);
    // sixteen digits could lose precision in a double: left to parseDollars
    expect(plain('1234567890123456')).toBe(NOT_PLAIN);
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

describe('the byte-range reader within a line', () => {
  it('reads one field up to its comma and says where it ended', () => {
    const b = bytes('60000,1234.5,,x,7');
    const r = new PlainAmountReader();
    const got: [number, number][] = [];
    for (let at = 0; at < b.length; at = r.fieldEnd + 1) {
      const v = r.read(b, at, b.length);
      got.push([v, v === NOT_PLAIN ? -1 : r.fieldEnd]);
      if (v === NOT_PLAIN) r.fieldEnd = b.indexOf(44, at);
    }
    expect(got).toEqual([
      [6_000_000, 5],
      [123_450, 12],
      [BLANK, 13],
      [NOT_PLAIN, -1],
      [700, 17],
    ]);
  });
});
