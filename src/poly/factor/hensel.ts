/**
 * Multifactor Hensel lifting: from f ≡ lc(f)·u₁⋯u_r (mod p) with pairwise coprime monic uᵢ to the
 * same factorization modulo p^l.
 *
 * Representation: integer polynomials `ZPoly` (bigint, ascending); the modular factors come in as
 * `UPoly<number>` over Z/p and go out monic with coefficients in [0, p^l). The factor tree is
 * built by halving the list: f ≡ g·h with g = Π(first half), h = Π(second half), the pair and its
 * Bézout cofactors s, t (s·g + t·h ≡ 1) are lifted by the quadratic Hensel step (von zur
 * Gathen–Gerhard, Modern Computer Algebra, Alg. 15.10) along the exponent chain
 * 1 → … → ⌈l/2⌉ → l, and each half is lifted recursively (ibid., Alg. 15.17). Since lc(f) is a
 * unit modulo p, f is first made monic modulo the current modulus, so every factor stays monic.
 */
import { Zp } from '../../arithmetic/field';
import { modInverse } from '../../arithmetic/integers';
import { ComputationError } from '../../errors';
import { UPoly, umul, uxgcd } from '../univariate';
import { ZPoly, zadd, zdivmodMonic, zfromModP, zlc, zmod, zmul, zscale, zsub } from './zpoly';

/** The smallest l with p^l > bound. */
export function liftExponent(p: number, bound: bigint): number {
  const P = BigInt(p);
  let l = 1;
  for (let m = P; m <= bound; m *= P) l++;
  return l;
}

/** The exponent chain e₀ = 1 < e₁ < … < e_k = l with e_{i+1} ≤ 2·e_i (halving from the top). */
function exponentChain(l: number): number[] {
  const chain = [l];
  while (chain[chain.length - 1] > 1) chain.push(Math.ceil(chain[chain.length - 1] / 2));
  return chain.reverse();
}

/** f made monic modulo m (lc(f) must be a unit modulo m). */
function monicMod(f: ZPoly, m: bigint): ZPoly {
  const l = zlc(f);
  return l === 1n ? zmod(f, m) : zmod(zscale(f, modInverse(l, m)), m);
}

/**
 * One quadratic Hensel step (vzGG Alg. 15.10) from modulus m to m2 (m2 divides m²):
 * given monic f ≡ g·h, s·g + t·h ≡ 1 (mod m), returns the lifted g, h, s, t modulo m2.
 */
function henselStep(f: ZPoly, g: ZPoly, h: ZPoly, s: ZPoly, t: ZPoly, m2: bigint): [ZPoly, ZPoly, ZPoly, ZPoly] {
  const e = zmod(zsub(f, zmul(g, h)), m2);
  const [q, r] = zdivmodMonic(zmul(s, e), h, m2);
  const g2 = zmod(zadd(g, zadd(zmul(t, e), zmul(q, g))), m2);
  const h2 = zmod(zadd(h, r), m2);
  const b = zmod(zsub(zadd(zmul(s, g2), zmul(t, h2)), [1n]), m2);
  const [c, d] = zdivmodMonic(zmul(s, b), h2, m2);
  const s2 = zmod(zsub(s, d), m2);
  const t2 = zmod(zsub(t, zadd(zmul(t, b), zmul(c, g2))), m2);
  return [g2, h2, s2, t2];
}

/**
 * Lifts f ≡ lc(f)·Π uᵢ (mod p) to the monic factors modulo p^l, in the input order.
 * Preconditions: p ∤ lc(f), the uᵢ monic and pairwise coprime modulo p, and their product
 * equal to f/lc(f) modulo p. Example: x² − 2 ≡ (x − 3)(x − 4) mod 7 lifts to (x − 10)(x − 39) mod 49.
 */
export function henselLift(f: ZPoly, factors: readonly UPoly<number>[], p: number, l: number): ZPoly[] {
  const P = BigInt(p);
  const M = P ** BigInt(l);
  if (factors.length === 0) throw new ComputationError('Hensel lifting needs at least one factor');
  if (factors.length === 1) return [monicMod(f, M)];
  const F = Zp(p);
  const k = factors.length >> 1;
  const left = factors.slice(0, k);
  const right = factors.slice(k);
  const g0 = left.reduce<UPoly<number>>((a, u) => umul(F, a, u), [1]);
  const h0 = right.reduce<UPoly<number>>((a, u) => umul(F, a, u), [1]);
  const [one, s0, t0] = uxgcd(F, g0, h0);
  if (one.length !== 1) throw new ComputationError('Hensel lifting: the modular factors are not coprime');
  let g = zfromModP(g0);
  let h = zfromModP(h0);
  let s = zfromModP(s0);
  let t = zfromModP(t0);
  const chain = exponentChain(l);
  for (let i = 1; i < chain.length; i++) {
    const m2 = P ** BigInt(chain[i]);
    [g, h, s, t] = henselStep(monicMod(f, m2), g, h, s, t, m2);
  }
  return [...henselLift(g, left, p, l), ...henselLift(h, right, p, l)];
}
