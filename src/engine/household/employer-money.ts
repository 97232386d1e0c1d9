/**
 * Employer money in each plan: match and nonelective contributions on pay capped at 401(a)(17),
 * the owner's contribution in a solo plan (Pub 560 or 25% of W-2 wages), then the 415(c) check
 * that cuts deferrals or stops the allocation at the limit.
 */
import { applyRate, formatUsd, type Cents } from '../money.js';
import { rate, type YearParameters } from '../params/index.js';
import { ageAtYearEnd } from '../rules/age.js';
import { electedCents } from '../rules/election.js';
import { matchFor } from '../rules/match.js';
import { formulaCompensation } from '../rules/plan-compensation.js';
import { selfEmployedOwner, type OwnerResult } from '../rules/self-employed-owner.js';
import { wageOwnerContribution } from '../rules/wage-owner-contribution.js';
import type { Election, Scenario } from '../scenario/schema.js';
import type { EmployerElection } from '../self-employment/pub560-deduction-worksheet.js';
import { FULL_PRECISION } from '../self-employment/pub560-rate.js';
import type { Finding } from './report.js';
import type { Constraint, HouseholdOptions, PlanState, Settled, States } from './work.js';
import { regularOf, catchUpOf, nonAfterTaxOf, withState } from './work.js';
import { trimDeferrals } from './fill-deferrals.js';
import { personSeOf } from './person-se.js';
import { asCatchUp, catchUpOverLimitFinding, catchUpRoomFor } from './catch-up-over-limit.js';
import { dollarRoomFor } from './limits-415c.js';

/** Match and nonelective money (W-2 plans), or the owner's contribution (solo plans); then 415(c). */
export function settleEmployerMoney(
  p: YearParameters,
  s: Scenario,
  w: PlanState,
  states: States,
  constraints: readonly Constraint[],
  options: HouseholdOptions,
  personCatchUpLimit: Cents,
): Settled<PlanState> {
  const { plan, job } = w;
  const at = `plans[${String(w.index)}]`;
  // Deferrals a 415(c) limit would cut can be catch-ups, up to this much (IRC 414(v)(1)).
  const movable = Math.min(regularOf(w), catchUpRoomFor(w, states, personCatchUpLimit));
  if (plan.type === 'solo-401k' && job.type === 'schedule-c') {
    return settleOwner(p, s, w, states, constraints, options, movable);
  }
  const findings: Finding[] = [];
  const room = (x: PlanState): { dollars: Cents; cap: Cents } =>
    dollarRoomFor(p, x, withState(states, x), constraints);
  const matchOf = (regular: Cents, cu: Cents): Cents =>
    matchFor(
      plan.match,
      regular + (plan.matchesCatchUp ? cu : 0),
      w.formulaComp,
      plan.matchCapAmount,
    );
  let nonelective: Cents;
  if (plan.type === 'solo-401k') {
    const e = plan.employerContribution ?? 'max';
    const owner = wageOwnerContribution({
      formulaCompensation: w.formulaComp,
      planRate: plan.planRate ?? rate(p.plan.profitSharingDeductionRate),
      // Deferrals over 415(c) become catch-ups, so the employer may use that room too.
      roomAfterDeferrals: room(w).cap - regularOf(w) + movable,
      elected: e === 'max' ? 'max' : electedCents(e, 0, w.formulaComp),
    });
    nonelective = owner.contribution;
    if (owner.excess > 0) {
      findings.push({
        severity: 'error',
        path: `${at}.employerContribution`,
        message: `${plan.id}: the employer contribution of ${formatUsd(owner.contribution + owner.excess)} is more than the ${formatUsd(owner.max)} allowed (the plan rate of W-2 wages, 404(a)(3); 415(c))`,
        fix: `reduce it to ${formatUsd(owner.max)}`,
      });
    }
  } else {
    nonelective = applyRate(w.formulaComp, plan.nonelectivePercent) + (plan.nonelectiveAmount ?? 0);
  }
  const withEmployer: PlanState = {
    ...w,
    nonelective,
    match: matchOf(regularOf(w), catchUpOf(w)),
  };
  // 415(c): deferrals + employer money may not exceed the cap. Deferrals over it are catch-ups
  // as far as the catch-up room goes (IRC 414(v)(1)); the rest is cut.
  const cap = room(withEmployer).cap;
  if (nonAfterTaxOf(withEmployer) <= cap) return { value: withEmployer, findings };
  const regular = regularOf(w);
  const cuWith = (mid: Cents): Cents => catchUpOf(w) + Math.min(regular - mid, movable);
  let lo = 0;
  let hi = regular;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (mid + matchOf(mid, cuWith(mid)) + nonelective <= cap) lo = mid;
    else hi = mid - 1;
  }
  const moved = Math.min(regular - lo, movable);
  const recharacterized = asCatchUp(withEmployer, moved);
  if (moved > 0) {
    findings.push(
      catchUpOverLimitFinding(w, moved, `the 415(c) limit of ${formatUsd(Math.max(0, cap))}`),
    );
  }
  const trimmed = trimDeferrals(
    recharacterized,
    lo,
    catchUpOf(recharacterized),
    `the 415(c) limit of ${formatUsd(Math.max(0, cap))} for this employer`,
  );
  findings.push(...trimmed.findings);
  const cut = trimmed.value;
  const match = matchOf(regularOf(cut), catchUpOf(cut));
  if (nonelective + match <= cap) return { value: { ...cut, match }, findings };
  // Employer money alone is over the limit: the plan's 415 provision stops the allocation at
  // the limit (IRC 415(c); Treas. Reg. 1.415(c)-1), nonelective first, then match.
  const allowed = Math.max(0, cap);
  const ne = Math.min(nonelective, allowed);
  const m = Math.min(match, allowed - ne);
  findings.push({
    severity: 'warning',
    path: at,
    message: `${plan.id}: the plan's employer money of ${formatUsd(nonelective + match)} is more than the 415(c) limit of ${formatUsd(allowed)}; only ${formatUsd(ne + m)} can be allocated`,
    fix: 'the plan limits the allocation under its 415 provision; nothing is left for deferrals or after-tax money',
  });
  return { value: { ...cut, nonelective: ne, match: m }, findings };
}

