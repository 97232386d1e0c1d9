/**
 * Builds one plan's report from the engine's working state: the waterfall as Figures, the
 * verdict, and the optional sections (self-employment, ACP risk, cash balance).
 */
import { figure, type Figure } from '../explain.js';
import { formatUsd, ratePercent, type Cents } from '../money.js';
import { usd, type YearParameters } from '../params/index.js';
import { acpRisk } from '../rules/acp-risk.js';
import { cashBalanceBesideSolo } from '../rules/cash-balance-beside-solo.js';
import { mbrVerdict } from '../rules/mbr-verdict.js';
import type { Scenario } from '../scenario/schema.js';
import type { PersonReport, PlanReport, SelfEmploymentDetail } from './report.js';
import type { PlanState } from './work.js';
import { NON_GOVERNMENTAL_RISK } from './plan-457.js';
import { noRoomBecause } from './no-room.js';
import type { NetProfitAfterPayroll } from '../rules/net-profit-after-payroll.js';
import { C_402G, regularOf, catchUpOf, nonAfterTaxOf } from './work.js';
import { form8959Lines, scheduleSeLines, worksheetLines } from '../self-employment/form-figures.js';
import { percentOf } from '../self-employment/param-text.js';

function nonelectiveWhy(w: PlanState): string {
  const amount = w.plan.nonelectiveAmount;
  const pct = `${String(ratePercent(w.plan.nonelectivePercent))}% of pay capped at 401(a)(17)`;
  return amount === undefined ? pct : `${pct} + ${formatUsd(amount)} a year`;
}

