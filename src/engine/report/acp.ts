/**
 * The `acp` report: the ACP test of a plan's census (IRC 401(m)(2), (3); Treas. Reg.
 * 1.401(m)-2(a)) — the two averages, the limit and the margin — and, when the plan fails, the
 * correction (IRC 401(m)(6); Reg. 1.401(m)-2(b)): the excess aggregate contributions, each HCE's
 * refund by source with its allocable income, the deadlines and excise tax (IRC 4979) and the
 * QNEC that would pass instead; the ADP test beside it when the census has deferrals (the `adp`
 * section, `acp-adp.ts`); both tests per group when the otherwise excludable employees are tested
 * apart (IRC 410(b)(4)(B)); optionally the sponsor's what-ifs. Every amount is a Figure, every
 * ratio a RateFigure.
 */
import type { AcpOptions, AcpResult, NhceSource, PreparedTest, Refund } from '../acp/acp-test.js';
import type { AdpResult } from '../acp/adp-test.js';
import type { Census } from '../acp/census.js';
import type { CensusIssue } from '../acp/census-csv.js';
import type { CorrectionDeadlines } from '../acp/deadlines.js';
import type { ExcludableEmployees } from '../acp/excludable.js';
import {
  runPlanTests,
  type GroupTests,
  type PlanTests,
  type TestGroup,
} from '../acp/plan-tests.js';
import { bpsRate, percentShortText, percentText } from '../acp/ratios.js';
import { adoptionGrid, maxUniformRate, richerMatch, type MaxRateResult } from '../acp/whatif.js';
import { figure, rateFigure, type Figure, type RateFigure } from '../explain.js';
import { formatUsd, type Cents } from '../money.js';
import { acpConstants } from '../params/acp.js';
import { paramsFor, rate, usd } from '../params/index.js';
import { adpFailureText, adpSection, type AdpSection } from './acp-adp.js';
import { HUNDREDTH, limitRuleText, qnecLimitReport, type QnecLimitReport } from './acp-common.js';
import type { Finding, ReportBase } from './model.js';

export { HUNDREDTH, limitRuleText };

/** How the census was read: rows seen, rows tested, and the rows left out with their problems. */
export interface CensusReading {
  readonly rowsRead: number;
  readonly skippedRows: number;
  /** Problems of the rows left out (all, or the first ones kept). */
  readonly problems: readonly CensusIssue[];
  /** Problems counted in all (more than `problems` when only the first ones were kept). */
  readonly problemCount: number;
}

/** The sponsor's what-ifs to run: HCE adoption shares (percent) × added after-tax rates. */
export interface WhatIfInput {
  /** Shares of the HCEs who add after-tax money, percent (e.g. 10, 20, … 100). */
  readonly sharesPercent: readonly number[];
  /** Added after-tax rates, hundredths of a percent of capped pay. */
  readonly ratesBps: readonly number[];
  /** Everyone's match raised by this percent (e.g. 50). */
  readonly matchBoostPercent: number;
}

export interface AcpReportInput {
  readonly census: Census;
  readonly reading: CensusReading;
  readonly options: AcpOptions;
  readonly whatif?: WhatIfInput;
}

/** One HCE's refund: how much dollar leveling takes, and from which money. */
export interface RefundRow {
  readonly id: string;
  /** The HCE's ratio before the correction. */
  readonly ratio: RateFigure;
  /** Counted contributions before the correction. */
  readonly contributions: Figure;
  readonly amount: Figure;
  readonly afterTax: Figure;
  readonly matchDistributed: Figure;
  readonly matchForfeited: Figure;
  readonly qmac: Figure;
  readonly qnec: Figure;
  /** Income allocable to the refund, or null when the census and options do not give it. */
  readonly allocableIncome: Figure | null;
}

export interface QnecAlternativeReport {
  readonly rate: RateFigure;
  readonly cost: Figure;
  readonly nhceAcpAfter: RateFigure;
  readonly limitAfter: RateFigure;
}

export interface MaxRateReport {
  readonly sharePercent: number;
  readonly adopters: number;
  /** Null when the plan fails even with nothing added. */
  readonly maxRate: RateFigure | null;
  /** True when even the search cap (100% of pay) passes: the figure is a floor. */
  readonly capped: boolean;
}

export interface GridCellReport {
  readonly sharePercent: number;
  readonly rate: RateFigure;
  readonly adopters: number;
  readonly hceAcp: RateFigure;
  readonly passed: boolean;
  readonly refundTotal: Figure;
  readonly refundedHces: number;
}

export interface RicherMatchReport {
  readonly boostPercent: number;
  /** False under the safe-harbor option: the match is not in the test. */
  readonly applies: boolean;
  readonly extraMatchCost: Figure;
  readonly nhceAcpBefore: RateFigure;
  readonly nhceAcpAfter: RateFigure;
  readonly hceAcpBefore: RateFigure;
  readonly hceAcpAfter: RateFigure;
  readonly limitAfter: RateFigure;
  readonly passedBefore: boolean;
  readonly passedAfter: boolean;
  readonly excessAfter: Figure;
  readonly maxUniformRateAfter: MaxRateReport;
}

