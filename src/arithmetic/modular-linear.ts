/**
 * Dense square linear systems over Z/p on Float64Arrays: the inner loop of the modular
 * rational univariate representation, where generic `Field` calls would dominate.
 *
 * Every residue lies in [0, p). For p < 2^26 a product of two residues is below 2^52, so
 * `a + (p − f)·b` stays below 2^53 and is exact in a double before the `%`. For p below
 * `LAZY_PRIME_LIMIT` = 2^21 products are below 2^42, and up to 2^11 of them can be added before
 * a reduction is due: rows are then updated without `%` (the floating-point remainder is the
 * costly part of the loop) and reduced only where a value is read — the pivot column — and
 * every 1024 pivots. Gaussian elimination with row pivoting keeps P·A = L·U (`factorModP`);
 * each right-hand side, given then or later, is solved in O(D²) with it (`solveFactored`):
 * `solveModP` does both.
 */
import { Zp } from './field';

/** Primes below this bound let the elimination delay its reductions. */
export const LAZY_PRIME_LIMIT = 2 ** 21;

/**
 * The solutions X of A·X = B modulo p (A square, D×D, given by rows; B as a list of right-hand
 * sides of length D), or undefined when A is singular modulo p. Inputs are not modified.
 */
export function solveModP(A: readonly Float64Array[], rhs: readonly Float64Array[], p: number): Float64Array[] | undefined {
  const factored = factorModP(A, p);
  return factored && solveFactored(factored, rhs);
}

/**
 * A square matrix modulo p after Gaussian elimination with row pivoting: P·A = L·U, L unit lower
 * triangular and U upper triangular with its diagonal scaled to 1. Row r holds L's multipliers
 * left of the diagonal and U's row from it on (the diagonal entry itself is 1, not stored: the
 * inverse of the pivot it replaced is in `pivotInverses`); `swaps[c]` is the row swapped with
 * row c at step c.
 */
export interface FactoredModP {
  p: number;
  rows: Float64Array[];
  pivotInverses: Float64Array;
  swaps: Int32Array;
}

/**
 * A's elimination modulo p (A square, given by rows; not modified), or undefined when A is
 * singular modulo p.
 */
export function factorModP(A: readonly Float64Array[], p: number): FactoredModP | undefined {
  const D = A.length;
  const lazy = p < LAZY_PRIME_LIMIT;
  const F = Zp(p);
  const rows = A.map((a) => Float64Array.from(a));
  const pivotInverses = new Float64Array(D);
  const swaps = new Int32Array(D);
  for (let c = 0; c < D; c++) {
    if (lazy && c > 0 && c % 1024 === 0) for (let r = c; r < D; r++) for (let j = c; j < D; j++) rows[r][j] %= p;
    let piv = -1;
    for (let r = c; r < D; r++) {
      if (lazy) rows[r][c] %= p;
      if (rows[r][c] !== 0) {
        piv = r;
        break;
      }
    }
    if (piv < 0) return undefined;
    swaps[c] = piv;
    if (piv !== c) [rows[c], rows[piv]] = [rows[piv], rows[c]];
    const pr = rows[c];
    const inv = F.inv(pr[c] % p);
    pivotInverses[c] = inv;
    for (let j = c + 1; j < D; j++) if (pr[j] !== 0) pr[j] = ((pr[j] % p) * inv) % p;
    pr[c] = 1;
    for (let r = c + 1; r < D; r++) {
      const row = rows[r];
      if (lazy) row[c] %= p;
      const f = row[c];
      if (f === 0) continue;
      const g = p - f;
      if (lazy) {
        for (let j = c + 1; j < D; j++) row[j] += g * pr[j];
      } else {
        for (let j = c + 1; j < D; j++) {
          const b = pr[j];
          if (b !== 0) row[j] = (row[j] + g * b) % p;
        }
      }
      // The multiplier, where the eliminated entry was (it is reduced: read from the pivot column).
      row[c] = f;
    }
  }
  return { p, rows, pivotInverses, swaps };
}

/**
 * The solutions X of A·X = B modulo p from A's factorization (`factorModP`); B as a list of
 * right-hand sides. Both triangular solves run along the rows (contiguous), and for p below
 * `LAZY_PRIME_LIMIT` each row's sum is reduced once per 1024 terms instead of once per term.
 */
export function solveFactored(factored: FactoredModP, rhs: readonly Float64Array[]): Float64Array[] {
  const { p, rows, pivotInverses, swaps } = factored;
  const D = rows.length;
  const lazy = p < LAZY_PRIME_LIMIT;
  return rhs.map((b) => {
    const x = Float64Array.from(b);
    // P·b: the swaps in order. (The multipliers moved with their rows at each swap, so they are
    // read in the final order.)
    for (let c = 0; c < D; c++) {
      const s = swaps[c];
      if (s !== c) {
        const t = x[c];
        x[c] = x[s];
        x[s] = t;
      }
    }
    // Forward, row by row: y_r = (x_r − Σ_{c<r} L[r][c]·y_c)·(pivot r)⁻¹, the elimination's row
    // operations with the pivot rows scaled as U's.
    for (let r = 0; r < D; r++) x[r] = (rowDifference(x[r], rows[r], x, 0, r, p, lazy) * pivotInverses[r]) % p;
    // Back substitution on U (unit diagonal, reduced entries).
    for (let r = D - 1; r >= 0; r--) x[r] = rowDifference(x[r], rows[r], x, r + 1, D, p, lazy);
    return x;
  });
}

/**
 * (s − Σ_{from ≤ c < to} row[c]·x[c]) mod p, for reduced entries: with `lazy` (p < 2^21) the sum
 * is reduced once per 1024 terms, else at every term.
 */
function rowDifference(s: number, row: Float64Array, x: Float64Array, from: number, to: number, p: number, lazy: boolean): number {
  if (lazy) {
    for (let c = from; c < to; c++) {
      s += (p - row[c]) * x[c];
      if ((c & 1023) === 1023) s %= p;
    }
    return s % p;
  }
  for (let c = from; c < to; c++) s = (s + (p - row[c]) * x[c]) % p;
  return s;
}