export function planReport(
  p: YearParameters,
  s: Scenario,
  w: PlanState,
  people: readonly PersonReport[],
  payroll?: NetProfitAfterPayroll,
): PlanReport {
  const key = `plans.${w.plan.id}`;
  const pre = w.parts.filter((d) => d.type === 'pre-tax').reduce((a, d) => a + d.regular, 0);
  const rothD = w.parts.filter((d) => d.type === 'roth').reduce((a, d) => a + d.regular, 0);
  const cu = catchUpOf(w);
  const cuType =
    cu === 0
      ? 'none'
      : w.parts.some((d) => d.catchUp > 0 && d.catchUpType === 'roth')
        ? 'roth'
        : 'pre-tax';
  const additions = nonAfterTaxOf(w) + w.afterTax;
  const person = people.find((x) => x.id === w.person);
  const tiers = w.plan.match
    .map((t) => `${String(ratePercent(t.rate))}% up to ${String(ratePercent(t.upToPercent))}%`)
    .join(', ');
  const solo = w.owner;
  const is457 = w.plan.type === '457b';
  const f = (name: string, label: string, c: Cents, why: string, cit: string): Figure =>
    figure(`${key}.${name}`, label, c, why, cit);
  const deferralWhy = is457
    ? 'elections filled in order from the 457(b) limit left after earlier 457(b) plans (not the 402(g) limit)'
    : 'elections filled in order from the 402(g) limit left after earlier plans';
  const deferralCite = is457 ? `${p.plan.deferral457Limit.citation}; IRC 457(c)` : C_402G;
  const cuLimit = is457 ? person?.deferrals457?.catchUpLimit : person?.catchUpLimit;
  const report: PlanReport = {
    id: w.plan.id,
    person: w.person,
    job: w.job.id,
    employer: w.job.employer,
    type: w.plan.type,
    compensation: f(
      'compensation',
      'Compensation',
      w.compensation,
      solo
        ? 'net earnings from self-employment minus the deductible half of SE tax minus the owner’s deductible contribution'
        : 'W-2 pay from this job including deferrals',
      solo ? 'IRC 401(c)(2), 415(c)(3)(B); IRS Pub 560 ch. 5' : 'IRC 415(c)(3)(D)',
    ),
    formulaCompensation: f(
      'formulaCompensation',
      'Pay for plan formulas',
      w.formulaComp,
      `compensation capped at ${formatUsd(usd(p.plan.compensationLimit))}`,
      p.plan.compensationLimit.citation,
    ),
    deferralPreTax: f('deferralPreTax', 'Pre-tax deferral', pre, deferralWhy, deferralCite),
    deferralRoth: f(
      'deferralRoth',
      'Roth deferral',
      rothD,
      deferralWhy,
      `${deferralCite}; IRC 402A`,
    ),
    catchUp: f(
      'catchUp',
      'Catch-up',
      cu,
      is457
        ? `deferrals above the 457(b) limit, up to the catch-up limit (${cuLimit?.why ?? ''})`
        : `deferrals above the 402(g) limit, up to the catch-up limit (${cuLimit?.why ?? ''}); outside 415(c)`,
      is457 ? (cuLimit?.citation ?? 'IRC 457(b)(3)') : 'IRC 414(v); 414(v)(3)(A)',
    ),
    catchUpType: cuType,
    match: f(
      'match',
      'Employer match',
      w.match,
      tiers ? `${tiers} of pay, on pay capped at 401(a)(17)` : 'no match formula',
      'plan terms; IRC 401(a)(17), 401(m)(4)(A)',
    ),
    nonelective: f(
      'nonelective',
      solo ? 'Employer contribution (owner)' : 'Nonelective / profit-sharing',
      w.nonelective,
      solo ? `Pub 560 Deduction Worksheet step 13: ${solo.worksheet.step13Why}` : nonelectiveWhy(w),
      solo
        ? 'IRS Pub 560 ch. 5, Deduction Worksheet for Self-Employed; IRC 404(a)(8)'
        : 'plan terms; IRC 401(a)(17), 404(a)(3)',
    ),
    afterTaxRoom: f(
      'afterTaxRoom',
      'After-tax room',
      w.afterTaxRoom,
      w.plan.afterTax.allowed
        ? `415(c) limit ${formatUsd(w.limit415c)} − deferrals (no catch-up) − employer money − other plans' additions under the same limit, then the plan's own cap`
        : 'the plan does not accept after-tax contributions',
      'IRC 415(c)(1); plan terms',
    ),
    afterTax: f(
      'afterTax',
      'After-tax contribution',
      w.afterTax,
      w.plan.afterTax.allowed
        ? 'the after-tax amount elected, at most the room'
        : 'not allowed by the plan',
      'IRC 415(c)(2)(B)',
    ),
    annualAdditions: f(
      'annualAdditions',
      'Annual additions (415(c))',
      additions,
      'deferrals without catch-up + match + nonelective + after-tax',
      'IRC 415(c)(2); 414(v)(3)(A)',
    ),
    total: f(
      'total',
      'Total into the plan',
      additions + cu,
      'annual additions + catch-up',
      'IRC 415(c)(2); 414(v)(3)(A)',
    ),
    limit415c: f(
      'limit415c',
      '415(c) limit',
      w.limit415c,
      w.limitRule,
      is457 ? 'IRC 457(b)(2), 457(e)(15), 415(a)(2)' : 'IRC 415(c)(1)(A)-(B)',
    ),
    otherPlansUnderLimit: f(
      'otherPlansUnderLimit',
      'Used by other plans under this limit',
      w.usedByOthers,
      'annual additions of the other plans that share this 415(c) limit',
      'IRC 415(c)(1); 415(f); Treas. Reg. 1.415(f)-1',
    ),
    limitRule: w.limitRule,
    verdict: is457
      ? verdict457(w)
      : mbrVerdict({
          plan: w.plan,
          afterTaxRoom: w.afterTaxRoom,
          noRoomBecause: noRoomBecause(p, w),
          likelyHce: w.hce.likely,
          soloPlan: w.plan.type === 'solo-401k',
        }),
    ...(is457 ? { governmental: w.plan.governmental ?? false } : {}),
  };
  return {
    ...report,
    ...cashBalanceOf(w, key),
    ...acpRiskOf(p, s, w, key, report.verdict),
    ...selfEmploymentOf(p, w, key, payroll),
  };
}

const PAYROLL_PARTS = [
  'profitBeforePayroll',
  'wages',
  'employerSocialSecurity',
  'employerMedicare',
  'employerContributions',
] as const;

