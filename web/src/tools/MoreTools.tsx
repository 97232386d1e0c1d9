/**
 * Three more tools over their reports: federal income tax for a year (`tax`), the solo 401(k)
 * beside a W-2 job (`solo`), and the best split of a yearly budget for the scenario open in the
 * planner (`optimize`). Inputs are read with the CLI's parsers.
 */
import { useId, useMemo, useState, type ReactNode } from 'react';
import { parseIntOption } from '../../../src/cli/options.js';
import { InputError } from '../../../src/engine/errors.js';
import { planHousehold } from '../../../src/engine/household/plan-household.js';
import { SUPPORTED_YEARS } from '../../../src/engine/params/index.js';
import { withGiven } from '../../../src/engine/project/explained.js';
import {
  DEFAULT_GROWTH_ASSUMPTIONS,
  householdOptimizer,
} from '../../../src/engine/project/from-household.js';
import { optimizeReport } from '../../../src/engine/report/optimize.js';
import { soloReport } from '../../../src/engine/report/solo.js';
import { taxReport } from '../../../src/engine/report/tax.js';
import { parseScenario } from '../../../src/engine/scenario/validate.js';
import { MAX_AGE, MIN_AGE } from '../../../src/engine/self-employment/catch-up-limit.js';
import { FULL_PRECISION } from '../../../src/engine/self-employment/pub560-rate.js';
import { FILING_STATUSES, type FilingStatus } from '../../../src/engine/tax/filing-status.js';
import { FILING_STATUS } from '../format.js';
import { today } from '../state/draft.js';
import type { Workspace } from '../state/workspace.js';
import {
  CommandLine,
  MoneyInputs,
  ToolLayout,
  cliArgs,
  run,
  useMoneyFields,
  type MoneySpec,
} from './tool-kit.js';

const LATEST = SUPPORTED_YEARS[SUPPORTED_YEARS.length - 1] ?? 2026;

