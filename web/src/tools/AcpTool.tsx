/**
 * The ACP test on a census, run in a Web Worker with a progress bar and a cancel button: a
 * synthetic census made here (`megaroth census`) or a CSV file from this computer, read in the
 * browser and never sent anywhere (`megaroth acp CENSUS.csv`).
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { InputIssue } from '../../../src/engine/errors.js';
import { SUPPORTED_YEARS } from '../../../src/engine/params/index.js';
import type { AcpReport } from '../../../src/engine/report/acp.js';
import { pct, usd } from '../format.js';
import { FigureIndexProvider, FigureTable } from '../report/explain.js';
import type { AcpMessage, AcpRequest } from './acp-protocol.js';
import { FindingList } from './ReportTree.js';
import { SelectField } from './tool-kit.js';

type State =
  | { readonly kind: 'idle' }
  | { readonly kind: 'running'; readonly done: number; readonly stage: 'reading' | 'testing' }
  | { readonly kind: 'cancelled' }
  | {
      readonly kind: 'done';
      readonly report: AcpReport;
      readonly refundCount: number;
    }
  | { readonly kind: 'error'; readonly issues: readonly InputIssue[] };

function AcpView(props: { report: AcpReport; refundCount: number }): ReactNode {
  const r = props.report;
  return (
    <FigureIndexProvider report={r}>
      <div className={`verdict verdict-${r.passed ? 'full' : 'none'}`}>
        <p>
          <strong>
            {r.passed ? 'The plan passes the ACP test.' : 'The plan fails the ACP test.'}
          </strong>{' '}
          {r.hceCount.toLocaleString('en-US')} highly compensated and{' '}
          {r.nhceCount.toLocaleString('en-US')} other eligible employees; HCE average{' '}
          {pct(r.hceAcp)} against a limit of {pct(r.limit)}.
        </p>
      </div>
      <FindingList findings={r.findings} />
      <div className="card">
        <FigureTable
          caption="The test"
          rows={[
            { figure: r.nhceAcp },
            { figure: r.hceAcp },
            { figure: r.limit },
            { figure: r.margin },
            r.permittedRatio && { figure: r.permittedRatio },
            { figure: r.leveledHceAcp },
            { figure: r.excessAggregateContributions, strong: true },
            { figure: r.distributed },
            { figure: r.forfeited },
            { figure: r.exciseTaxRate },
            { figure: r.exciseTaxIfLate },
            { figure: r.hceDetermination.threshold },
          ]}
        />
        <p className="rule">
          Correct by {r.deadlines.exciseTaxDeadline} to avoid the excise tax; at the latest by{' '}
          {r.deadlines.finalDeadline}. Census: {r.census.rowsRead.toLocaleString('en-US')} rows
          read, {r.census.rowsTested.toLocaleString('en-US')} tested,{' '}
          {r.census.skippedRows.toLocaleString('en-US')} skipped.
        </p>
        {r.qnecAlternative && (
          <FigureTable
            caption="Or a QNEC to the other employees instead of refunds"
            rows={[
              { figure: r.qnecAlternative.rate },
              { figure: r.qnecAlternative.cost },
              { figure: r.qnecAlternative.nhceAcpAfter },
              { figure: r.qnecAlternative.limitAfter },
            ]}
          />
        )}
        {props.refundCount > 0 && (
          <table className="figures">
            <caption>
              Refunds to highly compensated employees
              {props.refundCount > r.refunds.length
                ? ` (the first ${String(r.refunds.length)} of ${props.refundCount.toLocaleString('en-US')})`
                : ''}
            </caption>
            <thead>
              <tr>
                <th scope="col">Employee</th>
                <th scope="col" className="num">
                  Ratio
                </th>
                <th scope="col" className="num">
                  Refund
                </th>
                <th scope="col" className="num">
                  After-tax
                </th>
                <th scope="col" className="num">
                  Match paid
                </th>
                <th scope="col" className="num">
                  Match forfeited
                </th>
              </tr>
            </thead>
            <tbody>
              {r.refunds.map((x) => (
                <tr key={x.id}>
                  <th scope="row">{x.id}</th>
                  <td className="num">{pct(x.ratio)}</td>
                  <td className="num">{usd(x.amount)}</td>
                  <td className="num">{usd(x.afterTax)}</td>
                  <td className="num">{usd(x.matchDistributed)}</td>
                  <td className="num">{usd(x.matchForfeited)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </FigureIndexProvider>
  );
}

export function AcpTool(): ReactNode {
  const [sourceKind, setSourceKind] = useState<'generate' | 'file'>('generate');
  const [employees, setEmployees] = useState('10000');
  const [seed, setSeed] = useState('1');
  const [file, setFile] = useState<File | null>(null);
  const [year, setYear] = useState(String(SUPPORTED_YEARS[SUPPORTED_YEARS.length - 1] ?? 2026));
  const [safeHarbor, setSafeHarbor] = useState(false);
  const [skip, setSkip] = useState(false);
  const [state, setState] = useState<State>({ kind: 'idle' });
  const worker = useRef<Worker | null>(null);
  const uid = useId();
  useEffect(
    () => () => {
      worker.current?.terminate();
    },
    [],
  );
  const canRun = sourceKind === 'generate' || file !== null;
  const start = (): void => {
    worker.current?.terminate();
    const w = new Worker(new URL('./acp.worker.ts', import.meta.url), { type: 'module' });
    worker.current = w;
    setState({ kind: 'running', done: 0, stage: 'reading' });
    w.onmessage = (e: MessageEvent<AcpMessage>) => {
      const m = e.data;
      if (m.type === 'progress') {
        setState({ kind: 'running', done: m.done, stage: m.stage });
        return;
      }
      setState(
        m.type === 'done'
          ? { kind: 'done', report: m.report, refundCount: m.refundCount }
          : { kind: 'error', issues: m.issues },
      );
      w.terminate();
      worker.current = null;
    };
    const request: AcpRequest = {
      source:
        sourceKind === 'file' && file
          ? { kind: 'file', file }
          : { kind: 'generate', employees: Number(employees), seed: Number(seed) },
      year: Number(year),
      safeHarbor,
      skipBadRows: skip,
    };
    w.postMessage(request);
  };
  const cancel = (): void => {
    worker.current?.terminate();
    worker.current = null;
    setState({ kind: 'cancelled' });
  };
  const command =
    sourceKind === 'generate'
      ? `npx megaroth census --employees ${employees} --seed ${seed} --out census.csv && npx megaroth acp census.csv`
      : `npx megaroth acp ${file?.name ?? 'CENSUS.csv'}`;
  return (
    <div className="planner tool">
      <section className="editor-col" aria-labelledby="tool-inputs">
        <h2 id="tool-inputs">Inputs</h2>
        <div className="card">
          <fieldset className="sub">
            <legend>The census</legend>
            <div className="field check">
              <input
                id={`${uid}-gen`}
                type="radio"
                name={`${uid}-source`}
                checked={sourceKind === 'generate'}
                onChange={() => {
                  setSourceKind('generate');
                }}
              />
              <label htmlFor={`${uid}-gen`}>A synthetic census made here</label>
            </div>
            <div className="field check">
              <input
                id={`${uid}-file`}
                type="radio"
                name={`${uid}-source`}
                checked={sourceKind === 'file'}
                onChange={() => {
                  setSourceKind('file');
                }}
              />
              <label htmlFor={`${uid}-file`}>A census CSV file from this computer</label>
              <p className="help">
                Read in this browser only. Columns: id, compensation, match, after_tax, and hce or
                prior_year_compensation / owner_percent (docs/acp.md).
              </p>
            </div>
            {sourceKind === 'generate' ? (
              <div className="grid">
                <SelectField
                  id={`${uid}-n`}
                  label="Employees"
                  value={employees}
                  options={['1000', '10000', '100000', '1000000']}
                  onChange={setEmployees}
                  show={(n) => Number(n).toLocaleString('en-US')}
                />
                <SelectField
                  id={`${uid}-seed`}
                  label="Seed"
                  value={seed}
                  options={['1', '2', '3', '42']}
                  onChange={setSeed}
                />
              </div>
            ) : (
              <div className="field">
                <label htmlFor={`${uid}-csv`}>Census file (CSV)</label>
                <input
                  id={`${uid}-csv`}
                  type="file"
                  accept=".csv,text/csv"
                  onChange={(e) => {
                    setFile(e.target.files?.[0] ?? null);
                  }}
                />
              </div>
            )}
          </fieldset>
          <div className="grid">
            <div className="field">
              <label htmlFor={`${uid}-year`}>Plan year</label>
              <select
                id={`${uid}-year`}
                value={year}
                onChange={(e) => {
                  setYear(e.target.value);
                }}
              >
                {SUPPORTED_YEARS.map((y) => (
                  <option key={y} value={String(y)}>
                    {y}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <div className="field check">
            <input
              id={`${uid}-sh`}
              type="checkbox"
              checked={safeHarbor}
              onChange={(e) => {
                setSafeHarbor(e.target.checked);
              }}
            />
            <label htmlFor={`${uid}-sh`}>
              Safe-harbor plan (after-tax money tested without the match)
            </label>
          </div>
          <div className="field check">
            <input
              id={`${uid}-skip`}
              type="checkbox"
              checked={skip}
              onChange={(e) => {
                setSkip(e.target.checked);
              }}
            />
            <label htmlFor={`${uid}-skip`}>Skip rows that cannot be used</label>
          </div>
          <div className="actions-row">
            <button type="button" onClick={start} disabled={!canRun || state.kind === 'running'}>
              Run the ACP test
            </button>
            <button
              type="button"
              className="secondary"
              onClick={cancel}
              disabled={state.kind !== 'running'}
            >
              Cancel
            </button>
          </div>
          <p className="help">
            The same on the command line: <code>{command}</code>
          </p>
        </div>
      </section>
      <section className="answer-col" aria-labelledby="tool-answer" tabIndex={0}>
        <h2 id="tool-answer">The answer</h2>
        {state.kind === 'running' && (
          <div className="card" role="status">
            <label htmlFor={`${uid}-progress`}>
              {state.stage === 'reading' ? 'Reading the census…' : 'Running the test…'}
            </label>
            <progress id={`${uid}-progress`} max={1} value={state.done} />
            <span className="progress-text">{Math.round(state.done * 100)}%</span>
          </div>
        )}
        {state.kind === 'idle' && <p>Run the test to see whether the plan passes.</p>}
        {state.kind === 'cancelled' && (
          <p className="stale-note" role="status">
            Cancelled. Run it again when you are ready.
          </p>
        )}
        {state.kind === 'error' && (
          <div className="problems" role="status">
            <h3>The census cannot be tested</h3>
            <ul>
              {state.issues.map((i, k) => (
                <li key={k}>
                  {i.path && <code>{i.path}</code>} {i.message}
                </li>
              ))}
            </ul>
          </div>
        )}
        {state.kind === 'done' && <AcpView report={state.report} refundCount={state.refundCount} />}
      </section>
    </div>
  );
}
