/**
 * A plan account kept by source over shared funds. Each source holds cents in each fund; a
 * price change or earnings on a fund are shared among the sources holding it in proportion to
 * their holdings (`allocate`), so the sources always add up to the account to the cent.
 * After-tax basis (the investment in the contract, IRC 72) is tracked for the non-Roth part of
 * the account; the designated Roth account (Roth deferrals and in-plan conversions) is a separate
 * contract (402A(d)(4)) with its own basis.
 *
 * Tax on conversions and withdrawals: after-tax money is its own source (a separate contract,
 * 72(d)(2)) unless the file says the plan pools it: then basis comes only with after-tax money,
 * pro-rata within that source; a pooled plan spreads basis over the whole non-Roth account
 * (72(e)(8)). Both are the one distribution rule (`partsOf` in `distributions/prorata.ts`);
 * destinations follow Notice 2014-54 (`distributions/destinations.ts`).
 *
 * A withdrawal or full distribution carries the withholding of `distributions/withholding.ts`
 * (none while the plan's eligible rollover distributions of the year total under $200) and, when
 * the file gives the birth date, the 10% additional tax on pre-tax money kept
 * (`distributions/early-tax.ts`; a full distribution is the separation from service).
 *
 * Rounding: fund gains are allocated to sources by largest remainder; basis recovered is
 * rounded half-up to the cent (`partsOf`); nothing else is rounded.
 */
import { yearOf } from '../dates.js';
import { planEarlyTax, checkException, type EarlyTax } from '../distributions/early-tax.js';
import type { WithholdingRule } from '../distributions/withholding.js';
import { InputError } from '../errors.js';
import { allocate, formatUsd, mulDiv, sum, type Cents } from '../money.js';
import { afterTaxAccounting, type AccountingChoice } from '../distributions/accounting.js';
import {
  allocateDistribution,
  type DistributionAllocation,
} from '../distributions/destinations.js';
import { partsOf } from '../distributions/prorata.js';
import { directionsFor, type Route } from '../distributions/routes.js';
import {
  ROTH_SOURCES,
  SOURCES,
  type LedgerFile,
  type Plan,
  type Source,
  type Transaction,
} from './model.js';

/** An event that moves no money out of the plan and taxes nothing. */
const NO_FLOW = {
  taxable: 0,
  basisOut: 0,
  withholding: 0,
  toRothIra: 0,
  toTraditionalIra: 0,
  toCash: 0,
  proRata: null,
  withholdingRule: null,
  early: null,
} as const;

/** The numbers of one basis share: `amount × basis / whole` (72(d)(2) or 72(e)(8)). */
export interface ProRata {
  /** What left the money that carries basis (the after-tax source's part, or all of it). */
  readonly amount: Cents;
  /** Basis before the event. */
  readonly basis: Cents;
  /** The after-tax source's value (separate) or the non-Roth account's (pooled). */
  readonly whole: Cents;
  readonly over: 'after-tax source' | 'non-Roth account';
}

/** What one transaction did, for the report. */
export interface LedgerEvent {
  readonly line: number | null;
  readonly date: string;
  readonly type: Transaction['type'];
  readonly amount: Cents;
  /** Includible in income (conversions, withdrawals not rolled over, pre-tax to Roth). */
  readonly taxable: Cents;
  /** After-tax basis that came out with it. */
  readonly basisOut: Cents;
  readonly withholding: Cents;
  readonly toRothIra: Cents;
  readonly toTraditionalIra: Cents;
  readonly toCash: Cents;
  /** How the basis out was figured (null when no money left the plan). */
  readonly proRata: ProRata | null;
  /** The rule that set the withholding (null when nothing was paid out of the plan). */
  readonly withholdingRule: WithholdingRule | null;
  /** The 10% additional tax on pre-tax money kept (null when nothing was paid out of the plan). */
  readonly early: EarlyTax | null;
  readonly note: string;
}

export interface SourceLine {
  readonly source: Source;
  readonly value: Cents;
  readonly byFund: Readonly<Record<string, Cents>>;
}

export interface FundLine {
  readonly fund: string;
  /** Unit price in ten-thousandths of a dollar. */
  readonly price: number;
  readonly value: Cents;
  /** Units held (value / price), for display. */
  readonly units: number;
}

