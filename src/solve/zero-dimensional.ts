/**
 * Every complex solution of a zero-dimensional system over Q, grouped into irreducible
 * components over Q, each point exact and approximated.
 *
 * Pipeline: √I (Seidenberg) → rational univariate representation (separating form t, χ(T),
 * xᵢ = vᵢ(T)) → factorization of χ over Q: each irreducible factor q is one component, the
 * Galois orbit {(w₁(θ), …, wₙ(θ)) : q(θ) = 0} with wᵢ = vᵢ mod q. Multiplicities come from the
 * characteristic polynomial of M_t on K[x]/I, which is Π q^m over the components (Stickelberger);
 * they are all 1 when I is radical. Real points get certified decimals from exact isolating
 * intervals; complex points approximations with an error bound. The separating form is built on
 * the canonical (natural) order of the variable names, so the answer does not depend on the
 * order of the variables or equations.
 */
import { QQ } from '../arithmetic/field';
import { charpoly } from '../arithmetic/matrix';
import { Rational, rational, rationalToString } from '../arithmetic/rational';
import { Deadline } from '../errors';
import { changeRing } from '../poly/change';
import { Polynomial, PolynomialRing } from '../poly/polynomial';
import { UPoly, fromUnivariate, urem, utrim, udivmod } from '../poly/univariate';
import { factorUnivariate } from '../poly/factor';
import { groebner } from '../groebner/groebner';
import { canonicalRing, canonicalVariables } from './canonical';
import { QuotientAlgebra } from '../groebner/quotient';
import { zeroDimensionalRadical } from './radical';
import { linearForm, modularSeparatingForm, rationalUnivariateRepresentation } from './rur';
import { modularRUR } from './rur-modular';
import { complexCoordinates, decimal, rationalCoordinates, realCoordinates } from './points';
import { RootInterval, isolateRealRoots } from './roots/real';
import { complexRoots } from './roots/complex';

/** Components of higher degree report generators of their prime instead of its reduced basis. */
export const BASIS_DEGREE_LIMIT = 16;

/** One solution point. Coordinates are keyed by variable name. */
export interface SolutionPoint {
  real: boolean;
  /** Decimal approximations: certified for real points; for complex points `re+imi` text. */
  approx: Record<string, string>;
  /** Exact rational coordinates when the point is rational. */
  rational?: Record<string, string>;
  /** Real points: an exact box [lo, hi] per coordinate (as rational text). */
  box?: Record<string, [string, string]>;
  /** Complex points: real and imaginary parts and an upper bound of the approximation error. */
  re?: Record<string, string>;
  im?: Record<string, string>;
  errorBound?: number;
  multiplicity: number;
}

/**
 * Exact data of a real point, kept beside the JSON-friendly `SolutionPoint` (a side table, so it
 * never shows in printed output): the point is (w₁(θ), …, wₙ(θ)) in the ring's variable order
 * for the root θ of the irreducible χ in `interval` (for a rational point χ is linear).
 */
export interface ExactRealPoint {
  vars: readonly string[];
  chi: bigint[];
  interval: RootInterval;
  coordinates: UPoly<Rational>[];
}

/** Exact data of the real points returned by `solveZeroDimensional`. */
export const exactRealPoints = new WeakMap<object, ExactRealPoint>();

/** The exact description of a zero-dimensional irreducible component. */
export interface AlgebraicDescription {
  /** The separating linear form t as text in the variables. */
  separatingForm: string;
  /** The minimal polynomial of t on the component, in T (primitive, integer coefficients). */
  minimalPolynomial: string;
  /** xᵢ as polynomials in T (reduced modulo the minimal polynomial). */
  coordinates: Record<string, string>;
}

