/**
 * Every complex solution of a zero-dimensional system over Q, grouped into irreducible
 * components over Q, each point exact and approximated.
 *
 * Pipeline, in the canonical degrevlex ring: a separating linear form t (the last variable
 * first), certified together with radicality modulo a prime → the minimal polynomial χ of t and,
 * per irreducible factor q of χ over Q (one component: the Galois orbit of the roots θ of q), the
 * parametrization xᵢ = uᵢ(θ)/q′(θ), both lifted from computations modulo primes
 * (`rur-modular.ts`). Without a certificate (I not radical) √I is computed (Seidenberg) and the
 * RUR over Q. Components of degree ≤ BASIS_DEGREE_LIMIT are described by polynomials
 * xᵢ = wᵢ(θ) and their reduced basis; larger ones keep the q′ denominator, whose numerators are
 * far shorter. Multiplicities come from the characteristic polynomial of M_t on K[x]/I, which is
 * Π q^m over the components (Stickelberger); they are all 1 when I is radical. Real points get
 * certified decimals from exact isolating intervals; complex points approximations with an error
 * bound below 10^−digits of their size. The separating form is built on the canonical (natural)
 * order of the variable names, so the answer does not depend on the order of the variables or
 * equations.
 */
import { QQ } from '../arithmetic/field';
import { charpoly } from '../arithmetic/matrix';
import { Rational, rational, rationalToString } from '../arithmetic/rational';
import { Deadline } from '../errors';
import { changeRing } from '../poly/change';
import { Polynomial, PolynomialRing } from '../poly/polynomial';
import { UPoly, fromUnivariate, uderivative, udivmod, umul, urem, utrim, uxgcd } from '../poly/univariate';
import { groebner } from '../groebner/groebner';
import { fglm } from '../groebner/fglm';
import { lex } from '../monomials/order';
import { canonicalRing } from './canonical';
import { QuotientAlgebra } from '../groebner/quotient';
import { modularRadical, zeroDimensionalRadical } from './radical';
import { linearForm, modularSeparatingForm, rationalUnivariateRepresentation } from './rur';
import { modularCharacteristicPolynomial, modularParametrization, parametrizeComponents } from './rur-modular';
import { ComplexCoordinate, complexCoordinates, decimal, gaussianValue, rationalCoordinates, realCoordinates } from './points';
import { RootInterval, isolateRealRoots } from './roots/real';
import { ComplexRoot, nonRealComplexRoots } from './roots/complex';

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
  /**
   * xᵢ = coordinates[xᵢ](T) / denominator(T) at the roots T of the minimal polynomial. Components
   * of degree up to `BASIS_DEGREE_LIMIT` have denominator 1 (polynomials reduced modulo the
   * minimal polynomial); larger ones the minimal polynomial's derivative, which keeps the
   * numerators' coefficients about as long as the minimal polynomial's.
   */
  coordinates: Record<string, string>;
  denominator: string;
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
  /** Receives short progress messages. */
  progress?: (message: string) => void;
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
export function solveZeroDimensional(G0: readonly Polynomial<Rational>[], options: ZeroDimensionalOptions = {}): ZeroDimensionalComponent[] {
  const digits = options.digits ?? 20;
  const deadline = options.deadline;
  // Everything runs in the canonical degrevlex ring: the separating form is chosen on its
  // variables, and multiplication by its last variable is cheap to write down.
  const R = canonicalRing(QQ, G0[0].ring.vars);
  const G = isRing(G0[0].ring, R) ? [...G0] : groebner(G0.map((g) => changeRing(g, R)), { deadline });
  const canonical = R.vars;
  const order = canonical.map((_, i) => i);
  // Usually the ideal is radical, which a computation modulo a prime certifies together with a
  // separating form; otherwise compute the radical exactly and search for a form over Q.
  const A = new QuotientAlgebra(G);
  const progress = options.progress;
  let radical: Polynomial<Rational>[] = G;
  let certified = modularSeparatingForm(G, order);
  if (!certified) {
    // I is not radical (or no form separated modulo the prime): √I by Seidenberg's lemma with
    // univariate polynomials lifted from primes and proved to lie in I, then a form for √I.
    progress?.(`${A.dimension} solutions with multiplicity: the radical`);
    radical = modularRadical(G, { deadline }) ?? zeroDimensionalRadical(G, { deadline });
    certified = modularSeparatingForm(radical, order);
  }
  // With a certified form the components are lifted from computations modulo primes; otherwise
  // (or if the lift does not settle) the RUR is computed exactly over Q and χ factored.
  const Ar = radical === G ? A : new QuotientAlgebra(radical);
  progress?.(`${Ar.dimension} solutions: parametrizing them modulo primes`);
  let solutions = certified ? modularParametrization(Ar, certified, deadline, undefined, progress) : undefined;
  if (!solutions) {
    progress?.('the RUR over Q');
    const rur = rationalUnivariateRepresentation(radical, order, deadline, certified);
    solutions = parametrizeComponents(rur.separatingForm, rur.minimalPolynomial, rur.coordinates);
  }
  const tForm = linearForm(R, solutions.separatingForm);
  // Multiplicities: the characteristic polynomial of M_t on K[x]/I (only when I is not radical).
  const chiFull =
    A.dimension !== solutions.minimalPolynomial.length - 1
      ? (modularCharacteristicPolynomial(A, solutions.separatingForm, deadline) ?? charpoly(QQ, A.multiplicationMatrix(tForm)))
      : undefined;
  const T = new PolynomialRing(QQ, ['T']);
  const components: ZeroDimensionalComponent[] = solutions.components.map(({ minimalPolynomial: factor, numerators }, index, all) => {
    deadline?.check();
    if (factor.length > 2) progress?.(`component ${index + 1} of ${all.length}: ${factor.length - 1} points`);
    const q: UPoly<Rational> = factor.map((c) => rational(c));
    const degree = q.length - 1;
    const multiplicity = chiFull ? multiplicityIn(chiFull, q) : 1;
    // Small components are described by polynomials xᵢ = wᵢ(θ); large ones keep the derivative
    // as denominator, xᵢ = uᵢ(θ)/q′(θ), whose coefficients are far shorter.
    const small = degree <= BASIS_DEGREE_LIMIT;
    const dq = uderivative(QQ, q);
    let polynomialForm: UPoly<Rational>[] | undefined;
    const coordinatePolynomials = (): UPoly<Rational>[] => (polynomialForm ??= dividedByDerivative(q, numerators));
    const nums = small ? coordinatePolynomials() : numerators;
    const den = small ? undefined : dq;
    const exactPoint = (interval: RootInterval): ExactRealPoint => ({
      vars: R.vars,
      chi: factor,
      interval,
      get coordinates() {
        return coordinatePolynomials();
      },
    });
    const points: SolutionPoint[] = [];
    if (degree === 1) {
      const theta = QQ.div(QQ.neg(q[0]), q[1]);
      const coords = rationalCoordinates(theta, nums);
      const point: SolutionPoint = {
        real: true,
        approx: Object.fromEntries(canonical.map((v, i) => [v, decimal(coords[i], digits)])),
        rational: Object.fromEntries(canonical.map((v, i) => [v, rationalToString(coords[i])])),
        multiplicity,
      };
      exactRealPoints.set(point, { vars: R.vars, chi: factor, interval: { lo: theta, hi: theta }, coordinates: coords.map((c) => utrim(QQ, [c])) });
      points.push(point);
    } else {
      for (const iv of isolateRealRoots(factor, { irreducible: true })) {
        const rc = realCoordinates(factor, iv, nums, digits, den);
        const point: SolutionPoint = {
          real: true,
          approx: Object.fromEntries(canonical.map((v, i) => [v, rc.decimals[i]])),
          box: Object.fromEntries(canonical.map((v, i) => [v, [rationalToString(rc.boxes[i].lo), rationalToString(rc.boxes[i].hi)]])),
          multiplicity,
        };
        exactRealPoints.set(point, exactPoint(rc.theta));
        points.push(point);
      }
      const thetas = points.map((p) => (exactRealPoints.get(p) as ExactRealPoint).interval);
      for (const cc of complexPoints(factor, thetas, nums, den, digits, deadline)) {
        points.push({
          real: false,
          approx: Object.fromEntries(canonical.map((v, i) => [v, complexText(cc[i].re, cc[i].im)])),
          re: Object.fromEntries(canonical.map((v, i) => [v, cc[i].re])),
          im: Object.fromEntries(canonical.map((v, i) => [v, cc[i].im])),
          errorBound: Math.max(...cc.map((c) => c.errorBound)),
          multiplicity,
        });
      }
    }
    // The prime ideal ⟨q(t), d(t)·xᵢ − nᵢ(t)⟩ (d = 1 or q′, invertible modulo q), as a reduced
    // basis for small components. The reduced basis of a component of high degree has enormous
    // coefficients and adds nothing to the exact description: there the generators are given.
    const d = den ? polyInForm(R, den, tForm) : R.one();
    const gens = [polyInForm(R, q, tForm), ...R.vars.map((_, i) => d.mul(R.variable(i)).sub(polyInForm(R, nums[i], tForm)))];
    const reduced = options.bases !== false && small;
    const basis = options.bases === false ? [] : reduced ? primeBasis(R, gens, solutions.separatingForm, deadline) : gens;
    return {
      kind: 'points' as const,
      dimension: 0 as const,
      degree,
      multiplicity,
      basis,
      basisIsGroebner: reduced,
      exact: {
        separatingForm: tForm.toString(),
        minimalPolynomial: fromUnivariate(T, 0, q).toString(),
        coordinates: Object.fromEntries(canonical.map((v, i) => [v, fromUnivariate(T, 0, nums[i]).toString()])),
        denominator: den ? fromUnivariate(T, 0, den).toString() : '1',
      },
      realPoints: points.filter((p) => p.real).length,
      points: sortPoints(points, canonical),
    };
  });
  return components.sort((a, b) => a.degree - b.degree || compareText(a.exact.minimalPolynomial, b.exact.minimalPolynomial));
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
    for (const cc of points) {
      for (const c of cc) {
        const size = Math.hypot(Number(c.re), Number(c.im));
        if (c.errorBound === 0) continue;
        const want = Math.pow(10, -digits) * (size > 0 ? size : 1);
        if (c.errorBound > want) missing = Math.max(missing, Number.isFinite(c.errorBound) ? Math.log10(c.errorBound / want) : digits + extra);
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
  return fglm(shape, R.order, deadline).map((g) => changeRing(g, R));
}

/** Do two rings have the same variables in the same order and the degrevlex order? */
function isRing(R: PolynomialRing<Rational>, C: PolynomialRing<Rational>): boolean {
  return R.order.kind === 'degrevlex' && R.vars.length === C.vars.length && R.vars.every((v, i) => v === C.vars[i]);
}

/** wᵢ = uᵢ·q′⁻¹ mod q: the coordinates as polynomials in θ (q irreducible, so q′ is invertible). */
function dividedByDerivative(q: UPoly<Rational>, numerators: readonly UPoly<Rational>[]): UPoly<Rational>[] {
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
