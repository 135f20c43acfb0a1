/**
 * Ideal quotients and saturation by elimination (Cox–Little–O'Shea §4.4):
 * I : f^∞ = (I + ⟨1 − t·f⟩) ∩ K[x] with a new variable t, and
 * I : f = (1/f)·(I ∩ ⟨f⟩) with I ∩ ⟨f⟩ = (t·I + (1 − t)·⟨f⟩) ∩ K[x].
 * Results are reduced Gröbner bases in the ring of I (degrevlex unless the ring says otherwise).
 */
import { InputError } from '../errors';
import { changeRing } from '../poly/change';
import { exactDivide } from '../poly/division';
import { Polynomial, PolynomialRing } from '../poly/polynomial';
import { GroebnerOptions, groebner } from '../groebner/groebner';
import { eliminate } from '../groebner/eliminate';

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
