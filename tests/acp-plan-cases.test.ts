/**
 * The ADP and ACP tests run together on a census (cases `plan` of tests/cases/acp.yaml): the
 * examples of Treas. Reg. 1.401(k)-2(a)(7), (b)(2)(viii) and 1.401(m)-2(a)(7), (b)(5) with the
 * figures they state, and cases derived by hand from the rules they cite (catch-ups kept, the
 * targeted QNEC limit, income allocable to refunds, otherwise excludable employees). Every
 * census is written as CSV and read through the real reader.
 */
import { describe, expect, it } from 'vitest';
import {
  readCensusText,
  runPlanTests,
  type AcpOptions,
  type QnecLimitInfo,
} from '../src/engine/acp/index.js';
import { cents } from '../src/engine/money.js';
import { loadCases } from './helpers/cases.js';

type Money = Record<string, number>;

interface QnecLimitCase {
  representativeRate?: number;
  limitRate?: number;
  notCounted?: number;
}

interface TestCase {
  hceAdp?: number;
  nhceAdp?: number;
  hceAcp?: number;
  nhceAcp?: number;
  limit?: number;
  passed?: boolean;
  permittedRatio?: number;
  excess?: number;
  catchUp?: number;
  refunded?: number;
  recharacterized?: number;
  allocableIncome?: number;
  exciseTaxIfLate?: number;
  qnecLimit?: QnecLimitCase;
  qnecAlternative?: { rate: number; cost: number; nhceAfter: number; limitAfter: number };
  corrections?: Record<string, Money>;
  refunds?: Record<string, Money>;
}

interface GroupCase {
  group: string;
  adp?: { hces: number; nhces: number; passed: boolean };
  acp: { hces: number; nhces: number; passed: boolean };
}

interface PlanCase {
  id: string;
  options: {
    year: number;
    method: 'current' | 'prior';
    priorNhceAdp?: number;
    priorNhceAcp?: number;
    adpCorrection?: 'refund' | 'recharacterize';
    qnecTest?: 'acp' | 'adp';
    excludable?: 'separate' | 'drop-nhces';
  };
  census: Record<string, string | number | boolean>[];
  expect: {
    allPassed?: boolean;
    adp?: TestCase;
    acp?: TestCase;
    excludable?: { count: number; ids: string[] };
    groups?: GroupCase[];
  };
}

const data = loadCases('acp.yaml') as { plan: PlanCase[] };

const bps = (percent: number): number => Math.round(percent * 100);

/** Writes census rows as CSV text (the header from every key used). */
function toCsv(rows: Record<string, string | number | boolean>[]): string {
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return [keys.join(','), ...rows.map((r) => keys.map((k) => String(r[k] ?? '')).join(','))].join(
    '\n',
  );
}

function options(c: PlanCase): AcpOptions {
  const o = c.options;
  return {
    year: o.year,
    method: o.method,
    ...(o.priorNhceAdp !== undefined ? { priorNhceAdpBps: bps(o.priorNhceAdp) } : {}),
    ...(o.priorNhceAcp !== undefined ? { priorNhceAcpBps: bps(o.priorNhceAcp) } : {}),
    ...(o.adpCorrection ? { adpCorrection: o.adpCorrection } : {}),
    ...(o.qnecTest ? { qnecTest: o.qnecTest } : {}),
    ...(o.excludable ? { excludable: o.excludable } : {}),
  };
}

function checkQnecLimit(got: QnecLimitInfo | null, want: QnecLimitCase | undefined): void {
  if (want === undefined) return;
  expect(got).not.toBeNull();
  if (want.representativeRate !== undefined)
    expect(got?.representativeRateBps).toBe(bps(want.representativeRate));
  if (want.limitRate !== undefined) expect(got?.limitRateBps).toBe(bps(want.limitRate));
  if (want.notCounted !== undefined) expect(got?.notCounted).toBe(cents(want.notCounted));
}

/** Compares rows keyed by id, field by field (dollars). */
function checkRows(got: readonly ({ id: string } & object)[], want: Record<string, Money>): void {
  const byId = Object.fromEntries(got.map((g) => [g.id, g as unknown as Record<string, unknown>]));
  expect(Object.keys(byId).sort()).toEqual(Object.keys(want).sort());
  for (const [id, fields] of Object.entries(want)) {
    for (const [k, v] of Object.entries(fields)) {
      expect(byId[id]?.[k], `${id}.${k}`).toBe(cents(v));
    }
  }
}

