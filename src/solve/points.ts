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

/** A closed interval [lo, hi] of rationals. */
export interface Interval {
  lo: Rational;
  hi: Rational;
}

/** The smallest interval containing the given rationals. */
export function hull(qs: readonly Rational[]): Interval {
  let lo = qs[0];
  let hi = qs[0];
  for (const q of qs) {
    if (rcmp(q, lo) < 0) lo = q;
    if (rcmp(q, hi) > 0) hi = q;
  }
  return { lo, hi };
}

/**
 * Integer coefficients W and the denominator L with w = W/L (L the lcm of w's denominators),
 * kept by the polynomial's identity: a point's coordinates evaluate the same numerators at every
 * refinement of θ and at every real root of the same component (inputs are never mutated).
 */
const clearedDenominators = new WeakMap<UPoly<Rational>, { W: bigint[]; L: bigint }>();

function clearDenominators(w: UPoly<Rational>): { W: bigint[]; L: bigint } {
  const known = clearedDenominators.get(w);
  if (known) return known;
  let L = 1n;
  for (const c of w) L = (L / gcd(L, c.den)) * c.den;
  const cleared = { W: w.map((c) => c.num * (L / c.den)), L };
  clearedDenominators.set(w, cleared);
  return cleared;
}

/**
 * An interval containing w(x) for every x in [lo, hi] (Horner in interval arithmetic).
 *
 * Without `precision` the arithmetic is exact on integers — w = W/L and x = X/e over a common
 * denominator e, so w(x) = (Σ Wᵢ·Xⁱ·e^(n−i)) / (L·eⁿ) — with one normalization at the end; the
 * integers grow by the bits of e at every step. With `precision` it runs in fixed point with
 * s fractional bits, rounding every product outward (floor for the lower end, ceiling for the
 * upper), so the integers stay near s plus the coefficients' bits; the ends are then rounded
 * outward to dyadic numbers with `precision` significant bits. Both results contain the range.
 */
export function evaluateOnInterval(w: UPoly<Rational>, x: Interval, precision?: number): Interval {
  if (w.length === 0) return { lo: QQ.zero, hi: QQ.zero };
  const { W, L } = clearDenominators(w);
  const n = W.length - 1;
  if (precision !== undefined) {
    // Guard bits: the rounding errors (one unit per step) are amplified by up to max(1, |x|)^n.
    const magnitude = Math.max(bitLength(x.lo.num < 0n ? -x.lo.num / x.lo.den : 0n), bitLength(x.hi.num > 0n ? x.hi.num / x.hi.den : 0n));
    const s = BigInt(precision + n * magnitude + bitLength(BigInt(n)) + 8);
    const A = floorDiv(x.lo.num << s, x.lo.den);
    const C = -floorDiv(-(x.hi.num << s), x.hi.den);
    let lo = W[n] << s;
    let hi = lo;
    for (let k = n - 1; k >= 0; k--) {
      const [mn, mx] = productBounds(lo, hi, A, C);
      const add = W[k] << s;
      lo = (mn >> s) + add; // >> on bigints is the floor
      hi = -(-mx >> s) + add;
    }
    const den = L << s;
    return { lo: dyadicBelow(lo, den, precision), hi: dyadicAbove(hi, den, precision) };
  }
  const e = (x.lo.den / gcd(x.lo.den, x.hi.den)) * x.hi.den;
  const A = x.lo.num * (e / x.lo.den);
  const C = x.hi.num * (e / x.hi.den);
  let lo = W[n];
  let hi = W[n];
  let ePower = 1n; // e^(n−k) for the current k
  for (let k = n - 1; k >= 0; k--) {
    ePower *= e;
    const [mn, mx] = productBounds(lo, hi, A, C);
    const add = W[k] * ePower;
    lo = mn + add;
    hi = mx + add;
  }
  const den = L * ePower;
  return { lo: rational(lo, den), hi: rational(hi, den) };
}

/**
 * [min, max] of the products of [lo, hi] and [A, C] (lo ≤ hi, A ≤ C): two multiplications when
 * A and C have one sign — always, but for an interval of θ around 0 — instead of four.
 */
function productBounds(lo: bigint, hi: bigint, A: bigint, C: bigint): [bigint, bigint] {
  if (A >= 0n) {
    if (lo >= 0n) return [lo * A, hi * C];
    if (hi <= 0n) return [lo * C, hi * A];
    return [lo * C, hi * C];
  }
  if (C <= 0n) {
    if (lo >= 0n) return [hi * A, lo * C];
    if (hi <= 0n) return [hi * C, lo * A];
    return [hi * A, lo * A];
  }
  const products = [lo * A, lo * C, hi * A, hi * C];
  return [products.reduce((m, q) => (q < m ? q : m)), products.reduce((m, q) => (q > m ? q : m))];
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
  /** The bits θ was refined to (`startBits` for the next root of the same polynomial). */
  bits: number;
}

