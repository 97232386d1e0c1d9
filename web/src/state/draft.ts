/**
 * The editor's working copy of a scenario: the scenario file's fields as the user typed them.
 * A number field that does not read as a number keeps its text, so the schema reports it beside
 * the field and nothing the user typed is lost. Only a draft that `parseScenario` accepts goes to
 * the engine.
 */
import { InputError, formatPath, type InputIssue } from '../../../src/engine/errors.js';
import type { Scenario } from '../../../src/engine/scenario/schema.js';
import { parseScenario } from '../../../src/engine/scenario/validate.js';

/** A scenario document being edited (any shape the user can produce; validated on use). */
export type Draft = Record<string, unknown>;
export type Path = readonly (string | number)[];

/** The path as the engine names it (`plans[1].match[0].upToPercent`). */
export function pathKey(path: Path): string {
  return formatPath(path);
}

/** The value at `path`, or undefined. */
export function getAt(doc: unknown, path: Path): unknown {
  let v = doc;
  for (const part of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[part];
  }
  return v;
}

/** A copy of `doc` with `value` at `path` (undefined removes an object key). */
export function setAt<T>(doc: T, path: Path, value: unknown): T {
  const [head, ...rest] = path;
  if (head === undefined) return value as T;
  const child = rest.length === 0 ? value : setAt(getAt(doc, [head]) ?? {}, rest, value);
  if (Array.isArray(doc)) {
    const copy: unknown[] = [...(doc as unknown[])];
    copy[Number(head)] = child;
    return copy as T;
  }
  const key = String(head);
  const rest2 = Object.entries(doc as Record<string, unknown>).filter(([k]) => k !== key);
  if (child !== undefined) rest2.push([key, child]);
  const had = Object.keys(doc as Record<string, unknown>);
  // Keep the field order of the document (a new field goes last).
  rest2.sort((a, b) => order(had, a[0]) - order(had, b[0]));
  return Object.fromEntries(rest2) as T;
}

function order(keys: readonly string[], k: string): number {
  const i = keys.indexOf(k);
  return i === -1 ? keys.length : i;
}

/** A copy of `doc` with the list at `path` changed by `fn`. */
export function updateList<T>(doc: T, path: Path, fn: (list: unknown[]) => unknown[]): T {
  const list = getAt(doc, path);
  return setAt(doc, path, fn(Array.isArray(list) ? [...(list as unknown[])] : []));
}

/**
 * What a number field holds for its text: nothing for an empty field, the number when the text
 * reads as one (commas and a leading $ allowed), else the text itself (which the schema rejects
 * with its own message, and the field keeps showing).
 */
export function numberFromText(text: string): number | string | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  const clean = t.replace(/^\$/, '').replace(/,/g, '');
  const n = clean === '' ? Number.NaN : Number(clean);
  return Number.isFinite(n) && /^-?(\d+\.?\d*|\.\d+)$/.test(clean) ? n : text;
}

export type Checked =
  | { readonly ok: true; readonly scenario: Scenario }
  | { readonly ok: false; readonly issues: readonly InputIssue[] };

/** Validates the draft exactly as the CLI validates a file. */
export function checkDraft(draft: Draft, today: string): Checked {
  try {
    return { ok: true, scenario: parseScenario(structuredClone(draft), { today }) };
  } catch (e) {
    if (e instanceof InputError) return { ok: false, issues: e.issues };
    throw e;
  }
}

/** Today's date as YYYY-MM-DD, the way the CLI takes it. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Issues grouped by their path. */
export function issuesByPath(issues: readonly InputIssue[]): ReadonlyMap<string, string[]> {
  const map = new Map<string, string[]>();
  for (const i of issues) map.set(i.path, [...(map.get(i.path) ?? []), i.message]);
  return map;
}

/**
 * Drops optional sections the form left empty (an ACP estimate without its rate, a cash
 * balance plan without a contribution), so an untouched section is not an error.
 */
export function pruneEmpty(draft: Draft): Draft {
  const plans = draft['plans'];
  if (!Array.isArray(plans)) return draft;
  let d = draft;
  plans.forEach((p: unknown, i) => {
    if (p === null || typeof p !== 'object') return;
    const plan = p as Record<string, unknown>;
    const acp = plan['acp'] as Record<string, unknown> | undefined;
    if (acp && acp['expectedNhceAcp'] === undefined && acp['safeHarbor'] !== true) {
      d = setAt(d, ['plans', i, 'acp'], undefined);
    }
    const cb = plan['cashBalance'] as Record<string, unknown> | undefined;
    if (cb && Object.values(cb).every((v) => v === undefined || v === false)) {
      d = setAt(d, ['plans', i, 'cashBalance'], undefined);
    }
  });
  return d;
}
