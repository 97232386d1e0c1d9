/**
 * The `paychecks` report: the elections to enter from the next paycheck on (IRC 402(g)(1),
 * 414(v), 415(c)(1)), every remaining paycheck with each source, year-to-date totals, match
 * earned and lost, payroll tax and net pay (IRC 3101), the taxable earnings a conversion delay
 * costs (IRC 402A(c)(4)), and the year's dated steps. Every amount is a Figure.
 */
import type { IsoDate } from '../dates.js';
import { estimateConversionEarnings } from '../distributions/frequency.js';
import { figure, rateFigure, type Figure, type RateFigure } from '../explain.js';
import { formatUsd, toDollars, type Cents } from '../money.js';
import { checklist, type Step } from '../payroll/checklist.js';
import { FICA_CITATION } from '../payroll/fica.js';
import { planPaychecks, type SourceResult } from '../payroll/planner.js';
import { fileAssumptions, resolveAssumptions } from '../project/assumptions.js';
import type { ElectionUnit, PayFrequency } from '../scenario/payroll.js';
import type { Scenario } from '../scenario/schema.js';
import type { ReportBase } from './model.js';

const C_402G = 'IRC 402(g)(1); IRC 414(v)';
const C_415C = 'IRC 415(c)(1); IRC 414(v)(3)(A)';
const C_MATCH = 'plan terms; IRC 401(m)(4)(A), 401(a)(17)';
const C_TRUE_UP = 'plan terms; Treas. Reg. 1.415(c)-1(b)(6)(i)(B)';

export interface ElectionReport {
  readonly source: 'pre-tax' | 'roth' | 'after-tax';
  /** The election from the next paycheck on, as typed into the plan's website. */
  readonly election: string;
  readonly lastPaycheckElection: string;
  readonly target: Figure;
  readonly planned: Figure;
  readonly shortBy: Figure;
  readonly reached: boolean;
  readonly reachedOn: IsoDate | null;
  /** The plan stops this source at the limit by itself, cutting the last paycheck to the cent. */
  readonly planStopsAtLimit: boolean;
}

export interface PaychecksPerson {
  readonly id: string;
  readonly name: string;
  readonly age: number;
  readonly deferralLimit: Figure;
  readonly catchUp: Figure;
  readonly target: Figure;
  readonly yearToDate: Figure;
  readonly otherPlans: Figure;
  readonly planned: Figure;
  readonly total: Figure;
  readonly excess: Figure;
  readonly shortBy: Figure;
  readonly reached: boolean;
  readonly reachedOn: IsoDate | null;
  readonly acrossEmployers: boolean;
}

export interface PaychecksJob {
  readonly id: string;
  readonly person: string;
  readonly employer: string;
  readonly plan: string | null;
  readonly frequency: PayFrequency | null;
  readonly unit: ElectionUnit;
  readonly cutoffDays: number;
  readonly asOf: IsoDate | null;
  readonly paychecksLeft: number;
  readonly nextPaycheck: IsoDate | null;
  readonly lastPaycheck: IsoDate | null;
  readonly yearPay: Figure;
  readonly deferral: ElectionReport | null;
  readonly afterTax: ElectionReport | null;
  readonly limit415c: Figure;
  readonly otherAdditions: Figure;
  readonly nonelective: Figure;
  readonly match: {
    readonly basis: 'per-period' | 'annual-true-up';
    readonly yearToDate: Figure;
    readonly planned: Figure;
    readonly lost: Figure;
    readonly trueUp: Figure;
  };
  readonly additions: Figure;
}

export interface PaycheckRow {
  readonly date: IsoDate;
  readonly job: string;
  readonly plan: string | null;
  readonly gross: Figure;
  readonly electionPay: Figure;
  readonly deferral: Figure;
  readonly deferralType: 'pre-tax' | 'roth';
  readonly catchUp: Figure;
  readonly afterTax: Figure;
  readonly match: Figure;
  readonly matchLost: Figure;
  readonly socialSecurity: Figure;
  readonly medicare: Figure;
  readonly netPay: Figure;
  readonly ytdDeferrals: Figure;
  readonly ytdAfterTax: Figure;
  readonly ytdMatch: Figure;
  readonly ytdAdditions: Figure;
  readonly events: readonly string[];
}

export interface ConversionCost {
  readonly plan: string;
  readonly contribution: Figure;
  readonly expectedReturn: RateFigure;
  readonly monthly: Figure;
  readonly quarterly: Figure;
  readonly yearly: Figure;
}

export interface PaychecksCommandReport extends ReportBase<'paychecks'> {
  readonly name: string | undefined;
  readonly taxYear: number;
  readonly people: readonly PaychecksPerson[];
  readonly jobs: readonly PaychecksJob[];
  readonly paychecks: readonly PaycheckRow[];
  readonly conversionCost: readonly ConversionCost[];
  readonly steps: readonly Step[];
}

