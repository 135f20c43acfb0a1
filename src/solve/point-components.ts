/**
 * A finite irreducible component over Q — one Galois orbit of points — described from its
 * parametrization: q(T) irreducible, and xᵢ = uᵢ(θ)/d(θ) at the roots θ of q.
 *
 * Components of degree ≤ BASIS_DEGREE_LIMIT are described by polynomials xᵢ = wᵢ(θ) (d = 1);
 * larger ones keep d = q′, whose numerators are far shorter (Dahan–Schost 2004).
 *
 * Exact forms stay forms: a component's exact description is this parametrization (also as
 * coefficient lists, so copies and JSON keep it: `parametrizationOf`), and a real point's is the
 * isolating interval of its θ (`RealPoint.theta`), plain data in the point itself. Its prime ideal in the
 * original variables, ⟨q(t), d(t)·xᵢ − nᵢ(t)⟩, means expanding powers of the form t, which
 * explodes when t involves many variables (a 16th power of a form in 8 variables has ~700,000
 * terms): it is written out only on request (`bases`, `componentIdeal`) and when a size estimate
 * says it is small. Real points first: real points get certified decimals from exact isolating
 * intervals; non-real ones are counted (degree − real roots) and listed — approximations with an
 * error bound below 10^−digits of their size — only on request (`complex`, or later per
 * component with `listComplexPoints`).
 */
import { QQ } from '../arithmetic/field';
import { Rational, parseRational, rational, rationalToString } from '../arithmetic/rational';
import { Deadline } from '../errors';
import { ControlOptions, phase, progressOf, resolveControl } from '../control';
import { changeRing } from '../poly/change';
import { Polynomial, PolynomialRing } from '../poly/polynomial';
import { PolynomialData, polynomialToData, polynomialsFromData } from '../poly/data';
import { quotientsModulo } from '../poly/quotients-modulo';
import { UPoly, fromUnivariate, uderivative, udivmod, umul, urem, utrim, uxgcd } from '../poly/univariate';
import { groebner } from '../groebner/groebner';
import { fglm } from '../groebner/fglm';
import { lex } from '../monomials/order';
import { canonicalRing } from './canonical';
import { linearForm } from '../poly/linear-form';
import { ParametrizedSolutions, knownRealRoots } from './rur-modular';
import { ComplexCoordinate, complexCoordinates, decimal, gaussianValue, log2Decimal, rationalCoordinates, realCoordinates } from './points';
import { RootInterval, isolateRealRoots } from './roots/real';
import { ComplexRoot, nonRealComplexRoots } from './roots/complex';

/** Components of higher degree report generators of their prime instead of its reduced basis. */
export const BASIS_DEGREE_LIMIT = 16;

/**
 * One solution point, coordinates keyed by variable name: a discriminated union on `kind`, each
 * kind holding its exact description as plain data (rationals as text, so that a copy — a
 * spread, `structuredClone`, JSON, a message to a worker thread — keeps everything):
 * - `rational`: the exact coordinates;
 * - `real`: the isolating interval `theta` of the root θ of its component's minimal polynomial at
 *   this point, which with the component's parametrization (`exact`) is the point exactly;
 * - `complex`: a non-real point, approximated with an error bound (its exact description is the
 *   component's: the non-real roots of the minimal polynomial).
 * `real` says whether the point is real (kept beside `kind` for readers of older output).
 */
export type SolutionPoint = RationalPoint | RealPoint | ComplexPoint;

/** A rational point (the one point of a component of degree 1). */
export interface RationalPoint {
  kind: 'rational';
  real: true;
  /** Exact coordinates as rational text ("-1/8"). */
  rational: Record<string, string>;
  /** Decimal approximations, correct to the digits asked. */
  approx: Record<string, string>;
  multiplicity: number;
}

