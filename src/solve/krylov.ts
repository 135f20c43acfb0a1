/**
 * The parametrization of a radical zero-dimensional ideal modulo a prime, from the sequence
 * s_k = ⟨r, M^k·1⟩ of a random functional r (Wiedemann's method; the sparse FGLM of
 * Faugère–Mou, "Sparse FGLM algorithms", J. Symb. Comp. 80 (2017), and msolve's parametrizations).
 *
 * M is the matrix of multiplication by the separating form t on A = K[x]/I, taken as the last
 * variable of a degrevlex basis, so that its columns are read off the basis: a product t·b of a
 * standard monomial b is standard (a unit column) or, in generic coordinates, the leading monomial
 * of a basis element (its negated tail); only the rest needs a normal form. The vectors
 * v_k = (Mᵀ)^k·r (2D of them, each one pass over the columns) give both s_k = v_k[1] and, for
 * each coordinate function xᵢ with coordinate vector cᵢ, s_k^(i) = ⟨v_k, cᵢ⟩ = ⟨r, M^k·xᵢ⟩.
 * Berlekamp–Massey on s gives the minimal polynomial χ of t (degree D when t separates and r is
 * generic). With N(T) the polynomial part of χ(T)·Σ s_k T^(−k−1) and Nᵢ likewise,
 * N(θ_j) = χ′(θ_j)·r(e_j) and Nᵢ(θ_j) = χ′(θ_j)·r(e_j)·xᵢ(p_j) at each root θ_j (e_j the idempotent
 * of the point p_j), so xᵢ = wᵢ(t) with wᵢ = Nᵢ·N⁻¹ mod χ: the same wᵢ whatever r, which is what
 * makes images at different primes combine; per factor q of χ the numerators uᵢ = wᵢ·q′ mod q
 * that the lift needs are Nᵢ·(q′·N⁻¹ mod q) mod q. Cost per prime: 2D passes over M (O(D·nnz))
 * for χ; O(n·D²) for the numerators, paid only at the primes their lift uses.
 */
import { Zp } from '../arithmetic/field';
import { Deadline } from '../errors';
import { LAZY_PRIME_LIMIT } from '../arithmetic/modular-linear';
import { Polynomial } from '../poly/polynomial';
import { UPoly, uderivative, utrim } from '../poly/univariate';
import { invModP, inverseModP, lazyTerms, monicModP, mulRemModP, remModP, residue } from '../poly/factor/fp-poly';
import { QuotientAlgebra } from '../groebner/quotient';
import { Monomial, MonomialKey, compactMonomialKey, monomialsEqual, mulMonomials, variableMonomial } from '../monomials/monomial';
import { normalForm } from '../groebner/normal-form';
import { ReductionTrace } from './reduction-trace';
import { DenseRowSums, denseRowSums } from './krylov-kernel';

/**
 * χ's lower coefficients (monic, degree D) modulo p, and for factors q of χ the numerators
 * uᵢ = wᵢ·q′ mod q = Nᵢ·(q′·N⁻¹ mod q) mod q of each coordinate (one inverse per factor, no
 * work modulo χ itself), computed when asked.
 */
export interface ParametrizationImage {
  chi: Float64Array;
  numerators(factors: readonly UPoly<number>[]): UPoly<number>[][] | undefined;
  /** The sequences s and s^(i) the image came from (`imageFromSequences` rebuilds it from them, e.g. in another thread). */
  sequences: readonly Float64Array[];
}

/**
 * The columns of the multiplication matrix by the last variable of A's ring: `unit[j]` is the row
 * of the single 1 of a unit column, or −1 for a column stored sparsely in `start/rows/values`
 * (compressed: entries start[j] … start[j+1]−1).
 */
interface Columns {
  unit: Int32Array;
  start: Int32Array;
  rows: Int32Array;
  values: Float64Array;
}

