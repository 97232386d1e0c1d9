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
