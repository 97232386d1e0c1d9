/**
 * Cases E-1..E-12, H a-d and the physician beside a hospital 403(b), loaded from
 * tests/cases/self-employment.yaml (sources in its header). The solo-plan cases run through the
 * `solo` report, i.e. the household engine.
 */
import { describe, expect, test } from 'vitest';
import { loadCases } from '../../../tests/helpers/cases.js';
import { cents, percentRate, roundToDollar, type Cents } from '../money.js';
import { paramsFor, rate, usd, type YearParameters } from '../params/index.js';
import type { Figure } from '../explain.js';
import { soloReport, type SoloEnd, type SoloInput } from '../report/solo.js';
import { wageOwnerContribution } from '../rules/wage-owner-contribution.js';
import type { FilingStatus } from '../tax/filing-status.js';
import {
  cashBalanceCombinedLimit,
  deductionWorksheet,
  rateTable,
  scheduleSe,
  type DeductionWorksheet,
  type HalfRounding,
} from './index.js';

type Money = Record<string, number | boolean>;

interface SeCase {
  id: string;
  year: number;
  netProfit: number;
  w2Wages: number;
  filingStatus: FilingStatus;
  expect: Money;
}
interface WsCase {
  id: string;
  year: number;
  netProfit: number;
  deferrals: number;
  roth?: number;
  age: number;
  step12Rounding?: HalfRounding;
  planRatePercent?: number;
  ratePlaces?: number;
  expect: Money;
  wholeDollars?: number;
  afterTaxRoom?: number;
}
interface SCorpCase {
  id: string;
  year?: number;
  limits2014?: Record<string, number>;
  wages: number;
  age: number;
  expect: Money;
}
interface SoloCase {
  id: string;
  year: number;
  age: number;
  netProfit: number;
  w2Wages: number;
  deferralsElsewhere: number;
  aggregated403b?: { annualAdditions: number; compensation: number };
  expect: Money;
  noEmployer?: Money;
  rule?: string;
}
interface CbCase {
  id: string;
  dbContribution: number;
  dcEmployer: number;
  deferrals?: number;
  afterTax?: number;
  pbgcCovered?: boolean;
  expect: Money;
  dbThatFits?: number;
}
interface Data {
  scheduleSe: SeCase[];
  worksheet: WsCase[];
  rateTable: Record<string, number>;
  sCorp: SCorpCase[];
  soloRoom: SoloCase[];
  cashBalance: CbCase[];
}

const data = loadCases('self-employment.yaml') as Data;

/** A solo answer's input with nothing elsewhere: single, full plan rate, exact rate. */
function soloDefaults(year: number, age: number): Omit<SoloInput, 'business'> {
  return {
    year,
    age,
    w2SocialSecurityWages: 0,
    deferralsElsewhere: 0,
    catchUpElsewhere: 0,
    rothDeferrals: false,
    rateRounding: { kind: 'full' },
    filingStatus: 'single',
  };
}

/** Expected dollars → cents; booleans pass through. */
function want(m: Money): Record<string, number | boolean> {
  return Object.fromEntries(
    Object.entries(m).map(([k, v]) => [k, typeof v === 'number' ? cents(v) : v]),
  );
}

describe('Schedule SE and Form 8959 (E-1..E-3, E-7, E-8, E-11, the physician)', () => {
  test.each(data.scheduleSe)('$id', (c) => {
    // The cases' W-2 wages are under the wage base or used as both box 3 and box 5.
    const r = scheduleSe(paramsFor(c.year), {
      netProfit: cents(c.netProfit),
      w2SocialSecurityWages: cents(c.w2Wages),
      w2MedicareWages: cents(c.w2Wages),
      filingStatus: c.filingStatus,
    });
    const got: Record<string, Cents> = {
      line4a: r.line4a,
      line9: r.line9WageBaseLeft,
      line10: r.line10Oasdi,
      line11: r.line11Medicare,
      seTax: r.line12SeTax,
      deduction: r.line13Deduction,
      amtOnWages: r.additionalMedicare.line7OnWages,
      amtReducedThreshold: r.additionalMedicare.line11ReducedThreshold,
      amtOnSeIncome: r.additionalMedicare.line13OnSeIncome,
    };
    const w = want(c.expect);
    expect(Object.fromEntries(Object.keys(w).map((k) => [k, got[k]]))).toEqual(w);
  });
});