function lastVariableColumns(A: QuotientAlgebra<number>): Columns {
  const M = A.variableMatrix(A.ring.nvars - 1);
  const D = A.dimension;
  const unit = new Int32Array(D).fill(-1);
  const start = new Int32Array(D + 1);
  const rows: number[] = [];
  const values: number[] = [];
  for (let j = 0; j < D; j++) {
    start[j] = rows.length;
    let one = -1;
    let nonzero = 0;
    for (let r = 0; r < D; r++) {
      if (M[r][j] !== 0) {
        nonzero++;
        if (M[r][j] === 1) one = r;
      }
    }
    if (nonzero === 1 && one >= 0) unit[j] = one;
    else
      for (let r = 0; r < D; r++)
        if (M[r][j] !== 0) {
          rows.push(r);
          values.push(M[r][j]);
        }
  }
  start[D] = rows.length;
  return { unit, start, rows: Int32Array.from(rows), values: Float64Array.from(values) };
}

/**
 * What the bases modulo every prime share, worked out once from the first: the standard
 * monomials, and for each column y·b_j of the multiplication matrix whether it is a unit column,
 * the negated tail of the basis element it leads (its monomials' positions among the standard
 * ones), or neither — then its normal form is computed at each prime, for that column alone.
 * Replays of an F4 trace keep the leading monomials and the supports, so every later basis fills
 * the same pattern.
 */
export class KrylovShape {
  private constructor(
    readonly D: number,
    private readonly leads: Monomial[],
    private readonly unit: Int32Array,
    /** For a border column j: the basis element leading y·b_j, else −1. */
    private readonly element: Int32Array,
    /** Positions of each basis element's tail monomials among the standard monomials (−1: not standard). */
    private readonly tailRows: Int32Array[],
    /** Positions of the standard monomials. */
    private readonly standardIndex: Map<MonomialKey, number>,
    /** The columns j whose product y·b_j is neither standard nor a leading monomial, with that product. */
    private readonly reduced: { j: number; monomial: Monomial }[],
    readonly complete: boolean,
    /** The recorded normal forms of the `reduced` columns' products (undefined: not recorded). */
    traces: readonly (ReductionTrace | undefined)[],
  ) {
    // The pattern of the columns: the start of each column and its rows (the tail positions of
    // the element it reads, or the standard monomials a recorded normal form can reach), the same
    // at every prime whose basis keeps the learned supports — then only the values are filled in
    // (`columns`).
    if (complete && traces.every((t) => t !== undefined)) {
      const traceOf = new Map(reduced.map(({ j }, r) => [j, traces[r] as ReductionTrace]));
      const start = new Int32Array(D + 1);
      let size = 0;
      for (let j = 0; j < D; j++) {
        start[j] = size;
        if (element[j] >= 0) size += tailRows[element[j]].length;
        else size += traceOf.get(j)?.rows.length ?? 0;
      }
      start[D] = size;
      const rows = new Int32Array(size);
      for (let j = 0; j < D; j++) {
        if (element[j] >= 0) rows.set(tailRows[element[j]], start[j]);
        else {
          const t = traceOf.get(j);
          if (t) rows.set(t.rows, start[j]);
        }
      }
      this.pattern = { start, rows, traceOf };
    }
  }

  private readonly pattern?: { start: Int32Array; rows: Int32Array; traceOf: Map<number, ReductionTrace> };

  static of(basis: readonly Polynomial<number>[]): KrylovShape {
    const A = new QuotientAlgebra(basis);
    const D = A.dimension;
    const n = A.ring.nvars;
    const index = new Map(A.basis.map((m, i) => [compactMonomialKey(m), i]));
    const leadOf = new Map(basis.map((g, k) => [compactMonomialKey(g.lm()), k]));
    const unit = new Int32Array(D).fill(-1);
    const element = new Int32Array(D).fill(-1);
    const reduced: { j: number; monomial: Monomial }[] = [];
    const y = variableMonomial(n, n - 1);
    for (let j = 0; j < D; j++) {
      const product = mulMonomials(A.basis[j], y);
      const key = compactMonomialKey(product);
      const k = index.get(key);
      if (k !== undefined) unit[j] = k;
      else {
        const e = leadOf.get(key);
        if (e === undefined) reduced.push({ j, monomial: product });
        else element[j] = e;
      }
    }
    const tailRows = basis.map((g) => Int32Array.from(g.monomials.slice(1), (m) => index.get(compactMonomialKey(m)) ?? -1));
    // A reduced basis has standard tails; anything else is left to the general route.
    const complete = !tailRows.some((t, k) => element.includes(k) && t.includes(-1));
    const reducers = new Map<MonomialKey, number>();
    const traces = complete ? reduced.map(({ monomial }) => ReductionTrace.record(monomial, basis, index, reducers)) : [];
    return new KrylovShape(D, basis.map((g) => g.lm()), unit, element, tailRows, index, reduced, complete, traces);
  }

