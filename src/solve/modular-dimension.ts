/**
 * The dimension of a solution set modulo a prime, reported before the basis over Q is known: read
 * from one reduced Gröbner basis modulo p, or — cheaper for a system with fewer equations than
 * variables — from random linear sections.
 *
 * The leading monomials of a basis modulo p are those over Q for all but finitely many primes
 * (Arnold 2003; `groebner/staircase.ts`), so the dimension and the maximal independent sets they
 * give are right with high probability, but not certainly: an unlucky prime can make the set look
 * larger or smaller (a point with a coordinate 1/p disappears modulo p). `solve` therefore states
 * this value as what it is — `dimensionModulo: p` in the result — until the basis over Q replaces
 * it, and only ever shows it in an incomplete answer.
 *
 * Sections. A basis can cost seconds in one variable order and a tenth of that in another (msolve's
 * groebner-g2 input: 3 equations in 19 variables, 4.3 s modulo p in the natural order, 0.4 s in
 * the reverse), while the dimension needs no basis of the ideal at all. Let V = V(f₁, …, f_k) ⊂ Kⁿ
 * and L a random affine subspace of codimension c. For generic L, V ∩ L is empty exactly when
 * dim V < c (a component of dimension ≥ c meets a generic L of codimension c; one of smaller
 * dimension misses it). L is taken as the graph x_j = Σᵢ a_ji·yᵢ + b_j over n − c kept variables
 * yᵢ with random a, b modulo p, so V ∩ L is the solution set of k equations in n − c variables:
 * its basis is small and says "empty" by being [1]. By Krull's principal ideal theorem every
 * component of a non-empty V has dimension ≥ n − k, so the sections start at c = n − k + 1 and go
 * up until one is empty; dim V = c − 1 then. For c − 1 = n − k that needs V non-empty: the origin
 * is a solution when no generator has a constant term, else the section of codimension n − k is
 * tried. A section of a random L says "probably" twice (the prime, and the choice of L: a wrong
 * answer needs L in a proper subvariety, probability about deg/p), which `dimensionModulo`
 * already says. Reference: the dimension by generic linear sections, e.g. Eisenbud, Commutative
 * Algebra, §13 (Noether normalization); Krull's theorem, ibid. Theorem 10.2.
 */
import { Zp } from '../arithmetic/field';
import { firstPrimeWhere } from '../arithmetic/primes';
import { Rational } from '../arithmetic/rational';
import { Deadline } from '../errors';
import { changeRing } from '../poly/change';
import { primitivePart } from '../poly/content';
import { substitute } from '../poly/evaluate';
import { Polynomial, PolynomialRing } from '../poly/polynomial';
import { dimension, isUnitIdeal, maximalIndependentSets } from '../groebner/ideal';
import { f4 } from '../groebner/f4';
import { residueGenerator } from './krylov';

/** What one prime says about the solution set: its dimension and independent sets (names). */
export interface ModularDimension {
  dimension: number;
  /** The maximal independent sets (empty when the dimension came from sections, which do not give them). */
  independentSets: string[][];
  /** The prime the basis was computed modulo: the dimension is probabilistic. */
  dimensionModulo: number;
}

/**
 * The dimension of ⟨G⟩ for a reduced basis `G` modulo `p` in a ring whose variables are `vars`.
 *
 * @example
 * // G = [x*y] modulo 65521 in Z/p[x, y]: dimension 1, independent sets [['x'], ['y']]
 * dimensionModuloPrime(G, 65521, ['x', 'y']).dimension; // 1
 */
export function dimensionModuloPrime(G: readonly Polynomial<number>[], p: number, vars: readonly string[]): ModularDimension {
  const independentSets = maximalIndependentSets(G).map((s) => s.map((i) => vars[i]));
  return { dimension: dimension(G), independentSets, dimensionModulo: p };
}

/**
 * The most variables a first section keeps (k − 1 for k equations): its basis is that of an
 * overdetermined system in as many variables, cheap for a few, as costly as the input's for many.
 */
const MAX_KEPT = 4;

/** Largest dense section (entries) computed with arrays; beyond it `substitute` does the work. */
const DENSE_LIMIT = 1 << 14;

/**
 * f(x) restricted to L: the first c variables replaced by the affine forms `forms[j]` = [b, a₁, …,
 * a_m] in the m kept (last) variables, modulo p; S is the ring of the kept variables. The terms
 * are expanded on a dense array of exponents (each below deg f + 1) — a product by an affine form
 * is one pass — which is far cheaper than generic products of sparse polynomials for the few kept
 * variables of a section. Exported for its test (against `substitute`).
 */
