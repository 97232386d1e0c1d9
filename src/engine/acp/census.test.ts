import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { CensusBuilder, DEFAULTS, HCE_UNKNOWN, lineOf, type CensusRowValues } from './census.js';
import { readCensusText } from './census-csv.js';
import { IdStore } from './id-store.js';

function row(over: Partial<CensusRowValues> & { id: string; line: number }): CensusRowValues {
  return {
    compensation: 100_000_00,
    match: 0,
    afterTax: 0,
    qmac: 0,
    qnec: 0,
    priorCompensation: 0,
    ownerBps: 0,
    hceGiven: HCE_UNKNOWN,
    eligible: true,
    vestedBps: 10_000,
    ...over,
  };
}

describe('census arrays with a default', () => {
  it('stay empty for a file without the columns, and read as the defaults', () => {
    const r = readCensusText(
      'id,compensation,prior_year_compensation,match,after_tax\nA,100000,90000,100,0\nB,50000,0,0,10\n',
    );
    const c = r.census;
    expect(r.issues).toEqual([]);
    for (const k of ['lines', 'qmac', 'qnec', 'ownerBps', 'hceGiven', 'vestedBps'] as const) {
      expect(c[k].length).toBe(0);
    }
    expect(Array.from(c.priorCompensation)).toEqual([9_000_000, 0]);
    expect([lineOf(c, 0), lineOf(c, 1)]).toEqual([2, 3]);
    expect([c.qmac[1] ?? DEFAULTS.qmac, c.hceGiven[0] ?? DEFAULTS.hceGiven]).toEqual([0, -1]);
  });

  it('are kept in full from the first row that differs, the rows before holding the default', () => {
    const r = readCensusText(
      'id,compensation,owner_percent,match,after_tax,qnec,hce,match_vested_percent\n' +
        'A,100000,0,100,0,0,,100\n\nB,50000,0,0,10,250,true,40\nC,60000,0,0,0,0,,\n',
    );
    const c = r.census;
    expect(r.issues).toEqual([]);
    expect(Array.from(c.lines)).toEqual([2, 4, 5]);
    expect(Array.from(c.qnec)).toEqual([0, 25_000, 0]);
    expect(Array.from(c.hceGiven)).toEqual([-1, 1, -1]);
    expect(Array.from(c.vestedBps)).toEqual([10_000, 4_000, 10_000]);
    expect([c.qmac.length, c.ownerBps.length]).toEqual([0, 0]);
  });

  it('give back every row as built, reading an empty array as its default', () => {
    const value = fc.record({
      line: fc.oneof(fc.constant(-1), fc.integer({ min: 0, max: 1_000 })),
      qmac: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 10_000_00 })),
      qnec: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 10_000_00 })),
      priorCompensation: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 500_000_00 })),
      ownerBps: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 10_000 })),
      hceGiven: fc.constantFrom(-1, -1, -1, 0, 1),
      vestedBps: fc.oneof(fc.constant(10_000), fc.integer({ min: 0, max: 9_999 })),
    });
    fc.assert(
      fc.property(fc.array(value, { maxLength: 40 }), (values) => {
        const b = new CensusBuilder(4); // small, so the arrays grow after they are kept
        // a line of -1 stands for the row index + 2 (the next line after a header)
        const rows = values.map((v, i) =>
          row({ ...v, id: `e${String(i)}`, line: v.line >= 0 ? v.line : i + 2 }),
        );
        for (const r of rows) b.add(r);
        const c = b.build({ hce: true, priorCompensation: true, owner: true, vested: true });
        rows.forEach((r, i) => {
          expect(lineOf(c, i)).toBe(r.line);
          expect(c.qmac[i] ?? DEFAULTS.qmac).toBe(r.qmac);
          expect(c.qnec[i] ?? DEFAULTS.qnec).toBe(r.qnec);
          expect(c.priorCompensation[i] ?? DEFAULTS.priorCompensation).toBe(r.priorCompensation);
          expect(c.ownerBps[i] ?? DEFAULTS.ownerBps).toBe(r.ownerBps);
          expect(c.hceGiven[i] ?? DEFAULTS.hceGiven).toBe(r.hceGiven);
          expect(c.vestedBps[i] ?? DEFAULTS.vestedBps).toBe(r.vestedBps);
        });
        // an array is kept only when some row differs from the default
        expect(c.qnec.length > 0).toBe(rows.some((r) => r.qnec !== 0));
        expect(c.lines.length > 0).toBe(rows.some((r, i) => r.line !== i + 2));
      }),
    );
  });

  it('refuses an ownership or vested share outside 0 to 100% rather than store it wrapped', () => {
    for (const [over, path] of [
      [{ ownerBps: 10_001 }, 'ownerBps'],
      [{ vestedBps: 65_536 + 5_000 }, 'vestedBps'],
      [{ vestedBps: -1 }, 'vestedBps'],
      [{ ownerBps: 12.5 }, 'ownerBps'],
    ] as const) {
      const b = new CensusBuilder();
      let err: unknown;
      try {
        b.add(row({ id: 'A', line: 2, ...over }));
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(InputError);
      expect((err as InputError).issues[0]?.path).toBe(path);
      expect(b.size).toBe(0);
    }
  });

  it('keep amounts in 4 bytes a row until one does not fit, then widen that column exactly', () => {
    // $50,000,000.01 is more than 2^32 - 1 cents; the rows before it keep their amounts
    const r = readCensusText(
      'id,compensation,match,after_tax,hce\nA,100000,100,0,false\nB,50000000.01,2500.5,0,true\n',
    );
    const c = r.census;
    expect(r.issues).toEqual([]);
    expect(c.compensation).toBeInstanceOf(Float64Array);
    expect(Array.from(c.compensation)).toEqual([10_000_000, 5_000_000_001]);
    expect(c.match).toBeInstanceOf(Uint32Array);
    expect(Array.from(c.match)).toEqual([10_000, 250_050]);
    // a value that is not whole cents, or negative, is never cut: its column widens
    const b = new CensusBuilder(2);
    b.add(row({ id: 'A', line: 2, qnec: 1 }));
    b.add(row({ id: 'B', line: 3, qnec: 12.5, afterTax: -1 }));
    const built = b.build({ hce: false, priorCompensation: false, owner: false, vested: false });
    expect(Array.from(built.qnec)).toEqual([1, 12.5]);
    expect(Array.from(built.afterTax)).toEqual([0, -1]);
    expect(built.compensation).toBeInstanceOf(Uint32Array);
  });
});

