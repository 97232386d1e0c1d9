import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';

interface AcpJson {
  report: string;
  hceCount: number;
  nhceCount: number;
  hceAcp: number;
  nhceAcp: number;
  limit: number;
  passed: boolean;
  excessAggregateContributions: number;
  refunds: { id: string; amount: number; afterTax: number }[];
  deadlines: { exciseTaxDeadline: string; finalDeadline: string };
  whatif?: { grid: unknown[]; maxUniformRate: { maxRate: number | null } };
  census: { skippedRows: number; problems: { line: number; column: string }[] };
  findings: { severity: string; path: string; message: string }[];
  explain: Record<string, { citation: string }>;
}

interface ParticipantJson {
  report: string;
  estimate: boolean;
  passed: boolean;
  maxAfterTaxWithoutRefund: number | null;
  participant: {
    id: string;
    ratio: number;
    refund: { afterTax: number } | null;
    afterTaxKept: number;
  };
  findings: { severity: string; path: string }[];
}

const parse = (s: string): AcpJson => JSON.parse(s) as AcpJson;

describe('megaroth acp', () => {
  it('the failing example: JSON keys, refunds in dollars, exit 0', async () => {
    const r = await runCli(['acp', 'examples/acp/fails.csv', '--json']);
    expect(r.code).toBe(0);
    const j = parse(r.stdout);
    // hand check: H1 28,800/220,000 = 13.09%, H2 12,000/300,000 = 4.00%, H3 44,400/360,000 =
    // 12.33%; rates are decimal fractions
    expect(j).toMatchObject({
      report: 'acp',
      hceCount: 3,
      nhceCount: 9,
      hceAcp: 0.0981,
      nhceAcp: 0.0303,
      limit: 0.0503,
      passed: false,
      excessAggregateContributions: 41068,
    });
    expect(j.findings).toEqual([
      expect.objectContaining({ severity: 'error', path: '' }),
      // no gain_loss column, no --gain-rate: the refunds' allocable income is asked for
      expect.objectContaining({ severity: 'question', path: 'gainRateBps' }),
    ]);
    expect(j.explain['refunds.amount']?.citation).toContain('1.401(m)-2(b)(2)');
    // T = (3 × 5.03 − 4.00) / 2 = 5.54: excess 16,612 + 24,456; dollar leveling: H3 to 28,800
    // (15,600), then 12,734 each
    expect(j.refunds).toEqual([
      expect.objectContaining({ id: 'H1', amount: 12734, afterTax: 12734 }),
      expect.objectContaining({ id: 'H3', amount: 28334, afterTax: 28334 }),
    ]);
    expect(j.deadlines).toMatchObject({
      exciseTaxDeadline: '2027-03-15',
      finalDeadline: '2027-12-31',
    });
  });

  it('the passing example passes with no refunds', async () => {
    const r = await runCli(['acp', 'examples/acp/passes.csv', '--json']);
    expect(r.code).toBe(0);
    const j = parse(r.stdout);
    expect(j.passed).toBe(true);
    expect(j.refunds).toEqual([]);
    expect(j.hceAcp).toBe(0.04);
    expect(j.findings).toEqual([]);
  });

  it('text output and the what-ifs', async () => {
    const r = await runCli(['acp', 'examples/acp/fails.csv', '--whatif']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('FAILS');
    expect(r.stdout).toContain('$41,068.00');
    expect(r.stdout).toContain('Highest uniform after-tax rate all HCEs could add: none');
    const j = parse((await runCli(['acp', 'examples/acp/fails.csv', '--whatif', '--json'])).stdout);
    expect(j.whatif?.grid).toHaveLength(100);
    expect(j.whatif?.maxUniformRate.maxRate).toBeNull();
  });

  it('--participant: the acp-participant report of one employee', async () => {
    const r = await runCli(['acp', 'examples/acp/fails.csv', '--participant', 'H1']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Participant H1');
    expect(r.stdout).toContain('After-tax money kept in the plan       $7,266.00');
    expect(r.stdout).toContain('Paid by 2027-03-15 (2½ months after the plan year).');
    const j = JSON.parse(
      (await runCli(['acp', 'examples/acp/fails.csv', '--participant', 'H1', '--json'])).stdout,
    ) as ParticipantJson;
    expect(j).toMatchObject({ report: 'acp-participant', estimate: false, passed: false });
    expect(j.maxAfterTaxWithoutRefund).toBeNull();
    expect(j.participant.ratio).toBe(0.1309);
    expect(j.participant.refund?.afterTax).toBe(12734);
    expect(j.participant.afterTaxKept).toBe(7266);
    expect(j.findings[0]).toMatchObject({ severity: 'warning', path: 'participant' });
    const unknown = await runCli(['acp', 'examples/acp/fails.csv', '--participant', 'Z']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--participant: no employee with id "Z" in the census');
    const both = await runCli(['acp', 'examples/acp/fails.csv', '--participant', 'H1', '--whatif']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--whatif:');
  });

  it('bad rows: exit 2 listing line and column; --skip-bad-rows tests the rest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'acp-cli-'));
    const file = join(dir, 'bad.csv');
    writeFileSync(
      file,
      'id,compensation,match,after_tax,hce\nA,100000,1000,0,false\nB,oops,0,0,true\nC,200000,0,9000,true\n',
    );
    const bad = await runCli(['acp', file]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`${file}:3: compensation: expected dollars`);
    expect(bad.stderr).toContain('--skip-bad-rows');
    const ok = await runCli(['acp', file, '--skip-bad-rows', '--json']);
    expect(ok.code).toBe(0);
    const j = parse(ok.stdout);
    expect(j.census.skippedRows).toBe(1);
    expect(j.census.problems[0]).toMatchObject({ line: 3, column: 'compensation' });
    expect(j.hceCount).toBe(1);
    expect(ok.stderr).toContain('skipped');
  });

  it('option errors exit 2 and name the option, also when the engine finds them', async () => {
    const cases: [string, string][] = [
      ['--method prior', '--prior-nhce-acp: prior-year testing needs the prior year’s NHCE ACP'],
      ['--prior-nhce-acp 2.123', '--prior-nhce-acp: expected a percentage'],
      ['--prior-nhce-acp 2', '--prior-nhce-acp: only applies to prior-year testing'],
      ['--first-year', '--first-year: only applies to prior-year testing'],
      ['--method prior --first-year --prior-nhce-acp 2', '--first-year: a plan’s first year'],
      ['--plan-year-end 2026-02-30', '--plan-year-end: expected a date written YYYY-MM-DD'],
      ['--year 1999', '--year: tax year 1999 is not supported'],
      ['--match-vested 101', '--match-vested: expected a percentage from 0 to 100'],
      ['--gain-rate 5%x', '--gain-rate: expected a gain or loss in percent'],
      ['--gain-rate -100.5', '--gain-rate: expected a gain or loss in percent'],
      ['--excludable sometimes', '--excludable: must be one of separate, drop-nhces'],
      ['--excludable separate', '--excludable: the census needs birth_date'],
      [
        '--adp-correction recharacterize',
        '--adp-correction: does not apply: the census has no deferrals',
      ],
      ['--prior-nhce-adp 3', '--prior-nhce-adp: does not apply'],
      ['--qnec-test adp', '--qnec-test: does not apply'],
      ['--qnec-test adp --safe-harbor', '--qnec-test: a safe-harbor plan has no ADP test'],
    ];
    for (const [flags, message] of cases) {
      const r = await runCli(['acp', 'examples/acp/fails.csv', ...flags.split(' ')]);
      expect(r.code, flags).toBe(2);
      expect(r.stderr, flags).toContain(message);
    }
    const c = await runCli(['acp', 'no-such.csv']);
    expect(c.code).toBe(2);
    expect(c.stderr).toContain('no such file');
  });

  it('prior-year method with a given NHCE ACP', async () => {
    const r = await runCli([
      'acp',
      'examples/acp/fails.csv',
      '--method',
      'prior',
      '--prior-nhce-acp',
      '8',
      '--json',
    ]);
    const j = parse(r.stdout);
    expect(j.nhceAcp).toBe(0.08);
    expect(j.limit).toBe(0.1);
    expect(j.passed).toBe(true);
  });
});

describe('megaroth census', () => {
  it('writes a deterministic census the acp command reads', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'census-cli-'));
    const out = join(dir, 'c.csv');
    const w = await runCli(['census', '--employees', '200', '--seed', '5', '--out', out]);
    expect(w.code).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text.trimEnd().split('\n')).toHaveLength(201);
    const again = await runCli(['census', '--employees', '200', '--seed', '5']);
    expect(again.stdout).toBe(text);
    const r = await runCli(['acp', out, '--json']);
    expect(r.code).toBe(0);
    expect(parse(r.stdout).hceCount + parse(r.stdout).nhceCount).toBeGreaterThan(150);
    expect((await runCli(['census', '--employees', '0'])).code).toBe(2);
  });

  it('bad options and unwritable files: exit 2 naming the option, the file and why', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'census-bad-'));
    const cases: [string[], string][] = [
      [['--seed', '-1'], '--seed: must be from 0 to 4294967295'],
      [['--employees', 'ten'], '--employees: expected a number'],
      [['--out', dir], `--out: cannot write ${dir}: is a directory`],
      [['--out', join(dir, 'no', 'c.csv')], 'no such file or directory'],
    ];
    for (const [args, message] of cases) {
      const r = await runCli(['census', '--employees', '10', ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toContain(message);
      expect(r.stderr).not.toContain(' at ');
    }
  });
});

