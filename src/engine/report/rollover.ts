/**
 * The `rollover` report: the pre-tax and after-tax basis parts of a withdrawal from a plan
 * (IRC 72(e)(8) over the whole account, or 72(d)(2) within the after-tax source), where each
 * part lands (Notice 2014-54; IRC 402(c)(2)), what is taxable, what is withheld (IRC 3405(b),
 * 3405(c); Treas. Reg. 31.3405(c)-1 Q&A-14) and the 10% additional tax on the pre-tax part kept
 * (IRC 72(t)) with its exceptions; every amount a Figure, the accounting stated with its reason.
 */
import {
  POOLED_CITATION,
  SEPARATE_CITATION,
  separateSourceQuestion,
  type AfterTaxAccounting,
} from '../distributions/accounting.js';
import {
  allocateDistribution,
  type Directions,
  type DistributionAllocation,
} from '../distributions/destinations.js';
import {
  ADDITIONAL_TAX_TEXT,
  FIVE_YEAR_TEXT,
  NONPERIODIC_TEXT,
  QUALIFIED_AGE_TEXT,
  WITHHOLDING_TEXT,
} from '../distributions/params-text.js';
import {
  PLAN_EXCEPTIONS,
  planEarlyTax,
  type EarlyExceptionName,
  type EarlyTax,
  type EarlyTaxRule,
} from '../distributions/early-tax.js';
import { splitDistribution, type PlanAccount } from '../distributions/prorata.js';
import { directionsFor, type Route } from '../distributions/routes.js';
import { WITHHOLDING_CITATION, type WithholdingRule } from '../distributions/withholding.js';
import type { IsoDate } from '../dates.js';
import { InputError, type InputIssue } from '../errors.js';
import { figure, type Figure } from '../explain.js';
import { formatUsd, type Cents } from '../money.js';
import { usd } from '../params/index.js';
import { distributionConstants } from '../params/distributions.js';
import type { Finding, ReportBase } from './model.js';

/** A withdrawal and where it goes (amounts in cents). */
export interface RolloverInput {
  /** Whole non-Roth plan account (pre-tax, employer, after-tax and earnings). */
  readonly balance: Cents;
  /** After-tax contributions not yet recovered. */
  readonly afterTaxBasis: Cents;
  readonly amount: Cents;
  /**
   * true: the plan keeps after-tax money as its own source (then `afterTaxEarnings` is needed);
   * false: pooled with the account; undefined: not said (figured over the whole account, since
   * the source's earnings are not known, and the plan administrator is asked).
   */
  readonly separateAfterTaxAccount?: boolean;
  /** Earnings in the after-tax source (with `separateAfterTaxAccount: true`). */
  readonly afterTaxEarnings?: Cents;
  /** A single destination (default `split`); not together with `directions`. */
  readonly to?: Route;
  /** The amounts of a Notice 2014-54 split, instead of `to`. */
  readonly directions?: Directions;
  /** The participant's birth date (age 59½ and the separation exception, IRC 72(t)(2)). */
  readonly birthDate?: IsoDate;
  /** The date of the distribution. */
  readonly date?: IsoDate;
  /** The calendar year the participant separated from service with the plan's employer. */
  readonly separationYear?: number;
  /** A qualified public safety employee (IRC 72(t)(10)). */
  readonly publicSafety?: boolean;
  /** A 10% tax exception claimed by name (`PLAN_EXCEPTIONS`). */
  readonly exception?: EarlyExceptionName;
  /** The amount a limited exception covers. */
  readonly exceptionAmount?: Cents;
  /**
   * False: not an eligible rollover distribution (a hardship distribution, a required minimum
   * distribution, a payment in a series of substantially equal payments; IRC 402(c)(4)).
   */
  readonly eligible?: boolean;
  /** Elected out of the 10% withholding on a distribution that is not an eligible rollover distribution. */
  readonly electedOut?: boolean;
  /** Eligible rollover distributions the plan already paid the participant this year. */
  readonly paidEarlierThisYear?: Cents;
}

