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
import { inputError } from '../errors.js';
import { usd } from '../params/index.js';
import {
  assumptionEntries,
  citationOf,
  fileAssumptions,
  resolveAssumptions,
  type AssumptionEntries,
  type AssumptionKey,
  type AssumptionSource,
  type GivenAssumptions,
  type GrowthAssumptions,
} from './assumptions.js';
import {
  ASSUMPTION,
  type Basis,
  type Bases,
  type FromHousehold,
  type HouseholdBasis,
} from './explained.js';
import { yearsFromAges, type ProjectionInputs } from './inputs.js';
import type { EmployerTrade } from './trade-offs.js';
import type { Assumptions, OptimizerInput, OptimizerPlan } from './optimizer.js';
import type { Finding } from '../report/model.js';

export { DEFAULT_GROWTH_ASSUMPTIONS, type GrowthAssumptions } from './assumptions.js';

/**
 * The assumptions for a scenario: the given ones that came from flags, over the file's
 * `assumptions` block, over the defaults (callers without flags pass `DEFAULT_GROWTH_ASSUMPTIONS`).
 */
export function assumptionsFor(s: Scenario, a: GrowthAssumptions): GrowthAssumptions {
  const flags = Object.fromEntries(
    (Object.keys(a.values) as AssumptionKey[])
      .filter((k) => a.sources[k] === 'flag')
      .map((k) => [k, a.values[k]]),
  ) as GivenAssumptions;
  return resolveAssumptions(fileAssumptions(s), flags);
}

/**
 * The household's income taxes this year (federal, state, NIIT, marginal rate); `extra` adds
 * income (a taxable conversion) or deductions (to price a Roth election against pre-tax).
 */
export function householdTaxOf(
  s: Scenario,
  r: HouseholdReport,
  given: GrowthAssumptions,
  extra: {
    readonly income?: Cents;
    readonly deductions?: readonly { readonly key: string; readonly amount: Cents }[];
  } = {},
): HouseholdTax {
  const a = assumptionsFor(s, given);
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
    stateRate: a.values.stateIncomeTaxRate,
  });
}

/**
 * The retirement and end ages of the horizon from the youngest person's age at the end of the
 * tax year and the years each person has to their retirement age (the household saves until
 * the last one retires): at least one year of saving, so a household whose members are all
 * at or past their retirement age counts this year's contributions only (physicians and
 * owners often work past it), and the plan's end no earlier than retirement.
 */
export function horizonAges(
  age: number,
  a: { readonly retirementAge: number; readonly planEndAge: number },
  yearsToRetirement = a.retirementAge - age,
): { readonly retirementAge: number; readonly planEndAge: number } {
  const retirementAge = age + Math.max(1, yearsToRetirement);
  return { retirementAge, planEndAge: Math.max(a.planEndAge, retirementAge) };
}

/** What the projection assumed when everyone is at or past their retirement age. */
export function pastRetirementFinding(h: HouseholdBasis): Finding | undefined {
  const entry = h.assumptions.retirementAge;
  const age = typeof entry.value === 'number' ? entry.value : h.retirementAge;
  if (h.retirementAge !== h.age + 1 || age > h.age) return undefined;
  const planEnd = h.assumptions.planEndAge.value;
  return {
    severity: 'info',
    path: 'worth.years',
    message: `The ${entry.source === 'default' ? 'assumed ' : ''}retirement age of ${String(age)} has passed for everyone in the household (the youngest is ${String(h.age)} at December 31, ${String(h.taxYear)}): the projection counts this year's contributions only, one year of saving, with retirement at ${String(h.retirementAge)}${h.planEndAge === planEnd ? '' : ` and the plan's end at ${String(h.planEndAge)}`}.`,
  };
}

/** Rates are kept to six decimal places (0.238 is 23.8%). */
const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;

interface HouseholdRates {
  readonly household: HouseholdBasis;
  readonly assumptions: Assumptions;
  readonly bases: Bases;
}

