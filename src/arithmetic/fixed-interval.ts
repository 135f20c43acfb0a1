/**
 * Interval arithmetic in fixed point, rounded outward: certified enclosures of real numbers that
 * stay cheap however many operations are chained.
 *
 * Representation: an interval is a pair of bigints [lo, hi] read as [lo·2^−s, hi·2^−s] for a
 * scale s (fractional bits) shared by every interval of one computation and passed to each
 * operation. Sums are exact; products and quotients are rounded outward (the lower end down, the
 * upper end up), so the true value always lies inside: a sign read from an interval that
 * excludes 0 is certain. Widths grow with every rounding, by one unit 2^−s at most, so a
 * computation that cannot decide a sign is repeated with a larger s. Exact rational intervals
 * enter through `fixedFromRationals` (rounded outward too).
 */
import { Rational } from './rational';

/** [lo·2^−s, hi·2^−s], lo ≤ hi. */
export interface FixedInterval {
  lo: bigint;
  hi: bigint;
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q;
}

function ceilDiv(a: bigint, b: bigint): bigint {
  return -floorDiv(-a, b);
}

/** The fixed-point interval at scale s containing [a, b] (a ≤ b rationals). */
export function fixedFromRationals(a: Rational, b: Rational, s: number): FixedInterval {
  const S = BigInt(s);
  return { lo: floorDiv(a.num << S, a.den), hi: ceilDiv(b.num << S, b.den) };
}

/** The fixed-point interval containing the rational r. */
export function fixedFromRational(r: Rational, s: number): FixedInterval {
  return fixedFromRationals(r, r, s);
}

export function fixedAdd(a: FixedInterval, b: FixedInterval): FixedInterval {
  return { lo: a.lo + b.lo, hi: a.hi + b.hi };
}

export function fixedSub(a: FixedInterval, b: FixedInterval): FixedInterval {
  return { lo: a.lo - b.hi, hi: a.hi - b.lo };
}

export function fixedNeg(a: FixedInterval): FixedInterval {
  return { lo: -a.hi, hi: -a.lo };
}

/** a·b rounded outward at scale s. */
export function fixedMul(a: FixedInterval, b: FixedInterval, s: number): FixedInterval {
  const p1 = a.lo * b.lo;
  const p2 = a.lo * b.hi;
  const p3 = a.hi * b.lo;
  const p4 = a.hi * b.hi;
  let mn = p1;
  let mx = p1;
  for (const p of [p2, p3, p4]) {
    if (p < mn) mn = p;
    if (p > mx) mx = p;
  }
  const S = BigInt(s);
  return { lo: mn >> S, hi: -(-mx >> S) }; // >> on bigints is the floor
}

/** a/b rounded outward at scale s; b must not contain 0 (`fixedSign(b) !== 0`). */
export function fixedDiv(a: FixedInterval, b: FixedInterval, s: number): FixedInterval {
  if (fixedSign(b) === 0) throw new RangeError('fixedDiv: the divisor interval contains 0');
  const S = BigInt(s);
  const ends = [
    [a.lo, b.lo],
    [a.lo, b.hi],
    [a.hi, b.lo],
    [a.hi, b.hi],
  ];
  let lo: bigint | undefined;
  let hi: bigint | undefined;
  for (const [x, y] of ends) {
    const l = floorDiv(x << S, y);
    const h = ceilDiv(x << S, y);
    if (lo === undefined || l < lo) lo = l;
    if (hi === undefined || h > hi) hi = h;
  }
  return { lo: lo as bigint, hi: hi as bigint };
}

/** The sign of every number in the interval, or 0 when the interval contains 0 (undecided). */
export function fixedSign(a: FixedInterval): -1 | 0 | 1 {
  if (a.lo > 0n) return 1;
  if (a.hi < 0n) return -1;
  return 0;
}

/** The interval as exact rationals [lo, hi]. */
export function fixedToRationals(a: FixedInterval, s: number): { lo: Rational; hi: Rational } {
  const den = 1n << BigInt(s);
  const reduce = (n: bigint): Rational => {
    let num = n;
    let d = den;
    while (d > 1n && (num & 1n) === 0n) {
      num >>= 1n;
      d >>= 1n;
    }
    return { num, den: d };
  };
  return { lo: reduce(a.lo), hi: reduce(a.hi) };
}
