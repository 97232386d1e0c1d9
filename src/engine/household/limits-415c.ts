/**
 * The 415(c) limits that bind a person's plans: one per employer (a controlled group is one
 * employer; IRC 414(b)/(c)/(m), 415(h)), and a 403(b) aggregated with the plans of a business its
 * participant controls (Treas. Reg. 1.415(f)-1(f)(2)); the room each leaves, and its report.
 */
import { figure } from '../explain.js';
import { type Cents } from '../money.js';
import { usd, type YearParameters } from '../params/index.js';
import { selfEmploymentConstants as K } from '../params/self-employment.js';
import { controls } from '../rules/employer-groups.js';
import type { Job } from '../scenario/schema.js';
import type { LimitGroupReport } from './report.js';
import type { Constraint, PlanState, States } from './work.js';
import { C_415C, nonAfterTaxOf, jobPay } from './work.js';

/** The 415(c) limits that bind a person's plans: one per employer group, plus 403(b) aggregation. */
export function buildConstraints(
  person: string,
  mine: readonly PlanState[],
  personJobs: readonly Job[],
  allJobs: readonly Job[],
  groups: readonly { id: string; employers: readonly string[]; reasons: readonly string[] }[],
): Constraint[] {
  const out: Constraint[] = [];
  const jobsOf = (employers: readonly string[]): Job[] =>
    personJobs.filter((j) => employers.includes(j.employer));
  for (const g of groups) {
    const plans = mine.filter((w) => g.employers.includes(w.job.employer));
    if (plans.length === 0) continue;
    const why =
      g.employers.length > 1
        ? `one 415(c) limit for ${g.employers.join(', ')}: ${g.reasons.join('; ')}`
        : `${g.employers[0] ?? ''} is its own employer for 415(c): its plans share one limit, separate from unrelated employers`;
    out.push({
      person,
      kind: 'employer',
      employers: g.employers,
      plans: plans.map((w) => w.index),
      jobs: jobsOf(g.employers),
      why,
    });
  }
  // 403(b) trap: a 403(b) is the participant's own plan, aggregated with the plans of any
  // business the participant controls (Treas. Reg. 1.415(f)-1(f)(2)).
  const controlled = personJobs
    .filter((j) => controls(allJobs, person, j.employer))
    .map((j) => j.employer);
  const controlledPlans = mine.filter((w) => controlled.includes(w.job.employer));
  for (const w of mine) {
    if (
      w.plan.type !== '403b' ||
      controlled.includes(w.job.employer) ||
      controlledPlans.length === 0
    )
      continue;
    const employers = [...new Set([w.job.employer, ...controlledPlans.map((c) => c.job.employer)])];
    out.push({
      person,
      kind: '403b-aggregation',
      employers,
      plans: [w, ...controlledPlans].map((x) => x.index),
      jobs: jobsOf(employers),
      why: `the ${w.plan.id} 403(b) is treated as maintained by ${person}, who controls (more than ${String(K.controlPercent.value)}%) ${[...new Set(controlledPlans.map((c) => c.job.employer))].join(', ')}; so it is aggregated with that business's plans under one 415(c) dollar limit, compensation from both employers counted (Treas. Reg. 1.415(f)-1(f)(2); IRS Issue Snapshot on 403(b) aggregation). A 401(k) at an unrelated employer would not be aggregated with it.`,
    });
  }
  return out;
}

/**
 * Compensation counted for a limit's 100%-of-compensation part: wages, and for self-employment
 * the owner's compensation once the owner's plan is settled (none before). A business has one
 * solo 401(k) per person (`scenario/cross-check.ts`), so that plan's Pub 560 compensation is the
 * owner's: net of every employer contribution of the business (IRC 401(c)(2)).
 */
export function compensationOf(c: Constraint, states: States): Cents {
  return c.jobs.reduce((a, j) => {
    if (j.type !== 'schedule-c') return a + jobPay(j);
    const owner = [...states.values()].find((w) => w.job.id === j.id && w.owner);
    return a + (owner?.compensation ?? 0);
  }, 0);
}

/** The limit: the lesser of the dollar limit and 100% of compensation (IRC 415(c)(1)). */
export function capOf(p: YearParameters, c: Constraint, states: States): Cents {
  return Math.min(usd(p.plan.annualAdditionsLimit), compensationOf(c, states));
}

const isSolo = (w: PlanState): boolean => w.plan.type === 'solo-401k';

/** The other plans' states under a limit. */
export function othersIn(c: Constraint, w: PlanState, states: States): PlanState[] {
  return c.plans.flatMap((i) => {
    const o = states.get(i);
    return o && o.index !== w.index ? [o] : [];
  });
}

/**
 * Room left in each constraint for non-after-tax additions of `w`, counting only other plans.
 * An employer's plan is settled before the solo plans of the person's own business and does not
 * count them: the owner's contributions are decided last (by the tax return, Pub 560) and take
 * what the employers' plans leave.
 */
export function dollarRoomFor(
  p: YearParameters,
  w: PlanState,
  states: States,
  constraints: readonly Constraint[],
): { dollars: Cents; cap: Cents } {
  let dollars = Number.MAX_SAFE_INTEGER;
  let cap = Number.MAX_SAFE_INTEGER;
  for (const c of constraints) {
    if (!c.plans.includes(w.index)) continue;
    const others = othersIn(c, w, states)
      .filter((o) => isSolo(w) || !isSolo(o))
      .reduce((a, o) => a + nonAfterTaxOf(o), 0);
    dollars = Math.min(dollars, usd(p.plan.annualAdditionsLimit) - others);
    cap = Math.min(cap, capOf(p, c, states) - others);
  }
  return { dollars, cap };
}

export function constraintReport(
  p: YearParameters,
  c: Constraint,
  states: States,
): LimitGroupReport {
  const key = `limits.${c.person}.${c.employers.join('+')}.${c.kind}`;
  const dollar = usd(p.plan.annualAdditionsLimit);
  const comp = compensationOf(c, states);
  const plans = c.plans.flatMap((i) => states.get(i) ?? []);
  const used = plans.reduce((a, w) => a + nonAfterTaxOf(w) + w.afterTax, 0);
  return {
    person: c.person,
    kind: c.kind,
    employers: c.employers,
    plans: plans.map((w) => w.plan.id),
    dollarLimit: figure(
      `${key}.dollarLimit`,
      '415(c) dollar limit',
      dollar,
      'one dollar limit for the employer (or aggregated group)',
      p.plan.annualAdditionsLimit.citation,
    ),
    compensation: figure(
      `${key}.compensation`,
      'Compensation',
      comp,
      'compensation from the employers in this limit (415(c)(3), deferrals included)',
      'IRC 415(c)(3)',
    ),
    cap: figure(
      `${key}.cap`,
      '415(c) limit',
      Math.min(dollar, comp),
      'the lesser of the dollar limit and 100% of compensation',
      'IRC 415(c)(1)(A)-(B)',
    ),
    used: figure(
      `${key}.used`,
      'Annual additions',
      used,
      'deferrals (no catch-up), employer money and after-tax money in these plans',
      C_415C,
    ),
    why: c.why,
  };
}
