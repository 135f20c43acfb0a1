/**
 * The inertia (numbers of positive, negative and zero eigenvalues) of a real symmetric matrix
 * whose entries are exact: rationals, or elements of a number field Q(θ) at a real root θ given
 * by an isolating interval.
 *
 * Rational matrices are diagonalized by exact congruence (`rationalInertia`, Sylvester's law).
 * Over a number field, the characteristic polynomial p(λ) = det(λI − H) is computed exactly
 * over the entries' field (Hessenberg reduction). A real symmetric matrix has only real
 * eigenvalues, so Descartes' rule of signs is exact for p: the number of positive eigenvalues is the number of sign changes of the
 * coefficients of p(λ), of negative ones that of p(−λ), and the multiplicity of 0 is the index of
 * the lowest non-zero coefficient. Signs of number-field coefficients are decided at θ by exact
 * interval evaluation, refining θ's interval until the sign is certain (a non-zero element has
 * a non-zero value at θ, so this terminates).
 *
 * `intervalInertia` is the cheap certified route for a non-singular matrix known only through
 * enclosures of its entries (a Hessian evaluated on a small box around a real algebraic point):
 * a symmetric LDLᵀ elimination in interval arithmetic with Bunch–Parlett pivoting — a 1×1 pivot
 * whose interval excludes 0 adds its sign, a 2×2 pivot whose determinant is certainly negative
 * adds one positive and one negative eigenvalue (Sylvester's law of inertia: the congruence does
 * not change the counts). When no pivot is certain it gives up (more precision, or the matrix is
 * singular, and the exact route decides).
 */
import { QQ, Field } from '../arithmetic/field';
import { FixedInterval, fixedAdd, fixedDiv, fixedMul, fixedNeg, fixedSign, fixedSub } from '../arithmetic/fixed-interval';
import { charpoly, Matrix } from '../arithmetic/matrix';
import { Rational, rcmp, rsign } from '../arithmetic/rational';
import { NumberFieldElement } from '../poly/number-field';
import { evaluateOnInterval } from './points';
import { RootInterval, refineRoot } from './roots/real';

export interface Inertia {
  positive: number;
  negative: number;
  zero: number;
}

/** Inertia from the signs of the characteristic polynomial's coefficients (ascending). */
export function inertiaFromSigns(signs: readonly (-1 | 0 | 1)[]): Inertia {
  let zero = 0;
  while (zero < signs.length && signs[zero] === 0) zero++;
  const variations = (s: readonly number[]): number => {
    let count = 0;
    let last = 0;
    for (const x of s) {
      if (x === 0) continue;
      if (last !== 0 && x !== last) count++;
      last = x;
    }
    return count;
  };
  const positive = variations(signs);
  const negative = variations(signs.map((s, i) => (i % 2 === 1 ? -s : s)));
  return { positive, negative, zero };
}

/**
 * Inertia of a rational symmetric matrix, by exact congruence (Sylvester's law): a non-zero
 * diagonal pivot adds its sign and is eliminated symmetrically; when the remaining diagonal is
 * zero but some entry a_ij is not, adding row and column j to row and column i makes the pivot
 * 2·a_ij; a remaining zero block adds its size to the zero count. O(n³) operations on rationals,
 * against O(n⁴) for the characteristic polynomial (`characteristicInertia`, kept as the oracle).
 */
export function rationalInertia(H: Matrix<Rational>): Inertia {
  const A = H.map((row) => row.slice());
  const active = A.map((_, i) => i);
  const inertia: Inertia = { positive: 0, negative: 0, zero: 0 };
  while (active.length > 0) {
    let k = active.find((i) => A[i][i].num !== 0n);
    if (k === undefined) {
      let pair: [number, number] | undefined;
      for (const i of active) {
        const j = active.find((t) => t !== i && A[i][t].num !== 0n);
        if (j !== undefined) {
          pair = [i, j];
          break;
        }
      }
      if (!pair) {
        inertia.zero += active.length;
        break;
      }
      const [i, j] = pair;
      for (const t of active) A[i][t] = QQ.add(A[i][t], A[j][t]);
      for (const t of active) A[t][i] = QQ.add(A[t][i], A[t][j]);
      k = i;
    }
    const pivot = A[k][k];
    if (rsign(pivot) > 0) inertia.positive++;
    else inertia.negative++;
    active.splice(active.indexOf(k), 1);
    for (const i of active) {
      if (A[i][k].num === 0n) continue;
      const f = QQ.div(A[i][k], pivot);
      for (const j of active) if (A[k][j].num !== 0n) A[i][j] = QQ.sub(A[i][j], QQ.mul(f, A[k][j]));
    }
  }
  return inertia;
}

