/**
 * The built-in example used by `megaroth compare` and `megaroth optimize` without a file: the
 * seed's physician of `scenario/examples.ts` — age 40, single, 2026, a hospital 403(b) and a
 * moonlighting solo 401(k). Every figure comes from the household engine (`planHousehold`) and
 * the income tax rules; only the growth assumptions of `DEFAULT_GROWTH_ASSUMPTIONS` are stated.
 */
import { planHousehold } from '../household/plan-household.js';
import type { HouseholdReport } from '../household/report.js';
import { cents, type Cents } from '../money.js';
import { ageAtYearEnd } from '../rules/age.js';
import { PHYSICIAN_EXAMPLE } from '../scenario/examples.js';
import type { Scenario } from '../scenario/schema.js';
import { parseScenario } from '../scenario/validate.js';
import {
  DEFAULT_GROWTH_ASSUMPTIONS,
  householdIncome,
  householdOptimizer,
  householdProjection,
  householdRates,
  householdTaxOf,
} from './from-household.js';
import type { ProjectionInputs } from './inputs.js';
import type { OptimizerInput } from './optimizer.js';

/** The physician scenario and its household report. */
export function physicianHousehold(): { scenario: Scenario; report: HouseholdReport } {
  const scenario = parseScenario(structuredClone(PHYSICIAN_EXAMPLE));
  return { scenario, report: planHousehold(scenario) };
}

/** Assumptions of the example: the physician's age and the default growth assumptions. */
export const PHYSICIAN_ASSUMPTIONS = {
  age: ageAtYearEnd(PHYSICIAN_EXAMPLE.people[0]?.birthDate ?? '', PHYSICIAN_EXAMPLE.taxYear),
  ...DEFAULT_GROWTH_ASSUMPTIONS,
} as const;

/** The example's figures, from the household report and the tax rules. */
export interface PhysicianFacts {
  readonly taxYear: number;
  readonly soloEmployerMax: Cents;
  readonly afterTaxRoomAtMaxEmployer: Cents;
  readonly afterTaxRoomWithoutEmployer: Cents;
  readonly halfSeTax: Cents;
  readonly taxableIncome: Cents;
  readonly currentRate: number;
  readonly retirementRate: number;
  readonly capitalGainsRate: number;
}

/** Works out the example's figures. */
export function physicianFacts(): PhysicianFacts {
  const { scenario, report } = physicianHousehold();
  const solo = report.plans.find((p) => p.type === 'solo-401k');
  const inc = householdIncome(scenario, report);
  const tax = householdTaxOf(scenario, report, DEFAULT_GROWTH_ASSUMPTIONS);
  return {
    taxYear: scenario.taxYear,
    soloEmployerMax: solo?.tradeOff?.maxEmployer.employerContribution.cents ?? 0,
    afterTaxRoomAtMaxEmployer: solo?.tradeOff?.maxEmployer.afterTaxRoom.cents ?? 0,
    afterTaxRoomWithoutEmployer: solo?.tradeOff?.noEmployer.afterTaxRoom.cents ?? 0,
    halfSeTax: inc.halfSeTax,
    taxableIncome: tax.taxableIncome,
    ...householdRates(scenario, report, DEFAULT_GROWTH_ASSUMPTIONS),
  };
}

/** Projection inputs of the example: the solo plan's after-tax room each year to age 65. */
export function physicianProjection(): ProjectionInputs {
  const { scenario, report } = physicianHousehold();
  return householdProjection(scenario, report, DEFAULT_GROWTH_ASSUMPTIONS);
}

/** Optimizer inputs of the example, with a budget of take-home pay a year (default $50,000). */
export function physicianOptimizer(budget: Cents = cents(50_000)): OptimizerInput {
  const { scenario, report } = physicianHousehold();
  return householdOptimizer(scenario, report, DEFAULT_GROWTH_ASSUMPTIONS, budget);
}
