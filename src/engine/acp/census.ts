/**
 * The census model for the ACP test: one entry per employee in parallel typed arrays (cents,
 * hundredths of a percent, flags), so a million employees cost a few tens of megabytes and no
 * per-employee objects. Built row by row with `CensusBuilder`.
 */
import { IdStore } from './id-store.js';

/** Whether the census says an employee is an HCE: unknown (decide from other columns), no, yes. */
export const HCE_UNKNOWN = -1;

/** One plan year's census. Money in cents; percentages in hundredths of a percent. */
export interface Census {
  readonly size: number;
  /** Every id as a string, by row (made on first use: prefer `idAt` for a few rows). */
  readonly ids: readonly string[];
  /** The id of one row, without making the whole `ids` list. */
  idAt(row: number): string;
  /** The row with this id, or -1 (through the id index, without making the `ids` list). */
  rowOf(id: string): number;
  /** Line of each row in the source file (1-based, header is line 1), or the row index + 2. */
  readonly lines: Int32Array;
  /** Plan-year 414(s) compensation, cents (before the 401(a)(17) cap). */
  readonly compensation: Float64Array;
  readonly match: Float64Array;
  readonly afterTax: Float64Array;
  readonly qmac: Float64Array;
  readonly qnec: Float64Array;
  /** Look-back (prior) year compensation, cents; 0 when blank. */
  readonly priorCompensation: Float64Array;
  /** Highest ownership in the current or prior year, hundredths of a percent. */
  readonly ownerBps: Int32Array;
  /** -1 not given, 0 NHCE, 1 HCE, as stated in the `hce` column. */
  readonly hceGiven: Int8Array;
  /** 1 eligible to make after-tax or receive match in the plan year, 0 not. */
  readonly eligible: Uint8Array;
  /** Vested share of the match, hundredths of a percent (10000 = fully vested). */
  readonly vestedBps: Int32Array;
  /** Which optional inputs the census had, for HCE determination and messages. */
  readonly columns: {
    readonly hce: boolean;
    readonly priorCompensation: boolean;
    readonly owner: boolean;
    readonly vested: boolean;
  };
}

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
}

function grow<T extends Float64Array | Int32Array | Int8Array | Uint8Array>(a: T, n: number): T {
  const ctor = a.constructor as new (n: number) => T;
  const b = new ctor(n);
  b.set(a);
  return b;
}

/**
 * A built census. A class with `ids` as a prototype getter (made into strings on first use) keeps
 * each census a plain fast-property object: the same getter in an object literal made the
 * per-employee loops of the test, which read `census.match[i]` and the like, markedly slower.
 */
class BuiltCensus implements Census {
  private idList: string[] | undefined;

  constructor(
    private readonly store: IdStore,
    readonly size: number,
    readonly lines: Int32Array,
    readonly compensation: Float64Array,
    readonly match: Float64Array,
    readonly afterTax: Float64Array,
    readonly qmac: Float64Array,
    readonly qnec: Float64Array,
    readonly priorCompensation: Float64Array,
    readonly ownerBps: Int32Array,
    readonly hceGiven: Int8Array,
    readonly eligible: Uint8Array,
    readonly vestedBps: Int32Array,
    readonly columns: Census['columns'],
  ) {}

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

/** Accumulates rows into a `Census`, doubling its arrays as it goes. */
export class CensusBuilder {
  private n = 0;
  private cap: number;
  /** The ids, as bytes with a hash index (duplicates are found through it). */
  readonly idStore: IdStore;
  private lines: Int32Array;
  private comp: Float64Array;
  private match: Float64Array;
  private afterTax: Float64Array;
  private qmac: Float64Array;
  private qnec: Float64Array;
  private prior: Float64Array;
  private owner: Int32Array;
  private hce: Int8Array;
  private eligible: Uint8Array;
  private vested: Int32Array;

  constructor(initialCapacity = 1024) {
    this.cap = Math.max(16, initialCapacity);
    const c = this.cap;
    this.idStore = new IdStore(c);
    this.lines = new Int32Array(c);
    this.comp = new Float64Array(c);
    this.match = new Float64Array(c);
    this.afterTax = new Float64Array(c);
    this.qmac = new Float64Array(c);
    this.qnec = new Float64Array(c);
    this.prior = new Float64Array(c);
    this.owner = new Int32Array(c);
    this.hce = new Int8Array(c);
    this.eligible = new Uint8Array(c);
    this.vested = new Int32Array(c);
  }

  get size(): number {
    return this.n;
  }

  private ensure(): void {
    if (this.n < this.cap) return;
    const c = this.cap * 2;
    this.lines = grow(this.lines, c);
    this.comp = grow(this.comp, c);
    this.match = grow(this.match, c);
    this.afterTax = grow(this.afterTax, c);
    this.qmac = grow(this.qmac, c);
    this.qnec = grow(this.qnec, c);
    this.prior = grow(this.prior, c);
    this.owner = grow(this.owner, c);
    this.hce = grow(this.hce, c);
    this.eligible = grow(this.eligible, c);
    this.vested = grow(this.vested, c);
    this.cap = c;
  }

  /** The line of row `row`. */
  lineAt(row: number): number | undefined {
    return row < this.n ? this.lines[row] : undefined;
  }

  /** Appends one validated row. */
  add(r: CensusRowValues): void {
    this.idStore.push(r.id);
    this.addValues(r);
  }

  /**
   * Appends one validated row whose id is the bytes `b[start..end)` with hash `h` (`r.id` is
   * not read): the streaming reader's way, with no id string made.
   */
  addWithIdBytes(r: CensusRowValues, b: Uint8Array, start: number, end: number, h: number): void {
    this.idStore.pushBytes(b, start, end, h);
    this.addValues(r);
  }

  private addValues(r: CensusRowValues): void {
    this.ensure();
    const i = this.n++;
    this.lines[i] = r.line;
    this.comp[i] = r.compensation;
    this.match[i] = r.match;
    this.afterTax[i] = r.afterTax;
    this.qmac[i] = r.qmac;
    this.qnec[i] = r.qnec;
    this.prior[i] = r.priorCompensation;
    this.owner[i] = r.ownerBps;
    this.hce[i] = r.hceGiven;
    this.eligible[i] = r.eligible ? 1 : 0;
    this.vested[i] = r.vestedBps;
  }

  /** The census (arrays trimmed to size). */
  build(columns: Census['columns']): Census {
    const n = this.n;
    const cut = <T extends Float64Array | Int32Array | Int8Array | Uint8Array>(a: T): T =>
      a.subarray(0, n) as T;
    return new BuiltCensus(
      this.idStore,
      n,
      cut(this.lines),
      cut(this.comp),
      cut(this.match),
      cut(this.afterTax),
      cut(this.qmac),
      cut(this.qnec),
      cut(this.prior),
      cut(this.owner),
      cut(this.hce),
      cut(this.eligible),
      cut(this.vested),
      columns,
    );
  }
}
