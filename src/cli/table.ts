/** Plain-text tables for terminal output: right-aligned numbers, left-aligned text. */

export type Align = 'left' | 'right';

export interface Column {
  readonly header: string;
  readonly align?: Align;
}

/** Renders rows under headers with two spaces between columns and a rule under the header. */
export function renderTable(
  columns: readonly Column[],
  rows: readonly (readonly string[])[],
): string {
  const widths = columns.map((c, i) =>
    Math.max(c.header.length, ...rows.map((r) => (r[i] ?? '').length)),
  );
  const line = (cells: readonly string[]): string =>
    columns
      .map((c, i) => {
        const cell = cells[i] ?? '';
        const w = widths[i] ?? 0;
        return c.align === 'right' ? cell.padStart(w) : cell.padEnd(w);
      })
      .join('  ')
      .trimEnd();
  const out = [line(columns.map((c) => c.header)), widths.map((w) => '-'.repeat(w)).join('  ')];
  for (const r of rows) out.push(line(r));
  return `${out.join('\n')}\n`;
}

/** Renders label/value pairs as two aligned columns (labels left, values right). */
export function renderPairs(pairs: readonly (readonly [string, string])[]): string {
  const lw = Math.max(0, ...pairs.map(([l]) => l.length));
  const vw = Math.max(0, ...pairs.map(([, v]) => v.length));
  return pairs.map(([l, v]) => `${l.padEnd(lw)}  ${v.padStart(vw)}\n`).join('');
}
