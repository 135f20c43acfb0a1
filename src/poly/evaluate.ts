/**
 * Evaluation at a point (exact, in the field), substitution of polynomials for variables, and
 * homogenization.
 *
 * Evaluation caches the powers of each coordinate, so a polynomial with t terms in n variables
 * of degree d costs O(t·n) multiplications plus O(n·d) for the powers. `evaluateOnBox` does the
 * same in fixed-point interval arithmetic: an enclosure of p over a box, for certified signs
 * and values at real algebraic points.
 */
import { InputError } from '../errors';
import { FixedInterval, fixedAdd, fixedFromRational, fixedMul } from '../arithmetic/fixed-interval';
import { lcm } from '../arithmetic/integers';
import { Rational, rational } from '../arithmetic/rational';
import { Monomial } from '../monomials/monomial';
import { MonomialOrder, degrevlex } from '../monomials/order';
import { Polynomial, PolynomialRing } from './polynomial';
import { checkPolynomial } from './arguments';

/** A point as coordinates in the ring's variable order, or as values by variable name. */
export type Point<T> = readonly T[] | Readonly<Record<string, T>>;

function coordinates<T>(R: PolynomialRing<T>, point: Point<T>, p: Polynomial<T>): (T | undefined)[] {
  if (Array.isArray(point)) {
    if (point.length !== R.nvars) throw new InputError(`point has ${point.length} coordinates, the ring has ${R.nvars} variables`);
    return point as T[];
  }
  const rec = point as Readonly<Record<string, T>>;
  const used = new Set(p.support());
  return R.vars.map((v, i) => {
    if (v in rec) return rec[v];
    if (used.has(i)) throw new InputError(`no value given for variable '${v}'`);
    return undefined;
  });
}

/** p(point), exactly in the ring's field. Example: (x² + y)(2, 3) = 7. */
export function evaluate<T>(p: Polynomial<T>, point: Point<T>): T {
  checkPolynomial(p, 'evaluate');
  const R = p.ring;
  const F = R.field;
  const xs = coordinates(R, point, p);
  const powers: T[][] = xs.map((x) => (x === undefined ? [] : [F.one, x]));
  const power = (i: number, e: number): T => {
    const list = powers[i];
    while (list.length <= e) list.push(F.mul(list[list.length - 1], xs[i] as T));
    return list[e];
  };
  let acc = F.zero;
  for (let k = 0; k < p.length; k++) {
    const m = p.monomials[k];
    let t = p.coefficients[k];
    for (let i = 0; i < R.nvars; i++) if (m[i + 1] !== 0) t = F.mul(t, power(i, m[i + 1]));
    acc = F.add(acc, t);
  }
  return acc;
}

/**
 * The values of polynomials over Q at one rational point, all at once: with d the common
 * denominator of the coordinates (xᵢ = aᵢ/d) and L that of a polynomial's coefficients, p(x) =
 * Σ (L·c)·Πaᵢ^eᵢ·d^(D − |e|) / (L·d^D) for p of degree D — integer products only, the powers of
 * each aᵢ and of d shared by every polynomial, one fraction reduced per value (`evaluate` reduces a
 * fraction at every product). For the many entries of a Hessian at a sample point.
 * @example evaluateAtRationalPoint([x² + y, x·y], [1/2, 3]) // [13/4, 3/2]
 */
export function evaluateAtRationalPoint(polys: readonly Polynomial<Rational>[], point: readonly Rational[]): Rational[] {
  const d = point.reduce((l, x) => lcm(l, x.den), 1n);
  const a = point.map((x) => x.num * (d / x.den));
  const powers: bigint[][] = a.map((x) => [1n, x]);
  const power = (i: number, e: number): bigint => {
    const list = powers[i];
    while (list.length <= e) list.push(list[list.length - 1] * a[i]);
    return list[e];
  };
  const dPowers = [1n];
  const dPower = (e: number): bigint => {
    while (dPowers.length <= e) dPowers.push(dPowers[dPowers.length - 1] * d);
    return dPowers[e];
  };
  return polys.map((p) => {
    if (p.isZero()) return rational(0n);
    const D = p.totalDegree();
    const L = p.coefficients.reduce((l, c) => lcm(l, c.den), 1n);
    let acc = 0n;
    for (let k = 0; k < p.length; k++) {
      const m = p.monomials[k];
      const c = p.coefficients[k];
      let t = c.num * (L / c.den) * dPower(D - m[0]);
      for (let i = 1; i < m.length; i++) if (m[i] !== 0) t *= power(i - 1, m[i]);
      acc += t;
    }
    return rational(acc, L * dPower(D));
  });
}

