/**
 * What took a plan's after-tax room when none is left: the plan's own cap on after-tax money, or
 * the 415(c) limit — its dollar limit (IRC 415(c)(1)(A)) or 100% of compensation (IRC
 * 415(c)(1)(B)) — and what used it (this plan's deferrals and employer money, the other plans
 * under the same limit).
 */
import { formatUsd, ratePercent } from '../money.js';
import { usd, type YearParameters } from '../params/index.js';
import { nonAfterTaxOf, type PlanState } from './work.js';

/** The limit that left `w` no after-tax room, in words, with the amounts that used it. */
export function noRoomBecause(p: YearParameters, w: PlanState): string {
  const own = nonAfterTaxOf(w);
  const left = w.limit415c - own - w.usedByOthers;
  if (left > 0) {
    const a = w.plan.afterTax;
    const caps = [
      ...(a.capPercent === undefined ? [] : [`${String(ratePercent(a.capPercent))}% of pay`]),
      ...(a.capAmount === undefined ? [] : [formatUsd(a.capAmount)]),
    ];
    return `the plan's own cap on after-tax money (${caps.join(', ')}) allows none, though 415(c) leaves ${formatUsd(left)}`;
  }
  const dollar = usd(p.plan.annualAdditionsLimit);
  const limit =
    w.limit415c < dollar
      ? `the 415(c) limit of 100% of compensation, ${formatUsd(w.limit415c)} (IRC 415(c)(1)(B))`
      : `the 415(c) dollar limit of ${formatUsd(w.limit415c)} (IRC 415(c)(1)(A))`;
  const users = [
    ...(own > 0 ? [`${formatUsd(own)} of this plan's deferrals and employer money`] : []),
    ...(w.usedByOthers > 0
      ? [`${formatUsd(w.usedByOthers)} of the other plans under the same limit`]
      : []),
  ];
  return `${limit} is used up${users.length > 0 ? ` by ${users.join(' and ')}` : ''}`;
}
