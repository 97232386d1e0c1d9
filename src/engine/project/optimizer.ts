/**
 * The best split of a yearly savings budget across a household's plans: pre-tax or Roth
 * deferrals, employer money or after-tax money in a solo plan, each plan's after-tax room, and
 * a taxable account for the rest — to maximize after-tax wealth at the end of the plan under
 * flat current and retirement marginal rates.
 *
 * Every dollar in a vehicle grows and is taxed the same way (the projection kernel's model), so
 * end wealth is linear in the amounts: value per dollar saved each year, from the deterministic
 * projection of one dollar a year — Roth (Roth deferrals, after-tax converted in the plan:
 * IRC 402A(c)(4)), Roth-lite (after-tax money kept in the plan until separation, its basis
 * then to a Roth IRA and its earnings to a traditional IRA, taxed as ordinary income when
 * withdrawn: IRC 72(e)(8), 402(c)(2), Notice 2014-54), pre-tax (pre-tax deferrals, employer
 * match, the owner's deductible employer contribution — IRC 404(a)(3) for an employer's plan,
 * 404(a)(8) for a self-employed owner; each costs 1 − current rate of take-home pay) and
 * taxable. The split is the solution of a small linear program (`solveLp`):
 * - budget: Σ take-home cost ≤ budget;
 * - per person: pre-tax + Roth deferrals across plans ≤ the remaining 402(g) room;
 * - per plan: match ≤ rate × deferrals in the plan, match ≤ its maximum;
 * - per plan: after-tax ≤ room; in a solo plan after-tax + slope × employer ≤ room with no
 *   employer money (each dollar of employer money lowers compensation and 415(c) room: the
 *   slope comes from the room at both ends, linear in between), employer ≤ its maximum.
 * The room passed for after-tax money is the room left after the plan's deferrals and match as
 * the household report computes them; the optimizer does not trade deferral room for after-tax
 * room.
 *
 * A separation before retirement (`separationYears`, from `jobs[].endDate`) is the kernel's:
 * every kind of money is saved only until then (contributions stop at separation), and
 * Roth-lite money leaves the plan then, so its earnings are split off at separation and not at
 * retirement.
 *
 * The four fixed strategies are valued on the same program; (b) Roth-lite values every
 * after-tax dollar as kept in the plan until separation, even in a plan that could convert it,
 * so it is its own strategy and not (a) again. The recommendation is never worse than any of
 * them: in whole cents, a fixed strategy that rounds out ahead of the program's rounded
 * solution is taken instead.
 */
import { InputError, type InputIssue } from '../errors.js';
import { mulDiv, type Cents } from '../money.js';
import { endWealth, roundCents } from './deterministic.js';
import { checkProjectionInputs, type ProjectionInputs } from './inputs.js';
import { solveLp } from './simplex.js';
import type { StrategyId } from './strategies.js';

/**
 * The projection's assumptions without the amounts; the years with contributions are the
 * years to separation (`separationYears`, when the job ends before retirement) or to retirement.
 */
export type Assumptions = Omit<
  ProjectionInputs,
  'contribution' | 'preTaxRoom' | 'volatility' | 'contributionYears'
>;

/** The projection inputs of one dollar a year under the assumptions (kernel: contributions stop at separation). */
function unitProjection(a: Assumptions, contribution: number): ProjectionInputs {
  return {
    ...a,
    contribution,
    preTaxRoom: contribution,
    volatility: 0,
    ...(a.separationYears === undefined ? {} : { contributionYears: a.separationYears }),
  };
}

export interface OptimizerPerson {
  readonly id: string;
  /** Remaining elective deferral room (402(g) plus any catch-up), cents per year. */
  readonly deferralRoom: Cents;
}

export interface OptimizerPlan {
  readonly id: string;
  /** The person whose deferral room this plan's deferrals use. */
  readonly person: string;
  readonly preTaxDeferrals: boolean;
  readonly rothDeferrals: boolean;
  /** Employer match: `rate` × the deferrals made in this plan, at most `max` cents. */
  readonly match?: { readonly rate: number; readonly max: Cents };
  /**
   * After-tax room (cents; in a solo plan: with no employer contribution) and when it reaches
   * Roth: converted in the plan at once (full Mega Backdoor) or only at separation (Roth-lite).
   */
  readonly afterTax?: { readonly room: Cents; readonly conversion: 'in-plan' | 'at-separation' };
  /** Solo plan: deductible employer contribution up to `max`, leaving `afterTaxRoomAtMax`. */
  readonly employer?: { readonly max: Cents; readonly afterTaxRoomAtMax: Cents };
}