function election(
  key: string,
  source: ElectionReport['source'],
  r: SourceResult,
  limitCitation: string,
): ElectionReport {
  return {
    source,
    election: r.text,
    lastPaycheckElection: r.lastText,
    target: figure(
      `${key}.target`,
      `${source} target for the remaining paychecks`,
      r.target,
      source === 'after-tax'
        ? "the plan's after-tax room: the 415(c) limit less the year's deferrals (catch-up excluded), match, nonelective money, other plans' additions and after-tax money so far, and the plan's own caps"
        : "this job's share of the person's 402(g) limit and catch-up left after the deferrals so far",
      limitCitation,
    ),
    planned: figure(
      `${key}.planned`,
      `${source} planned`,
      r.planned,
      `the election on each remaining paycheck, ${r.lastText} on the last`,
      'plan terms',
      [`${key}.target`],
    ),
    shortBy: figure(
      `${key}.shortBy`,
      `${source} short of the target`,
      r.shortBy,
      r.reached
        ? 'less than one election step on the last paycheck: the target is reached within the election unit'
        : 'the most the plan takes on the remaining paychecks does not reach the target',
      limitCitation,
      [`${key}.target`, `${key}.planned`],
    ),
    reached: r.reached,
    reachedOn: r.reachedOn,
    planStopsAtLimit: r.stops,
  };
}