export function restrictDense(f: Polynomial<number>, c: number, forms: readonly number[][], S: PolynomialRing<number>, p: number): Polynomial<number> {
  const m = S.nvars;
  const D = f.totalDegree();
  const base = D + 1;
  const stride = Array.from({ length: m }, (_, i) => base ** i);
  const size = base ** m;
  // The exponent vectors of degree ≤ D by increasing degree (ends[δ]: how many have degree ≤ δ),
  // and for each its predecessor by each kept variable (−1 when that exponent is 0).
  const exps = Array.from({ length: size }, (_, idx) => stride.map((s) => Math.floor(idx / s) % base));
  const order = exps.map((_, idx) => idx).filter((idx) => exps[idx].reduce((a, b) => a + b, 0) <= D);
  const degreeOf = (idx: number) => exps[idx].reduce((a, b) => a + b, 0);
  order.sort((a, b) => degreeOf(a) - degreeOf(b));
  const ends = Array.from({ length: D + 1 }, (_, d) => order.filter((idx) => degreeOf(idx) <= d).length);
  const pred = stride.map((s, i) => Int32Array.from({ length: size }, (_, idx) => (exps[idx][i] > 0 ? idx - s : -1)));
  const acc = new Float64Array(size);
  let cur = new Float64Array(size);
  let next = new Float64Array(size);
  for (let t = 0; t < f.length; t++) {
    const e = f.monomials[t];
    // Both buffers start at zero: a step writes the entries up to its degree, above it they stay 0.
    cur.fill(0);
    next.fill(0);
    let at = 0;
    let degree = 0;
    for (let i = 0; i < m; i++) {
      at += e[c + i + 1] * stride[i];
      degree += e[c + i + 1];
    }
    cur[at] = f.coefficients[t];
    for (let j = 0; j < c; j++) {
      const form = forms[j];
      for (let k = 0; k < e[j + 1]; k++) {
        // A product by b + Σ aᵢ·yᵢ raises the degree by one: only entries up to it change.
        degree++;
        for (let r = 0; r < ends[degree]; r++) {
          const idx = order[r];
          let v = (form[0] * cur[idx]) % p;
          for (let i = 0; i < m; i++) {
            const q = pred[i][idx];
            if (q >= 0) v += (form[i + 1] * cur[q]) % p;
          }
          next[idx] = v % p;
        }
        [cur, next] = [next, cur];
      }
    }
    for (let r = 0; r < ends[degree]; r++) {
      const idx = order[r];
      acc[idx] = (acc[idx] + cur[idx]) % p;
    }
  }
  const monos: number[][] = [];
  const coeffs: number[] = [];
  for (const idx of order) {
    if (acc[idx] === 0) continue;
    monos.push([degreeOf(idx), ...exps[idx]]);
    coeffs.push(acc[idx]);
  }
  return S.normalize(monos, coeffs);
}

/** Is V(F) ∩ L empty, for a random affine L of codimension c (a graph over the last n − c variables)? */
function sectionIsEmpty(F: readonly Polynomial<number>[], c: number, next: () => number, deadline?: Deadline): boolean {
  const R = F[0].ring;
  const p = (R.field as unknown as { p: number }).p;
  const kept = R.vars.slice(c);
  const S = new PolynomialRing(R.field, kept.length > 0 ? kept : ['_'], R.order);
  const forms = R.vars.slice(0, c).map(() => Array.from({ length: kept.length + 1 }, () => next() % p));
  const restrict = (f: Polynomial<number>): Polynomial<number> => {
    if (kept.length > 0 && (f.totalDegree() + 1) ** kept.length <= DENSE_LIMIT) return restrictDense(f, c, forms, S, p);
    const images: Record<string, Polynomial<number>> = {};
    R.vars.slice(0, c).forEach((x, j) => {
      images[x] = kept.reduce((image, y, i) => image.add(S.variable(y).scale(forms[j][i + 1])), S.constant(forms[j][0]));
    });
    return substitute(f, images, S);
  };
  const section: Polynomial<number>[] = [];
  for (const f of F) {
    deadline?.check();
    const g = restrict(f);
    if (!g.isZero()) section.push(g);
  }
  if (section.length === 0) return false;
  return isUnitIdeal(f4(section, { deadline }).basis);
}

/**
 * The dimension of V(polys) modulo a prime by random linear sections (see the file header), for
 * a system of k < n distinct equations in n variables with k ≤ 5; undefined otherwise (sections
 * save nothing there), and when V may be empty. The deadline bounds the attempt (a TimeoutError passes through).
 *
 * @example
 * // x1*y1 + x2*y2 + 1 in 4 variables: dimension 3, from one section of codimension 4 (empty)
 * dimensionBySections(polys)?.dimension; // 3
 */
export function dimensionBySections(polys: readonly Polynomial<Rational>[], options: { deadline?: Deadline; seed?: number } = {}): ModularDimension | undefined {
  const input = polys.filter((f) => !f.isZero()).map(primitivePart);
  if (input.length === 0 || input.some((f) => f.isConstant())) return undefined;
  const R = input[0].ring;
  const n = R.nvars;
  const k = input.length;
  if (k >= n || k - 1 > MAX_KEPT) return undefined;
  const p = firstPrimeWhere((q) => {
    const Q = BigInt(q);
    return input.every((f) => f.coefficients.every((a) => a.num % Q !== 0n));
  });
  const S = new PolynomialRing(Zp(p), R.vars, R.order);
  const F = input.map((f) => changeRing(f, S));
  const next = residueGenerator(options.seed ?? 0x9e3779b9);
  let c = n - k + 1;
  while (c <= n && !sectionIsEmpty(F, c, next, options.deadline)) c++;
  // Every section of codimension ≤ n tried was non-empty: the generators vanish at a random point.
  const d = c - 1;
  // At the Krull bound, V must be non-empty: the origin is a point, or a section meets V.
  const originIsPoint = input.every((f) => f.constantCoefficient().num === 0n);
  if (d === n - k && !originIsPoint && sectionIsEmpty(F, d, next, options.deadline)) return undefined;
  return { dimension: d, independentSets: [], dimensionModulo: p };
}
