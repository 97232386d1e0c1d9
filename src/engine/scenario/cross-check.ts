/**
 * The checks a schema cannot express: references between people, jobs, plans and employers,
 * the supported tax year, birth dates, fields that depend on a job's or plan's type, and one
 * solo 401(k) per business and person. They run on whatever parts of a scenario parsed (a
 * `Draft`), so a file with schema errors still gets these problems listed beside them.
 */
import type { InputIssue } from '../errors.js';
import { compareRates, ratePercent, type Rate } from '../money.js';
import { isSupportedYear, paramsFor, rate, SUPPORTED_YEARS } from '../params/index.js';
import type { Job, Person, Plan, Scenario } from './schema.js';

/**
 * The parts of a scenario that parsed: every field of a list element that passed its schema
 * (the element's other fields left out), and whether each list's ids are all known (a
 * reference to an unknown id is reported only when every id of the list is known).
 */
export interface Draft {
  readonly taxYear: number | undefined;
  readonly people: readonly Partial<Person>[];
  readonly jobs: readonly Partial<Job>[];
  readonly plans: readonly Partial<Plan>[];
  readonly controlledGroups: readonly (readonly string[])[];
  readonly allIds: { readonly people: boolean; readonly jobs: boolean };
}

/** A scenario that parsed completely, as a draft. */
export function draftOf(s: Scenario): Draft {
  return { ...s, allIds: { people: true, jobs: true } };
}

export interface CrossCheckOptions {
  /** Today's date (YYYY-MM-DD), to reject birth dates in the future. */
  readonly today?: string | undefined;
}

function duplicates(ids: readonly (string | undefined)[]): Set<string> {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const i of ids) if (i !== undefined) (seen.has(i) ? dup : seen).add(i);
  return dup;
}

const NO_RATE: Rate = { num: 0, den: 1 };

