/**
 * Roth five-year clocks and the Roth IRA ordering rules.
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
 *   Reg. 1.408A-6 Q&A-8; Pub 590-B).
 *
 * Simplification: a withdrawal draws on amounts contributed on or before its date (the
 * year-end aggregation of Q&A-9 is not modelled).
 */
import { InputError, type InputIssue } from '../errors.js';
import { applyRate, min, rateOf, type Cents } from '../money.js';
import { rate } from '../params/index.js';
import { distributionConstants } from '../params/distributions.js';
import {
  ADDITIONAL_TAX_TEXT,
  FIVE_YEAR_TEXT,
  QUALIFIED_AGE_TEXT,
} from '../distributions/params-text.js';
import { age59HalfDate, earlier, fiveYearsEnd, later, yearOf, type IsoDate } from './dates.js';
import type { RothHistory } from './history.js';

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
  readonly kind: 'regular' | 'conversion-taxable' | 'conversion-nontaxable' | 'earnings';
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
}

/** One tranche of a planned withdrawal, with its tax. */
export interface WithdrawalTranche {
  readonly kind: Tranche['kind'];
  readonly year: number | null;
  readonly amount: Cents;
  /** Includible in gross income. */
  readonly taxable: Cents;
  /** 10% additional tax (72(t), or 408A(d)(3)(F) for a conversion's taxable part). */
  readonly additionalTax: Cents;
  /** Estimated income tax: taxable × the marginal rate given, or null without one. */
  readonly incomeTax: Cents | null;
  readonly why: string;
}

export interface WithdrawalAllocation {
  readonly date: IsoDate;
  readonly amount: Cents;
  readonly qualified: boolean;
  readonly tranches: readonly WithdrawalTranche[];
  readonly taxable: Cents;
  readonly additionalTax: Cents;
  /** Total estimated income tax, or null without a marginal rate. */
  readonly incomeTax: Cents | null;
}

export interface ClocksResult extends RothClocks {
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
  let regular = 0;
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
    if (r.date >= pc.qualifiedFrom) regular += r.amount;
    else {
      regular += r.basis;
      rolloverEarnings += r.amount - r.basis;
    }
  });
  if (issues.length > 0) throw new InputError(issues);

  for (const c of ira.contributions) regular += c.amount;
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
  return { age59Half: age, rothIra, plans, tranches };
}

/** Takes `amount` from the tranches in order, mutating their remaining amounts. */
function take(
  remaining: { t: Tranche; left: Cents }[],
  amount: Cents,
): { t: Tranche; amount: Cents }[] {
  const out: { t: Tranche; amount: Cents }[] = [];
  let want = amount;
  for (const r of remaining) {
    if (want === 0) break;
    const a = min(r.left, want);
    if (a > 0) {
      out.push({ t: r.t, amount: a });
      r.left -= a;
      want -= a;
    }
  }
  if (want > 0) {
    // Beyond every contribution and conversion: earnings (one row with any rolled-in earnings).
    const last = out.at(-1);
    if (last?.t.kind === 'earnings') last.amount += want;
    else
      out.push({ t: { kind: 'earnings', year: null, amount: want, freeFrom: null }, amount: want });
  }
  return out;
}

