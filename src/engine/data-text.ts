/**
 * Reads YAML or JSON text into plain data, with errors that name the source and the line
 * (`household.yaml:12`). The engine's input formats are checked after this step.
 *
 * Hostile text is refused before it can cost much time or memory, each refusal an `InputError`
 * at `source:line`:
 * - a text longer than `MAX_INPUT_BYTES`;
 * - more than `MAX_VALUES` values (scalars, collections and list items, counted by the lexer
 *   before anything is built);
 * - collections nested deeper than `MAX_NESTING` (checked while the text is parsed);
 * - YAML aliases (`*name`): each value is read where it is written, so a file cannot repeat a
 *   value by reference (the "billion laughs") — write the value out in full. Anchors (`&name`)
 *   alone are harmless and ignored;
 * - a key that appears twice in one mapping (a linear check; the YAML library's own check is
 *   quadratic), a key that is not a name or number, and the key `__proto__` (it cannot be an
 *   ordinary key of a JavaScript object);
 * - a number not written in decimal (`1e3`, `0x1F`, `.inf`, `.nan`): numbers follow the one
 *   rule for amounts written as text (`parseDollars`), which reads no exponent.
 */
import { CST, Composer, LineCounter, Lexer, Parser, isMap, isScalar, isSeq } from 'yaml';
import type { Document, Node as YamlNode } from 'yaml';
import { InputError, type InputIssue } from './errors.js';

/** How a text is written: YAML 1.2, or JSON (read strictly: every scalar a JSON value). */
export type DataFormat = 'yaml' | 'json';

/** A `.json` file is read as JSON, any other (and standard input) as YAML. */
export function dataFormatOf(file: string): DataFormat {
  return /\.json$/i.test(file) ? 'json' : 'yaml';
}

/**
 * The largest input text: 1 MiB, in bytes of a file or characters of a text (a character is at
 * least one byte, so a file within the limit gives a text within it). Scenarios and Roth
 * histories are a few kilobytes; a YAML ledger of 1 MiB holds about 10,000 transactions and a
 * CSV one about 25,000 rows.
 */
export const MAX_INPUT_BYTES = 1_048_576;

/**
 * The most values a YAML or JSON text may hold: a 1 MiB YAML ledger written one transaction a
 * line holds about 140,000.
 */
export const MAX_VALUES = 150_000;

/** The deepest nesting of collections accepted (the input formats need fewer than 10). */
export const MAX_NESTING = 64;

/** At most this many problems of one text are listed. */
const MAX_LISTED = 20;

/** `1 MiB` for the size limits in messages. */
export function sizeText(bytes: number): string {
  return bytes % 1_048_576 === 0 ? `${String(bytes / 1_048_576)} MiB` : `${String(bytes)} bytes`;
}

/** Refuses a text longer than `MAX_INPUT_BYTES` (the caller's other input formats use it too). */
export function checkInputSize(text: string, source: string): void {
  if (text.length > MAX_INPUT_BYTES) {
    throw new InputError([
      {
        path: source,
        message: `larger than ${sizeText(MAX_INPUT_BYTES)}, the most an input file may hold`,
      },
    ]);
  }
}

/** Parsed data with the means to name the line of a value. */
export interface ParsedData {
  readonly data: unknown;
  /** The line of the value at `path` (keys and list indexes), or undefined if there is none. */
  readonly lineOf: (path: readonly PropertyKey[]) => number | undefined;
}

const COUNTED = new Set<string>([
  'scalar',
  'single-quoted-scalar',
  'double-quoted-scalar',
  'block-scalar-header',
  'flow-map-start',
  'flow-seq-start',
  'seq-item-ind',
  'explicit-key-ind',
]);

/** Issues collected up to `MAX_LISTED`, then counted. */
class Issues {
  readonly list: InputIssue[] = [];
  private more = 0;
  add(issue: InputIssue): void {
    if (this.list.length < MAX_LISTED) this.list.push(issue);
    else this.more++;
  }
  throwIfAny(): void {
    if (this.list.length === 0) return;
    const all = [...this.list];
    if (this.more > 0) {
      all.push({ path: '', message: `… and ${String(this.more)} more problems like these` });
    }
    throw new InputError(all);
  }
}

/**
 * The CST tokens of `text`, lexed and parsed with the limits: values counted, aliases refused,
 * nesting bounded. Throws an InputError at the first place a limit is passed.
 */
function* guardedTokens(text: string, source: string, lc: LineCounter): Generator<CST.Token> {
  const parser = new Parser(lc.addNewLine);
  const at = (): string => `${source}:${String(lc.linePos(parser.offset).line)}`;
  lc.addNewLine(0);
  let values = 0;
  let scalarText = false;
  for (const lexeme of new Lexer().lex(text)) {
    // the lexeme after a scalar marker is the scalar's text, whatever its first character
    const type: ReturnType<typeof CST.tokenType> = scalarText ? null : CST.tokenType(lexeme);
    scalarText = type === 'scalar';
    if (type === 'alias') {
      throw new InputError([
        {
          path: at(),
          message: `YAML alias ${lexeme.trim()}: aliases are not read (each value is read where it is written); write the value out in full`,
        },
      ]);
    } else if (type !== null && COUNTED.has(type) && ++values > MAX_VALUES) {
      throw new InputError([
        {
          path: at(),
          message: `more than ${String(MAX_VALUES)} values, the most an input file may hold`,
        },
      ]);
    }
    yield* parser.next(lexeme);
    if (parser.stack.length > MAX_NESTING) {
      throw new InputError([
        {
          path: at(),
          message: `nested more than ${String(MAX_NESTING)} levels deep, deeper than any input format`,
        },
      ]);
    }
  }
  yield* parser.end();
}

