/**
 * The equidimensional part of an ideal over a largest independent set of variables: the first
 * half of Gianni–Trager–Zacharias (J. Symb. Comp. 6, 1988; Greuel–Pfister, A Singular
 * Introduction to Commutative Algebra, §4.3). The primes of the part come from
 * `eliminant-primes.ts`.
 *
 * Let U be an independent set of largest size d and X' the other variables. The reduced Gröbner
 * basis for a block order X' ≫ U is a Gröbner basis of I·K(U)[X']; with h the product of the
 * irreducible factors of its leading coefficients in K[U],
 *   I : h^∞ = (I·K(U)[X']) ∩ K[X],   V(I) = V(I : h^∞) ∪ V(I + ⟨h⟩),
 * and I : h^∞ is equidimensional of dimension d and zero-dimensional over K(U), of degree e (the
 * standard monomials in X' of the block basis). Two things keep this affordable. The block basis
 * can cost a thousand times more for one U than for another, so candidates race with a growing
 * time budget. And saturation needs an elimination order, so only the factors of h that are zero
 * divisors (decided with degrevlex bases, `saturation.ts`) are saturated away, smallest first and
 * one at a time, recomputing the block basis after each: its leading coefficients then shed the
 * factors only the removed components needed, often the largest ones.
 */
import { QQ } from '../arithmetic/field';
import { Rational } from '../arithmetic/rational';
import { AttemptDeadline, Deadline, TimeoutError } from '../errors';
import { Monomial } from '../monomials/monomial';
import { block, degrevlex } from '../monomials/order';
import { changeRing } from '../poly/change';
import { Polynomial, PolynomialRing } from '../poly/polynomial';
import { Factorizer, polynomialSize } from '../groebner/factor-cache';
import { groebner } from '../groebner/groebner';
import { dimension, isUnitIdeal, largestIndependentSets, monomialsOutside } from '../groebner/ideal';
import { PolynomialMap } from '../groebner/polynomial-map';
import { isNonZeroDivisor, saturation } from './saturation';

type QPoly = Polynomial<Rational>;

/** The block ring X' ≫ U (degrevlex in each block), the dependent variables X' first. */
export function blockRing(R: PolynomialRing<Rational>, U: readonly number[]): { B: PolynomialRing<Rational>; dependent: number } {
  const dep = R.vars.filter((_, i) => !U.includes(i));
  const ind = U.map((i) => R.vars[i]);
  const order = ind.length === 0 || dep.length === 0 ? degrevlex : block([dep.length, degrevlex], [ind.length, degrevlex]);
  return { B: new PolynomialRing(QQ, [...dep, ...ind], order), dependent: dep.length };
}

/** The leading coefficient of g with respect to the first `k` variables, as a polynomial in the others. */
function leadingCoefficientIn(g: QPoly, k: number): QPoly {
  const lead = g.lm();
  const monos: Monomial[] = [];
  const coeffs: Rational[] = [];
  for (let t = 0; t < g.length; t++) {
    const m = g.monomials[t];
    let same = true;
    for (let i = 1; i <= k && same; i++) same = m[i] === lead[i];
    if (!same) continue;
    const r = m.slice();
    for (let i = 1; i <= k; i++) {
      r[0] -= r[i];
      r[i] = 0;
    }
    monos.push(r);
    coeffs.push(g.coefficients[t]);
  }
  return g.ring.normalize(monos, coeffs);
}

/** dim over K(U) of K(U)[X']/I·K(U)[X'], from the leading monomials of a block basis (X' the first `dependent` variables). */
export function degreeOverIndependent(GB: readonly QPoly[], dependent: number): number {
  if (dependent === 0) return 1;
  const projections: Monomial[] = GB.map((g) => {
    const m = g.lm().slice(0, dependent + 1);
    m[0] = m.slice(1).reduce((a, b) => a + b, 0);
    return m;
  });
  return monomialsOutside(projections, dependent).length;
}

