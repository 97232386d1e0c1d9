/**
 * The `solo` report: a Solo 401(k) on Schedule C or S-corp income beside W-2 jobs, answered by
 * the household engine (`planHousehold`) on the one-person household the flags describe. The
 * solo plan's figures at both ends of the trade-off (the most employer money; none, with the most
 * after-tax money), Schedule SE, Form 8959 and the Pub 560 worksheet line by line, the 415(c)
 * limit it is under (its own, or shared with an aggregated 403(b): Treas. Reg.
 * 1.415(f)-1(f)(2)), and findings.
 */
import { figure, type Figure } from '../explain.js';
import { planHousehold } from '../household/plan-household.js';
import type { HouseholdReport, PlanReport, TradeOffEnd } from '../household/report.js';
import { formatUsd, type Cents } from '../money.js';
import { paramsFor, usd, type YearParameters } from '../params/index.js';
import type {
  Form8959Lines,
  ScheduleSeLines,
  WorksheetLines,
} from '../self-employment/form-figures.js';
import { dollarsOf, percentOf } from '../self-employment/param-text.js';
import { SOLO_IDS, soloScenario, type SoloInput } from '../self-employment/solo-scenario.js';
import type { FilingStatus } from '../tax/filing-status.js';
import type { Finding, ReportBase } from './model.js';

export type { SoloInput } from '../self-employment/solo-scenario.js';

/** One end of the trade-off, as the solo plan sees it. */
export interface SoloEnd {
  readonly employerContribution: Figure;
  readonly employeeDeferral: Figure;
  readonly catchUp: Figure;
  readonly compensation: Figure;
  /** The 415(c) limit for this plan: its own, or what an aggregated 403(b) leaves of the shared one. */
  readonly limit415c: Figure;
  readonly afterTaxRoom: Figure;
  readonly total: Figure;
  readonly deduction: Figure;
}

export interface SoloAggregation {
  readonly rule: 'own-limit' | '403b-aggregated';
  readonly applied: boolean;
  readonly dollarLimit: Figure;
  /** The dollar limit less the aggregated 403(b)'s annual additions. */
  readonly dollarRoomLeft: Figure;
  readonly explanation: string;
  readonly citation: string;
}

/** The `solo` report: the maximum-employer end at the top level, the other end beside it. */
export interface SoloReport extends ReportBase<'solo'>, SoloEnd {
  readonly year: number;
  readonly business: 'self-employed' | 's-corp';
  readonly filingStatus: FilingStatus;
  readonly netEarningsFromSelfEmployment: Figure;
  readonly seTax: Figure;
  readonly halfSeTaxDeduction: Figure;
  readonly additionalMedicareTaxOnSeIncome: Figure;
  readonly noEmployerContribution: SoloEnd;
  readonly deferralLimitLeft: Figure;
  readonly catchUpLimit: Figure;
  readonly catchUpLeft: Figure;
  readonly aggregation: SoloAggregation;
  readonly tradeOff: {
    readonly deductionGivenUp: Figure;
    readonly extraTotalAtNoEmployerEnd: Figure;
    readonly breakEven: string;
  };
  readonly scheduleSe: ScheduleSeLines | null;
  readonly form8959: Form8959Lines | null;
  readonly worksheet: WorksheetLines | null;
}

const HOUSEHOLD_KEY = `plans.${SOLO_IDS.soloPlan}.`;

/** The household's figures under the report's own keys (`plans.solo.x` → `solo.x`). */
function rekeyed<T>(v: T): T {
  const key = (k: string): string =>
    k.startsWith(HOUSEHOLD_KEY) ? `solo.${k.slice(HOUSEHOLD_KEY.length)}` : k;
  const walk = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(walk);
    if (x === null || typeof x !== 'object') return x;
    const o = x as Record<string, unknown>;
    if (typeof o['key'] === 'string' && typeof o['citation'] === 'string') {
      const inputs = o['inputs'] as readonly string[] | undefined;
      return { ...o, key: key(o['key']), ...(inputs ? { inputs: inputs.map(key) } : {}) };
    }
    return Object.fromEntries(Object.entries(o).map(([k, y]) => [k, walk(y)]));
  };
  return walk(v) as T;
}

