/**
 * Tools beside the planner, each a page over its engine report (the same report the CLI
 * prints): a plan withdrawal and where it lands (`rollover`), Form 8606 (`form8606`), the Roth
 * five-year clocks (`clocks`), a plan account by source (`ledger`), and the pages in
 * MoreTools, MonteCarloTool, AcpTool and PaychecksTool. Inputs are read with the CLI's own parsers, so the
 * messages are the CLI's.
 */
import { lazy, Suspense, useId, useMemo, useState, type ReactNode } from 'react';
import { dataFormatOf, parseDataText } from '../../../src/engine/data-text.js';
import { ROUTES, type Route } from '../../../src/engine/distributions/routes.js';
import type { Finding } from '../../../src/engine/report/model.js';
import { parseLedger } from '../../../src/engine/ledger/index.js';
import { clocksReport } from '../../../src/engine/report/clocks.js';
import { form8606Report } from '../../../src/engine/report/form8606.js';
import { ledgerReport } from '../../../src/engine/report/ledger.js';
import { rolloverReport } from '../../../src/engine/report/rollover.js';
import { parseRothHistory } from '../../../src/engine/roth-clocks/index.js';
import type { Workspace } from '../state/workspace.js';
import { AcpTool } from './AcpTool.js';
import { MonteCarloTool } from './MonteCarloTool.js';
import { OptimizeTool, SoloTool, TaxTool } from './MoreTools.js';
import { TOOLS, type ToolId } from './list.js';

// The paychecks page (its planner and calendar writer) loads when first opened.
const PaychecksTool = lazy(() =>
  import('./PaychecksTool.js').then((m) => ({ default: m.PaychecksTool })),
);
import {
  CommandLine,
  MoneyInputs,
  ToolLayout,
  cliArgs,
  run,
  useMoneyFields,
  type MoneySpec,
} from './tool-kit.js';

const ROLLOVER: readonly MoneySpec[] = [
  { key: 'balance', flag: '--balance', label: 'Whole plan account (not Roth)' },
  {
    key: 'afterTaxBasis',
    flag: '--after-tax-basis',
    label: 'After-tax contributions not yet recovered',
  },
  { key: 'amount', flag: '--amount', label: 'Amount withdrawn' },
  {
    key: 'afterTaxEarnings',
    flag: '--after-tax-earnings',
    label: 'Earnings in the after-tax account',
    optional: true,
  },
];

const ROUTE_LABEL: Record<Route, string> = {
  'roth-ira': 'All to a Roth IRA',
  'traditional-ira': 'All to a traditional IRA',
  split: 'Pre-tax to a traditional IRA, basis to a Roth IRA',
  cash: 'Paid to me',
};

