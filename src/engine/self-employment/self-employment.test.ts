/** Hand-checked examples and input errors of the self-employment modules. */
import { describe, expect, test } from 'vitest';
import { InputError } from '../errors.js';
import { cents, percentRate } from '../money.js';
import { paramsFor } from '../params/index.js';
import {
  catchUpLimitFor,
  deductionWorksheet,
  scheduleSe,
  selfEmployedRate,
  soloRoom,
  type SoloRoomInput,
} from './index.js';

const p26 = paramsFor(2026);

describe('Schedule SE floor and sign', () => {
  test('line 4a under $400 means no SE tax (433 × 0.9235 = 399.88)', () => {
    const r = scheduleSe(p26, {
      netProfit: cents(433),
      w2SocialSecurityWages: 0,
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
      filingStatus: 'mfj',
    });
    expect(r.additionalMedicare.onWages).toBe(cents(450)); // 50,000 × 0.9%
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
      /from 0% to 25%/,
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

const physician: SoloRoomInput = {
  business: { kind: 'self-employed', netProfit: cents(65_000) },
  w2SocialSecurityWages: cents(300_000),
  filingStatus: 'single',
  deferralsElsewhere: cents(24_500),
  age: 40,
  rothDeferrals: false,
};

describe('solo room', () => {
  test('the report says which 415(c) rule applied and why', () => {
    const own = soloRoom(p26, physician);
    expect(own.aggregation.rule).toBe('own-limit');
    expect(own.aggregation.explanation).toMatch(/per employer/);
    const agg = soloRoom(p26, {
      ...physician,
      aggregated403b: { annualAdditions: cents(36_500), compensation: cents(300_000) },
    });
    expect(agg.aggregation.rule).toBe('403b-aggregated');
    expect(agg.aggregation.explanation).toMatch(/treated as maintained by its participant/);
    expect(agg.aggregation.citation).toMatch(/1\.415\(f\)-1\(f\)/);
    expect(agg.aggregation.dollarRoomLeft).toBe(cents(35_500));
  });

  test('age 55 with 402(g) used elsewhere: the catch-up still fits in the solo plan, outside 415(c)', () => {
    const r = soloRoom(p26, { ...physician, age: 55 });
    expect(r.maxEmployer.catchUp).toBe(cents(8_000));
    expect(r.maxEmployer.employeeDeferral).toBe(0);
    // catch-up does not use 415(c) room: after-tax room is as at age 40
    expect(r.maxEmployer.afterTaxRoom).toBe(soloRoom(p26, physician).maxEmployer.afterTaxRoom);
  });

  test('Roth deferrals are not deducted; the totals do not change', () => {
    const input: SoloRoomInput = { ...physician, deferralsElsewhere: 0 };
    const pre = soloRoom(p26, input);
    const roth = soloRoom(p26, { ...input, rothDeferrals: true });
    expect(pre.maxEmployer.employeeDeferral).toBe(cents(24_500));
    expect(pre.maxEmployer.deduction - roth.maxEmployer.deduction).toBe(cents(24_500));
    expect(roth.maxEmployer.total).toBe(pre.maxEmployer.total);
    expect(roth.worksheet?.step21MaxDeduction).toBe(roth.maxEmployer.employerContribution);
  });

  test('a 403(b) whose employer paid little: the combined compensation test lowers the solo room', () => {
    // 403(b) additions 10,000 on 10,000 of compensation; solo net earnings about 18,470.
    const r = soloRoom(p26, {
      business: { kind: 'self-employed', netProfit: cents(20_000) },
      w2SocialSecurityWages: cents(10_000),
      filingStatus: 'single',
      deferralsElsewhere: cents(10_000),
      age: 40,
      rothDeferrals: false,
      aggregated403b: { annualAdditions: cents(10_000), compensation: cents(10_000) },
    });
    const e = r.maxEmployer;
    // own plan: within 100% of its own compensation
    expect(e.employerContribution + e.employeeDeferral + e.afterTaxRoom).toBeLessThanOrEqual(
      e.compensation,
    );
    // combined: within the lesser of the dollar limit and compensation from both employers
    expect(
      e.employerContribution + e.employeeDeferral + e.afterTaxRoom + cents(10_000),
    ).toBeLessThanOrEqual(Math.min(cents(72_000), e.compensation + cents(10_000)));
  });

  test('deferrals elsewhere above 402(g) are an input error naming the field', () => {
    expect(() => soloRoom(p26, { ...physician, deferralsElsewhere: cents(24_501) })).toThrow(
      /deferralsElsewhere/,
    );
  });

  test('S-corp: distributions are not compensation; the eligibility note is reported', () => {
    const r = soloRoom(p26, {
      business: { kind: 's-corp', wages: cents(100_000) },
      w2SocialSecurityWages: 0,
      filingStatus: 'single',
      deferralsElsewhere: 0,
      age: 45,
      rothDeferrals: false,
    });
    expect(r.scheduleSe).toBeNull();
    expect(r.maxEmployer.employerContribution).toBe(cents(25_000));
    expect(r.maxEmployer.afterTaxRoom).toBe(cents(72_000 - 25_000 - 24_500));
    expect(r.noEmployer.afterTaxRoom).toBe(cents(72_000 - 24_500));
    expect(r.notes.join(' ')).toMatch(/owners and their spouses/);
  });

  test('when 100% of compensation binds, the no-employer end fits more in total', () => {
    const r = soloRoom(p26, {
      ...physician,
      business: { kind: 'self-employed', netProfit: cents(40_000) },
    });
    expect(r.tradeOff.extraTotalAtNoEmployerEnd).toBe(r.maxEmployer.employerContribution);
    expect(r.tradeOff.breakEven).toMatch(/t = r/);
  });
});

describe('S-corp notes', () => {
  test('E-10 at 2026 limits: the no-employer end needs more than the wages; Roth catch-up above the threshold', () => {
    const small = soloRoom(p26, {
      business: { kind: 's-corp', wages: cents(50_000) },
      w2SocialSecurityWages: 0,
      filingStatus: 'single',
      deferralsElsewhere: 0,
      age: 51,
      rothDeferrals: false,
    });
    expect(small.noEmployer.afterTaxRoom).toBe(cents(25_500));
    expect(small.notes.join(' ')).toMatch(/\$58,000\.00, more than the \$50,000\.00 of wages/);
    const big = soloRoom(p26, {
      business: { kind: 's-corp', wages: cents(200_000) },
      w2SocialSecurityWages: 0,
      filingStatus: 'single',
      deferralsElsewhere: 0,
      age: 51,
      rothDeferrals: false,
    });
    expect(big.notes.join(' ')).toMatch(/must be designated Roth/);
  });
});

describe('chosen deferrals in the solo plan', () => {
  test('smaller deferrals leave more after-tax room, never more than 402(g) left', () => {
    const input: SoloRoomInput = { ...physician, deferralsElsewhere: 0 };
    const full = soloRoom(p26, input);
    const some = soloRoom(p26, { ...input, electiveDeferrals: cents(10_000) });
    expect(some.maxEmployer.employeeDeferral).toBe(cents(10_000));
    expect(some.maxEmployer.employerContribution).toBe(full.maxEmployer.employerContribution);
    expect(some.maxEmployer.afterTaxRoom - full.maxEmployer.afterTaxRoom).toBe(cents(14_500));
    expect(() => soloRoom(p26, { ...physician, electiveDeferrals: cents(1) })).toThrow(
      /electiveDeferrals/,
    );
    expect(() => soloRoom(p26, { ...physician, age: 55, catchUp: cents(8_001) })).toThrow(
      /catch-up left/,
    );
  });
});

describe('explain', () => {
  test('every reported figure carries its rule and citation, and the amounts match the answer', async () => {
    const { explainSoloRoom } = await import('./explain.js');
    const r = soloRoom(p26, {
      ...physician,
      aggregated403b: { annualAdditions: cents(36_500), compensation: cents(300_000) },
    });
    const figs = explainSoloRoom(r);
    const by = new Map(figs.map((f) => [f.key, f]));
    expect(by.get('solo.maxEmployer.afterTaxRoom')?.cents).toBe(cents(22_674.08));
    expect(by.get('solo.maxEmployer.limit415c')?.citation).toMatch(/1\.415\(f\)-1\(f\)/);
    expect(by.get('solo.seTax')?.cents).toBe(cents(1_740.8));
    expect(by.get('solo.noEmployer.afterTaxRoom')?.cents).toBe(cents(35_500));
    for (const f of figs) {
      expect(f.why.length).toBeGreaterThan(10);
      expect(f.citation).toMatch(/IRC|Pub 560|Schedule|Form|Reg\./);
    }
  });
});