/** The owner's net profit from the profit before the household's payroll, in its order. */
function payrollLines(
  p: YearParameters,
  key: string,
  r: NetProfitAfterPayroll,
): NonNullable<SelfEmploymentDetail['payroll']> {
  const k = (n: string): string => `${key}.${n}`;
  return {
    profitBeforePayroll: figure(
      k('profitBeforePayroll'),
      'Profit before the household payroll',
      r.profitBeforePayroll,
      'as given: the business profit before the wages, payroll tax and plan contributions of the household members it pays',
      'Schedule C',
    ),
    wages: figure(
      k('wages'),
      'Wages of household members',
      r.wages,
      'their W-2 wages, deferrals included (first: the wages are paid)',
      'Schedule C line 26',
    ),
    employerSocialSecurity: figure(
      k('employerSocialSecurity'),
      "Employer's Social Security tax on them",
      r.employerSocialSecurity,
      `${percentOf(p.payroll.employerOasdiRate)} of each member's Social Security wages (up to the wage base), rounded half-up to the cent; a spouse owes FICA but no FUTA`,
      `${p.payroll.employerOasdiRate.citation}; IRC 3121(b)(3)(A), 3306(c)(5); Schedule C line 23`,
      [k('wages')],
    ),
    employerMedicare: figure(
      k('employerMedicare'),
      "Employer's Medicare tax on them",
      r.employerMedicare,
      `${percentOf(p.payroll.employerMedicareRate)} of each member's wages, rounded half-up to the cent`,
      `${p.payroll.employerMedicareRate.citation}; Schedule C line 23`,
      [k('wages')],
    ),
    employerContributions: figure(
      k('employerContributions'),
      "Employer's plan contributions for them",
      r.employerContributions,
      "the match and nonelective money of their plans, settled before the owner's (second: the employees' plans)",
      'IRC 404(a)(3); Schedule C line 19; IRS Pub 560 ch. 5',
    ),
    order:
      "wages, then the employer's payroll tax on them, then the employer's contributions to their plans come out of the profit; the owner's Schedule SE and Pub 560 worksheet (third) start from what is left",
  };
}

/** A 457(b) plan's verdict: no after-tax money; a non-governmental plan's risk as a warning. */
function verdict457(w: PlanState): PlanReport['verdict'] {
  return {
    kind: 'none',
    reason:
      'a 457(b) plan takes no after-tax employee contributions, so there is no Mega Backdoor in it; its deferrals have their own limit beside the 402(g) limit, so they add to what the 401(k) or 403(b) takes',
    ask: w.plan.governmental
      ? []
      : ['How and when does the plan pay out deferrals, and can the payout election be changed?'],
    warnings: w.plan.governmental ? [] : [NON_GOVERNMENTAL_RISK],
  };
}

/** The 404(a)(7) section of a solo plan with a cash balance plan beside it. */
function cashBalanceOf(w: PlanState, key: string): Pick<PlanReport, 'cashBalance'> {
  const cb = w.plan.cashBalance;
  if (!cb) return {};
  const contribution = cb.contribution;
  return {
    cashBalance: cashBalanceBesideSolo({
      key: `${key}.cashBalance`,
      contribution,
      minimumRequired: cb.minimumRequired,
      maximumDeductible: cb.maximumDeductible ?? contribution,
      pbgcCovered: cb.pbgcCovered,
      compensation: w.formulaComp,
      employerContributions: w.nonelective + w.match,
      deferrals: regularOf(w) + catchUpOf(w),
      afterTax: w.afterTax,
    }),
  };
}

/** The ACP refund estimate for a likely HCE, with its warning added to the verdict. */
function acpRiskOf(
  p: YearParameters,
  s: Scenario,
  w: PlanState,
  key: string,
  verdict: PlanReport['verdict'],
): Pick<PlanReport, 'acpRisk' | 'verdict'> {
  const acp = w.plan.acp;
  if (!acp || !w.plan.afterTax.allowed || w.plan.type === 'solo-401k' || !w.hce.likely) {
    return { verdict };
  }
  const risk = acpRisk({
    key,
    path: `plans[${String(w.index)}].acp`,
    year: s.taxYear,
    compensation: w.compensation,
    match: w.match,
    afterTax: w.afterTax,
    afterTaxRoom: w.afterTaxRoom,
    expectedNhceAcp: acp.expectedNhceAcp,
    ...(acp.hceAcp === undefined ? {} : { hceAcp: acp.hceAcp }),
    ...(acp.hceCount === undefined ? {} : { hceCount: acp.hceCount }),
    safeHarbor: acp.safeHarbor,
  });
  const warnings =
    risk.likelyRefund.cents > 0 ? [...verdict.warnings, risk.explanation] : verdict.warnings;
  return { acpRisk: risk, verdict: { ...verdict, warnings } };
}

