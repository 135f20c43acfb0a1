/**
 * Coordinates of algebraic points xᵢ = wᵢ(θ), θ a root of an irreducible χ ∈ Q[T]:
 * certified decimals for real roots, approximations with an error bound for complex ones.
 *
 * Real θ: θ lies in an exact isolating interval; wᵢ is evaluated on it in exact rational interval
 * arithmetic (Horner) and the interval of θ is refined until both ends of every coordinate's
 * interval round to the same decimal string. This terminates because wᵢ(θ) is irrational unless
 * wᵢ is constant (deg wᵢ < deg χ and χ irreducible). Complex θ: z ≈ θ with |θ − z| ≤ r from the
 * root finder; wᵢ(z) is computed exactly in Q(i) and |wᵢ(θ) − wᵢ(z)| ≤ Σ k·|a_k|·(|z| + r)^(k−1)·r.
 */
import { QQ } from '../arithmetic/field';
import { bitLength, gcd } from '../arithmetic/integers';
import { Rational, parseRational, rational, rationalToNumber, rcmp, req } from '../arithmetic/rational';
import { UPoly, uevaluate } from '../poly/univariate';
import { RootInterval, refineRoot } from './roots/real';
import { roundSignificant } from './roots/decimal';
import { ComplexRoot } from './roots/complex';

interface Interval {
  lo: Rational;
  hi: Rational;
}


/** Integer coefficients W and the denominator L with w = W/L (L the lcm of w's denominators). */
function clearDenominators(w: UPoly<Rational>): { W: bigint[]; L: bigint } {
  let L = 1n;
  for (const c of w) L = (L / gcd(L, c.den)) * c.den;
  return { W: w.map((c) => c.num * (L / c.den)), L };
}

/**
 * An interval containing w(x) for every x in [lo, hi] (Horner in interval arithmetic). The
 * arithmetic runs on integers — w = W/L and x = X/e over a common denominator e, so
 * w(x) = (Σ Wᵢ·Xⁱ·e^(n−i)) / (L·eⁿ) — with one normalization at the end instead of a gcd per
 * operation.
 */
export function evaluateOnInterval(w: UPoly<Rational>, x: Interval, precision?: number): Interval {
  if (w.length === 0) return { lo: QQ.zero, hi: QQ.zero };
  const { W, L } = clearDenominators(w);
  const e = (x.lo.den / gcd(x.lo.den, x.hi.den)) * x.hi.den;
  const A = x.lo.num * (e / x.lo.den);
  const C = x.hi.num * (e / x.hi.den);
  const n = W.length - 1;
  let lo = W[n];
  let hi = W[n];
  let ePower = 1n; // e^(n−k) for the current k
  for (let k = n - 1; k >= 0; k--) {
    ePower *= e;
    const p1 = lo * A;
    const p2 = lo * C;
    const p3 = hi * A;
    const p4 = hi * C;
    let mn = p1;
    let mx = p1;
    for (const q of [p2, p3, p4]) {
      if (q < mn) mn = q;
      if (q > mx) mx = q;
    }
    const add = W[k] * ePower;
    lo = mn + add;
    hi = mx + add;
  }
  const den = L * ePower;
  if (precision === undefined) return { lo: rational(lo, den), hi: rational(hi, den) };
  return { lo: dyadicBelow(lo, den, precision), hi: dyadicAbove(hi, den, precision) };
}

/**
 * Outward rounding to dyadic fractions with about `precision` significant bits: a ≤ n/d ≤ b
 * with b − a ≤ 2^(1−precision)·|n/d|. Exact fractions with long numerators and denominators cost
 * a gcd per operation; these keep the interval arithmetic cheap and stay certified.
 */
function dyadicShift(n: bigint, d: bigint, precision: number): bigint {
  return BigInt(Math.max(0, precision - (bitLength(n < 0n ? -n : n) - bitLength(d))));
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return q * b > a ? q - 1n : q;
}