export interface WhatIfReport {
  readonly maxUniformRate: MaxRateReport;
  readonly grid: readonly GridCellReport[];
  readonly richerMatch: RicherMatchReport;
}

/** One test of one group of employees, in brief. */
export interface GroupTestReport {
  readonly hceCount: number;
  readonly nhceCount: number;
  readonly hceAverage: RateFigure;
  readonly nhceAverage: RateFigure;
  readonly limit: RateFigure;
  readonly passed: boolean;
  readonly passReason: AcpResult['passReason'];
  readonly excess: Figure;
}

/** A group's tests when the otherwise excludable employees are tested apart. */
export interface GroupReport {
  readonly group: Exclude<TestGroup, 'all'>;
  readonly acp: GroupTestReport;
  readonly adp: GroupTestReport | null;
}

/** Who is otherwise excludable and how the plan tests them. */
export interface ExcludableReport {
  readonly rule: 'separate' | 'drop-nhces';
  readonly count: number;
  /** The latest date meeting age 21 and a year of service still let an employee in this plan year. */
  readonly latestQualifyingDate: string;
  readonly byColumn: number;
  readonly byNumbers: number;
  readonly unknown: number;
  /** `drop-nhces`: the otherwise excludable NHCEs left out of the tests; else null. */
  readonly nhcesLeftOut: number | null;
}

export interface AcpReport extends ReportBase<'acp'> {
  /** Every test passes: the ACP test and the ADP test, in every group. */
  readonly allPassed: boolean;
  readonly year: number;
  readonly method: 'current' | 'prior';
  readonly safeHarbor: boolean;
  readonly nhceSource: NhceSource;
  readonly hceCount: number;
  readonly nhceCount: number;
  readonly ineligibleCount: number;
  readonly hceAcp: RateFigure;
  readonly nhceAcp: RateFigure;
  readonly limit: RateFigure;
  readonly margin: RateFigure;
  readonly passed: boolean;
  readonly passReason: AcpResult['passReason'];
  readonly permittedRatio: RateFigure | null;
  readonly leveledHceAcp: RateFigure;
  readonly excessAggregateContributions: Figure;
  readonly distributed: Figure;
  readonly forfeited: Figure;
  /** Income allocable to the refunds, summed, or null when unknown. */
  readonly allocableIncome: Figure | null;
  readonly exciseTaxRate: RateFigure;
  readonly exciseTaxIfLate: Figure;
  readonly deadlines: CorrectionDeadlines;
  /** Only the HCEs with a refund, in census order. */
  readonly refunds: readonly RefundRow[];
  readonly qnecAlternative: QnecAlternativeReport | null;
  /** The targeted QNEC limit on the NHCEs' QNECs in the ACP test; null when they are the ADP test's. */
  readonly qnecLimit: QnecLimitReport | null;
  /** The ADP test, when the census has deferrals and the plan is not a safe-harbor plan. */
  readonly adp: AdpSection | null;
  /** How the plan tests its otherwise excludable employees, or null: everyone together. */
  readonly excludable: ExcludableReport | null;
  /** Each group's tests when tested apart; else null. */
  readonly groups: readonly GroupReport[] | null;
  readonly hceDetermination: {
    readonly threshold: Figure;
    readonly byColumn: number;
    readonly byOwnership: number;
    readonly byPay: number;
    readonly topPaidGroupSize: number | null;
  };
  readonly census: {
    readonly rowsRead: number;
    readonly rowsTested: number;
    readonly skippedRows: number;
    readonly problems: readonly CensusIssue[];
  };
  readonly whatif?: WhatIfReport;
}

/** A rate parameter as a short percentage ("10%"). */
function ratePercentText(r: { num: number; den: number }): string {
  return `${String((r.num * 100) / r.den)}%`;
}

const CITE = {
  ratio: 'IRC 401(m)(3); Treas. Reg. 1.401(m)-2(a)(2)(i), (a)(3)(i)',
  limit: 'IRC 401(m)(2)(A); Treas. Reg. 1.401(m)-2(a)(1)(i)',
  prior: 'IRC 401(m)(2)(A), 401(m)(3); Treas. Reg. 1.401(m)-2(a)(2)(ii), (c)',
  ratioLeveling: 'IRC 401(m)(6)(B); Treas. Reg. 1.401(m)-2(b)(2)(ii)',
  dollarLeveling: 'IRC 401(m)(6)(C); Treas. Reg. 1.401(m)-2(b)(2)(iii)',
  distribution: 'IRC 401(m)(6)(A); Treas. Reg. 1.401(m)-2(b)(3)',
  forfeiture: 'IRC 401(m)(6)(A), 411(a)(3)(G); Treas. Reg. 1.401(m)-2(b)(3)',
  qnec: 'Treas. Reg. 1.401(m)-2(a)(6), (b)(1)(i)(A)',
  income: 'Treas. Reg. 1.401(m)-2(b)(2)(iv)',
  excludable: 'IRC 410(b)(4)(B); Treas. Reg. 1.401(k)-2(a)(1)(iii), 1.401(m)-2(a)(1)(iii)',
  whatif: 'IRC 401(m)(2)(A); Treas. Reg. 1.401(m)-2(a) (what-if: the census with money added)',
} as const;

