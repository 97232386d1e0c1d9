import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths, isoDate } from '../dates.js';
import { readCensusText } from './census-csv.js';
import { latestQualifyingDate, otherwiseExcludable } from './excludable.js';

const HEADER = 'id,compensation,match,after_tax,hce';

describe('otherwise excludable employees (IRC 410(a)(1)(A), (a)(4), 410(b)(4)(B))', () => {
  it('the latest qualifying date is exactly the last date whose entry date falls in the plan year', () => {
    const date = fc
      .tuple(
        fc.integer({ min: 2000, max: 2040 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
      )
      .map(([y, m, d]) => isoDate(y, m, Math.min(d, new Date(Date.UTC(y, m, 0)).getUTCDate())));
    fc.assert(
      fc.property(date, fc.integer({ min: -600, max: 600 }), (end, offset) => {
        const t = latestQualifyingDate(end);
        const d = new Date(`${end}T00:00:00Z`);
        d.setUTCDate(d.getUTCDate() + offset);
        const met = d.toISOString().slice(0, 10);
        // 410(a)(4): in by the earlier of the next plan year and six months after meeting them
        expect(addMonths(met, 6) <= end, `${met} / ${end}`).toBe(met <= t);
      }),
      { numRuns: 3000 },
    );
    expect(latestQualifyingDate('2026-12-31')).toBe('2026-06-30');
    expect(latestQualifyingDate('2026-06-30')).toBe('2025-12-31');
  });

  it('decides each row: the column, dates, numbers at the year end, or unknown', () => {
    const r = readCensusText(
      [
        `${HEADER},birth_date,hire_date,age,service_years,otherwise_excludable`,
        'A,50000,0,0,false,1990-01-01,2020-01-01,,,', // meets both long before
        'B,50000,0,0,false,2005-06-30,2020-01-01,,,', // 21 on 2026-06-30: in
        'C,50000,0,0,false,2005-07-01,2020-01-01,,,', // 21 on 2026-07-01: excludable
        'D,50000,0,0,false,1990-01-01,2025-07-01,,,', // a year on 2026-07-01: excludable
        'E,50000,0,0,false,,,20,5,', // under 21 by the number
        'F,50000,0,0,false,,,30,1,', // a year by the number: in (no entry-date rule)
        'G,50000,0,0,false,,,,,', // nothing known: counted as meeting both
        'H,50000,0,0,false,1990-01-01,2020-01-01,,,true', // the column wins
        'I,50000,0,0,false,2010-01-01,,,3,', // a date and a number
      ].join('\n'),
    );
    expect(r.issues).toEqual([]);
    const x = otherwiseExcludable(r.census, '2026-12-31');
    expect(r.census.ids.filter((_, i) => x.flags[i] === 1)).toEqual(['C', 'D', 'E', 'H', 'I']);
    expect([x.count, x.byColumn, x.byNumbers, x.unknown]).toEqual([5, 1, 3, 1]);
  });
});