/** Clocks plus the allocation of the planned withdrawal, if the history has one. */
export function analyzeRothHistory(h: RothHistory): ClocksResult {
  const clocks = rothClocks(h);
  const w = h.withdrawal;
  if (!w) return { ...clocks, withdrawal: null };
  const issues: InputIssue[] = [];
  if (!clocks.rothIra) {
    throw new InputError([
      {
        path: 'withdrawal',
        message:
          'there is no Roth IRA money to withdraw (no contributions, conversions or rollovers)',
      },
    ]);
  }
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
  const pastTotal = h.rothIra.distributions.reduce((s, d) => s + d.amount, 0);
  const basisTotal = clocks.tranches.reduce((s, t) => s + t.amount, 0);
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

  // Contributions after the withdrawal date are not there yet.
  const before = rothClocks({
    ...h,
    rothIra: {
      ...h.rothIra,
      contributions: h.rothIra.contributions.filter((c) => c.date <= w.date),
      conversions: h.rothIra.conversions.filter((c) => c.date <= w.date),
      rollovers: h.rothIra.rollovers.filter((c) => c.date <= w.date),
    },
  });
  const remaining = before.tranches.map((t) => ({ t, left: t.amount }));
  take(remaining, pastTotal);
  const ira = before.rothIra ?? clocks.rothIra;
  const under59Half = w.date < clocks.age59Half;
  const exc = w.exception;
  const qualifyingEvent = exc === 'death' || exc === 'disability' || exc === 'first-home';
  const qualified = w.date >= ira.fiveYearsEnd && (!under59Half || qualifyingEvent);
  const tenPercent = rate(distributionConstants.additionalTaxRate);
  const penaltyApplies = under59Half && exc === undefined;
  const taxed = take(remaining, w.amount).map(
    ({ t, amount }): Omit<WithdrawalTranche, 'incomeTax'> => {
      switch (t.kind) {
        case 'regular':
          return {
            kind: t.kind,
            year: null,
            amount,
            taxable: 0,
            additionalTax: 0,
            why: 'regular contributions (and Roth plan basis) come out first, tax-free',
          };
        case 'conversion-nontaxable':
          return {
            kind: t.kind,
            year: t.year,
            amount,
            taxable: 0,
            additionalTax: 0,
            why: `basis in a conversion: never taxed, no ${ADDITIONAL_TAX_TEXT} tax`,
          };
        case 'conversion-taxable': {
          const y = t.year ?? 0;
          const within = w.date < fiveYearsEnd(y);
          const tax = within && penaltyApplies ? applyRate(amount, tenPercent) : 0;
          const why = !within
            ? `${FIVE_YEAR_TEXT} period of the ${String(y)} conversion has ended`
            : penaltyApplies
              ? `within the ${String(y)} conversion's ${FIVE_YEAR_TEXT} period (until ${fiveYearsEnd(y)}) and under ${QUALIFIED_AGE_TEXT}: ${ADDITIONAL_TAX_TEXT} tax`
              : `within the ${FIVE_YEAR_TEXT} period, but age ${QUALIFIED_AGE_TEXT} or an exception applies`;
          return { kind: t.kind, year: t.year, amount, taxable: 0, additionalTax: tax, why };
        }
        case 'earnings': {
          if (qualified)
            return {
              kind: t.kind,
              year: null,
              amount,
              taxable: 0,
              additionalTax: 0,
              why: 'qualified distribution: earnings tax-free',
            };
          const tax = penaltyApplies ? applyRate(amount, tenPercent) : 0;
          return {
            kind: t.kind,
            year: null,
            amount,
            taxable: amount,
            additionalTax: tax,
            why: penaltyApplies
              ? `nonqualified: earnings taxable, and ${ADDITIONAL_TAX_TEXT} tax under ${QUALIFIED_AGE_TEXT}`
              : 'nonqualified: earnings taxable',
          };
        }
      }
    },
  );
  // The income tax estimate is the user's marginal rate on the includible amount, half-up.
  const marginal = w.marginalRate === undefined ? null : rateOf(w.marginalRate);
  const tranches: WithdrawalTranche[] = taxed.map((t) => ({
    ...t,
    incomeTax: marginal === null ? null : applyRate(t.taxable, marginal),
  }));
  return {
    ...clocks,
    withdrawal: {
      date: w.date,
      amount: w.amount,
      qualified,
      tranches,
      taxable: tranches.reduce((s, t) => s + t.taxable, 0),
      additionalTax: tranches.reduce((s, t) => s + t.additionalTax, 0),
      incomeTax: marginal === null ? null : tranches.reduce((s, t) => s + (t.incomeTax ?? 0), 0),
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