/** How each NHCE source is named and cited. */
function nhceSourceText(source: NhceSource): [label: string, why: string, citation: string] {
  const deemed = percentShortText(acpConstants.firstYearDeemedNhceAcpBps.value);
  switch (source) {
    case 'current-year':
      return [
        'NHCE ACP (current year)',
        'the average of the eligible NHCEs’ contribution ratios this plan year',
        CITE.ratio,
      ];
    case 'prior-year':
      return [
        'NHCE ACP (prior year, given)',
        'the NHCEs’ ACP of the prior plan year, as given (prior-year testing)',
        CITE.prior,
      ];
    case 'first-year-deemed':
      return [
        `NHCE ACP (first plan year, deemed ${deemed})`,
        `prior-year testing in the plan’s first year: the NHCE ACP is deemed ${deemed}`,
        acpConstants.firstYearDeemedNhceAcpBps.citation,
      ];
  }
}

/** What the ACP test counts, in words. */
function counted(o: AcpOptions): string {
  const qnec = o.qnecTest === 'adp' ? '' : ' and QNECs (an NHCE’s up to the targeted QNEC limit)';
  const rech = o.adpCorrection === 'recharacterize' ? ' (with recharacterized deferrals)' : '';
  return o.safeHarbor
    ? `after-tax money${rech}${qnec} (safe-harbor plan: the match is left out)`
    : `match, after-tax money${rech}, QMACs${qnec}`;
}

/** The income allocable to a refund: how it is figured. */
const INCOME_WHY =
  'gain_loss × amount ÷ (beginning_balance + the plan year’s contributions) from the census, or the amount × the plan’s gain rate; rounded to the cent (the unvested match’s share is forfeited with it)';

/**
 * One HCE's refund. The rows of the table share one key per column (`refunds.amount`): one rule,
 * explained once, whatever the number of HCEs.
 */
function refundRow(r: Refund, o: AcpOptions, vestedText: string): RefundRow {
  const k = (name: string): string => `refunds.${name}`;
  const money = (
    name: string,
    label: string,
    amount: Cents,
    why: string,
    citation: string,
  ): Figure => figure(k(name), label, amount, why, citation, [k('amount')]);
  return {
    id: r.id,
    ratio: rateFigure(
      k('ratio'),
      'HCE’s contribution ratio',
      bpsRate(r.ratioBps),
      `${counted(o)} ÷ pay capped at 401(a)(17), to the nearest ${HUNDREDTH}`,
      CITE.ratio,
      [k('contributions')],
    ),
    contributions: figure(
      k('contributions'),
      'HCE’s contributions counted',
      r.contributions,
      `${counted(o)} in the census`,
      CITE.ratio,
    ),
    amount: figure(
      k('amount'),
      'HCE’s refund',
      r.amount,
      'dollar leveling: the excess is taken from the HCEs with the most dollars counted, down to the next, then from all of them equally (an odd cent from the HCEs first in the census)',
      CITE.dollarLeveling,
      ['excessAggregateContributions', k('contributions')],
    ),
    afterTax: money(
      'afterTax',
      'After-tax money refunded',
      r.afterTax,
      'after-tax money comes back first (the participant’s basis, not taxed again; its earnings are)',
      CITE.distribution,
    ),
    matchDistributed: money(
      'matchDistributed',
      'Match paid out',
      r.matchDistributed,
      `then the match: its vested share (the row’s match_vested_percent, else ${vestedText}) is paid out, rounded down to the cent`,
      CITE.distribution,
    ),
    matchForfeited: money(
      'matchForfeited',
      'Match forfeited',
      r.matchForfeited,
      'the unvested rest of the match taken is forfeited (never reallocated to the HCEs corrected)',
      CITE.forfeiture,
    ),
    qmac: money('qmac', 'QMAC paid out', r.qmac, 'then QMACs (always vested)', CITE.distribution),
    qnec: money('qnec', 'QNEC paid out', r.qnec, 'then QNECs (always vested)', CITE.distribution),
    allocableIncome:
      r.allocableIncome === null
        ? null
        : figure(
            k('allocableIncome'),
            'Income allocable to the refund',
            r.allocableIncome,
            INCOME_WHY,
            CITE.income,
            [k('amount')],
          ),
  };
}

