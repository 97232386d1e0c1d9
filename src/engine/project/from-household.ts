/**
 * Growth inputs from a household: the projection and optimizer inputs that `compare`,
 * `optimize` and `plan`'s "what it's worth" use, taken from the household report (after-tax
 * room, deferral room, match, the solo plan's trade-off) and the income tax rules (the
 * marginal rate now from the household's taxable income, IRC 1(j)(2) brackets via
 * `householdTax`), each with its basis. What no rule gives — return, ages, state rate, income
 * in retirement — are stated assumptions with defaults.
 */
import { figure, rateFigure } from '../explain.js';
import type { HouseholdReport, PlanReport } from '../household/report.js';
import {
  addRates,
  applyRate,
  divideRates,
  formatUsd,
  multiplyRates,
  rateValue,
  subtractRates,
  type Cents,
  type Rate,
} from '../money.js';
import { incomeTaxFor } from '../params/income-tax/index.js';
import { percentText } from '../report/percent.js';
import { ageAtYearEnd } from '../rules/age.js';
import type { Scenario } from '../scenario/schema.js';
import { householdTax, type HouseholdTax } from '../tax/household.js';
import { marginalRate } from '../tax/marginal.js';
import {
  ASSUMPTION,
  assumed,
  type Basis,
  type Bases,
  type FromHousehold,
  type HouseholdBasis,
} from './explained.js';
import { yearsFromAges, type ProjectionInputs } from './inputs.js';
import type { Assumptions, OptimizerInput, OptimizerPlan } from './optimizer.js';
import type { Finding } from '../report/model.js';

/** Assumptions no rule gives. */
export interface GrowthAssumptions {
  readonly retirementAge: number;
  readonly planEndAge: number;
  /** Flat state marginal rate on ordinary income (0.05 = 5%). */
  readonly stateRate: number;
  /** Taxable income expected in retirement, today's dollars (sets the retirement bracket). */
  readonly retirementTaxableIncome: Cents;
  /** Federal rate on qualified dividends and long-term gains (IRC 1(h)(1)(C): 15%). */
  readonly capitalGainsFederalRate: number;
  readonly expectedReturn: number;
  readonly volatility: number;
  readonly inflation: number;
  readonly dividendYield: number;
}

export const DEFAULT_GROWTH_ASSUMPTIONS: GrowthAssumptions = {
  retirementAge: 65,
  planEndAge: 90,
  stateRate: 0.05,
  retirementTaxableIncome: 15_000_000,
  capitalGainsFederalRate: 0.15,
  expectedReturn: 0.07,
  volatility: 0.15,
  inflation: 0.025,
  dividendYield: 0.015,
};

/** The bases of the assumed rates (the same words wherever the defaults are used). */
const ASSUMED: Readonly<
  Record<'expectedReturn' | 'volatility' | 'inflation' | 'dividendYield', Basis>
> = {
  expectedReturn: assumed('nominal yearly return (the arithmetic mean of the yearly returns)'),
  volatility: assumed('standard deviation of the yearly return'),
  inflation: assumed('yearly inflation; only deflates the end value to today’s dollars'),
  dividendYield: assumed('yearly dividend yield of a taxable account, taxed each year'),
};

/**
 * The household's income taxes this year (federal, state, NIIT, marginal rate); `extra` adds
 * income (a taxable conversion) or deductions (to price a Roth election against pre-tax).
 */