export interface OptimizerInput {
  /** Take-home dollars to save each year, cents. */
  readonly budget: Cents;
  readonly people: readonly OptimizerPerson[];
  readonly plans: readonly OptimizerPlan[];
  readonly assumptions: Assumptions;
}

export type VehicleKind = 'preTax' | 'roth' | 'match' | 'afterTax' | 'employer' | 'taxable';

export interface Vehicle {
  readonly key: string;
  readonly plan: string | null;
  readonly kind: VehicleKind;
  /** Take-home cost per dollar. */
  readonly cost: number;
  /** End wealth per dollar a year. */
  readonly value: number;
}

export interface PlanSplit {
  readonly plan: string;
  readonly preTax: Cents;
  readonly roth: Cents;
  readonly match: Cents;
  readonly afterTax: Cents;
  readonly employer: Cents;
}

export interface Choice {
  readonly key: string;
  readonly label: string;
  readonly amount: Cents;
  /** End wealth lost if this choice were not allowed and the rest re-optimized. */
  readonly valueOverNextBest: Cents;
}

export interface Flip {
  /** Retirement rate at which the best split changes (to FLIP_PRECISION). */
  readonly retirementRate: number;
  readonly below: string;
  readonly above: string;
}

export interface OptimizerResult {
  readonly plans: readonly PlanSplit[];
  readonly taxable: Cents;
  /** Take-home pay used. */
  readonly budgetUsed: Cents;
  /** Expected after-tax wealth at the end of the plan, nominal cents. */
  readonly endWealth: Cents;
  /** End wealth of the four fixed strategies on the same inputs. */
  readonly fixed: Readonly<Record<StrategyId, Cents>>;
  readonly choices: readonly Choice[];
  readonly flips: readonly Flip[];
  /** End wealth per take-home dollar saved each year, per kind of money. */
  readonly perTakeHomeDollar: {
    readonly roth: number;
    readonly rothLite: number;
    readonly preTax: number;
    readonly taxable: number;
  };
}

/** Checks references and amounts; throws one InputError listing every problem. */
function checkOptimizerInput(input: OptimizerInput): void {
  const issues: InputIssue[] = [];
  const money = (path: string, v: number): void => {
    if (!Number.isSafeInteger(v) || v < 0)
      issues.push({ path, message: 'must be a non-negative amount in dollars' });
  };
  money('budget', input.budget);
  const ids = new Set<string>();
  input.people.forEach((p, i) => {
    if (ids.has(p.id))
      issues.push({ path: `people[${String(i)}].id`, message: `duplicate id "${p.id}"` });
    ids.add(p.id);
    money(`people[${String(i)}].deferralRoom`, p.deferralRoom);
  });
  const planIds = new Set<string>();
  input.plans.forEach((p, i) => {
    const at = `plans[${String(i)}]`;
    if (planIds.has(p.id)) issues.push({ path: `${at}.id`, message: `duplicate id "${p.id}"` });
    planIds.add(p.id);
    if (!ids.has(p.person))
      issues.push({ path: `${at}.person`, message: `no person with id "${p.person}"` });
    if (p.match) {
      if (!Number.isFinite(p.match.rate) || p.match.rate < 0 || p.match.rate > 10) {
        issues.push({
          path: `${at}.match.rate`,
          message: 'must be a decimal from 0 to 10 (0.5 = 50 cents per dollar)',
        });
      }
      money(`${at}.match.max`, p.match.max);
    }
    if (p.afterTax) money(`${at}.afterTax.room`, p.afterTax.room);
    if (p.employer) {
      money(`${at}.employer.max`, p.employer.max);
      money(`${at}.employer.afterTaxRoomAtMax`, p.employer.afterTaxRoomAtMax);
      if (p.employer.afterTaxRoomAtMax > (p.afterTax?.room ?? 0)) {
        issues.push({
          path: `${at}.employer.afterTaxRoomAtMax`,
          message: 'must not exceed afterTax.room (the room with no employer money)',
        });
      }
    }
  });
  if (issues.length) throw new InputError(issues);
  checkProjectionInputs(unitProjection(input.assumptions, 0), {
    years: 'assumptions.years',
    separationYears: 'assumptions.separationYears',
    contributionYears: 'assumptions.separationYears',
    withdrawalYears: 'assumptions.withdrawalYears',
    expectedReturn: 'assumptions.expectedReturn',
    inflation: 'assumptions.inflation',
    currentRate: 'assumptions.currentRate',
    retirementRate: 'assumptions.retirementRate',
    capitalGainsRate: 'assumptions.capitalGainsRate',
    dividendYield: 'assumptions.dividendYield',
  });
}

