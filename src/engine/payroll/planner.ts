/**
 * The paycheck-by-paycheck election planner: from the next paycheck on, the elections per source
 * that reach each person's 402(g) limit with catch-up (IRC 402(g)(1), 414(v)) and each plan's
 * after-tax room under 415(c) (IRC 415(c)(1)) by the last paycheck, in the plan's election
 * unit, never passing a limit; deferrals spread over every paycheck so that a match computed per
 * pay period is not lost (plan terms; IRC 401(m)(4)(A)); one 402(g) limit coordinated across
 * employers (IRC 402(g)(1); a plan stops deferrals only at its own employer's total, IRC
 * 401(a)(30)). Then the schedule: every remaining paycheck with each source, year-to-date
 * totals, match earned and lost, payroll tax and net pay.
 */
import type { IsoDate } from '../dates.js';
import { InputError, type InputIssue } from '../errors.js';
import type { HouseholdReport } from '../household/report.js';
import { allocate, applyRate, formatUsd, type Cents } from '../money.js';
import { paramsFor, usd, type YearParameters } from '../params/index.js';
import type { Finding } from '../report/model.js';
import { ageAtYearEnd } from '../rules/age.js';
import { matchFor } from '../rules/match.js';
import { formulaCompensation } from '../rules/plan-compensation.js';
import type { Payroll } from '../scenario/payroll.js';
import type { Job, Plan, Scenario } from '../scenario/schema.js';
import { excessDeferralRefundBy } from './deadlines.js';
import { paycheckFica } from './fica.js';
import { electionText, planSource, type SourcePlan } from './granularity.js';
import { plannerLimits } from './limits.js';
import { paychecksOf, type Paycheck } from './pay-dates.js';

/** One remaining paycheck, as planned. */
export interface PlannedPaycheck {
  readonly date: IsoDate;
  readonly job: string;
  readonly plan: string | null;
  readonly gross: Cents;
  readonly electionPay: Cents;
  readonly deferral: Cents;
  readonly deferralType: 'pre-tax' | 'roth';
  /** The part of `deferral` past the person's 402(g) limit: catch-up (IRC 414(v)). */
  readonly catchUp: Cents;
  readonly afterTax: Cents;
  readonly match: Cents;
  readonly matchLost: Cents;
  readonly socialSecurity: Cents;
  readonly medicare: Cents;
  readonly netPay: Cents;
  /** The person's deferrals so far this year across every employer, catch-up included. */
  readonly ytdDeferrals: Cents;
  readonly ytdAfterTax: Cents;
  readonly ytdMatch: Cents;
  /** The plan's annual additions so far: deferrals without catch-up, match, after-tax. */
  readonly ytdAdditions: Cents;
  readonly events: readonly string[];
}

/** A source's elections and how far they reach. */
export interface SourceResult extends SourcePlan {
  readonly target: Cents;
  readonly planned: Cents;
  readonly shortBy: Cents;
  readonly reached: boolean;
  readonly reachedOn: IsoDate | null;
  /** The plan stops this source at the limit by itself. */
  readonly stops: boolean;
  readonly text: string;
  readonly lastText: string;
}

/** A job's payroll as planned: its input and the elections, limits and findings. */
export interface JobPlan extends JobInput {
  readonly deferral: SourceResult | null;
  readonly deferralType: 'pre-tax' | 'roth';
  readonly afterTax: SourceResult | null;
  readonly limit415c: Cents;
  readonly otherAdditions: Cents;
  readonly nonelective: Cents;
  readonly regularDeferrals: Cents;
  readonly matchPlanned: Cents;
  readonly matchLost: Cents;
  readonly trueUp: Cents;
  /** The plan's annual additions for the year: deferrals without catch-up, match, nonelective, after-tax. */
  readonly additions: Cents;
}

export interface PersonPlan {
  readonly id: string;
  readonly name: string;
  readonly age: number;
  readonly deferralLimit: Cents;
  readonly catchUp: Cents;
  readonly target: Cents;
  readonly yearToDate: Cents;
  readonly elsewhere: Cents;
  readonly planned: Cents;
  readonly total: Cents;
  readonly excess: Cents;
  readonly shortBy: Cents;
  readonly reached: boolean;
  readonly reachedOn: IsoDate | null;
  /** Deferrals at more than one employer this year: no plan stops at the person's limit. */
  readonly crossEmployer: boolean;
}