describe('streaming census reader', () => {
  it('reads a multi-chunk file exactly as the whole text (lines across chunk boundaries)', async () => {
    const { generateCensusCsv, readCensusText } = await import('../src/engine/acp/index.js');
    const { readCensusFile } = await import('../src/cli/census-file.js');
    const dir = mkdtempSync(join(tmpdir(), 'census-stream-'));
    const file = join(dir, 'big.csv');
    const text = [...generateCensusCsv({ employees: 60_000, seed: 9 })].join('');
    expect(text.length).toBeGreaterThan(2 * 1024 * 1024);
    writeFileSync(file, text);
    const a = await readCensusFile(dir, 'big.csv');
    const b = readCensusText(text);
    expect(a.census.size).toBe(60_000);
    expect(a.census.ids).toEqual(b.census.ids);
    expect(Array.from(a.census.compensation)).toEqual(Array.from(b.census.compensation));
    expect(Array.from(a.census.afterTax)).toEqual(Array.from(b.census.afterTax));
    expect(Array.from(a.census.lines)).toEqual(Array.from(b.census.lines));
  });

  it('one dialect: an unclosed quote is refused with file:line, in a column the test does not use', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'census-quote-'));
    writeFileSync(
      join(dir, 'q.csv'),
      'name,id,compensation,match,after_tax,hce\n"Jo, ""JJ""\nSmith",H1,250000,0,20000,true\n"Lee,N1,50000,1000,0,false\nKim,N2,50000,1000,0,false\n',
    );
    const bad = await runCli(['acp', 'q.csv'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('q.csv:4: (row): a quoted field is not closed');
    const ok = await runCli(['acp', 'q.csv', '--skip-bad-rows', '--json'], dir);
    expect(ok.code).toBe(0);
    const j = parse(ok.stdout);
    // the name over two lines is read; the row with the open quote is left out, the next read
    expect([j.hceCount, j.nhceCount, j.census.skippedRows]).toEqual([1, 1, 1]);
    expect(j.findings).toContainEqual(
      expect.objectContaining({ severity: 'warning', path: 'census' }),
    );
  });

  it('CRLF line ends, a byte-order mark, quotes and no final newline', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'census-crlf-'));
    writeFileSync(
      join(dir, 'c.csv'),
      '\uFEFFID,Compensation,Match,After_Tax,HCE\r\n"H1","250,000",0,20000,true\r\nN1,50000,1000,0,false',
    );
    const r = await runCli(['acp', 'c.csv', '--json'], dir);
    expect(r.code).toBe(0);
    const j = parse(r.stdout);
    expect([j.hceCount, j.nhceCount, j.nhceAcp, j.hceAcp]).toEqual([1, 1, 0.02, 0.08]);
  });
});

