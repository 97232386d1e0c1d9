/**
 * megaroth as a library (`import { planHousehold, loadScenario } from 'megaroth'`): the pure
 * engine only — no file or process access and nothing from the CLI — so it runs in Node and
 * in a browser bundle. docs/api.md shows an example.
 */

// Scenarios: read (YAML/JSON text or plain data), validate, the built-in example, the schema.
export {
  MAX_INPUT_BYTES,
  MAX_NESTING,
  MAX_VALUES,
  parseDataText,
  type DataFormat,
} from './engine/data-text.js';
export { loadScenario, type LoadOptions } from './engine/scenario/load.js';
export { parseScenario, type ParseOptions } from './engine/scenario/validate.js';
export {
  SCENARIO_VERSION,
  type Scenario,
  type ScenarioInput,
  type Person,
  type Job,
  type Plan,
} from './engine/scenario/schema.js';
export { PHYSICIAN_EXAMPLE } from './engine/scenario/examples.js';
export { scenarioJsonSchema } from './engine/scenario/json-schema.js';
export { InputError, type InputIssue } from './engine/errors.js';

// The household engine and the report entry points.
export { planHousehold } from './engine/household/plan-household.js';
export type {
  HouseholdReport,
  PersonReport,
  PlanReport,
  LimitGroupReport,
  Verdict,
  VerdictKind,
  PlanType,
} from './engine/household/report.js';
export {
  planReport,
  worthReport,
  type PlanCommandReport,
  type WorthReport,
} from './engine/report/plan.js';
export {
  rolloverReport,
  type RolloverInput,
  type RolloverReport,
} from './engine/report/rollover.js';
export { form8606Report, type Form8606Report } from './engine/report/form8606.js';
export { clocksReport, type ClocksReport } from './engine/report/clocks.js';
export { ledgerReport, type LedgerCommandReport } from './engine/report/ledger.js';
export { soloReport, type SoloInput, type SoloReport } from './engine/report/solo.js';
export { acpReport, type AcpReport, type AcpReportInput } from './engine/report/acp.js';
export {
  acpParticipantReport,
  acpEstimateReport,
  type AcpParticipantReport,
} from './engine/report/acp-participant.js';
export { taxReport, type TaxInput, type TaxReport } from './engine/report/tax.js';
export { compareReport, type CompareOptions, type CompareReport } from './engine/report/compare.js';
export { optimizeReport, type OptimizeReport } from './engine/report/optimize.js';
export {
  DEFAULT_ASSUMPTIONS,
  DEFAULT_GROWTH_ASSUMPTIONS,
  resolveAssumptions,
  type AssumptionEntries,
  type AssumptionSource,
  type GivenAssumptions,
  type GrowthAssumptions,
} from './engine/project/assumptions.js';

// The report model: Figures, findings, the one serializer.
export {
  REPORT_NAMES,
  type ReportName,
  type ReportBase,
  type Finding,
  type Severity,
} from './engine/report/model.js';
export { reportToJson, figuresOf, type Explanation } from './engine/report/to-json.js';
export {
  figure,
  rateFigure,
  isFigure,
  isRateFigure,
  type Figure,
  type RateFigure,
} from './engine/explain.js';

// Money and tax-year parameters.
export {
  parseDollars,
  dollarsToCents,
  cents,
  toDollars,
  formatUsd,
  roundToDollar,
  applyRate,
  mulDiv,
  allocate,
  rateOf,
  percentRate,
  rateValue,
  ratePercent,
  MAX_AMOUNT,
  type Cents,
  type Rate,
  type RoundingMode,
} from './engine/money.js';
export {
  paramsFor,
  SUPPORTED_YEARS,
  isSupportedYear,
  usd,
  rate,
  type Param,
  type YearParameters,
} from './engine/params/index.js';

// The paycheck planner (`megaroth paychecks`).
export {
  paychecksReport,
  paychecksCsv,
  type PaychecksCommandReport,
} from './engine/report/paychecks.js';
export { checklistIcs } from './engine/payroll/ics.js';
export { PAYCHECKS_EXAMPLE } from './engine/payroll/example.js';

// The Roth IRA side: ordering by tax year, Form 8606 Part III, the 10% tax, the
// backdoor Roth IRA in the household and its phase-outs.
export {
  orderByTaxYear,
  type YearOrdering,
  type DistributionInput,
  type OrderingDates,
} from './engine/roth-clocks/ordering.js';
export { form8606Part3, type Part3Input, type Part3Lines } from './engine/form8606/part3.js';
export {
  planEarlyTax,
  EARLY_EXCEPTIONS,
  type PlanEarlyTaxInput,
  type EarlyTax,
  type EarlyExceptionName,
} from './engine/distributions/early-tax.js';
export { iraYears, type PersonIraYear, type RollInPlan } from './engine/roth-ira/household.js';
export { backdoor, type Backdoor, type BackdoorInput } from './engine/roth-ira/backdoor.js';
export {
  reducedLimit,
  type ReducedLimit,
  type PhaseOutRange,
} from './engine/roth-ira/phase-out.js';
export { rothRange, deductionRange, type ApplicableRange } from './engine/roth-ira/ranges.js';
export {
  type RothIraPersonReport,
  type RothIraBackdoorReport,
} from './engine/report/plan-roth-ira.js';
export { type RothMoneyPerson, type RothMoneyItem } from './engine/report/plan-roth-money.js';
