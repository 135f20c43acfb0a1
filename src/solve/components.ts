/**
 * Describing a positive-dimensional irreducible component (a prime ideal P over Q): dimension,
 * degree, free (independent) variables, reduced Gröbner basis, a rational parametrization when the
 * component is rational over its free variables with degree 1, and sample points.
 *
 * Everything is computed in the canonical ring (variables in natural name order, degrevlex), so
 * the description does not depend on the caller's variable order. Sample points fix the free
 * variables at small integers (a fixed sequence, skipping values where the fibre degenerates) and
 * solve the zero-dimensional fibre exactly: a rational point when the fibre has one, real points
 * when it has some (a fibre proved to have none is passed over unsolved, `withoutRealPoints`);
 * each sample point lies on the component by construction, and rational ones are checked
 * against the input system exactly by the caller. Two proofs that the component has no real
 * point spare the search: an element of its basis without a real zero (even monomials, one sign,
 * `vanishesNowhereOnReals`: none searched), and a polynomial the caller knows to be constant on
 * it (the loss on a component of its critical set) that takes only non-real values there
 * (`takesNoRealValue`: the search stops at its first fibre). The description then says so, with
 * its proof (`realPoints: 'none'`, `noRealPoints`).
 */
import { QQ } from '../arithmetic/field';
import { Rational, rational } from '../arithmetic/rational';
import { ControlOptions, resolveControl } from '../control';
import { Deadline } from '../errors';
import { block, degrevlex } from '../monomials/order';
import { changeRing } from '../poly/change';
import { Polynomial, PolynomialRing } from '../poly/polynomial';
import { PolynomialData, polynomialToData } from '../poly/data';
import { groebner } from '../groebner/groebner';
import { groebnerWithLinearPart } from '../groebner/linear-substitution';
import { canonicalRing } from './canonical';
import { dimensionAndDegree } from './hilbert';
import { dimension, maximalIndependentSets, solutionCount } from '../groebner/ideal';
import { solveZeroDimensional } from './zero-dimensional';
import { QuotientAlgebra } from '../groebner/quotient';
import { minimalPolynomial, modularVariableMinimalPolynomial } from './radical';
import { countRealRoots } from './roots/real';
import { UPoly, uformat } from '../poly/univariate';
import { RationalPoint, RealPoint, SamplePoint } from './point-components';

export type { SamplePoint } from './point-components';

/**
 * A component described by its prime ideal: one of positive dimension, or the whole space (the
 * zero ideal, `basis` empty, dimension = number of variables — 0, one point, without variables).
 */
export interface PositiveDimensionalComponent {
  kind: 'variety';
  dimension: number;
  /** Degree of the component (points on a generic linear space of complementary dimension). */
  degree: number;
  /** A maximal independent set: the component is parametrized (algebraically) by these. */
  freeVariables: string[];
  /**
   * Reduced Gröbner basis of the prime ideal (canonical ring: the variables in natural name order,
   * degrevlex), as plain data so that the result survives structuredClone and JSON;
   * `polynomialsFromData(c.basis)` gives the polynomials.
   */
  basis: PolynomialData[];
  /** Dependent variables as rational functions of the free ones, when the component is rational that way. */
  parametrization?: Record<string, string>;
  samplePoints: SamplePoint[];
  /**
   * 'found': a real sample point is listed; 'none': the component has no real point, proved by
   * `noRealPoints`; 'none-found': no real point on the fibres tried, and it may still have some
   * elsewhere.
   */
  realPoints: 'found' | 'none' | 'none-found';
  /** With `realPoints: 'none'`, the proof (see `NoRealPointsProof`). */
  noRealPoints?: NoRealPointsProof;
}

/**
 * Why a component has no real point: an equation of its basis without a real zero (even
 * monomials, coefficients of one sign, a non-zero constant term: `vanishesNowhereOnReals`), or a
 * polynomial known to be constant on it (`constantOnComponents`, the loss in `critical`) whose
 * values there are roots of `values`, which has no real root (`takesNoRealValue`).
 */
export type NoRealPointsProof = { by: 'equation'; equation: string } | { by: 'value'; constant: string; values: string };

/** The fixed sequence of values tried for the free variables (k of them) at the given attempt. */
function trialValues(attempt: number, k: number): number[] {
  const base = [1, 2, -1, 3, -2, 5, 4, -3, 7, 6];
  return Array.from({ length: k }, (_, j) => base[(attempt + 3 * j) % base.length] + Math.floor((attempt + 3 * j) / base.length));
}

