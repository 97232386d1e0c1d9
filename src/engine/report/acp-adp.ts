/**
 * The `adp` section of the `acp` report: the ADP test of the census's elective deferrals (IRC
 * 401(k)(3); Treas. Reg. 1.401(k)-2(a)) — the averages, the limit and the margin, the catch-ups
 * left out of it — and, when it fails, the excess contributions (IRC 401(k)(8); Reg.
 * 1.401(k)-2(b)) with each HCE's part kept as catch-ups (Reg. 1.414(v)-1(d)(2)(iii)), distributed
 * with its allocable income or recharacterized, the deadlines and the QNEC that would pass
 * instead. Every amount a Figure, every ratio a RateFigure; figure keys start with `adp.`.
 */
import type { AdpCorrection, AdpResult } from '../acp/adp-test.js';
import type { NhceSource } from '../acp/acp-test.js';
import { bpsRate, percentShortText, percentText } from '../acp/ratios.js';
import { figure, rateFigure, type Figure, type RateFigure } from '../explain.js';
import { formatUsd } from '../money.js';
import { acpConstants } from '../params/acp.js';
import { rate } from '../params/index.js';
import { HUNDREDTH, limitRuleText, qnecLimitReport, type QnecLimitReport } from './acp-common.js';

/** One HCE's part of the correction of excess contributions. */
export interface AdpCorrectionRow {
  readonly id: string;
  readonly ratio: RateFigure;
  readonly contributions: Figure;
  readonly amount: Figure;
  readonly catchUp: Figure;
  readonly refund: Figure;
  readonly recharacterized: Figure;
  /** Income allocable to the refund, or null when the census and options do not give it. */
  readonly allocableIncome: Figure | null;
}

export interface AdpQnecAlternativeReport {
  readonly rate: RateFigure;
  readonly cost: Figure;
  readonly nhceAdpAfter: RateFigure;
  readonly limitAfter: RateFigure;
}

export interface AdpSection {
  readonly method: 'current' | 'prior';
  readonly nhceSource: NhceSource;
  /** How excess contributions are corrected beyond catch-ups: distributed, or recharacterized. */
  readonly correction: 'refund' | 'recharacterize';
  readonly hceCount: number;
  readonly nhceCount: number;
  readonly hceAdp: RateFigure;
  readonly nhceAdp: RateFigure;
  readonly limit: RateFigure;
  readonly margin: RateFigure;
  readonly passed: boolean;
  readonly passReason: AdpResult['passReason'];
  readonly permittedRatio: RateFigure | null;
  readonly leveledHceAdp: RateFigure;
  readonly excessContributions: Figure;
  readonly catchUp: Figure;
  readonly refunded: Figure;
  readonly recharacterized: Figure;
  /** Income allocable to the refunds, summed, or null when unknown. */
  readonly allocableIncome: Figure | null;
  readonly exciseTaxIfLate: Figure;
  /** The last day to recharacterize, ISO date. */
  readonly recharacterizationDeadline: string;
  /** Only the HCEs with excess contributions, in census order. */
  readonly corrections: readonly AdpCorrectionRow[];
  readonly qnecAlternative: AdpQnecAlternativeReport | null;
  /** The targeted QNEC limit, when the census's QNECs count in the ADP test; else null. */
  readonly qnecLimit: QnecLimitReport | null;
  readonly catchUps: {
    readonly deferralLimit: Figure;
    readonly eligible: number;
    readonly notTested: Figure;
    readonly notTestedRows: number;
    readonly excessDeferrals: Figure;
    readonly excessDeferralRows: number;
    readonly unknownAgeAboveLimit: number;
  };
}

const CITE = {
  ratio: 'IRC 401(k)(3); Treas. Reg. 1.401(k)-2(a)(2)(i), (a)(3)(i)',
  limit: 'IRC 401(k)(3)(A)(ii); Treas. Reg. 1.401(k)-2(a)(1)(i)',
  prior: 'IRC 401(k)(3)(A); Treas. Reg. 1.401(k)-2(a)(2)(ii), (c)',
  ratioLeveling: 'IRC 401(k)(8)(B); Treas. Reg. 1.401(k)-2(b)(2)(ii)',
  dollarLeveling: 'IRC 401(k)(8)(C); Treas. Reg. 1.401(k)-2(b)(2)(iii)',
  catchUp: 'IRC 414(v); Treas. Reg. 1.414(v)-1(b)(1)(iii), (d)(2)(iii), 1.401(k)-2(b)(4)(v)',
  catchUpByLimit: 'IRC 402(g)(1), 414(v); Treas. Reg. 1.414(v)-1(b)(1)(i), 1.401(k)-2(a)(5)(iii)',
  distribution: 'IRC 401(k)(8)(A)(i); Treas. Reg. 1.401(k)-2(b)(2)(v)',
  recharacterization: 'IRC 401(k)(8)(A)(ii); Treas. Reg. 1.401(k)-2(b)(3)',
  income: 'Treas. Reg. 1.401(k)-2(b)(2)(iv)',
  qnec: 'Treas. Reg. 1.401(k)-2(a)(6), (b)(1)(i)(A)',
  excessDeferrals: 'IRC 402(g)(2), 401(a)(30); Treas. Reg. 1.401(k)-2(a)(4)(iii), (a)(5)(ii)',
} as const;

