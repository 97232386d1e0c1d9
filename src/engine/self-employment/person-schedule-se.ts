/**
 * One Schedule SE per person over all of the person's self-employment (every Schedule C and
 * partnership K-1 adds to line 3), and its tax apportioned to each business in proportion to
 * the business's net earnings, so each business's Pub 560 worksheet takes its own share of the
 * deduction for half of SE tax (IRC 1402(a), 1401, 164(f); Schedule SE instructions, line 2:
 * "combine" the net profit of all trades or businesses; IRS Pub 560 ch. 5, Step 2).
 *
 * A business with a loss reduces line 3 (and so everybody's tax) and takes no share; the shares
 * are split with `allocate`, so they add back exactly to lines 6, 12 and 13.
 */
import { allocate, type Cents } from '../money.js';
import type { YearParameters } from '../params/index.js';
import type { FilingStatus } from '../tax/filing-status.js';
import { scheduleSe, type ScheduleSe } from './schedule-se.js';

export interface Business {
  /** The business's id (a job id). */
  readonly id: string;
  /** Schedule C line 31 or K-1 box 14 code A; may be negative (a loss). */
  readonly netProfit: Cents;
}

/** One business's part of the person's Schedule SE. */
export interface SeShare {
  readonly business: string;
  /** The business's share of Schedule SE line 6 (net earnings from self-employment). */
  readonly netEarnings: Cents;
  /** The business's share of Schedule SE line 12 (SE tax). */
  readonly seTax: Cents;
  /** The business's share of Schedule SE line 13: Pub 560 Step 2 for this business. */
  readonly deduction: Cents;
}

export interface PersonScheduleSe {
  /** The one Schedule SE, on the combined net profit. */
  readonly scheduleSe: ScheduleSe;
  /** One share per business, in the order given; they add up to lines 6, 12 and 13. */
  readonly shares: readonly SeShare[];
  /** How many businesses the Schedule SE combines. */
  readonly businesses: number;
}

export interface PersonScheduleSeInput {
  readonly businesses: readonly Business[];
  /** W-2 box 3 wages of the person's jobs (Schedule SE line 8a). */
  readonly w2SocialSecurityWages: Cents;
  /** W-2 box 5 wages of the person's jobs (Form 8959 line 1). */
  readonly w2MedicareWages: Cents;
  readonly filingStatus: FilingStatus;
}

/** The person's Schedule SE on every business's net profit, and each business's share. */
export function personScheduleSe(p: YearParameters, i: PersonScheduleSeInput): PersonScheduleSe {
  const netProfit = i.businesses.reduce((a, b) => a + b.netProfit, 0);
  const se = scheduleSe(p, {
    netProfit,
    w2SocialSecurityWages: i.w2SocialSecurityWages,
    w2MedicareWages: i.w2MedicareWages,
    filingStatus: i.filingStatus,
  });
  // Net earnings of each business are in proportion to its (positive) net profit: line 4a is
  // one factor times the combined profit.
  const weights = i.businesses.map((b) => Math.max(0, b.netProfit));
  const split = (total: Cents): Cents[] =>
    weights.some((w) => w > 0) ? allocate(total, weights) : weights.map(() => 0);
  const earnings = split(se.line6NetEarnings);
  const tax = split(se.line12SeTax);
  const deduction = split(se.line13Deduction);
  return {
    scheduleSe: se,
    shares: i.businesses.map((b, k) => ({
      business: b.id,
      netEarnings: earnings[k] ?? 0,
      seTax: tax[k] ?? 0,
      deduction: deduction[k] ?? 0,
    })),
    businesses: i.businesses.length,
  };
}