describe('ADP and ACP together on a census (regulation examples and derived cases)', () => {
  it.each(data.plan.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const read = readCensusText(toCsv(c.census));
    expect(read.headerIssues).toEqual([]);
    expect(read.issues).toEqual([]);
    const t = runPlanTests(read.census, options(c));
    const e = c.expect;
    if (e.allPassed !== undefined) expect(t.passed).toBe(e.allPassed);
    const a = e.adp;
    if (a) {
      const r = t.adp;
      expect(r).not.toBeNull();
      if (r === null) return;
      if (a.hceAdp !== undefined) expect(r.hceAdpBps).toBe(bps(a.hceAdp));
      if (a.nhceAdp !== undefined) expect(r.nhceAdpBps).toBe(bps(a.nhceAdp));
      if (a.limit !== undefined) expect(r.limitBps).toBe(bps(a.limit));
      if (a.passed !== undefined) expect(r.passed).toBe(a.passed);
      if (a.permittedRatio !== undefined) expect(r.permittedRatioBps).toBe(bps(a.permittedRatio));
      if (a.excess !== undefined) expect(r.excessContributions).toBe(cents(a.excess));
      if (a.catchUp !== undefined) expect(r.catchUpTotal).toBe(cents(a.catchUp));
      if (a.refunded !== undefined) expect(r.refundTotal).toBe(cents(a.refunded));
      if (a.recharacterized !== undefined)
        expect(r.recharacterizedTotal).toBe(cents(a.recharacterized));
      if (a.allocableIncome !== undefined)
        expect(r.allocableIncomeTotal).toBe(cents(a.allocableIncome));
      if (a.exciseTaxIfLate !== undefined) expect(r.exciseTaxIfLate).toBe(cents(a.exciseTaxIfLate));
      checkQnecLimit(r.qnecLimit, a.qnecLimit);
      if (a.qnecAlternative) {
        expect(r.qnecAlternative).toEqual({
          rateBps: bps(a.qnecAlternative.rate),
          cost: cents(a.qnecAlternative.cost),
          nhceAverageAfterBps: bps(a.qnecAlternative.nhceAfter),
          limitAfterBps: bps(a.qnecAlternative.limitAfter),
        });
      }
      if (a.corrections) checkRows(r.corrections, a.corrections);
    }
    const p = e.acp;
    if (p) {
      const r = t.acp;
      if (p.hceAcp !== undefined) expect(r.hceAcpBps).toBe(bps(p.hceAcp));
      if (p.nhceAcp !== undefined) expect(r.nhceAcpBps).toBe(bps(p.nhceAcp));
      if (p.limit !== undefined) expect(r.limitBps).toBe(bps(p.limit));
      if (p.passed !== undefined) expect(r.passed).toBe(p.passed);
      if (p.permittedRatio !== undefined) expect(r.permittedRatioBps).toBe(bps(p.permittedRatio));
      if (p.excess !== undefined) expect(r.excessAggregateContributions).toBe(cents(p.excess));
      if (p.allocableIncome !== undefined)
        expect(r.allocableIncomeTotal).toBe(cents(p.allocableIncome));
      checkQnecLimit(r.qnecLimit, p.qnecLimit);
      if (p.refunds) checkRows(r.refunds, p.refunds);
    }
    if (e.excludable) {
      expect(t.excludable?.count).toBe(e.excludable.count);
      const flagged = read.census.ids.filter((_, i) => t.excludable?.flags[i] === 1);
      expect(flagged).toEqual(e.excludable.ids);
    }
    if (e.groups) {
      expect(t.groups.map((g) => g.group)).toEqual(e.groups.map((g) => g.group));
      e.groups.forEach((want, k) => {
        const g = t.groups[k];
        const acp = g?.acp.result;
        expect([acp?.hceCount, acp?.nhceCount, acp?.passed]).toEqual([
          want.acp.hces,
          want.acp.nhces,
          want.acp.passed,
        ]);
        if (want.adp) {
          const adp = g?.adp?.result;
          expect([adp?.hceCount, adp?.nhceCount, adp?.passed]).toEqual([
            want.adp.hces,
            want.adp.nhces,
            want.adp.passed,
          ]);
        }
      });
    }
  });
});
