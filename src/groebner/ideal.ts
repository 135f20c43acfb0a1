/**
 * Facts about an ideal read off a Gröbner basis: dimension, maximal independent sets of
 * variables, zero-dimensionality, standard monomials, and the number of solutions counted with
 * multiplicity.
 *
 * All of them depend only on the leading monomials (Cox–Little–O'Shea §9.3; Becker–Weispfenning
 * §9.3): a set S of variables is independent when no leading monomial lies in K[S]; the dimension
 * is the largest size of such a set (for a degree-compatible order or any order: the leading ideal
 * has the same Hilbert polynomial degree). The standard monomials (those divisible by no
 * leading monomial) form a basis of K[x]/I, finite exactly when I is zero-dimensional.
 */
import { ResourceLimitError } from '../errors';
import { Monomial, divides, oneMonomial } from '../monomials/monomial';
import { Polynomial } from '../poly/polynomial';

/** −1 for the unit ideal (no solutions), otherwise the Krull dimension of K[x]/I. */
export function dimension<T>(G: readonly Polynomial<T>[]): number {
  const sets = maximalIndependentSets(G);
  return sets.length === 0 ? -1 : Math.max(...sets.map((s) => s.length));
}

/** Is the ideal with Gröbner basis G the unit ideal? */
export function isUnitIdeal<T>(G: readonly Polynomial<T>[]): boolean {
  return G.some((g) => !g.isZero() && g.isConstant());
}

/**
 * The maximal (by inclusion) independent sets of variables, as sorted lists of variable
 * indices, largest first. Empty for the unit ideal; [all variables] for the zero ideal.
 */
export function maximalIndependentSets<T>(G: readonly Polynomial<T>[]): number[][] {
  const gs = G.filter((g) => !g.isZero());
  if (isUnitIdeal(gs)) return [];
  const n = gs.length > 0 ? gs[0].ring.nvars : 0;
  if (gs.length === 0) return [Array.from({ length: gs.length === 0 && G.length > 0 ? G[0].ring.nvars : n }, (_, i) => i)];
  // Support sets of the leading monomials: S is independent iff it contains no support set.
  const supports = gs.map((g) => {
    const m = g.lm();
    const s: number[] = [];
    for (let i = 0; i < n; i++) if (m[i + 1] > 0) s.push(i);
    return s;
  });
  const independent = (set: boolean[]): boolean => supports.every((s) => s.some((i) => !set[i]));
  const result: number[][] = [];
  const current = new Array<boolean>(n).fill(false);
  // Depth-first over variables in index order: include or exclude; record sets that cannot grow.
  const search = (i: number): void => {
    if (i === n) {
      for (let j = 0; j < n; j++) {
        if (current[j]) continue;
        current[j] = true;
        const grows = independent(current);
        current[j] = false;
        if (grows) return;
      }
      result.push(current.flatMap((b, j) => (b ? [j] : [])));
      return;
    }
    current[i] = true;
    if (independent(current)) search(i + 1);
    current[i] = false;
    search(i + 1);
  };
  search(0);
  return result.sort((a, b) => b.length - a.length || compareLists(a, b));
}

function compareLists(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

/** A maximal independent set of largest size (lexicographically first), as variable indices. */
export function maximalIndependentSet<T>(G: readonly Polynomial<T>[]): number[] | undefined {
  return maximalIndependentSets(G)[0];
}

/** Is the ideal zero-dimensional (finitely many solutions, at least one)? */
export function isZeroDimensional<T>(G: readonly Polynomial<T>[]): boolean {
  return dimension(G) === 0;
}

/** Default cap on the number of standard monomials enumerated. */
export const MAX_STANDARD_MONOMIALS = 200_000;

/**
 * The standard monomials of a zero-dimensional ideal (those divisible by no leading monomial of
 * G), in increasing order of the ring's order. Throws a RangeError when the ideal is not
 * zero-dimensional and a ResourceLimitError past `limit`.
 */
export function standardMonomials<T>(G: readonly Polynomial<T>[], limit = MAX_STANDARD_MONOMIALS): Monomial[] {
  const gs = G.filter((g) => !g.isZero());
  if (gs.length === 0) throw new RangeError('the zero ideal has infinitely many standard monomials');
  const R = gs[0].ring;
  if (isUnitIdeal(gs)) return [];
  if (!isZeroDimensional(gs)) throw new RangeError('the ideal is not zero-dimensional: its standard monomials are infinite');
  const out = monomialsOutside(gs.map((g) => g.lm()), R.nvars, limit);
  return out.sort((a, b) => R.cmp(a, b));
}

/**
 * The monomials in n variables divisible by none of `lms` (which must include a pure power of
 * every variable for the set to be finite), in no particular order. Throws a ResourceLimitError
 * past `limit`. The enumeration runs variable by variable: divisibility only grows with the
 * exponents, so a divisible monomial ends the run in that variable.
 */
export function monomialsOutside(lms: readonly Monomial[], n: number, limit = MAX_STANDARD_MONOMIALS): Monomial[] {
  const out: Monomial[] = [];
  const e = oneMonomial(n).slice();
  const rec = (i: number): void => {
    if (i === n) {
      out.push(e.slice());
      if (out.length > limit) throw new ResourceLimitError(`more than ${limit} standard monomials (the quotient is too large)`);
      return;
    }
    for (;;) {
      if (lms.some((m) => divides(m, e))) break;
      rec(i + 1);
      e[i + 1]++;
      e[0]++;
    }
    e[0] -= e[i + 1];
    e[i + 1] = 0;
  };
  rec(0);
  return out;
}

/** The number of solutions over the algebraic closure counted with multiplicity (dim K[x]/I). */
export function solutionCount<T>(G: readonly Polynomial<T>[]): number {
  return standardMonomials(G).length;
}
