/**
 * Minimal polynomials in the quotient algebra and the radical of a zero-dimensional ideal.
 *
 * The minimal polynomial of f in A = K[x]/I is found from the first linear dependency among
 * 1, f, f², … (coordinates by repeated multiplication with M_f). Seidenberg's lemma
 * (Becker–Weispfenning, Lemma 8.13; Kreuzer–Robbiano §3.7): in characteristic 0, for a
 * zero-dimensional I, √I = I + ⟨sqfree(μᵢ)(xᵢ) : i⟩ where μᵢ is the minimal polynomial of the
 * variable xᵢ; and I is radical iff every μᵢ is square-free.
 *
 * Over Q (`modularRadical`) each μᵢ is lifted from its images modulo primes — M_{xᵢ} reduced from
 * its columns over Q (`multiplication-data.ts`) — or taken from another variable whose image it
 * shares (the symmetric weights of a network), and then proved to lie in I exactly, in integers;
 * the proof also gives the generator added, the normal form of sqfree(μᵢ)(xᵢ).
 */
import { EchelonSpace } from '../arithmetic/echelon';
import { Field, QQ, Zp } from '../arithmetic/field';
import { EchelonRecord, relationFromRecords } from '../arithmetic/sparse-mod-p';
import { liftMonicFromImages } from '../arithmetic/lifting';
import { gcd, lcm } from '../arithmetic/integers';
import { Rational, rational } from '../arithmetic/rational';
import { Matrix, matVec } from '../arithmetic/matrix';
import { Deadline, InputError } from '../errors';
import { ControlOptions, resolveControl } from '../control';
import { linearForm } from '../poly/linear-form';
import { Polynomial } from '../poly/polynomial';
import { UPoly, fromUnivariate, udegree, udivmod, uprimitive, usquarefreePart, utrim } from '../poly/univariate';
import { zsquarefreePart } from '../poly/factor/squarefree';
import { GroebnerOptions, groebner } from '../groebner/groebner';
import { QuotientAlgebra } from '../groebner/quotient';
import { imagesModP, rationalData } from './multiplication-data';

/** The minimal polynomial (monic, ascending coefficients) of the linear map M acting on A, from the start vector `one`. */
export function minimalPolynomialOfMatrix<T>(F: Field<T>, M: Matrix<T>, one: readonly T[], options: ControlOptions = {}): UPoly<T> {
  const { deadline } = resolveControl(options, 'minimalPolynomialOfMatrix');
  const space = new EchelonSpace(F);
  let v: T[] = one.slice();
  for (;;) {
    deadline?.check();
    const dep = space.insert(v);
    if (dep !== undefined) return [...dep.map((c) => F.neg(c)), F.one];
    v = matVec(F, M, v);
  }
}

/**
 * `minimalPolynomialOfMatrix` over Z/p (p < 2^26) in typed arrays (see `minimalPolynomialByEchelon`).
 * The generic version's field calls made a degree-289 minimal polynomial cost about 0.1 s per
 * prime, for each variable and each prime of the radical's lift. (Wiedemann's method — the
 * scalars r·M^k·one for k < 2D, Berlekamp–Massey, then a Horner check of the result — was tried
 * and measured slower: a network's radical took 9 s with it against 5 s.)
 */
export function minimalPolynomialModP(M: Matrix<number>, one: readonly number[], p: number, deadline?: Deadline): number[] {
  return minimalPolynomialByEchelon(sparseRows(M), one, p, deadline);
}

/** M by rows, without its zeros. */
function sparseRows(M: Matrix<number>): { cols: number[]; vals: number[] }[] {
  return M.map((row) => {
    const cols: number[] = [];
    const vals: number[] = [];
    row.forEach((x, j) => {
      if (x !== 0) {
        cols.push(j);
        vals.push(x);
      }
    });
    return { cols, vals };
  });
}

/**
 * The minimal polynomial of `one` under M (by sparse rows) modulo p, deterministically: the
 * Krylov vectors one, M·one, M²·one, … kept in echelon form as residues in doubles (products
 * below 2^52), each row recording the rows it was reduced by (`EchelonRecord`); the first vector
 * that depends on the earlier ones gives the polynomial, its combination recovered from the
 * records (carrying each row's combination along cost a third of the work).
 */