/**
 * The reduced basis of the fibre of G (a Gröbner basis in R) where its variables U (indices) take
 * the trial values of `attempt` (`trialValues`), when that fibre is zero-dimensional and not empty;
 * undefined otherwise. Sample points and the value of a polynomial on a component
 * (value-on-prime.ts) are read on these fibres.
 */
export function trialFibre(R: PolynomialRing<Rational>, G: readonly Polynomial<Rational>[], U: readonly number[], attempt: number, deadline?: Deadline): Polynomial<Rational>[] | undefined {
  return fibreAt(R, G, U, trialValues(attempt, U.length).map((v) => rational(BigInt(v))), deadline);
}

/** The reduced basis of the fibre of G where the variables U take `values`, when it is zero-dimensional and not empty. */
function fibreAt(R: PolynomialRing<Rational>, G: readonly Polynomial<Rational>[], U: readonly number[], values: readonly Rational[], deadline?: Deadline): Polynomial<Rational>[] | undefined {
  const F = groebnerWithLinearPart([...G, ...U.map((i, j) => R.variable(i).sub(R.constant(values[j])))], { deadline });
  return F.length > 0 && dimension(F) === 0 ? F : undefined;
}

/** A description of the prime P (given by any basis in any ring over the same variables; no generator or only zeros: the whole space). */
export function describeComponent(
  P: readonly Polynomial<Rational>[],
  vars: readonly string[],
  options: ControlOptions & {
    digits?: number;
    samples?: number;
    /** P is already the reduced Gröbner basis in the canonical ring (the decomposition's). */
    reduced?: boolean;
    /**
     * Polynomials known to be constant on the component (as `SolveOptions.constantOnComponents`):
     * when one takes only non-real values there, the component has no real point, and the search
     * for real sample points stops at its first fibre (see `takesNoRealValue`).
     */
    constantOnComponents?: readonly Polynomial<Rational>[];
  } = {},
): PositiveDimensionalComponent {
  options = resolveControl(options, 'describeComponent');
  const C = canonicalRing(QQ, vars);
  // The zero ideal (no generator, or only zeros) is prime: the whole space, of degree 1, every variable free.
  const whole = P.every((g) => g.isZero());
  const inC = P.map((g) => changeRing(g, C));
  const G = whole ? [] : options.reduced ? inC : groebner(inC, { deadline: options.deadline });
  const [dim, degree] = whole ? [C.nvars, 1] : dimensionAndDegree(G);
  const U = whole ? C.vars.map((_, i) => i) : maximalIndependentSets(G)[0];
  const free = U.map((i) => C.vars[i]);
  const dependent = C.vars.filter((v) => !free.includes(v));
  const fibreDegree = whole ? 1 : degreeOverFree(G, U);
  // Parametrization: the block basis (dependent ≫ free) is linear in each dependent variable. Then
  // P has degree 1 over K(U), and a fibre has at most one point, with multiplicity, outside a
  // proper closed set of values (where the family is not flat). A fibre of several points at the
  // values of `degreeOverFree` spares the block basis, the costliest basis of a large component
  // (32 s of 47 for the 3-dimensional one of 2-3-2-1 linear with biases and one λ, in vain).
  let parametrization: Record<string, string> | undefined;
  if (dependent.length > 0 && free.length > 0 && !(fibreDegree !== undefined && fibreDegree > 1)) {
    const B = new PolynomialRing(QQ, [...dependent, ...free], block([dependent.length, degrevlex], [free.length, degrevlex]));
    const GB = groebner(G.map((g) => changeRing(g, B)), { deadline: options.deadline, positiveDimension: true });
    parametrization = linearParametrization(GB, dependent.length);
  }
  const samplePoints: SamplePoint[] = [];
  const wanted = options.samples ?? 2;
  const digits = options.digits ?? 20;
  // The dependent variables, last first (see `withoutRealPoints`).
  const realTest = C.vars.flatMap((v, i) => (free.includes(v) ? [] : [i])).reverse();
  let solved = 0;
  const constants = (options.constantOnComponents ?? []).map((f) => changeRing(f, C));
  let valuesRead = constants.length === 0;
  // Without variables the whole space is one point, the empty tuple.
  if (C.nvars === 0) samplePoints.push({ kind: 'rational', real: true, approx: {}, rational: {} });
  // An element without a real zero: no real point, no search.
  const positive = G.find(vanishesNowhereOnReals);
  let proof: NoRealPointsProof | undefined = positive && { by: 'equation', equation: positive.toString() };
  for (let attempt = 0; proof === undefined && attempt < 20 && samplePoints.length < wanted && C.nvars > 0; attempt++) {
    options.deadline?.check();
    const F = trialFibre(C, G, U, attempt, options.deadline);
    if (F === undefined) continue;
    if (fibreDegree !== undefined && solutionCount(F) !== fibreDegree) continue; // a degenerate fibre
    if (!valuesRead) {
      valuesRead = true;
      for (const f of constants) {
        const values = nonRealValues(f, F, options.deadline);
        if (values) proof = { by: 'value', constant: f.toString(), values };
        if (proof) break;
      }
      if (proof) break;
    }
    // Only rational and real points are kept. Once a solved fibre gave none, a fibre proved to
    // have none is not solved (a component with real points usually gives one on its first fibre,
    // and is spared the tests).
    if (solved > 0 && samplePoints.length === 0 && withoutRealPoints(F, realTest, options.deadline)) continue;
    solved++;
    const comps = solveZeroDimensional(F, { digits, deadline: options.deadline, bases: false });
    // Prefer rational, then real points (non-real ones are not listed); one point per fibre for variety.
    const rationalPick = comps.flatMap((c) => c.points).find((p): p is RationalPoint => p.kind === 'rational');
    const realPick = comps.flatMap((c) => c.points.filter((p): p is RealPoint => p.kind === 'real').map((p) => ({ p, fibre: c.exact })))[0];
    if (rationalPick) samplePoints.push({ kind: 'rational', real: true, approx: rationalPick.approx, rational: rationalPick.rational });
    else if (realPick) {
      const { multiplicity: _m, ...point } = realPick.p;
      samplePoints.push({ ...point, fibre: realPick.fibre });
    }
  }
  return {
    kind: 'variety',
    dimension: dim,
    degree,
    freeVariables: free,
    basis: G.map(polynomialToData),
    ...(parametrization ? { parametrization } : {}),
    samplePoints,
    realPoints: samplePoints.some((p) => p.real) ? 'found' : proof ? 'none' : 'none-found',
    ...(proof ? { noRealPoints: proof } : {}),
  };
}

