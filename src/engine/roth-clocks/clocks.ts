/**
 * Roth five-year clocks, the Roth IRA basis by year, and a history's distributions taxed by tax
 * year (`ordering.ts`).
 * - Roth IRA qualified-distribution clock: one five-taxable-year period for all of a person's
 *   Roth IRAs, from January 1 of the first year of a regular contribution (its tax year) or a
 *   conversion / rollover contribution (IRC 408A(d)(2)(B); Reg. 1.408A-6 Q&A-2).
 * - Each conversion's own five-year period for the 10% tax on its taxable part
 *   (408A(d)(3)(F); Reg. 1.408A-6 Q&A-5).
 * - Designated Roth accounts: five years of participation per plan; a direct rollover from
 *   another plan's designated Roth account carries the earlier start (402A(d)(2); Reg. 1.402A-1
 *   Q&A-4). Rolled to a Roth IRA, time in the plan does not carry over; the basis (or the whole
 *   amount of a qualified distribution) counts as regular contributions (Reg. 1.408A-10 Q&A-3,
 *   Q&A-4).
 * - Ordering: regular contributions, then conversion and rollover contributions oldest year
 *   first, the taxable part before the nontaxable part, then earnings (408A(d)(4)(B);
 *   Reg. 1.408A-6 Q&A-8), with a year's distributions aggregated and that year's contributions
 *   (made by the due date) and conversions counted (Q&A-9).
 */
import { checkException } from '../distributions/early-tax.js';
import { InputError, type InputIssue } from '../errors.js';
import { applyRate, rateOf, sum, type Cents } from '../money.js';
import { rate } from '../params/index.js';
import { distributionConstants } from '../params/distributions.js';
import { age59HalfDate, earlier, fiveYearsEnd, later, yearOf, type IsoDate } from './dates.js';
import type { RothHistory } from './history.js';
import {
  orderByTaxYear,
  type DistributionInput,
  type DrawnTranche,
  type RothBasis,
  type RothException,
  type TrancheKind,
  type YearOrdering,
} from './ordering.js';

/** One designated Roth account's clock. */
export interface PlanClock {
  readonly plan: string;
  /** First year of the five-year period (carried from plans rolled in, if earlier). */
  readonly startYear: number;
  readonly fiveYearsEnd: IsoDate;
  /** Qualified from this date (five years and age 59½; death or disability not assumed). */
  readonly qualifiedFrom: IsoDate;
}

/** A piece of the Roth IRA in ordering-rule order. */
export interface Tranche {
  readonly kind: TrancheKind;
  /** The year of a conversion tranche; null otherwise. */
  readonly year: number | null;
  readonly amount: Cents;
  /** From this date the tranche comes out free of income tax and of the 10% tax; null: always. */
  readonly freeFrom: IsoDate | null;
}

/** Clocks of a history. */
export interface RothClocks {
  readonly age59Half: IsoDate;
  /** Null when the person has no Roth IRA money. */
  readonly rothIra: {
    readonly startYear: number;
    readonly fiveYearsEnd: IsoDate;
    readonly qualifiedFrom: IsoDate;
  } | null;
  readonly plans: readonly PlanClock[];
  /** Roth IRA basis and conversions in ordering order (before any distribution). */
  readonly tranches: readonly Tranche[];
  /** The same by the year each counts in (for the ordering by tax year). */
  readonly basis: RothBasis;
}

/** One tranche of a planned withdrawal, with its tax. */
export interface WithdrawalTranche extends DrawnTranche {
  /** Estimated income tax: taxable × the marginal rate given, or null without one. */
  readonly incomeTax: Cents | null;
}

export interface WithdrawalAllocation {
  readonly date: IsoDate;
  /** The tax year whose distributions it is aggregated with. */
  readonly year: number;
  readonly amount: Cents;
  readonly qualified: boolean;
  readonly tranches: readonly WithdrawalTranche[];
  readonly taxable: Cents;
  readonly additionalTax: Cents;
  /** Total estimated income tax, or null without a marginal rate. */
  readonly incomeTax: Cents | null;
}

export interface ClocksResult extends RothClocks {
  /** Every tax year with a distribution (earlier ones and the planned withdrawal's). */
  readonly years: readonly YearOrdering[];
  readonly withdrawal: WithdrawalAllocation | null;
}

