/**
 * Reading a census CSV into a `Census` (pure: the caller feeds the file's lines as bytes, e.g.
 * from a file stream). The file is RFC 4180 CSV: a field with a comma, a quote or a line break is
 * quoted, and a quote inside it is written twice. The first non-blank line is the header; headers
 * are matched case-insensitively, ignoring spaces, hyphens and underscores, with common aliases
 * (`CENSUS_COLUMNS`). Every row that cannot be used is reported with its line, its column and the
 * reason; none is dropped silently.
 *
 * Two readers, one dialect: a plain row (no quote, amounts as plain digits, true/false) is read
 * straight from its bytes; every other line — the header, quotes (also quoted fields running over
 * several lines), `$` or thousands commas, non-ASCII ids, any problem — goes through `csv-parse`
 * and is read field by field. A property test checks that both give the same census and problems.
 *
 * Columns: `id`, `compensation` (plan-year 414(s) pay), `match`, `after_tax` (dollars), and either
 * `hce` (true/false) or the inputs to decide it: `prior_year_compensation`, `owner_percent`
 * (`prior_year_owner_percent`). Optional: `eligible` (default true), `qmac`, `qnec`,
 * `match_vested_percent` (default 100), `deferrals` (elective deferrals: the ADP test runs),
 * `age` or `birth_date`, `service_years` or `hire_date`, `otherwise_excludable` (yes/no), and
 * `gain_loss` with `beginning_balance` (the tested accounts' income for the plan year, for the
 * income allocable to refunds), `name` (ignored). Blank `match`, `after_tax`, `qmac`, `qnec`,
 * `deferrals`, `beginning_balance` and `prior_year_compensation` mean 0, a blank age, date or
 * yes/no means not given; a blank `compensation`, `id` or `gain_loss` is an error.
 */
import { CsvError, parse, type Options } from 'csv-parse/browser/esm/sync';
import { formatUsd, parseDollars } from '../money.js';
import {
  AMOUNT_COLUMNS,
  CensusBuilder,
  HCE_UNKNOWN,
  NOT_GIVEN,
  ROW,
  ROW_SIZE,
  type Census,
  type CensusRowValues,
  type OptionalColumns,
} from './census.js';
import {
  BLANK,
  MAX_PLAIN_DIGITS,
  NOT_PLAIN,
  parseDateNumber,
  parseHundredths,
  parsePercent,
  parseWholeNumber,
  parseYesNo,
  PlainAmountReader,
} from './census-values.js';
import { hashBytes, type IdStore } from './id-store.js';

// ignoreBOM: keep a byte-order mark as text; the reader drops it from the file's first line
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });
const encoder = new TextEncoder();

/** Largest amount accepted in a money column: $1 billion (keeps every ratio product exact). */
const MAX_AMOUNT_CENTS = 100_000_000_000;
/** Contributions above this multiple of compensation are a column mix-up, not a census. */
const MAX_RATIO_TO_PAY = 100;
/** The oldest age in whole years a row may give. */
const MAX_AGE = 130;
/** The most years of service a row may give. */
const MAX_SERVICE_YEARS = 100;
/**
 * A quoted field may run over at most this many lines; a quote still open after them (or at the
 * end of the file) is reported on the line it was opened, and the lines after it are read again.
 */
export const MAX_RECORD_LINES = 100;

/** The census columns and the header names accepted for each (after normalizing). */
const CENSUS_COLUMNS = {
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
  deferrals: [
    'deferrals',
    'deferral',
    'electivedeferrals',
    'electivecontributions',
    'employeedeferrals',
    'salarydeferrals',
    '401kdeferrals',
  ],
  age: ['age', 'ageatyearend'],
  birthDate: ['birthdate', 'dateofbirth', 'dob'],
  serviceYears: ['serviceyears', 'yearsofservice', 'service', 'yos'],
  hireDate: ['hiredate', 'dateofhire', 'doh'],
  excludable: ['otherwiseexcludable', 'excludable'],
  gainLoss: ['gainloss', 'gainorloss', 'accountgainloss', 'earnings'],
  beginningBalance: ['beginningbalance', 'startingbalance', 'openingbalance'],
} as const;

type CensusColumn = keyof typeof CENSUS_COLUMNS;

/** The name each column is documented under (used in messages). */
const COLUMN_NAMES: Readonly<Record<CensusColumn, string>> = {
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
  deferrals: 'deferrals',
  age: 'age',
  birthDate: 'birth_date',
  serviceYears: 'service_years',
  hireDate: 'hire_date',
  excludable: 'otherwise_excludable',
  gainLoss: 'gain_loss',
  beginningBalance: 'beginning_balance',
};

/** How the fast path reads each field (`CensusReader.fastKind`). */
const IGNORE = 0;
const ID = 1;
/** An amount, a percentage or years: plain digits with at most two decimals, or blank. */
const AMOUNT = 2;
/** true, false, 1, 0, or blank. */
const YES_NO = 3;
/** A gain or loss: an amount with an optional minus sign, never blank. */
const SIGNED = 4;
/** An age: one to three digits, or blank. */
const WHOLE = 5;
/** A date `YYYY-MM-DD`, or blank. */
const DATE = 6;

/**
 * Where the fast path keeps each column's number while it reads a row (-1: blank): in the
 * builder's row vector (`ROW`), which it hands the builder once the row is checked (a column the
 * file lacks keeps its default there, `rowDefaults`), and the two ownership columns after it
 * (the vector's `ownerBps` is the greater of them).
 */
