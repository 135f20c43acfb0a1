/**
 * Coordinates in which a separating linear form is the last variable, and the reduced Gröbner
 * bases of the ideal in them modulo primes.
 *
 * For t = Σ cᵢxᵢ, one variable x_j with c_j ≠ 0 (one with c_j = ±1 when there is one, so the
 * change stays integral) is replaced by a new variable y: x_j = (y − Σ_{i≠j} cᵢxᵢ)/c_j. In the
 * ring (the other variables, then y) with degrevlex, y is the last variable, and multiplication by
 * t = y on the quotient algebra is read off the reduced basis almost for free (`krylov.ts`) —
 * msolve's route: the change of coordinates costs one more Gröbner basis per prime, which F4
 * replays from a trace in a few milliseconds, instead of normal forms of xᵢ·b over Q with the
 * basis' long coefficients. The bases modulo p come from one learning run (`f4Learn`) and its
 * replays (`f4Apply`); a prime where the replay fails, or whose basis has another number of
 * standard monomials than the ideal over Q, is skipped (unlucky), and a learning prime that
 * disagrees with the count is replaced.
 */
import { Zp } from '../arithmetic/field';
import { primeStream } from '../arithmetic/primes';
import { QQ } from '../arithmetic/field';
import { Rational, rational } from '../arithmetic/rational';
import { Deadline } from '../errors';
import { changeRing } from '../poly/change';
import { primitivePart } from '../poly/content';
import { substitute } from '../poly/evaluate';
import { Polynomial, PolynomialRing } from '../poly/polynomial';
import { ReductionModP } from '../poly/reduction-mod-p';
import { dimension, solutionCount } from '../groebner/ideal';
import { F4Trace, f4Apply, f4Learn } from '../groebner/f4';

/** The ideal in coordinates where the form is the last variable. */
export interface SeparatingCoordinates {
  /** t = Σ form[i]·xᵢ over the variables of the original ring. */
  form: readonly bigint[];
  /** The new ring: the original variables but x_j, then y (a fresh name), degrevlex. */
  ring: PolynomialRing<Rational>;
  /** Generators of the ideal in the new coordinates (primitive, integer coefficients). */
  generators: Polynomial<Rational>[];
  /** Each original variable (in the original ring's order) as a linear polynomial in the new ring. */
  coordinates: Polynomial<Rational>[];
}

/** The change of coordinates y = t applied to generators of an ideal (see the file header). */
export function separatingCoordinates(generators: readonly Polynomial<Rational>[], form: readonly bigint[]): SeparatingCoordinates {
  const R = generators[0].ring;
  const n = R.nvars;
  let j = form.findIndex((c) => c === 1n || c === -1n);
  if (j < 0) j = form.findIndex((c) => c !== 0n);
  let y = 'y_';
  while (R.hasVar(y)) y += '_';
  const S = new PolynomialRing(QQ, [...R.vars.filter((_, i) => i !== j), y]);
  // x_j = (y − Σ_{i≠j} cᵢxᵢ)/c_j.
  let xj = S.variable(y);
  for (let i = 0; i < n; i++) if (i !== j && form[i] !== 0n) xj = xj.sub(S.variable(R.vars[i]).scale(rational(form[i])));
  xj = xj.scale(rational(1n, form[j]));
  const coordinates = R.vars.map((v, i) => (i === j ? xj : S.variable(v)));
  const values: Record<string, Polynomial<Rational>> = { [R.vars[j]]: xj };
  for (let i = 0; i < n; i++) if (i !== j) values[R.vars[i]] = S.variable(R.vars[i]);
  const transformed = generators.map((g) => substitute(g, values, S)).filter((g) => !g.isZero()).map(primitivePart);
  return { form: [...form], ring: S, generators: transformed, coordinates };
}

/** A reduced basis modulo p of the ideal in separating coordinates, with the coordinate functions reduced too. */
export interface BasisModP {
  p: number;
  basis: Polynomial<number>[];
  coordinates: Polynomial<number>[];
}

/** The state a sequence of `basisAtPrime` calls shares: the trace learned at the first good prime. */
export interface BasisLearning {
  trace?: F4Trace;
  /**
   * A learning run already made on the same generators (the staircase probe's, when the separating
   * form is the last variable and the coordinates do not change), replayed instead of learning
   * again; its basis must have the D standard monomials.
   */
  replay?: (images: readonly Polynomial<number>[]) => Polynomial<number>[] | undefined;
  /** Primes at which `replay` failed in a row; after `REPLAY_FAILURES` the next prime learns. */
  failures?: number;
}

/** The generators of each coordinate change, their coefficients read once for all the primes. */
const reductions = new WeakMap<SeparatingCoordinates, ReductionModP>();

/** Failed replays of a run learned elsewhere before it is given up for one learned here. */
const REPLAY_FAILURES = 3;

/**
 * The reduced degrevlex basis modulo p of the ideal given in separating coordinates, with `D`
 * standard monomials (the number of solutions over Q), or undefined when p is unlucky (it divides
 * a coefficient or a denominator, the replay fails, or the learning run finds another count).
 * The first good prime learns a trace (kept in `learning`), the others replay it.
 */
export function basisAtPrime(sc: SeparatingCoordinates, D: number, p: number, learning: BasisLearning, deadline?: Deadline): BasisModP | undefined {
  const P = BigInt(p);
  let reduction = reductions.get(sc);
  if (reduction === undefined) reductions.set(sc, (reduction = new ReductionModP(sc.generators)));
  // Primes dividing a coefficient (or a denominator) change the supports: skip them.
  if (reduction.divides(p)) return undefined;
  if (sc.coordinates.some((g) => g.coefficients.some((c) => c.den % P === 0n))) return undefined;
  const T = new PolynomialRing(Zp(p), sc.ring.vars, sc.ring.order);
  const images = reduction.images(T);
  let basis: Polynomial<number>[] | undefined;
  // A replay fails unless it meets the learned leading monomials, so its count is the learned one.
  if (learning.trace) basis = f4Apply(learning.trace, images, { deadline });
  else if (learning.replay) {
    basis = learning.replay(images);
    learning.failures = basis ? 0 : (learning.failures ?? 0) + 1;
    if (learning.failures >= REPLAY_FAILURES) learning.replay = undefined;
  } else {
    const learned = f4Learn(images, { deadline });
    if (dimension(learned.basis) !== 0 || solutionCount(learned.basis) !== D) return undefined; // an unlucky learning prime: learn at the next
    learning.trace = learned.trace;
    basis = learned.basis;
  }
  if (!basis) return undefined;
  return { p, basis, coordinates: sc.coordinates.map((c) => changeRing(c, T)) };
}

/**
 * Reduced degrevlex bases modulo the primes of `primes` (default: those below 2^26, decreasing)
 * of the ideal given in separating coordinates, with `D` standard monomials; unlucky primes are
 * skipped (see `basisAtPrime`). `learning` may hold a run learned elsewhere (`BasisLearning.replay`).
 */
export function* basesModP(sc: SeparatingCoordinates, D: number, deadline?: Deadline, primes: Iterable<number> = primeStream(2 ** 26, deadline), learning: BasisLearning = {}): Generator<BasisModP> {
  for (const p of primes) {
    deadline?.check();
    const b = basisAtPrime(sc, D, p, learning, deadline);
    if (b) yield b;
  }
}
