/**
 * Reads a scenario: checks its version (older versions are migrated), validates it with zod,
 * then checks what a schema cannot (references between people, jobs, plans and employers,
 * supported tax year, birth dates). Every problem found is reported at once, each with its
 * field path.
 */
import type { $ZodIssue } from 'zod/v4/core';
import { InputError, formatPath, type InputIssue } from '../errors.js';
import { isSupportedYear, paramsFor, SUPPORTED_YEARS } from '../params/index.js';
import { SCENARIO_VERSION, scenario as scenarioSchema, type Scenario } from './schema.js';

export interface ParseOptions {
  /** Today's date (YYYY-MM-DD), to reject birth dates in the future. */
  readonly today?: string;
  /** Replaces the scenario's `taxYear` before validation (the CLI's `--year`). */
  readonly taxYear?: number;
}

/** Migrations from older scenario versions to the next one, keyed by the old version. */
const MIGRATIONS: Readonly<
  Record<number, (raw: Record<string, unknown>) => Record<string, unknown>>
> = {};

function describeIssue(issue: $ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')} (check the spelling)`;
  }
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'required';
  return issue.message;
}

function zodIssues(issues: readonly $ZodIssue[]): InputIssue[] {
  return issues.map((i) => ({ path: formatPath(i.path), message: describeIssue(i) }));
}

function migrate(raw: Record<string, unknown>): Record<string, unknown> {
  let doc = raw;
  let v = doc['version'];
  while (typeof v === 'number' && v < SCENARIO_VERSION) {
    const step = MIGRATIONS[v];
    if (!step) break;
    doc = step(doc);
    v = doc['version'];
  }
  return doc;
}

/** Parses and validates a scenario; throws InputError listing every problem. */
export function parseScenario(raw: unknown, opts: ParseOptions = {}): Scenario {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new InputError([
      { path: '', message: 'a scenario must be a mapping of fields (YAML or JSON object)' },
    ]);
  }
  const migrated = migrate(raw as Record<string, unknown>);
  const doc = opts.taxYear === undefined ? migrated : { ...migrated, taxYear: opts.taxYear };
  if (doc['version'] === undefined) {
    throw new InputError([
      {
        path: 'version',
        message: `required; the current scenario version is ${String(SCENARIO_VERSION)}`,
      },
    ]);
  }
  const parsed = scenarioSchema.safeParse(doc, { reportInput: true });
  if (!parsed.success) throw new InputError(zodIssues(parsed.error.issues));
  const issues = crossCheck(parsed.data, opts);
  if (issues.length > 0) throw new InputError(issues);
  return parsed.data;
}

function duplicates(ids: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const i of ids) (seen.has(i) ? dup : seen).add(i);
  return dup;
}

