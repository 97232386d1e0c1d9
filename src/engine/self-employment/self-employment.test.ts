/** Hand-checked examples and input errors of the self-employment modules and the solo answer. */
import { describe, expect, test } from 'vitest';
import { InputError } from '../errors.js';
import { isFigure } from '../explain.js';
import { planHousehold } from '../household/plan-household.js';
import { cents, percentRate } from '../money.js';
import { paramsFor } from '../params/index.js';
import { soloReport, type SoloInput } from '../report/solo.js';
import { figuresOf } from '../report/to-json.js';
import {
  catchUpLimitFor,
  deductionWorksheet,
  scheduleSe,
  selfEmployedRate,
  soloScenario,
} from './index.js';

const p26 = paramsFor(2026);

describe('Schedule SE floor and sign', () => {
  test('line 4a under $400 means no SE tax (433 × 0.9235 = 399.88)', () => {
    const r = scheduleSe(p26, {
      netProfit: cents(433),
      w2SocialSecurityWages: 0,
      w2MedicareWages: 0,
      filingStatus: 'single',
    });
    expect(r.line4a).toBe(cents(399.88));
    expect(r.belowFloor).toBe(true);
    expect(r.line12SeTax).toBe(0);
    expect(r.line13Deduction).toBe(0);
  });
  test('at 434 of profit (400.80 of net earnings) the tax applies: 49.70 + 11.62', () => {
    const r = scheduleSe(p26, {
      netProfit: cents(434),
      w2SocialSecurityWages: 0,
      w2MedicareWages: 0,
      filingStatus: 'single',
    });
    expect(r.line10Oasdi).toBe(cents(49.7)); // 400.80 × 12.4% = 49.6992
    expect(r.line11Medicare).toBe(cents(11.62)); // 400.80 × 2.9% = 11.6232
    expect(r.line12SeTax).toBe(cents(61.32));
    expect(r.line13Deduction).toBe(cents(30.66));
  });
  test('a loss is not multiplied by 92.35% and gives no tax', () => {
    const r = scheduleSe(p26, {
      netProfit: cents(-5000),
      w2SocialSecurityWages: 0,
      w2MedicareWages: 0,
      filingStatus: 'mfj',
    });
    expect(r.line4a).toBe(cents(-5000));
    expect(r.line12SeTax).toBe(0);
    expect(r.additionalMedicare.line13OnSeIncome).toBe(0);
  });
  test('Additional Medicare Tax: MFJ threshold 250,000 less 300,000 of wages leaves none, so all SE income is taxed', () => {
    const r = scheduleSe(p26, {
      netProfit: cents(65_000),
      w2SocialSecurityWages: cents(300_000),
      w2MedicareWages: cents(300_000),
      filingStatus: 'mfj',
    });
    expect(r.additionalMedicare.line7OnWages).toBe(cents(450)); // 50,000 × 0.9%
    expect(r.additionalMedicare.line11ReducedThreshold).toBe(0);
    expect(r.additionalMedicare.line13OnSeIncome).toBe(cents(540.25)); // 60,027.50 × 0.9% = 540.2475
  });
});

describe('Pub 560 rate', () => {
  test('full precision is the exact fraction; places round half-up', () => {
    expect(selfEmployedRate(percentRate(25)).rate).toEqual({ num: 1, den: 5 });
    expect(selfEmployedRate(percentRate(10.5)).rate).toEqual({ num: 21, den: 221 });
    expect(selfEmployedRate(percentRate(10.5), { kind: 'places', places: 3 }).rate).toEqual({
      num: 19,
      den: 200,
    });
    expect(selfEmployedRate(percentRate(10), { kind: 'places', places: 6 }).rate).toEqual({
      num: 90909,
      den: 1_000_000,
    });
  });
  test('fewer than 3 places is an input error', () => {
    expect(() => selfEmployedRate(percentRate(10), { kind: 'places', places: 2 })).toThrow(
      /at least 3/,
    );
  });
});

