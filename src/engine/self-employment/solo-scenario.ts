/**
 * The one-person household behind `megaroth solo`: the business (Schedule C or S-corp) with its
 * solo 401(k), and the W-2 jobs that carry what the other plans used this year — a 403(b) with
 * its annual additions when the person controls the business (aggregated for 415(c), Treas.
 * Reg. 1.415(f)-1(f)(2)) and a 401(k) elsewhere with the rest of the deferrals and catch-ups
 * (402(g)(1), 414(v)(2)). The household engine then settles the year as `megaroth plan` does.
 *
 * W-2 wages: Schedule SE line 8a takes the Social Security wages (box 3); Form 8959 the Medicare
 * wages (box 5), which include everything in box 3. Deferrals come out of pay and a 403(b)'s
 * annual additions are at most 100% of its employer's compensation (IRC 415(c)(1)(B)), so when
 * the Medicare wages are not given they are taken as at least what the other plans hold, and
 * the report says so.
 */
import { inputError } from '../errors.js';
import type { Finding } from '../report/model.js';
import {
  formatUsd,
  MAX_AMOUNT,
  maxAmountMessage,
  PERCENT_PLACES,
  percentToRate,
  toDollars,
  type Cents,
} from '../money.js';
import { paramsFor, usd } from '../params/index.js';
import { catchUpLimit } from '../rules/catch-up.js';
import type { Scenario, ScenarioInput } from '../scenario/schema.js';
import { parseScenario } from '../scenario/validate.js';
import type { FilingStatus } from '../tax/filing-status.js';
import { checkAge } from './catch-up-limit.js';
import { checkPlanRate } from './pub560-deduction-worksheet.js';
import { checkRateRounding, type RateRounding } from './pub560-rate.js';

export type SoloBusiness =
  | { readonly kind: 'self-employed'; readonly netProfit: Cents }
  | {
      readonly kind: 's-corp';
      /** W-2 wages from the corporation (including deferrals). */
      readonly wages: Cents;
      /** Last year's FICA wages from the corporation (W-2 box 3), for the Roth catch-up rule. */
      readonly priorYearFicaWages?: Cents;
    };

export interface SoloInput {
  readonly year: number;
  readonly business: SoloBusiness;
  /** W-2 box 3 wages from other jobs (Schedule SE line 8a). */
  readonly w2SocialSecurityWages: Cents;
  /** W-2 box 5 wages from other jobs (Form 8959 line 1); default: box 3, raised to what the plans need. */
  readonly w2MedicareWages?: Cents;
  /** 402(g) used by deferrals in other plans this year (not catch-ups). */
  readonly deferralsElsewhere: Cents;
  /** Catch-ups already made in other plans this year. */
  readonly catchUpElsewhere: Cents;
  /** A 403(b) of the person, aggregated with the solo plan (the person controls the business). */
  readonly aggregated403b?: {
    /** Annual additions: deferrals (not catch-ups) + employer money. */
    readonly annualAdditions: Cents;
    /** Compensation from the 403(b)'s employer; default the W-2 Medicare wages. */
    readonly compensation?: Cents;
  };
  /** Age on December 31. */
  readonly age: number;
  /** The solo plan's deferrals and catch-ups are designated Roth. */
  readonly rothDeferrals: boolean;
  /** The plan's profit-sharing rate in percent; default the 404(a)(3)(A) limit of the year. */
  readonly planRatePercent?: number;
  readonly rateRounding: RateRounding;
  readonly filingStatus: FilingStatus;
}

/** Ids in the built scenario. */
export const SOLO_IDS = {
  person: 'you',
  business: 'business',
  soloPlan: 'solo',
  job403b: 'job-403b',
  plan403b: '403b',
  otherJob: 'w2',
  otherPlan: 'w2-401k',
} as const;

export interface SoloScenario {
  readonly scenario: Scenario;
  /** What was assumed where the flags said nothing (paths are SoloInput fields). */
  readonly findings: readonly Finding[];
}

function amount(field: string, c: Cents | undefined): void {
  if (c === undefined) return;
  if (!Number.isSafeInteger(c) || c < 0) {
    throw inputError(field, 'must be a non-negative whole number of cents');
  }
  if (c > MAX_AMOUNT) throw inputError(field, maxAmountMessage());
}