/** The account at a date. */
export interface LedgerState {
  readonly asOf: string;
  /** How after-tax money is accounted for, whether the file said so, and why. */
  readonly accounting: AccountingChoice;
  readonly closed: boolean;
  readonly total: Cents;
  readonly bySource: readonly SourceLine[];
  readonly byFund: readonly FundLine[];
  /** After-tax basis not yet recovered (non-Roth contract). */
  readonly afterTaxBasis: Cents;
  /** Earnings on after-tax money (after-tax source value − basis) when accounted separately. */
  readonly afterTaxEarnings: Cents | null;
  /** Designated Roth basis: Roth deferrals plus amounts converted in plan. */
  readonly rothBasis: Cents;
  readonly events: readonly LedgerEvent[];
  readonly taxableTotal: Cents;
  readonly withholdingTotal: Cents;
  /** The 10% additional tax of the events where it was computed, added. */
  readonly additionalTaxTotal: Cents;
}

/** Mutable state of the ledger. */
export class Ledger {
  private readonly holdings = new Map<Source, Map<string, Cents>>();
  private readonly prices = new Map<string, number>();
  private afterTaxBasis: Cents = 0;
  private rothBasis: Cents = 0;
  private lastDate: string;
  private closedOn: string | null = null;
  /** Eligible rollover distributions paid out of the plan, by calendar year. */
  private readonly paidByYear = new Map<number, Cents>();
  readonly events: LedgerEvent[] = [];
  readonly accounting: AccountingChoice;

  constructor(
    readonly plan: Plan,
    private readonly file = '',
  ) {
    for (const s of SOURCES) this.holdings.set(s, new Map());
    for (const [f, p] of Object.entries(plan.funds)) this.prices.set(f, p);
    this.lastDate = plan.opened;
    this.accounting = afterTaxAccounting(plan.separateAfterTaxAccount);
  }

  private get separate(): boolean {
    return this.accounting.accounting === 'separate';
  }

  private fail(tx: Transaction, message: string): never {
    const where = tx.line === undefined ? 'transaction' : `line ${String(tx.line)}`;
    throw new InputError([
      { path: this.file ? `${this.file}:${String(tx.line ?? '?')}` : where, message },
    ]);
  }

  private held(s: Source, f: string): Cents {
    return this.holdings.get(s)?.get(f) ?? 0;
  }

  private set(s: Source, f: string, c: Cents): void {
    this.holdings.get(s)?.set(f, c);
  }

  /** Value of a source across funds. */
  sourceValue(s: Source): Cents {
    return sum([...(this.holdings.get(s)?.values() ?? [])]);
  }

  /** Value of a fund across sources. */
  fundValue(f: string): Cents {
    return sum(SOURCES.map((s) => this.held(s, f)));
  }

  /** The whole account. */
  total(): Cents {
    return sum(SOURCES.map((s) => this.sourceValue(s)));
  }

  private nonRoth(): Source[] {
    return SOURCES.filter((s) => !ROTH_SOURCES.includes(s));
  }

  /** Takes `amount` out of the given sources, pro-rata by value, each pro-rata across funds. */
  private takeFrom(sources: readonly Source[], amount: Cents): Map<Source, Map<string, Cents>> {
    const out = new Map<Source, Map<string, Cents>>();
    if (amount === 0) return out;
    const values = sources.map((s) => this.sourceValue(s));
    const shares = allocate(amount, values);
    sources.forEach((s, i) => {
      const share = shares[i] ?? 0;
      const m = new Map<string, Cents>();
      out.set(s, m);
      if (share === 0) return;
      const funds = [...this.prices.keys()];
      const parts = allocate(
        share,
        funds.map((f) => this.held(s, f)),
      );
      funds.forEach((f, j) => {
        const p = parts[j] ?? 0;
        this.set(s, f, this.held(s, f) - p);
        m.set(f, p);
      });
    });
    return out;
  }

  /**
   * Basis that leaves with `amount` (72(d)(2) or 72(e)(8), `partsOf`). Call before taking the
   * money out: when after-tax money is its own source, `fromAfterTax` is what leaves that source
   * and carries basis within it; pooled, the whole amount carries basis over the non-Roth account.
   */
  private basisFor(amount: Cents, fromAfterTax: Cents): { basisOut: Cents; proRata: ProRata } {
    const basis = this.afterTaxBasis;
    const nonRoth = sum(this.nonRoth().map((s) => this.sourceValue(s)));
    if (this.separate) {
      const at = this.sourceValue('aftertax');
      const parts = partsOf(fromAfterTax, {
        balance: nonRoth,
        afterTaxBasis: basis,
        separateAfterTaxEarnings: at - basis,
      });
      return {
        basisOut: parts.afterTaxBasis,
        proRata: { amount: fromAfterTax, basis, whole: at, over: 'after-tax source' },
      };
    }
    const parts = partsOf(amount, { balance: nonRoth, afterTaxBasis: basis });
    return {
      basisOut: parts.afterTaxBasis,
      proRata: { amount, basis, whole: nonRoth, over: 'non-Roth account' },
    };
  }

