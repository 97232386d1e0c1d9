/**
 * The trade-off inside a solo plan: each dollar of deductible employer contribution lowers the
 * owner's compensation (IRC 401(c)(2)) and uses 415(c) room that after-tax money could take.
 * Reports both ends — the maximum employer contribution, and none with the most after-tax
 * money — with the total that goes in and the deduction.
 *
 * Which end is worth more is a projection, not a rule: moving a dollar from employer money to
 * after-tax money gives up a deduction worth the marginal rate today (whose saving, invested,
 * is taxed as it earns) and gains a dollar never taxed again instead of one taxed when
 * withdrawn. The break-even retirement rate is stated once, by "what it's worth"
 * (`project/trade-offs.ts`). Extra room at the no-employer end (when the 100%-of-compensation
 * limit binds) adds after-tax dollars that grow tax-free.
 */
import { figure } from '../explain.js';
import type { PlanReport, TradeOff, TradeOffEnd } from '../household/report.js';
import { formatUsd, type Cents } from '../money.js';

export interface TradeOffEnds {
  readonly employer: Cents;
  /** Elective deferrals without catch-up. */
  readonly deferrals: Cents;
  readonly catchUp: Cents;
  readonly compensation: Cents;
  /** The plan's 415(c) limit less other plans' additions under it. */
  readonly roomForThisPlan: Cents;
  readonly afterTaxRoom: Cents;
  /** Pre-tax deferrals and pre-tax catch-ups (deductible). */
  readonly preTaxDeferrals: Cents;
}

/** Both ends, from the plan as computed (max employer) and the same plan with none. */
export function soloTradeOff(key: string, maxEnd: TradeOffEnds, noEnd: TradeOffEnds): TradeOff {
  const cite = 'IRS Pub 560 ch. 5; IRC 404(a)(8), 415(c), 401(c)(2)';
  const end = (name: string, e: TradeOffEnds): TradeOffEnd => {
    const k = (field: string): string => `${key}.${name}.${field}`;
    return {
      employerContribution: figure(
        k('employerContribution'),
        'Employer contribution',
        e.employer,
        name === 'noEmployer'
          ? 'none, by choice: the other end of the trade-off'
          : 'the most deductible employer (profit-sharing) contribution for the owner',
        cite,
      ),
      deferrals: figure(
        k('deferrals'),
        'Elective deferrals',
        e.deferrals,
        'the 402(g) limit left after other plans, at most compensation',
        'IRC 402(g)(1); Pub 560 Deduction Worksheet Steps 9 and 15',
      ),
      catchUp: figure(
        k('catchUp'),
        'Catch-up',
        e.catchUp,
        'the catch-up limit for the age left after other plans, at most compensation left; outside 415(c)',
        'IRC 414(v)(2), 414(v)(3)(A); Pub 560 Steps 16-18',
      ),
      compensation: figure(
        k('compensation'),
        'Compensation',
        e.compensation,
        'for a self-employed owner net earnings less half of SE tax less the employer contribution; for an employee the W-2 pay',
        'IRC 401(c)(2), 415(c)(3)',
      ),
      roomForThisPlan: figure(
        k('roomForThisPlan'),
        '415(c) room for this plan',
        e.roomForThisPlan,
        "the tightest 415(c) limit over this plan (the lesser of the dollar limit and 100% of compensation) less the other plans' additions under it",
        'IRC 415(c)(1); Treas. Reg. 1.415(f)-1',
      ),
      afterTaxRoom: figure(
        k('afterTaxRoom'),
        'After-tax room',
        e.afterTaxRoom,
        `415(c) room ${formatUsd(e.roomForThisPlan)} − employer ${formatUsd(e.employer)} − deferrals ${formatUsd(e.deferrals)}, not below zero`,
        'IRC 415(c)(1), 415(c)(2)',
        [k('roomForThisPlan'), k('employerContribution'), k('deferrals')],
      ),
      total: figure(
        k('total'),
        'Total in',
        e.deferrals + e.catchUp + e.employer + e.afterTaxRoom,
        'employer contribution + deferrals + catch-up + after-tax room',
        'IRC 415(c)(2), 414(v)(3)(A)',
        [k('employerContribution'), k('deferrals'), k('catchUp'), k('afterTaxRoom')],
      ),
      deduction: figure(
        k('deduction'),
        'Deduction',
        e.employer + e.preTaxDeferrals,
        'employer contribution + pre-tax deferrals and catch-ups (Roth and after-tax money are not deducted)',
        'IRS Pub 560 Step 21; Schedule 1 line 16; IRC 404(a)(8)',
        [k('employerContribution'), k('deferrals'), k('catchUp')],
      ),
    };
  };
  const maxEmployer = end('maxEmployer', maxEnd);
  const noEmployer = end('noEmployer', noEnd);
  const extra = noEmployer.total.cents - maxEmployer.total.cents;
  const explanation =
    maxEnd.employer === 0
      ? 'there is no employer contribution to trade for after-tax room'
      : `moving the ${formatUsd(maxEnd.employer)} employer contribution to after-tax money gives up that deduction; ` +
        `with the same total in the plan, the employer end costs less take-home pay (the tax it saves) and is taxed when withdrawn, while after-tax money reaching Roth is never taxed again. ` +
        `Which is ahead depends on today's marginal rate, the rate in retirement and what the tax saved earns: megaroth plan states the break-even retirement rate under "What it's worth" (employer contribution vs after-tax money)` +
        (extra > 0
          ? `. The no-employer end also fits ${formatUsd(extra)} more in total, because a smaller contribution leaves more compensation for the 100%-of-compensation limit`
          : '');
  return { maxEmployer, noEmployer, explanation };
}

/** The ends from two computed reports of the same plan. */
export function endsOf(r: PlanReport): TradeOffEnds {
  return {
    employer: r.nonelective.cents,
    deferrals: r.deferralPreTax.cents + r.deferralRoth.cents,
    catchUp: r.catchUp.cents,
    compensation: r.compensation.cents,
    roomForThisPlan: r.limit415c.cents - r.otherPlansUnderLimit.cents,
    afterTaxRoom: r.afterTaxRoom.cents,
    preTaxDeferrals: r.deferralPreTax.cents + (r.catchUpType === 'pre-tax' ? r.catchUp.cents : 0),
  };
}