describe('worksheet input errors', () => {
  const base = {
    netProfit: cents(100_000),
    seTaxDeduction: cents(7_000),
    electiveDeferrals: 0,
    catchUp: 0,
    age: 40,
    rothDeferrals: 0,
  };
  test('a plan rate above 25% is refused (404(a)(3)(A))', () => {
    expect(() => deductionWorksheet(p26, { ...base, planRate: percentRate(26) })).toThrow(
      InputError,
    );
    expect(() => deductionWorksheet(p26, { ...base, planRate: percentRate(25.0001) })).toThrow(
      /from 0 to 25 percent/,
    );
    expect(() => deductionWorksheet(p26, { ...base, planRate: percentRate(25) })).not.toThrow();
  });
  test('deferrals above the 402(g) left and catch-up under 50 are refused', () => {
    expect(() =>
      deductionWorksheet(p26, {
        ...base,
        electiveDeferrals: cents(10_000),
        deferralLimitLeft: cents(5_000),
      }),
    ).toThrow(/402\(g\)/);
    expect(() => deductionWorksheet(p26, { ...base, catchUp: cents(1) })).toThrow(
      /catch-up limit \$0\.00/,
    );
  });
});

describe('an elected employer contribution (Step 13 below the maximum)', () => {
  // E-6: 2026, net profit 200,000, Step 3 185,882.85, deferrals 24,500, maximum Step 13 37,176.57.
  const e6 = {
    netProfit: cents(200_000),
    seTaxDeduction: cents(14_117.15),
    electiveDeferrals: cents(24_500),
    catchUp: 0,
    age: 45,
    rothDeferrals: 0,
  };
  test('a smaller contribution flows through Steps 14-21', () => {
    const ws = deductionWorksheet(p26, { ...e6, employerElection: { amount: cents(10_000) } });
    expect(ws.maxEmployerContribution).toBe(cents(37_176.57));
    expect(ws.step13EmployerContribution).toBe(cents(10_000));
    expect(ws.employerBoundBy).toBe('election');
    expect(ws.step14).toBe(cents(175_882.85)); // 185,882.85 − 10,000
    expect(ws.step15Deferrals).toBe(cents(24_500));
    expect(ws.step21MaxDeduction).toBe(cents(34_500));
    expect(ws.compensation).toBe(cents(175_882.85));
  });
  test('none at all: compensation is all of Step 3; a rate applies to Step 3', () => {
    const none = deductionWorksheet(p26, { ...e6, employerElection: { amount: 0 } });
    expect(none.step13EmployerContribution).toBe(0);
    expect(none.step14).toBe(cents(185_882.85));
    const tenth = deductionWorksheet(p26, {
      ...e6,
      employerElection: { rateOfNetEarnings: percentRate(10) },
    });
    expect(tenth.step13EmployerContribution).toBe(cents(18_588.29)); // 10% × 185,882.85 = 18,588.285
  });
  test('more than the maximum is not contributed; the excess is reported', () => {
    const ws = deductionWorksheet(p26, { ...e6, employerElection: { amount: cents(40_000) } });
    expect(ws.step13EmployerContribution).toBe(cents(37_176.57));
    expect(ws.electionExcess).toBe(cents(2_823.43));
    expect(ws.employerBoundBy).toBe('step7');
  });
});

describe('catch-up by age', () => {
  test('none under 50; 8,000 at 50-59 and 64+; 11,250 at 60-63 in 2026; 2024 has no 60-63 amount', () => {
    expect(catchUpLimitFor(p26, 49)).toBe(0);
    expect(catchUpLimitFor(p26, 50)).toBe(cents(8_000));
    expect(catchUpLimitFor(p26, 60)).toBe(cents(11_250));
    expect(catchUpLimitFor(p26, 63)).toBe(cents(11_250));
    expect(catchUpLimitFor(p26, 64)).toBe(cents(8_000));
    expect(catchUpLimitFor(paramsFor(2024), 61)).toBe(cents(7_500));
    expect(() => catchUpLimitFor(p26, 17)).toThrow(/18 to 120/);
    expect(() => catchUpLimitFor(p26, 121)).toThrow(/18 to 120/);
  });
});

/** The physician: 65,000 of moonlighting profit beside 300,000 of W-2 wages, 402(g) used there. */
const physician: SoloInput = {
  year: 2026,
  business: { kind: 'self-employed', netProfit: cents(65_000) },
  w2SocialSecurityWages: cents(300_000),
  deferralsElsewhere: cents(24_500),
  catchUpElsewhere: 0,
  age: 40,
  rothDeferrals: false,
  rateRounding: { kind: 'full' },
  filingStatus: 'single',
};
const with403b: SoloInput = {
  ...physician,
  aggregated403b: { annualAdditions: cents(36_500), compensation: cents(300_000) },
};

