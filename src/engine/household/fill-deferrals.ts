/**
 * Elective deferrals: each plan's elections filled in order from the person's one 402(g) limit
 * and catch-up room (IRC 402(g)(1), 414(v)), with the Roth catch-up rule (414(v)(7)); and
 * trimming them when a later limit binds, reporting numeric elections that were cut.
 */
import { formatUsd, type Cents } from '../money.js';
import { usd, type YearParameters } from '../params/index.js';
import { catchUpLimit } from '../rules/catch-up.js';
import { electedCents } from '../rules/election.js';
import { rothCatchUpRule } from '../rules/roth-catch-up.js';
import type { Finding } from './report.js';
import type { DeferralPart, PlanState, Settled } from './work.js';
import { C_402G, regularOf, catchUpOf, jobPay } from './work.js';

/** What is left of the person's 402(g) limit and catch-up limit. */
export interface DeferralRoom {
  readonly regularLeft: Cents;
  readonly catchUpLeft: Cents;
}

/** Fills one plan's deferral elections from the person's remaining 402(g) and catch-up room. */
export function fillDeferrals(
  p: YearParameters,
  w: PlanState,
  age: number,
  room: DeferralRoom,
): Settled<{ readonly state: PlanState; readonly room: DeferralRoom }> {
  const findings: Finding[] = [];
  const { plan, job } = w;
  const at = `plans[${String(w.index)}]`;
  const cuLimit = catchUpLimit(p, age, plan.superCatchUpAllowed);
  const roth = rothCatchUpRule(p, {
    jobType: job.type,
    priorYearFicaWages: job.priorYearFicaWages,
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
  let { regularLeft, catchUpLeft } = room;
  const parts: DeferralPart[] = [];
  plan.deferrals.forEach((d, k) => {
    const path = `${at}.deferrals[${String(k)}].amount`;
    const requested: Cents | 'max' =
      d.amount === 'max' ? 'max' : electedCents(d.amount, 0, w.formulaComp);
    const want = requested === 'max' ? Number.MAX_SAFE_INTEGER : requested;
    const take = Math.min(want, payLeft);
    const regular = Math.min(take, regularLeft);
    const cuRoom = catchUpOk ? Math.min(catchUpLeft, planCuLeft) : 0;
    const catchUp = Math.min(take - regular, cuRoom);
    regularLeft -= regular;
    catchUpLeft -= catchUp;
    planCuLeft -= catchUp;
    payLeft -= regular + catchUp;
    const catchUpType = roth.required ? 'roth' : d.type;
    parts.push({ type: d.type, regular, catchUp, catchUpType, requested, path });
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
  return { value: { state: { ...w, parts }, room: { regularLeft, catchUpLeft } }, findings };
}

/** Reduces deferral parts (last first) to the allowed totals, reporting numeric elections cut. */
export function trimDeferrals(
  w: PlanState,
  regularAllowed: Cents,
  catchUpAllowed: Cents,
  because: string,
): Settled<PlanState> {
  const findings: Finding[] = [];
  let overR = regularOf(w) - regularAllowed;
  let overC = catchUpOf(w) - catchUpAllowed;
  const parts = [...w.parts];
  for (let k = parts.length - 1; k >= 0; k--) {
    const d = parts[k];
    if (!d) continue;
    const cutC = Math.min(Math.max(0, overC), d.catchUp);
    const cutR = Math.min(Math.max(0, overR), d.regular);
    if (cutC === 0 && cutR === 0) continue;
    const cut = { ...d, catchUp: d.catchUp - cutC, regular: d.regular - cutR };
    parts[k] = cut;
    overC -= cutC;
    overR -= cutR;
    if (d.requested !== 'max') {
      findings.push({
        severity: 'error',
        path: d.path,
        message: `${w.plan.id}: ${formatUsd(cutC + cutR)} of this ${d.type} election cannot go in because of ${because}`,
        fix: `reduce the election to ${formatUsd(cut.regular + cut.catchUp)}`,
      });
    }
  }
  return { value: { ...w, parts }, findings };
}
