/**
 * The figures of a plan distribution with the rule and citation behind each: the pre-tax and
 * basis parts (IRC 72(e)(8) or 72(d)(2)), where each lands (Notice 2014-54, IRC 402(c)(2)), the
 * taxable amount and the 20% withholding (IRC 3405(c)).
 */
import { figure, type Figure } from '../explain.js';
import { formatUsd, type Cents } from '../money.js';
import type { DistributionAllocation } from './destinations.js';
import type { PlanAccount } from './prorata.js';

/** Explains a distribution of `amount` from `account` allocated as `a`. */
export function explainDistribution(
  amount: Cents,
  account: PlanAccount,
  a: DistributionAllocation,
): Figure[] {
  const u = (c: Cents): string => formatUsd(c);
  const earn = account.separateAfterTaxEarnings;
  const separate = earn !== undefined;
  const whole = separate ? account.afterTaxBasis + earn : account.balance;
  const ratioCite = separate
    ? 'IRC 72(d)(2) (separate contract); IRC 72(e)(8)'
    : 'IRC 72(e)(8); Notice 2014-54; IRS "Rollovers of After-Tax Contributions in Retirement Plans"';
  return [
    figure(
      'rollover.afterTaxBasis',
      'After-tax basis in the distribution',
      a.parts.afterTaxBasis,
      `${u(amount)} × ${u(account.afterTaxBasis)} basis / ${u(whole)} ${separate ? 'after-tax subaccount' : 'account balance'}, rounded half-up to the cent`,
      ratioCite,
    ),
    figure(
      'rollover.pretax',
      'Pre-tax part (contributions, employer money, all earnings)',
      a.parts.pretax,
      `${u(amount)} − ${u(a.parts.afterTaxBasis)} basis; earnings on after-tax money are pre-tax`,
      ratioCite,
    ),
    figure(
      'rollover.toTraditionalIra',
      'Rolled to a traditional IRA or pre-tax plan',
      a.toTraditional.amount,
      `pre-tax money goes first to direct rollovers to pre-tax destinations; ${u(a.toTraditional.basis)} of basis goes with it`,
      'Notice 2014-54; IRC 402(c)(2)',
    ),
    figure(
      'rollover.toRothIra',
      'Rolled to a Roth IRA',
      a.toRoth.amount,
      `${u(a.toRoth.basis)} of basis and ${u(a.toRoth.pretax)} of pre-tax money (converted, taxable)`,
      'Notice 2014-54; IRC 402(c)(2), 408A(d)(3)',
    ),
    figure(
      'rollover.toCash',
      'Paid to the participant and kept',
      a.toCash.amount,
      `what is left after the rollovers: ${u(a.toCash.basis)} of basis and ${u(a.toCash.pretax)} pre-tax`,
      'Notice 2014-54',
    ),
    figure(
      'rollover.taxable',
      'Taxable this year',
      a.taxable,
      'pre-tax money that lands in a Roth IRA or stays with the participant',
      'IRC 72, 402(a), 402(c); IRC 408A(d)(3)(A)',
    ),
    figure(
      'rollover.withholding',
      'Mandatory withholding',
      a.withholding,
      `20% × ${u(a.pretaxPaid)} pre-tax part paid to the participant (not directly rolled over), rounded half-up to the cent`,
      'IRC 3405(c)(1)(B); Treas. Reg. 31.3405(c)-1',
    ),
  ];
}
