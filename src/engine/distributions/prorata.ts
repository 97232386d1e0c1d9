/**
 * The pre-tax and after-tax parts of a plan distribution: pro-rata across the whole account under
 * IRC 72(e)(8), or within a separately accounted after-tax subaccount (IRC 72(d)(2) separate
 * contract). Earnings on after-tax money are pre-tax (Notice 2014-54; IRS "Rollovers of After-Tax
 * Contributions in Retirement Plans").
 *
 * Rounding: the basis share `amount × basis / balance` is rounded half-up to the cent once; the
 * pre-tax part is the rest, so the two parts add up to the amount exactly. A full distribution
 * (amount = balance) carries exactly the whole basis.
 *
 * Which of the two applies is the plan's accounting: nearly every plan keeps after-tax
 * contributions as their own source, which makes them a separate contract (IRC 72(d)(2)); only a
 * plan that pools them with the rest of the account falls under 72(e)(8) over the whole account.
 */
import { InputError, type InputIssue } from '../errors.js';
import { mulDiv, type Cents } from '../money.js';

/** The two parts of a distribution. */
export interface DistributionParts {
  /** Taxable if not rolled over: pre-tax contributions, employer money and all earnings. */
  readonly pretax: Cents;
  /** Return of after-tax contributions (investment in the contract): never taxable. */
  readonly afterTaxBasis: Cents;
}

/** The non-Roth plan account the distribution comes from (designated Roth money excluded). */
export interface PlanAccount {
  /** Whole non-Roth account balance at the distribution date. */
  readonly balance: Cents;
  /** After-tax contributions not yet recovered. */
  readonly afterTaxBasis: Cents;
  /**
   * Set when the plan keeps after-tax contributions and their earnings as a separate
   * subaccount that can be distributed on its own: the earnings on after-tax contributions.
   */
  readonly separateAfterTaxEarnings?: Cents;
}

/** Option/field names for error messages. */
export interface AccountFields {
  readonly amount?: string;
  readonly balance?: string;
  readonly afterTaxBasis?: string;
  readonly separateAfterTaxEarnings?: string;
}

function checkCents(issues: InputIssue[], path: string, v: number): void {
  if (!Number.isSafeInteger(v)) issues.push({ path, message: 'must be a whole number of cents' });
  else if (v < 0) issues.push({ path, message: 'must not be negative' });
}

/** Validates an account and an amount out of it; throws an InputError naming the fields. */
export function validateDistribution(
  amount: Cents,
  account: PlanAccount,
  fields: AccountFields = {},
): void {
  const f = {
    amount: fields.amount ?? 'amount',
    balance: fields.balance ?? 'balance',
    afterTaxBasis: fields.afterTaxBasis ?? 'afterTaxBasis',
    separateAfterTaxEarnings: fields.separateAfterTaxEarnings ?? 'separateAfterTaxEarnings',
  };
  const issues: InputIssue[] = [];
  checkCents(issues, f.amount, amount);
  checkCents(issues, f.balance, account.balance);
  checkCents(issues, f.afterTaxBasis, account.afterTaxBasis);
  const earn = account.separateAfterTaxEarnings;
  if (earn !== undefined) checkCents(issues, f.separateAfterTaxEarnings, earn);
  if (issues.length > 0) throw new InputError(issues);
  const usd = (c: Cents): string => (c / 100).toFixed(2);
  if (account.afterTaxBasis > account.balance) {
    issues.push({
      path: f.afterTaxBasis,
      message: `cannot be larger than the balance (${usd(account.balance)})`,
    });
  }
  if (earn !== undefined && account.afterTaxBasis + earn > account.balance) {
    issues.push({
      path: f.separateAfterTaxEarnings,
      message: `the after-tax subaccount (basis + earnings = ${usd(account.afterTaxBasis + earn)}) cannot be larger than the balance (${usd(account.balance)})`,
    });
  }
  const available = earn === undefined ? account.balance : account.afterTaxBasis + earn;
  if (issues.length === 0 && amount > available) {
    issues.push({
      path: f.amount,
      message:
        earn === undefined
          ? `cannot be larger than the account balance (${usd(available)})`
          : `cannot be larger than the after-tax subaccount (${usd(available)})`,
    });
  }
  if (issues.length === 0 && amount === 0) {
    issues.push({ path: f.amount, message: 'must be more than zero' });
  }
  if (issues.length > 0) throw new InputError(issues);
}

/**
 * The after-tax basis that leaves with `amount` taken out of `whole`: `amount × basis / whole`,
 * rounded half-up to the cent, never more than the amount or than the basis there is (after a
 * loss the basis can exceed the value; what is left stays basis). The one pro-rata rule: the
 * distribution split below and the ledger both use it.
 */
export function basisShare(amount: Cents, basis: Cents, whole: Cents): Cents {
  if (amount === 0 || basis === 0) return 0;
  if (whole <= 0) throw new RangeError('a distribution needs a positive balance to come from');
  return Math.min(amount, basis, mulDiv(amount, basis, whole));
}

/** The whole the basis is spread over: the after-tax subaccount when separate, else the account. */
export function proRataWhole(account: PlanAccount): Cents {
  const earn = account.separateAfterTaxEarnings;
  return earn === undefined ? account.balance : account.afterTaxBasis + earn;
}

/**
 * The two parts of `amount` (already checked against the account): pro-rata over the whole
 * account (72(e)(8)), or within the after-tax subaccount when the plan accounts for it
 * separately (72(d)(2)). Earnings may be negative here (a subaccount worth less than its basis).
 */
export function partsOf(amount: Cents, account: PlanAccount): DistributionParts {
  const afterTaxBasis = basisShare(amount, account.afterTaxBasis, proRataWhole(account));
  return { pretax: amount - afterTaxBasis, afterTaxBasis };
}

/**
 * Splits a distribution into pre-tax and basis: pro-rata over the whole account (72(e)(8)), or
 * within the after-tax subaccount when the plan accounts for it separately (72(d)(2)).
 */
export function splitDistribution(
  amount: Cents,
  account: PlanAccount,
  fields: AccountFields = {},
): DistributionParts {
  validateDistribution(amount, account, fields);
  return partsOf(amount, account);
}
