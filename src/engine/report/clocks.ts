/**
 * The `clocks` report: the Roth five-year clocks of a history (IRC 408A(d)(2)(B), 408A(d)(3)(F),
 * 402A(d)(2)), the Roth IRA in ordering-rule order (408A(d)(4)(B); Treas. Reg. 1.408A-6 Q&A-8)
 * and a planned withdrawal tranche by tranche with its tax, every amount a Figure and the
 * additional tax as a warning with the date it would end.
 */
import { ADDITIONAL_TAX_TEXT, QUALIFIED_AGE_TEXT } from '../distributions/params-text.js';
import { figure, rateFigure, type Figure, type RateFigure } from '../explain.js';
import { formatUsd } from '../money.js';
import { analyzeRothHistory, type Tranche } from '../roth-clocks/clocks.js';
import { later, type IsoDate } from '../roth-clocks/dates.js';
import type { RothHistory } from '../roth-clocks/history.js';
import type { Finding, ReportBase } from './model.js';

export interface TrancheReport {
  readonly kind: Tranche['kind'];
  readonly year: number | null;
  readonly amount: Figure;
  /** Free of income tax and of the additional tax from this date; null: always. */
  readonly freeFrom: IsoDate | null;
}

export interface WithdrawalTrancheReport {
  readonly kind: Tranche['kind'];
  readonly year: number | null;
  readonly amount: Figure;
  readonly taxable: Figure;
  readonly additionalTax: Figure;
  readonly incomeTax: Figure | null;
  readonly why: string;
}

export interface ClocksReport extends ReportBase<'clocks'> {
  readonly age59Half: IsoDate;
  readonly rothIra: {
    readonly startYear: number;
    readonly fiveYearsEnd: IsoDate;
    readonly qualifiedFrom: IsoDate;
  } | null;
  readonly plans: readonly {
    readonly plan: string;
    readonly startYear: number;
    readonly fiveYearsEnd: IsoDate;
    readonly qualifiedFrom: IsoDate;
  }[];
  readonly tranches: readonly TrancheReport[];
  readonly withdrawal: {
    readonly date: IsoDate;
    readonly amount: Figure;
    readonly qualified: boolean;
    /** The marginal income tax rate given for the estimate, or null. */
    readonly marginalRate: RateFigure | null;
    readonly tranches: readonly WithdrawalTrancheReport[];
    readonly taxable: Figure;
    readonly additionalTax: Figure;
    readonly incomeTax: Figure | null;
  } | null;
}

const ORDERING = 'IRC 408A(d)(4)(B); Treas. Reg. 1.408A-6 Q&A-8';

const TRANCHE_WHY: Readonly<Record<Tranche['kind'], (year: number | null) => [string, string]>> = {
  regular: () => [
    'regular contributions, plus the basis of Roth plan rollovers (all of a qualified distribution rolled over)',
    `${ORDERING}; Treas. Reg. 1.408A-10 Q&A-3`,
  ],
  'conversion-taxable': (y) => [
    `the taxable part of the conversions made in ${String(y)}, as entered`,
    `${ORDERING}; IRC 408A(d)(3)(F)`,
  ],
  'conversion-nontaxable': (y) => [
    `the amount converted in ${String(y)} − its taxable part`,
    ORDERING,
  ],
  earnings: () => [
    'Roth plan rollovers above their basis, and anything beyond contributions and conversions',
    `${ORDERING}; Treas. Reg. 1.408A-10 Q&A-3`,
  ],
};

function trancheId(kind: Tranche['kind'], year: number | null): string {
  return year === null ? kind : `${kind}.${String(year)}`;
}

