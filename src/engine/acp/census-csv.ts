/**
 * Reading a census CSV line by line into a `Census` (pure: the caller feeds lines, e.g. from a
 * file stream). The first non-blank line is the header; headers are matched case-insensitively,
 * ignoring spaces, hyphens and underscores, with common aliases (`CENSUS_COLUMNS`). Every row that
 * cannot be used is reported with its line, its column and the reason; none is dropped silently.
 *
 * Columns: `id`, `compensation` (plan-year 414(s) pay), `match`, `after_tax` (dollars), and either
 * `hce` (true/false) or the inputs to decide it: `prior_year_compensation`, `owner_percent`
 * (`prior_year_owner_percent`). Optional: `eligible` (default true), `qmac`, `qnec`,
 * `match_vested_percent` (default 100), `name` (ignored). Blank `match`, `after_tax`, `qmac`,
 * `qnec` and `prior_year_compensation` mean 0; a blank `compensation` or `id` is an error.
 */
import { CensusBuilder, HCE_UNKNOWN, type Census, type CensusRowValues } from './census.js';

/** The census columns and the header names accepted for each (after normalizing). */
export const CENSUS_COLUMNS = {
  id: ['id', 'employeeid', 'empid', 'employee', 'participantid', 'employeenumber', 'eeid'],
  name: ['name', 'employeename', 'fullname'],
  compensation: [
    'compensation',
    'comp',
    'pay',
    'plancompensation',
    '414scompensation',
    'testingcompensation',
    'wages',
    'salary',
  ],
  match: ['match', 'matching', 'employermatch', 'matchamount', 'matchingcontributions'],
  afterTax: [
    'aftertax',
    'aftertaxcontributions',
    'employeeaftertax',
    'voluntaryaftertax',
    'aftertaxamount',
  ],
  qmac: ['qmac', 'qmacs'],
  qnec: ['qnec', 'qnecs'],
  hce: ['hce', 'ishce', 'highlycompensated'],
  priorCompensation: [
    'prioryearcompensation',
    'priorcompensation',
    'prioryearcomp',
    'priorcomp',
    'lookbackcompensation',
  ],
  owner: ['ownerpercent', 'ownership', 'ownershippercent', 'ownerpct', 'percentowned'],
  priorOwner: ['prioryearownerpercent', 'priorownerpercent', 'prioryearownership'],
  eligible: ['eligible', 'iseligible', 'eligibility'],
  vested: ['matchvestedpercent', 'vestedpercent', 'vesting', 'vestedpct', 'matchvesting'],
} as const;

export type CensusColumn = keyof typeof CENSUS_COLUMNS;

/** The name each column is documented under (used in messages). */
export const COLUMN_NAMES: Readonly<Record<CensusColumn, string>> = {
  id: 'id',
  name: 'name',
  compensation: 'compensation',
  match: 'match',
  afterTax: 'after_tax',
  qmac: 'qmac',
  qnec: 'qnec',
  hce: 'hce',
  priorCompensation: 'prior_year_compensation',
  owner: 'owner_percent',
  priorOwner: 'prior_year_owner_percent',
  eligible: 'eligible',
  vested: 'match_vested_percent',
};

/** One unusable row (or header) problem. */
export interface CensusIssue {
  readonly line: number;
  /** The documented column name, or `(row)` / `(header)`. */
  readonly column: string;
  readonly reason: string;
}

export interface CensusReadResult {
  readonly census: Census;
  /** Problems in the header: no test can run. */
  readonly headerIssues: readonly CensusIssue[];
  /** Problems in rows (at most `maxIssues` kept; `issueCount` counts them all). */
  readonly issues: readonly CensusIssue[];
  readonly issueCount: number;
  /** Distinct rows left out because of a problem. */
  readonly badRows: number;
  /** Data rows seen (good and bad). */
  readonly rowsRead: number;
}

