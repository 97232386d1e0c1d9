/**
 * The census ids, kept as UTF-8 bytes in one growing buffer with a hash index over them. A
 * million ids as a million strings cost about 200 ms to create and keep the garbage collector
 * busy while parsing; here the streaming reader copies each id's bytes straight from the file
 * chunk, finds duplicates without making a string, and a string is made only when someone asks
 * for an id (`idAt`, e.g. for the HCEs with a refund).
 *
 * The index is open addressing over one `Int32Array` of (hash, row + 1) pairs: a probe touches
 * one cache line, and equal hashes are confirmed by comparing the bytes.
 */

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/** FNV-1a over `b[start..end)`, then the murmur3 finalizer to spread the low bits. */
export function hashBytes(b: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) {
    h ^= b[i] ?? 0;
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

/**
 * Ids by row, appended in row order.
 *
 * While every id is greater (bytewise) than the one before — a census sorted by id, as exports
 * usually are — no id can repeat, so a lookup only compares with the last id and nothing is
 * hashed into the table: the table's random accesses were a third of the parse time of a
 * million rows. The first id out of order builds the hash index over all rows so far, and from
 * then on every id is indexed as it is added.
 */
export class IdStore {
  private bytes: Uint8Array;
  private used = 0;
  /**
   * Row r's id is `bytes[starts[r], starts[r + 1])`; empty while every id has `width` bytes
   * (employee numbers often do), row r's id then starting at `r * width`.
   */
  private starts = new Int32Array(0);
  private width = 0;
  private varying = false;
  private n = 0;
  /** Slot s holds the hash at 2s and row + 1 at 2s + 1 (0: empty); built on first need. */
  private table = new Int32Array(0);
  private mask = -1;
  private indexed = false;
  private capacityHint: number;
  /** Scratch for encoding a string id to look it up. */
  private scratch = new Uint8Array(64);

  /** @param capacityHint expected number of ids, to size the arrays once. */
  constructor(capacityHint = 1024) {
    const cap = Math.max(16, capacityHint);
    this.bytes = new Uint8Array(cap * 12);
    this.capacityHint = cap;
  }

  get size(): number {
    return this.n;
  }

  /** True once the ids went out of order: every id is then hashed (`pushIfAfterLast` is false). */
  get hashed(): boolean {
    return this.indexed;
  }

  /** Bytes of ids stored so far. */
  get bytesUsed(): number {
    return this.used;
  }

  /** Makes room for `rows` ids in all and `bytes` bytes of them (never shrinks). */
  reserve(rows: number, bytes: number): void {
    this.capacityHint = Math.max(this.capacityHint, rows);
    if (bytes > this.bytes.length) {
      const bigger = new Uint8Array(bytes);
      bigger.set(this.bytes.subarray(0, this.used));
      this.bytes = bigger;
    }
    if (this.varying && rows + 1 > this.starts.length) {
      const bigger = new Int32Array(rows + 1);
      bigger.set(this.starts);
      this.starts = bigger;
    }
  }

  /** The row whose id is the bytes `b[start..end)` with hash `h` (from `hashBytes`), or -1. */
  findBytes(b: Uint8Array, start: number, end: number, h: number): number {
    if (!this.indexed) {
      if (this.afterLast(b, start, end)) return -1;
      this.buildIndex();
    }
    const t = this.table;
    const len = end - start;
    let slot = h & this.mask;
    for (;;) {
      const v = t[2 * slot + 1] ?? 0;
      if (v === 0) return -1;
      if (t[2 * slot] === h) {
        const s = this.startOf(v - 1);
        if (this.startOf(v) - s === len) {
          let k = 0;
          while (k < len && this.bytes[s + k] === b[start + k]) k++;
          if (k === len) return v - 1;
        }
      }
      slot = (slot + 1) & this.mask;
    }
  }

  /** The row with this id, or -1. */
  find(id: string): number {
    const len = this.encode(id);
    return this.findBytes(this.scratch, 0, len, hashBytes(this.scratch, 0, len));
  }

  /** Appends the id `b[start..end)` (hash `h`) as the next row and indexes it. */
  pushBytes(b: Uint8Array, start: number, end: number, h: number): void {
    if (!this.indexed && !this.afterLast(b, start, end)) this.buildIndex();
    this.append(b, start, end);
    if (!this.indexed) return;
    if (this.n * 3 > (this.mask + 1) * 2) this.rehash();
    this.place(this.table, this.mask, h, this.n);
  }

  /**
   * Appends the id `b[start..end)` without hashing it when the ids so far are in order and it
   * sorts after the last one (so it is new); false, appending nothing, otherwise — the caller
   * then looks it up (`findBytes`) and appends it with its hash (`pushBytes`).
   */
  pushIfAfterLast(b: Uint8Array, start: number, end: number): boolean {
    const len = end - start;
    const dst = this.bytes;
    const u = this.used;
    if (
      len === this.width &&
      !this.varying &&
      !this.indexed &&
      this.n > 0 &&
      u + len <= dst.length
    ) {
      // the usual case, ids of one width in order: the equal start compared and copied, then
      // the rest copied once the first byte that differs is greater than the last id's
      const last = u - len;
      let k = 0;
      let x = 0;
      let y = 0;
      while (k < len) {
        x = b[start + k] ?? 0;
        y = dst[last + k] ?? 0;
        if (x !== y) break;
        dst[u + k] = x;
        k++;
      }
      if (x <= y) return false; // equal (k = len), or before the last id
      for (; k < len; k++) dst[u + k] = b[start + k] ?? 0;
      this.used = u + len;
      this.n++;
      return true;
    }
    return this.pushAnyIfAfterLast(b, start, end);
  }

  /** `pushIfAfterLast` for the first id, ids of another width, or when the buffer is full. */
  private pushAnyIfAfterLast(b: Uint8Array, start: number, end: number): boolean {
    if (this.indexed) return false;
    const len = end - start;
    this.room(len);
    // one loop copies the id after the last one and compares the two; a copy not kept is
    // simply not counted in `used`
    const dst = this.bytes;
    const u = this.used;
    const n = this.n;
    const last = n > 0 ? this.startOf(n - 1) : u;
    const lastLen = u - last;
    const m = Math.min(len, lastLen);
    let order = n === 0 ? 1 : 0; // > 0: after the last id, < 0: before it or equal
    for (let k = 0; k < len; k++) {
      const x = b[start + k] ?? 0;
      dst[u + k] = x;
      if (order === 0 && k < m) order = x - (dst[last + k] ?? 0);
    }
    if (order === 0) order = len - lastLen;
    if (order <= 0) return false;
    this.commit(len);
    return true;
  }

  /** Makes room for one more id of `len` bytes. */
  private room(len: number): void {
    if (this.used + len > this.bytes.length) {
      const bigger = new Uint8Array(Math.max(this.bytes.length * 2, this.used + len));
      bigger.set(this.bytes.subarray(0, this.used));
      this.bytes = bigger;
    }
    if (this.varying && this.n + 2 > this.starts.length) {
      const bigger = new Int32Array(this.starts.length * 2);
      bigger.set(this.starts);
      this.starts = bigger;
    }
  }

  private append(b: Uint8Array, start: number, end: number): void {
    this.room(end - start);
    // a byte loop beats `set(subarray)` for ids of a few bytes (no view object per row)
    const dst = this.bytes;
    let u = this.used;
    for (let i = start; i < end; i++) dst[u++] = b[i] ?? 0;
    this.commit(end - start);
  }

  /** Counts the `len` bytes written after the last id as the next id. */
  private commit(len: number): void {
    if (!this.varying && len !== this.width) {
      if (this.n === 0) this.width = len;
      else this.startsFromWidth();
    }
    this.used += len;
    this.n++;
    if (this.varying) this.starts[this.n] = this.used;
  }

  /** The first id of another length: every row's start kept from now on. */
  private startsFromWidth(): void {
    const starts = new Int32Array(Math.max(this.capacityHint, this.n + 1) + 1);
    for (let r = 0; r <= this.n; r++) starts[r] = r * this.width;
    this.starts = starts;
    this.varying = true;
  }

  /** Where row r's id starts in `bytes` (r = size: the end of the last). */
  private startOf(r: number): number {
    return this.varying ? (this.starts[r] ?? 0) : r * this.width;
  }

  /** True when there are no ids yet or `b[start..end)` sorts after the last one (bytewise). */
  private afterLast(b: Uint8Array, start: number, end: number): boolean {
    if (this.n === 0) return true;
    const s = this.startOf(this.n - 1);
    const lastLen = this.used - s;
    const len = end - start;
    const m = Math.min(len, lastLen);
    for (let k = 0; k < m; k++) {
      const x = b[start + k] ?? 0;
      const y = this.bytes[s + k] ?? 0;
      if (x !== y) return x > y;
    }
    return len > lastLen;
  }

  /** Hashes every id so far into a table with room for the expected rows (load at most 2/3). */
  private buildIndex(): void {
    let size = 1024;
    while (size < this.capacityHint || size * 2 < this.n * 3) size *= 2;
    this.table = new Int32Array(size * 2);
    this.mask = size - 1;
    this.indexed = true;
    for (let r = 0; r < this.n; r++) {
      const s = this.startOf(r);
      const e = this.startOf(r + 1);
      this.place(this.table, this.mask, hashBytes(this.bytes, s, e), r + 1);
    }
  }

  /** Appends a string id as the next row. */
  push(id: string): void {
    const len = this.encode(id);
    this.pushBytes(this.scratch, 0, len, hashBytes(this.scratch, 0, len));
  }

  /** The id of row `row` ('' past the end). */
  idAt(row: number): string {
    if (row < 0 || row >= this.n) return '';
    return decoder.decode(this.bytes.subarray(this.startOf(row), this.startOf(row + 1)));
  }

  /** Every id as a string, by row. */
  all(): string[] {
    const out = new Array<string>(this.n);
    for (let r = 0; r < this.n; r++) out[r] = this.idAt(r);
    return out;
  }

  private encode(id: string): number {
    if (this.scratch.length < id.length * 3) this.scratch = new Uint8Array(id.length * 3);
    return encoder.encodeInto(id, this.scratch).written;
  }

  private place(t: Int32Array, mask: number, h: number, v: number): void {
    let slot = h & mask;
    while ((t[2 * slot + 1] ?? 0) !== 0) slot = (slot + 1) & mask;
    t[2 * slot] = h;
    t[2 * slot + 1] = v;
  }

  private rehash(): void {
    const old = this.table;
    const size = (this.mask + 1) * 2;
    this.table = new Int32Array(size * 2);
    this.mask = size - 1;
    for (let s = 0; s < old.length; s += 2) {
      const v = old[s + 1] ?? 0;
      if (v !== 0) this.place(this.table, this.mask, old[s] ?? 0, v);
    }
  }
}