/** [a, b]·[c, d], rounded outward to `precision` bits. */
export function multiplyIntervals(x: Interval, y: Interval, precision: number): Interval {
  const { lo, hi } = hull([QQ.mul(x.lo, y.lo), QQ.mul(x.lo, y.hi), QQ.mul(x.hi, y.lo), QQ.mul(x.hi, y.hi)]);
  return { lo: dyadicBelow(lo.num, lo.den, precision), hi: dyadicAbove(hi.num, hi.den, precision) };
}

/** [a, b] / [c, d] for an interval [c, d] not containing 0, rounded outward to `precision` bits. */
export function divideIntervals(x: Interval, y: Interval, precision: number): Interval {
  // The extremes of x/y over the box, by the signs (two exact divisions instead of four): for
  // y > 0 the quotient grows with x, for y < 0 it falls; |y| largest or smallest by x's sign.
  if (containsZero(y)) throw new RangeError('divideIntervals: the divisor contains 0');
  const positive = y.lo.num > 0n;
  const [lo, hi] = positive
    ? [QQ.div(x.lo, x.lo.num >= 0n ? y.hi : y.lo), QQ.div(x.hi, x.hi.num >= 0n ? y.lo : y.hi)]
    : [QQ.div(x.hi, x.hi.num >= 0n ? y.hi : y.lo), QQ.div(x.lo, x.lo.num >= 0n ? y.lo : y.hi)];
  return { lo: dyadicBelow(lo.num, lo.den, precision), hi: dyadicAbove(hi.num, hi.den, precision) };
}

/** Does the interval contain 0? */
export function containsZero(x: Interval): boolean {
  return x.lo.num <= 0n && x.hi.num >= 0n;
}

/** The bits θ is first refined to for coordinates with `digits` significant digits (`realCoordinates`). */
export function thetaBits(digits: number): number {
  return Math.ceil(digits * 3.33) + 8;
}

/**
 * Certified decimals of wᵢ(θ) (or wᵢ(θ)/d(θ) when a denominator d with d(θ) ≠ 0 is given) for
 * the real root θ of the irreducible χ isolated by `interval`. Constant coordinates are exact.
 * `startBits`: refine θ to at least this many bits before the first evaluation — what the
 * previous root of the same χ needed (`bits` of its result): the roots of one component need
 * about the same, and every round of evaluations that does not settle is lost.
 */
export function realCoordinates(chi: readonly bigint[], interval: RootInterval, ws: readonly UPoly<Rational>[], digits: number, denominator?: UPoly<Rational>, startBits = 0): RealCoordinates {
  // θ needs about as many bits as the digits asked for: refine it that far before the first
  // evaluation (an isolating interval is wide), then double while a decimal is not settled.
  let bits = Math.max(thetaBits(digits), startBits);
  let theta = req(interval.lo, interval.hi) ? interval : refineRoot(chi, interval, { bits });
  // Endpoints are rounded outward to dyadic numbers with more bits than the digits asked for
  // (and as many as θ's interval has, so refinement is never undone by the rounding).
  // (A start above the digits' bits is where the doubling below would have put both.)
  let precision = Math.ceil(digits * 3.33) + 32;
  if (bits > thetaBits(digits)) precision = Math.max(precision, bits + 32);
  const point = (w: UPoly<Rational>): Interval => (w.length <= 1 ? { lo: w[0] ?? QQ.zero, hi: w[0] ?? QQ.zero } : evaluateOnInterval(w, theta, precision));
  for (;;) {
    const d = denominator ? point(denominator) : undefined;
    const boxes: Interval[] = [];
    const decimals: string[] = [];
    // One coordinate at a time: the first unsettled one sends θ to more bits.
    let settled = !(d && containsZero(d));
    for (const w of settled ? ws : []) {
      const b = d ? divideIntervals(point(w), d, precision) : point(w);
      if (req(b.lo, b.hi)) {
        boxes.push(b);
        decimals.push(decimal(b.lo, digits));
        continue;
      }
      const a = b.lo.num === 0n ? undefined : decimal(b.lo, digits);
      const c = b.hi.num === 0n ? undefined : decimal(b.hi, digits);
      if (a === undefined || a !== c) {
        settled = false;
        break;
      }
      boxes.push(b);
      decimals.push(a);
    }
    if (settled) return { decimals, boxes, theta, bits };
    if (req(theta.lo, theta.hi)) throw new Error('realCoordinates: a rational root should give exact coordinates');
    bits *= 2;
    precision = Math.max(precision, bits + 32);
    theta = refineRoot(chi, theta, { bits });
  }
}

