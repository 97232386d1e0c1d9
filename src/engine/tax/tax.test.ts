import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCases } from '../../../tests/helpers/cases.js';
import { InputError } from '../errors.js';
import { cents, rateValue } from '../money.js';
import {
  additionalMedicareTax,
  FILING_STATUSES,
  householdTax,
  marginalRate,
  netInvestmentIncomeTax,
  ordinaryIncomeTax,
  ordinaryIncomeTaxByBracket,
  stateIncomeTax,
  taxOnConversionEarnings,
  type FilingStatus,
} from './index.js';

interface OrdinaryCase {
  id: string;
  year: number;
  status: FilingStatus;
  taxableIncome: number;
  tax: number;
}
interface NiitCase {
  id: string;
  year: number;
  status: FilingStatus;
  magi: number;
  nii: number;
  niit: number;
}
interface ConversionCase {
  id: string;
  year: number;
  status: FilingStatus;
  magi: number;
  nii: number;
  earnings: number;
  niitBefore: number;
  niitAfter: number;
  extraNiit: number;
}
const data = loadCases('income-tax.yaml') as {
  ordinary: OrdinaryCase[];
  niit: NiitCase[];
  conversion: ConversionCase[];
};

describe('federal ordinary income tax (cases G-1 and the Rev. Proc. cumulative amounts)', () => {
  it.each(data.ordinary)('$id', (c) => {
    expect(ordinaryIncomeTax(c.year, c.status, cents(c.taxableIncome))).toBe(cents(c.tax));
  });

  it('is zero at zero income and rejects negative income and unknown years', () => {
    expect(ordinaryIncomeTax(2026, 'single', 0)).toBe(0);
    expect(() => ordinaryIncomeTax(2026, 'single', -1)).toThrow(InputError);
    expect(() => ordinaryIncomeTax(2022, 'single', 100)).toThrow(/supported years: 2023/);
  });

  it('property: tax rises with income by the marginal rate, never more than 37%', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(2023, 2024, 2025, 2026),
        fc.constantFrom(...FILING_STATUSES),
        fc.integer({ min: 0, max: 200_000_000 }),
        fc.integer({ min: 1, max: 10_000 }),
        (year, status, ti, step) => {
          const a = ordinaryIncomeTax(year, status, ti);
          const b = ordinaryIncomeTax(year, status, ti + step);
          const r = rateValue(marginalRate(year, status, ti));
          expect(b).toBeGreaterThanOrEqual(a);
          expect(b - a).toBeLessThanOrEqual(Math.ceil(step * 0.37) + 1);
          // within one bracket the step is the marginal rate (±1 cent of rounding)
          if (rateValue(marginalRate(year, status, ti + step - 1)) === r) {
            expect(Math.abs(b - a - step * r)).toBeLessThanOrEqual(1);
          }
        },
      ),
    );
  });
});

describe('federal tax by bracket', () => {
  it('2026 single 150,000 (case G-1): 1,240 + 4,560 + 12,166 + 10,632 = 28,598', () => {
    const t = ordinaryIncomeTaxByBracket(2026, 'single', cents(150_000));
    expect(t.tax).toBe(cents(28_598));
    expect(t.brackets.map((b) => [rateValue(b.rate), b.income, b.tax])).toEqual([
      [0.1, cents(12_400), cents(1_240)],
      [0.12, cents(38_000), cents(4_560)],
      [0.22, cents(55_300), cents(12_166)],
      [0.24, cents(44_300), cents(10_632)],
    ]);
    expect(ordinaryIncomeTaxByBracket(2026, 'single', 0)).toEqual({ tax: 0, brackets: [] });
  });

  it('property: the brackets add up to the income and to the tax, each within a cent of rate × income', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(2023, 2024, 2025, 2026),
        fc.constantFrom(...FILING_STATUSES),
        fc.integer({ min: 0, max: 500_000_000 }),
        (year, status, ti) => {
          const t = ordinaryIncomeTaxByBracket(year, status, ti);
          expect(t.tax).toBe(ordinaryIncomeTax(year, status, ti));
          expect(t.brackets.reduce((s, b) => s + b.income, 0)).toBe(ti);
          expect(t.brackets.reduce((s, b) => s + b.tax, 0)).toBe(t.tax);
          for (const b of t.brackets) {
            expect(Math.abs(b.tax - b.income * rateValue(b.rate))).toBeLessThanOrEqual(1);
          }
        },
      ),
    );
  });
});

describe('marginal rate', () => {
  it('is the rate of the bracket the next dollar falls in', () => {
    expect(rateValue(marginalRate(2026, 'single', cents(150_000)))).toBe(0.24);
    expect(rateValue(marginalRate(2026, 'single', cents(50_400)))).toBe(0.22);
    expect(rateValue(marginalRate(2026, 'single', cents(50_399.99)))).toBe(0.12);
    expect(rateValue(marginalRate(2026, 'mfs', cents(400_000)))).toBe(0.37);
    expect(rateValue(marginalRate(2026, 'hoh', 0))).toBe(0.1);
  });
});

describe('NIIT (case G-2)', () => {
  it.each(data.niit)('$id', (c) => {
    const niit = netInvestmentIncomeTax(c.year, c.status, {
      magi: cents(c.magi),
      netInvestmentIncome: cents(c.nii),
    });
    expect(niit).toBe(cents(c.niit));
  });
});

