/**
 * A polynomial f evaluated on a finite irreducible component, without leaving its exact form.
 *
 * The component is the Galois orbit {x = u(θ)/d(θ) : q(θ) = 0} of a parametrization (see
 * `zero-dimensional.ts`), so f takes the values a(θ) = f(u(θ)/d(θ)), an element of the number
 * field Q(θ) = Q[T]/q. Their minimal polynomial over Q (degree k dividing deg q; k = 1 when f is
 * constant on the component, the usual case for a loss on a critical component) is computed
 * modulo primes — q, u, d reduced, a(T) built in Z/p[T]/q, its minimal polynomial from the first
 * linear dependency among 1, a, a², … — and lifted by rational reconstruction, accepted when it
 * agrees at one more prime. Nothing is ever expanded over Q: the coordinates wᵢ = uᵢ/d mod q have
 * coefficients far longer than the answer.
 *
 * At a real point, an enclosure of the coordinates (`realPointBox`: θ's isolating interval refined,
 * uᵢ and d evaluated on it in exact interval arithmetic, rounded outward to fixed point) lets f
 * be evaluated in interval arithmetic (`evaluateOnBox`): certified values and signs, refined by
 * asking for more bits.
 */
import { QQ, Zp } from '../arithmetic/field';
import { FixedInterval, fixedDiv, fixedFromRationals, fixedSign, fixedToRationals } from '../arithmetic/fixed-interval';
import { liftMonicFromImages } from '../arithmetic/lifting';
import { gcd, lcm } from '../arithmetic/integers';
import { primeStream } from '../arithmetic/primes';
import { LAZY_PRIME_LIMIT } from '../arithmetic/modular-linear';
import { Rational, rational as rationalOf, rcmp, rsub } from '../arithmetic/rational';
import { EchelonSpace } from '../arithmetic/echelon';
import { ComputationError, Deadline } from '../errors';
import { Polynomial } from '../poly/polynomial';
import { UPoly, uadd, uderivative, uexactDiv, umonic, umul, urem, utrim } from '../poly/univariate';
import { gcdModP, invModP, inverseModP, mulRemModP } from '../poly/factor/fp-poly';
import { ComponentParametrizationData } from './zero-dimensional';
import { evaluateOnInterval } from './points';
import { isolateRealRoots, refineRoot } from './roots/real';
import { evaluateOnBox } from '../poly/evaluate';

/** The images of the coordinates wᵢ = uᵢ/d mod q modulo p (in the ring's variable order) with q made monic, or undefined when p is unlucky. */
function coordinatesModP(data: ComponentParametrizationData, p: number): { q: UPoly<number>; w: UPoly<number>[] } | undefined {
  const F = Zp(p);
  const P = BigInt(p);
  const q = data.minimalPolynomial;
  if (q[q.length - 1] % P === 0n) return undefined;
  const reduce = (u: readonly Rational[]): UPoly<number> | undefined => {
    if (u.some((c) => c.den % P === 0n)) return undefined;
    return utrim(F, u.map((c) => F.fromRational(c)));
  };
  // q made monic: the fast remainders of fp-poly.ts divide by monic polynomials.
  const lc = F.inv(F.fromInt(q[q.length - 1]));
  const qp = utrim(F, q.map((c) => F.mul(F.fromInt(c), lc)));
  let inverse: UPoly<number> = [1];
  if (data.denominator) {
    const d = reduce(data.denominator);
    if (!d) return undefined;
    const s = inverseModP(d, qp, p);
    if (!s) return undefined; // d and q share a root modulo p
    inverse = s;
  }
  const w: UPoly<number>[] = [];
  for (const u of data.numerators) {
    const up = reduce(u);
    if (!up) return undefined;
    w.push(data.denominator ? utrim(F, mulRemModP(up, inverse, qp, p)) : up);
  }
  return { q: qp, w };
}

/** f(w) in Z/p[T]/q, f's variables matched to the component's ring by name. */
function valueModP(f: Polynomial<Rational>, index: readonly number[], q: UPoly<number>, w: readonly UPoly<number>[], p: number): UPoly<number> | undefined {
  const F = Zp(p);
  const P = BigInt(p);
  const powers: UPoly<number>[][] = w.map((x) => [[1], x]);
  const power = (i: number, e: number): UPoly<number> => {
    const list = powers[i];
    while (list.length <= e) list.push(mulRemModP(list[list.length - 1], w[i], q, p));
    return list[e];
  };
  let acc: number[] = [];
  for (let t = 0; t < f.length; t++) {
    const c = f.coefficients[t];
    if (c.den % P === 0n) return undefined;
    let term: UPoly<number> = [F.fromRational(c)];
    const m = f.monomials[t];
    for (let i = 0; i < index.length; i++) if (m[i + 1] > 0) term = term.length === 1 ? power(index[i], m[i + 1]).map((x) => F.mul(x, term[0])) : mulRemModP(term, power(index[i], m[i + 1]), q, p);
    for (let k = 0; k < term.length; k++) acc[k] = F.add(acc[k] ?? 0, term[k]);
  }
  return utrim(F, acc);
}

