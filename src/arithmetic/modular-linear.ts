/**
 * Dense square linear systems over Z/p on Float64Arrays: the inner loop of the modular
 * rational univariate representation, where generic `Field` calls would dominate.
 *
 * Every residue lies in [0, p). For p < 2^26 a product of two residues is below 2^52, so
 * `a + (p − f)·b` stays below 2^53 and is exact in a double before the `%`. For p below
 * `LAZY_PRIME_LIMIT` = 2^21 products are below 2^42, and up to 2^11 of them can be added before
 * a reduction is due: rows are then updated without `%` (the floating-point remainder is the
 * costly part of the loop) and reduced only where a value is read — the pivot column — and
 * every 1024 pivots. Gaussian elimination with row pivoting on the augmented matrix [A | B],
 * then back substitution.
 */
import { Zp } from './field';

/** Primes below this bound let the elimination delay its reductions. */
export const LAZY_PRIME_LIMIT = 2 ** 21;


/**
 * The solutions X of A·X = B modulo p (A square, D×D, given by rows; B as a list of right-hand
 * sides of length D), or undefined when A is singular modulo p. Inputs are not modified.
 */
export function solveModP(A: readonly Float64Array[], rhs: readonly Float64Array[], p: number): Float64Array[] | undefined {
  const D = A.length;
  const m = rhs.length;
  const W = D + m;
  const lazy = p < LAZY_PRIME_LIMIT;
  const F = Zp(p);
  // Augmented rows [A_r | B_r].
  const rows = A.map((a, r) => {
    const row = new Float64Array(W);
    row.set(a);
    for (let j = 0; j < m; j++) row[D + j] = rhs[j][r];
    return row;
  });
  for (let c = 0; c < D; c++) {
    if (lazy && c > 0 && c % 1024 === 0) for (let r = c; r < D; r++) for (let j = c; j < W; j++) rows[r][j] %= p;
    let piv = -1;
    for (let r = c; r < D; r++) {
      if (lazy) rows[r][c] %= p;
      if (rows[r][c] !== 0) {
        piv = r;
        break;
      }
    }
    if (piv < 0) return undefined;
    if (piv !== c) [rows[c], rows[piv]] = [rows[piv], rows[c]];
    const pr = rows[c];
    const inv = F.inv(pr[c] % p);
    for (let j = c; j < W; j++) if (pr[j] !== 0) pr[j] = ((pr[j] % p) * inv) % p;
    for (let r = c + 1; r < D; r++) {
      const row = rows[r];
      if (lazy) row[c] %= p;
      const f = row[c];
      if (f === 0) continue;
      const g = p - f;
      if (lazy) {
        for (let j = c; j < W; j++) row[j] += g * pr[j];
      } else {
        for (let j = c; j < W; j++) {
          const b = pr[j];
          if (b !== 0) row[j] = (row[j] + g * b) % p;
        }
      }
    }
  }
  // Back substitution: rows are upper triangular with unit diagonal and reduced.
  const X = Array.from({ length: m }, () => new Float64Array(D));
  for (let j = 0; j < m; j++) {
    const x = X[j];
    for (let r = D - 1; r >= 0; r--) {
      const row = rows[r];
      let s = row[D + j];
      for (let c = r + 1; c < D; c++) {
        const a = row[c];
        if (a !== 0) s = (s + (p - a) * x[c]) % p;
      }
      x[r] = s;
    }
  }
  return X;
}