/** How each NHCE source is named and explained. */
function nhceSourceText(source: NhceSource): [label: string, why: string, citation: string] {
  switch (source) {
    case 'current-year':
      return [
        'NHCE ADP (current year)',
        'the average of the eligible NHCEs’ deferral ratios this plan year',
        CITE.ratio,
      ];
    case 'prior-year':
      return [
        'NHCE ADP (prior year, given)',
        'the NHCEs’ ADP of the prior plan year, as given (prior-year testing)',
        CITE.prior,
      ];
    case 'first-year-deemed': {
      const deemed = percentShortText(acpConstants.firstYearDeemedNhceAdpBps.value);
      return [
        `NHCE ADP (first plan year, deemed ${deemed})`,
        `prior-year testing in the plan’s first year: the NHCE ADP is deemed ${deemed}`,
        acpConstants.firstYearDeemedNhceAdpBps.citation,
      ];
    }
  }
}

/** A money figure or null, for income that may be unknown. */
function maybe(f: (cents: number) => Figure, cents: number | null): Figure | null {
  return cents === null ? null : f(cents);
}

const INCOME_WHY =
  'gain_loss × amount ÷ (beginning_balance + the plan year’s contributions) from the census, or the amount × the plan’s gain rate; rounded to the cent';

function correctionRow(c: AdpCorrection): AdpCorrectionRow {
  const k = (name: string): string => `adp.corrections.${name}`;
  return {
    id: c.id,
    ratio: rateFigure(
      k('ratio'),
      'HCE’s deferral ratio',
      bpsRate(c.ratioBps),
      `deferrals counted ÷ pay capped at 401(a)(17), to the nearest ${HUNDREDTH}`,
      CITE.ratio,
      [k('contributions')],
    ),
    contributions: figure(
      k('contributions'),
      'HCE’s deferrals counted',
      c.contributions,
      'elective deferrals less catch-ups by the 402(g) limit (with QNECs when they count in the ADP test)',
      CITE.ratio,
    ),
    amount: figure(
      k('amount'),
      'Excess contributions apportioned',
      c.amount,
      'dollar leveling: the excess is taken from the HCEs with the most deferrals counted, down to the next, then from all of them equally (an odd cent from the HCEs first in the census)',
      CITE.dollarLeveling,
      ['adp.excessContributions', k('contributions')],
    ),
    catchUp: figure(
      k('catchUp'),
      'Kept as catch-up contributions',
      c.catchUp,
      'a catch-up eligible HCE’s excess contributions, up to the catch-up limit not used by deferrals above 402(g), are catch-up contributions and stay in the plan',
      CITE.catchUp,
      [k('amount')],
    ),
    refund: figure(
      k('refund'),
      'Distributed',
      c.refund,
      'the rest of the apportioned excess, paid out with its allocable income',
      CITE.distribution,
      [k('amount'), k('catchUp')],
    ),
    recharacterized: figure(
      k('recharacterized'),
      'Recharacterized as after-tax',
      c.recharacterized,
      'the rest of the apportioned excess, treated as after-tax employee contributions (taxed as if distributed) and counted in the ACP test',
      CITE.recharacterization,
      [k('amount'), k('catchUp')],
    ),
    allocableIncome: maybe(
      (cents) =>
        figure(
          k('allocableIncome'),
          'Income allocable to the refund',
          cents,
          INCOME_WHY,
          CITE.income,
          [k('refund')],
        ),
      c.allocableIncome,
    ),
  };
}

