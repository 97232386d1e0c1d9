/**
 * Roth IRA distributions taxed by tax year (IRC 408A(d)(4)(B); Treas. Reg. 1.408A-6 Q&A-4,
 * Q&A-8, Q&A-9): all distributions of a year are aggregated and come, as one, from the
 * regular contributions for that year and earlier (those for the year made by the next year's
 * filing due date included), then the conversions of that year and earlier, oldest year first
 * with the taxable part before the nontaxable part, then earnings. Gives Form 8606 Part III
 * (lines 19–25c), qualified distributions (IRC 408A(d)(2)) and the 10% additional tax on the
 * includible part and on conversions' taxable parts within their five years (IRC 72(t),
 * 408A(d)(3)(F)) with the exceptions of IRC 72(t)(2), the first-home one within its lifetime
 * limit (IRC 72(t)(8)(B)).
 *
 * Within a year the nonqualified part (Form 8606 line 21) uses the tranches first, then
 * first-home amounts (line 20) and qualified distributions; every distribution, qualified or
 * not, uses them up for later years (Q&A-4: "whether or not they were qualified
 * distributions"). The year's tranches are shared out to its distributions in date order,
 * which decides only which distribution an exception to the 10% tax covers.
 */
import { EARLY_EXCEPTIONS, type EarlyExceptionName } from '../distributions/early-tax.js';
import {
  ADDITIONAL_TAX_TEXT,
  FIVE_YEAR_TEXT,
  QUALIFIED_AGE_TEXT,
} from '../distributions/params-text.js';
import { form8606Part3, type Part3Lines } from '../form8606/part3.js';
import { allocate, applyRate, formatUsd, min, sum, type Cents } from '../money.js';
import { rate, usd } from '../params/index.js';
import { distributionConstants } from '../params/distributions.js';
import { fiveYearsEnd, yearOf, type IsoDate } from './dates.js';

/** The kinds of Roth IRA money, in ordering-rule order. */
export type TrancheKind = 'regular' | 'conversion-taxable' | 'conversion-nontaxable' | 'earnings';

/** An exception named in a Roth history: one of IRC 72(t)(2), or another one (`other-72t`). */
export type RothException = EarlyExceptionName | 'other-72t';

/** The basis the history puts in the Roth IRA, by the year it counts in. */
export interface RothBasis {
  /** Regular contributions by tax year, with Roth plan basis rolled over by year of rollover. */
  readonly regularByYear: ReadonlyMap<number, Cents>;
  /** Conversions (and plan rollovers of pre-tax or after-tax money) by year. */
  readonly conversionsByYear: ReadonlyMap<number, { taxable: Cents; nontaxable: Cents }>;
}

/** One distribution of the history (a past one, or the planned withdrawal). */
export interface DistributionInput {
  readonly date: IsoDate;
  readonly amount: Cents;
  readonly planned: boolean;
  readonly exception?: RothException;
  /** With a limited exception: the amount it covers (first home: the acquisition costs). */
  readonly exceptionAmount?: Cents;
}

/**
 * Which part of a distribution took a tranche: its nonqualified part (Form 8606 line 21), its
 * first-home part (line 20), or a qualified distribution.
 */
export type DistributionPart = 'nonqualified' | 'first-home' | 'qualified';

/** What a distribution took from one tranche, and its tax. */
export interface DrawnTranche {
  readonly kind: TrancheKind;
  readonly part: DistributionPart;
  /** The year of a conversion tranche; null otherwise. */
  readonly year: number | null;
  readonly amount: Cents;
  /** Includible in gross income. */
  readonly taxable: Cents;
  /** 10% additional tax (72(t), or 408A(d)(3)(F) for a conversion's taxable part). */
  readonly additionalTax: Cents;
  readonly why: string;
}

/** One distribution, ordered within its year. */
export interface OrderedDistribution extends DistributionInput {
  /** A qualified distribution (IRC 408A(d)(2)): none of it is includible, none is on Form 8606. */
  readonly qualified: boolean;
  /** The part that is a qualified first-time homebuyer distribution (Form 8606 line 20). */
  readonly firstHome: Cents;
  readonly tranches: readonly DrawnTranche[];
  readonly taxable: Cents;
  /** Subject to the 10% tax before exceptions (Form 5329 line 1). */
  readonly earlyAmount: Cents;
  /** Of that, covered by age 59½ or an exception (Form 5329 line 2). */
  readonly exemptAmount: Cents;
  readonly additionalTax: Cents;
}

