/**
 * Exact evaluation at the representative of an orbit of solutions (`orbit-solve.ts`): polynomials,
 * invariant values and the inertia of a symmetric matrix of polynomials.
 *
 * On a family with minimal polynomial q, K = Q(θ) and the representative's coordinates lie in the
 * multiquadratic algebra K[√s₁, …, √s_r] over the pivots' squares s_k ∈ K: an element is a sum of
 * c_E·√S_E over subsets E of the pivots (S_E = Π_{k∈E} s_k, c_E ∈ K), and
 * √S_E·√S_F = S_{E∩F}·√S_{E△F}. A pivot is √s_k; an invariant coordinate is in K; a linked
 * coordinate x = w/Π_{k∈K} √s_k is (w/S_K)·√S_K. An invariant polynomial evaluates into K (the
 * part E = ∅): so does the loss, whose value on the orbit is then a number of K.
 *
 * Inertia: a semi-invariant H_ij (as the entries of a G-invariant function's Hessian are) takes a
 * value c·√S_{E_ij} at the representative. Scaling row and column i by √S_{E_i}, with
 * E_i △ E_j = E_ij wherever H_ij ≠ 0, gives a congruent matrix over K — congruent because the
 * √S_{E_i} are real and non-zero at a real orbit (every pivot's square is positive) — whose
 * inertia is decided exactly at θ (`algebraicInertia`, Sylvester's law of inertia).
 */
import { QQ, Zp } from '../arithmetic/field';
import { Rational, rational } from '../arithmetic/rational';
import { ComputationError, Deadline } from '../errors';
import { NumberFieldElement, numberField } from '../poly/number-field';
import { Polynomial } from '../poly/polynomial';
import { UPoly, uderivative, utrim } from '../poly/univariate';
import { inverseModP, mulRemModP } from '../poly/factor/fp-poly';
import { ComponentValues, liftValueMinimalPolynomial, minimalPolynomialModP, valuesAtRealPoints } from './component-values';
import { Inertia, algebraicInertia } from './inertia';
import { OrbitCoordinate } from './orbit-space';
import { orbitRepresentativeBox } from './orbit-solve';
import { RootInterval } from './roots/descartes';

/** The exact data of a family (see `orbitFamilyData`). */
export interface OrbitFamilyData {
  vars: string[];
  minimalPolynomial: bigint[];
  coordinates: OrbitCoordinate[];
}

/** The arithmetic of K that the evaluation needs (Q(θ) exactly, or Z/p[T]/q). */
interface Coefficients<E> {
  zero: E;
  one: E;
  add(a: E, b: E): E;
  mul(a: E, b: E): E;
  isZero(a: E): boolean;
  /** undefined when the rational has no image (p divides its denominator). */
  fromRational(r: Rational): E | undefined;
}

/** An element of K[√s₁, …, √s_r]: the coefficient c_E ∈ K of each √S_E, by the bit mask of E. */
type Multiquadratic<E> = Map<number, E>;

/** Thrown when a prime is unlucky for the modular evaluation. */
class UnluckyPrime extends Error {}

/** Polynomials at the representative of a family's orbits, over K given by its arithmetic. */
class MultiquadraticEvaluator<E> {
  private readonly powers: Multiquadratic<E>[][];

  constructor(
    readonly K: Coefficients<E>,
    /** The pivots' squares s_k ∈ K, by pivot bit. */
    private readonly squares: readonly E[],
    /** Each coordinate of the representative (the family's variable order). */
    private readonly coordinates: readonly Multiquadratic<E>[],
    private readonly vars: readonly string[],
  ) {
    this.powers = coordinates.map((x) => [single(K, 0, K.one), x]);
  }

  /** a·b in the multiquadratic algebra. */
  multiply(a: Multiquadratic<E>, b: Multiquadratic<E>): Multiquadratic<E> {
    const K = this.K;
    const out: Multiquadratic<E> = new Map();
    for (const [ma, x] of a)
      for (const [mb, y] of b) {
        let c = K.mul(x, y);
        for (let common = ma & mb, k = 0; common !== 0; common >>= 1, k++) if (common & 1) c = K.mul(c, this.squares[k]);
        addTo(K, out, ma ^ mb, c);
      }
    return out;
  }

  private power(i: number, e: number): Multiquadratic<E> {
    const list = this.powers[i];
    while (list.length <= e) list.push(this.multiply(list[list.length - 1], this.coordinates[i]));
    return list[e];
  }

