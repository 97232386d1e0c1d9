/**
 * `megaroth optimize` on two cases whose figures are worked out by hand below: an S-corp owner
 * whose employer contribution is part of the budget, and after-tax money that reaches Roth only
 * at separation (Roth-lite), priced as its own strategy.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { planHousehold } from '../src/engine/household/plan-household.js';
import { cents } from '../src/engine/money.js';
import {
  DEFAULT_GROWTH_ASSUMPTIONS,
  householdOptimizer,
} from '../src/engine/project/from-household.js';
import {
  optimizeSplit,
  unitValues,
  type Assumptions,
  type OptimizerInput,
} from '../src/engine/project/optimizer.js';
import { parseScenario } from '../src/engine/scenario/validate.js';
import { runCli } from './helpers/cli.js';

const scenarioOf = (file: string) =>
  parseScenario(parse(readFileSync(file, 'utf8')) as unknown, { today: '2026-11-29' });

function sCorpOwner(): OptimizerInput {
  const s = scenarioOf('examples/s-corp-owner.yaml');
  return householdOptimizer(s, planHousehold(s), DEFAULT_GROWTH_ASSUMPTIONS).values;
}

describe('an S-corp owner: the employer contribution is part of the budget', () => {
  // Ben, 51 at the end of 2026, W-2 wages of $50,000 from his S corporation, a solo 401(k)
  // with pre-tax deferrals, the most employer money and after-tax money converted in the plan.
  // 2026 limits (Notice 2025-67): 402(g) $24,500; age-50 catch-up $8,000; 415(c) $72,000.
  // - 415(c) limit: the lesser of $72,000 and 100% of compensation, the W-2 wages
  //   (IRC 415(c)(1)(B), 415(c)(3)): $50,000.
  // - employer (profit-sharing) contribution: at most 25% of the W-2 wages, deductible by the
  //   corporation (IRC 404(a)(3)(A)(i)): 25% × $50,000 = $12,500, paid from the business's
  //   profit, which is the owner's money.
  // - after-tax room: $50,000 − $24,500 deferrals − $12,500 employer = $13,000; with no
  //   employer money $25,500 (catch-ups are outside 415(c): IRC 414(v)(3)(A)).
  // - the budget, what Ben plans to save: $24,500 + $8,000 catch-up + $12,500 employer
  //   + $13,000 after-tax = $58,000 (the $12,500 of employer money was left out before).
  it('the inputs: budget $58,000, deferral room $32,500, employer up to $12,500', () => {
    const input = sCorpOwner();
    expect(input.budget).toBe(cents(58_000));
    expect(input.people).toEqual([{ id: 'ben', deferralRoom: cents(32_500) }]);
    expect(input.plans[0]).toMatchObject({
      afterTax: { room: cents(25_500), conversion: 'in-plan' },
      employer: { max: cents(12_500), afterTaxRoomAtMax: cents(13_000) },
    });
  });

  // The split depends only on how the kinds of money compare per take-home dollar. In the
  // projection every plan dollar grows alike, so a pre-tax dollar is worth (1 − r) of a Roth
  // dollar (taxed at the retirement rate r when withdrawn, IRC 402(a)) and costs (1 − t) of
  // take-home pay (t: the rate now); a taxable dollar is worth at most a Roth dollar.
  const base: Omit<Assumptions, 'currentRate' | 'retirementRate'> = {
    years: 14,
    withdrawalYears: 25,
    expectedReturn: 0.07,
    inflation: 0.025,
    capitalGainsRate: 0.1,
    dividendYield: 0,
  };

  it('rate now 15%, in retirement 29%: Roth deferrals and after-tax money fill the plan, $58,000', () => {
    // Pre-tax: (1 − 0.29) / (1 − 0.15) = 0.835 of a Roth dollar per take-home dollar, so Roth
    // deferrals ($32,500). One dollar of employer money displaces one after-tax dollar (the
    // room falls $12,500 for $12,500 of employer money): 0.71 − 1 + 0.15 × (taxable ≤ 1) < 0,
    // so no employer money and after-tax money fills the $25,500 room. Take-home used:
    // $32,500 + $25,500 = $58,000, all of it into the plan; the taxable account gets nothing.
    const r = optimizeSplit({
      ...sCorpOwner(),
      assumptions: { ...base, currentRate: 0.15, retirementRate: 0.29 },
    });
    expect(r.plans[0]).toMatchObject({
      preTax: 0,
      roth: cents(32_500),
      employer: 0,
      afterTax: cents(25_500),
    });
    expect(r.taxable).toBe(0);
    expect(r.budgetUsed).toBe(cents(58_000));
  });

  it('rate now 40%, in retirement 24%: the most employer money; $58,000 into the plan', () => {
    // Pre-tax: (1 − 0.24) / (1 − 0.40) = 1.27 Roth dollars per take-home dollar: pre-tax
    // deferrals ($32,500) and employer money before anything else. A dollar of employer money
    // in place of an after-tax dollar: −1 + 0.76 + 0.40 freed × taxable, and a taxable dollar
    // keeps at least 90% of a Roth dollar (gains taxed at 10%, no dividends): −0.24 + 0.36 > 0,
    // so the employer contribution is at its $12,500 maximum. After-tax money ($13,000 room
    // left) beats the taxable account. Take-home: 0.6 × $32,500 + 0.6 × $12,500 + $13,000 =
    // $19,500 + $7,500 + $13,000 = $40,000; the taxable account gets $58,000 − $40,000 =
    // $18,000. Into the plan: $32,500 + $12,500 + $13,000 = $58,000.
    const r = optimizeSplit({
      ...sCorpOwner(),
      assumptions: { ...base, currentRate: 0.4, retirementRate: 0.24 },
    });
    expect(r.plans[0]).toMatchObject({
      preTax: cents(32_500),
      roth: 0,
      employer: cents(12_500),
      afterTax: cents(13_000),
    });
    expect(r.taxable).toBe(cents(18_000));
    expect(r.budgetUsed).toBe(cents(58_000));
  });

  it('a solo plan without after-tax money still offers the employer contribution', () => {
    // The same owner, the plan taking no after-tax money: budget $24,500 + $8,000 + $12,500 =
    // $45,000. At 40% now and 24% later a pre-tax dollar is worth 1.27 Roth dollars per
    // take-home dollar, a taxable dollar at most 1: pre-tax deferrals $32,500 and the $12,500
    // employer contribution cost 0.6 × $45,000 = $27,000; $18,000 goes to the taxable account.
    const s = scenarioOf('examples/s-corp-owner.yaml');
    const plans = s.plans.map((p) => ({ ...p, afterTax: { ...p.afterTax, allowed: false } }));
    const noAfterTax = { ...s, plans };
    const input = householdOptimizer(
      noAfterTax,
      planHousehold(noAfterTax),
      DEFAULT_GROWTH_ASSUMPTIONS,
    ).values;
    expect(input.budget).toBe(cents(45_000));
    expect(input.plans[0]?.employer).toEqual({ max: cents(12_500), afterTaxRoomAtMax: 0 });
    const r = optimizeSplit({
      ...input,
      assumptions: { ...base, currentRate: 0.4, retirementRate: 0.24 },
    });
    expect(r.plans[0]).toMatchObject({ preTax: cents(32_500), employer: cents(12_500) });
    expect(r.taxable).toBe(cents(18_000));
  });

  it('the command prints the $58,000 budget and what the scenario plans', async () => {
    const j = JSON.parse(
      (await runCli(['optimize', 'examples/s-corp-owner.yaml', '--json'])).stdout,
    ) as {
      budget: number;
      plans: { roth: number; afterTax: number; employer: number; preTax: number }[];
      explain: Record<string, { citation: string }>;
    };
    expect(j.budget).toBe(58_000);
    const p = j.plans[0];
    expect((p?.preTax ?? 0) + (p?.roth ?? 0) + (p?.employer ?? 0) + (p?.afterTax ?? 0)).toBe(
      58_000,
    );
    expect(j.explain['budget']?.citation).toMatch(/404\(a\)\(3\)/);
  });
});

describe('a Schedule C owner: the employer contribution is part of the budget too', () => {
  // Dr. Lee (examples/physician-moonlighting.yaml): $300,000 of hospital wages with a 403(b)
  // ($24,500 pre-tax, a 100% match up to 4% of pay: $12,000) and $65,000 of Schedule C profit
  // with a solo 401(k). The wages pass the 2026 Social Security wage base of $184,500, so on
  // Schedule SE only the 2.9% Medicare part applies (IRC 1401(b), 1402(b)(1)):
  // $65,000 × 92.35% = $60,027.50, × 2.9% = $1,740.80, half $870.40 (IRC 164(f)).
  // Employer contribution: 20% of $65,000 − $870.40 = $64,129.60, $12,825.92 (IRC
  // 404(a)(8)(D), 401(c)(2); the Pub 560 worksheet's 20% for a 25% plan rate). The 403(b) is
  // aggregated with the business the participant controls (Treas. Reg. 1.415(f)-1(f)(2)), one
  // 415(c) limit of $72,000 (Notice 2025-67): $72,000 − $24,500 − $12,000 − $12,825.92 =
  // $22,674.08 of after-tax room. The budget, what Dr. Lee plans to save: $24,500 +
  // $22,674.08 + $12,825.92 = $60,000.00 (before: $47,174.08, the employer money left out).
  it('budget $60,000, the employer contribution up to $12,825.92', () => {
    const s = scenarioOf('examples/physician-moonlighting.yaml');
    const input = householdOptimizer(s, planHousehold(s), DEFAULT_GROWTH_ASSUMPTIONS).values;
    expect(input.budget).toBe(cents(60_000));
    expect(input.plans.find((p) => p.id === 'solo-401k')?.employer).toEqual({
      max: cents(12_825.92),
      afterTaxRoomAtMax: cents(22_674.08),
    });
  });
});

describe('Roth-lite is its own strategy: earnings taxed as ordinary income at separation', () => {
  // Two years of saving, then one of withdrawals; 10% a year, no dividends. One dollar a year:
  // - converted at once (Roth, IRC 402A(c)(4)): 1.1² + 1.1 = 2.31, withdrawn tax-free;
  // - kept in the plan to separation (Roth-lite): basis 2 to a Roth IRA, earnings 0.31 to a
  //   traditional IRA (Notice 2014-54), taxed when withdrawn as ordinary income at the
  //   retirement rate r = 25% (IRC 72(e)(8), 402(a)): 2 + 0.31 × 0.75 = 2.2325;
  // - taxable, gains taxed when sold at g (IRC 1(h)): 2.31 − 0.31 × g.
  const assumptions: Assumptions = {
    years: 2,
    withdrawalYears: 1,
    expectedReturn: 0.1,
    inflation: 0.02,
    currentRate: 0.25,
    retirementRate: 0.25,
    capitalGainsRate: 0.3,
    dividendYield: 0,
  };
  const input = (
    conversion: 'in-plan' | 'at-separation',
    capitalGainsRate = 0.3,
  ): OptimizerInput => ({
    budget: cents(15_000),
    people: [{ id: 'pat', deferralRoom: 0 }],
    plans: [
      {
        id: 'k',
        person: 'pat',
        preTaxDeferrals: true,
        rothDeferrals: false,
        afterTax: { room: cents(10_000), conversion },
      },
    ],
    assumptions: { ...assumptions, capitalGainsRate },
  });

  it('the values per dollar a year', () => {
    const u = unitValues(assumptions);
    expect(u.roth).toBeCloseTo(2.31, 12);
    expect(u.rothLite).toBeCloseTo(2.2325, 12);
    expect(u.taxable).toBeCloseTo(2.31 - 0.31 * 0.3, 12);
  });

  it('no in-plan conversion, gains taxed at 30%: Roth-lite beats the taxable account', () => {
    // Roth-lite 2.2325 > taxable 2.31 − 0.093 = 2.217: $10,000 after-tax, $5,000 taxable.
    // End wealth: 10,000 × 2.2325 + 5,000 × 2.217 = 22,325 + 11,085 = $33,410.
    // Fixed (a) has no plan converting in the plan: all $15,000 taxable, 15,000 × 2.217 =
    // $33,255; (b) is the recommendation, $33,410; (c) has no deferral room: $33,255; (d) $33,255.
    const r = optimizeSplit(input('at-separation'));
    expect(r.plans[0]?.afterTax).toBe(cents(10_000));
    expect(r.taxable).toBe(cents(5_000));
    expect(r.endWealth).toBe(cents(33_410));
    expect(r.fixed).toEqual({
      fullMbr: cents(33_255),
      rothLite: cents(33_410),
      preTax: cents(33_255),
      taxable: cents(33_255),
    });
  });

  it('with in-plan conversion, (b) Roth-lite is the same money not converted: not row (a)', () => {
    // (a) and the recommendation: 10,000 × 2.31 + 5,000 × 2.217 = 23,100 + 11,085 = $34,185.
    // (b) keeps the $10,000 a year in the plan to separation: 22,325 + 11,085 = $33,410.
    const r = optimizeSplit(input('in-plan'));
    expect(r.endWealth).toBe(cents(34_185));
    expect(r.fixed.fullMbr).toBe(cents(34_185));
    expect(r.fixed.rothLite).toBe(cents(33_410));
  });

  it('gains taxed at 20%: ordinary income on the earnings loses to the taxable account', () => {
    // Roth-lite 2.2325 < taxable 2.31 − 0.31 × 0.2 = 2.248: everything taxable,
    // 15,000 × 2.248 = $33,720; (b) 22,325 + 5,000 × 2.248 = 22,325 + 11,240 = $33,565.
    const r = optimizeSplit(input('at-separation', 0.2));
    expect(r.plans[0]?.afterTax).toBe(0);
    expect(r.taxable).toBe(cents(15_000));
    expect(r.endWealth).toBe(cents(33_720));
    expect(r.fixed.rothLite).toBe(cents(33_565));
  });
});