function planClocks(h: RothHistory, age: IsoDate, issues: InputIssue[]): PlanClock[] {
  const byName = new Map<
    string,
    { firstRothYear: number; rolloversIn: { fromPlan: string; date: string }[] }
  >();
  h.plans.forEach((p, i) => {
    if (byName.has(p.name))
      issues.push({ path: `plans[${String(i)}].name`, message: `duplicate plan name "${p.name}"` });
    byName.set(p.name, p);
  });
  const start = new Map<string, number>();
  const resolve = (name: string, seen: Set<string>): number => {
    const known = start.get(name);
    if (known !== undefined) return known;
    const p = byName.get(name);
    if (!p || seen.has(name)) return Number.POSITIVE_INFINITY;
    seen.add(name);
    let s = p.firstRothYear;
    for (const r of p.rolloversIn) s = Math.min(s, resolve(r.fromPlan, seen));
    start.set(name, s);
    return s;
  };
  h.plans.forEach((p, i) => {
    p.rolloversIn.forEach((r, j) => {
      const path = `plans[${String(i)}].rolloversIn[${String(j)}]`;
      const src = byName.get(r.fromPlan);
      if (!src) {
        issues.push({
          path: `${path}.fromPlan`,
          message: `unknown plan "${r.fromPlan}"; plans: ${[...byName.keys()].join(', ')}`,
        });
      } else if (yearOf(r.date) < src.firstRothYear) {
        issues.push({
          path: `${path}.date`,
          message: `${r.date} is before plan "${r.fromPlan}" had designated Roth money (${String(src.firstRothYear)})`,
        });
      }
    });
  });
  return h.plans.map((p) => {
    const s = resolve(p.name, new Set());
    const end = fiveYearsEnd(s);
    return { plan: p.name, startYear: s, fiveYearsEnd: end, qualifiedFrom: later(end, age) };
  });
}

