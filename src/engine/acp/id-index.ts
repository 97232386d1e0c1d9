/**
 * A hash index of census ids for finding duplicates: open addressing over typed arrays with
 * a 32-bit FNV-1a hash, so a million ids cost two integer arrays instead of a million-entry Set
 * (several times faster to build). Equal hashes are confirmed by comparing the strings.
 */

/** FNV-1a over the UTF-16 code units of `s`. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export class IdIndex {
  private table: Int32Array; // row + 1; 0 is empty
  private mask: number;
  private count = 0;
  private hashes: Uint32Array;

  /** @param ids the id of each row, by row index (read, not copied). */
  constructor(
    private readonly ids: readonly string[],
    capacityHint = 1024,
  ) {
    let size = 1024;
    while (size < capacityHint * 2) size *= 2;
    this.table = new Int32Array(size);
    this.mask = size - 1;
    this.hashes = new Uint32Array(Math.max(16, capacityHint));
  }

  /** The row with this id, or -1. */
  find(id: string): number {
    const h = hash(id);
    let slot = h & this.mask;
    for (;;) {
      const v = this.table[slot] ?? 0;
      if (v === 0) return -1;
      const row = v - 1;
      if (this.hashes[row] === h && this.ids[row] === id) return row;
      slot = (slot + 1) & this.mask;
    }
  }

  /** Records that row `row` has id `ids[row]` (call once per row, after `find` said -1). */
  insert(row: number): void {
    const id = this.ids[row] ?? '';
    const h = hash(id);
    if (row >= this.hashes.length) {
      const bigger = new Uint32Array(Math.max(row + 1, this.hashes.length * 2));
      bigger.set(this.hashes);
      this.hashes = bigger;
    }
    this.hashes[row] = h;
    this.count++;
    if (this.count * 2 > this.table.length) this.rehash();
    this.place(h, row);
  }

  private place(h: number, row: number): void {
    let slot = h & this.mask;
    while ((this.table[slot] ?? 0) !== 0) slot = (slot + 1) & this.mask;
    this.table[slot] = row + 1;
  }

  private rehash(): void {
    const old = this.table;
    this.table = new Int32Array(old.length * 2);
    this.mask = this.table.length - 1;
    for (const v of old) if (v !== 0) this.place(this.hashes[v - 1] ?? 0, v - 1);
  }
}