/** Inertia of a rational symmetric matrix from Descartes' rule on its characteristic polynomial. */
export function characteristicInertia(H: Matrix<Rational>): Inertia {
  return inertiaFromSigns(charpoly(QQ, H).map(rsign));
}

/** The sign of a number-field element at the real root θ of `chi` isolated by `interval`. */
export function signAtRoot(a: NumberFieldElement, chi: readonly bigint[], interval: RootInterval): { sign: -1 | 0 | 1; interval: RootInterval } {
  if (a.length === 0) return { sign: 0, interval };
  if (a.length === 1) return { sign: rsign(a[0]), interval };
  let iv = interval;
  let bits = 32;
  for (;;) {
    const box = evaluateOnInterval(a, iv);
    if (rsign(box.lo) > 0) return { sign: 1, interval: iv };
    if (rsign(box.hi) < 0) return { sign: -1, interval: iv };
    if (rcmp(iv.lo, iv.hi) === 0) throw new Error('signAtRoot: a rational root should give an exact sign');
    iv = refineRoot(chi, iv, { bits });
    bits *= 2;
  }
}

/** Inertia of a symmetric matrix over Q(θ) at the real root θ of `chi` (isolated by `interval`). */
export function algebraicInertia(F: Field<NumberFieldElement>, H: Matrix<NumberFieldElement>, chi: readonly bigint[], interval: RootInterval): Inertia {
  const p = charpoly(F, H);
  let iv = interval;
  const signs = p.map((c) => {
    const r = signAtRoot(c, chi, iv);
    iv = r.interval;
    return r.sign;
  });
  return inertiaFromSigns(signs);
}

/**
 * The inertia of a real symmetric matrix from enclosures of its entries (fixed point at scale s),
 * when they are tight enough to certify it and the matrix is non-singular; otherwise undefined.
 * Only the lower triangle is read.
 */
export function intervalInertia(H: readonly (readonly FixedInterval[])[], s: number): Inertia | undefined {
  const n = H.length;
  let M = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i >= j ? H[i][j] : H[j][i])));
  let positive = 0;
  let negative = 0;
  const magnitude = (x: FixedInterval): bigint => (x.lo > 0n ? x.lo : x.hi < 0n ? -x.hi : 0n);
  while (M.length > 0) {
    const m = M.length;
    // A 1×1 pivot: the certain diagonal entry of largest magnitude.
    let best = -1;
    for (let i = 0; i < m; i++) if (fixedSign(M[i][i]) !== 0 && (best < 0 || magnitude(M[i][i]) > magnitude(M[best][best]))) best = i;
    if (best >= 0) {
      const d = M[best][best];
      if (fixedSign(d) > 0) positive++;
      else negative++;
      const rest = [...Array(m).keys()].filter((i) => i !== best);
      M = rest.map((i) => rest.map((j) => fixedSub(M[i][j], fixedDiv(fixedMul(M[i][best], M[best][j], s), d, s))));
      continue;
    }
    // A 2×2 pivot [[a, b], [b, c]] with ac − b² certainly negative.
    let pair: [number, number] | undefined;
    let pairDet: FixedInterval | undefined;
    for (let i = 0; i < m && !pair; i++) {
      for (let j = i + 1; j < m; j++) {
        const det = fixedSub(fixedMul(M[i][i], M[j][j], s), fixedMul(M[i][j], M[i][j], s));
        if (fixedSign(det) < 0) {
          pair = [i, j];
          pairDet = det;
          break;
        }
      }
    }
    if (!pair || !pairDet) return undefined;
    positive++;
    negative++;
    const [a, b] = pair;
    const det = pairDet;
    // E⁻¹ = (1/det)·[[c, −b], [−b, a]] for E = [[a, b], [b, c]].
    const inv = [
      [fixedDiv(M[b][b], det, s), fixedDiv(fixedNeg(M[a][b]), det, s)],
      [fixedDiv(fixedNeg(M[a][b]), det, s), fixedDiv(M[a][a], det, s)],
    ];
    const rest = [...Array(m).keys()].filter((i) => i !== a && i !== b);
    M = rest.map((i) =>
      rest.map((j) => {
        // M_ij − [M_ia, M_ib]·E⁻¹·[M_aj, M_bj]ᵀ
        const u0 = fixedAdd(fixedMul(M[i][a], inv[0][0], s), fixedMul(M[i][b], inv[1][0], s));
        const u1 = fixedAdd(fixedMul(M[i][a], inv[0][1], s), fixedMul(M[i][b], inv[1][1], s));
        return fixedSub(M[i][j], fixedAdd(fixedMul(u0, M[a][j], s), fixedMul(u1, M[b][j], s)));
      }),
    );
  }
  return { positive, negative, zero: 0 };
}
