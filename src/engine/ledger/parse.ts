/**
 * Reading a ledger transaction file (YAML or CSV) into the validated model, keeping each
 * transaction's line so errors can name it. Pure: takes text, returns data or an InputError.
 *
 * CSV layout (RFC 4180, header required): `date,type,source,fund,amount,price,to`. Besides the
 * transaction types, setting rows describe the plan: `open` (date the account opened; `fund`,
 * optional, is the plan name), `fund` (declares a fund and its unit price), `allow-conversion`
 * and `allow-withdrawal` (a source), `separate-after-tax-account` or `pooled-after-tax-account`
 * (how the plan accounts for after-tax money; neither: its own source), `birth-date` (the
 * participant's, in the date column) and `public-safety-employee`. Blank lines and lines
 * starting with `#` are skipped.
 */
import { CsvError, parse } from 'csv-parse/browser/esm/sync';
import { checkInputSize, parseDataDocument, requireMapping } from '../data-text.js';
import { InputError, formatPath, type InputIssue } from '../errors.js';
import { ledgerFileSchema, type LedgerFile } from './model.js';

/** The two file formats. */
export type LedgerFormat = 'yaml' | 'csv';

/** Picks the format from a file name (`.csv` → csv, anything else → yaml). */
export function formatOf(fileName: string): LedgerFormat {
  return /\.csv$/i.test(fileName) ? 'csv' : 'yaml';
}

/**
 * The format of a text with no file name (standard input): CSV when its first line that is not
 * blank or a `#` comment is a header naming the `date` and `type` columns, YAML otherwise.
 */
export function sniffFormat(text: string): LedgerFormat {
  for (const raw of text.slice(0, 4096).split('\n')) {
    const line = raw
      .trim()
      .replace(/^\uFEFF/, '')
      .toLowerCase();
    if (line === '' || line.startsWith('#')) continue;
    const cells = line.split(',').map((c) => c.trim().replace(/^"|"$/g, ''));
    return cells.includes('date') && cells.includes('type') ? 'csv' : 'yaml';
  }
  return 'yaml';
}

function validate(
  raw: unknown,
  file: string,
  lineOf: (path: readonly PropertyKey[]) => number | undefined,
): LedgerFile {
  const r = ledgerFileSchema.safeParse(raw);
  if (r.success) return r.data;
  const issues: InputIssue[] = r.error.issues.map((i) => {
    const line = lineOf(i.path);
    const where = line === undefined ? file : `${file}:${String(line)}`;
    // Within a transaction the line says which one; name only the field.
    const inTx =
      i.path[0] === 'transactions' && typeof i.path[1] === 'number' && line !== undefined;
    const field = formatPath(inTx ? i.path.slice(2) : i.path);
    return { path: where, message: field ? `${field}: ${i.message}` : i.message };
  });
  throw new InputError(issues);
}

