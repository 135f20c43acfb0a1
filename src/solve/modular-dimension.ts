/**
 * The dimension of a solution set read from one reduced Gröbner basis modulo a prime, reported
 * before the basis over Q is known.
 *
 * The leading monomials of a basis modulo p are those over Q for all but finitely many primes
 * (Arnold 2003; `groebner/staircase.ts`), so the dimension and the maximal independent sets they
 * give are right with high probability, but not certainly: an unlucky prime can make the set look
 * larger or smaller (a point with a coordinate 1/p disappears modulo p). `solve` therefore states
 * this value as what it is — `dimensionModulo: p` in the result — until the basis over Q replaces
 * it, and only ever shows it in an incomplete answer.
 */
import { dimension, maximalIndependentSets } from '../groebner/ideal';
import { Polynomial } from '../poly/polynomial';

/** What one prime says about the solution set: its dimension and independent sets (names). */
export interface ModularDimension {
  dimension: number;
  independentSets: string[][];
  /** The prime the basis was computed modulo: the dimension is probabilistic. */
  dimensionModulo: number;
}

/**
 * The dimension of ⟨G⟩ for a reduced basis `G` modulo `p` in a ring whose variables are `vars`.
 *
 * @example
 * // G = [x*y] modulo 65521 in Z/p[x, y]: dimension 1, independent sets [['x'], ['y']]
 * dimensionModuloPrime(G, 65521, ['x', 'y']).dimension; // 1
 */
export function dimensionModuloPrime(G: readonly Polynomial<number>[], p: number, vars: readonly string[]): ModularDimension {
  const independentSets = maximalIndependentSets(G).map((s) => s.map((i) => vars[i]));
  return { dimension: dimension(G), independentSets, dimensionModulo: p };
}