describe('census ids', () => {
  it('are found and given back as pushed, ids of one width (no starts kept) then any width', () => {
    const enc = new TextEncoder();
    const ids = fc.tuple(
      fc.integer({ min: 0, max: 5 }),
      fc.uniqueArray(fc.string({ maxLength: 6 }), { maxLength: 300 }),
    );
    fc.assert(
      fc.property(ids, fc.integer({ min: 0, max: 300 }), ([width, pool], cut) => {
        // the first `cut` ids padded to one width and sorted, as the reader sees an export;
        // then the rest, of any width and order
        const padded = [
          ...new Set(pool.slice(0, cut).map((x) => x.padEnd(width, '_').slice(0, width))),
        ].sort();
        const all = [...padded, ...pool.slice(cut)];
        const store = new IdStore(4);
        const rows: string[] = [];
        for (const id of all) {
          const b = enc.encode(`,${id},`);
          const e = b.length - 1;
          // the reader's way: appended unhashed while in order, else looked up and hashed
          const added = store.pushIfAfterLast(b, 1, e);
          if (!added) {
            const found = store.find(id);
            expect(found).toBe(rows.indexOf(id));
            if (found >= 0) continue;
            store.push(id);
          }
          expect(rows.includes(id)).toBe(false);
          rows.push(id);
        }
        expect(store.size).toBe(rows.length);
        expect(store.all()).toEqual(rows);
        rows.forEach((id, r) => {
          expect(store.find(id)).toBe(r);
        });
      }),
      { numRuns: 200 },
    );
  });
});
