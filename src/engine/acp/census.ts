/**
 * The census model for the ADP and ACP tests: one entry per employee in parallel typed arrays
 * (cents, hundredths of a percent, dates as `yyyymmdd` numbers, flags), so a million employees
 * cost a few tens of megabytes and no per-employee objects. Amounts take 4 bytes a row while
 * they fit 32 bits (`Amounts`). The columns a census may lack
 * (deferrals, ages and dates, the account's gain or loss) take memory only when the file has
 * them: their arrays are empty otherwise, and `columns` says which are there. The columns whose
 * value is usually the same for everyone (`lines`, `qmac`, `qnec`, `priorCompensation`,
 * `ownerBps`, `hceGiven`, `vestedBps`) take memory only when some row differs from the default:
 * their arrays are empty while every row has it (`DEFAULTS`), so a reader takes `a[i] ?? default`.
 * Built row by row with `CensusBuilder`.
 */
import { inputError } from '../errors.js';
import { IdStore } from './id-store.js';

/** Whether the census says an employee is an HCE: unknown (decide from other columns), no, yes. */
export const HCE_UNKNOWN = -1;

/** A yes/no column left blank (`hce`, `otherwise_excludable`): decide from the other columns. */
export const NOT_GIVEN = -1;

/**
 * A column of amounts in whole cents, never negative: 4 bytes a row while every amount in it
 * fits 32 bits (up to $42,949,672.95), 8 bytes from the first that does not (`CensusBuilder`
 * widens the column then, so no amount is ever cut). Read it as numbers, `a[i]`.
 */
export type Amounts = Uint32Array | Float64Array;

/** The optional columns, each with its array: present in the file or not. */
export interface OptionalColumns {
  readonly deferrals: boolean;
  readonly age: boolean;
  readonly birthDate: boolean;
  readonly serviceYears: boolean;
  readonly hireDate: boolean;
  readonly excludable: boolean;
  readonly gainLoss: boolean;
  readonly beginningBalance: boolean;
}

/** No optional column. */
export const NO_OPTIONAL_COLUMNS: OptionalColumns = {
  deferrals: false,
  age: false,
  birthDate: false,
  serviceYears: false,
  hireDate: false,
  excludable: false,
  gainLoss: false,
  beginningBalance: false,
};

/**
 * The value a row has in each column kept only when some row differs from it: a census whose
 * every row has its default leaves that array empty (e.g. a file without a `qmac` column), so
 * readers take `array[i] ?? default`. A row's `lines` default is its index + 2 (`lineOf`).
 */
export const DEFAULTS = {
  qmac: 0,
  qnec: 0,
  priorCompensation: 0,
  ownerBps: 0,
  hceGiven: HCE_UNKNOWN,
  vestedBps: 10_000,
} as const;

/** The file line of row `row`: from `census.lines`, or the row index + 2 when it is empty. */
export function lineOf(census: Pick<Census, 'lines'>, row: number): number {
  return census.lines[row] ?? row + 2;
}

/**
 * One plan year's census. Money in cents; percentages in hundredths of a percent. The arrays
 * `lines`, `qmac`, `qnec`, `priorCompensation`, `ownerBps`, `hceGiven` and `vestedBps` are empty
 * when every row has the default (`DEFAULTS`, `lineOf`).
 */