function YearAndStatus(props: {
  year: number;
  setYear: (y: number) => void;
  status: FilingStatus;
  setStatus: (s: FilingStatus) => void;
}): ReactNode {
  const uid = useId();
  return (
    <div className="grid">
      <div className="field">
        <label htmlFor={`${uid}-year`}>Tax year</label>
        <select
          id={`${uid}-year`}
          value={String(props.year)}
          onChange={(e) => {
            props.setYear(Number(e.target.value));
          }}
        >
          {SUPPORTED_YEARS.map((y) => (
            <option key={y} value={String(y)}>
              {y}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${uid}-status`}>Filing status</label>
        <select
          id={`${uid}-status`}
          value={props.status}
          onChange={(e) => {
            props.setStatus(e.target.value as FilingStatus);
          }}
        >
          {FILING_STATUSES.map((s) => (
            <option key={s} value={s}>
              {FILING_STATUS[s]}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

const TAX: readonly MoneySpec[] = [
  { key: 'taxableIncome', flag: '--taxable-income', label: 'Taxable income (Form 1040 line 15)' },
];

export function TaxTool(): ReactNode {
  const f = useMoneyFields(TAX, { taxableIncome: '250000' });
  const [year, setYear] = useState(LATEST);
  const [status, setStatus] = useState<FilingStatus>('single');
  const result = useMemo(
    () =>
      f.issues.length > 0
        ? null
        : run(() => taxReport({ year, status, taxableIncome: f.values['taxableIncome'] ?? 0 })),
    [f.values, f.issues.length, year, status],
  );
  const issues = [...f.issues, ...(result && !result.ok ? result.issues : [])];
  return (
    <ToolLayout
      form={
        <>
          <YearAndStatus year={year} setYear={setYear} status={status} setStatus={setStatus} />
          <MoneyInputs specs={TAX} text={f.text} setText={f.setText} issues={issues} />
          <CommandLine
            command={`tax --year ${String(year)} --status ${status} ${cliArgs(TAX, f.text)}`}
          />
        </>
      }
      issues={issues}
      report={result?.ok ? result.report : null}
    />
  );
}

const SOLO: readonly MoneySpec[] = [
  { key: 'income', flag: '--net-profit', label: 'Net profit (Schedule C) or S-corp W-2 wages' },
  { key: 'w2Wages', flag: '--w2-wages', label: 'W-2 Social Security wages from other jobs' },
  {
    key: 'deferralsElsewhere',
    flag: '--deferrals-elsewhere',
    label: 'Deferrals in other plans this year',
  },
  {
    key: 'catchUpElsewhere',
    flag: '--catch-up-elsewhere',
    label: 'Catch-ups in other plans this year',
  },
];

export function SoloTool(): ReactNode {
  const f = useMoneyFields(SOLO, {
    income: '65000',
    w2Wages: '184500',
    deferralsElsewhere: '24500',
    catchUpElsewhere: '0',
  });
  const [kind, setKind] = useState<'self-employed' | 's-corp'>('self-employed');
  const [year, setYear] = useState(LATEST);
  const [status, setStatus] = useState<FilingStatus>('single');
  const [age, setAge] = useState('40');
  const [roth, setRoth] = useState(false);
  const uid = useId();
  const ageIssue = useMemo(() => {
    try {
      return { value: parseIntOption('--age', age, MIN_AGE, MAX_AGE), issues: [] };
    } catch (e) {
      if (e instanceof InputError) return { value: null, issues: e.issues };
      throw e;
    }
  }, [age]);
  const incomeFlag = kind === 'self-employed' ? '--net-profit' : '--s-corp-wages';
  const result = useMemo(() => {
    if (f.issues.length > 0 || ageIssue.value === null) return null;
    const v = f.values;
    const income = v['income'] ?? 0;
    return run(() =>
      soloReport({
        year,
        business:
          kind === 'self-employed'
            ? { kind: 'self-employed', netProfit: income }
            : { kind: 's-corp', wages: income },
        w2SocialSecurityWages: v['w2Wages'] ?? 0,
        deferralsElsewhere: v['deferralsElsewhere'] ?? 0,
        catchUpElsewhere: v['catchUpElsewhere'] ?? 0,
        age: ageIssue.value,
        rothDeferrals: roth,
        rateRounding: FULL_PRECISION,
        filingStatus: status,
      }),
    );
  }, [f.values, f.issues.length, ageIssue.value, kind, year, status, roth]);
  const issues = [
    ...f.issues.map((i) => (i.path === '--net-profit' ? { ...i, path: incomeFlag } : i)),
    ...ageIssue.issues,
    ...(result && !result.ok ? result.issues : []),
  ];
  const specs = SOLO.map((s) => (s.key === 'income' ? { ...s, flag: incomeFlag } : s));
  return (
    <ToolLayout
      form={
        <>
          <YearAndStatus year={year} setYear={setYear} status={status} setStatus={setStatus} />
          <div className="grid">
            <div className="field">
              <label htmlFor={`${uid}-kind`}>The business</label>
              <select
                id={`${uid}-kind`}
                value={kind}
                onChange={(e) => {
                  setKind(e.target.value as 'self-employed' | 's-corp');
                }}
              >
                <option value="self-employed">Self-employed (1099 / Schedule C)</option>
                <option value="s-corp">An S corporation paying me W-2 wages</option>
              </select>
            </div>
            <div className={`field${ageIssue.issues.length > 0 ? ' invalid' : ''}`}>
              <label htmlFor={`${uid}-age`}>Age on December 31</label>
              <input
                id={`${uid}-age`}
                type="text"
                inputMode="numeric"
                value={age}
                aria-invalid={ageIssue.issues.length > 0}
                aria-describedby={ageIssue.issues.length > 0 ? `${uid}-age-err` : undefined}
                onChange={(e) => {
                  setAge(e.target.value);
                }}
              />
              {ageIssue.issues.length > 0 && (
                <p className="error" id={`${uid}-age-err`}>
                  {ageIssue.issues.map((i) => i.message).join('; ')}
                </p>
              )}
            </div>
          </div>
          <MoneyInputs specs={specs} text={f.text} setText={f.setText} issues={issues} />
          <div className="field check">
            <input
              id={`${uid}-roth`}
              type="checkbox"
              checked={roth}
              onChange={(e) => {
                setRoth(e.target.checked);
              }}
            />
            <label htmlFor={`${uid}-roth`}>The solo plan’s deferrals are Roth</label>
          </div>
          <CommandLine
            command={`solo --year ${String(year)} ${cliArgs(specs, f.text)} --age ${age}${roth ? ' --roth-deferrals' : ''} --filing-status ${status}`}
          />
        </>
      }
      issues={issues}
      report={result?.ok ? result.report : null}
    />
  );
}

const OPTIMIZE: readonly MoneySpec[] = [
  { key: 'budget', flag: '--budget', label: 'Take-home dollars to save each year', optional: true },
];

export function OptimizeTool(props: { ws: Workspace }): ReactNode {
  const f = useMoneyFields(OPTIMIZE, { budget: '50000' });
  const { draft } = props.ws;
  const result = useMemo(() => {
    if (f.issues.length > 0) return null;
    return run(() => {
      const scenario = parseScenario(structuredClone(draft), { today: today() });
      const input = householdOptimizer(
        scenario,
        planHousehold(scenario),
        DEFAULT_GROWTH_ASSUMPTIONS,
      );
      const budget = f.values['budget'];
      return optimizeReport(
        budget === undefined ? input : withGiven(input, 'budget', budget, '--budget'),
      );
    });
  }, [draft, f.values, f.issues.length]);
  const issues = [...f.issues, ...(result && !result.ok ? result.issues : [])];
  const name = typeof draft['name'] === 'string' ? draft['name'] : 'the open scenario';
  return (
    <ToolLayout
      form={
        <>
          <p>
            Scenario: <strong>{name}</strong> (the one open in the planner), with its assumptions
            (the scenario’s <code>assumptions</code> block, else the defaults).
          </p>
          <MoneyInputs specs={OPTIMIZE} text={f.text} setText={f.setText} issues={issues} />
          <CommandLine command={`optimize FILE ${cliArgs(OPTIMIZE, f.text)}`} />
        </>
      }
      issues={issues}
      report={result?.ok ? result.report : null}
    />
  );
}