/** Computes every clock of a history and the ordering tranches. Throws InputError on bad dates. */
export function rothClocks(h: RothHistory): RothClocks {
  const issues: InputIssue[] = [];
  const age = age59HalfDate(h.birthDate);
  const plans = planClocks(h, age, issues);
  const ira = h.rothIra;
  const opened = ira.opened;
  const datesOf = (list: readonly { date: IsoDate }[], name: string) =>
    list.map((c, i) => ({ path: `rothIra.${name}[${String(i)}].date`, date: c.date }));
  const dated: { path: string; date: IsoDate }[] = [
    ...datesOf(ira.contributions, 'contributions'),
    ...datesOf(ira.conversions, 'conversions'),
    ...datesOf(ira.rollovers, 'rollovers'),
    ...datesOf(ira.distributions, 'distributions'),
  ];
  for (const d of dated) {
    if (d.date < h.birthDate)
      issues.push({ path: d.path, message: `${d.date} is before the birth date ${h.birthDate}` });
    else if (opened !== undefined && d.date < opened) {
      issues.push({
        path: d.path,
        message: `${d.date} is before the Roth IRA existed (opened ${opened})`,
      });
    }
  }
  ira.contributions.forEach((c, i) => {
    // A contribution for a tax year is made in that year or by the next year's filing deadline.
    if (yearOf(c.date) < c.taxYear || yearOf(c.date) > c.taxYear + 1) {
      issues.push({
        path: `rothIra.contributions[${String(i)}].date`,
        message: `a contribution for ${String(c.taxYear)} is made in ${String(c.taxYear)} or by April of ${String(c.taxYear + 1)}`,
      });
    }
  });
  ira.conversions.forEach((c, i) => {
    if (c.taxable > c.amount) {
      issues.push({
        path: `rothIra.conversions[${String(i)}].taxable`,
        message: 'cannot be larger than the amount converted',
      });
    }
  });
  const planByName = new Map(plans.map((p) => [p.plan, p]));
  const regularByYear = new Map<number, Cents>();
  const addRegular = (year: number, amount: Cents): void => {
    regularByYear.set(year, (regularByYear.get(year) ?? 0) + amount);
  };
  let rolloverEarnings = 0;
  ira.rollovers.forEach((r, i) => {
    const path = `rothIra.rollovers[${String(i)}]`;
    if (r.basis > r.amount)
      issues.push({
        path: `${path}.basis`,
        message: 'cannot be larger than the amount rolled over',
      });
    const pc = planByName.get(r.fromPlan);
    if (!pc) {
      issues.push({
        path: `${path}.fromPlan`,
        message: `unknown plan "${r.fromPlan}"; list it under plans (${[...planByName.keys()].join(', ') || 'none listed'})`,
      });
      return;
    }
    if (yearOf(r.date) < pc.startYear) {
      issues.push({
        path: `${path}.date`,
        message: `${r.date} is before plan "${r.fromPlan}" had designated Roth money (${String(pc.startYear)})`,
      });
      return;
    }
    // Reg. 1.408A-10 Q&A-3: a qualified distribution rolled over is all regular contributions;
    // otherwise only the basis is, and the rest is earnings.
    if (r.date >= pc.qualifiedFrom) addRegular(yearOf(r.date), r.amount);
    else {
      addRegular(yearOf(r.date), r.basis);
      rolloverEarnings += r.amount - r.basis;
    }
  });
  if (issues.length > 0) throw new InputError(issues);

  // Q&A-9(b): a regular contribution counts in the tax year it is for.
  for (const c of ira.contributions) addRegular(c.taxYear, c.amount);
  const regular = sum([...regularByYear.values()]);
  const firstYears = [
    ...ira.contributions.map((c) => c.taxYear),
    ...ira.conversions.map((c) => yearOf(c.date)),
    ...ira.rollovers.map((c) => yearOf(c.date)),
  ];
  const startYear = firstYears.length > 0 ? Math.min(...firstYears) : null;
  const rothIra =
    startYear === null
      ? null
      : {
          startYear,
          fiveYearsEnd: fiveYearsEnd(startYear),
          qualifiedFrom: later(fiveYearsEnd(startYear), age),
        };

  const tranches: Tranche[] = [];
  if (regular > 0) tranches.push({ kind: 'regular', year: null, amount: regular, freeFrom: null });
  const byYear = new Map<number, { taxable: Cents; nontaxable: Cents }>();
  for (const c of ira.conversions) {
    const y = yearOf(c.date);
    const cur = byYear.get(y) ?? { taxable: 0, nontaxable: 0 };
    byYear.set(y, {
      taxable: cur.taxable + c.taxable,
      nontaxable: cur.nontaxable + c.amount - c.taxable,
    });
  }
  for (const y of [...byYear.keys()].sort((a, b) => a - b)) {
    const v = byYear.get(y) ?? { taxable: 0, nontaxable: 0 };
    if (v.taxable > 0) {
      tranches.push({
        kind: 'conversion-taxable',
        year: y,
        amount: v.taxable,
        freeFrom: earlier(fiveYearsEnd(y), age),
      });
    }
    if (v.nontaxable > 0)
      tranches.push({
        kind: 'conversion-nontaxable',
        year: y,
        amount: v.nontaxable,
        freeFrom: null,
      });
  }
  if (rolloverEarnings > 0 && rothIra) {
    tranches.push({
      kind: 'earnings',
      year: null,
      amount: rolloverEarnings,
      freeFrom: rothIra.qualifiedFrom,
    });
  }
  return {
    age59Half: age,
    rothIra,
    plans,
    tranches,
    basis: { regularByYear, conversionsByYear: byYear },
  };
}