export interface Census {
  readonly size: number;
  /** Every id as a string, by row (made on first use: prefer `idAt` for a few rows). */
  readonly ids: readonly string[];
  /** The id of one row, without making the whole `ids` list. */
  idAt(row: number): string;
  /** The row with this id, or -1 (through the id index, without making the `ids` list). */
  rowOf(id: string): number;
  /**
   * Line of each row in the source file (1-based, header is line 1), or the row index + 2;
   * empty when every row's line is its index + 2 (read it with `lineOf`).
   */
  readonly lines: Int32Array;
  /** Plan-year 414(s) compensation, cents (before the 401(a)(17) cap). */
  readonly compensation: Amounts;
  readonly match: Amounts;
  readonly afterTax: Amounts;
  /** Qualified matching contributions, cents; empty when every row has none. */
  readonly qmac: Amounts;
  /** Qualified nonelective contributions, cents; empty when every row has none. */
  readonly qnec: Amounts;
  /** Look-back (prior) year compensation, cents; 0 when blank; empty when every row has 0. */
  readonly priorCompensation: Amounts;
  /**
   * Highest ownership in the current or prior year, hundredths of a percent (0 to 10000, so 16
   * bits); empty when all 0.
   */
  readonly ownerBps: Uint16Array;
  /** -1 not given, 0 NHCE, 1 HCE, as stated in the `hce` column; empty when every row is -1. */
  readonly hceGiven: Int8Array;
  /** 1 eligible to make after-tax or receive match in the plan year, 0 not. */
  readonly eligible: Uint8Array;
  /**
   * Vested share of the match, hundredths of a percent (0 to 10000, 10000 = fully vested, so 16
   * bits); empty when all 10000.
   */
  readonly vestedBps: Uint16Array;
  /** Elective deferrals (pre-tax and Roth, catch-ups included), cents; empty without the column. */
  readonly deferrals: Amounts;
  /** Age in whole years at the end of the plan year, -1 when blank; empty without the column. */
  readonly age: Int32Array;
  /** Birth date as `yyyymmdd`, 0 when blank; empty without the column. */
  readonly birthDate: Int32Array;
  /** Years of service at the end of the plan year, in hundredths, -1 when blank; empty without it. */
  readonly serviceYears: Int32Array;
  /** Hire date as `yyyymmdd`, 0 when blank; empty without the column. */
  readonly hireDate: Int32Array;
  /** -1 not given, 0 no, 1 yes, as stated in the `otherwise_excludable` column; empty without it. */
  readonly excludableGiven: Int8Array;
  /** Gain (or, negative, loss) of the tested accounts over the plan year, cents; empty without it. */
  readonly gainLoss: Float64Array;
  /** Balance of the tested accounts at the start of the plan year, cents; empty without it. */
  readonly beginningBalance: Amounts;
  /** Which optional inputs the census had, for HCE determination and messages. */
  readonly columns: {
    readonly hce: boolean;
    readonly priorCompensation: boolean;
    readonly owner: boolean;
    readonly vested: boolean;
  } & OptionalColumns;
}

/**
 * Where each value of a row sits in a row vector (`CensusBuilder.addVector`): cents, hundredths
 * of a percent or of a year, `yyyymmdd` dates, -1 for a flag or measure not given, `eligible`
 * 1 or 0, and the row's file line.
 */
export const ROW = {
  compensation: 0,
  match: 1,
  afterTax: 2,
  qmac: 3,
  qnec: 4,
  priorCompensation: 5,
  deferrals: 6,
  beginningBalance: 7,
  gainLoss: 8,
  ownerBps: 9,
  vestedBps: 10,
  serviceYears: 11,
  hceGiven: 12,
  eligible: 13,
  excludableGiven: 14,
  age: 15,
  birthDate: 16,
  hireDate: 17,
  line: 18,
} as const;
/** The length of a row vector. */
export const ROW_SIZE = 19;

/** The values of one row, as numbers. */
export interface CensusRowValues {
  id: string;
  line: number;
  compensation: number;
  match: number;
  afterTax: number;
  qmac: number;
  qnec: number;
  priorCompensation: number;
  ownerBps: number;
  hceGiven: number;
  eligible: boolean;
  vestedBps: number;
  /** The optional columns' values (read only when `useColumns` says the census has them). */
  deferrals?: number;
  age?: number;
  birthDate?: number;
  serviceYears?: number;
  hireDate?: number;
  excludableGiven?: number;
  gainLoss?: number;
  beginningBalance?: number;
}

type NumberArray = Float64Array | Uint32Array | Int32Array | Uint16Array | Int8Array | Uint8Array;

