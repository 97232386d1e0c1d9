/**
 * After-tax room and elections: the tightest 415(c) limit a plan is under, less every other
 * addition, then the plan's own cap (IRC 415(c)(1); plan terms).
 */
import { applyRate, formatUsd, percentRate } from '../money.js';
import { usd, type YearParameters } from '../params/index.js';
import { electedCents } from '../rules/election.js';
import type { Finding } from './report.js';
import type { Constraint, WorkPlan } from './work.js';
import { nonAfterTaxOf, usdCents } from './work.js';
import { capOf } from './limits-415c.js';

/** After-tax room: the tightest 415(c) constraint left after every other addition, then plan caps. */
export function settleAfterTax(
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
