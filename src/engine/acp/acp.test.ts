import { describe, expect, it } from 'vitest';
import {
  adoptionGrid,
  correctionDeadlines,
  determineHces,
  evaluateAcp,
  generateCensusCsv,
  maxUniformRate,
  participantView,
  prepareAcpTest,
  readCensusText,
  richerMatch,
  runAcpTest,
} from './index.js';

const HEADER = 'id,compensation,match,after_tax,hce';

describe('HCE determination', () => {
  const csv = (rows: string[]): string =>
    ['id,compensation,match,after_tax,prior_year_compensation,owner_percent', ...rows].join('\n');

  it('2026 plan year: MORE than $160,000 of 2025 pay, or more than 5% owner', () => {
    const r = readCensusText(
      csv([
        'AT,1,0,0,160000,0', // exactly the threshold: not an HCE
        'ABOVE,1,0,0,160000.01,0',
        'OWN5,1,0,0,0,5', // exactly 5%: not a 5% owner
        'OWN6,1,0,0,0,5.01',
      ]),
    );
    const h = determineHces(r.census, 2026);
    expect(Array.from(h.isHce)).toEqual([0, 1, 0, 1]);
    expect(h.thresholdCents).toBe(16_000_000);
  });

  it('2024 plan year uses the $150,000 figure for 2023 pay', () => {
    const r = readCensusText(csv(['A,1,0,0,150000.01,0', 'B,1,0,0,150000,0']));
    expect(Array.from(determineHces(r.census, 2024).isHce)).toEqual([1, 0]);
  });

  it('top-paid group election: only the top 20% by prior pay are HCEs by pay', () => {
    const rows = Array.from(
      { length: 10 },
      (_, i) => `E${String(i)},1,0,0,${String(170_000 + i * 1000)},0`,
    );
    const r = readCensusText(csv(rows));
    expect(determineHces(r.census, 2026).byPay).toBe(10);
    const t = determineHces(r.census, 2026, { topPaidGroup: true });
    expect(t.topPaidGroupSize).toBe(2);
    expect(Array.from(t.isHce)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 1, 1]);
  });
});

describe('deadlines', () => {
  it('calendar year: March 15 and December 31 of the next year; EACA June 30', () => {
    expect(correctionDeadlines('2026-12-31')).toEqual({
      planYearEnd: '2026-12-31',
      exciseTaxMonths: 2.5,
      exciseTaxDeadline: '2027-03-15',
      finalMonths: 12,
      finalDeadline: '2027-12-31',
    });
    expect(correctionDeadlines('2026-12-31', { eaca: true }).exciseTaxDeadline).toBe('2027-06-30');
  });
  it('fiscal plan year ending June 30: September 15', () => {
    expect(correctionDeadlines('2026-06-30').exciseTaxDeadline).toBe('2026-09-15');
    expect(correctionDeadlines('2026-06-30').finalDeadline).toBe('2027-06-30');
  });
  it('rejects a date that does not exist', () => {
    expect(() => correctionDeadlines('2026-02-30')).toThrow(/^planYearEnd: .*YYYY-MM-DD/);
  });
});