function grow<T extends NumberArray>(a: T, n: number): T {
  const ctor = a.constructor as new (n: number) => T;
  const b = new ctor(n);
  b.set(a);
  return b;
}

/** The arrays of a census, by field. */
interface CensusArrays {
  lines: Int32Array;
  compensation: Amounts;
  match: Amounts;
  afterTax: Amounts;
  qmac: Amounts;
  qnec: Amounts;
  priorCompensation: Amounts;
  ownerBps: Uint16Array;
  hceGiven: Int8Array;
  eligible: Uint8Array;
  vestedBps: Uint16Array;
  deferrals: Amounts;
  age: Int32Array;
  birthDate: Int32Array;
  serviceYears: Int32Array;
  hireDate: Int32Array;
  excludableGiven: Int8Array;
  gainLoss: Float64Array;
  beginningBalance: Amounts;
}

/**
 * A built census. A class with `ids` as a prototype getter (made into strings on first use) keeps
 * each census a plain fast-property object: the same getter in an object literal made the
 * per-employee loops of the test, which read `census.match[i]` and the like, markedly slower.
 */
class BuiltCensus implements Census {
  private idList: string[] | undefined;
  readonly lines: Int32Array;
  readonly compensation: Amounts;
  readonly match: Amounts;
  readonly afterTax: Amounts;
  readonly qmac: Amounts;
  readonly qnec: Amounts;
  readonly priorCompensation: Amounts;
  readonly ownerBps: Uint16Array;
  readonly hceGiven: Int8Array;
  readonly eligible: Uint8Array;
  readonly vestedBps: Uint16Array;
  readonly deferrals: Amounts;
  readonly age: Int32Array;
  readonly birthDate: Int32Array;
  readonly serviceYears: Int32Array;
  readonly hireDate: Int32Array;
  readonly excludableGiven: Int8Array;
  readonly gainLoss: Float64Array;
  readonly beginningBalance: Amounts;

  constructor(
    private readonly store: IdStore,
    readonly size: number,
    a: CensusArrays,
    readonly columns: Census['columns'],
  ) {
    this.lines = a.lines;
    this.compensation = a.compensation;
    this.match = a.match;
    this.afterTax = a.afterTax;
    this.qmac = a.qmac;
    this.qnec = a.qnec;
    this.priorCompensation = a.priorCompensation;
    this.ownerBps = a.ownerBps;
    this.hceGiven = a.hceGiven;
    this.eligible = a.eligible;
    this.vestedBps = a.vestedBps;
    this.deferrals = a.deferrals;
    this.age = a.age;
    this.birthDate = a.birthDate;
    this.serviceYears = a.serviceYears;
    this.hireDate = a.hireDate;
    this.excludableGiven = a.excludableGiven;
    this.gainLoss = a.gainLoss;
    this.beginningBalance = a.beginningBalance;
  }

  get ids(): readonly string[] {
    this.idList ??= this.store.all();
    return this.idList;
  }

  idAt(row: number): string {
    return this.store.idAt(row);
  }

  rowOf(id: string): number {
    return this.store.find(id);
  }
}

/** Each optional field and the column flag it belongs to. */
const OPTIONAL: readonly (readonly [keyof CensusArrays, keyof OptionalColumns])[] = [
  ['deferrals', 'deferrals'],
  ['age', 'age'],
  ['birthDate', 'birthDate'],
  ['serviceYears', 'serviceYears'],
  ['hireDate', 'hireDate'],
  ['excludableGiven', 'excludable'],
  ['gainLoss', 'gainLoss'],
  ['beginningBalance', 'beginningBalance'],
];

/** The largest amount a 4-byte column holds, in cents ($42,949,672.95). */
const MAX_UINT32 = 0xffff_ffff;

/** The columns of amounts (`Amounts`): 4 bytes a row until an amount does not fit. */
export const AMOUNT_COLUMNS = [
  'compensation',
  'match',
  'afterTax',
  'qmac',
  'qnec',
  'priorCompensation',
  'deferrals',
  'beginningBalance',
] as const satisfies readonly (keyof CensusArrays & keyof typeof ROW)[];

