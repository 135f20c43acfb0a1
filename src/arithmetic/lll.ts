/**
 * LLL reduction of integer lattice bases (Lenstra–Lenstra–Lovász 1982) in the floating-point
 * form of Schnorr and Euchner ("Lattice basis reduction: improved practical algorithms", Math.
 * Programming 66, 1994): the basis is exact and changed only by integer row operations, so every
 * result is a basis of the same lattice, while the Gram–Schmidt coefficients μ and squared norms
 * ‖b*ᵢ‖² are doubles recomputed from a double image of the rows. An inner product that cancels
 * (|⟨b_k, b_j⟩| < 2^−26·‖b_k‖·‖b_j‖) is recomputed exactly, and a row whose size reduction used a
 * large multiplier has its coefficients recomputed before the next test.
 *
 * Representation: the rows are held as doubles while every entry and every intermediate value
 * stays below 2^53 (integers there are exact, and row operations cost a few nanoseconds per
 * entry), and as bigints otherwise: a row operation that would leave the exact range switches the
 * whole reduction to bigints, from the current (still valid) basis. One algorithm serves both
 * through `RowArithmetic`.
 *
 * The doubles only steer the reduction: nothing is claimed from them. A caller that must know
 * Gram–Schmidt norms exactly (to drop vectors with a proof) uses `gram-schmidt.ts` on the result;
 * the approximate squared norms are returned as a hint. When the iteration budget runs out the
 * basis returned is still a basis of the lattice, only possibly not reduced (`reduced: false`).
 */
import { Deadline } from '../errors';

/** Options of `lllReduce`. */
export interface LllOptions {
  /** Lovász constant δ ∈ (1/4, 1); default 0.99. */
  delta?: number;
  /** Checked every 256 iterations. */
  deadline?: Deadline;
  /** Largest number of iterations (default 50 000 + 2000·rows²). */
  maxIterations?: number;
}

/** The result of `lllReduce`: the rows (the input array, reordered and changed in place). */
export interface LllResult {
  basis: bigint[][];
  reduced: boolean;
  /** Floating-point estimates of ‖b*ᵢ‖² (a hint, not a proof). */
  gramSchmidt: Float64Array;
}

/** Exact integer row operations on one representation of rows. */
interface RowArithmetic<R> {
  /** The row as doubles (may be the row itself). */
  approx(row: R): Float64Array;
  /** ⟨a, b⟩ exactly, rounded to a double. */
  exactDot(a: R, b: R): number;
  /** target ← target − q·source for an integer q; false (target unchanged) when that is not exact. */
  subtract(target: R, q: number, source: R): boolean;
}

const EXACT = 2 ** 53;

const bigintRows: RowArithmetic<bigint[]> = {
  approx: (row) => Float64Array.from(row, Number),
  exactDot(a, b) {
    let s = 0n;
    for (let i = 0; i < a.length; i++) if (a[i] !== 0n && b[i] !== 0n) s += a[i] * b[i];
    return Number(s);
  },
  subtract(target, q, source) {
    const Q = BigInt(q);
    for (let i = 0; i < target.length; i++) if (source[i] !== 0n) target[i] -= Q * source[i];
    return true;
  },
};

const doubleRows: RowArithmetic<Float64Array> = {
  approx: (row) => row,
  exactDot(a, b) {
    let s = 0;
    let bound = 0;
    for (let i = 0; i < a.length; i++) {
      s += a[i] * b[i];
      bound += Math.abs(a[i] * b[i]);
    }
    if (bound < EXACT) return s;
    return bigintRows.exactDot(Array.from(a, BigInt), Array.from(b, BigInt));
  },
  subtract(target, q, source) {
    let top = 0;
    for (let i = 0; i < target.length; i++) top = Math.max(top, Math.abs(target[i]) + Math.abs(q * source[i]));
    if (!(top < EXACT)) return false;
    for (let i = 0; i < target.length; i++) if (source[i] !== 0) target[i] -= q * source[i];
    return true;
  },
};

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

const CANCELLATION = 2 ** -26;
const LARGE_MULTIPLIER = 2 ** 26;

