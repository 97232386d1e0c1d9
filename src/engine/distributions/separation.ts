/**
 * A full distribution at separation from the employer ("Roth-lite"): the after-tax basis goes by
 * direct rollover to a Roth IRA tax-free, and the pre-tax money — including the earnings on
 * after-tax contributions — to a traditional IRA or a new employer plan (Notice 2014-54;
 * IRS "Rollovers of After-Tax Contributions in Retirement Plans"). A designated Roth account is
 * a separate contract (402A(d)(4)) and rolls to the Roth IRA as a whole.
 */
import { inputError } from '../errors.js';
import type { Cents } from '../money.js';
import { allocateDistribution, type DistributionAllocation } from './destinations.js';
import { splitDistribution } from './prorata.js';

export interface SeparationInput {
  /** Non-Roth account balance (pre-tax, employer, after-tax and its earnings). */
  readonly balance: Cents;
  readonly afterTaxBasis: Cents;
  /** Designated Roth account balance, if any. */
  readonly rothBalance?: Cents;
}

export interface SeparationResult {
  readonly allocation: DistributionAllocation;
  /** Into the Roth IRA: after-tax basis plus the designated Roth account. */
  readonly toRothIra: Cents;
  /** Into the traditional IRA (or new plan): all pre-tax money, taxable later. */
  readonly toTraditionalIra: Cents;
  /** Always 0 for this split: nothing pre-tax reaches the Roth IRA or cash. */
  readonly taxable: Cents;
}

/** Splits a full distribution: basis to a Roth IRA, pre-tax to a traditional IRA. */
export function separationSplit(input: SeparationInput): SeparationResult {
  const roth = input.rothBalance ?? 0;
  if (!Number.isSafeInteger(roth) || roth < 0) {
    throw inputError('rothBalance', 'must not be negative');
  }
  const parts =
    input.balance === 0
      ? { pretax: 0, afterTaxBasis: 0 }
      : splitDistribution(input.balance, input, { amount: 'balance' });
  if (input.balance === 0 && input.afterTaxBasis > 0) {
    throw inputError('afterTaxBasis', 'cannot be larger than the balance (0.00)');
  }
  const allocation = allocateDistribution(parts, {
    directTraditional: parts.pretax,
    directRoth: parts.afterTaxBasis,
  });
  return {
    allocation,
    toRothIra: allocation.toRoth.amount + roth,
    toTraditionalIra: allocation.toTraditional.amount,
    taxable: allocation.taxable,
  };
}
