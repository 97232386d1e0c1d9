/**
 * The `clocks` report: the Roth five-year clocks of a history (IRC 408A(d)(2)(B), 408A(d)(3)(F),
 * 402A(d)(2)), the Roth IRA in ordering-rule order (408A(d)(4)(B); Treas. Reg. 1.408A-6 Q&A-8),
 * every tax year with a distribution aggregated (Q&A-9) with its Form 8606 Part III and its 10%
 * additional tax (IRC 72(t), Form 5329), and a planned withdrawal tranche by tranche as its share
 * of its year; every amount a Figure whose key names the year that produced it, and the
 * additional tax as a warning with the date it would end.
 */
import { ADDITIONAL_TAX_TEXT, QUALIFIED_AGE_TEXT } from '../distributions/params-text.js';
import { figure, rateFigure, type Figure, type RateFigure } from '../explain.js';
import type { Part3Lines } from '../form8606/part3.js';
import { formatUsd, type Cents } from '../money.js';
import { usd } from '../params/index.js';
import { distributionConstants } from '../params/distributions.js';
import { analyzeRothHistory, type Tranche } from '../roth-clocks/clocks.js';
import { later, type IsoDate } from '../roth-clocks/dates.js';
import type { RothHistory } from '../roth-clocks/history.js';
import type { DistributionPart, RothException, YearOrdering } from '../roth-clocks/ordering.js';
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
  /** The part of the withdrawal: nonqualified, first-home (Form 8606 line 20) or qualified. */
  readonly part: DistributionPart;
  readonly year: number | null;
  readonly amount: Figure;
  readonly taxable: Figure;
  readonly additionalTax: Figure;
  readonly incomeTax: Figure | null;
  readonly why: string;
}

/** What one tax year's distributions took from one tranche. */
export interface YearTrancheReport {
  readonly kind: Tranche['kind'];
  readonly year: number | null;
  readonly amount: Figure;
  readonly taxable: Figure;
  readonly additionalTax: Figure;
}

/** One distribution of a tax year. */
export interface YearDistributionReport {
  readonly date: IsoDate;
  /** True for the planned withdrawal. */
  readonly planned: boolean;
  readonly amount: Figure;
  /** A qualified distribution (IRC 408A(d)(2)): not on Form 8606, nothing includible. */
  readonly qualified: boolean;
  readonly exception: RothException | null;
  /** The part that is a qualified first-time homebuyer distribution (Form 8606 line 20). */
  readonly firstHome: Figure;
  readonly taxable: Figure;
  readonly additionalTax: Figure;
}

/** Form 8606 Part III, lines 19–25c; null where the form says to skip a line. */
export interface Part3Report {
  readonly line19: Figure;
  readonly line20: Figure;
  readonly line21: Figure;
  readonly line22: Figure | null;
  readonly line23: Figure | null;
  readonly line24: Figure | null;
  readonly line25a: Figure | null;
  readonly line25b: Figure | null;
  readonly line25c: Figure | null;
}