/**
 * True when the zero-dimensional ideal with Gröbner basis F over Q is proved to have no real
 * point: for one of the variables tried (indices, in turn), its minimal polynomial μ on Q[x]/F
 * (lifted from at most `TEST_PRIMES` primes and proved to lie in the ideal,
 * `modularVariableMinimalPolynomial`) has no real root, while that coordinate of a real point
 * would be one. False says nothing. A linear form with scattered coefficients would be real at a non-real
 * point only by accident, but its μ has the fibre's full degree and large coefficients: on the
 * network 2-2-2-1 with biases and one λ, one fibre's took 29 s to lift, where a variable's took a
 * few milliseconds. On that network, whose four positive-dimensional components have no real
 * point on any of their 20 trial fibres, the sample search went from 4.1 to 1.5 s.
 */
export function withoutRealPoints(F: readonly Polynomial<Rational>[], variables: readonly number[], deadline?: Deadline): boolean {
  const algebra = new QuotientAlgebra(F);
  return variables.some((i) => {
    const mu = modularVariableMinimalPolynomial(F, i, { deadline, algebra, maxPrimes: TEST_PRIMES });
    return mu !== undefined && countRealRoots(mu) === 0;
  });
}

/**
 * True when g has no real zero because it is a sum of even monomials with coefficients of one
 * sign and a non-zero constant term: then |g(x)| ≥ |g(0)| > 0 at every real x. A component with
 * such an element has no real point; on the 2-2-2-1 network with biases and one λ, the two
 * 1-dimensional components hold w4_0² + w4_1² + 601/400 and w4_0² + w4_1² + 201/400, and each
 * got 20 trial fibres in vain.
 */
export function vanishesNowhereOnReals(g: Polynomial<Rational>): boolean {
  const n = g.length;
  if (n === 0 || !g.monomials[n - 1].every((e) => e === 0)) return false; // no constant term (the smallest monomial)
  const negative = g.coefficients[n - 1].num < 0n;
  return g.monomials.every((m, k) => m.every((e, i) => i === 0 || e % 2 === 0) && g.coefficients[k].num < 0n === negative);
}

