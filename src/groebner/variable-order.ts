/**
 * An order of the variables for the degree-reverse-lexicographic basis of a system, chosen from
 * the system itself: variables by increasing largest exponent in the generators, then by
 * decreasing number of terms they occur in, ties in the ring's own order.
 *
 * Degrevlex breaks ties within a degree by the last variables, and the size of a basis depends
 * on which variables come last. In a network's gradient the output weights occur in most terms,
 * with exponent at most two, and the hidden units' incoming weights with the activation's degree
 * times two; the natural order of the names (biases, then weights by layer) puts the output
 * weights last. Measured modulo 65521 (F4 alone, one process each, 2026-12-05) on the 2-3-1
 * network with biases, activation z² and loss mean, its system without the output bias: 1472
 * basis elements and matrices up to 67,269 × 290,190 in the names' order, 915 elements and
 * 44,368 × 169,874 in this one (11.8 → 6.9 s); the output weights last and the biases just
 * before them, over 40 s. A choice from the generators alone is a heuristic: the same order made
 * the bases of that network's decomposition slower (4.7 → 7.9 s), so the solver uses it for the
 * system's basis only (see `solve.ts`). On networks without biases the probe and the basis over
 * Q in this order against the names' (in-process, ms): z + z³/3 1196 / 4434, z − z³/3 1559 /
 * 6142, z³ 1652 / 2276, z² + z 649 / 1163, 2-3-3-1 linear 140 / 250; finite sets with weight
 * decay gained little (deep-linear:2,2,2: 0.137 → 0.122 s modulo a prime), so the solver keeps
 * the names' order for them.
 *
 * The choice depends only on the polynomials and on the ring's order of the variables for ties,
 * so a solver that starts from a canonical ring stays independent of the user's order.
 */
import { Polynomial, PolynomialRing } from '../poly/polynomial';

/**
 * The degrevlex ring of the polynomials with its variables reordered as in the header (same
 * field); the ring itself when the order does not change or is not degrevlex.
 */
export function basisFriendlyRing<T>(ring: PolynomialRing<T>, polys: readonly Polynomial<T>[]): PolynomialRing<T> {
  if (ring.order.kind !== 'degrevlex') return ring;
  const n = ring.nvars;
  const largest = new Array<number>(n).fill(0);
  const occurrences = new Array<number>(n).fill(0);
  for (const f of polys) {
    for (const m of f.monomials) {
      for (let i = 0; i < n; i++) {
        const e = m[i + 1];
        if (e === 0) continue;
        occurrences[i]++;
        if (e > largest[i]) largest[i] = e;
      }
    }
  }
  const order = ring.vars.map((_, i) => i).sort((a, b) => largest[a] - largest[b] || occurrences[b] - occurrences[a] || a - b);
  if (order.every((v, i) => v === i)) return ring;
  return new PolynomialRing(ring.field, order.map((i) => ring.vars[i]), ring.order);
}
