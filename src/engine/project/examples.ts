/**
 * The built-in example used by `megaroth compare` and `megaroth optimize` without a file: the
 * seed's physician of `scenario/examples.ts` — age 40, single, 2026, a hospital 403(b) and a
 * moonlighting solo 401(k). Every figure comes from the household engine (`planHousehold`) and
 * the income tax rules; only the planning assumptions (`assumptions.ts`, or flags) and the
 * optimizer's budget are stated.
 */
import { planHousehold } from '../household/plan-household.js';
import { cents } from '../money.js';
import { PHYSICIAN_EXAMPLE } from '../scenario/examples.js';
import { parseScenario } from '../scenario/validate.js';
import { assumed, type FromHousehold } from './explained.js';
import {
  DEFAULT_GROWTH_ASSUMPTIONS,
  householdOptimizer,
  householdProjection,
  type GrowthAssumptions,
} from './from-household.js';
import type { ProjectionInputs } from './inputs.js';
import type { OptimizerInput } from './optimizer.js';

/** The optimizer's budget in the example: take-home pay saved a year. */
const PHYSICIAN_BUDGET = cents(50_000);

function physician() {
  const scenario = parseScenario(structuredClone(PHYSICIAN_EXAMPLE));
  return { scenario, report: planHousehold(scenario) };
}

/** Projection inputs of the example: the solo plan's after-tax room each year to age 65. */
export function physicianProjection(
  a: GrowthAssumptions = DEFAULT_GROWTH_ASSUMPTIONS,
): FromHousehold<ProjectionInputs> {
  const { scenario, report } = physician();
  return householdProjection(scenario, report, a, true);
}

/** Optimizer inputs of the example, with a budget of $50,000 of take-home pay a year. */
export function physicianOptimizer(
  a: GrowthAssumptions = DEFAULT_GROWTH_ASSUMPTIONS,
): FromHousehold<OptimizerInput> {
  const { scenario, report } = physician();
  const e = householdOptimizer(scenario, report, a, true);
  return {
    ...e,
    values: { ...e.values, budget: PHYSICIAN_BUDGET },
    bases: { ...e.bases, budget: assumed('the built-in example’s budget') },
  };
}