/**
 * The monic minimal polynomial of a in Z/p[T]/q (q monic, ascending). When the degree D of q is
 * below p: the radical of a's characteristic polynomial, from the traces of a's powers
 * (`characteristicPolynomialByTraces`); the two agree at every prime where the minimal polynomial
 * over Q stays squarefree (the characteristic polynomial is its (D/k)-th power), and elsewhere
 * the radical has a lower degree, which the lift skips as it skips any unlucky prime's image.
 * Otherwise from the first dependency among a's powers.
 */
export function minimalPolynomialModP(a: UPoly<number>, q: UPoly<number>, p: number): number[] {
  const D = q.length - 1;
  if (D < p) {
    const chi = characteristicPolynomialByTraces(a, q, p);
    const F = Zp(p);
    const g = gcdModP(chi, uderivative(F, chi), p);
    return g.length <= 1 ? chi : [...umonic(F, uexactDiv(F, chi, g))];
  }
  return minimalPolynomialByDependency(a, q, p);
}

/**
 * The characteristic polynomial (monic, ascending) of multiplication by a in Z/p[T]/q, q monic of
 * degree D < p: the power sums s_k of q's roots by Newton's identities, the traces of a, a², …,
 * a^D as Tr(a^j) = Σᵢ (a^j)ᵢ·sᵢ, then the elementary symmetric functions of a's conjugates by
 * Newton's identities again (k·e_k = Σ_{i≤k} (−1)^{i−1} e_{k−i}·Tr(a^i)). D products modulo q
 * and O(D²) operations more, against O(D³) for an echelon form of the powers.
 */
export function characteristicPolynomialByTraces(a: UPoly<number>, q: UPoly<number>, p: number): number[] {
  const D = q.length - 1;
  // p < 2^26: every product of two residues is below 2^52 and every sum is reduced at once, so
  // all of it is exact in doubles.
  const s = new Array<number>(D).fill(0);
  if (D > 0) s[0] = D % p;
  for (let k = 1; k < D; k++) {
    let acc = (k * q[D - k]) % p;
    for (let i = 1; i < k; i++) acc = (acc + q[D - i] * s[k - i]) % p;
    s[k] = acc === 0 ? 0 : p - acc;
  }
  const traces = new Array<number>(D + 1).fill(0);
  let power: number[] = a.slice();
  for (let j = 1; j <= D; j++) {
    if (j > 1) power = mulRemModP(power, a, q, p);
    let t = 0;
    for (let i = 0; i < power.length; i++) t = (t + power[i] * s[i]) % p;
    traces[j] = t;
  }
  const e = new Array<number>(D + 1).fill(0);
  e[0] = 1;
  for (let k = 1; k <= D; k++) {
    let acc = 0;
    for (let i = 1; i <= k; i++) {
      const term = (e[k - i] * traces[i]) % p;
      acc = i % 2 === 1 ? (acc + term) % p : (acc - term + p) % p;
    }
    e[k] = (acc * invModP(k, p)) % p;
  }
  // χ(X) = Σ_k (−1)^k e_k X^{D−k}
  const chi = new Array<number>(D + 1);
  for (let k = 0; k <= D; k++) chi[D - k] = k % 2 === 0 || e[k] === 0 ? e[k] : p - e[k];
  return chi;
}

/** The monic minimal polynomial of a in Z/p[T]/q (ascending), from the first dependency among its powers. */
export function minimalPolynomialByDependency(a: UPoly<number>, q: UPoly<number>, p: number): number[] {
  const F = Zp(p);
  const D = q.length - 1;
  const space = new EchelonSpace(F);
  let v: UPoly<number> = [1];
  for (let k = 0; k <= D; k++) {
    const dense = Array.from({ length: D }, (_, i) => v[i] ?? 0);
    const dependency = space.insert(dense);
    if (dependency) return [...dependency.map((c) => F.neg(c)), 1];
    v = mulRemModP(v, a, q, p);
  }
  throw new ComputationError('minimal polynomial of degree above the field degree');
}