/** The one document of the text (a second one is an error, as in `parseDocument`). */
function composeOne(
  text: string,
  format: DataFormat,
  source: string,
  lc: LineCounter,
  issues: Issues,
): Document.Parsed {
  const composer = new Composer({
    prettyErrors: false,
    uniqueKeys: false, // checked in `toData`, in linear time
    ...(format === 'json' ? { schema: 'json' as const } : {}),
  });
  let doc: Document.Parsed | undefined;
  for (const d of composer.compose(guardedTokens(text, source, lc), true, text.length)) {
    if (doc) {
      issues.add({
        path: `${source}:${String(lc.linePos(d.range[0]).line)}`,
        message: 'a second document: an input file holds one',
      });
      break;
    }
    doc = d;
  }
  if (!doc) throw new InputError([{ path: source, message: 'no document in the text' }]);
  return doc;
}

/** How a number is written in an input file: the decimal form of `parseDollars`, without grouping. */
const DECIMAL = /^-?\d+(?:\.\d+)?$/;

/** The text of a mapping key as a JavaScript property name, or undefined if it is no name. */
function keyName(key: unknown): string | undefined {
  if (key === null) return '';
  if (!isScalar(key)) return undefined;
  const v = key.value;
  if (v === null) return '';
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

/** The plain data of a node: mappings to objects, sequences to arrays, scalars to their value. */
function toData(node: unknown, source: string, lc: LineCounter, issues: Issues): unknown {
  const lineAt = (n: unknown): string => {
    const range = (n as { range?: readonly number[] } | null)?.range;
    return range ? `${source}:${String(lc.linePos(range[0] ?? 0).line)}` : source;
  };
  if (node === null || node === undefined) return null;
  if (isScalar(node)) {
    const written = (node as { source?: unknown }).source;
    if (typeof node.value === 'number' && typeof written === 'string' && !DECIMAL.test(written)) {
      issues.add({
        path: lineAt(node),
        message: `the number ${written} is not written in decimal: write numbers as digits with an optional point and a leading minus (12000, 12000.50, 0.07, -3); exponents (1e3), hexadecimal, octal, .inf and .nan are not read`,
      });
    }
    return node.value;
  }
  if (isSeq(node)) return node.items.map((item) => toData(item, source, lc, issues));
  if (isMap(node)) {
    const out: Record<string, unknown> = {};
    const seen = new Set<string>();
    for (const pair of node.items) {
      const name = keyName(pair.key);
      const where = lineAt(pair.key ?? pair.value ?? node);
      if (name === undefined) {
        issues.add({ path: where, message: 'a key must be a name or a number' });
      } else if (name === '__proto__') {
        issues.add({
          path: where,
          message: 'the key "__proto__" is not accepted (JavaScript objects reserve it): rename it',
        });
      } else if (seen.has(name)) {
        issues.add({ path: where, message: `the key "${name}" appears twice in this mapping` });
      } else {
        seen.add(name);
        out[name] = toData(pair.value, source, lc, issues);
      }
    }
    return out;
  }
  // aliases are refused while lexing; nothing else is left
  issues.add({ path: lineAt(node), message: 'not a value' });
  return null;
}

/** Parses `text` into plain data with the line of each value; every problem an InputError. */
export function parseDataDocument(text: string, format: DataFormat, source: string): ParsedData {
  checkInputSize(text, source);
  const lc = new LineCounter();
  const issues = new Issues();
  const doc = composeOne(text, format, source, lc, issues);
  const what = format === 'json' ? 'JSON' : 'YAML';
  for (const err of doc.errors) {
    issues.add({
      path: `${source}:${String(lc.linePos(err.pos[0]).line)}`,
      message: `not valid ${what}: ${err.message.split('\n')[0] ?? 'syntax error'}`,
    });
  }
  issues.throwIfAny();
  const data = toData(doc.contents, source, lc, issues);
  issues.throwIfAny();
  return {
    data,
    lineOf: (path) => {
      const node = doc.getIn(path, true) as YamlNode | undefined;
      const range = (node as { range?: readonly number[] } | undefined)?.range;
      return range ? lc.linePos(range[0] ?? 0).line : undefined;
    },
  };
}

/** Parses `text` into plain data; every problem becomes an issue at `source:line`. */
export function parseDataText(text: string, format: DataFormat, source: string): unknown {
  return parseDataDocument(text, format, source).data;
}

/** What a parsed value is, for messages ("a list", "an empty file"). */
function kindOf(v: unknown): string {
  if (v === null || v === undefined) return 'an empty file (or only null)';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'string') return 'a single string';
  if (typeof v === 'number') return 'a single number';
  if (typeof v === 'boolean') return `a single ${String(v)}`;
  return 'a value that is not a mapping';
}

/**
 * Refuses data that is not a mapping of fields (every input file is one), naming `source` and
 * what it found; `what` says what the file holds ("a Roth history").
 */
export function requireMapping(
  data: unknown,
  source: string,
  what: string,
): asserts data is Record<string, unknown> {
  if (data !== null && typeof data === 'object' && !Array.isArray(data)) return;
  throw new InputError([
    {
      path: source,
      message: `expected ${what}: a mapping of fields (a YAML mapping or JSON object), found ${kindOf(data)}`,
    },
  ]);
}