/** Every problem of the draft that a schema cannot see, each with its field path. */
export function crossCheck(s: Draft, opts: CrossCheckOptions = {}): InputIssue[] {
  const issues: InputIssue[] = [];
  const add = (path: string, message: string): void => {
    issues.push({ path, message });
  };
  const year = s.taxYear;
  const supported = year !== undefined && isSupportedYear(year);
  if (year !== undefined && !supported) {
    add(
      'taxYear',
      `tax year ${String(year)} is not supported; supported years: ${SUPPORTED_YEARS.join(', ')}`,
    );
  }

  const personIds = new Set(s.people.flatMap((p) => (p.id === undefined ? [] : [p.id])));
  const dupPeople = duplicates(s.people.map((p) => p.id));
  s.people.forEach((p, i) => {
    const at = `people[${String(i)}]`;
    if (p.id !== undefined && dupPeople.has(p.id))
      add(`${at}.id`, `"${p.id}" is used by more than one person`);
    if (p.birthDate === undefined) return;
    if (opts.today !== undefined && p.birthDate > opts.today) {
      add(`${at}.birthDate`, `${p.birthDate} is in the future (today is ${opts.today})`);
    } else if (year !== undefined && Number(p.birthDate.slice(0, 4)) > year) {
      add(`${at}.birthDate`, `${p.birthDate} is after the tax year ${String(year)}`);
    }
  });
  if (s.people.length > 2)
    add('people', 'a household has one or two people (a person and a spouse)');

  const jobsById = new Map(s.jobs.flatMap((j) => (j.id === undefined ? [] : [[j.id, j] as const])));
  const dupJobs = duplicates(s.jobs.map((j) => j.id));
  const businesses = new Set(
    s.jobs.flatMap((j) =>
      j.type !== undefined && j.type !== 'w2' && j.employer ? [j.employer] : [],
    ),
  );
  /** Every job's type and employer are known (needed to say an employer has no job). */
  const employersKnown =
    s.allIds.jobs && s.jobs.every((j) => j.type !== undefined && j.employer !== undefined);
  s.jobs.forEach((j, i) => {
    checkJob(j, `jobs[${String(i)}]`);
  });

  function checkJob(j: Partial<Job>, at: string): void {
    if (j.id !== undefined && dupJobs.has(j.id))
      add(`${at}.id`, `"${j.id}" is used by more than one job`);
    if (j.person !== undefined && s.allIds.people && !personIds.has(j.person)) {
      add(`${at}.person`, `no person with id "${j.person}" (people: ${[...personIds].join(', ')})`);
    }
    if (j.type === 'schedule-c') {
      if (j.netProfit === undefined && j.profitBeforePayroll === undefined)
        add(`${at}.netProfit`, 'required for a schedule-c job (or profitBeforePayroll)');
      if (j.netProfit !== undefined && j.profitBeforePayroll !== undefined)
        add(
          `${at}.profitBeforePayroll`,
          'give netProfit (after the payroll) or profitBeforePayroll (before it), not both',
        );
      if (j.wages !== undefined)
        add(`${at}.wages`, 'a schedule-c job has net profit, not wages; use netProfit');
      if (j.priorYearFicaWages !== undefined) {
        add(`${at}.priorYearFicaWages`, 'a sole proprietor has no FICA wages; remove this field');
      }
    } else if (j.type !== undefined) {
      if (j.wages === undefined) add(`${at}.wages`, `required for a ${j.type} job (gross W-2 pay)`);
      if (j.netProfit !== undefined)
        add(`${at}.netProfit`, `a ${j.type} job has wages, not net profit`);
      if (j.profitBeforePayroll !== undefined)
        add(`${at}.profitBeforePayroll`, 'only for a schedule-c job');
      if (
        j.socialSecurityWages !== undefined &&
        j.wages !== undefined &&
        j.socialSecurityWages > j.wages
      ) {
        add(`${at}.socialSecurityWages`, 'must not be more than wages');
      }
    }
  }

  if (employersKnown) {
    const employers = new Set(s.jobs.map((j) => j.employer));
    s.controlledGroups.forEach((g, gi) => {
      g.forEach((e, ei) => {
        if (!employers.has(e)) {
          add(`controlledGroups[${String(gi)}][${String(ei)}]`, `no job has employer "${e}"`);
        }
      });
    });
  }

  const dupPlans = duplicates(s.plans.map((p) => p.id));
  /** The first solo 401(k) of each person at each business: `person employer` → plan index. */
  const soloAt = new Map<string, number>();
  s.plans.forEach((p, i) => {
    const at = `plans[${String(i)}]`;
    if (p.id !== undefined && dupPlans.has(p.id))
      add(`${at}.id`, `"${p.id}" is used by more than one plan`);
    const j = p.job === undefined ? undefined : jobsById.get(p.job);
    if (p.job !== undefined && !j && s.allIds.jobs) {
      add(
        `${at}.job`,
        `no job with id "${p.job}" (jobs: ${[...jobsById.keys()].join(', ') || 'none'})`,
      );
    } else if (j && p.type === 'solo-401k') {
      if (
        j.type === 'w2' &&
        j.employer !== undefined &&
        employersKnown &&
        !businesses.has(j.employer)
      ) {
        add(
          `${at}.job`,
          `a solo-401k must belong to a schedule-c or s-corp job, or to a W-2 job at a household member's business; "${j.id ?? ''}" is a W-2 job at "${j.employer}"`,
        );
      }
      oneSoloPerBusiness(p, j, i, at);
    } else if (j && p.type !== undefined && j.type === 'schedule-c') {
      add(
        `${at}.type`,
        `a ${p.type} cannot cover self-employment income of job "${j.id ?? ''}"; use solo-401k`,
      );
    }
    checkPlanFields(p, at);
    if (p.type === '457b') check457(p, j, at);
    else {
      if (p.governmental !== undefined) add(`${at}.governmental`, 'only for 457b plans');
      if (p.specialCatchUp !== undefined) add(`${at}.specialCatchUp`, 'only for 457b plans');
    }
  });

  /**
   * A 457(b) plan: of a state or local government or a tax-exempt organization (IRC 457(e)(1)),
   * so of a W-2 job; no after-tax contributions; designated Roth only in a governmental plan
   * (IRC 402A(e)(1)(C)); employer money counts toward its one limit and is not modelled.
   */
  function check457(p: Partial<Plan>, j: Partial<Job> | undefined, at: string): void {
    if (p.governmental === undefined) {
      add(
        `${at}.governmental`,
        'required for a 457b plan: true for a state or local government, false for a tax-exempt organization (IRC 457(e)(1))',
      );
    }
    if (j?.type !== undefined && j.type !== 'w2') {
      add(
        `${at}.job`,
        `a 457(b) plan is sponsored by a state or local government or a tax-exempt organization (IRC 457(e)(1)), whose pay is W-2 wages; "${j.id ?? ''}" is a ${j.type} job`,
      );
    }
    if (p.afterTax?.allowed === true) {
      add(`${at}.afterTax.allowed`, 'a 457(b) plan takes no after-tax employee contributions');
    }
    const employerMoney =
      (p.match?.length ?? 0) > 0 ||
      (p.nonelectivePercent !== undefined && p.nonelectivePercent.num > 0) ||
      p.nonelectiveAmount !== undefined ||
      p.matchCapAmount !== undefined;
    if (employerMoney) {
      add(
        at,
        'employer money in a 457(b) plan counts toward its one deferral limit (IRC 457(b)(2)) and is not modelled: leave out match and nonelective, and count the employer money in the deferral amount',
      );
    }
    if (p.governmental === false) {
      (p.deferrals ?? []).forEach((d, di) => {
        if (d.type === 'roth') {
          add(
            `${at}.deferrals[${String(di)}].type`,
            'designated Roth deferrals are allowed only in a governmental 457(b) plan (IRC 402A(e)(1)(C))',
          );
        }
      });
    }
  }

  /**
   * One solo 401(k) per business and person: the plans of one business share one 415(c) limit
   * and one deduction limit, and a self-employed owner's compensation is net of the
   * contributions to all of them, so the engine settles the owner in one plan.
   */
  function oneSoloPerBusiness(p: Partial<Plan>, j: Partial<Job>, i: number, at: string): void {
    if (j.person === undefined || j.employer === undefined) return;
    const key = `${j.person}\u0000${j.employer}`;
    const first = soloAt.get(key);
    if (first === undefined) {
      soloAt.set(key, i);
      return;
    }
    const firstId = s.plans[first]?.id ?? '';
    add(
      `${at}.job`,
      `${p.id ?? 'this plan'} is a second solo 401(k) of ${j.employer} for ${j.person} (the first is plans[${String(first)}], "${firstId}"): the plans of one business share one 415(c) limit (IRC 415(c)(1)) and one deduction limit (IRC 404(a)(3)(A)(iv)), and a self-employed owner's compensation is net of the contributions to all of them (IRC 401(c)(2)); megaroth settles one solo 401(k) per business and person: put the elections of both into one plan`,
    );
  }

  function checkPlanFields(p: Partial<Plan>, at: string): void {
    if (p.type !== undefined && p.type !== 'solo-401k') {
      if (p.employerContribution !== undefined) {
        add(
          `${at}.employerContribution`,
          'only for solo-401k plans; use match and nonelectivePercent',
        );
      }
      if (p.planRate !== undefined) add(`${at}.planRate`, 'only for solo-401k plans');
      if (p.cashBalance !== undefined) add(`${at}.cashBalance`, 'only for solo-401k plans');
    } else if (
      p.type === 'solo-401k' &&
      p.planRate !== undefined &&
      year !== undefined &&
      supported
    ) {
      const maxRate = paramsFor(year).plan.profitSharingDeductionRate;
      if (compareRates(p.planRate, rate(maxRate)) > 0) {
        add(
          `${at}.planRate`,
          `must be at most ${String(ratePercent(rate(maxRate)))} for a profit-sharing plan (${maxRate.citation})`,
        );
      }
    }
    let prev = NO_RATE;
    (p.match ?? []).forEach((t, ti) => {
      if (compareRates(t.upToPercent, prev) <= 0) {
        add(
          `${at}.match[${String(ti)}].upToPercent`,
          `tiers are cumulative: must be more than the previous tier's ${String(ratePercent(prev))}`,
        );
      }
      prev = t.upToPercent;
    });
    const cb = p.cashBalance;
    if (cb?.maximumDeductible !== undefined && cb.minimumRequired > cb.maximumDeductible) {
      add(`${at}.cashBalance.minimumRequired`, 'must not be more than maximumDeductible');
    }
    (p.deferrals ?? []).forEach((d, di) => {
      if (d.type === 'roth' && p.rothDeferralsAllowed === false) {
        add(
          `${at}.deferrals[${String(di)}].type`,
          'the plan does not allow Roth deferrals (rothDeferralsAllowed: false)',
        );
      }
    });
    const a = p.afterTax;
    if (a && !a.allowed && a.amount !== undefined && a.amount !== 0) {
      add(
        `${at}.afterTax.amount`,
        'the plan does not allow after-tax contributions (afterTax.allowed: false)',
      );
    }
  }
  return issues;
}
