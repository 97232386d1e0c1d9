/**
 * A person's IRA year from the household scenario: the contribution limit (IRC 219(b)(1), (5),
 * 219(c)), active participation (IRC 219(g)(5)), MAGI (given or estimated from the scenario's
 * pay), whether a direct Roth IRA contribution is allowed (IRC 408A(c)(2), (3)), how much of a
 * traditional IRA contribution is deductible (IRC 219(g)), and the backdoor's Form 8606 with
 * and without a roll-in of the pre-tax IRA money (IRC 408(d)(2), 408(d)(3)(A)(ii), (H)).
 */
import { ageAtYearEnd } from '../rules/age.js';
import { inputError } from '../errors.js';
import { applyRate, type Cents } from '../money.js';
import { paramsFor, rate, usd } from '../params/index.js';
import type { HouseholdReport, PlanReport } from '../household/report.js';
import type { Person, Scenario } from '../scenario/schema.js';
import type { Iras } from '../scenario/iras.js';
import { backdoor, type Backdoor } from './backdoor.js';
import { deductionRange, rothRange, type ApplicableRange } from './ranges.js';
import { reducedLimit, type PhaseOutStatus } from './phase-out.js';

/** A plan of the person that could take a roll-in of pre-tax IRA money. */
export interface RollInPlan {
  readonly plan: string;
  readonly employer: string;
  /** `yes`: the plan says it accepts roll-ins; `ask`: unknown, a question for the administrator. */
  readonly accepts: 'yes' | 'ask';
  /** The plan's index in the scenario's `plans`. */
  readonly index: number;
}

export interface PersonIraYear {
  readonly person: string;
  readonly name: string;
  readonly index: number;
  readonly age: number;
  readonly iras: Iras;
  readonly magi: Cents;
  readonly magiGiven: boolean;
  readonly compensation: Cents;
  readonly dollarLimit: Cents;
  readonly catchUp: Cents;
  /** The 219(b)(1) limit: dollar limit plus catch-up, at most the compensation (219(c) on a joint return). */
  readonly limit: Cents;
  readonly activeParticipant: boolean;
  readonly activePlans: readonly string[];
  readonly spouseActiveParticipant: boolean;
  readonly roth: {
    readonly applicable: ApplicableRange;
    readonly status: PhaseOutStatus;
    /** The phase-out limit (Worksheet 2-2 line 8). */
    readonly reducedLimit: Cents;
    /** Allowed this year after the traditional IRA contribution (408A(c)(2)). */
    readonly allowed: Cents;
    readonly planned: Cents;
    readonly excess: Cents;
    readonly excessTax: Cents;
  };
  readonly deduction: {
    readonly applicable: ApplicableRange;
    readonly status: PhaseOutStatus;
    readonly limit: Cents;
    readonly deductible: Cents;
    readonly nondeductible: Cents;
  };
  /** The traditional contribution above the limit (an excess, IRC 4973(b)). */
  readonly traditionalExcess: Cents;
  readonly backdoor: Backdoor | null;
  readonly rollInPlans: readonly RollInPlan[];
  /** Plans of the person whose after-tax money reaches Roth only at separation. */
  readonly rothLitePlans: readonly PlanReport[];
}

const ROLL_IN_TYPES: ReadonlySet<PlanReport['type']> = new Set(['401k', '403b', 'solo-401k']);

/** Plans with contributions for the person this year make an active participant (219(g)(5)); a 457(b) plan does not. */
function activePlansOf(s: Scenario, r: HouseholdReport, personId: string): string[] {
  return r.plans
    .filter((p) => p.person === personId && p.type !== '457b')
    .filter((p) => {
      const cashBalance = s.plans.find((x) => x.id === p.id)?.cashBalance;
      return p.annualAdditions.cents > 0 || (cashBalance?.contribution ?? 0) > 0;
    })
    .map((p) => p.id);
}

/** Compensation for the IRA limit (IRC 219(f)(1)): wages, and earned income from self-employment. */
function compensationOf(s: Scenario, r: HouseholdReport, personId: string): Cents {
  let total = 0;
  for (const j of s.jobs.filter((x) => x.person === personId)) {
    if (j.type !== 'schedule-c') {
      total += j.wages ?? 0;
      continue;
    }
    const se = r.plans.find((p) => p.job === j.id && p.selfEmployment);
    const profit = se?.selfEmployment?.netProfit.cents ?? j.netProfit ?? 0;
    const less = se ? (se.selfEmployment?.halfSeTaxDeduction.cents ?? 0) + se.nonelective.cents : 0;
    total += Math.max(0, profit - less);
  }
  return total;
}

/**
 * AGI estimated from the scenario for the people on the return: wages and net profit, less
 * pre-tax deferrals and catch-ups, a self-employed owner's employer contribution and half of
 * SE tax (IRC 62(a)); other income is not in the scenario.
 */
function estimatedAgi(s: Scenario, r: HouseholdReport, people: readonly string[]): Cents {
  let agi = 0;
  for (const j of s.jobs.filter((x) => people.includes(x.person))) {
    const se = r.plans.find((p) => p.job === j.id && p.selfEmployment)?.selfEmployment;
    agi += j.type === 'schedule-c' ? (j.netProfit ?? se?.netProfit.cents ?? 0) : (j.wages ?? 0);
  }
  for (const p of r.plans.filter((x) => people.includes(x.person))) {
    agi -= p.deferralPreTax.cents + (p.catchUpType === 'pre-tax' ? p.catchUp.cents : 0);
    if (p.selfEmployment) agi -= p.nonelective.cents + p.selfEmployment.halfSeTaxDeduction.cents;
  }
  return Math.max(0, agi);
}

