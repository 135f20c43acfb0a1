/**
 * The primes of an ideal over a maximal independent set of variables, after Gianni–Trager–
 * Zacharias (J. Symb. Comp. 6, 1988; Greuel–Pfister, A Singular Introduction to Commutative
 * Algebra, §4.3).
 *
 * Let U be an independent set of largest size d and X' the other variables. The reduced Gröbner
 * basis for a block order X' ≫ U is a Gröbner basis of I·K(U)[X']; with h the product of the
 * irreducible factors of its leading coefficients in K[U],
 *   I : h^∞ = (I·K(U)[X']) ∩ K[X],   V(I) = V(I : h^∞) ∪ V(I + ⟨h⟩).
 * I : h^∞ is equidimensional of dimension d and zero-dimensional over K(U), of degree e (the
 * standard monomials in X' of the block basis). Its primes: when e = 1 it is prime; otherwise
 * they come from the irreducible factors Fₖ(U, T) of the generator of (J + ⟨T − t⟩) ∩ K[U, T]
 * for a separating linear form t in X' — each gives the prime (J + ⟨Fₖ(U, t)⟩) : h^∞ — after
 * making J radical over K(U) (Seidenberg's lemma over K(U)) when the degrees show it is not.
 * Every prime returned is a contraction of a maximal ideal of K(U)[X'], hence prime.
 */
import { QQ } from '../arithmetic/field';
import { Rational, rational } from '../arithmetic/rational';
import { ComputationError, Deadline, TimeoutError } from '../errors';
import { Monomial } from '../monomials/monomial';
import { block, degrevlex } from '../monomials/order';
import { changeRing } from '../poly/change';
import { Polynomial, PolynomialRing } from '../poly/polynomial';
import { eliminate } from '../groebner/eliminate';
import { Factorizer, polynomialSize } from '../groebner/factor-cache';
import { groebner } from '../groebner/groebner';
import { dimension, isUnitIdeal, largestIndependentSets, monomialsOutside } from '../groebner/ideal';
import { PolynomialMap } from '../groebner/polynomial-map';
import { isNonZeroDivisor, saturation } from './saturation';

type QPoly = Polynomial<Rational>;

