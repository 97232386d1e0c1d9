/**
 * What every report of a valid input must hold, checked on its `--json` (dollars → cents):
 * the limits (402(g) plus catch-up per person; each 415(c) limit group within its cap and 100% of
 * compensation), allocations that add back to the cent, and ordered Monte Carlo percentiles.
 */
import { expect } from 'vitest';
import { c } from './harness.js';

interface PlanJson {
  people: {
    id: string;
    deferralLimit: number;
    catchUpLimit: number;
    deferralsUsed: number;
    catchUpUsed: number;
    deferralRoomLeft: number;
  }[];
  plans: {
    id: string;
    person: string;
    deferralPreTax: number;
    deferralRoth: number;
    catchUp: number;
    match: number;
    nonelective: number;
    afterTaxRoom: number;
    afterTax: number;
    annualAdditions: number;
    total: number;
    limit415c: number;
  }[];
  limitGroups: {
    plans: string[];
    dollarLimit: number;
    compensation: number;
    cap: number;
    used: number;
  }[];
}

/** The household report: IRC 402(g)(1) + 414(v) per person, 415(c)(1) per limit group. */
export function expectPlanInvariants(j: PlanJson): void {
  for (const person of j.people) {
    const mine = j.plans.filter((p) => p.person === person.id);
    const deferrals = mine.reduce((s, p) => s + c(p.deferralPreTax) + c(p.deferralRoth), 0);
    const catchUp = mine.reduce((s, p) => s + c(p.catchUp), 0);
    expect(deferrals, `${person.id}: deferrals within 402(g)`).toBeLessThanOrEqual(
      c(person.deferralLimit),
    );
    expect(catchUp, `${person.id}: catch-up within 414(v)`).toBeLessThanOrEqual(
      c(person.catchUpLimit),
    );
    expect(deferrals, `${person.id}: plans add up to deferralsUsed`).toBe(c(person.deferralsUsed));
    expect(catchUp, `${person.id}: plans add up to catchUpUsed`).toBe(c(person.catchUpUsed));
    expect(c(person.deferralRoomLeft)).toBe(c(person.deferralLimit) - deferrals);
  }
  for (const p of j.plans) {
    const parts = [p.deferralPreTax, p.deferralRoth, p.match, p.nonelective, p.afterTax].map(c);
    for (const part of [...parts, c(p.catchUp)]) expect(part, p.id).toBeGreaterThanOrEqual(0);
    const additions = parts.reduce((s, x) => s + x, 0);
    expect(additions, `${p.id}: parts add up to annualAdditions`).toBe(c(p.annualAdditions));
    expect(c(p.total), `${p.id}: total`).toBe(c(p.annualAdditions) + c(p.catchUp));
    expect(c(p.annualAdditions), `${p.id}: within 415(c)`).toBeLessThanOrEqual(c(p.limit415c));
    expect(c(p.afterTax), `${p.id}: after-tax within its room`).toBeLessThanOrEqual(
      c(p.afterTaxRoom),
    );
  }
  for (const g of j.limitGroups) {
    const used = g.plans.reduce(
      (s, id) => s + c(j.plans.find((p) => p.id === id)?.annualAdditions ?? 0),
      0,
    );
    const what = `limit group ${g.plans.join('+')}`;
    expect(used, `${what}: plans add up to used`).toBe(c(g.used));
    expect(c(g.used), `${what}: within its 415(c) cap`).toBeLessThanOrEqual(c(g.cap));
    expect(c(g.cap), `${what}: cap within 100% of compensation`).toBeLessThanOrEqual(
      c(g.compensation),
    );
    expect(c(g.cap), `${what}: cap within the dollar limit`).toBeLessThanOrEqual(c(g.dollarLimit));
  }
}

interface LedgerJson {
  total: number;
  bySource: { source: string; value: number; byFund: Record<string, number> }[];
  byFund: { fund: string; value: number }[];
  afterTaxBasis: number;
  taxableTotal: number;
  events: {
    type: string;
    amount: number;
    taxable: number;
    toRothIra: number;
    toTraditionalIra: number;
    toCash: number;
  }[];
}

/** The ledger: sources and funds add back to the account, events to their totals. */
export function expectLedgerInvariants(j: LedgerJson, funds: readonly string[]): void {
  const total = c(j.total);
  expect(
    j.bySource.reduce((s, x) => s + c(x.value), 0),
    'sources add up',
  ).toBe(total);
  expect(
    j.byFund.reduce((s, x) => s + c(x.value), 0),
    'funds add up',
  ).toBe(total);
  expect(j.byFund.map((f) => f.fund).sort(), 'every fund kept by its name').toEqual(
    [...funds].sort(),
  );
  for (const s of j.bySource) {
    const inFunds = Object.values(s.byFund).reduce((a, x) => a + c(x), 0);
    expect(inFunds, `${s.source} adds up over funds`).toBe(c(s.value));
    expect(Object.keys(s.byFund).sort()).toEqual([...funds].sort());
    expect(c(s.value)).toBeGreaterThanOrEqual(0);
  }
  expect(c(j.afterTaxBasis)).toBeGreaterThanOrEqual(0);
  expect(
    j.events.reduce((s, e) => s + c(e.taxable), 0),
    'taxable adds up',
  ).toBe(c(j.taxableTotal));
  for (const e of j.events.filter((x) => x.type === 'withdraw')) {
    const out = c(e.toRothIra) + c(e.toTraditionalIra) + c(e.toCash);
    expect(out, 'a withdrawal lands somewhere, to the cent').toBe(c(e.amount));
  }
}

