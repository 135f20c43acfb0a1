/**
 * Products, remainders and powers of dense polynomials over F_p for p < 2^26, with lazy reduction:
 * the hot loops of the distinct- and equal-degree factorizations.
 *
 * Representation: `UPoly<number>` (ascending residues in [0, p), trimmed) in and out; the work is
 * done in a Float64Array. Every product of two residues is below (p − 1)² < 2^52, and a double
 * holds integers exactly up to 2^53, so K = ⌊(2^53 − p)/(p − 1)²⌋ such products can be added to a
 * reduced value before anything must be reduced. For the small primes the factorization over Q
 * chooses (p < 2^20, K ≥ 8000) that means one `%` per output coefficient instead of one per
 * product; near 2^26 (K = 1) the arrays are reduced after every row, as the generic code does.
 * Reference: the delayed reduction of Shoup's NTL (zz_pX) and of FLINT's nmod_poly.
 */
import { UPoly } from '../univariate';

/** How many products of two residues may be added to a reduced residue without leaving 2^53. */
export function lazyTerms(p: number): number {
  const q = (p - 1) * (p - 1);
  return q === 0 ? Number.MAX_SAFE_INTEGER : Math.max(1, Math.floor((2 ** 53 - p) / q));
}

/**
 * x mod p for an integer 0 ≤ x ≤ 2^53 − p, from a floating-point quotient: the computed ⌊x·(1/p)⌋
 * is off by at most one, which the two comparisons correct (fmod, the `%` of doubles, is several
 * times slower).
 */
export function residue(x: number, p: number, pinv: number): number {
  const r = x - Math.floor(x * pinv) * p;
  return r < 0 ? r + p : r >= p ? r - p : r;
}

/** Reduces r[0], …, r[end − 1] modulo p in place. */
export function reduceAll(r: Float64Array, p: number, end = r.length): void {
  const pinv = 1 / p;
  for (let i = 0; i < end; i++) r[i] = residue(r[i], p, pinv);
}

function trimmed(r: Float64Array, end: number): number[] {
  while (end > 0 && r[end - 1] === 0) end--;
  const out = new Array<number>(end);
  for (let i = 0; i < end; i++) out[i] = r[i];
  return out;
}

/**
 * r[offset + j] += c·x[j] for j < n, four terms at a time (twice as fast in V8 as the plain loop
 * when x is a Float64Array); no reduction.
 */
function addMultipleInPlace(r: Float64Array, offset: number, c: number, x: Float64Array, n: number): void {
  let j = 0;
  for (; j + 3 < n; j += 4) {
    r[offset + j] += c * x[j];
    r[offset + j + 1] += c * x[j + 1];
    r[offset + j + 2] += c * x[j + 2];
    r[offset + j + 3] += c * x[j + 3];
  }
  for (; j < n; j++) r[offset + j] += c * x[j];
}

/** a·b over F_p. Example: `mulModP([1, 1], [6, 1], 7)` (x + 1)(x + 6) is x² + 6 = [6, 0, 1]. */
export function mulModP(a: readonly number[], b: readonly number[], p: number): number[] {
  if (a.length === 0 || b.length === 0) return [];
  const r = new Float64Array(a.length + b.length - 1);
  const K = lazyTerms(p);
  // b as a Float64Array for the unrolled inner loop (degree 191 × 191: 100–135 → 56–64 µs).
  const bb = Float64Array.from(b);
  const nb = bb.length;
  let pending = 0;
  for (let i = 0; i < a.length; i++) {
    const c = a[i];
    if (c === 0) continue;
    addMultipleInPlace(r, i, c, bb, nb);
    if (++pending === K) {
      reduceAll(r, p);
      pending = 0;
    }
  }
  reduceAll(r, p);
  return trimmed(r, r.length);
}

/**
 * r ← r mod f in place, for r[0..top] with entries below 2^53 − K(p − 1)² (reduced, or lazily
 * accumulated but not yet pending) and a monic f of degree n read from f[0..n]; afterwards r[0..n)
 * holds the reduced remainder and r[n..top] is zero.
 */
function remainderInPlace(r: Float64Array, top: number, f: Float64Array, n: number, p: number): void {
  const K = lazyTerms(p);
  const pinv = 1 / p;
  let pending = 0;
  for (let i = top; i >= n; i--) {
    const c = residue(r[i], p, pinv);
    r[i] = 0;
    if (c === 0) continue;
    // Adding (p − c)·f subtracts c·f modulo p and keeps every entry non-negative.
    const g = p - c;
    const shift = i - n;
    addMultipleInPlace(r, shift, g, f, n);
    if (++pending === K) {
      reduceAll(r, p, i);
      pending = 0;
    }
  }
  reduceAll(r, p, Math.min(n, top + 1));
}

/** a mod f over F_p for a monic f of degree ≥ 1 (a may hold any residues in [0, p)). */
export function remModP(a: readonly number[], f: readonly number[], p: number): number[] {
  const n = f.length - 1;
  if (a.length <= n) return a.slice();
  const r = Float64Array.from(a);
  remainderInPlace(r, r.length - 1, Float64Array.from(f), n, p);
  return trimmed(r, n);
}