/** The most hundredths of a percent a share can be (100%): `ownerBps` and `vestedBps` fit 16 bits. */
const MAX_SHARE_BPS = 10_000;

/** True for a whole number of hundredths of a percent from 0 to 100%. */
function isBps(v: number): boolean {
  return Number.isInteger(v) && v >= 0 && v <= MAX_SHARE_BPS;
}

/** Refuses a row whose ownership or vested share is not 0 to 100% (never stored wrapped). */
function badBps(r: CensusRowValues): never {
  const [path, v] = isBps(r.ownerBps) ? ['vestedBps', r.vestedBps] : ['ownerBps', r.ownerBps];
  throw inputError(
    path,
    `expected hundredths of a percent from 0 to ${String(MAX_SHARE_BPS)}, got ${String(v)} (line ${String(r.line)})`,
  );
}

/**
 * Accumulates rows into a `Census`, doubling its arrays as it goes. The optional columns' arrays
 * stay empty until `useColumns` says the file has them; those with a default (`DEFAULTS`,
 * `lineOf`) until a row differs from it.
 */
export class CensusBuilder {
  private n = 0;
  private cap: number;
  /** The ids, as bytes with a hash index (duplicates are found through it). */
  readonly idStore: IdStore;
  private a: CensusArrays;
  private optional: OptionalColumns = NO_OPTIONAL_COLUMNS;
  /** `add`'s row vector. */
  private readonly scratch = new Float64Array(ROW_SIZE);

  constructor(initialCapacity = 1024) {
    this.cap = Math.max(16, initialCapacity);
    const c = this.cap;
    this.idStore = new IdStore(c);
    this.a = {
      lines: new Int32Array(0),
      compensation: new Uint32Array(c),
      match: new Uint32Array(c),
      afterTax: new Uint32Array(c),
      qmac: new Uint32Array(0),
      qnec: new Uint32Array(0),
      priorCompensation: new Uint32Array(0),
      ownerBps: new Uint16Array(0),
      hceGiven: new Int8Array(0),
      eligible: new Uint8Array(c),
      vestedBps: new Uint16Array(0),
      deferrals: new Uint32Array(0),
      age: new Int32Array(0),
      birthDate: new Int32Array(0),
      serviceYears: new Int32Array(0),
      hireDate: new Int32Array(0),
      excludableGiven: new Int8Array(0),
      gainLoss: new Float64Array(0),
      beginningBalance: new Uint32Array(0),
    };
  }

  get size(): number {
    return this.n;
  }

  /** Makes room for the optional columns the file has (before the first row). */
  useColumns(columns: OptionalColumns): void {
    this.optional = columns;
    const a = this.a as unknown as Record<keyof CensusArrays, NumberArray>;
    for (const [k, column] of OPTIONAL) {
      if (columns[column]) a[k] = grow(a[k], this.cap);
    }
  }

  /** Makes room for `rows` rows in all and `idBytes` bytes of ids (never shrinks). */
  reserve(rows: number, idBytes: number): void {
    this.idStore.reserve(rows, idBytes);
    if (rows <= this.cap) return;
    const a = this.a as unknown as Record<keyof CensusArrays, NumberArray>;
    for (const k of Object.keys(a) as (keyof CensusArrays)[]) {
      if (a[k].length > 0) a[k] = grow(a[k], rows);
    }
    this.cap = rows;
  }

  private ensure(): void {
    const c = this.cap * 2;
    const a = this.a as unknown as Record<keyof CensusArrays, NumberArray>;
    // every array in use has `cap` entries; the optional ones not in use stay empty
    for (const k of Object.keys(a) as (keyof CensusArrays)[]) {
      if (a[k].length > 0) a[k] = grow(a[k], c);
    }
    this.cap = c;
  }

  /** The line of row `row`. */
  lineAt(row: number): number | undefined {
    return row < this.n ? lineOf(this.a, row) : undefined;
  }