function minimalPolynomialByEchelon(sparse: readonly { cols: number[]; vals: number[] }[], one: readonly number[], p: number, deadline?: Deadline): number[] {
  const D = one.length;
  const F = Zp(p);
  const rows: (EchelonRecord & { pivot: number; vector: Float64Array })[] = [];
  let v = Float64Array.from(one);
  for (let k = 0; k <= D; k++) {
    deadline?.check();
    const w = v.slice();
    const uses: number[] = [];
    const factors: number[] = [];
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r];
      const c = w[row.pivot];
      if (c === 0) continue;
      const f = p - c;
      const x = row.vector;
      for (let j = 0; j < D; j++) if (x[j] !== 0) w[j] = (w[j] + f * x[j]) % p;
      uses.push(r);
      factors.push(c);
    }
    const pivot = w.findIndex((x) => x !== 0);
    if (pivot < 0) return relationFromRecords(rows, uses, factors, p);
    const inverse = F.inv(w[pivot]);
    for (let j = 0; j < D; j++) if (w[j] !== 0) w[j] = (w[j] * inverse) % p;
    rows.push({ pivot, vector: w, uses: Int32Array.from(uses), factors: Float64Array.from(factors), inverse });
    const next = new Float64Array(D);
    for (let i = 0; i < D; i++) {
      const { cols, vals } = sparse[i];
      let acc = 0;
      for (let t = 0; t < cols.length; t++) acc = (acc + vals[t] * v[cols[t]]) % p;
      next[i] = acc;
    }
    v = next;
  }
  throw new Error('internal error: a Krylov sequence of length dimension + 1 without a relation');
}

/**
 * The minimal polynomial of f in K[x]/I: the monic generator of {p : p(f) ∈ I}. The powers 1, f,
 * f², … are formed by products with f's normal form until they are dependent, without f's
 * multiplication matrix: deg μ products where the matrix costs dim A of them (the value of a loss
 * on a fibre, `value-on-prime.ts`: degree 12 on quotients of dimension up to 500).
 */
export function minimalPolynomial<T>(A: QuotientAlgebra<T>, f: Polynomial<T>, deadline?: Deadline): UPoly<T> {
  const fbar = A.element(A.coordinates(f));
  const space = new EchelonSpace(A.field);
  let v = A.coordinates(A.ring.one());
  for (;;) {
    deadline?.check();
    const dependency = space.insert(v);
    if (dependency !== undefined) return [...dependency.map((c) => A.field.neg(c)), A.field.one];
    v = A.coordinates(fbar.mul(A.element(v)));
  }
}

/** The minimal polynomial of the i-th variable in K[x]/I. */
export function variableMinimalPolynomial<T>(A: QuotientAlgebra<T>, i: number): UPoly<T> {
  return minimalPolynomialOfMatrix(A.field, A.variableMatrix(i), A.coordinates(A.ring.one()));
}

/**
 * The reduced Gröbner basis of √I for a zero-dimensional ideal given by its Gröbner basis G
 * (over a field of characteristic 0). Returns G itself when I is already radical.
 */
export function zeroDimensionalRadical<T>(G: readonly Polynomial<T>[], options: GroebnerOptions = {}): Polynomial<T>[] {
  const R = G[0].ring;
  if (R.field.characteristic !== 0n) throw new InputError('the radical is implemented in characteristic 0 only');
  const A = new QuotientAlgebra(G);
  const extra: Polynomial<T>[] = [];
  for (let i = 0; i < R.nvars; i++) {
    const mu = variableMinimalPolynomial(A, i);
    const s = usquarefreePart(R.field, mu);
    if (udegree(s) < udegree(mu)) extra.push(fromUnivariate(R, i, s));
  }
  if (extra.length === 0) return [...G];
  return groebner([...G, ...extra], { ...options, knownBasis: G.length });
}

