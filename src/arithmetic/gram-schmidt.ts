/**
 * Exact Gram–Schmidt data of an integer lattice basis: the Gram determinants
 * d_j = det(⟨bᵢ, b_k⟩)_{i,k<j}, so that ‖b*_j‖² = d_{j+1}/d_j exactly, and the proved test that
 * drops the trailing basis vectors whose Gram–Schmidt norms exceed a bound (by Hadamard's
 * inequality when a lower bound on d_m is known and the margin is wide, exactly otherwise).
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
import { Deadline } from '../errors';

/** The Gram determinants d_0 = 1, d_1, …, d_m of the rows (linearly independent); the deadline is checked per row. */
export function gramDeterminants(rows: readonly (readonly bigint[])[], deadline?: Deadline): bigint[] {
  const m = rows.length;
  const d: bigint[] = [1n];
  const lambda: bigint[][] = Array.from({ length: m }, () => new Array<bigint>(m).fill(0n));
  for (let i = 0; i < m; i++) {
    deadline?.check();
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
  return keepWithin(gramDeterminants(rows), bound);
}

function keepWithin(d: readonly bigint[], bound: bigint): number {
  let keep = d.length - 1;
  while (keep > 0 && d[keep] > bound * d[keep - 1]) keep--;
  return keep;
}

/**
 * The trailing rows that may be dropped, proved, for a basis whose Gram determinant d_m is known
 * to be at least `volume`, with floating-point estimates `estimates` of ‖b*ᵢ‖² saying which rows
 * to try. Returns the number of rows to keep and a lower bound on the Gram determinant of the
 * kept rows. Cheap test first: for every row j, ‖b*_j‖² ≥ d_m/Π_{i≠j}‖bᵢ‖² (b*_j is at least as
 * long as the distance from b_j to the span of the other rows, which is d_m^½ over their volume,
 * and Hadamard's inequality bounds that volume), so volume·‖b_j‖² > bound·Π‖bᵢ‖² proves
 * ‖b*_j‖² > bound with a few products; when it does not (a nearly dependent basis, or rows only
 * just above the bound), `gramDeterminants` decides exactly.
 */
export function dropLongRows(
  rows: readonly (readonly bigint[])[],
  bound: bigint,
  estimates: Float64Array,
  volume: bigint,
  deadline?: Deadline,
): { keep: number; volume: bigint } {
  const m = rows.length;
  let suggested = m;
  while (suggested > 0 && estimates[suggested - 1] > Number(bound)) suggested--;
  if (suggested === m) return { keep: m, volume };
  const norms = rows.map((row) => row.reduce((s, x) => s + x * x, 0n));
  const hadamard = norms.reduce((s, x) => s * x, 1n);
  let removed = 1n;
  for (let j = suggested; j < m; j++) removed *= norms[j];
  // The kept rows' Gram determinant is d_m over the dropped rows' ‖b*_j‖² ≤ ‖b_j‖², and a positive integer.
  if (norms.slice(suggested).every((x) => volume * x > bound * hadamard)) return { keep: suggested, volume: volume / removed > 1n ? volume / removed : 1n };
  const d = gramDeterminants(rows, deadline);
  const keep = keepWithin(d, bound);
  return { keep, volume: d[keep] };
}