  /** Appends one validated row. */
  add(r: CensusRowValues): void {
    if (!isBps(r.ownerBps) || !isBps(r.vestedBps)) badBps(r);
    const v = this.scratch;
    v[ROW.compensation] = r.compensation;
    v[ROW.match] = r.match;
    v[ROW.afterTax] = r.afterTax;
    v[ROW.qmac] = r.qmac;
    v[ROW.qnec] = r.qnec;
    v[ROW.priorCompensation] = r.priorCompensation;
    v[ROW.deferrals] = r.deferrals ?? 0;
    v[ROW.beginningBalance] = r.beginningBalance ?? 0;
    v[ROW.gainLoss] = r.gainLoss ?? 0;
    v[ROW.ownerBps] = r.ownerBps;
    v[ROW.vestedBps] = r.vestedBps;
    v[ROW.serviceYears] = r.serviceYears ?? NOT_GIVEN;
    v[ROW.hceGiven] = r.hceGiven;
    v[ROW.eligible] = r.eligible ? 1 : 0;
    v[ROW.excludableGiven] = r.excludableGiven ?? NOT_GIVEN;
    v[ROW.age] = r.age ?? NOT_GIVEN;
    v[ROW.birthDate] = r.birthDate ?? 0;
    v[ROW.hireDate] = r.hireDate ?? 0;
    v[ROW.line] = r.line;
    // an amount that is not whole cents from 0 (the reader's never are) widens its column first
    if (AMOUNT_COLUMNS.some((k) => (v[ROW[k]] ?? 0) >>> 0 !== v[ROW[k]])) this.widen(v);
    this.idStore.push(r.id);
    this.addVector(v);
  }

  /**
   * Appends the values of one validated row, laid out as `ROW` says, whose id the caller has
   * just appended to `idStore` (the streaming reader copies it from the file's bytes): no
   * object and no id string per row. Ownership and vested shares must be whole hundredths of a
   * percent from 0 to 10000 (`add` checks them; the reader's digits are).
   */
  addVector(v: Float64Array): void {
    this.addVectorAfterLast(v, null, 0, 0);
  }

