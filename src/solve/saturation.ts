/**
 * Ideal quotients and saturation by elimination (Cox–Little–O'Shea §4.4):
 * I : f^∞ = (I + ⟨1 − t·f⟩) ∩ K[x] with a new variable t, and
 * I : f = (1/f)·(I ∩ ⟨f⟩) with I ∩ ⟨f⟩ = (t·I + (1 − t)·⟨f⟩) ∩ K[x].
 * Results are reduced Gröbner bases in the ring of I (degrevlex unless the ring says otherwise).
 *
 * Saturation needs a Gröbner basis for an elimination order, far costlier than degrevlex, so
 * `isNonZeroDivisor` first decides with degrevlex bases alone whether it would change anything:
 * f is a non-zero-divisor modulo I exactly when its homogenization fʰ is one modulo Iʰ (the
 * associated primes of Iʰ are the homogenized associated primes of I), and for a homogeneous
 * ideal that holds exactly when HS(S/(Iʰ + ⟨fʰ⟩)) = (1 − t^deg f)·HS(S/Iʰ) (Stanley 1978;
 * Kreuzer–Robbiano, Computational Commutative Algebra 2, §5.2). The homogenized reduced
 * degrevlex basis of I is a Gröbner basis of Iʰ with the same leading monomials (CLO §8.4).
 */
import { InputError } from '../errors';
import { Monomial } from '../monomials/monomial';
import { degrevlex } from '../monomials/order';
import { changeRing } from '../poly/change';
import { exactDivide } from '../poly/division';
import { Polynomial, PolynomialRing } from '../poly/polynomial';
import { GroebnerOptions, groebner } from '../groebner/groebner';
import { eliminate } from '../groebner/eliminate';
import { hilbertNumerator } from './hilbert';

function freshName(R: PolynomialRing<unknown>): string {
  let name = 't_';
  while (R.hasVar(name)) name += '_';
  return name;
}

function extend<T>(R: PolynomialRing<T>): { S: PolynomialRing<T>; t: Polynomial<T>; lift: (p: Polynomial<T>) => Polynomial<T> } {
  const name = freshName(R as PolynomialRing<unknown>);
  const S = new PolynomialRing(R.field, [name, ...R.vars]);
  return { S, t: S.variable(name), lift: (p) => changeRing(p, S) };
}

function backTo<T>(R: PolynomialRing<T>, ps: Polynomial<T>[], options: GroebnerOptions): Polynomial<T>[] {
  return groebner(ps.map((p) => changeRing(p, R)), options);
}

/** The saturation I : f^∞ (the polynomials g with g·f^k ∈ I for some k). */
export function saturation<T>(I: readonly Polynomial<T>[], f: Polynomial<T>, options: GroebnerOptions = {}): Polynomial<T>[] {
  if (I.length === 0) throw new InputError('saturation needs at least one generator');
  const R = I[0].ring;
  if (f.isZero()) return [R.one()];
  const { S, t, lift } = extend(R);
  const gens = [...I.map(lift), S.one().sub(t.mul(lift(f)))];
  return backTo(R, eliminate(gens, [S.vars[0]], options), options);
}

/** The ideal quotient I : f = {g : g·f ∈ I}. */
export function idealQuotient<T>(I: readonly Polynomial<T>[], f: Polynomial<T>, options: GroebnerOptions = {}): Polynomial<T>[] {
  if (I.length === 0) throw new InputError('idealQuotient needs at least one generator');
  const R = I[0].ring;
  if (f.isZero()) return [R.one()];
  const { S, t, lift } = extend(R);
  const gens = [...I.map((g) => t.mul(lift(g))), S.one().sub(t).mul(lift(f))];
  const intersection = backTo(R, eliminate(gens, [S.vars[0]], options), options);
  return groebner(intersection.map((g) => exactDivide(g, f)), options);
}

/** The ideal quotient I : J for an ideal J = ⟨f1, …, fk⟩ (the intersection of the I : fᵢ). */
export function idealQuotientByIdeal<T>(I: readonly Polynomial<T>[], J: readonly Polynomial<T>[], options: GroebnerOptions = {}): Polynomial<T>[] {
  let result: Polynomial<T>[] | undefined;
  for (const f of J) {
    const q = idealQuotient(I, f, options);
    result = result === undefined ? q : intersect(result, q, options);
  }
  return result ?? [I[0].ring.one()];
}

/** I ∩ J = (t·I + (1 − t)·J) ∩ K[x]. */
export function intersect<T>(I: readonly Polynomial<T>[], J: readonly Polynomial<T>[], options: GroebnerOptions = {}): Polynomial<T>[] {
  const R = (I[0] ?? J[0]).ring;
  const { S, t, lift } = extend(R);
  const gens = [...I.map((g) => t.mul(lift(g))), ...J.map((g) => S.one().sub(t).mul(lift(g)))];
  return backTo(R, eliminate(gens, [S.vars[0]], options), options);
}

/** p·h^(d − |e|) term by term, in the ring S (the variables of p followed by h, degrevlex), d = deg p. */
function homogenizeInto<T>(p: Polynomial<T>, S: PolynomialRing<T>): Polynomial<T> {
  const d = p.totalDegree();
  const monos: Monomial[] = p.monomials.map((m) => [d, ...m.slice(1), d - m[0]]);
  return S.normalize(monos, [...p.coefficients]);
}

/**
 * Is f a non-zero-divisor modulo I, so that I : f^∞ = I? G is the reduced degrevlex Gröbner
 * basis of I (see the file header for the test).
 * @example isNonZeroDivisor(groebner([x*y]), x) // false; isNonZeroDivisor(groebner([x*y]), x + y) // true
 */
export function isNonZeroDivisor<T>(G: readonly Polynomial<T>[], f: Polynomial<T>, options: GroebnerOptions = {}): boolean {
  const R = G[0].ring;
  if (R.order.kind !== 'degrevlex') throw new InputError('isNonZeroDivisor needs a degrevlex basis');
  const S = new PolynomialRing(R.field, [...R.vars, freshName(R as PolynomialRing<unknown>)], degrevlex);
  const H = groebner([...G, f].map((p) => homogenizeInto(p, S)), options);
  const k = f.totalDegree();
  // HS(S/Iʰ) = N(t)/(1 − t)^(n+1) with N the numerator of K[x]/lm(G): compare numerators.
  const a = hilbertNumerator(G.map((g) => g.lm()), R.nvars);
  const b = hilbertNumerator(H.map((g) => g.lm()), S.nvars);
  const expected = [...a, ...new Array<bigint>(k).fill(0n)];
  for (let i = 0; i < a.length; i++) expected[i + k] -= a[i];
  while (expected.length > 0 && expected[expected.length - 1] === 0n) expected.pop();
  while (b.length > 0 && b[b.length - 1] === 0n) b.pop();
  return expected.length === b.length && expected.every((c, i) => c === b[i]);
}