describe('test rules', () => {
  it('no eligible NHCEs: deemed to pass', () => {
    const r = readCensusText(
      `${HEADER}\nA,300000,0,30000,true\nB,40000,0,0,false\n`.replace(
        'B,40000,0,0,false',
        'B,40000,0,0,true',
      ),
    );
    const res = runAcpTest(r.census, { year: 2026, method: 'current' });
    expect(res.passed).toBe(true);
    expect(res.passReason).toBe('no-eligible-nhces');
  });

  it('ineligible employees are left out of both groups', () => {
    const r = readCensusText(
      'id,compensation,match,after_tax,hce,eligible\nA,100000,1000,0,true,true\nB,50000,0,0,false,false\nC,50000,500,0,false,yes\n',
    );
    const res = runAcpTest(r.census, { year: 2026, method: 'current' });
    expect([res.hceCount, res.nhceCount, res.ineligibleCount]).toEqual([1, 1, 1]);
    expect(res.nhceAcpBps).toBe(100);
  });

  it('prior-year method needs an NHCE figure', () => {
    const r = readCensusText(`${HEADER}\nA,100000,1000,0,true\n`);
    expect(() => runAcpTest(r.census, { year: 2026, method: 'prior' })).toThrow(
      /^priorNhceAcpBps: prior-year testing needs/,
    );
  });

  it('match refunded after after-tax money, unvested share forfeited', () => {
    const r = readCensusText(
      'id,compensation,match,after_tax,hce,match_vested_percent\nH,200000,10000,2000,true,40\nN,100000,1000,0,false,100\n',
    );
    const res = runAcpTest(r.census, { year: 2026, method: 'current' });
    // NHCE 1.00 → limit 2.00; H 6.00 → permitted 2.00: excess 12,000 − 4,000 = 8,000
    expect(res.excessAggregateContributions).toBe(800_000);
    const f = res.refunds[0];
    expect(f?.afterTax).toBe(200_000);
    expect(f?.matchDistributed).toBe(240_000); // 40% of the 6,000 of match
    expect(f?.matchForfeited).toBe(360_000);
    expect(res.exciseTaxIfLate).toBe(80_000);
  });

  it('the QNEC alternative, applied, makes the plan pass', () => {
    const text = [...generateCensusCsv({ employees: 300, seed: 11 })].join('');
    const read = readCensusText(text);
    const res = runAcpTest(read.census, { year: 2026, method: 'current' });
    expect(res.passed).toBe(false);
    const q = res.qnecAlternative;
    expect(q).not.toBeNull();
    expect(res.hceAcpBps).toBeLessThanOrEqual(q?.limitAfterBps ?? -1);
    // one hundredth of a percent less would not be enough
    expect(q?.rateBps).toBeGreaterThan(0);
  });
});

describe('what-ifs and the participant view', () => {
  const text = [
    HEADER,
    'H1,200000,4000,0,true',
    'H2,300000,6000,0,true',
    'N1,80000,2400,0,false',
    'N2,60000,1800,0,false',
  ].join('\n');
  const p = prepareAcpTest(readCensusText(text).census, { year: 2026, method: 'current' });

  it('highest uniform after-tax rate: NHCE 3.00 → limit 5.00, HCEs at 2.00 can add 3.00', () => {
    const m = maxUniformRate(p, 100);
    expect(m.maxRateBps).toBe(300);
    const half = maxUniformRate(p, 50);
    expect(half.adopters).toBe(1);
    expect(half.maxRateBps).toBe(600); // one of two adds 6.00: average 2.00 + 3.00
  });

  it('grid: pass at and below the maximum, refunds above it', () => {
    const cells = adoptionGrid(p, [50, 100], [300, 400]);
    expect(cells.map((c) => c.passed)).toEqual([true, true, true, false]);
    const fail = cells[3];
    // 100% at 4.00: both at 6.00, limit 5.00: T = 5.00, excess 1% of 200k + 1% of 300k
    expect(fail?.refundTotal).toBe(500_000);
    // dollar leveling takes all 5,000 from H2 (18,000 → 13,000, still above H1's 12,000)
    expect(fail?.refundedHces).toBe(1);
  });

  it('a richer match raises both sides; safe-harbor ignores it', () => {
    const m = richerMatch(p, 50);
    expect(m.nhceAcpAfter).toBe(450);
    expect(m.hceAcpAfter).toBe(300);
    expect(m.extraMatchCost).toBe(710_000); // half of 10,000 + 4,200 of match
    const ps = prepareAcpTest(readCensusText(text).census, {
      year: 2026,
      method: 'current',
      safeHarbor: true,
    });
    expect(richerMatch(ps, 50).applies).toBe(false);
  });

  it('participant view names the refund and unknown ids are input errors', () => {
    const q = prepareAcpTest(
      readCensusText(`${HEADER}\nH,200000,0,20000,true\nN,100000,1000,0,false\n`).census,
      { year: 2026, method: 'current' },
    );
    const res = evaluateAcp(q);
    const v = participantView(q, res, 'H');
    expect(v.refund?.afterTax).toBe(1_600_000); // 20,000 − 2.00% × 200,000
    expect(v.afterTaxKept).toBe(400_000);
    expect(participantView(q, res, 'N').why[0]).toMatch(/Not an HCE/);
    expect(() => participantView(q, res, 'Z')).toThrow(/^participant: no employee/);
  });
});