/** The block ring X' ≫ U (degrevlex in each block). */
function blockRing(R: PolynomialRing<Rational>, U: readonly number[]): { B: PolynomialRing<Rational>; dependent: number } {
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

/** dim over K(U) of K(U)[X']/I·K(U)[X'], from the leading monomials of a block basis. */
function degreeOverIndependent(GB: readonly QPoly[], dependent: number): number {
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

/** A deadline that also honours an outer one (for a time-boxed attempt inside a computation). */
class AttemptDeadline extends Deadline {
  constructor(
    seconds: number,
    private readonly outer?: Deadline,
  ) {
    super(seconds, 'attempt');
  }

  override check(): void {
    this.outer?.check();
    super.check();
  }
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
        return { U, GB: groebner(G.map((g) => changeRing(g, B)), { deadline: limit }) };
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
  let GB = chosen?.GB ?? groebner(G.map((g) => changeRing(g, B)), { deadline });
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
    GB = groebner(J.map((g) => changeRing(g, B)), { deadline });
  }
}

function freshVariable(R: PolynomialRing<Rational>): string {
  let name = 'T_';
  while (R.hasVar(name)) name += '_';
  return name;
}

/** The generator of (J + ⟨T − t⟩) ∩ K[U, T] as a polynomial in the ring [vars…, T]. */
function eliminantOf(J: readonly QPoly[], t: QPoly, U: readonly number[], deadline?: Deadline): { F: QPoly; S: PolynomialRing<Rational> } {
  const R = J[0].ring;
  const T = freshVariable(R);
  const S = new PolynomialRing(QQ, [...R.vars, T]);
  const gens = [...J.map((g) => changeRing(g, S)), S.variable(T).sub(changeRing(t, S))];
  const dep = R.vars.filter((_, i) => !U.includes(i));
  const E = eliminate(gens, dep, { deadline });
  if (E.length === 0) throw new ComputationError('the eliminant vanishes (the ideal is not zero-dimensional over its independent set)');
  // The elimination ideal is principal (unmixed of height one in a factorial ring): its
  // reduced basis has one element.
  if (E.length !== 1) throw new ComputationError(`the eliminant ideal is not principal (${E.length} generators)`);
  return { F: changeRing(E[0], S), S };
}

/** Candidate separating forms in the dependent variables (canonical order first). */
function* separatingCandidates(R: PolynomialRing<Rational>, dependent: readonly number[]): Generator<QPoly> {
  for (const i of dependent) yield R.variable(i);
  for (let k = 2n; k < 50n; k++) {
    let w = 1n;
    let t = R.zero();
    for (const i of dependent) {
      t = t.add(R.variable(i).scale(rational(w)));
      w *= k;
    }
    yield t;
  }
}

/** F(vars, T) with T replaced by the polynomial t, back in the ring R. */
function substituteT(F: QPoly, S: PolynomialRing<Rational>, R: PolynomialRing<Rational>, t: QPoly): QPoly {
  const values = [...R.vars.map((v) => R.variable(v)), t];
  let acc = R.zero();
  for (let k = 0; k < F.length; k++) {
    const m = F.monomials[k];
    let term = R.constant(F.coefficients[k]);
    for (let i = 0; i < S.nvars; i++) if (m[i + 1] > 0) term = term.mul(values[i].pow(m[i + 1]));
    acc = acc.add(term);
  }
  return acc;
}

/**
 * The primes of an ideal J (reduced basis) that is equidimensional with U independent on every
 * component, of degree e over K(U). `order` lists the variables in the order separating forms
 * try them (the canonical order, so the choice does not depend on the caller's ring).
 */
export function primesOverIndependentSet(J0: readonly QPoly[], U: readonly number[], e: number, order: readonly number[], factorizer: Factorizer, deadline?: Deadline): QPoly[][] {
  const R = J0[0].ring;
  let J = [...J0];
  const dependent = order.filter((i) => !U.includes(i));
  if (dependent.length === 0 || e === 1) return [J];
  const contraction = (gens: QPoly[]): QPoly[] => {
    const G = groebner(gens, { deadline });
    return isUnitIdeal(G) ? G : equidimensionalPart(G, factorizer, deadline, [...U]).saturated;
  };
  let radicalDone = false;
  for (const t of separatingCandidates(R, dependent)) {
    deadline?.check();
    const { F, S } = eliminantOf(J, t, U, deadline);
    const T = S.nvars - 1;
    const inT = factorizer.factors(F).filter((x) => x.factor.degree(T) > 0);
    const s = inT.reduce((acc, x) => acc + x.factor.degree(T), 0);
    // t separates and J is radical over K(U): one prime per factor.
    if (s === e && inT.every((x) => x.multiplicity === 1)) return inT.map(({ factor }) => contraction([...J, substituteT(factor, S, R, t)]));
    if (radicalDone) continue;
    // Make J radical over K(U) (Seidenberg over K(U)), then try this and further forms again.
    radicalDone = true;
    const extra: QPoly[] = [];
    for (const i of dependent) {
      const { F: Fi, S: Si } = eliminantOf(J, R.variable(i), U, deadline);
      const parts = factorizer.factors(Fi).filter((x) => x.factor.degree(Si.nvars - 1) > 0);
      if (parts.some((x) => x.multiplicity > 1)) extra.push(substituteT(parts.reduce((a, x) => a.mul(x.factor), Si.one()), Si, R, R.variable(i)));
    }
    if (extra.length > 0) {
      J = contraction([...J, ...extra]);
      const { B, dependent: k } = blockRing(R, U);
      return primesOverIndependentSet(J, U, degreeOverIndependent(groebner(J.map((g) => changeRing(g, B)), { deadline }), k), order, factorizer, deadline);
    }
  }
  throw new ComputationError('no separating linear form found for an equidimensional component');
}