/** The largest k/2^s ≤ n/d (d > 0). */
function dyadicBelow(n: bigint, d: bigint, precision: number): Rational {
  if (n === 0n) return QQ.zero;
  const s = dyadicShift(n, d, precision);
  return rational(floorDiv(n << s, d), 1n << s);
}

/** The smallest k/2^s ≥ n/d (d > 0). */
function dyadicAbove(n: bigint, d: bigint, precision: number): Rational {
  if (n === 0n) return QQ.zero;
  const s = dyadicShift(n, d, precision);
  return rational(-floorDiv(-(n << s), d), 1n << s);
}

/** Text of a rational rounded to `digits` significant digits ("0" for zero). */
export function decimal(r: Rational, digits: number): string {
  return r.num === 0n ? '0' : roundSignificant(r, digits);
}

export interface RealCoordinates {
  /** Decimal value of each coordinate, correct to the digits asked (certified by `boxes`). */
  decimals: string[];
  /** An exact box: each coordinate lies in [lo, hi]. */
  boxes: Interval[];
  /** The refined isolating interval of θ. */
  theta: RootInterval;
}

/** [a, b] / [c, d] for an interval [c, d] not containing 0, rounded outward to `precision` bits. */
function divideIntervals(x: Interval, y: Interval, precision: number): Interval {
  const qs = [QQ.div(x.lo, y.lo), QQ.div(x.lo, y.hi), QQ.div(x.hi, y.lo), QQ.div(x.hi, y.hi)];
  let lo = qs[0];
  let hi = qs[0];
  for (const q of qs) {
    if (rcmp(q, lo) < 0) lo = q;
    if (rcmp(q, hi) > 0) hi = q;
  }
  return { lo: dyadicBelow(lo.num, lo.den, precision), hi: dyadicAbove(hi.num, hi.den, precision) };
}

/** Does the interval contain 0? */
function containsZero(x: Interval): boolean {
  return x.lo.num <= 0n && x.hi.num >= 0n;
}

/**
 * Certified decimals of wᵢ(θ) (or wᵢ(θ)/d(θ) when a denominator d with d(θ) ≠ 0 is given) for
 * the real root θ of the irreducible χ isolated by `interval`. Constant coordinates are exact.
 */
export function realCoordinates(chi: readonly bigint[], interval: RootInterval, ws: readonly UPoly<Rational>[], digits: number, denominator?: UPoly<Rational>): RealCoordinates {
  let theta = interval;
  let bits = 16;
  // Endpoints are rounded outward to dyadic numbers with more bits than the digits asked for
  // (and as many as θ's interval has, so refinement is never undone by the rounding).
  let precision = Math.ceil(digits * 3.33) + 32;
  const point = (w: UPoly<Rational>): Interval => (w.length <= 1 ? { lo: w[0] ?? QQ.zero, hi: w[0] ?? QQ.zero } : evaluateOnInterval(w, theta, precision));
  for (;;) {
    const d = denominator ? point(denominator) : undefined;
    const boxes = d && containsZero(d) ? undefined : ws.map((w) => (d ? divideIntervals(point(w), d, precision) : point(w)));
    const decimals: string[] = [];
    let settled = boxes !== undefined;
    for (const b of boxes ?? []) {
      if (req(b.lo, b.hi)) {
        decimals.push(decimal(b.lo, digits));
        continue;
      }
      const a = b.lo.num === 0n ? undefined : decimal(b.lo, digits);
      const c = b.hi.num === 0n ? undefined : decimal(b.hi, digits);
      if (a === undefined || a !== c) {
        settled = false;
        break;
      }
      decimals.push(a);
    }
    if (settled && boxes) return { decimals, boxes, theta };
    if (req(theta.lo, theta.hi)) throw new Error('realCoordinates: a rational root should give exact coordinates');
    bits *= 2;
    precision = Math.max(precision, bits + 32);
    theta = refineRoot(chi, theta, { bits });
  }
}

export interface ComplexCoordinate {
  re: string;
  im: string;
  /** Upper bound of the distance between the true coordinate and re + i·im. */
  errorBound: number;
}

