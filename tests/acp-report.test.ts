/**
 * The `acp` and `acp-participant` reports: every figure explained from figures that exist,
 * hand-checked amounts, and findings. Cases are worked by hand from IRC 401(m)(2), (6), IRC 4979
 * and Treas. Reg. 1.401(m)-2.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCensusText } from '../src/engine/acp/census-csv.js';
import { acpEstimateReport, acpParticipantReport } from '../src/engine/report/acp-participant.js';
import { acpReport } from '../src/engine/report/acp.js';
import { reportToJson } from '../src/engine/report/to-json.js';

const reading = { rowsRead: 0, skippedRows: 0, problems: [], problemCount: 0 };

/** D-3: A's excess is match only; the census has no vesting column. */
const D3 = [
  'id,compensation,match,after_tax,hce',
  'A,360000,36000,0,true',
  'B,200000,8000,0,true',
  'C,160000,2400,0,true',
  'N1,100000,3000,0,false',
].join('\n');

function explained(report: object): Record<string, { inputs?: string[] }> {
  return reportToJson(report)['explain'] as Record<string, { inputs?: string[] }>;
}

describe('acp report', () => {
  const census = readCensusText(D3).census;
  const options = { year: 2026, method: 'current' as const };

  it('every figure is computed from figures the report has', () => {
    const both = readCensusText(readFileSync('examples/acp/adp-acp.csv', 'utf8')).census;
    const reports = [
      acpReport({
        census: both,
        reading,
        options: { ...options, excludable: 'separate', adpCorrection: 'recharacterize' },
      }),
      acpReport({
        census: both,
        reading,
        options: { ...options, qnecTest: 'adp', gainRateBps: -250, excludable: 'drop-nhces' },
      }),
      acpParticipantReport({
        census: both,
        options: { ...options, excludable: 'separate' },
        participant: 'N10',
      }),
      acpReport({ census, reading, options }),
      acpReport({
        census,
        reading,
        options,
        whatif: { sharesPercent: [50, 100], ratesBps: [100, 200], matchBoostPercent: 50 },
      }),
      acpParticipantReport({ census, options, participant: 'A' }),
      acpEstimateReport({
        year: 2026,
        compensation: 22_000_000,
        match: 880_000,
        afterTax: 2_000_000,
        expectedNhceAcpBps: 303,
        otherHces: { count: 2, ratioBps: 800, compensation: 22_000_000 },
      }),
    ];
    for (const r of reports) {
      const explain = explained(r);
      for (const [key, e] of Object.entries(explain)) {
        for (const input of e.inputs ?? [])
          expect(explain, `${key} ← ${input}`).toHaveProperty([input]);
      }
    }
  });

  it('D-3: the figures, the 10% excise tax and a question about vesting', () => {
    const r = acpReport({ census, reading, options });
    // limit 5.00%, T = 9.50%: A's excess 36,000 − 9.50% × 360,000 = 1,800, all match
    expect(r.limit.rate).toBe(0.05);
    expect(r.permittedRatio?.rate).toBe(0.095);
    expect(r.excessAggregateContributions.cents).toBe(180_000);
    expect(r.exciseTaxRate.rate).toBe(0.1);
    expect(r.exciseTaxIfLate.cents).toBe(18_000);
    expect(r.refunds.map((f) => [f.id, f.matchDistributed.cents, f.ratio.rate])).toEqual([
      ['A', 180_000, 0.1],
    ]);
    expect(r.findings.map((f) => [f.severity, f.path])).toEqual([
      ['error', ''],
      ['question', 'defaultVestedBps'],
      ['question', 'gainRateBps'],
    ]);
    expect(r.findings[0]?.fix).toContain('2027-03-15');
  });

  it('a plan with no eligible NHCEs is deemed to pass, said as info', () => {
    const only = readCensusText('id,compensation,match,after_tax,hce\nA,300000,0,30000,true\n');
    const r = acpReport({ census: only.census, reading, options });
    expect(r.passed).toBe(true);
    expect(r.findings).toEqual([expect.objectContaining({ severity: 'info', path: '' })]);
  });

  it('labels and explanations come from the parameters: the first-year deemed ACP, the EACA', () => {
    const r = acpReport({
      census,
      reading,
      options: { year: 2026, method: 'prior', firstYear: true, eaca: true },
    });
    expect(r.nhceAcp.label).toBe('NHCE ACP (first plan year, deemed 3%)');
    expect(r.limit.label).toBe('Limit: max(1.25×N, min(2×N, N+2))');
    expect(r.deadlines).toMatchObject({ exciseTaxMonths: 6, exciseTaxDeadline: '2027-06-30' });
    expect(r.findings).toContainEqual(
      expect.objectContaining({ severity: 'info', path: 'firstYear' }),
    );
  });
});

describe('acp-participant report', () => {
  it('an NHCE: no refund, nothing to warn about', () => {
    const census = readCensusText(D3).census;
    const r = acpParticipantReport({
      census,
      options: { year: 2026, method: 'current' },
      participant: 'N1',
    });
    expect(r.participant).toMatchObject({ hce: false, refund: null });
    expect(r.participant.ratio.rate).toBe(0.03);
    expect(r.findings).toEqual([]);
  });
});

describe('acp report with deferrals', () => {
  const census = readCensusText(
    [
      'id,compensation,deferrals,match,after_tax,hce,age,qnec',
      'M,100000,5200,0,0,true,40,0',
      'N,100000,4000,0,0,true,40,0',
      'O,60000,1800,0,0,false,40,0',
      'P,40000,0,0,0,false,40,0',
      'Q,30000,0,0,0,false,40,0',
      'R,5000,0,0,0,false,40,500',
      'S,20000,0,0,0,false,40,0',
    ].join('\n'),
  ).census;

  it('Reg. 1.401(k)-2(a)(7) Example 7: the QNEC above the targeted limit is a warning; the ADP failure an error', () => {
    const r = acpReport({
      census,
      reading,
      options: { year: 2026, method: 'current', qnecTest: 'adp' },
    });
    expect(r.adp?.qnecLimit?.notCounted.cents).toBe(25_000);
    expect(r.adp?.nhceAdp.rate).toBe(0.016);
    expect(r.qnecLimit).toBeNull();
    expect(r.allPassed).toBe(false);
    expect(r.findings.map((f) => [f.severity, f.path])).toEqual([
      ['error', 'adp'],
      ['warning', 'qnec'],
      ['question', 'gainRateBps'],
    ]);
    expect(r.findings[0]?.fix).toContain('QNEC of 1.25% of pay ($1,937.50)');
  });

  it('a safe-harbor plan is not ADP-tested: said as info', () => {
    const r = acpReport({
      census,
      reading,
      options: { year: 2026, method: 'current', safeHarbor: true },
    });
    expect(r.adp).toBeNull();
    expect(r.findings).toContainEqual(
      expect.objectContaining({ severity: 'info', path: 'safeHarbor' }),
    );
  });
});
