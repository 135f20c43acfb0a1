/**
 * The gcd of integer polynomials by small primes (modular gcd with Chinese remaindering and a
 * final trial division), and the square-free decomposition over Z built on it.
 *
 * Representation: `ZPoly` (bigint, ascending, trimmed). `zgcd` returns the primitive gcd with a
 * positive leading coefficient times the gcd of the contents. The modular algorithm computes the
 * monic gcd modulo primes p ∤ gcd(lc a, lc b) near 2^25 (fast `Zp`), keeps the primes of minimal
 * degree (the others are unlucky), combines γ·g_p by CRT (γ = gcd(lc a, lc b)) and stops when the
 * primitive part of the symmetric lift divides both inputs (von zur Gathen–Gerhard, Modern
 * Computer Algebra, Alg. 6.38). It replaces Euclid over Q, whose rational coefficients grow too
 * fast beyond degree ~30. The square-free decomposition is the gcd-based one of
 * Geddes–Czapor–Labahn §8.2 (the same as `usquarefree`, with exact divisions over Z).
 */
import { Zp } from '../../arithmetic/field';
import { gcd } from '../../arithmetic/integers';
import { prevPrime } from '../../arithmetic/primes';
import { crtPair } from '../../arithmetic/reconstruction';
import { ComputationError } from '../../errors';
import { ugcd } from '../univariate';
import { ZPoly, zcontent, zderivative, zdivExact, zlc, zmodSymmetric, zprimitive, zscale, ztoModP } from './zpoly';

/** The gcd over Z: primitive part positive, times gcd of the contents. Example: gcd(2x² − 2, 4x + 4) = 2x + 2. */
export function zgcd(a: readonly bigint[], b: readonly bigint[]): ZPoly {
  if (a.length === 0) return zprimitive(b).length === 0 ? [] : zscale(zprimitive(b), zcontent(b));
  if (b.length === 0) return zscale(zprimitive(a), zcontent(a));
  const c = gcd(zcontent(a), zcontent(b));
  return zscale(primitiveGcd(zprimitive(a), zprimitive(b)), c);
}

/** gcd of two primitive polynomials with positive leading coefficients. */
function primitiveGcd(a: ZPoly, b: ZPoly): ZPoly {
  if (a.length === 1 || b.length === 1) return [1n];
  const gamma = gcd(zlc(a), zlc(b));
  let p = 1 << 25;
  let deg = Math.min(a.length, b.length) - 1;
  let acc: ZPoly | undefined;
  let M = 1n;
  let previous: ZPoly | undefined;
  for (let trial = 0; trial < 1000; trial++) {
    p = prevPrime(p);
    const P = BigInt(p);
    if (gamma % P === 0n) continue;
    const F = Zp(p);
    const ap = ztoModP(a, p);
    const bp = ztoModP(b, p);
    if (ap.length !== a.length || bp.length !== b.length) continue;
    const gp = ugcd(F, ap, bp);
    const d = gp.length - 1;
    if (d === 0) return [1n];
    if (d > deg) continue;
    const scaled = gp.map((x) => BigInt(F.mul(x, F.fromInt(gamma))));
    if (d < deg || acc === undefined) {
      deg = d;
      acc = scaled;
      M = P;
      previous = undefined;
    } else {
      acc = acc.map((x, i) => crtPair(x, M, scaled[i], P)[0]);
      M *= P;
    }
    const candidate = zprimitive(zmodSymmetric(acc, M));
    if (previous !== undefined && candidate.join() === previous.join()) {
      if (zdivExact(a, candidate) !== undefined && zdivExact(b, candidate) !== undefined) return candidate;
    }
    previous = candidate;
  }
  throw new ComputationError('modular gcd did not stabilize after 1000 primes');
}

/**
 * Square-free decomposition of a primitive F ∈ Z[x] with positive leading coefficient: pairwise
 * coprime square-free primitive parts with multiplicities, F = Π partᵢ^mᵢ, by increasing multiplicity.
 * Example: (x − 1)²(x + 2) gives [[x + 2, 1], [x − 1, 2]].
 */
export function zsquarefree(F: readonly bigint[]): [ZPoly, number][] {
  const out: [ZPoly, number][] = [];
  if (F.length <= 1) return out;
  const f = zprimitive(F);
  let c = zprimitive(zgcd(f, zderivative(f)));
  let w = exact(f, c);
  let i = 1;
  while (w.length > 1) {
    const y = zprimitive(zgcd(w, c));
    const z = exact(w, y);
    if (z.length > 1) out.push([zprimitive(z), i]);
    i++;
    w = y;
    c = exact(c, y);
  }
  return out;
}

/**
 * The square-free part of a non-zero F ∈ Z[x]: F / gcd(F, F′), primitive with positive leading
 * coefficient (the product of F's distinct irreducible factors). Example: (x − 1)²(x + 2) gives
 * (x − 1)(x + 2).
 */
export function zsquarefreePart(F: readonly bigint[]): ZPoly {
  const f = zprimitive(F);
  if (f.length <= 1) return f;
  return zprimitive(exact(f, zprimitive(zgcd(f, zderivative(f)))));
}

function exact(a: ZPoly, b: ZPoly): ZPoly {
  const q = zdivExact(a, b);
  if (q === undefined) throw new ComputationError('square-free decomposition: an exact division over Z failed');
  return q;
}
