/**
 * Reading a ledger transaction file (YAML or CSV) into the validated model, keeping each
 * transaction's line so errors can name it. Pure: takes text, returns data or an InputError.
 *
 * CSV layout (header required): `date,type,source,fund,amount,price,to`. Besides the transaction
 * types, setting rows describe the plan: `open` (date the account opened; `fund`, optional, is the
 * plan name), `fund` (declares a fund and its unit price), `allow-conversion` and
 * `allow-withdrawal` (a source), `separate-after-tax-account`. Blank lines and lines starting
 * with `#` are skipped.
 */
import { LineCounter, parseDocument, isMap, isSeq } from 'yaml';
import { InputError, formatPath, type InputIssue } from '../errors.js';
import { ledgerFileSchema, type LedgerFile } from './model.js';

/** The two file formats. */
export type LedgerFormat = 'yaml' | 'csv';

/** Picks the format from a file name (`.csv` → csv, anything else → yaml). */
export function formatOf(fileName: string): LedgerFormat {
  return /\.csv$/i.test(fileName) ? 'csv' : 'yaml';
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
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new InputError(
      doc.errors.map((e) => ({
        path: e.linePos ? `${file}:${String(e.linePos[0].line)}` : file,
        message: `not valid YAML: ${e.message.split('\n')[0] ?? 'syntax error'}`,
      })),
    );
  }
  const raw = doc.toJS({ maxAliasCount: 100 }) as unknown;
  // Line of each transaction item, attached as `line`.
  const txNode = isMap(doc.contents) ? doc.contents.get('transactions', true) : undefined;
  const lines: number[] = [];
  if (isSeq(txNode)) {
    for (const item of txNode.items) {
      const range = (item as { range?: [number, number, number] } | null)?.range;
      lines.push(range ? lc.linePos(range[0]).line : 0);
    }
  }
  if (
    raw !== null &&
    typeof raw === 'object' &&
    Array.isArray((raw as { transactions?: unknown }).transactions)
  ) {
    const txs = (raw as { transactions: unknown[] }).transactions;
    txs.forEach((t, i) => {
      if (t !== null && typeof t === 'object' && !Array.isArray(t) && lines[i]) {
        (t as Record<string, unknown>)['line'] = lines[i];
      }
    });
  }
  const lineOf = (path: readonly PropertyKey[]): number | undefined => {
    if (path[0] === 'transactions' && typeof path[1] === 'number')
      return lines[path[1]] || undefined;
    const node = doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
    return node?.range ? lc.linePos(node.range[0]).line : undefined;
  };
  return validate(raw, file, lineOf);
}

const CSV_COLUMNS = ['date', 'type', 'source', 'fund', 'amount', 'price', 'to'] as const;

/** Splits one CSV line (double quotes with "" escapes). */
function splitCsv(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] ?? '';
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  out.push(cur.trim());
  return out;
}

/** Parses a CSV ledger file (see the module comment for the layout). */
export function parseLedgerCsv(text: string, file: string): LedgerFile {
  const rows = text.split(/\r?\n/);
  let header: string[] | null = null;
  let headerLine = 0;
  const plan: Record<string, unknown> = { funds: {} };
  const funds: Record<string, unknown> = {};
  const allowConversion: unknown[] = [];
  const allowWithdrawal: unknown[] = [];
  const transactions: Record<string, unknown>[] = [];
  const issues: InputIssue[] = [];
  const txLines: number[] = [];
  const setting: Record<string, number> = {};
  for (const [idx, row] of rows.entries()) {
    const line = idx + 1;
    if (row.trim() === '' || row.trimStart().startsWith('#')) continue;
    const cells = splitCsv(row);
    if (header === null) {
      header = cells.map((c) => c.toLowerCase());
      headerLine = line;
      const missing = CSV_COLUMNS.filter((c) => !(header ?? []).includes(c));
      if (missing.length > 0) {
        issues.push({
          path: `${file}:${String(line)}`,
          message: `header must name the columns ${CSV_COLUMNS.join(',')}; missing ${missing.join(', ')}`,
        });
      }
      continue;
    }
    const h = header;
    const get = (c: (typeof CSV_COLUMNS)[number]): string => cells[h.indexOf(c)] ?? '';
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
      case 'separate-after-tax-account':
        plan['separateAfterTaxAccount'] = true;
        continue;
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
  if (header === null)
    issues.push({ path: file, message: `empty file; expected a header ${CSV_COLUMNS.join(',')}` });
  if (issues.length > 0) throw new InputError(issues);
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
  return format === 'csv' ? parseLedgerCsv(text, file) : parseLedgerYaml(text, file);
}
