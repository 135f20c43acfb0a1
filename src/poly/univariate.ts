/**
 * Dense univariate polynomials over a field: arithmetic, division with remainder, gcd,
 * derivative, evaluation, square-free decomposition, and conversion from/to the multivariate ring.
 *
 * Representation: a plain array of coefficients in ascending degree (`c[i]` is the coefficient
 * of xⁱ), trimmed so the last entry is non-zero; the zero polynomial is `[]`. Functions take the
 * field explicitly (domains are objects, elements are plain values). Square-free decomposition
 * follows Geddes–Czapor–Labahn, Algorithms for Computer Algebra, §8.2 (with the p-th root step
 * for characteristic p).
 */
import { FAST_PRIME_LIMIT, Field, PrimeField } from '../arithmetic/field';
import { gcd, lcm } from '../arithmetic/integers';
import { Rational, rational } from '../arithmetic/rational';
import { InputError } from '../errors';
import { Monomial } from '../monomials/monomial';
import { Polynomial, PolynomialRing } from './polynomial';

/** Ascending coefficients, trimmed. */
export type UPoly<T> = readonly T[];

/** Removes trailing zeros. */
export function utrim<T>(F: Field<T>, c: readonly T[]): UPoly<T> {
  let n = c.length;
  while (n > 0 && F.isZero(c[n - 1])) n--;
  return n === c.length ? c : c.slice(0, n);
}

/** Degree (−1 for zero). */
export function udegree<T>(a: UPoly<T>): number {
  return a.length - 1;
}

/** Leading coefficient (zero for zero). */
export function ulc<T>(F: Field<T>, a: UPoly<T>): T {
  return a.length === 0 ? F.zero : a[a.length - 1];
}

export function uadd<T>(F: Field<T>, a: UPoly<T>, b: UPoly<T>): UPoly<T> {
  const n = Math.max(a.length, b.length);
  const r = new Array<T>(n);
  for (let i = 0; i < n; i++) r[i] = i >= a.length ? b[i] : i >= b.length ? a[i] : F.add(a[i], b[i]);
  return utrim(F, r);
}

export function uneg<T>(F: Field<T>, a: UPoly<T>): UPoly<T> {
  return a.map((c) => F.neg(c));
}

export function usub<T>(F: Field<T>, a: UPoly<T>, b: UPoly<T>): UPoly<T> {
  return uadd(F, a, uneg(F, b));
}

export function uscale<T>(F: Field<T>, a: UPoly<T>, c: T): UPoly<T> {
  if (F.isZero(c)) return [];
  return a.map((x) => F.mul(x, c));
}

/**
 * The prime p when F is Z/p with number elements and p < 2^26 (products of residues are exact in
 * a double): the hot loops below then run on plain numbers instead of field calls. Below
 * `LAZY_LIMIT` = 2^21 a product is below 2^42 and 2^11 of them add up exactly, so the loops
 * reduce once per 2^11 additions (or once per coefficient) instead of after every product — a
 * floating-point remainder costs as much as ten products.
 */
const LAZY_LIMIT = 2 ** 21;
const LAZY_TERMS = 2048;

function smallPrime<T>(F: Field<T>): number | undefined {
  const p = (F as Partial<PrimeField>).p;
  return typeof p === 'number' && p < FAST_PRIME_LIMIT ? p : undefined;
}