/** The 10% additional tax on the pre-tax part kept (IRC 72(t)). */
export interface EarlyDistributionReport {
  /** Includible in income and kept: the pre-tax part paid to the participant and not rolled over. */
  readonly subjectTo: Figure;
  /** Covered by age 59½, separation from service or an exception. */
  readonly exempt: Figure;
  readonly additionalTax: Figure;
  readonly rule: EarlyTaxRule;
  /** The exception claimed by name, if any. */
  readonly exception: EarlyExceptionName | null;
}

export interface RolloverReport extends ReportBase<'rollover'> {
  readonly amount: Figure;
  readonly to: Route | 'custom';
  readonly accounting: AfterTaxAccounting;
  /** Which accounting was used and why, in one sentence. */
  readonly accountingWhy: string;
  readonly account: {
    readonly balance: Figure;
    readonly afterTaxBasis: Figure;
    readonly afterTaxEarnings: Figure | null;
  };
  readonly pretax: Figure;
  readonly afterTaxBasis: Figure;
  readonly taxable: Figure;
  readonly toRothIra: Figure;
  readonly rothIraBasis: Figure;
  readonly toTraditionalIra: Figure;
  readonly traditionalIraBasis: Figure;
  readonly toCash: Figure;
  readonly cashBasis: Figure;
  readonly pretaxPaid: Figure;
  /** False: not an eligible rollover distribution. */
  readonly eligible: boolean;
  readonly withholding: Figure;
  readonly withholdingRule: WithholdingRule;
  readonly check: Figure;
  /** Null when it cannot be computed (no birth date or date, and no exception): a finding says so. */
  readonly earlyDistribution: EarlyDistributionReport | null;
}

const K = (name: string): string => `rollover.${name}`;
const ENTERED = 'entered';

function checkInput(i: RolloverInput): void {
  const issues: InputIssue[] = [];
  if (i.separateAfterTaxAccount !== true && i.afterTaxEarnings !== undefined) {
    issues.push({
      path: 'afterTaxEarnings',
      message: 'only applies when the plan keeps after-tax money as its own source',
    });
  }
  if (i.separateAfterTaxAccount === true && i.afterTaxEarnings === undefined) {
    issues.push({
      path: 'afterTaxEarnings',
      message: 'is needed when the plan keeps after-tax money as its own source (0 if none)',
    });
  }
  const d = i.directions;
  if (i.to !== undefined && d !== undefined && Object.keys(d).length > 0) {
    issues.push({
      path: 'to',
      message: 'give either a destination or the amounts of each rollover, not both',
    });
  }
  if (i.eligible === false && i.to !== undefined && i.to !== 'cash') {
    issues.push({
      path: 'to',
      message:
        'a distribution that is not an eligible rollover distribution cannot be rolled over (IRC 402(c)(4)); it is paid to you (cash)',
    });
  }
  if (i.publicSafety === true && i.separationYear === undefined) {
    issues.push({
      path: 'publicSafety',
      message: 'only matters with the year of separation from service',
    });
  }
  if (issues.length > 0) throw new InputError(issues);
}

/** A distribution of the whole non-Roth account: the accounting cannot change its parts. */
function isFull(i: RolloverInput): boolean {
  return i.separateAfterTaxAccount !== true && i.amount === i.balance;
}

function accountingOf(i: RolloverInput): { accounting: AfterTaxAccounting; why: string } {
  if (isFull(i)) {
    return {
      accounting: 'pro-rata',
      why: `a distribution of the whole account carries all of its after-tax basis, however the plan accounts for after-tax money (${POOLED_CITATION}; Notice 2014-54)`,
    };
  }
  if (i.separateAfterTaxAccount === true) {
    return {
      accounting: 'separate',
      why: `the plan keeps after-tax money as its own source: the withdrawal comes from that source alone and carries basis in proportion to it (${SEPARATE_CITATION})`,
    };
  }
  if (i.separateAfterTaxAccount === false) {
    return {
      accounting: 'pro-rata',
      why: `the plan pools after-tax money with the rest of the account: the withdrawal carries basis in proportion to the whole account (${POOLED_CITATION})`,
    };
  }
  return {
    accounting: 'pro-rata',
    why: `figured over the whole account (${POOLED_CITATION}) because the after-tax source was not given on its own; nearly every plan keeps after-tax money as its own source, where only that source's earnings are pre-tax (${SEPARATE_CITATION})`,
  };
}