/** End wealth per dollar a year of each kind of money. */
export interface UnitValues {
  readonly roth: number;
  readonly rothLite: number;
  readonly preTax: number;
  readonly taxable: number;
}

/** End wealth per dollar a year of each kind of money, from the projection kernel. */
export function unitValues(a: Assumptions): UnitValues {
  const unit = 1_000_000;
  const w = endWealth({ ...unitProjection(a, unit), currentRate: 0 });
  return {
    roth: (w[0] ?? 0) / unit,
    rothLite: (w[1] ?? 0) / unit,
    preTax: (w[2] ?? 0) / unit,
    taxable: (w[3] ?? 0) / unit,
  };
}

interface Program {
  readonly vehicles: readonly Vehicle[];
  /** The value per dollar a year of each kind of money the vehicles' values come from. */
  readonly unit: UnitValues;
  readonly a: number[][];
  readonly b: number[];
}

function buildProgram(input: OptimizerInput, a: Assumptions): Program {
  const u = unitValues(a);
  const keep = 1 - a.currentRate;
  const vehicles: Vehicle[] = [];
  const add = (plan: string | null, kind: VehicleKind, cost: number, value: number): number => {
    vehicles.push({ key: plan === null ? kind : `${plan}.${kind}`, plan, kind, cost, value });
    return vehicles.length - 1;
  };
  const rows: { coef: Map<number, number>; b: number }[] = [];
  const personRows = new Map<string, Map<number, number>>();
  for (const p of input.people) {
    const coef = new Map<number, number>();
    personRows.set(p.id, coef);
    rows.push({ coef, b: p.deferralRoom });
  }
  for (const p of input.plans) {
    const personRow = personRows.get(p.person) ?? new Map<number, number>();
    const deferrals: number[] = [];
    if (p.preTaxDeferrals) deferrals.push(add(p.id, 'preTax', keep, u.preTax));
    if (p.rothDeferrals) deferrals.push(add(p.id, 'roth', 1, u.roth));
    for (const d of deferrals) personRow.set(d, 1);
    if (p.match && p.match.rate > 0 && p.match.max > 0 && deferrals.length) {
      const m = add(p.id, 'match', 0, u.preTax);
      const link = new Map<number, number>([[m, 1]]);
      for (const d of deferrals) link.set(d, -p.match.rate);
      rows.push({ coef: link, b: 0 });
      rows.push({ coef: new Map([[m, 1]]), b: p.match.max });
    }
    let after = -1;
    if (p.afterTax && p.afterTax.room > 0) {
      after = add(p.id, 'afterTax', 1, p.afterTax.conversion === 'in-plan' ? u.roth : u.rothLite);
    }
    if (p.employer && p.employer.max > 0) {
      const e = add(p.id, 'employer', keep, u.preTax);
      rows.push({ coef: new Map([[e, 1]]), b: p.employer.max });
      if (after >= 0) {
        const slope = ((p.afterTax?.room ?? 0) - p.employer.afterTaxRoomAtMax) / p.employer.max;
        rows.push({
          coef: new Map([
            [after, 1],
            [e, slope],
          ]),
          b: p.afterTax?.room ?? 0,
        });
        after = -1;
      }
    }
    if (after >= 0) rows.push({ coef: new Map([[after, 1]]), b: p.afterTax?.room ?? 0 });
  }
  add(null, 'taxable', 1, u.taxable);
  const budget = new Map<number, number>();
  vehicles.forEach((v, j) => {
    if (v.cost > 0) budget.set(j, v.cost);
  });
  rows.push({ coef: budget, b: input.budget });
  const n = vehicles.length;
  return {
    vehicles,
    unit: u,
    a: rows.map((r) => Array.from({ length: n }, (_, j) => r.coef.get(j) ?? 0)),
    b: rows.map((r) => r.b),
  };
}