function rollInPlansOf(s: Scenario, r: HouseholdReport, personId: string): RollInPlan[] {
  const out: RollInPlan[] = [];
  for (const p of r.plans.filter((x) => x.person === personId)) {
    const sp = s.plans.find((x) => x.id === p.id);
    const eligible = ROLL_IN_TYPES.has(p.type) || (p.type === '457b' && p.governmental === true);
    if (!eligible || sp?.acceptsIraRollIns === false) continue;
    out.push({
      plan: p.id,
      employer: p.employer,
      accepts: sp?.acceptsIraRollIns === true ? 'yes' : 'ask',
      index: s.plans.findIndex((x) => x.id === p.id),
    });
  }
  return out;
}

const EMPTY: Iras = {
  traditional: 0,
  sep: 0,
  simple: 0,
  rollover: 0,
  basis: 0,
  contribution: 0,
  rothContribution: 0,
  livedWithSpouse: true,
};

/** The IRA year of every person in the scenario. */
export function iraYears(s: Scenario, r: HouseholdReport): PersonIraYear[] {
  const y = paramsFor(s.taxYear);
  const ira = y.ira;
  const joint = s.filingStatus === 'mfj';
  const ids = s.people.map((p) => p.id);
  const given = s.people.map((p) => p.iras?.modifiedAgi).filter((m) => m !== undefined);
  if (joint && new Set(given).size > 1) {
    const i = s.people.findIndex(
      (p) => p.iras?.modifiedAgi !== undefined && p.iras.modifiedAgi !== given[0],
    );
    throw inputError(
      `people[${String(i)}].iras.modifiedAgi`,
      'a joint return has one modified AGI: give the same figure for both spouses (or one)',
    );
  }
  const active = new Map(ids.map((id) => [id, activePlansOf(s, r, id)]));
  const comp = new Map(ids.map((id) => [id, compensationOf(s, r, id)]));
  const isActive = (id: string): boolean => (active.get(id)?.length ?? 0) > 0;

  return s.people.map((person: Person, index) => {
    const iras = person.iras ?? EMPTY;
    const spouse = s.people.find((p) => p.id !== person.id);
    const age = ageAtYearEnd(person.birthDate, s.taxYear);
    const dollarLimit = usd(y.plan.iraLimit);
    const catchUp = age >= y.plan.catchUpAge.value ? usd(y.plan.iraCatchUp) : 0;
    const ownComp = comp.get(person.id) ?? 0;
    // IRC 219(c)(1)(B): on a joint return the spouse's compensation less the spouse's own IRA contributions counts too.
    const spouseComp =
      joint && spouse
        ? Math.max(
            0,
            (comp.get(spouse.id) ?? 0) -
              (spouse.iras?.contribution ?? 0) -
              (spouse.iras?.rothContribution ?? 0),
          )
        : 0;
    const compensation = ownComp + spouseComp;
    const limit = Math.min(dollarLimit + catchUp, compensation);
    const magiGiven = joint ? given[0] : iras.modifiedAgi;
    const magi = magiGiven ?? estimatedAgi(s, r, s.filingStatus === 'mfs' ? [person.id] : ids);
    const livedWith = iras.livedWithSpouse;
    const multiple = usd(ira.reducedLimitMultiple);
    const minimum = usd(ira.reducedLimitMinimum);

    // Roth IRA (Pub 590-A Worksheet 2-2): the reduced limit, less the traditional contributions.
    const rApplicable = rothRange(ira, s.filingStatus, livedWith);
    const rReduced = rApplicable.range
      ? reducedLimit(limit, magi, rApplicable.range, multiple, minimum)
      : { allowed: limit, status: 'full' as const };
    const allowed = Math.max(0, Math.min(rReduced.allowed, limit - iras.contribution));
    const excess = Math.max(0, iras.rothContribution - allowed);

    // Traditional IRA deduction (Pub 590-A Worksheet 1-2).
    const activeParticipant = isActive(person.id);
    const spouseActive = spouse ? isActive(spouse.id) : false;
    const dApplicable = deductionRange(
      ira,
      s.filingStatus,
      livedWith,
      activeParticipant,
      spouseActive,
    );
    const dReduced = dApplicable.range
      ? reducedLimit(limit, magi, dApplicable.range, multiple, minimum)
      : { allowed: limit, status: 'full' as const };
    const traditionalIn = Math.min(iras.contribution, limit);
    const deductible = Math.min(traditionalIn, dReduced.allowed);

    const conversion = iras.conversion ?? iras.contribution;
    const rollInPlans = rollInPlansOf(s, r, person.id);
    return {
      person: person.id,
      name: person.name ?? person.id,
      index,
      age,
      iras,
      magi,
      magiGiven: magiGiven !== undefined,
      compensation,
      dollarLimit,
      catchUp,
      limit,
      activeParticipant,
      activePlans: active.get(person.id) ?? [],
      spouseActiveParticipant: spouseActive,
      roth: {
        applicable: rApplicable,
        status: rReduced.status,
        reducedLimit: rReduced.allowed,
        allowed,
        planned: iras.rothContribution,
        excess,
        excessTax: applyRate(excess, rate(ira.excessContributionRate)),
      },
      deduction: {
        applicable: dApplicable,
        status: dReduced.status,
        limit: dReduced.allowed,
        deductible,
        nondeductible: iras.contribution - deductible,
      },
      traditionalExcess: Math.max(0, iras.contribution - limit),
      backdoor:
        iras.contribution === 0 && conversion === 0
          ? null
          : backdoor({
              path: `people[${String(index)}].iras`,
              iras,
              conversion,
              deductible,
            }),
      rollInPlans,
      rothLitePlans: r.plans.filter(
        (p) => p.person === person.id && p.verdict.kind === 'roth-lite',
      ),
    };
  });
}
