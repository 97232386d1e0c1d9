/**
 * The household contribution engine: for every plan each person is in, how much can go in and
 * in which form (pre-tax, Roth, catch-up, match, nonelective, after-tax), the 415(c) limit that
 * binds it, and the Mega Backdoor verdict. The 402(g) limit is one per person across all plans
 * (IRC 402(g)(1)); 415(c) is one per employer (IRC 415(c), 414(b)/(c)/(m), 415(h)), with a
 * 403(b) aggregated with the plans of a business its participant controls (Treas. Reg.
 * 1.415(f)-1(f)(2)).
 */
import { figure } from '../explain.js';
import { formatUsd, type Cents } from '../money.js';
import { paramsFor, usd, type YearParameters } from '../params/index.js';
import { ageAtYearEnd } from '../rules/age.js';
import { catchUpLimit } from '../rules/catch-up.js';
import { employerGroups } from '../rules/employer-groups.js';
import {
  netProfitAfterPayroll,
  type NetProfitAfterPayroll,
} from '../rules/net-profit-after-payroll.js';
import { likelyHce } from '../rules/likely-hce.js';
import { mustCover } from '../rules/solo-eligibility.js';
import { formulaCompensation } from '../rules/plan-compensation.js';
import { endsOf, soloTradeOff } from '../rules/solo-trade-off.js';
import type { Plan, Scenario } from '../scenario/schema.js';
import type {
  Finding,
  HouseholdReport,
  LimitGroupReport,
  PersonReport,
  PlanReport,
} from './report.js';
import type { Constraint, HouseholdOptions, PlanState, Settled, States } from './work.js';
import { jobPay, regularOf, catchUpOf, C_402G, withState } from './work.js';
import { fillDeferrals, planCatchUpLimit, type DeferralRoom } from './fill-deferrals.js';
import { deferrals457Report, settle457 } from './plan-457.js';
import type { CatchUpLimit } from '../rules/catch-up.js';
import { buildConstraints, constraintReport } from './limits-415c.js';
import { settleEmployerMoney } from './employer-money.js';
import { settleAfterTax } from './after-tax.js';
import { fundingWarnings } from './feasibility.js';
import { planReport } from './plan-report.js';

/** Runs the engine on a validated scenario. */
export function planHousehold(s: Scenario, options: HouseholdOptions = {}): HouseholdReport {
  const report = computeHousehold(s, options);
  // Both ends of each solo plan's trade-off: the same household with the most employer money
  // there, and with none (after-tax money filling the room either way).
  const plans = report.plans.map((r, i) => {
    const plan = s.plans[i];
    if (r.type !== 'solo-401k' || !plan?.afterTax.allowed) return r;
    const withEmployer = (
      employerContribution: Plan['employerContribution'],
    ): PlanReport | undefined =>
      computeHousehold(
        {
          ...s,
          plans: s.plans.map((x, k) =>
            k === i
              ? { ...x, employerContribution, afterTax: { ...x.afterTax, amount: 'max' as const } }
              : x,
          ),
        },
        options,
      ).plans[i];
    const most = withEmployer('max');
    const none = withEmployer(0);
    if (!most || !none) return r;
    return { ...r, tradeOff: soloTradeOff(`plans.${r.id}.tradeOff`, endsOf(most), endsOf(none)) };
  });
  return { ...report, plans };
}