/** The `adp` section from the ADP test's result. */
export function adpSection(r: AdpResult): AdpSection {
  const failed = !r.passed;
  const [nhceLabel, nhceWhy, nhceCite] = nhceSourceText(r.nhceSource);
  const excise = rate(acpConstants.exciseTaxRate);
  const excisePct = `${String((excise.num * 100) / excise.den)}%`;
  const q = r.qnecAlternative;
  const cu = r.catchUps;
  const k = (name: string): string => `adp.${name}`;
  return {
    method: r.method,
    nhceSource: r.nhceSource,
    correction: r.correction,
    hceCount: r.hceCount,
    nhceCount: r.nhceCount,
    hceAdp: rateFigure(
      k('hceAdp'),
      'HCE ADP',
      bpsRate(r.hceAdpBps),
      `the average of the ${String(r.hceCount)} eligible HCEs’ deferral ratios: deferrals less catch-ups by the 402(g) limit ÷ pay capped at 401(a)(17), each to the nearest ${HUNDREDTH}`,
      CITE.ratio,
    ),
    nhceAdp: rateFigure(k('nhceAdp'), nhceLabel, bpsRate(r.nhceAdpBps), nhceWhy, nhceCite),
    limit: rateFigure(
      k('limit'),
      `Limit: ${limitRuleText()}`,
      bpsRate(r.limitBps),
      `the highest HCE ADP that passes for N = the NHCE ADP ${percentText(r.nhceAdpBps)}, rounded down to ${HUNDREDTH}`,
      CITE.limit,
      [k('nhceAdp')],
    ),
    margin: rateFigure(
      k('margin'),
      'Margin (limit − HCE ADP)',
      bpsRate(r.marginBps),
      'the limit less the HCE ADP; negative when the plan fails',
      CITE.limit,
      [k('limit'), k('hceAdp')],
    ),
    passed: r.passed,
    passReason: r.passReason,
    permittedRatio:
      r.permittedRatioBps === null
        ? null
        : rateFigure(
            k('permittedRatio'),
            'Highest permitted HCE deferral ratio',
            bpsRate(r.permittedRatioBps),
            'ratio leveling: the highest ratio T such that the HCE ratios, each cut to at most T, average no more than the limit',
            CITE.ratioLeveling,
            [k('limit'), k('hceAdp')],
          ),
    leveledHceAdp: rateFigure(
      k('leveledHceAdp'),
      'HCE ADP after ratio leveling',
      bpsRate(r.leveledHceAdpBps),
      failed
        ? 'the HCE average with every ratio above the permitted ratio cut to it: within the limit'
        : 'the plan passes: the HCE ADP as tested',
      CITE.ratioLeveling,
      failed ? [k('permittedRatio')] : [k('hceAdp')],
    ),
    excessContributions: figure(
      k('excessContributions'),
      'Excess contributions',
      r.excessContributions,
      failed
        ? 'for every HCE above the permitted ratio: deferrals counted − permitted ratio × capped pay (rounded down to the cent), summed'
        : 'the plan passes: none',
      CITE.ratioLeveling,
      failed ? [k('permittedRatio')] : [k('margin')],
    ),
    catchUp: figure(
      k('catchUp'),
      'Kept as catch-up contributions',
      r.catchUpTotal,
      'the excess apportioned to catch-up eligible HCEs, up to each one’s catch-up limit not yet used, summed',
      CITE.catchUp,
      [k('excessContributions')],
    ),
    refunded: figure(
      k('refunded'),
      'Distributed to HCEs',
      r.refundTotal,
      'the excess contributions not kept as catch-ups nor recharacterized, summed',
      CITE.distribution,
      [k('excessContributions'), k('catchUp')],
    ),
    recharacterized: figure(
      k('recharacterized'),
      'Recharacterized as after-tax',
      r.recharacterizedTotal,
      r.correction === 'recharacterize'
        ? 'the excess contributions not kept as catch-ups, treated as after-tax employee contributions and counted in the ACP test'
        : 'the plan distributes excess contributions: none recharacterized',
      CITE.recharacterization,
      [k('excessContributions'), k('catchUp')],
    ),
    allocableIncome: maybe(
      (cents) =>
        figure(
          k('allocableIncome'),
          'Income allocable to the refunds',
          cents,
          `the income allocable to each HCE’s refund through the end of the plan year, summed (${INCOME_WHY})`,
          CITE.income,
          [k('refunded')],
        ),
      r.allocableIncomeTotal,
    ),
    exciseTaxIfLate: figure(
      k('exciseTaxIfLate'),
      `Excise tax if late (${excisePct})`,
      r.exciseTaxIfLate,
      `${excisePct} of the excess contributions not kept as catch-ups, if not distributed or recharacterized by ${r.deadlines.exciseTaxDeadline}`,
      acpConstants.exciseTaxRate.citation,
      [k('excessContributions'), k('catchUp'), 'exciseTaxRate'],
    ),
    recharacterizationDeadline: r.recharacterizationDeadline,
    corrections: r.corrections.map(correctionRow),
    qnecAlternative:
      q === null
        ? null
        : {
            rate: rateFigure(
              k('qnecAlternative.rate'),
              'QNEC to every eligible NHCE (share of pay)',
              bpsRate(q.rateBps),
              'the smallest uniform QNEC, as a share of capped pay, that makes the ADP test pass: each NHCE’s QNEC rounded to the cent, counted up to the targeted QNEC limit, and the test run again on those dollars',
              CITE.qnec,
              [k('hceAdp'), k('nhceAdp')],
            ),
            cost: figure(
              k('qnecAlternative.cost'),
              'Cost of the QNEC',
              q.cost,
              'the QNECs of every eligible NHCE, summed',
              CITE.qnec,
              [k('qnecAlternative.rate')],
            ),
            nhceAdpAfter: rateFigure(
              k('qnecAlternative.nhceAdpAfter'),
              'NHCE ADP with the QNEC',
              bpsRate(q.nhceAverageAfterBps),
              'the NHCE average with each NHCE’s QNEC counted',
              CITE.qnec,
              [k('qnecAlternative.rate')],
            ),
            limitAfter: rateFigure(
              k('qnecAlternative.limitAfter'),
              'Limit with the QNEC',
              bpsRate(q.limitAfterBps),
              `${limitRuleText()} for the NHCE ADP with the QNEC; the HCE ADP ${percentText(r.hceAdpBps)} is within it`,
              CITE.limit,
              [k('qnecAlternative.nhceAdpAfter')],
            ),
          },
    qnecLimit: r.qnecLimit === null ? null : qnecLimitReport(r.qnecLimit, 'adp.qnecLimit', 'ADP'),
    catchUps: {
      deferralLimit: figure(
        k('catchUps.deferralLimit'),
        'Elective deferral limit (402(g))',
        cu.deferralLimit,
        'deferrals above it are catch-ups, up to the catch-up limit for the employee’s age at December 31; beyond that, excess deferrals',
        CITE.catchUpByLimit,
      ),
      eligible: cu.eligible,
      notTested: figure(
        k('catchUps.notTested'),
        'Catch-ups by the 402(g) limit, not tested',
        cu.byLimit,
        `deferrals above the 402(g) limit, up to each catch-up eligible employee’s catch-up limit, summed over ${String(cu.byLimitRows)} employees: catch-up contributions, left out of the ADP test`,
        CITE.catchUpByLimit,
        [k('catchUps.deferralLimit')],
      ),
      notTestedRows: cu.byLimitRows,
      excessDeferrals: figure(
        k('catchUps.excessDeferrals'),
        'Excess deferrals',
        cu.excessDeferrals,
        `deferrals above the 402(g) limit and any catch-up, summed over ${String(cu.excessDeferralRows)} employees: counted for an HCE, not for an NHCE, and to be distributed`,
        CITE.excessDeferrals,
        [k('catchUps.deferralLimit')],
      ),
      excessDeferralRows: cu.excessDeferralRows,
      unknownAgeAboveLimit: cu.unknownAgeAboveLimit,
    },
  };
}

