/**
 * The 404(a)(7) combined deduction limit when a defined benefit (cash balance) plan and a
 * defined contribution plan cover a common participant: the employer's deduction for both is at
 * most the greater of 25% of the compensation paid to the plans' beneficiaries or the DB
 * contribution needed for minimum funding (IRC 404(a)(7)(A)); DC employer contributions count
 * only above 6% of compensation (404(a)(7)(C)(iii)); elective deferrals are not counted (404(n))
 * and after-tax contributions are not employer contributions; a PBGC-covered DB plan is
 * disregarded (404(a)(7)(C)(iv)). IRS Issue Snapshot "Combined limits under IRC Section
 * 404(a)(7)". Non-deductible contributions face the excise tax of IRC 4972
 * (`rules/cash-balance-beside-solo.ts` shows it).
 *
 * The DB figures (the actuary's contribution, the minimum required contribution, the 404(o)
 * maximum) are inputs: the engine does no actuarial work. Cases H a-d need actuary-grade checks.
 */
import { inputError } from '../errors.js';
import { applyRate, formatUsd, nonNegative, type Cents } from '../money.js';
import { rate } from '../params/index.js';
import { selfEmploymentConstants as K } from '../params/self-employment.js';
import { percentOf } from './param-text.js';

export interface CashBalanceInput {
  /** The DB (cash balance) contribution the plan's actuary set for the year. */
  readonly dbContribution: Cents;
  /** The DB minimum required contribution (IRC 430) — the combined limit is at least this. */
  readonly dbMinimumRequired: Cents;
  /** The DB plan's own deduction limit (IRC 404(o)), from the actuary. */
  readonly dbMaximumDeductible: Cents;
  /** Compensation paid to the plans' participants (each capped at 401(a)(17) by the caller). */
  readonly compensation: Cents;
  /** Employer DC contributions: nonelective / profit-sharing and match (not deferrals). */
  readonly dcEmployerContributions: Cents;
  /** Elective deferrals (reported; never counted, 404(n)). */
  readonly dcElectiveDeferrals: Cents;
  /** Employee after-tax contributions (reported; not employer contributions, never deductible). */
  readonly dcAfterTax: Cents;
  /** True when the DB plan is covered by PBGC insurance (ERISA 4021). */
  readonly pbgcCovered: boolean;
}

export interface CashBalanceResult {
  readonly applies: boolean;
  /** Why 404(a)(7) does or does not apply. */
  readonly reason: string;
  /** 6% of compensation. */
  readonly dcDisregarded: Cents;
  /** DC employer contributions above 6% of compensation (0 when the limit does not apply). */
  readonly dcCounted: Cents;
  /** max(25% of compensation, DB minimum required); null when the limit does not apply. */
  readonly combinedLimit: Cents | null;
  /** DB contribution deductible. */
  readonly dbDeductible: Cents;
  /** DC employer contributions deductible (own 404(a)(3) limit: 25% of compensation). */
  readonly dcDeductible: Cents;
  readonly totalDeductible: Cents;
  /** Employer contributions that are not deductible (10% excise under IRC 4972). */
  readonly nondeductible: Cents;
  /** What to change to make everything deductible. */
  readonly changes: readonly string[];
}

