/**
 * The scenario editor: the household, its people, jobs and plans as forms in plain words. Every
 * field edits the scenario file's own field; the same schema validates it.
 */
import type { ReactNode } from 'react';
import { SUPPORTED_YEARS } from '../../../src/engine/params/index.js';
import { getAt, setAt, updateList, type Draft } from '../state/draft.js';
import { NumberField, SelectField, TextField, useEditor } from './fields.js';
import { PlanForm } from './PlanForm.js';
import { FILING_STATUS } from '../format.js';

type Rec = Record<string, unknown>;

export function listAt(draft: Draft, key: string): Rec[] {
  const v = draft[key];
  return Array.isArray(v) ? (v as Rec[]) : [];
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** A new id not used in `taken` (`job`, `job-2`, …). */
export function freshId(base: string, taken: readonly unknown[]): string {
  const used = new Set(taken.map(str));
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${String(n)}`)) return `${base}-${String(n)}`;
}

/** Renames an id and every reference to it (jobs → person, plans → job). */
function renameId(
  draft: Draft,
  list: 'people' | 'jobs',
  index: number,
  next: string | undefined,
): Draft {
  const old = str(getAt(draft, [list, index, 'id']));
  let d = setAt(draft, [list, index, 'id'], next);
  if (old === '' || next === undefined) return d;
  const [refList, refKey] = list === 'people' ? ['jobs', 'person'] : ['plans', 'job'];
  listAt(d, refList).forEach((item, i) => {
    if (item[refKey] === old) d = setAt(d, [refList, i, refKey], next);
  });
  return d;
}

/** Renames an employer in the jobs and in the controlled groups. */
function renameEmployer(draft: Draft, index: number, next: string | undefined): Draft {
  const old = str(getAt(draft, ['jobs', index, 'employer']));
  let d = setAt(draft, ['jobs', index, 'employer'], next);
  const sharedWithOther = listAt(d, 'jobs').some((j, i) => i !== index && j['employer'] === old);
  if (old === '' || next === undefined || sharedWithOther) return d;
  const groups = getAt(d, ['controlledGroups']);
  if (Array.isArray(groups)) {
    d = setAt(
      d,
      ['controlledGroups'],
      (groups as unknown[]).map((g): unknown =>
        Array.isArray(g) ? (g as unknown[]).map((e) => (e === old ? next : e)) : g,
      ),
    );
  }
  return d;
}

function HouseholdForm(): ReactNode {
  const { edit } = useEditor();
  return (
    <fieldset className="card">
      <legend>Household</legend>
      <div className="grid">
        <TextField
          path={['name']}
          label="Scenario name"
          help="Shown in your list of saved scenarios."
        />
        <SelectField
          path={['taxYear']}
          label="Tax year"
          options={SUPPORTED_YEARS.map((y) => [String(y), String(y)] as const)}
          onChange={(y) => {
            edit(['taxYear'], Number(y));
          }}
        />
        <SelectField
          path={['filingStatus']}
          label="Filing status"
          options={Object.entries(FILING_STATUS)}
        />
      </div>
    </fieldset>
  );
}

function PeopleForm(): ReactNode {
  const { draft, replace } = useEditor();
  const people = listAt(draft, 'people');
  return (
    <fieldset className="card">
      <legend>People</legend>
      {people.map((p, i) => (
        <div key={i} className="item">
          <h4>{str(p['name']) || `Person ${String(i + 1)}`}</h4>
          <div className="grid">
            <TextField path={['people', i, 'name']} label="Name" />
            <TextField
              path={['people', i, 'birthDate']}
              label="Date of birth"
              type="date"
              help="Age counts at December 31 of the tax year (catch-up from 50, 60–63 higher)."
            />
          </div>
          <details className="advanced">
            <summary>Advanced</summary>
            <TextField
              path={['people', i, 'id']}
              label="Short id"
              help="Links jobs to this person; renaming it updates the jobs."
              onChange={(v) => {
                replace(renameId(draft, 'people', i, v));
              }}
            />
          </details>
          {people.length > 1 && (
            <button
              type="button"
              className="secondary"
              onClick={() => {
                replace(updateList(draft, ['people'], (l) => l.filter((_, j) => j !== i)));
              }}
            >
              Remove {str(p['name']) || `person ${String(i + 1)}`}
            </button>
          )}
        </div>
      ))}
      {people.length < 2 && (
        <button
          type="button"
          onClick={() => {
            const id = freshId(
              'spouse',
              people.map((p) => p['id']),
            );
            let d = updateList(draft, ['people'], (l) => [...l, { id, name: 'Spouse' }]);
            if (getAt(d, ['filingStatus']) === 'single') d = setAt(d, ['filingStatus'], 'mfj');
            replace(d);
          }}
        >
          Add a spouse
        </button>
      )}
    </fieldset>
  );
}

const JOB_TYPES = [
  ['w2', 'Employee (W-2 wages)'],
  ['schedule-c', 'Self-employed (1099 / Schedule C)'],
  ['s-corp', 'Owner of an S corporation (paid W-2 wages)'],
] as const;

function JobsForm(): ReactNode {
  const { draft, replace } = useEditor();
  const jobs = listAt(draft, 'jobs');
  const people = listAt(draft, 'people');
  const personOptions = people.map((p) => [str(p['id']), str(p['name']) || str(p['id'])] as const);
  return (
    <fieldset className="card">
      <legend>Jobs and businesses</legend>
      {jobs.length === 0 && <p className="lead">No jobs yet. Add the jobs that pay you.</p>}
      {jobs.map((j, i) => {
        const type = str(j['type']);
        const at = (k: string): (string | number)[] => ['jobs', i, k];
        return (
          <div key={i} className="item">
            <h4>{str(j['employer']) || `Job ${String(i + 1)}`}</h4>
            <div className="grid">
              {people.length > 1 && (
                <SelectField path={at('person')} label="Whose job" options={personOptions} />
              )}
              <TextField
                path={at('employer')}
                label="Employer or business name"
                help="Jobs with the same employer share one 415(c) limit."
                onChange={(v) => {
                  replace(renameEmployer(draft, i, v));
                }}
              />
              <SelectField
                path={at('type')}
                label="Kind of work"
                options={JOB_TYPES}
                onChange={(t) => {
                  let d = setAt(draft, at('type'), t);
                  if (t === 'schedule-c') {
                    const wages = getAt(d, at('wages'));
                    d = setAt(
                      setAt(d, at('wages'), undefined),
                      at('priorYearFicaWages'),
                      undefined,
                    );
                    d = setAt(d, at('socialSecurityWages'), undefined);
                    if (getAt(d, at('netProfit')) === undefined)
                      d = setAt(d, at('netProfit'), wages);
                  } else if (getAt(d, at('netProfit')) !== undefined) {
                    const profit = getAt(d, at('netProfit'));
                    d = setAt(setAt(d, at('netProfit'), undefined), at('wages'), profit);
                  }
                  if (t === 'w2') d = setAt(d, at('ownershipPercent'), undefined);
                  replace(d);
                }}
              />
              {type === 'schedule-c' ? (
                <NumberField
                  path={at('netProfit')}
                  label="Net profit for the year"
                  unit="$"
                  help="Schedule C line 31 (or K-1 box 14 code A for a partner)."
                />
              ) : (
                <NumberField
                  path={at('wages')}
                  label="Wages for the year"
                  unit="$"
                  help="Gross W-2 pay including your deferrals (W-2 box 5, Medicare wages)."
                />
              )}
              {type !== 'schedule-c' && (
                <NumberField
                  path={at('priorYearFicaWages')}
                  label="Last year’s Social Security wages here"
                  unit="$"
                  help="W-2 box 3 from this employer last year; above the limit, catch-ups must be Roth."
                />
              )}
              {type !== 'w2' && (
                <NumberField
                  path={at('ownershipPercent')}
                  label="Your share of the business"
                  unit="%"
                  placeholder="100"
                />
              )}
              {type !== 'w2' && (
                <NumberField
                  path={at('nonOwnerEmployees')}
                  label="Employees other than owners and spouses"
                  help="A solo 401(k) needs none."
                  placeholder="0"
                />
              )}
            </div>
            <details className="advanced">
              <summary>Advanced</summary>
              <div className="grid">
                {type !== 'schedule-c' && (
                  <NumberField
                    path={at('socialSecurityWages')}
                    label="Social Security wages this year"
                    unit="$"
                    help="W-2 box 3; leave empty to use wages up to the wage base."
                  />
                )}
                <TextField
                  path={at('id')}
                  label="Short id"
                  help="Links plans to this job; renaming it updates the plans."
                  onChange={(v) => {
                    replace(renameId(draft, 'jobs', i, v));
                  }}
                />
              </div>
            </details>
            <button
              type="button"
              className="secondary"
              onClick={() => {
                replace(updateList(draft, ['jobs'], (l) => l.filter((_, k) => k !== i)));
              }}
            >
              Remove this job
            </button>
          </div>
        );
      })}
      <button
        type="button"
        onClick={() => {
          const id = freshId(
            'job',
            jobs.map((j) => j['id']),
          );
          replace(
            updateList(draft, ['jobs'], (l) => [
              ...l,
              { id, person: str(people[0]?.['id']), employer: '', type: 'w2', wages: 0 },
            ]),
          );
        }}
      >
        Add a job
      </button>
    </fieldset>
  );
}

function ControlledGroupsForm(): ReactNode {
  const { draft, replace } = useEditor();
  const employers = [
    ...new Set(
      listAt(draft, 'jobs')
        .map((j) => str(j['employer']))
        .filter(Boolean),
    ),
  ];
  const groupsRaw = getAt(draft, ['controlledGroups']);
  const groups = Array.isArray(groupsRaw) ? (groupsRaw as unknown[][]) : [];
  if (employers.length < 2 && groups.length === 0) return null;
  return (
    <fieldset className="card">
      <legend>Employers under common control</legend>
      <p className="help">
        Businesses with common ownership (a controlled or affiliated service group) count as one
        employer: their plans share one 415(c) limit. Most households have none.
      </p>
      {groups.map((g, gi) => (
        <fieldset key={gi} className="item">
          <legend>Group {gi + 1}</legend>
          {employers.map((e) => {
            const id = `cg-${String(gi)}-${e.replace(/[^A-Za-z0-9]+/g, '-')}`;
            return (
              <div key={e} className="field check">
                <input
                  id={id}
                  type="checkbox"
                  checked={g.includes(e)}
                  onChange={(ev) => {
                    const next = ev.target.checked ? [...g, e] : g.filter((x) => x !== e);
                    replace(setAt(draft, ['controlledGroups', gi], next));
                  }}
                />
                <label htmlFor={id}>{e}</label>
              </div>
            );
          })}
          <GroupMessages index={gi} />
          <button
            type="button"
            className="secondary"
            onClick={() => {
              replace(updateList(draft, ['controlledGroups'], (l) => l.filter((_, k) => k !== gi)));
            }}
          >
            Remove group {gi + 1}
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        onClick={() => {
          replace(updateList(draft, ['controlledGroups'], (l) => [...l, []]));
        }}
      >
        Add a group of related employers
      </button>
    </fieldset>
  );
}

function GroupMessages(props: { index: number }): ReactNode {
  const { issues } = useEditor();
  const prefix = `controlledGroups[${String(props.index)}]`;
  const messages = [...issues.entries()]
    .filter(([p]) => p.startsWith(prefix))
    .flatMap(([, m]) => m);
  return messages.length > 0 ? <p className="error">{messages.join('; ')}</p> : null;
}

function PlansForm(): ReactNode {
  const { draft, replace } = useEditor();
  const plans = listAt(draft, 'plans');
  const jobs = listAt(draft, 'jobs');
  return (
    <fieldset className="card">
      <legend>Retirement plans</legend>
      {plans.length === 0 && (
        <p className="lead">No plans yet. Add the 401(k), 403(b) or solo 401(k) of a job.</p>
      )}
      {plans.map((_, i) => (
        <PlanForm key={i} index={i} />
      ))}
      <button
        type="button"
        disabled={jobs.length === 0}
        onClick={() => {
          const job = jobs[0];
          const type = job?.['type'] === 'w2' ? '401k' : 'solo-401k';
          const id = freshId(
            type,
            plans.map((p) => p['id']),
          );
          replace(
            updateList(draft, ['plans'], (l) => [
              ...l,
              { id, job: str(job?.['id']), type, deferrals: [], afterTax: { allowed: false } },
            ]),
          );
        }}
      >
        Add a plan
      </button>
    </fieldset>
  );
}

/** Problems the form shows beside no field (or a summary of all of them). */
export function ProblemList(props: {
  issues: readonly { path: string; message: string }[];
}): ReactNode {
  if (props.issues.length === 0) return null;
  return (
    <div className="problems" role="status">
      <h3>
        {props.issues.length === 1
          ? '1 thing to fix'
          : `${String(props.issues.length)} things to fix`}{' '}
        before the answer updates
      </h3>
      <ul>
        {props.issues.map((i, k) => (
          <li key={k}>
            <code>{i.path || 'scenario'}</code>: {i.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function ScenarioEditor(): ReactNode {
  return (
    <div className="editor">
      <HouseholdForm />
      <PeopleForm />
      <JobsForm />
      <ControlledGroupsForm />
      <PlansForm />
    </div>
  );
}