  /** Takes `amount` from `sources` and returns the basis that left with it. */
  private takeWithBasis(
    sources: readonly Source[],
    amount: Cents,
  ): { basisOut: Cents; proRata: ProRata } {
    const shares =
      amount === 0
        ? []
        : sources.length === 1
          ? [amount]
          : allocate(
              amount,
              sources.map((s) => this.sourceValue(s)),
            );
    const fromAfterTax = shares[sources.indexOf('aftertax')] ?? 0;
    const out = this.basisFor(amount, fromAfterTax);
    this.takeFrom(sources, amount);
    this.afterTaxBasis -= out.basisOut;
    return out;
  }

  private event(tx: Transaction, e: Omit<LedgerEvent, 'line' | 'date' | 'type'>): void {
    this.events.push({ line: tx.line ?? null, date: tx.date, type: tx.type, ...e });
  }

  /**
   * A withdrawal or full distribution: where it lands, the withholding (the year's eligible
   * rollover distributions so far, `alsoPaid` of this one going elsewhere included) and the 10%
   * additional tax on the pre-tax money kept.
   */
  private routeEvent(
    tx: Transaction & { type: 'withdraw' | 'separate' },
    amount: Cents,
    share: { basisOut: Cents; proRata: ProRata },
    route: Route,
    note: string,
    alsoPaid: Cents = 0,
  ): DistributionAllocation {
    const parts = { pretax: amount - share.basisOut, afterTaxBasis: share.basisOut };
    const year = yearOf(tx.date);
    const yearTotal = (this.paidByYear.get(year) ?? 0) + amount + alsoPaid;
    this.paidByYear.set(year, yearTotal);
    const a = allocateDistribution(parts, directionsFor(parts, route), {}, { yearTotal });
    const problems = checkException('plan', tx.exception, tx.exceptionAmount);
    const birth = this.plan.birthDate;
    if (birth !== undefined && tx.date < birth)
      problems.push({ path: 'date', message: `is before the birth date ${birth}` });
    if (problems.length > 0)
      this.fail(tx, problems.map((p) => `${p.path}: ${p.message}`).join('; '));
    const early = planEarlyTax({
      subjectTo: a.toCash.pretax,
      date: tx.date,
      ...(birth !== undefined ? { birthDate: birth } : {}),
      // A full distribution is the separation from service (IRC 72(t)(2)(A)(v)).
      ...(tx.type === 'separate' ? { separationYear: year } : {}),
      ...(this.plan.publicSafetyEmployee === true ? { publicSafety: true } : {}),
      ...(tx.exception !== undefined ? { exception: tx.exception } : {}),
      ...(tx.exceptionAmount !== undefined ? { exceptionAmount: tx.exceptionAmount } : {}),
    });
    this.event(tx, {
      amount,
      taxable: a.taxable,
      basisOut: share.basisOut,
      withholding: a.withholding,
      toRothIra: a.toRoth.amount,
      toTraditionalIra: a.toTraditional.amount,
      toCash: a.toCash.amount,
      proRata: share.proRata,
      withholdingRule: a.withholdingRule,
      early,
      note,
    });
    return a;
  }

  private checkFund(tx: Transaction, f: string): void {
    if (!this.prices.has(f)) {
      this.fail(tx, `unknown fund "${f}"; funds in plan: ${[...this.prices.keys()].join(', ')}`);
    }
  }

