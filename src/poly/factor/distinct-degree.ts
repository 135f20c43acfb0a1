/**
 * Distinct-degree factorization over Z/p: splits a square-free monic f ∈ F_p[x] into the
 * products g_d of all its monic irreducible factors of degree d.
 *
 * Representation: `UPoly<number>` over `Zp(p)` (ascending residues in [0, p), trimmed), generic
 * arithmetic from `univariate.ts`. Invariant: the input is monic and square-free; the output
 * degrees d are increasing, each g_d monic with deg g_d divisible by d, and Π g_d = f.
 * The loop computes h = x^(p^d) mod f by repeated p-th powering and takes gcd(h − x, f)
 * (von zur Gathen–Gerhard, Modern Computer Algebra, Alg. 14.3).
 */
import { Field, PrimeField } from '../../arithmetic/field';
import { UPoly, udivmod, ugcd, umul, urem, usub, uexactDiv } from '../univariate';

/** base^e mod m over a field, by square-and-multiply (e ≥ 0 a bigint). */
export function upowmod<T>(F: Field<T>, base: UPoly<T>, e: bigint, m: UPoly<T>): UPoly<T> {
  let r: UPoly<T> = m.length > 1 ? [F.one] : [];
  let b = urem(F, base, m);
  while (e > 0n) {
    if (e & 1n) r = urem(F, umul(F, r, b), m);
    e >>= 1n;
    if (e > 0n) b = urem(F, umul(F, b, b), m);
  }
  return r;
}

/** One distinct-degree piece: `product` is the product of all irreducible factors of degree `degree`. */
export interface DegreePiece {
  readonly degree: number;
  readonly product: UPoly<number>;
}

/**
 * Distinct-degree factorization of a monic square-free f over Z/p.
 * Example over GF(7): x^3 − 1 = (x−1)(x−2)(x−4) gives one piece of degree 1.
 */
export function distinctDegreeFactor(F: PrimeField, f: UPoly<number>): DegreePiece[] {
  const out: DegreePiece[] = [];
  const P = BigInt(F.p);
  const x: UPoly<number> = [0, 1];
  let rest = f;
  let h: UPoly<number> = x;
  for (let d = 1; 2 * d <= rest.length - 1; d++) {
    h = upowmod(F, h, P, rest);
    const g = ugcd(F, usub(F, h, x), rest);
    if (g.length > 1) {
      out.push({ degree: d, product: g });
      rest = uexactDiv(F, rest, g);
      h = udivmod(F, h, rest)[1];
    }
  }
  if (rest.length > 1) out.push({ degree: rest.length - 1, product: rest });
  return out;
}
