/**
 * Equal-degree factorization over Z/p (Cantor–Zassenhaus; the trace map for p = 2): splits a monic square-free
 * g ∈ F_p[x] whose irreducible factors all have degree d into those factors.
 *
 * Representation: `UPoly<number>` over `Zp(p)`. A random a of degree < deg g gives
 * b = a^((p^d − 1)/2) − 1; gcd(b, g) is a proper factor with probability ≥ 1/2
 * (von zur Gathen–Gerhard, Modern Computer Algebra, Alg. 14.8). The random source is a seeded
 * xorshift, so factorizations (and their order before sorting) are reproducible.
 */
import { PrimeField } from '../../arithmetic/field';
import { ComputationError, Deadline } from '../../errors';
import { ControlOptions, resolveControl } from '../../control';
import { UPoly, uadd, ugcd, uexactDiv, umul, urem, usub, utrim } from '../univariate';
import { upowmod } from './distinct-degree';

/** A small deterministic PRNG (xorshift32), returning integers in [0, n). */
export function makeRandom(seed = 0x9e3779b9): (n: number) => number {
  let s = seed >>> 0 || 1;
  return (n: number): number => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    // Two draws for moduli beyond 2^32 are not needed: p < 2^26 here.
    return s % n;
  };
}

/** Canonical order on polynomials over Z/p: by degree, then coefficients from the top down. */
export function compareModP(a: UPoly<number>, b: UPoly<number>): number {
  if (a.length !== b.length) return a.length - b.length;
  for (let i = a.length - 1; i >= 0; i--) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

/**
 * The monic irreducible factors (all of degree d) of a monic square-free g over Z/p.
 * Example over GF(7): (x−1)(x−2)(x−4) with d = 1 gives [x−1, x−2, x−4] in some order.
 * The deadline is checked before every random trial.
 */
export function equalDegreeFactor(F: PrimeField, g: UPoly<number>, d: number, options: ControlOptions & { /** The random source (default: a fixed seed). */ random?: (n: number) => number } = {}): UPoly<number>[] {
  const { deadline, random = makeRandom() } = resolveControl(options, 'equalDegreeFactor');
  const n = g.length - 1;
  if (n === d) return [g];
  if (n % d !== 0) throw new ComputationError(`equal-degree factorization: degree ${n} is not a multiple of ${d}`);
  const e = (BigInt(F.p) ** BigInt(d) - 1n) / 2n;
  for (let attempt = 0; attempt < 200; attempt++) {
    deadline?.check();
    const a: number[] = [];
    for (let i = 0; i < n; i++) a.push(random(F.p));
    const A = utrim(F, a);
    if (A.length <= 1) continue;
    let h = ugcd(F, A, g);
    if (h.length > 1 && h.length < g.length) return splitBoth(F, g, h, d, random, deadline);
    const b = F.p === 2 ? traceMap(F, A, d, g) : usub(F, upowmod(F, A, e, g), [1]);
    h = ugcd(F, b, g);
    if (h.length > 1 && h.length < g.length) return splitBoth(F, g, h, d, random, deadline);
  }
  throw new ComputationError('equal-degree factorization found no splitting after 200 random trials');
}

/** For p = 2: the trace a + a^2 + … + a^(2^(d−1)) mod g, which is 0 or 1 modulo each factor of degree d (splits with probability ≥ 1/2). */
function traceMap(F: PrimeField, a: UPoly<number>, d: number, g: UPoly<number>): UPoly<number> {
  let t = urem(F, a, g);
  let s = t;
  for (let i = 1; i < d; i++) {
    t = urem(F, umul(F, t, t), g);
    s = uadd(F, s, t);
  }
  return s;
}

function splitBoth(F: PrimeField, g: UPoly<number>, h: UPoly<number>, d: number, random: (n: number) => number, deadline?: Deadline): UPoly<number>[] {
  return [...equalDegreeFactor(F, h, d, { random, deadline }), ...equalDegreeFactor(F, uexactDiv(F, g, h), d, { random, deadline })];
}
