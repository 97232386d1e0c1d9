/**
 * The trade-offs section shared by `plan` ("what it's worth") and `compare`: each of the three
 * comparisons of `project/trade-offs.ts` labelled with what it compares, its break-even
 * retirement rate (or why it does not apply), the side ahead and by how much at the end of the
 * plan, and one sentence that says so. The sentence, the rate and the winner come from the same
 * projection, so they agree.
 */
import { figure, rateFigure, type Figure, type RateFigure } from '../explain.js';
import { formatUsd } from '../money.js';
import { STRATEGY_CITATIONS } from '../project/strategies.js';
import type { RateTradeOff, TradeOffs } from '../project/trade-offs.js';
/** A rate as a percent with two decimals, as the text reports print rates. */
const pct2 = (x: number): string => `${(x * 100).toFixed(2)}%`;

/** One trade-off as the reports give it. */
export interface TradeOffSection {
  /** What it compares, in words. */
  readonly compares: string;
  readonly applies: boolean;
  /** The amount a year compared (null: does not apply). */
  readonly amount: Figure | null;
  /** The retirement rate below which the first side ends ahead (null: none, or not a rate). */
  readonly breakEvenRetirementRate: RateFigure | null;
  /** The side ahead at the end of the plan, at the assumed rates (null: does not apply). */
  readonly ahead: string | null;
  readonly difference: Figure | null;
  /** One sentence: the answer, or why the comparison does not apply. */
  readonly summary: string;
}

export interface TradeOffsSection {
  readonly employerVsAfterTax: TradeOffSection;
  readonly preTaxVsRoth: TradeOffSection;
  readonly fullVsRothLite: TradeOffSection;
}

const COMPARES = {
  employerVsAfterTax:
    'employer contribution vs after-tax money, the same total in the plan (the tax the employer contribution saves invested in a taxable account)',
  preTaxVsRoth:
    'pre-tax deferrals (tax saved invested in a taxable account) vs the full Mega Backdoor, the same take-home budget',
  fullVsRothLite:
    'full Mega Backdoor (converted at once) vs Roth-lite (after-tax money until it leaves the plan), the same money',
} as const;

const SIDE: Readonly<Record<string, string>> = {
  employer: 'the employer contribution',
  afterTax: 'after-tax money',
  preTax: 'pre-tax money',
  roth: 'the full Mega Backdoor',
  fullMbr: 'the full Mega Backdoor',
  rothLite: 'Roth-lite',
};

const notApplicable = (compares: string, reason: string): TradeOffSection => ({
  compares,
  applies: false,
  amount: null,
  breakEvenRetirementRate: null,
  ahead: null,
  difference: null,
  summary: `Does not apply: ${reason}.`,
});

function rateSection<A extends string>(
  key: string,
  compares: string,
  t: RateTradeOff<A>,
  sides: readonly [A, A],
  citation: string,
  amountWhy: string,
): TradeOffSection {
  const [pre, post] = [SIDE[sides[0]] ?? sides[0], SIDE[sides[1]] ?? sides[1]];
  const be = t.breakEvenRetirementRate;
  const rate = pct2(t.retirementRate);
  const who = t.ahead === 'even' ? null : (SIDE[t.ahead] ?? t.ahead);
  const where =
    be === null
      ? `no retirement rate from 0% to 99% reverses it`
      : `${pre} is ahead only at a retirement rate below ${pct2(be)}`;
  const summary =
    who === null
      ? `At the assumed retirement rate of ${rate} both end even; ${where}.`
      : `At the assumed retirement rate of ${rate}, ${who} ends ${formatUsd(t.difference, { wholeDollars: true })} ahead; ${where}${be === null ? '' : ` (above it ${post} is ahead)`}.`;
  return {
    compares,
    applies: true,
    amount: figure(`${key}.amount`, `${compares}: amount a year`, t.amount, amountWhy, citation),
    breakEvenRetirementRate:
      be === null
        ? null
        : rateFigure(
            `${key}.breakEvenRetirementRate`,
            `Break-even retirement rate (${compares})`,
            be,
            `the retirement rate at which ${pre} and ${post} end the plan with the same after-tax wealth; below it ${pre} end ahead`,
            citation,
            [`${key}.amount`],
          ),
    ahead: t.ahead,
    difference: figure(
      `${key}.difference`,
      `How much more the side ahead ends with`,
      t.difference,
      `after-tax wealth at the end of the plan of ${who ?? 'either side'} less the other, at the assumed retirement rate of ${rate}`,
      citation,
      [`${key}.amount`],
    ),
    summary,
  };
}

/** The section for the trade-offs, keys `<prefix>.employerVsAfterTax.…` and so on. */
export function tradeOffsSection(prefix: string, t: TradeOffs): TradeOffsSection {
  const k = (name: string): string => `${prefix}.${name}`;
  const pre = STRATEGY_CITATIONS.preTax;
  const e = t.employerVsAfterTax;
  const p = t.preTaxVsRoth;
  const r = t.fullVsRothLite;
  return {
    employerVsAfterTax: e.applies
      ? rateSection(
          k('employerVsAfterTax'),
          COMPARES.employerVsAfterTax,
          e,
          ['employer', 'afterTax'],
          `IRC 404(a)(8), 415(c); ${pre}`,
          'the deductible employer contribution of the solo plans (their trade-off’s maximum end), which after-tax money could take instead',
        )
      : notApplicable(COMPARES.employerVsAfterTax, e.reason),
    preTaxVsRoth: p.applies
      ? rateSection(
          k('preTaxVsRoth'),
          COMPARES.preTaxVsRoth,
          p,
          ['preTax', 'roth'],
          `IRC 402(g)(1); ${pre}`,
          'the after-tax money a year that the 402(g) room left could take pre-tax instead',
        )
      : notApplicable(COMPARES.preTaxVsRoth, p.reason),
    fullVsRothLite: r.applies
      ? {
          compares: COMPARES.fullVsRothLite,
          applies: true,
          amount: figure(
            k('fullVsRothLite.earningsAtSeparation'),
            'Roth-lite: earnings when the money leaves the plan',
            r.earningsAtSeparation,
            `the earnings on the after-tax money after ${String(r.separationYears)} year${r.separationYears === 1 ? '' : 's'} in the plan, which go to a traditional IRA and are taxed when withdrawn (full Mega Backdoor money has none: it is converted at once)`,
            STRATEGY_CITATIONS.rothLite,
          ),
          breakEvenRetirementRate: null,
          ahead: r.ahead,
          difference: figure(
            k('fullVsRothLite.difference'),
            'How much more the side ahead ends with',
            r.difference,
            'after-tax wealth at the end of the plan of the side ahead less the other',
            `${STRATEGY_CITATIONS.fullMbr}; ${STRATEGY_CITATIONS.rothLite}`,
            [k('fullVsRothLite.earningsAtSeparation')],
          ),
          summary:
            r.ahead === 'even'
              ? `Full Mega Backdoor and Roth-lite end even: the money earns nothing before it leaves the plan after ${String(r.separationYears)} year${r.separationYears === 1 ? '' : 's'}.`
              : `With the money leaving the plan after ${String(r.separationYears)} year${r.separationYears === 1 ? '' : 's'}, ${SIDE[r.ahead] ?? r.ahead} ends ${formatUsd(r.difference, { wholeDollars: true })} ahead: Roth-lite's ${formatUsd(r.earningsAtSeparation, { wholeDollars: true })} of earnings then go to a traditional IRA and are taxed when withdrawn; full Mega Backdoor money is converted before it earns anything.`,
        }
      : notApplicable(COMPARES.fullVsRothLite, r.reason),
  };
}
