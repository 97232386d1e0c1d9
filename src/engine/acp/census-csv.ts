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
import { hashBytes, type IdStore } from './id-store.js';
import { CensusBuilder, HCE_UNKNOWN, type Census, type CensusRowValues } from './census.js';

// ignoreBOM: keep a byte-order mark as text, as the file stream did (the header drops it itself)
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

/** Largest amount accepted in a money column: $1 billion (keeps every ratio product exact). */
const MAX_AMOUNT_CENTS = 100_000_000_000;
/** Contributions above this multiple of compensation are a column mix-up, not a census. */
const MAX_RATIO_TO_PAY = 100;

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
  return parseCentsRange(text, 0, text.length);
}

/** `parseCentsField` on `text.slice(start, end)` without making the substring. */
export function parseCentsRange(text: string, start: number, end: number): number {
  let whole = 0;
  let frac = 0;
  let fracDigits = 0;
  let seenDigit = false;
  let seenDot = false;
  let i = start;
  const n = end;
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

/** True when `text.slice(start, end)` is only spaces. */
function blankRange(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (text.charCodeAt(i) !== 32) return false;
  return true;
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
  /** The ids of the good rows so far (owned by the builder), for duplicates. */
  private readonly seen: IdStore;
  // column positions (-1: absent), cached as numbers for the per-row hot path
  private cId = -1;
  private cComp = -1;
  private cMatch = -1;
  private cAfterTax = -1;
  private cQmac = -1;
  private cQnec = -1;
  private cPrior = -1;
  private cOwner = -1;
  private cPriorOwner = -1;
  private cVested = -1;
  private cHce = -1;
  private cEligible = -1;
  /** Per field: 0 ignore, 1 id, 2 amount or percentage (slot in `fastSlot`), 3 yes/no. */
  private fastKind = new Uint8Array(0);
  private fastSlot = new Int8Array(0);
  private readonly fastVal = new Float64Array(12);
  /** Lines of ids first seen on a bad row (rare), for duplicate messages. */
  private readonly firstBad = new Map<string, number>();
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
    this.seen = this.builder.idStore;
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
    const ix = this.index;
    this.cId = ix.id ?? -1;
    this.cComp = ix.compensation ?? -1;
    this.cMatch = ix.match ?? -1;
    this.cAfterTax = ix.afterTax ?? -1;
    this.cQmac = ix.qmac ?? -1;
    this.cQnec = ix.qnec ?? -1;
    this.cPrior = ix.priorCompensation ?? -1;
    this.cOwner = ix.owner ?? -1;
    this.cPriorOwner = ix.priorOwner ?? -1;
    this.cVested = ix.vested ?? -1;
    this.cHce = ix.hce ?? -1;
    this.cEligible = ix.eligible ?? -1;
    this.fastKind = new Uint8Array(fields.length);
    this.fastSlot = new Int8Array(fields.length).fill(-1);
    const numeric = [this.cComp, this.cMatch, this.cAfterTax, this.cQmac, this.cQnec, this.cPrior];
    const percents = [this.cOwner, this.cPriorOwner, this.cVested];
    numeric.concat(percents).forEach((k, slot) => {
      if (k >= 0) {
        this.fastKind[k] = 2;
        this.fastSlot[k] = slot;
      }
    });
    [this.cHce, this.cEligible].forEach((k, j) => {
      if (k >= 0) {
        this.fastKind[k] = 3;
        this.fastSlot[k] = 9 + j;
      }
    });
    if (this.cId >= 0) this.fastKind[this.cId] = 1;
    for (const req of ['id', 'compensation', 'match', 'afterTax'] as const) {
      if (this.index[req] === undefined) {
        this.headerIssues.push({
          line: this.lineNo,
          column: COLUMN_NAMES[req],
          reason: `missing column ${COLUMN_NAMES[req]} (accepted headers: ${CENSUS_COLUMNS[req].join(', ')})`,
        });
      }
    }
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
    const last = text.length - 1;
    const t = last >= 0 && text.charCodeAt(last) === 13 ? text.slice(0, -1) : text;
    const first = t.charCodeAt(0);
    // blank lines and # comments are skipped (trim only when the line starts with white space)
    if (t.length === 0 || first === 35) return;
    if ((first === 32 || first === 9) && t.trim() === '') return;
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

  // The current row: its text and the [start, end) of each field within `src[field]`.
  private src: string[] = [];
  private fs = new Int32Array(64);
  private fe = new Int32Array(64);

  /** Locates the fields of a line; returns the number of fields or a reason. */
  private locate(text: string): number | string {
    if (!text.includes('"')) {
      let k = 0;
      let s = 0;
      for (;;) {
        const c = text.indexOf(',', s);
        if (k >= this.fs.length) {
          this.fs = Int32Array.from({ length: k * 2 }, (_, i) => this.fs[i] ?? 0);
          this.fe = Int32Array.from({ length: k * 2 }, (_, i) => this.fe[i] ?? 0);
          this.src = [];
        }
        this.fs[k] = s;
        this.fe[k] = c < 0 ? text.length : c;
        k++;
        if (c < 0) break;
        s = c + 1;
      }
      this.src.length = 0;
      for (let i = 0; i < k; i++) this.src.push(text);
      return k;
    }
    const fields = splitCsvLine(text);
    if (typeof fields === 'string') return fields;
    if (fields.length > this.fs.length) {
      this.fs = new Int32Array(fields.length * 2);
      this.fe = new Int32Array(fields.length * 2);
    }
    this.src = fields;
    fields.forEach((f, i) => {
      this.fs[i] = 0;
      this.fe[i] = f.length;
    });
    return fields.length;
  }

  private raw(k: number): string {
    return (this.src[k] ?? '').slice(this.fs[k] ?? 0, this.fe[k] ?? 0);
  }

  private money(k: number, col: CensusColumn, required: boolean): number {
    if (k < 0) return 0;
    const t = this.src[k] ?? '';
    const s = this.fs[k] ?? 0;
    const e = this.fe[k] ?? 0;
    const c = parseCentsRange(t, s, e);
    if (c >= 0) return c;
    if (blankRange(t, s, e)) {
      if (required) this.problem(this.lineNo, COLUMN_NAMES[col], 'is blank');
      return 0;
    }
    const raw = this.raw(k);
    if (c === -1) this.problem(this.lineNo, COLUMN_NAMES[col], `must not be negative: "${raw}"`);
    else
      this.problem(
        this.lineNo,
        COLUMN_NAMES[col],
        `expected dollars with at most 2 decimals, got "${raw}"`,
      );
    return 0;
  }

  private percent(k: number, col: CensusColumn, blank: number): number {
    if (k < 0) return blank;
    const t = this.src[k] ?? '';
    const s = this.fs[k] ?? 0;
    const e = this.fe[k] ?? 0;
    const c = parseCentsRange(t, s, e);
    if (c >= 0 && c <= 10_000 && t.charCodeAt(s) !== 36 && !t.slice(s, e).includes(',')) return c;
    if (blankRange(t, s, e)) return blank;
    const p = parsePercentField(this.raw(k));
    if (p >= 0) return p;
    this.problem(
      this.lineNo,
      COLUMN_NAMES[col],
      `expected a percentage from 0 to 100 with at most 2 decimals, got "${this.raw(k)}"`,
    );
    return blank;
  }

  private bool(k: number, col: CensusColumn): boolean | undefined {
    if (k < 0) return undefined;
    const t = this.src[k] ?? '';
    const s = this.fs[k] ?? 0;
    const e = this.fe[k] ?? 0;
    // fast path for the usual spellings
    if (e - s === 4 && t.startsWith('true', s)) return true;
    if (e - s === 5 && t.startsWith('false', s)) return false;
    const raw = this.raw(k);
    const b = parseBool(raw);
    if (b === null) {
      this.problem(this.lineNo, COLUMN_NAMES[col], `expected true or false, got "${raw}"`);
      return undefined;
    }
    return b;
  }

  /**
   * The fast path for a plain row (no quotes, plain numbers, true/false): one pass over the
   * characters, no substrings but the id. Returns false — and stores nothing — when anything is
   * unusual, so `readRow` handles the row and words any problem.
   */
  private readRowFast(text: string, from: number, to: number): boolean {
    const kind = this.fastKind;
    const slotOf = this.fastSlot;
    const val = this.fastVal;
    val.fill(-1);
    const n = to;
    let k = 0;
    let i = from;
    let id = '';
    const fields = kind.length;
    for (;;) {
      if (k >= fields) return false;
      const kd = kind[k] ?? 0;
      const start = i;
      if (kd === 2) {
        let whole = 0;
        let frac = 0;
        let fd = -1; // digits after the point; -1 before it
        let digits = 0;
        for (; i < n; i++) {
          const c = text.charCodeAt(i);
          if (c === 44) break;
          if (c >= 48 && c <= 57) {
            digits++;
            if (fd < 0) whole = whole * 10 + (c - 48);
            else if (fd < 2) {
              frac = frac * 10 + (c - 48);
              fd++;
            } else return false;
          } else if (c === 46 && fd < 0) fd = 0;
          else return false;
        }
        if (digits === 0) return false;
        val[slotOf[k] ?? 0] = whole * 100 + (fd === 1 ? frac * 10 : frac);
      } else {
        const c = text.indexOf(',', i);
        i = c < 0 ? n : c;
        if (kd === 1) id = text.slice(start, i);
        else if (kd === 3) {
          const len = i - start;
          const c0 = text.charCodeAt(start);
          let b: number;
          if (len === 4 && c0 === 116 && text.startsWith('true', start)) b = 1;
          else if (len === 5 && c0 === 102 && text.startsWith('false', start)) b = 0;
          else if (len === 1 && (c0 === 48 || c0 === 49)) b = c0 - 48;
          else return false;
          val[slotOf[k] ?? 0] = b;
        }
      }
      k++;
      if (i >= n) break;
      i++; // the comma
    }
    if (k !== fields || id === '' || id.charCodeAt(0) === 32 || id.charCodeAt(id.length - 1) === 32)
      return false;
    if (!this.fastValues()) return false;
    if (this.seen.find(id) >= 0 || this.firstBad.has(id)) return false;
    this.row.id = id;
    this.builder.add(this.row);
    return true;
  }

  /**
   * Checks the numbers a fast path left in `fastVal` and puts them in `row` (all but the id);
   * false when the row needs the full path (a blank, a bound broken, a column missing).
   */
  private fastValues(): boolean {
    const val = this.fastVal;
    const owner = Math.max(val[6] ?? -1, val[7] ?? -1, 0);
    const vested = val[8] ?? -1;
    if (owner > 10_000 || vested > 10_000) return false;
    const hce = val[9] ?? -1;
    if (hce < 0 && this.cPrior < 0 && this.cOwner < 0 && this.cPriorOwner < 0) return false;
    const eligible = (val[10] ?? -1) !== 0;
    const comp = val[0] ?? -1;
    if (comp < 0 || (eligible && comp === 0)) return false;
    for (let j = 0; j < 6; j++) if ((val[j] ?? 0) > MAX_AMOUNT_CENTS) return false;
    const counted =
      Math.max(val[1] ?? 0, 0) +
      Math.max(val[2] ?? 0, 0) +
      Math.max(val[3] ?? 0, 0) +
      Math.max(val[4] ?? 0, 0);
    if (eligible && counted > comp * MAX_RATIO_TO_PAY) return false;
    const r = this.row;
    r.line = this.lineNo;
    r.compensation = comp;
    r.match = Math.max(val[1] ?? 0, 0);
    r.afterTax = Math.max(val[2] ?? 0, 0);
    r.qmac = Math.max(val[3] ?? 0, 0);
    r.qnec = Math.max(val[4] ?? 0, 0);
    r.priorCompensation = Math.max(val[5] ?? 0, 0);
    r.ownerBps = owner;
    r.vestedBps = vested < 0 ? 10_000 : vested;
    r.hceGiven = hce < 0 ? HCE_UNKNOWN : hce;
    r.eligible = eligible;
    return true;
  }

  /**
   * Feeds the line `b[start..end)` of UTF-8 bytes (without its line break): the streaming
   * reader's way. A plain row is read straight from the bytes — numbers parsed digit by digit,
   * the id copied into the id store — so no string is made per row; anything else (the header,
   * blanks, comments, quotes, non-ASCII text, any problem) is decoded and goes through `line`,
   * which words the problems exactly as for text input.
   */
  lineBytes(b: Uint8Array, start: number, end: number): void {
    let e = end;
    if (e > start && b[e - 1] === 13) e--;
    const c0 = b[start];
    if (
      this.header !== null &&
      this.headerIssues.length === 0 &&
      e > start &&
      c0 !== 35 &&
      c0 !== 32 &&
      c0 !== 9
    ) {
      this.lineNo++;
      if (this.readRowBytes(b, start, e)) {
        this.rowsRead++;
        return;
      }
      this.lineNo--;
    }
    this.line(utf8.decode(b.subarray(start, end)));
  }

  /** `readRowFast` on bytes; false (nothing stored) when the row is not plain. */
  private readRowBytes(b: Uint8Array, from: number, n: number): boolean {
    const kind = this.fastKind;
    const slotOf = this.fastSlot;
    const val = this.fastVal;
    val.fill(-1);
    let k = 0;
    let i = from;
    let idStart = -1;
    let idEnd = -1;
    const fields = kind.length;
    for (;;) {
      if (k >= fields) return false;
      const kd = kind[k] ?? 0;
      const start = i;
      if (kd === 2) {
        // dollars or a percentage: digits with at most two after the point, nothing else
        let whole = 0;
        let frac = 0;
        let fd = -1; // digits after the point; -1 before it
        let digits = 0;
        for (; i < n; i++) {
          const c = b[i] ?? 0;
          if (c === 44) break;
          if (c >= 48 && c <= 57) {
            digits++;
            if (fd < 0) whole = whole * 10 + (c - 48);
            else if (fd < 2) {
              frac = frac * 10 + (c - 48);
              fd++;
            } else return false;
          } else if (c === 46 && fd < 0) fd = 0;
          else return false;
        }
        // more than 15 digits could lose precision in a double: the full path words it
        if (digits === 0 || digits > 15) return false;
        val[slotOf[k] ?? 0] = whole * 100 + (fd === 1 ? frac * 10 : frac);
      } else {
        // up to the next comma; a quote means CSV quoting, and a non-ASCII byte in the id
        // needs UTF-8 decoding: both go to the full path
        for (; i < n; i++) {
          const c = b[i] ?? 0;
          if (c === 44) break;
          if (c === 34 || (c >= 128 && kd !== 0)) return false;
        }
        if (kd === 1) {
          idStart = start;
          idEnd = i;
        } else if (kd === 3) {
          const len = i - start;
          const c1 = b[start] ?? 0;
          let v: number;
          if (
            len === 4 &&
            c1 === 116 &&
            b[start + 1] === 114 &&
            b[start + 2] === 117 &&
            b[start + 3] === 101
          )
            v = 1; // true
          else if (
            len === 5 &&
            c1 === 102 &&
            b[start + 1] === 97 &&
            b[start + 2] === 108 &&
            b[start + 3] === 115 &&
            b[start + 4] === 101
          )
            v = 0; // false
          else if (len === 1 && (c1 === 48 || c1 === 49)) v = c1 - 48;
          else return false;
          val[slotOf[k] ?? 0] = v;
        }
      }
      k++;
      if (i >= n) break;
      i++; // the comma
    }
    if (k !== fields || idEnd <= idStart || b[idStart] === 32 || b[idEnd - 1] === 32) return false;
    if (!this.fastValues()) return false;
    const h = hashBytes(b, idStart, idEnd);
    if (this.seen.findBytes(b, idStart, idEnd, h) >= 0) return false;
    // ids first seen on a bad row are rare: only then is a string made to look one up
    if (this.firstBad.size > 0 && this.firstBad.has(utf8.decode(b.subarray(idStart, idEnd))))
      return false;
    this.builder.addWithIdBytes(this.row, b, idStart, idEnd, h);
    return true;
  }

  private readRow(text: string): void {
    if (this.readRowFast(text, 0, text.length)) return;
    const line = this.lineNo;
    const count = this.locate(text);
    if (typeof count === 'string') {
      this.problem(line, '(row)', count);
      return;
    }
    if (count !== this.fieldCount) {
      this.problem(
        line,
        '(row)',
        `has ${String(count)} fields, the header has ${String(this.fieldCount)}`,
      );
      return;
    }
    const before = this.issueCount;
    const r = this.row;
    r.line = line;
    r.id = this.raw(this.cId).trim();
    if (r.id === '') this.problem(line, 'id', 'is blank');
    else {
      const row = this.seen.find(r.id);
      const first = row >= 0 ? this.builder.lineAt(row) : this.firstBad.get(r.id);
      if (first !== undefined) {
        this.problem(line, 'id', `duplicate id "${r.id}" (first on line ${String(first)})`);
      }
    }
    r.compensation = this.money(this.cComp, 'compensation', true);
    r.match = this.money(this.cMatch, 'match', false);
    r.afterTax = this.money(this.cAfterTax, 'afterTax', false);
    r.qmac = this.money(this.cQmac, 'qmac', false);
    r.qnec = this.money(this.cQnec, 'qnec', false);
    r.priorCompensation = this.money(this.cPrior, 'priorCompensation', false);
    r.ownerBps = Math.max(
      this.percent(this.cOwner, 'owner', 0),
      this.percent(this.cPriorOwner, 'priorOwner', 0),
    );
    r.vestedBps = this.percent(this.cVested, 'vested', 10_000);
    const beforeHce = this.issueCount;
    const hce = this.bool(this.cHce, 'hce');
    r.hceGiven = hce === undefined ? HCE_UNKNOWN : hce ? 1 : 0;
    r.eligible = this.bool(this.cEligible, 'eligible') ?? true;
    if (
      hce === undefined &&
      this.issueCount === beforeHce &&
      this.cPrior < 0 &&
      this.cOwner < 0 &&
      this.cPriorOwner < 0
    ) {
      this.problem(
        line,
        'hce',
        'is blank and there is no prior_year_compensation or owner_percent',
      );
    }
    if (this.issueCount === before) {
      const amounts: [CensusColumn, number][] = [
        ['compensation', r.compensation],
        ['match', r.match],
        ['afterTax', r.afterTax],
        ['qmac', r.qmac],
        ['qnec', r.qnec],
        ['priorCompensation', r.priorCompensation],
      ];
      for (const [col, v] of amounts) {
        if (v > MAX_AMOUNT_CENTS) {
          this.problem(
            line,
            COLUMN_NAMES[col],
            'is more than $1,000,000,000, not a plan-year amount',
          );
        }
      }
    }
    if (
      r.eligible &&
      r.compensation > 0 &&
      this.issueCount === before &&
      r.match + r.afterTax + r.qmac + r.qnec > r.compensation * MAX_RATIO_TO_PAY
    ) {
      this.problem(
        line,
        'compensation',
        'contributions are more than 100 times compensation; check the columns (IRC 415(c) caps annual additions at 100% of pay)',
      );
    }
    if (r.eligible && r.compensation === 0 && this.issueCount === before) {
      this.problem(
        line,
        'compensation',
        'must be more than 0 for an eligible employee (the ratio divides by it)',
      );
    }
    if (this.issueCount === before) {
      this.builder.add(r);
    } else if (r.id !== '' && !this.firstBad.has(r.id) && this.seen.find(r.id) < 0) {
      this.firstBad.set(r.id, line);
    }
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
