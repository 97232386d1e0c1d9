/**
 * The trade-off inside a solo plan: each dollar of deductible employer contribution lowers the
 * owner's compensation (IRC 401(c)(2)) and uses 415(c) room that after-tax money could take.
 * Reports both ends — the maximum employer contribution, and none with the most after-tax
 * money — with the total that goes in and the deduction.
 *
 * When are they worth the same? Moving a dollar from employer money to after-tax money gives
 * up a deduction worth the marginal rate t today and gains a dollar that is never taxed again,
 * instead of a dollar taxed at the rate r when withdrawn. With the same total in, the two ends
 * are worth the same when t = r: the employer end wins when today's marginal rate is above the
 * expected rate in retirement. Extra room at the no-employer end (when the 100%-of-compensation
 * limit binds) adds after-tax dollars that grow tax-free.
 */
import { figure } from '../explain.js';
import type { PlanReport, TradeOff } from '../household/report.js';
import { formatUsd, type Cents } from '../money.js';

export interface TradeOffEnds {
  readonly employer: Cents;
  readonly afterTaxRoom: Cents;
  readonly deferrals: Cents;
  readonly preTaxDeferrals: Cents;
}

/** Both ends, from the plan as computed (max employer) and the same plan with none. */
export function soloTradeOff(key: string, maxEnd: TradeOffEnds, noEnd: TradeOffEnds): TradeOff {
  const cite = 'IRS Pub 560 ch. 5; IRC 404(a)(8), 415(c), 401(c)(2)';
  const end = (name: string, e: TradeOffEnds): TradeOff['maxEmployer'] => ({
    employerContribution: figure(
      `${key}.${name}.employerContribution`,
      'Employer contribution',
      e.employer,
      'deductible employer (profit-sharing) contribution for the owner',
      cite,
    ),
    afterTaxRoom: figure(
      `${key}.${name}.afterTaxRoom`,
      'After-tax room',
      e.afterTaxRoom,
      '415(c) room left after deferrals and employer money',
      cite,
    ),
    total: figure(
      `${key}.${name}.total`,
      'Total in',
      e.deferrals + e.employer + e.afterTaxRoom,
      'deferrals (with catch-up) + employer contribution + after-tax room',
      cite,
    ),
    deduction: figure(
      `${key}.${name}.deduction`,
      'Deduction',
      e.employer + e.preTaxDeferrals,
      'employer contribution + pre-tax deferrals (Schedule 1 line 16)',
      cite,
    ),
  });
  const maxEmployer = end('maxEmployer', maxEnd);
  const noEmployer = end('noEmployer', noEnd);
  const extra = noEmployer.total.cents - maxEmployer.total.cents;
  const explanation =
    maxEnd.employer === 0
      ? 'there is no employer contribution to trade for after-tax room'
      : `moving the ${formatUsd(maxEnd.employer)} employer contribution to after-tax money gives up that deduction; ` +
        `with the same total in, the two ends are worth the same when your marginal rate today equals your expected rate in retirement (break-even: today's rate = retirement rate). ` +
        `Above it the employer contribution wins; below it the after-tax (Roth) end wins` +
        (extra > 0
          ? `. The no-employer end also fits ${formatUsd(extra)} more in total, because a smaller contribution leaves more compensation for the 100%-of-compensation limit`
          : '');
  return { maxEmployer, noEmployer, breakEvenRate: null, explanation };
}

/** The ends from two computed reports of the same plan. */
export function endsOf(r: PlanReport): TradeOffEnds {
  return {
    employer: r.nonelective.cents,
    afterTaxRoom: r.afterTaxRoom.cents,
    deferrals: r.deferralPreTax.cents + r.deferralRoth.cents + r.catchUp.cents,
    preTaxDeferrals: r.deferralPreTax.cents + (r.catchUpType === 'pre-tax' ? r.catchUp.cents : 0),
  };
}
