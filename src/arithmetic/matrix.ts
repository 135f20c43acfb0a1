/**
 * Dense linear algebra over a field: products, reduced row echelon form, rank, kernels,
 * linear solving, determinants and characteristic polynomials.
 *
 * Matrices are arrays of rows (`T[][]`), never mutated by the exported functions (they copy).
 * Everything is exact in the field given. The characteristic polynomial uses reduction to upper
 * Hessenberg form by similarity and the Hessenberg recurrence (Cohen, A Course in Computational
 * Algebraic Number Theory, Algorithm 2.2.9), O(n³) field operations.
 */
import { Field } from './field';

export type Matrix<T> = T[][];

/** The n×m zero matrix. */
export function zeroMatrix<T>(F: Field<T>, n: number, m: number): Matrix<T> {
  return Array.from({ length: n }, () => new Array<T>(m).fill(F.zero));
}

/** The n×n identity. */
export function identityMatrix<T>(F: Field<T>, n: number): Matrix<T> {
  const I = zeroMatrix(F, n, n);
  for (let i = 0; i < n; i++) I[i][i] = F.one;
  return I;
}

/** A·B */
export function matMul<T>(F: Field<T>, A: Matrix<T>, B: Matrix<T>): Matrix<T> {
  const n = A.length;
  const k = B.length;
  const m = k > 0 ? B[0].length : 0;
  const C = zeroMatrix(F, n, m);
  for (let i = 0; i < n; i++) {
    for (let l = 0; l < k; l++) {
      const a = A[i][l];
      if (F.isZero(a)) continue;
      const row = B[l];
      const out = C[i];
      for (let j = 0; j < m; j++) if (!F.isZero(row[j])) out[j] = F.add(out[j], F.mul(a, row[j]));
    }
  }
  return C;
}

/** A·v */
export function matVec<T>(F: Field<T>, A: Matrix<T>, v: readonly T[]): T[] {
  return A.map((row) => {
    let s = F.zero;
    for (let j = 0; j < row.length; j++) if (!F.isZero(row[j]) && !F.isZero(v[j])) s = F.add(s, F.mul(row[j], v[j]));
    return s;
  });
}

export function transpose<T>(A: Matrix<T>): Matrix<T> {
  if (A.length === 0) return [];
  return A[0].map((_, j) => A.map((row) => row[j]));
}

/**
 * Reduced row echelon form: returns the matrix and its pivot columns.
 * Example: rref of [[2, 4], [1, 3]] over Q is [[1, 0], [0, 1]] with pivots [0, 1].
 */
export function rref<T>(F: Field<T>, A: Matrix<T>): { matrix: Matrix<T>; pivots: number[] } {
  const M = A.map((r) => r.slice());
  const rows = M.length;
  const cols = rows > 0 ? M[0].length : 0;
  const pivots: number[] = [];
  let r = 0;
  for (let c = 0; c < cols && r < rows; c++) {
    let p = r;
    while (p < rows && F.isZero(M[p][c])) p++;
    if (p === rows) continue;
    [M[r], M[p]] = [M[p], M[r]];
    const inv = F.inv(M[r][c]);
    M[r] = M[r].map((x) => F.mul(x, inv));
    for (let i = 0; i < rows; i++) {
      if (i === r || F.isZero(M[i][c])) continue;
      const f = M[i][c];
      const src = M[r];
      M[i] = M[i].map((x, j) => (F.isZero(src[j]) ? x : F.sub(x, F.mul(f, src[j]))));
    }
    pivots.push(c);
    r++;
  }
  return { matrix: M, pivots };
}

export function rank<T>(F: Field<T>, A: Matrix<T>): number {
  return rref(F, A).pivots.length;
}

/** A basis of the right kernel {x : A·x = 0}. */
export function kernel<T>(F: Field<T>, A: Matrix<T>): T[][] {
  const cols = A.length > 0 ? A[0].length : 0;
  const { matrix, pivots } = rref(F, A);
  const isPivot = new Set(pivots);
  const basis: T[][] = [];
  for (let free = 0; free < cols; free++) {
    if (isPivot.has(free)) continue;
    const v = new Array<T>(cols).fill(F.zero);
    v[free] = F.one;
    pivots.forEach((pc, i) => {
      v[pc] = F.neg(matrix[i][free]);
    });
    basis.push(v);
  }
  return basis;
}