describe('tax on conversion earnings (case G-3)', () => {
  it.each(data.conversion)('$id', (c) => {
    const base = { magi: cents(c.magi), netInvestmentIncome: cents(c.nii) };
    expect(netInvestmentIncomeTax(c.year, c.status, base)).toBe(cents(c.niitBefore));
    expect(
      netInvestmentIncomeTax(c.year, c.status, { ...base, magi: base.magi + cents(c.earnings) }),
    ).toBe(cents(c.niitAfter));
    const t = taxOnConversionEarnings(c.year, c.status, {
      ...base,
      taxableIncome: cents(c.magi - 16_100),
      earnings: cents(c.earnings),
      stateRate: 0.05,
    });
    expect(t.niit).toBe(cents(c.extraNiit));
    // taxable income 193,900 → 208,900 crosses 201,775: 7,875 at 24% + 7,125 at 32%
    expect(t.federal).toBe(cents(7_875 * 0.24 + 7_125 * 0.32));
    expect(t.state).toBe(cents(750));
    expect(t.total).toBe(t.federal + t.state + t.niit);
  });
});

describe('Additional Medicare Tax', () => {
  it('taxes wages above the threshold and SE income above the threshold less wages', () => {
    // single: wages 300,000 → 0.9% × 100,000 = 900; SE threshold 0 → 0.9% × 60,027.50 = 540.25
    const t = additionalMedicareTax(2026, 'single', {
      wages: cents(300_000),
      seIncome: cents(60_027.5),
    });
    expect(t.onWages).toBe(cents(900));
    expect(t.onSelfEmployment).toBe(cents(540.25));
    // MFJ, wages 150,000: SE threshold 250,000 − 150,000 = 100,000; SE income 120,000 → 180
    const j = additionalMedicareTax(2026, 'mfj', {
      wages: cents(150_000),
      seIncome: cents(120_000),
    });
    expect(j).toEqual({ onWages: 0, onSelfEmployment: cents(180), total: cents(180) });
  });
});

describe('state tax and deductions', () => {
  it('state tax is income × the flat rate; bad rates are input errors', () => {
    expect(stateIncomeTax(cents(100_000), 0.05)).toBe(cents(5_000));
    expect(() => stateIncomeTax(100, -0.01)).toThrow(InputError);
    expect(() => stateIncomeTax(100, 0.5)).toThrow(/from 0 to 0.2/);
  });

  it('a 24,500 deferral at 2026 single 250,000 saves 32% + 5% of it (hand-checked)', () => {
    // taxable income 250,000 − 24,500 = 225,500: all 24,500 lies above the 201,775 top of the
    // 24% bracket, so it saves 32% federal and 5% state
    const single = (gross: number, stateRate: number) =>
      householdTax({
        year: 2026,
        status: 'single',
        grossIncome: cents(gross + 16_100),
        deductions: [{ key: 'preTaxDeferrals', amount: cents(24_500) }],
        netInvestmentIncome: 0,
        medicareWages: 0,
        seIncome: 0,
        stateRate,
      });
    expect(single(250_000, 0.05).deductionValues[0]?.saved).toBe(
      cents(24_500 * 0.32 + 24_500 * 0.05),
    );
    // 210,000 − 24,500 = 185,500: 8,225 of it above 201,775 at 32%, 16,275 below at 24%
    expect(single(210_000, 0).deductionValues[0]?.saved).toBe(cents(8_225 * 0.32 + 16_275 * 0.24));
  });
});

describe('household taxes', () => {
  it('the built-in physician: 2026 single, taxable income 310,703.68, 35% + 5% marginal', () => {
    // gross: wages 300,000 + profit 65,000; deductions: 403(b) deferrals 24,500, solo employer
    // contribution 12,825.92, half SE tax 870.40; standard deduction 16,100.
    const h = householdTax({
      year: 2026,
      status: 'single',
      grossIncome: cents(365_000),
      deductions: [
        { key: 'preTaxDeferrals', amount: cents(24_500) },
        { key: 'employerContribution', amount: cents(12_825.92) },
        { key: 'halfSeTax', amount: cents(870.4) },
      ],
      netInvestmentIncome: 0,
      medicareWages: cents(300_000),
      seIncome: cents(60_027.5),
      stateRate: 0.05,
    });
    expect(h.agi).toBe(cents(326_803.68));
    expect(h.taxableIncome).toBe(cents(310_703.68));
    // 58,448 + 35% × (310,703.68 − 256,225) = 58,448 + 19,067.538 → 77,515.54
    expect(h.federal).toBe(cents(77_515.54));
    expect(h.state).toBe(cents(15_535.18));
    expect(h.additionalMedicare).toBe(cents(900 + 540.25));
    expect(h.marginalRate).toBeCloseTo(0.4, 12);
    // each deduction sits wholly in the 35% bracket: saves 40% of itself
    expect(h.deductionValues.map((d) => d.saved)).toEqual([
      cents(9_800),
      Math.round(cents(12_825.92) * 0.4),
      Math.round(cents(870.4) * 0.4),
    ]);
  });

  it('a deduction also saves NIIT when it lowers MAGI toward the threshold (G-3 reversed)', () => {
    const h = householdTax({
      year: 2026,
      status: 'single',
      grossIncome: cents(225_000),
      deductions: [{ key: 'preTaxDeferrals', amount: cents(15_000) }],
      netInvestmentIncome: cents(20_000),
      medicareWages: cents(190_000),
      seIncome: 0,
      stateRate: 0,
    });
    expect(h.niit).toBe(cents(380));
    const fed =
      ordinaryIncomeTax(2026, 'single', h.taxableIncome + cents(15_000)) -
      ordinaryIncomeTax(2026, 'single', h.taxableIncome);
    // without the deduction MAGI is 225,000: NIIT 3.8% × 20,000 = 760, so it saves 380 more
    expect(h.deductionValues[0]?.saved).toBe(fed + cents(380));
  });
});