const AGG_CITE =
  'IRC 415(k)(4); Treas. Reg. 1.415(f)-1(f)(1)-(2); IRS Issue Snapshot "403(b) Plan – Application of IRC Section 415(c) when a 403(b) plan is aggregated with a Section 401(a) defined contribution plan"; Tax Facts Q 4045';
const OWN_CITE =
  'IRC 415(c)(1), 415(f)(1), 402(g)(1); IRS "Greg, 46" example (one-participant 401(k) beside an unrelated 401(k))';

function aggregationOf(
  p: YearParameters,
  h: HouseholdReport,
): { section: SoloAggregation; additions403b: Cents } {
  const limit = usd(p.plan.annualAdditionsLimit);
  const dollarLimit = figure(
    'solo.aggregation.dollarLimit',
    '415(c) dollar limit',
    limit,
    'one dollar limit for the plans of one employer (and a 403(b) aggregated with them)',
    p.plan.annualAdditionsLimit.citation,
  );
  const plan403b = h.plans.find((x) => x.id === SOLO_IDS.plan403b);
  const applied = h.limitGroups.some(
    (g) => g.kind === '403b-aggregation' && g.plans.includes(SOLO_IDS.soloPlan),
  );
  if (!plan403b || !applied) {
    return {
      additions403b: 0,
      section: {
        rule: 'own-limit',
        applied: false,
        dollarLimit,
        dollarRoomLeft: figure(
          'solo.aggregation.dollarRoomLeft',
          '415(c) dollar room left',
          limit,
          'the whole dollar limit: no plan of another employer is aggregated with the solo plan',
          OWN_CITE,
          [dollarLimit.key],
        ),
        explanation:
          `The solo plan has its own 415(c) limit of ${formatUsd(limit)} (or 100% of its compensation, if less): 415(c) applies per employer, and plans of unrelated employers — such as a W-2 job's 401(k) — are not added together. ` +
          'Only 402(g) (deferrals) is shared across all plans. If you also have a 403(b) and control this business, give its additions: a 403(b) is treated as your own plan and is aggregated.',
        citation: OWN_CITE,
      },
    };
  }
  const additions = plan403b.annualAdditions.cents;
  const left = Math.max(0, limit - additions);
  return {
    additions403b: additions,
    section: {
      rule: '403b-aggregated',
      applied: true,
      dollarLimit,
      dollarRoomLeft: figure(
        'solo.aggregation.dollarRoomLeft',
        '415(c) dollar room left',
        left,
        `the ${formatUsd(limit)} dollar limit less the 403(b)'s ${formatUsd(additions)} of annual additions (deferrals without catch-up and the employer's money)`,
        AGG_CITE,
        [dollarLimit.key],
      ),
      explanation:
        `A 403(b) is treated as maintained by its participant, and you control this business, so your 403(b) counts as a plan of this business too: its ${formatUsd(additions)} of annual additions (deferrals and the employer's money) share one ${formatUsd(limit)} limit with the solo plan, leaving ${formatUsd(left)}. ` +
        'For that combined limit, compensation from both employers may be added; the solo plan must also stay within 100% of its own compensation. A 401(k) at the other employer would not be aggregated.',
      citation: AGG_CITE,
    },
  };
}