function findingsOf(i: RolloverInput, a: DistributionAllocation, early: EarlyTax): Finding[] {
  const u = formatUsd;
  const out: Finding[] = [];
  if (i.separateAfterTaxAccount === undefined && !isFull(i)) {
    out.push(separateSourceQuestion('separateAfterTaxAccount', 'pro-rata'));
  }
  if (a.toRoth.pretax > 0) {
    out.push({
      severity: 'warning',
      path: 'to',
      message: `${u(a.toRoth.pretax)} of pre-tax money goes to a Roth IRA: it is converted and taxable this year, without the ${ADDITIONAL_TAX_TEXT} additional tax; its own ${FIVE_YEAR_TEXT} period applies to it (IRC 408A(d)(3)(F))`,
      fix: 'send the pre-tax part to a traditional IRA or pre-tax plan account instead (Notice 2014-54)',
    });
  }
  if (a.toCash.pretax > 0) {
    const tax = !early.computed
      ? `, before age ${QUALIFIED_AGE_TEXT}, may carry the ${ADDITIONAL_TAX_TEXT} additional tax (IRC 72(t))`
      : early.tax > 0
        ? ` carries ${u(early.tax)} of the ${ADDITIONAL_TAX_TEXT} additional tax (IRC 72(t)(1))`
        : `, without the ${ADDITIONAL_TAX_TEXT} additional tax: ${early.why}`;
    out.push({
      severity: 'warning',
      path: 'to',
      message: `${u(a.toCash.pretax)} of pre-tax money is paid to you and kept: it is taxable and${tax}`,
      fix:
        early.computed && early.tax === 0
          ? 'roll it over within the rollover period of IRC 402(c)(3) to keep it out of income'
          : 'roll it over within the rollover period of IRC 402(c)(3) to avoid both',
    });
  }
  if (!early.computed) {
    out.push({
      severity: 'info',
      path: i.birthDate === undefined ? 'birthDate' : 'date',
      message: `the ${ADDITIONAL_TAX_TEXT} additional tax on the ${u(early.subjectTo)} kept was not computed: ${early.why}`,
      fix: `give the birth date and the date of the distribution (and the year of separation from service, or an exception by name: ${PLAN_EXCEPTIONS.join(', ')})`,
    });
  }
  if (
    i.exception !== undefined &&
    early.computed &&
    early.rule !== 'exception' &&
    early.rule !== 'partial-exception' &&
    early.subjectTo > 0
  ) {
    out.push({
      severity: 'info',
      path: 'exception',
      message: `not needed: ${early.why}`,
    });
  }
  return out;
}

