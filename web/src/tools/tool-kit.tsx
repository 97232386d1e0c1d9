/**
 * What the tool pages share: inputs read as the CLI reads its options (each message beside its
 * field), the command line that gives the same report, and the inputs-then-answer layout.
 */
import { useId, useState, type ReactNode } from 'react';
import { parseMoneyOption } from '../../../src/cli/options.js';
import { InputError, type InputIssue } from '../../../src/engine/errors.js';
import type { Cents } from '../../../src/engine/money.js';
import type { Finding } from '../../../src/engine/report/model.js';
import { ReportTree } from './ReportTree.js';

export type Result<R> = { ok: true; report: R } | { ok: false; issues: readonly InputIssue[] };

export function run<R>(fn: () => R): Result<R> {
  try {
    return { ok: true, report: fn() };
  } catch (e) {
    if (e instanceof InputError) return { ok: false, issues: e.issues };
    throw e;
  }
}

export function Issues(props: { issues: readonly InputIssue[] }): ReactNode {
  if (props.issues.length === 0) return null;
  return (
    <div className="problems" role="status">
      <h3>Fix this to see the answer</h3>
      <ul>
        {props.issues.map((i, k) => (
          <li key={k}>
            {i.path && <code>{i.path}</code>}
            {i.path && ': '}
            {i.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

export interface MoneySpec {
  readonly key: string;
  readonly flag: string;
  readonly label: string;
  readonly optional?: boolean;
}

/** Dollar fields read as the CLI reads its options; each message beside its field. */
export function useMoneyFields(specs: readonly MoneySpec[], initial: Record<string, string>) {
  const [text, setText] = useState<Record<string, string>>(initial);
  const values: Record<string, Cents | undefined> = {};
  const issues: InputIssue[] = [];
  for (const s of specs) {
    const t = (text[s.key] ?? '').trim();
    if (t === '') {
      if (!s.optional) issues.push({ path: s.flag, message: 'required' });
      continue;
    }
    try {
      values[s.key] = parseMoneyOption(s.flag, t);
    } catch (e) {
      if (e instanceof InputError) issues.push(...e.issues);
      else throw e;
    }
  }
  return { text, setText, values, issues };
}

export function MoneyInputs(props: {
  specs: readonly MoneySpec[];
  text: Record<string, string>;
  setText: (t: Record<string, string>) => void;
  issues: readonly InputIssue[];
}): ReactNode {
  const uid = useId();
  return (
    <div className="grid">
      {props.specs.map((s) => {
        const id = `${uid}-${s.key}`;
        const messages = props.issues.filter((i) => i.path === s.flag || i.path === s.key);
        return (
          <div key={s.key} className={`field${messages.length > 0 ? ' invalid' : ''}`}>
            <label htmlFor={id}>{s.label}</label>
            <span className="with-unit">
              <span aria-hidden="true">$</span>
              <input
                id={id}
                type="text"
                inputMode="decimal"
                value={props.text[s.key] ?? ''}
                aria-invalid={messages.length > 0}
                aria-describedby={`${id}-help${messages.length > 0 ? ` ${id}-err` : ''}`}
                onChange={(e) => {
                  props.setText({ ...props.text, [s.key]: e.target.value });
                }}
              />
            </span>
            {messages.length > 0 && (
              <p className="error" id={`${id}-err`}>
                {messages.map((m) => m.message).join('; ')}
              </p>
            )}
            <p className="help" id={`${id}-help`}>
              {s.optional ? 'Optional. ' : ''}CLI: <code>{s.flag}</code>
            </p>
          </div>
        );
      })}
    </div>
  );
}

export function CommandLine(props: { command: string }): ReactNode {
  return (
    <p className="help">
      The same on the command line: <code>npx megaroth {props.command}</code>
    </p>
  );
}

export function cliArgs(specs: readonly MoneySpec[], text: Record<string, string>): string {
  return specs
    .filter((s) => (text[s.key] ?? '').trim() !== '')
    .map((s) => `${s.flag} ${(text[s.key] ?? '').trim().replace(/[$,]/g, '')}`)
    .join(' ');
}

export function ToolLayout(props: {
  form: ReactNode;
  issues: readonly InputIssue[];
  report: { findings: readonly Finding[] } | null;
}): ReactNode {
  return (
    <div className="planner tool">
      <section className="editor-col" aria-labelledby="tool-inputs">
        <h2 id="tool-inputs">Inputs</h2>
        <Issues issues={props.issues} />
        <div className="card">{props.form}</div>
      </section>
      <section className="answer-col" aria-labelledby="tool-answer" tabIndex={0}>
        <h2 id="tool-answer">The answer</h2>
        {props.report ? (
          <ReportTree report={props.report} />
        ) : (
          <p>Fix the inputs to see the answer.</p>
        )}
      </section>
    </div>
  );
}

/** A labelled choice from a short list (each option shows its value, or `show(value)`). */
export function SelectField(props: {
  id: string;
  label: string;
  value: string;
  options: readonly string[];
  onChange: (value: string) => void;
  show?: (value: string) => string;
}): ReactNode {
  const { id, label, value, options, onChange, show } = props;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        onChange={(e) => {
          onChange(e.target.value);
        }}
      >
        {options.map((o) => (
          <option key={o} value={o}>
            {show ? show(o) : o}
          </option>
        ))}
      </select>
    </div>
  );
}