function solve(prog: Program, forbid: readonly number[] = []): { x: number[]; value: number } {
  const n = prog.vehicles.length;
  const extraA = forbid.map((j) => Array.from({ length: n }, (_, k) => (k === j ? 1 : 0)));
  return solveLp({
    c: prog.vehicles.map((v) => v.value),
    a: [...prog.a, ...extraA],
    b: [...prog.b, ...forbid.map(() => 0)],
  });
}

function signature(prog: Program, x: readonly number[]): string {
  const parts: string[] = [];
  prog.vehicles.forEach((v, j) => {
    if ((x[j] ?? 0) > 0.5) parts.push(v.key);
  });
  return parts.join(', ') || 'nothing';
}

/**
 * The four fixed strategies as amounts of the program's vehicles: (a) after-tax money only in
 * plans that convert in the plan, (b) after-tax money in every plan (valued by
 * `strategyValue` as kept in the plan until separation), (c) pre-tax deferrals and employer
 * money, each with the rest of the budget in the taxable account, and (d) all taxable.
 */
export function fixedStrategies(
  input: OptimizerInput,
  prog: Program,
): Record<StrategyId, number[]> {
  const n = prog.vehicles.length;
  const fill = (pick: (v: Vehicle) => boolean): number[] => {
    const x = new Array<number>(n).fill(0);
    let left = input.budget;
    const personLeft = new Map(input.people.map((p) => [p.id, p.deferralRoom]));
    prog.vehicles.forEach((v, j) => {
      if (v.kind === 'taxable' || v.kind === 'match' || !pick(v)) return;
      const plan = input.plans.find((p) => p.id === v.plan);
      if (!plan) return;
      let cap = Infinity;
      if (v.kind === 'preTax' || v.kind === 'roth') cap = personLeft.get(plan.person) ?? 0;
      if (v.kind === 'afterTax') cap = plan.afterTax?.room ?? 0;
      if (v.kind === 'employer') cap = plan.employer?.max ?? 0;
      const amount = Math.max(0, Math.min(cap, left / v.cost));
      x[j] = amount;
      left -= amount * v.cost;
      if (v.kind === 'preTax' || v.kind === 'roth') personLeft.set(plan.person, cap - amount);
    });
    // after-tax room left in a solo plan once employer money is in
    prog.vehicles.forEach((v, j) => {
      if (v.kind !== 'afterTax') return;
      const plan = input.plans.find((p) => p.id === v.plan);
      const e = prog.vehicles.findIndex((w) => w.plan === v.plan && w.kind === 'employer');
      if (plan?.employer && e >= 0 && plan.employer.max > 0) {
        const slope =
          ((plan.afterTax?.room ?? 0) - plan.employer.afterTaxRoomAtMax) / plan.employer.max;
        const room = (plan.afterTax?.room ?? 0) - slope * (x[e] ?? 0);
        if ((x[j] ?? 0) > room) {
          left += (x[j] ?? 0) - room;
          x[j] = room;
        }
      }
    });
    // matches earned by the deferrals
    prog.vehicles.forEach((v, j) => {
      if (v.kind !== 'match') return;
      const plan = input.plans.find((p) => p.id === v.plan);
      let d = 0;
      prog.vehicles.forEach((w, k) => {
        if (w.plan === v.plan && (w.kind === 'preTax' || w.kind === 'roth')) d += x[k] ?? 0;
      });
      x[j] = Math.min(plan?.match?.max ?? 0, (plan?.match?.rate ?? 0) * d);
    });
    x[n - 1] = Math.max(0, left);
    return x;
  };
  const conv = (v: Vehicle): 'in-plan' | 'at-separation' | undefined =>
    input.plans.find((p) => p.id === v.plan)?.afterTax?.conversion;
  return {
    fullMbr: fill((v) => v.kind === 'afterTax' && conv(v) === 'in-plan'),
    rothLite: fill((v) => v.kind === 'afterTax'),
    preTax: fill((v) => v.kind === 'preTax' || v.kind === 'employer'),
    taxable: fill(() => false),
  };
}

/** Objective value of amounts `x`. */
export function valueOf(prog: Program, x: readonly number[]): number {
  let s = 0;
  prog.vehicles.forEach((v, j) => (s += v.value * (x[j] ?? 0)));
  return s;
}