/** A real point with an irrational coordinate. */
export interface RealPoint {
  kind: 'real';
  real: true;
  /** Certified decimals (each within the exact `box`). */
  approx: Record<string, string>;
  /** An exact box [lo, hi] per coordinate (as rational text). */
  box: Record<string, [string, string]>;
  /**
   * An isolating interval [lo, hi] (rational text) of the real root θ of the component's minimal
   * polynomial that gives this point: xᵢ = uᵢ(θ)/d(θ) with the component's `exact` data.
   */
  theta: { lo: string; hi: string };
  multiplicity: number;
}

/** A non-real point, listed on request (`complex`). */
export interface ComplexPoint {
  kind: 'complex';
  real: false;
  /** `re+imi` text per coordinate. */
  approx: Record<string, string>;
  /** Real and imaginary parts and an upper bound of the approximation error. */
  re: Record<string, string>;
  im: Record<string, string>;
  errorBound: number;
  /** log₂ of the error bound, exact where `errorBound` has reached the smallest double (past ~300 digits). */
  log2ErrorBound: number;
  multiplicity: number;
}

/**
 * Exact data of a real point for computing with it (built from a point and its component's
 * parametrization by `exactRealPoint`, never stored): the point is (w₁(θ), …, wₙ(θ)) in the order
 * of `vars` for the root θ of the irreducible χ in `interval` (for a rational point χ is linear).
 */
export interface ExactRealPoint {
  vars: readonly string[];
  chi: readonly bigint[];
  interval: RootInterval;
  coordinates: UPoly<Rational>[];
}

/** The exact description of a zero-dimensional irreducible component. */
export interface AlgebraicDescription {
  /** The separating linear form t as text in the variables. */
  separatingForm: string;
  /** The minimal polynomial of t on the component, in T (primitive, integer coefficients). */
  minimalPolynomial: string;
  /**
   * xᵢ = coordinates[xᵢ](T) / denominator(T) at the roots T of the minimal polynomial. Components
   * of degree up to `BASIS_DEGREE_LIMIT` have denominator 1 (polynomials reduced modulo the
   * minimal polynomial); larger ones the minimal polynomial's derivative, which keeps the
   * numerators' coefficients about as long as the minimal polynomial's.
   */
  coordinates: Record<string, string>;
  denominator: string;
  /**
   * The same data as coefficient lists (ascending; integers and fractions as decimal text), for
   * programs: the form's coefficients in the canonical variable order, the minimal polynomial's,
   * each coordinate's numerator, and the denominator's (empty for 1).
   */
  coefficients: { form: string[]; minimalPolynomial: string[]; coordinates: Record<string, string[]>; denominator: string[] };
}

export interface ZeroDimensionalComponent {
  kind: 'points';
  dimension: 0;
  /** Number of points (the degree of the minimal polynomial). */
  degree: number;
  /** Multiplicity of each point of the component in the input system. */
  multiplicity: number;
  exact: AlgebraicDescription;
  /** Number of real points (all listed in `points`, first). */
  realPoints: number;
  /** Number of non-real points: degree − realPoints. */
  nonRealPoints: number;
  /** Whether the non-real points are only counted or also listed in `points`. */
  complexPoints: 'counted' | 'listed';
  points: SolutionPoint[];
  /**
   * The component's prime ideal in the canonical ring, present when it was known without
   * expanding the form (isolated points found by the decomposition) or asked for (`bases: true`)
   * and small: its reduced degrevlex Gröbner basis, or for components of degree above
   * `BASIS_DEGREE_LIMIT` the generators ⟨q(t), d(t)·xᵢ − nᵢ(t)⟩ (`basisIsGroebner` says which).
   * Plain data (`poly/data.ts`): `polynomialsFromData(c.basis)` gives the polynomials, and
   * `componentIdeal(c)` gives them whether stored or not.
   */
  basis?: PolynomialData[];
  basisIsGroebner?: boolean;
}

