/**
 * Elective deferrals: each plan's elections filled in order from the person's one 402(g) limit
 * and catch-up room (IRC 402(g)(1), 414(v)), a 457(b) plan's from the person's own 457(e)(15)
 * limit and its catch-up (IRC 457(b)(2), (b)(3), 457(c)), with the Roth catch-up rule
 * (414(v)(7)); and trimming them when a later limit binds, reporting numeric elections cut.
 */
import { formatUsd, type Cents } from '../money.js';
import { usd, type YearParameters } from '../params/index.js';
import { catchUpLimit, type CatchUpLimit } from '../rules/catch-up.js';
import { catchUp457 } from '../rules/catch-up-457.js';
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

/** The catch-up limit of a plan for someone `age` at December 31. */
export function planCatchUpLimit(p: YearParameters, w: PlanState, age: number): CatchUpLimit {
  return w.plan.type === '457b'
    ? catchUp457(p, w.plan, age)
    : catchUpLimit(p, age, w.plan.superCatchUpAllowed);
}

/** The limit a plan's deferrals are filled from, for messages. */
function limitText(p: YearParameters, w: PlanState): string {
  return w.plan.type === '457b'
    ? `the 457(b) limit of ${formatUsd(usd(p.plan.deferral457Limit))} is shared by this person's 457(b) plans only (${p.plan.deferral457Limit.citation})`
    : `the 402(g) limit of ${formatUsd(usd(p.plan.electiveDeferralLimit))} is shared by all of this person's plans (${C_402G})`;
}

/**
 * Fills one plan's deferral elections from the person's remaining room: the 402(g) limit and
 * catch-up, or for a 457(b) plan the 457(e)(15) limit and its catch-up.
 */
export function fillDeferrals(
  p: YearParameters,
  w: PlanState,
  age: number,
  room: DeferralRoom,
): Settled<{ readonly state: PlanState; readonly room: DeferralRoom }> {
  const findings: Finding[] = [];
  const { plan, job } = w;
  const at = `plans[${String(w.index)}]`;
  const cuLimit = planCatchUpLimit(p, w, age);
  const rule = rothCatchUpRule(p, {
    jobType: job.type,
    priorYearFicaWages: job.priorYearFicaWages,
    currentWages: jobPay(job),
  });
  // The special 457(b)(3) catch-up is not a 414(v) catch-up: the Roth rule does not reach it.
  const roth = cuLimit.kind === 'special-457' ? { ...rule, required: false } : rule;
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
        message: `${plan.id}: the ${d.type} election of ${formatUsd(requested)} is ${formatUsd(excess)} more than can go in: ${limitText(p, w)}${cuLimit.cents > 0 ? `, plus a catch-up of up to ${formatUsd(cuLimit.cents)}` : ''}${want > payLeft + regular + catchUp ? ', and deferrals cannot exceed pay' : ''}`,
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
  const catchUpCap = catchUpOk ? cuLimit.cents : 0;
  return {
    value: { state: { ...w, parts, catchUpCap }, room: { regularLeft, catchUpLeft } },
    findings,
  };
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