/** The ages of the horizon: the youngest's age, the years to the last retirement, the source. */
function householdAges(
  s: Scenario,
  a: GrowthAssumptions,
): { age: number; years: number; retirementAge: number; source: AssumptionSource } {
  const byFlag = a.sources.retirementAge === 'flag';
  const ages = s.people.map((p) => {
    const age = ageAtYearEnd(p.birthDate, s.taxYear);
    const retirementAge = byFlag
      ? a.values.retirementAge
      : (p.retirementAge ?? a.values.retirementAge);
    return { age, retirementAge, years: retirementAge - age };
  });
  const age = Math.min(...ages.map((x) => x.age));
  const years = Math.max(...ages.map((x) => x.years));
  const last = ages.find((x) => x.years === years) ?? ages[0];
  const source: AssumptionSource = byFlag
    ? 'flag'
    : s.people.some((p) => p.retirementAge !== undefined)
      ? 'file'
      : a.sources.retirementAge;
  return { age, years, retirementAge: last?.retirementAge ?? a.values.retirementAge, source };
}

/**
 * The years of saving in the plans to Roth before their employee leaves (`jobs[].endDate`):
 * the earliest end date among their jobs, counted from the tax year (an end date in the tax
 * year is one year); null when none is given or it is at or after retirement.
 */
function separationYears(s: Scenario, r: HouseholdReport, years: number): number | null {
  let out: number | null = null;
  for (const p of plansToRoth(r)) {
    const plan = s.plans.find((x) => x.id === p.id);
    const at = s.jobs.findIndex((j) => j.id === plan?.job);
    const end = s.jobs[at]?.endDate;
    if (end === undefined) continue;
    const n = Number(end.slice(0, 4)) - s.taxYear + 1;
    if (n < 1) {
      throw inputError(
        `jobs[${String(at)}].endDate`,
        `the separation date ${end} is before the tax year ${String(s.taxYear)}: the job has no plan contributions this year`,
      );
    }
    if (n < years) out = out === null ? n : Math.min(out, n);
  }
  return out;
}

/**
 * The household's tax facts, the marginal rates now and in retirement and the capital gains
 * rate (federal plus state; the NIIT when the household's MAGI is above the IRC 1411
 * threshold, unless the assumptions say), the years from the ages, the bases and the
 * assumptions with their sources.
 */
