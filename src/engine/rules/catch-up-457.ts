/**
 * The catch-up of a 457(b) plan: the age-50 (and ages 60-63) catch-up of IRC 414(v), in a
 * governmental plan only (414(v)(6)(A)(iii)); the special catch-up of the last three taxable
 * years ending before the year of the plan's normal retirement age, up to the 457(e)(15)
 * amount again or the limit left unused in prior years if less (IRC 457(b)(3)); whichever is
 * greater, never both (IRC 414(v)(6)(C); Treas. Reg. 1.457-4(c)(2)(ii), (c)(3)).
 */
import { formatUsd } from '../money.js';
import { rate, usd, type YearParameters } from '../params/index.js';
import { applyRate } from '../money.js';
import type { Plan } from '../scenario/schema.js';
import { catchUpLimit, type CatchUpLimit } from './catch-up.js';

/** The special catch-up alone: 0 outside the window (the years before normal retirement age). */
export function specialCatchUp457(
  p: YearParameters,
  plan: Pick<Plan, 'specialCatchUp'>,
  age: number,
): { readonly cents: number; readonly inWindow: boolean; readonly why: string } {
  const s = plan.specialCatchUp;
  if (!s) return { cents: 0, inWindow: false, why: 'no special catch-up elected' };
  const years = p.plan.special457CatchUpYears.value;
  const inWindow = age < s.normalRetirementAge && age >= s.normalRetirementAge - years;
  if (!inWindow) {
    return {
      cents: 0,
      inWindow,
      why: `age ${String(age)} at December 31 is not within the ${String(years)} years before normal retirement age ${String(s.normalRetirementAge)}: no special catch-up this year`,
    };
  }
  const base = usd(p.plan.deferral457Limit);
  // Up to twice the 457(e)(15) amount in all, so at most that amount again on top of it.
  const room = applyRate(base, rate(p.plan.special457CatchUpMultiple)) - base;
  const cents = Math.min(room, s.underusedLimit);
  return {
    cents,
    inWindow,
    why: `age ${String(age)} is within the ${String(years)} years before normal retirement age ${String(s.normalRetirementAge)}: up to the ${formatUsd(s.underusedLimit)} of limit unused in prior years, at most ${formatUsd(room)} more (${String(p.plan.special457CatchUpMultiple.value)} × the 457(e)(15) amount in all)`,
  };
}

/** The catch-up limit in a 457(b) plan for someone `age` at December 31. */
export function catchUp457(
  p: YearParameters,
  plan: Pick<Plan, 'governmental' | 'specialCatchUp' | 'superCatchUpAllowed'>,
  age: number,
): CatchUpLimit {
  const age50: CatchUpLimit = plan.governmental
    ? catchUpLimit(p, age, plan.superCatchUpAllowed)
    : {
        cents: 0,
        kind: 'none',
        why: 'the age-50 catch-up is for governmental 457(b) plans only',
        citation: 'IRC 414(v)(6)(A)(iii)',
      };
  const special = specialCatchUp457(p, plan, age);
  const cite = `${p.plan.special457CatchUpMultiple.citation}; IRC 414(v)(6)(C); Treas. Reg. 1.457-4(c)(2)(ii)`;
  if (special.cents > age50.cents) {
    return {
      cents: special.cents,
      kind: 'special-457',
      why: `${special.why}; greater than the age-50 catch-up (${formatUsd(age50.cents)}), and never both`,
      citation: cite,
    };
  }
  if (special.inWindow && special.cents > 0) {
    return {
      ...age50,
      why: `${age50.why}; the special catch-up (${formatUsd(special.cents)}) is not greater, and never both`,
      citation: `${age50.citation}; ${cite}`,
    };
  }
  return age50;
}
