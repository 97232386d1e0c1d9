/**
 * A small dense simplex solver for: maximize c·x subject to A x ≤ b, x ≥ 0, with b ≥ 0 (so the
 * origin is feasible and no first phase is needed). Bland's rule (lowest index enters and
 * leaves) prevents cycling. Sized for the optimizer's few dozen variables and constraints.
 */

export interface LinearProgram {
  /** Objective coefficients, one per variable. */
  readonly c: readonly number[];
  /** Constraint rows (each as long as `c`). */
  readonly a: readonly (readonly number[])[];
  /** Right-hand sides, all ≥ 0. */
  readonly b: readonly number[];
}

export interface LpSolution {
  readonly x: number[];
  readonly value: number;
}

const EPS = 1e-9;

/** Solves the program; throws if it is unbounded or a right-hand side is negative. */
export function solveLp(lp: LinearProgram): LpSolution {
  const n = lp.c.length;
  const m = lp.b.length;
  const w = n + m + 1;
  // tableau rows 0..m-1: [A | I | b]; row m: [-c | 0 | 0]
  const t = new Float64Array((m + 1) * w);
  const basis = new Int32Array(m);
  for (let i = 0; i < m; i++) {
    const row = lp.a[i] ?? [];
    const bi = lp.b[i] ?? 0;
    if (bi < 0) throw new RangeError('right-hand sides must be non-negative');
    for (let j = 0; j < n; j++) t[i * w + j] = row[j] ?? 0;
    t[i * w + n + i] = 1;
    t[i * w + w - 1] = bi;
    basis[i] = n + i;
  }
  for (let j = 0; j < n; j++) t[m * w + j] = -(lp.c[j] ?? 0);
  for (let iter = 0; iter < 10_000; iter++) {
    let enter = -1;
    for (let j = 0; j < n + m; j++) {
      if ((t[m * w + j] ?? 0) < -EPS) {
        enter = j;
        break;
      }
    }
    if (enter < 0) break;
    let leave = -1;
    let best = Infinity;
    for (let i = 0; i < m; i++) {
      const aij = t[i * w + enter] ?? 0;
      if (aij > EPS) {
        const ratio = (t[i * w + w - 1] ?? 0) / aij;
        if (
          ratio < best - EPS ||
          (Math.abs(ratio - best) <= EPS && leave >= 0 && (basis[i] ?? 0) < (basis[leave] ?? 0))
        ) {
          best = ratio;
          leave = i;
        }
      }
    }
    if (leave < 0) throw new RangeError('the program is unbounded');
    pivot(t, w, m, leave, enter);
    basis[leave] = enter;
  }
  const x = new Array<number>(n).fill(0);
  for (let i = 0; i < m; i++) {
    const v = basis[i] ?? 0;
    if (v < n) x[v] = t[i * w + w - 1] ?? 0;
  }
  let value = 0;
  for (let j = 0; j < n; j++) value += (lp.c[j] ?? 0) * (x[j] ?? 0);
  return { x, value };
}

function pivot(t: Float64Array, w: number, m: number, r: number, col: number): void {
  const p = t[r * w + col] ?? 1;
  for (let j = 0; j < w; j++) t[r * w + j] = (t[r * w + j] ?? 0) / p;
  for (let i = 0; i <= m; i++) {
    if (i === r) continue;
    const f = t[i * w + col] ?? 0;
    if (f === 0) continue;
    for (let j = 0; j < w; j++) t[i * w + j] = (t[i * w + j] ?? 0) - f * (t[r * w + j] ?? 0);
  }
}