/**
 * End wealth of a fixed strategy's amounts `x`: the objective, except that (b) Roth-lite keeps
 * every after-tax dollar in the plan until separation — basis to a Roth IRA, earnings taxed as
 * ordinary income (Notice 2014-54) — even in a plan that converts in the plan.
 */
export function strategyValue(prog: Program, id: StrategyId, x: readonly number[]): number {
  let s = 0;
  prog.vehicles.forEach((v, j) => {
    const value = id === 'rothLite' && v.kind === 'afterTax' ? prog.unit.rothLite : v.value;
    s += value * (x[j] ?? 0);
  });
  return s;
}

/** The program for the inputs (exported for tests). */
export function programFor(input: OptimizerInput): Program {
  return buildProgram(input, input.assumptions);
}

const KIND_LABEL: Readonly<Record<VehicleKind, string>> = {
  preTax: 'pre-tax deferrals',
  roth: 'Roth deferrals',
  match: 'employer match',
  afterTax: 'after-tax contributions',
  employer: 'deductible employer contribution',
  taxable: 'taxable account',
};

/** Take-home cost of `amount` of a vehicle: pre-tax money saves the tax, rounded down. */
function takeHomeCost(v: Vehicle, amount: Cents, currentRate: number): Cents {
  if (v.kind === 'match') return 0;
  if (v.cost === 1) return amount;
  return amount - Math.floor(amount * currentRate);
}

/**
 * The program's amounts as whole cents that never pass a limit: each amount rounded down; the
 * deferrals cut to each person's room; employer money to its maximum and after-tax money to the
 * room the employer money leaves (rounded down); the match recomputed as rate × the plan's
 * deferrals, rounded down, at most its maximum; the take-home costs cut to the budget. The
 * taxable account takes what the budget leaves, so the take-home costs add back to the budget
 * to the cent.
 */
export function wholeCents(input: OptimizerInput, prog: Program, x: readonly number[]): Cents[] {
  const vs = prog.vehicles;
  const t = input.assumptions.currentRate;
  // a float just below a whole cent (2449999.9999999995) is that cent; limits are cut below
  const a = vs.map((_, j) => Math.max(0, Math.floor((x[j] ?? 0) + 1e-6)));
  const index = (plan: string, kind: VehicleKind): number =>
    vs.findIndex((v) => v.plan === plan && v.kind === kind);
  const deferralsOf = (plan: string): number[] =>
    [index(plan, 'preTax'), index(plan, 'roth')].filter((j) => j >= 0);
  const cut = (js: readonly number[], over: Cents): void => {
    let left = over;
    for (const j of [...js].reverse()) {
      const off = Math.min(left, a[j] ?? 0);
      a[j] = (a[j] ?? 0) - off;
      left -= off;
    }
  };
  for (const person of input.people) {
    const js = input.plans.filter((p) => p.person === person.id).flatMap((p) => deferralsOf(p.id));
    const over = js.reduce((s, j) => s + (a[j] ?? 0), 0) - person.deferralRoom;
    if (over > 0) cut(js, over);
  }
  const limitPlans = (): void => {
    for (const p of input.plans) {
      const e = index(p.id, 'employer');
      const after = index(p.id, 'afterTax');
      let room = p.afterTax?.room ?? 0;
      if (e >= 0 && p.employer) {
        a[e] = Math.min(a[e] ?? 0, p.employer.max);
        room -= mulDiv(a[e] ?? 0, room - p.employer.afterTaxRoomAtMax, p.employer.max, 'up');
      }
      if (after >= 0) a[after] = Math.min(a[after] ?? 0, Math.max(0, room));
      const m = index(p.id, 'match');
      if (m >= 0 && p.match) {
        const d = deferralsOf(p.id).reduce((s, j) => s + (a[j] ?? 0), 0);
        a[m] = Math.min(p.match.max, Math.floor(p.match.rate * d));
      }
    }
  };
  limitPlans();
  const taxable = vs.length - 1;
  const costs = (): Cents =>
    vs.reduce((s, v, j) => (j === taxable ? s : s + takeHomeCost(v, a[j] ?? 0, t)), 0);
  // cut the vehicles worth least a take-home dollar first until the costs fit the budget
  const byWorth = vs
    .map((v, j) => ({ j, worth: v.cost > 0 ? v.value / v.cost : Infinity }))
    .filter(({ j }) => j !== taxable && vs[j]?.kind !== 'match')
    .sort((p, q) => p.worth - q.worth);
  for (const { j } of byWorth) {
    const over = costs() - input.budget;
    if (over <= 0) break;
    a[j] = Math.max(0, (a[j] ?? 0) - Math.ceil(over / (vs[j]?.cost ?? 1)));
    limitPlans();
  }
  a[taxable] = Math.max(0, input.budget - costs());
  return a;
}