/** A solution of A·x = b, or undefined when the system is inconsistent. */
export function solveLinear<T>(F: Field<T>, A: Matrix<T>, b: readonly T[]): T[] | undefined {
  const cols = A.length > 0 ? A[0].length : 0;
  const aug = A.map((row, i) => [...row, b[i]]);
  const { matrix, pivots } = rref(F, aug);
  if (pivots.includes(cols)) return undefined;
  const x = new Array<T>(cols).fill(F.zero);
  pivots.forEach((pc, i) => {
    x[pc] = matrix[i][cols];
  });
  return x;
}

/** The inverse of a square matrix, or undefined when it is singular. */
export function inverse<T>(F: Field<T>, A: Matrix<T>): Matrix<T> | undefined {
  const n = A.length;
  const aug = A.map((row, i) => [...row, ...identityMatrix(F, n)[i]]);
  const { matrix, pivots } = rref(F, aug);
  if (pivots.length < n || pivots[n - 1] !== n - 1) return undefined;
  return matrix.map((row) => row.slice(n));
}

/** The determinant by Gaussian elimination. */
export function determinant<T>(F: Field<T>, A: Matrix<T>): T {
  const M = A.map((r) => r.slice());
  const n = M.length;
  let det = F.one;
  for (let c = 0; c < n; c++) {
    let p = c;
    while (p < n && F.isZero(M[p][c])) p++;
    if (p === n) return F.zero;
    if (p !== c) {
      [M[c], M[p]] = [M[p], M[c]];
      det = F.neg(det);
    }
    det = F.mul(det, M[c][c]);
    const inv = F.inv(M[c][c]);
    for (let i = c + 1; i < n; i++) {
      if (F.isZero(M[i][c])) continue;
      const f = F.mul(M[i][c], inv);
      for (let j = c; j < n; j++) M[i][j] = F.sub(M[i][j], F.mul(f, M[c][j]));
    }
  }
  return det;
}

/**
 * The characteristic polynomial det(x·I − A) as ascending coefficients (monic, degree n), by
 * Hessenberg reduction.
 */
export function charpoly<T>(F: Field<T>, A: Matrix<T>): T[] {
  const n = A.length;
  const H = A.map((r) => r.slice());
  // Reduce to upper Hessenberg form by elementary similarity transformations.
  for (let m = 1; m < n - 1; m++) {
    let i = m + 1;
    let piv = m;
    if (F.isZero(H[m][m - 1])) {
      while (i < n && F.isZero(H[i][m - 1])) i++;
      if (i === n) continue;
      piv = i;
      [H[piv], H[m]] = [H[m], H[piv]];
      for (const row of H) [row[piv], row[m]] = [row[m], row[piv]];
    }
    const inv = F.inv(H[m][m - 1]);
    for (i = m + 1; i < n; i++) {
      const u = F.mul(H[i][m - 1], inv);
      if (F.isZero(u)) continue;
      for (let j = 0; j < n; j++) H[i][j] = F.sub(H[i][j], F.mul(u, H[m][j]));
      for (let j = 0; j < n; j++) H[j][m] = F.add(H[j][m], F.mul(u, H[j][i]));
    }
  }
  // p_0 = 1; p_m(x) = (x − h_mm)p_{m−1} − Σ_{i<m} h_im·(Π_{k=i+1..m} h_{k,k−1})·p_{i−1}
  const polys: T[][] = [[F.one]];
  const sub = (a: T[], b: T[]): T[] => {
    const r = a.slice();
    for (let i = 0; i < b.length; i++) r[i] = i < r.length ? F.sub(r[i], b[i]) : F.neg(b[i]);
    return r;
  };
  const scale = (a: T[], c: T): T[] => a.map((x) => F.mul(x, c));
  for (let m = 1; m <= n; m++) {
    const prev = polys[m - 1];
    // (x − h_mm)·prev
    let p: T[] = [F.zero, ...prev];
    p = sub(p, scale(prev, H[m - 1][m - 1]));
    let t = F.one;
    for (let i = m - 1; i >= 1; i--) {
      t = F.mul(t, H[i][i - 1]);
      if (F.isZero(t)) break;
      p = sub(p, scale(polys[i - 1], F.mul(H[i - 1][m - 1], t)));
    }
    polys.push(p);
  }
  return polys[n];
}
