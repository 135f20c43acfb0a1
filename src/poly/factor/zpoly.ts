/**
 * Dense univariate polynomials over the integers, and over Z/m for a (prime-power) modulus m
 * held as bigint: the arithmetic that factoring over Q needs beside the generic field code of
 * `univariate.ts` (content, exact division over Z, reduction modulo p^k, division by a monic
 * polynomial modulo m, coefficient bounds).
 *
 * Representation: `ZPoly = bigint[]`, ascending coefficients, trimmed (the last entry is
 * non-zero), zero is `[]` — the same layout as `UPoly<T>`. Polynomials modulo m are kept with
 * coefficients in [0, m) unless a function says "symmetric". Every function is pure.
 * Reference: von zur Gathen–Gerhard, Modern Computer Algebra (3rd ed.), ch. 6 and 15.
 */
import { absBig, gcd, isqrt, modulo } from '../../arithmetic/integers';
import { Rational } from '../../arithmetic/rational';
import { UPoly } from '../univariate';

/** An integer polynomial: ascending bigint coefficients, trimmed; zero is `[]`. */
export type ZPoly = bigint[];

/** Removes trailing zeros (in place on a fresh array, returned). */
export function ztrim(a: bigint[]): ZPoly {
  let n = a.length;
  while (n > 0 && a[n - 1] === 0n) n--;
  if (n !== a.length) a.length = n;
  return a;
}

/** Degree (−1 for zero). */
export function zdeg(a: readonly bigint[]): number {
  return a.length - 1;
}

/** Leading coefficient (0n for zero). */
export function zlc(a: readonly bigint[]): bigint {
  return a.length === 0 ? 0n : a[a.length - 1];
}

/** a + b. Example: `zadd([1n, 2n], [3n, -2n])` is `[4n]`. */
export function zadd(a: readonly bigint[], b: readonly bigint[]): ZPoly {
  const n = Math.max(a.length, b.length);
  const r = new Array<bigint>(n);
  for (let i = 0; i < n; i++) r[i] = (a[i] ?? 0n) + (b[i] ?? 0n);
  return ztrim(r);
}

/** a − b. Example: `zsub([1n, 2n], [1n])` is `[0n, 2n]`. */
export function zsub(a: readonly bigint[], b: readonly bigint[]): ZPoly {
  const n = Math.max(a.length, b.length);
  const r = new Array<bigint>(n);
  for (let i = 0; i < n; i++) r[i] = (a[i] ?? 0n) - (b[i] ?? 0n);
  return ztrim(r);
}

/** c·a */
export function zscale(a: readonly bigint[], c: bigint): ZPoly {
  return c === 0n ? [] : a.map((x) => x * c);
}

/** Schoolbook product. */
export function zmul(a: readonly bigint[], b: readonly bigint[]): ZPoly {
  if (a.length === 0 || b.length === 0) return [];
  const r = new Array<bigint>(a.length + b.length - 1).fill(0n);
  for (let i = 0; i < a.length; i++) {
    const ai = a[i];
    if (ai === 0n) continue;
    for (let j = 0; j < b.length; j++) r[i + j] += ai * b[j];
  }
  return ztrim(r);
}

/** The derivative a′. */
export function zderivative(a: readonly bigint[]): ZPoly {
  return ztrim(a.slice(1).map((c, i) => c * BigInt(i + 1)));
}

/** a^k by repeated squaring. */
export function zpow(a: readonly bigint[], k: number): ZPoly {
  let r: ZPoly = [1n];
  let base: ZPoly = a.slice();
  while (k > 0) {
    if (k & 1) r = zmul(r, base);
    k >>= 1;
    if (k > 0) base = zmul(base, base);
  }
  return r;
}

/** The content: gcd of the coefficients, ≥ 0 (0 for zero). */
export function zcontent(a: readonly bigint[]): bigint {
  let g = 0n;
  for (const c of a) {
    g = gcd(g, c);
    if (g === 1n) return 1n;
  }
  return g;
}

/** The primitive part with a positive leading coefficient (zero stays zero). */
export function zprimitive(a: readonly bigint[]): ZPoly {
  if (a.length === 0) return [];
  let g = zcontent(a);
  if (a[a.length - 1] < 0n) g = -g;
  return g === 1n ? a.slice() : a.map((c) => c / g);
}

/**
 * a / b over Z when b divides a exactly, `undefined` otherwise. Stops at the first coefficient
 * that lc(b) does not divide, so a failed trial division is usually cheap.
 */
export function zdivExact(a: readonly bigint[], b: readonly bigint[]): ZPoly | undefined {
  if (b.length === 0) throw new RangeError('integer polynomial division by zero');
  if (a.length === 0) return [];
  if (a.length < b.length) return undefined;
  const r = a.slice();
  const db = b.length - 1;
  const lb = b[db];
  const q = new Array<bigint>(a.length - db).fill(0n);
  for (let i = a.length - 1; i >= db; i--) {
    const c = r[i];
    if (c === 0n) continue;
    if (c % lb !== 0n) return undefined;
    const f = c / lb;
    q[i - db] = f;
    for (let j = 0; j <= db; j++) r[i - db + j] -= f * b[j];
  }
  for (let i = 0; i < db; i++) if (r[i] !== 0n) return undefined;
  return ztrim(q);
}

