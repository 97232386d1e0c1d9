/**
 * The qualifying surviving spouse (IRC 2(a)): the joint-return rate table and standard
 * deduction (IRC 1(a), 1(j)(2)(A), 63(c)(2)(A)), the joint-return NIIT threshold (IRC
 * 1411(b)(1)), and the "any other case" Additional Medicare Tax threshold of $200,000 (IRC
 * 3101(b)(2)(C); Form 8959 instructions).
 */
import { describe, expect, it } from 'vitest';
import { cents } from '../money.js';
import { incomeTaxFor } from '../params/income-tax/index.js';
import { parseScenario } from '../scenario/validate.js';
import { additionalMedicareTax } from './additional-medicare.js';
import { parseFilingStatus } from './filing-status.js';
import { netInvestmentIncomeTax } from './niit.js';
import { ordinaryIncomeTax } from './ordinary.js';

describe('qualifying surviving spouse', () => {
  it('is taxed on the joint-return table in every year', () => {
    for (const year of [2023, 2024, 2025, 2026]) {
      for (const income of [cents(50_000), cents(250_000), cents(900_000)]) {
        expect(ordinaryIncomeTax(year, 'qss', income)).toBe(ordinaryIncomeTax(year, 'mfj', income));
      }
      expect(incomeTaxFor(year).standardDeduction.qss.value).toBe(
        incomeTaxFor(year).standardDeduction.mfj.value,
      );
    }
    // 2026 (Rev. Proc. 2025-32): 10% of 24,800 + 12% of (100,000 − 24,800) = 2,480 + 9,024
    // = 11,504 on 100,000 of taxable income, where a single filer pays 1,240 + 12% of
    // (50,400 − 12,400) + 22% of (100,000 − 50,400) = 1,240 + 4,560 + 10,912 = 16,712.
    expect(ordinaryIncomeTax(2026, 'qss', cents(100_000))).toBe(cents(11_504));
    expect(ordinaryIncomeTax(2026, 'single', cents(100_000))).toBe(cents(16_712));
  });

  it('has the 250,000 NIIT threshold and the 200,000 Additional Medicare Tax threshold', () => {
    // NIIT: 3.8% × min(20,000, 270,000 − 250,000) = 760.
    expect(
      netInvestmentIncomeTax(2026, 'qss', {
        magi: cents(270_000),
        netInvestmentIncome: cents(20_000),
      }),
    ).toBe(cents(760));
    // Additional Medicare: 0.9% × (230,000 − 200,000) = 270 (a joint return would owe none).
    expect(additionalMedicareTax(2026, 'qss', { wages: cents(230_000), seIncome: 0 }).total).toBe(
      cents(270),
    );
    expect(additionalMedicareTax(2026, 'mfj', { wages: cents(230_000), seIncome: 0 }).total).toBe(
      0,
    );
  });

  it('is a filing status of the scenario and of the options', () => {
    expect(parseFilingStatus('qss', '--filing-status')).toBe('qss');
    const s = parseScenario({
      version: 1,
      taxYear: 2026,
      filingStatus: 'qss',
      people: [{ id: 'p', birthDate: '1970-01-01' }],
    });
    expect(s.filingStatus).toBe('qss');
  });
});
