/**
 * The FILE of `compare` and `optimize`: a household scenario (it has `version` and `people`;
 * its report supplies the rooms and the tax rules the rates) or the commands' own projection /
 * optimizer input format (docs/growth.md).
 */
import { planHousehold } from '../engine/household/plan-household.js';
import type { HouseholdReport } from '../engine/household/report.js';
import type { Explained, HouseholdBasis } from '../engine/project/explained.js';
import { optimizerFromFile, projectionFromFile } from '../engine/project/file-input.js';
import {
  DEFAULT_GROWTH_ASSUMPTIONS,
  householdOptimizer,
  householdProjection,
  type GrowthAssumptions,
} from '../engine/project/from-household.js';
import type { ProjectionInputs } from '../engine/project/inputs.js';
import type { OptimizerInput } from '../engine/project/optimizer.js';
import type { Scenario } from '../engine/scenario/schema.js';
import { parseScenario } from '../engine/scenario/validate.js';
import { naming, readDataFile, sourceName } from './files.js';
import type { Io } from './io.js';
import { today } from './scenario-input.js';

/** True when the data looks like a scenario file rather than growth inputs. */
function isScenario(data: unknown): data is Record<string, unknown> {
  return data !== null && typeof data === 'object' && 'version' in data && 'people' in data;
}

function household(data: unknown, file: string): { scenario: Scenario; report: HouseholdReport } {
  const scenario = naming(file, () => parseScenario(data, { today: today() }));
  return { scenario, report: planHousehold(scenario) };
}

/** Projection inputs from FILE. */
export function projectionInputsFrom(
  io: Io,
  file: string,
  a: GrowthAssumptions = DEFAULT_GROWTH_ASSUMPTIONS,
): Explained<ProjectionInputs> {
  const data = readDataFile(io, file, 'a household scenario or projection inputs');
  if (!isScenario(data)) return projectionFromFile(data, sourceName(file));
  const { scenario, report } = household(data, file);
  return householdProjection(scenario, report, a);
}

/** Optimizer inputs from FILE. */
export function optimizerInputFrom(
  io: Io,
  file: string,
  a: GrowthAssumptions = DEFAULT_GROWTH_ASSUMPTIONS,
): Explained<OptimizerInput> {
  const data = readDataFile(io, file, 'a household scenario or optimizer inputs');
  if (!isScenario(data)) return optimizerFromFile(data, sourceName(file));
  const { scenario, report } = household(data, file);
  return householdOptimizer(scenario, report, a);
}

/** The household line of the text reports: "Built-in example: NAME — age 40, single, 2026." */
export function householdLine(h: HouseholdBasis | null): string {
  if (!h) return '';
  const what = h.builtInExample ? 'Built-in example' : 'Household';
  return `${what}: ${h.name ?? 'scenario'} — age ${String(h.age)}, ${h.filingStatus}, ${String(h.taxYear)}.\n`;
}
