/**
 * Employer money in each plan: match and nonelective contributions on pay capped at 401(a)(17),
 * the owner's contribution in a solo plan (Pub 560 or 25% of W-2 wages), then the 415(c) check
 * that cuts deferrals or stops the allocation at the limit.
 */
import { applyRate, formatUsd, percentRate, type Cents } from '../money.js';
import { type YearParameters } from '../params/index.js';
import { ageAtYearEnd } from '../rules/age.js';
import { electedCents } from '../rules/election.js';
import { matchFor } from '../rules/match.js';
import { formulaCompensation } from '../rules/plan-compensation.js';
import { selfEmployedOwner } from '../rules/self-employed-owner.js';
import type { Scenario } from '../scenario/schema.js';
import type { Finding } from './report.js';
import type { Constraint, WorkPlan } from './work.js';
import { regularOf, catchUpOf, nonAfterTaxOf, usdCents } from './work.js';
import { trimDeferrals } from './fill-deferrals.js';
import { dollarRoomFor } from './limits-415c.js';

/** Match and nonelective money (W-2 plans), or the owner's contribution (solo plans); then 415(c). */
export function settleEmployerMoney(
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