export function householdTaxOf(
  s: Scenario,
  r: HouseholdReport,
  a: GrowthAssumptions,
  extra: {
    readonly income?: Cents;
    readonly deductions?: readonly { readonly key: string; readonly amount: Cents }[];
  } = {},
): HouseholdTax {
  const wages = s.jobs.reduce((x, j) => x + (j.type === 'schedule-c' ? 0 : (j.wages ?? 0)), 0);
  const profit = s.jobs.reduce((x, j) => x + (j.type === 'schedule-c' ? (j.netProfit ?? 0) : 0), 0);
  const sum = (f: (p: PlanReport) => Cents): Cents => r.plans.reduce((x, p) => x + f(p), 0);
  return householdTax({
    year: s.taxYear,
    status: s.filingStatus,
    grossIncome: wages + profit + (extra.income ?? 0),
    deductions: [
      {
        key: 'preTaxDeferrals',
        amount: sum(
          (p) => p.deferralPreTax.cents + (p.catchUpType === 'pre-tax' ? p.catchUp.cents : 0),
        ),
      },
      {
        key: 'employerContribution',
        amount: sum((p) => (p.selfEmployment ? p.nonelective.cents : 0)),
      },
      { key: 'halfSeTax', amount: sum((p) => p.selfEmployment?.halfSeTaxDeduction.cents ?? 0) },
      ...(extra.deductions ?? []),
    ],
    netInvestmentIncome: 0,
    medicareWages: wages,
    seIncome: sum((p) => p.selfEmployment?.netEarningsFromSelfEmployment.cents ?? 0),
    stateRate: a.stateRate,
  });
}

/**
 * The retirement and end ages of the horizon from the youngest person's age at the end of the
 * tax year: the assumed ones, unless everyone is already at or past the assumed retirement age
 * (physicians and owners often work past it). Then this year's contributions are the only
 * ones: retirement at the age + 1 (one year of saving), and the plan's end no earlier.
 */
export function horizonAges(
  age: number,
  a: Pick<GrowthAssumptions, 'retirementAge' | 'planEndAge'>,
): { readonly retirementAge: number; readonly planEndAge: number } {
  const retirementAge = Math.max(a.retirementAge, age + 1);
  return { retirementAge, planEndAge: Math.max(a.planEndAge, retirementAge) };
}

/** What the projection assumed when everyone is at or past the assumed retirement age. */
export function pastRetirementFinding(
  h: HouseholdBasis,
  a: Pick<GrowthAssumptions, 'retirementAge' | 'planEndAge'>,
): Finding | undefined {
  if (h.retirementAge === a.retirementAge) return undefined;
  return {
    severity: 'info',
    path: 'worth.years',
    message: `The assumed retirement age of ${String(a.retirementAge)} has passed for everyone in the household (the youngest is ${String(h.age)} at December 31, ${String(h.taxYear)}): the projection counts this year's contributions only, one year of saving, with retirement at ${String(h.retirementAge)}${h.planEndAge === a.planEndAge ? '' : ` and the plan's end at ${String(h.planEndAge)}`}.`,
  };
}

/** Rates are kept to six decimal places (0.238 is 23.8%). */
const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;

interface HouseholdRates {
  readonly household: HouseholdBasis;
  readonly assumptions: Assumptions;
  readonly bases: Bases;
}

/**
 * The household's tax facts, the marginal rates now and in retirement and the capital gains
 * rate (federal plus state; the NIIT too on gains), the years from the ages, and the bases.
 */