function maxRateReport(m: MaxRateResult, key: string): MaxRateReport {
  return {
    sharePercent: m.sharePercent,
    adopters: m.adopters,
    maxRate:
      m.maxRateBps === null
        ? null
        : rateFigure(
            key,
            `Highest uniform after-tax rate for ${String(m.sharePercent)}% of the HCEs`,
            bpsRate(m.maxRateBps),
            m.capped
              ? `even ${percentText(m.searchCapBps)} of pay added by ${String(m.adopters)} HCEs passes (the search stops there)`
              : `the highest rate of capped pay that the ${String(m.adopters)} highest-paid HCEs could add on top of the census and still pass (bisection over ${HUNDREDTH})`,
            CITE.whatif,
            ['limit'],
          ),
    capped: m.capped,
  };
}

function whatIfReport(p: PreparedTest, tested: AcpResult, w: WhatIfInput): WhatIfReport {
  const grid = adoptionGrid(p, w.sharesPercent, w.ratesBps);
  const m = richerMatch(p, w.matchBoostPercent, {
    hceAcpBps: tested.hceAcpBps,
    limitBps: tested.limitBps,
    passed: tested.passed,
    excess: tested.excessAggregateContributions,
  });
  const k = (name: string): string => `whatif.richerMatch.${name}`;
  const rf = (name: string, label: string, bps: number, why: string): RateFigure =>
    rateFigure(k(name), label, bpsRate(bps), why, CITE.whatif);
  const boost = `everyone’s match raised by ${String(m.boostPercent)}%`;
  return {
    maxUniformRate: maxRateReport(maxUniformRate(p, 100), 'whatif.maxUniformRate.maxRate'),
    // the cells share one key per column (`whatif.grid.refundTotal`): one rule each
    grid: grid.map((c) => {
      const g = (name: string): string => `whatif.grid.${name}`;
      return {
        sharePercent: c.sharePercent,
        rate: rateFigure(
          g('rate'),
          'Added after-tax rate',
          bpsRate(c.rateBps),
          'after-tax money the highest-paid sharePercent% of the HCEs add, as a share of capped pay, rounded to the cent',
          'what-if input (the rates asked for)',
        ),
        adopters: c.adopters,
        hceAcp: rateFigure(
          g('hceAcp'),
          'HCE ACP with the added after-tax money',
          bpsRate(c.hceAcpBps),
          'the HCE average with the adopters’ added after-tax money counted',
          CITE.whatif,
          [g('rate')],
        ),
        passed: c.passed,
        refundTotal: figure(
          g('refundTotal'),
          'Excess to refund',
          c.refundTotal,
          'ratio leveling of the HCE ratios to the limit (0 when the cell passes); refundedHces HCEs get a refund',
          CITE.ratioLeveling,
          [g('hceAcp'), 'limit'],
        ),
        refundedHces: c.refundedHces,
      };
    }),
    richerMatch: {
      boostPercent: m.boostPercent,
      applies: m.applies,
      extraMatchCost: figure(
        k('extraMatchCost'),
        'Extra match cost',
        m.extraMatchCost,
        m.applies
          ? `${boost}, each rounded to the cent, summed over every eligible employee`
          : 'the safe-harbor option leaves the match out of the test: not counted',
        CITE.whatif,
      ),
      nhceAcpBefore: rf('nhceAcpBefore', 'NHCE ACP before', m.nhceAcpBefore, 'as tested'),
      nhceAcpAfter: rf(
        'nhceAcpAfter',
        'NHCE ACP with the richer match',
        m.nhceAcpAfter,
        p.options.method === 'current'
          ? `the NHCE average with ${boost}`
          : 'prior-year testing: last year’s NHCE ACP does not move this year',
      ),
      hceAcpBefore: rf('hceAcpBefore', 'HCE ACP before', m.hceAcpBefore, 'as tested'),
      hceAcpAfter: rf(
        'hceAcpAfter',
        'HCE ACP with the richer match',
        m.hceAcpAfter,
        `the HCE average with ${boost}`,
      ),
      limitAfter: rf(
        'limitAfter',
        'Limit with the richer match',
        m.limitAfterBps,
        `${limitRuleText()} for the NHCE ACP with the richer match`,
      ),
      passedBefore: m.passedBefore,
      passedAfter: m.passedAfter,
      excessAfter: figure(
        k('excessAfter'),
        'Excess with the richer match',
        m.excessAfter,
        'ratio leveling of the HCE ratios with the richer match',
        CITE.ratioLeveling,
        [k('hceAcpAfter'), k('limitAfter')],
      ),
      maxUniformRateAfter: maxRateReport(m.maxRateAfter, k('maxUniformRateAfter.maxRate')),
    },
  };
}

