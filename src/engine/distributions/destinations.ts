/**
 * Where each part of one distribution goes when it is sent to several places at once
 * (Notice 2014-54; IRC 402(c)(2)): pre-tax money is allocated first to direct rollovers to
 * pre-tax destinations (traditional IRA, pre-tax plan account), then — if more pre-tax is left —
 * to direct rollovers to Roth destinations (a taxable conversion); the participant's cash is
 * what is left. The 20% mandatory withholding (IRC 3405(c)) applies to the pre-tax part of the
 * amount paid to the participant (none under the $200 floor, 10% on a distribution that is not an
 * eligible rollover distribution: `withholding.ts`). 60-day rollovers out of that payment are
 * allocated the same way, pre-tax first to pre-tax destinations.
 */
import { InputError, type InputIssue } from '../errors.js';
import { min, type Cents } from '../money.js';
import type { DistributionParts } from './prorata.js';
import { withholdingOn, type WithholdingContext, type WithholdingRule } from './withholding.js';

/** How the participant directs the distribution (amounts in cents). */
export interface Directions {
  /** Direct rollover to a traditional IRA or pre-tax plan account. */
  readonly directTraditional?: Cents;
  /** Direct rollover to a Roth IRA or designated Roth account (in-plan Roth rollover). */
  readonly directRoth?: Cents;
  /** Rolled over within 60 days, from the payment, to a traditional IRA or pre-tax plan. */
  readonly sixtyDayTraditional?: Cents;
  /** Rolled over within 60 days, from the payment, to a Roth IRA. */
  readonly sixtyDayRoth?: Cents;
}

/** What lands where: each destination's amount and the basis in it. */
export interface Landing {
  readonly amount: Cents;
  /** Pre-tax money in this landing (taxable when it lands in Roth or cash). */
  readonly pretax: Cents;
  /** After-tax basis in this landing. */
  readonly basis: Cents;
}

/** The allocation of one distribution. */
export interface DistributionAllocation {
  readonly parts: DistributionParts;
  readonly toTraditional: Landing;
  readonly toRoth: Landing;
  /** Kept by the participant (including what was withheld). */
  readonly toCash: Landing;
  /** Paid to the participant before any 60-day rollover (includes the withholding). */
  readonly paidToParticipant: Cents;
  /** Pre-tax part of the payment to the participant (before any 60-day rollover). */
  readonly pretaxPaid: Cents;
  /** Withheld from the pre-tax part of the payment (IRC 3405); credited against income tax. */
  readonly withholding: Cents;
  /** The rule that set it (`withholding.ts`). */
  readonly withholdingRule: WithholdingRule;
  /** The check the participant receives: payment − withholding. */
  readonly check: Cents;
  /** Includible in income: pre-tax money landing in Roth destinations or kept as cash. */
  readonly taxable: Cents;
}

function landing(pretax: Cents, basis: Cents): Landing {
  return { amount: pretax + basis, pretax, basis };
}

/**
 * Allocates a distribution's pre-tax and basis parts to its destinations (Notice 2014-54), with
 * the withholding on what is paid to the participant under `withholding` (by default an eligible
 * rollover distribution that is the year's only one).
 */
export function allocateDistribution(
  parts: DistributionParts,
  directions: Directions,
  fields: Partial<Record<keyof Directions, string>> = {},
  withholding: WithholdingContext = {},
): DistributionAllocation {
  const dT = directions.directTraditional ?? 0;
  const dR = directions.directRoth ?? 0;
  const sT = directions.sixtyDayTraditional ?? 0;
  const sR = directions.sixtyDayRoth ?? 0;
  const total = parts.pretax + parts.afterTaxBasis;
  const issues: InputIssue[] = [];
  const name = (k: keyof Directions): string => fields[k] ?? k;
  for (const [k, v] of Object.entries({
    directTraditional: dT,
    directRoth: dR,
    sixtyDayTraditional: sT,
    sixtyDayRoth: sR,
  })) {
    if (!Number.isSafeInteger(v) || v < 0) {
      issues.push({ path: name(k as keyof Directions), message: 'must be a non-negative amount' });
    }
  }
  if (issues.length === 0 && dT + dR > total) {
    issues.push({
      path: name('directRoth'),
      message: `direct rollovers (${String((dT + dR) / 100)}) cannot exceed the distribution (${String(total / 100)})`,
    });
  }
  if (issues.length === 0 && withholding.eligible === false && dT + dR + sT + sR > 0) {
    issues.push({
      path: 'eligible',
      message:
        'a distribution that is not an eligible rollover distribution cannot be rolled over (IRC 402(c)(4)); all of it is paid to the participant',
    });
  }
  const paid = total - dT - dR;
  if (issues.length === 0 && sT + sR > paid) {
    issues.push({
      path: name('sixtyDayRoth'),
      message: `60-day rollovers (${String((sT + sR) / 100)}) cannot exceed the amount paid to the participant (${String(paid / 100)})`,
    });
  }
  if (issues.length > 0) throw new InputError(issues);

  // 402(c)(2) / Notice 2014-54: pre-tax goes first to direct rollovers, pre-tax destinations
  // first (the participant's choice that keeps the most out of income).
  let pretaxLeft = parts.pretax;
  const ptDirectT = min(pretaxLeft, dT);
  pretaxLeft -= ptDirectT;
  const ptDirectR = min(pretaxLeft, dR);
  pretaxLeft -= ptDirectR;
  // What is paid to the participant carries the rest of the pre-tax money.
  const pretaxPaid = pretaxLeft;
  const withheld = withholdingOn(pretaxPaid, total, withholding);
  // 60-day rollovers of the payment: pre-tax first to pre-tax destinations, then Roth.
  const pt60T = min(pretaxLeft, sT);
  pretaxLeft -= pt60T;
  const pt60R = min(pretaxLeft, sR);
  pretaxLeft -= pt60R;
  const cashAmount = paid - sT - sR;

  const toTraditional = landing(ptDirectT + pt60T, dT + sT - ptDirectT - pt60T);
  const toRoth = landing(ptDirectR + pt60R, dR + sR - ptDirectR - pt60R);
  const toCash = landing(pretaxLeft, cashAmount - pretaxLeft);
  return {
    parts,
    toTraditional,
    toRoth,
    toCash,
    paidToParticipant: paid,
    pretaxPaid,
    withholding: withheld.amount,
    withholdingRule: withheld.rule,
    check: paid - withheld.amount,
    taxable: toRoth.pretax + toCash.pretax,
  };
}