/** Options of `modularMinimalPolynomial` and `modularVariableMinimalPolynomial`. */
export interface ModularMinimalPolynomialOptions extends ControlOptions {
  /** Primes before giving up (default 2000). */
  maxPrimes?: number;
  /** The quotient algebra of G over Q, when the caller has it. */
  algebra?: QuotientAlgebra<Rational>;
  /** Polynomials over Q (monic) to try first: one that vanishes on the form is returned as it is. */
  known?: readonly UPoly<Rational>[];
  /** The proof that a candidate μ vanishes on the form (default: μ(M_t)·1 = 0 exactly, `vanishesOn`). */
  proof?: (mu: UPoly<Rational>) => boolean;
}

/**
 * A non-zero polynomial μ with μ(t) ∈ I, for the linear form t = Σ formᵢ·xᵢ — its minimal polynomial
 * on Q[x]/I, lifted from its images modulo primes and then proved exactly (the normal form of μ(t)
 * modulo G is 0) — or undefined when the lift does not settle. G is a Gröbner basis over Q of a
 * zero-dimensional ideal. The degree is the largest among the first primes (a prime can only
 * lower it). Example: for ⟨x² − 2, y − x⟩ and t = x + y, μ = T² − 8.
 */
export function modularMinimalPolynomial(G: readonly Polynomial<Rational>[], form: readonly bigint[], options: ModularMinimalPolynomialOptions = {}): UPoly<Rational> | undefined {
  const { deadline, maxPrimes = 2000 } = resolveControl(options, 'modularMinimalPolynomial');
  const A = options.algebra ?? new QuotientAlgebra(G);
  const R = G[0].ring;
  // M_t over Q reduced modulo each prime (the variables' columns computed once per algebra): the
  // reduction of a basis modulo every prime and its own quotient algebra took 3.3 s of a
  // network's 16 s.
  const images = imagesModP(rationalData(A, form), deadline);
  const image = (): { p: number; mu: number[] } | undefined => {
    const r = images.next();
    if (r.done) return undefined;
    const { p, M, one } = r.value;
    return { p, mu: minimalPolynomialModP(M, Array.from(one), p, deadline) };
  };
  // A polynomial already known for another variable whose image at the first prime is this
  // variable's is tried first, proved like any: the symmetric variables of a network's critical
  // ideal share their minimal polynomials, and its lift took 0.45 s of each variable's 0.75 s.
  const first = image();
  if (!first) return undefined;
  const F = Zp(first.p);
  const same = (options.known ?? []).find((k) => k.length === first.mu.length && k.every((c, j) => c.den % BigInt(first.p) !== 0n && F.fromRational(c) === first.mu[j]));
  const proof = options.proof ?? ((mu: UPoly<Rational>) => vanishesOn(mu, integralMatrix(formMatrix(A, form)), integralVector(A.coordinates(R.one())), deadline));
  if (same && proof(same)) return same;
  let pending: { p: number; mu: number[] } | undefined = first;
  const values = liftMonicFromImages(() => {
    const x = pending ?? image();
    pending = undefined;
    return x;
  }, maxPrimes);
  if (!values) return undefined;
  const mu = utrim(QQ, [...values, QQ.one]);
  return proof(mu) ? mu : undefined;
}

/** M_t over Q for t = Σ formᵢ·xᵢ (a variable's own matrix when the form is one variable). */
function formMatrix(A: QuotientAlgebra<Rational>, form: readonly bigint[]): Matrix<Rational> {
  const used = form.flatMap((c, i) => (c === 0n ? [] : [i]));
  if (used.length === 1 && form[used[0]] === 1n) return A.variableMatrix(used[0]);
  return A.multiplicationMatrix(linearForm(A.ring, form));
}

/**
 * A non-zero polynomial in I ∩ Q[x_i] — the minimal polynomial of x_i, lifted from its images
 * modulo primes and then proved to lie in I exactly (its normal form modulo G is 0) — or
 * undefined when the lift does not settle (`modularMinimalPolynomial` for the form xᵢ).
 */
export function modularVariableMinimalPolynomial(G: readonly Polynomial<Rational>[], i: number, options: ModularMinimalPolynomialOptions = {}): UPoly<Rational> | undefined {
  return modularMinimalPolynomial(
    G,
    G[0].ring.vars.map((_, k) => (k === i ? 1n : 0n)),
    options,
  );
}