  /** f at the representative; f's variables are matched to the family's by name. */
  evaluate(f: Polynomial<Rational>, deadline?: Deadline): Multiquadratic<E> {
    const K = this.K;
    const index = f.ring.vars.map((v) => this.vars.indexOf(v));
    if (f.support().some((i) => index[i] < 0)) throw new ComputationError('the polynomial uses a variable the family does not have');
    const acc: Multiquadratic<E> = new Map();
    for (let t = 0; t < f.length; t++) {
      if (t % 64 === 0) deadline?.check();
      const m = f.monomials[t];
      const c = K.fromRational(f.coefficients[t]);
      if (c === undefined) throw new UnluckyPrime();
      let term: Multiquadratic<E> = single(K, 0, c);
      for (let i = 0; i < index.length && term.size > 0; i++) if (m[i + 1] > 0) term = this.multiply(term, this.power(index[i], m[i + 1]));
      for (const [mask, x] of term) addTo(K, acc, mask, x);
    }
    return acc;
  }
}

/**
 * The representative's coordinates over K: the invariant ones u/q′, the pivots √s_k, the linked
 * ones (w/S_K)·√S_K. `over(u)` is u/q′ in K, `divide(a, b)` a/b (undefined: not invertible).
 */
function representativeOver<E>(K: Coefficients<E>, data: OrbitFamilyData, over: (u: UPoly<Rational>) => E, divide: (a: E, b: E) => E): MultiquadraticEvaluator<E> {
  const pivotBit = new Map<number, number>();
  const squares: E[] = [];
  data.coordinates.forEach((x, i) => {
    if (x.kind === 'pivot') {
      pivotBit.set(i, squares.length);
      squares.push(over(x.numerator));
    }
  });
  const coordinates = data.coordinates.map((x, i): Multiquadratic<E> => {
    if (x.kind === 'zero') return new Map();
    if (x.kind === 'invariant') return single(K, 0, over(x.numerator));
    if (x.kind === 'pivot') return single(K, 1 << (pivotBit.get(i) as number), K.one);
    let mask = 0;
    let c = over(x.numerator);
    for (const v of x.pivots) {
      const k = pivotBit.get(v) as number;
      mask |= 1 << k;
      c = divide(c, squares[k]);
    }
    return single(K, mask, c);
  });
  return new MultiquadraticEvaluator(K, squares, coordinates, data.vars);
}

/** The evaluator modulo p (K = Z/p[T]/q, q made monic), or undefined when p is unlucky. */
function evaluatorModP(data: OrbitFamilyData, p: number): { q: UPoly<number>; evaluator: MultiquadraticEvaluator<UPoly<number>> } | undefined {
  const F = Zp(p);
  const P = BigInt(p);
  const q0 = data.minimalPolynomial;
  if (q0[q0.length - 1] % P === 0n) return undefined;
  const lc = F.inv(F.fromInt(q0[q0.length - 1]));
  const q = utrim(F, q0.map((c) => F.mul(F.fromInt(c), lc)));
  const reduce = (u: readonly Rational[]): UPoly<number> => {
    if (u.some((c) => c.den % P === 0n)) throw new UnluckyPrime();
    return utrim(F, u.map((c) => F.fromRational(c)));
  };
  const K: Coefficients<UPoly<number>> = {
    zero: [],
    one: [1],
    add: (a, b) => utrim(F, Array.from({ length: Math.max(a.length, b.length) }, (_, k) => F.add(a[k] ?? 0, b[k] ?? 0))),
    mul: (a, b) => (a.length === 0 || b.length === 0 ? [] : utrim(F, mulRemModP(a, b, q, p))),
    isZero: (a) => a.length === 0,
    fromRational: (r) => (r.den % P === 0n ? undefined : utrim(F, [F.fromRational(r)])),
  };
  const inverse = (a: UPoly<number>): UPoly<number> => {
    const s = inverseModP(a, q, p);
    if (!s) throw new UnluckyPrime();
    return s;
  };
  try {
    const dq = inverse(reduce(uderivative(QQ, q0.map((c) => rational(c)))));
    // The divisors are the pivots' squares, a few, each met by many coordinates: inverted once.
    const inverses = new Map<UPoly<number>, UPoly<number>>();
    const inverseOf = (b: UPoly<number>): UPoly<number> => {
      let s = inverses.get(b);
      if (s === undefined) inverses.set(b, (s = inverse(b)));
      return s;
    };
    const evaluator = representativeOver(K, data, (u) => K.mul(reduce(u), dq), (a, b) => K.mul(a, inverseOf(b)));
    return { q, evaluator };
  } catch (e) {
    if (e instanceof UnluckyPrime) return undefined;
    throw e;
  }
}

/**
 * The minimal polynomial over Q of the values of an invariant polynomial f on the family's
 * orbits (primitive integer coefficients, ascending), lifted from its images modulo primes:
 * f at the representative in Z/p[T]/q[√s…] (the part without square roots), then its minimal
 * polynomial there (see `component-values.ts`).
 */