/** Schoolbook product. */
export function umul<T>(F: Field<T>, a: UPoly<T>, b: UPoly<T>): UPoly<T> {
  if (a.length === 0 || b.length === 0) return [];
  const p = smallPrime(F);
  if (p !== undefined) {
    const x = a as unknown as readonly number[];
    const y = b as unknown as readonly number[];
    const r = new Float64Array(x.length + y.length - 1);
    if (p < LAZY_LIMIT) {
      // r[k] receives at most one product per row i: reduce every LAZY_TERMS rows.
      for (let i = 0; i < x.length; i++) {
        const c = x[i];
        if (c !== 0) for (let j = 0; j < y.length; j++) r[i + j] += c * y[j];
        if ((i + 1) % LAZY_TERMS === 0) for (let k = 0; k < r.length; k++) r[k] %= p;
      }
      for (let k = 0; k < r.length; k++) r[k] %= p;
    } else {
      for (let i = 0; i < x.length; i++) {
        const c = x[i];
        if (c === 0) continue;
        for (let j = 0; j < y.length; j++) r[i + j] = (r[i + j] + c * y[j]) % p;
      }
    }
    return utrim(F, Array.from(r) as unknown as T[]);
  }
  const r = new Array<T>(a.length + b.length - 1).fill(F.zero);
  for (let i = 0; i < a.length; i++) {
    if (F.isZero(a[i])) continue;
    for (let j = 0; j < b.length; j++) r[i + j] = F.add(r[i + j], F.mul(a[i], b[j]));
  }
  return utrim(F, r);
}

/** a^k by repeated squaring. */
export function upow<T>(F: Field<T>, a: UPoly<T>, k: number): UPoly<T> {
  let r: UPoly<T> = [F.one];
  let base = a;
  while (k > 0) {
    if (k & 1) r = umul(F, r, base);
    k >>= 1;
    if (k > 0) base = umul(F, base, base);
  }
  return r;
}

/** [q, r] with a = q·b + r and deg r < deg b; throws on b = 0. */
export function udivmod<T>(F: Field<T>, a: UPoly<T>, b: UPoly<T>): [UPoly<T>, UPoly<T>] {
  if (b.length === 0) throw new RangeError('univariate division by zero');
  if (a.length < b.length) return [[], a];
  const db = b.length - 1;
  const p = smallPrime(F);
  if (p !== undefined) {
    const r = Float64Array.from(a as unknown as readonly number[]);
    const y = b as unknown as readonly number[];
    const inv = F.inv(b[db]) as unknown as number;
    const q = new Array<number>(a.length - db).fill(0);
    // Each r[k] is updated by at most db + 1 steps: with few enough, reduce only when read.
    const lazy = p < LAZY_LIMIT && db < LAZY_TERMS;
    for (let i = a.length - 1; i >= db; i--) {
      const c = lazy ? r[i] % p : r[i];
      if (c === 0) continue;
      const f = (c * inv) % p;
      q[i - db] = f;
      const g = p - f;
      if (lazy) for (let j = 0; j < db; j++) r[i - db + j] += g * y[j];
      else for (let j = 0; j <= db; j++) r[i - db + j] = (r[i - db + j] + g * y[j]) % p;
    }
    if (lazy) for (let k = 0; k < db; k++) r[k] %= p;
    return [utrim(F, q as unknown as T[]), utrim(F, Array.from(r.subarray(0, db)) as unknown as T[])];
  }
  const r = a.slice();
  const inv = F.inv(b[db]);
  const q = new Array<T>(a.length - db).fill(F.zero);
  for (let i = a.length - 1; i >= db; i--) {
    const c = r[i];
    if (F.isZero(c)) continue;
    const f = F.mul(c, inv);
    q[i - db] = f;
    for (let j = 0; j <= db; j++) r[i - db + j] = F.sub(r[i - db + j], F.mul(f, b[j]));
  }
  return [utrim(F, q), utrim(F, r.slice(0, db))];
}

export function urem<T>(F: Field<T>, a: UPoly<T>, b: UPoly<T>): UPoly<T> {
  return udivmod(F, a, b)[1];
}

/** a/b when b divides a; throws otherwise. */
export function uexactDiv<T>(F: Field<T>, a: UPoly<T>, b: UPoly<T>): UPoly<T> {
  const [q, r] = udivmod(F, a, b);
  if (r.length !== 0) throw new RangeError('univariate exact division with a remainder');
  return q;
}