/** w(z) exactly in Q(i) and a bound on |w(θ) − w(z)| for |θ − z| ≤ r, |z| = modulus. */
interface GaussianValue {
  re: Rational;
  im: Rational;
  /** |w(z)| as a double. */
  abs: number;
  bound: number;
}

/**
 * Approximate coordinates wᵢ(θ) (or wᵢ(θ)/d(θ) when a denominator is given) at a complex root
 * θ ≈ z with |θ − z| ≤ radius.
 */
export function complexCoordinates(root: ComplexRoot, ws: readonly UPoly<Rational>[], digits: number, denominator?: UPoly<Rational>): ComplexCoordinate[] {
  const zr = parseRational(root.re);
  const zi = parseRational(root.im);
  const r = Number(root.radius);
  const modulus = Math.hypot(rationalToNumber(zr), rationalToNumber(zi));
  // z = (Zr + i·Zi)/e over a common denominator; Horner on Gaussian integers, divided once.
  const e = (zr.den / gcd(zr.den, zi.den)) * zi.den;
  const Zr = zr.num * (e / zr.den);
  const Zi = zi.num * (e / zi.den);
  // Values are rounded to dyadic numbers of `precision` bits (exact fractions would cost a gcd
  // of very long integers each); the rounding error joins the error bound.
  const precision = Math.ceil(digits * 3.33) + 64;
  const rounding = Math.pow(2, 2 - precision);
  const valueAt = (w: UPoly<Rational>): GaussianValue => {
    let a = QQ.zero;
    let b = QQ.zero;
    if (w.length > 0) {
      const { W, L } = clearDenominators(w);
      const n = W.length - 1;
      let re = W[n];
      let im = 0n;
      let ePower = 1n;
      for (let k = n - 1; k >= 0; k--) {
        ePower *= e;
        const nr = re * Zr - im * Zi + W[k] * ePower;
        const ni = re * Zi + im * Zr;
        re = nr;
        im = ni;
      }
      a = dyadicBelow(re, L * ePower, precision);
      b = dyadicBelow(im, L * ePower, precision);
    }
    let bound = 0;
    for (let k = 1; k < w.length; k++) bound += k * Math.abs(rationalToNumber(w[k])) * Math.pow(modulus + r, k - 1) * r;
    const abs = Math.hypot(rationalToNumber(a), rationalToNumber(b));
    return { re: a, im: b, abs, bound: (bound + 2 * rounding * abs) * (1 + 1e-12) };
  };
  const d = denominator ? valueAt(denominator) : undefined;
  return ws.map((w) => {
    const u = valueAt(w);
    if (!d) return { re: decimal(u.re, digits), im: decimal(u.im, digits), errorBound: u.bound };
    // u/d in Q(i), rounded; |u(θ)/d(θ) − u(z)/d(z)| ≤ (E_u·|d(z)| + |u(z)|·E_d) / (|d(z)|·(|d(z)| − E_d)).
    const norm = QQ.add(QQ.mul(d.re, d.re), QQ.mul(d.im, d.im));
    const x = QQ.add(QQ.mul(u.re, d.re), QQ.mul(u.im, d.im));
    const y = QQ.sub(QQ.mul(u.im, d.re), QQ.mul(u.re, d.im));
    const re = dyadicBelow(x.num * norm.den, x.den * norm.num, precision);
    const im = dyadicBelow(y.num * norm.den, y.den * norm.num, precision);
    const quotient = d.abs > 0 ? u.abs / d.abs : Infinity;
    const bound = d.abs > d.bound ? ((u.bound * d.abs + u.abs * d.bound) / (d.abs * (d.abs - d.bound)) + 2 * rounding * quotient) * (1 + 1e-12) : Infinity;
    return { re: decimal(re, digits), im: decimal(im, digits), errorBound: bound };
  });
}

/** An exact rational point's coordinates: wᵢ evaluated at the rational root θ. */
export function rationalCoordinates(theta: Rational, ws: readonly UPoly<Rational>[]): Rational[] {
  return ws.map((w) => uevaluate(QQ, w, theta));
}