/** a·b mod f over F_p (f monic). */
export function mulRemModP(a: readonly number[], b: readonly number[], f: readonly number[], p: number): number[] {
  return remModP(mulModP(a, b, p), f, p);
}

/** base^e mod f over F_p (f monic of degree ≥ 1, e ≥ 0), by square-and-multiply. */
export function powRemModP(base: UPoly<number>, e: bigint, f: readonly number[], p: number): number[] {
  let result: number[] = f.length > 1 ? [1] : [];
  let b = remModP(base, f, p);
  while (e > 0n) {
    if (e & 1n) result = mulRemModP(result, b, f, p);
    e >>= 1n;
    if (e > 0n) b = mulRemModP(b, b, f, p);
  }
  return result;
}

/** a⁻¹ modulo p for a residue a ≠ 0 (extended Euclid on numbers). */
export function invModP(a: number, p: number): number {
  let [r0, r1, s0, s1] = [p, a, 0, 1];
  while (r1 !== 0) {
    const q = Math.floor(r0 / r1);
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
  }
  if (r0 !== 1) throw new RangeError(`${a} is not invertible modulo ${p}`);
  return s0 < 0 ? s0 + p : s0;
}

/** a ← a mod b in place (b is made monic in place first); returns the degree of the remainder (−1 for zero). */
function reduceInPlace(a: Float64Array, da: number, b: Float64Array, db: number, p: number): number {
  const inv = invModP(b[db], p);
  const pinv = 1 / p;
  if (inv !== 1) for (let j = 0; j <= db; j++) b[j] = residue(b[j] * inv, p, pinv);
  remainderInPlace(a, da, b, db, p);
  let d = db - 1;
  while (d >= 0 && a[d] === 0) d--;
  return d;
}

/** The monic gcd over F_p by Euclid in place on two buffers (gcd(0, 0) = 0). */
export function gcdModP(a0: readonly number[], b0: readonly number[], p: number): number[] {
  let a = Float64Array.from(a0);
  let b = Float64Array.from(b0);
  let da = a0.length - 1;
  let db = b0.length - 1;
  while (db >= 0) {
    da = da >= db ? reduceInPlace(a, da, b, db, p) : da;
    [a, b, da, db] = [b, a, db, da];
  }
  if (da < 0) return [];
  const inv = invModP(a[da], p);
  const out = new Array<number>(da + 1);
  for (let i = 0; i <= da; i++) out[i] = residue(a[i] * inv, p, 1 / p);
  return out;
}

/**
 * a⁻¹ mod f over F_p (f of degree ≥ 1, any leading coefficient), or undefined when gcd(a, f) ≠ 1:
 * the extended Euclidean algorithm keeping only a's cofactor, s·a ≡ r (mod f), with each step's
 * quotient applied coefficient by coefficient (O(deg f²) in all, no polynomial allocated per
 * step).
 */
export function inverseModP(a: readonly number[], f: readonly number[], p: number): number[] | undefined {
  const pinv = 1 / p;
  const n = f.length - 1;
  let r0 = Array.from(f);
  let r1 = remModP(a, monicModP(f, p), p);
  let s0: number[] = [];
  let s1: number[] = [1];
  const degree = (x: number[]): number => {
    let d = x.length - 1;
    while (d >= 0 && x[d] === 0) d--;
    return d;
  };
  let d0 = n;
  let d1 = degree(r1);
  while (d1 >= 0) {
    // r0 ← r0 − q·r1 and s0 ← s0 − q·s1, one leading term of q at a time.
    const inv = invModP(r1[d1], p);
    while (d0 >= d1) {
      const c = residue(r0[d0] * inv, p, pinv);
      const shift = d0 - d1;
      if (c !== 0) {
        const g = p - c;
        for (let j = 0; j <= d1; j++) r0[shift + j] = residue(r0[shift + j] + g * r1[j], p, pinv);
        while (s0.length < s1.length + shift) s0.push(0);
        for (let j = 0; j < s1.length; j++) s0[shift + j] = residue(s0[shift + j] + g * s1[j], p, pinv);
      }
      d0--;
      while (d0 >= 0 && r0[d0] === 0) d0--;
    }
    [r0, r1, s0, s1, d0, d1] = [r1, r0, s1, s0, d1, d0];
  }
  // r0 is the gcd, of degree d0: a unit iff d0 = 0.
  if (d0 !== 0) return undefined;
  const scale = invModP(r0[0], p);
  const out = s0.map((c) => residue(c * scale, p, pinv));
  let d = out.length - 1;
  while (d >= 0 && out[d] === 0) d--;
  return out.slice(0, d + 1);
}

/** f made monic modulo p (the fast remainders divide by monic polynomials). */
export function monicModP(f: readonly number[], p: number): number[] {
  const inv = invModP(f[f.length - 1], p);
  return f.map((c) => residue(c * inv, p, 1 / p));
}