/** Checks references and facts a schema cannot express. */
function crossCheck(s: Scenario, opts: ParseOptions): InputIssue[] {
  const issues: InputIssue[] = [];
  const add = (path: string, message: string): void => {
    issues.push({ path, message });
  };

  if (!isSupportedYear(s.taxYear)) {
    add(
      'taxYear',
      `tax year ${String(s.taxYear)} is not supported; supported years: ${SUPPORTED_YEARS.join(', ')}`,
    );
  }

  const personIds = new Set(s.people.map((p) => p.id));
  const dupPeople = duplicates(s.people.map((p) => p.id));
  s.people.forEach((p, i) => {
    if (dupPeople.has(p.id))
      add(`people[${String(i)}].id`, `"${p.id}" is used by more than one person`);
    if (opts.today !== undefined && p.birthDate > opts.today) {
      add(
        `people[${String(i)}].birthDate`,
        `${p.birthDate} is in the future (today is ${opts.today})`,
      );
    } else if (Number(p.birthDate.slice(0, 4)) > s.taxYear) {
      add(
        `people[${String(i)}].birthDate`,
        `${p.birthDate} is after the tax year ${String(s.taxYear)}`,
      );
    }
  });
  if (s.people.length > 2)
    add('people', 'a household has one or two people (a person and a spouse)');

  const jobsById = new Map(s.jobs.map((j) => [j.id, j]));
  const dupJobs = duplicates(s.jobs.map((j) => j.id));
  const businesses = new Set(s.jobs.filter((j) => j.type !== 'w2').map((j) => j.employer));
  s.jobs.forEach((j, i) => {
    const at = `jobs[${String(i)}]`;
    if (dupJobs.has(j.id)) add(`${at}.id`, `"${j.id}" is used by more than one job`);
    if (!personIds.has(j.person)) {
      add(`${at}.person`, `no person with id "${j.person}" (people: ${[...personIds].join(', ')})`);
    }
    if (j.type === 'schedule-c') {
      if (j.netProfit === undefined) add(`${at}.netProfit`, 'required for a schedule-c job');
      if (j.wages !== undefined)
        add(`${at}.wages`, 'a schedule-c job has net profit, not wages; use netProfit');
      if (j.priorYearFicaWages !== undefined) {
        add(`${at}.priorYearFicaWages`, 'a sole proprietor has no FICA wages; remove this field');
      }
    } else {
      if (j.wages === undefined) add(`${at}.wages`, `required for a ${j.type} job (gross W-2 pay)`);
      if (j.netProfit !== undefined)
        add(`${at}.netProfit`, `a ${j.type} job has wages, not net profit`);
      if (
        j.socialSecurityWages !== undefined &&
        j.wages !== undefined &&
        j.socialSecurityWages > j.wages
      ) {
        add(`${at}.socialSecurityWages`, 'must not be more than wages');
      }
    }
    if (j.type === 'w2' && j.ownershipPercent !== undefined) {
      add(`${at}.ownershipPercent`, 'only for schedule-c or s-corp jobs (owners of the business)');
    }
  });

  const employers = new Set(s.jobs.map((j) => j.employer));
  s.controlledGroups.forEach((g, gi) => {
    g.forEach((e, ei) => {
      if (!employers.has(e)) {
        add(`controlledGroups[${String(gi)}][${String(ei)}]`, `no job has employer "${e}"`);
      }
    });
  });

  const dupPlans = duplicates(s.plans.map((p) => p.id));
  s.plans.forEach((p, i) => {
    const at = `plans[${String(i)}]`;
    if (dupPlans.has(p.id)) add(`${at}.id`, `"${p.id}" is used by more than one plan`);
    const j = jobsById.get(p.job);
    if (!j) {
      add(
        `${at}.job`,
        `no job with id "${p.job}" (jobs: ${[...jobsById.keys()].join(', ') || 'none'})`,
      );
    } else if (p.type === 'solo-401k') {
      if (j.type === 'w2' && !businesses.has(j.employer)) {
        add(
          `${at}.job`,
          `a solo-401k must belong to a schedule-c or s-corp job, or to a W-2 job at a household member's business; "${j.id}" is a W-2 job at "${j.employer}"`,
        );
      }
    } else if (j.type === 'schedule-c') {
      add(
        `${at}.type`,
        `a ${p.type} cannot cover self-employment income of job "${j.id}"; use solo-401k`,
      );
    }
    if (p.type !== 'solo-401k') {
      if (p.employerContribution !== undefined) {
        add(
          `${at}.employerContribution`,
          'only for solo-401k plans; use match and nonelectivePercent',
        );
      }
      if (p.planRate !== undefined) add(`${at}.planRate`, 'only for solo-401k plans');
      if (p.cashBalance !== undefined) add(`${at}.cashBalance`, 'only for solo-401k plans');
    } else if (p.planRate !== undefined && isSupportedYear(s.taxYear)) {
      const maxRate = paramsFor(s.taxYear).plan.profitSharingDeductionRate;
      if (p.planRate > maxRate.value * 100) {
        add(
          `${at}.planRate`,
          `must be at most ${String(maxRate.value * 100)} for a profit-sharing plan (${maxRate.citation})`,
        );
      }
    }
    let prev = 0;
    p.match.forEach((t, ti) => {
      if (t.upToPercent <= prev) {
        add(
          `${at}.match[${String(ti)}].upToPercent`,
          `tiers are cumulative: must be more than the previous tier's ${String(prev)}`,
        );
      }
      prev = t.upToPercent;
    });
    const cb = p.cashBalance;
    if (cb?.maximumDeductible !== undefined && cb.minimumRequired > cb.maximumDeductible) {
      add(`${at}.cashBalance.minimumRequired`, 'must not be more than maximumDeductible');
    }
    p.deferrals.forEach((d, di) => {
      if (d.type === 'roth' && !p.rothDeferralsAllowed) {
        add(
          `${at}.deferrals[${String(di)}].type`,
          'the plan does not allow Roth deferrals (rothDeferralsAllowed: false)',
        );
      }
    });
    if (!p.afterTax.allowed && p.afterTax.amount !== undefined && p.afterTax.amount !== 0) {
      add(
        `${at}.afterTax.amount`,
        'the plan does not allow after-tax contributions (afterTax.allowed: false)',
      );
    }
  });
  return issues;
}