function householdRates(
  s: Scenario,
  r: HouseholdReport,
  given: GrowthAssumptions,
  builtInExample: boolean,
): HouseholdRates {
  const a = assumptionsFor(s, given);
  const v = a.values;
  const tax = householdTaxOf(s, r, a);
  const params = incomeTaxFor(s.taxYear);
  const bracketCitation = params.brackets[s.filingStatus].top10.citation;
  const federal = rateValue(marginalRate(s.taxYear, s.filingStatus, tax.taxableIncome));
  const retirementFederal =
    v.retirementTaxRate ??
    rateValue(marginalRate(s.taxYear, s.filingStatus, v.retirementTaxableIncome ?? 0));
  const threshold = usd(params.niitThreshold[s.filingStatus]);
  const magiOver = tax.agi > threshold;
  const paysNiit = v.taxableAccountPaysNiit ?? magiOver;
  const niit = paysNiit ? params.niitRate.value : 0;
  const niitWhy = `the household’s MAGI ${formatUsd(tax.agi)} (its AGI) is ${magiOver ? 'above' : 'at or below'} the ${formatUsd(threshold)} ${s.filingStatus} threshold, so the taxable account ${magiOver ? 'pays' : 'does not pay'} the NIIT (IRC 1411(a)(1), (b))`;
  const hAges = householdAges(s, a);
  const age = hAges.age;
  const ages = horizonAges(age, v, hAges.years);
  const { years, withdrawalYears } = yearsFromAges(age, ages.retirementAge, ages.planEndAge);
  const sep = separationYears(s, r, years);
  const bracket = `the ${String(s.taxYear)} ${s.filingStatus} bracket`;
  const k = (name: string): string => `household.${name}`;
  const entries: AssumptionEntries = assumptionEntries(k('assumptions'), a, {
    taxableAccountPaysNiit: paysNiit,
    niitWhy,
    retirementAge: hAges.retirementAge,
    retirementAgeSource: hAges.source,
  });
  const whyOf = (key: AssumptionKey): string => entries[key].why;
  const household: HouseholdBasis = {
    ...(s.name === undefined ? {} : { name: s.name }),
    builtInExample,
    taxYear: s.taxYear,
    filingStatus: s.filingStatus,
    age,
    retirementAge: ages.retirementAge,
    planEndAge: ages.planEndAge,
    separationYear: sep === null ? null : s.taxYear + sep - 1,
    taxableIncome: figure(
      k('taxableIncome'),
      'Taxable income this year',
      tax.taxableIncome,
      `AGI ${formatUsd(tax.agi)} (wages and net profit less pre-tax deferrals, the owner’s employer contributions and half of SE tax) less the ${formatUsd(tax.agi - tax.taxableIncome)} standard deduction`,
      'IRC 62(a), 63(c); Form 1040 line 15',
    ),
    magi: figure(
      k('magi'),
      'Modified AGI this year',
      tax.agi,
      'AGI (no foreign earned income excluded): wages and net profit less pre-tax deferrals, the owner’s employer contributions and half of SE tax',
      'IRC 1411(d), 62(a)',
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
      'State marginal rate now',
      v.stateIncomeTaxRate,
      whyOf('stateIncomeTaxRate'),
      citationOf(a.sources.stateIncomeTaxRate),
    ),
    retirementStateRate: rateFigure(
      k('retirementStateRate'),
      'State marginal rate in retirement',
      v.retirementStateIncomeTaxRate,
      whyOf('retirementStateIncomeTaxRate'),
      citationOf(a.sources.retirementStateIncomeTaxRate),
    ),
    retirementTaxableIncome:
      v.retirementTaxableIncome === null
        ? null
        : figure(
            k('retirementTaxableIncome'),
            'Taxable income in retirement (today’s dollars)',
            v.retirementTaxableIncome,
            whyOf('retirementTaxableIncome'),
            citationOf(a.sources.retirementTaxableIncome),
          ),
    retirementFederalRate:
      v.retirementTaxRate === null
        ? rateFigure(
            k('retirementFederalRate'),
            'Federal marginal rate in retirement',
            retirementFederal,
            `${bracket} (held at today’s dollars) the next dollar of the assumed retirement income falls in`,
            bracketCitation,
            [k('retirementTaxableIncome')],
          )
        : rateFigure(
            k('retirementFederalRate'),
            'Federal marginal rate in retirement',
            retirementFederal,
            whyOf('retirementTaxRate'),
            citationOf(a.sources.retirementTaxRate),
          ),
    capitalGainsFederalRate: rateFigure(
      k('capitalGainsFederalRate'),
      'Federal rate on qualified dividends and long-term gains',
      v.capitalGainsFederalRate,
      whyOf('capitalGainsFederalRate'),
      ASSUMPTION,
    ),
    niitRate: rateFigure(
      k('niitRate'),
      'Net Investment Income Tax rate on the taxable account',
      niit,
      v.taxableAccountPaysNiit === null
        ? `${params.niitRate.label}: ${niitWhy}`
        : `${params.niitRate.label}: ${whyOf('taxableAccountPaysNiit')}`,
      `${params.niitRate.citation}; ${params.niitThreshold[s.filingStatus].citation}`,
      v.taxableAccountPaysNiit === null ? [k('magi')] : undefined,
    ),
    assumptions: entries,
  };
  const state = percentText(v.stateIncomeTaxRate);
  const retirementState = percentText(v.retirementStateIncomeTaxRate);
  const retirementCitation =
    v.retirementTaxRate === null
      ? `${bracketCitation}; retirement income and state rate: ${ASSUMPTION}`
      : `federal and state rates in retirement: ${ASSUMPTION}`;
  const basis = (key: AssumptionKey): Basis => ({
    why: whyOf(key),
    citation: citationOf(a.sources[key]),
  });
  const bases: Bases = {
    currentRate: {
      why: `${percentText(federal)} federal + ${state} state`,
      citation: `${bracketCitation}; state rate: ${citationOf(a.sources.stateIncomeTaxRate)}`,
      inputs: [k('federalRate'), k('stateRate')],
    },
    retirementRate: {
      why: `${percentText(retirementFederal)} federal + ${retirementState} state`,
      citation: retirementCitation,
      inputs: [k('retirementFederalRate'), k('retirementStateRate')],
    },
    capitalGainsRate: {
      why: `${percentText(v.capitalGainsFederalRate)} federal + ${percentText(niit)} NIIT + ${state} state`,
      citation: `${params.niitRate.citation}; federal and state rates: ${ASSUMPTION}`,
      inputs: [k('capitalGainsFederalRate'), k('niitRate'), k('stateRate')],
    },
    expectedReturn: basis('expectedReturn'),
    volatility: basis('volatility'),
    inflation: basis('inflation'),
    dividendYield: basis('dividendYield'),
  };
  return {
    household,
    assumptions: {
      years,
      withdrawalYears,
      ...(sep === null ? {} : { separationYears: sep }),
      expectedReturn: v.expectedReturn,
      inflation: v.inflation,
      dividendYield: v.dividendYield,
      currentRate: round6(federal + v.stateIncomeTaxRate),
      retirementRate: round6(retirementFederal + v.retirementStateIncomeTaxRate),
      capitalGainsRate: round6(v.capitalGainsFederalRate + niit + v.stateIncomeTaxRate),
    },
    bases,
  };
}

