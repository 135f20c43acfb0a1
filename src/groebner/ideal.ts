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
import { checkPolynomialList } from '../poly/arguments';

/**
 * −1 for the unit ideal (no solutions), otherwise the Krull dimension of K[x]/I. `atMost`, an
 * upper bound known for it (the dimension of a smaller ideal), ends the search at the first
 * independent set of that size.
 */
export function dimension<T>(G: readonly Polynomial<T>[], atMost?: number): number {
  checkPolynomialList(G, 'dimension');
  const gs = nonzero(G);
  if (gs === undefined) return -1;
  const n = G.length > 0 ? G[0].ring.nvars : 0;
  if (gs.length > 0 && pureVariables(gs) === n) return 0;
  return independentSetSearch(gs, n, atMost).length;
}

/** The number of variables some leading monomial is a pure power of (all of them: zero-dimensional). */
function pureVariables<T>(G: readonly Polynomial<T>[]): number {
  const pure = new Set<number>();
  for (const g of G) {
    const m = g.lm();
    let v = -1;
    for (let i = 1; i < m.length; i++) {
      if (m[i] === 0) continue;
      if (v >= 0) {
        v = -2;
        break;
      }
      v = i;
    }
    if (v >= 0) pure.add(v);
  }
  return pure.size;
}

/** Is the ideal with Gröbner basis G the unit ideal? */
export function isUnitIdeal<T>(G: readonly Polynomial<T>[]): boolean {
  return G.some((g) => !g.isZero() && g.isConstant());
}

/**
 * Sets of variables as bit masks over 32-bit words. A set S is independent when it contains the
 * support of no leading monomial; only the supports minimal by inclusion matter.
 */
class Supports {
  readonly words: number;
  readonly masks: Uint32Array[];
  constructor(
    G: readonly Polynomial<unknown>[],
    readonly n: number,
  ) {
    this.words = Math.max(1, Math.ceil(n / 32));
    const all = G.map((g) => {
      const m = g.lm();
      const mask = new Uint32Array(this.words);
      for (let i = 0; i < n; i++) if (m[i + 1] > 0) mask[i >>> 5] |= 1 << (i & 31);
      return mask;
    });
    const count = (a: Uint32Array) => a.reduce((c, w) => c + popcount(w), 0);
    all.sort((a, b) => count(a) - count(b));
    this.masks = [];
    for (const m of all) if (!this.masks.some((s) => this.subset(s, m))) this.masks.push(m);
  }

  private subset(a: Uint32Array, b: Uint32Array): boolean {
    for (let w = 0; w < this.words; w++) if ((a[w] & ~b[w]) !== 0) return false;
    return true;
  }

  /** Does S contain no support? */
  independent(S: Uint32Array): boolean {
    return this.masks.every((s) => !this.subset(s, S));
  }

  /**
   * A lower bound on how many of the variables i, i+1, … an independent set extending the
   * choices made below i must leave out: every support meeting no excluded variable has its
   * variables below i all chosen, so one of its variables from i on must go; supports disjoint
   * there need one each (a greedy packing, smallest supports first).
   */
  mustExclude(excluded: Uint32Array, i: number, used: Uint32Array): number {
    used.fill(0);
    let count = 0;
    for (const s of this.masks) {
      let live = true;
      for (let w = 0; w < this.words && live; w++) if ((s[w] & excluded[w]) !== 0) live = false;
      if (!live) continue;
      let free = true;
      for (let w = 0; w < this.words && free; w++) if ((s[w] & upper(i, w) & used[w]) !== 0) free = false;
      if (!free) continue;
      for (let w = 0; w < this.words; w++) used[w] |= s[w] & upper(i, w);
      count++;
    }
    return count;
  }
}

/** The bits of word w for the variables i, i+1, …. */
function upper(i: number, w: number): number {
  const lo = w * 32;
  if (i <= lo) return 0xffffffff;
  if (i >= lo + 32) return 0;
  return ~((1 << (i - lo)) - 1);
}