/** A matrix over Q as M′/d: M′ integral by rows without its zeros, d > 0 the lcm of M's denominators. */
interface IntegralMatrix {
  d: bigint;
  rows: { cols: number[]; vals: bigint[] }[];
}

function integralMatrix(M: Matrix<Rational>): IntegralMatrix {
  let d = 1n;
  for (const row of M) for (const x of row) if (x.num !== 0n) d = lcm(d, x.den);
  const rows = M.map((row) => {
    const cols: number[] = [];
    const vals: bigint[] = [];
    row.forEach((x, j) => {
      if (x.num !== 0n) {
        cols.push(j);
        vals.push((x.num * d) / x.den);
      }
    });
    return { cols, vals };
  });
  return { d, rows };
}

/** A vector over Q as integers, up to a positive constant factor (its denominators cleared). */
function integralVector(v: readonly Rational[]): bigint[] {
  let d = 1n;
  for (const x of v) d = lcm(d, x.den);
  return v.map((x) => (x.num * d) / x.den);
}

/**
 * Whether μ(M)·one = 0 exactly, for μ and M over Q: the proof that μ(xᵢ) ∈ I, the coordinates of
 * its normal form being μ(M_{xᵢ})·1 (see `polynomialOfMatrix`).
 */
function vanishesOn(mu: UPoly<Rational>, M: IntegralMatrix, one: readonly bigint[], deadline?: Deadline): boolean {
  return polynomialOfMatrix(mu, M, one, deadline).every((x) => x === 0n);
}

/**
 * μ(M)·e up to a positive constant factor, as integers, for μ over Q, M = M′/d and e integral, by
 * Horner's rule with M′ by rows without its zeros: with μ′ = μ with its denominators cleared
 * (n = deg μ), the step W ← M·W + μ′ₖ·e runs on W = w/s, w integral and s > 0:
 * w ← M′·w + μ′ₖ·d·s·e, s ← d·s, and then w and s are divided by the content of w and s together.
 * Without that division, w is d^(n−k)·W: on the radical of a network's critical ideal (a
 * square-free part of degree 125, d of 161 bits, 289 standard monomials) its entries reached
 * 20,540 bits where W's own need 488, and the product took 220-260 ms instead of 32-45 (one
 * gcd per entry and step, against a row's worth of products per entry).
 */
function polynomialOfMatrix(mu: UPoly<Rational>, M: IntegralMatrix, e: readonly bigint[], deadline?: Deadline): bigint[] {
  const { d, rows } = M;
  const [, integral] = uprimitive(mu); // μ′, up to a non-zero constant
  const n = integral.length - 1;
  let w = e.map((x) => x * integral[n]);
  let s = 1n;
  for (let k = n - 1; k >= 0; k--) {
    deadline?.check();
    const next = rows.map(({ cols, vals }) => {
      let acc = 0n;
      for (let t = 0; t < cols.length; t++) acc += vals[t] * w[cols[t]];
      return acc;
    });
    const c = integral[k] * d * s;
    s *= d;
    w = c === 0n ? next : next.map((x, r) => x + c * e[r]);
    // The content of (w, s): the gcd with s first keeps every gcd small once it is found.
    let g = s;
    for (let r = 0; r < w.length && g !== 1n; r++) if (w[r] !== 0n) g = gcd(g, w[r] % g);
    if (g !== 1n) {
      s /= g;
      w = w.map((x) => x / g);
    }
  }
  return w;
}

/**
 * √I for a zero-dimensional ideal over Q with Gröbner basis G, by Seidenberg's lemma with the
 * univariate polynomials of `modularVariableMinimalPolynomial` (each proved to lie in I, so their
 * square-free parts lie in √I); undefined when a lift does not settle. Returns G itself when I is
 * already radical.
 */