  /** Does a basis have this shape's leading monomials? */
  fits(basis: readonly Polynomial<number>[]): boolean {
    return basis.length === this.leads.length && basis.every((g, k) => monomialsEqual(g.lm(), this.leads[k]));
  }

  /** The columns of multiplication by y for a basis that `fits` (monic, reduced), modulo p. */
  columns(basis: readonly Polynomial<number>[], p: number): Columns {
    const D = this.D;
    const pattern = this.pattern;
    if (pattern && this.keepsSupports(basis)) {
      const values = new Float64Array(pattern.rows.length);
      let replayed = true;
      for (let j = 0; j < D && replayed; j++) {
        const e = this.element[j];
        if (e < 0) {
          const t = pattern.traceOf.get(j);
          if (t) replayed = t.replay(basis, p, values, pattern.start[j]);
          continue;
        }
        const c = basis[e].coefficients;
        for (let t = 1, at = pattern.start[j]; t < c.length; t++, at++) values[at] = c[t] === 0 ? 0 : p - c[t];
      }
      if (replayed) return { unit: this.unit, start: pattern.start, rows: pattern.rows, values };
    }
    const start = new Int32Array(D + 1);
    const rows: number[] = [];
    const values: number[] = [];
    // Columns that need a normal form, computed for this prime.
    const ring = basis[0].ring;
    const normalForms = new Map(this.reduced.map(({ j, monomial }) => [j, normalForm(ring.term(monomial, 1), basis)]));
    for (let j = 0; j < D; j++) {
      start[j] = rows.length;
      const r = normalForms.get(j);
      if (r) {
        for (let t = 0; t < r.length; t++) {
          rows.push(this.standardIndex.get(compactMonomialKey(r.monomials[t])) as number);
          values.push(r.coefficients[t]);
        }
        continue;
      }
      const e = this.element[j];
      if (e < 0) continue;
      // y·b_j = lm(g) ≡ −tail(g): the tail's support may have lost terms modulo p.
      const g = basis[e];
      const tr = this.tailRows[e];
      const learned = g.length - 1 === tr.length;
      for (let t = 1; t < g.length; t++) {
        const row = learned ? tr[t - 1] : (this.standardIndex.get(compactMonomialKey(g.monomials[t])) as number);
        const c = g.coefficients[t];
        rows.push(row);
        values.push(c === 0 ? 0 : p - c);
      }
    }
    start[D] = rows.length;
    return { unit: this.unit, start, rows: Int32Array.from(rows), values: Float64Array.from(values) };
  }

  /** Do the basis elements the columns read have the tails' learned supports (no term lost modulo p)? */
  private keepsSupports(basis: readonly Polynomial<number>[]): boolean {
    for (let j = 0; j < this.D; j++) {
      const e = this.element[j];
      if (e >= 0 && basis[e].length - 1 !== this.tailRows[e].length) return false;
    }
    return true;
  }

  /**
   * The coordinate vector of a polynomial, sparse: its normal form modulo the basis (usually it is
   * already standard — a variable, or 1 — and nothing is reduced).
   */
  sparseCoordinates(f: Polynomial<number>, basis: readonly Polynomial<number>[]): { idx: number[]; val: number[] } {
    const standard = f.monomials.every((m) => this.standardIndex.has(compactMonomialKey(m)));
    const r = standard ? f : normalForm(f, basis);
    const idx: number[] = [];
    const val: number[] = [];
    for (let t = 0; t < r.length; t++) {
      idx.push(this.standardIndex.get(compactMonomialKey(r.monomials[t])) as number);
      val.push(r.coefficients[t]);
    }
    return { idx, val };
  }
}

