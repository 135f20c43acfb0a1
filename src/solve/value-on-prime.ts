/**
 * The value of a polynomial f on a prime P where it takes conjugate values only — the loss on a
 * component of its critical set, where it is constant — as the irreducible polynomial m ∈ Z[t]
 * with m(f) ∈ P.
 *
 * By elimination, m is the generator of (P + ⟨t − f⟩) ∩ Q[t], up to a power; a block order in
 * every variable and t, which took 4.3 s of 33 on the dimension-2 components of a 2-2-2-1
 * network with weight decay. One fibre is enough: with the independent variables U of P set to
 * integers where P(u₀) is zero-dimensional and not the unit ideal, every point of V(P(u₀)) lies
 * on V(P), so f takes there roots of m only. The minimal polynomial μ of f on Q[X']/P(u₀)
 * (`minimalPolynomial`: 1, f, f², … reduced modulo P(u₀) until dependent) has rational
 * coefficients, so its roots are a set of conjugates of the roots of m: all of them, and the square-free part of
 * μ is m. When μ does not come out a power of one irreducible polynomial, the elimination
 * answers instead. The caller vouches for f (the loss is constant on each component of its
 * critical set, so it qualifies there): a fibre cannot see that f takes infinitely many values.
 */
import { QQ } from '../arithmetic/field';
import { Rational } from '../arithmetic/rational';
import { ComputationError, Deadline } from '../errors';
import { factorUnivariate } from '../poly/factor';
import { changeRing } from '../poly/change';
import { Polynomial, PolynomialRing } from '../poly/polynomial';
import { toUnivariate } from '../poly/univariate';
import { eliminate } from '../groebner/eliminate';
import { largestIndependentSets } from '../groebner/ideal';
import { minimalPolynomialOnFibre, trialFibre } from './components';

type QPoly = Polynomial<Rational>;

/** Fibres tried before the elimination (`trialFibre`, those of the sample points). */
const FIBRES = 3;

/** The irreducible factor of μ (over Q, primitive in Z[t]) when μ is a power of one, else undefined. */
function onlyFactor(mu: readonly Rational[]): bigint[] | undefined {
  const { factors } = factorUnivariate(mu);
  return factors.length === 1 ? [...factors[0].factor] : undefined;
}

/**
 * m from the elimination ideal (P + ⟨t − f⟩) ∩ Q[t]; `P` a Gröbner basis (any order) of a prime on
 * which f takes conjugate values only.
 */
export function valuePolynomialByElimination(f: QPoly, P: readonly QPoly[], deadline?: Deadline): bigint[] {
  const C = f.ring;
  const S = new PolynomialRing(QQ, [...C.vars, 't_']);
  const gens = [...P.map((g) => changeRing(g, S)), S.variable('t_').sub(changeRing(f, S))];
  const E = eliminate(gens, C.vars, { deadline });
  if (E.length === 0) throw new ComputationError('the polynomial takes infinitely many values on the prime');
  // The first irreducible factor: the only one when f takes conjugate values only.
  return [...factorUnivariate(toUnivariate(E[0], 0)).factors[0].factor];
}

/**
 * m read on one fibre of P (see the file header), or undefined when no fibre tried is
 * zero-dimensional or μ is not a power of one irreducible polynomial.
 */
export function valuePolynomialOnFibre(f: QPoly, P: readonly QPoly[], deadline?: Deadline): bigint[] | undefined {
  if (P.length === 0) return undefined;
  const C = f.ring;
  const U = largestIndependentSets(P, 1)[0] ?? [];
  for (let attempt = 0; attempt < FIBRES; attempt++) {
    deadline?.check();
    const F = trialFibre(C, P, U, attempt, deadline);
    if (F === undefined) continue;
    // Past the largest fibre read (`minimalPolynomialOnFibre`), the elimination is left to answer.
    const mu = minimalPolynomialOnFibre(f, F, deadline);
    return mu && onlyFactor(mu);
  }
  return undefined;
}

/**
 * The irreducible m ∈ Z[t] (primitive, ascending coefficients) with m(f) ∈ P, for f taking
 * conjugate values only on the prime P (a Gröbner basis in f's ring, any order): on a fibre when
 * one serves, else by elimination. Example: f = x·y on ⟨x² − 2, y − x⟩ gives [−2n, 1n] (t − 2);
 * f = x on ⟨x² − 2, y − z⟩ (two planes x = ±√2, prime over Q) gives [−2n, 0n, 1n] (t² − 2).
 */
export function valuePolynomialOnPrime(f: QPoly, P: readonly QPoly[], deadline?: Deadline): bigint[] {
  return valuePolynomialOnFibre(f, P, deadline) ?? valuePolynomialByElimination(f, P, deadline);
}
