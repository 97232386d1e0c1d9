/**
 * Monte Carlo of the four strategies for the scenario open in the planner, run in a Web Worker
 * with a progress bar and a cancel button (the simulation `megaroth compare` runs).
 */
import * as Plot from '@observablehq/plot';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { InputIssue } from '../../../src/engine/errors.js';
import { formatUsd } from '../../../src/engine/money.js';
import type { CompareReport } from '../../../src/engine/report/compare.js';
import { pct } from '../format.js';
import { FigureIndexProvider, FigureTable, InlineFigure } from '../report/explain.js';
import { today } from '../state/draft.js';
import type { Workspace } from '../state/workspace.js';
import type { MonteCarloMessage } from './montecarlo-protocol.js';
import { FindingList } from './ReportTree.js';
import { SelectField } from './tool-kit.js';

type State =
  | { readonly kind: 'idle' }
  | { readonly kind: 'running'; readonly done: number }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'done'; readonly report: CompareReport }
  | { readonly kind: 'error'; readonly issues: readonly InputIssue[] };

const usd0 = (c: number): string => formatUsd(c, { wholeDollars: true });

function RangeChart(props: { report: CompareReport }): ReactNode {
  const ref = useRef<HTMLDivElement>(null);
  const rows = props.report.strategies;
  const label = `After-tax wealth at the end, 10th to 90th percentile with the median: ${rows
    .map(
      (r) =>
        `${r.label} ${usd0(r.monteCarloEnd.p10.cents)} to ${usd0(r.monteCarloEnd.p90.cents)}, median ${usd0(r.monteCarloEnd.p50.cents)}`,
    )
    .join('; ')}. The same numbers are in the table.`;
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const data = rows.map((r) => ({
      label: r.label,
      p10: r.monteCarloEnd.p10.cents / 100,
      p50: r.monteCarloEnd.p50.cents / 100,
      p90: r.monteCarloEnd.p90.cents / 100,
    }));
    const chart = Plot.plot({
      width: Math.max(300, el.clientWidth),
      height: 200,
      marginLeft: 8,
      marginTop: 16,
      style: { fontSize: '12px', background: 'transparent' },
      x: {
        label: null,
        grid: true,
        tickFormat: (d: number) => (d === 0 ? '$0' : `$${String(Math.round(d / 1e5) / 10)}M`),
      },
      y: { domain: data.map((d) => d.label), axis: null },
      marks: [
        Plot.ruleY(data, {
          y: 'label',
          x1: 'p10',
          x2: 'p90',
          stroke: '#3b6ea5',
          strokeWidth: 6,
          dy: 6,
        }),
        Plot.dot(data, { y: 'label', x: 'p50', fill: '#15324f', r: 5, dy: 6 }),
        Plot.text(data, {
          y: 'label',
          x: 0,
          text: 'label',
          frameAnchor: 'left',
          textAnchor: 'start',
          dy: -10,
        }),
      ],
    });
    chart.setAttribute('aria-hidden', 'true');
    el.replaceChildren(chart);
  }, [rows]);
  return <div className="chart" ref={ref} role="img" aria-label={label} />;
}