  /** Applies one transaction; throws an InputError naming its line when it is impossible. */
  apply(tx: Transaction): void {
    if (tx.date < this.plan.opened) {
      this.fail(tx, `date ${tx.date} is before the account existed (opened ${this.plan.opened})`);
    }
    if (tx.date < this.lastDate) {
      this.fail(
        tx,
        `date ${tx.date} is before the previous transaction (${this.lastDate}); list transactions in date order`,
      );
    }
    if (this.closedOn !== null) {
      this.fail(tx, `the account was fully distributed on ${this.closedOn}; nothing can follow`);
    }
    this.lastDate = tx.date;
    const usd = (c: Cents): string => formatUsd(c);
    switch (tx.type) {
      case 'contribution': {
        const funds = [...this.prices.keys()];
        const f = tx.fund ?? (funds.length === 1 ? funds[0] : undefined);
        if (f === undefined)
          this.fail(tx, `fund is required: the plan has several funds (${funds.join(', ')})`);
        this.checkFund(tx, f);
        this.set(tx.source, f, this.held(tx.source, f) + tx.amount);
        if (tx.source === 'aftertax') this.afterTaxBasis += tx.amount;
        if (tx.source === 'roth' || tx.source === 'irr') this.rothBasis += tx.amount;
        this.event(tx, {
          amount: tx.amount,
          ...NO_FLOW,
          note: `${tx.source} contribution to ${f}`,
        });
        return;
      }
      case 'price':
      case 'earnings': {
        this.checkFund(tx, tx.fund);
        const before = this.fundValue(tx.fund);
        let gain: Cents;
        if (tx.type === 'price') {
          const old = this.prices.get(tx.fund) ?? tx.price;
          // The fund's value moves with its price, rounded half-up to the cent.
          gain = mulDiv(before, tx.price, old) - before;
          this.prices.set(tx.fund, tx.price);
        } else {
          if (before === 0 && tx.amount > 0)
            this.fail(tx, `fund "${tx.fund}" holds nothing to earn on`);
          gain = tx.amount;
        }
        if (gain !== 0) {
          const parts = allocate(
            gain,
            SOURCES.map((s) => this.held(s, tx.fund)),
          );
          SOURCES.forEach((s, i) => {
            this.set(s, tx.fund, this.held(s, tx.fund) + (parts[i] ?? 0));
          });
        }
        this.event(tx, {
          amount: gain,
          ...NO_FLOW,
          note: `${tx.fund} ${gain >= 0 ? 'gain' : 'loss'} shared by holdings`,
        });
        return;
      }
      case 'fee': {
        const f = tx.fund;
        if (f !== undefined) this.checkFund(tx, f);
        const funds = f === undefined ? [...this.prices.keys()] : [f];
        const cells = SOURCES.flatMap((s) => funds.map((fd) => ({ s, fd, v: this.held(s, fd) })));
        const available = sum(cells.map((c) => c.v));
        if (tx.amount > available)
          this.fail(tx, `fee ${usd(tx.amount)} is more than the account holds (${usd(available)})`);
        if (tx.amount > 0) {
          const parts = allocate(
            tx.amount,
            cells.map((c) => c.v),
          );
          cells.forEach((c, i) => {
            this.set(c.s, c.fd, c.v - (parts[i] ?? 0));
          });
        }
        this.event(tx, {
          amount: tx.amount,
          ...NO_FLOW,
          note: 'fee shared by holdings (reduces earnings, not basis)',
        });
        return;
      }
      case 'convert': {
        if (!this.plan.allowConversion.includes(tx.source)) {
          this.fail(
            tx,
            `the plan does not allow in-plan conversion of "${tx.source}" (allowed: ${this.plan.allowConversion.join(', ') || 'none'})`,
          );
        }
        if (ROTH_SOURCES.includes(tx.source)) this.fail(tx, `"${tx.source}" is already Roth money`);
        const have = this.sourceValue(tx.source);
        const amount = tx.amount === 'all' ? have : tx.amount;
        if (amount > have)
          this.fail(
            tx,
            `cannot convert ${usd(amount)}: the ${tx.source} source holds ${usd(have)}`,
          );
        const { basisOut, proRata } = this.basisFor(amount, tx.source === 'aftertax' ? amount : 0);
        const taken = this.takeFrom([tx.source], amount);
        for (const [, byFund] of taken) {
          for (const [f, c] of byFund) this.set('irr', f, this.held('irr', f) + c);
        }
        this.afterTaxBasis -= basisOut;
        this.rothBasis += amount;
        this.event(tx, {
          amount,
          taxable: amount - basisOut,
          basisOut,
          withholding: 0,
          toRothIra: 0,
          toTraditionalIra: 0,
          toCash: 0,
          proRata,
          withholdingRule: null,
          early: null,
          note: `in-plan Roth conversion of ${tx.source} (${this.separate ? 'basis within the after-tax source, 72(d)(2)' : 'basis pro-rata over the whole account, 72(e)(8)'}); its taxable part starts its own recapture period`,
        });
        return;
      }
      case 'withdraw': {
        const src = tx.source;
        if (src !== undefined && !this.plan.allowWithdrawal.includes(src)) {
          this.fail(
            tx,
            `the plan does not allow in-service withdrawals of "${src}" (allowed: ${this.plan.allowWithdrawal.join(', ') || 'none'})`,
          );
        }
        if (src !== undefined && ROTH_SOURCES.includes(src)) {
          this.fail(
            tx,
            `in-service withdrawals of designated Roth money ("${src}") are not modelled; use separate`,
          );
        }
        const sources = src === undefined ? this.nonRoth() : [src];
        const have = sum(sources.map((s) => this.sourceValue(s)));
        if (tx.amount > have) {
          this.fail(
            tx,
            `cannot withdraw ${usd(tx.amount)}: ${src === undefined ? 'the non-Roth account' : `the ${src} source`} holds ${usd(have)}`,
          );
        }
        const share = this.takeWithBasis(sources, tx.amount);
        this.routeEvent(
          tx,
          tx.amount,
          share,
          tx.to,
          this.separate
            ? 'basis within the after-tax source (72(d)(2))'
            : 'basis pro-rata over the whole account (72(e)(8))',
        );
        return;
      }
      case 'separate': {
        const nonRoth = sum(this.nonRoth().map((s) => this.sourceValue(s)));
        const roth = sum(ROTH_SOURCES.map((s) => this.sourceValue(s)));
        // A full distribution recovers the basis, up to what is there (a loss leaves basis behind).
        const basis = this.afterTaxBasis;
        const { afterTaxBasis: basisOut } = partsOf(nonRoth, {
          balance: nonRoth,
          afterTaxBasis: basis,
        });
        const unrecovered = basis - basisOut;
        this.takeFrom(this.nonRoth(), nonRoth);
        this.takeFrom(ROTH_SOURCES, roth);
        this.afterTaxBasis = 0;
        this.routeEvent(
          tx,
          nonRoth,
          {
            basisOut,
            proRata: { amount: nonRoth, basis, whole: nonRoth, over: 'non-Roth account' },
          },
          tx.to,
          `full distribution at separation${unrecovered > 0 ? `; ${usd(unrecovered)} of basis exceeds the value and is not recovered` : ''}`,
          roth,
        );
        if (roth > 0) {
          // The designated Roth account rolls to a Roth IRA (direct rollover, not taxable).
          this.event(tx, {
            amount: roth,
            taxable: 0,
            basisOut: 0,
            withholding: 0,
            toRothIra: roth,
            toTraditionalIra: 0,
            toCash: 0,
            proRata: null,
            withholdingRule: null,
            early: null,
            note: `designated Roth account rolled to a Roth IRA (Roth basis ${usd(this.rothBasis)})`,
          });
        }
        this.rothBasis = 0;
        this.closedOn = tx.date;
        return;
      }
    }
  }