/** What the description of components needs from the caller. */
export interface PointOptions extends ControlOptions {
  /** Significant digits of the decimals (default 20). */
  digits?: number;
  /** Write each component's prime ideal in the variables when small (see `componentIdeal`). */
  bases?: boolean;
  /** List the non-real points with their approximations (default false: counted only). */
  complex?: boolean;
  /** Receives each component as soon as it is finished (before the sorted list is returned). */
  onComponent?: (component: ZeroDimensionalComponent) => void;
}

/** Expanding q(t) for a form t is skipped above this many terms (a size estimate, not a count). */
export const MAX_EXPANSION_TERMS = 20000;

/**
 * The exact data of a component for computing with it, read from its `exact` description
 * (`parametrizationOf`): the canonical ring, the separating form, q, and xᵢ = nums[i](θ)/den(θ).
 */
export interface ComponentParametrizationData {
  ring: PolynomialRing<Rational>;
  separatingForm: readonly bigint[];
  /** q: irreducible, primitive integer coefficients, ascending. */
  minimalPolynomial: readonly bigint[];
  numerators: readonly UPoly<Rational>[];
  /** The common denominator (q′ for large components), undefined for 1. */
  denominator?: UPoly<Rational>;
}

/** Exact data of the components returned by `solveZeroDimensional` (a cache: `exact` holds the same). */
const parametrizations = new WeakMap<object, ComponentParametrizationData>();

/**
 * The exact data of a finite component, read from its `exact.coefficients` (so a copy of a
 * component, one read back from JSON, or a critical component works as well as the original).
 */
export function parametrizationOf(c: { exact: AlgebraicDescription }): ComponentParametrizationData {
  const known = parametrizations.get(c);
  if (known) return known;
  const k = c.exact.coefficients;
  const vars = Object.keys(k.coordinates);
  const ring = canonicalRing(QQ, vars);
  const data: ComponentParametrizationData = {
    ring,
    separatingForm: k.form.map((x) => BigInt(x)),
    minimalPolynomial: k.minimalPolynomial.map((x) => BigInt(x)),
    numerators: ring.vars.map((v) => k.coordinates[v].map(parseRational)),
    ...(k.denominator.length > 0 ? { denominator: k.denominator.map(parseRational) } : {}),
  };
  parametrizations.set(c, data);
  return data;
}

/** wᵢ = uᵢ/d mod q: a component's coordinates as polynomials in θ (cached per data object). */
export function coordinatePolynomials(data: ComponentParametrizationData): UPoly<Rational>[] {
  let w = polynomialForms.get(data);
  if (!w) {
    w = data.denominator ? dividedByDerivative(data.minimalPolynomial.map((c) => rational(c)), data.numerators) : [...data.numerators];
    polynomialForms.set(data, w);
  }
  return w;
}
const polynomialForms = new WeakMap<ComponentParametrizationData, UPoly<Rational>[]>();

/**
 * θ at a real point of the component with parametrization `data`: its isolating interval (lo = hi
 * at a rational point, where θ is the separating form at the coordinates).
 */
export function thetaInterval(point: RationalPoint | RealPoint, data: ComponentParametrizationData): RootInterval {
  if (point.kind === 'real') return { lo: parseRational(point.theta.lo), hi: parseRational(point.theta.hi) };
  let theta = QQ.zero;
  data.ring.vars.forEach((v, i) => {
    if (data.separatingForm[i] !== 0n) theta = QQ.add(theta, QQ.mul(rational(data.separatingForm[i]), parseRational(point.rational[v])));
  });
  return { lo: theta, hi: theta };
}

/** The exact data of a real point of the component with parametrization `data` (its coordinates' polynomials computed on first use). */
export function exactRealPoint(point: RationalPoint | RealPoint, data: ComponentParametrizationData): ExactRealPoint {
  return {
    vars: data.ring.vars,
    chi: data.minimalPolynomial,
    interval: thetaInterval(point, data),
    get coordinates() {
      return coordinatePolynomials(data);
    },
  };
}