describe('megaroth acp without a census (estimate)', () => {
  it('estimates one HCE’s refund and the most after-tax with none', async () => {
    const r = await runCli([
      'acp',
      '--pay',
      '220000',
      '--after-tax',
      '20000',
      '--match',
      '8800',
      '--expected-nhce-acp',
      '3.03',
      '--other-hces',
      '2',
      '--other-hce-acp',
      '8',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as ParticipantJson;
    expect(j).toMatchObject({ report: 'acp-participant', estimate: true });
    expect(j.maxAfterTaxWithoutRefund).toBe(2266);
    expect(j.participant.refund?.afterTax).toBe(17734);
    expect(j.findings.map((f) => [f.severity, f.path])).toEqual([
      ['warning', 'afterTax'],
      ['question', 'expectedNhceAcpBps'],
    ]);
    const none = await runCli(['acp']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('--expected-nhce-acp');
    const both = await runCli(['acp', 'examples/acp/fails.csv', '--pay', '1']);
    expect(both.code).toBe(2);
    // the engine checks the estimate's input and names the flags
    const zero = await runCli(['acp', '--pay', '0', '--expected-nhce-acp', '3']);
    expect(zero.code).toBe(2);
    expect(zero.stderr).toContain('--pay: expected more than 0');
    const pay = await runCli([
      'acp',
      '--pay',
      '100000',
      '--expected-nhce-acp',
      '3',
      '--other-hces',
      '1',
      '--other-hce-pay',
      '0',
    ]);
    expect(pay.code).toBe(2);
    expect(pay.stderr).toContain('--other-hce-pay: expected more than 0');
  });
});

describe('megaroth acp with deferrals: the ADP and ACP tests together', () => {
  const FILE = 'examples/acp/adp-acp.csv';

  it('both tests, catch-ups kept, refunds with their allocable income (hand-checked)', async () => {
    const r = await runCli(['acp', FILE, '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as {
      allPassed: boolean;
      passed: boolean;
      adp: {
        hceAdp: number;
        nhceAdp: number;
        limit: number;
        excessContributions: number;
        catchUp: number;
        refunded: number;
        corrections: { id: string; amount: number; catchUp: number; allocableIncome: number }[];
        catchUps: { notTested: number; notTestedRows: number };
      };
      refunds: { id: string; amount: number; allocableIncome: number }[];
      findings: { severity: string; path: string }[];
    };
    // HCE ADRs 11.14, 8.17, 6.81 (pay capped at $360,000), 10.00 → 9.03; NHCEs' 37 / 11 = 3.36;
    // limit 3.36 + 2 = 5.36; every HCE comes down to 5.36: $34,684; dollar leveling takes the
    // three $24,500s to $18,000, then $3,796 from all four. H1 (50) and H4 (55) have $8,000 of
    // catch-up room: H1 keeps $8,000, H4 its $3,796. H2's and H3's catch-ups by the 402(g) limit
    // ($8,000, $11,250 at 61) are left out of the test.
    expect(j.adp).toMatchObject({
      hceAdp: 0.0903,
      nhceAdp: 0.0336,
      limit: 0.0536,
      excessContributions: 34684,
      catchUp: 11796,
      refunded: 22888,
      catchUps: { notTested: 19250, notTestedRows: 2 },
    });
    expect(j.adp.corrections.map((c) => [c.id, c.amount, c.catchUp])).toEqual([
      ['H1', 10296, 8000],
      ['H2', 10296, 0],
      ['H3', 10296, 0],
      ['H4', 3796, 3796],
    ]);
    // H2 earned $9,800 on $153,500 + $44,500 of the year: 9,800 × 10,296 / 198,000 = $509.60
    expect(j.adp.corrections[1]?.allocableIncome).toBe(509.6);
    // H3's ACP refund: 21,000 × 28,972 / (290,000 + 80,150) = $1,643.69
    expect(j.refunds.find((f) => f.id === 'H3')).toMatchObject({
      amount: 28972,
      allocableIncome: 1643.69,
    });
    expect(j.allPassed).toBe(false);
    expect(j.findings.map((f) => [f.severity, f.path])).toContainEqual(['error', 'adp']);
    expect(j.findings.map((f) => [f.severity, f.path])).not.toContainEqual([
      'question',
      'gainRateBps',
    ]);
    const text = await runCli(['acp', FILE]);
    expect(text.stdout).toContain('ADP and ACP tests 2026');
    expect(text.stdout).toMatch(/Excess contributions\s+\$34,684\.00/);
    expect(text.stdout).toMatch(/kept as catch-ups\s+\$11,796\.00/);
  });

  it('--excludable separate: both groups and the combined answer', async () => {
    const r = await runCli(['acp', FILE, '--excludable', 'separate', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as {
      allPassed: boolean;
      excludable: { count: number; latestQualifyingDate: string };
      groups: {
        group: string;
        adp: { nhceCount: number; passed: boolean };
        acp: { passed: boolean };
      }[];
    };
    // N8 (hired 2026-02-02), N10 (21 on 2027-08-15), N11 (a year on 2026-09-01)
    expect(j.excludable).toMatchObject({ count: 3, latestQualifyingDate: '2026-06-30' });
    expect(j.groups.map((g) => [g.group, g.adp.nhceCount, g.adp.passed, g.acp.passed])).toEqual([
      ['meets-age-and-service', 8, false, false],
      ['otherwise-excludable', 3, true, true],
    ]);
    expect(j.allPassed).toBe(false);
    const text = await runCli(['acp', FILE, '--excludable', 'separate']);
    expect(text.stdout).toContain('Meet age and service');
    expect(text.stdout).toContain('Combined: FAILS');
  });

  it('option errors of the ADP test name the option', async () => {
    const cases: [string, string][] = [
      [
        '--method prior --prior-nhce-acp 3',
        '--prior-nhce-adp: prior-year testing of a census with deferrals needs the prior year’s NHCE ADP',
      ],
      ['--prior-nhce-adp 3', '--prior-nhce-adp: only applies to prior-year testing'],
      [
        '--method prior --excludable separate --prior-nhce-acp 3 --prior-nhce-adp 3',
        '--excludable: testing the otherwise excludable employees apart needs',
      ],
    ];
    for (const [flags, message] of cases) {
      const r = await runCli(['acp', FILE, ...flags.split(' ')]);
      expect(r.code, flags).toBe(2);
      expect(r.stderr, flags).toContain(message);
    }
    const sh = await runCli(['acp', FILE, '--safe-harbor', '--json']);
    const j = JSON.parse(sh.stdout) as { adp: unknown; findings: { path: string }[] };
    expect(j.adp).toBeNull();
    expect(j.findings.map((f) => f.path)).toContain('safeHarbor');
  });

  it('--adp-correction recharacterize: the recharacterized deferrals are after-tax money in the ACP test', async () => {
    const r = await runCli(['acp', FILE, '--adp-correction', 'recharacterize', '--json']);
    const j = JSON.parse(r.stdout) as {
      adp: { recharacterized: number; refunded: number; recharacterizationDeadline: string };
      hceAcp: number;
    };
    expect(j.adp).toMatchObject({
      recharacterized: 22888,
      refunded: 0,
      recharacterizationDeadline: '2027-03-15',
    });
    // H1 (28,800 + 2,296) / 220,000 = 14.13%, H2 (12,000 + 10,296) / 300,000 = 7.43%, H3 (44,400 +
    // 10,296) / 360,000 = 15.19%, H4 7,200 / 180,000 = 4.00%: 40.75 / 4 = 10.19%
    expect(j.hceAcp).toBe(0.1019);
  });
});