/** The ACP test's findings (as before the ADP test joined it), then the ADP test's and the rest. */
function findings(t: PlanTests, census: Census, reading: CensusReading, vested: string): Finding[] {
  const r = t.acp;
  const out: Finding[] = [];
  if (reading.skippedRows > 0) {
    out.push({
      severity: 'warning',
      path: 'census',
      message: `${String(reading.skippedRows)} of ${String(reading.rowsRead)} census rows could not be used and are left out of the test (${String(reading.problemCount)} problems)`,
      fix: 'correct the rows listed and run the test again',
    });
  }
  if (r.passReason === 'no-eligible-nhces') {
    out.push({
      severity: 'info',
      path: '',
      message:
        'No eligible NHCEs this plan year: the plan is deemed to pass (Treas. Reg. 1.401(m)-2(a)(1)(ii))',
    });
  }
  if (r.nhceSource === 'first-year-deemed') {
    out.push({
      severity: 'info',
      path: 'firstYear',
      message: `First plan year under prior-year testing: the NHCE ACP is deemed ${percentText(r.nhceAcpBps)} (IRC 401(m)(3))`,
    });
  }
  if (!r.passed) {
    const d = r.deadlines;
    const q = r.qnecAlternative;
    out.push({
      severity: 'error',
      path: '',
      message: `The plan fails the ACP test: the HCE ACP ${percentText(r.hceAcpBps)} is above the limit ${percentText(r.limitBps)}; ${formatUsd(r.excessAggregateContributions)} of excess aggregate contributions must be distributed or forfeited by ${d.finalDeadline}`,
      fix: `distribute by ${d.exciseTaxDeadline} to avoid the employer’s excise tax of ${formatUsd(r.exciseTaxIfLate)}${q ? `, or give every eligible NHCE a QNEC of ${percentText(q.rateBps)} of pay (${formatUsd(q.cost)}) instead` : ''}`,
    });
    const match = r.refunds.some((f) => f.matchDistributed + f.matchForfeited > 0);
    if (match && !census.columns.vested) {
      out.push({
        severity: 'question',
        path: 'defaultVestedBps',
        message: `Match is refunded, and the census has no match_vested_percent column: the match is taken as ${vested} vested. Ask the plan administrator for each HCE’s vested share: the unvested part is forfeited, not paid out.`,
      });
    }
  }
  out.push(...adpFindings(t.adp, census, t.options), ...planFindings(t));
  return out;
}

/** The ADP test's findings. */
function adpFindings(a: AdpResult | null, census: Census, o: AcpOptions): Finding[] {
  const out: Finding[] = [];
  if (a === null) {
    if (census.columns.deferrals && o.safeHarbor) {
      out.push({
        severity: 'info',
        path: 'safeHarbor',
        message:
          'Safe-harbor plan: the ADP test is met by the safe-harbor contributions and is not run (Treas. Reg. 1.401(k)-3)',
      });
    }
    return out;
  }
  if (a.nhceSource === 'first-year-deemed') {
    out.push({
      severity: 'info',
      path: 'firstYear',
      message: `First plan year under prior-year testing: the NHCE ADP is deemed ${percentText(a.nhceAdpBps)} (IRC 401(k)(3)(E))`,
    });
  }
  if (!a.passed) {
    out.push({ severity: 'error', path: 'adp', ...adpFailureText(a) });
    const matched = a.corrections.some(
      (c) => c.refund + c.recharacterized > 0 && (census.match[c.index] ?? 0) > 0,
    );
    if (matched) {
      out.push({
        severity: 'question',
        path: 'adp',
        message:
          'Does the match follow the deferrals distributed or recharacterized? Match on them must be forfeited where keeping it would give HCEs a higher match rate than NHCEs (Treas. Reg. 1.401(k)-2(b)(4)(ii), IRC 411(a)(3)(G)); the ACP test here counts the match as the census shows it.',
      });
    }
    if (a.recharacterizedTotal > 0) {
      out.push({
        severity: 'question',
        path: 'adpCorrection',
        message: `Does the plan allow after-tax contributions of the amounts recharacterized? With the after-tax money each HCE made they may not exceed what the plan permits (Treas. Reg. 1.401(k)-2(b)(3)(iii)(B)); recharacterization is reported as taxable as if distributed.`,
      });
    }
  }
  const cu = a.catchUps;
  if (a.catchUpTotal > 0) {
    out.push({
      severity: 'info',
      path: 'adp',
      message: `${formatUsd(a.catchUpTotal)} of the excess contributions stays in the plan as catch-up contributions of catch-up eligible HCEs (Treas. Reg. 1.414(v)-1(d)(2)(iii)); under IRC 414(v)(7) a catch-up of an employee whose prior-year wages from the employer were above the Roth catch-up threshold must be designated Roth`,
    });
  }
  if (cu.excessDeferralRows > 0) {
    out.push({
      severity: 'warning',
      path: 'deferrals',
      message: `${String(cu.excessDeferralRows)} employees deferred ${formatUsd(cu.excessDeferrals)} more than the 402(g) limit and their catch-up limit: excess deferrals, to be distributed to them (IRC 402(g)(2)); counted in the ADP test for HCEs, not for NHCEs`,
    });
  }
  if (cu.unknownAgeAboveLimit > 0) {
    out.push({
      severity: 'question',
      path: 'deferrals',
      message: `${String(cu.unknownAgeAboveLimit)} employees deferred more than the 402(g) limit and the census gives no age or birth date for them: they are taken as not catch-up eligible. Add birth_date so catch-ups are left out of the test (IRC 414(v)).`,
    });
  }
  return out;
}