/** a made monic (zero stays zero). */
export function umonic<T>(F: Field<T>, a: UPoly<T>): UPoly<T> {
  return a.length === 0 ? a : uscale(F, a, F.inv(a[a.length - 1]));
}

/** The monic gcd (gcd(0, 0) = 0). */
export function ugcd<T>(F: Field<T>, a: UPoly<T>, b: UPoly<T>): UPoly<T> {
  const p = smallPrime(F);
  if (p !== undefined) return utrim(F, gcdModP(F as unknown as PrimeField, a as unknown as readonly number[], b as unknown as readonly number[]) as unknown as T[]);
  while (b.length !== 0) [a, b] = [b, urem(F, a, b)];
  return umonic(F, a);
}

/** The monic gcd over Z/p (p < 2^26) by Euclid in place on two buffers (no allocation per step). */
function gcdModP(F: PrimeField, a0: readonly number[], b0: readonly number[]): number[] {
  const p = F.p;
  let a = Float64Array.from(a0);
  let b = Float64Array.from(b0);
  let da = a.length - 1;
  let db = b.length - 1;
  while (da >= 0 && a[da] === 0) da--;
  while (db >= 0 && b[db] === 0) db--;
  while (db >= 0) {
    // a ← a mod b
    const inv = F.inv(b[db]);
    while (da >= db) {
      const c = a[da];
      if (c !== 0) {
        const g = p - ((c * inv) % p);
        const shift = da - db;
        for (let j = 0; j <= db; j++) a[shift + j] = (a[shift + j] + g * b[j]) % p;
      }
      da--;
      while (da >= 0 && a[da] === 0) da--;
    }
    [a, b] = [b, a];
    [da, db] = [db, da];
  }
  if (da < 0) return [];
  const inv = F.inv(a[da]);
  return Array.from(a.subarray(0, da + 1), (c) => (c * inv) % p);
}

/** [g, s, t] with g = gcd(a, b) monic and s·a + t·b = g. */
export function uxgcd<T>(F: Field<T>, a: UPoly<T>, b: UPoly<T>): [UPoly<T>, UPoly<T>, UPoly<T>] {
  let [r0, r1] = [a, b];
  let [s0, s1]: UPoly<T>[] = [[F.one], []];
  let [t0, t1]: UPoly<T>[] = [[], [F.one]];
  while (r1.length !== 0) {
    const [q, r] = udivmod(F, r0, r1);
    [r0, r1] = [r1, r];
    [s0, s1] = [s1, usub(F, s0, umul(F, q, s1))];
    [t0, t1] = [t1, usub(F, t0, umul(F, q, t1))];
  }
  if (r0.length === 0) return [[], [], []];
  const inv = F.inv(r0[r0.length - 1]);
  return [uscale(F, r0, inv), uscale(F, s0, inv), uscale(F, t0, inv)];
}

export function uderivative<T>(F: Field<T>, a: UPoly<T>): UPoly<T> {
  const r: T[] = [];
  for (let i = 1; i < a.length; i++) r.push(F.mul(a[i], F.fromInt(i)));
  return utrim(F, r);
}

/** a(x) by Horner's rule. */
export function uevaluate<T>(F: Field<T>, a: UPoly<T>, x: T): T {
  let acc = F.zero;
  for (let i = a.length - 1; i >= 0; i--) acc = F.add(F.mul(acc, x), a[i]);
  return acc;
}

/** a(b(x)) */
export function ucompose<T>(F: Field<T>, a: UPoly<T>, b: UPoly<T>): UPoly<T> {
  let acc: UPoly<T> = [];
  for (let i = a.length - 1; i >= 0; i--) acc = uadd(F, umul(F, acc, b), F.isZero(a[i]) ? [] : [a[i]]);
  return acc;
}

