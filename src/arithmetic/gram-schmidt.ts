/**
 * Exact Gram–Schmidt data of an integer lattice basis: the Gram determinants
 * d_j = det(⟨bᵢ, b_k⟩)_{i,k<j}, so that ‖b*_j‖² = d_{j+1}/d_j exactly, and the test that drops
 * the trailing basis vectors whose Gram–Schmidt norms exceed a bound.
 *
 * Representation: rows of bigints. The integral Gram–Schmidt process (Cohen, A Course in
 * Computational Algebraic Number Theory, Alg. 2.6.7) keeps λ_ij = d_{j+1}·μ_ij and d_j as integers:
 * every division in it is exact, so no rational arithmetic is needed. Cost O(m³) operations on
 * integers of the size of d_m (m the number of rows).
 *
 * Why dropping is safe: if v = Σ cᵢbᵢ is a lattice vector and c_k ≠ 0 is its last non-zero
 * coefficient, then ‖v‖ ≥ |c_k|·‖b*_k‖ ≥ ‖b*_k‖. So when ‖b*_j‖² > T for every j ≥ k, every lattice
 * vector of squared norm ≤ T lies in the span of b_0, …, b_{k−1} (and, being in the lattice, is an
 * integer combination of them). This is the step of van Hoeij's algorithm that must be exact.
 */

/** The Gram determinants d_0 = 1, d_1, …, d_m of the rows (linearly independent). */
export function gramDeterminants(rows: readonly (readonly bigint[])[]): bigint[] {
  const m = rows.length;
  const d: bigint[] = [1n];
  const lambda: bigint[][] = Array.from({ length: m }, () => new Array<bigint>(m).fill(0n));
  for (let i = 0; i < m; i++) {
    for (let j = 0; j <= i; j++) {
      let u = 0n;
      const a = rows[i];
      const b = rows[j];
      for (let t = 0; t < a.length; t++) if (a[t] !== 0n && b[t] !== 0n) u += a[t] * b[t];
      for (let k = 0; k < j; k++) u = (d[k + 1] * u - lambda[i][k] * lambda[j][k]) / d[k];
      if (j < i) lambda[i][j] = u;
      else {
        if (u <= 0n) throw new RangeError('gramDeterminants: the rows are linearly dependent');
        d.push(u);
      }
    }
  }
  return d;
}

/**
 * The number k of leading rows to keep so that every dropped row j ≥ k has ‖b*_j‖² > bound,
 * proved with exact integers (the smallest such k). Rows of squared norm ≤ bound in the lattice
 * lie in the span of the kept rows (see the file header).
 */
export function rowsWithinBound(rows: readonly (readonly bigint[])[], bound: bigint): number {
  const d = gramDeterminants(rows);
  let keep = rows.length;
  while (keep > 0 && d[keep] > bound * d[keep - 1]) keep--;
  return keep;
}
