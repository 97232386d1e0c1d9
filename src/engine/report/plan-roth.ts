/**
 * The `plan` report's two Roth sections from the household: the Roth IRA section for people
 * with IRA fields (`plan-roth-ira.ts`) and "Roth money this year" for everyone
 * (`plan-roth-money.ts`), with the tax priced on the household's return (IRC 1(j), 1411).
 */
import type { HouseholdReport } from '../household/report.js';
import type { GrowthAssumptions } from '../project/from-household.js';
import { householdTaxOf } from '../project/from-household.js';
import { iraYears } from '../roth-ira/household.js';
import type { Scenario } from '../scenario/schema.js';
import type { Finding } from './model.js';
import { rothIraSection, type RothIraPersonReport, type TaxPricer } from './plan-roth-ira.js';
import { rothMoneySection, type RothMoneyPerson } from './plan-roth-money.js';

export interface RothSections {
  /** People with IRA fields in the scenario. */
  readonly rothIra: readonly RothIraPersonReport[];
  readonly rothMoney: readonly RothMoneyPerson[];
}

/** Both sections and their findings. */
export function rothSections(
  s: Scenario,
  household: HouseholdReport,
  a: GrowthAssumptions,
): RothSections & { readonly findings: readonly Finding[] } {
  const base = householdTaxOf(s, household, a).total;
  const price: TaxPricer = {
    onIncome: (amount) =>
      amount === 0 ? 0 : householdTaxOf(s, household, a, { income: amount }).total - base,
    ofDeduction: (amount) =>
      amount === 0
        ? 0
        : (householdTaxOf(s, household, a, {
            deductions: [{ key: 'asPreTax', amount }],
          }).deductionValues.find((d) => d.key === 'asPreTax')?.saved ?? 0),
  };
  const years = iraYears(s, household);
  const ira = rothIraSection(years, s.taxYear, price);
  const withIras = new Set(s.people.filter((p) => p.iras).map((p) => p.id));
  return {
    rothIra: ira.people.filter((p) => withIras.has(p.person)),
    rothMoney: rothMoneySection(household, years, ira, price),
    findings: ira.findings,
  };
}
