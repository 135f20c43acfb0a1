/**
 * Distinct-degree factorization over Z/p: splits a square-free monic f ∈ F_p[x] into the
 * products g_d of all its monic irreducible factors of degree d.
 *
 * Representation: `UPoly<number>` over `Zp(p)` (ascending residues in [0, p), trimmed), generic
 * arithmetic from `univariate.ts`. Invariant: the input is monic and square-free; the output
 * degrees d are increasing, each g_d monic with deg g_d divisible by d, and Π g_d = f.
 * The loop computes h = x^(p^d) mod f by repeated p-th powering and takes gcd(h − x, f)
 * (von zur Gathen–Gerhard, Modern Computer Algebra, Alg. 14.3). The p-th power map is F_p-linear,
 * so it is applied as a matrix: the Frobenius matrix Q (columns x^(ip) mod f, Berlekamp's matrix)
 * costs n multiplications modulo f once, then each step is one n×n product instead of log p
 * multiplications modulo f. Products modulo f for p < 2^26 reduce lazily (`fp-poly.ts`).
 */
import { FAST_PRIME_LIMIT, Field, PrimeField } from '../../arithmetic/field';
import { Deadline } from '../../errors';
import { ControlOptions, resolveControl } from '../../control';
import { UPoly, ugcd, umul, urem, usub, uexactDiv } from '../univariate';
import { gcdModP, lazyTerms, mulRemModP, powRemModP, reduceAll, residue } from './fp-poly';

/** base^e mod m over a field, by square-and-multiply (e ≥ 0 a bigint); lazy reduction for p < 2^26. */
export function upowmod<T>(F: Field<T>, base: UPoly<T>, e: bigint, m: UPoly<T>): UPoly<T> {
  const p = (F as Partial<PrimeField>).p;
  if (typeof p === 'number' && p < FAST_PRIME_LIMIT && m.length > 1 && m[m.length - 1] === F.one) {
    return powRemModP(base as unknown as number[], e, m as unknown as number[], p) as unknown as UPoly<T>;
  }
  let r: UPoly<T> = m.length > 1 ? [F.one] : [];
  let b = urem(F, base, m);
  while (e > 0n) {
    if (e & 1n) r = urem(F, umul(F, r, b), m);
    e >>= 1n;
    if (e > 0n) b = urem(F, umul(F, b, b), m);
  }
  return r;
}

/**
 * Berlekamp's matrix of the p-th power map modulo f (monic of degree n): row i is x^(ip) mod f.
 * For p < n the rows come from multiplying by x one step at a time ((n − 1)·p steps of O(n)),
 * otherwise from multiplying by x^p mod f (n products of O(n²)).
 */
function frobeniusMatrix(F: PrimeField, f: UPoly<number>, deadline?: Deadline): Float64Array[] {
  const n = f.length - 1;
  const p = F.p;
  const rows: Float64Array[] = [];
  if (p < n) {
    const v = new Float64Array(n);
    v[0] = 1;
    const K = lazyTerms(p);
    const pinv = 1 / p;
    for (let step = 0, pending = 0; ; step++) {
      if (step % p === 0) {
        reduceAll(v, p);
        pending = 0;
        rows.push(v.slice());
        if (rows.length === n) return rows;
        if ((rows.length & 15) === 0) deadline?.check();
      }
      // v ← x·v mod f: shift up, then subtract top·f (as (p − top)·f, to stay non-negative).
      const top = residue(v[n - 1], p, pinv);
      v.copyWithin(1, 0, n - 1);
      v[0] = 0;
      if (top !== 0) for (let k = 0; k < n; k++) v[k] += (p - top) * f[k];
      if (++pending === K) {
        reduceAll(v, p);
        pending = 0;
      }
    }
  }
  const xp = powRemModP([0, 1], BigInt(p), f, p);
  let power: UPoly<number> = [F.one];
  for (let i = 0; i < n; i++) {
    const row = new Float64Array(n);
    for (let k = 0; k < power.length; k++) row[k] = power[k];
    rows.push(row);
    if ((i & 15) === 15) deadline?.check();
    if (i + 1 < n) power = mulRemModP(power, xp, f, p);
  }
  return rows;
}