/** One tax year's aggregation. */
export interface YearOrdering {
  readonly year: number;
  /** Regular contributions for this tax year (made by the due date included) and Roth plan basis rolled in. */
  readonly regularContributions: Cents;
  /** Conversions made this year (amount converted). */
  readonly conversions: Cents;
  /** The year's distributions in date order. */
  readonly distributions: readonly OrderedDistribution[];
  /** All of the year's distributions. */
  readonly total: Cents;
  /** What the year's distributions took, tranche by tranche, in ordering order. */
  readonly tranches: readonly DrawnTranche[];
  /** Form 8606 Part III; null when every distribution of the year is qualified. */
  readonly part3: Part3Lines | null;
  readonly taxable: Cents;
  readonly additionalTax: Cents;
}

/** The person's dates the rules need. */
export interface OrderingDates {
  readonly age59Half: IsoDate;
  /** The end of the Roth IRA's five-taxable-year period (IRC 408A(d)(2)(B)). */
  readonly fiveYearsEnd: IsoDate;
}

interface Piece {
  readonly kind: TrancheKind;
  readonly year: number | null;
  amount: Cents;
}

/** The tranches left, mutated as distributions use them. */
class Stack {
  regular: Cents = 0;
  readonly conversions: { year: number; taxable: Cents; nontaxable: Cents }[] = [];

  conversionTotal(): Cents {
    return sum(this.conversions.map((c) => c.taxable + c.nontaxable));
  }

  /** Takes `amount` in ordering order; beyond every contribution it is earnings. */
  draw(amount: Cents): Piece[] {
    const out: Piece[] = [];
    let want = amount;
    const take = (kind: TrancheKind, year: number | null, left: Cents): Cents => {
      const a = min(left, want);
      if (a > 0) {
        out.push({ kind, year, amount: a });
        want -= a;
      }
      return a;
    };
    this.regular -= take('regular', null, this.regular);
    for (const c of this.conversions) {
      c.taxable -= take('conversion-taxable', c.year, c.taxable);
      c.nontaxable -= take('conversion-nontaxable', c.year, c.nontaxable);
    }
    if (want > 0) out.push({ kind: 'earnings', year: null, amount: want });
    return out;
  }
}

/** Regular first, then conversions by year (taxable part first), then earnings. */
const RANK: Readonly<Record<TrancheKind, readonly [number, number]>> = {
  regular: [0, 0],
  'conversion-taxable': [1, 0],
  'conversion-nontaxable': [1, 1],
  earnings: [2, 0],
};

const PART_RANK: Readonly<Record<DistributionPart, number>> = {
  nonqualified: 0,
  'first-home': 1,
  qualified: 2,
};

/** `allocate`, with every part 0 when there is nothing to share. */
function share(total: Cents, weights: readonly Cents[]): Cents[] {
  return total === 0 ? weights.map(() => 0) : allocate(total, weights);
}

/**
 * Tranches of the same kind and year added together (with `byPart`, only within the same part of
 * a distribution), in ordering order.
 */
function merge(list: readonly DrawnTranche[], byPart: boolean): DrawnTranche[] {
  const by = new Map<string, DrawnTranche>();
  for (const t of list) {
    const k = `${t.kind}:${String(t.year)}${byPart ? `:${t.part}` : ''}`;
    const cur = by.get(k);
    by.set(
      k,
      cur
        ? {
            ...cur,
            amount: cur.amount + t.amount,
            taxable: cur.taxable + t.taxable,
            additionalTax: cur.additionalTax + t.additionalTax,
          }
        : t,
    );
  }
  return [...by.values()].sort(
    (a, b) =>
      RANK[a.kind][0] - RANK[b.kind][0] ||
      (a.year ?? 0) - (b.year ?? 0) ||
      RANK[a.kind][1] - RANK[b.kind][1] ||
      PART_RANK[a.part] - PART_RANK[b.part],
  );
}

/** How a distribution's 10% base is exempted: all of it, part of it, or none. */
interface Exemption {
  readonly amount: (base: Cents) => Cents;
  readonly why: string;
}

/**
 * Orders every year that has a distribution. `distributions` are the history's distributions
 * and the planned withdrawal; amounts in cents.
 */