/**
 * The minimal polynomial over Q of the values of f on the component (primitive integer
 * coefficients, ascending, positive leading coefficient). f's variables are matched to the
 * component's by name; variables f does not use may be missing from it.
 */
export function valueMinimalPolynomial(f: Polynomial<Rational>, data: ComponentParametrizationData, deadline?: Deadline): bigint[] {
  const index = f.ring.vars.map((v) => data.ring.vars.indexOf(v));
  if (f.support().some((i) => index[i] < 0)) throw new ComputationError('the polynomial uses a variable the component does not have');
  return liftValueMinimalPolynomial((p) => {
    const c = coordinatesModP(data, p);
    const a = c && valueModP(f, index, c.q, c.w, p);
    return a && minimalPolynomialModP(a, c.q, p);
  }, deadline);
}

/**
 * A minimal polynomial over Q (primitive integer coefficients, ascending, positive leading
 * coefficient) lifted from its monic images `image(p)` at the primes below 2^21 (undefined:
 * an unlucky prime, skipped).
 */
export function liftValueMinimalPolynomial(image: (p: number) => number[] | undefined, deadline?: Deadline): bigint[] {
  // Primes below 2^21: the univariate products modulo p then reduce lazily (see poly/univariate.ts).
  const primes = primeStream(LAZY_PRIME_LIMIT, deadline);
  const next = (): { p: number; mu: number[] } | undefined => {
    for (;;) {
      deadline?.check();
      const r = primes.next();
      if (r.done) return undefined;
      const mu = image(r.value);
      if (mu) return { p: r.value, mu };
    }
  };
  // Modulo p the minimal polynomial can only lose degree (at finitely many primes).
  const lifted = liftMonicFromImages(next, 100000);
  if (!lifted) throw new ComputationError('the minimal polynomial of a value did not lift');
  // Primitive integer form of T^k + Σ lifted_j T^j.
  let den = 1n;
  for (const c of lifted) den = lcm(den, c.den);
  const coeffs = [...lifted.map((c) => c.num * (den / c.den)), den];
  let g = 0n;
  for (const c of coeffs) g = gcd(g, c < 0n ? -c : c);
  return coeffs.map((c) => c / g);
}

/**
 * An enclosure of the real point with root interval `theta` (an isolating interval of q), as one
 * fixed-point interval at scale s per variable of the component's ring: θ is refined to s + 8
 * bits and the coordinates evaluated on it (each interval is then about 2^−s times the
 * coordinates' derivative wide). Returns the refined θ interval too, for the next call.
 */
export function realPointBox(data: ComponentParametrizationData, theta: { lo: Rational; hi: Rational }, s: number): { box: FixedInterval[]; theta: { lo: Rational; hi: Rational } } {
  const q = data.minimalPolynomial;
  const exact = theta.lo.num * theta.hi.den === theta.hi.num * theta.lo.den;
  let refined = exact ? theta : refineRoot(q, theta, { bits: s + 8 });
  const at = (w: UPoly<Rational>): FixedInterval => {
    if (w.length <= 1) {
      const c = w[0] ?? { num: 0n, den: 1n };
      return fixedFromRationals(c, c, s);
    }
    const iv = evaluateOnInterval(w, refined, s + 16);
    return fixedFromRationals(iv.lo, iv.hi, s);
  };
  let d = data.denominator ? at(data.denominator) : undefined;
  // d(θ) ≠ 0 (q′ at a simple root): a tighter θ separates its enclosure from 0.
  for (let bits = 2 * s; d && fixedSign(d) === 0; bits *= 2) {
    if (exact) throw new ComputationError('the denominator vanishes at a rational point');
    refined = refineRoot(q, refined, { bits });
    d = at(data.denominator as UPoly<Rational>);
  }
  const box = data.numerators.map((u) => (d ? fixedDiv(at(u), d, s) : at(u)));
  return { box, theta: refined };
}

/** The values of f on a component: exact, with the real ones located. */
export type ComponentValues =
  | { kind: 'rational'; value: Rational }
  | {
      kind: 'algebraic';
      /** The minimal polynomial of the values (primitive integer coefficients, ascending). */
      minimalPolynomial: bigint[];
      /** Isolating intervals of its real roots, ascending, refined to at least `bits` bits. */
      realRoots: { lo: Rational; hi: Rational }[];
      /** For each θ given, the index of the value there in `realRoots`. */
      atRealPoints: number[];
    };

/**
 * The values of f on the component: one rational, or the roots of an irreducible polynomial of
 * degree k > 1, with the real value at each real point identified exactly (its interval
 * enclosure, refined until it meets one isolating interval only) at each real point given by
 * its θ interval. `bits` is the width the real roots' intervals are refined to (2^−bits).
 */
