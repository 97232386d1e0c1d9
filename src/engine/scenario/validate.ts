/**
 * Reads a scenario: checks that it is a mapping with a version it can read (older versions are
 * migrated), validates it with zod (dollars become cents, percents exact rates), then checks
 * what a schema cannot (`cross-check.ts`). Every problem found is reported at once, each with
 * its field path: the cross-checks also run when the schema finds problems, on the parts that
 * parsed, and a value of the wrong type is reported with what was found.
 */
import type { ZodType } from 'zod';
import type { $ZodIssue } from 'zod/v4/core';
import { InputError, formatPath, type InputIssue } from '../errors.js';
import { crossCheck, draftOf, type Draft } from './cross-check.js';
import {
  SCENARIO_VERSION,
  job as jobSchema,
  person as personSchema,
  plan as planSchema,
  scenario as scenarioSchema,
  type Scenario,
} from './schema.js';

export interface ParseOptions {
  /** Today's date (YYYY-MM-DD), to reject birth dates in the future. */
  readonly today?: string;
  /** Replaces the scenario's `taxYear` before validation (the CLI's `--year`). */
  readonly taxYear?: number;
  /**
   * What the scenario was read from (a file name): the path of a problem with the whole of it,
   * such as an empty file or a list; default none.
   */
  readonly source?: string;
}

/** Migrations from older scenario versions to the next one, keyed by the old version. */
const MIGRATIONS: Readonly<
  Record<number, (raw: Record<string, unknown>) => Record<string, unknown>>
> = {};

const FIELDS = 'version: 1, taxYear, filingStatus, people, jobs, plans';

/** What a type zod names is called in a message (for schemas without their own message). */
const EXPECTED: Readonly<Record<string, string>> = {
  array: 'a list',
  object: 'a mapping of fields',
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
};

/** How a value found in the file is named in a message. */
function found(v: unknown, typed: boolean): string {
  if (v === null) return 'an empty value';
  if (typeof v === 'string') {
    if (v === '') return 'empty text';
    return `the text ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`;
  }
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return '.nan (not a number)';
    if (!Number.isFinite(v)) return v > 0 ? '.inf (infinity)' : '-.inf (minus infinity)';
    return typed ? `the number ${String(v)}` : String(v);
  }
  if (typeof v === 'boolean') return `${String(v)} (a yes/no value)`;
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping of fields';
  return typeof v;
}

function describeIssue(issue: $ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')} (check the spelling)`;
  }
  const input = issue.input;
  const message =
    issue.code === 'invalid_type' && issue.message.startsWith('Invalid input')
      ? `expected ${EXPECTED[issue.expected] ?? issue.expected}`
      : issue.message;
  const typeProblem =
    issue.code === 'invalid_type' ||
    issue.code === 'invalid_union' ||
    issue.code === 'invalid_value';
  if (input === undefined) {
    if (typeProblem && formatPath(issue.path) === 'version') {
      return `required; the current scenario version is ${String(SCENARIO_VERSION)}`;
    }
    return typeProblem ? 'required' : message;
  }
  // a list or mapping that is too short or too long is named by the message alone
  if (!typeProblem && typeof input === 'object' && input !== null) return message;
  return `${message}, got ${found(input, typeProblem)}`;
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

/**
 * What makes the whole document unreadable as a scenario (empty, a list, a scalar, a newer
 * version), or undefined; `source` names the document.
 */
function wholeProblem(raw: unknown, source: string): InputIssue | undefined {
  const mapping = `a scenario is a mapping of fields (${FIELDS}, …)`;
  if (raw === null || raw === undefined) {
    return { path: source, message: `nothing in it: ${mapping}` };
  }
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { path: source, message: `${found(raw, true)}, not a scenario: ${mapping}` };
  }
  const v = (raw as Record<string, unknown>)['version'];
  if (typeof v === 'number' && v > SCENARIO_VERSION) {
    return {
      path: 'version',
      message: `${String(v)} is newer than this megaroth reads (version ${String(SCENARIO_VERSION)} and older)`,
    };
  }
  return undefined;
}

/** Parses and validates a scenario; throws InputError listing every problem. */
export function parseScenario(raw: unknown, opts: ParseOptions = {}): Scenario {
  const whole = wholeProblem(raw, opts.source ?? '');
  if (whole !== undefined) throw new InputError([whole]);
  const migrated = migrate(raw as Record<string, unknown>);
  const doc = opts.taxYear === undefined ? migrated : { ...migrated, taxYear: opts.taxYear };
  const cross = { today: opts.today };
  const parsed = scenarioSchema.safeParse(doc, { reportInput: true });
  if (parsed.success) {
    const issues = crossCheck(draftOf(parsed.data), cross);
    if (issues.length > 0) throw new InputError(issues);
    return parsed.data;
  }
  const schemaIssues = zodIssues(parsed.error.issues);
  const reported = schemaIssues.map((i) => i.path);
  const more = crossCheck(salvage(doc), cross).filter(
    (i) => !reported.some((r) => within(i.path, r) || within(r, i.path)),
  );
  throw new InputError([...schemaIssues, ...more]);
}

/** True when `path` is `outer` or a field inside it. */
function within(path: string, outer: string): boolean {
  return (
    outer === '' || path === outer || path.startsWith(`${outer}.`) || path.startsWith(`${outer}[`)
  );
}

/** The fields of `raw` that pass their own schema (defaults filled in), the others left out. */
function fieldsOf<T extends object>(
  shape: Readonly<Record<string, ZodType>>,
  raw: unknown,
): Partial<T> {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return {};
  const src = raw as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(shape)) {
    const r = shape[key]?.safeParse(src[key]);
    if (r?.success && r.data !== undefined) out[key] = r.data;
  }
  return out as Partial<T>;
}

/** The parts of a document that failed the schema which parse on their own. */
function salvage(doc: Record<string, unknown>): Draft {
  const shape = scenarioSchema.shape;
  const list = <T extends object>(
    key: 'people' | 'jobs' | 'plans',
    element: { readonly shape: Readonly<Record<string, ZodType>> },
  ): { items: Partial<T>[]; allIds: boolean } => {
    const raw = doc[key];
    if (!Array.isArray(raw)) return { items: [], allIds: raw === undefined };
    const items = raw.map((x) => fieldsOf<T>(element.shape, x));
    return { items, allIds: items.every((x) => 'id' in x) };
  };
  const year = shape.taxYear.safeParse(doc['taxYear']);
  const groups = shape.controlledGroups.safeParse(doc['controlledGroups']);
  const people = list<Scenario['people'][number]>('people', personSchema);
  const jobs = list<Scenario['jobs'][number]>('jobs', jobSchema);
  const plans = list<Scenario['plans'][number]>('plans', planSchema);
  return {
    taxYear: year.success ? year.data : undefined,
    people: people.items,
    jobs: jobs.items,
    plans: plans.items,
    controlledGroups: groups.success ? groups.data : [],
    allIds: { people: people.allIds && people.items.length > 0, jobs: jobs.allIds },
  };
}