/** The 404(a)(7) combined limit for a DB + DC pair (see the module comment). */
export function cashBalanceCombinedLimit(input: CashBalanceInput): CashBalanceResult {
  for (const [field, v] of Object.entries(input)) {
    if (typeof v === 'number' && (!Number.isSafeInteger(v) || v < 0)) {
      throw inputError(field, 'must be a non-negative whole number of cents');
    }
  }
  if (input.dbMinimumRequired > input.dbMaximumDeductible) {
    throw inputError('dbMinimumRequired', 'must not exceed the DB maximum deductible (404(o))');
  }
  const comp = input.compensation;
  // 25% and 6% of compensation, rounded to the cent half-up.
  const quarter = applyRate(comp, rate(K.combinedDeductionRate));
  const dcDisregarded = applyRate(comp, rate(K.dcDisregardedRate));
  // Outside 404(a)(7) each plan has its own limit: DB up to 404(o), DC employer up to 25% (404(a)(3)).
  const dbOwn = Math.min(input.dbContribution, input.dbMaximumDeductible);
  const dcOwn = Math.min(input.dcEmployerContributions, quarter);
  const ownNondeductible = input.dbContribution - dbOwn + (input.dcEmployerContributions - dcOwn);

  const notApplying = (reason: string): CashBalanceResult => ({
    applies: false,
    reason,
    dcDisregarded,
    dcCounted: 0,
    combinedLimit: null,
    dbDeductible: dbOwn,
    dcDeductible: dcOwn,
    totalDeductible: dbOwn + dcOwn,
    nondeductible: ownNondeductible,
    changes:
      ownNondeductible > 0
        ? [
            `lower the contributions to each plan's own limit (DB ${formatUsd(input.dbMaximumDeductible)} under 404(o); DC employer ${formatUsd(quarter)}, ${percentOf(K.combinedDeductionRate)} of compensation)`,
          ]
        : [],
  });

  if (input.pbgcCovered) {
    return notApplying(
      'the DB plan is covered by PBGC, so it is disregarded for 404(a)(7) (IRC 404(a)(7)(C)(iv)); each plan keeps its own limit',
    );
  }
  if (input.dcEmployerContributions <= dcDisregarded) {
    return notApplying(
      input.dcEmployerContributions === 0
        ? 'there are no employer DC contributions: deferrals are not counted (404(n)) and after-tax contributions are not employer contributions, so 404(a)(7) does not apply'
        : `employer DC contributions ${formatUsd(input.dcEmployerContributions)} are at most ${percentOf(K.dcDisregardedRate)} of compensation (${formatUsd(dcDisregarded)}), so they are disregarded and the DB plan is deductible up to its own limit (IRC 404(a)(7)(C)(iii))`,
    );
  }
  const dcCounted = input.dcEmployerContributions - dcDisregarded;
  const combinedLimit = Math.max(quarter, input.dbMinimumRequired);
  // The DB contribution is deducted first, up to its own 404(o) limit and the combined limit;
  // the counted DC excess takes what is left; the disregarded 6% is deductible on its own terms.
  const dbDeductible = Math.min(dbOwn, combinedLimit);
  const dcCountedDeductible = Math.min(dcCounted, nonNegative(combinedLimit - dbDeductible));
  const dcDeductible = Math.min(dcOwn, dcDisregarded + dcCountedDeductible);
  const totalDeductible = dbDeductible + dcDeductible;
  const nondeductible = input.dbContribution + input.dcEmployerContributions - totalDeductible;
  const changes: string[] = [];
  if (nondeductible > 0) {
    changes.push(
      `lower the employer DC contribution to ${percentOf(K.dcDisregardedRate)} of compensation (${formatUsd(dcDisregarded)}): that much is disregarded and the DB contribution stays deductible up to its own limit`,
    );
    const dbFits = nonNegative(combinedLimit - dcCounted);
    changes.push(
      dbFits >= input.dbMinimumRequired
        ? `or lower the DB contribution to ${formatUsd(dbFits)} (the combined limit ${formatUsd(combinedLimit)} less the counted DC excess ${formatUsd(dcCounted)})`
        : `lowering the DB contribution to ${formatUsd(dbFits)} would fit the combined limit, but it is below the minimum required contribution ${formatUsd(input.dbMinimumRequired)} — ask the actuary; lowering the DC employer money is the way`,
    );
    changes.push(
      'or move the DC money to after-tax contributions: they are not employer contributions, are never deductible and do not count toward 404(a)(7) (they still count toward 415(c))',
    );
  }
  return {
    applies: true,
    reason: `employer DC contributions exceed ${percentOf(K.dcDisregardedRate)} of compensation: ${formatUsd(dcCounted)} counts toward the combined limit (IRC 404(a)(7)(C)(iii))`,
    dcDisregarded,
    dcCounted,
    combinedLimit,
    dbDeductible,
    dcDeductible,
    totalDeductible,
    nondeductible,
    changes,
  };
}
