/**
 * The `ledger` report: a plan account kept by source over shared funds (`ledger/`), at a date —
 * balances by source and fund, the after-tax basis left (IRC 72(c), 72(f)), the designated Roth
 * basis (IRC 402A), and what each conversion or withdrawal made taxable (IRC 402A(c)(4), 72,
 * 402(c); Notice 2014-54). The after-tax accounting (its own source, IRC 72(d)(2), unless the
 * file says the plan pools it, IRC 72(e)(8)) is stated with its reason; when the file did not
 * say, the plan administrator is asked. A withdrawal carries its withholding (IRC 3405) and, with
 * the birth date, the 10% additional tax on pre-tax money kept (IRC 72(t)). Every amount is a
 * Figure.
 */
import {
  POOLED_CITATION,
  SEPARATE_CITATION,
  separateSourceQuestion,
  type AfterTaxAccounting,
} from '../distributions/accounting.js';
import { ADDITIONAL_TAX_TEXT, WITHHOLDING_TEXT } from '../distributions/params-text.js';
import { WITHHOLDING_CITATION } from '../distributions/withholding.js';
import { usd } from '../params/index.js';
import { distributionConstants } from '../params/distributions.js';
import { figure, type Figure } from '../explain.js';
import { runLedger, type LedgerEvent } from '../ledger/ledger.js';
import type { LedgerFile, Source, Transaction } from '../ledger/model.js';
import { formatUsd, sum, type Cents } from '../money.js';
import type { Finding, ReportBase } from './model.js';

export interface LedgerEventReport {
  readonly line: number | null;
  readonly date: string;
  readonly type: Transaction['type'];
  readonly amount: Figure;
  readonly taxable: Figure;
  readonly basisOut: Figure;
  readonly withholding: Figure;
  readonly toRothIra: Figure;
  readonly toTraditionalIra: Figure;
  readonly toCash: Figure;
  /** The 10% additional tax on pre-tax money kept; null when it was not computed (no birth date). */
  readonly additionalTax: Figure | null;
  readonly note: string;
}

export interface LedgerCommandReport extends ReportBase<'ledger'> {
  /** The plan's name from the file, if any. */
  readonly name?: string;
  readonly asOf: string;
  readonly closed: boolean;
  readonly accounting: AfterTaxAccounting;
  /** Which accounting was used and why. */
  readonly accountingWhy: string;
  readonly total: Figure;
  readonly bySource: readonly {
    readonly source: Source;
    readonly value: Figure;
    readonly byFund: Readonly<Record<string, Figure>>;
  }[];
  readonly byFund: readonly {
    readonly fund: string;
    /** Unit price in dollars (up to 4 decimals). */
    readonly price: number;
    /** Units held (value / price), to 6 decimals. */
    readonly units: number;
    readonly value: Figure;
  }[];
  readonly afterTaxBasis: Figure;
  /** After-tax source value − basis, when after-tax money is its own source. */
  readonly afterTaxEarnings: Figure | null;
  readonly rothBasis: Figure;
  readonly taxableTotal: Figure;
  readonly withholdingTotal: Figure;
  /** The 10% additional tax of the events where it was computed. */
  readonly additionalTaxTotal: Figure;
  readonly events: readonly LedgerEventReport[];
}

const HOLDINGS =
  'recordkeeping by source: each gain, loss and fee shared by holdings (largest remainder); IRC 402A(b)(2) (Roth money kept apart), IRC 72(d)(2)';
const NOTICE = 'Notice 2014-54; IRC 402(c)(2)';
const BASIS_CITE = 'IRC 72(c)(1), 72(f) (investment in the contract)';

/** What a transaction brought in (for the explanation of the basis). */
function afterTaxContributed(file: LedgerFile, asOf: string | undefined): Cents {
  return sum(
    file.transactions
      .filter((t) => asOf === undefined || t.date <= asOf)
      .map((t) => (t.type === 'contribution' && t.source === 'aftertax' ? t.amount : 0)),
  );
}