/**
 * Square-free decomposition: monic pairwise coprime square-free factors with multiplicities,
 * f = lc(f)·Π gᵢ^mᵢ, sorted by multiplicity. Works in characteristic 0 and p.
 * Example over Q: (x−1)²(x+2) gives [[x+2, 1], [x−1, 2]].
 */
export function usquarefree<T>(F: Field<T>, f: UPoly<T>): [UPoly<T>, number][] {
  if (f.length <= 1) return [];
  const out: [UPoly<T>, number][] = [];
  const p = Number(F.characteristic);
  const rec = (g: UPoly<T>, mult: number): void => {
    let c = ugcd(F, g, uderivative(F, g));
    let w = uexactDiv(F, umonic(F, g), c);
    let i = 1;
    while (w.length > 1) {
      const y = ugcd(F, w, c);
      const z = uexactDiv(F, w, y);
      if (z.length > 1) out.push([z, i * mult]);
      i++;
      w = y;
      c = uexactDiv(F, c, y);
    }
    if (c.length > 1) {
      // Characteristic p: c is a polynomial in x^p; over Z/p the p-th root of a coefficient is itself.
      if (p === 0) throw new Error('square-free decomposition left a non-trivial cofactor in characteristic 0');
      const root: T[] = [];
      for (let k = 0; k < c.length; k += p) root.push(c[k]);
      rec(utrim(F, root), mult * p);
    }
  };
  rec(f, 1);
  return out.sort((a, b) => a[1] - b[1] || a[0].length - b[0].length);
}

/** The square-free part: the product of the distinct monic irreducible factors. */
export function usquarefreePart<T>(F: Field<T>, f: UPoly<T>): UPoly<T> {
  return usquarefree(F, f).reduce<UPoly<T>>((acc, [g]) => umul(F, acc, g), [F.one]);
}

/** For f over Q: [content, primitive integer polynomial with positive leading coefficient]. */
export function uprimitive(f: UPoly<Rational>): [Rational, bigint[]] {
  if (f.length === 0) return [rational(0n), []];
  let g = 0n;
  let l = 1n;
  for (const c of f) {
    g = gcd(g, c.num);
    l = lcm(l, c.den);
  }
  if (f[f.length - 1].num < 0n) g = -g;
  return [rational(g, l), f.map((c) => (c.num * (l / c.den)) / g)];
}

/** The univariate coefficients of p in variable v (p must involve no other variable). */
export function toUnivariate<T>(p: Polynomial<T>, v: string | number): UPoly<T> {
  const R = p.ring;
  const i = typeof v === 'number' ? v : R.varIndex(v);
  const F = R.field;
  const deg = p.degree(i);
  const c = new Array<T>(Math.max(deg + 1, 0)).fill(F.zero);
  for (let k = 0; k < p.length; k++) {
    const m = p.monomials[k];
    if (m[0] !== m[i + 1]) throw new InputError(`${p} involves variables other than ${R.vars[i]}`);
    c[m[i + 1]] = p.coefficients[k];
  }
  return utrim(F, c);
}

/** The polynomial Σ cᵢ·vⁱ of the ring R. */
export function fromUnivariate<T>(R: PolynomialRing<T>, v: string | number, c: UPoly<T>): Polynomial<T> {
  const i = typeof v === 'number' ? v : R.varIndex(v);
  const monos: Monomial[] = [];
  const coeffs: T[] = [];
  for (let e = c.length - 1; e >= 0; e--) {
    if (R.field.isZero(c[e])) continue;
    const m = new Array<number>(R.nvars + 1).fill(0);
    m[0] = e;
    m[i + 1] = e;
    monos.push(m);
    coeffs.push(c[e]);
  }
  return R.normalize(monos, coeffs);
}

/** Text of a univariate polynomial in variable x (canonical, decreasing degree). */
export function uformat<T>(F: Field<T>, a: UPoly<T>, x = 'x'): string {
  const R = new PolynomialRing(F, [x]);
  return fromUnivariate(R, 0, a).toString();
}