/** Findings of the whole plan: QNECs cut to the limit, allocable income, otherwise excludable employees. */
function planFindings(t: PlanTests): Finding[] {
  const out: Finding[] = [];
  for (const [name, l] of [
    ['ACP', t.acp.qnecLimit],
    ['ADP', t.adp?.qnecLimit ?? null],
  ] as const) {
    if (l === null || l.nhcesLimited === 0) continue;
    out.push({
      severity: 'warning',
      path: 'qnec',
      message: `${formatUsd(l.notCounted)} of QNECs to ${String(l.nhcesLimited)} NHCEs is above the targeted QNEC limit (${percentText(l.limitRateBps)} of pay) and is not counted in the ${name} test (Treas. Reg. 1.401(k)-2(a)(6)(iv), 1.401(m)-2(a)(6)(v))`,
    });
  }
  const refunds =
    t.acp.refunds.length + (t.adp?.corrections.filter((c) => c.refund > 0).length ?? 0);
  if (
    refunds > 0 &&
    (t.acp.allocableIncomeTotal === null || t.adp?.allocableIncomeTotal === null)
  ) {
    out.push({
      severity: 'question',
      path: 'gainRateBps',
      message:
        'Refunds are paid with the income allocable to them through the end of the plan year (Treas. Reg. 1.401(k)-2(b)(2)(iv), 1.401(m)-2(b)(2)(iv)). Ask for each account’s gain or loss and its beginning balance (census columns gain_loss, beginning_balance), or the plan’s rate of return for the year.',
    });
  }
  const x = t.excludable;
  if (x !== null && x.unknown > 0) {
    out.push({
      severity: 'warning',
      path: 'excludable',
      message: `${String(x.unknown)} employees have no birth date (or age) or no hire date (or years of service): taken as meeting the age and service conditions and tested with the others`,
    });
  }
  if (x !== null && x.byNumbers > 0) {
    out.push({
      severity: 'question',
      path: 'excludable',
      message: `${String(x.byNumbers)} employees’ age or service is a number at the end of the plan year, not a date: the condition counts as met when met by then, without the six-month entry rule (IRC 410(a)(4)). Give birth_date and hire_date for the exact rule.`,
    });
  }
  return out;
}

/** One group's test in brief (`groups.acp.*` or `groups.adp.*` figures). */
function groupTestReport(
  test: 'acp' | 'adp',
  r: {
    hceCount: number;
    nhceCount: number;
    hceBps: number;
    nhceBps: number;
    limitBps: number;
    passed: boolean;
    passReason: AcpResult['passReason'];
    excess: Cents;
  },
): GroupTestReport {
  const k = (name: string): string => `groups.${test}.${name}`;
  const T = test.toUpperCase();
  const cite = test === 'acp' ? CITE.ratio : 'IRC 401(k)(3); Treas. Reg. 1.401(k)-2(a)(2)(i)';
  return {
    hceCount: r.hceCount,
    nhceCount: r.nhceCount,
    hceAverage: rateFigure(
      k('hceAverage'),
      `HCE ${T} of the group`,
      bpsRate(r.hceBps),
      `the average of the group’s eligible HCEs’ ratios, each to the nearest ${HUNDREDTH}`,
      cite,
    ),
    nhceAverage: rateFigure(
      k('nhceAverage'),
      `NHCE ${T} of the group`,
      bpsRate(r.nhceBps),
      `the average of the group’s eligible NHCEs’ ratios, each to the nearest ${HUNDREDTH}`,
      cite,
    ),
    limit: rateFigure(
      k('limit'),
      `Limit: ${limitRuleText()}`,
      bpsRate(r.limitBps),
      `for N = the group’s NHCE ${T}, rounded down to ${HUNDREDTH}`,
      CITE.limit,
      [k('nhceAverage')],
    ),
    passed: r.passed,
    passReason: r.passReason,
    excess: figure(
      k('excess'),
      test === 'acp'
        ? 'Excess aggregate contributions of the group'
        : 'Excess contributions of the group',
      r.excess,
      'ratio leveling of the group’s HCE ratios to its limit (0 when the group passes)',
      test === 'acp' ? CITE.ratioLeveling : 'IRC 401(k)(8)(B); Treas. Reg. 1.401(k)-2(b)(2)(ii)',
      [k('hceAverage'), k('limit')],
    ),
  };
}