/**
 * The non-unit columns of M stored densely, one after the other (D entries each), when they are
 * mostly full — the border columns of a generic-coordinates basis usually are (katsura-8: 86
 * columns, 81% full). A dense dot product reads v in order, with no index array to chase; measured
 * on the 86 columns of katsura-8, 512 products modulo a 21-bit prime take 17–20 ms dense against
 * 26–28 ms sparse.
 */
interface DenseColumns {
  /** The columns j stored, in increasing order. */
  cols: Int32Array;
  /** Their products with a vector: column cols[i] is row i (`denseRowSums`: the kernel, or JavaScript). */
  rows: DenseRowSums;
}

/** Turns the WebAssembly kernel of the dense products on or off (off: the JavaScript loops; for tests and comparisons). */
export { useKrylovKernel } from './krylov-kernel';

/** `M`'s non-unit columns as `DenseColumns` when at least half their entries are non-zero, else undefined. */
function denseColumns(M: Columns): DenseColumns | undefined {
  const { unit, start, rows, values } = M;
  const D = unit.length;
  const cols: number[] = [];
  for (let j = 0; j < D; j++) if (unit[j] < 0) cols.push(j);
  if (cols.length === 0 || 2 * rows.length < cols.length * D) return undefined;
  const out = new Float64Array(cols.length * D);
  cols.forEach((j, i) => {
    for (let e = start[j]; e < start[j + 1]; e++) out[i * D + rows[e]] = values[e];
  });
  const products = denseRowSums(out, cols.length, D);
  return products && { cols: Int32Array.from(cols), rows: products };
}

/**
 * Mᵀ·v modulo p: entry j is ⟨column j, v⟩. Below `LAZY_PRIME_LIMIT` (2^21) a product is below
 * 2^42 and a column of fewer than 2^11 entries sums exactly in a double: one reduction per
 * column instead of one per product (a floating-point remainder costs as much as ten products).
 * With `dense` (the same non-unit columns stored densely) those columns are read from it.
 */
function transposedProduct(M: Columns, v: Float64Array, p: number, out: Float64Array, dense?: DenseColumns): Float64Array {
  const { unit, start, rows, values } = M;
  const D = unit.length;
  const lazy = p < LAZY_PRIME_LIMIT && D < 2048;
  if (dense && lazy) {
    for (let j = 0; j < D; j++) {
      const u = unit[j];
      if (u >= 0) out[j] = v[u];
    }
    const { cols, rows } = dense;
    const sums = rows.sums(v);
    for (let i = 0; i < cols.length; i++) out[cols[i]] = sums[i] % p; // at most 2^11 products below 2^42 in all: exact
    return out;
  }
  for (let j = 0; j < D; j++) {
    const u = unit[j];
    if (u >= 0) {
      out[j] = v[u];
      continue;
    }
    let acc = 0;
    if (lazy) {
      let a1 = 0;
      let a2 = 0;
      let a3 = 0;
      let e = start[j];
      const end = start[j + 1];
      for (; e + 3 < end; e += 4) {
        acc += values[e] * v[rows[e]];
        a1 += values[e + 1] * v[rows[e + 1]];
        a2 += values[e + 2] * v[rows[e + 2]];
        a3 += values[e + 3] * v[rows[e + 3]];
      }
      for (; e < end; e++) acc += values[e] * v[rows[e]];
      acc += a1 + a2 + a3; // at most 2^11 products below 2^42 in all: exact
    } else
      for (let e = start[j], end = start[j + 1]; e < end; e++) {
        acc += values[e] * v[rows[e]];
        if (acc >= 4503599627370496) acc %= p;
      }
    out[j] = acc % p;
  }
  return out;
}

/**
 * Berlekamp–Massey over Z/p: the monic minimal polynomial (ascending) of the linearly recurrent
 * sequence s, from its first 2L terms for a recurrence of order L.
 */
