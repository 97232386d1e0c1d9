/**
 * The household contribution engine: for every plan each person is in, how much can go in and
 * in which form (pre-tax, Roth, catch-up, match, nonelective, after-tax), the 415(c) limit that
 * binds it, and the Mega Backdoor verdict. The 402(g) limit is one per person across all plans
 * (IRC 402(g)(1)); 415(c) is one per employer (IRC 415(c), 414(b)/(c)/(m), 415(h)), with a
 * 403(b) aggregated with the plans of a business its participant controls (Treas. Reg.
 * 1.415(f)-1(f)(2)).
 */
import { figure, type Figure } from '../explain.js';
import { applyRate, cents, formatUsd, percentRate, type Cents } from '../money.js';
import { paramsFor, usd, type YearParameters } from '../params/index.js';
import { ageAtYearEnd } from '../rules/age.js';
import { acpRisk } from '../rules/acp-risk.js';
import { cashBalanceBesideSolo } from '../rules/cash-balance-beside-solo.js';
import { catchUpLimit } from '../rules/catch-up.js';
import { electedCents } from '../rules/election.js';
import { controls, employerGroups } from '../rules/employer-groups.js';
import { matchFor } from '../rules/match.js';
import { mbrVerdict } from '../rules/mbr-verdict.js';
import { formulaCompensation } from '../rules/plan-compensation.js';
import { rothCatchUpRule } from '../rules/roth-catch-up.js';
import { selfEmployedOwner, type OwnerResult } from '../rules/self-employed-owner.js';
import { endsOf, soloTradeOff } from '../rules/solo-trade-off.js';
import type { Job, Plan, Scenario } from '../scenario/schema.js';
import type {
  Finding,
  HouseholdReport,
  LimitGroupReport,
  PersonReport,
  PlanReport,
} from './report.js';

const C_402G =
  'IRC 402(g)(1); IRS "How much salary can you defer if you\'re eligible for more than one retirement plan?"';
const C_415C = 'IRC 415(c)(1)';

interface DeferralPart {
  readonly type: 'pre-tax' | 'roth';
  regular: Cents;
  catchUp: Cents;
  catchUpType: 'pre-tax' | 'roth';
  readonly requested: Cents | 'max';
  readonly path: string;
}

/** Mutable working state for one plan while the engine fills it. */
interface WorkPlan {
  readonly plan: Plan;
  readonly index: number;
  readonly job: Job;
  readonly person: string;
  readonly group: string;
  parts: DeferralPart[];
  compensation: Cents;
  formulaComp: Cents;
  match: Cents;
  nonelective: Cents;
  afterTaxRoom: Cents;
  afterTax: Cents;
  owner: OwnerResult | undefined;
  limitRule: string;
  limit415c: Cents;
  usedByOthers: Cents;
}

interface Constraint {
  readonly person: string;
  readonly kind: 'employer' | '403b-aggregation';
  readonly employers: readonly string[];
  readonly plans: readonly WorkPlan[];
  readonly why: string;
  /** Compensation counted for the 100%-of-compensation part of this limit. */
  readonly comp: () => Cents;
}

const regularOf = (w: WorkPlan): Cents => w.parts.reduce((a, d) => a + d.regular, 0);
const catchUpOf = (w: WorkPlan): Cents => w.parts.reduce((a, d) => a + d.catchUp, 0);
/** Annual additions without after-tax money (catch-ups excluded, IRC 414(v)(3)(A)). */
const nonAfterTaxOf = (w: WorkPlan): Cents => regularOf(w) + w.match + w.nonelective;

function jobPay(job: Job): Cents {
  return usdCents(job.wages ?? 0);
}

/** Scenario dollars (validated to at most 2 decimals) in cents. */
function usdCents(dollars: number): Cents {
  return cents(dollars);
}