/** The plans whose planned after-tax money has a way to Roth (full or Roth-lite). */
export function plansToRoth(r: HouseholdReport): PlanReport[] {
  return r.plans.filter((p) => p.verdict.kind !== 'none' && p.afterTax.cents > 0);
}

/**
 * The deductible employer contribution of the solo plans to Roth that after-tax money could
 * take instead (the maximum end of each plan's trade-off), and how that money would reach Roth.
 */
export function employerTradeOf(r: HouseholdReport): EmployerTrade | undefined {
  const plans = plansToRoth(r).filter(
    (p) => (p.tradeOff?.maxEmployer.employerContribution.cents ?? 0) > 0,
  );
  if (plans.length === 0) return undefined;
  return {
    amount: plans.reduce(
      (x, p) => x + (p.tradeOff?.maxEmployer.employerContribution.cents ?? 0),
      0,
    ),
    afterTax: plans.every((p) => p.verdict.kind === 'full') ? 'fullMbr' : 'rothLite',
  };
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
  const trade = employerTradeOf(r);
  const toRoth = plansToRoth(r);
  const contribution = toRoth.reduce((x, p) => x + p.afterTax.cents, 0);
  const unused = r.people.reduce((x, p) => x + p.deferralRoomLeft.cents, 0);
  return {
    values: {
      ...assumptions,
      contribution,
      preTaxRoom: Math.min(unused, contribution),
      volatility: assumptionsFor(s, a).values.volatility,
      ...(assumptions.separationYears === undefined
        ? {}
        : { contributionYears: assumptions.separationYears }),
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
    ...(trade === undefined ? {} : { employerTrade: trade }),
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
 * The owner's own employer money in a plan: in a solo 401(k) the employer contribution is paid
 * from the owner's business — deductible by the business (IRC 404(a)(3)) or, for a
 * self-employed owner, from net earnings from self-employment (IRC 404(a)(8)) — so it is part
 * of what the owner saves. Other employers' money (match, nonelective) costs the household nothing.
 */
function ownersEmployerMoney(p: PlanReport): Cents {
  return p.type === 'solo-401k' ? p.nonelective.cents : 0;
}

/**
 * Optimizer inputs from a household: per person the whole 402(g) and catch-up room (the
 * optimizer chooses the deferrals), per plan what it allows, the match, the after-tax room
 * (with no employer money in a solo plan, and at the most), how it reaches Roth, and in a solo
 * plan the owner's employer contribution (up to the most the household engine allows). The
 * budget is what the household plans to save this year, the owner's employer money included.
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
      (p.verdict.withRoom ?? p.verdict.kind) === 'full'
        ? ('in-plan' as const)
        : ('at-separation' as const);
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
        : ownersEmployerMoney(p) > 0
          ? { employer: { max: ownersEmployerMoney(p), afterTaxRoomAtMax: 0 } }
          : {}),
    };
  });
  const planned = r.plans.reduce(
    (x, p) =>
      x +
      p.deferralPreTax.cents +
      p.deferralRoth.cents +
      p.catchUp.cents +
      p.afterTax.cents +
      ownersEmployerMoney(p),
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
      // a separation before retirement (jobs[].endDate) as `compare` and `plan` take it
      assumptions,
    },
    bases: {
      ...bases,
      budget: {
        why: 'what the household plans to save this year: deferrals, catch-ups and after-tax money in every plan, and the owner’s employer contribution in a solo plan (paid from the business’s profit), as the plan report allows them',
        citation: 'IRC 402(g)(1), 414(v), 415(c)(1); IRC 404(a)(3), 404(a)(8)',
      },
    },
    household,
  };
}