/** One tax year's distributions, aggregated (Treas. Reg. 1.408A-6 Q&A-9). */
export interface YearReport {
  readonly year: number;
  readonly distributions: readonly YearDistributionReport[];
  /** All of the year's distributions. */
  readonly total: Figure;
  /** Regular contributions for the year (made by the due date included) and Roth plan basis rolled in. */
  readonly regularContributions: Figure;
  /** Conversions made in the year. */
  readonly conversions: Figure;
  /** What the year's distributions took, tranche by tranche. */
  readonly tranches: readonly YearTrancheReport[];
  /** Null when every distribution of the year is qualified. */
  readonly form8606: Part3Report | null;
  /** Includible in income (Form 8606 line 25c). */
  readonly taxable: Figure;
  /** Subject to the 10% tax before age 59½ and the exceptions (Form 5329 line 1). */
  readonly subjectToAdditionalTax: Figure;
  /** Covered by age 59½ or an exception (Form 5329 line 2). */
  readonly exempt: Figure;
  readonly additionalTax: Figure;
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
  /** Every tax year with a distribution, earlier ones and the planned withdrawal's. */
  readonly years: readonly YearReport[];
  readonly withdrawal: {
    readonly date: IsoDate;
    /** The tax year whose aggregation it is part of (see `years`). */
    readonly year: number;
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
const Q9 = 'Treas. Reg. 1.408A-6 Q&A-9';

/** Label, how the line is computed, and the lines it comes from. */
const PART3: Readonly<Record<keyof Part3Lines, readonly [string, string, readonly string[]]>> = {
  line19: [
    'Nonqualified distributions (first-home ones included)',
    'the year’s distributions that are not qualified distributions, added',
    [],
  ],
  line20: ['Qualified first-time homebuyer expenses', '', []],
  line21: ['Line 19 − line 20', 'line 19 − line 20, at least 0', ['line19', 'line20']],
  line22: [
    'Basis in Roth IRA contributions',
    'regular contributions for this tax year and earlier (made by the due date) and Roth plan basis rolled in, less what earlier years’ distributions took',
    [],
  ],
  line23: ['Line 21 − line 22', 'line 21 − line 22, at least 0', ['line21', 'line22']],
  line24: [
    'Basis in conversions and plan rollovers',
    'conversions of this year and earlier (taxable and nontaxable parts), less what earlier years’ distributions took',
    [],
  ],
  line25a: ['Line 23 − line 24', 'line 23 − line 24, at least 0', ['line23', 'line24']],
  line25b: ['Qualified disaster distributions', 'not modelled: 0', []],
  line25c: ['Taxable amount', 'line 25a − line 25b', ['line25a', 'line25b']],
};

function yearReport(y: YearOrdering): YearReport {
  const u = formatUsd;
  const Y = String(y.year);
  const k = (name: string): string => `clocks.years.${Y}.${name}`;
  const distributions = y.distributions.map((d, i): YearDistributionReport => {
    const dk = (name: string): string => k(`distributions.${String(i)}.${name}`);
    return {
      date: d.date,
      planned: d.planned,
      amount: figure(
        dk('amount'),
        d.planned ? 'Planned withdrawal' : 'Distribution',
        d.amount,
        'entered',
        'the history file',
      ),
      qualified: d.qualified,
      exception: d.exception ?? null,
      firstHome: figure(
        dk('firstHome'),
        'Qualified first-time homebuyer part (Form 8606 line 20)',
        d.firstHome,
        d.firstHome > 0
          ? `a first-home distribution after the five-year period, within what is left of the ${u(usd(distributionConstants.firstHomeLifetimeLimit), { wholeDollars: true })} lifetime limit`
          : 'none',
        'IRC 408A(d)(2)(A)(iv), 408A(d)(5); IRC 72(t)(8)(B); Form 8606 line 20',
        d.firstHome > 0 ? [dk('amount')] : [],
      ),
      taxable: figure(
        dk('taxable'),
        'Includible in income',
        d.taxable,
        d.qualified
          ? 'none: a qualified distribution'
          : `its share of ${Y}’s earnings taken (the year’s tranches shared out in date order)`,
        'IRC 408A(d)(1)–(2); Treas. Reg. 1.408A-6 Q&A-4, Q&A-9',
        [dk('amount')],
      ),
      additionalTax: figure(
        dk('additionalTax'),
        `${ADDITIONAL_TAX_TEXT} additional tax`,
        d.additionalTax,
        d.additionalTax > 0
          ? `its share of ${Y}’s ${ADDITIONAL_TAX_TEXT} tax, by what of it is taxed`
          : 'none',
        'IRC 72(t)(1); IRC 408A(d)(3)(F)',
        [dk('amount'), k('additionalTax')],
      ),
    };
  });
  const distKeys = distributions.map((d) => d.amount.key);
  const tranches = y.tranches.map((t): YearTrancheReport => {
    const id = k(`tranches.${trancheId(t.kind, t.year)}`);
    const label = `${Y} distributions from ${t.kind}${t.year === null ? '' : ` ${String(t.year)}`}`;
    return {
      kind: t.kind,
      year: t.year,
      amount: figure(
        `${id}.amount`,
        label,
        t.amount,
        `what ${Y}’s distributions, aggregated, took from this tranche: nonqualified ones first (Form 8606 line 21), in ordering order, counting the regular contributions for ${Y} made by the due date and the conversions of ${Y}`,
        `${ORDERING}; ${Q9}`,
        [k('total'), k('regularContributions'), k('conversions')],
      ),
      taxable: figure(
        `${id}.taxable`,
        'Includible in income',
        t.taxable,
        t.taxable > 0 ? 'earnings of a nonqualified distribution' : 'none',
        'IRC 408A(d)(1)–(2), 72',
        [`${id}.amount`],
      ),
      additionalTax: figure(
        `${id}.additionalTax`,
        `${ADDITIONAL_TAX_TEXT} additional tax`,
        t.additionalTax,
        t.additionalTax > 0 ? `its share of ${Y}’s ${ADDITIONAL_TAX_TEXT} tax` : 'none',
        'IRC 72(t)(1); IRC 408A(d)(3)(F)',
        [`${id}.amount`, k('additionalTax')],
      ),
    };
  });
  let form8606: Part3Report | null = null;
  const p = y.part3;
  if (p) {
    const cite = (n: string): string => `Form 8606 (2018 and later) line ${n}; ${ORDERING}; ${Q9}`;
    const limit = u(usd(distributionConstants.firstHomeLifetimeLimit), { wholeDollars: true });
    const make = (line: keyof Part3Lines, v: Cents): Figure => {
      const [label, why, from] = PART3[line];
      const n = line.replace('line', '');
      const inputs =
        line === 'line19' || line === 'line20'
          ? distKeys
          : line === 'line22'
            ? [k('regularContributions')]
            : line === 'line24'
              ? [k('conversions')]
              : from
                  .filter((f) => p[f as keyof Part3Lines] !== null)
                  .map((f) => k(`form8606.${f}`));
      return figure(
        k(`form8606.${line}`),
        label,
        v,
        line === 'line20'
          ? `first-home distributions after the five-year period, within the ${limit} lifetime limit less what earlier years used`
          : why,
        line === 'line20' ? `${cite(n)}; IRC 72(t)(8)(B); IRC 408A(d)(5)` : cite(n),
        inputs,
      );
    };
    const opt = (line: keyof Part3Lines): Figure | null => {
      const v = p[line];
      return v === null ? null : make(line, v);
    };
    form8606 = {
      line19: make('line19', p.line19),
      line20: make('line20', p.line20),
      line21: make('line21', p.line21),
      line22: opt('line22'),
      line23: opt('line23'),
      line24: opt('line24'),
      line25a: opt('line25a'),
      line25b: opt('line25b'),
      line25c: opt('line25c'),
    };
  }
  const early = y.distributions.reduce((a, d) => a + d.earlyAmount, 0);
  const exempt = y.distributions.reduce((a, d) => a + d.exemptAmount, 0);
  return {
    year: y.year,
    distributions,
    total: figure(
      k('total'),
      `Distributions in ${Y}`,
      y.total,
      `every distribution of ${Y} added: they are one distribution for the ordering rules`,
      `${Q9}(a)`,
      distKeys,
    ),
    regularContributions: figure(
      k('regularContributions'),
      `Regular contributions for ${Y}`,
      y.regularContributions,
      `contributions for tax year ${Y}, those made in ${String(y.year + 1)} by the due date of the return included, and Roth plan basis rolled over in ${Y}`,
      `${Q9}(b); IRC 408A(c)(7); Treas. Reg. 1.408A-10 Q&A-3`,
    ),
    conversions: figure(
      k('conversions'),
      `Conversions in ${Y}`,
      y.conversions,
      `amounts converted (and plan money rolled over) during ${Y}, before or after the distributions`,
      `${Q9}(c)`,
    ),
    tranches,
    form8606,
    taxable: figure(
      k('taxable'),
      `Includible in income for ${Y}`,
      y.taxable,
      'the earnings the nonqualified distributions took (Form 8606 line 25c)',
      'IRC 408A(d)(1)–(2); Form 8606 line 25c',
      form8606?.line25c ? [form8606.line25c.key] : tranches.map((t) => t.taxable.key),
    ),
    subjectToAdditionalTax: figure(
      k('subjectToAdditionalTax'),
      `Subject to the ${ADDITIONAL_TAX_TEXT} additional tax before exceptions`,
      early,
      `earnings taken by nonqualified distributions, and the taxable part of conversions taken within their five years`,
      'IRC 72(t)(1); IRC 408A(d)(3)(F); Form 5329 line 1',
      tranches.map((t) => t.amount.key),
    ),
    exempt: figure(
      k('exempt'),
      `Not subject to the ${ADDITIONAL_TAX_TEXT} additional tax`,
      exempt,
      `taken by distributions at or after age ${QUALIFIED_AGE_TEXT}, or covered by an exception`,
      'IRC 72(t)(2); Form 5329 line 2',
      [k('subjectToAdditionalTax')],
    ),
    additionalTax: figure(
      k('additionalTax'),
      `${ADDITIONAL_TAX_TEXT} additional tax for ${Y}`,
      y.additionalTax,
      `${ADDITIONAL_TAX_TEXT} × (${u(early)} − ${u(exempt)}), rounded half-up to the cent`,
      'IRC 72(t)(1); Form 5329 lines 3–4',
      [k('subjectToAdditionalTax'), k('exempt')],
    ),
  };
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
  const years = r.years.map(yearReport);
  const findings: Finding[] = [];
  const w = r.withdrawal;
  let withdrawal: ClocksReport['withdrawal'] = null;
  if (w) {
    const Y = String(w.year);
    const yk = (name: string): string => `clocks.years.${Y}.${name}`;
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
      const tid = trancheId(t.kind, t.year);
      const id = `${k('tranches')}.${tid}${t.part === 'first-home' ? '.first-home' : ''}`;
      return {
        kind: t.kind,
        part: t.part,
        year: t.year,
        amount: figure(
          `${id}.amount`,
          `Withdrawn from ${t.kind}${t.year === null ? '' : ` ${String(t.year)}`}`,
          t.amount,
          `the withdrawal’s share of what ${Y}’s distributions, aggregated, took from this tranche (shared out in date order: earlier ${Y} distributions first)`,
          `${ORDERING}; ${Q9}`,
          [k('amount'), `${yk(`tranches.${tid}`)}.amount`],
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
            ? `its share of ${Y}’s ${ADDITIONAL_TAX_TEXT} tax (${ADDITIONAL_TAX_TEXT} of what is taxed, rounded half-up for the year): ${t.why}`
            : `none: ${t.why}`,
          'IRC 72(t)(1); IRC 408A(d)(3)(F)',
          [`${id}.amount`, yk('additionalTax')],
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
      year: w.year,
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
    years,
    withdrawal,
    findings,
  };
}