function normalizeHeader(h: string): string {
  return h
    .replace(/^\uFEFF/, '')
    .trim()
    .replace(/^"|"$/g, '')
    .toLowerCase()
    .replace(/[\s_\-.()%#]/g, '');
}

const ALIAS = new Map<string, CensusColumn>();
for (const [col, names] of Object.entries(CENSUS_COLUMNS) as [CensusColumn, readonly string[]][]) {
  for (const n of names) ALIAS.set(n, col);
}

/**
 * Splits one CSV line into fields (RFC 4180 quotes within the line: `"a,b"`, `""` for a quote).
 * Returns a string (the reason) when the line is malformed.
 */
export function splitCsvLine(line: string): string[] | string {
  if (!line.includes('"')) return line.split(',');
  const out: string[] = [];
  let i = 0;
  const n = line.length;
  while (i <= n) {
    if (line.charCodeAt(i) === 34) {
      let v = '';
      i++;
      for (;;) {
        const q = line.indexOf('"', i);
        if (q < 0) return 'a quoted field is not closed on this line';
        v += line.slice(i, q);
        if (line.charCodeAt(q + 1) === 34) {
          v += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      if (i < n && line.charCodeAt(i) !== 44) return 'text after a closing quote';
      out.push(v);
      i++;
    } else {
      const c = line.indexOf(',', i);
      const end = c < 0 ? n : c;
      out.push(line.slice(i, end));
      i = end + 1;
    }
  }
  return out;
}

/**
 * Dollars text ("1234.56", "$1,234.5", "0") to cents; returns -1 for a negative amount, -2 for
 * text that is not an amount with at most two decimals. Blank is handled by the caller.
 */
export function parseCentsField(text: string): number {
  let whole = 0;
  let frac = 0;
  let fracDigits = 0;
  let seenDigit = false;
  let seenDot = false;
  let i = 0;
  const n = text.length;
  while (i < n && text.charCodeAt(i) === 32) i++;
  if (i < n && text.charCodeAt(i) === 45) return -1;
  if (i < n && text.charCodeAt(i) === 36) i++; // $
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      seenDigit = true;
      if (seenDot) {
        if (fracDigits < 2) {
          frac = frac * 10 + (c - 48);
          fracDigits++;
        } else if (c !== 48) return -2; // a fraction of a cent
      } else whole = whole * 10 + (c - 48);
    } else if (c === 46 && !seenDot) seenDot = true;
    else if (c === 44 && !seenDot)
      continue; // thousands separator
    else if (c === 32) {
      for (; i < n; i++) if (text.charCodeAt(i) !== 32) return -2;
    } else return -2;
  }
  if (!seenDigit) return -2;
  const cents = whole * 100 + (fracDigits === 1 ? frac * 10 : frac);
  return Number.isSafeInteger(cents) ? cents : -2;
}

/** A percentage 0..100 with at most two decimals, in hundredths of a percent; -1 if invalid. */
function parsePercentField(text: string): number {
  const t = text.trim().replace(/%$/, '');
  if (!/^\d+(\.\d+)?$/.test(t)) return -1;
  const c = parseCentsField(t);
  if (c < 0 || c > 10_000) return -1;
  return c;
}

const TRUE = new Set(['true', 't', 'yes', 'y', '1', 'x']);
const FALSE = new Set(['false', 'f', 'no', 'n', '0']);

/** true / false / undefined for blank / null for not a yes-no value. */
function parseBool(text: string): boolean | undefined | null {
  const t = text.trim().toLowerCase();
  if (t === '') return undefined;
  if (TRUE.has(t)) return true;
  if (FALSE.has(t)) return false;
  return null;
}

/**
 * Reads a census one line at a time. Call `line(text)` for every physical line of the file in
 * order (without the line break), then `finish()`.
 */
export class CensusReader {
  private lineNo = 0;
  private header: (CensusColumn | null)[] | null = null;
  private index: Partial<Record<CensusColumn, number>> = {};
  private fieldCount = 0;
  private readonly headerIssues: CensusIssue[] = [];
  private readonly issues: CensusIssue[] = [];
  private issueCount = 0;
  private badRows = 0;
  private rowsRead = 0;
  private readonly seen = new Map<string, number>();
  private readonly builder: CensusBuilder;
  private readonly row: CensusRowValues = {
    id: '',
    line: 0,
    compensation: 0,
    match: 0,
    afterTax: 0,
    qmac: 0,
    qnec: 0,
    priorCompensation: 0,
    ownerBps: 0,
    hceGiven: HCE_UNKNOWN,
    eligible: true,
    vestedBps: 10_000,
  };

  /**
   * @param maxIssues how many row problems to keep in detail (all are counted).
   * @param capacityHint expected number of rows, to size the arrays once.
   */
  constructor(
    private readonly maxIssues = 10_000,
    capacityHint = 1024,
  ) {
    this.builder = new CensusBuilder(capacityHint);
  }

  private problem(line: number, column: string, reason: string): void {
    this.issueCount++;
    if (this.issues.length < this.maxIssues) this.issues.push({ line, column, reason });
  }

  private readHeader(text: string): void {
    const fields = splitCsvLine(text);
    if (typeof fields === 'string') {
      this.headerIssues.push({ line: this.lineNo, column: '(header)', reason: fields });
      this.header = [];
      return;
    }
    this.fieldCount = fields.length;
    this.header = fields.map((f, i) => {
      const col = ALIAS.get(normalizeHeader(f)) ?? null;
      if (col !== null) {
        if (this.index[col] !== undefined) {
          this.headerIssues.push({
            line: this.lineNo,
            column: COLUMN_NAMES[col],
            reason: `two columns mean ${COLUMN_NAMES[col]} ("${f.trim()}" is the second)`,
          });
        } else this.index[col] = i;
      }
      return col;
    });
    for (const req of ['id', 'compensation', 'match', 'afterTax'] as const) {
      if (this.index[req] === undefined) {
        this.headerIssues.push({
          line: this.lineNo,
          column: COLUMN_NAMES[req],
          reason: `missing column ${COLUMN_NAMES[req]} (accepted headers: ${CENSUS_COLUMNS[req].join(', ')})`,
        });
      }
    }
    const ix = this.index;
    if (ix.hce === undefined && ix.priorCompensation === undefined && ix.owner === undefined) {
      this.headerIssues.push({
        line: this.lineNo,
        column: '(header)',
        reason:
          'needs an hce column, or prior_year_compensation and/or owner_percent to determine HCEs',
      });
    }
  }

  /** Feeds the next physical line of the file. */
  line(text: string): void {
    this.lineNo++;
    const t = text.endsWith('\r') ? text.slice(0, -1) : text;
    if (t.trim() === '' || t.startsWith('#')) return;
    if (this.header === null) {
      this.readHeader(t);
      return;
    }
    if (this.headerIssues.length > 0) return;
    this.rowsRead++;
    const before = this.issueCount;
    this.readRow(t);
    if (this.issueCount > before) this.badRows++;
  }

  private money(fields: readonly string[], col: CensusColumn, required: boolean): number {
    const i = this.index[col];
    if (i === undefined) return 0;
    const raw = fields[i] ?? '';
    if (raw.trim() === '') {
      if (required) this.problem(this.lineNo, COLUMN_NAMES[col], 'is blank');
      return 0;
    }
    const c = parseCentsField(raw);
    if (c === -1) this.problem(this.lineNo, COLUMN_NAMES[col], `must not be negative: "${raw}"`);
    else if (c < 0)
      this.problem(
        this.lineNo,
        COLUMN_NAMES[col],
        `expected dollars with at most 2 decimals, got "${raw}"`,
      );
    return c < 0 ? 0 : c;
  }

  private percent(fields: readonly string[], col: CensusColumn, blank: number): number {
    const i = this.index[col];
    if (i === undefined) return blank;
    const raw = fields[i] ?? '';
    if (raw.trim() === '') return blank;
    const p = parsePercentField(raw);
    if (p < 0) {
      this.problem(
        this.lineNo,
        COLUMN_NAMES[col],
        `expected a percentage from 0 to 100 with at most 2 decimals, got "${raw}"`,
      );
      return blank;
    }
    return p;
  }

  private bool(fields: readonly string[], col: CensusColumn): boolean | undefined {
    const i = this.index[col];
    if (i === undefined) return undefined;
    const raw = fields[i] ?? '';
    const b = parseBool(raw);
    if (b === null) {
      this.problem(this.lineNo, COLUMN_NAMES[col], `expected true or false, got "${raw}"`);
      return undefined;
    }
    return b;
  }

  private readRow(text: string): void {
    const fields = splitCsvLine(text);
    const line = this.lineNo;
    if (typeof fields === 'string') {
      this.problem(line, '(row)', fields);
      return;
    }
    if (fields.length !== this.fieldCount) {
      this.problem(
        line,
        '(row)',
        `has ${String(fields.length)} fields, the header has ${String(this.fieldCount)}`,
      );
      return;
    }
    const before = this.issueCount;
    const r = this.row;
    r.line = line;
    r.id = (fields[this.index.id ?? 0] ?? '').trim();
    if (r.id === '') this.problem(line, 'id', 'is blank');
    else {
      const first = this.seen.get(r.id);
      if (first !== undefined) {
        this.problem(line, 'id', `duplicate id "${r.id}" (first on line ${String(first)})`);
      } else this.seen.set(r.id, line);
    }
    r.compensation = this.money(fields, 'compensation', true);
    r.match = this.money(fields, 'match', false);
    r.afterTax = this.money(fields, 'afterTax', false);
    r.qmac = this.money(fields, 'qmac', false);
    r.qnec = this.money(fields, 'qnec', false);
    r.priorCompensation = this.money(fields, 'priorCompensation', false);
    r.ownerBps = Math.max(this.percent(fields, 'owner', 0), this.percent(fields, 'priorOwner', 0));
    r.vestedBps = this.percent(fields, 'vested', 10_000);
    const beforeHce = this.issueCount;
    const hce = this.bool(fields, 'hce');
    r.hceGiven = hce === undefined ? HCE_UNKNOWN : hce ? 1 : 0;
    r.eligible = this.bool(fields, 'eligible') ?? true;
    if (
      hce === undefined &&
      this.issueCount === beforeHce &&
      this.index.priorCompensation === undefined &&
      this.index.owner === undefined &&
      this.index.priorOwner === undefined
    ) {
      this.problem(
        line,
        'hce',
        'is blank and there is no prior_year_compensation or owner_percent',
      );
    }
    if (r.eligible && r.compensation === 0 && this.issueCount === before) {
      this.problem(
        line,
        'compensation',
        'must be more than 0 for an eligible employee (the ratio divides by it)',
      );
    }
    if (this.issueCount === before) this.builder.add(r);
  }

  /** The census of the good rows and every problem found. */
  finish(): CensusReadResult {
    const headerIssues = [...this.headerIssues];
    if (this.header === null) {
      headerIssues.push({ line: 1, column: '(header)', reason: 'the file has no header row' });
    }
    return {
      census: this.builder.build({
        hce: this.index.hce !== undefined,
        priorCompensation: this.index.priorCompensation !== undefined,
        owner: this.index.owner !== undefined || this.index.priorOwner !== undefined,
        vested: this.index.vested !== undefined,
      }),
      headerIssues,
      issues: this.issues,
      issueCount: this.issueCount,
      badRows: this.badRows,
      rowsRead: this.rowsRead,
    };
  }
}

/** Reads a whole census text (for tests and small files). */
export function readCensusText(text: string): CensusReadResult {
  const reader = new CensusReader();
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    if (nl < 0) {
      if (start < text.length) reader.line(text.slice(start));
      break;
    }
    reader.line(text.slice(start, nl));
    start = nl + 1;
  }
  return reader.finish();
}