export interface PaycheckPlan {
  readonly params: YearParameters;
  readonly household: HouseholdReport;
  readonly people: readonly PersonPlan[];
  readonly jobs: readonly JobPlan[];
  readonly paychecks: readonly PlannedPaycheck[];
  readonly findings: readonly Finding[];
}

const UNDER_402G = new Set(['401k', '403b']);

interface JobInput {
  readonly job: Job;
  readonly index: number;
  readonly payroll: Payroll;
  readonly plan: Plan | undefined;
  readonly planIndex: number;
  readonly paychecks: readonly Paycheck[];
  readonly remaining: readonly Paycheck[];
  readonly yearPay: Cents;
}

const ytdOf = (j: JobInput) => j.payroll.yearToDate;
const ytdDeferrals = (j: JobInput): Cents => {
  const y = ytdOf(j);
  return y ? y.preTax + y.roth + y.catchUp : 0;
};

/** Reads each payroll job's paychecks, listing every problem at once. */
function jobInputs(s: Scenario): JobInput[] {
  const issues: InputIssue[] = [];
  const out: JobInput[] = [];
  s.jobs.forEach((job, index) => {
    const payroll = job.payroll;
    if (payroll === undefined) return;
    const at = `jobs[${String(index)}].payroll`;
    if (job.type === 'schedule-c') {
      issues.push({ path: at, message: 'payroll is for a job paid W-2 wages (w2 or s-corp)' });
      return;
    }
    let paychecks: Paycheck[];
    try {
      paychecks = paychecksOf(payroll, s.taxYear, at);
    } catch (e) {
      if (e instanceof InputError) issues.push(...e.issues);
      else throw e;
      return;
    }
    const asOf = payroll.yearToDate?.asOf;
    const remaining = paychecks.filter((c) => asOf === undefined || c.date > asOf);
    const yearPay =
      (payroll.yearToDate?.compensation ?? 0) + remaining.reduce((a, c) => a + c.gross, 0);
    const planIndex = s.plans.findIndex((pl) => pl.job === job.id && UNDER_402G.has(pl.type));
    out.push({
      job,
      index,
      payroll,
      plan: s.plans[planIndex],
      planIndex,
      paychecks,
      remaining,
      yearPay,
    });
  });
  if (out.length === 0 && issues.length === 0)
    issues.push({
      path: 'jobs',
      message: 'no job has payroll: add jobs[N].payroll (pay dates, salary, pay stub) to a w2 job',
    });
  if (issues.length > 0) throw new InputError(issues);
  return out;
}

function result(
  plan: SourcePlan,
  target: Cents,
  stops: boolean,
  unit: Payroll['elections']['unit'],
  dates: readonly IsoDate[],
  none: IsoDate | null,
): SourceResult {
  const planned = plan.amounts.reduce((a, x) => a + x, 0);
  const shortBy = target - planned;
  const reached = shortBy === 0 || shortBy < plan.granularity;
  const lastWith = plan.amounts.reduce((at, x, i) => (x > 0 ? i : at), -1);
  return {
    ...plan,
    target,
    planned,
    shortBy,
    reached,
    reachedOn: reached ? (lastWith >= 0 ? (dates[lastWith] ?? null) : none) : null,
    stops,
    text: electionText(unit, plan.step),
    lastText: electionText(unit, plan.lastStep),
  };
}

/** The plan's annual additions past its 415(c) limit (after the other plans' additions). */
const over415c = (j: JobPlan): Cents => j.additions - (j.limit415c - j.otherAdditions);

/**
 * Plans every payroll job of the scenario. Where a plan's deferrals and match alone pass its
 * 415(c) limit (pay too small for the 402(g) target), the job's deferral target is lowered by
 * the excess and the year planned again (match only falls with deferrals, so a round or two).
 * Deferrals past the 415(c) limit could count as catch-up (Treas. Reg. 1.414(v)-1(b)(1)); the
 * planner does not count on it.
 */