/** Chooses the split; throws an InputError for bad inputs. */
export function optimizeSplit(input: OptimizerInput): OptimizerResult {
  checkOptimizerInput(input);
  const prog = programFor(input);
  const best = solve(prog);
  let x = wholeCents(input, prog, best.x);
  const fixedX = fixedStrategies(input, prog);
  const fixed = {} as Record<StrategyId, Cents>;
  for (const [s, fx] of Object.entries(fixedX) as [StrategyId, number[]][]) {
    const whole = wholeCents(input, prog, fx);
    fixed[s] = roundCents(strategyValue(prog, s, whole));
    // rounding to whole cents can leave the program's answer a few cents behind a fixed one
    if (valueOf(prog, whole) > valueOf(prog, x)) x = whole;
  }
  const choices: Choice[] = [];
  prog.vehicles.forEach((v, j) => {
    const amount = x[j] ?? 0;
    if (amount === 0 || v.kind === 'match') return;
    const without = solve(prog, [j]);
    choices.push({
      key: v.key,
      label: `${v.plan === null ? '' : `${v.plan}: `}${KIND_LABEL[v.kind]}`,
      amount,
      valueOverNextBest: roundCents(best.value - without.value),
    });
  });
  const flips = findFlips(input);
  const u = unitValues(input.assumptions);
  const keep = 1 - input.assumptions.currentRate;
  const plans: PlanSplit[] = input.plans.map((p) => {
    const get = (kind: VehicleKind): Cents => {
      const j = prog.vehicles.findIndex((v) => v.plan === p.id && v.kind === kind);
      return j < 0 ? 0 : (x[j] ?? 0);
    };
    return {
      plan: p.id,
      preTax: get('preTax'),
      roth: get('roth'),
      match: get('match'),
      afterTax: get('afterTax'),
      employer: get('employer'),
    };
  });
  let used = 0;
  prog.vehicles.forEach(
    (v, j) => (used += takeHomeCost(v, x[j] ?? 0, input.assumptions.currentRate)),
  );
  return {
    plans,
    taxable: x[prog.vehicles.length - 1] ?? 0,
    budgetUsed: used,
    endWealth: roundCents(valueOf(prog, x)),
    fixed,
    choices,
    flips,
    perTakeHomeDollar: {
      roth: u.roth,
      rothLite: u.rothLite,
      preTax: keep > 0 ? u.preTax / keep : 0,
      taxable: u.taxable,
    },
  };
}

/** The flips are looked for at retirement rates from 0 to this rate … */
export const FLIP_SCAN_MAX_RATE = 0.6;
/** … in steps of this size, each flip then bisected to FLIP_PRECISION. */
export const FLIP_SCAN_STEP = 0.01;
export const FLIP_PRECISION = 0.0001;

/** Retirement rates (0 to FLIP_SCAN_MAX_RATE) at which the best split changes. */
function findFlips(input: OptimizerInput): Flip[] {
  const sig = (tr: number): string => {
    const a = { ...input.assumptions, retirementRate: tr };
    const prog = buildProgram(input, a);
    return signature(prog, solve(prog).x);
  };
  const flips: Flip[] = [];
  let prevRate = 0;
  let prev = sig(0);
  const perUnit = Math.round(1 / FLIP_SCAN_STEP);
  const steps = Math.round(FLIP_SCAN_MAX_RATE * perUnit);
  const places = Math.round(1 / FLIP_PRECISION);
  for (let k = 1; k <= steps; k++) {
    const r = k / perUnit;
    const s = sig(r);
    if (s !== prev) {
      let lo = prevRate;
      let hi = r;
      while (hi - lo > FLIP_PRECISION) {
        const mid = (lo + hi) / 2;
        if (sig(mid) === prev) lo = mid;
        else hi = mid;
      }
      flips.push({ retirementRate: Math.round(hi * places) / places, below: prev, above: sig(hi) });
      prev = s;
    }
    prevRate = r;
  }
  return flips;
}
