/**
 * The three trade-offs of the after-tax money, each comparing two ways of saving at the stated
 * assumptions by the after-tax wealth at the end of the plan (`projectStrategies`), so a
 * break-even rate, the winner and the difference always agree:
 * (a) employer contribution vs after-tax money at the same total in the plan (a solo plan's
 *     deductible employer contribution, IRC 404(a)(8), traded for 415(c) after-tax room): the
 *     employer end costs less take-home pay and the tax saved is invested in a taxable account;
 * (b) pre-tax vs Roth for the same take-home budget (IRC 402(g) room left for pre-tax
 *     deferrals): only when such room exists;
 * (c) full Mega Backdoor vs Roth-lite given the separation year (Notice 2014-54: Roth-lite
 *     money reaches a Roth IRA only when it leaves the plan; its earnings are taxed).
 */
import type { Cents } from '../money.js';
import { breakEvenRetirementRate, projectStrategies } from './deterministic.js';
import type { ProjectionInputs } from './inputs.js';

/** A trade-off between two ways of saving; `ahead` is the one with more wealth at the end. */
export interface RateTradeOff<A extends string> {
  readonly applies: true;
  /** The amount a year it is about. */
  readonly amount: Cents;
  /** The retirement rate below which the pre-tax side ends ahead (null: none in range). */
  readonly breakEvenRetirementRate: number | null;
  /** The retirement rate assumed. */
  readonly retirementRate: number;
  readonly ahead: A | 'even';
  /** How much more the side ahead ends with (nominal, at the end of the plan). */
  readonly difference: Cents;
}

export interface NotApplicable {
  readonly applies: false;
  /** Why the comparison does not apply. */
  readonly reason: string;
}

export interface RothLiteTradeOff {
  readonly applies: true;
  /** Years of saving before the after-tax money leaves the plan (retirement, or earlier). */
  readonly separationYears: number;
  /** The earnings on the after-tax money when it leaves the plan (taxed, unlike full MBR's). */
  readonly earningsAtSeparation: Cents;
  readonly ahead: 'fullMbr' | 'rothLite' | 'even';
  readonly difference: Cents;
}

export interface TradeOffs {
  readonly employerVsAfterTax: RateTradeOff<'employer' | 'afterTax'> | NotApplicable;
  readonly preTaxVsRoth: RateTradeOff<'preTax' | 'roth'> | NotApplicable;
  readonly fullVsRothLite: RothLiteTradeOff | NotApplicable;
}

/** The employer contribution a solo plan could trade for after-tax room, and that room's kind. */
export interface EmployerTrade {
  /** The deductible employer contribution a year at the maximum end. */
  readonly amount: Cents;
  /** How the after-tax money it would become reaches Roth. */
  readonly afterTax: 'fullMbr' | 'rothLite';
}

/** Pre-tax (side `pre`) against the after-tax side `post` for the inputs, by end wealth. */
function rateTradeOff<A extends string>(
  i: ProjectionInputs,
  post: 'fullMbr' | 'rothLite',
  names: readonly [A, A],
): RateTradeOff<A> {
  const p = projectStrategies(i);
  const pre = p.outcomes.preTax.atEnd;
  const other = p.outcomes[post].atEnd;
  return {
    applies: true,
    amount: i.contribution,
    breakEvenRetirementRate: breakEvenRetirementRate(i, post),
    retirementRate: i.retirementRate,
    ahead: pre > other ? names[0] : pre < other ? names[1] : 'even',
    difference: Math.abs(pre - other),
  };
}

/**
 * The three trade-offs for projection inputs; `employer`: the employer contribution a solo plan
 * could trade (null: none in these inputs).
 */
export function tradeOffs(i: ProjectionInputs, employer: EmployerTrade | null): TradeOffs {
  const employerVsAfterTax =
    employer === null || employer.amount === 0
      ? {
          applies: false as const,
          reason: 'no plan has a deductible employer contribution that after-tax money could take',
        }
      : rateTradeOff(
          { ...i, contribution: employer.amount, preTaxRoom: employer.amount },
          employer.afterTax,
          ['employer', 'afterTax'] as const,
        );
  const preTaxVsRoth =
    i.preTaxRoom === 0 || i.contribution === 0
      ? {
          applies: false as const,
          reason:
            'no 402(g) deferral room is left to take this money pre-tax, so there is no pre-tax choice to compare',
        }
      : rateTradeOff(i, 'fullMbr', ['preTax', 'roth'] as const);
  let fullVsRothLite: TradeOffs['fullVsRothLite'];
  if (i.contribution === 0) {
    fullVsRothLite = { applies: false, reason: 'no after-tax money is saved' };
  } else {
    const p = projectStrategies(i);
    const full = p.outcomes.fullMbr.atEnd;
    const lite = p.outcomes.rothLite.atEnd;
    fullVsRothLite = {
      applies: true,
      separationYears: i.separationYears ?? i.years,
      earningsAtSeparation: p.separation.toTraditionalIra,
      ahead: full > lite ? 'fullMbr' : full < lite ? 'rothLite' : 'even',
      difference: Math.abs(full - lite),
    };
  }
  return { employerVsAfterTax, preTaxVsRoth, fullVsRothLite };
}