function householdRates(
  s: Scenario,
  r: HouseholdReport,
  a: GrowthAssumptions,
  builtInExample: boolean,
): HouseholdRates {
  const tax = householdTaxOf(s, r, a);
  const params = incomeTaxFor(s.taxYear);
  const bracketCitation = params.brackets[s.filingStatus].top10.citation;
  const federal = rateValue(marginalRate(s.taxYear, s.filingStatus, tax.taxableIncome));
  const retirementFederal = rateValue(
    marginalRate(s.taxYear, s.filingStatus, a.retirementTaxableIncome),
  );
  const niit = params.niitRate.value;
  const age = Math.min(...s.people.map((p) => ageAtYearEnd(p.birthDate, s.taxYear)));
  const ages = horizonAges(age, a);
  const { years, withdrawalYears } = yearsFromAges(age, ages.retirementAge, ages.planEndAge);
  const bracket = `the ${String(s.taxYear)} ${s.filingStatus} bracket`;
  const k = (name: string): string => `household.${name}`;
  const household: HouseholdBasis = {
    ...(s.name === undefined ? {} : { name: s.name }),
    builtInExample,
    taxYear: s.taxYear,
    filingStatus: s.filingStatus,
    age,
    retirementAge: ages.retirementAge,
    planEndAge: ages.planEndAge,
    taxableIncome: figure(
      k('taxableIncome'),
      'Taxable income this year',
      tax.taxableIncome,
      `AGI ${formatUsd(tax.agi)} (wages and net profit less pre-tax deferrals, the owner’s employer contributions and half of SE tax) less the ${formatUsd(tax.agi - tax.taxableIncome)} standard deduction`,
      'IRC 62(a), 63(c); Form 1040 line 15',
    ),
    federalRate: rateFigure(
      k('federalRate'),
      'Federal marginal rate now',
      federal,
      `${bracket} the next dollar of taxable income falls in`,
      bracketCitation,
      [k('taxableIncome')],
    ),
    stateRate: rateFigure(
      k('stateRate'),
      'State marginal rate',
      a.stateRate,
      'assumed: one flat state rate on ordinary income, now and in retirement',
      ASSUMPTION,
    ),
    retirementTaxableIncome: figure(
      k('retirementTaxableIncome'),
      'Taxable income in retirement (today’s dollars)',
      a.retirementTaxableIncome,
      'assumed: sets the bracket of withdrawals of pre-tax money',
      ASSUMPTION,
    ),
    retirementFederalRate: rateFigure(
      k('retirementFederalRate'),
      'Federal marginal rate in retirement',
      retirementFederal,
      `${bracket} (held at today’s dollars) the next dollar of the assumed retirement income falls in`,
      bracketCitation,
      [k('retirementTaxableIncome')],
    ),
    capitalGainsFederalRate: rateFigure(
      k('capitalGainsFederalRate'),
      'Federal rate on qualified dividends and long-term gains',
      a.capitalGainsFederalRate,
      'assumed: one IRC 1(h)(1) bracket for every year',
      ASSUMPTION,
    ),
    niitRate: rateFigure(
      k('niitRate'),
      'Net Investment Income Tax rate',
      niit,
      params.niitRate.label,
      params.niitRate.citation,
    ),
  };
  const state = percentText(a.stateRate);
  const bases: Bases = {
    currentRate: {
      why: `${percentText(federal)} federal + ${state} state`,
      citation: `${bracketCitation}; state rate: ${ASSUMPTION}`,
      inputs: [k('federalRate'), k('stateRate')],
    },
    retirementRate: {
      why: `${percentText(retirementFederal)} federal + ${state} state`,
      citation: `${bracketCitation}; retirement income and state rate: ${ASSUMPTION}`,
      inputs: [k('retirementFederalRate'), k('stateRate')],
    },
    capitalGainsRate: {
      why: `${percentText(a.capitalGainsFederalRate)} federal + ${percentText(niit)} NIIT + ${state} state`,
      citation: `${params.niitRate.citation}; federal and state rates: ${ASSUMPTION}`,
      inputs: [k('capitalGainsFederalRate'), k('niitRate'), k('stateRate')],
    },
    ...ASSUMED,
  };
  return {
    household,
    assumptions: {
      years,
      withdrawalYears,
      expectedReturn: a.expectedReturn,
      inflation: a.inflation,
      dividendYield: a.dividendYield,
      currentRate: round6(federal + a.stateRate),
      retirementRate: round6(retirementFederal + a.stateRate),
      capitalGainsRate: round6(a.capitalGainsFederalRate + niit + a.stateRate),
    },
    bases,
  };
}

/** The plans whose planned after-tax money has a way to Roth (full or Roth-lite). */
export function plansToRoth(r: HouseholdReport): PlanReport[] {
  return r.plans.filter((p) => p.verdict.kind !== 'none' && p.afterTax.cents > 0);
}

/**
 * Projection inputs: the year's after-tax contributions in plans with a way to Roth as the
 * budget, for as many years as there are to retirement; the pre-tax room is the 402(g) room
 * the household leaves unused (at most the budget).
 */