function eventReport(e: LedgerEvent, i: number): LedgerEventReport {
  const k = (name: string): string => `ledger.events.${String(i)}.${name}`;
  const u = formatUsd;
  const where = e.line === null ? 'the transaction' : `line ${String(e.line)}`;
  const entered = `the transaction file, ${where}`;
  const moved = e.type === 'convert' || e.type === 'withdraw' || e.type === 'separate';
  const out = e.type === 'withdraw' || e.type === 'separate';
  const none = 'no money left the plan';
  const rothRollover = e.type === 'separate' && e.proRata === null;
  const amountWhy: Readonly<Record<Transaction['type'], string>> = {
    contribution: 'entered',
    price: 'the fund’s value × new price / old price − its value, rounded half-up to the cent',
    earnings: 'entered',
    fee: 'entered',
    convert: 'entered (all: the source’s whole value)',
    withdraw: 'entered',
    separate: 'everything the account held: a full distribution',
  };
  const p = e.proRata;
  const basisWhy =
    p === null
      ? rothRollover
        ? 'none: the designated Roth account is a separate contract and rolls to a Roth IRA whole'
        : none
      : e.type === 'separate'
        ? `a full distribution carries all of the ${u(p.basis)} basis, up to its ${u(p.whole)} value`
        : `${u(p.amount)} × ${u(p.basis)} basis / ${u(p.whole)} ${p.over}, rounded half-up to the cent (never more than the amount or the basis)`;
  const basisCite =
    p === null
      ? rothRollover
        ? 'IRC 402A(d)(4), 402(c)(8)(B)'
        : BASIS_CITE
      : p.over === 'after-tax source'
        ? SEPARATE_CITATION
        : e.type === 'separate'
          ? `${POOLED_CITATION}; IRC 402(c)(2)`
          : POOLED_CITATION;
  const taxableWhy = !moved
    ? none
    : e.type === 'convert'
      ? `${u(e.amount)} converted − ${u(e.basisOut)} basis`
      : rothRollover
        ? 'none: a direct rollover of designated Roth money to a Roth IRA'
        : 'pre-tax money that lands in a Roth IRA or stays with the participant';
  const taxableCite =
    e.type === 'convert' ? 'IRC 402A(c)(4)(A)-(B); Notice 2013-74' : 'IRC 72, 402(a), 402(c)';
  const route = (where: string): string =>
    !moved
      ? none
      : !out
        ? 'none: an in-plan conversion stays in the plan'
        : rothRollover
          ? 'the designated Roth account, rolled to a Roth IRA'
          : `${where}, pre-tax money first to pre-tax destinations`;
  return {
    line: e.line,
    date: e.date,
    type: e.type,
    amount: figure(
      k('amount'),
      `${e.type} (${where})`,
      e.amount,
      amountWhy[e.type],
      e.type === 'price' ? HOLDINGS : entered,
    ),
    taxable: figure(
      k('taxable'),
      'Taxable',
      e.taxable,
      taxableWhy,
      taxableCite,
      moved && !rothRollover ? [k('amount'), k('basisOut')] : [],
    ),
    basisOut: figure(
      k('basisOut'),
      'After-tax basis out',
      e.basisOut,
      basisWhy,
      basisCite,
      p !== null ? [k('amount')] : [],
    ),
    withholding: figure(
      k('withholding'),
      'Withheld',
      e.withholding,
      e.withholdingRule === 'under-minimum'
        ? `none: the plan’s eligible rollover distributions of the year so far total under ${u(usd(distributionConstants.mandatoryWithholdingMinimum), { wholeDollars: true })}`
        : e.withholdingRule !== null
          ? `${WITHHOLDING_TEXT} of the pre-tax part paid to the participant (not directly rolled over)`
          : out
            ? 'none: a direct rollover'
            : moved
              ? 'none: a conversion in the plan is a direct rollover'
              : none,
      e.withholdingRule !== null ? WITHHOLDING_CITATION[e.withholdingRule] : 'IRC 3405(c)(2)',
      out ? [k('toCash')] : [],
    ),
    toRothIra: figure(
      k('toRothIra'),
      'To a Roth IRA',
      e.toRothIra,
      route('the route chosen'),
      NOTICE,
    ),
    toTraditionalIra: figure(
      k('toTraditionalIra'),
      'To a traditional IRA',
      e.toTraditionalIra,
      route('the route chosen'),
      NOTICE,
    ),
    toCash: figure(
      k('toCash'),
      'Paid to the participant',
      e.toCash,
      route('what is not rolled over'),
      NOTICE,
    ),
    additionalTax:
      e.early !== null && !e.early.computed
        ? null
        : figure(
            k('additionalTax'),
            `${ADDITIONAL_TAX_TEXT} additional tax`,
            e.early?.tax ?? 0,
            e.early === null
              ? out
                ? 'none: a direct rollover'
                : none
              : e.early.subjectTo === 0
                ? `none: ${e.early.why}`
                : e.early.tax === 0
                  ? `none on the ${u(e.early.subjectTo)} of pre-tax money kept: ${e.early.why}`
                  : `${ADDITIONAL_TAX_TEXT} × (${u(e.early.subjectTo)} of pre-tax money kept − ${u(e.early.exempt)} exempt), rounded half-up: ${e.early.why}`,
            e.early === null || e.early.citation.startsWith('IRC 72(t)(1)')
              ? (e.early?.citation ?? 'IRC 72(t)(1)')
              : `IRC 72(t)(1); ${e.early.citation}`,
            e.early === null ? [] : [k('toCash'), k('taxable')],
          ),
    note: e.note,
  };
}