/** The finding's sentence when the ADP test fails (for the report's findings). */
export function adpFailureText(r: AdpResult): { message: string; fix: string } {
  const d = r.deadlines;
  const q = r.qnecAlternative;
  const kept =
    r.catchUpTotal > 0
      ? `: ${formatUsd(r.catchUpTotal)} stays as catch-ups, ${formatUsd(r.excessContributions - r.catchUpTotal)}`
      : '';
  const how =
    r.correction === 'recharacterize'
      ? `recharacterize ${formatUsd(r.recharacterizedTotal)} as after-tax contributions by ${r.recharacterizationDeadline}${r.refundTotal > 0 ? ` and distribute ${formatUsd(r.refundTotal)}` : ''}`
      : `distribute ${formatUsd(r.refundTotal)} (with its allocable income) by ${d.exciseTaxDeadline}`;
  return {
    message: `The plan fails the ADP test: the HCE ADP ${percentText(r.hceAdpBps)} is above the limit ${percentText(r.limitBps)}; ${formatUsd(r.excessContributions)} of excess contributions${kept} must be corrected by ${d.finalDeadline}`,
    fix: `${how} to avoid the employer’s excise tax of ${formatUsd(r.exciseTaxIfLate)}${q ? `, or give every eligible NHCE a QNEC of ${percentText(q.rateBps)} of pay (${formatUsd(q.cost)}) instead` : ''}`,
  };
}
