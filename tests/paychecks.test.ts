/**
 * `megaroth paychecks` on its three examples, each schedule checked by hand (2026 limits: 402(g)
 * $24,500, catch-up at 50 $8,000, 415(c) $72,000, Notice 2025-67; Social Security wage base
 * $184,500; FICA rates IRC 3101(a), (b)). The hand arithmetic is in the comments.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PAYCHECKS_EXAMPLE } from '../src/engine/payroll/example.js';
import { paychecksReport, type PaychecksCommandReport } from '../src/engine/report/paychecks.js';
import { loadScenario } from '../src/engine/scenario/load.js';
import { runCli } from './helpers/cli.js';

const report = (file: string): PaychecksCommandReport =>
  paychecksReport(loadScenario(readFileSync(file, 'utf8'), 'yaml'));
const cents = (rows: PaychecksCommandReport['paychecks'], k: 'deferral' | 'afterTax' | 'match') =>
  rows.map((r) => r[k].cents);

describe('biweekly, match per paycheck, no true-up (the built-in example)', () => {
  const r = report('examples/paychecks/biweekly-no-true-up.yaml');
  const job = r.jobs[0];

  it('is the built-in example', () => {
    const file: unknown = parse(
      readFileSync('examples/paychecks/biweekly-no-true-up.yaml', 'utf8'),
    );
    expect(file).toEqual(PAYCHECKS_EXAMPLE);
  });

  it('elects 23% then 29%: 402(g) lands on $24,500.00 to the cent', () => {
    // Left: 24,500 − 6,240 = 18,260 over 13 paychecks of $6,000. 23% = 1,380 × 13 = 17,940 ≤
    // 18,260 < 24% × 13 = 18,720. Last paycheck: 18,260 − 12 × 1,380 = 1,700 = 28.3%: the plan
    // stops at the limit (one employer), so 29% is cut to $1,700.00.
    expect(job?.deferral?.election).toBe('23%');
    expect(job?.deferral?.lastPaycheckElection).toBe('29%');
    expect(cents(r.paychecks, 'deferral')).toEqual([...Array<number>(12).fill(138000), 170000]);
    expect(r.paychecks.at(-1)?.ytdDeferrals.cents).toBe(2450000);
    expect(r.people[0]?.shortBy.cents).toBe(0);
  });

  it('fills the 415(c) room exactly: after-tax 44% then 56%', () => {
    // Room: 72,000 − 24,500 − match (2,340 + 13 × 180) − after-tax so far 7,800 = 35,020.
    // 44% = 2,640 × 13 = 34,320 ≤ 35,020 < 45% × 13 = 35,100; last: 35,020 − 12 × 2,640 = 3,340.
    expect(job?.afterTax?.target.cents).toBe(3502000);
    expect(job?.afterTax?.election).toBe('44%');
    expect(job?.afterTax?.lastPaycheckElection).toBe('56%');
    expect(r.paychecks.at(-1)?.afterTax.cents).toBe(334000);
    expect(r.paychecks.at(-1)?.ytdAdditions.cents).toBe(7200000);
    expect(job?.additions.cents).toBe(7200000);
  });

  it('loses no match: every paycheck defers at least the 6% the formula matches', () => {
    // 50% of deferrals up to 6% of $6,000: $180.00 on each paycheck.
    for (const c of r.paychecks) {
      expect(c.matchLost.cents).toBe(0);
      expect(c.match.cents).toBe(18000);
      expect(c.deferral.cents).toBeGreaterThanOrEqual(36000);
    }
    expect(job?.match.lost.cents).toBe(0);
  });

  it('net pay after contributions and payroll tax', () => {
    // FICA: 6.2% × 6,000 = 372 + 1.45% × 6,000 = 87. Net 6,000 − 1,380 − 2,640 − 459 = 1,521.
    expect(r.paychecks[0]?.netPay.cents).toBe(152100);
    expect(r.paychecks.at(-1)?.netPay.cents).toBe(50100);
    expect(r.findings).toEqual([]);
  });

  it('steps: the elections by the cut-off, the backdoor Roth IRA, the forms', () => {
    const titles = r.steps.map((s) => `${s.date} ${s.title}`);
    expect(titles[0]).toBe('2026-07-03 acme-401k: elect pre-tax deferral 23%, after-tax 44%');
    expect(titles).toContain(
      '2026-12-18 acme-401k: for the last paycheck elect pre-tax deferral 29%, after-tax 56%',
    );
    expect(titles.some((t) => t.startsWith('2026-12-31 sam: backdoor Roth IRA'))).toBe(true);
    expect(titles).toContain(
      '2027-01-31 acme-401k: Form 1099-R for the in-plan Roth conversions, code G in box 7',
    );
    expect(titles).toContain(
      '2027-01-31 sam: Form 1099-R for the Roth IRA conversion, code 2 in box 7',
    );
    expect(titles.some((t) => t.startsWith('2027-05-31 sam: Form 5498'))).toBe(true);
    expect(titles.some((t) => t.startsWith('2027-04-15 sam: Form 8606'))).toBe(true);
    // automatic conversion: no conversion requests, no conversion cost
    expect(r.steps.some((s) => s.kind === 'conversion')).toBe(false);
    expect(r.conversionCost).toEqual([]);
  });
});

describe('semi-monthly with a March bonus, match trued up, tenths of a percent', () => {
  const r = report('examples/paychecks/semi-monthly-bonus.yaml');
  const job = r.jobs[0];

  it('reaches 402(g) with catch-up, $32,500.00, exactly', () => {
    // Election pay: 24 × 7,500 + 30,000 = 210,000. 15.4%: 23 × 1,155 + 5,775 = 32,340 ≤ 32,500
    // < 15.5%: 32,550. Last: 32,500 − 31,185 = 1,315 (17.6% = 1,320, cut by the plan).
    expect(r.people[0]?.target.cents).toBe(3250000);
    expect(job?.deferral?.election).toBe('15.4%');
    expect(job?.deferral?.lastPaycheckElection).toBe('17.6%');
    expect(r.paychecks.find((c) => c.date === '2026-03-15')?.deferral.cents).toBe(577500);
    expect(r.paychecks.at(-1)?.ytdDeferrals.cents).toBe(3250000);
    // catch-up starts on 2026-09-30: 24,255 so far, 245 regular + 910 catch-up
    expect(r.paychecks.find((c) => c.date === '2026-09-30')?.catchUp.cents).toBe(91000);
  });

  it('lands on the after-tax room within one tenth of a percent', () => {
    // Room: 72,000 − 24,500 (catch-up excluded) − match 4% × 210,000 = 8,400 → 39,100.
    // 18.6%: 23 × 1,395 + 6,975 = 39,060; last: 39,100 − 37,665 = 1,435 → 19.1% = 1,432.50,
    // $2.50 short, less than one step (0.1% × 7,500 = 7.50); the plan does not stop by itself.
    expect(job?.afterTax?.target.cents).toBe(3910000);
    expect(job?.afterTax?.election).toBe('18.6%');
    expect(job?.afterTax?.lastPaycheckElection).toBe('19.1%');
    expect(job?.afterTax?.shortBy.cents).toBe(250);
    expect(job?.afterTax?.reached).toBe(true);
    expect(job?.additions.cents).toBe(7199750);
  });

  it('match: 4% of each paycheck, nothing to true up', () => {
    expect(cents(r.paychecks, 'match').reduce((a, b) => a + b, 0)).toBe(840000);
    expect(job?.match.trueUp.cents).toBe(0);
  });

  it('payroll tax stops at the wage base and adds 0.9% above $200,000', () => {
    // Through 2026-10-31: 180,000. 11-15: SS 6.2% × 4,500 = 279 + Medicare 108.75 = 387.75.
    // 12-31: 202,500 before → Medicare 108.75 + 0.9% × 7,500 = 67.50 → 176.25.
    const at = (d: string) => r.paychecks.find((c) => c.date === d);
    expect(
      (at('2026-11-15')?.socialSecurity.cents ?? 0) + (at('2026-11-15')?.medicare.cents ?? 0),
    ).toBe(38775);
    expect(at('2026-12-31')?.socialSecurity.cents).toBe(0);
    expect(at('2026-12-31')?.medicare.cents).toBe(17625);
  });

  it('on-request conversion: a request after each after-tax paycheck and the cost of waiting', () => {
    expect(r.steps.filter((s) => s.kind === 'conversion')).toHaveLength(24);
    const cost = r.conversionCost[0];
    expect(cost?.monthly.cents).toBeGreaterThan(0);
    expect(cost?.quarterly.cents).toBeGreaterThan(cost?.monthly.cents ?? 0);
    expect(cost?.yearly.cents).toBeGreaterThan(cost?.quarterly.cents ?? 0);
    // cut-off 10 days before the first paycheck
    expect(r.steps[0]?.date).toBe('2026-01-05');
  });
});

describe('the job change: one 402(g) limit across two employers', () => {
  const r = report('examples/paychecks/job-change.yaml');
  const job = r.jobs.find((j) => j.id === 'new-job');

  it('never passes $24,500.00 across the employers', () => {
    // Left after the old job's 14,000: 10,500 over 13 × 4,230.77 = 55,000.01. 19% = 803.85
    // (× 13 = 10,450.05 ≤ 10,500); last: 10,500 − 9,646.20 = 853.80 → 20% = 846.15, not 21%:
    // the new plan does not know the old deferrals, so it would not stop at the limit.
    for (const c of r.paychecks) expect(c.ytdDeferrals.cents).toBeLessThanOrEqual(2450000);
    expect(job?.deferral?.election).toBe('19%');
    expect(job?.deferral?.lastPaycheckElection).toBe('20%');
    expect(job?.deferral?.planStopsAtLimit).toBe(false);
    expect(r.people[0]?.total.cents).toBe(2449235);
    expect(r.people[0]?.acrossEmployers).toBe(true);
    // $7.65 short: less than 1% of the last paycheck ($42.31)
    expect(r.people[0]?.shortBy.cents).toBe(765);
    expect(r.people[0]?.reached).toBe(true);
  });

  it('says the after-tax room is not reached under the 15% cap', () => {
    // own 415(c): 100% of 55,000.01; 15% × 4,230.77 = 634.62 × 13 = 8,250.06.
    expect(job?.limit415c.cents).toBe(5500001);
    expect(job?.afterTax?.planned.cents).toBe(825006);
    expect(job?.afterTax?.reached).toBe(false);
    expect(
      r.findings.some((f) => f.severity === 'warning' && f.message.includes('not reached')),
    ).toBe(true);
    expect(r.jobs.find((j) => j.id === 'old-job')?.deferral).toBeNull();
  });
});

describe('megaroth paychecks (CLI)', () => {
  it('prints text without a file', async () => {
    const r = await runCli(['paychecks']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('pre-tax 23%, 29% on the last paycheck');
  });

  it('--csv: one row per paycheck, dollars with cents', async () => {
    const r = await runCli(['paychecks', '--csv']);
    const lines = r.stdout.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'date,job,plan,gross,electionPay,deferralType,deferral,catchUp,afterTax,match,matchLost,socialSecurity,medicare,netPay,ytdDeferrals,ytdAfterTax,ytdMatch,ytdAdditions,events',
    );
    expect(lines).toHaveLength(14);
    expect(lines[1]).toBe(
      '2026-07-10,acme,acme-401k,6000.00,6000.00,pre-tax,1380.00,0.00,2640.00,180.00,0.00,372.00,87.00,1521.00,7620.00,10440.00,2520.00,20580.00,"elections start: deferral 23%, after-tax 44%"',
    );
  });

  it('--ics: a valid iCalendar file of all-day events (RFC 5545)', async () => {
    const r = await runCli(['paychecks', 'examples/paychecks/job-change.yaml', '--ics']);
    expect(r.code).toBe(0);
    const text = r.stdout;
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:')).toBe(true);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of text.split('\r\n'))
      expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    const unfolded = text.replace(/\r\n /g, '');
    const events = unfolded.split('BEGIN:VEVENT').slice(1);
    expect(events.length).toBeGreaterThan(3);
    for (const e of events) {
      expect(e).toMatch(/\r\nUID:[^\r]+@megaroth\r\n/);
      expect(e).toMatch(/\r\nDTSTAMP:\d{8}T000000Z\r\n/);
      const start = /DTSTART;VALUE=DATE:(\d{8})/.exec(e)?.[1] ?? '';
      const end = /DTEND;VALUE=DATE:(\d{8})/.exec(e)?.[1] ?? '';
      const day = (s: string) => Date.UTC(+s.slice(0, 4), +s.slice(4, 6) - 1, +s.slice(6, 8));
      expect(day(end) - day(start)).toBe(86_400_000);
      expect(e).toContain('END:VEVENT');
    }
    expect(unfolded).toContain('SUMMARY:new-401k: elect pre-tax deferral 19%\\, after-tax 15%');
  });

  it('refuses two outputs at once, and a bad payroll with its path (exit 2)', async () => {
    const both = await runCli(['paychecks', '--csv', '--ics']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--ics');
    const r = await runCli(
      ['paychecks', '-'],
      undefined,
      JSON.stringify({
        ...PAYCHECKS_EXAMPLE,
        jobs: [
          {
            ...PAYCHECKS_EXAMPLE.jobs?.[0],
            payroll: {
              frequency: 'semi-monthly',
              firstPayDate: '2026-01-09',
              salaryPerPeriod: 100,
            },
          },
        ],
      }),
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('jobs[0].payroll.firstPayDate');
  });

  it('a scenario without payroll is refused with the field to add', async () => {
    const r = await runCli(['paychecks', 'examples/married-couple.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('jobs: no job has payroll');
  });
});

describe('corrections', () => {
  it('a pay stub past 402(g) gives an error and the refund date of IRC 402(g)(2)', () => {
    const s = structuredClone(PAYCHECKS_EXAMPLE);
    const job = s.jobs?.[0];
    if (job?.payroll?.yearToDate) job.payroll.yearToDate.preTax = 25000;
    const r = paychecksReport(loadScenario(JSON.stringify(s), 'json'));
    expect(r.people[0]?.excess.cents).toBe(50000);
    expect(r.paychecks.every((c) => c.deferral.cents === 0)).toBe(true);
    expect(r.findings[0]?.severity).toBe('error');
    const step = r.steps.find((x) => x.kind === 'correction');
    expect(step?.date).toBe('2027-04-15');
    expect(step?.citation).toContain('402(g)(2)');
  });
});

describe('dollars per paycheck, weekly, the whole year', () => {
  const s = structuredClone(PAYCHECKS_EXAMPLE);
  const job = s.jobs?.[0];
  if (job) {
    job.wages = 52000;
    job.payroll = {
      frequency: 'weekly',
      firstPayDate: '2026-01-02',
      salaryPerPeriod: 1000,
      elections: { unit: 'dollars' },
    };
  }
  const r = paychecksReport(loadScenario(JSON.stringify(s), 'json'));
  const j = r.jobs[0];

  it('elects whole dollars and lands on the limits', () => {
    // 52 paychecks. 402(g): $471 × 52 = 24,492 ≤ 24,500 < $472 × 52; last: 24,500 − 51 × 471
    // = $479, exact (one employer: the plan stops at the limit). 415(c) = 100% of 52,000; the
    // plan's match, 50% up to 6%, is $30 a week, 1,560 → room 52,000 − 24,500 − 1,560 = 25,940:
    // $498 × 52 = 25,896; last 25,940 − 51 × 498 = $542 (the plan does not stop after-tax money
    // by itself here).
    expect(r.paychecks).toHaveLength(52);
    expect(j?.deferral?.election).toBe('$471.00 per paycheck');
    expect(j?.deferral?.lastPaycheckElection).toBe('$479.00 per paycheck');
    expect(r.people[0]?.total.cents).toBe(2450000);
    expect(j?.limit415c.cents).toBe(5200000);
    expect(j?.afterTax?.target.cents).toBe(2594000);
    expect(j?.afterTax?.election).toBe('$498.00 per paycheck');
    expect(j?.afterTax?.lastPaycheckElection).toBe('$542.00 per paycheck');
    expect(j?.additions.cents).toBe(5200000);
  });

  it('warns of every paycheck whose net pay is below zero', () => {
    // 1,000 − 471 − 498 − FICA 76.50 = −45.50
    expect(r.paychecks[0]?.netPay.cents).toBe(-4550);
    const warned = r.findings.filter(
      (f) => f.severity === 'warning' && f.message.includes('net pay'),
    );
    expect(warned).toHaveLength(52);
  });
});