/**
 * An interval containing p(x) for every x in the box (one fixed-point interval at scale s per
 * ring variable, in the ring's order; see `arithmetic/fixed-interval.ts`).
 */
export function evaluateOnBox(p: Polynomial<Rational>, box: readonly FixedInterval[], s: number): FixedInterval {
  const n = p.ring.nvars;
  if (box.length !== n) throw new InputError(`box has ${box.length} coordinates, the ring has ${n} variables`);
  const one = fixedFromRational({ num: 1n, den: 1n }, s);
  const powers: FixedInterval[][] = box.map((x) => [one, x]);
  const power = (i: number, e: number): FixedInterval => {
    const list = powers[i];
    while (list.length <= e) list.push(fixedMul(list[list.length - 1], box[i], s));
    return list[e];
  };
  let acc: FixedInterval = { lo: 0n, hi: 0n };
  for (let k = 0; k < p.length; k++) {
    const m = p.monomials[k];
    let t = fixedFromRational(p.coefficients[k], s);
    for (let i = 0; i < n; i++) if (m[i + 1] !== 0) t = fixedMul(t, power(i, m[i + 1]), s);
    acc = fixedAdd(acc, t);
  }
  return acc;
}

/**
 * Substitutes polynomials for variables: `substitute(p, { x: q1, y: q2 })`. The values must share
 * one ring, which is the ring of the result; variables not substituted must exist in that ring.
 */
export function substitute<T>(p: Polynomial<T>, values: Readonly<Record<string, Polynomial<T>>>, target?: PolynomialRing<T>): Polynomial<T> {
  checkPolynomial(p, 'substitute');
  const R = p.ring;
  const given = Object.values(values);
  const S = target ?? (given.length > 0 ? given[0].ring : R);
  for (const q of given) if (q.ring !== S && !q.ring.equals(S)) throw new InputError('substituted polynomials must share one ring');
  const used = new Set(p.support());
  // Only variables that occur need an image; an unused one may be absent from the target ring.
  const images: (Polynomial<T> | undefined)[] = R.vars.map((v, i) =>
    v in values ? values[v] : used.has(i) ? S.variable(v) : undefined,
  );
  const powers: Polynomial<T>[][] = images.map((q) => (q === undefined ? [] : [S.one(), q]));
  const power = (i: number, e: number): Polynomial<T> => {
    const list = powers[i];
    while (list.length <= e) list.push(list[list.length - 1].mul(images[i] as Polynomial<T>));
    return list[e];
  };
  let acc = S.zero();
  for (let k = 0; k < p.length; k++) {
    const m = p.monomials[k];
    let t = S.constant(p.coefficients[k]);
    for (let i = 0; i < R.nvars; i++) if (m[i + 1] !== 0) t = t.mul(power(i, m[i + 1]));
    acc = acc.add(t);
  }
  return acc;
}

/**
 * Homogenizes p with a new variable `h` appended to the variables: each term c·x^e becomes
 * c·x^e·h^(d − |e|) with d the total degree of p. The result lives in a new ring (default degrevlex).
 */
export function homogenize<T>(p: Polynomial<T>, h = 'h', order: MonomialOrder = degrevlex): Polynomial<T> {
  const R = p.ring;
  if (R.hasVar(h)) throw new InputError(`the homogenizing variable '${h}' is already a variable of the ring`);
  const S = new PolynomialRing(R.field, [...R.vars, h], order);
  const d = p.totalDegree();
  const monos: Monomial[] = p.monomials.map((m) => [d, ...m.slice(1), d - m[0]]);
  return S.normalize(monos, [...p.coefficients]);
}

/** Is p homogeneous (all terms of the same total degree)? */
export function isHomogeneous<T>(p: Polynomial<T>): boolean {
  return p.monomials.every((m) => m[0] === p.monomials[0][0]);
}

/** Sets the variable h to 1 and returns the polynomial in the ring without h. */
export function dehomogenize<T>(p: Polynomial<T>, h: string): Polynomial<T> {
  const R = p.ring;
  const hi = R.varIndex(h);
  const S = new PolynomialRing(R.field, R.vars.filter((_, i) => i !== hi), R.order.kind === 'lex' || R.order.kind === 'deglex' || R.order.kind === 'degrevlex' ? R.order : degrevlex);
  const monos: Monomial[] = p.monomials.map((m) => {
    const e = m.slice(1).filter((_, i) => i !== hi);
    return [e.reduce((a, b) => a + b, 0), ...e];
  });
  return S.normalize(monos, [...p.coefficients]);
}