interface ClocksJson {
  withdrawal: {
    amount: number;
    taxable: number;
    additionalTax: number;
    tranches: { amount: number; taxable: number; additionalTax: number }[];
  } | null;
}

/** The Roth clocks: a withdrawal's tranches add back to it (Treas. Reg. 1.408A-6 Q&A-8). */
export function expectClocksInvariants(j: ClocksJson): void {
  const w = j.withdrawal;
  if (!w) return;
  const sum = (k: 'amount' | 'taxable' | 'additionalTax'): number =>
    w.tranches.reduce((s, t) => s + c(t[k]), 0);
  expect(sum('amount'), 'tranches add up to the withdrawal').toBe(c(w.amount));
  expect(sum('taxable')).toBe(c(w.taxable));
  expect(sum('additionalTax')).toBe(c(w.additionalTax));
}

type Pct = { p10: number; p50: number; p90: number };

interface CompareJson {
  strategies: { atRetirement: number; atEnd: number; atEndToday: number; monteCarloEnd: Pct }[];
  years: { strategies: Record<string, Pct & Record<string, number>> }[];
}

/** compare: Monte Carlo percentiles ordered, no negative wealth, amounts in plain decimals. */
export function expectCompareInvariants(j: CompareJson, text: string): void {
  expect(text, 'no amount in exponent notation').not.toMatch(/\d[eE][+-]?\d/);
  for (const s of j.strategies) {
    expect(s.monteCarloEnd.p10).toBeLessThanOrEqual(s.monteCarloEnd.p50);
    expect(s.monteCarloEnd.p50).toBeLessThanOrEqual(s.monteCarloEnd.p90);
    for (const v of [s.atRetirement, s.atEnd, s.atEndToday, s.monteCarloEnd.p10]) {
      expect(v, 'no negative wealth').toBeGreaterThanOrEqual(0);
    }
  }
  for (const y of j.years) {
    for (const s of Object.values(y.strategies)) {
      expect(s.p10).toBeLessThanOrEqual(s.p50);
      expect(s.p50).toBeLessThanOrEqual(s.p90);
      for (const v of Object.values(s)) expect(v, 'no negative balance').toBeGreaterThanOrEqual(0);
    }
  }
}

interface OptimizeInput {
  budget: number;
  people: { id: string; deferralRoom: number }[];
  plans: {
    id: string;
    person: string;
    match?: { rate: number; max: number };
    afterTax?: { room: number };
    employer?: { max: number; afterTaxRoomAtMax: number };
  }[];
  assumptions: { currentRate: number };
}

interface OptimizeJson {
  budget: number;
  taxable: number;
  budgetUsed: number;
  plans: {
    plan: string;
    preTax: number;
    roth: number;
    match: number;
    afterTax: number;
    employer: number;
  }[];
}

/** optimize: every amount in whole cents within its limit; take-home costs add to the budget. */
export function expectOptimizeInvariants(j: OptimizeJson, input: OptimizeInput): void {
  const t = input.assumptions.currentRate;
  let cost = c(j.taxable);
  for (const person of input.people) {
    const mine = input.plans.filter((p) => p.person === person.id).map((p) => p.id);
    const deferrals = j.plans
      .filter((p) => mine.includes(p.plan))
      .reduce((s, p) => s + c(p.preTax) + c(p.roth), 0);
    expect(deferrals, `${person.id}: deferrals within the room`).toBeLessThanOrEqual(
      c(person.deferralRoom),
    );
  }
  for (const p of j.plans) {
    const given = input.plans.find((x) => x.id === p.plan);
    const d = c(p.preTax) + c(p.roth);
    expect(c(p.match), `${p.plan}: match within rate × deferrals`).toBeLessThanOrEqual(
      (given?.match?.rate ?? 0) * d,
    );
    expect(c(p.match)).toBeLessThanOrEqual(c(given?.match?.max ?? 0));
    const room = c(given?.afterTax?.room ?? 0);
    const e = c(p.employer);
    const emax = c(given?.employer?.max ?? 0);
    expect(e, `${p.plan}: employer within its maximum`).toBeLessThanOrEqual(emax);
    const atMax = c(given?.employer?.afterTaxRoomAtMax ?? 0);
    const left = emax > 0 ? room - ((room - atMax) * e) / emax : room;
    expect(c(p.afterTax), `${p.plan}: after-tax within the room left`).toBeLessThanOrEqual(left);
    for (const k of ['preTax', 'employer'] as const) cost += c(p[k]) - Math.floor(c(p[k]) * t);
    cost += c(p.roth) + c(p.afterTax);
  }
  expect(cost, 'take-home costs add up to the budget used').toBe(c(j.budgetUsed));
  expect(c(j.budgetUsed), 'the whole budget, to the cent').toBe(c(j.budget));
}