/** I : h^∞ (the part of V(I) where the independent set U stays independent) and the rest of V(I). */
export interface EquidimensionalPart {
  /** The independent set (variable indices, largest size). */
  U: number[];
  /** Reduced Gröbner basis of I : h^∞ in the ring of I. */
  saturated: QPoly[];
  /** The degree of I : h^∞ over K(U). */
  degree: number;
  /**
   * The factors f of h that were zero divisors (saturated away): V(I) = V(I : h^∞) ∪ ⋃ V(I + ⟨f⟩).
   * A factor that is no zero divisor lies in no associated prime, so no component of V(I) lies
   * on it and saturating by it changes nothing.
   */
  rest: QPoly[];
}

/**
 * A largest independent set U with the reduced basis of I for the block order X' ≫ U. The block
 * basis can cost a thousand times more for one U than for another, so the candidates (in
 * canonical order) are tried with a time budget that grows fourfold per round; the first to
 * finish is taken. The answer does not depend on the choice, only the time.
 */
function independentSetWithBlockBasis(G: readonly QPoly[], deadline?: Deadline): { U: number[]; GB: QPoly[] } {
  const R = G[0].ring;
  let candidates = largestIndependentSets(G, 8);
  for (let budget = 0.5; ; budget *= 4) {
    const slow: number[][] = [];
    for (const U of candidates) {
      const { B } = blockRing(R, U);
      const last = slow.length === 0 && U === candidates[candidates.length - 1];
      try {
        // The last candidate of a round with no other left runs without a budget.
        const limit = last ? deadline : new AttemptDeadline(budget, deadline);
        return { U, GB: groebner(G.map((g) => changeRing(g, B)), { deadline: limit, positiveDimension: true }) };
      } catch (e) {
        if (!(e instanceof TimeoutError) || last) throw e;
        deadline?.check();
        slow.push(U);
      }
    }
    candidates = slow;
  }
}

/** The irreducible factors (monic, in the ring of I) of the leading coefficients in K[U] of a block basis. */
function leadingFactors(GB: readonly QPoly[], dependent: number, R: PolynomialRing<Rational>, factorizer: Factorizer): QPoly[] {
  const distinct = new PolynomialMap<Rational, QPoly>();
  for (const g of GB) {
    const c = leadingCoefficientIn(g, dependent);
    if (c.isConstant()) continue;
    for (const { factor } of factorizer.factors(changeRing(c, R))) distinct.set(factor, factor);
  }
  return distinct.values().sort((a, b) => polynomialSize(a) - polynomialSize(b));
}

/**
 * The equidimensional part of the ideal with reduced (degrevlex) Gröbner basis G over a largest
 * independent set (U if given, else chosen). Only factors of h that are zero divisors are
 * saturated away, smallest first, one at a time: after each saturation the block basis is
 * recomputed, since its leading coefficients shed the factors that only the removed components
 * needed (often the largest ones). A factor found regular stays regular after saturating (the
 * associated primes only become fewer).
 */
export function equidimensionalPart(G: readonly QPoly[], factorizer: Factorizer, deadline?: Deadline, given?: number[]): EquidimensionalPart {
  if (G.length === 0 || isUnitIdeal(G)) return { U: [], saturated: [...G], degree: 0, rest: [] };
  const R = G[0].ring;
  if (given?.length === 0 || (given === undefined && dimension(G) === 0)) return { U: [], saturated: [...G], degree: degreeOverIndependent(G, R.nvars), rest: [] };
  const chosen = given === undefined ? independentSetWithBlockBasis(G, deadline) : undefined;
  const U = given ?? (chosen as { U: number[] }).U;
  const { B, dependent } = blockRing(R, U);
  let GB = chosen?.GB ?? groebner(G.map((g) => changeRing(g, B)), { deadline, positiveDimension: true });
  const degree = degreeOverIndependent(GB, dependent);
  const regular = new PolynomialMap<Rational, true>();
  const rest: QPoly[] = [];
  let J = [...G];
  for (;;) {
    const zeroDivisor = leadingFactors(GB, dependent, R, factorizer).find((f) => {
      if (regular.has(f)) return false;
      if (isNonZeroDivisor(J, f, { deadline })) {
        regular.set(f, true);
        return false;
      }
      return true;
    });
    if (zeroDivisor === undefined) return { U, saturated: J, degree, rest };
    J = saturation(J, zeroDivisor, { deadline });
    regular.set(zeroDivisor, true);
    rest.push(zeroDivisor);
    GB = groebner(J.map((g) => changeRing(g, B)), { deadline, positiveDimension: true });
  }
}