function endOf(
  name: 'maxEmployer' | 'noEmployer',
  e: TradeOffEnd,
  business: SoloReport['business'],
  agg: SoloAggregation,
  boundBy: string,
): SoloEnd {
  const k = (field: string): string => `solo.${name}.${field}`;
  const u = formatUsd;
  const limit = e.roomForThisPlan.cents;
  const comp = e.compensation.cents;
  const selfEmployed = business === 'self-employed';
  return {
    employerContribution: figure(
      k('employerContribution'),
      'Employer contribution',
      e.employerContribution.cents,
      name === 'noEmployer'
        ? 'none, by choice: the other end of the trade-off'
        : selfEmployed
          ? `Pub 560 Deduction Worksheet Step 13: ${boundBy}`
          : `plan rate × wages (at most 401(a)(17)), within 415(c) after deferrals`,
      selfEmployed
        ? 'IRS Pub 560 ch. 5; IRC 404(a)(3), 404(a)(8), 401(a)(17)'
        : 'IRC 404(a)(3)(A), 404(l), 404(n)',
      name === 'maxEmployer' && selfEmployed ? ['solo.worksheet.step13EmployerContribution'] : [],
    ),
    employeeDeferral: figure(
      k('employeeDeferral'),
      'Employee deferral',
      e.deferrals.cents,
      e.deferrals.why,
      e.deferrals.citation,
    ),
    catchUp: figure(k('catchUp'), 'Catch-up', e.catchUp.cents, e.catchUp.why, e.catchUp.citation),
    compensation: figure(
      k('compensation'),
      'Compensation',
      comp,
      selfEmployed
        ? 'net profit − deductible half of SE tax − the employer contribution for yourself; after-tax money does not reduce it'
        : 'W-2 wages from the corporation, including deferrals; distributions are not compensation',
      selfEmployed
        ? 'IRC 401(c)(2), 415(c)(3)(B); IRS "Self-employed individuals – calculating your own retirement plan contribution"'
        : 'IRC 415(c)(3)(D), 404(a)(12)',
    ),
    limit415c: figure(
      k('limit415c'),
      '415(c) limit for this plan',
      limit,
      agg.applied
        ? `lesser of 100% of compensation (${u(comp)}) and the ${u(agg.dollarRoomLeft.cents)} the aggregated 403(b) leaves of the ${u(agg.dollarLimit.cents)} limit (compensation from both employers counted for the combined limit)`
        : `lesser of the ${u(agg.dollarLimit.cents)} dollar limit and 100% of compensation (${u(comp)}); the plan's own limit`,
      agg.citation,
      [k('compensation'), agg.dollarRoomLeft.key],
    ),
    afterTaxRoom: figure(
      k('afterTaxRoom'),
      'After-tax room',
      e.afterTaxRoom.cents,
      `415(c) limit ${u(limit)} − employer ${u(e.employerContribution.cents)} − deferral ${u(e.deferrals.cents)}, not below zero`,
      'IRC 415(c)(1), 415(c)(2)',
      [k('limit415c'), k('employerContribution'), k('employeeDeferral')],
    ),
    total: figure(
      k('total'),
      'Total in',
      e.total.cents,
      'employer + deferral + catch-up + after-tax room',
      'IRC 415(c), 414(v)',
      [k('employerContribution'), k('employeeDeferral'), k('catchUp'), k('afterTaxRoom')],
    ),
    deduction: figure(
      k('deduction'),
      'Deduction',
      e.deduction.cents,
      'employer contribution + pre-tax deferrals and catch-ups (Roth and after-tax money are not deducted)',
      'IRS Pub 560 Step 21; Schedule 1 line 16; IRC 404(a)(8)',
      [k('employerContribution'), k('employeeDeferral'), k('catchUp')],
    ),
  };
}

/** The Schedule SE and Form 8959 summary figures (zero for an S-corp: no SE income). */
function seSummary(
  p: YearParameters,
  lines: { se: ScheduleSeLines; f: Form8959Lines } | null,
): Pick<
  SoloReport,
  | 'netEarningsFromSelfEmployment'
  | 'seTax'
  | 'halfSeTaxDeduction'
  | 'additionalMedicareTaxOnSeIncome'
> {
  const none = 'S-corp wages are not self-employment income: FICA is withheld from them instead';
  const s = (
    key: string,
    label: string,
    from: Figure | undefined,
    why: string,
    cit: string,
  ): Figure =>
    figure(`solo.${key}`, label, from?.cents ?? 0, from ? why : none, cit, from ? [from.key] : []);
  const se = lines?.se;
  return {
    netEarningsFromSelfEmployment: s(
      'netEarningsFromSelfEmployment',
      'Net earnings from self-employment (Schedule SE line 6)',
      se?.line6NetEarnings,
      `${percentOf(p.payroll.seNetEarningsFactor)} of net profit, none under ${dollarsOf(p.payroll.seMinimumNetEarnings)}`,
      'IRC 1402(a)(12), 1402(b); Schedule SE lines 4a-6',
    ),
    seTax: s(
      'seTax',
      'Self-employment tax (Schedule SE line 12)',
      se?.line12SeTax,
      `${percentOf(p.payroll.seOasdiRate)} × min(line 6, wage base left after W-2 wages) + ${percentOf(p.payroll.seMedicareRate)} × line 6`,
      'IRC 1401(a), 1401(b)(1); Schedule SE lines 7-12',
    ),
    halfSeTaxDeduction: s(
      'halfSeTaxDeduction',
      'Deductible half of SE tax (Schedule SE line 13)',
      se?.line13Deduction,
      'half of line 12, rounded half-up to the cent',
      'IRC 164(f); Schedule 1 line 15',
    ),
    additionalMedicareTaxOnSeIncome: s(
      'additionalMedicareTaxOnSeIncome',
      'Additional Medicare Tax on SE income (Form 8959 line 13)',
      lines?.f.line13OnSeIncome,
      `${percentOf(p.payroll.additionalMedicareRate)} × (SE income − the threshold less Medicare wages, not below zero); not part of the deduction`,
      'IRC 1401(b)(2); Form 8959 Part II',
    ),
  };
}

