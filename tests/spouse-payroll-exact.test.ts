/**
 * The spouse on the owner's payroll, solved exactly: the owner's net profit is the profit
 * before the household payroll less the spouse's wages (Schedule C line 26), the employer's
 * Social Security and Medicare tax on them (line 23; IRC 3111(a), (b), 3121(b)(3)(A); no FUTA,
 * IRC 3306(c)(5)) and the employer contribution to the spouse's plan (line 19; IRC 404(a)(3));
 * then the owner's Schedule SE and Pub 560 worksheet.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { planHousehold } from '../src/engine/household/plan-household.js';
import { cents } from '../src/engine/money.js';
import { loadScenario } from '../src/engine/scenario/load.js';

describe('examples/spouse-on-payroll-exact.yaml (2026)', () => {
  const r = planHousehold(
    loadScenario(readFileSync('examples/spouse-on-payroll-exact.yaml', 'utf8'), 'yaml'),
  );
  const plan = (id: string) => r.plans.find((x) => x.id === id);

  it("settles Casey's plan first: 25% of 60,000 = 15,000 of employer money", () => {
    expect(plan('casey-solo')?.nonelective.cents).toBe(cents(15_000));
  });

  it('takes the payroll out of the profit, to the cent', () => {
    // 280,000 − 60,000 wages − 6.2% × 60,000 (3,720.00) − 1.45% × 60,000 (870.00)
    // − 15,000 employer contribution = 200,410.00.
    const se = plan('morgan-solo')?.selfEmployment;
    expect(se?.payroll?.wages.cents).toBe(cents(60_000));
    expect(se?.payroll?.employerSocialSecurity.cents).toBe(cents(3_720));
    expect(se?.payroll?.employerMedicare.cents).toBe(cents(870));
    expect(se?.payroll?.employerContributions.cents).toBe(cents(15_000));
    expect(se?.netProfit.cents).toBe(cents(200_410));
    expect(se?.payroll?.order).toMatch(/wages, then the employer's payroll tax/);
  });

  it("runs Morgan's Schedule SE and worksheet on what is left", () => {
    // Line 4a: 92.35% × 200,410 = 185,078.635 → 185,078.64; line 10: 12.4% × 184,500 (the wage
    // base) = 22,878.00; line 11: 2.9% × 185,078.64 = 5,367.28; line 12 = 28,245.28; line 13 =
    // 14,122.64. Step 3 = 200,410 − 14,122.64 = 186,287.36; Step 5 at 20% = 37,257.47 (Step 7;
    // Step 10 is 72,000 − 24,500 = 47,500; Step 12 is ½ × 161,787.36 = 80,893.68).
    const se = plan('morgan-solo')?.selfEmployment;
    expect(se?.scheduleSe.line4a.cents).toBe(cents(185_078.64));
    expect(se?.scheduleSe.line12SeTax.cents).toBe(cents(28_245.28));
    expect(se?.worksheet.step3NetEarnings.cents).toBe(cents(186_287.36));
    expect(plan('morgan-solo')?.nonelective.cents).toBe(cents(37_257.47));
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('lists the people in the order of the file', () => {
    expect(r.people.map((x) => x.id)).toEqual(['morgan', 'casey']);
  });
});
