/**
 * LLL reduction of integer lattice bases (Lenstra–Lenstra–Lovász 1982) in the floating-point
 * form of Schnorr and Euchner ("Lattice basis reduction: improved practical algorithms", Math.
 * Programming 66, 1994): the basis is exact (bigint rows, changed only by integer row operations,
 * so every result is a basis of the same lattice), while the Gram–Schmidt coefficients μ and
 * squared norms ‖b*ᵢ‖² are doubles recomputed from a double copy of the rows. An inner product
 * that cancels (|⟨b_k, b_j⟩| < 2^−26·‖b_k‖·‖b_j‖) is recomputed exactly from the bigint rows, and a
 * row whose size reduction used a large multiplier has its coefficients recomputed before the next
 * test, which keeps the doubles honest on the knapsack-type lattices of polynomial factoring.
 *
 * The doubles only steer the reduction: nothing is claimed from them. A caller that must know
 * Gram–Schmidt norms exactly (to drop vectors with a proof) uses `gram-schmidt.ts` on the result.
 * When the iteration budget runs out the basis returned is still a basis of the lattice, only
 * possibly not reduced (`reduced: false`).
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

function toDoubles(row: readonly bigint[]): Float64Array {
  const out = new Float64Array(row.length);
  for (let i = 0; i < row.length; i++) out[i] = Number(row[i]);
  return out;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

function exactDot(a: readonly bigint[], b: readonly bigint[]): bigint {
  let s = 0n;
  for (let i = 0; i < a.length; i++) if (a[i] !== 0n && b[i] !== 0n) s += a[i] * b[i];
  return s;
}

const CANCELLATION = 2 ** -26;
const LARGE_MULTIPLIER = 2 ** 26;

/**
 * LLL-reduces the rows of `basis` (linearly independent integer vectors, all of one length) in
 * place and returns them with `reduced: false` if the iteration budget ran out first.
 * Example: the rows (1, 0, 0, 1345), (0, 1, 0, 35), (0, 0, 1, 154) reduce to (1, 1, −9, −6),
 * (0, 9, −2, 7), (1, −3, −8, 8).
 */
export function lllReduce(basis: bigint[][], options: LllOptions = {}): { basis: bigint[][]; reduced: boolean } {
  const m = basis.length;
  if (m <= 1) return { basis, reduced: true };
  const delta = options.delta ?? 0.99;
  const maxIterations = options.maxIterations ?? 50000 + 2000 * m * m;
  const b = basis;
  const bf = b.map(toDoubles);
  const norm2 = bf.map((r) => dot(r, r));
  const mu = Array.from({ length: m }, () => new Float64Array(m));
  const B = new Float64Array(m);
  B[0] = Number(exactDot(b[0], b[0]));

  // μ_kj (j < k) and ‖b*_k‖² from the current row k; returns B_k.
  const orthogonalize = (k: number): number => {
    const row = mu[k];
    for (let j = 0; j < k; j++) {
      let s = dot(bf[k], bf[j]);
      if (Math.abs(s) < CANCELLATION * Math.sqrt(norm2[k] * norm2[j])) s = Number(exactDot(b[k], b[j]));
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
    if (++iterations > maxIterations) return { basis: b, reduced: false };
    if ((iterations & 255) === 0) options.deadline?.check();
    let bk = orthogonalize(k);
    // Size reduction, repeated while a large multiplier may have spoilt the doubles.
    for (let round = 0; round < 64; round++) {
      let changed = false;
      let large = false;
      const row = mu[k];
      for (let j = k - 1; j >= 0; j--) {
        const q = Math.round(row[j]);
        if (q === 0 || Math.abs(row[j]) <= 0.51) continue;
        changed = true;
        if (Math.abs(q) > LARGE_MULTIPLIER) large = true;
        const Q = BigInt(q);
        const bj = b[j];
        const target = b[k];
        for (let i = 0; i < target.length; i++) if (bj[i] !== 0n) target[i] -= Q * bj[i];
        const muj = mu[j];
        for (let i = 0; i < j; i++) row[i] -= q * muj[i];
        row[j] -= q;
      }
      if (!changed) break;
      bf[k] = toDoubles(b[k]);
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
      if (k === 1) B[0] = Number(exactDot(b[0], b[0]));
      k = Math.max(k - 1, 1);
    } else {
      B[k] = bk;
      k++;
    }
  }
  return { basis: b, reduced: true };
}
