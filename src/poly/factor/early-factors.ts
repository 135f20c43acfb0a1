/**
 * Early detection of the small factors of f ∈ Z[x] from its Hensel-lifted modular factors, by
 * rational reconstruction instead of the Landau–Mignotte bound.
 *
 * Zassenhaus recombination multiplies candidate products by lc(f) and needs p^l above twice the
 * Mignotte bound of lc(f)·g — for a polynomial of degree 250 with 1000-bit coefficients, thousands
 * of bits, even when the factor g has degree 12 and 20-bit coefficients. The monic factor g/lc(g)
 * has rational coefficients of height about that of g, so rational reconstruction of the product
 * of the lifted monic factors finds it once p^l exceeds roughly twice the square of that height.
 * The precision is doubled from a few digits while subsets of modular factors of total degree up
 * to `maxDegree` are tried; every candidate is proved by exact division, so a factor returned is a
 * true factor — but not necessarily irreducible (the product of two factors may reconstruct before
 * either alone), and nothing is claimed about the rest: the caller factors every piece completely.
 * Reference: the "early factor detection" of Abbott, Shoup and Zimmermann (ISSAC 2000) uses the
 * same observation with bounds on the coefficients of the small factors.
 */
import { Deadline } from '../../errors';
import { UPoly } from '../univariate';
import { rationalReconstruction } from '../../arithmetic/reconstruction';
import { gcd } from '../../arithmetic/integers';
import { henselLift } from './hensel';
import { ZPoly, zdivExact, zmulMod, zprimitive } from './zpoly';

/** Largest number of subsets tried at one precision. */
const MAX_SUBSETS = 20000;

/**
 * Factors of degree ≤ maxDegree of the square-free primitive f found from its monic modular
 * factors at p (as for `henselLift`), lifting at most to p^maxExponent; `degreeAllowed[d]` may
 * rule out degrees. Returns the factors found and the cofactor, or undefined when none is found.
 */
export function smallFactors(
  f: ZPoly,
  modular: readonly UPoly<number>[],
  p: number,
  maxDegree: number,
  maxExponent: number,
  degreeAllowed?: readonly boolean[],
  deadline?: Deadline,
): { factors: ZPoly[]; rest: ZPoly } | undefined {
  const P = BigInt(p);
  const found: ZPoly[] = [];
  let rest = f;
  // Modular factors still unexplained (indices into `modular`): those of the factors found are
  // dropped, and the search goes on at higher precision while any small candidate remains.
  let live = modular.map((_, i) => i).filter((i) => modular[i].length - 1 <= maxDegree);
  for (let l = 4; l <= maxExponent && live.length > 0; l *= 2) {
    deadline?.check();
    const lifted = henselLift(f, modular, p, l);
    const M = P ** BigInt(l);
    let tried = 0;
    // Depth-first over subsets of `live` with total degree ≤ maxDegree; restarts after a hit.
    const search = (): { subset: number[]; factor: ZPoly } | undefined => {
      const chosen: number[] = [];
      const visit = (from: number, degree: number, product: ZPoly): { subset: number[]; factor: ZPoly } | undefined => {
        for (let k = from; k < live.length; k++) {
          const i = live[k];
          const d = degree + lifted[i].length - 1;
          if (d > maxDegree) continue;
          if (++tried > MAX_SUBSETS) return undefined;
          const g = zmulMod(product, lifted[i], M);
          chosen.push(i);
          if (degreeAllowed === undefined || degreeAllowed[d]) {
            const candidate = reconstructMonic(g, M);
            if (candidate && zdivExact(rest, candidate) !== undefined) return { subset: [...chosen], factor: candidate };
          }
          const deeper = visit(k + 1, d, g);
          if (deeper) return deeper;
          chosen.pop();
        }
        return undefined;
      };
      return visit(0, 0, [1n]);
    };
    for (;;) {
      const hit = search();
      if (!hit) break;
      const { subset, factor } = hit;
      found.push(factor);
      rest = zdivExact(rest, factor) as ZPoly;
      const used = new Set(subset);
      live = live.filter((i) => !used.has(i));
    }
    if (tried > MAX_SUBSETS) break;
  }
  return found.length > 0 ? { factors: found, rest } : undefined;
}

/** The primitive integer polynomial whose monic form has the residues g mod M, or undefined. */
function reconstructMonic(g: ZPoly, M: bigint): ZPoly | undefined {
  const nums: bigint[] = [];
  const dens: bigint[] = [];
  for (const c of g) {
    const q = rationalReconstruction(c, M);
    if (!q) return undefined;
    nums.push(q.num);
    dens.push(q.den);
  }
  let L = 1n;
  for (const d of dens) L = (L / gcd(L, d)) * d;
  return zprimitive(nums.map((n, k) => n * (L / dens[k])));
}