/** The `clocks` report for a validated Roth history. Throws InputError on impossible dates. */
export function clocksReport(h: RothHistory): ClocksReport {
  const r = analyzeRothHistory(h);
  const u = formatUsd;
  const tranches = r.tranches.map((t): TrancheReport => {
    const [why, cite] = TRANCHE_WHY[t.kind](t.year);
    return {
      kind: t.kind,
      year: t.year,
      amount: figure(
        `clocks.tranches.${trancheId(t.kind, t.year)}`,
        `Roth IRA: ${t.kind}${t.year === null ? '' : ` ${String(t.year)}`}`,
        t.amount,
        why,
        cite,
      ),
      freeFrom: t.freeFrom,
    };
  });
  const findings: Finding[] = [];
  const w = r.withdrawal;
  let withdrawal: ClocksReport['withdrawal'] = null;
  if (w) {
    const k = (name: string): string => `clocks.withdrawal.${name}`;
    const marginal = h.withdrawal?.marginalRate;
    const rate =
      marginal === undefined
        ? null
        : rateFigure(
            k('marginalRate'),
            'Marginal income tax rate',
            marginal,
            'entered, for the income tax estimate',
            'assumption (the withdrawal’s marginalRate)',
          );
    const wt = w.tranches.map((t): WithdrawalTrancheReport => {
      const id = `${k('tranches')}.${trancheId(t.kind, t.year)}`;
      return {
        kind: t.kind,
        year: t.year,
        amount: figure(
          `${id}.amount`,
          `Withdrawn from ${t.kind}${t.year === null ? '' : ` ${String(t.year)}`}`,
          t.amount,
          'taken in ordering-rule order, after earlier distributions used up the tranches before it',
          ORDERING,
          [k('amount')],
        ),
        taxable: figure(
          `${id}.taxable`,
          'Includible in income',
          t.taxable,
          t.taxable > 0 ? `${u(t.amount)} of earnings: ${t.why}` : `none: ${t.why}`,
          'IRC 408A(d)(1)–(2), 72',
          [`${id}.amount`],
        ),
        additionalTax: figure(
          `${id}.additionalTax`,
          `${ADDITIONAL_TAX_TEXT} additional tax`,
          t.additionalTax,
          t.additionalTax > 0
            ? `${ADDITIONAL_TAX_TEXT} × ${u(t.amount)}, rounded half-up: ${t.why}`
            : `none: ${t.why}`,
          'IRC 72(t)(1); IRC 408A(d)(3)(F)',
          [`${id}.amount`],
        ),
        incomeTax:
          rate === null || t.incomeTax === null
            ? null
            : figure(
                `${id}.incomeTax`,
                'Estimated income tax',
                t.incomeTax,
                `${u(t.taxable)} includible × the marginal rate, rounded half-up`,
                'IRC 1; the marginal rate is an assumption',
                [`${id}.taxable`, k('marginalRate')],
              ),
        why: t.why,
      };
    });
    const sumOf = (name: 'taxable' | 'additionalTax' | 'incomeTax'): string[] =>
      wt.map((t) => t[name]?.key).filter((x): x is string => x !== undefined);
    withdrawal = {
      date: w.date,
      amount: figure(k('amount'), 'Planned withdrawal', w.amount, 'entered', 'the history file'),
      qualified: w.qualified,
      marginalRate: rate,
      tranches: wt,
      taxable: figure(
        k('taxable'),
        'Includible in income',
        w.taxable,
        'the tranches’ includible amounts added',
        'IRC 408A(d)(1)–(2), 72',
        sumOf('taxable'),
      ),
      additionalTax: figure(
        k('additionalTax'),
        `${ADDITIONAL_TAX_TEXT} additional tax`,
        w.additionalTax,
        'the tranches’ additional tax added',
        'IRC 72(t)(1); IRC 408A(d)(3)(F)',
        sumOf('additionalTax'),
      ),
      incomeTax:
        w.incomeTax === null
          ? null
          : figure(
              k('incomeTax'),
              'Estimated income tax',
              w.incomeTax,
              'the tranches’ estimated income tax added',
              'IRC 1; the marginal rate is an assumption',
              sumOf('incomeTax'),
            ),
    };
    if (w.additionalTax > 0) {
      const byKind = new Map(r.tranches.map((t) => [trancheId(t.kind, t.year), t.freeFrom]));
      const until = w.tranches
        .filter((t) => t.additionalTax > 0)
        .map((t) => byKind.get(trancheId(t.kind, t.year)) ?? r.rothIra?.qualifiedFrom ?? w.date)
        .reduce((a, b) => later(a, b), w.date);
      findings.push({
        severity: 'warning',
        path: 'withdrawal',
        message: `the withdrawal on ${w.date} carries ${u(w.additionalTax)} of the ${ADDITIONAL_TAX_TEXT} additional tax (IRC 72(t), 408A(d)(3)(F))`,
        fix: `the same withdrawal on or after ${until} carries none (the periods end, or age ${QUALIFIED_AGE_TEXT}); a smaller one that stays within contributions and conversion basis carries none now`,
      });
    }
    if (w.taxable > 0) {
      findings.push({
        severity: 'warning',
        path: 'withdrawal',
        message: `the withdrawal is not qualified and reaches ${u(w.taxable)} of earnings, includible in income (IRC 408A(d)(1)–(2))`,
      });
    }
  }
  return {
    report: 'clocks',
    age59Half: r.age59Half,
    rothIra: r.rothIra,
    plans: r.plans,
    tranches,
    withdrawal,
    findings,
  };
}
