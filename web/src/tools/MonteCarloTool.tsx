/**
 * Monte Carlo of the four strategies for the scenario open in the planner, run in a Web Worker
 * with a progress bar and a cancel button (the simulation `megaroth compare` runs).
 */
import * as Plot from '@observablehq/plot';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { InputIssue } from '../../../src/engine/errors.js';
import { formatUsd } from '../../../src/engine/money.js';
import type { StrategyId } from '../../../src/engine/project/strategies.js';
import { today } from '../state/draft.js';
import type { Workspace } from '../state/workspace.js';
import type { MonteCarloMessage, MonteCarloSummary } from './montecarlo-protocol.js';

const STRATEGIES: readonly [StrategyId, string][] = [
  ['fullMbr', 'Full Mega Backdoor (converted at once)'],
  ['rothLite', 'Roth-lite (converted at separation)'],
  ['preTax', 'Pre-tax, tax saved in a taxable account'],
  ['taxable', 'Taxable brokerage account'],
];

type State =
  | { readonly kind: 'idle' }
  | { readonly kind: 'running'; readonly done: number }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'done'; readonly summary: MonteCarloSummary }
  | { readonly kind: 'error'; readonly issues: readonly InputIssue[] };

const usd0 = (c: number): string => formatUsd(c, { wholeDollars: true });
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

function RangeChart(props: { summary: MonteCarloSummary }): ReactNode {
  const ref = useRef<HTMLDivElement>(null);
  const s = props.summary;
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const data = STRATEGIES.map(([id, label]) => ({ label, ...s.atEnd[id] }));
    const width = Math.max(300, el.clientWidth);
    const chart = Plot.plot({
      width,
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
          x1: (d: { p10: number }) => d.p10 / 100,
          x2: (d: { p90: number }) => d.p90 / 100,
          stroke: '#3b6ea5',
          strokeWidth: 6,
          dy: 6,
        }),
        Plot.dot(data, {
          y: 'label',
          x: (d: { p50: number }) => d.p50 / 100,
          fill: '#15324f',
          r: 5,
          dy: 6,
        }),
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
  }, [s]);
  return (
    <div
      className="chart"
      ref={ref}
      role="img"
      aria-label={`After-tax wealth at the end, 10th to 90th percentile with the median: ${STRATEGIES.map(([id, label]) => `${label} ${usd0(s.atEnd[id].p10)} to ${usd0(s.atEnd[id].p90)}, median ${usd0(s.atEnd[id].p50)}`).join('; ')}. The same numbers are in the table.`}
    />
  );
}

function PercentileTable(props: {
  caption: string;
  values: MonteCarloSummary['atEnd'];
}): ReactNode {
  return (
    <table className="figures">
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">Strategy</th>
          <th scope="col" className="num">
            10th percentile
          </th>
          <th scope="col" className="num">
            Median
          </th>
          <th scope="col" className="num">
            90th percentile
          </th>
        </tr>
      </thead>
      <tbody>
        {STRATEGIES.map(([id, label]) => (
          <tr key={id}>
            <th scope="row">{label}</th>
            <td className="num">{usd0(props.values[id].p10)}</td>
            <td className="num">{usd0(props.values[id].p50)}</td>
            <td className="num">{usd0(props.values[id].p90)}</td>
          </tr>
        ))}
      </tbody>
    </table>
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
            ? { kind: 'done', summary: m.summary }
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
            Scenario: <strong>{name}</strong> (the one open in the planner), with the default growth
            assumptions.
          </p>
          <div className="grid">
            <div className="field">
              <label htmlFor={`${uid}-paths`}>Return paths</label>
              <select
                id={`${uid}-paths`}
                value={paths}
                onChange={(e) => {
                  setPaths(e.target.value);
                }}
              >
                {['1000', '10000', '50000', '100000'].map((p) => (
                  <option key={p} value={p}>
                    {Number(p).toLocaleString('en-US')}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${uid}-seed`}>Seed</label>
              <select
                id={`${uid}-seed`}
                value={seed}
                onChange={(e) => {
                  setSeed(e.target.value);
                }}
              >
                {['1', '2', '3', '42'].map((p) => (
                  <option key={p} value={p}>
                    {p}
                  </option>
                ))}
              </select>
            </div>
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
        {state.kind === 'done' && (
          <div className="card">
            <p className="lead">
              {usd0(state.summary.contribution)} of after-tax money a year for {state.summary.years}{' '}
              years, then withdrawals over {state.summary.withdrawalYears} years; return{' '}
              {pct(state.summary.expectedReturn)} (volatility {pct(state.summary.volatility)});{' '}
              {state.summary.paths.toLocaleString('en-US')} paths, seed {state.summary.seed}.
            </p>
            <RangeChart summary={state.summary} />
            <PercentileTable
              caption="After-tax wealth at the end of the plan"
              values={state.summary.atEnd}
            />
            <PercentileTable
              caption="After-tax wealth at retirement"
              values={state.summary.atRetirement}
            />
            <p>
              The full Mega Backdoor ends ahead of Roth-lite in{' '}
              {pct(state.summary.probabilityFullMbrBeats.rothLite)} of paths, of pre-tax in{' '}
              {pct(state.summary.probabilityFullMbrBeats.preTax)}, of a taxable account in{' '}
              {pct(state.summary.probabilityFullMbrBeats.taxable)}.
            </p>
          </div>
        )}
      </section>
    </div>
  );
}