/** h^p mod f = Σ hᵢ·x^(ip) mod f, with the Frobenius matrix's rows (lazy reduction, see `fp-poly.ts`). */
function applyFrobenius(p: number, Q: readonly Float64Array[], h: UPoly<number>): UPoly<number> {
  const n = Q.length;
  const out = new Float64Array(n);
  const K = lazyTerms(p);
  let pending = 0;
  for (let i = 0; i < h.length; i++) {
    const c = h[i];
    if (c === 0) continue;
    const row = Q[i];
    for (let k = 0; k < n; k++) out[k] += c * row[k];
    if (++pending === K) {
      reduceAll(out, p);
      pending = 0;
    }
  }
  reduceAll(out, p);
  let top = n;
  while (top > 0 && out[top - 1] === 0) top--;
  return Array.from(out.subarray(0, top));
}

/** One distinct-degree piece: `product` is the product of all irreducible factors of degree `degree`. */
export interface DegreePiece {
  readonly degree: number;
  readonly product: UPoly<number>;
}

/**
 * Distinct-degree factorization of a monic square-free f over Z/p.
 * Example over GF(7): x^3 − 1 = (x−1)(x−2)(x−4) gives one piece of degree 1.
 * The deadline is checked at every block of degrees (TimeoutError).
 *
 * With the Frobenius matrix (p < 2^26) and deg f ≥ 2·GCD_BLOCK the gcds are batched (the idea of
 * Shoup's interval partition, von zur Gathen–Gerhard §14.8): for a block of consecutive degrees d
 * the products Π (h_d − x) mod f are accumulated and one gcd with the rest tells whether any of
 * them has a factor there; only then are the block's gcds taken one by one, in order. A product
 * modulo f costs a fraction of a gcd of the same degree, and most blocks have no factor. The
 * output is that of one gcd per degree: the same gcds, in the same order, wherever a factor is.
 */
export function distinctDegreeFactor(F: PrimeField, f: UPoly<number>, options: ControlOptions = {}): DegreePiece[] {
  const { deadline } = resolveControl(options, 'distinctDegreeFactor');
  const p = F.p;
  const out: DegreePiece[] = [];
  const x: UPoly<number> = [0, 1];
  let rest = f;
  let h: UPoly<number> = x;
  const frobenius = f.length > 3 && p < FAST_PRIME_LIMIT ? frobeniusMatrix(F, f, deadline) : undefined;
  const nextPower = (g: UPoly<number>): UPoly<number> => (frobenius ? applyFrobenius(p, frobenius, g) : upowmod(F, g, BigInt(p), f));
  const gcd = (a: UPoly<number>, b: UPoly<number>): UPoly<number> => (frobenius ? gcdModP(a, b, p) : ugcd(F, a, b));
  const blockSize = frobenius && f.length - 1 >= 2 * GCD_BLOCK ? GCD_BLOCK : 1;
  // h = x^(p^d) mod f throughout (f is a multiple of rest, so gcds with rest are unaffected).
  let d = 1;
  while (2 * d <= rest.length - 1) {
    deadline?.check();
    const block: UPoly<number>[] = [];
    let product: number[] = [1];
    for (let j = 0; j < blockSize && 2 * (d + j) <= rest.length - 1; j++) {
      h = nextPower(h);
      block.push(usub(F, h, x));
      if (blockSize > 1) product = mulRemModP(product, block[j] as number[], f as number[], p);
    }
    if (blockSize === 1 || gcd(product, rest).length > 1) {
      for (let j = 0; j < block.length && 2 * (d + j) <= rest.length - 1; j++) {
        const g = gcd(block[j], rest);
        if (g.length > 1) {
          out.push({ degree: d + j, product: g });
          rest = uexactDiv(F, rest, g);
        }
      }
    }
    d += block.length;
  }
  if (rest.length > 1) out.push({ degree: rest.length - 1, product: rest });
  return out;
}

/** Degrees whose h − x are multiplied together before one gcd with the rest, from degree 2·GCD_BLOCK on. */
const GCD_BLOCK = 8;