/**
 * True when f, constant on the component (prime over Q) of which F is a fibre (a Gröbner basis
 * over Q of a zero-dimensional ideal), is proved to take only non-real values on it: its minimal
 * polynomial μ on Q[x]/F has no real root. Then the component has no real point, f being real
 * at a real point. The proof: P is prime, so its components over C are conjugate, and f's values
 * on them, one per component, are the roots of one irreducible m ∈ Q[t]; the points of the fibre
 * lie on them, so μ's roots are roots of m, and μ having rational coefficients, they are all of
 * them (as in `value-on-prime.ts`). False says nothing (nor is it tried past `MAX_FIBRE` points).
 * On the 2-2-2-1 network with biases and one λ, whose two 2-dimensional components have no real
 * point on any of their 20 trial fibres, the loss takes there the roots of polynomials of degree
 * 2 and 12 without real roots: the search stops after one fibre instead of 20.
 */
export function takesNoRealValue(f: Polynomial<Rational>, F: readonly Polynomial<Rational>[], deadline?: Deadline): boolean {
  return nonRealValues(f, F, deadline) !== undefined;
}

/** The minimal polynomial μ of `takesNoRealValue` (in t, as text) when it proves f non-real on the component; undefined otherwise. */
function nonRealValues(f: Polynomial<Rational>, F: readonly Polynomial<Rational>[], deadline?: Deadline): string | undefined {
  const mu = minimalPolynomialOnFibre(f, F, deadline);
  return mu && countRealRoots(mu) === 0 ? uformat(QQ, mu, 't') : undefined;
}

/**
 * The minimal polynomial of f on Q[x]/F, F a fibre (a Gröbner basis over Q of a zero-dimensional
 * ideal), by `minimalPolynomial` (1, f, f², … reduced until dependent); undefined past
 * `MAX_FIBRE` points. The values of a polynomial constant on a component are read this way
 * (`takesNoRealValue`, and `value-on-prime.ts`).
 */
export function minimalPolynomialOnFibre(f: Polynomial<Rational>, F: readonly Polynomial<Rational>[], deadline?: Deadline): UPoly<Rational> | undefined {
  const algebra = new QuotientAlgebra(F);
  return algebra.dimension > MAX_FIBRE ? undefined : minimalPolynomial(algebra, f, deadline);
}

/**
 * The largest fibre (dimension of its quotient) on which `minimalPolynomialOnFibre` reads a
 * minimal polynomial: each Krylov step multiplies two polynomials of up to that many terms before
 * reducing.
 */
const MAX_FIBRE = 500;

/** The most primes a minimal polynomial of `withoutRealPoints` is lifted from before it gives up on it. */
const TEST_PRIMES = 16;

/** The number of points of a generic fibre (dim over K(U) of the quotient), or undefined if unknown. */
function degreeOverFree(G: readonly Polynomial<Rational>[], U: readonly number[]): number | undefined {
  try {
    const F = fibreAt(G[0].ring, G, U, U.map((_, j) => rational(BigInt(1000003 + 7919 * j))));
    return F && solutionCount(F);
  } catch {
    return undefined;
  }
}

/** x = −b(U)/a(U) for each dependent x, when every dependent variable has such a basis element. */
function linearParametrization(GB: readonly Polynomial<Rational>[], k: number): Record<string, string> | undefined {
  const B = GB[0].ring;
  const out: Record<string, string> = {};
  const F = new PolynomialRing(QQ, B.vars.slice(k));
  for (let i = 0; i < k; i++) {
    const g = GB.find((p) => p.monomials.every((m) => m.slice(1, k + 1).every((e, j) => (j === i ? e <= 1 : e === 0))) && p.degree(i) === 1);
    if (!g) return undefined;
    let a = B.zero();
    let b = B.zero();
    for (let t = 0; t < g.length; t++) {
      const m = g.monomials[t];
      const term = B.term(m, g.coefficients[t]);
      if (m[i + 1] === 1) {
        const r = m.slice();
        r[i + 1] = 0;
        r[0] -= 1;
        a = a.add(B.term(r, g.coefficients[t]));
      } else b = b.add(term);
    }
    const num = changeRing(b.neg(), F);
    const den = changeRing(a, F);
    out[B.vars[i]] = den.isOne() ? num.toString() : `(${num})/(${den})`;
  }
  return out;
}

