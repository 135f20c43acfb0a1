/**
 * Products of integer polynomials by Kronecker substitution: a(x) ↦ a(2^w) packs the
 * coefficients into one bigint, a single long-integer product (V8 multiplies long bigints by
 * Karatsuba, Toom–Cook and FFT) replaces the deg a · deg b coefficient products of the schoolbook
 * method, and the coefficients of the product are read back from slots of w bits.
 *
 * Representation: `ZPoly` (bigint, ascending, trimmed), coefficients of any sign. The slot width w
 * exceeds the bit length of every coefficient of the product by 2 (a bound from the operands'
 * sizes), so a slot read as a signed w-bit number, with the borrow carried into the slots above,
 * is the exact coefficient. Packing and unpacking split the coefficient list in halves, so each
 * costs O(size · log length) instead of the O(size · length) of one shift per coefficient.
 * Reference: von zur Gathen–Gerhard, Modern Computer Algebra, §8.4 (Kronecker substitution).
 */
import { ZPoly, zmul, ztrim } from './zpoly';

/** Below this many coefficients in the shorter operand the schoolbook product is faster. */
const KRONECKER_MIN_LENGTH = 6;

function maxBits(a: readonly bigint[]): number {
  let m = 0n;
  for (const c of a) {
    const x = c < 0n ? -c : c;
    if (x > m) m = x;
  }
  return m.toString(2).length;
}

/** Σ a[i]·2^(w·(i − lo)) for lo ≤ i < hi. */
function pack(a: readonly bigint[], lo: number, hi: number, w: bigint): bigint {
  if (hi - lo === 1) return a[lo];
  if (hi - lo === 2) return a[lo] + (a[lo + 1] << w);
  const mid = (lo + hi) >> 1;
  return pack(a, lo, mid, w) + (pack(a, mid, hi, w) << (w * BigInt(mid - lo)));
}

/** Writes the k signed w-bit slots of x (|slot value| < 2^(w−2)) into out[lo], …, out[lo + k − 1]. */
function unpack(x: bigint, out: bigint[], lo: number, k: number, w: number): void {
  if (k === 1) {
    out[lo] = x;
    return;
  }
  const half = k >> 1;
  const bits = w * half;
  // The low slots as one signed number: the true value Σ cᵢ·2^(w·i) is below 2^(bits−1) in
  // absolute value, so asIntN recovers it exactly and the remainder is divisible by 2^bits.
  const low = BigInt.asIntN(bits, x);
  unpack(low, out, lo, half, w);
  unpack((x - low) >> BigInt(bits), out, lo + half, k - half, w);
}

/**
 * a·b over Z. Uses Kronecker substitution when both operands have at least
 * `KRONECKER_MIN_LENGTH` coefficients, the schoolbook product otherwise.
 * Example: `zmulKronecker([1n, -1n], [1n, 1n])` is `[1n, 0n, -1n]`.
 */
export function zmulKronecker(a: readonly bigint[], b: readonly bigint[]): ZPoly {
  if (a.length < KRONECKER_MIN_LENGTH || b.length < KRONECKER_MIN_LENGTH) return zmul(a, b);
  const w = maxBits(a) + maxBits(b) + Math.min(a.length, b.length).toString(2).length + 2;
  const W = BigInt(w);
  const product = pack(a, 0, a.length, W) * pack(b, 0, b.length, W);
  const out = new Array<bigint>(a.length + b.length - 1);
  unpack(product, out, 0, out.length, w);
  return ztrim(out);
}