export interface ComplexCoordinate {
  re: string;
  im: string;
  /** Upper bound of the distance between the true coordinate and re + i·im (a double: past ~10^−308 it is the smallest positive one). */
  errorBound: number;
  /** log₂ of the bound, exact in log space at any number of digits (−∞ when the coordinate is exact). */
  log2ErrorBound: number;
}

/** log₂|x| of a decimal text such as '-1.25', '3e-402' (−∞ for 0), without underflow. */
export function log2Decimal(text: string): number {
  const m = /^[-+]?(\d*\.?\d*)(?:e([-+]?\d+))?$/i.exec(text.trim());
  if (!m) return Math.log2(Math.abs(Number(text)));
  const mantissa = Number(m[1]);
  return mantissa === 0 ? -Infinity : Math.log2(mantissa) + Number(m[2] ?? 0) * Math.log2(10);
}

/** w(z) in Q(i) (dyadic), log₂|w(z)| and an upper bound of log₂|w(θ) − w(z)|. */
export interface GaussianValue {
  re: Rational;
  im: Rational;
  log2Abs: number;
  log2Error: number;
}

/** log₂|x| for a bigint (−∞ for 0), accurate to double precision. */
function log2Big(x: bigint): number {
  if (x === 0n) return -Infinity;
  const a = x < 0n ? -x : x;
  const b = bitLength(a);
  return b <= 53 ? Math.log2(Number(a)) : Math.log2(Number(a >> BigInt(b - 53))) + (b - 53);
}

/** log₂|r| for a rational. */
function log2Rational(r: Rational): number {
  return log2Big(r.num) - log2Big(r.den);
}

/** log₂(Σ 2^xᵢ). */
function log2Sum(xs: readonly number[]): number {
  const m = Math.max(...xs);
  if (m === -Infinity) return -Infinity;
  return m + Math.log2(xs.reduce((acc, x) => acc + Math.pow(2, x - m), 0));
}

/** log₂|a + b·i|. */
function log2Hypot(a: Rational, b: Rational): number {
  const x = log2Rational(a);
  const y = log2Rational(b);
  const m = Math.max(x, y);
  return m === -Infinity ? m : m + 0.5 * Math.log2(Math.pow(2, 2 * (x - m)) + Math.pow(2, 2 * (y - m)));
}

/** The error bound 2^x as a double (rounded up) and as its logarithm. */
function bound(log2: number): { errorBound: number; log2ErrorBound: number } {
  return { errorBound: pow2Up(log2), log2ErrorBound: log2 };
}

/** 2^x as a double, rounded up to the smallest positive double rather than to 0. */
function pow2Up(x: number): number {
  if (x === -Infinity) return 0;
  return Math.max(Math.pow(2, x), Number.MIN_VALUE);
}

/**
 * Approximate coordinates wᵢ(θ) (or wᵢ(θ)/d(θ) when a denominator is given) at a complex root
 * θ ≈ z with |θ − z| ≤ radius.
 *
 * Error bound (all terms computed as logarithms, so huge coefficients neither overflow nor make
 * the bound infinite): by Taylor's formula |w(θ) − w(z)| ≤ r·|w′(z)| + r²·Σ C(k,2)|a_k|·M^(k−2)
 * with M = max(1, |z| + r); w′(z) is computed beside w(z) by Horner, so the bound follows the
 * actual size of the derivative at the root instead of Σ k|a_k||z|^(k−1), which cancellation
 * makes far larger for long coefficients. Horner runs in fixed point with s fractional bits (z
 * rounded to s bits, its move added to r; each step truncates by less than one unit per
 * component, amplified by at most M^n), and the results are rounded to `precision` bits; every
 * rounding joins the bound. For a quotient u/d:
 * |u(θ)/d(θ) − u(z)/d(z)| ≤ E_u/(|d| − E_d) + |u|·E_d/(|d|·(|d| − E_d)).
 */
/**
 * w(z) at the approximation z of a complex root (dyadic, to about digits·log₂10 + 64 bits), with
 * log₂|w(z)| and an upper bound of log₂|w(θ) − w(z)| for the true root θ (see
 * `complexCoordinates` for the bound).
 */
