/**
 * The rational univariate representation (RUR) of a radical zero-dimensional ideal over Q:
 * a separating linear form t = Σ cᵢxᵢ, its minimal polynomial χ(T) (square-free, of degree D =
 * the number of solutions), and polynomials vᵢ of degree < D with xᵢ = vᵢ(t) at every solution.
 * Every solution is then (v₁(θ), …, vₙ(θ)) for a root θ of χ (Rouillier 1999, in the shape form
 * valid for radical ideals; Cox–Little–O'Shea, Using Algebraic Geometry, §2.4).
 *
 * t separates the solutions exactly when deg χ = D (the dimension of K[x]/√I). Candidates are
 * tried in a fixed sequence built on a caller-given variable order — single variables first (the
 * last first), then (1, k, k², …) for k = 2, 3, … — so the representation does not depend on the
 * order of the ring's variables when the caller passes a canonical order. The exact computation
 * here is the fallback for ideals that are not radical; radical ones are parametrized from
 * computations modulo primes (`rur-modular.ts`).
 */
import { EchelonSpace } from '../arithmetic/echelon';
import { QQ } from '../arithmetic/field';
import { matVec } from '../arithmetic/matrix';
import { Rational } from '../arithmetic/rational';
import { ComputationError } from '../errors';
import { ControlOptions, resolveControl } from '../control';
import { Polynomial } from '../poly/polynomial';
import { linearForm } from '../poly/linear-form';
import { UPoly, uderivative, ugcd, utrim } from '../poly/univariate';
import { Zp } from '../arithmetic/field';
import { firstPrimeWhere } from '../arithmetic/primes';
import { changeRing } from '../poly/change';
import { PolynomialRing } from '../poly/polynomial';
import { minimalPolynomialModP } from './radical';
import { QuotientAlgebra } from '../groebner/quotient';
import { residueGenerator } from './krylov';

export interface RationalUnivariateRepresentation {
  /** cᵢ for each variable of the ring (ring order). */
  separatingForm: bigint[];
  /** χ(T), monic, ascending coefficients, square-free, degree = number of solutions. */
  minimalPolynomial: UPoly<Rational>;
  /** xᵢ = coordinates[i](T) (ring order), each of degree < deg χ. */
  coordinates: UPoly<Rational>[];
}

/**
 * A form with pseudo-random coefficients below 2^26 (fixed seed) on n variables: the form the
 * radicality tests modulo a prime count values with (a whole system's, `distinctValuesModP`, and a
 * first failed form's basis, in `rur-modular.ts`). Modulo a prime near 2^26 it separates D points
 * but with probability about D²/2^27; a form with small patterned coefficients took 251 values
 * on the 257 points of a network's radical, whose sign symmetries it met.
 */
export function scatteredForm(n: number): bigint[] {
  const random = residueGenerator(0x5ca77e2d);
  return Array.from({ length: n }, () => BigInt(1 + (random() % (2 ** 26 - 1))));
}

/** How many forms with pseudo-random coefficients in 1..9 `separatingCandidates` tries before the powers of k. */
const RANDOM_SMALL_FORMS = 3;

/**
 * The candidate separating forms, in order, over the variable order `order` (indices): single
 * variables from the last to the first — multiplication by the last variable of a degrevlex basis
 * is nearly free to write down (see `QuotientAlgebra.variableMatrix`) — then forms with small
 * coefficients (1, 2, 1, 2, …), (1, 1, …, 1, 2), (1, 2, 3, …), three with pseudo-random
 * coefficients in 1..9 (fixed seed), then (1, k, k², …) for k = 2, 3, …. The minimal polynomial
 * of t has coefficients about D·log max|t| bits longer than a single variable's, so small
 * coefficients save primes: on deep-linear:1,2,2,1, 76 primes against 131 for (1, 2, 4, …, 128);
 * on cyclic-6, whose symmetries defeat the patterned forms and (1, 2, 4, …), χ needs 24 primes
 * with a random form against 64 with (1, 3, 9, …, 243).
 */