/** Coefficients reduced into [0, m). */
export function zmod(a: readonly bigint[], m: bigint): ZPoly {
  return ztrim(a.map((c) => modulo(c, m)));
}

/** Coefficients reduced into (−m/2, m/2]. */
export function zmodSymmetric(a: readonly bigint[], m: bigint): ZPoly {
  const h = m / 2n;
  return ztrim(
    a.map((c) => {
      const r = modulo(c, m);
      return r > h ? r - m : r;
    }),
  );
}

/** a·b mod m. */
export function zmulMod(a: readonly bigint[], b: readonly bigint[], m: bigint): ZPoly {
  return zmod(zmul(a, b), m);
}

/**
 * [q, r] with a ≡ q·b + r (mod m), deg r < deg b, for a monic b (lc(b) = 1); coefficients in [0, m).
 * Only the quotient coefficients are reduced as they are found: the running remainder is reduced
 * once at the end (its entries stay below deg b · m · max|bⱼ| plus |a| in absolute value).
 */
export function zdivmodMonic(a: readonly bigint[], b: readonly bigint[], m: bigint): [ZPoly, ZPoly] {
  const db = b.length - 1;
  if (db < 0 || b[db] !== 1n) throw new RangeError('zdivmodMonic needs a monic divisor');
  if (a.length <= db) return [[], zmod(a, m)];
  const r = a.slice();
  const q = new Array<bigint>(r.length - db).fill(0n);
  for (let i = r.length - 1; i >= db; i--) {
    const c = modulo(r[i], m);
    if (c === 0n) continue;
    q[i - db] = c;
    for (let j = 0; j < db; j++) r[i - db + j] -= c * b[j];
  }
  return [ztrim(q), zmod(r.slice(0, db), m)];
}

/** Image of an integer polynomial in Z/p with number coefficients (p < 2^53). */
export function ztoModP(a: readonly bigint[], p: number): number[] {
  const P = BigInt(p);
  const r = a.map((c) => Number(modulo(c, P)));
  let n = r.length;
  while (n > 0 && r[n - 1] === 0) n--;
  r.length = n;
  return r;
}

/** Lift of a polynomial over Z/p (coefficients in [0, p)) to Z. */
export function zfromModP(a: UPoly<number>): ZPoly {
  return a.map((c) => BigInt(c));
}

/** max |aᵢ| */
export function zmaxNorm(a: readonly bigint[]): bigint {
  let m = 0n;
  for (const c of a) {
    const x = absBig(c);
    if (x > m) m = x;
  }
  return m;
}

/** Σ |aᵢ| */
export function zoneNorm(a: readonly bigint[]): bigint {
  let s = 0n;
  for (const c of a) s += absBig(c);
  return s;
}

/**
 * A bound B on the coefficients of lc(f)·g for every factor g of f in Z[x] of degree ≤ deg f − 1
 * (Landau–Mignotte, in the form of von zur Gathen–Gerhard Alg. 15.19:
 * B = √(n+1)·2^n·‖f‖∞·|lc(f)|, rounded up). Lifting beyond 2B makes symmetric residues exact.
 */
export function mignotteBound(f: readonly bigint[]): bigint {
  const n = f.length - 1;
  const root = isqrt(BigInt(n + 1)) + 1n;
  return root * (1n << BigInt(n)) * zmaxNorm(f) * absBig(zlc(f));
}

/** f(a/b)·b^deg f, exactly: the numerator of f at a rational point (Horner on integers). */
export function zevalHomogeneous(f: readonly bigint[], a: bigint, b: bigint): bigint {
  let acc = 0n;
  let bp = 1n;
  for (let i = f.length - 1; i >= 0; i--) {
    acc = acc * a + f[i] * bp;
    bp *= b;
  }
  return acc;
}

/** f(a/2^k)·2^(k·deg f): `zevalHomogeneous` for a dyadic point, with shifts instead of products. */
export function zevalDyadic(f: readonly bigint[], a: bigint, k: number): bigint {
  let acc = 0n;
  const n = f.length - 1;
  for (let i = n; i >= 0; i--) acc = acc * a + (f[i] === 0n ? 0n : f[i] << BigInt(k * (n - i)));
  return acc;
}

/** The integer polynomial as rationals (for the generic `UPoly<Rational>` API). */
export function ztoRational(a: readonly bigint[]): Rational[] {
  return a.map((c) => ({ num: c, den: 1n }));
}

/** Canonical order on integer polynomials: by degree, then coefficients from the top down. */
export function zcompare(a: readonly bigint[], b: readonly bigint[]): number {
  if (a.length !== b.length) return a.length - b.length;
  for (let i = a.length - 1; i >= 0; i--) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return 0;
}