/** Checks the input and builds the household; throws an InputError naming SoloInput fields. */
export function soloScenario(input: SoloInput): SoloScenario {
  const p = paramsFor(input.year, 'year');
  checkAge(input.age);
  if (input.planRatePercent !== undefined) {
    const planRate = percentToRate(input.planRatePercent);
    if (planRate === undefined) {
      throw inputError(
        'planRate',
        `must be a percent with at most ${String(PERCENT_PLACES)} decimals, got ${String(input.planRatePercent)}`,
      );
    }
    checkPlanRate(p, planRate, 'planRate');
  }
  checkRateRounding(input.rateRounding);
  const b = input.business;
  if (b.kind === 'self-employed') amount('business.netProfit', b.netProfit);
  else {
    amount('business.wages', b.wages);
    amount('business.priorYearFicaWages', b.priorYearFicaWages);
  }
  amount('w2SocialSecurityWages', input.w2SocialSecurityWages);
  amount('w2MedicareWages', input.w2MedicareWages);
  amount('deferralsElsewhere', input.deferralsElsewhere);
  amount('catchUpElsewhere', input.catchUpElsewhere);
  amount('aggregated403b.annualAdditions', input.aggregated403b?.annualAdditions);
  amount('aggregated403b.compensation', input.aggregated403b?.compensation);

  const S = input.w2SocialSecurityWages;
  const Mx = input.w2MedicareWages;
  if (Mx !== undefined && Mx < S) {
    throw inputError(
      'w2MedicareWages',
      `${formatUsd(Mx)} is less than the ${formatUsd(S)} of Social Security wages: Medicare wages (W-2 box 5) include everything in box 3, which alone stops at the wage base`,
    );
  }
  const limit402g = usd(p.plan.electiveDeferralLimit);
  const D = input.deferralsElsewhere;
  if (D > limit402g) {
    throw inputError(
      'deferralsElsewhere',
      `${formatUsd(D)} is more than the ${formatUsd(limit402g)} 402(g) limit for ${String(p.year)}; count catch-ups separately, and an amount above the limit is an excess deferral to correct`,
    );
  }
  const K = input.catchUpElsewhere;
  const cu = catchUpLimit(p, input.age);
  if (K > cu.cents) {
    throw inputError(
      'catchUpElsewhere',
      `${formatUsd(K)} is more than the ${formatUsd(cu.cents)} catch-up limit: ${cu.why} (${cu.citation})`,
    );
  }
  if (K > 0 && D < limit402g) {
    throw inputError(
      'catchUpElsewhere',
      `a catch-up is a deferral above the ${formatUsd(limit402g)} 402(g) limit (IRC 414(v)(2), 402(g)(1)(C)), and the deferrals elsewhere are below it: count the amount as deferrals elsewhere (catch-ups under a plan's own lower limit are not modelled)`,
    );
  }

  const findings: Finding[] = [];
  const A = input.aggregated403b?.annualAdditions ?? 0;
  const dollarLimit = usd(p.plan.annualAdditionsLimit);
  if (A > dollarLimit) {
    throw inputError(
      'aggregated403b.annualAdditions',
      `${formatUsd(A)} is more than the ${formatUsd(dollarLimit)} 415(c) limit of the 403(b) itself (${p.plan.annualAdditionsLimit.citation})`,
    );
  }
  if (input.aggregated403b?.compensation !== undefined && A === 0) {
    throw inputError(
      'aggregated403b.compensation',
      'applies only to a 403(b) with annual additions',
    );
  }
  // The 403(b) holds its additions: deferrals first (and the catch-ups, when they are all there),
  // the rest is its employer's money. Deferrals beyond it were made in a 401(k) elsewhere.
  const d403 = Math.min(D, A);
  const e403 = A - d403;
  const k403 = A > 0 && d403 === D ? K : 0;
  const need403 = Math.max(A, d403 + k403);
  const givenC = input.aggregated403b?.compensation;
  if (givenC !== undefined && givenC < need403) {
    throw inputError(
      'aggregated403b.compensation',
      `${formatUsd(givenC)} is less than the ${formatUsd(need403)} the 403(b) holds: its annual additions are at most 100% of its employer's compensation (IRC 415(c)(1)(B)) and its deferrals come out of pay`,
    );
  }
  const defaultC = Mx ?? S;
  const C = A === 0 ? 0 : (givenC ?? Math.max(defaultC, need403));
  if (A > 0 && givenC === undefined && C > defaultC) {
    findings.push({
      severity: 'info',
      path: 'aggregated403b.compensation',
      message: `the 403(b) employer's compensation was not given: taken as ${formatUsd(C)}, what the 403(b) holds (its additions are at most 100% of that compensation, IRC 415(c)(1)(B))`,
      fix: "give the 403(b) employer's compensation for the combined limit",
    });
  }
  const needOther = D - d403 + (K - k403);
  if (Mx !== undefined && Mx < C + needOther) {
    throw inputError(
      'w2MedicareWages',
      `${formatUsd(Mx)} is less than the ${formatUsd(C + needOther)} the other plans need: the 403(b) employer's compensation plus the deferrals and catch-ups made from other pay`,
    );
  }
  const M = Mx ?? Math.max(S, C + needOther);
  if (Mx === undefined && M > S) {
    findings.push({
      severity: 'info',
      path: 'w2MedicareWages',
      message: `W-2 Medicare wages (box 5) were not given: taken as ${formatUsd(M)}, at least the pay the other plans' deferrals and additions come from (Form 8959 uses them)`,
      fix: 'give the W-2 box 5 wages of the other jobs',
    });
  }
  const ss403 = Math.min(S, C);
  const otherWages = M - C;
  const otherSs = S - ss403;
  const $ = toDollars;
  const { person, business, soloPlan, job403b, plan403b, otherJob, otherPlan } = SOLO_IDS;

  const jobs: NonNullable<ScenarioInput['jobs']>[number][] = [];
  const plans: NonNullable<ScenarioInput['plans']>[number][] = [];
  if (A > 0) {
    jobs.push({
      id: job403b,
      person,
      employer: '403(b) employer',
      type: 'w2',
      wages: $(C),
      socialSecurityWages: $(ss403),
    });
    plans.push({
      id: plan403b,
      job: job403b,
      type: '403b',
      deferrals: d403 + k403 > 0 ? [{ type: 'pre-tax', amount: $(d403 + k403) }] : [],
      ...(e403 > 0 ? { nonelectiveAmount: $(e403) } : {}),
    });
  }
  if (otherWages > 0 || otherSs > 0) {
    jobs.push({
      id: otherJob,
      person,
      employer: 'other employers',
      type: 'w2',
      wages: $(otherWages),
      socialSecurityWages: $(otherSs),
    });
    if (needOther > 0) {
      plans.push({
        id: otherPlan,
        job: otherJob,
        type: '401k',
        deferrals: [{ type: 'pre-tax', amount: $(needOther) }],
      });
    }
  }
  jobs.push(
    b.kind === 'self-employed'
      ? {
          id: business,
          person,
          employer: 'your business',
          type: 'schedule-c',
          netProfit: $(b.netProfit),
        }
      : {
          id: business,
          person,
          employer: 'your business',
          type: 's-corp',
          wages: $(b.wages),
          ...(b.priorYearFicaWages === undefined
            ? {}
            : { priorYearFicaWages: $(b.priorYearFicaWages) }),
        },
  );
  plans.push({
    id: soloPlan,
    job: business,
    type: 'solo-401k',
    deferrals: [{ type: input.rothDeferrals ? 'roth' : 'pre-tax', amount: 'max' }],
    ...(input.planRatePercent === undefined ? {} : { planRate: input.planRatePercent }),
    employerContribution: 'max',
    afterTax: { allowed: true, amount: 'max' },
    inPlanConversion: 'on-request',
  });
  const scenario = parseScenario({
    version: 1,
    name: 'megaroth solo',
    taxYear: input.year,
    filingStatus: input.filingStatus,
    people: [{ id: person, birthDate: `${String(input.year - input.age)}-01-01` }],
    jobs,
    plans,
  } satisfies ScenarioInput);
  return { scenario, findings };
}