/** Parses a YAML (or JSON) ledger file. */
export function parseLedgerYaml(text: string, file: string): LedgerFile {
  const { data: raw, lineOf: lineAt } = parseDataDocument(text, 'yaml', file);
  requireMapping(raw, file, 'a ledger (plan and transactions)');
  // Line of each transaction item, attached as `line`.
  const txs = raw['transactions'];
  const lines: (number | undefined)[] = [];
  if (Array.isArray(txs)) {
    txs.forEach((t: unknown, i) => {
      const line = lineAt(['transactions', i]);
      lines.push(line);
      if (isRecord(t) && line !== undefined) t['line'] = line;
    });
  }
  const lineOf = (path: readonly PropertyKey[]): number | undefined => {
    if (path[0] === 'transactions' && typeof path[1] === 'number') return lines[path[1]];
    return lineAt(path);
  };
  return validate(raw, file, lineOf);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

const CSV_COLUMNS = ['date', 'type', 'source', 'fund', 'amount', 'price', 'to'] as const;

/** One CSV record: its cells and the file line it starts on. */
interface CsvRow {
  readonly cells: readonly string[];
  readonly line: number;
}

/**
 * The file line each CSV record starts on, from the byte offset where the previous record ended
 * (`csv-parse` reports bytes consumed; its line count is off for quoted CRLF line breaks): the
 * first line after that offset that is not blank and not a `#` comment.
 */
function lineFinder(text: string): (endOfPrevious: number) => number {
  const bytes = new TextEncoder().encode(text);
  const breaks: number[] = [];
  bytes.forEach((b, i) => {
    if (b === 0x0a) breaks.push(i);
  });
  const lines = text.split('\n');
  let at = 0;
  return (offset) => {
    // breaks before `offset` (offsets only grow, so the scan resumes where it stopped)
    while (at < breaks.length && (breaks[at] ?? 0) < offset) at++;
    for (let i = at; i < lines.length; i++) {
      const t = (lines[i] ?? '').trim();
      if (t !== '' && !t.startsWith('#')) return i + 1;
    }
    return lines.length;
  };
}

/**
 * Reads CSV records (RFC 4180 with `csv-parse`: quoted cells may hold commas, `""` and line
 * breaks) with the line each starts on. Blank lines and lines starting with `#` are skipped;
 * cells are trimmed. A quote that is never closed is refused with the line it opens on.
 */
function readCsv(text: string, file: string): CsvRow[] {
  const lineAfter = lineFinder(text);
  const starts: number[] = [];
  let end = 0;
  try {
    const records = parse(text, {
      bom: true,
      comment: '#',
      comment_no_infix: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
      on_record: (cells, info) => {
        starts.push(lineAfter(end));
        end = info.bytes;
        return cells;
      },
    });
    return records.map((cells, i) => ({ cells, line: starts[i] ?? 0 }));
  } catch (e) {
    if (!(e instanceof CsvError)) throw e;
    // the row the error is in: the one after the last record read
    const line = lineAfter(end);
    const message =
      e.code === 'CSV_QUOTE_NOT_CLOSED'
        ? 'a quoted cell opens on this line and is never closed (add the closing ")'
        : `not valid CSV: ${e.message.replace(/ at line \d+/, '')}`;
    throw new InputError([{ path: `${file}:${String(line)}`, message }]);
  }
}

/** Parses a CSV ledger file (see the module comment for the layout). */
export function parseLedgerCsv(text: string, file: string): LedgerFile {
  const rows = readCsv(text, file);
  const first = rows[0];
  if (first === undefined) {
    throw new InputError([
      { path: file, message: `empty file; expected a header ${CSV_COLUMNS.join(',')}` },
    ]);
  }
  const header = first.cells.map((c) => c.toLowerCase());
  const headerLine = first.line;
  const missing = CSV_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    throw new InputError([
      {
        path: `${file}:${String(headerLine)}`,
        message: `header must name the columns ${CSV_COLUMNS.join(',')}; missing ${missing.join(', ')}`,
      },
    ]);
  }
  const plan: Record<string, unknown> = {};
  const funds: Record<string, unknown> = {};
  const allowConversion: unknown[] = [];
  const allowWithdrawal: unknown[] = [];
  const transactions: Record<string, unknown>[] = [];
  const txLines: number[] = [];
  const setting: Record<string, number> = {};
  for (const { cells, line } of rows.slice(1)) {
    const get = (c: (typeof CSV_COLUMNS)[number]): string => cells[header.indexOf(c)] ?? '';
    const rec: Record<string, unknown> = {};
    for (const c of CSV_COLUMNS) {
      const v = get(c);
      if (v !== '') rec[c] = v;
    }
    const type = get('type');
    switch (type) {
      case 'open':
        plan['opened'] = rec['date'];
        if (rec['fund'] !== undefined) plan['name'] = rec['fund'];
        setting['opened'] = line;
        continue;
      case 'fund':
        if (get('fund') === '__proto__') {
          throw new InputError([
            {
              path: `${file}:${String(line)}`,
              message:
                'the fund name "__proto__" is not accepted (JavaScript objects reserve it): rename it',
            },
          ]);
        }
        funds[get('fund')] = rec['price'];
        setting[`funds.${get('fund')}`] = line;
        continue;
      case 'allow-conversion':
        allowConversion.push(rec['source']);
        setting['allowConversion'] = line;
        continue;
      case 'allow-withdrawal':
        allowWithdrawal.push(rec['source']);
        setting['allowWithdrawal'] = line;
        continue;
      case 'birth-date':
        plan['birthDate'] = rec['date'];
        setting['birthDate'] = line;
        continue;
      case 'public-safety-employee':
        plan['publicSafetyEmployee'] = true;
        setting['publicSafetyEmployee'] = line;
        continue;
      case 'separate-after-tax-account':
      case 'pooled-after-tax-account': {
        const separate = type === 'separate-after-tax-account';
        if (plan['separateAfterTaxAccount'] === !separate) {
          throw new InputError([
            {
              path: `${file}:${String(line)}`,
              message:
                'the file already says the opposite: give one of separate-after-tax-account, pooled-after-tax-account',
            },
          ]);
        }
        plan['separateAfterTaxAccount'] = separate;
        setting['separateAfterTaxAccount'] = line;
        continue;
      }
      default: {
        if (type === 'convert' && rec['amount'] === undefined) rec['amount'] = 'all';
        rec['line'] = line;
        delete rec['price'];
        if (type === 'price') rec['price'] = get('price');
        transactions.push(rec);
        txLines.push(line);
      }
    }
  }
  plan['funds'] = funds;
  if (allowConversion.length > 0) plan['allowConversion'] = allowConversion;
  if (allowWithdrawal.length > 0) plan['allowWithdrawal'] = allowWithdrawal;
  if (plan['opened'] === undefined) {
    throw new InputError([
      {
        path: `${file}:${String(headerLine)}`,
        message: 'no "open" row: add one with the date the account opened',
      },
    ]);
  }
  const lineOf = (path: readonly PropertyKey[]): number | undefined => {
    if (path[0] === 'transactions' && typeof path[1] === 'number') return txLines[path[1]];
    if (path[0] === 'plan') {
      const key = path.slice(1).map(String).join('.');
      return setting[key] ?? setting[String(path[1])] ?? headerLine;
    }
    return undefined;
  };
  return validate({ plan, transactions }, file, lineOf);
}

/** Parses a ledger file in either format. */
export function parseLedger(
  text: string,
  file: string,
  format: LedgerFormat = formatOf(file),
): LedgerFile {
  checkInputSize(text, file);
  return format === 'csv' ? parseLedgerCsv(text, file) : parseLedgerYaml(text, file);
}
