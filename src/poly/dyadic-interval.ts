/**
 * An integer polynomial at a dyadic point x = X/2^k, in fixed-point interval arithmetic: Horner's
 * rule on integers scaled by 2^w, each product by x rounded down at the lower end and up at the
 * upper end, gives integers lo ≤ f(x)·2^w ≤ hi. Exact evaluation (`zevalDyadic`) carries every
 * bit of f(x)·2^(k·deg f), whose length grows by k bits per Horner step: for the refinement of a
 * root of a degree-240 polynomial to 1,300 bits (a coordinate of katsura-8 with 20 digits) that
 * is 300,000-bit numbers, and the interval version keeps about bits(f) + w + k. The sign of f(x)
 * is read off the enclosure when it excludes 0, with w = k + 64 and then twice that; the exact
 * value decides when both fail (x at or extremely near a root). The enclosure's width is at most
 * about deg f·(1 + |x|)^deg f units of 2^−w, so a point 2^−k from a simple root, where |f| is
 * about |f′|·2^−k, is decided at the first precision unless f′ is tiny there.
 */
import { zevalDyadic } from './factor/zpoly';

/** Integers lo ≤ f(X/2^k)·2^w ≤ hi (f ascending, w ≥ 0). */
export function zenclosureDyadic(f: readonly bigint[], X: bigint, k: number, w: number): { lo: bigint; hi: bigint } {
  const K = BigInt(k);
  const W = BigInt(w);
  const n = f.length - 1;
  if (n < 0) return { lo: 0n, hi: 0n };
  let lo = f[n] << W;
  let hi = lo;
  for (let i = n - 1; i >= 0; i--) {
    let a = lo * X;
    let b = hi * X;
    if (X < 0n) [a, b] = [b, a];
    // >> on bigints is a floor; the ceiling of b/2^k is −⌊−b/2^k⌋.
    const c = f[i] << W;
    lo = (a >> K) + c;
    hi = -(-b >> K) + c;
  }
  return { lo, hi };
}

/** f at X/2^k: its exact sign, and v/2^w ≈ f(X/2^k) (v = 0 only when the value is exactly 0). */
export interface DyadicSample {
  sign: -1 | 0 | 1;
  v: bigint;
  w: number;
}

/**
 * The exact sign of f(X/2^k) with an approximation of the value: from an enclosure at w = k + 64,
 * then 2k + 128 fractional bits when it excludes 0 (v its end nearer 0), else from the exact value
 * (which, non-zero, is below 2^−(2k+128) and is given as ±2^−(2k+192)).
 */
export function zsampleDyadic(f: readonly bigint[], X: bigint, k: number): DyadicSample {
  if (f.length === 0) return { sign: 0, v: 0n, w: 0 };
  for (const w of [k + 64, 2 * k + 128]) {
    const { lo, hi } = zenclosureDyadic(f, X, k, w);
    if (lo > 0n) return { sign: 1, v: lo, w };
    if (hi < 0n) return { sign: -1, v: hi, w };
  }
  const e = zevalDyadic(f, X, k);
  if (e === 0n) return { sign: 0, v: 0n, w: 0 };
  return { sign: e > 0n ? 1 : -1, v: e > 0n ? 1n : -1n, w: 2 * k + 192 };
}

/** The sign of f(X/2^k), exact: from an enclosure when it excludes 0, else from the exact value. */
export function zsignDyadic(f: readonly bigint[], X: bigint, k: number): -1 | 0 | 1 {
  return zsampleDyadic(f, X, k).sign;
}
