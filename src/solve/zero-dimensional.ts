/**
 * Every complex solution of a zero-dimensional system over Q, grouped into irreducible
 * components over Q (described in `point-components.ts`).
 *
 * Routes, in the canonical degrevlex ring (variables in natural name order, so the answer does
 * not depend on the order of the variables or equations): a radical ideal is parametrized modulo
 * primes in coordinates where a separating form t is the last variable (`rur-modular.ts`,
 * `separating-coordinates.ts`, `krylov.ts`) — from generators with short coefficients, never
 * forming anything over Q but the result; `solveRadicalFinite` does only this and needs no basis
 * over Q at all. Otherwise (the ideal is not radical, or no form separated modulo the first
 * prime) a form is certified modulo a prime on the basis over Q, else √I is computed
 * (Seidenberg) and parametrized by the same route from its basis, else with a form certified on
 * it, else by the RUR over Q; then χ is factored into one component per irreducible factor
 * q (the Galois orbit of the roots θ of q). Multiplicities come from the characteristic
 * polynomial of M_t on K[x]/I, which is Π q^m over the components (Stickelberger); they are all 1
 * when I is radical.
 */
import { QQ } from '../arithmetic/field';
import { charpoly } from '../arithmetic/matrix';
import { Rational, rational } from '../arithmetic/rational';
import { changeRing } from '../poly/change';
import { Polynomial, PolynomialRing } from '../poly/polynomial';
import { groebner } from '../groebner/groebner';
import { canonicalRing } from './canonical';
import { QuotientAlgebra } from '../groebner/quotient';
import { modularRadical, zeroDimensionalRadical } from './radical';
import { linearForm } from '../poly/linear-form';
import { modularSeparatingForm, rationalUnivariateRepresentation, scatteredForm } from './rur';
import { LearnedRun, ParametrizedSolutions, componentNumerators, modularParametrization, parametrizationInSeparatingCoordinates, parametrizeComponents } from './rur-modular';
import { distinctValuesModP, modularCharacteristicPolynomial, modularMultiplicities } from './multiplicities';
import { UPoly } from '../poly/univariate';
import { PointOptions, ZeroDimensionalComponent, describeComponents, multiplicityIn } from './point-components';
import { ImageWorkers } from './image-workers';
import { thetaBits } from './points';
import { phase, resolveControl } from '../control';

// The public part of point-components.ts (its limits and the description of components are internal).
export { componentIdeal, listComplexPoints, parametrizationOf, thetaInterval } from './point-components';
export type { AlgebraicDescription, ComplexPoint, ComponentParametrizationData, PointOptions, RationalPoint, RealPoint, SamplePoint, SolutionPoint, ZeroDimensionalComponent } from './point-components';

export interface ZeroDimensionalOptions extends PointOptions {
  /**
   * Generators of the same ideal with short coefficients (e.g. the system the basis came from):
   * the parametrization modulo primes starts from them rather than from the basis.
   */
  generators?: readonly Polynomial<Rational>[];
}

/**
 * The components of the zero-dimensional ideal with Gröbner basis G (any order) over Q.
 * Components are sorted by degree, then by their minimal polynomial's text.
 */
export function solveZeroDimensional(G0: readonly Polynomial<Rational>[], options: ZeroDimensionalOptions = {}): ZeroDimensionalComponent[] {
  options = resolveControl(options, 'solveZeroDimensional');
  const deadline = options.deadline;
  // Everything runs in the canonical degrevlex ring: the separating form is chosen on its
  // variables, and multiplication by its last variable is cheap to write down.
  const R = canonicalRing(QQ, G0[0].ring.vars);
  const G = isRing(G0[0].ring, R) ? [...G0] : groebner(G0.map((g) => changeRing(g, R)), { deadline });
  const point = singleRationalPoint(G);
  if (point) return describeComponents(R, point, undefined, options);
  const canonical = R.vars;
  const order = canonical.map((_, i) => i);
  // Usually the ideal is radical: then it is parametrized modulo primes in coordinates where a
  // separating form is the last variable, from generators with short coefficients when given.
  const A = new QuotientAlgebra(G);
  const onProgress = options.onProgress;
  const progress = (message: string): void => onProgress?.(phase(message));
  progress(`${A.dimension} solutions: parametrizing them modulo primes`);
  const generators = (options.generators ?? G).map((g) => changeRing(g, R));
  // A few solutions of a basis over Q (the sample fibres of components): its multiplication maps
  // cost less than learning F4 in new coordinates at every prime.
  const small = options.generators === undefined && A.dimension <= SMALL_FROM_BASIS;
  // A whole system (with its generators; the primes and fibres solved here are radical) on which
  // a form with scattered coefficients takes fewer values than dim A modulo a prime: the ideal is
  // almost surely not radical, and every separating form would fail on it (4 s of 20 on a
  // network's critical ideal): to the radical at once. Were the form not separating, the radical
  // route is still right, only slower.
  const notRadical = options.generators !== undefined && (distinctValuesModP(A, scatteredForm(canonical.length), deadline) ?? A.dimension) < A.dimension;
  let solutions = small || notRadical ? undefined : parametrizationInSeparatingCoordinates(generators, A.dimension, order, { deadline, onProgress });
  let radical: Polynomial<Rational>[] = G;
  let Ar = A; // the quotient algebra of √I
  if (!solutions) {
    // Small, or not radical (or no form separated modulo the prime): a form certified modulo a
    // prime on the basis over Q, else √I by Seidenberg's lemma with univariate polynomials lifted
    // from primes and proved to lie in I, then a form for √I.
    let certified = notRadical ? undefined : modularSeparatingForm(G, order, { deadline });
    if (!certified) {
      progress(`${A.dimension} solutions with multiplicity: the radical`);
      radical = modularRadical(G, { deadline, algebra: A }) ?? zeroDimensionalRadical(G, { deadline });
      // √I is radical: parametrized from its basis in separating coordinates, as a whole system
      // is — cheaper than from its multiplication matrices over Q, made dense by the square-free
      // parts added (on a network's radical of 257 points, 1 s against 3.6 s).
      Ar = new QuotientAlgebra(radical);
      progress(`${Ar.dimension} solutions: parametrizing them modulo primes`);
      solutions = parametrizationInSeparatingCoordinates(radical, Ar.dimension, order, { deadline, onProgress, radical: true });
      if (!solutions) certified = modularSeparatingForm(radical, order, { deadline });
    }
    if (!solutions) {
      // With a certified form the components are lifted from computations modulo primes; otherwise
      // (or if the lift does not settle) the RUR is computed exactly over Q and χ factored.
      if (certified) {
        progress(`${Ar.dimension} solutions: parametrizing them modulo primes with a certified form`);
        solutions = modularParametrization(Ar, certified, { deadline, onProgress });
      }
      if (!solutions) {
        progress('the RUR over Q');
        const rur = rationalUnivariateRepresentation(radical, order, { deadline, given: certified });
        solutions = parametrizeComponents(rur.separatingForm, rur.minimalPolynomial, rur.coordinates, deadline);
      }
    }
  }
  // Multiplicities (only when I is not radical): the exponents of the components' minimal
  // polynomials in the characteristic polynomial of M_t on K[x]/I, read modulo a prime, else from
  // that polynomial over Q.
  let multiplicities: number[] | undefined;
  if (A.dimension !== solutions.minimalPolynomial.length - 1) {
    const factors = solutions.components.map((c) => c.minimalPolynomial);
    multiplicities = modularMultiplicities(A, solutions.separatingForm, factors, deadline);
    if (multiplicities === undefined) {
      const chi = modularCharacteristicPolynomial(A, solutions.separatingForm, deadline) ?? charpoly(QQ, A.multiplicationMatrix(linearForm(R, solutions.separatingForm)));
      multiplicities = factors.map((q) => multiplicityIn(chi, q.map((c) => rational(c))));
    }
  }
  return describeComponents(R, solutions, multiplicities, options);
}