/** The `rollover` report for a withdrawal and its destinations. Throws InputError on bad input. */
export function rolloverReport(i: RolloverInput): RolloverReport {
  checkInput(i);
  const separate = i.separateAfterTaxAccount === true;
  const account: PlanAccount = {
    balance: i.balance,
    afterTaxBasis: i.afterTaxBasis,
    ...(separate ? { separateAfterTaxEarnings: i.afterTaxEarnings ?? 0 } : {}),
  };
  const parts = splitDistribution(i.amount, account, {
    separateAfterTaxEarnings: 'afterTaxEarnings',
  });
  const custom = i.directions !== undefined && Object.keys(i.directions).length > 0;
  const eligible = i.eligible !== false;
  const to = i.to ?? (eligible ? 'split' : 'cash');
  const yearTotal = i.amount + (i.paidEarlierThisYear ?? 0);
  const a = allocateDistribution(
    parts,
    custom ? (i.directions ?? {}) : directionsFor(parts, to),
    {},
    {
      eligible,
      yearTotal,
      ...(i.electedOut !== undefined ? { electedOut: i.electedOut } : {}),
    },
  );
  const early = planEarlyTax({
    subjectTo: a.toCash.pretax,
    ...(i.birthDate !== undefined ? { birthDate: i.birthDate } : {}),
    ...(i.date !== undefined ? { date: i.date } : {}),
    ...(i.separationYear !== undefined ? { separationYear: i.separationYear } : {}),
    ...(i.publicSafety !== undefined ? { publicSafety: i.publicSafety } : {}),
    ...(i.exception !== undefined ? { exception: i.exception } : {}),
    ...(i.exceptionAmount !== undefined ? { exceptionAmount: i.exceptionAmount } : {}),
  });
  const { accounting, why } = accountingOf(i);
  const u = formatUsd;
  const ratioCite = separate ? SEPARATE_CITATION : POOLED_CITATION;
  const whole = separate ? i.afterTaxBasis + (i.afterTaxEarnings ?? 0) : i.balance;
  const wholeWhy = separate
    ? `${u(whole)} after-tax source (basis + earnings)`
    : `${u(whole)} account balance`;
  const wholeKeys = separate ? [K('account.afterTaxEarnings')] : [K('account.balance')];
  const route = [K('pretax'), K('afterTaxBasis')];
  const allocation = 'Notice 2014-54; IRC 402(c)(2)';
  return {
    report: 'rollover',
    amount: figure(K('amount'), 'Amount withdrawn', i.amount, ENTERED, 'the withdrawal asked for'),
    to: custom ? 'custom' : to,
    accounting,
    accountingWhy: why,
    account: {
      balance: figure(
        K('account.balance'),
        'Whole non-Roth account',
        i.balance,
        ENTERED,
        'pre-tax, employer and after-tax money and all earnings; designated Roth money is a separate contract (IRC 402A(d)(4))',
      ),
      afterTaxBasis: figure(
        K('account.afterTaxBasis'),
        'After-tax basis in the account',
        i.afterTaxBasis,
        ENTERED,
        'IRC 72(c)(1), 72(f) (investment in the contract)',
      ),
      afterTaxEarnings: separate
        ? figure(
            K('account.afterTaxEarnings'),
            'Earnings in the after-tax source',
            i.afterTaxEarnings ?? 0,
            ENTERED,
            SEPARATE_CITATION,
          )
        : null,
    },
    afterTaxBasis: figure(
      K('afterTaxBasis'),
      'After-tax basis in the distribution',
      parts.afterTaxBasis,
      `${u(i.amount)} × ${u(i.afterTaxBasis)} basis / ${wholeWhy}, rounded half-up to the cent`,
      ratioCite,
      [K('amount'), K('account.afterTaxBasis'), ...wholeKeys],
    ),
    pretax: figure(
      K('pretax'),
      'Pre-tax part (contributions, employer money, all earnings)',
      parts.pretax,
      `${u(i.amount)} − ${u(parts.afterTaxBasis)} basis; earnings on after-tax money are pre-tax`,
      `${ratioCite}; Notice 2014-54`,
      [K('amount'), K('afterTaxBasis')],
    ),
    toTraditionalIra: figure(
      K('toTraditionalIra'),
      'Rolled to a traditional IRA or pre-tax plan',
      a.toTraditional.amount,
      'pre-tax money goes first to direct rollovers to pre-tax destinations, then basis',
      allocation,
      route,
    ),
    traditionalIraBasis: figure(
      K('traditionalIraBasis'),
      'Basis rolled to a traditional IRA (Form 8606 basis)',
      a.toTraditional.basis,
      `${u(a.toTraditional.amount)} rolled there − ${u(a.toTraditional.pretax)} of pre-tax money in it`,
      `${allocation}; Form 8606 line 2`,
      [K('toTraditionalIra'), K('pretax')],
    ),
    toRothIra: figure(
      K('toRothIra'),
      'Rolled to a Roth IRA',
      a.toRoth.amount,
      `${u(a.toRoth.basis)} of basis and ${u(a.toRoth.pretax)} of pre-tax money (converted, taxable)`,
      `${allocation}, 408A(d)(3)`,
      route,
    ),
    rothIraBasis: figure(
      K('rothIraBasis'),
      'Basis rolled to a Roth IRA',
      a.toRoth.basis,
      `${u(a.toRoth.amount)} rolled there − ${u(a.toRoth.pretax)} of pre-tax money in it`,
      allocation,
      [K('toRothIra'), K('pretax')],
    ),
    toCash: figure(
      K('toCash'),
      'Paid to the participant and kept',
      a.toCash.amount,
      `what is left after the rollovers: ${u(a.toCash.basis)} of basis and ${u(a.toCash.pretax)} pre-tax`,
      'Notice 2014-54',
      [K('amount'), K('toTraditionalIra'), K('toRothIra')],
    ),
    cashBasis: figure(
      K('cashBasis'),
      'Basis in the money kept',
      a.toCash.basis,
      `${u(a.toCash.amount)} kept − ${u(a.toCash.pretax)} of pre-tax money in it`,
      'Notice 2014-54',
      [K('toCash'), K('pretax')],
    ),
    pretaxPaid: figure(
      K('pretaxPaid'),
      'Pre-tax part paid to the participant',
      a.pretaxPaid,
      `pre-tax money not directly rolled over: ${u(parts.pretax)} − what went by direct rollover`,
      'IRC 402(c)(2); Notice 2014-54',
      [K('pretax'), K('toTraditionalIra'), K('toRothIra')],
    ),
    taxable: figure(
      K('taxable'),
      'Taxable this year',
      a.taxable,
      `pre-tax money that lands in a Roth IRA (${u(a.toRoth.pretax)}) or stays with the participant (${u(a.toCash.pretax)})`,
      'IRC 72, 402(a), 402(c); IRC 408A(d)(3)(A)',
      [K('toRothIra'), K('toCash'), K('pretax')],
    ),
    eligible,
    withholding: figure(
      K('withholding'),
      'Withholding',
      a.withholding,
      withholdingWhy(a.withholdingRule, a.pretaxPaid, yearTotal),
      WITHHOLDING_CITATION[a.withholdingRule],
      [K('pretaxPaid')],
    ),
    withholdingRule: a.withholdingRule,
    check: figure(
      K('check'),
      'Check the participant receives',
      a.check,
      `${u(a.paidToParticipant)} paid − ${u(a.withholding)} withheld`,
      'IRC 3405(c)',
      [K('withholding')],
    ),
    earlyDistribution: early.computed
      ? {
          subjectTo: figure(
            K('earlyDistribution.subjectTo'),
            'Pre-tax money kept (includible, not rolled over)',
            early.subjectTo,
            `the pre-tax part paid to the participant and not rolled over: ${u(a.toCash.pretax)}; basis and rollovers are not includible`,
            'IRC 72(t)(1); IRC 402(c)',
            [K('toCash'), K('cashBasis')],
          ),
          exempt: figure(
            K('earlyDistribution.exempt'),
            `Not subject to the ${ADDITIONAL_TAX_TEXT} additional tax`,
            early.exempt,
            early.rule === 'early' || early.rule === 'nothing-kept'
              ? `none: ${early.why}`
              : `${u(early.exempt)} of ${u(early.subjectTo)}: ${early.why}`,
            early.citation,
            [K('earlyDistribution.subjectTo')],
          ),
          additionalTax: figure(
            K('earlyDistribution.additionalTax'),
            `${ADDITIONAL_TAX_TEXT} additional tax on an early distribution`,
            early.tax,
            `${ADDITIONAL_TAX_TEXT} × (${u(early.subjectTo)} − ${u(early.exempt)} not subject to it), rounded half-up to the cent`,
            'IRC 72(t)(1); Form 5329 lines 1–4',
            [K('earlyDistribution.subjectTo'), K('earlyDistribution.exempt')],
          ),
          rule: early.rule,
          exception: i.exception ?? null,
        }
      : null,
    findings: findingsOf(i, a, early),
  };
}

/** The withholding's rule in one sentence, from the parameters and the figures. */
function withholdingWhy(rule: WithholdingRule, pretaxPaid: Cents, yearTotal: Cents): string {
  const u = formatUsd;
  const floor = u(usd(distributionConstants.mandatoryWithholdingMinimum));
  switch (rule) {
    case 'mandatory':
      return `${WITHHOLDING_TEXT} × ${u(pretaxPaid)} pre-tax part paid to the participant (not directly rolled over), rounded half-up to the cent; none on basis or on direct rollovers`;
    case 'under-minimum':
      return `none: the year's eligible rollover distributions (${u(yearTotal)}) are under ${floor}`;
    case 'non-eligible':
      return `${NONPERIODIC_TEXT} × ${u(pretaxPaid)} pre-tax part: not an eligible rollover distribution, so the default withholding on a nonperiodic payment applies unless you elect out`;
    case 'elected-out':
      return 'none: elected out of withholding on a distribution that is not an eligible rollover distribution';
  }
}
