/**
 * Helpers for arbitrary-precision integers (JavaScript `bigint`): gcd, extended gcd, modular
 * inverse and power, integer square root, bit length, and conversions.
 *
 * Every function is exact. gcd results are non-negative; `modulo` results lie in [0, m).
 * Reference: Knuth, TAOCP vol. 2, §4.5.2 (gcd) and §4.6.3 (powering).
 */

/** |a| as a bigint. */
export function absBig(a: bigint): bigint {
  return a < 0n ? -a : a;
}

/** Sign of a bigint: -1, 0 or 1. */
export function signBig(a: bigint): -1 | 0 | 1 {
  return a < 0n ? -1 : a > 0n ? 1 : 0;
}

/** gcd(a, b) ≥ 0, with gcd(0, 0) = 0. Example: `gcd(12n, -18n) === 6n`. */
export function gcd(a: bigint, b: bigint): bigint {
  a = absBig(a);
  b = absBig(b);
  // Small operands: number arithmetic is much faster and exact below 2^53.
  if (a < 9007199254740992n && b < 9007199254740992n) return BigInt(gcdNumber(Number(a), Number(b)));
  if (a < b) [a, b] = [b, a];
  // Lehmer's algorithm (Knuth, TAOCP vol. 2, §4.5.2, Algorithm L): the Euclidean quotients of the
  // leading 52 bits of a and b are those of a and b as long as the two bracketing quotients
  // agree; they are run in doubles (every value stays below 2^53, hence exact) and applied to
  // a and b as one 2×2 cofactor matrix, about 26 bits per round instead of 1.7 per division.
  while (b >= 9007199254740992n) {
    const shift = BigInt(approximateBitLength(a) - 52);
    let x = Number(a >> shift);
    let y = Number(b >> shift);
    let A = 1;
    let B = 0;
    let C = 0;
    let D = 1;
    while (y + C !== 0 && y + D !== 0) {
      const q = Math.floor((x + A) / (y + C));
      if (q !== Math.floor((x + B) / (y + D))) break;
      let t = A - q * C;
      A = C;
      C = t;
      t = B - q * D;
      B = D;
      D = t;
      t = x - q * y;
      x = y;
      y = t;
    }
    if (B === 0) {
      const t = a % b;
      a = b;
      b = t;
    } else {
      const na = BigInt(A) * a + BigInt(B) * b;
      b = BigInt(C) * a + BigInt(D) * b;
      a = na;
    }
  }
  if (b === 0n) return a;
  return BigInt(gcdNumber(Number(b), Number(a % b)));
}

const TWO_TO_1000 = 1n << 1000n;

/**
 * An upper bound on the bit length of a > 0 that is exact or one too large: the double nearest
 * to a is at least 2^(bitLength − 1), and rounding can only carry it up to the next power of two.
 */
export function approximateBitLength(a: bigint): number {
  let bits = 0;
  while (a >= TWO_TO_1000) {
    a >>= 1000n;
    bits += 1000;
  }
  return bits + Math.floor(Math.log2(Number(a))) + 1;
}

/** gcd of non-negative safe integers. */
export function gcdNumber(a: number, b: number): number {
  a = Math.abs(a);
  b = Math.abs(b);
  while (b !== 0) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

/** lcm(a, b) ≥ 0, with lcm(a, 0) = 0. */
export function lcm(a: bigint, b: bigint): bigint {
  if (a === 0n || b === 0n) return 0n;
  return absBig((a / gcd(a, b)) * b);
}

/**
 * Extended Euclid: returns [g, s, t] with g = gcd(a, b) ≥ 0 and s·a + t·b = g.
 * Example: `xgcd(240n, 46n)` gives `[2n, -9n, 47n]`.
 */
export function xgcd(a: bigint, b: bigint): [bigint, bigint, bigint] {
  let [r0, r1] = [a, b];
  let [s0, s1] = [1n, 0n];
  let [t0, t1] = [0n, 1n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
    [t0, t1] = [t1, t0 - q * t1];
  }
  if (r0 < 0n) return [-r0, -s0, -t0];
  return [r0, s0, t0];
}

/** a mod m in [0, m) for m > 0. */
export function modulo(a: bigint, m: bigint): bigint {
  const r = a % m;
  return r < 0n ? r + m : r;
}

/** The inverse of a modulo m (m > 1); throws a RangeError when gcd(a, m) ≠ 1. */
export function modInverse(a: bigint, m: bigint): bigint {
  const [g, s] = xgcd(modulo(a, m), m);
  if (g !== 1n) throw new RangeError(`${a} is not invertible modulo ${m}`);
  return modulo(s, m);
}

/** a^e mod m by square-and-multiply, for e ≥ 0 and m ≥ 1. */
export function modPow(a: bigint, e: bigint, m: bigint): bigint {
  if (e < 0n) throw new RangeError('modPow needs a non-negative exponent');
  if (m === 1n) return 0n;
  let result = 1n;
  let base = modulo(a, m);
  while (e > 0n) {
    if (e & 1n) result = (result * base) % m;
    base = (base * base) % m;
    e >>= 1n;
  }
  return result;
}

/** Number of bits of |a| (bitLength(0) = 0, bitLength(255) = 8). */
export function bitLength(a: bigint): number {
  a = absBig(a);
  if (a === 0n) return 0;
  // toString(16) is linear and far faster than shifting one bit at a time.
  const hex = a.toString(16);
  const top = parseInt(hex[0], 16);
  return (hex.length - 1) * 4 + (32 - Math.clz32(top));
}

/** ⌊√n⌋ for n ≥ 0, by Newton's iteration from an over-estimate. */
export function isqrt(n: bigint): bigint {
  if (n < 0n) throw new RangeError('isqrt of a negative number');
  if (n < 2n) return n;
  let x = 1n << BigInt((bitLength(n) >> 1) + 1);
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

/** True when n is a perfect square (n ≥ 0). */
export function isSquare(n: bigint): boolean {
  if (n < 0n) return false;
  const r = isqrt(n);
  return r * r === n;
}

/** Binomial coefficient C(n, k) for 0 ≤ k ≤ n (0 otherwise). */
export function binomial(n: number, k: number): bigint {
  if (k < 0 || k > n) return 0n;
  k = Math.min(k, n - k);
  let r = 1n;
  for (let i = 1; i <= k; i++) r = (r * BigInt(n - k + i)) / BigInt(i);
  return r;
}
