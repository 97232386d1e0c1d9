/**
 * Federal income tax withheld from a plan distribution paid to the participant (IRC 3405): 20%
 * of the taxable part of an eligible rollover distribution not directly rolled over (3405(c)),
 * none when the year's eligible rollover distributions are expected to total less than $200
 * (Treas. Reg. 31.3405(c)-1, Q&A-14); 10% of the taxable part of a nonperiodic distribution that
 * is not an eligible rollover distribution, unless the payee elects out (3405(b)). Nothing is
 * withheld on basis (3405(e)(1)(B)) or on what is directly rolled over (3405(c)(2)).
 */
import { InputError } from '../errors.js';
import { applyRate, type Cents } from '../money.js';
import { rate, usd } from '../params/index.js';
import { distributionConstants } from '../params/distributions.js';

/** Which rule set the withholding. */
export type WithholdingRule = 'mandatory' | 'under-minimum' | 'non-eligible' | 'elected-out';

/** What decides the withholding on one distribution. */
export interface WithholdingContext {
  /** False for a distribution that is not an eligible rollover distribution (IRC 402(c)(4)). */
  readonly eligible?: boolean;
  /**
   * The year's eligible rollover distributions from the plan, this one included (default: this
   * one alone).
   */
  readonly yearTotal?: Cents;
  /** The payee elected out of withholding (only for one that is not an eligible rollover distribution). */
  readonly electedOut?: boolean;
}

export interface Withholding {
  readonly amount: Cents;
  readonly rule: WithholdingRule;
}

/** The citation of each rule. */
export const WITHHOLDING_CITATION: Readonly<Record<WithholdingRule, string>> = {
  mandatory: 'IRC 3405(c)(1)(B); Treas. Reg. 31.3405(c)-1',
  'under-minimum': distributionConstants.mandatoryWithholdingMinimum.citation,
  'non-eligible': 'IRC 3405(b)(1); IRC 402(c)(4)',
  'elected-out': 'IRC 3405(b)(2)',
};

/**
 * The withholding on the pre-tax part paid to the participant (`pretaxPaid`: not directly rolled
 * over), rounded half-up to the cent. `total` is this distribution's amount (the year total when
 * the context gives none). Throws InputError (`electedOut`) when an election out is made for an
 * eligible rollover distribution, whose 20% cannot be waived.
 */
export function withholdingOn(pretaxPaid: Cents, total: Cents, c: WithholdingContext): Withholding {
  const eligible = c.eligible !== false;
  if (eligible) {
    if (c.electedOut === true) {
      throw new InputError([
        {
          path: 'electedOut',
          message:
            'the withholding on an eligible rollover distribution cannot be waived (IRC 3405(c)); a direct rollover avoids it',
        },
      ]);
    }
    const yearTotal = c.yearTotal ?? total;
    if (yearTotal < usd(distributionConstants.mandatoryWithholdingMinimum))
      return { amount: 0, rule: 'under-minimum' };
    return {
      amount: applyRate(pretaxPaid, rate(distributionConstants.mandatoryWithholdingRate)),
      rule: 'mandatory',
    };
  }
  if (c.electedOut === true) return { amount: 0, rule: 'elected-out' };
  return {
    amount: applyRate(pretaxPaid, rate(distributionConstants.nonperiodicWithholdingRate)),
    rule: 'non-eligible',
  };
}