/** Clocks, every tax year with a distribution ordered, and the planned withdrawal's share. */
export function analyzeRothHistory(h: RothHistory): ClocksResult {
  const clocks = rothClocks(h);
  const w = h.withdrawal;
  const issues: InputIssue[] = [];
  const checkEx = (
    d: { exception?: RothException | undefined; exceptionAmount?: Cents | undefined },
    path: string,
  ): void => {
    if (d.exception === 'other-72t') {
      if (d.exceptionAmount !== undefined)
        issues.push({
          path: `${path}.exceptionAmount`,
          message: '"other-72t" covers the whole distribution; no amount is given with it',
        });
    } else issues.push(...checkException('ira', d.exception, d.exceptionAmount, path));
  };
  h.rothIra.distributions.forEach((d, i) => {
    checkEx(d, `rothIra.distributions[${String(i)}]`);
  });
  if (w) checkEx(w, 'withdrawal');
  if (issues.length > 0) throw new InputError(issues);
  const ira = clocks.rothIra;
  if (!ira) {
    if (w || h.rothIra.distributions.length > 0)
      throw new InputError([
        {
          path: w ? 'withdrawal' : 'rothIra.distributions',
          message:
            'there is no Roth IRA money to withdraw (no contributions, conversions or rollovers)',
        },
      ]);
    return { ...clocks, years: [], withdrawal: null };
  }
  if (w) {
    const firstDate =
      [
        ...h.rothIra.contributions.map((c) => c.date),
        ...h.rothIra.conversions.map((c) => c.date),
        ...h.rothIra.rollovers.map((c) => c.date),
      ].sort()[0] ?? w.date;
    if (w.date < firstDate)
      issues.push({
        path: 'withdrawal.date',
        message: `${w.date} is before the Roth IRA existed (first money ${firstDate})`,
      });
    const pastTotal = sum(h.rothIra.distributions.map((d) => d.amount));
    const basisTotal = sum(clocks.tranches.map((t) => t.amount));
    if (w.balance !== undefined && w.amount > w.balance) {
      issues.push({
        path: 'withdrawal.amount',
        message: `cannot be larger than the Roth IRA balance (${(w.balance / 100).toFixed(2)})`,
      });
    } else if (w.balance === undefined && w.amount + pastTotal > basisTotal) {
      issues.push({
        path: 'withdrawal.balance',
        message:
          'the withdrawal reaches earnings; give the Roth IRA balance at the withdrawal date so it can be checked',
      });
    }
    h.rothIra.distributions.forEach((d, i) => {
      if (d.date > w.date)
        issues.push({
          path: `rothIra.distributions[${String(i)}].date`,
          message: 'earlier distributions must be dated before the planned withdrawal',
        });
    });
    if (issues.length > 0) throw new InputError(issues);
  }
  const opt = <K extends string, V>(k: K, v: V | undefined): Partial<Record<K, V>> =>
    v === undefined ? {} : ({ [k]: v } as Record<K, V>);
  const inputs: DistributionInput[] = [
    ...h.rothIra.distributions.map((d) => ({
      date: d.date,
      amount: d.amount,
      planned: false,
      ...opt('exception', d.exception),
      ...opt('exceptionAmount', d.exceptionAmount),
    })),
    ...(w
      ? [
          {
            date: w.date,
            amount: w.amount,
            planned: true,
            ...opt('exception', w.exception),
            ...opt('exceptionAmount', w.exceptionAmount),
          },
        ]
      : []),
  ];
  const years = orderByTaxYear(clocks.basis, inputs, {
    age59Half: clocks.age59Half,
    fiveYearsEnd: ira.fiveYearsEnd,
  });
  if (!w) return { ...clocks, years, withdrawal: null };
  const year = yearOf(w.date);
  const planned = years.find((y) => y.year === year)?.distributions.find((d) => d.planned);
  if (!planned) throw new Error('the planned withdrawal is missing from its year');
  // The income tax estimate is the user's marginal rate on the includible amount, half-up.
  const marginal = w.marginalRate === undefined ? null : rateOf(w.marginalRate);
  const tranches: WithdrawalTranche[] = planned.tranches.map((t) => ({
    ...t,
    incomeTax: marginal === null ? null : applyRate(t.taxable, marginal),
  }));
  return {
    ...clocks,
    years,
    withdrawal: {
      date: w.date,
      year,
      amount: w.amount,
      qualified: planned.qualified,
      tranches,
      taxable: planned.taxable,
      additionalTax: planned.additionalTax,
      incomeTax: marginal === null ? null : sum(tranches.map((t) => t.incomeTax ?? 0)),
    },
  };
}

/**
 * The 10% recapture on a distribution allocable to the taxable part of a conversion (Roth IRA
 * or in-plan Roth rollover) made in `conversionYear` (408A(d)(3)(F); 402A(c)(4)(D)).
 */
export function conversionRecapture(input: {
  readonly allocableToTaxable: Cents;
  readonly conversionYear: number;
  readonly date: IsoDate;
  readonly birthDate: IsoDate;
  readonly exception?: boolean;
}): Cents {
  const within = input.date < fiveYearsEnd(input.conversionYear);
  const under = input.date < age59HalfDate(input.birthDate);
  if (!within || !under || input.exception === true) return 0;
  return applyRate(input.allocableToTaxable, rate(distributionConstants.additionalTaxRate));
}
