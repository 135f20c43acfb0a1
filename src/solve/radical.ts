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
import { Field } from '../arithmetic/field';
import { Matrix, matVec } from '../arithmetic/matrix';
import { InputError } from '../errors';
import { Polynomial } from '../poly/polynomial';
import { UPoly, fromUnivariate, udegree, usquarefreePart } from '../poly/univariate';
import { GroebnerOptions, groebner } from '../groebner/groebner';
import { QuotientAlgebra } from '../groebner/quotient';

/** The minimal polynomial (monic, ascending coefficients) of the linear map M acting on A, from the start vector `one`. */
export function minimalPolynomialOfMatrix<T>(F: Field<T>, M: Matrix<T>, one: readonly T[]): UPoly<T> {
  const space = new EchelonSpace(F);
  let v: T[] = one.slice();
  for (;;) {
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

/** Is the zero-dimensional ideal with Gröbner basis G radical (characteristic 0)? */
export function isRadicalZeroDimensional<T>(G: readonly Polynomial<T>[]): boolean {
  const A = new QuotientAlgebra(G);
  for (let i = 0; i < A.ring.nvars; i++) {
    const mu = variableMinimalPolynomial(A, i);
    if (udegree(usquarefreePart(A.field, mu)) < udegree(mu)) return false;
  }
  return true;
}