  /**
   * `addVector` for a row whose id is `b[start..end)`, appending the id too when it sorts after
   * the last one (`IdStore.pushIfAfterLast`: the usual case of a census sorted by id); false,
   * appending nothing, otherwise. With `b` null, the id is already appended. One call per row
   * from the reader's loop (the id's copy and compare are not inlined there, which keeps that
   * loop small).
   */
  addVectorAfterLast(v: Float64Array, b: Uint8Array | null, start: number, end: number): boolean {
    if (b !== null && !this.idStore.pushIfAfterLast(b, start, end)) return false;
    if (this.n >= this.cap) this.ensure();
    // amounts are whole cents from 0 here: only a row whose amounts add up to more than 32
    // bits can hold one that does not fit (rare: the columns concerned widen then)
    const comp = v[ROW.compensation] ?? 0;
    const match = v[ROW.match] ?? 0;
    const afterTax = v[ROW.afterTax] ?? 0;
    const qmac = v[ROW.qmac] ?? 0;
    const qnec = v[ROW.qnec] ?? 0;
    const prior = v[ROW.priorCompensation] ?? 0;
    const deferrals = v[ROW.deferrals] ?? 0;
    const balance = v[ROW.beginningBalance] ?? 0;
    if (comp + match + afterTax + qmac + qnec + prior + deferrals + balance > MAX_UINT32) {
      this.widen(v);
    }
    const i = this.n++;
    const a = this.a;
    a.compensation[i] = comp;
    a.match[i] = match;
    a.afterTax[i] = afterTax;
    a.eligible[i] = v[ROW.eligible] ?? 1;
    // the columns kept only once a row differs from the default (a new array is all defaults)
    const line = v[ROW.line] ?? 0;
    if (a.lines.length > 0) a.lines[i] = line;
    else if (line !== i + 2) this.materialize('lines', i)[i] = line;
    if (a.qmac.length > 0) a.qmac[i] = qmac;
    else if (qmac !== DEFAULTS.qmac) this.materialize('qmac', i)[i] = qmac;
    if (a.qnec.length > 0) a.qnec[i] = qnec;
    else if (qnec !== DEFAULTS.qnec) this.materialize('qnec', i)[i] = qnec;
    if (a.priorCompensation.length > 0) a.priorCompensation[i] = prior;
    else if (prior !== DEFAULTS.priorCompensation)
      this.materialize('priorCompensation', i)[i] = prior;
    const owner = v[ROW.ownerBps] ?? 0;
    if (a.ownerBps.length > 0) a.ownerBps[i] = owner;
    else if (owner !== DEFAULTS.ownerBps) this.materialize('ownerBps', i)[i] = owner;
    const hce = v[ROW.hceGiven] ?? HCE_UNKNOWN;
    if (a.hceGiven.length > 0) a.hceGiven[i] = hce;
    else if (hce !== DEFAULTS.hceGiven) this.materialize('hceGiven', i)[i] = hce;
    const vested = v[ROW.vestedBps] ?? 10_000;
    if (a.vestedBps.length > 0) a.vestedBps[i] = vested;
    else if (vested !== DEFAULTS.vestedBps) this.materialize('vestedBps', i)[i] = vested;
    const o = this.optional;
    if (o === NO_OPTIONAL_COLUMNS) return true;
    if (o.deferrals) a.deferrals[i] = deferrals;
    if (o.age) a.age[i] = v[ROW.age] ?? NOT_GIVEN;
    if (o.birthDate) a.birthDate[i] = v[ROW.birthDate] ?? 0;
    if (o.serviceYears) a.serviceYears[i] = v[ROW.serviceYears] ?? NOT_GIVEN;
    if (o.hireDate) a.hireDate[i] = v[ROW.hireDate] ?? 0;
    if (o.excludable) a.excludableGiven[i] = v[ROW.excludableGiven] ?? NOT_GIVEN;
    if (o.gainLoss) a.gainLoss[i] = v[ROW.gainLoss] ?? 0;
    if (o.beginningBalance) a.beginningBalance[i] = balance;
    return true;
  }

  /**
   * Widens to 8 bytes a row each amount column of 4 bytes whose value in `v` does not fit it
   * (more than $42,949,672.95, or not whole cents), so the value is stored exactly.
   */
  private widen(v: Float64Array): void {
    const a = this.a as unknown as Record<keyof CensusArrays, NumberArray>;
    for (const k of AMOUNT_COLUMNS) {
      const x = v[ROW[k]] ?? 0;
      const col = a[k];
      if (x >>> 0 !== x && col instanceof Uint32Array) {
        const wide = new Float64Array(col.length);
        wide.set(col);
        a[k] = wide;
      }
    }
  }

  /**
   * Makes the array of a column kept only once a row differs from the default, with `cap`
   * entries, the `rows` rows before holding the default.
   */
  private materialize(k: keyof typeof DEFAULTS | 'lines', rows: number): NumberArray {
    const a = this.a as unknown as Record<keyof CensusArrays, NumberArray>;
    const x = grow(a[k], this.cap);
    if (k === 'lines') for (let j = 0; j < rows; j++) x[j] = j + 2;
    else if (DEFAULTS[k] !== 0) x.fill(DEFAULTS[k], 0, rows);
    a[k] = x;
    return x;
  }

  /** The census (arrays trimmed to size). */
  build(columns: Omit<Census['columns'], keyof OptionalColumns>): Census {
    const n = this.n;
    const a = this.a;
    const cut = <T extends NumberArray>(x: T): T => (x.length > 0 ? (x.subarray(0, n) as T) : x);
    const arrays = Object.fromEntries(
      (Object.keys(a) as (keyof CensusArrays)[]).map((k) => [k, cut(a[k])]),
    ) as unknown as CensusArrays;
    return new BuiltCensus(this.idStore, n, arrays, { ...columns, ...this.optional });
  }
}