/**
 * A sample point of a component of positive dimension, holding its exact description as plain
 * data (a copy keeps it): a rational point's coordinates, or a real point's isolating interval
 * `theta` of the root of the minimal polynomial of its fibre's component, whose exact
 * parametrization is `fibre` (`parametrizationOf({ exact: fibre })`). `real` is kept beside
 * `kind` for readers of older output.
 */
export type SamplePoint = Omit<RationalPoint, 'multiplicity'> | (Omit<RealPoint, 'multiplicity'> & { fibre: AlgebraicDescription });

/** The exact data of a real sample point, for computing with it. */
export function exactSamplePoint(p: SamplePoint): ExactRealPoint {
  if (p.kind === 'rational') {
    // θ = 0, the root of T; the coordinates are constants.
    const vars = Object.keys(p.rational);
    return { vars, chi: [0n, 1n], interval: { lo: rational(0n), hi: rational(0n) }, coordinates: vars.map((v) => utrim(QQ, [parseRational(p.rational[v])])) };
  }
  return exactRealPoint({ ...p, multiplicity: 1 }, parametrizationOf({ exact: p.fibre }));
}

/** The multiplicity of the factor q in p (p, q ascending coefficient lists over Q). */
export function multiplicityIn(p: UPoly<Rational>, q: UPoly<Rational>): number {
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
 * The components of a parametrized finite set: per factor q of χ, the points (real ones with
 * certified decimals, non-real ones counted or, with `complex`, listed), the exact description,
 * the multiplicity (`multiplicities[k]` for the k-th component when the ideal is not radical,
 * else 1) and on request the prime ideal. Components are sorted by degree, then by their
 * minimal polynomial's text; each is passed to `onComponent` as soon as it is finished.
 */
export function describeComponents(R: PolynomialRing<Rational>, solutions: ParametrizedSolutions, multiplicities: readonly number[] | undefined, options: PointOptions = {}): ZeroDimensionalComponent[] {
  const digits = options.digits ?? 20;
  const deadline = options.deadline;
  const onProgress = progressOf(options);
  const canonical = R.vars;
  const tForm = linearForm(R, solutions.separatingForm);
  const T = new PolynomialRing(QQ, ['T']);
  const components: ZeroDimensionalComponent[] = solutions.components.map(({ minimalPolynomial: factor, numerators }, index, all) => {
    deadline?.check();
    if (factor.length > 2) onProgress?.(phase(`component ${index + 1} of ${all.length}: ${factor.length - 1} points`));
    const q: UPoly<Rational> = factor.map((c) => rational(c));
    const degree = q.length - 1;
    const multiplicity = multiplicities?.[index] ?? 1;
    // Small components are described by polynomials xᵢ = wᵢ(θ); large ones keep the derivative
    // as denominator, xᵢ = uᵢ(θ)/q′(θ), whose coefficients are far shorter.
    const small = degree <= BASIS_DEGREE_LIMIT;
    const nums = small ? dividedByDerivative(q, numerators) : numerators;
    const den = small ? undefined : uderivative(QQ, q);
    const points: SolutionPoint[] = [];
    if (degree === 1) {
      const theta = QQ.div(QQ.neg(q[0]), q[1]);
      const coords = rationalCoordinates(theta, nums);
      points.push({
        kind: 'rational',
        real: true,
        approx: Object.fromEntries(canonical.map((v, i) => [v, decimal(coords[i], digits)])),
        rational: Object.fromEntries(canonical.map((v, i) => [v, rationalToString(coords[i])])),
        multiplicity,
      });
    } else {
      let bits = 0;
      for (const iv of knownRealRoots(solutions, index) ?? isolateRealRoots(factor, { irreducible: true })) {
        deadline?.check();
        const rc = realCoordinates(factor, iv, nums, digits, den, bits);
        bits = rc.bits;
        points.push({
          kind: 'real',
          real: true,
          approx: Object.fromEntries(canonical.map((v, i) => [v, rc.decimals[i]])),
          box: Object.fromEntries(canonical.map((v, i) => [v, [rationalToString(rc.boxes[i].lo), rationalToString(rc.boxes[i].hi)]])),
          theta: { lo: rationalToString(rc.theta.lo), hi: rationalToString(rc.theta.hi) },
          multiplicity,
        });
      }
    }
    const sorted = sortPoints(points, canonical);
    const data: ComponentParametrizationData = {
      ring: R,
      separatingForm: solutions.separatingForm,
      minimalPolynomial: factor,
      numerators: nums,
      ...(den ? { denominator: den } : {}),
    };
    const component: ZeroDimensionalComponent = {
      kind: 'points' as const,
      dimension: 0 as const,
      degree,
      multiplicity,
      exact: {
        separatingForm: tForm.toString(),
        minimalPolynomial: fromUnivariate(T, 0, q).toString(),
        coordinates: Object.fromEntries(canonical.map((v, i) => [v, fromUnivariate(T, 0, nums[i]).toString()])),
        denominator: den ? fromUnivariate(T, 0, den).toString() : '1',
        coefficients: {
          form: solutions.separatingForm.map(String),
          minimalPolynomial: factor.map(String),
          coordinates: Object.fromEntries(canonical.map((v, i) => [v, nums[i].map(rationalToString)])),
          denominator: den ? den.map(rationalToString) : [],
        },
      },
      realPoints: points.length,
      nonRealPoints: degree - points.length,
      complexPoints: 'counted',
      points: sorted,
    };
    parametrizations.set(component, data);
    if (options.complex) listComplexPoints(component, { digits, deadline });
    if (options.bases) {
      const ideal = componentIdeal(component, { deadline });
      if (ideal) {
        component.basis = ideal.basis.map(polynomialToData);
        component.basisIsGroebner = ideal.isGroebner;
      }
    }
    options.onComponent?.(component);
    return component;
  });
  return components.sort((a, b) => a.degree - b.degree || compareText(a.exact.minimalPolynomial, b.exact.minimalPolynomial));
}

/**
 * Lists the non-real points of a component returned by `solve` (in place: they are
 * appended to `points` after the real ones and `complexPoints` becomes 'listed'); returns them.
 * Each coordinate is within 10^−digits of its modulus (digits default 20).
 */
export function listComplexPoints(c: ZeroDimensionalComponent, options: ControlOptions & { digits?: number } = {}): ComplexPoint[] {
  options = resolveControl(options, 'listComplexPoints');
  if (c.complexPoints === 'listed') return c.points.filter((p): p is ComplexPoint => p.kind === 'complex');
  const data = parametrizationOf(c);
  const digits = options.digits ?? 20;
  const canonical = data.ring.vars;
  const listed: ComplexPoint[] = [];
  if (c.nonRealPoints > 0) {
    const realRoots = isolateRealRoots(data.minimalPolynomial, { irreducible: true });
    for (const cc of complexPoints(data.minimalPolynomial, realRoots, data.numerators, data.denominator, digits, options.deadline)) {
      listed.push({
        kind: 'complex',
        real: false,
        approx: Object.fromEntries(canonical.map((v, i) => [v, complexText(cc[i].re, cc[i].im)])),
        re: Object.fromEntries(canonical.map((v, i) => [v, cc[i].re])),
        im: Object.fromEntries(canonical.map((v, i) => [v, cc[i].im])),
        errorBound: Math.max(...cc.map((x) => x.errorBound)),
        log2ErrorBound: Math.max(...cc.map((x) => x.log2ErrorBound)),
        multiplicity: c.multiplicity,
      });
    }
  }
  c.points = [...c.points.filter((p) => p.real), ...sortPoints<SolutionPoint>(listed, canonical)];
  c.complexPoints = 'listed';
  return listed;
}

/** An estimate of the number of terms of q(t) expanded, t a form in k variables, deg q = D: C(D + k, k). */
function expansionTerms(D: number, k: number): number {
  let terms = 1;
  for (let i = 1; i <= k; i++) terms = (terms * (D + i)) / i;
  return terms;
}

/**
 * The prime ideal of a component in the canonical ring: ⟨q(t), d(t)·xᵢ − nᵢ(t)⟩ (d = 1 or q′,
 * invertible modulo q), as a reduced basis for components of degree ≤ BASIS_DEGREE_LIMIT. The
 * reduced basis of a component of high degree has enormous coefficients and adds nothing to the
 * exact description: there the generators are given. Undefined when expanding the form would
 * exceed `MAX_EXPANSION_TERMS` terms (the exact description is the parametrization).
 */
export function componentIdeal(c: ZeroDimensionalComponent, options: ControlOptions = {}): { basis: Polynomial<Rational>[]; isGroebner: boolean } | undefined {
  options = resolveControl(options, 'componentIdeal');
  if (c.basis) return { basis: polynomialsFromData(c.basis), isGroebner: c.basisIsGroebner ?? false };
  const data = parametrizationOf(c);
  const R = data.ring;
  const k = data.separatingForm.filter((x) => x !== 0n).length;
  if (k > 1 && expansionTerms(c.degree, k) > MAX_EXPANSION_TERMS) return undefined;
  const tForm = linearForm(R, data.separatingForm);
  const q = data.minimalPolynomial.map((x) => rational(x));
  const d = data.denominator ? polyInForm(R, data.denominator, tForm, options.deadline) : R.one();
  const gens = [polyInForm(R, q, tForm, options.deadline), ...R.vars.map((_, i) => d.mul(R.variable(i)).sub(polyInForm(R, data.numerators[i], tForm, options.deadline)))];
  if (c.degree > BASIS_DEGREE_LIMIT) return { basis: gens, isGroebner: false };
  return { basis: primeBasis(R, gens, data.separatingForm, options.deadline), isGroebner: true };
}

/**
 * The coordinates of the non-real points of a component, each within 10^−digits of its modulus.
 * The error of a coordinate is the root's radius amplified by the coordinate polynomial's
 * derivative, which is large when its coefficients are: the roots are recomputed with as many
 * more digits as the first error bounds say are missing.
 */
function complexPoints(
  q: readonly bigint[],
  thetas: readonly RootInterval[],
  nums: readonly UPoly<Rational>[],
  den: UPoly<Rational> | undefined,
  digits: number,
  deadline?: Deadline,
): ComplexCoordinate[][] {
  let extra = 10;
  let previous: ComplexRoot[] | undefined;
  for (let attempt = 0; ; attempt++) {
    const roots = nonRealComplexRoots(q, thetas, { digits: digits + extra, deadline, previous });
    previous = roots;
    if (den && attempt < 4) {
      // The denominator alone already tells how many digits the roots lack (its relative error
      // enters every coordinate): check it before evaluating the n numerators.
      let lacking = 0;
      for (const root of roots) {
        const d = gaussianValue(root, den, digits);
        const relative = (d.log2Error - d.log2Abs) * Math.LOG10E * Math.LN2; // log₁₀ of E_d/|d|
        lacking = Math.max(lacking, Number.isFinite(relative) ? relative + digits + 1 : digits + extra);
      }
      if (lacking > 0) {
        // The error is usually dominated by the second-order term, which shrinks twice as fast
        // as the root's radius; another round follows if half was not enough.
        extra += Math.ceil(lacking / 2) + 3;
        continue;
      }
    }
    const points = roots.map((root) => complexCoordinates(root, nums, digits, den));
    // How many digits the worst coordinate misses (≤ 0 when all are fine).
    let missing = 0;
    // In log₁₀ (10^−digits underflows a double past 323 digits): the bound should be below
    // 10^−digits·|c| (|c| ≥ max(|re|, |im|); 1 for a coordinate 0).
    for (const cc of points) {
      for (const c of cc) {
        if (c.log2ErrorBound === -Infinity) continue;
        const log10Size = Math.max(log2Decimal(c.re), log2Decimal(c.im)) * Math.LOG10E * Math.LN2;
        const log10Want = -digits + (Number.isFinite(log10Size) ? log10Size : 0);
        const log10Error = c.log2ErrorBound * Math.LOG10E * Math.LN2;
        if (log10Error > log10Want) missing = Math.max(missing, Number.isFinite(log10Error) ? log10Error - log10Want : digits + extra);
      }
    }
    if (missing <= 0 || attempt >= 4) return points;
    extra += Math.ceil(missing) + 5;
  }
}

/**
 * The reduced degrevlex basis of a component's prime from its generators ⟨q(t), xᵢ − wᵢ(t)⟩.
 * When t is the variable x_k, the generators other than x_k − x_k already form the reduced lex
 * basis for an order with x_k last (shape position), so FGLM gives the degrevlex basis in
 * O(n·D³) for D = deg q; otherwise Gröbner bases are computed from the generators.
 */
function primeBasis(R: PolynomialRing<Rational>, gens: readonly Polynomial<Rational>[], form: readonly bigint[], deadline?: Deadline): Polynomial<Rational>[] {
  const k = form.findIndex((c) => c !== 0n);
  const single = form.every((c, i) => (i === k ? c === 1n : c === 0n));
  if (!single || k !== R.nvars - 1) return groebner(gens, { deadline });
  const L = new PolynomialRing(QQ, R.vars, lex);
  const shape = gens.map((g) => changeRing(g, L)).filter((g) => !g.isZero()).map((g) => g.monic());
  return fglm(shape, R.order, { deadline }).map((g) => changeRing(g, R));
}

/** wᵢ = uᵢ·q′⁻¹ mod q: the coordinates as polynomials in θ (q irreducible, so q′ is invertible). */
function dividedByDerivative(q: UPoly<Rational>, numerators: readonly UPoly<Rational>[]): UPoly<Rational>[] {
  // Modulo primes and lifted (the Euclidean algorithm over Q swells); over Q if that fails.
  const lifted = quotientsModulo(q, uderivative(QQ, q), numerators);
  if (lifted) return lifted;
  const [, inverse] = uxgcd(QQ, uderivative(QQ, q), q); // s·q′ + t·q = 1
  return numerators.map((u) => utrim(QQ, urem(QQ, umul(QQ, u, inverse), q)));
}

function complexText(re: string, im: string): string {
  return im.startsWith('-') ? `${re}-${im.slice(1)}i` : `${re}+${im}i`;
}

function compareText(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}


/** q(t) for a univariate q and a polynomial t, by Horner. */
function polyInForm(R: PolynomialRing<Rational>, q: UPoly<Rational>, t: Polynomial<Rational>, deadline?: Deadline): Polynomial<Rational> {
  let acc = R.zero();
  for (let k = q.length - 1; k >= 0; k--) {
    deadline?.check();
    acc = acc.mul(t).add(R.constant(q[k]));
  }
  return acc;
}

/** Real points first, by their coordinates in canonical variable order; then complex points. */
function sortPoints<P extends SolutionPoint>(points: P[], canonical: readonly string[]): P[] {
  const key = (p: SolutionPoint): number[] => canonical.flatMap((v) => (p.kind === 'complex' ? [Number(p.re[v]), Number(p.im[v])] : [Number(p.approx[v])]));
  return points.sort((a, b) => {
    if (a.real !== b.real) return a.real ? -1 : 1;
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i] - kb[i];
    return 0;
  });
}