/** The worksheet's employer election from the scenario's (a percent applies to Step 3). */
function employerElectionOf(e: Election): EmployerElection {
  if (e === 'max') return 'max';
  if (typeof e === 'number') return { amount: e };
  return { rateOfNetEarnings: e.percent };
}

/**
 * The owner of a Schedule C business: Schedule SE and the Pub 560 worksheet on the 415(c) dollar
 * room the person's other plans leave, then the 415(c) limit with compensation (the combined
 * limit of an aggregated 403(b)): deferrals keep their place and the employer contribution
 * gives way, as worksheet Step 10 orders them.
 */
function settleOwner(
  p: YearParameters,
  s: Scenario,
  w: PlanState,
  states: States,
  constraints: readonly Constraint[],
  options: HouseholdOptions,
  movable: Cents,
): Settled<PlanState> {
  const { plan, job } = w;
  const at = `plans[${String(w.index)}]`;
  const findings: Finding[] = [];
  const personSe = personSeOf(p, s, w.person);
  const share = personSe?.shares.find((x) => x.business === job.id);
  if (!personSe || !share) throw new Error(`job ${job.id} is not on a Schedule SE`);
  // A cash balance plan of the same business: its deductible contribution for the owner comes
  // out of the earned income the 401(k) contribution is figured on (IRS Pub 560 ch. 5,
  // "compensation ... reduced by the deduction for contributions to your own plan"; IRC
  // 401(c)(2)(A)(v), 404(a)(8)(D)).
  const cb = plan.cashBalance;
  const dbDeduction = cb ? Math.min(cb.contribution, cb.maximumDeductible ?? cb.contribution) : 0;
  if (dbDeduction > 0) {
    findings.push({
      severity: 'info',
      path: `${at}.cashBalance.contribution`,
      message: `${plan.id}: the cash balance contribution of ${formatUsd(dbDeduction)} for the owner reduces the earned income the 401(k) contribution is figured on (Pub 560 Step 1 is the net profit less it; IRC 401(c)(2)(A)(v), 404(a)(8)(D))`,
    });
  }
  const owner = (x: PlanState, employerElection: EmployerElection): OwnerResult =>
    selfEmployedOwner(p, {
      netProfit: (job.netProfit ?? 0) - dbDeduction,
      personSe,
      share,
      planRate: plan.planRate ?? rate(p.plan.profitSharingDeductionRate),
      rateRounding: options.rateRounding ?? FULL_PRECISION,
      regularDeferrals: regularOf(x),
      catchUp: catchUpOf(x),
      rothDeferrals: x.parts.reduce(
        (a, d) =>
          a + (d.type === 'roth' ? d.regular : 0) + (d.catchUpType === 'roth' ? d.catchUp : 0),
        0,
      ),
      dollarLimit: Math.max(0, dollarRoomFor(p, x, states, constraints).dollars),
      employerElection,
      age: ageAtYearEnd(s.people.find((y) => y.id === w.person)?.birthDate ?? '', s.taxYear),
    });
  /** The plan with the owner's figures: deferrals the worksheet allows, Step 13, compensation. */
  const settle = (x: PlanState, o: OwnerResult): PlanState => {
    const ws = o.worksheet;
    const trimmed = trimDeferrals(
      x,
      ws.step15Deferrals,
      ws.step18CatchUp,
      'the Pub 560 worksheet (100% of earned income)',
    );
    findings.push(...trimmed.findings);
    return {
      ...trimmed.value,
      owner: o,
      nonelective: ws.step13EmployerContribution,
      compensation: ws.compensation,
      formulaComp: formulaCompensation(p, ws.compensation),
    };
  };
  const first = owner(w, employerElectionOf(plan.employerContribution ?? 'max'));
  const settled = settle(w, first);
  if (first.worksheet.electionExcess > 0) {
    findings.push({
      severity: 'error',
      path: `${at}.employerContribution`,
      message: `${plan.id}: the employer contribution elected is ${formatUsd(first.worksheet.electionExcess)} more than the deductible maximum of ${formatUsd(first.worksheet.maxEmployerContribution)} (Pub 560 Deduction Worksheet)`,
      fix: `reduce it to ${formatUsd(first.worksheet.maxEmployerContribution)}`,
    });
  }
  // 415(c) with compensation: the worksheet knew only the dollar room. Deferrals keep their
  // place (Step 10 is the room after them); the employer contribution gives way first.
  const cap = Math.max(0, dollarRoomFor(p, settled, withState(states, settled), constraints).cap);
  if (nonAfterTaxOf(settled) <= cap) return { value: settled, findings };
  const regular = Math.min(regularOf(settled), cap);
  // Deferrals over the limit are catch-ups as far as the catch-up room goes (IRC 414(v)(1)).
  const moved = Math.min(regularOf(settled) - regular, movable);
  if (moved > 0) {
    findings.push(catchUpOverLimitFinding(w, moved, `the 415(c) limit of ${formatUsd(cap)}`));
  }
  const recharacterized = asCatchUp(settled, moved);
  const trimmed = trimDeferrals(
    recharacterized,
    regular,
    catchUpOf(recharacterized),
    `the 415(c) limit of ${formatUsd(cap)}`,
  );
  findings.push(...trimmed.findings);
  const employer = Math.min(settled.nonelective, cap - regular);
  if (employer >= settled.nonelective && moved === 0) return { value: trimmed.value, findings };
  return { value: settle(trimmed.value, owner(trimmed.value, { amount: employer })), findings };
}