  /** The report at the last applied date. */
  report(asOf = this.lastDate): LedgerState {
    const funds = [...this.prices.keys()];
    const bySource = SOURCES.map((s) => ({
      source: s,
      value: this.sourceValue(s),
      byFund: Object.fromEntries(funds.map((f) => [f, this.held(s, f)])),
    }));
    const byFund = funds.map((f) => {
      const price = this.prices.get(f) ?? 1;
      const value = this.fundValue(f);
      return { fund: f, price, value, units: (value * 100) / price };
    });
    return {
      asOf,
      accounting: this.accounting,
      closed: this.closedOn !== null,
      total: this.total(),
      bySource,
      byFund,
      afterTaxBasis: this.afterTaxBasis,
      afterTaxEarnings: this.separate ? this.sourceValue('aftertax') - this.afterTaxBasis : null,
      rothBasis: this.rothBasis,
      events: [...this.events],
      taxableTotal: sum(this.events.map((e) => e.taxable)),
      withholdingTotal: sum(this.events.map((e) => e.withholding)),
      additionalTaxTotal: sum(this.events.map((e) => (e.early?.computed ? e.early.tax : 0))),
    };
  }
}

/** Runs a whole ledger file up to `asOf` (inclusive; default all) and reports. */
export function runLedger(
  file: LedgerFile,
  opts: { asOf?: string; fileName?: string } = {},
): LedgerState {
  const l = new Ledger(file.plan, opts.fileName ?? '');
  for (const tx of file.transactions) {
    if (opts.asOf !== undefined && tx.date > opts.asOf) break;
    l.apply(tx);
  }
  return l.report(opts.asOf);
}