function popcount(w: number): number {
  w -= (w >>> 1) & 0x55555555;
  w = (w & 0x33333333) + ((w >>> 2) & 0x33333333);
  return (((w + (w >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** The nonzero elements, or undefined for the unit ideal. */
function nonzero<T>(G: readonly Polynomial<T>[]): Polynomial<T>[] | undefined {
  const gs = G.filter((g) => !g.isZero());
  return isUnitIdeal(gs) ? undefined : gs;
}

/**
 * Depth-first search over the independent sets, variables in index order, including a variable
 * before excluding it: `leaf` receives each set that reaches the last variable, and
 * `cut(size, i, room)` may abandon a branch, where room bounds how many of the variables from i
 * on the set can still take (n − i less `mustExclude`, computed only when `bounded`). With `maximalOnly`, a branch is abandoned as soon as an
 * excluded variable could no longer be blocked — a maximal set S leaves x out only because some
 * support s ∋ x has s − {x} ⊆ S, i.e. s meets the excluded variables in x alone — so every leaf
 * is a maximal set and the search visits few others.
 */
function searchIndependent<T>(
  G: readonly Polynomial<T>[],
  n: number,
  leaf: (current: readonly number[]) => void,
  cut: (size: number, i: number, room: number) => boolean = () => false,
  maximalOnly = false,
  bounded = false,
): void {
  const supports = new Supports(G, n);
  const words = supports.words;
  const set = new Uint32Array(words);
  const excluded = new Uint32Array(words);
  const scratch = new Uint32Array(words);
  const flip = (mask: Uint32Array, i: number) => (mask[i >>> 5] ^= 1 << (i & 31));
  const containing = Array.from({ length: n }, (_, x) => supports.masks.filter((s) => (s[x >>> 5] & (1 << (x & 31))) !== 0));
  // Does some support through x meet the excluded variables in x alone?
  const blockable = (x: number): boolean =>
    containing[x].some((s) => {
      for (let w = 0; w < words; w++) if ((s[w] & excluded[w]) !== (w === x >>> 5 ? 1 << (x & 31) : 0)) return false;
      return true;
    });
  const out: number[] = [];
  const current: number[] = [];
  const search = (i: number): void => {
    if (cut(current.length, i, bounded && i < n ? n - i - supports.mustExclude(excluded, i, scratch) : n - i)) return;
    if (i === n) return leaf(current);
    flip(set, i);
    current.push(i);
    if (supports.independent(set)) search(i + 1);
    current.pop();
    flip(set, i);
    flip(excluded, i);
    out.push(i);
    if (!maximalOnly || out.every(blockable)) search(i + 1);
    out.pop();
    flip(excluded, i);
  };
  search(0);
}

/**
 * The maximal (by inclusion) independent sets of variables, as sorted lists of variable
 * indices, largest first. Empty for the unit ideal; [all variables] for the zero ideal.
 */
export function maximalIndependentSets<T>(G: readonly Polynomial<T>[]): number[][] {
  const gs = nonzero(G);
  if (gs === undefined) return [];
  const n = G.length > 0 ? G[0].ring.nvars : 0;
  const result: number[][] = [];
  searchIndependent(gs, n, (current) => result.push(current.slice()), undefined, true);
  return result.sort((a, b) => b.length - a.length || compareLists(a, b));
}

function compareLists(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

/**
 * An independent set of largest size — the dimension — and among those the first in the order
 * of `maximalIndependentSets` (smallest indices first), as sorted variable indices; undefined for
 * the unit ideal. Branch and bound: a branch that cannot beat the best size found is cut, so
 * this does not enumerate the maximal sets.
 */
export function maximalIndependentSet<T>(G: readonly Polynomial<T>[]): number[] | undefined {
  const gs = nonzero(G);
  if (gs === undefined) return undefined;
  return independentSetSearch(gs, G.length > 0 ? G[0].ring.nvars : 0);
}

/** The branch and bound of `maximalIndependentSet` (G without zeros, not the unit ideal), ended at a set of size `atMost`. */
function independentSetSearch<T>(gs: readonly Polynomial<T>[], n: number, atMost = n): number[] {
  let best: number[] | undefined;
  // Including a variable is tried first, so the first set of a size is the lexicographically
  // smallest; only a strictly larger set replaces it.
  searchIndependent(
    gs,
    n,
    (current) => (best = current.slice()),
    (size, i, room) => best !== undefined && (best.length >= atMost || size + room <= best.length),
    false,
    true,
  );
  return best ?? [];
}

/**
 * The independent sets of largest size (the dimension), up to `limit` of them, in the order of
 * `maximalIndependentSets`; empty for the unit ideal.
 * @example largestIndependentSets(groebner([x*y, z])) // [[0], [1]]: {x} and {y}
 */
export function largestIndependentSets<T>(G: readonly Polynomial<T>[], limit = Infinity): number[][] {
  const gs = nonzero(G);
  if (gs === undefined) return [];
  const n = G.length > 0 ? G[0].ring.nvars : 0;
  const d = (maximalIndependentSet(G) as number[]).length;
  const result: number[][] = [];
  searchIndependent(
    gs,
    n,
    (current) => result.push(current.slice()),
    (size, i, room) => result.length >= limit || size + room < d,
    false,
    true,
  );
  return result;
}

/** Is the ideal zero-dimensional (finitely many solutions, at least one)? */
export function isZeroDimensional<T>(G: readonly Polynomial<T>[]): boolean {
  const gs = nonzero(G);
  return gs !== undefined && gs.length > 0 && pureVariables(gs) === gs[0].ring.nvars;
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
  checkPolynomialList(G, 'solutionCount');
  return standardMonomials(G).length;
}
