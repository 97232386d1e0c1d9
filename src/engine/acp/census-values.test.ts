import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDollars } from '../money.js';
import {
  BLANK,
  NOT_PLAIN,
  parseDateNumber,
  parseHundredths,
  parsePercent,
  parseWholeNumber,
  parseYesNo,
  PlainAmountReader,
} from './census-values.js';

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

describe('the byte-range readers of signed amounts, whole numbers and dates agree with the general readers', () => {
  const field = (text: string, read: (r: PlainAmountReader, b: Uint8Array) => number) => {
    const b = bytes(text);
    const reader = new PlainAmountReader();
    const v = read(reader, b);
    if (v >= 0 && reader.fieldEnd !== b.length) return { v: NOT_PLAIN, negative: false };
    return { v, negative: reader.negative };
  };
  const text = (chars: string, max: number) =>
    fc.array(fc.constantFrom(...chars.split('')), { maxLength: max }).map((cs) => cs.join(''));

  it('a gain or loss: declines or gives what parseDollars gives, the sign kept', () => {
    fc.assert(
      fc.property(text('0123456789.-$ ,', 14), (t) => {
        const { v, negative } = field(t, (r, b) => r.readSigned(b, 0, b.length));
        if (v === NOT_PLAIN || v === BLANK) return;
        expect(negative && v > 0 ? -v : v).toBe(parseDollars(t));
      }),
      { numRuns: 5000 },
    );
    expect(field('-12.5', (r, b) => r.readSigned(b, 0, b.length))).toEqual({
      v: 1250,
      negative: true,
    });
    for (const t of ['-', '--5', '-$5', '+5', ' -5']) {
      expect(field(t, (r, b) => r.readSigned(b, 0, b.length)).v, t).toBe(NOT_PLAIN);
    }
  });

  it('an age: one to three digits, as parseWholeNumber reads them', () => {
    fc.assert(
      fc.property(text('0123456789. -', 5), (t) => {
        const { v } = field(t, (r, b) => r.readWhole(b, 0, b.length));
        if (v === NOT_PLAIN || v === BLANK) return;
        expect(v).toBe(parseWholeNumber(t, 999));
      }),
      { numRuns: 3000 },
    );
    expect(field('45.0', (r, b) => r.readWhole(b, 0, b.length)).v).toBe(NOT_PLAIN);
    expect(parseWholeNumber('131', 130)).toBeUndefined();
  });

  it('a date: every real YYYY-MM-DD as yyyymmdd, like parseDateNumber; the rest declined', () => {
    const day = fc.date({
      min: new Date('1900-01-01'),
      max: new Date('2200-12-31'),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(day, (d) => {
        const t = d.toISOString().slice(0, 10);
        const want = Number(t.replace(/-/g, ''));
        expect(parseDateNumber(t)).toBe(want);
        expect(field(t, (r, b) => r.readDate(b, 0, b.length)).v).toBe(want);
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(text('0123456789-/ ', 12), (t) => {
        const { v } = field(t, (r, b) => r.readDate(b, 0, b.length));
        if (v === NOT_PLAIN || v === BLANK) return;
        expect(v).toBe(parseDateNumber(t));
      }),
      { numRuns: 5000 },
    );
    for (const t of ['2001-02-29', '1980-5-17', '1899-12-31', '2026-13-01', '2026-04-31']) {
      expect(field(t, (r, b) => r.readDate(b, 0, b.length)).v, t).toBe(NOT_PLAIN);
      expect(parseDateNumber(t), t).toBeUndefined();
    }
  });

  it('years of service: hundredths from 0 to the maximum, two decimals at most', () => {
    expect(parseHundredths('1.5', 100)).toBe(150);
    expect(parseHundredths('100', 100)).toBe(10_000);
    for (const t of ['100.01', '1.234', '-1', '1.', '.5', '1%']) {
      expect(parseHundredths(t, 100), t).toBeUndefined();
    }
  });
});