export function householdProjection(
  s: Scenario,
  r: HouseholdReport,
  a: GrowthAssumptions,
  builtInExample = false,
): FromHousehold<ProjectionInputs> {
  const { household, assumptions, bases } = householdRates(s, r, a, builtInExample);
  const toRoth = plansToRoth(r);
  const contribution = toRoth.reduce((x, p) => x + p.afterTax.cents, 0);
  const unused = r.people.reduce((x, p) => x + p.deferralRoomLeft.cents, 0);
  return {
    values: {
      ...assumptions,
      contribution,
      preTaxRoom: Math.min(unused, contribution),
      volatility: a.volatility,
    },
    bases: {
      ...bases,
      contribution: {
        why:
          toRoth.length === 0
            ? 'no after-tax money is planned in a plan with a way to Roth'
            : `after-tax money planned this year in plans with a way to Roth (${toRoth.map((p) => `${p.id} ${formatUsd(p.afterTax.cents)}, ${p.verdict.kind}`).join('; ')}), made every year to retirement`,
        citation: 'IRC 415(c)(2); IRC 402A(c)(4); Notice 2014-54',
      },
      preTaxRoom: {
        why: `402(g) deferral room left after every plan’s elections (${formatUsd(unused)}), at most the amount saved`,
        citation: 'IRC 402(g)(1)',
      },
    },
    household,
  };
}

/** Match as the optimizer models it: the plan's full match for deferrals at its average rate. */
function matchOf(s: Scenario, p: PlanReport): OptimizerPlan['match'] {
  const plan = s.plans.find((x) => x.id === p.id);
  const tiers = plan?.match ?? [];
  const last = tiers[tiers.length - 1];
  if (!last || p.formulaCompensation.cents === 0) return undefined;
  // the most match the formula gives (a share of pay), and the deferral it takes to get it
  const none: Rate = { num: 0, den: 1 };
  const full = tiers.reduce(
    (acc, t) => ({
      prev: t.upToPercent,
      match: addRates(acc.match, multiplyRates(subtractRates(t.upToPercent, acc.prev), t.rate)),
    }),
    { prev: none, match: none },
  ).match;
  const maxMatch = applyRate(p.formulaCompensation.cents, full);
  const capped =
    plan?.matchCapAmount === undefined ? maxMatch : Math.min(maxMatch, plan.matchCapAmount);
  return { rate: rateValue(divideRates(full, last.upToPercent)), max: capped };
}

/**
 * Optimizer inputs from a household: per person the whole 402(g) and catch-up room (the
 * optimizer chooses the deferrals), per plan what it allows, the match, the after-tax room
 * (with no employer money in a solo plan, and at the most) and how it reaches Roth. The budget
 * is what the household plans to save this year.
 */
export function householdOptimizer(
  s: Scenario,
  r: HouseholdReport,
  a: GrowthAssumptions,
  builtInExample = false,
): FromHousehold<OptimizerInput> {
  const { household, assumptions, bases } = householdRates(s, r, a, builtInExample);
  const plans: OptimizerPlan[] = r.plans.map((p) => {
    const plan = s.plans.find((x) => x.id === p.id);
    const match = matchOf(s, p);
    const conversion =
      p.verdict.kind === 'full' ? ('in-plan' as const) : ('at-separation' as const);
    const trade = p.tradeOff;
    const afterTaxRoom = trade ? trade.noEmployer.afterTaxRoom.cents : p.afterTaxRoom.cents;
    return {
      id: p.id,
      person: p.person,
      preTaxDeferrals: true,
      rothDeferrals: plan?.rothDeferralsAllowed ?? true,
      ...(match ? { match } : {}),
      ...(p.verdict.kind !== 'none' && afterTaxRoom > 0
        ? { afterTax: { room: afterTaxRoom, conversion } }
        : {}),
      ...(trade
        ? {
            employer: {
              max: trade.maxEmployer.employerContribution.cents,
              afterTaxRoomAtMax: trade.maxEmployer.afterTaxRoom.cents,
            },
          }
        : {}),
    };
  });
  const planned = r.plans.reduce(
    (x, p) =>
      x + p.deferralPreTax.cents + p.deferralRoth.cents + p.catchUp.cents + p.afterTax.cents,
    0,
  );
  return {
    values: {
      budget: planned,
      people: r.people.map((p) => ({
        id: p.id,
        deferralRoom: p.deferralLimit.cents + p.catchUpLimit.cents,
      })),
      plans,
      assumptions,
    },
    bases: {
      ...bases,
      budget: {
        why: 'what the household plans to save this year: deferrals, catch-ups and after-tax money in every plan, as the plan report allows them',
        citation: 'IRC 402(g)(1), 414(v), 415(c)(1)',
      },
    },
    household,
  };
}