function stepsOf(ws: DeductionWorksheet): Record<string, Cents> {
  return {
    step2: ws.step2SeTaxDeduction,
    step3: ws.step3NetEarnings,
    step5: ws.step5,
    step6: ws.step6CompLimitTimesPlanRate,
    step7: ws.step7,
    step8: ws.step8DollarLimit,
    step9: ws.step9ElectiveDeferrals,
    step10: ws.step10,
    step11: ws.step11,
    step12: ws.step12HalfOfStep11,
    step13: ws.step13EmployerContribution,
    step14: ws.step14,
    step15: ws.step15Deferrals,
    step19: ws.step19,
    step20: ws.step20Roth,
    step21: ws.step21MaxDeduction,
  };
}

describe('Pub 560 Deduction Worksheet (E-1..E-8)', () => {
  test.each(data.worksheet)('$id', (c) => {
    const p = paramsFor(c.year);
    const se = scheduleSe(p, {
      netProfit: cents(c.netProfit),
      w2SocialSecurityWages: 0,
      w2MedicareWages: 0,
      filingStatus: 'single',
    });
    const ws = deductionWorksheet(p, {
      netProfit: cents(c.netProfit),
      seTaxDeduction: se.line13Deduction,
      ...(c.planRatePercent === undefined ? {} : { planRate: percentRate(c.planRatePercent) }),
      ...(c.ratePlaces === undefined
        ? {}
        : { rateRounding: { kind: 'places', places: c.ratePlaces } as const }),
      ...(c.step12Rounding === undefined ? {} : { step12Rounding: c.step12Rounding }),
      electiveDeferrals: cents(c.deferrals),
      catchUp: 0,
      age: c.age,
      rothDeferrals: cents(c.roth ?? 0),
    });
    const got = stepsOf(ws);
    const w = want(c.expect);
    expect(Object.fromEntries(Object.keys(w).map((k) => [k, got[k]]))).toEqual(w);
    if (c.wholeDollars !== undefined) {
      expect(roundToDollar(ws.step21MaxDeduction)).toBe(cents(c.wholeDollars));
    }
    if (c.afterTaxRoom !== undefined) {
      // 415(c) room − employer − deferrals, within 100% of compensation (Step 3 − Step 13)
      const limit = Math.min(ws.step8DollarLimit, ws.compensation);
      expect(limit - ws.step13EmployerContribution - ws.step15Deferrals).toBe(
        cents(c.afterTaxRoom),
      );
    }
  });
});

describe('Pub 560 Rate Table (E-9, all 25 rows)', () => {
  test('every row equals r / (1 + r) rounded to 6 places', () => {
    const table = rateTable();
    expect(table).toHaveLength(25);
    for (const row of table) {
      const expected = data.rateTable[String(row.planPercent)];
      expect(expected).toBeDefined();
      // exact fraction with denominator dividing 10^6
      expect((row.rate.num * 1_000_000) / row.rate.den).toBe(Math.round((expected ?? 0) * 1e6));
    }
  });
});

function with2014Limits(limits: Record<string, number>): YearParameters {
  const base = paramsFor(2026);
  const plan = { ...base.plan } as Record<string, unknown>;
  for (const [k, v] of Object.entries(limits)) {
    plan[k] = { ...(base.plan[k as keyof typeof base.plan] as object), value: v };
  }
  return { ...base, year: 2014, plan: plan as unknown as YearParameters['plan'] };
}