export interface ZeroDimensionalComponent {
  kind: 'points';
  dimension: 0;
  /** Number of points (the degree of the minimal polynomial). */
  degree: number;
  /** Multiplicity of each point of the component in the input system. */
  multiplicity: number;
  /**
   * The component's prime ideal in the canonical ring: its reduced degrevlex Gröbner basis, or
   * for components of degree above `BASIS_DEGREE_LIMIT` the generators ⟨q(t), xᵢ − wᵢ(t)⟩
   * (`basisIsGroebner` says which).
   */
  basis: Polynomial<Rational>[];
  basisIsGroebner: boolean;
  exact: AlgebraicDescription;
  realPoints: number;
  points: SolutionPoint[];
}

export interface ZeroDimensionalOptions {
  /** Significant digits of the decimals (default 20). */
  digits?: number;
  deadline?: Deadline;
  /** Compute each component's reduced Gröbner basis (default true; sample points skip it). */
  bases?: boolean;
}

/** The multiplicity of the factor q in p (p, q ascending coefficient lists over Q). */
function multiplicityIn(p: UPoly<Rational>, q: UPoly<Rational>): number {
  let m = 0;
  let r = p;
  for (;;) {
    const [quo, rem] = udivmod(QQ, r, q);
    if (rem.length !== 0) return m;
    m++;
    r = quo;
  }
}

/**
 * The components of the zero-dimensional ideal with Gröbner basis G (any order) over Q.
 * Components are sorted by degree, then by their minimal polynomial's text.
 */
