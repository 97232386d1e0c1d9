/**
 * One plan as a checklist in plain words: which job it belongs to, what you elect, what the
 * employer puts in, and the four questions that decide a Mega Backdoor Roth, with what to ask
 * the plan administrator.
 */
import type { ReactNode } from 'react';
import { getAt, updateList } from '../state/draft.js';
import {
  CheckField,
  ElectionField,
  NumberField,
  SelectField,
  TextField,
  useEditor,
} from './fields.js';

type Rec = Record<string, unknown>;
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

const PLAN_TYPES = [
  ['401k', '401(k) at an employer'],
  ['403b', '403(b) (hospital, school, nonprofit)'],
  ['solo-401k', 'Solo 401(k) (your own business)'],
  ['457b', '457(b) (government or tax-exempt employer)'],
] as const;

const CONVERSION = [
  ['none', 'No, it cannot be converted in the plan'],
  ['on-request', 'Yes, when I ask for it'],
  ['automatic', 'Yes, automatically after each contribution'],
] as const;

/** What to ask the plan administrator, from what the form says so far. */
export function questionsFor(plan: Rec): string[] {
  const at = (plan['afterTax'] ?? {}) as Rec;
  const q: string[] = [];
  if (at['allowed'] !== true) {
    q.push('Does the plan allow after-tax (non-Roth) contributions, and up to how much a year?');
  }
  if ((plan['inPlanConversion'] ?? 'none') === 'none') {
    q.push(
      'Can after-tax money be converted to Roth inside the plan? How often (each paycheck, quarterly, on request)?',
    );
  }
  if (plan['inServiceAfterTaxWithdrawal'] !== true) {
    q.push('Can I withdraw after-tax money (to a Roth IRA) while I still work here?');
  }
  if (plan['separateAfterTaxAccount'] !== true) {
    q.push('Is after-tax money kept in its own account, with its earnings tracked separately?');
  }
  if (plan['type'] !== 'solo-401k') {
    q.push('Does the plan limit after-tax contributions for highly paid employees (ACP test)?');
  }
  return q;
}