function StrategyTable(props: { report: CompareReport }): ReactNode {
  return (
    <table className="figures">
      <caption>After-tax wealth by strategy (Monte Carlo: 10th percentile / median / 90th)</caption>
      <thead>
        <tr>
          <th scope="col">Strategy</th>
          <th scope="col" className="num">
            At retirement
          </th>
          <th scope="col" className="num">
            At the end
          </th>
          <th scope="col" className="num">
            10th
          </th>
          <th scope="col" className="num">
            Median
          </th>
          <th scope="col" className="num">
            90th
          </th>
        </tr>
      </thead>
      <tbody>
        {props.report.strategies.map((r) => (
          <tr key={r.id}>
            <th scope="row">{r.label}</th>
            <td className="num">
              <InlineFigure figure={r.atRetirement} />
            </td>
            <td className="num">
              <InlineFigure figure={r.atEnd} />
            </td>
            <td className="num">
              <InlineFigure figure={r.monteCarloEnd.p10} />
            </td>
            <td className="num">
              <InlineFigure figure={r.monteCarloEnd.p50} />
            </td>
            <td className="num">
              <InlineFigure figure={r.monteCarloEnd.p90} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function CompareView(props: { report: CompareReport }): ReactNode {
  const r = props.report;
  const beats = r.monteCarlo.probabilityFullMbrBeats;
  return (
    <FigureIndexProvider report={r}>
      <FindingList findings={r.findings} />
      <div className="card">
        <p className="lead">
          {usd0(r.inputs.contribution.cents)} of after-tax money a year for {r.inputs.years} years,
          then withdrawals over {r.inputs.withdrawalYears} years; return{' '}
          {pct(r.inputs.expectedReturn)} (volatility {pct(r.inputs.volatility)});{' '}
          {r.monteCarlo.paths.toLocaleString('en-US')} paths, seed {r.monteCarlo.seed}.
        </p>
        <RangeChart report={r} />
        <StrategyTable report={r} />
        <FigureTable
          caption="How often the full Mega Backdoor ends ahead"
          rows={[{ figure: beats.rothLite }, { figure: beats.preTax }, { figure: beats.taxable }]}
        />
        <FigureTable
          caption="Inputs"
          rows={[
            { figure: r.inputs.contribution },
            { figure: r.inputs.preTaxRoom },
            { figure: r.inputs.expectedReturn },
            { figure: r.inputs.volatility },
            { figure: r.inputs.inflation },
            { figure: r.inputs.currentRate },
            { figure: r.inputs.retirementRate },
            { figure: r.inputs.capitalGainsRate },
            { figure: r.inputs.dividendYield },
            r.tradeOffs.employerVsAfterTax.breakEvenRetirementRate && {
              figure: r.tradeOffs.employerVsAfterTax.breakEvenRetirementRate,
            },
            r.tradeOffs.preTaxVsRoth.breakEvenRetirementRate && {
              figure: r.tradeOffs.preTaxVsRoth.breakEvenRetirementRate,
            },
          ]}
        />
      </div>
    </FigureIndexProvider>
  );
}

export function MonteCarloTool(props: { ws: Workspace }): ReactNode {
  const [paths, setPaths] = useState('10000');
  const [seed, setSeed] = useState('1');
  const [state, setState] = useState<State>({ kind: 'idle' });
  const worker = useRef<Worker | null>(null);
  const uid = useId();
  useEffect(
    () => () => {
      worker.current?.terminate();
    },
    [],
  );
  const start = (): void => {
    worker.current?.terminate();
    const w = new Worker(new URL('./montecarlo.worker.ts', import.meta.url), { type: 'module' });
    worker.current = w;
    setState({ kind: 'running', done: 0 });
    w.onmessage = (e: MessageEvent<MonteCarloMessage>) => {
      const m = e.data;
      if (m.type === 'progress') setState({ kind: 'running', done: m.done });
      else {
        setState(
          m.type === 'done'
            ? { kind: 'done', report: m.report }
            : { kind: 'error', issues: m.issues },
        );
        w.terminate();
        worker.current = null;
      }
    };
    w.postMessage({
      draft: props.ws.draft,
      paths: Number(paths),
      seed: Number(seed),
      today: today(),
    });
  };
  const cancel = (): void => {
    worker.current?.terminate();
    worker.current = null;
    setState({ kind: 'cancelled' });
  };
  const name =
    typeof props.ws.draft['name'] === 'string' ? props.ws.draft['name'] : 'the open scenario';
  return (
    <div className="planner tool">
      <section className="editor-col" aria-labelledby="tool-inputs">
        <h2 id="tool-inputs">Inputs</h2>
        <div className="card">
          <p>
            Scenario: <strong>{name}</strong> (the one open in the planner), with its assumptions
            (the scenario’s <code>assumptions</code> block, else the defaults).
          </p>
          <div className="grid">
            <SelectField
              id={`${uid}-paths`}
              label="Return paths"
              value={paths}
              options={['1000', '10000', '50000', '100000']}
              onChange={setPaths}
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
          <div className="actions-row">
            <button type="button" onClick={start} disabled={state.kind === 'running'}>
              Run the simulation
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
            The same on the command line:{' '}
            <code>
              npx megaroth compare FILE --paths {paths} --seed {seed}
            </code>
          </p>
        </div>
      </section>
      <section className="answer-col" aria-labelledby="tool-answer" tabIndex={0}>
        <h2 id="tool-answer">The answer</h2>
        {state.kind === 'running' && (
          <div className="card" role="status">
            <label htmlFor={`${uid}-progress`}>Simulating {paths} return paths…</label>
            <progress id={`${uid}-progress`} max={1} value={state.done} />
            <span className="progress-text">{Math.round(state.done * 100)}%</span>
          </div>
        )}
        {state.kind === 'cancelled' && (
          <p className="stale-note" role="status">
            Cancelled. Run it again when you are ready.
          </p>
        )}
        {state.kind === 'idle' && <p>Run the simulation to see the range of outcomes.</p>}
        {state.kind === 'error' && (
          <div className="problems" role="status">
            <h3>The scenario has problems</h3>
            <ul>
              {state.issues.map((i, k) => (
                <li key={k}>
                  {i.path && <code>{i.path}</code>} {i.message}
                </li>
              ))}
            </ul>
          </div>
        )}
        {state.kind === 'done' && <CompareView report={state.report} />}
      </section>
    </div>
  );
}
