/**
 * The zero patterns of the orbits modulo a prime: the orbit space's minimal polynomial χ₀ split by
 * which coordinates vanish.
 *
 * On the orbit space A₀ (`orbit-space.ts`) every invariant f is w_f(t), so on the orbit that is the
 * root θ of χ₀ the coordinate xᵢ vanishes exactly when w_{sᵢ}(θ) = 0, sᵢ = xᵢ² (or xᵢ itself when
 * it is invariant): θ is a root of gcd(χ₀, w_{sᵢ}). Refining χ₀ by these gcds for every variable
 * splits it into one factor per zero pattern (the set of coordinates that vanish on the orbit).
 * The splitting is canonical — the same polynomials over Q, reduced modulo every prime at which no
 * non-zero sᵢ of an orbit vanishes — so it can be lifted part by part, each part with its own
 * coefficients, as long as its own orbits need, where χ₀'s are about the sum of all of them. On a
 * network with a weight decay λ per weight the patterns are the dead units: the largest part of
 * the 2-2-2-1 network with biases needs 2,276 bits of χ₀'s 5,470, that of the 2-3-2-1 linear one
 * 406 of 2,456.
 */
import { Zp } from '../arithmetic/field';
import { UPoly, udivmod, ugcd, umonic, urem, utrim } from '../poly/univariate';

/** One part of χ₀ modulo p: the orbits on which exactly the variables `zeros` vanish. */
export interface PatternPart {
  /** The vanishing variables (indices, increasing), as text: "2,5" (empty: none). */
  key: string;
  /** The part of χ₀, monic, ascending, modulo p. */
  part: UPoly<number>;
}

/**
 * χ₀ (monic, ascending, modulo p) split by the zero patterns of its orbits, given the
 * representations w_{sᵢ} (modulo p) of one invariant sᵢ per variable that vanishes exactly where
 * xᵢ does. Parts in increasing order of their keys; their product is χ₀.
 */
export function zeroPatterns(p: number, chi: UPoly<number>, vanishing: readonly UPoly<number>[]): PatternPart[] {
  const F = Zp(p);
  let parts: { zeros: number[]; part: UPoly<number> }[] = [{ zeros: [], part: chi }];
  vanishing.forEach((w, i) => {
    parts = parts.flatMap(({ zeros, part }) => {
      const r = utrim(F, urem(F, w, part));
      // w ≡ 0 modulo the part: xᵢ vanishes on all its orbits.
      if (r.length === 0) return [{ zeros: [...zeros, i], part }];
      const g = umonic(F, ugcd(F, part, r));
      if (g.length <= 1) return [{ zeros, part }];
      const [rest] = udivmod(F, part, g);
      return [
        { zeros: [...zeros, i], part: g },
        { zeros, part: umonic(F, rest) },
      ];
    });
  });
  return parts.map(({ zeros, part }) => ({ key: zeros.join(','), part })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Do two splittings have the same patterns with the same degrees (the second prime is not unlucky for the first's)? */
export function samePatterns(a: readonly PatternPart[], b: readonly PatternPart[]): boolean {
  return a.length === b.length && a.every((x, k) => x.key === b[k].key && x.part.length === b[k].part.length);
}