/** What the household said about the solo plan, under the report's paths; the rest is the flags' own plans. */
function householdFindings(h: HouseholdReport, soloIndex: number): Finding[] {
  const soloAt = `plans[${String(soloIndex)}]`;
  const jobAt = `jobs.${SOLO_IDS.business}.`;
  const out: Finding[] = [];
  for (const f of h.findings) {
    if (f.path.startsWith(jobAt)) {
      out.push({
        ...f,
        path: `business.${f.path.slice(jobAt.length)}`,
        ...(f.fix ? { fix: "give last year's W-2 box 3 wages from the corporation" } : {}),
      });
    } else if (f.path.startsWith(soloAt)) out.push({ ...f, path: '' });
    else if (f.severity === 'error') out.push({ ...f, path: '' });
  }
  return out;
}

/** Findings the answer itself gives rise to (what used to be the notes). */
function answerFindings(
  p: YearParameters,
  input: SoloInput,
  solo: PlanReport,
  max: SoloEnd,
  none: SoloEnd,
  h: HouseholdReport,
): Finding[] {
  const out: Finding[] = [];
  const b = input.business;
  if (b.kind === 's-corp') {
    out.push(
      {
        severity: 'info',
        path: '',
        message:
          'A one-participant (solo) 401(k) covers only the business owners and their spouses; once the business has a common-law employee who meets the plan’s eligibility terms, that employee must be covered and the plan is no longer a one-participant plan (IRS, One-Participant 401(k) Plans).',
      },
      {
        severity: 'info',
        path: '',
        message: 'S-corp distributions are not compensation; only the W-2 wages count',
      },
    );
    const fromPay = none.employeeDeferral.cents + none.catchUp.cents + none.afterTaxRoom.cents;
    if (fromPay > b.wages) {
      out.push({
        severity: 'warning',
        path: 'business.wages',
        message: `deferrals, catch-up and after-tax money all come out of pay: at the no-employer end they add up to ${formatUsd(fromPay)}, more than the ${formatUsd(b.wages)} of wages, so take-home pay caps what can really go in`,
      });
    }
  }
  if (solo.selfEmployment?.scheduleSe.line6NetEarnings.cents === 0 && b.kind === 'self-employed') {
    out.push({
      severity: 'info',
      path: 'business.netProfit',
      message: `net earnings under ${dollarsOf(p.payroll.seMinimumNetEarnings)}: no SE tax`,
    });
  }
  const agg = h.limitGroups.find(
    (g) => g.kind === '403b-aggregation' && g.plans.includes(SOLO_IDS.soloPlan),
  );
  if (
    agg &&
    agg.compensation.cents < agg.dollarLimit.cents &&
    max.limit415c.cents < max.compensation.cents
  ) {
    out.push({
      severity: 'warning',
      path: 'aggregated403b.compensation',
      message: `the combined 415(c) limit with the 403(b) is 100% of compensation from both employers, ${formatUsd(agg.compensation.cents)}, below the ${formatUsd(agg.dollarLimit.cents)} dollar limit: the solo plan gets less than its own compensation`,
    });
  }
  const limit = usd(p.plan.electiveDeferralLimit);
  if (input.deferralsElsewhere > 0 && input.deferralsElsewhere === limit) {
    out.push({
      severity: 'info',
      path: 'deferralsElsewhere',
      message:
        '402(g) is used up by deferrals in other plans: no elective deferrals in the solo plan',
    });
  }
  return out;
}

