/**
 * Minimal polynomials in the quotient algebra and the radical of a zero-dimensional ideal.
 *
 * The minimal polynomial of f in A = K[x]/I is found from the first linear dependency among
 * 1, f, f², … (coordinates by repeated multiplication with M_f). Seidenberg's lemma
 * (Becker–Weispfenning, Lemma 8.13; Kreuzer–Robbiano §3.7): in characteristic 0, for a
 * zero-dimensional I, √I = I + ⟨sqfree(μᵢ)(xᵢ) : i⟩ where μᵢ is the minimal polynomial of the
 * variable xᵢ; and I is radical iff every μᵢ is square-free.
 */
import { EchelonSpace } from '../arithmetic/echelon';
import { Field, QQ, Zp } from '../arithmetic/field';
import { liftMonicFromImages } from '../arithmetic/lifting';
import { primeStream } from '../arithmetic/primes';
import { Rational, rational } from '../arithmetic/rational';
import { monomialsEqual } from '../monomials/monomial';
import { changeRing } from '../poly/change';
import { PolynomialRing } from '../poly/polynomial';
import { Matrix, matVec } from '../arithmetic/matrix';
import { InputError } from '../errors';
import { ControlOptions, resolveControl } from '../control';
import { Polynomial } from '../poly/polynomial';
import { UPoly, fromUnivariate, udegree, uprimitive, usquarefreePart, utrim } from '../poly/univariate';
import { zsquarefreePart } from '../poly/factor/squarefree';
import { GroebnerOptions, groebner } from '../groebner/groebner';
import { QuotientAlgebra } from '../groebner/quotient';

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

/** The minimal polynomial of f in K[x]/I: the monic generator of {p : p(f) ∈ I}. */
export function minimalPolynomial<T>(A: QuotientAlgebra<T>, f: Polynomial<T>): UPoly<T> {
  return minimalPolynomialOfMatrix(A.field, A.multiplicationMatrix(f), A.coordinates(f.ring.one()));
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
  return groebner([...G, ...extra], options);
}

/**
 * A non-zero polynomial in I ∩ Q[x_i] — the minimal polynomial of x_i, lifted from its images
 * modulo primes and then proved to lie in I exactly (its normal form modulo G is 0) — or
 * undefined when the lift does not settle. G is a Gröbner basis over Q of a zero-dimensional
 * ideal. The degree is the largest among the first primes (a prime can only lower it).
 */
export function modularVariableMinimalPolynomial(
  G: readonly Polynomial<Rational>[],
  i: number,
  options: ControlOptions & {
    /** Primes before giving up (default 2000). */
    maxPrimes?: number;
    /** The quotient algebra of G over Q, when the caller has it. */
    algebra?: QuotientAlgebra<Rational>;
  } = {},
): UPoly<Rational> | undefined {
  const { deadline, maxPrimes = 2000 } = resolveControl(options, 'modularVariableMinimalPolynomial');
  const A = options.algebra ?? new QuotientAlgebra(G);
  const R = G[0].ring;
  const primes = primeStream(2 ** 26, deadline);
  const image = (): { p: number; mu: number[] } | undefined => {
    for (;;) {
      deadline?.check();
      const r = primes.next();
      if (r.done) return undefined;
      const p = r.value;
      const P = BigInt(p);
      if (G.some((g) => g.coefficients.some((c) => c.den % P === 0n))) continue;
      const S = new PolynomialRing(Zp(p), R.vars, R.order);
      const Gp = G.map((g) => changeRing(g, S));
      if (Gp.some((g, k) => g.isZero() || !monomialsEqual(g.lm(), G[k].lm()))) continue;
      return { p, mu: variableMinimalPolynomial(new QuotientAlgebra(Gp), i) as number[] };
    }
  };
  const values = liftMonicFromImages(image, maxPrimes);
  if (!values) return undefined;
  const mu = utrim(QQ, [...values, QQ.one]);
  // Proof that μ(x_i) ∈ I: the coordinates of its normal form are μ(M_{x_i})·1 (Horner with the
  // multiplication matrix over Q), which must vanish.
  const M = A.variableMatrix(i);
  const one = A.coordinates(R.one());
  let v = one.map((c) => QQ.mul(c, mu[mu.length - 1]));
  for (let k = mu.length - 2; k >= 0; k--) {
    v = matVec(QQ, M, v);
    if (mu[k].num !== 0n) v = v.map((x, r) => QQ.add(x, QQ.mul(mu[k], one[r])));
  }
  return v.every((x) => x.num === 0n) ? mu : undefined;
}

/**
 * √I for a zero-dimensional ideal over Q with Gröbner basis G, by Seidenberg's lemma with the
 * univariate polynomials of `modularVariableMinimalPolynomial` (each proved to lie in I, so their
 * square-free parts lie in √I); undefined when a lift does not settle. Returns G itself when I is
 * already radical.
 */
export function modularRadical(G: readonly Polynomial<Rational>[], options: GroebnerOptions = {}): Polynomial<Rational>[] | undefined {
  const R = G[0].ring;
  const extra: Polynomial<Rational>[] = [];
  const A = new QuotientAlgebra(G);
  for (let i = 0; i < R.nvars; i++) {
    const mu = modularVariableMinimalPolynomial(G, i, { deadline: options.deadline, algebra: A });
    if (!mu) return undefined;
    const s = squarefreePartQ(mu);
    if (udegree(s) < udegree(mu)) extra.push(fromUnivariate(R, i, s));
  }
  if (extra.length === 0) return [...G];
  return groebner([...G, ...extra], options);
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
