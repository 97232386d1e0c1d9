/**
 * A cash balance plan beside a solo 401(k): the 404(a)(7) combined deduction limit applied to
 * the owner's employer money in the solo plan and the actuary's DB contribution (IRC
 * 404(a)(7); IRS Issue Snapshot "Combined limits under IRC Section 404(a)(7)"). Compensation is
 * the participant's plan compensation capped at 401(a)(17).
 */
import { figure } from '../explain.js';
import type { CashBalanceReport } from '../household/report.js';
import { applyRate, type Cents } from '../money.js';
import { rate } from '../params/index.js';
import { selfEmploymentConstants as K } from '../params/self-employment.js';
import { cashBalanceCombinedLimit } from '../self-employment/cash-balance.js';
import { percentOf } from '../self-employment/param-text.js';

export interface CashBalanceBesideSolo {
  readonly key: string;
  readonly contribution: Cents;
  readonly minimumRequired: Cents;
  readonly maximumDeductible: Cents;
  readonly pbgcCovered: boolean;
  readonly compensation: Cents;
  readonly employerContributions: Cents;
  readonly deferrals: Cents;
  readonly afterTax: Cents;
}

/** The combined-limit report for one participant's solo plan and cash balance plan. */
export function cashBalanceBesideSolo(i: CashBalanceBesideSolo): CashBalanceReport {
  const r = cashBalanceCombinedLimit({
    dbContribution: i.contribution,
    dbMinimumRequired: i.minimumRequired,
    dbMaximumDeductible: i.maximumDeductible,
    compensation: i.compensation,
    dcEmployerContributions: i.employerContributions,
    dcElectiveDeferrals: i.deferrals,
    dcAfterTax: i.afterTax,
    pbgcCovered: i.pbgcCovered,
  });
  const cite = 'IRC 404(a)(7); IRS Issue Snapshot "Combined limits under IRC Section 404(a)(7)"';
  return {
    applies: r.applies,
    reason: r.reason,
    contribution: figure(
      `${i.key}.contribution`,
      'Cash balance contribution',
      i.contribution,
      "set by the plan's actuary",
      'plan actuary; IRC 412, 430',
    ),
    combinedLimit:
      r.combinedLimit === null
        ? null
        : figure(
            `${i.key}.combinedLimit`,
            '404(a)(7) combined limit',
            r.combinedLimit,
            `greater of ${percentOf(K.combinedDeductionRate)} of compensation and the DB minimum required contribution`,
            cite,
          ),
    deductible: figure(
      `${i.key}.deductible`,
      'Deductible employer contributions (DB + DC)',
      r.totalDeductible,
      r.reason,
      cite,
    ),
    nondeductible: figure(
      `${i.key}.nondeductible`,
      'Non-deductible employer contributions',
      r.nondeductible,
      'employer contributions above the deduction limits (10% excise tax under IRC 4972)',
      cite,
    ),
    excise: figure(
      `${i.key}.excise`,
      'Excise tax on the nondeductible part',
      applyRate(r.nondeductible, rate(K.nondeductibleExciseRate)),
      `${percentOf(K.nondeductibleExciseRate)} of the nondeductible contributions, for each year they stay in the plan (reported on Form 5330)`,
      K.nondeductibleExciseRate.citation,
      [`${i.key}.nondeductible`],
    ),
    changes: r.changes,
  };
}