function computeHousehold(given: Scenario, options: HouseholdOptions): HouseholdReport {
  const p = paramsFor(given.taxYear);
  // Owners whose net profit comes after the household's payroll are settled last.
  let s = given;
  const jobs = new Map(s.jobs.map((j) => [j.id, j]));
  const groups = employerGroups(s.jobs, s.controlledGroups);

  let initial: PlanState[] = s.plans.map((plan, index) => {
    const job = jobs.get(plan.job);
    if (!job) throw new Error(`plan ${plan.id} has no job (validate the scenario first)`);
    const pay = jobPay(job);
    const group = groups.find((g) => g.employers.includes(job.employer));
    return {
      plan,
      index,
      job,
      person: job.person,
      hce: likelyHce(p, s.jobs, job.person, group?.employers ?? [job.employer]),
      parts: [],
      catchUpCap: 0,
      compensation: pay,
      formulaComp: formulaCompensation(p, pay),
      match: 0,
      nonelective: 0,
      afterTaxRoom: 0,
      afterTax: 0,
      owner: undefined,
      limitRule: '',
      limit415c: 0,
      usedByOthers: 0,
    };
  });
  const findings: Finding[] = [...soloEligibility(p, s)];
  const peopleReports: PersonReport[] = [];
  const limitGroupReports: LimitGroupReport[] = [];
  const settledPlans = new Map<number, PlanState>();
  const payroll = new Map<string, NetProfitAfterPayroll>();
  const afterPayroll = (id: string): boolean =>
    s.jobs.some((j) => j.person === id && j.profitBeforePayroll !== undefined);
  const order = [
    ...s.people.filter((x) => !afterPayroll(x.id)),
    ...s.people.filter((x) => afterPayroll(x.id)),
  ];
  for (const person of order) {
    for (const j of s.jobs.filter((x) => x.person === person.id)) {
      if (j.profitBeforePayroll === undefined) continue;
      const r = ownerNetProfit(p, s, j, settledPlans);
      payroll.set(j.id, r);
      if (r.netProfit < 0) {
        findings.push({
          severity: 'error',
          path: `jobs.${j.id}.profitBeforePayroll`,
          message: `${j.id}: the payroll of the household members (wages, employer payroll tax and plan contributions) is ${formatUsd(r.profitBeforePayroll - r.netProfit)}, more than the ${formatUsd(r.profitBeforePayroll)} profit before it: a loss, so no self-employment earnings for a plan`,
        });
      }
      const resolved = { ...j, netProfit: Math.max(0, r.netProfit) };
      s = { ...s, jobs: s.jobs.map((x) => (x.id === j.id ? resolved : x)) };
      initial = initial.map((w) => (w.job.id === j.id ? { ...w, job: resolved } : w));
    }
    const age = ageAtYearEnd(person.birthDate, s.taxYear);
    const personJobs = s.jobs.filter((j) => j.person === person.id);
    const planned = initial.filter((w) => w.person === person.id);
    const deferralLimit = usd(p.plan.electiveDeferralLimit);
    const in457 = planned.filter((w) => w.plan.type === '457b');
    const under402g = planned.filter((w) => w.plan.type !== '457b');
    const personCu = under402g
      .map((w) => catchUpLimit(p, age, w.plan.superCatchUpAllowed))
      .reduce(
        (best, c) => (c.cents > best.cents ? c : best),
        catchUpLimit(
          p,
          age,
          under402g.length === 0 || under402g.some((w) => w.plan.superCatchUpAllowed),
        ),
      );
    // 457(b) plans have their own limit and catch-up, one per person across them (IRC 457(c)).
    const cu457 = in457
      .map((w) => planCatchUpLimit(p, w, age))
      .reduce<CatchUpLimit>((best, c) => (c.cents > best.cents ? c : best), {
        cents: 0,
        kind: 'none',
        why: '',
        citation: '',
      });
    const constraints = buildConstraints(person.id, under402g, personJobs, s.jobs, groups);
    const settled = settlePerson(p, s, planned, age, {
      room: { regularLeft: deferralLimit, catchUpLeft: personCu.cents },
      room457: { regularLeft: usd(p.plan.deferral457Limit), catchUpLeft: cu457.cents },
      catchUpLimit: personCu.cents,
      constraints,
      options,
    });
    findings.push(...settled.findings);
    const states = settled.value;
    const mine = planned.map((w) => states.get(w.index) ?? w);
    for (const w of mine) settledPlans.set(w.index, w);
    const hce = groups
      .filter((g) => personJobs.some((j) => g.employers.includes(j.employer)))
      .map((g) => {
        const h = likelyHce(p, s.jobs, person.id, g.employers);
        return { employers: g.employers, likelyHce: h.likely, why: h.why, citation: h.citation };
      });
    const mine402g = mine.filter((w) => w.plan.type !== '457b');
    const mine457 = mine.filter((w) => w.plan.type === '457b');
    const used = mine402g.reduce((a, w) => a + regularOf(w), 0);
    const cuUsed = mine402g.reduce((a, w) => a + catchUpOf(w), 0);
    peopleReports.push({
      id: person.id,
      name: person.name ?? person.id,
      age,
      deferralLimit: figure(
        `people.${person.id}.deferralLimit`,
        '402(g) deferral limit',
        deferralLimit,
        'one elective deferral limit per person across all 401(k), 403(b), SIMPLE and SARSEP plans, also of unrelated employers',
        p.plan.electiveDeferralLimit.citation,
      ),
      catchUpLimit: figure(
        `people.${person.id}.catchUpLimit`,
        'Catch-up limit',
        personCu.cents,
        personCu.why,
        personCu.citation,
      ),
      deferralsUsed: figure(
        `people.${person.id}.deferralsUsed`,
        'Deferrals used (without catch-up)',
        used,
        `pre-tax and Roth deferrals across ${String(mine402g.length)} plan(s), catch-ups excluded${mine457.length > 0 ? ' (457(b) deferrals have their own limit)' : ''}`,
        C_402G,
      ),
      catchUpUsed: figure(
        `people.${person.id}.catchUpUsed`,
        'Catch-up used',
        cuUsed,
        'catch-up contributions across all plans',
        personCu.citation,
      ),
      deferralRoomLeft: figure(
        `people.${person.id}.deferralRoomLeft`,
        'Deferral room left',
        deferralLimit - used,
        `402(g) limit ${formatUsd(deferralLimit)} − deferrals used ${formatUsd(used)}`,
        C_402G,
      ),
      likelyHce: hce.some((h) => h.likelyHce),
      hce,
      plans: mine.map((w) => w.plan.id),
      ...(mine457.length > 0
        ? { deferrals457: deferrals457Report(p, person.id, mine457, cu457) }
        : {}),
    });
    for (const c of constraints) limitGroupReports.push(constraintReport(p, c, states));
  }

  findings.push(...fundingWarnings(p, s, [...settledPlans.values()]));
  const planReports = initial.map((w) =>
    planReport(p, s, settledPlans.get(w.index) ?? w, peopleReports, payroll.get(w.job.id)),
  );
  const rank = (id: string): number => s.people.findIndex((x) => x.id === id);
  return {
    name: s.name,
    taxYear: s.taxYear,
    filingStatus: s.filingStatus,
    people: [...peopleReports].sort((a, b) => rank(a.id) - rank(b.id)),
    plans: planReports,
    limitGroups: limitGroupReports,
    findings,
  };
}

