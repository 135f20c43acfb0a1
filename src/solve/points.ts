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
import { Rational, parseRational, radd, rcmp, rmul, rationalToNumber, req, rsub } from '../arithmetic/rational';
import { UPoly, uevaluate } from '../poly/univariate';
import { RootInterval, refineRoot } from './roots/real';
import { roundSignificant } from './roots/decimal';
import { ComplexRoot } from './roots/complex';

interface Interval {
  lo: Rational;
  hi: Rational;
}

function imul(a: Interval, b: Interval): Interval {
  const p = [rmul(a.lo, b.lo), rmul(a.lo, b.hi), rmul(a.hi, b.lo), rmul(a.hi, b.hi)];
  let lo = p[0];
  let hi = p[0];
  for (const x of p) {
    if (rcmp(x, lo) < 0) lo = x;
    if (rcmp(x, hi) > 0) hi = x;
  }
  return { lo, hi };
}

/** An interval containing w(x) for every x in [lo, hi] (Horner in interval arithmetic). */
export function evaluateOnInterval(w: UPoly<Rational>, x: Interval): Interval {
  let acc: Interval = { lo: QQ.zero, hi: QQ.zero };
  for (let i = w.length - 1; i >= 0; i--) {
    acc = imul(acc, x);
    acc = { lo: radd(acc.lo, w[i]), hi: radd(acc.hi, w[i]) };
  }
  return acc;
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
  return ws.map((w) => {
    // Horner in Q(i): (a + bi)(zr + zi·i) + c
    let a = QQ.zero;
    let b = QQ.zero;
    for (let k = w.length - 1; k >= 0; k--) {
      const na = rsub(rmul(a, zr), rmul(b, zi));
      const nb = radd(rmul(a, zi), rmul(b, zr));
      a = radd(na, w[k]);
      b = nb;
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