export function orbitValueMinimalPolynomial(f: Polynomial<Rational>, data: OrbitFamilyData, deadline?: Deadline): bigint[] {
  return liftValueMinimalPolynomial((p) => {
    const e = evaluatorModP(data, p);
    if (!e) return undefined;
    let v: Multiquadratic<UPoly<number>>;
    try {
      v = e.evaluator.evaluate(f, deadline);
    } catch (x) {
      if (x instanceof UnluckyPrime) return undefined;
      throw x;
    }
    for (const m of v.keys()) if (m !== 0) throw new ComputationError('the polynomial is not invariant under the sign changes of the orbits');
    return minimalPolynomialModP(v.get(0) ?? [], e.q, p);
  }, deadline);
}

/**
 * The values of an invariant polynomial f on the family's orbits, exactly (see `valuesOnComponent`),
 * the real one at each real orbit (root intervals `thetas`) identified.
 */
export function orbitValues(f: Polynomial<Rational>, data: OrbitFamilyData, thetas: readonly RootInterval[], bits: number, deadline?: Deadline): ComponentValues {
  const mu = orbitValueMinimalPolynomial(f, data, deadline);
  const index = f.ring.vars.map((v) => data.vars.indexOf(v));
  return valuesAtRealPoints(mu, f, thetas, bits, (theta, s) => {
    const at = orbitRepresentativeBox(data, theta, s);
    return { box: index.map((i) => at.box[i]), theta: at.theta };
  }, deadline);
}

/**
 * The inertia of the symmetric matrix H (entries semi-invariant polynomials in the family's
 * variables) at the representative of the real orbit whose root θ is isolated by `theta`,
 * exactly over Q(θ) after the congruence of the file header. Costly on large families (the
 * arithmetic of Q(θ) over Q): the last resort after interval arithmetic.
 */
export function orbitInertia(data: OrbitFamilyData, H: readonly (readonly Polynomial<Rational>[])[], theta: RootInterval, deadline?: Deadline): Inertia {
  const { F, K, ev } = exactEvaluator(data);
  const n = H.length;
  const values = H.map((row, i) => row.slice(0, i + 1).map((h) => ev.evaluate(h, deadline)));
  const at = (i: number, j: number): Multiquadratic<NumberFieldElement> => (j <= i ? values[i][j] : values[j][i]);
  // The masks E_i: E_i △ E_j = the mask of H_ij wherever it is non-zero (one connected piece at a time).
  const mask = new Array<number>(n).fill(-1);
  for (let root = 0; root < n; root++) {
    if (mask[root] >= 0) continue;
    mask[root] = 0;
    const stack = [root];
    while (stack.length > 0) {
      const i = stack.pop() as number;
      for (let j = 0; j < n; j++) {
        const h = at(i, j);
        if (h.size === 0) continue;
        if (h.size > 1) throw new ComputationError('a Hessian entry is not semi-invariant under the sign changes');
        const m = mask[i] ^ (h.keys().next().value as number);
        if (mask[j] < 0) {
          mask[j] = m;
          stack.push(j);
        } else if (mask[j] !== m) throw new ComputationError('the Hessian is not congruent to a matrix over Q(θ) by sign-invariant scalings');
      }
    }
  }
  const M = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => {
      const h = ev.multiply(ev.multiply(single(K, mask[i], F.one), at(i, j)), single(K, mask[j], F.one));
      return h.get(0) ?? F.zero;
    }),
  );
  return algebraicInertia(F, M, data.minimalPolynomial, theta);
}

/** The evaluator over Q(θ), exactly. */
function exactEvaluator(data: OrbitFamilyData): { F: ReturnType<typeof numberField>; K: Coefficients<NumberFieldElement>; ev: MultiquadraticEvaluator<NumberFieldElement> } {
  const F = numberField(data.minimalPolynomial);
  const K: Coefficients<NumberFieldElement> = { zero: F.zero, one: F.one, add: F.add, mul: F.mul, isZero: F.isZero, fromRational: F.fromRational };
  const dq = F.inv(uderivative(QQ, data.minimalPolynomial.map((c) => rational(c))));
  return { F, K, ev: representativeOver(K, data, (u) => F.mul(u, dq), F.div) };
}

/**
 * Does f vanish at every point of the family? Exact: f at the representative in Q(θ)[√s…] is 0
 * (then at every root θ, and at every point of each orbit when f is semi-invariant).
 */
export function vanishesOnOrbits(f: Polynomial<Rational>, data: OrbitFamilyData, deadline?: Deadline): boolean {
  return exactEvaluator(data).ev.evaluate(f, deadline).size === 0;
}

function single<E>(K: Coefficients<E>, mask: number, c: E): Multiquadratic<E> {
  return K.isZero(c) ? new Map() : new Map([[mask, c]]);
}

function addTo<E>(K: Coefficients<E>, m: Multiquadratic<E>, mask: number, c: E): void {
  const sum = K.add(m.get(mask) ?? K.zero, c);
  if (K.isZero(sum)) m.delete(mask);
  else m.set(mask, sum);
}