describe('solo answer', () => {
  test('the report says which 415(c) rule applied and why', () => {
    const own = soloReport(physician);
    expect(own.aggregation.rule).toBe('own-limit');
    expect(own.aggregation.explanation).toMatch(/per employer/);
    const agg = soloReport(with403b);
    expect(agg.aggregation.rule).toBe('403b-aggregated');
    expect(agg.aggregation.explanation).toMatch(/treated as maintained by its participant/);
    expect(agg.aggregation.citation).toMatch(/1\.415\(f\)-1\(f\)/);
    expect(agg.aggregation.dollarRoomLeft.cents).toBe(cents(35_500));
  });

  test('age 55 with 402(g) used elsewhere: the catch-up still fits in the solo plan, outside 415(c)', () => {
    const r = soloReport({ ...physician, age: 55 });
    expect(r.catchUp.cents).toBe(cents(8_000));
    expect(r.employeeDeferral.cents).toBe(0);
    // catch-up does not use 415(c) room: after-tax room is as at age 40
    expect(r.afterTaxRoom.cents).toBe(soloReport(physician).afterTaxRoom.cents);
  });

  test('Roth deferrals are not deducted; the totals do not change', () => {
    const input: SoloInput = { ...physician, deferralsElsewhere: 0 };
    const pre = soloReport(input);
    const roth = soloReport({ ...input, rothDeferrals: true });
    expect(pre.employeeDeferral.cents).toBe(cents(24_500));
    expect(pre.deduction.cents - roth.deduction.cents).toBe(cents(24_500));
    expect(roth.total.cents).toBe(pre.total.cents);
    expect(roth.worksheet?.step21MaxDeduction.cents).toBe(roth.employerContribution.cents);
  });

  test('a 403(b) whose employer paid little: the combined compensation test lowers the solo room', () => {
    // 403(b) additions 10,000 on 10,000 of compensation; solo net earnings about 18,470.
    const r = soloReport({
      ...physician,
      business: { kind: 'self-employed', netProfit: cents(20_000) },
      w2SocialSecurityWages: cents(10_000),
      deferralsElsewhere: cents(10_000),
      aggregated403b: { annualAdditions: cents(10_000), compensation: cents(10_000) },
    });
    const add = r.employerContribution.cents + r.employeeDeferral.cents + r.afterTaxRoom.cents;
    // own plan: within 100% of its own compensation
    expect(add).toBeLessThanOrEqual(r.compensation.cents);
    // combined: within the lesser of the dollar limit and compensation from both employers
    expect(add + cents(10_000)).toBeLessThanOrEqual(
      Math.min(cents(72_000), r.compensation.cents + cents(10_000)),
    );
  });

  test('input errors name the SoloInput field', () => {
    const fields = (f: () => unknown): string[] => {
      try {
        f();
      } catch (e) {
        if (e instanceof InputError) return e.issues.map((i) => i.path);
        throw e;
      }
      return [];
    };
    expect(fields(() => soloReport({ ...physician, deferralsElsewhere: cents(24_501) }))).toEqual([
      'deferralsElsewhere',
    ]);
    expect(fields(() => soloReport({ ...physician, age: 45, catchUpElsewhere: 1 }))).toEqual([
      'catchUpElsewhere',
    ]);
    // a catch-up is only above the 402(g) limit
    expect(
      fields(() =>
        soloReport({ ...physician, age: 55, deferralsElsewhere: 0, catchUpElsewhere: 100 }),
      ),
    ).toEqual(['catchUpElsewhere']);
    expect(fields(() => soloReport({ ...physician, w2MedicareWages: cents(1) }))).toEqual([
      'w2MedicareWages',
    ]);
    expect(
      fields(() =>
        soloReport({
          ...physician,
          aggregated403b: { annualAdditions: cents(36_500), compensation: cents(30_000) },
        }),
      ),
    ).toEqual(['aggregated403b.compensation']);
    expect(fields(() => soloReport({ ...physician, planRatePercent: 25.5 }))).toEqual(['planRate']);
    expect(fields(() => soloReport({ ...physician, year: 2019 }))).toEqual(['year']);
  });

  test('S-corp: distributions are not compensation; the eligibility note is reported', () => {
    const r = soloReport({
      ...physician,
      business: { kind: 's-corp', wages: cents(100_000) },
      w2SocialSecurityWages: 0,
      deferralsElsewhere: 0,
      age: 45,
    });
    expect(r.scheduleSe).toBeNull();
    expect(r.employerContribution.cents).toBe(cents(25_000));
    expect(r.afterTaxRoom.cents).toBe(cents(72_000 - 25_000 - 24_500));
    expect(r.noEmployerContribution.afterTaxRoom.cents).toBe(cents(72_000 - 24_500));
    expect(r.findings.map((f) => f.message).join(' ')).toMatch(/owners and their spouses/);
  });

  test('when 100% of compensation binds, the no-employer end fits more in total', () => {
    const r = soloReport({
      ...physician,
      business: { kind: 'self-employed', netProfit: cents(40_000) },
    });
    expect(r.tradeOff.extraTotalAtNoEmployerEnd.cents).toBe(r.employerContribution.cents);
    expect(r.tradeOff.breakEven).toMatch(/states the break-even retirement rate/);
    expect(r.tradeOff.breakEven).not.toMatch(/today's rate = retirement rate/);
  });
});

describe('S-corp findings', () => {
  const sCorp = (wages: number, prior?: number): SoloInput => ({
    ...physician,
    business: {
      kind: 's-corp',
      wages: cents(wages),
      ...(prior === undefined ? {} : { priorYearFicaWages: cents(prior) }),
    },
    w2SocialSecurityWages: 0,
    deferralsElsewhere: 0,
    age: 51,
  });
  test('E-10 at 2026 limits: the no-employer end needs more than the wages', () => {
    const small = soloReport(sCorp(50_000));
    expect(small.noEmployerContribution.afterTaxRoom.cents).toBe(cents(25_500));
    expect(small.findings.map((f) => f.message).join(' ')).toMatch(
      /\$58,000\.00, more than the \$50,000\.00 of wages/,
    );
  });
  test('above the 414(v)(7) threshold the catch-up is Roth and not deducted, unless last year was below it', () => {
    // 2026: 200,000 of wages, last year not given → assumed above 150,000: the 8,000 catch-up is
    // Roth. Employer: 25% × 200,000 = 50,000, but 415(c) leaves 72,000 − 24,500 = 47,500;
    // deduction = 47,500 + 24,500 deferral = 72,000.
    const big = soloReport(sCorp(200_000));
    const warning = big.findings.find((f) => f.path === 'business.priorYearFicaWages');
    expect(warning?.message).toMatch(/must be Roth/);
    expect(big.catchUp.cents).toBe(cents(8_000));
    expect(big.employerContribution.cents).toBe(cents(47_500));
    expect(big.deduction.cents).toBe(cents(47_500 + 24_500));
    // 140,000 of FICA wages last year: not above the threshold, so the catch-up is pre-tax.
    const below = soloReport(sCorp(200_000, 140_000));
    expect(below.findings.some((f) => f.path === 'business.priorYearFicaWages')).toBe(false);
    expect(below.deduction.cents).toBe(cents(47_500 + 24_500 + 8_000));
  });
});

describe('chosen deferrals in the solo plan (the same household, a numeric election)', () => {
  test('smaller deferrals leave more after-tax room', () => {
    const { scenario } = soloScenario({ ...physician, deferralsElsewhere: 0 });
    const solo = (amount: 'max' | number) =>
      planHousehold({
        ...scenario,
        plans: scenario.plans.map((x) =>
          x.type === 'solo-401k'
            ? {
                ...x,
                deferrals: [{ type: 'pre-tax', amount: amount === 'max' ? amount : cents(amount) }],
              }
            : x,
        ),
      }).plans.find((x) => x.type === 'solo-401k');
    const full = solo('max');
    const some = solo(10_000);
    expect(some?.deferralPreTax.cents).toBe(cents(10_000));
    expect(some?.nonelective.cents).toBe(full?.nonelective.cents);
    expect((some?.afterTaxRoom.cents ?? 0) - (full?.afterTaxRoom.cents ?? 0)).toBe(cents(14_500));
  });
});

describe('explain', () => {
  test('every reported figure carries its rule and citation, and the amounts match the answer', () => {
    const r = soloReport(with403b);
    const by = new Map(figuresOf(r).map((f) => [f.key, f]));
    const amount = (k: string) => {
      const f = by.get(k);
      return f && isFigure(f) ? f.cents : undefined;
    };
    expect(amount('solo.maxEmployer.afterTaxRoom')).toBe(cents(22_674.08));
    expect(by.get('solo.maxEmployer.limit415c')?.citation).toMatch(/1\.415\(f\)-1\(f\)/);
    expect(amount('solo.seTax')).toBe(cents(1_740.8));
    expect(amount('solo.noEmployer.afterTaxRoom')).toBe(cents(35_500));
    for (const f of by.values()) {
      expect(f.why.length).toBeGreaterThan(10);
      expect(f.citation).toMatch(/IRC|Pub 560|Schedule|Form|Reg\./);
      // every input is a figure of the same report
      for (const i of f.inputs ?? []) expect(by.has(i), `${f.key} ← ${i}`).toBe(true);
    }
  });
});