describe('census generator', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const a = [...generateCensusCsv({ employees: 50, seed: 3 })].join('');
    const b = [...generateCensusCsv({ employees: 50, seed: 3 })].join('');
    const c = [...generateCensusCsv({ employees: 50, seed: 4 })].join('');
    expect(a).toBe(b);
    expect(a).not.toBe(c);
    expect(a.trimEnd().split('\n')).toHaveLength(51);
  });

  it('checks its options at once, naming the fields', () => {
    expect(() => generateCensusCsv({ employees: 0, seed: 1 })).toThrow(/^employees: must be/);
    expect(() => generateCensusCsv({ employees: 5, seed: 2 ** 32 })).toThrow(/^seed: must be/);
  });
});

describe('refund estimate without a census', () => {
  it('one HCE and two others at 8% against an expected NHCE ACP of 3.03%', async () => {
    const { estimateHceRefund } = await import('./participant.js');
    const e = estimateHceRefund({
      year: 2026,
      compensation: 22_000_000,
      match: 880_000,
      afterTax: 2_000_000,
      expectedNhceAcpBps: 303,
      otherHces: { count: 2, ratioBps: 800, compensation: 22_000_000 },
    });
    // ratios 13.09, 8.00, 8.00 → 9.70 > 5.03; T = 5.03: excess 17,734 + 2 × 6,534 = 30,802;
    // dollar leveling: you 28,800 → 17,600 (11,200), then 6,534 from each of the three
    expect(e.result.hceAcpBps).toBe(970);
    expect(e.result.excessAggregateContributions).toBe(3_080_200);
    expect(e.view.refund?.afterTax).toBe(1_773_400);
    expect(e.maxAfterTaxWithoutRefund).toBe(226_600);
  });

  it('alone as the only HCE: the most after-tax whose ratio still rounds to the limit', async () => {
    const { estimateHceRefund } = await import('./participant.js');
    const e = estimateHceRefund({
      year: 2026,
      compensation: 20_000_000,
      match: 0,
      afterTax: 0,
      expectedNhceAcpBps: 100,
    });
    expect(e.result.passed).toBe(true);
    // limit 2.00%: 4,009.99 / 200,000 = 2.004995% still rounds to 2.00%; 4,010 rounds to 2.01%
    expect(e.maxAfterTaxWithoutRefund).toBe(400_999);
  });
});

describe('id store', () => {
  it('finds exactly the ids a Set finds, for sorted runs and after the first id out of order', async () => {
    const fc = (await import('fast-check')).default;
    const { IdStore } = await import('./id-store.js');
    // a sorted prefix (the unhashed mode) followed by arbitrary ids (the switch to the index)
    const ids = fc.tuple(
      fc.uniqueArray(fc.string({ maxLength: 4 }), { maxLength: 200 }).map((a) => a.sort()),
      fc.array(fc.string({ maxLength: 4 }), { maxLength: 2000 }),
    );
    fc.assert(
      fc.property(ids, ([sorted, rest]) => {
        const store = new IdStore(16);
        const rows: string[] = [];
        for (const id of [...sorted, ...rest]) {
          const found = store.find(id);
          expect(found).toBe(rows.indexOf(id));
          if (found < 0) {
            store.push(id);
            rows.push(id);
          }
        }
        expect(store.all()).toEqual(rows);
        rows.forEach((id, r) => {
          expect(store.idAt(r)).toBe(id);
        });
      }),
      { numRuns: 100 },
    );
  });
});
