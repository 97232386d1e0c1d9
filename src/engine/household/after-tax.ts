/**
 * After-tax room and elections: the tightest 415(c) limit a plan is under, less every other
 * addition, then the plan's own cap (IRC 415(c)(1); plan terms).
 */
import { applyRate, formatUsd } from '../money.js';
import { usd, type YearParameters } from '../params/index.js';
import { electedCents } from '../rules/election.js';
import type { Constraint, PlanState, Settled, States } from './work.js';
import { nonAfterTaxOf } from './work.js';
import { capOf, othersIn } from './limits-415c.js';

/** After-tax room: the tightest 415(c) constraint left after every other addition, then plan caps. */
export function settleAfterTax(
  p: YearParameters,
  w: PlanState,
  states: States,
  constraints: readonly Constraint[],
): Settled<PlanState> {
  let room = Number.MAX_SAFE_INTEGER;
  let binding: Constraint | undefined;
  let usedByOthers = 0;
  for (const c of constraints.filter((x) => x.plans.includes(w.index))) {
    const others = othersIn(c, w, states).reduce((a, o) => a + nonAfterTaxOf(o) + o.afterTax, 0);
    const left = capOf(p, c, states) - nonAfterTaxOf(w) - others;
    if (left < room) {
      room = left;
      binding = c;
      usedByOthers = others;
    }
  }
  const limits = {
    usedByOthers,
    limit415c: binding ? capOf(p, binding, states) : usd(p.plan.annualAdditionsLimit),
    limitRule: binding ? binding.why : '',
  };
  const a = w.plan.afterTax;
  if (!a.allowed) {
    return { value: { ...w, ...limits, afterTaxRoom: 0, afterTax: 0 }, findings: [] };
  }
  let afterTaxRoom = Math.max(0, room);
  if (a.capPercent !== undefined)
    afterTaxRoom = Math.min(afterTaxRoom, applyRate(w.formulaComp, a.capPercent));
  if (a.capAmount !== undefined) afterTaxRoom = Math.min(afterTaxRoom, a.capAmount);
  const want = electedCents(a.amount ?? 'max', afterTaxRoom, w.formulaComp);
  const value = { ...w, ...limits, afterTaxRoom, afterTax: Math.min(want, afterTaxRoom) };
  if (want <= afterTaxRoom) return { value, findings: [] };
  return {
    value,
    findings: [
      {
        severity: 'error',
        path: `plans[${String(w.index)}].afterTax.amount`,
        message: `${w.plan.id}: the after-tax election of ${formatUsd(want)} is ${formatUsd(want - afterTaxRoom)} more than the after-tax room of ${formatUsd(afterTaxRoom)}`,
        fix: `reduce it to ${formatUsd(afterTaxRoom)}; excess annual additions must be corrected (IRC 415(c); EPCRS)`,
      },
    ],
  };
}