export function modularRadical(G: readonly Polynomial<Rational>[], options: GroebnerOptions & { /** The quotient algebra of G over Q, when the caller has it. */ algebra?: QuotientAlgebra<Rational> } = {}): Polynomial<Rational>[] | undefined {
  const R = G[0].ring;
  const extra: Polynomial<Rational>[] = [];
  const { algebra, ...groebnerOptions } = options;
  const A = algebra ?? new QuotientAlgebra(G);
  const known: UPoly<Rational>[] = [];
  const deadline = options.deadline;
  for (let i = 0; i < R.nvars; i++) {
    let generator: Polynomial<Rational> | undefined;
    const proof = (mu: UPoly<Rational>): boolean => {
      const r = squarefreeGenerator(A, i, mu, deadline);
      generator = r.proved ? r.generator : undefined;
      return r.proved;
    };
    const mu = modularVariableMinimalPolynomial(G, i, { deadline, algebra: A, known, proof });
    if (!mu) return undefined;
    if (!known.includes(mu)) known.push(mu);
    if (generator) extra.push(generator);
  }
  if (extra.length === 0) return [...G];
  return groebner([...G, ...extra], { ...groebnerOptions, knownBasis: G.length });
}

/**
 * Whether μ(xᵢ) ∈ I (exactly), and if so the generator Seidenberg's lemma adds to I for xᵢ: the
 * normal form of s(xᵢ), s the square-free part of μ (none when μ is square-free). One
 * computation does both: with μ = s·c, the coordinates w of s(xᵢ)'s normal form are s(M)·1, and
 * μ(M)·1 = c(M)·w — deg c more products instead of deg μ (141 + 125 products became 125 + 16 for
 * each variable of a network's radical).
 */
export function squarefreeGenerator(A: QuotientAlgebra<Rational>, i: number, mu: UPoly<Rational>, deadline?: Deadline): { proved: boolean; generator?: Polynomial<Rational> } {
  // M′ = d·M_{xᵢ} integral, once for both products.
  const M = integralMatrix(A.variableMatrix(i));
  const one = integralVector(A.coordinates(A.ring.one()));
  const s = squarefreePartQ(mu);
  if (udegree(s) === udegree(mu)) return { proved: vanishesOn(mu, M, one, deadline) };
  const [c, remainder] = udivmod(QQ, mu, s);
  if (utrim(QQ, remainder).length !== 0) return { proved: false };
  const w = polynomialOfMatrix(s, M, one, deadline);
  if (!vanishesOn(c, M, w, deadline)) return { proved: false };
  return { proved: true, generator: normalFormFromCoordinates(A, w) };
}

/**
 * The polynomial with coordinates w (integers, up to a constant factor) in A's standard monomials,
 * with its content removed: s(xᵢ) reduced modulo the ideal of A when w is s(M_{xᵢ})·1. Added as
 * it is, a square-free part of degree 125 made F4 climb to degree 125 on the radical of a
 * network's critical ideal (4 s per prime); its normal form keeps the degrees of the standard
 * monomials.
 */
function normalFormFromCoordinates(A: QuotientAlgebra<Rational>, w: readonly bigint[]): Polynomial<Rational> {
  let g = 0n;
  for (const x of w) g = gcd(g, x);
  return A.ring.normalize(
    [...A.basis],
    w.map((x) => rational(g === 0n ? 0n : x / g)),
  );
}

/**
 * The square-free part of a non-zero univariate polynomial over Q, up to a constant factor,
 * through a modular gcd over Z: Euclid's gcd over Q blows its coefficients up (a minimal
 * polynomial of degree 289 took it 18 s on a network's critical ideal).
 */
function squarefreePartQ(f: UPoly<Rational>): UPoly<Rational> {
  return zsquarefreePart(uprimitive(f)[1]).map((c) => rational(c));
}

/** Is the zero-dimensional ideal with Gröbner basis G radical (characteristic 0)? */
export function isRadicalZeroDimensional<T>(G: readonly Polynomial<T>[]): boolean {
  const A = new QuotientAlgebra(G);
  for (let i = 0; i < A.ring.nvars; i++) {
    const mu = variableMinimalPolynomial(A, i);
    if (udegree(usquarefreePart(A.field, mu)) < udegree(mu)) return false;
  }
  return true;
}