/**
 * One person's year, step by step, each step a pure function of the states before it:
 * 1. elective deferrals, in the order the plans and their elections are given (402(g), 414(v));
 * 2. employer money of the employers' plans (match, nonelective, 415(c));
 * 3. the owners' contributions in solo plans, on what the employers' plans leave;
 * 4. after-tax room and elections, in plan order.
 */
function settlePerson(
  p: YearParameters,
  s: Scenario,
  planned: readonly PlanState[],
  age: number,
  ctx: {
    readonly room: DeferralRoom;
    readonly room457: DeferralRoom;
    readonly catchUpLimit: Cents;
    readonly constraints: readonly Constraint[];
    readonly options: HouseholdOptions;
  },
): Settled<States> {
  const findings: Finding[] = [];
  let states: States = new Map(planned.map((w) => [w.index, w]));
  let room = ctx.room;
  let room457 = ctx.room457;
  for (const w of planned) {
    const is457 = w.plan.type === '457b';
    const r = fillDeferrals(p, w, age, is457 ? room457 : room);
    findings.push(...r.findings);
    if (is457) room457 = r.value.room;
    else room = r.value.room;
    states = withState(states, r.value.state);
  }
  const step = (
    order: readonly PlanState[],
    settle: (w: PlanState, now: States) => Settled<PlanState>,
  ): void => {
    for (const planState of order) {
      const r = settle(states.get(planState.index) ?? planState, states);
      findings.push(...r.findings);
      states = withState(states, r.value);
    }
  };
  const employers = planned.filter((w) => w.plan.type !== 'solo-401k' && w.plan.type !== '457b');
  const solos = planned.filter((w) => w.plan.type === 'solo-401k');
  const employerMoney = (w: PlanState, now: States): Settled<PlanState> =>
    settleEmployerMoney(p, s, w, now, ctx.constraints, ctx.options, ctx.catchUpLimit);
  step(employers, employerMoney);
  step(solos, employerMoney);
  step(
    planned.filter((w) => w.plan.type !== '457b'),
    (w, now) => settleAfterTax(p, w, now, ctx.constraints),
  );
  step(
    planned.filter((w) => w.plan.type === '457b'),
    (w) => settle457(p, w),
  );
  return { value: states, findings };
}