export function orderByTaxYear(
  basis: RothBasis,
  distributions: readonly DistributionInput[],
  dates: OrderingDates,
): YearOrdering[] {
  const tenPercent = rate(distributionConstants.additionalTaxRate);
  const stack = new Stack();
  const regularYears = [...basis.regularByYear.keys()].sort((a, b) => a - b);
  const conversionYears = [...basis.conversionsByYear.keys()].sort((a, b) => a - b);
  let homeLeft = usd(distributionConstants.firstHomeLifetimeLimit);
  const years = [...new Set(distributions.map((d) => yearOf(d.date)))].sort((a, b) => a - b);
  let addedThrough = Number.NEGATIVE_INFINITY;
  const out: YearOrdering[] = [];

  for (const year of years) {
    // Q&A-9: the year's regular contributions (made by the due date) and conversions count.
    for (const y of regularYears)
      if (y > addedThrough && y <= year) stack.regular += basis.regularByYear.get(y) ?? 0;
    for (const y of conversionYears) {
      if (y > addedThrough && y <= year) {
        const c = basis.conversionsByYear.get(y) ?? { taxable: 0, nontaxable: 0 };
        stack.conversions.push({ year: y, taxable: c.taxable, nontaxable: c.nontaxable });
      }
    }
    addedThrough = year;
    const line22 = stack.regular;
    const line24 = stack.conversionTotal();

    const list = distributions
      .map((d, i) => ({ d, i }))
      .filter(({ d }) => yearOf(d.date) === year)
      .sort(
        (a, b) =>
          (a.d.date < b.d.date ? -1 : a.d.date > b.d.date ? 1 : 0) ||
          Number(a.d.planned) - Number(b.d.planned) ||
          a.i - b.i,
      )
      .map(({ d }) => d);

    // Classify: qualified (408A(d)(2)), the first-home part of line 20, or nonqualified.
    const classified = list.map((d) => {
      const fiveYears = d.date >= dates.fiveYearsEnd;
      const older = d.date >= dates.age59Half;
      const event = d.exception === 'death' || d.exception === 'disability';
      const qualified = fiveYears && (older || event);
      let firstHome = 0;
      if (!qualified && fiveYears && d.exception === 'first-home') {
        firstHome = min(d.exceptionAmount ?? d.amount, d.amount, homeLeft);
        homeLeft -= firstHome;
      }
      return { d, qualified, firstHome, nonqualified: qualified ? 0 : d.amount - firstHome };
    });

    // The nonqualified parts use the tranches first (Form 8606 lines 21–25), in date order.
    const pieces = classified.map((c) => ({
      nonqualified: stack.draw(c.nonqualified),
      home: [] as Piece[],
      qualified: [] as Piece[],
    }));
    classified.forEach((c, i) => {
      const p = pieces[i];
      if (p) p.home = stack.draw(c.firstHome);
    });
    classified.forEach((c, i) => {
      const p = pieces[i];
      if (p && c.qualified) p.qualified = stack.draw(c.d.amount);
    });

    // The 10% tax: each nonqualified part's base, what an exception covers, then the year's
    // tax (Form 5329 line 4: 10% of line 3) shared out over what is taxed.
    const rows = classified.map((c, i) => {
      const p = pieces[i] ?? { nonqualified: [], home: [], qualified: [] };
      const d = c.d;
      const early = p.nonqualified.map((x) =>
        x.kind === 'earnings' ||
        (x.kind === 'conversion-taxable' && d.date < fiveYearsEnd(x.year ?? 0))
          ? x.amount
          : 0,
      );
      const base = sum(early);
      const ex = exemptionOf(c, dates, base, homeLeft);
      const exempt = min(ex.amount(base), base);
      if (d.exception === 'first-home' && c.firstHome === 0) homeLeft -= exempt;
      const exemptParts = share(exempt, early);
      const taxed = early.map((e, j) => e - (exemptParts[j] ?? 0));
      return { c, p, early, base, exempt, taxed, why: ex.why };
    });
    const yearTaxed = sum(rows.flatMap((r) => r.taxed));
    const yearTax = applyRate(yearTaxed, tenPercent);
    const shares = share(
      yearTax,
      rows.flatMap((r) => r.taxed),
    );
    let at = 0;
    const ordered: OrderedDistribution[] = rows.map((r) => {
      const d = r.c.d;
      const nonq = r.p.nonqualified.map((x, j): DrawnTranche => {
        const tax = shares[at + j] ?? 0;
        return {
          kind: x.kind,
          part: 'nonqualified',
          year: x.year,
          amount: x.amount,
          taxable: x.kind === 'earnings' ? x.amount : 0,
          additionalTax: tax,
          why: nonqualifiedWhy(x, r.early[j] ?? 0, r.taxed[j] ?? 0, r.why),
        };
      });
      at += r.p.nonqualified.length;
      const free = (x: Piece, part: DistributionPart, why: string): DrawnTranche => ({
        kind: x.kind,
        part,
        year: x.year,
        amount: x.amount,
        taxable: 0,
        additionalTax: 0,
        why,
      });
      const tranches = [
        ...nonq,
        ...r.p.home.map((x) =>
          free(
            x,
            'first-home',
            'qualified first-time homebuyer distribution (Form 8606 line 20): tax-free',
          ),
        ),
        ...r.p.qualified.map((x) =>
          free(
            x,
            'qualified',
            x.kind === 'earnings'
              ? 'qualified distribution: earnings tax-free'
              : 'qualified distribution: tax-free',
          ),
        ),
      ];
      return {
        ...d,
        qualified: r.c.qualified,
        firstHome: r.c.firstHome,
        tranches: merge(tranches, true),
        taxable: sum(nonq.map((t) => t.taxable)),
        earlyAmount: r.base,
        exemptAmount: r.exempt,
        additionalTax: sum(nonq.map((t) => t.additionalTax)),
      };
    });

    const line19 = sum(classified.map((c) => (c.qualified ? 0 : c.d.amount)));
    const part3 =
      line19 === 0
        ? null
        : form8606Part3({
            nonqualified: line19,
            firstHome: sum(classified.map((c) => c.firstHome)),
            contributionBasis: line22,
            conversionBasis: line24,
          });
    out.push({
      year,
      regularContributions: basis.regularByYear.get(year) ?? 0,
      conversions: (() => {
        const c = basis.conversionsByYear.get(year);
        return c ? c.taxable + c.nontaxable : 0;
      })(),
      distributions: ordered,
      total: sum(list.map((d) => d.amount)),
      tranches: merge(
        ordered.flatMap((d) => d.tranches),
        false,
      ),
      part3,
      taxable: sum(ordered.map((d) => d.taxable)),
      additionalTax: sum(ordered.map((d) => d.additionalTax)),
    });
  }
  return out;
}