export function solveZeroDimensional(G: readonly Polynomial<Rational>[], options: ZeroDimensionalOptions = {}): ZeroDimensionalComponent[] {
  const digits = options.digits ?? 20;
  const R = G[0].ring;
  const canonical = canonicalVariables(R.vars);
  const order = canonical.map((v) => R.varIndex(v));
  // Usually the ideal is radical, which a computation modulo a prime certifies together with a
  // separating form; otherwise compute the radical exactly and search for a form over Q.
  const certified = modularSeparatingForm(G, order);
  const radical = certified ? [...G] : zeroDimensionalRadical(G, { deadline: options.deadline });
  const A = new QuotientAlgebra(G);
  // With a certified form the RUR is lifted from computations modulo primes; otherwise (or if
  // the lift does not settle) it is computed exactly over Q.
  const rur =
    (certified ? modularRUR(A, certified, options.deadline) : undefined) ??
    rationalUnivariateRepresentation(radical, order, options.deadline, certified);
  // Multiplicities: charpoly of M_t on K[x]/I (only needed when I is not radical).
  let chiFull: UPoly<Rational> | undefined;
  if (A.dimension !== rur.minimalPolynomial.length - 1) {
    const t = linearForm(R, rur.separatingForm);
    chiFull = charpoly(QQ, A.multiplicationMatrix(t));
  }
  const C = canonicalRing(QQ, R.vars);
  const T = new PolynomialRing(QQ, ['T']);
  const tForm = linearForm(R, rur.separatingForm);
  const factors = factorUnivariate(rur.minimalPolynomial).factors;
  const components: ZeroDimensionalComponent[] = factors.map(({ factor }) => {
    options.deadline?.check();
    const q: UPoly<Rational> = factor.map((c) => rational(c));
    const ws = rur.coordinates.map((v) => utrim(QQ, urem(QQ, v, q)));
    const multiplicity = chiFull ? multiplicityIn(chiFull, q) : 1;
    const degree = q.length - 1;
    const points: SolutionPoint[] = [];
    if (degree === 1) {
      const theta = QQ.div(QQ.neg(q[0]), q[1]);
      const coords = rationalCoordinates(theta, ws);
      const point: SolutionPoint = {
        real: true,
        approx: Object.fromEntries(canonical.map((v) => [v, decimal(coords[R.varIndex(v)], digits)])),
        rational: Object.fromEntries(canonical.map((v) => [v, rationalToString(coords[R.varIndex(v)])])),
        multiplicity,
      };
      exactRealPoints.set(point, { vars: R.vars, chi: factor, interval: { lo: theta, hi: theta }, coordinates: coords.map((c) => utrim(QQ, [c])) });
      points.push(point);
    } else {
      for (const iv of isolateRealRoots(factor)) {
        const rc = realCoordinates(factor, iv, ws, digits);
        const point: SolutionPoint = {
          real: true,
          approx: Object.fromEntries(canonical.map((v) => [v, rc.decimals[R.varIndex(v)]])),
          box: Object.fromEntries(canonical.map((v) => [v, [rationalToString(rc.boxes[R.varIndex(v)].lo), rationalToString(rc.boxes[R.varIndex(v)].hi)]])),
          multiplicity,
        };
        exactRealPoints.set(point, { vars: R.vars, chi: factor, interval: rc.theta, coordinates: ws });
        points.push(point);
      }
      for (const root of complexRoots(factor, { digits: digits + 10 })) {
        if (root.real) continue;
        const cc = complexCoordinates(root, ws, digits);
        points.push({
          real: false,
          approx: Object.fromEntries(canonical.map((v) => [v, complexText(cc[R.varIndex(v)].re, cc[R.varIndex(v)].im)])),
          re: Object.fromEntries(canonical.map((v) => [v, cc[R.varIndex(v)].re])),
          im: Object.fromEntries(canonical.map((v) => [v, cc[R.varIndex(v)].im])),
          errorBound: Math.max(...cc.map((c) => c.errorBound)),
          multiplicity,
        });
      }
    }
    // The prime ideal ⟨q(t), xᵢ − wᵢ(t)⟩, as a reduced basis in the canonical ring.
    const gens = [polyInForm(R, q, tForm), ...R.vars.map((_, i) => R.variable(i).sub(polyInForm(R, ws[i], tForm)))];
    // The reduced basis of a component of high degree has enormous coefficients and adds nothing
    // to the exact description: past BASIS_DEGREE_LIMIT the generators themselves are given.
    const canonicalGens = gens.map((g) => changeRing(g, C));
    const reduced = options.bases !== false && degree <= BASIS_DEGREE_LIMIT;
    const basis = options.bases === false ? [] : reduced ? groebner(canonicalGens, { deadline: options.deadline }) : canonicalGens;
    return {
      kind: 'points' as const,
      dimension: 0 as const,
      degree,
      multiplicity,
      basis,
      basisIsGroebner: reduced,
      exact: {
        separatingForm: changeRing(tForm, C).toString(),
        minimalPolynomial: fromUnivariate(T, 0, q).toString(),
        coordinates: Object.fromEntries(canonical.map((v) => [v, fromUnivariate(T, 0, ws[R.varIndex(v)]).toString()])),
      },
      realPoints: points.filter((p) => p.real).length,
      points: sortPoints(points, canonical),
    };
  });
  return components.sort((a, b) => a.degree - b.degree || compareText(a.exact.minimalPolynomial, b.exact.minimalPolynomial));
}

function complexText(re: string, im: string): string {
  return im.startsWith('-') ? `${re}-${im.slice(1)}i` : `${re}+${im}i`;
}

function compareText(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}


/** q(t) for a univariate q and a polynomial t, by Horner. */
function polyInForm(R: PolynomialRing<Rational>, q: UPoly<Rational>, t: Polynomial<Rational>): Polynomial<Rational> {
  let acc = R.zero();
  for (let k = q.length - 1; k >= 0; k--) acc = acc.mul(t).add(R.constant(q[k]));
  return acc;
}

/** Real points first, by their coordinates in canonical variable order; then complex points. */
function sortPoints(points: SolutionPoint[], canonical: readonly string[]): SolutionPoint[] {
  const key = (p: SolutionPoint): number[] =>
    canonical.flatMap((v) => (p.real ? [Number(p.approx[v])] : [Number(p.re?.[v]), Number(p.im?.[v])]));
  return points.sort((a, b) => {
    if (a.real !== b.real) return a.real ? -1 : 1;
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i] - kb[i];
    return 0;
  });
}