/**
 * A Schedule C owner's net profit after the household members the business pays: their wages,
 * the employer's payroll tax on them and the employer's contributions to their plans, already
 * settled (see `rules/net-profit-after-payroll.ts`).
 */
function ownerNetProfit(
  p: YearParameters,
  s: Scenario,
  job: Scenario['jobs'][number],
  settled: ReadonlyMap<number, PlanState>,
): NetProfitAfterPayroll {
  const members = s.jobs.filter(
    (m) => m.employer === job.employer && m.person !== job.person && m.type === 'w2',
  );
  return netProfitAfterPayroll(
    p,
    job.profitBeforePayroll ?? 0,
    members.map((m) => ({
      wages: jobPay(m),
      socialSecurityWages: m.socialSecurityWages,
      employerContributions: [...settled.values()]
        .filter((w) => w.job.id === m.id)
        .reduce((a, w) => a + w.match + w.nonelective, 0),
    })),
  );
}

/**
 * A one-participant plan covers owners and their spouses only (IRS "One-Participant 401(k)
 * Plans"): employees who are not owners or spouses make the business ineligible — counted as
 * `nonOwnerEmployees`, or listed under `employees` with their hours, where only those the plan
 * must cover count (the 1,000-hour rule and long-term part-time employees, `solo-eligibility`).
 */
function soloEligibility(p: YearParameters, s: Scenario): Finding[] {
  return s.plans.flatMap((plan, i): Finding[] => {
    if (plan.type !== 'solo-401k') return [];
    const employer = s.jobs.find((j) => j.id === plan.job)?.employer;
    const at = s.jobs.filter((j) => j.employer === employer);
    const staff = at.find((j) => j.nonOwnerEmployees !== undefined)?.nonOwnerEmployees ?? 0;
    const listed = at.flatMap((j) => j.employees ?? []).map((e) => mustCover(p, e));
    const covered = listed.filter((c) => c.covered);
    const out: Finding[] = [];
    if (staff > 0) {
      out.push({
        severity: 'error',
        path: `plans[${String(i)}].type`,
        message: `${plan.id}: ${employer ?? ''} has ${String(staff)} employee(s) who are not owners or spouses, so it cannot use a one-participant (solo) 401(k); they would have to be covered and tested (IRS "One-Participant 401(k) Plans")`,
        fix: 'model it as a 401(k) with employees, or list them under employees with their hours: under 21, or under 1,000 hours and not long-term part-time, they may be excluded',
      });
    }
    if (covered.length > 0) {
      out.push({
        severity: 'error',
        path: `plans[${String(i)}].type`,
        message: `${plan.id}: ${employer ?? ''} has ${String(covered.length)} employee(s) the plan must cover (${covered.map((c) => c.why).join('; ')}), so it cannot be a one-participant (solo) 401(k) (IRS "One-Participant 401(k) Plans")`,
        fix: 'model it as a 401(k) with employees, tested for coverage and nondiscrimination',
      });
    } else if (listed.length > 0 && staff === 0) {
      out.push({
        severity: 'info',
        path: `plans[${String(i)}].type`,
        message: `${plan.id}: the ${String(listed.length)} employee(s) of ${employer ?? ''} may be excluded (${[...new Set(listed.map((c) => c.why))].join('; ')}), so the plan can stay a one-participant plan while that holds`,
      });
    }
    return out;
  });
}