/** Each group's tests in brief, when the otherwise excludable employees are tested apart. */
function groupReports(groups: readonly GroupTests[]): GroupReport[] | null {
  if (groups.length < 2) return null;
  return groups.map((g) => {
    const c = g.acp.result;
    const a = g.adp?.result ?? null;
    return {
      group: g.group === 'all' ? 'meets-age-and-service' : g.group,
      acp: groupTestReport('acp', {
        hceCount: c.hceCount,
        nhceCount: c.nhceCount,
        hceBps: c.hceAcpBps,
        nhceBps: c.nhceAcpBps,
        limitBps: c.limitBps,
        passed: c.passed,
        passReason: c.passReason,
        excess: c.excessAggregateContributions,
      }),
      adp:
        a === null
          ? null
          : groupTestReport('adp', {
              hceCount: a.hceCount,
              nhceCount: a.nhceCount,
              hceBps: a.hceAdpBps,
              nhceBps: a.nhceAdpBps,
              limitBps: a.limitBps,
              passed: a.passed,
              passReason: a.passReason,
              excess: a.excessContributions,
            }),
    };
  });
}

/** `yyyymmdd` as an ISO date. */
function isoOf(d: number): string {
  const t = String(d).padStart(8, '0');
  return `${t.slice(0, 4)}-${t.slice(4, 6)}-${t.slice(6, 8)}`;
}

function excludableReport(
  x: ExcludableEmployees | null,
  o: AcpOptions,
  main: PreparedTest,
): ExcludableReport | null {
  if (x === null || o.excludable === undefined) return null;
  return {
    rule: o.excludable,
    count: x.count,
    latestQualifyingDate: isoOf(x.latestEntryQualifyingDate),
    byColumn: x.byColumn,
    byNumbers: x.byNumbers,
    unknown: x.unknown,
    nhcesLeftOut: o.excludable === 'drop-nhces' ? main.leftOutCount : null,
  };
}

