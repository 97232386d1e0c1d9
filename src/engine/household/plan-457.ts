/**
 * A 457(b) plan in the household: outside 415(c) (a 457(b) plan is not a qualified plan, and
 * its deferrals are not annual additions of any 401(a) or 403(b) plan; IRC 415(a)(2), 457(b)),
 * with its own deferral limit beside 402(g) (IRC 457(e)(15), 457(c)), no after-tax money, and
 * the risk of a non-governmental plan: unfunded, the employer's assets open to its creditors
 * (IRC 457(b)(6)), and no rollover except to another such plan (IRC 457(e)(16) is for
 * governmental plans only).
 */
import { figure } from '../explain.js';
import { formatUsd } from '../money.js';
import { usd, type YearParameters } from '../params/index.js';
import type { CatchUpLimit } from '../rules/catch-up.js';
import type { Deferrals457Report, Finding } from './report.js';
import type { PlanState, Settled } from './work.js';
import { catchUpOf, regularOf } from './work.js';

export const C_457_OUTSIDE_415 = 'IRC 457(b)(2), 457(e)(15), 415(a)(2)';

/** The risk of a non-governmental (tax-exempt employer's) 457(b) plan, in words. */
export const NON_GOVERNMENTAL_RISK =
  "a non-governmental 457(b) plan is unfunded: the deferrals stay the employer's assets, open to its general creditors until paid (IRC 457(b)(6)), and they cannot be rolled over to an IRA or another employer's 401(k) or 403(b) (only governmental plans roll over, IRC 457(e)(16)); payment follows the plan's distribution terms";

/** The 457(b) plan settled: no employer money, no after-tax money, not under 415(c). */
export function settle457(p: YearParameters, w: PlanState): Settled<PlanState> {
  const findings: Finding[] = [];
  if (w.plan.governmental === false) {
    findings.push({
      severity: 'warning',
      path: `plans[${String(w.index)}].governmental`,
      message: `${w.plan.id}: ${NON_GOVERNMENTAL_RISK}`,
      fix: "weigh the employer's financial strength before deferring; the plan's deferrals are beside the 402(g) limit, not instead of it",
    });
  }
  return {
    value: {
      ...w,
      afterTaxRoom: 0,
      afterTax: 0,
      usedByOthers: 0,
      limit415c: 0,
      limitRule: `a 457(b) plan is not under 415(c): its deferrals have their own limit of ${formatUsd(usd(p.plan.deferral457Limit))} (the 457(e)(15) amount, or 100% of includible compensation if less), beside the 402(g) limit of 401(k) and 403(b) plans`,
    },
    findings,
  };
}

/** The person's 457(b) limit and what their 457(b) plans use of it. */
export function deferrals457Report(
  p: YearParameters,
  person: string,
  plans: readonly PlanState[],
  cu: CatchUpLimit,
): Deferrals457Report {
  const k = (name: string): string => `people.${person}.deferrals457.${name}`;
  const limit = usd(p.plan.deferral457Limit);
  const used = plans.reduce((a, w) => a + regularOf(w), 0);
  const cuUsed = plans.reduce((a, w) => a + catchUpOf(w), 0);
  return {
    limit: figure(
      k('limit'),
      '457(b) deferral limit',
      limit,
      "one limit per person across 457(b) plans, not shared with 401(k) or 403(b) deferrals, and outside 415(c); at most 100% of the plan's includible compensation",
      `${p.plan.deferral457Limit.citation}; IRC 457(c)`,
    ),
    catchUpLimit: figure(
      k('catchUpLimit'),
      '457(b) catch-up limit',
      cu.cents,
      cu.why || 'no catch-up in these 457(b) plans',
      cu.citation || 'IRC 414(v)(6)(A)(iii), 457(b)(3)',
    ),
    catchUpKind: cu.kind,
    used: figure(
      k('used'),
      '457(b) deferrals (without catch-up)',
      used,
      `pre-tax and Roth deferrals across ${String(plans.length)} 457(b) plan(s)`,
      `${p.plan.deferral457Limit.citation}; IRC 457(c)`,
    ),
    catchUpUsed: figure(
      k('catchUpUsed'),
      '457(b) catch-up used',
      cuUsed,
      'catch-up contributions across the 457(b) plans',
      cu.citation || 'IRC 414(v), 457(b)(3)',
    ),
    roomLeft: figure(
      k('roomLeft'),
      '457(b) deferral room left',
      limit - used,
      `457(b) limit ${formatUsd(limit)} − 457(b) deferrals ${formatUsd(used)}`,
      C_457_OUTSIDE_415,
      [k('limit'), k('used')],
    ),
  };
}