/**
 * The Schedule SE, Form 8959 and Pub 560 figures behind a solo plan on self-employment income:
 * the person's one Schedule SE and Form 8959, and this business's share of them.
 */
function selfEmploymentOf(
  p: YearParameters,
  w: PlanState,
  key: string,
  payroll: NetProfitAfterPayroll | undefined,
): Pick<PlanReport, 'selfEmployment'> {
  const solo = w.owner;
  if (!solo) return {};
  const se = solo.personSe.scheduleSe;
  const share = solo.share;
  const ws = solo.worksheet;
  const lines = scheduleSeLines(`${key}.scheduleSe`, p, se);
  const several = solo.personSe.businesses > 1;
  const shareOf = (what: string): string =>
    several
      ? `this business's share of ${what} on the person's one Schedule SE over ${String(solo.personSe.businesses)} businesses, in proportion to its net profit`
      : what;
  const SHARE_CITE = 'Schedule SE instructions, line 2 (all businesses combined)';
  const g = (
    name: string,
    label: string,
    cents: Cents,
    why: string,
    cit: string,
    from: Figure,
  ): Figure => figure(`${key}.se.${name}`, label, cents, why, cit, [from.key]);
  const halfSeTax = g(
    'halfSeTax',
    'Deductible half of SE tax',
    share.deduction,
    shareOf(`SE tax × ${percentOf(p.payroll.seDeductibleShare)} (line 13)`),
    several ? `IRC 164(f); Schedule SE line 13; ${SHARE_CITE}` : 'IRC 164(f); Schedule SE line 13',
    lines.line13Deduction,
  );
  // Step 2 is the business's share of line 13 (all of it when the business is the only one).
  const worksheet = worksheetLines(
    `${key}.worksheet`,
    p,
    ws,
    several ? halfSeTax.key : lines.line13Deduction.key,
  );
  return {
    selfEmployment: {
      netProfit: figure(
        `${key}.se.netProfit`,
        'Net profit',
        ws.step1NetProfit,
        payroll
          ? 'the profit before payroll less the wages, employer payroll tax and employer plan contributions of the household members on the payroll'
          : 'Schedule C line 31 (or K-1 box 14 code A)',
        'Schedule C; IRS Pub 560 Deduction Worksheet step 1',
        payroll ? PAYROLL_PARTS.map((k) => `${key}.se.payroll.${k}`) : [],
      ),
      ...(payroll ? { payroll: payrollLines(p, `${key}.se.payroll`, payroll) } : {}),
      netEarningsFromSelfEmployment: g(
        'netEarnings',
        'Net earnings from self-employment',
        share.netEarnings,
        shareOf(`net profit × ${percentOf(p.payroll.seNetEarningsFactor)} (Schedule SE line 6)`),
        'IRC 1402(a)(12); Schedule SE line 4a',
        lines.line6NetEarnings,
      ),
      seTax: g(
        'seTax',
        'Self-employment tax',
        share.seTax,
        several ? shareOf('the SE tax (line 12)') : se.why.join('; '),
        several ? `IRC 1401; Schedule SE line 12; ${SHARE_CITE}` : 'IRC 1401; Schedule SE line 12',
        lines.line12SeTax,
      ),
      halfSeTaxDeduction: halfSeTax,
      step3: figure(
        `${key}.se.step3`,
        'Net earnings for the plan (step 3)',
        worksheet.step3NetEarnings.cents,
        'net profit − deductible half of SE tax',
        'IRS Pub 560 Deduction Worksheet step 3',
        [worksheet.step3NetEarnings.key],
      ),
      scheduleSe: lines,
      form8959: form8959Lines(`${key}.form8959`, p, se.additionalMedicare),
      worksheet,
    },
  };
}