export function gaussianValue(root: ComplexRoot, w: UPoly<Rational>, digits: number): GaussianValue {
  const zr = parseRational(root.re);
  const zi = parseRational(root.im);
  const precision = Math.ceil(digits * 3.33) + 64;
  const modulus0 = Math.hypot(rationalToNumber(zr), rationalToNumber(zi));
  // The radius in log space: at 400 digits it is far below the smallest double.
  const log2Radius = log2Decimal(root.radius);
  const growth = Math.max(0, Math.ceil(Math.log2(Math.max(1, modulus0 + Math.pow(2, log2Radius)))));
  if (w.length === 0) return { re: QQ.zero, im: QQ.zero, log2Abs: -Infinity, log2Error: -Infinity };
  const n = w.length - 1;
  // Enough fractional bits that rounding z moves it far less than the root's own radius.
  const radiusBits = Number.isFinite(log2Radius) ? Math.ceil(-log2Radius) + 16 : 0;
  const sBits = Math.max(precision, radiusBits) + n * growth + bitLength(BigInt(n)) + 8;
  const S = BigInt(sBits);
  const Zr = floorDiv(zr.num << S, zr.den);
  const Zi = floorDiv(zi.num << S, zi.den);
  // r = radius + √2·2^−s, |θ − z| after rounding z to s bits; M = max(1, |z| + r) (r ≪ 1 there).
  const log2r = log2Sum([log2Radius, 0.5 - sBits]);
  const logM = Math.log2(Math.max(1, modulus0 + Math.pow(2, log2r)));
  const { W, L } = clearDenominators(w);
  // Horner for w and w′ together: d ← d·z + p, then p ← p·z + W_k.
  let re = W[n] << S;
  let im = 0n;
  let dre = 0n;
  let dim = 0n;
  for (let k = n - 1; k >= 0; k--) {
    const ndr = ((dre * Zr - dim * Zi) >> S) + re;
    const ndi = ((dre * Zi + dim * Zr) >> S) + im;
    dre = ndr;
    dim = ndi;
    const nr = ((re * Zr - im * Zi) >> S) + (W[k] << S);
    const ni = (re * Zi + im * Zr) >> S;
    re = nr;
    im = ni;
  }
  const den = L << S;
  const a = dyadicBelow(re, den, precision);
  const b = dyadicBelow(im, den, precision);
  const log2L = log2Big(L);
  const truncation = Math.log2(3 * (n + 1)) + n * logM - sBits - log2L;
  const derivative = log2Sum([Math.max(log2Big(dre), log2Big(dim)) + 0.5 - sBits - log2L, 2 * Math.log2(3 * (n + 1)) + n * logM - sBits - log2L]);
  const maxCoefficient = Math.max(...W.map(log2Big)) - log2L;
  const secondOrder = 2 * log2r + 2 * Math.log2(n + 1) - 1 + maxCoefficient + n * logM;
  const log2Abs = log2Hypot(a, b);
  const rounding = 1.5 + (2 - precision) + log2Abs;
  return { re: a, im: b, log2Abs, log2Error: log2Sum([truncation, log2r + derivative, secondOrder, rounding]) };
}

export function complexCoordinates(root: ComplexRoot, ws: readonly UPoly<Rational>[], digits: number, denominator?: UPoly<Rational>): ComplexCoordinate[] {
  const precision = Math.ceil(digits * 3.33) + 64;
  const valueAt = (w: UPoly<Rational>): GaussianValue => gaussianValue(root, w, digits);
  const d = denominator ? valueAt(denominator) : undefined;
  return ws.map((w) => {
    const u = valueAt(w);
    if (!d) return { re: decimal(u.re, digits), im: decimal(u.im, digits), ...bound(u.log2Error + 1e-9) };
    if (u.log2Abs === -Infinity && u.log2Error === -Infinity) return { re: '0', im: '0', ...bound(-Infinity) };
    // u/d in Q(i), rounded to `precision` bits.
    const norm = QQ.add(QQ.mul(d.re, d.re), QQ.mul(d.im, d.im));
    const x = QQ.add(QQ.mul(u.re, d.re), QQ.mul(u.im, d.im));
    const y = QQ.sub(QQ.mul(u.im, d.re), QQ.mul(u.re, d.im));
    const re = dyadicBelow(x.num * norm.den, x.den * norm.num, precision);
    const im = dyadicBelow(y.num * norm.den, y.den * norm.num, precision);
    // |d| − E_d, bounded below (the bound is infinite unless E_d < |d|).
    const gap = d.log2Error < d.log2Abs - 1e-9 ? d.log2Abs + Math.log2(1 - Math.pow(2, d.log2Error - d.log2Abs)) : undefined;
    if (gap === undefined) return { re: decimal(re, digits), im: decimal(im, digits), ...bound(Infinity) };
    const quotientError = log2Sum([u.log2Error - gap, u.log2Abs + d.log2Error - d.log2Abs - gap, 1.5 + (2 - precision) + u.log2Abs - d.log2Abs]);
    return { re: decimal(re, digits), im: decimal(im, digits), ...bound(quotientError + 1e-9) };
  });
}

/** An exact rational point's coordinates: wᵢ evaluated at the rational root θ. */
export function rationalCoordinates(theta: Rational, ws: readonly UPoly<Rational>[]): Rational[] {
  return ws.map((w) => uevaluate(QQ, w, theta));
}