/** The `solo` report for validated flags (cents, percent, rounding). */
export function soloReport(input: SoloInput): SoloReport {
  const p = paramsFor(input.year, 'year');
  const built = soloScenario(input);
  const h = planHousehold(built.scenario, { rateRounding: input.rateRounding });
  const soloIndex = built.scenario.plans.findIndex((x) => x.id === SOLO_IDS.soloPlan);
  const solo = h.plans[soloIndex];
  const person = h.people[0];
  if (!solo?.tradeOff || !person) throw new Error('the solo household has no solo plan');
  const { section: aggregation } = aggregationOf(p, h);
  const business = input.business.kind;
  const se = solo.selfEmployment ? rekeyed(solo.selfEmployment) : undefined;
  const boundBy = se?.worksheet.step13EmployerContribution.why ?? '';
  const max = endOf('maxEmployer', solo.tradeOff.maxEmployer, business, aggregation, boundBy);
  const none = endOf('noEmployer', solo.tradeOff.noEmployer, business, aggregation, boundBy);
  const deferralLimit = person.deferralLimit.cents;
  const elsewhere = h.plans
    .filter((x) => x.id !== SOLO_IDS.soloPlan)
    .reduce((a, x) => a + x.deferralPreTax.cents + x.deferralRoth.cents, 0);
  const cuElsewhere = h.plans
    .filter((x) => x.id !== SOLO_IDS.soloPlan)
    .reduce((a, x) => a + x.catchUp.cents, 0);
  const catchUpLimit = figure(
    'solo.catchUpLimit',
    'Catch-up limit',
    person.catchUpLimit.cents,
    person.catchUpLimit.why,
    person.catchUpLimit.citation,
  );
  const report: SoloReport = {
    report: 'solo',
    year: input.year,
    business,
    filingStatus: input.filingStatus,
    ...seSummary(p, se ? { se: se.scheduleSe, f: se.form8959 } : null),
    ...max,
    noEmployerContribution: none,
    deferralLimitLeft: figure(
      'solo.deferralLimitLeft',
      '402(g) left for the solo plan',
      deferralLimit - elsewhere,
      `the ${formatUsd(deferralLimit)} 402(g) limit less ${formatUsd(elsewhere)} deferred in other plans: one limit per person across all plans`,
      p.plan.electiveDeferralLimit.citation,
    ),
    catchUpLimit,
    catchUpLeft: figure(
      'solo.catchUpLeft',
      'Catch-up left for the solo plan',
      catchUpLimit.cents - cuElsewhere,
      `the catch-up limit less ${formatUsd(cuElsewhere)} of catch-ups in other plans: one limit per person across all plans`,
      'IRC 414(v)(2), 402(g)(1)(C)',
      [catchUpLimit.key],
    ),
    aggregation,
    tradeOff: {
      deductionGivenUp: figure(
        'solo.tradeOff.deductionGivenUp',
        'Deduction given up at the no-employer end',
        max.deduction.cents - none.deduction.cents,
        'deduction at the maximum-employer end − deduction with no employer contribution',
        'IRS Pub 560 Step 21; IRC 404(a)(8)',
        [max.deduction.key, none.deduction.key],
      ),
      extraTotalAtNoEmployerEnd: figure(
        'solo.tradeOff.extraTotalAtNoEmployerEnd',
        'Extra total at the no-employer end',
        none.total.cents - max.total.cents,
        'total in with no employer contribution − total in at the maximum-employer end (more when 100% of compensation binds)',
        'IRC 401(c)(2), 415(c)(1)(B)',
        [none.total.key, max.total.key],
      ),
      breakEven: solo.tradeOff.explanation,
    },
    scheduleSe: se?.scheduleSe ?? null,
    form8959: se?.form8959 ?? null,
    worksheet: se?.worksheet ?? null,
    findings: [],
  };
  return {
    ...report,
    findings: [
      ...built.findings,
      ...householdFindings(h, soloIndex),
      ...answerFindings(p, input, solo, max, none, h),
    ],
  };
}