export function berlekampMassey(s: ArrayLike<number>, p: number): number[] {
  // Residues in doubles: a product of two is below 2^52 (p < 2^26), and `residue` reduces it
  // with one floating-point quotient; the discrepancy sums `lazyTerms(p)` products per reduction.
  const pinv = 1 / p;
  const K = lazyTerms(p);
  let C: number[] = [1]; // connection polynomial, C[0] = 1
  let B: number[] = [1];
  let L = 0;
  let m = 1;
  let b = 1;
  for (let n = 0; n < s.length; n++) {
    let d = s[n];
    for (let i = 1, pending = 0; i <= L; i++) {
      d += (C[i] ?? 0) * s[n - i];
      if (++pending === K) {
        d = residue(d, p, pinv);
        pending = 0;
      }
    }
    d = residue(d, p, pinv);
    if (d === 0) {
      m++;
      continue;
    }
    const g = p - residue(d * invModP(b, p), p, pinv); // −d/b
    const T = C.slice();
    const needed = B.length + m;
    while (C.length < needed) C.push(0);
    for (let i = 0; i < B.length; i++) C[i + m] = residue(C[i + m] + g * B[i], p, pinv);
    if (2 * L <= n) {
      L = n + 1 - L;
      B = T;
      b = d;
      m = 1;
    } else m++;
  }
  // C(z) = 1 + c₁z + … + c_L z^L; the minimal polynomial is its reverse z^L·C(1/z).
  const mu = new Array<number>(L + 1).fill(0);
  for (let i = 0; i <= L; i++) mu[L - i] = C[i] ?? 0;
  return mu;
}

/** The polynomial part of χ(T)·Σ_{k<D} s_k T^(−k−1): N_j = Σ_k χ_{j+k+1}·s_k (ascending, degree < D). */
function numeratorOf(chi: readonly number[], s: ArrayLike<number>, p: number): number[] {
  const D = chi.length - 1;
  const N = new Array<number>(D).fill(0);
  for (let j = 0; j < D; j++) {
    let acc = 0;
    for (let k = 0; j + k + 1 <= D; k++) {
      acc += chi[j + k + 1] * s[k];
      if (acc >= 4503599627370496) acc %= p;
    }
    N[j] = acc % p;
  }
  return N;
}

/**
 * The image modulo p of the parametrization of the radical ideal whose reduced degrevlex basis
 * modulo p is `basis` (the separating form is the ring's last variable), for the coordinate
 * functions `coordinates` (polynomials in the same ring, e.g. the original variables written in
 * the new coordinates). Undefined when this prime or the random functional is unlucky (χ of
 * degree below `D`, or N not invertible modulo χ).
 *
 * With `chi` (χ modulo p, monic, ascending, e.g. the reduction of χ once it is known over Q) the
 * sequences need D terms instead of 2D and no Berlekamp–Massey: N and the Nᵢ read only
 * s_0 … s_(D−1). Two more terms of s are checked against χ's recurrence, so a prime at which the
 * minimal polynomial is another (an unlucky one) is still refused, as it would be by comparing χ.
 */