export function valuesOnComponent(
  f: Polynomial<Rational>,
  data: ComponentParametrizationData,
  /** The isolating intervals of θ at the real points of interest. */
  thetas: readonly { lo: Rational; hi: Rational }[],
  bits: number,
  deadline?: Deadline,
): ComponentValues {
  const mu = valueMinimalPolynomial(f, data, deadline);
  const index = f.ring.vars.map((v) => data.ring.vars.indexOf(v));
  return valuesAtRealPoints(mu, f, thetas, bits, (theta, s) => {
    const at = realPointBox(data, theta, s);
    return { box: index.map((i) => at.box[i]), theta: at.theta };
  }, deadline);
}

/**
 * The values of f with minimal polynomial mu (see `valuesOnComponent`), the real one at each real
 * point identified: `boxAt(θ, s)` encloses the point with root interval θ at scale s (in f's
 * variable order) and refines θ.
 */
export function valuesAtRealPoints(
  mu: bigint[],
  f: Polynomial<Rational>,
  thetas: readonly { lo: Rational; hi: Rational }[],
  bits: number,
  boxAt: (theta: { lo: Rational; hi: Rational }, s: number) => { box: FixedInterval[]; theta: { lo: Rational; hi: Rational } },
  deadline?: Deadline,
): ComponentValues {
  if (mu.length === 2) return { kind: 'rational', value: rationalOf(-mu[0], mu[1]) };
  let roots = isolateRealRoots(mu, { irreducible: true }).map((iv) => refineRoot(mu, iv, { bits }));
  const atRealPoints = thetas.map((theta0) => {
    let theta = theta0;
    for (let s = 64; ; s *= 2) {
      deadline?.check();
      const at = boxAt(theta, s);
      theta = at.theta;
      const v = fixedToRationals(evaluateOnBox(f, at.box, s), s);
      const hits = roots.map((r, k) => (rcmp(r.lo, v.hi) <= 0 && rcmp(v.lo, r.hi) <= 0 ? k : -1)).filter((k) => k >= 0);
      if (hits.length === 1) return hits[0];
      if (hits.length === 0) throw new ComputationError('a value at a real point meets no real root of its minimal polynomial');
      // Several roots' intervals meet the enclosure: shrink those below its width, then retry.
      const width = rsub(v.hi, v.lo);
      roots = roots.map((r, k) => (hits.includes(k) ? refineRoot(mu, r, { epsilon: width.num === 0n ? { num: 1n, den: 1n << BigInt(s) } : width }) : r));
    }
  });
  return { kind: 'algebraic', minimalPolynomial: mu, realRoots: roots, atRealPoints };
}

/**
 * Does f vanish on the component? Decided exactly over Q: f(u/d)·d^deg f, with every power of d
 * kept in the numerator, reduced modulo q (no division, no expansion in the variables). The
 * proof that every point of the component solves an equation.
 */
export function vanishesOnComponent(f: Polynomial<Rational>, data: ComponentParametrizationData, deadline?: Deadline): boolean {
  const index = f.ring.vars.map((v) => data.ring.vars.indexOf(v));
  if (f.support().some((i) => index[i] < 0)) throw new ComputationError('the polynomial uses a variable the component does not have');
  const q = data.minimalPolynomial.map((c) => rationalOf(c));
  const d: UPoly<Rational> = data.denominator ?? [rationalOf(1n)];
  const degree = f.totalDegree();
  const cache = new Map<string, UPoly<Rational>>();
  const power = (u: UPoly<Rational>, key: string, e: number): UPoly<Rational> => {
    const k = `${key}^${e}`;
    let r = cache.get(k);
    if (!r) {
      r = e === 0 ? [rationalOf(1n)] : urem(QQ, umul(QQ, power(u, key, e - 1), u), q);
      cache.set(k, r);
    }
    return r;
  };
  let acc: UPoly<Rational> = [];
  for (let t = 0; t < f.length; t++) {
    deadline?.check();
    const m = f.monomials[t];
    let term: UPoly<Rational> = [f.coefficients[t]];
    for (let i = 0; i < index.length; i++) if (m[i + 1] > 0) term = urem(QQ, umul(QQ, term, power(data.numerators[index[i]], `u${index[i]}`, m[i + 1])), q);
    term = urem(QQ, umul(QQ, term, power(d, 'd', degree - m[0])), q);
    acc = uadd(QQ, acc, term);
  }
  return utrim(QQ, acc).length === 0;
}