/** What covers a nonqualified distribution's 10% base: age 59½, or an exception. */
function exemptionOf(
  c: { d: DistributionInput; firstHome: Cents },
  dates: OrderingDates,
  base: Cents,
  homeLeft: Cents,
): Exemption {
  const d = c.d;
  const all = (why: string): Exemption => ({ amount: (b) => b, why });
  if (d.date >= dates.age59Half) return all(`age ${QUALIFIED_AGE_TEXT} or over`);
  const e = d.exception;
  if (e === undefined) return { amount: () => 0, why: `under ${QUALIFIED_AGE_TEXT}` };
  if (e === 'other-72t') return all('an exception of IRC 72(t)(2)');
  const info = EARLY_EXCEPTIONS[e];
  if (!info.limited) return all(info.label);
  if (e === 'first-home') {
    // Within five years: not qualified, but the 10% exception applies within the lifetime
    // limit (72(t)(8)(B)); after five years the first-home part is on line 20 and the rest
    // has used up the limit or the expenses.
    if (c.firstHome > 0 || d.date >= dates.fiveYearsEnd)
      return { amount: () => 0, why: `under ${QUALIFIED_AGE_TEXT}, beyond the first-home limit` };
    const covered = min(d.exceptionAmount ?? d.amount, homeLeft);
    return {
      amount: (b) => min(b, covered),
      why:
        covered >= base
          ? info.label
          : `under ${QUALIFIED_AGE_TEXT}; ${info.label} covers ${formatUsd(covered)} (what is left of the lifetime limit)`,
    };
  }
  const covered = d.exceptionAmount ?? 0;
  return {
    amount: (b) => min(b, covered),
    why:
      covered >= base
        ? info.label
        : `under ${QUALIFIED_AGE_TEXT}; ${info.label} covers ${formatUsd(covered)}`,
  };
}

/** Why a nonqualified tranche is taxed as it is. */
function nonqualifiedWhy(x: Piece, early: Cents, taxed: Cents, exemption: string): string {
  switch (x.kind) {
    case 'regular':
      return 'regular contributions (and Roth plan basis) come out first, tax-free';
    case 'conversion-nontaxable':
      return `basis in a conversion: never taxed, no ${ADDITIONAL_TAX_TEXT} tax`;
    case 'conversion-taxable': {
      const y = x.year ?? 0;
      if (early === 0) return `${FIVE_YEAR_TEXT} period of the ${String(y)} conversion has ended`;
      return taxed > 0
        ? `within the ${String(y)} conversion's ${FIVE_YEAR_TEXT} period (until ${fiveYearsEnd(y)}) and ${exemption}: ${ADDITIONAL_TAX_TEXT} tax`
        : `within the ${String(y)} conversion's ${FIVE_YEAR_TEXT} period (until ${fiveYearsEnd(y)}), but ${exemption}: no ${ADDITIONAL_TAX_TEXT} tax`;
    }
    case 'earnings':
      return taxed > 0
        ? `nonqualified: earnings taxable, and ${ADDITIONAL_TAX_TEXT} tax ${exemption}`
        : `nonqualified: earnings taxable; no ${ADDITIONAL_TAX_TEXT} tax (${exemption})`;
  }
}