const SLOT = {
  compensation: ROW.compensation,
  match: ROW.match,
  afterTax: ROW.afterTax,
  qmac: ROW.qmac,
  qnec: ROW.qnec,
  priorCompensation: ROW.priorCompensation,
  deferrals: ROW.deferrals,
  beginningBalance: ROW.beginningBalance,
  gainLoss: ROW.gainLoss,
  owner: ROW_SIZE,
  vested: ROW.vestedBps,
  serviceYears: ROW.serviceYears,
  hce: ROW.hceGiven,
  eligible: ROW.eligible,
  excludable: ROW.excludableGiven,
  age: ROW.age,
  birthDate: ROW.birthDate,
  hireDate: ROW.hireDate,
  priorOwner: ROW_SIZE + 1,
} as const satisfies Partial<Record<CensusColumn, number>>;
const FAST_SLOTS = ROW_SIZE + 2;

/**
 * The fast path's vector before the first row: each column's value when the file lacks it (the
 * value the checks in `plainRows` turn a blank into), -1 for the two ownership columns.
 */
function rowDefaults(): Float64Array {
  const v = new Float64Array(FAST_SLOTS).fill(-1);
  for (const k of [...AMOUNT_COLUMNS, 'gainLoss', 'ownerBps', 'birthDate', 'hireDate'] as const) {
    v[ROW[k]] = 0;
  }
  v[ROW.vestedBps] = 10_000;
  v[ROW.eligible] = 1;
  v[ROW.hceGiven] = HCE_UNKNOWN;
  v[ROW.age] = NOT_GIVEN;
  v[ROW.serviceYears] = NOT_GIVEN;
  v[ROW.excludableGiven] = NOT_GIVEN;
  return v;
}