export function PlanForm(props: { index: number }): ReactNode {
  const { draft, replace } = useEditor();
  const i = props.index;
  const plan = (getAt(draft, ['plans', i]) ?? {}) as Rec;
  const P = (...rest: (string | number)[]): (string | number)[] => ['plans', i, ...rest];
  const type = str(plan['type']);
  const solo = type === 'solo-401k';
  const jobs = (Array.isArray(draft['jobs']) ? draft['jobs'] : []) as Rec[];
  const jobOptions = jobs.map((j) => [str(j['id']), str(j['employer']) || str(j['id'])] as const);
  const deferrals = (Array.isArray(plan['deferrals']) ? plan['deferrals'] : []) as Rec[];
  const match = (Array.isArray(plan['match']) ? plan['match'] : []) as Rec[];
  const afterTax = (plan['afterTax'] ?? {}) as Rec;
  const allowed = afterTax['allowed'] === true;
  const questions = questionsFor(plan);
  const jobName = jobOptions.find(([id]) => id === plan['job'])?.[1];

  return (
    <div className="item plan-form">
      <h4>
        {PLAN_TYPES.find(([t]) => t === type)?.[1]
          .replace(/ \(.*\)$/, '')
          .replace(' at an employer', '') ?? 'Plan'}
        {jobName ? ` at ${jobName}` : ''}
      </h4>
      <div className="grid">
        <SelectField path={P('job')} label="Which job offers it" options={jobOptions} />
        <SelectField path={P('type')} label="Kind of plan" options={PLAN_TYPES} />
      </div>
      {type === '457b' && (
        <CheckField
          path={P('governmental')}
          label="Is the employer a state or local government?"
          help="A governmental 457(b) is funded and can be rolled over; a tax-exempt employer's plan is unfunded: its money stays the employer's until paid."
          defaultValue={false}
        />
      )}

      <fieldset className="sub">
        <legend>What you put in from your pay</legend>
        {deferrals.map((_, d) => (
          <div key={d} className="deferral">
            <SelectField
              path={P('deferrals', d, 'type')}
              label={`Contribution ${String(d + 1)}: kind`}
              options={[
                ['pre-tax', 'Pre-tax (deducted now, taxed later)'],
                ['roth', 'Roth (taxed now, tax-free later)'],
              ]}
            />
            <ElectionField
              path={P('deferrals', d, 'amount')}
              label={`Contribution ${String(d + 1)}: amount`}
            />
            <button
              type="button"
              className="secondary"
              onClick={() => {
                replace(updateList(draft, P('deferrals'), (l) => l.filter((_, k) => k !== d)));
              }}
            >
              Remove contribution {d + 1}
            </button>
          </div>
        ))}
        <button
          type="button"
          onClick={() => {
            replace(
              updateList(draft, P('deferrals'), (l) => [...l, { type: 'pre-tax', amount: 'max' }]),
            );
          }}
        >
          Add a contribution from pay
        </button>
        <p className="help">
          Contributions fill in order; “as much as the limits allow” takes what is left of your
          yearly deferral limit across all plans.
        </p>
      </fieldset>

      <fieldset className="sub">
        <legend>What the employer puts in</legend>
        {solo ? (
          <div className="grid">
            <ElectionField
              path={P('employerContribution')}
              label="Employer (profit-sharing) contribution for you"
              unsetLabel="As much as the limits allow (default)"
              help="The business’s contribution on your behalf; trading it for after-tax room is shown in the answer."
            />
            <NumberField
              path={P('planRate')}
              label="Plan contribution rate"
              unit="%"
              placeholder="25"
              help="For a self-employed owner the plan’s rate (at most 25%); leave empty for 25%."
            />
          </div>
        ) : (
          <>
            {match.map((_, t) => (
              <div key={t} className="grid tier">
                <NumberField
                  path={P('match', t, 'rate')}
                  label={`Match tier ${String(t + 1)}: percent matched`}
                  unit="%"
                />
                <NumberField
                  path={P('match', t, 'upToPercent')}
                  label={`Match tier ${String(t + 1)}: on deferrals up to (percent of pay)`}
                  unit="%"
                />
                <button
                  type="button"
                  className="secondary"
                  onClick={() => {
                    replace(updateList(draft, P('match'), (l) => l.filter((_, k) => k !== t)));
                  }}
                >
                  Remove tier {t + 1}
                </button>
              </div>
            ))}
            <button
              type="button"
              onClick={() => {
                const prev = match[match.length - 1]?.['upToPercent'];
                const up = typeof prev === 'number' ? prev + 2 : 4;
                replace(
                  updateList(draft, P('match'), (l) => [...l, { rate: 100, upToPercent: up }]),
                );
              }}
            >
              Add a match tier
            </button>
            <div className="grid">
              <NumberField
                path={P('nonelectivePercent')}
                label="Employer contribution everyone gets (nonelective)"
                unit="%"
                placeholder="0"
                help="Percent of pay, whether or not you contribute."
              />
              <NumberField
                path={P('matchCapAmount')}
                label="Yearly cap on the match"
                unit="$"
                help="Leave empty if none."
              />
            </div>
          </>
        )}
      </fieldset>

      <fieldset className="sub checklist">
        <legend>After-tax money: the Mega Backdoor checklist</legend>
        <CheckField
          path={P('afterTax', 'allowed')}
          label="Does the plan allow after-tax (non-Roth) contributions?"
          help="Not Roth deferrals: a separate kind of contribution above the deferral limit. The plan document or summary plan description says."
          defaultValue={false}
        />
        {allowed && (
          <div className="grid">
            <ElectionField
              path={P('afterTax', 'amount')}
              label="After-tax money you plan to put in"
              unsetLabel="As much as the limits allow (default)"
            />
            <NumberField
              path={P('afterTax', 'capPercent')}
              label="Plan’s cap on after-tax money, percent of pay"
              unit="%"
              help="Leave empty if none."
            />
            <NumberField
              path={P('afterTax', 'capAmount')}
              label="Plan’s cap on after-tax money, dollars"
              unit="$"
              help="Leave empty if none."
            />
          </div>
        )}
        <SelectField
          path={P('inPlanConversion')}
          label="Can after-tax money be converted to Roth inside the plan, and how often?"
          help="An in-plan Roth conversion moves after-tax money to the plan’s Roth account; automatic conversion keeps taxable earnings near zero."
          options={CONVERSION}
          defaultValue="none"
        />
        <CheckField
          path={P('inServiceAfterTaxWithdrawal')}
          label="Can you withdraw after-tax money while still employed?"
          help="An in-service withdrawal lets you roll after-tax money to a Roth IRA while you work there."
          defaultValue={false}
        />
        <CheckField
          path={P('separateAfterTaxAccount')}
          label="Is after-tax money kept in its own account?"
          help="A separate account lets you move only after-tax money and its earnings, not pre-tax money."
          defaultValue={false}
        />
        {questions.length > 0 && (
          <div className="ask">
            <h5>What to ask the plan administrator</h5>
            <ul>
              {questions.map((q) => (
                <li key={q}>{q}</li>
              ))}
            </ul>
          </div>
        )}
      </fieldset>

      <details className="advanced">
        <summary>More plan features</summary>
        <CheckField
          path={P('rothDeferralsAllowed')}
          label="The plan offers Roth deferrals"
          defaultValue={true}
        />
        <CheckField
          path={P('catchUpAllowed')}
          label="The plan allows catch-up contributions (age 50+)"
          defaultValue={true}
        />
        <CheckField
          path={P('superCatchUpAllowed')}
          label="The plan offers the higher catch-up at ages 60–63"
          defaultValue={true}
        />
        {!solo && (
          <CheckField
            path={P('matchesCatchUp')}
            label="The match counts catch-up contributions"
            defaultValue={true}
          />
        )}
        {!solo && (
          <>
            <CheckField
              path={P('acp', 'safeHarbor')}
              label="Estimate the ACP test refund (the plan is safe harbor)"
              help="Tick and fill the expected rate below to estimate a refund of after-tax money for a highly paid employee."
              defaultValue={false}
            />
            <NumberField
              path={P('acp', 'expectedNhceAcp')}
              label="Expected ACP of non-highly paid employees (percent of pay)"
              unit="%"
              help="Last year’s figure from the plan’s testing; leave empty to skip the estimate."
              extraPaths={[P('acp')]}
            />
          </>
        )}
        {solo && (
          <fieldset className="sub">
            <legend>Cash balance plan of the same business</legend>
            <NumberField
              path={P('cashBalance', 'contribution')}
              label="This year’s cash balance contribution"
              unit="$"
              help="Set by the plan’s actuary; leave empty if there is no cash balance plan."
              extraPaths={[P('cashBalance')]}
            />
            {getAt(plan, ['cashBalance']) !== undefined && (
              <>
                <NumberField
                  path={P('cashBalance', 'minimumRequired')}
                  label="Minimum required contribution"
                  unit="$"
                />
                <NumberField
                  path={P('cashBalance', 'maximumDeductible')}
                  label="Maximum deductible (404(o))"
                  unit="$"
                />
                <CheckField
                  path={P('cashBalance', 'pbgcCovered')}
                  label="Covered by PBGC insurance"
                  defaultValue={false}
                />
              </>
            )}
          </fieldset>
        )}
        <TextField path={P('id')} label="Short id of the plan" />
      </details>
      <button
        type="button"
        className="secondary"
        onClick={() => {
          replace(updateList(draft, ['plans'], (l) => l.filter((_, k) => k !== i)));
        }}
      >
        Remove this plan
      </button>
    </div>
  );
}