/** Up to this many solutions, a basis over Q given alone is parametrized from its multiplication maps. */
const SMALL_FROM_BASIS = 16;

/**
 * The parametrization of the one rational point of a reduced basis x₁ − c₁, …, xₙ − cₙ (every
 * sample fibre of a component rational over its free variables is one): read off the basis, with
 * the separating form the general route tries first (the last variable, T = cₙ), so the
 * description is the same without a multiplication matrix or a prime. Undefined for any other basis.
 */
function singleRationalPoint(G: readonly Polynomial<Rational>[]): ParametrizedSolutions | undefined {
  const n = G.length > 0 ? G[0].ring.nvars : 0;
  if (n === 0 || G.length !== n) return undefined;
  const values = new Array<Rational | undefined>(n).fill(undefined);
  for (const g of G) {
    const m = g.monomials[0];
    if (m[0] !== 1 || g.length > 2 || (g.length === 2 && g.monomials[1][0] !== 0) || !QQ.eq(g.coefficients[0], QQ.one)) return undefined;
    const x = m.indexOf(1, 1) - 1;
    if (values[x] !== undefined) return undefined;
    values[x] = g.length === 2 ? QQ.neg(g.coefficients[1]) : QQ.zero;
  }
  const c = values as Rational[];
  const t = c[n - 1];
  const q: UPoly<Rational> = [QQ.neg(QQ.mul(t, rational(t.den))), rational(t.den)];
  const form = new Array<bigint>(n).fill(0n);
  form[n - 1] = 1n;
  return {
    separatingForm: form,
    minimalPolynomial: [QQ.neg(t), QQ.one],
    components: [{ minimalPolynomial: [-t.num, t.den], numerators: componentNumerators(QQ, q, c.map((v) => [v])) }],
  };
}

/**
 * The components of the finite solution set of `generators`, an ideal with D solutions counted
 * with multiplicity (e.g. from `modularStaircase`), when it is radical and a separating form is
 * found modulo the first prime; undefined otherwise (the caller then computes a basis over Q and
 * calls `solveZeroDimensional`). No Gröbner basis over Q is computed. `learned`: the probe's
 * learning run, replayed when the coordinates need no change (see `parametrizationInSeparatingCoordinates`).
 */
export function solveRadicalFinite(generators: readonly Polynomial<Rational>[], D: number, options: PointOptions & { imageWorkers?: ImageWorkers; learned?: LearnedRun } = {}): ZeroDimensionalComponent[] | undefined {
  options = resolveControl(options, 'solveRadicalFinite');
  const R = canonicalRing(QQ, generators[0].ring.vars);
  const order = R.vars.map((_, i) => i);
  options.onProgress?.(phase(`${D} solutions: parametrizing them modulo primes`));
  const solutions = parametrizationInSeparatingCoordinates(
    generators.map((g) => changeRing(g, R)),
    D,
    order,
    { deadline: options.deadline, onProgress: options.onProgress, imageWorkers: options.imageWorkers, learned: options.learned, rootBits: thetaBits(options.digits ?? 20) },
  );
  return solutions && describeComponents(R, solutions, undefined, options);
}

/** Do two rings have the same variables in the same order and the degrevlex order? */
function isRing(R: PolynomialRing<Rational>, C: PolynomialRing<Rational>): boolean {
  return R.order.kind === 'degrevlex' && R.vars.length === C.vars.length && R.vars.every((v, i) => v === C.vars[i]);
}
