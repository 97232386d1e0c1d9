import { describe, expect, it } from 'vitest';
import {
  acpLimitBps,
  correctAdp,
  readCensusText,
  runAcpTest,
  type AcpOptions,
} from '../src/engine/acp/index.js';
import { cents } from '../src/engine/money.js';
import { loadCases } from './helpers/cases.js';

interface AcpCase {
  id: string;
  options: {
    year: number;
    method: 'current' | 'prior';
    safeHarbor?: boolean;
    priorNhceAcp?: number;
    firstYear?: boolean;
  };
  census: Record<string, string | number | boolean>[];
  expect: {
    hceCount?: number;
    nhceCount?: number;
    nhceAcp: number;
    limit: number;
    hceAcp: number;
    passed: boolean;
    permittedRatio?: number;
    excessAggregateContributions: number;
    refunds: Record<string, { amount: number; afterTax?: number; matchDistributed?: number }>;
    deadlines?: { exciseTaxDeadline: string; finalDeadline: string };
  };
}

interface AdpCase {
  id: string;
  maxHceAdp: number;
  hces: { id: string; deferrals: number; compensation: number }[];
  expect: {
    permittedRatio: number;
    ratioExcess: Record<string, number>;
    totalExcess: number;
    refunds: Record<string, number>;
  };
}

const data = loadCases('acp.yaml') as {
  limits: { table: [number, number][] };
  acp: AcpCase[];
  adp: AdpCase[];
};

const bps = (percent: number): number => Math.round(percent * 100);

/** Writes census rows as CSV text (header from the first row's keys). */
function toCsv(rows: Record<string, string | number | boolean>[]): string {
  const keys = Object.keys(rows[0] ?? {});
  return [keys.join(','), ...rows.map((r) => keys.map((k) => String(r[k] ?? '')).join(','))].join(
    '\n',
  );
}

describe('D-0: the ACP limit function', () => {
  it.each(data.limits.table)('NHCE ACP %s → max HCE ACP %s', (n, max) => {
    expect(acpLimitBps(bps(n))).toBe(bps(max));
  });
});

describe('ACP cases D-1 to D-3 (through the CSV parser)', () => {
  it.each(data.acp.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const read = readCensusText(toCsv(c.census));
    expect(read.headerIssues).toEqual([]);
    expect(read.issues).toEqual([]);
    const options: AcpOptions = {
      year: c.options.year,
      method: c.options.method,
      ...(c.options.safeHarbor ? { safeHarbor: true } : {}),
      ...(c.options.priorNhceAcp !== undefined
        ? { priorNhceAcpBps: bps(c.options.priorNhceAcp) }
        : {}),
      ...(c.options.firstYear ? { firstYear: true } : {}),
    };
    const r = runAcpTest(read.census, options);
    const e = c.expect;
    if (e.hceCount !== undefined) expect(r.hceCount).toBe(e.hceCount);
    if (e.nhceCount !== undefined) expect(r.nhceCount).toBe(e.nhceCount);
    expect(r.nhceAcpBps).toBe(bps(e.nhceAcp));
    expect(r.limitBps).toBe(bps(e.limit));
    expect(r.hceAcpBps).toBe(bps(e.hceAcp));
    expect(r.passed).toBe(e.passed);
    if (e.permittedRatio !== undefined) expect(r.permittedRatioBps).toBe(bps(e.permittedRatio));
    expect(r.excessAggregateContributions).toBe(cents(e.excessAggregateContributions));
    const got = Object.fromEntries(r.refunds.map((f) => [f.id, f]));
    expect(Object.keys(got).sort()).toEqual(Object.keys(e.refunds).sort());
    for (const [id, want] of Object.entries(e.refunds)) {
      const f = got[id];
      expect(f?.amount, `${id}.amount`).toBe(cents(want.amount));
      if (want.afterTax !== undefined)
        expect(f?.afterTax, `${id}.afterTax`).toBe(cents(want.afterTax));
      if (want.matchDistributed !== undefined) {
        expect(f?.matchDistributed, `${id}.matchDistributed`).toBe(cents(want.matchDistributed));
      }
    }
    if (e.deadlines) {
      expect(r.deadlines.exciseTaxDeadline).toBe(e.deadlines.exciseTaxDeadline);
      expect(r.deadlines.finalDeadline).toBe(e.deadlines.finalDeadline);
    }
  });
});

describe('ADP case D-4 (same leveling routine)', () => {
  it.each(data.adp.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const lev = correctAdp(
      c.hces.map((h) => ({ deferrals: cents(h.deferrals), compensation: cents(h.compensation) })),
      bps(c.maxHceAdp),
    );
    expect(lev.permittedRatioBps).toBe(bps(c.expect.permittedRatio));
    expect(lev.totalExcess).toBe(cents(c.expect.totalExcess));
    c.hces.forEach((h, i) => {
      expect(lev.ratioExcess[i], `${h.id} step 1`).toBe(cents(c.expect.ratioExcess[h.id] ?? 0));
      expect(lev.reductions[i], `${h.id} step 2`).toBe(cents(c.expect.refunds[h.id] ?? 0));
    });
  });
});