function RolloverTool(): ReactNode {
  const f = useMoneyFields(ROLLOVER, {
    balance: '100000',
    afterTaxBasis: '20000',
    amount: '20000',
  });
  const [separate, setSeparate] = useState<'unknown' | 'yes' | 'no'>('unknown');
  const [to, setTo] = useState<Route>('roth-ira');
  const uid = useId();
  const result = useMemo(() => {
    if (f.issues.length > 0) return null;
    const v = f.values;
    return run(() =>
      rolloverReport({
        balance: v['balance'] ?? 0,
        afterTaxBasis: v['afterTaxBasis'] ?? 0,
        amount: v['amount'] ?? 0,
        ...(separate === 'unknown' ? {} : { separateAfterTaxAccount: separate === 'yes' }),
        ...(v['afterTaxEarnings'] !== undefined ? { afterTaxEarnings: v['afterTaxEarnings'] } : {}),
        to,
      }),
    );
  }, [f.values, f.issues.length, separate, to]);
  const issues = [...f.issues, ...(result && !result.ok ? result.issues : [])];
  const flags = `${cliArgs(ROLLOVER, f.text)}${separate === 'yes' ? ' --separate-after-tax-account' : separate === 'no' ? ' --no-separate-after-tax-account' : ''} --to ${to}`;
  return (
    <ToolLayout
      form={
        <>
          <MoneyInputs specs={ROLLOVER} text={f.text} setText={f.setText} issues={issues} />
          <div className="grid">
            <div className="field">
              <label htmlFor={`${uid}-sep`}>Is after-tax money kept in its own account?</label>
              <select
                id={`${uid}-sep`}
                value={separate}
                onChange={(e) => {
                  setSeparate(e.target.value as 'unknown' | 'yes' | 'no');
                }}
              >
                <option value="unknown">I don’t know (ask the plan)</option>
                <option value="yes">Yes, its own source</option>
                <option value="no">No, pooled with the account</option>
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${uid}-to`}>Where it goes</label>
              <select
                id={`${uid}-to`}
                value={to}
                onChange={(e) => {
                  setTo(e.target.value as Route);
                }}
              >
                {ROUTES.map((r) => (
                  <option key={r} value={r}>
                    {ROUTE_LABEL[r]}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <CommandLine command={`rollover ${flags}`} />
        </>
      }
      issues={issues}
      report={result?.ok ? result.report : null}
    />
  );
}

const FORM8606: readonly MoneySpec[] = [
  {
    key: 'contribution',
    flag: '--contribution',
    label: 'Line 1: nondeductible contributions this year',
  },
  { key: 'basis', flag: '--basis', label: 'Line 2: basis from earlier years' },
  {
    key: 'yearEndBalance',
    flag: '--year-end-balance',
    label: 'Line 6: all traditional, SEP, SIMPLE IRAs on Dec 31',
  },
  { key: 'distributions', flag: '--distributions', label: 'Line 7: distributions not converted' },
  { key: 'converted', flag: '--converted', label: 'Line 8: converted to Roth this year' },
  {
    key: 'contributionsNextYear',
    flag: '--contributions-next-year',
    label: 'Line 4: part of line 1 paid Jan 1 – Apr 15 next year',
    optional: true,
  },
  {
    key: 'worksheetNontaxable',
    flag: '--worksheet-nontaxable',
    label: 'Line 13 from Pub 590-B Worksheet 1-1',
    optional: true,
  },
];

function Form8606Tool(): ReactNode {
  const f = useMoneyFields(FORM8606, {
    contribution: '7000',
    basis: '0',
    yearEndBalance: '93000',
    distributions: '0',
    converted: '7000',
  });
  const [round, setRound] = useState(false);
  const uid = useId();
  const result = useMemo(() => {
    if (f.issues.length > 0) return null;
    const v = f.values;
    return run(() =>
      form8606Report(
        {
          nondeductibleContributions: v['contribution'] ?? 0,
          priorBasis: v['basis'] ?? 0,
          yearEndValue: v['yearEndBalance'] ?? 0,
          distributions: v['distributions'] ?? 0,
          converted: v['converted'] ?? 0,
          ...(v['contributionsNextYear'] !== undefined
            ? { contributionsNextYear: v['contributionsNextYear'] }
            : {}),
          ...(v['worksheetNontaxable'] !== undefined
            ? { worksheetNontaxable: v['worksheetNontaxable'] }
            : {}),
        },
        { precision: round ? 'three-places' : 'full' },
      ),
    );
  }, [f.values, f.issues.length, round]);
  const issues = [...f.issues, ...(result && !result.ok ? result.issues : [])];
  return (
    <ToolLayout
      form={
        <>
          <MoneyInputs specs={FORM8606} text={f.text} setText={f.setText} issues={issues} />
          <div className="field check">
            <input
              id={`${uid}-round`}
              type="checkbox"
              checked={round}
              onChange={(e) => {
                setRound(e.target.checked);
              }}
            />
            <label htmlFor={`${uid}-round`}>Round the line 10 ratio to 3 places</label>
          </div>
          <CommandLine
            command={`form8606 ${cliArgs(FORM8606, f.text)}${round ? ' --round-ratio' : ''}`}
          />
        </>
      }
      issues={issues}
      report={result?.ok ? result.report : null}
    />
  );
}

const CLOCK_FILES = import.meta.glob<string>('../../../examples/clocks/*.yaml', {
  query: '?raw',
  import: 'default',
  eager: true,
});
const LEDGER_FILES = import.meta.glob<string>('../../../examples/ledger/*.{yaml,csv}', {
  query: '?raw',
  import: 'default',
  eager: true,
});

function baseName(p: string): string {
  return p.replace(/^.*\//, '');
}

/** A data file tool: the text of a YAML (or CSV) file, an example to start from. */
function FileTool(props: {
  files: Record<string, string>;
  /** The examples' folder, for the command line. */
  dir: string;
  command: string;
  /** Options after the file on the command line. */
  args?: string;
  extra?: ReactNode;
  report: (text: string, name: string) => { findings: readonly Finding[] };
}): ReactNode {
  const names = Object.keys(props.files).map(baseName).sort();
  const [name, setName] = useState(names[0] ?? 'file.yaml');
  const byName = Object.fromEntries(Object.entries(props.files).map(([p, t]) => [baseName(p), t]));
  const [text, setText] = useState(byName[name] ?? '');
  const uid = useId();
  const { report } = props;
  const result = useMemo(() => run(() => report(text, name)), [report, text, name]);
  return (
    <ToolLayout
      form={
        <>
          <div className="grid">
            <div className="field">
              <label htmlFor={`${uid}-ex`}>Start from an example file</label>
              <select
                id={`${uid}-ex`}
                value={name}
                onChange={(e) => {
                  setName(e.target.value);
                  setText(byName[e.target.value] ?? '');
                }}
              >
                {names.map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
            </div>
            {props.extra}
          </div>
          <div className="field">
            <label htmlFor={`${uid}-text`}>
              The file ({name.endsWith('.csv') ? 'CSV' : 'YAML'}); edit it here
            </label>
            <textarea
              id={`${uid}-text`}
              className="file-text"
              spellCheck={false}
              value={text}
              rows={16}
              onChange={(e) => {
                setText(e.target.value);
              }}
            />
          </div>
          <CommandLine
            command={`${props.command} ${text === byName[name] ? `${props.dir}/${name}` : 'FILE'}${props.args ?? ''}`}
          />
        </>
      }
      issues={result.ok ? [] : result.issues}
      report={result.ok ? result.report : null}
    />
  );
}

const clocksFromText = (text: string, name: string) =>
  clocksReport(parseRothHistory(parseDataText(text, dataFormatOf(name), name), name));

function LedgerTool(): ReactNode {
  const [asOf, setAsOf] = useState('');
  const uid = useId();
  const report = useMemo(
    () => (text: string, name: string) =>
      ledgerReport(parseLedger(text, name), { fileName: name, ...(asOf !== '' ? { asOf } : {}) }),
    [asOf],
  );
  return (
    <FileTool
      files={LEDGER_FILES}
      dir="examples/ledger"
      args={asOf !== '' ? ` --as-of ${asOf}` : ''}

      command="ledger"
      report={report}
      extra={
        <div className="field">
          <label htmlFor={`${uid}-asof`}>As of (optional)</label>
          <input
            id={`${uid}-asof`}
            type="date"
            value={asOf}
            onChange={(e) => {
              setAsOf(e.target.value);
            }}
          />
        </div>
      }
    />
  );
}

export function ToolsIndex(): ReactNode {
  return (
    <div className="start">
      <h1>Tools</h1>
      <p className="lead">
        Beside the planner: each tool shows one report of the same engine the command line uses.
      </p>
      <ul className="situations">
        {TOOLS.map(([id, title, sentence]) => (
          <li key={id}>
            <a className="situation" href={`#/tools/${id}`}>
              <strong>{title}</strong>
              <span>{sentence}</span>
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function ToolPage(props: { tool: ToolId; ws: Workspace }): ReactNode {
  const meta = TOOLS.find(([id]) => id === props.tool);
  return (
    <>
      <div className="toolbar">
        <h1>{meta?.[1]}</h1>
        <a className="button secondary" href="#/tools">
          All tools
        </a>
      </div>
      <p className="lead">{meta?.[2]}</p>
      {props.tool === 'rollover' && <RolloverTool />}
      {props.tool === 'form8606' && <Form8606Tool />}
      {props.tool === 'clocks' && (
        <FileTool
          files={CLOCK_FILES}
          dir="examples/clocks"
          command="clocks"
          report={clocksFromText}
        />
      )}
      {props.tool === 'ledger' && <LedgerTool />}
      {props.tool === 'montecarlo' && <MonteCarloTool ws={props.ws} />}
      {props.tool === 'acp' && <AcpTool />}
      {props.tool === 'solo' && <SoloTool />}
      {props.tool === 'tax' && <TaxTool />}
      {props.tool === 'optimize' && <OptimizeTool ws={props.ws} />}
      {props.tool === 'paychecks' && (
        <Suspense fallback={<p>Loading…</p>}>
          <PaychecksTool ws={props.ws} />
        </Suspense>
      )}
    </>
  );
}
