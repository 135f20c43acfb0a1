/**
 * Random changes of coordinates that keep everything over Z: unimodular integer matrices
 * A = U·L (U upper and L lower unitriangular, so det A = 1), as a fast-check arbitrary, and the
 * substitution x ↦ A·x applied to a list of polynomials. A plant moved by a change of
 * coordinates is still a plant: its components' primes are moved by the same substitution.
 */
import fc from 'fast-check';
import { Rational, rational } from '../arithmetic/rational';
import { substitute } from '../poly/evaluate';
import { Polynomial, PolynomialRing } from '../poly/polynomial';

/** An integer n×n matrix. */
export type IntMatrix = number[][];

/** U·L from the entries above (U) and below (L) the diagonal. */
export function unitriangularProduct(n: number, upper: readonly number[], lower: readonly number[]): IntMatrix {
  const U = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : j > i ? upper[i * n + j] ?? 0 : 0)));
  const L = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : j < i ? lower[i * n + j] ?? 0 : 0)));
  return U.map((row) => L[0].map((_, j) => row.reduce((s, u, k) => s + u * L[k][j], 0)));
}

/**
 * Unimodular integer matrices of size n with factor entries in [−maxEntry, maxEntry]; shrinks
 * towards the identity.
 * @example fc.sample(unimodularMatrix(2), 1) // e.g. [[3, 2], [1, 1]]
 */
export function unimodularMatrix(n: number, maxEntry = 2): fc.Arbitrary<IntMatrix> {
  const entries = fc.array(fc.integer({ min: -maxEntry, max: maxEntry }), { minLength: n * n, maxLength: n * n });
  return fc.tuple(entries, entries).map(([u, l]) => unitriangularProduct(n, u, l));
}

/** Substitutes xᵢ ↦ Σⱼ A[i][j]·xⱼ in every polynomial (the ring's variables in order). */
export function changeCoordinates(polys: readonly Polynomial<Rational>[], A: IntMatrix, ring: PolynomialRing<Rational>): Polynomial<Rational>[] {
  const X = ring.gens();
  const images: Record<string, Polynomial<Rational>> = {};
  ring.vars.forEach((v, i) => {
    images[v] = A[i].reduce((acc, c, j) => (c === 0 ? acc : acc.add(X[j].scale(rational(BigInt(c))))), ring.zero());
  });
  return polys.map((p) => substitute(p, images, ring));
}

/**
 * The inverse of a unimodular integer matrix (again an integer matrix), by Gauss–Jordan
 * elimination in doubles rounded at the end: exact for the small entries the arbitraries make.
 * A point y of the original system is the point A⁻¹·y of the system moved by x ↦ A·x.
 */
export function inverseUnimodular(A: IntMatrix): IntMatrix {
  const n = A.length;
  const M = A.map((row, i) => [...row, ...Array.from({ length: n }, (_, j) => (i === j ? 1 : 0))]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r][c]) > Math.abs(M[p][c])) p = r;
    [M[c], M[p]] = [M[p], M[c]];
    const pivot = M[c][c];
    for (let j = 0; j < 2 * n; j++) M[c][j] /= pivot;
    for (let r = 0; r < n; r++) {
      if (r === c || M[r][c] === 0) continue;
      const f = M[r][c];
      for (let j = 0; j < 2 * n; j++) M[r][j] -= f * M[c][j];
    }
  }
  return M.map((row) => row.slice(n).map((v) => Math.round(v) + 0));
}
