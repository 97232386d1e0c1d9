/**
 * How a plan accounts for after-tax (non-Roth) employee contributions, which decides how much of
 * a conversion or withdrawal of them is taxable: as their own source, a separate contract whose
 * basis is spread over that source alone (IRC 72(d)(2)) — what nearly every plan does, since
 * recordkeepers keep after-tax money as its own source — or pooled with the rest of the
 * account, basis spread over the whole account (IRC 72(e)(8)). A file that does not say is read
 * as a separate source, and the plan administrator is asked.
 */
import type { Finding } from '../report/model.js';

/** `separate`: basis within the after-tax source (72(d)(2)); `pro-rata`: over the whole account (72(e)(8)). */
export type AfterTaxAccounting = 'separate' | 'pro-rata';

/** Employee contributions and their earnings under a defined contribution plan: a separate contract. */
export const SEPARATE_CITATION = 'IRC 72(d)(2)';
/** Amounts not received as an annuity: basis pro-rata over the whole account. */
export const POOLED_CITATION = 'IRC 72(e)(8)';

/** The question for the plan administrator when a file does not say how the plan accounts. */
export const SEPARATE_SOURCE_QUESTION =
  'Does the plan account for after-tax contributions as a separate source?';

/** The accounting used, whether the input said so, and why, in one sentence. */
export interface AccountingChoice {
  readonly accounting: AfterTaxAccounting;
  /** False when the input did not say (the default was used). */
  readonly said: boolean;
  readonly why: string;
}

/**
 * The accounting for a setting (`separateAfterTaxAccount`): written true or false, or not written
 * (undefined), which means a separate source. `input` names where the setting is written.
 */
export function afterTaxAccounting(
  separate: boolean | undefined,
  input = 'the file',
): AccountingChoice {
  if (separate === undefined) {
    return {
      accounting: 'separate',
      said: false,
      why: `after-tax contributions and their earnings are taken as their own source, so only their earnings are taxable when they move (${SEPARATE_CITATION}): ${input} does not say, and nearly every plan keeps after-tax money as its own source`,
    };
  }
  return separate
    ? {
        accounting: 'separate',
        said: true,
        why: `${input} says the plan keeps after-tax contributions as their own source, so only their earnings are taxable when they move (${SEPARATE_CITATION})`,
      }
    : {
        accounting: 'pro-rata',
        said: true,
        why: `${input} says the plan pools after-tax contributions with the rest of the account, so every dollar out carries basis pro-rata over the whole non-Roth account and is partly taxable (${POOLED_CITATION})`,
      };
}

/** The finding that asks the plan administrator (when the input did not say). */
export function separateSourceQuestion(path: string, assumed: AfterTaxAccounting): Finding {
  return {
    severity: 'question',
    path,
    message: SEPARATE_SOURCE_QUESTION,
    fix:
      assumed === 'separate'
        ? `taken as a separate source, as nearly every plan keeps it (${SEPARATE_CITATION}); if the plan pools after-tax money with the rest of the account, conversions and withdrawals of it are partly taxable (${POOLED_CITATION})`
        : `figured pro-rata over the whole account (${POOLED_CITATION}); nearly every plan keeps after-tax money as its own source, where only that source's earnings are taxable (${SEPARATE_CITATION})`,
  };
}
