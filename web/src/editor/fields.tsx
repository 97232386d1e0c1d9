/**
 * Form fields bound to a path of the draft. Each is labelled, shows its help text and the
 * validation messages for its path beside it, and keeps exactly what the user typed.
 */
import { createContext, useContext, useId, useRef, useState, type ReactNode } from 'react';
import { getAt, numberFromText, pathKey, type Draft, type Path } from '../state/draft.js';

export interface EditorApi {
  readonly draft: Draft;
  readonly issues: ReadonlyMap<string, string[]>;
  /** Sets the value at `path`; `field` joins keystrokes in one field into one undo step. */
  readonly edit: (path: Path, value: unknown, field?: string) => void;
  /** Replaces the draft (structural changes: add, remove, cascade renames). */
  readonly replace: (draft: Draft) => void;
}

export const Editor = createContext<EditorApi | null>(null);

export function useEditor(): EditorApi {
  const e = useContext(Editor);
  if (!e) throw new Error('useEditor outside an editor');
  return e;
}

/** A DOM id for a field path (`f-plans-0-afterTax-allowed`). */
export function fieldId(path: Path): string {
  return `f-${pathKey(path).replace(/[^A-Za-z0-9_-]+/g, '-')}`;
}

function Messages(props: { id: string; messages: readonly string[] }): ReactNode {
  if (props.messages.length === 0) return null;
  return (
    <p className="error" id={props.id}>
      {props.messages.join('; ')}
    </p>
  );
}