/** The paychecks report of a scenario whose jobs carry payroll. */
export function paychecksReport(s: Scenario): PaychecksCommandReport {
  const plan = planPaychecks(s);
  const people: PaychecksPerson[] = plan.people.map((x) => {
    const k = (n: string): string => `people.${x.id}.${n}`;
    return {
      id: x.id,
      name: x.name,
      age: x.age,
      deferralLimit: figure(
        k('deferralLimit'),
        '402(g) limit',
        x.deferralLimit,
        'one elective deferral limit per person across every employer',
        C_402G,
      ),
      catchUp: figure(
        k('catchUp'),
        'Catch-up the plans take',
        x.catchUp,
        'the catch-up limit for the age at December 31, where a plan allows catch-up (and, for a high earner, Roth deferrals)',
        'IRC 414(v)(2), 414(v)(7)',
      ),
      target: figure(
        k('target'),
        'Deferral target',
        x.target,
        '402(g) limit plus the catch-up',
        C_402G,
        [k('deferralLimit'), k('catchUp')],
      ),
      yearToDate: figure(
        k('yearToDate'),
        'Deferrals so far (pay stubs)',
        x.yearToDate,
        'pre-tax, Roth and catch-up deferrals on the pay stubs of every payroll job',
        'pay stubs',
      ),
      otherPlans: figure(
        k('otherPlans'),
        'Deferrals in plans without payroll',
        x.elsewhere,
        'the elections of plans whose job has no payroll in the scenario',
        C_402G,
      ),
      planned: figure(
        k('planned'),
        'Deferrals planned',
        x.planned,
        'the remaining paychecks of every job',
        C_402G,
      ),
      total: figure(
        k('total'),
        'Deferrals for the year',
        x.total,
        'so far + other plans + planned',
        C_402G,
        [k('yearToDate'), k('otherPlans'), k('planned')],
      ),
      excess: figure(
        k('excess'),
        'Excess deferral',
        x.excess,
        'deferrals so far beyond the target: refunded with earnings by the April 15 after the year',
        'IRC 402(g)(2)',
        [k('yearToDate'), k('target')],
      ),
      shortBy: figure(
        k('shortBy'),
        'Short of the target',
        x.shortBy,
        'target − deferrals for the year',
        C_402G,
        [k('target'), k('total')],
      ),
      reached: x.reached,
      reachedOn: x.reachedOn,
      acrossEmployers: x.crossEmployer,
    };
  });
  const jobs: PaychecksJob[] = plan.jobs.map((j) => {
    const k = (n: string): string => `jobs.${j.job.id}.${n}`;
    const y = j.payroll.yearToDate;
    return {
      id: j.job.id,
      person: j.job.person,
      employer: j.job.employer,
      plan: j.plan?.id ?? null,
      frequency: j.payroll.frequency ?? null,
      unit: j.payroll.elections.unit,
      cutoffDays: j.payroll.elections.cutoffDays,
      asOf: y?.asOf ?? null,
      paychecksLeft: j.remaining.length,
      nextPaycheck: j.remaining[0]?.date ?? null,
      lastPaycheck: j.remaining.at(-1)?.date ?? null,
      yearPay: figure(
        k('yearPay'),
        'Pay for the year',
        j.yearPay,
        'pay stub compensation + the remaining paychecks (salary and bonuses); the household engine uses it as the wages',
        'IRC 415(c)(3); IRC 3121(a)',
      ),
      deferral: j.deferral ? election(k('deferral'), j.deferralType, j.deferral, C_402G) : null,
      afterTax: j.afterTax ? election(k('afterTax'), 'after-tax', j.afterTax, C_415C) : null,
      limit415c: figure(
        k('limit415c'),
        '415(c) limit',
        j.limit415c,
        'the lesser of the dollar limit and 100% of compensation, from the household engine',
        'IRC 415(c)(1)',
      ),
      otherAdditions: figure(
        k('otherAdditions'),
        "Other plans' additions under the limit",
        j.otherAdditions,
        'plans of the same employer or controlled group',
        'IRC 415(c)(1); IRC 414(b), (c)',
      ),
      nonelective: figure(
        k('nonelective'),
        'Nonelective money',
        j.nonelective,
        "the employer's nonelective contribution for the year",
        'IRC 415(c)(2)',
      ),
      match: {
        basis: j.payroll.match.basis,
        yearToDate: figure(
          k('match.yearToDate'),
          'Match so far',
          y?.match ?? 0,
          'from the pay stub',
          'pay stub',
        ),
        planned: figure(
          k('match.planned'),
          'Match on the remaining paychecks',
          j.matchPlanned,
          "the plan's match formula on each paycheck's deferral and pay, with the per-paycheck cap",
          C_MATCH,
        ),
        lost: figure(
          k('match.lost'),
          'Match lost',
          j.matchLost,
          'per-paycheck match the deferral on a paycheck was too small to earn (no true-up to restore it)',
          C_MATCH,
        ),
        trueUp: figure(
          k('match.trueUp'),
          'Match true-up after the year',
          j.trueUp,
          "the match formula on the year's deferrals and pay less the match paid on the paychecks; counts for this year's 415(c) limit",
          C_TRUE_UP,
        ),
      },
      additions: figure(
        k('additions'),
        'Annual additions for the year',
        j.additions,
        'deferrals without catch-up + match + true-up + nonelective + after-tax',
        C_415C,
        [k('limit415c')],
      ),
    };
  });
  const paychecks: PaycheckRow[] = plan.paychecks.map((c, i) => {
    const k = (n: string): string => `paychecks[${String(i)}].${n}`;
    const f = (
      n: string,
      label: string,
      cents: Cents,
      why: string,
      citation: string,
      inputs?: string[],
    ): Figure => figure(k(n), `${c.date} ${label}`, cents, why, citation, inputs);
    return {
      date: c.date,
      job: c.job,
      plan: c.plan,
      deferralType: c.deferralType,
      gross: f('gross', 'gross pay', c.gross, 'salary and bonus on the paycheck', 'payroll'),
      electionPay: f(
        'electionPay',
        'pay subject to elections',
        c.electionPay,
        'salary, and bonuses the elections apply to',
        'plan terms',
      ),
      deferral: f(
        'deferral',
        `${c.deferralType} deferral`,
        c.deferral,
        'the deferral election on this paycheck, rounded half-up to the cent',
        C_402G,
        [k('electionPay')],
      ),
      catchUp: f(
        'catchUp',
        'of which catch-up',
        c.catchUp,
        "the part past the person's 402(g) limit",
        'IRC 414(v)',
      ),
      afterTax: f(
        'afterTax',
        'after-tax',
        c.afterTax,
        'the after-tax election on this paycheck',
        C_415C,
        [k('electionPay')],
      ),
      match: f('match', 'match', c.match, 'the match formula on this paycheck', C_MATCH, [
        k('deferral'),
      ]),
      matchLost: f(
        'matchLost',
        'match lost',
        c.matchLost,
        'the match a deferral at the formula’s top percent would have earned on this paycheck, less the match earned',
        C_MATCH,
      ),
      socialSecurity: f(
        'socialSecurity',
        'Social Security tax',
        c.socialSecurity,
        'employee rate on wages up to the wage base paid by this employer; deferrals stay FICA wages',
        FICA_CITATION,
        [k('gross')],
      ),
      medicare: f(
        'medicare',
        'Medicare tax',
        c.medicare,
        'employee rate on all wages, and the Additional Medicare Tax withheld above the threshold',
        FICA_CITATION,
        [k('gross')],
      ),
      netPay: f(
        'netPay',
        'net pay',
        c.netPay,
        'gross − deferral − after-tax − Social Security − Medicare (before income tax withholding)',
        'payroll',
        [k('gross'), k('deferral'), k('afterTax'), k('socialSecurity'), k('medicare')],
      ),
      ytdDeferrals: f(
        'ytdDeferrals',
        'deferrals so far',
        c.ytdDeferrals,
        "the person's deferrals this year across every employer",
        C_402G,
      ),
      ytdAfterTax: f(
        'ytdAfterTax',
        'after-tax so far',
        c.ytdAfterTax,
        "the plan's after-tax money this year",
        C_415C,
      ),
      ytdMatch: f('ytdMatch', 'match so far', c.ytdMatch, "the plan's match this year", C_MATCH),
      ytdAdditions: f(
        'ytdAdditions',
        'annual additions so far',
        c.ytdAdditions,
        'deferrals without catch-up + match + after-tax this year',
        C_415C,
      ),
      events: c.events,
    };
  });
  const conversionCost: ConversionCost[] = plan.jobs.flatMap((j) => {
    const at = j.afterTax;
    if (!j.plan || !at || at.planned === 0 || j.plan.inPlanConversion === 'automatic') return [];
    const perYear = j.paychecks.length;
    const contribution = (j.payroll.yearToDate?.afterTax ?? 0) + at.planned;
    // the scenario's expected return (its assumptions block, else the default)
    const r = resolveAssumptions(fileAssumptions(s)).values.expectedReturn;
    const cost = (frequency: 'monthly' | 'quarterly' | 'yearly'): Cents =>
      estimateConversionEarnings({
        annualContribution: contribution,
        annualReturn: r,
        frequency,
        payPeriods: Math.max(1, perYear),
      })[0]?.taxableConverted ?? 0;
    const k = (n: string): string => `conversionCost.${j.plan?.id ?? ''}.${n}`;
    const why = (f: string): string =>
      `taxable earnings of converting ${f} instead of after each paycheck: after-tax money arriving on ${String(perYear)} paychecks grows until converted`;
    return [
      {
        plan: j.plan.id,
        contribution: figure(
          k('contribution'),
          'After-tax money for the year',
          contribution,
          'so far + planned',
          C_415C,
        ),
        expectedReturn: rateFigure(
          k('expectedReturn'),
          'Expected return',
          r,
          'the default growth assumption',
          'assumption',
        ),
        monthly: figure(
          k('monthly'),
          'Converted monthly',
          cost('monthly'),
          why('monthly'),
          'IRC 402A(c)(4); model',
          [k('contribution'), k('expectedReturn')],
        ),
        quarterly: figure(
          k('quarterly'),
          'Converted quarterly',
          cost('quarterly'),
          why('quarterly'),
          'IRC 402A(c)(4); model',
          [k('contribution'), k('expectedReturn')],
        ),
        yearly: figure(
          k('yearly'),
          'Converted once a year',
          cost('yearly'),
          why('once a year'),
          'IRC 402A(c)(4); model',
          [k('contribution'), k('expectedReturn')],
        ),
      },
    ];
  });
  return {
    report: 'paychecks',
    findings: plan.findings,
    name: s.name,
    taxYear: s.taxYear,
    people,
    jobs,
    paychecks,
    conversionCost,
    steps: checklist(s, plan),
  };
}