export function parametrizationModP(
  basis: readonly Polynomial<number>[],
  coordinates: readonly Polynomial<number>[],
  D: number,
  p: number,
  random: () => number,
  shape?: KrylovShape,
  deadline?: Deadline,
  chi?: readonly number[],
): ParametrizationImage | undefined {
  if (chi && chi.length !== D + 1) throw new RangeError(`parametrizationModP: χ of degree ${chi.length - 1}, expected ${D}`);
  let columns: Columns;
  let sparse: { idx: number[]; val: number[] }[];
  const fast = shape && shape.complete && shape.D === D && shape.fits(basis) ? shape : undefined;
  if (fast) {
    columns = fast.columns(basis, p);
    sparse = [basis[0].ring.one(), ...coordinates].map((f) => fast.sparseCoordinates(f, basis));
  } else {
    const A = new QuotientAlgebra(basis);
    if (A.dimension !== D) return undefined;
    columns = lastVariableColumns(A);
    // Sparse targets: a coordinate function is usually a standard monomial (one entry).
    sparse = [A.ring.one(), ...coordinates].map((f) => {
      const idx: number[] = [];
      const val: number[] = [];
      A.coordinates(f).forEach((x, i) => {
        if (x !== 0) {
          idx.push(i);
          val.push(x);
        }
      });
      return { idx, val };
    });
  }
  const n = coordinates.length;
  // s needs 2D terms for Berlekamp–Massey, or D + 2 when χ is given (D, and two to check it).
  const terms = chi ? D + CHECKED_TERMS : 2 * D;
  const S = Array.from({ length: n + 1 }, () => new Float64Array(terms));
  let v: Float64Array = Float64Array.from({ length: D }, () => random() % p);
  let spare: Float64Array = new Float64Array(D);
  const dense = p < LAZY_PRIME_LIMIT && D < 2048 ? denseColumns(columns) : undefined;
  for (let k = 0; k < terms; k++) {
    if ((k & 63) === 63) deadline?.check();
    for (let t = 0; t <= n; t++) {
      if (t > 0 && k >= D) break; // the coordinate sequences need D terms
      const { idx, val } = sparse[t];
      let acc = 0;
      for (let e = 0; e < idx.length; e++) acc = (acc + val[e] * v[idx[e]]) % p;
      S[t][k] = acc;
    }
    if (k === terms - 1) break;
    const next = transposedProduct(columns, v, p, spare, dense);
    spare = v;
    v = next;
  }
  if (chi) {
    if (!satisfiesRecurrence(chi, S[0], p)) return undefined;
  } else {
    chi = berlekampMassey(S[0], p);
    if (chi.length - 1 !== D) return undefined;
  }
  return imageFromSequences(chi, S, p);
}

/** Terms of s beyond the D that N needs, checked against a given χ's recurrence. */
const CHECKED_TERMS = 2;

/** Does s satisfy the recurrence of the monic χ (degree D) at every term past the D-th? */
function satisfiesRecurrence(chi: readonly number[], s: ArrayLike<number>, p: number): boolean {
  const D = chi.length - 1;
  for (let j = 0; j + D < s.length; j++) {
    let acc = 0;
    for (let i = 0; i <= D; i++) {
      acc += chi[i] * s[i + j];
      if (acc >= 4503599627370496) acc %= p;
    }
    if (acc % p !== 0) return false;
  }
  return true;
}

/** The image from the monic χ (ascending, degree D) and the sequences s (S[0]) and s^(i) (S[i]), see the file header. */
export function imageFromSequences(chi: readonly number[], S: readonly Float64Array[], p: number): ParametrizationImage {
  const D = chi.length - 1;
  const F = Zp(p);
  const N = utrim(F, numeratorOf(chi, S[0], p));
  const numerators = (factors: readonly UPoly<number>[]): UPoly<number>[][] | undefined => {
    const Ns = S.slice(1).map((s) => utrim(F, numeratorOf(chi, s, p)));
    const out: UPoly<number>[][] = [];
    for (const q of factors) {
      const inverse = inverseModP(N, q, p);
      if (!inverse) return undefined; // r vanishes on an idempotent of this factor
      const qm = monicModP(q, p);
      const h = mulRemModP(uderivative(F, q), inverse, qm, p);
      out.push(Ns.map((Ni) => utrim(F, mulRemModP(remModP(Ni, qm, p), h, qm, p))));
    }
    return out;
  };
  return { chi: Float64Array.from(chi.slice(0, D)), numerators, sequences: S };
}

/**
 * `parametrizationModP` with a second random functional when the first is unlucky (probability
 * about D/p): one unlucky r must not reject a good prime or a good separating form.
 */
export function parametrizationModPRetrying(...args: Parameters<typeof parametrizationModP>): ParametrizationImage | undefined {
  return parametrizationModP(...args) ?? parametrizationModP(...args);
}

/** A small deterministic generator of residues (xorshift32), so runs are reproducible. */
export function residueGenerator(seed: number): () => number {
  let s = seed >>> 0 || 0x2545f491;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s;
  };
}