/** The `acp` report for a census read from a file. */
export function acpReport(input: AcpReportInput): AcpReport {
  const { census, reading, options } = input;
  const t = runPlanTests(census, options);
  const main = t.groups[0];
  if (main === undefined) throw new RangeError('no test group');
  const p = main.acp.prepared;
  const r = t.acp;
  const params = paramsFor(options.year, 'year');
  const safe = r.safeHarbor;
  const cap = formatUsd(p.compensationLimit);
  const vestedText = percentText(options.defaultVestedBps ?? 10_000);
  const [nhceLabel, nhceWhy, nhceCite] = nhceSourceText(r.nhceSource);
  const exciseRate = rate(acpConstants.exciseTaxRate);
  const excisePct = ratePercentText(exciseRate);
  const thresholdParam = params.plan.hceLookbackThreshold;
  const q = r.qnecAlternative;
  const failed = !r.passed;
  return {
    report: 'acp',
    allPassed: t.passed,
    year: r.year,
    method: r.method,
    safeHarbor: safe,
    nhceSource: r.nhceSource,
    hceCount: r.hceCount,
    nhceCount: r.nhceCount,
    ineligibleCount: r.ineligibleCount,
    hceAcp: rateFigure(
      'hceAcp',
      'HCE ACP',
      bpsRate(r.hceAcpBps),
      `the average of the ${String(r.hceCount)} eligible HCEs’ ratios: ${counted(options)} ÷ pay capped at ${cap}, each to the nearest ${HUNDREDTH}`,
      CITE.ratio,
    ),
    nhceAcp: rateFigure('nhceAcp', nhceLabel, bpsRate(r.nhceAcpBps), nhceWhy, nhceCite),
    limit: rateFigure(
      'limit',
      `Limit: ${limitRuleText()}`,
      bpsRate(r.limitBps),
      `the highest HCE ACP that passes for N = the NHCE ACP ${percentText(r.nhceAcpBps)}, rounded down to ${HUNDREDTH} (an HCE ACP is a whole ${HUNDREDTH})`,
      CITE.limit,
      ['nhceAcp'],
    ),
    margin: rateFigure(
      'margin',
      'Margin (limit − HCE ACP)',
      bpsRate(r.marginBps),
      'the limit less the HCE ACP; negative when the plan fails',
      CITE.limit,
      ['limit', 'hceAcp'],
    ),
    passed: r.passed,
    passReason: r.passReason,
    permittedRatio:
      r.permittedRatioBps === null
        ? null
        : rateFigure(
            'permittedRatio',
            'Highest permitted HCE ratio',
            bpsRate(r.permittedRatioBps),
            'ratio leveling: the highest ratio T such that the HCE ratios, each cut to at most T, average no more than the limit',
            CITE.ratioLeveling,
            ['limit', 'hceAcp'],
          ),
    leveledHceAcp: rateFigure(
      'leveledHceAcp',
      'HCE ACP after ratio leveling',
      bpsRate(r.leveledHceAcpBps),
      failed
        ? 'the HCE average with every ratio above the permitted ratio cut to it: within the limit'
        : 'the plan passes: the HCE ACP as tested',
      CITE.ratioLeveling,
      failed ? ['permittedRatio'] : ['hceAcp'],
    ),
    excessAggregateContributions: figure(
      'excessAggregateContributions',
      'Excess aggregate contributions',
      r.excessAggregateContributions,
      failed
        ? 'for every HCE above the permitted ratio: contributions counted − permitted ratio × capped pay (rounded down to the cent), summed'
        : 'the plan passes: none',
      CITE.ratioLeveling,
      failed ? ['permittedRatio'] : ['margin'],
    ),
    distributed: figure(
      'distributed',
      'Distributed to HCEs',
      r.distributedTotal,
      'refunds paid out: after-tax money, the vested match, QMACs and QNECs',
      CITE.distribution,
      ['excessAggregateContributions'],
    ),
    forfeited: figure(
      'forfeited',
      'Unvested match forfeited',
      r.forfeitedTotal,
      'the unvested part of the match taken in the correction',
      CITE.forfeiture,
      ['excessAggregateContributions'],
    ),
    allocableIncome:
      r.allocableIncomeTotal === null
        ? null
        : figure(
            'allocableIncome',
            'Income allocable to the refunds',
            r.allocableIncomeTotal,
            `the income allocable to each HCE’s refund through the end of the plan year, summed (${INCOME_WHY})`,
            CITE.income,
            ['excessAggregateContributions'],
          ),
    exciseTaxRate: rateFigure(
      'exciseTaxRate',
      'Excise tax rate',
      exciseRate.num / exciseRate.den,
      `the employer’s tax on excess aggregate contributions not distributed within ${String(r.deadlines.exciseTaxMonths)} months after the plan year`,
      acpConstants.exciseTaxRate.citation,
    ),
    exciseTaxIfLate: figure(
      'exciseTaxIfLate',
      `Excise tax if late (${excisePct})`,
      r.exciseTaxIfLate,
      `${excisePct} of the excess aggregate contributions if they are not distributed by ${r.deadlines.exciseTaxDeadline}`,
      acpConstants.exciseTaxRate.citation,
      ['excessAggregateContributions', 'exciseTaxRate'],
    ),
    deadlines: r.deadlines,
    refunds: r.refunds.map((f) => refundRow(f, options, vestedText)),
    qnecAlternative:
      q === null
        ? null
        : {
            rate: rateFigure(
              'qnecAlternative.rate',
              'QNEC to every eligible NHCE (share of pay)',
              bpsRate(q.rateBps),
              'the smallest uniform QNEC, as a share of capped pay, that makes the plan pass: each NHCE’s QNEC rounded to the cent, counted up to the targeted QNEC limit, and the test run again on those dollars',
              CITE.qnec,
              ['hceAcp', 'nhceAcp'],
            ),
            cost: figure(
              'qnecAlternative.cost',
              'Cost of the QNEC',
              q.cost,
              'the QNECs of every eligible NHCE, summed',
              CITE.qnec,
              ['qnecAlternative.rate'],
            ),
            nhceAcpAfter: rateFigure(
              'qnecAlternative.nhceAcpAfter',
              'NHCE ACP with the QNEC',
              bpsRate(q.nhceAverageAfterBps),
              'the NHCE average with each NHCE’s QNEC counted',
              CITE.qnec,
              ['qnecAlternative.rate'],
            ),
            limitAfter: rateFigure(
              'qnecAlternative.limitAfter',
              'Limit with the QNEC',
              bpsRate(q.limitAfterBps),
              `${limitRuleText()} for the NHCE ACP with the QNEC; the HCE ACP ${percentText(r.hceAcpBps)} is within it`,
              CITE.limit,
              ['qnecAlternative.nhceAcpAfter'],
            ),
          },
    qnecLimit: r.qnecLimit === null ? null : qnecLimitReport(r.qnecLimit, 'qnecLimit', 'ACP'),
    adp: t.adp === null ? null : adpSection(t.adp),
    excludable: excludableReport(t.excludable, options, p),
    groups: groupReports(t.groups),
    hceDetermination: {
      threshold: figure(
        'hceDetermination.threshold',
        'HCE pay threshold',
        usd(thresholdParam),
        `${thresholdParam.label}: pay in ${String(r.year - 1)} of more than this makes an HCE for ${String(r.year)}, as does owning more than ${String(acpConstants.ownerPercent.value)}%`,
        thresholdParam.citation,
      ),
      byColumn: r.hceDetermination.byColumn,
      byOwnership: r.hceDetermination.byOwnership,
      byPay: r.hceDetermination.byPay,
      topPaidGroupSize: r.hceDetermination.topPaidGroupSize,
    },
    census: {
      rowsRead: reading.rowsRead,
      rowsTested: census.size,
      skippedRows: reading.skippedRows,
      problems: reading.problems,
    },
    ...(input.whatif ? { whatif: whatIfReport(p, main.acp.result, input.whatif) } : {}),
    findings: findings(t, census, reading, vestedText),
  };
}