export function planPaychecks(s: Scenario): PaycheckPlan {
  let caps = new Map<string, Cents>();
  let plan = planWith(s, caps);
  for (let round = 0; round < 4; round++) {
    const over = plan.jobs.filter((j) => over415c(j) > 0 && (j.deferral?.planned ?? 0) > 0);
    if (over.length === 0) break;
    caps = new Map([
      ...caps,
      ...over.map((j): [string, Cents] => [
        j.job.id,
        // Catch-up does not count toward 415(c) (IRC 414(v)(3)(A)): lower the regular part, and
        // leave out the catch-up planned past it (kept under every limit rather than over one).
        Math.max(
          0,
          j.regularDeferrals -
            (j.payroll.yearToDate?.preTax ?? 0) -
            (j.payroll.yearToDate?.roth ?? 0) -
            over415c(j),
        ),
      ]),
    ]);
    plan = planWith(s, caps);
  }
  return plan;
}

function planWith(s: Scenario, caps: ReadonlyMap<string, Cents>): PaycheckPlan {
  const p = paramsFor(s.taxYear);
  const inputs = jobInputs(s);
  const planned = new Set(inputs.flatMap((j) => (j.plan ? [j.plan.id] : [])));
  const limits = plannerLimits(s, new Map(inputs.map((j) => [j.job.id, j.yearPay])), planned);
  const findings: Finding[] = [];
  const people: PersonPlan[] = [];
  const deferralOf = new Map<string, { plan: SourcePlan; target: Cents; stops: boolean }>();
  const rows = new Map<string, PlannedPaycheck[]>();
  const jobState = new Map<
    string,
    { regular: Cents; matchPlanned: Cents; matchLost: Cents; matchable: Cents }
  >();

  for (const person of s.people) {
    const mine = inputs.filter((j) => j.job.person === person.id);
    if (mine.length === 0) continue;
    const pr = limits.person(person.id);
    const deferralLimit = pr?.deferralLimit.cents ?? usd(p.plan.electiveDeferralLimit);
    const catchUp = pr?.catchUpUsed.cents ?? 0;
    const target = deferralLimit + catchUp;
    const elsewherePlans = limits.household.plans.filter(
      (x) => x.person === person.id && !planned.has(x.id) && x.type !== '457b',
    );
    const elsewhere = elsewherePlans.reduce(
      (a, x) => a + x.deferralPreTax.cents + x.deferralRoth.cents + x.catchUp.cents,
      0,
    );
    const elsewhereRegular = elsewherePlans.reduce(
      (a, x) => a + x.deferralPreTax.cents + x.deferralRoth.cents,
      0,
    );
    const ytd = mine.reduce((a, j) => a + ytdDeferrals(j), 0);
    const withPlan = mine.filter((j) => j.plan !== undefined);
    const employers = new Set([
      ...withPlan
        .filter((j) => ytdDeferrals(j) > 0 || j.remaining.some((c) => c.electionPay > 0))
        .map((j) => j.job.employer),
      ...elsewherePlans
        .filter((x) => x.deferralPreTax.cents + x.deferralRoth.cents + x.catchUp.cents > 0)
        .map((x) => x.employer),
    ]);
    const crossEmployer = employers.size > 1;
    const left = target - ytd - elsewhere;
    const excess = Math.max(0, -left);
    const refund = excessDeferralRefundBy(s.taxYear);
    if (excess > 0)
      findings.push({
        severity: 'error',
        path: `jobs[${String(mine[0]?.index ?? 0)}].payroll.yearToDate`,
        message: `${person.id}: deferrals so far (${formatUsd(ytd + elsewhere)}) are ${formatUsd(excess)} over the 402(g) limit with catch-up (${formatUsd(target)})`,
        fix: `ask the plan for a refund of the excess deferral and its earnings by ${refund.date} (${refund.citation}); stop deferrals for the rest of the year`,
      });
    const open = withPlan.filter((j) => j.remaining.some((c) => c.electionPay > 0));
    const weights = open.map((j) => j.remaining.reduce((a, c) => a + c.electionPay, 0));
    const shares = open.length > 0 ? allocate(Math.max(0, left), weights) : [];
    open.forEach((j, k) => {
      const share = Math.min(shares[k] ?? 0, caps.get(j.job.id) ?? Number.MAX_SAFE_INTEGER);
      const stops = !crossEmployer;
      deferralOf.set(j.job.id, {
        plan: planSource(
          j.payroll.elections.unit,
          j.remaining.map((c) => c.electionPay),
          share,
          stops,
        ),
        target: share,
        stops,
      });
    });

    // The person's paychecks in date order: 402(g) is counted across employers.
    const events = mine
      .flatMap((j) => j.remaining.map((c, i) => ({ j, c, i })))
      .sort((a, b) => (a.c.date < b.c.date ? -1 : a.c.date > b.c.date ? 1 : a.j.index - b.j.index));
    let cum = ytd + elsewhere;
    let cumRegular =
      mine.reduce((a, j) => a + (ytdOf(j)?.preTax ?? 0) + (ytdOf(j)?.roth ?? 0), 0) +
      elsewhereRegular;
    const perJob = new Map(
      mine.map((j) => {
        const y = ytdOf(j);
        return [
          j.job.id,
          {
            pay: y?.compensation ?? 0,
            electionPay: y?.compensation ?? 0,
            match: y?.match ?? 0,
            regular: 0,
            matchable: 0,
            matchLost: 0,
            rows: [] as Omit<
              PlannedPaycheck,
              'afterTax' | 'netPay' | 'ytdAfterTax' | 'ytdAdditions'
            >[],
          },
        ];
      }),
    );
    for (const { j, c, i } of events) {
      const st = perJob.get(j.job.id);
      if (!st) continue;
      const deferral = deferralOf.get(j.job.id)?.plan.amounts[i] ?? 0;
      const regular = Math.min(deferral, Math.max(0, deferralLimit - cumRegular));
      cumRegular += regular;
      cum += deferral;
      const plan = j.plan;
      let match = 0;
      let matchLost = 0;
      if (plan && plan.match.length > 0) {
        const room17 = Math.max(0, usd(p.plan.compensationLimit) - st.electionPay);
        const matchPay = Math.min(c.electionPay, room17);
        const matchable = plan.matchesCatchUp ? deferral : regular;
        const capLeft =
          plan.matchCapAmount === undefined
            ? Number.MAX_SAFE_INTEGER
            : Math.max(0, plan.matchCapAmount - st.match);
        const perCheck = (d: Cents): Cents => {
          const m = matchFor(plan.match, d, matchPay);
          const cap = j.payroll.match.capPerPeriod;
          return Math.min(cap === undefined ? m : Math.min(m, cap), capLeft);
        };
        const top = plan.match.reduce(
          (a, t) => (t.upToPercent.num * a.den > a.num * t.upToPercent.den ? t.upToPercent : a),
          { num: 0, den: 1 },
        );
        match = perCheck(matchable);
        if (j.payroll.match.basis === 'per-period')
          matchLost = Math.max(
            0,
            perCheck(Math.max(matchable, applyRate(matchPay, top, 'up'))) - match,
          );
        st.matchable += matchable;
      }
      st.match += match;
      st.matchLost += matchLost;
      st.regular += regular;
      st.electionPay += c.electionPay;
      const fica = paycheckFica(p, c.gross, st.pay);
      st.pay += c.gross;
      st.rows.push({
        date: c.date,
        job: j.job.id,
        plan: plan?.id ?? null,
        gross: c.gross,
        electionPay: c.electionPay,
        deferral,
        deferralType: plan?.deferrals[0]?.type ?? 'pre-tax',
        catchUp: deferral - regular,
        match,
        matchLost,
        socialSecurity: fica.socialSecurity,
        medicare: fica.medicare,
        ytdDeferrals: cum,
        ytdMatch: st.match,
        events: [],
      });
    }
    for (const j of mine) {
      const st = perJob.get(j.job.id);
      if (!st) continue;
      jobState.set(j.job.id, {
        regular: st.regular,
        matchPlanned: st.match - (ytdOf(j)?.match ?? 0),
        matchLost: st.matchLost,
        matchable: st.matchable,
      });
      rows.set(
        j.job.id,
        st.rows.map((r) => ({ ...r, afterTax: 0, netPay: 0, ytdAfterTax: 0, ytdAdditions: 0 })),
      );
    }
    const planned402 = [...deferralOf.entries()]
      .filter(([id]) => mine.some((j) => j.job.id === id))
      .reduce((a, [, d]) => a + d.plan.amounts.reduce((x, y) => x + y, 0), 0);
    const total = ytd + elsewhere + planned402;
    const shortBy = Math.max(0, target - total);
    const granularity = open.reduce(
      (a, j) => a + (deferralOf.get(j.job.id)?.plan.granularity ?? 0),
      0,
    );
    const reached = shortBy === 0 || shortBy < granularity;
    const lastDeferral = events
      .filter(({ j, i }) => (deferralOf.get(j.job.id)?.plan.amounts[i] ?? 0) > 0)
      .at(-1);
    people.push({
      id: person.id,
      name: person.name ?? person.id,
      age: ageAtYearEnd(person.birthDate, s.taxYear),
      deferralLimit,
      catchUp,
      target,
      yearToDate: ytd,
      elsewhere,
      planned: planned402,
      total,
      excess,
      shortBy,
      reached,
      reachedOn: reached
        ? (lastDeferral?.c.date ?? mine[0]?.payroll.yearToDate?.asOf ?? null)
        : null,
      crossEmployer,
    });
  }

  const jobs: JobPlan[] = inputs.map((j) => {
    const st = jobState.get(j.job.id) ?? {
      regular: 0,
      matchPlanned: 0,
      matchLost: 0,
      matchable: 0,
    };
    const y = ytdOf(j);
    const unit = j.payroll.elections.unit;
    const dates = j.remaining.map((c) => c.date);
    const d = deferralOf.get(j.job.id);
    const open = j.remaining.some((c) => c.electionPay > 0);
    const deferral =
      j.plan === undefined || !open
        ? null
        : result(
            d?.plan ?? planSource(unit, [], 0, false),
            d?.target ?? 0,
            d?.stops ?? false,
            unit,
            dates,
            y?.asOf ?? null,
          );
    const hp = j.plan ? limits.plan(j.plan.id) : undefined;
    const limit415c = hp?.limit415c.cents ?? 0;
    const otherAdditions = hp?.otherPlansUnderLimit.cents ?? 0;
    const nonelective = hp?.nonelective.cents ?? 0;
    const regularDeferrals = (y?.preTax ?? 0) + (y?.roth ?? 0) + st.regular;
    let trueUp = 0;
    const plan = j.plan;
    if (plan && plan.match.length > 0 && j.payroll.match.basis === 'annual-true-up') {
      const matchable =
        (y?.preTax ?? 0) +
        (y?.roth ?? 0) +
        (plan.matchesCatchUp ? (y?.catchUp ?? 0) : 0) +
        st.matchable;
      const electionPay =
        (y?.compensation ?? 0) + j.remaining.reduce((a, c) => a + c.electionPay, 0);
      const annual = matchFor(
        plan.match,
        matchable,
        formulaCompensation(p, electionPay),
        plan.matchCapAmount,
      );
      trueUp = Math.max(0, annual - (y?.match ?? 0) - st.matchPlanned);
    }
    const matchYear = (y?.match ?? 0) + st.matchPlanned + trueUp;
    let afterTax: SourceResult | null = null;
    const jobRows = rows.get(j.job.id) ?? [];
    if (plan?.afterTax.allowed && open) {
      const ytdAt = y?.afterTax ?? 0;
      const room415 =
        limit415c - otherAdditions - regularDeferrals - matchYear - nonelective - ytdAt;
      const at = plan.afterTax;
      const caps = [
        room415,
        ...(at.capAmount === undefined ? [] : [at.capAmount - ytdAt]),
        ...(at.capPercent === undefined
          ? []
          : [applyRate(formulaCompensation(p, j.yearPay), at.capPercent) - ytdAt]),
      ];
      const target = Math.max(0, Math.min(...caps));
      const stops =
        j.payroll.elections.afterTaxStopsAt415c &&
        target === room415 &&
        trueUp === 0 &&
        nonelective === 0;
      afterTax = result(
        planSource(
          unit,
          j.remaining.map((c) => c.electionPay),
          target,
          stops,
          j.payroll.elections.maxAfterTaxPercent,
        ),
        target,
        stops,
        unit,
        dates,
        y?.asOf ?? null,
      );
    }
    const afterTaxYear = (y?.afterTax ?? 0) + (afterTax?.planned ?? 0);
    // Rows: after-tax, net pay, the plan's year-to-date additions and the events of each paycheck.
    let ytdAt = y?.afterTax ?? 0;
    let ytdReg = (y?.preTax ?? 0) + (y?.roth ?? 0);
    const reachedOn402 = people.find((x) => x.id === j.job.person)?.reachedOn;
    const filled = jobRows.map((r, i) => {
      const at = afterTax?.amounts[i] ?? 0;
      ytdAt += at;
      ytdReg += r.deferral - r.catchUp;
      const netPay = r.gross - r.deferral - at - r.socialSecurity - r.medicare;
      const ev: string[] = [];
      if (i === 0 && deferral)
        ev.push(
          `elections start: deferral ${deferral.text}${afterTax ? `, after-tax ${afterTax.text}` : ''}`,
        );
      if (
        i === jobRows.length - 1 &&
        deferral &&
        (deferral.lastStep !== deferral.step || (afterTax && afterTax.lastStep !== afterTax.step))
      )
        ev.push(
          `last paycheck: deferral ${deferral.lastText}${afterTax ? `, after-tax ${afterTax.lastText}` : ''}`,
        );
      if (reachedOn402 === r.date && deferral && deferral.amounts[i])
        ev.push('402(g) limit reached');
      if (afterTax?.reached && afterTax.reachedOn === r.date) ev.push('after-tax room reached');
      if (netPay < 0)
        findings.push({
          severity: 'warning',
          path: `jobs[${String(j.index)}].payroll`,
          message: `${j.job.id}: the paycheck of ${r.date} leaves net pay of ${formatUsd(netPay)}: contributions and payroll tax are more than its pay`,
          fix: 'lower the elections on that paycheck; the payroll may cut the contribution instead',
        });
      return {
        ...r,
        afterTax: at,
        netPay,
        ytdAfterTax: ytdAt,
        ytdAdditions: ytdReg + r.ytdMatch + ytdAt,
        events: ev,
      };
    });
    rows.set(j.job.id, filled);
    for (const src of [deferral, afterTax])
      if (src && !src.reached && src.target > 0)
        findings.push({
          severity: 'warning',
          path: `jobs[${String(j.index)}].payroll`,
          message: `${j.job.id}: the ${src === deferral ? 'deferral' : 'after-tax'} target of ${formatUsd(src.target)} is not reached: ${formatUsd(src.shortBy)} short with the most the plan takes on the remaining paychecks`,
        });
    const additions = regularDeferrals + matchYear + nonelective + afterTaxYear;
    if (plan && additions > limit415c - otherAdditions)
      findings.push({
        severity: 'error',
        path: `jobs[${String(j.index)}].payroll.yearToDate`,
        message: `${plan.id}: the year's annual additions are ${formatUsd(additions - limit415c + otherAdditions)} over the 415(c) limit of ${formatUsd(limit415c)}`,
        fix: 'stop after-tax contributions and ask the plan to correct the excess annual additions under EPCRS (Rev. Proc. 2021-30, Appendix A, section .08)',
      });
    return {
      ...j,
      deferral,
      deferralType: plan?.deferrals[0]?.type ?? 'pre-tax',
      afterTax,
      limit415c,
      otherAdditions,
      nonelective,
      regularDeferrals,
      matchPlanned: st.matchPlanned,
      matchLost: st.matchLost,
      trueUp,
      additions,
    };
  });
  const paychecks = [...rows.values()]
    .flat()
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return {
    params: p,
    household: limits.household,
    people,
    jobs,
    paychecks,
    findings: [...limits.household.findings.filter((f) => f.severity === 'error'), ...findings],
  };
}