export function* separatingCandidates(n: number, order: readonly number[]): Generator<bigint[]> {
  for (const i of [...order].reverse()) {
    const c = new Array<bigint>(n).fill(0n);
    c[i] = 1n;
    yield c;
  }
  const small: ((k: number) => bigint)[] = [(k) => BigInt(1 + (k % 2)), (k) => (k === n - 1 ? 2n : 1n), (k) => BigInt(k + 1)];
  for (const coefficient of small) {
    const c = new Array<bigint>(n).fill(0n);
    order.forEach((i, k) => (c[i] = coefficient(k)));
    yield c;
  }
  // Small pseudo-random coefficients next: symmetric systems (cyclic-n) defeat every patterned
  // form above, and the powers below make χ's coefficients longer by about deg χ·log₂ k^(n−1) bits.
  let seed = 0x2545f491;
  for (let tries = 0; tries < RANDOM_SMALL_FORMS; tries++) {
    const c = new Array<bigint>(n).fill(0n);
    for (const i of order) {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      c[i] = BigInt(1 + (seed >>> 16) % 9);
    }
    yield c;
  }
  for (let k = 2n; ; k++) {
    const c = new Array<bigint>(n).fill(0n);
    let w = 1n;
    for (const i of order) {
      c[i] = w;
      w *= k;
    }
    yield c;
  }
}

/**
 * The RUR of the radical zero-dimensional ideal with Gröbner basis G (over Q). `order` lists the
 * variable indices in the order candidates are built on (default: the ring's order); `timeout`,
 * `signal` and `deadline` are checked at each candidate form.
 */
export function rationalUnivariateRepresentation(
  G: readonly Polynomial<Rational>[],
  order?: readonly number[],
  options: ControlOptions & { /** A form already known to separate the solutions (e.g. from `modularSeparatingForm`). */ given?: bigint[] } = {},
): RationalUnivariateRepresentation {
  const { deadline, given } = resolveControl(options, 'rationalUnivariateRepresentation');
  const A = new QuotientAlgebra(G);
  const n = A.ring.nvars;
  const D = A.dimension;
  const idx = order ?? Array.from({ length: n }, (_, i) => i);
  const one = A.coordinates(A.ring.one());
  let tries = 0;
  for (const c of given ? [given] : separatingCandidates(n, idx)) {
    deadline?.check();
    if (++tries > 10 * (D * D + n + 10)) throw new ComputationError('no separating linear form found (is the ideal radical?)');
    const M = A.multiplicationMatrix(linearForm(A.ring, c));
    const space = new EchelonSpace(QQ);
    let v = one;
    let dependent: Rational[] | undefined;
    for (let k = 0; k <= D; k++) {
      dependent = space.insert(v);
      if (dependent !== undefined) break;
      v = matVec(QQ, M, v);
    }
    if (dependent === undefined || dependent.length < D) continue; // degree < D: not separating
    const chi: Rational[] = [...dependent.map((x) => QQ.neg(x)), QQ.one];
    const coordinates = A.ring.vars.map((_, i) => {
      const e = space.express(A.coordinates(A.ring.variable(i)));
      if (e === undefined) throw new ComputationError('a coordinate is not a polynomial in the separating form');
      return utrim(QQ, e);
    });
    return { separatingForm: c, minimalPolynomial: chi, coordinates };
  }
  throw new ComputationError('unreachable');
}

/**
 * A certificate found modulo a prime: a candidate form t whose minimal polynomial modulo p on
 * K[x]/I has degree D = dim K[x]/I and is square-free. Then over Q the minimal polynomial of t
 * (whose reduction is a multiple of the one modulo p, and of degree at most D) has the same
 * degree and reduction, so it is square-free of degree D: I is radical and t separates its D
 * points. Returns undefined when no candidate passes (I may not be radical); the caller then
 * computes the radical exactly. G must be a monic Gröbner basis over Q whose denominators
 * do not vanish modulo the prime chosen.
 */
export function modularSeparatingForm(
  G: readonly Polynomial<Rational>[],
  order?: readonly number[],
  options: ControlOptions & { /** Candidate forms tried before giving up (default 12). */ maxTries?: number } = {},
): bigint[] | undefined {
  const { deadline, maxTries = 12 } = resolveControl(options, 'modularSeparatingForm');
  const R = G[0].ring;
  const p = firstPrimeWhere((q) => {
    const P = BigInt(q);
    return G.every((g) => g.coefficients.every((c) => c.den % P !== 0n));
  });
  const F = Zp(p);
  const S = new PolynomialRing(F, R.vars, R.order);
  const A = new QuotientAlgebra(G.map((g) => changeRing(g, S)));
  const D = A.dimension;
  const n = R.nvars;
  const idx = order ?? Array.from({ length: n }, (_, i) => i);
  const one = A.coordinates(S.one());
  let tries = 0;
  for (const c of separatingCandidates(n, idx)) {
    if (++tries > maxTries) return undefined;
    deadline?.check();
    const M = A.multiplicationMatrix(linearForm(S, c));
    const mu = minimalPolynomialModP(M, one, p, deadline);
    if (mu.length - 1 !== D) continue;
    if (ugcd(F, mu, uderivative(F, mu)).length === 1) return c;
  }
  return undefined;
}