/** Runs the engine on a validated scenario. */
export function planHousehold(s: Scenario): HouseholdReport {
  const report = computeHousehold(s);
  // Both ends of each solo plan's trade-off: the same household with the most employer money
  // there, and with none (after-tax money filling the room either way).
  const plans = report.plans.map((r, i) => {
    const plan = s.plans[i];
    if (r.type !== 'solo-401k' || !plan?.afterTax.allowed) return r;
    const withEmployer = (
      employerContribution: Plan['employerContribution'],
    ): PlanReport | undefined =>
      computeHousehold({
        ...s,
        plans: s.plans.map((x, k) =>
          k === i
            ? { ...x, employerContribution, afterTax: { ...x.afterTax, amount: 'max' as const } }
            : x,
        ),
      }).plans[i];
    const most = withEmployer('max');
    const none = withEmployer(0);
    if (!most || !none) return r;
    return { ...r, tradeOff: soloTradeOff(`plans.${r.id}.tradeOff`, endsOf(most), endsOf(none)) };
  });
  return { ...report, plans };
}

function computeHousehold(s: Scenario): HouseholdReport {
  const p = paramsFor(s.taxYear);
  const findings: Finding[] = [];
  const jobs = new Map(s.jobs.map((j) => [j.id, j]));
  const groups = employerGroups(s.jobs, s.controlledGroups);
  const groupOf = new Map<string, string>();
  for (const g of groups) for (const e of g.employers) groupOf.set(e, g.id);

  const work: WorkPlan[] = s.plans.map((plan, index) => {
    const job = jobs.get(plan.job);
    if (!job) throw new Error(`plan ${plan.id} has no job (validate the scenario first)`);
    const pay = jobPay(job);
    return {
      plan,
      index,
      job,
      person: job.person,
      group: groupOf.get(job.employer) ?? job.employer,
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
    for (const w of ordered) settleEmployerMoney(p, s, w, constraints, findings);
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

/**
 * Likely a highly compensated employee of this job's employer: a more-than-5% owner, or
 * prior-year pay from the employer above the amount for the look-back year (IRC 414(q)(1)).
 * Prior-year FICA wages stand in for prior-year compensation.
 */
function likelyHceAt(p: YearParameters, j: Job): boolean {
  if (j.type !== 'w2' && (j.ownershipPercent ?? 100) > 5) return true;
  return usdCents(j.priorYearFicaWages ?? 0) > usd(p.plan.hceLookbackThreshold);
}

/** Fills one plan's deferral elections from the person's remaining 402(g) and catch-up room. */
function fillDeferrals(
  p: YearParameters,
  w: WorkPlan,
  age: number,
  state: { regularLeft: Cents; catchUpLeft: Cents },
  findings: Finding[],
): void {
  const { plan, job } = w;
  const at = `plans[${String(w.index)}]`;
  const cuLimit = catchUpLimit(p, age, plan.superCatchUpAllowed);
  const roth = rothCatchUpRule(p, {
    jobType: job.type,
    priorYearFicaWages:
      job.priorYearFicaWages === undefined ? undefined : usdCents(job.priorYearFicaWages),
    currentWages: jobPay(job),
  });
  const catchUpBlocked = roth.required && !plan.rothDeferralsAllowed;
  const catchUpOk = plan.catchUpAllowed && cuLimit.cents > 0 && !catchUpBlocked;
  if (cuLimit.cents > 0 && catchUpBlocked) {
    findings.push({
      severity: 'warning',
      path: `${at}.rothDeferralsAllowed`,
      message: `${plan.id}: no catch-up possible: ${roth.why}, and the plan has no Roth feature (${roth.citation})`,
      fix: 'ask the plan to add designated Roth deferrals, or make catch-ups in another plan',
    });
  }
  if (roth.assumed && roth.required && cuLimit.cents > 0) {
    findings.push({
      severity: 'warning',
      path: `jobs.${job.id}.priorYearFicaWages`,
      message: `${plan.id}: ${roth.why}`,
      fix: 'enter priorYearFicaWages (W-2 box 3 from this employer last year)',
    });
  }
  // Pay available to defer: W-2 pay; for self-employment the worksheet bounds it later.
  let payLeft = job.type === 'schedule-c' ? Number.MAX_SAFE_INTEGER : jobPay(job);
  let planCuLeft = cuLimit.cents;
  plan.deferrals.forEach((d, k) => {
    const path = `${at}.deferrals[${String(k)}].amount`;
    const requested: Cents | 'max' =
      d.amount === 'max' ? 'max' : electedCents(d.amount, 0, w.formulaComp);
    const want = requested === 'max' ? Number.MAX_SAFE_INTEGER : requested;
    const take = Math.min(want, payLeft);
    const regular = Math.min(take, state.regularLeft);
    const cuRoom = catchUpOk ? Math.min(state.catchUpLeft, planCuLeft) : 0;
    const catchUp = Math.min(take - regular, cuRoom);
    state.regularLeft -= regular;
    state.catchUpLeft -= catchUp;
    planCuLeft -= catchUp;
    payLeft -= regular + catchUp;
    const catchUpType = roth.required ? 'roth' : d.type;
    w.parts.push({ type: d.type, regular, catchUp, catchUpType, requested, path });
    if (requested !== 'max' && requested > regular + catchUp) {
      const excess = requested - regular - catchUp;
      findings.push({
        severity: 'error',
        path,
        message: `${plan.id}: the ${d.type} election of ${formatUsd(requested)} is ${formatUsd(excess)} more than can go in: the 402(g) limit of ${formatUsd(usd(p.plan.electiveDeferralLimit))} is shared by all of this person's plans${cuLimit.cents > 0 ? `, plus a catch-up of up to ${formatUsd(cuLimit.cents)}` : ''}${want > payLeft + regular + catchUp ? ', and deferrals cannot exceed pay' : ''} (${C_402G})`,
        fix: `reduce the election to ${formatUsd(regular + catchUp)}; excess deferrals not returned by April 15 of next year are taxed twice`,
      });
    }
    if (catchUp > 0 && roth.required && d.type === 'pre-tax') {
      findings.push({
        severity: 'info',
        path,
        message: `${plan.id}: the ${formatUsd(catchUp)} catch-up is designated Roth: ${roth.why} (${roth.citation})`,
      });
    }
  });
}

/** The 415(c) limits that bind a person's plans: one per employer group, plus 403(b) aggregation. */
function buildConstraints(
  person: string,
  mine: readonly WorkPlan[],
  personJobs: readonly Job[],
  groups: readonly { id: string; employers: readonly string[]; reasons: readonly string[] }[],
): Constraint[] {
  const out: Constraint[] = [];
  const compOfEmployers = (employers: readonly string[]) => (): Cents =>
    personJobs
      .filter((j) => employers.includes(j.employer))
      .reduce((a, j) => a + jobComp(j, mine), 0);
  for (const g of groups) {
    const plans = mine.filter((w) => g.employers.includes(w.job.employer));
    if (plans.length === 0) continue;
    const why =
      g.employers.length > 1
        ? `one 415(c) limit for ${g.employers.join(', ')}: ${g.reasons.join('; ')}`
        : `${g.employers[0] ?? ''} is its own employer for 415(c): its plans share one limit, separate from unrelated employers`;
    out.push({
      person,
      kind: 'employer',
      employers: g.employers,
      plans,
      why,
      comp: compOfEmployers(g.employers),
    });
  }
  // 403(b) trap: a 403(b) is the participant's own plan, aggregated with the plans of any
  // business the participant controls (Treas. Reg. 1.415(f)-1(f)(2)).
  const controlled = personJobs.filter((j) => controls(j)).map((j) => j.employer);
  const controlledPlans = mine.filter((w) => controlled.includes(w.job.employer));
  for (const w of mine) {
    if (
      w.plan.type !== '403b' ||
      controlled.includes(w.job.employer) ||
      controlledPlans.length === 0
    )
      continue;
    const employers = [...new Set([w.job.employer, ...controlledPlans.map((c) => c.job.employer)])];
    out.push({
      person,
      kind: '403b-aggregation',
      employers,
      plans: [w, ...controlledPlans],
      why: `the ${w.plan.id} 403(b) is treated as maintained by ${person}, who controls (more than 50%) ${[...new Set(controlledPlans.map((c) => c.job.employer))].join(', ')}; so it is aggregated with that business's plans under one 415(c) dollar limit, compensation from both employers counted (Treas. Reg. 1.415(f)-1(f)(2); IRS Issue Snapshot on 403(b) aggregation). A 401(k) at an unrelated employer would not be`,
      comp: compOfEmployers(employers),
    });
  }
  return out;
}

/** A job's 415(c)(3) compensation: wages, or for self-employment net earnings after the owner's deduction. */
function jobComp(j: Job, mine: readonly WorkPlan[]): Cents {
  if (j.type !== 'schedule-c') return jobPay(j);
  const owner = mine.find((w) => w.job.id === j.id && w.owner)?.owner;
  return owner ? owner.compensation : 0;
}

function capOf(p: YearParameters, c: Constraint): Cents {
  return Math.min(usd(p.plan.annualAdditionsLimit), c.comp());
}

/** Room left in a constraint for non-after-tax additions of `w`, counting only other plans. */
function dollarRoomFor(
  p: YearParameters,
  w: WorkPlan,
  constraints: readonly Constraint[],
): { dollars: Cents; cap: Cents } {
  let dollars = Number.MAX_SAFE_INTEGER;
  let cap = Number.MAX_SAFE_INTEGER;
  for (const c of constraints) {
    if (!c.plans.includes(w)) continue;
    const others = c.plans.filter((o) => o !== w).reduce((a, o) => a + nonAfterTaxOf(o), 0);
    dollars = Math.min(dollars, usd(p.plan.annualAdditionsLimit) - others);
    cap = Math.min(cap, capOf(p, c) - others);
  }
  return { dollars, cap };
}

/** Match and nonelective money (W-2 plans), or the owner's contribution (solo plans); then 415(c). */
function settleEmployerMoney(
  p: YearParameters,
  s: Scenario,
  w: WorkPlan,
  constraints: readonly Constraint[],
  findings: Finding[],
): void {
  const { plan, job } = w;
  const at = `plans[${String(w.index)}]`;
  if (plan.type === 'solo-401k' && job.type === 'schedule-c') {
    const room = dollarRoomFor(p, w, constraints);
    const w2SocialSecurityWages = s.jobs
      .filter((j) => j.person === w.person && j.type !== 'schedule-c')
      .reduce(
        (a, j) =>
          a +
          usdCents(
            j.socialSecurityWages ?? Math.min(j.wages ?? 0, p.payroll.socialSecurityWageBase.value),
          ),
        0,
      );
    w.owner = selfEmployedOwner(p, {
      netProfit: usdCents(job.netProfit ?? 0),
      w2SocialSecurityWages,
      planRatePercent: plan.planRate ?? p.plan.profitSharingDeductionRate.value * 100,
      regularDeferrals: regularOf(w),
      catchUp: catchUpOf(w),
      rothDeferrals: w.parts.reduce(
        (a, d) =>
          a + (d.type === 'roth' ? d.regular : 0) + (d.catchUpType === 'roth' ? d.catchUp : 0),
        0,
      ),
      dollarLimit: Math.max(0, room.dollars),
      employerElection: plan.employerContribution ?? 'max',
      age: ageAtYearEnd(s.people.find((x) => x.id === w.person)?.birthDate ?? '', s.taxYear),
      filingStatus: s.filingStatus,
    });
    const o = w.owner;
    trimDeferrals(
      w,
      o.allowedRegularDeferrals,
      o.allowedCatchUp,
      findings,
      'the Pub 560 worksheet (100% of earned income)',
    );
    w.nonelective = o.employerContribution;
    w.compensation = o.compensation;
    w.formulaComp = formulaCompensation(p, o.compensation);
    if (o.electionExcess > 0) {
      findings.push({
        severity: 'error',
        path: `${at}.employerContribution`,
        message: `${plan.id}: the employer contribution elected is ${formatUsd(o.electionExcess)} more than the deductible maximum of ${formatUsd(o.maxEmployerContribution)} (Pub 560 Deduction Worksheet)`,
        fix: `reduce it to ${formatUsd(o.maxEmployerContribution)}`,
      });
    }
    return;
  }
  const ne = applyRate(w.formulaComp, percentRate(plan.nonelectivePercent));
  const matchOf = (regular: Cents, cu: Cents): Cents =>
    matchFor(
      plan.match,
      regular + (plan.matchesCatchUp ? cu : 0),
      w.formulaComp,
      plan.matchCapAmount === undefined ? undefined : usdCents(plan.matchCapAmount),
    );
  if (plan.type === 'solo-401k') {
    // S-corp owner-employee (or a spouse on the business's payroll): employer nonelective up to
    // 25% of W-2 compensation capped at 401(a)(17) (IRC 404(a)(3)(A), 404(l)); deferrals do not
    // reduce the base (404(n)).
    const maxNe = applyRate(
      w.formulaComp,
      percentRate(plan.planRate ?? p.plan.profitSharingDeductionRate.value * 100),
    );
    const room = dollarRoomFor(p, w, constraints);
    const fit = Math.max(0, Math.min(maxNe, room.cap - regularOf(w)));
    const want = electedCents(plan.employerContribution ?? 'max', fit, w.formulaComp);
    w.nonelective = Math.min(want, fit);
    if (want > fit) {
      findings.push({
        severity: 'error',
        path: `${at}.employerContribution`,
        message: `${plan.id}: the employer contribution of ${formatUsd(want)} is more than the ${formatUsd(fit)} allowed (25% of W-2 wages, 404(a)(3); 415(c))`,
        fix: `reduce it to ${formatUsd(fit)}`,
      });
    }
  } else {
    w.nonelective = ne;
  }
  w.match = matchOf(regularOf(w), catchUpOf(w));
  // 415(c): deferrals + employer money may not exceed the cap; cut deferrals if they would.
  const room = dollarRoomFor(p, w, constraints);
  if (nonAfterTaxOf(w) > room.cap) {
    let lo = 0;
    let hi = regularOf(w);
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (mid + matchOf(mid, catchUpOf(w)) + w.nonelective <= room.cap) lo = mid;
      else hi = mid - 1;
    }
    trimDeferrals(
      w,
      lo,
      catchUpOf(w),
      findings,
      `the 415(c) limit of ${formatUsd(Math.max(0, room.cap))} for this employer`,
    );
    w.match = matchOf(regularOf(w), catchUpOf(w));
    if (w.nonelective + w.match > room.cap) {
      // Employer money alone is over the limit: the plan's 415 provision stops the allocation
      // at the limit (IRC 415(c); Treas. Reg. 1.415(c)-1), nonelective first, then match.
      const cap = Math.max(0, room.cap);
      const before = w.nonelective + w.match;
      w.nonelective = Math.min(w.nonelective, cap);
      w.match = Math.min(w.match, cap - w.nonelective);
      findings.push({
        severity: 'warning',
        path: `plans[${String(w.index)}]`,
        message: `${plan.id}: the plan's employer money of ${formatUsd(before)} is more than the 415(c) limit of ${formatUsd(cap)}; only ${formatUsd(w.nonelective + w.match)} can be allocated`,
        fix: 'the plan limits the allocation under its 415 provision; nothing is left for deferrals or after-tax money',
      });
    }
  }
}

/** Reduces deferral parts (last first) to the allowed totals, reporting numeric elections cut. */
function trimDeferrals(
  w: WorkPlan,
  regularAllowed: Cents,
  catchUpAllowed: Cents,
  findings: Finding[],
  because: string,
): void {
  let overR = regularOf(w) - regularAllowed;
  let overC = catchUpOf(w) - catchUpAllowed;
  for (const d of [...w.parts].reverse()) {
    const cutC = Math.min(Math.max(0, overC), d.catchUp);
    const cutR = Math.min(Math.max(0, overR), d.regular);
    if (cutC === 0 && cutR === 0) continue;
    d.catchUp -= cutC;
    d.regular -= cutR;
    overC -= cutC;
    overR -= cutR;
    if (d.requested !== 'max') {
      findings.push({
        severity: 'error',
        path: d.path,
        message: `${w.plan.id}: ${formatUsd(cutC + cutR)} of this ${d.type} election cannot go in because of ${because}`,
        fix: `reduce the election to ${formatUsd(d.regular + d.catchUp)}`,
      });
    }
  }
}

/** After-tax room: the tightest 415(c) constraint left after every other addition, then plan caps. */
function settleAfterTax(
  p: YearParameters,
  w: WorkPlan,
  constraints: readonly Constraint[],
  findings: Finding[],
): void {
  const mineCs = constraints.filter((c) => c.plans.includes(w));
  let room = Number.MAX_SAFE_INTEGER;
  let binding: Constraint | undefined;
  for (const c of mineCs) {
    const usedByOthers = c.plans.reduce(
      (a, o) => a + nonAfterTaxOf(o) + (o === w ? 0 : o.afterTax),
      0,
    );
    const left = capOf(p, c) - usedByOthers;
    if (left < room) {
      room = left;
      binding = c;
      w.usedByOthers = c.plans
        .filter((o) => o !== w)
        .reduce((a, o) => a + nonAfterTaxOf(o) + o.afterTax, 0);
    }
  }
  w.limit415c = binding ? capOf(p, binding) : usd(p.plan.annualAdditionsLimit);
  w.limitRule = binding ? binding.why : '';
  room = Math.max(0, room);
  const a = w.plan.afterTax;
  if (!a.allowed) {
    w.afterTaxRoom = 0;
    w.afterTax = 0;
    return;
  }
  if (a.capPercent !== undefined)
    room = Math.min(room, applyRate(w.formulaComp, percentRate(a.capPercent)));
  if (a.capAmount !== undefined) room = Math.min(room, usdCents(a.capAmount));
  w.afterTaxRoom = room;
  const want = electedCents(a.amount ?? 'max', room, w.formulaComp);
  w.afterTax = Math.min(want, room);
  if (want > room) {
    findings.push({
      severity: 'error',
      path: `plans[${String(w.index)}].afterTax.amount`,
      message: `${w.plan.id}: the after-tax election of ${formatUsd(want)} is ${formatUsd(want - room)} more than the after-tax room of ${formatUsd(room)}`,
      fix: `reduce it to ${formatUsd(room)}; excess annual additions must be corrected (IRC 415(c); EPCRS)`,
    });
  }
}

function constraintReport(p: YearParameters, c: Constraint): LimitGroupReport {
  const key = `limits.${c.person}.${c.employers.join('+')}.${c.kind}`;
  const dollar = usd(p.plan.annualAdditionsLimit);
  const comp = c.comp();
  const used = c.plans.reduce((a, w) => a + nonAfterTaxOf(w) + w.afterTax, 0);
  return {
    person: c.person,
    kind: c.kind,
    employers: c.employers,
    plans: c.plans.map((w) => w.plan.id),
    dollarLimit: figure(
      `${key}.dollarLimit`,
      '415(c) dollar limit',
      dollar,
      'one dollar limit for the employer (or aggregated group)',
      p.plan.annualAdditionsLimit.citation,
    ),
    compensation: figure(
      `${key}.compensation`,
      'Compensation',
      comp,
      'compensation from the employers in this limit (415(c)(3), deferrals included)',
      'IRC 415(c)(3)',
    ),
    cap: figure(
      `${key}.cap`,
      '415(c) limit',
      Math.min(dollar, comp),
      'the lesser of the dollar limit and 100% of compensation',
      'IRC 415(c)(1)(A)-(B)',
    ),
    used: figure(
      `${key}.used`,
      'Annual additions',
      used,
      'deferrals (no catch-up), employer money and after-tax money in these plans',
      C_415C,
    ),
    why: c.why,
  };
}

function planReport(
  p: YearParameters,
  s: Scenario,
  w: WorkPlan,
  people: readonly PersonReport[],
): PlanReport {
  const key = `plans.${w.plan.id}`;
  const pre = w.parts.filter((d) => d.type === 'pre-tax').reduce((a, d) => a + d.regular, 0);
  const rothD = w.parts.filter((d) => d.type === 'roth').reduce((a, d) => a + d.regular, 0);
  const cu = catchUpOf(w);
  const cuType =
    cu === 0
      ? 'none'
      : w.parts.some((d) => d.catchUp > 0 && d.catchUpType === 'roth')
        ? 'roth'
        : 'pre-tax';
  const additions = nonAfterTaxOf(w) + w.afterTax;
  const person = people.find((x) => x.id === w.person);
  const tiers = w.plan.match
    .map((t) => `${String(t.rate)}% up to ${String(t.upToPercent)}%`)
    .join(', ');
  const solo = w.owner;
  const f = (name: string, label: string, c: Cents, why: string, cit: string): Figure =>
    figure(`${key}.${name}`, label, c, why, cit);
  const report: PlanReport = {
    id: w.plan.id,
    person: w.person,
    job: w.job.id,
    employer: w.job.employer,
    type: w.plan.type,
    compensation: f(
      'compensation',
      'Compensation',
      w.compensation,
      solo
        ? 'net earnings from self-employment minus the deductible half of SE tax minus the owner’s deductible contribution'
        : 'W-2 pay from this job including deferrals',
      solo ? 'IRC 401(c)(2), 415(c)(3)(B); IRS Pub 560 ch. 5' : 'IRC 415(c)(3)(D)',
    ),
    formulaCompensation: f(
      'formulaCompensation',
      'Pay for plan formulas',
      w.formulaComp,
      `compensation capped at ${formatUsd(usd(p.plan.compensationLimit))}`,
      p.plan.compensationLimit.citation,
    ),
    deferralPreTax: f(
      'deferralPreTax',
      'Pre-tax deferral',
      pre,
      'elections filled in order from the 402(g) limit left after earlier plans',
      C_402G,
    ),
    deferralRoth: f(
      'deferralRoth',
      'Roth deferral',
      rothD,
      'elections filled in order from the 402(g) limit left after earlier plans',
      `${C_402G}; IRC 402A`,
    ),
    catchUp: f(
      'catchUp',
      'Catch-up',
      cu,
      `deferrals above the 402(g) limit, up to the catch-up limit (${person?.catchUpLimit.why ?? ''}); outside 415(c)`,
      'IRC 414(v); 414(v)(3)(A)',
    ),
    catchUpType: cuType,
    match: f(
      'match',
      'Employer match',
      w.match,
      tiers ? `${tiers} of pay, on pay capped at 401(a)(17)` : 'no match formula',
      'plan terms; IRC 401(a)(17), 401(m)(4)(A)',
    ),
    nonelective: f(
      'nonelective',
      solo ? 'Employer contribution (owner)' : 'Nonelective / profit-sharing',
      w.nonelective,
      solo ? solo.employerWhy : `${String(w.plan.nonelectivePercent)}% of pay capped at 401(a)(17)`,
      solo
        ? 'IRS Pub 560 ch. 5, Deduction Worksheet for Self-Employed; IRC 404(a)(8)'
        : 'plan terms; IRC 401(a)(17), 404(a)(3)',
    ),
    afterTaxRoom: f(
      'afterTaxRoom',
      'After-tax room',
      w.afterTaxRoom,
      w.plan.afterTax.allowed
        ? `415(c) limit ${formatUsd(w.limit415c)} − deferrals (no catch-up) − employer money − other plans' additions under the same limit, then the plan's own cap`
        : 'the plan does not accept after-tax contributions',
      'IRC 415(c)(1); plan terms',
    ),
    afterTax: f(
      'afterTax',
      'After-tax contribution',
      w.afterTax,
      w.plan.afterTax.allowed
        ? 'the after-tax amount elected, at most the room'
        : 'not allowed by the plan',
      'IRC 415(c)(2)(B)',
    ),
    annualAdditions: f(
      'annualAdditions',
      'Annual additions (415(c))',
      additions,
      'deferrals without catch-up + match + nonelective + after-tax',
      'IRC 415(c)(2); 414(v)(3)(A)',
    ),
    total: f(
      'total',
      'Total into the plan',
      additions + cu,
      'annual additions + catch-up',
      'IRC 415(c)(2); 414(v)(3)(A)',
    ),
    limit415c: f('limit415c', '415(c) limit', w.limit415c, w.limitRule, 'IRC 415(c)(1)(A)-(B)'),
    otherPlansUnderLimit: f(
      'otherPlansUnderLimit',
      'Used by other plans under this limit',
      w.usedByOthers,
      'annual additions of the other plans that share this 415(c) limit',
      'IRC 415(c)(1); 415(f); Treas. Reg. 1.415(f)-1',
    ),
    limitRule: w.limitRule,
    verdict: mbrVerdict({
      plan: w.plan,
      afterTaxRoom: w.afterTaxRoom,
      likelyHce: likelyHceAt(p, w.job),
      soloPlan: w.plan.type === 'solo-401k',
    }),
  };
  return {
    ...report,
    ...cashBalanceOf(w, key),
    ...acpRiskOf(p, s, w, key, report.verdict),
    ...selfEmploymentOf(w, f),
  };
}

/** The 404(a)(7) section of a solo plan with a cash balance plan beside it. */
function cashBalanceOf(w: WorkPlan, key: string): Pick<PlanReport, 'cashBalance'> {
  const cb = w.plan.cashBalance;
  if (!cb) return {};
  const contribution = usdCents(cb.contribution);
  return {
    cashBalance: cashBalanceBesideSolo({
      key: `${key}.cashBalance`,
      contribution,
      minimumRequired: usdCents(cb.minimumRequired),
      maximumDeductible:
        cb.maximumDeductible === undefined ? contribution : usdCents(cb.maximumDeductible),
      pbgcCovered: cb.pbgcCovered,
      compensation: w.formulaComp,
      employerContributions: w.nonelective + w.match,
      deferrals: regularOf(w) + catchUpOf(w),
      afterTax: w.afterTax,
    }),
  };
}

/** The ACP refund estimate for a likely HCE, with its warning added to the verdict. */
function acpRiskOf(
  p: YearParameters,
  s: Scenario,
  w: WorkPlan,
  key: string,
  verdict: PlanReport['verdict'],
): Pick<PlanReport, 'acpRisk' | 'verdict'> {
  const acp = w.plan.acp;
  if (!acp || !w.plan.afterTax.allowed || w.plan.type === 'solo-401k' || !likelyHceAt(p, w.job)) {
    return { verdict };
  }
  const risk = acpRisk({
    key,
    year: s.taxYear,
    compensation: w.compensation,
    match: w.match,
    afterTax: w.afterTax,
    expectedNhceAcp: acp.expectedNhceAcp,
    safeHarbor: acp.safeHarbor,
  });
  const warnings =
    risk.likelyRefund.cents > 0 ? [...verdict.warnings, risk.explanation] : verdict.warnings;
  return { acpRisk: risk, verdict: { ...verdict, warnings } };
}

/** The Schedule SE figures behind a solo plan on self-employment income. */
function selfEmploymentOf(
  w: WorkPlan,
  f: (name: string, label: string, c: Cents, why: string, cit: string) => Figure,
): Pick<PlanReport, 'selfEmployment'> {
  const solo = w.owner;
  if (!solo) return {};
  return {
    selfEmployment: {
      netProfit: f(
        'se.netProfit',
        'Net profit',
        solo.netProfit,
        'Schedule C line 31 (or K-1 box 14 code A)',
        'Schedule C; IRS Pub 560 Deduction Worksheet step 1',
      ),
      netEarningsFromSelfEmployment: f(
        'se.netEarnings',
        'Net earnings from self-employment',
        solo.netEarnings,
        'net profit × 92.35%',
        'IRC 1402(a)(12); Schedule SE line 4a',
      ),
      seTax: f(
        'se.seTax',
        'Self-employment tax',
        solo.seTax,
        solo.seTaxWhy,
        'IRC 1401; Schedule SE line 12',
      ),
      halfSeTaxDeduction: f(
        'se.halfSeTax',
        'Deductible half of SE tax',
        solo.halfSeTax,
        'SE tax × 50%',
        'IRC 164(f); Schedule SE line 13',
      ),
      step3: f(
        'se.step3',
        'Net earnings for the plan (step 3)',
        solo.step3,
        'net profit − deductible half of SE tax',
        'IRS Pub 560 Deduction Worksheet step 3',
      ),
    },
  };
}