describe('S-corp owner-employee (E-10)', () => {
  test.each(data.sCorp)('$id', (c) => {
    const wages = cents(c.wages);
    if (c.limits2014) {
      // The 2014 edition of the IRS page: deferrals at the 402(g) limit and the catch-up come out
      // of 50,000 of wages; the employer's 25% nonelective must fit the 415(c) room after them.
      const p = with2014Limits(c.limits2014);
      const deferrals = usd(p.plan.electiveDeferralLimit);
      const catchUp = usd(p.plan.catchUp50);
      const r = wageOwnerContribution({
        formulaCompensation: Math.min(wages, usd(p.plan.compensationLimit)),
        planRate: rate(p.plan.profitSharingDeductionRate),
        roomAfterDeferrals: Math.min(usd(p.plan.annualAdditionsLimit), wages) - deferrals,
        elected: 'max',
      });
      const got: Record<string, Cents> = {
        employerContribution: r.contribution,
        deferrals,
        catchUp,
        total: r.contribution + deferrals + catchUp,
      };
      const w = want(c.expect);
      expect(Object.fromEntries(Object.keys(w).map((k) => [k, got[k]]))).toEqual(w);
      return;
    }
    const r = soloReport({
      ...soloDefaults(c.year ?? 0, c.age),
      business: { kind: 's-corp', wages },
    });
    const got: Record<string, Cents> = {
      employerContribution: r.employerContribution.cents,
      deferrals: r.employeeDeferral.cents,
      catchUp: r.catchUp.cents,
      total: r.employerContribution.cents + r.employeeDeferral.cents + r.catchUp.cents,
      afterTaxRoom: r.afterTaxRoom.cents,
    };
    const w = want(c.expect);
    expect(Object.fromEntries(Object.keys(w).map((k) => [k, got[k]]))).toEqual(w);
    expect(r.findings.map((f) => f.message).join(' ')).toMatch(/owners and their spouses/);
  });
});

describe('Solo plan room (E-12, the physician beside a 403(b) and beside a 401(k))', () => {
  test.each(data.soloRoom)('$id', (c) => {
    const r = soloReport({
      ...soloDefaults(c.year, c.age),
      business: { kind: 'self-employed', netProfit: cents(c.netProfit) },
      w2SocialSecurityWages: cents(c.w2Wages),
      deferralsElsewhere: cents(c.deferralsElsewhere),
      ...(c.aggregated403b
        ? {
            aggregated403b: {
              annualAdditions: cents(c.aggregated403b.annualAdditions),
              compensation: cents(c.aggregated403b.compensation),
            },
          }
        : {}),
    });
    const pick = (e: SoloEnd, keys: string[]): Record<string, number | undefined> =>
      Object.fromEntries(keys.map((k) => [k, (e as unknown as Record<string, Figure>)[k]?.cents]));
    const w = want(c.expect);
    expect(pick(r, Object.keys(w))).toEqual(w);
    if (c.noEmployer) {
      const wn = want(c.noEmployer);
      expect(pick(r.noEmployerContribution, Object.keys(wn))).toEqual(wn);
    }
    if (c.rule) expect(r.aggregation.rule).toBe(c.rule);
  });
});

describe('404(a)(7) combined limit with a cash balance plan (H a-d)', () => {
  test.each(data.cashBalance)('$id', (c) => {
    const r = cashBalanceCombinedLimit({
      dbContribution: cents(c.dbContribution),
      dbMinimumRequired: cents(150_000),
      dbMaximumDeductible: cents(200_000),
      compensation: cents(300_000),
      dcEmployerContributions: cents(c.dcEmployer),
      dcElectiveDeferrals: cents(c.deferrals ?? 0),
      dcAfterTax: cents(c.afterTax ?? 0),
      pbgcCovered: c.pbgcCovered ?? false,
    });
    const got: Record<string, unknown> = { ...r };
    const w = want(c.expect);
    expect(Object.fromEntries(Object.keys(w).map((k) => [k, got[k]]))).toEqual(w);
    if (c.dbThatFits !== undefined) {
      expect(r.changes.join('\n')).toContain('$138,000.00');
      expect(r.changes.join('\n')).toContain('below the minimum required');
    }
  });
});