const CSV_COLUMNS = [
  'date',
  'job',
  'plan',
  'gross',
  'electionPay',
  'deferralType',
  'deferral',
  'catchUp',
  'afterTax',
  'match',
  'matchLost',
  'socialSecurity',
  'medicare',
  'netPay',
  'ytdDeferrals',
  'ytdAfterTax',
  'ytdMatch',
  'ytdAdditions',
  'events',
] as const;

function csvCell(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** The schedule as CSV (RFC 4180): one row per paycheck, amounts in dollars with cents. */
export function paychecksCsv(r: PaychecksCommandReport): string {
  const rows = r.paychecks.map((c) =>
    CSV_COLUMNS.map((col) => {
      const v = c[col];
      if (v === null) return '';
      if (typeof v === 'string') return csvCell(v);
      if (Array.isArray(v)) return csvCell(v.join('; '));
      return toDollars((v as Figure).cents).toFixed(2);
    }).join(','),
  );
  return [CSV_COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}

/** A one-line summary of an election, for text output. */
export function electionLine(e: ElectionReport): string {
  const last =
    e.lastPaycheckElection === e.election ? '' : `, ${e.lastPaycheckElection} on the last paycheck`;
  const reach = e.reached
    ? `${formatUsd(e.planned.cents)} of ${formatUsd(e.target.cents)}, reached${e.reachedOn ? ` on ${e.reachedOn}` : ''}${e.shortBy.cents > 0 ? ` (${formatUsd(e.shortBy.cents)} short: less than one election step)` : ''}`
    : `${formatUsd(e.planned.cents)} of ${formatUsd(e.target.cents)}: ${formatUsd(e.shortBy.cents)} short, not reached`;
  return `${e.source} ${e.election}${last}: ${reach}`;
}