/** The reduction itself; 'overflow' when a double row operation would not be exact. */
function reduce<R>(b: R[], A: RowArithmetic<R>, delta: number, budget: { left: number }, B: Float64Array, deadline?: Deadline): 'done' | 'budget' | 'overflow' {
  const m = b.length;
  const bf = b.map((row) => A.approx(row));
  const norm2 = bf.map((r) => dot(r, r));
  const mu = Array.from({ length: m }, () => new Float64Array(m));
  B[0] = A.exactDot(b[0], b[0]);

  // μ_kj (j < k) and ‖b*_k‖² from the current row k; returns B_k.
  const orthogonalize = (k: number): number => {
    const row = mu[k];
    for (let j = 0; j < k; j++) {
      let s = dot(bf[k], bf[j]);
      if (Math.abs(s) < CANCELLATION * Math.sqrt(norm2[k] * norm2[j])) s = A.exactDot(b[k], b[j]);
      const muj = mu[j];
      for (let i = 0; i < j; i++) s -= muj[i] * row[i] * B[i];
      row[j] = s / B[j];
    }
    let bk = norm2[k];
    for (let j = 0; j < k; j++) bk -= row[j] * row[j] * B[j];
    return bk;
  };

  let k = 1;
  let iterations = 0;
  while (k < m) {
    if (--budget.left < 0) return 'budget';
    if ((++iterations & 255) === 0) deadline?.check();
    let bk = orthogonalize(k);
    // Size reduction, repeated while a large multiplier may have spoilt the doubles.
    for (let round = 0; round < 64; round++) {
      let changed = false;
      let large = false;
      const row = mu[k];
      for (let j = k - 1; j >= 0; j--) {
        const q = Math.round(row[j]);
        if (q === 0 || Math.abs(row[j]) <= 0.51) continue;
        if (!A.subtract(b[k], q, b[j])) return 'overflow';
        changed = true;
        if (Math.abs(q) > LARGE_MULTIPLIER) large = true;
        const muj = mu[j];
        for (let i = 0; i < j; i++) row[i] -= q * muj[i];
        row[j] -= q;
      }
      if (!changed) break;
      bf[k] = A.approx(b[k]);
      norm2[k] = dot(bf[k], bf[k]);
      if (norm2[k] === 0) throw new RangeError('lllReduce: the rows are linearly dependent');
      bk = orthogonalize(k);
      if (!large) break;
    }
    const m1 = mu[k][k - 1];
    if (bk < (delta - m1 * m1) * B[k - 1]) {
      [b[k], b[k - 1]] = [b[k - 1], b[k]];
      [bf[k], bf[k - 1]] = [bf[k - 1], bf[k]];
      [norm2[k], norm2[k - 1]] = [norm2[k - 1], norm2[k]];
      if (k === 1) B[0] = A.exactDot(b[0], b[0]);
      k = Math.max(k - 1, 1);
    } else {
      B[k] = bk;
      k++;
    }
  }
  return 'done';
}

/**
 * LLL-reduces the rows of `basis` (linearly independent integer vectors, all of one length) in
 * place; `reduced` is false if the iteration budget ran out first.
 * Example: the rows (1, 0, 0, 1345), (0, 1, 0, 35), (0, 0, 1, 154) reduce to (1, 1, −9, −6),
 * (0, 9, −2, 7), (1, −3, −8, 8).
 */
export function lllReduce(basis: bigint[][], options: LllOptions = {}): LllResult {
  const m = basis.length;
  const gramSchmidt = new Float64Array(m);
  if (m <= 1) {
    if (m === 1) gramSchmidt[0] = bigintRows.exactDot(basis[0], basis[0]);
    return { basis, reduced: true, gramSchmidt };
  }
  const delta = options.delta ?? 0.99;
  const budget = { left: options.maxIterations ?? 50000 + 2000 * m * m };
  let outcome: 'done' | 'budget' | 'overflow' = 'overflow';
  // Below 2^50 there is room for the first row operations; growth past 2^53 is caught.
  if (basis.every((row) => row.every((x) => x < 2n ** 50n && x > -(2n ** 50n)))) {
    const rows = basis.map((row) => Float64Array.from(row, Number));
    outcome = reduce(rows, doubleRows, delta, budget, gramSchmidt, options.deadline);
    rows.forEach((row, i) => (basis[i] = Array.from(row, (x) => BigInt(x))));
  }
  if (outcome === 'overflow') outcome = reduce(basis, bigintRows, delta, budget, gramSchmidt, options.deadline);
  return { basis, reduced: outcome === 'done', gramSchmidt };
}
