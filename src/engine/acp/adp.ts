/**
 * The ADP analog of the correction (IRC 401(k)(8)(B)-(C); Reg. 1.401(k)-2(b)(2)): excess
 * contributions by ratio leveling of the HCEs' deferral ratios and their distribution by dollar
 * leveling — the same routine as the ACP correction (`levelExcess`).
 */
import type { Cents } from '../money.js';
import { levelExcess, type LevelingResult } from './leveling.js';
import { contributionRatioBps } from './ratios.js';

/** One HCE in an ADP correction: elective deferrals and compensation, cents. */
export interface AdpHce {
  readonly deferrals: Cents;
  readonly compensation: Cents;
}

/** Corrects HCE deferrals to a maximum HCE ADP (bps), in input order. */
export function correctAdp(hces: readonly AdpHce[], maxHceAdpBps: number): LevelingResult {
  const amounts = Float64Array.from(hces, (h) => h.deferrals);
  const compensations = Float64Array.from(hces, (h) => h.compensation);
  const ratios = Float64Array.from(hces, (h) => contributionRatioBps(h.deferrals, h.compensation));
  return levelExcess({ amounts, compensations, ratios, limitBps: maxHceAdpBps });
}
