/**
 * The limits the paycheck planner aims at, taken from the household engine (never derived
 * again): each person's 402(g) limit and the catch-up their plans can take (IRC 402(g)(1),
 * 414(v)), and each plan's 415(c) limit, the other plans' additions under it and the employer's
 * nonelective money (IRC 415(c)(1)). The household runs on the scenario with each payroll
 * job's wages set to its year's pay (pay stub plus remaining paychecks) and its plan's
 * elections set to the most the limits allow.
 */
import { planHousehold } from '../household/plan-household.js';
import type { HouseholdReport, PersonReport, PlanReport } from '../household/report.js';
import type { Cents } from '../money.js';
import type { Plan, Scenario } from '../scenario/schema.js';

export interface PlannerLimits {
  readonly household: HouseholdReport;
  readonly person: (id: string) => PersonReport | undefined;
  readonly plan: (id: string) => PlanReport | undefined;
}

/** The household the planner's limits come from. */
export function plannerLimits(
  s: Scenario,
  yearPay: ReadonlyMap<string, Cents>,
  planned: ReadonlySet<string>,
): PlannerLimits {
  const most = (plan: Plan): Plan =>
    planned.has(plan.id)
      ? {
          ...plan,
          deferrals: [{ type: plan.deferrals[0]?.type ?? 'pre-tax', amount: 'max' }],
          afterTax: { ...plan.afterTax, amount: 'max' },
        }
      : plan;
  const household = planHousehold({
    ...s,
    jobs: s.jobs.map((j) => {
      const wages = yearPay.get(j.id);
      return wages === undefined ? j : { ...j, wages };
    }),
    plans: s.plans.map(most),
  });
  return {
    household,
    person: (id) => household.people.find((x) => x.id === id),
    plan: (id) => household.plans.find((x) => x.id === id),
  };
}
