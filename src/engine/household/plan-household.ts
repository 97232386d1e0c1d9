/**
 * The household contribution engine: for every plan each person is in, how much can go in and
 * in which form (pre-tax, Roth, catch-up, match, nonelective, after-tax), the 415(c) limit that
 * binds it, and the Mega Backdoor verdict. The 402(g) limit is one per person across all plans
 * (IRC 402(g)(1)); 415(c) is one per employer (IRC 415(c), 414(b)/(c)/(m), 415(h)), with a
 * 403(b) aggregated with the plans of a business its participant controls (Treas. Reg.
 * 1.415(f)-1(f)(2)).
 */
import { figure } from '../explain.js';
import { formatUsd } from '../money.js';
import { paramsFor, usd } from '../params/index.js';
import { ageAtYearEnd } from '../rules/age.js';
import { catchUpLimit } from '../rules/catch-up.js';
import { employerGroups } from '../rules/employer-groups.js';
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
import type { HouseholdOptions, WorkPlan } from './work.js';
import { jobPay, likelyHceAt, regularOf, catchUpOf, C_402G } from './work.js';
import { fillDeferrals } from './fill-deferrals.js';
import { buildConstraints, constraintReport } from './limits-415c.js';
import { settleEmployerMoney } from './employer-money.js';
import { settleAfterTax } from './after-tax.js';
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

function computeHousehold(s: Scenario, options: HouseholdOptions): HouseholdReport {
  const p = paramsFor(s.taxYear);
  const findings: Finding[] = [];
  const jobs = new Map(s.jobs.map((j) => [j.id, j]));
  const groups = employerGroups(s.jobs, s.controlledGroups);

  const work: WorkPlan[] = s.plans.map((plan, index) => {
    const job = jobs.get(plan.job);
    if (!job) throw new Error(`plan ${plan.id} has no job (validate the scenario first)`);
    const pay = jobPay(job);
    return {
      plan,
      index,
      job,
      person: job.person,
      parts: [],
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

  // A one-participant plan covers owners and their spouses only (IRS "One-Participant 401(k)
  // Plans"); employees who are not owners or spouses make the business ineligible.
  s.plans.forEach((plan, i) => {
    if (plan.type !== 'solo-401k') return;
    const employer = jobs.get(plan.job)?.employer;
    const staff =
      s.jobs.find((j) => j.employer === employer && j.nonOwnerEmployees !== undefined)
        ?.nonOwnerEmployees ?? 0;
    if (staff > 0) {
      findings.push({
        severity: 'error',
        path: `plans[${String(i)}].type`,
        message: `${plan.id}: ${employer ?? ''} has ${String(staff)} employee(s) who are not owners or spouses, so it cannot use a one-participant (solo) 401(k); they would have to be covered and tested (IRS "One-Participant 401(k) Plans")`,
        fix: 'model it as a 401(k) with employees, or confirm the employees are excludable (e.g. under 21 or under 1,000 hours)',
      });
    }
  });
  const peopleReports: PersonReport[] = [];
  const limitGroupReports: LimitGroupReport[] = [];
  for (const person of s.people) {
    const age = ageAtYearEnd(person.birthDate, s.taxYear);
    const mine = work.filter((w) => w.person === person.id);
    const personJobs = s.jobs.filter((j) => j.person === person.id);
    const deferralLimit = usd(p.plan.electiveDeferralLimit);
    const cuLimits = mine.map((w) => catchUpLimit(p, age, w.plan.superCatchUpAllowed));
    const personCu = cuLimits.reduce(
      (best, c) => (c.cents > best.cents ? c : best),
      catchUpLimit(p, age, mine.length === 0 || mine.some((w) => w.plan.superCatchUpAllowed)),
    );
    const state = { regularLeft: deferralLimit, catchUpLeft: personCu.cents };

    // 1. Fill elective deferrals, in the order the plans and their elections are given.
    for (const w of mine) fillDeferrals(p, w, age, state, findings);

    // 2. Employer money of W-2 plans; 3. owner contributions in solo plans; 4. 415(c); 5. after-tax.
    const constraints = buildConstraints(person.id, mine, personJobs, groups);
    const ordered = [
      ...mine.filter((w) => w.plan.type !== 'solo-401k'),
      ...mine.filter((w) => w.plan.type === 'solo-401k'),
    ];
    for (const w of ordered) settleEmployerMoney(p, s, w, constraints, findings, options);
    for (const w of mine) settleAfterTax(p, w, constraints, findings);

    const used = mine.reduce((a, w) => a + regularOf(w), 0);
    const cuUsed = mine.reduce((a, w) => a + catchUpOf(w), 0);
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
        `pre-tax and Roth deferrals across ${String(mine.length)} plan(s), catch-ups excluded`,
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
      likelyHce: personJobs.some((j) => likelyHceAt(p, j)),
      plans: mine.map((w) => w.plan.id),
    });
    for (const c of constraints) limitGroupReports.push(constraintReport(p, c));
  }

  const planReports = work.map((w) => planReport(p, s, w, peopleReports));
  return {
    name: s.name,
    taxYear: s.taxYear,
    filingStatus: s.filingStatus,
    people: peopleReports,
    plans: planReports,
    limitGroups: limitGroupReports,
    findings,
  };
}
