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
import { gcd } from '../arithmetic/integers';
import { Rational, parseRational, rational, rationalToNumber, req } from '../arithmetic/rational';
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
export function evaluateOnInterval(w: UPoly<Rational>, x: Interval): Interval {
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
  return { lo: rational(lo, den), hi: rational(hi, den) };
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

/**
 * Certified decimals of wᵢ(θ) for the real root θ of the irreducible χ isolated by `interval`.
 * Constant wᵢ give exact values.
 */
export function realCoordinates(chi: readonly bigint[], interval: RootInterval, ws: readonly UPoly<Rational>[], digits: number): RealCoordinates {
  let theta = interval;
  let bits = 16;
  for (;;) {
    const boxes = ws.map((w) => (w.length <= 1 ? { lo: w[0] ?? QQ.zero, hi: w[0] ?? QQ.zero } : evaluateOnInterval(w, theta)));
    const decimals: string[] = [];
    let settled = true;
    for (const b of boxes) {
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
    if (settled) return { decimals, boxes, theta };
    if (req(theta.lo, theta.hi)) throw new Error('realCoordinates: a rational root should give exact coordinates');
    bits *= 2;
    theta = refineRoot(chi, theta, { bits });
  }
}

export interface ComplexCoordinate {
  re: string;
  im: string;
  /** Upper bound of the distance between the true coordinate and re + i·im. */
  errorBound: number;
}

/** Approximate coordinates wᵢ(θ) at a complex root θ ≈ z with |θ − z| ≤ radius. */
export function complexCoordinates(root: ComplexRoot, ws: readonly UPoly<Rational>[], digits: number): ComplexCoordinate[] {
  const zr = parseRational(root.re);
  const zi = parseRational(root.im);
  const r = Number(root.radius);
  const modulus = Math.hypot(rationalToNumber(zr), rationalToNumber(zi));
  // z = (Zr + i·Zi)/e over a common denominator; Horner on Gaussian integers, divided once.
  const e = (zr.den / gcd(zr.den, zi.den)) * zi.den;
  const Zr = zr.num * (e / zr.den);
  const Zi = zi.num * (e / zi.den);
  return ws.map((w) => {
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
      a = rational(re, L * ePower);
      b = rational(im, L * ePower);
    }
    let bound = 0;
    for (let k = 1; k < w.length; k++) bound += k * Math.abs(rationalToNumber(w[k])) * Math.pow(modulus + r, k - 1) * r;
    return { re: decimal(a, digits), im: decimal(b, digits), errorBound: bound * (1 + 1e-12) };
  });
}

/** An exact rational point's coordinates: wᵢ evaluated at the rational root θ. */
export function rationalCoordinates(theta: Rational, ws: readonly UPoly<Rational>[]): Rational[] {
  return ws.map((w) => uevaluate(QQ, w, theta));
}