/** How the fast path reads each column. */
const FAST_KIND: Readonly<Record<keyof typeof SLOT, number>> = {
  compensation: AMOUNT,
  match: AMOUNT,
  afterTax: AMOUNT,
  qmac: AMOUNT,
  qnec: AMOUNT,
  priorCompensation: AMOUNT,
  deferrals: AMOUNT,
  beginningBalance: AMOUNT,
  owner: AMOUNT,
  priorOwner: AMOUNT,
  vested: AMOUNT,
  serviceYears: AMOUNT,
  hce: YES_NO,
  eligible: YES_NO,
  excludable: YES_NO,
  gainLoss: SIGNED,
  age: WHOLE,
  birthDate: DATE,
  hireDate: DATE,
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
    .trim()
    .toLowerCase()
    .replace(/[\s_\-.()%#/]/g, '');
}

const ALIAS = new Map<string, CensusColumn>();
for (const [col, names] of Object.entries(CENSUS_COLUMNS) as [CensusColumn, readonly string[]][]) {
  for (const n of names) ALIAS.set(n, col);
}

/** A record that is not (yet) CSV: why, and whether a quoted field is still open at its end. */
interface Malformed {
  readonly reason: string;
  readonly open: boolean;
}

const NOT_CLOSED = 'a quoted field is not closed';

/** The reason for each csv-parse error code a census line can raise. */
const CSV_REASON: Readonly<Record<string, string>> = {
  CSV_QUOTE_NOT_CLOSED: NOT_CLOSED,
  CSV_INVALID_CLOSING_QUOTE:
    'text after a closing quote (a quoted field must end with the quote, right before the comma)',
  INVALID_OPENING_QUOTE:
    'a quote inside a field that does not start with one (quote the whole field and write each quote in it twice)',
};

const CSV_OPTIONS: Options = { record_delimiter: '\n', relax_column_count: true };

/** The fields of one record (its lines joined by \n) by csv-parse, or why it is not CSV. */
function parseRecord(text: string): string[] | Malformed {
  try {
    return parse(text, CSV_OPTIONS)[0] ?? [''];
  } catch (e) {
    if (!(e instanceof CsvError)) throw e;
    return {
      reason: CSV_REASON[e.code] ?? `cannot be read as CSV (${e.message})`,
      open: e.code === 'CSV_QUOTE_NOT_CLOSED',
    };
  }
}

/**
 * The records of several lines (UTF-8: csv-parse reads bytes faster than it encodes text) by
 * csv-parse, or null when any of them is not CSV.
 */
function parseRecords(text: Uint8Array): string[][] | null {
  try {
    return parse(text, CSV_OPTIONS);
  } catch (e) {
    if (e instanceof CsvError) return null;
    throw e;
  }
}

/** True when the line has an even number of quotes (none is left open at its end). */
function evenQuotes(line: string): boolean {
  let n = 0;
  for (let i = line.indexOf('"'); i >= 0; i = line.indexOf('"', i + 1)) n++;
  return n % 2 === 0;
}

/** Lines read before the arrays are sized from their average length (`expectedBytes`). */
const SAMPLE_LINES = 4096;

/**
 * Lines read one call each before the rest. V8 gives a function its type feedback only after it
 * has run for a while; a fast path whose first call is a long loop gets it in the middle of that
 * call, with none for the code before the loop, and its first optimized version is thrown away on
 * the next call (and compiled again): a few short calls first avoid that.
 */
const FEEDBACK_LINES = 16;

/** Where to read the census's rows from, and how much to keep. */
export interface CensusReaderOptions {
  /** How many row problems to keep in detail (all are counted); default 10,000. */
  readonly maxIssues?: number;
  /** Expected number of rows, to size the arrays once. */
  readonly capacityHint?: number;
  /**
   * The size of the whole input in bytes, when known (a file's size): after the first
   * `SAMPLE_LINES` lines the arrays are sized once for the rows it holds at the average length
   * of those lines, so a large census neither doubles its arrays nor over-allocates them.
   */
  readonly expectedBytes?: number;
  /**
   * Read plain rows straight from their bytes (default true). False reads every line through
   * csv-parse: the property test compares the two.
   */
  readonly fastPath?: boolean;
  /**
   * Lines read by csv-parse in one call (default 1000; 1 reads each line on its own): csv-parse
   * costs a few microseconds a call more than a line, which a census quoting every field feels.
   */
  readonly batchLines?: number;
}

/**
 * Reads a census from its bytes. Call `chunkBytes` with the file's bytes in order, in chunks of
 * any size (a line may be cut anywhere by a chunk boundary), then `finish()`.
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
  private readonly maxIssues: number;
  private readonly fast: boolean;
  /** The lines of a record whose quoted field is still open, and the line it started on. */
  private pending: string[] = [];
  private pendingLine = 0;
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
  private cDeferrals = -1;
  private cAge = -1;
  private cBirth = -1;
  private cService = -1;
  private cHire = -1;
  private cExcludable = -1;
  private cGain = -1;
  private cBalance = -1;
  /** How the fast path reads each field (`IGNORE`, `ID`, `AMOUNT`, …) and its slot in `fastVal`. */
  private fastKind = new Uint8Array(0);
  private fastSlot = new Int8Array(0);
  /** The fast path's numbers by slot (`SLOT`): -1 for a blank field. */
  private readonly fastVal = rowDefaults();
  private readonly amounts = new PlainAmountReader();
  /** The start of a line cut by the end of the last chunk (with the line break added at the end). */
  private carry: Uint8Array | null = null;
  /** Lines for csv-parse in one call (from `batchFirst` on), while no record is open. */
  private batch: string[] = [];
  private batchFirst = 0;
  private readonly batchLines: number;
  /** Lines of ids first seen on a bad row (rare), for duplicate messages. */
  private readonly firstBad = new Map<string, number>();
  private readonly builder: CensusBuilder;
  /** `expectedBytes` (0: unknown), and the bytes of the lines so far, until the arrays are sized. */
  private readonly expectedBytes: number;
  private bytesSeen = 0;
  private linesSeen = 0;
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
    deferrals: 0,
    age: NOT_GIVEN,
    birthDate: 0,
    serviceYears: NOT_GIVEN,
    hireDate: 0,
    excludableGiven: NOT_GIVEN,
    gainLoss: 0,
    beginningBalance: 0,
  };

  constructor(opts: CensusReaderOptions = {}) {
    this.maxIssues = opts.maxIssues ?? 10_000;
    this.fast = opts.fastPath ?? true;
    this.batchLines = Math.max(1, opts.batchLines ?? 1000);
    this.builder = new CensusBuilder(opts.capacityHint ?? 1024);
    this.seen = this.builder.idStore;
    this.expectedBytes = opts.expectedBytes ?? 0;
    if (this.expectedBytes > 0) {
      // room for the sampled lines (at 12 bytes or more a line, ids of up to 16 bytes), so that
      // no array grows in the fast path's first loop, which runs while it is being compiled
      const rows = Math.min(SAMPLE_LINES, Math.ceil(this.expectedBytes / 12)) + 16;
      this.builder.reserve(rows, rows * 16);
    }
  }

  /**
   * Sizes the arrays, once the first `SAMPLE_LINES` lines are read, for the rows the whole input
   * holds at their average length (2% over, for rows longer than the sample's).
   */
  private sizeArrays(): void {
    const rows = Math.ceil(((this.expectedBytes * this.linesSeen) / this.bytesSeen) * 1.02);
    this.builder.reserve(rows + 16, Math.ceil((this.seen.bytesUsed / this.seen.size) * rows));
  }

  private problem(line: number, column: string, reason: string): void {
    this.issueCount++;
    if (this.issues.length < this.maxIssues) this.issues.push({ line, column, reason });
  }

  /**
   * Feeds the next bytes of the file, `b[start..end)` (UTF-8). Plain rows are read straight from
   * the bytes (`plainRows`), so no string is made per row; every other line is decoded and read
   * by csv-parse. The lines after the last line break wait for the next chunk (or `finish`).
   */
  chunkBytes(chunk: Uint8Array, start = 0, end = chunk.length): void {
    // a plain Uint8Array view of a subclass (Node's Buffer): the loop then sees one kind of array
    const b =
      chunk.constructor === Uint8Array
        ? chunk
        : new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let i = start;
    if (this.carry !== null) {
      // the line cut by the last chunk: joined with its end, and its line break, in a copy
      const nl = b.indexOf(10, i);
      const stop = nl < 0 || nl >= end ? end : nl;
      const c = this.carry;
      const joined = new Uint8Array(c.length + stop - i + 1);
      joined.set(c);
      joined.set(b.subarray(i, stop), c.length);
      if (stop === end) {
        this.carry = joined.subarray(0, joined.length - 1);
        return;
      }
      this.carry = null;
      joined[joined.length - 1] = 10;
      this.lines(joined, 0, joined.length);
      i = stop + 1;
    }
    const last = i < end ? b.lastIndexOf(10, end - 1) : -1;
    const limit = last < i ? i : last + 1;
    this.lines(b, i, limit);
    if (limit < end) this.carry = b.slice(limit, end);
  }

  /** Whether the fast path may read the next line (a good header, no quoted field open). */
  private plainReady(): boolean {
    return (
      this.fast &&
      this.pending.length === 0 &&
      this.header !== null &&
      this.headerIssues.length === 0
    );
  }

  /**
   * Reads the whole lines `b[from..limit)`, each ending with a line break. The first
   * `FEEDBACK_LINES` lines are read one call each; the rest of the first `SAMPLE_LINES` are
   * counted first and read in one go (the fast path is then one long loop, compiled on its
   * stack once), then the arrays are sized (`sizeArrays`).
   */
  private lines(b: Uint8Array, from: number, limit: number): void {
    let i = from;
    // the first lines one call each: the fast path's entry then has type feedback before its
    // loop gets hot (see FEEDBACK_LINES)
    while (this.linesSeen < FEEDBACK_LINES && i < limit) {
      const end = b.indexOf(10, i) + 1;
      this.bytesSeen += end - i;
      this.linesSeen++;
      this.someLines(b, i, end);
      i = end;
    }
    if (this.expectedBytes > 0 && this.linesSeen < SAMPLE_LINES) {
      let end = i;
      let n = this.linesSeen;
      while (end < limit && n < SAMPLE_LINES) {
        end = b.indexOf(10, end) + 1;
        n++;
      }
      this.bytesSeen += end - i; // with their line breaks
      this.linesSeen = n;
      this.someLines(b, i, end);
      if (n >= SAMPLE_LINES) this.sizeArrays();
      i = end;
    }
    this.someLines(b, i, limit);
  }

  /** Reads the whole lines `b[from..limit)`: plain rows on the fast path, the rest by csv-parse. */
  private someLines(b: Uint8Array, from: number, limit: number): void {
    let i = from;
    while (i < limit) {
      if (this.plainReady()) {
        i = this.plainRows(b, i, limit);
        if (i >= limit) break;
      }
      const end = b.indexOf(10, i);
      this.generalLine(utf8.decode(b.subarray(i, end)));
      i = end + 1;
    }
  }

  /**
   * A line for csv-parse. While no record is open, a line with an even number of quotes cannot
   * open one, so it waits in the batch (blank lines and comments too, to keep the lines in
   * order); anything else is read at once, after the batch.
   */
  private generalLine(raw: string): void {
    if (this.pending.length === 0 && this.header !== null && evenQuotes(raw)) {
      this.lineNo++;
      if (this.batch.length === 0) this.batchFirst = this.lineNo;
      this.batch.push(raw);
      if (this.batch.length >= this.batchLines) this.flushBatch();
      return;
    }
    if (this.batch.length > 0) this.flushBatch();
    this.textLine(raw);
  }

  /**
   * Reads the batch: its records (the lines but blanks and comments) in one csv-parse call when
   * that gives one record per line; otherwise (a quoting problem) line by line, as if never
   * batched. `lineNo` is left where it was.
   */
  private flushBatch(): void {
    const lines = this.batch;
    const first = this.batchFirst;
    const saved = this.lineNo;
    this.batch = [];
    const texts: string[] = [];
    const at: number[] = [];
    lines.forEach((raw, j) => {
      const t = raw.charCodeAt(raw.length - 1) === 13 ? raw.slice(0, -1) : raw;
      const c = t.charCodeAt(0);
      if (t.length === 0 || c === 35 || ((c === 32 || c === 9) && t.trim() === '')) return;
      texts.push(t);
      at.push(first + j);
    });
    const records = texts.length > 1 ? parseRecords(encoder.encode(texts.join('\n'))) : null;
    if (records !== null && records.length === texts.length) {
      records.forEach((f, j) => {
        this.record(f, at[j] ?? 0);
      });
    } else {
      this.lineNo = first - 1;
      for (const raw of lines) this.textLine(raw);
    }
    this.lineNo = saved;
  }

  /** One line of text (with its \r, if any): skipped, a record, or part of one. */
  private textLine(raw: string): void {
    this.lineNo++;
    if (this.pending.length > 0) {
      this.pending.push(raw);
      this.tryRecord();
      return;
    }
    const text = this.lineNo === 1 && raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
    const t = text.charCodeAt(text.length - 1) === 13 ? text.slice(0, -1) : text;
    const first = t.charCodeAt(0);
    // blank lines and # comments are skipped (trim only when the line starts with white space)
    if (t.length === 0 || first === 35) return;
    if ((first === 32 || first === 9) && t.trim() === '') return;
    this.pending = [text];
    this.pendingLine = this.lineNo;
    this.tryRecord();
  }

  /** Parses the pending lines as one record, unless a quoted field in them is still open. */
  private tryRecord(): void {
    const lines = this.pending;
    let text = lines.length === 1 ? (lines[0] ?? '') : lines.join('\n');
    if (text.charCodeAt(text.length - 1) === 13) text = text.slice(0, -1);
    const fields = parseRecord(text);
    if (!Array.isArray(fields) && fields.open && lines.length < MAX_RECORD_LINES) return;
    this.pending = [];
    if (Array.isArray(fields)) this.record(fields, this.pendingLine);
    else this.unreadable(fields, lines);
  }

  /** Reports a record that is not CSV; after an unclosed quote, reads the lines after it again. */
  private unreadable(m: Malformed, lines: readonly string[]): void {
    const line = this.pendingLine;
    const reason =
      m.open && lines.length > 1
        ? `${NOT_CLOSED} (it runs over the ${String(lines.length - 1)} lines after this one${lines.length >= MAX_RECORD_LINES ? '' : ' to the end of the file'})`
        : m.reason;
    if (this.header === null) {
      this.headerIssues.push({ line, column: '(header)', reason });
      this.header = [];
    } else if (this.headerIssues.length === 0) {
      this.rowsRead++;
      this.badRows++;
      this.problem(line, '(row)', reason);
    }
    if (m.open) {
      this.lineNo = line;
      for (const l of lines.slice(1)) this.textLine(l);
    }
  }

  /** A whole record: the header, or a data row. */
  private record(fields: readonly string[], line: number): void {
    if (this.header === null) {
      this.readHeader(fields, line);
      return;
    }
    if (this.headerIssues.length > 0) return;
    this.rowsRead++;
    const before = this.issueCount;
    this.readRow(fields, line);
    if (this.issueCount > before) this.badRows++;
  }

  private readHeader(fields: readonly string[], line: number): void {
    this.fieldCount = fields.length;
    this.header = fields.map((f, i) => {
      const col = ALIAS.get(normalizeHeader(f)) ?? null;
      if (col !== null) {
        if (this.index[col] !== undefined) {
          this.headerIssues.push({
            line,
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
    this.cDeferrals = ix.deferrals ?? -1;
    this.cAge = ix.age ?? -1;
    this.cBirth = ix.birthDate ?? -1;
    this.cService = ix.serviceYears ?? -1;
    this.cHire = ix.hireDate ?? -1;
    this.cExcludable = ix.excludable ?? -1;
    this.cGain = ix.gainLoss ?? -1;
    this.cBalance = ix.beginningBalance ?? -1;
    this.fastKind = new Uint8Array(fields.length);
    this.fastSlot = new Int8Array(fields.length).fill(-1);
    for (const [col, slot] of Object.entries(SLOT) as [keyof typeof SLOT, number][]) {
      const k = ix[col];
      if (k !== undefined) {
        this.fastKind[k] = FAST_KIND[col];
        this.fastSlot[k] = slot;
      }
    }
    if (this.cId >= 0) this.fastKind[this.cId] = ID;
    this.builder.useColumns(this.optionalColumns());
    for (const req of ['id', 'compensation', 'match', 'afterTax'] as const) {
      if (this.index[req] === undefined) {
        this.headerIssues.push({
          line,
          column: COLUMN_NAMES[req],
          reason: `missing column ${COLUMN_NAMES[req]} (accepted headers: ${CENSUS_COLUMNS[req].join(', ')})`,
        });
      }
    }
    if ((ix.gainLoss === undefined) !== (ix.beginningBalance === undefined)) {
      const [has, lacks] =
        ix.gainLoss === undefined
          ? ['beginningBalance', 'gainLoss']
          : ['gainLoss', 'beginningBalance'];
      this.headerIssues.push({
        line,
        column: COLUMN_NAMES[lacks as CensusColumn],
        reason: `${COLUMN_NAMES[has as CensusColumn]} needs ${COLUMN_NAMES[lacks as CensusColumn]}: the income allocable to a refund is gain_loss × refund ÷ (beginning_balance + the plan year's contributions)`,
      });
    }
    if (ix.hce === undefined && ix.priorCompensation === undefined && ix.owner === undefined) {
      this.headerIssues.push({
        line,
        column: '(header)',
        reason:
          'needs an hce column, or prior_year_compensation and/or owner_percent to determine HCEs',
      });
    }
  }

  /**
   * The fast path: reads the plain rows of `b[from..limit)` (whole lines, each ending with a line
   * break) straight into the census, in one loop over the bytes, and returns where it stopped:
   * `limit`, or the start of the first line that is not a plain row, which the caller reads
   * through csv-parse (so its problems are worded, and numbered, as always). A plain row has the
   * header's fields and no quote; amounts and percentages are plain digits with at most two
   * decimals (`12`, `1234.5`, `0.07`, the grammar of `PlainAmountReader.read`) or blank, yes/no
   * true/false/1/0 or blank, the id printable ASCII without spaces and new (compared with the
   * last id while the ids come in order, looked up in the id index after), and no bound is broken.
   */
  private plainRows(b: Uint8Array, from: number, limit: number): number {
    const kind = this.fastKind;
    const slotOf = this.fastSlot;
    const val = this.fastVal;
    const last = kind.length - 1;
    const store = this.seen;
    const builder = this.builder;
    const amounts = this.amounts;
    const hceFromColumns = this.cPrior >= 0 || this.cOwner >= 0 || this.cPriorOwner >= 0;
    const hasGain = this.cGain >= 0;
    // module constants as locals: the loop reads them per field
    const maxDigits = MAX_PLAIN_DIGITS;
    const maxAmount = MAX_AMOUNT_CENTS;
    const maxAge = MAX_AGE;
    const maxService = MAX_SERVICE_YEARS * 100;
    const maxRatio = MAX_RATIO_TO_PAY;
    const amount = AMOUNT;
    const id = ID;
    const ignore = IGNORE;
    const yesNo = YES_NO;
    const signed = SIGNED;
    const whole = WHOLE;
    const {
      afterTax: sAfterTax,
      age: sAge,
      beginningBalance: sBeginningBalance,
      birthDate: sBirthDate,
      compensation: sCompensation,
      deferrals: sDeferrals,
      eligible: sEligible,
      gainLoss: sGainLoss,
      hce: sHce,
      hireDate: sHireDate,
      match: sMatch,
      owner: sOwner,
      priorCompensation: sPriorCompensation,
      priorOwner: sPriorOwner,
      qmac: sQmac,
      qnec: sQnec,
      serviceYears: sServiceYears,
      vested: sVested,
    } = SLOT;
    const { line: rLine, ownerBps: rOwnerBps } = ROW;
    // lines batched for csv-parse before this call (the loop adds none) and ids first seen on a
    // bad row (only csv-parse's rows add them): looked at per row only while there are any
    let batched = this.batch.length > 0;
    let badIds = this.firstBad.size > 0;
    let i = from;
    while (i < limit) {
      const lineStart = i;
      const c0 = b[i] ?? 0;
      // blank lines, comments and lines starting with white space take the full path
      if (c0 === 10 || c0 === 13 || c0 === 35 || c0 === 32 || c0 === 9) return lineStart;
      let idStart = 0;
      let idEnd = 0;
      for (let k = 0; ; k++) {
        const kd = kind[k] ?? ignore;
        let c = b[i] ?? 0;
        if (kd === amount) {
          // digits, then a point and one or two digits: hundredths, read inline
          const s = i;
          let v = 0;
          while (c >= 48 && c <= 57) {
            v = v * 10 + (c - 48);
            c = b[++i] ?? 0;
          }
          let digits = i - s;
          if (c === 46) {
            c = b[++i] ?? 0;
            if (digits === 0 || c < 48 || c > 57) return lineStart;
            v = v * 10 + (c - 48);
            c = b[++i] ?? 0;
            if (c >= 48 && c <= 57) {
              v = v * 10 + (c - 48);
              c = b[++i] ?? 0;
              digits += 2;
            } else {
              v *= 10;
              digits += 1;
            }
          } else v *= 100;
          // more digits could lose precision; a larger amount breaks a bound (MAX_AMOUNT_CENTS,
          // or 100% for a percentage, MAX_SERVICE_YEARS)
          if (digits > maxDigits || v > maxAmount) return lineStart;
          val[slotOf[k] ?? 0] = digits === 0 ? -1 : v;
        } else if (kd === id) {
          const s = i;
          while (c > 32 && c < 127 && c !== 44 && c !== 34) c = b[++i] ?? 0;
          if (i === s) return lineStart;
          idStart = s;
          idEnd = i;
        } else if (kd === ignore) {
          while (c !== 44 && c !== 10 && c !== 13) {
            if (c === 34) return lineStart;
            c = b[++i] ?? 0;
          }
        } else if (kd === yesNo) {
          let v = -1;
          if (c === 116 && b[i + 1] === 114 && b[i + 2] === 117 && b[i + 3] === 101) {
            v = 1; // true
            i += 4;
          } else if (
            c === 102 &&
            b[i + 1] === 97 &&
            b[i + 2] === 108 &&
            b[i + 3] === 115 &&
            b[i + 4] === 101
          ) {
            v = 0; // false
            i += 5;
          } else if (c === 48 || c === 49) {
            v = c - 48;
            i++;
          }
          val[slotOf[k] ?? 0] = v;
          c = b[i] ?? 0;
        } else {
          // a gain or loss, an age or a date: the field's end, then its reader
          const s = i;
          while (c !== 44 && c !== 10 && c !== 13) c = b[++i] ?? 0;
          const v =
            kd === signed
              ? amounts.readSigned(b, s, i)
              : kd === whole
                ? amounts.readWhole(b, s, i)
                : amounts.readDate(b, s, i);
          if (v === NOT_PLAIN || (kd === signed && v === BLANK)) return lineStart;
          val[slotOf[k] ?? 0] =
            v === BLANK ? -1 : kd === signed && amounts.negative && v > 0 ? -v : v;
        }
        // a comma after each field but the last, the line break (or \r\n) after the last
        if (k < last) {
          if (c !== 44) return lineStart;
          i++;
          continue;
        }
        if (c === 13) c = b[++i] ?? 0;
        if (c !== 10) return lineStart;
        i++;
        break;
      }
      // the bounds; a row breaking one, or with a blank that matters, takes the full path
      const owner = Math.max(val[sOwner] ?? -1, val[sPriorOwner] ?? -1, 0);
      const vested = val[sVested] ?? -1;
      if (owner > 10_000 || vested > 10_000) return lineStart;
      const hce = val[sHce] ?? -1;
      if (hce < 0 && !hceFromColumns) return lineStart;
      const eligible = (val[sEligible] ?? -1) !== 0;
      const comp = val[sCompensation] ?? -1;
      if (comp < 0 || (eligible && comp === 0)) return lineStart;
      const age = val[sAge] ?? -1;
      const service = val[sServiceYears] ?? -1;
      if (age > maxAge || service > maxService) return lineStart;
      const match = Math.max(val[sMatch] ?? 0, 0);
      const afterTax = Math.max(val[sAfterTax] ?? 0, 0);
      const qmac = Math.max(val[sQmac] ?? 0, 0);
      const qnec = Math.max(val[sQnec] ?? 0, 0);
      const deferrals = Math.max(val[sDeferrals] ?? 0, 0);
      const contributions = match + afterTax + qmac + qnec + deferrals;
      if (eligible && contributions > comp * maxRatio) return lineStart;
      const balance = Math.max(val[sBeginningBalance] ?? 0, 0);
      if (hasGain) {
        const gain = val[sGainLoss] ?? 0;
        if (gain > maxAmount || gain < -maxAmount) return lineStart;
        if (gain < -(balance + contributions)) return lineStart;
      }
      // the lines batched for csv-parse before this one come first
      if (batched) {
        this.flushBatch();
        if (this.pending.length > 0) return lineStart;
        batched = false;
        badIds = this.firstBad.size > 0;
      }
      // a new id: ids first seen on a bad row are rare, so only then is a string made
      if (badIds && this.firstBad.has(utf8.decode(b.subarray(idStart, idEnd)))) return lineStart;
      // the checked values in place of the blanks (a column the file lacks keeps its default)
      val[rLine] = this.lineNo + 1;
      val[sMatch] = match;
      val[sAfterTax] = afterTax;
      val[sQmac] = qmac;
      val[sQnec] = qnec;
      val[sPriorCompensation] = Math.max(val[sPriorCompensation] ?? 0, 0);
      val[sDeferrals] = deferrals;
      val[sBeginningBalance] = balance;
      val[rOwnerBps] = owner;
      val[sVested] = vested < 0 ? 10_000 : vested;
      val[sEligible] = eligible ? 1 : 0;
      val[sBirthDate] = Math.max(val[sBirthDate] ?? 0, 0);
      val[sHireDate] = Math.max(val[sHireDate] ?? 0, 0);
      // already as the builder takes them: compensation, a gain or loss, and -1 for a blank
      // hce, age, years of service or otherwise_excludable; the id appended with the row while
      // the ids come in order, else looked up in the id index first
      if (store.hashed || !builder.addVectorAfterLast(val, b, idStart, idEnd)) {
        const h = hashBytes(b, idStart, idEnd);
        if (store.findBytes(b, idStart, idEnd, h) >= 0) return lineStart;
        store.pushBytes(b, idStart, idEnd, h);
        builder.addVector(val);
      }
      this.rowsRead++;
      this.lineNo++;
    }
    return i;
  }

  /** An amount column of a row read by csv-parse, in cents (0 when blank or wrong). */
  private money(f: readonly string[], k: number, col: CensusColumn, line: number): number {
    if (k < 0) return 0;
    const raw = f[k] ?? '';
    if (raw.trim() === '') {
      if (col === 'compensation') this.problem(line, COLUMN_NAMES[col], 'is blank');
      return 0;
    }
    const c = parseDollars(raw);
    if (c === undefined) {
      this.problem(
        line,
        COLUMN_NAMES[col],
        `expected dollars with at most 2 decimals, got "${raw}"`,
      );
      return 0;
    }
    if (c < 0) {
      this.problem(line, COLUMN_NAMES[col], `must not be negative: "${raw}"`);
      return 0;
    }
    return c;
  }

  /** A gain or loss column, signed cents; a blank is a problem (write 0 for none). */
  private signedMoney(f: readonly string[], k: number, col: CensusColumn, line: number): number {
    if (k < 0) return 0;
    const raw = f[k] ?? '';
    if (raw.trim() === '') {
      this.problem(line, COLUMN_NAMES[col], 'is blank (write 0 for no gain or loss)');
      return 0;
    }
    const c = parseDollars(raw);
    if (c === undefined) {
      this.problem(
        line,
        COLUMN_NAMES[col],
        `expected dollars with at most 2 decimals, a loss with a minus sign, got "${raw}"`,
      );
      return 0;
    }
    return c;
  }

  /** An age, a date or years of service: `blank` when blank or wrong. */
  private measure(
    f: readonly string[],
    k: number,
    col: 'age' | 'birthDate' | 'hireDate' | 'serviceYears',
    blank: number,
    line: number,
  ): number {
    if (k < 0) return blank;
    const raw = f[k] ?? '';
    if (raw.trim() === '') return blank;
    const [v, expected] =
      col === 'age'
        ? [parseWholeNumber(raw, MAX_AGE), `a whole number of years from 0 to ${String(MAX_AGE)}`]
        : col === 'serviceYears'
          ? [
              parseHundredths(raw, MAX_SERVICE_YEARS),
              `years from 0 to ${String(MAX_SERVICE_YEARS)} with at most 2 decimals`,
            ]
          : [parseDateNumber(raw), 'a date written YYYY-MM-DD'];
    if (v !== undefined) return v;
    this.problem(line, COLUMN_NAMES[col], `expected ${expected}, got "${raw}"`);
    return blank;
  }

  /** A percentage column, in hundredths of a percent (`blank` when blank or wrong). */
  private percent(
    f: readonly string[],
    k: number,
    col: CensusColumn,
    blank: number,
    line: number,
  ): number {
    if (k < 0) return blank;
    const raw = f[k] ?? '';
    if (raw.trim() === '') return blank;
    const p = parsePercent(raw);
    if (p !== undefined) return p;
    this.problem(
      line,
      COLUMN_NAMES[col],
      `expected a percentage from 0 to 100 with at most 2 decimals, got "${raw}"`,
    );
    return blank;
  }

  /** A yes/no column: undefined when blank or wrong. */
  private yesNo(f: readonly string[], k: number, col: CensusColumn, line: number) {
    if (k < 0) return undefined;
    const raw = f[k] ?? '';
    const b = parseYesNo(raw);
    if (b === null) {
      this.problem(line, COLUMN_NAMES[col], `expected true or false, got "${raw}"`);
      return undefined;
    }
    return b;
  }

  /** A data row read by csv-parse: every problem in it is reported. */
  private readRow(f: readonly string[], line: number): void {
    if (f.length !== this.fieldCount) {
      this.problem(
        line,
        '(row)',
        `has ${String(f.length)} fields, the header has ${String(this.fieldCount)}`,
      );
      return;
    }
    const before = this.issueCount;
    const r = this.row;
    r.line = line;
    r.id = (f[this.cId] ?? '').trim();
    if (r.id === '') this.problem(line, 'id', 'is blank');
    else {
      const row = this.seen.find(r.id);
      const first = row >= 0 ? this.builder.lineAt(row) : this.firstBad.get(r.id);
      if (first !== undefined) {
        this.problem(line, 'id', `duplicate id "${r.id}" (first on line ${String(first)})`);
      }
    }
    r.compensation = this.money(f, this.cComp, 'compensation', line);
    r.match = this.money(f, this.cMatch, 'match', line);
    r.afterTax = this.money(f, this.cAfterTax, 'afterTax', line);
    r.qmac = this.money(f, this.cQmac, 'qmac', line);
    r.qnec = this.money(f, this.cQnec, 'qnec', line);
    r.priorCompensation = this.money(f, this.cPrior, 'priorCompensation', line);
    r.ownerBps = Math.max(
      this.percent(f, this.cOwner, 'owner', 0, line),
      this.percent(f, this.cPriorOwner, 'priorOwner', 0, line),
    );
    r.vestedBps = this.percent(f, this.cVested, 'vested', 10_000, line);
    r.deferrals = this.money(f, this.cDeferrals, 'deferrals', line);
    r.age = this.measure(f, this.cAge, 'age', NOT_GIVEN, line);
    r.birthDate = this.measure(f, this.cBirth, 'birthDate', 0, line);
    r.serviceYears = this.measure(f, this.cService, 'serviceYears', NOT_GIVEN, line);
    r.hireDate = this.measure(f, this.cHire, 'hireDate', 0, line);
    const excludable = this.yesNo(f, this.cExcludable, 'excludable', line);
    r.excludableGiven = excludable === undefined ? NOT_GIVEN : excludable ? 1 : 0;
    r.gainLoss = this.signedMoney(f, this.cGain, 'gainLoss', line);
    r.beginningBalance = this.money(f, this.cBalance, 'beginningBalance', line);
    const beforeHce = this.issueCount;
    const hce = this.yesNo(f, this.cHce, 'hce', line);
    r.hceGiven = hce === undefined ? HCE_UNKNOWN : hce ? 1 : 0;
    r.eligible = this.yesNo(f, this.cEligible, 'eligible', line) ?? true;
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
        ['deferrals', r.deferrals],
        ['beginningBalance', r.beginningBalance],
        ['gainLoss', Math.abs(r.gainLoss)],
      ];
      for (const [col, v] of amounts) {
        if (v > MAX_AMOUNT_CENTS) {
          this.problem(
            line,
            COLUMN_NAMES[col],
            `is more than ${formatUsd(MAX_AMOUNT_CENTS, { wholeDollars: true })}, not a plan-year amount`,
          );
        }
      }
    }
    const contributions = r.match + r.afterTax + r.qmac + r.qnec + r.deferrals;
    if (
      r.eligible &&
      r.compensation > 0 &&
      this.issueCount === before &&
      contributions > r.compensation * MAX_RATIO_TO_PAY
    ) {
      this.problem(
        line,
        'compensation',
        `contributions are more than ${String(MAX_RATIO_TO_PAY)} times compensation; check the columns (IRC 415(c)(1)(B) caps annual additions at compensation)`,
      );
    }
    if (this.issueCount === before && r.gainLoss < -(r.beginningBalance + contributions)) {
      this.problem(
        line,
        'gain_loss',
        `a loss of ${formatUsd(-r.gainLoss)} is more than the account had (beginning_balance + the plan year's contributions, ${formatUsd(r.beginningBalance + contributions)})`,
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

  /** The optional columns the header has. */
  private optionalColumns(): OptionalColumns {
    const has = (c: CensusColumn): boolean => this.index[c] !== undefined;
    return {
      deferrals: has('deferrals'),
      age: has('age'),
      birthDate: has('birthDate'),
      serviceYears: has('serviceYears'),
      hireDate: has('hireDate'),
      excludable: has('excludable'),
      gainLoss: has('gainLoss'),
      beginningBalance: has('beginningBalance'),
    };
  }

  /** The census of the good rows and every problem found. */
  finish(): CensusReadResult {
    // the last line, without a line break
    const c = this.carry;
    if (c !== null) {
      this.carry = null;
      const line = new Uint8Array(c.length + 1);
      line.set(c);
      line[c.length] = 10;
      this.lines(line, 0, line.length);
    }
    if (this.batch.length > 0) this.flushBatch();
    // a quote still open at the end of the file: reported where it opened, the rest read again
    while (this.pending.length > 0) {
      const lines = this.pending;
      this.pending = [];
      this.unreadable({ reason: NOT_CLOSED, open: true }, lines);
    }
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

/** Reads a whole census text (tests and small files), as the file reader feeds its bytes. */
export function readCensusText(text: string, opts: CensusReaderOptions = {}): CensusReadResult {
  const b = encoder.encode(text);
  const reader = new CensusReader(opts);
  reader.chunkBytes(b);
  return reader.finish();
}