function Shell(props: {
  path: Path;
  label: string;
  help?: string | undefined;
  extraPaths?: readonly Path[];
  className?: string;
  children: (a: { id: string; describedBy: string | undefined; invalid: boolean }) => ReactNode;
}): ReactNode {
  const { issues } = useEditor();
  const id = fieldId(props.path);
  const uid = useId();
  const messages = [props.path, ...(props.extraPaths ?? [])].flatMap(
    (p) => issues.get(pathKey(p)) ?? [],
  );
  const helpId = props.help ? `${uid}-help` : undefined;
  const errId = messages.length > 0 ? `${uid}-err` : undefined;
  const describedBy = [errId, helpId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${messages.length > 0 ? ' invalid' : ''} ${props.className ?? ''}`}>
      <label htmlFor={id}>{props.label}</label>
      {props.children({ id, describedBy, invalid: messages.length > 0 })}
      {errId && <Messages id={errId} messages={messages} />}
      {props.help && (
        <p className="help" id={helpId}>
          {props.help}
        </p>
      )}
    </div>
  );
}

export function TextField(props: {
  path: Path;
  label: string;
  help?: string;
  type?: 'text' | 'date';
  onChange?: (value: string | undefined) => void;
  autoComplete?: string;
}): ReactNode {
  const { draft, edit } = useEditor();
  const v = getAt(draft, props.path);
  const text = typeof v === 'string' ? v : v === undefined ? '' : JSON.stringify(v);
  return (
    <Shell path={props.path} label={props.label} help={props.help}>
      {({ id, describedBy, invalid }) => (
        <input
          id={id}
          type={props.type ?? 'text'}
          value={text}
          autoComplete={props.autoComplete ?? 'off'}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          onChange={(e) => {
            const t = e.target.value;
            const value = t === '' ? undefined : t;
            if (props.onChange) props.onChange(value);
            else edit(props.path, value, pathKey(props.path));
          }}
        />
      )}
    </Shell>
  );
}

/** The text a number field shows for a value. */
function shown(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'number') return String(v);
  return typeof v === 'string' ? v : '';
}

/** A number input that keeps what was typed; `unit` is shown before ($) or after (%). */
export function NumberField(props: {
  path: Path;
  label: string;
  help?: string | undefined;
  unit?: '$' | '%' | undefined;
  placeholder?: string | undefined;
  extraPaths?: readonly Path[];
}): ReactNode {
  const { draft, edit } = useEditor();
  const value = getAt(draft, props.path);
  const [text, setText] = useState(shown(value));
  const last = useRef<unknown>(value);
  if (value !== last.current) {
    // The value changed from outside (undo, redo, another scenario): show it.
    last.current = value;
    if (numberFromText(text) !== value) setText(shown(value));
  }
  return (
    <Shell
      path={props.path}
      label={props.label}
      help={props.help}
      {...(props.extraPaths ? { extraPaths: props.extraPaths } : {})}
    >
      {({ id, describedBy, invalid }) => (
        <span
          className={`with-unit unit-${props.unit === '%' ? 'pct' : props.unit ? 'usd' : 'none'}`}
        >
          {props.unit === '$' && <span aria-hidden="true">$</span>}
          <input
            id={id}
            type="text"
            inputMode="decimal"
            value={text}
            placeholder={props.placeholder}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            onChange={(e) => {
              const t = e.target.value;
              const v = numberFromText(t);
              setText(t);
              last.current = v;
              edit(props.path, v, pathKey(props.path));
            }}
          />
          {props.unit === '%' && <span aria-hidden="true">%</span>}
        </span>
      )}
    </Shell>
  );
}

export function SelectField<T extends string>(props: {
  path: Path;
  label: string;
  help?: string;
  options: readonly (readonly [T, string])[];
  defaultValue?: T;
  onChange?: (value: T) => void;
}): ReactNode {
  const { draft, edit } = useEditor();
  const v = getAt(draft, props.path);
  const value =
    typeof v === 'string' || typeof v === 'number' ? String(v) : (props.defaultValue ?? '');
  const known = props.options.some(([o]) => o === value);
  return (
    <Shell path={props.path} label={props.label} help={props.help}>
      {({ id, describedBy, invalid }) => (
        <select
          id={id}
          value={value}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          onChange={(e) => {
            const next = e.target.value as T;
            if (props.onChange) props.onChange(next);
            else edit(props.path, next);
          }}
        >
          {!known && <option value={value}>{value === '' ? 'Choose…' : value}</option>}
          {props.options.map(([o, label]) => (
            <option key={o} value={o}>
              {label}
            </option>
          ))}
        </select>
      )}
    </Shell>
  );
}

export function CheckField(props: {
  path: Path;
  label: string;
  help?: string;
  defaultValue: boolean;
}): ReactNode {
  const { draft, edit, issues } = useEditor();
  const v = getAt(draft, props.path);
  const checked = typeof v === 'boolean' ? v : props.defaultValue;
  const id = fieldId(props.path);
  const uid = useId();
  const messages = issues.get(pathKey(props.path)) ?? [];
  const helpId = props.help ? `${uid}-help` : undefined;
  const errId = messages.length > 0 ? `${uid}-err` : undefined;
  return (
    <div className={`field check${messages.length > 0 ? ' invalid' : ''}`}>
      <input
        id={id}
        type="checkbox"
        checked={checked}
        aria-describedby={[errId, helpId].filter(Boolean).join(' ') || undefined}
        aria-invalid={messages.length > 0}
        onChange={(e) => {
          edit(props.path, e.target.checked);
        }}
      />
      <label htmlFor={id}>{props.label}</label>
      {errId && <Messages id={errId} messages={messages} />}
      {props.help && (
        <p className="help" id={helpId}>
          {props.help}
        </p>
      )}
    </div>
  );
}

type ElectionMode = 'max' | 'amount' | 'percent' | 'unset';

function modeOf(v: unknown): ElectionMode {
  if (v === undefined) return 'unset';
  if (v === 'max') return 'max';
  if (v !== null && typeof v === 'object') return 'percent';
  return 'amount';
}

/** An election: "as much as the limits allow", a dollar amount, or a percent of pay. */
export function ElectionField(props: {
  path: Path;
  label: string;
  help?: string;
  /** Shown when the field may be left out (the engine's default applies). */
  unsetLabel?: string;
}): ReactNode {
  const { draft, edit, issues } = useEditor();
  const v = getAt(draft, props.path);
  const mode = modeOf(v);

  const modes: [ElectionMode, string][] = [
    ['max', 'As much as the limits allow'],
    ['amount', 'A dollar amount'],
    ['percent', 'A percent of pay'],
  ];
  if (props.unsetLabel !== undefined) modes.unshift(['unset', props.unsetLabel]);
  const selectId = `${fieldId(props.path)}-mode`;
  const messages = issues.get(pathKey(props.path)) ?? [];

  return (
    <fieldset className="election">
      <legend>{props.label}</legend>
      <div className="field">
        <label htmlFor={selectId}>How much</label>
        <select
          id={selectId}
          value={mode}
          aria-describedby={
            messages.length > 0 && (mode === 'max' || mode === 'unset')
              ? `${selectId}-err`
              : undefined
          }

          onChange={(e) => {
            const m = e.target.value as ElectionMode;
            edit(
              props.path,
              m === 'max'
                ? 'max'
                : m === 'amount'
                  ? 0
                  : m === 'percent'
                    ? { percent: 0 }
                    : undefined,
            );
          }}
        >
          {modes.map(([m, label]) => (
            <option key={m} value={m}>
              {label}
            </option>
          ))}
        </select>
      </div>
      {mode === 'amount' && (
        <NumberField path={props.path} label="Dollars a year" unit="$" help={props.help} />
      )}
      {mode === 'percent' && (
        <NumberField
          path={[...props.path, 'percent']}
          label="Percent of pay"
          unit="%"
          help={props.help}
          extraPaths={[props.path]}
        />
      )}
      {(mode === 'max' || mode === 'unset') && props.help && <p className="help">{props.help}</p>}
      {(mode === 'max' || mode === 'unset') && (
        <Messages id={`${selectId}-err`} messages={messages} />
      )}
    </fieldset>
  );
}