/** The `ledger` report of a transaction file up to `asOf` (inclusive; default all). */
export function ledgerReport(
  file: LedgerFile,
  opts: { asOf?: string; fileName?: string } = {},
): LedgerCommandReport {
  const s = runLedger(file, opts);
  const u = formatUsd;
  const events = s.events.map(eventReport);
  const funds = s.byFund.map((f) => f.fund);
  const cellKey = (src: Source, f: string): string => `ledger.bySource.${src}.byFund.${f}`;
  const srcKey = (src: Source): string => `ledger.bySource.${src}.value`;
  const fundKey = (f: string): string => `ledger.byFund.${f}.value`;
  const flows = events.filter(
    (e) => e.type === 'convert' || e.type === 'withdraw' || e.type === 'separate',
  );
  const contributed = afterTaxContributed(file, opts.asOf);
  const recovered = sum(s.events.map((e) => e.basisOut));
  const findings: Finding[] = [];
  if (!s.accounting.said) {
    findings.push(separateSourceQuestion('plan.separateAfterTaxAccount', 'separate'));
  }
  for (const e of s.events) {
    if (e.early !== null && !e.early.computed) {
      findings.push({
        severity: 'info',
        path: e.line === null ? 'plan.birthDate' : `line ${String(e.line)}`,
        message: `the ${ADDITIONAL_TAX_TEXT} additional tax on the ${u(e.early.subjectTo)} of pre-tax money kept was not computed: ${e.early.why}`,
        fix: 'give the participant’s birthDate in the plan settings (CSV: a birth-date row), or the exception that applies on the transaction',
      });
    }
    if (e.type === 'separate' && e.proRata !== null && e.proRata.basis > e.basisOut) {
      findings.push({
        severity: 'warning',
        path: e.line === null ? '' : `line ${String(e.line)}`,
        message: `${u(e.proRata.basis - e.basisOut)} of after-tax basis is more than the account was worth at the full distribution and is not recovered`,
      });
    }
  }
  return {
    report: 'ledger',
    ...(file.plan.name !== undefined ? { name: file.plan.name } : {}),
    asOf: s.asOf,
    closed: s.closed,
    accounting: s.accounting.accounting,
    accountingWhy: s.accounting.why,
    total: figure(
      'ledger.total',
      'The whole account',
      s.total,
      'the sources added',
      HOLDINGS,
      s.bySource.map((x) => srcKey(x.source)),
    ),
    bySource: s.bySource.map((x) => ({
      source: x.source,
      value: figure(
        srcKey(x.source),
        `Source ${x.source}`,
        x.value,
        'its holdings in each fund added',
        HOLDINGS,
        funds.map((f) => cellKey(x.source, f)),
      ),
      byFund: Object.fromEntries(
        funds.map((f) => [
          f,
          figure(
            cellKey(x.source, f),
            `Source ${x.source} in ${f}`,
            x.byFund[f] ?? 0,
            'its contributions to the fund, plus its share of every gain, loss and fee by holdings, less what left it',
            HOLDINGS,
          ),
        ]),
      ),
    })),
    byFund: s.byFund.map((f) => ({
      fund: f.fund,
      price: f.price / 10_000,
      units: Number(f.units.toFixed(6)),
      value: figure(
        fundKey(f.fund),
        `Fund ${f.fund}`,
        f.value,
        'every source’s holding in the fund added',
        HOLDINGS,
        s.bySource.map((x) => cellKey(x.source, f.fund)),
      ),
    })),
    afterTaxBasis: figure(
      'ledger.afterTaxBasis',
      'After-tax basis remaining',
      s.afterTaxBasis,
      s.closed
        ? 'none: the account was fully distributed'
        : `${u(contributed)} of after-tax contributions − ${u(recovered)} of basis that left with conversions and withdrawals`,
      BASIS_CITE,
      flows.map((e) => e.basisOut.key),
    ),
    afterTaxEarnings:
      s.afterTaxEarnings === null
        ? null
        : figure(
            'ledger.afterTaxEarnings',
            'Earnings on after-tax money',
            s.afterTaxEarnings,
            'the after-tax source’s value − the basis remaining',
            SEPARATE_CITATION,
            [srcKey('aftertax'), 'ledger.afterTaxBasis'],
          ),
    rothBasis: figure(
      'ledger.rothBasis',
      'Designated Roth basis (Roth deferrals + in-plan conversions)',
      s.rothBasis,
      s.closed
        ? 'none: the designated Roth account was rolled to a Roth IRA'
        : 'Roth deferrals plus every amount converted in plan (the taxable part was taxed at conversion)',
      'IRC 402A(c)(1), 402A(c)(4); IRC 72(f)',
    ),
    taxableTotal: figure(
      'ledger.taxableTotal',
      'Taxable from conversions and withdrawals',
      sum(s.events.map((e) => e.taxable)),
      'each conversion’s and withdrawal’s taxable part added',
      'IRC 402A(c)(4), 72, 402(a), 402(c)',
      flows.map((e) => e.taxable.key),
    ),
    withholdingTotal: figure(
      'ledger.withholdingTotal',
      'Withheld',
      s.withholdingTotal,
      'each withdrawal’s withholding added',
      'IRC 3405(c)(1)(B)',
      flows.map((e) => e.withholding.key),
    ),
    additionalTaxTotal: figure(
      'ledger.additionalTaxTotal',
      `${ADDITIONAL_TAX_TEXT} additional tax on early distributions`,
      s.additionalTaxTotal,
      'each withdrawal’s additional tax added, where it was computed',
      'IRC 72(t)(1)',
      flows.flatMap((e) => (e.additionalTax ? [e.additionalTax.key] : [])),
    ),
    events,
    findings,
  };
}
