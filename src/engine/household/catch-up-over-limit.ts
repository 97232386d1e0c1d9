/**
 * Deferrals over a statutory limit — 415(c) included — by a participant eligible for catch-ups
 * are catch-up contributions, up to the catch-up room left, instead of excess deferrals (IRC
 * 414(v)(1), (3)(A); Treas. Reg. 1.414(v)-1(b)(1)(i)): the part of the deferrals a 415(c) limit
 * would cut is moved from regular deferrals to catch-ups, last election first.
 */
import { formatUsd, type Cents } from '../money.js';
import type { Finding } from './report.js';
import type { PlanState, States } from './work.js';
import { catchUpOf } from './work.js';

export const C_CATCH_UP_OVER_LIMIT = 'IRC 414(v)(1), 414(v)(3)(A); Treas. Reg. 1.414(v)-1(b)(1)(i)';

/**
 * Catch-up room left for plan `w`: its own catch-up limit less its catch-ups, and the person's
 * limit less the catch-ups of all their plans under it (457(b) plans have their own).
 */
export function catchUpRoomFor(w: PlanState, states: States, personLimit: Cents): Cents {
  const pool = [...states.values()].filter(
    (o) => o.person === w.person && (o.plan.type === '457b') === (w.plan.type === '457b'),
  );
  const used = pool.reduce((a, o) => a + (o.index === w.index ? catchUpOf(w) : catchUpOf(o)), 0);
  return Math.max(0, Math.min(w.catchUpCap - catchUpOf(w), personLimit - used));
}

/** Moves `amount` of regular deferrals to catch-ups (last election first). */
export function asCatchUp(w: PlanState, amount: Cents): PlanState {
  let left = amount;
  const parts = [...w.parts];
  for (let k = parts.length - 1; k >= 0 && left > 0; k--) {
    const d = parts[k];
    if (!d) continue;
    const move = Math.min(left, d.regular);
    parts[k] = { ...d, regular: d.regular - move, catchUp: d.catchUp + move };
    left -= move;
  }
  return { ...w, parts };
}

/** The finding that says deferrals over 415(c) were made catch-ups. */
export function catchUpOverLimitFinding(w: PlanState, moved: Cents, limit: string): Finding {
  return {
    severity: 'info',
    path: `plans[${String(w.index)}].deferrals`,
    message: `${w.plan.id}: ${formatUsd(moved)} of the deferrals is over ${limit}, so it is a catch-up contribution, not an excess deferral: deferrals over a statutory limit by a participant eligible for catch-ups are catch-ups (${C_CATCH_UP_OVER_LIMIT})`,
  };
}
