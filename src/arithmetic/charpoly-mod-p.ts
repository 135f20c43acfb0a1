/**
 * The characteristic polynomial of a square matrix over Z/p (p < 2^26) on Float64Arrays: the
 * Hessenberg reduction by elementary similarity transformations and the Hessenberg recurrence
 * (Cohen, A Course in Computational Algebraic Number Theory, Algorithm 2.2.9), as `charpoly` in
 * `matrix.ts` does over any field — here every residue lies in [0, p), so a product of two is
 * below 2^52 and `a + (p − u)·b` is exact in a double before its `%`. The generic version's field
 * calls made a degree-289 characteristic polynomial cost about 0.8 s.
 */
import { Deadline } from '../errors';
import { Zp } from './field';

/** det(x·I − M) modulo p as ascending residues (monic, degree n); M is not modified. The deadline is checked per row. */
export function charpolyModP(M: readonly ArrayLike<number>[], p: number, deadline?: Deadline): number[] {
  const n = M.length;
  const F = Zp(p);
  const H = M.map((row) => Float64Array.from(row));
  for (let m = 1; m < n - 1; m++) {
    deadline?.check();
    let pivot = m;
    if (H[m][m - 1] === 0) {
      while (pivot < n && H[pivot][m - 1] === 0) pivot++;
      if (pivot === n) continue;
      [H[pivot], H[m]] = [H[m], H[pivot]];
      for (const row of H) [row[pivot], row[m]] = [row[m], row[pivot]];
    }
    const inverse = F.inv(H[m][m - 1]);
    const Hm = H[m];
    for (let i = m + 1; i < n; i++) {
      const Hi = H[i];
      const u = (Hi[m - 1] * inverse) % p;
      if (u === 0) continue;
      // Row i −= u·row m, then column m += u·column i.
      const f = p - u;
      for (let j = 0; j < n; j++) if (Hm[j] !== 0) Hi[j] = (Hi[j] + f * Hm[j]) % p;
      for (let j = 0; j < n; j++) {
        const x = H[j][i];
        if (x !== 0) H[j][m] = (H[j][m] + u * x) % p;
      }
    }
  }
  // p_0 = 1; p_m = (x − h_mm)·p_{m−1} − Σ_{i<m} h_{i,m}·(Π_{k=i+1..m} h_{k,k−1})·p_{i−1} (1-based).
  const polys: Float64Array[] = [Float64Array.of(1)];
  for (let m = 1; m <= n; m++) {
    if ((m & 63) === 0) deadline?.check();
    const previous = polys[m - 1];
    const next = new Float64Array(m + 1);
    const h = H[m - 1][m - 1];
    for (let k = 0; k < m; k++) {
      next[k + 1] = (next[k + 1] + previous[k]) % p;
      next[k] = (next[k] + (p - h) * previous[k]) % p;
    }
    let t = 1;
    for (let i = m - 1; i >= 1; i--) {
      t = (t * H[i][i - 1]) % p;
      if (t === 0) break;
      const c = (H[i - 1][m - 1] * t) % p;
      if (c === 0) continue;
      const f = p - c;
      const older = polys[i - 1];
      for (let k = 0; k < older.length; k++) next[k] = (next[k] + f * older[k]) % p;
    }
    polys.push(next);
  }
  return Array.from(polys[n]);
}
