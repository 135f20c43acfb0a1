/**
 * The diagonal sign symmetries of a polynomial system: the largest group G of sign changes
 * x ↦ (ε₁x₁, …, εₙxₙ), εᵢ = ±1, under which every polynomial of the system is semi-invariant
 * (f(εx) = ±f(x)), so that the ideal it generates — and its set of solutions — is G-stable.
 *
 * With εᵢ = (−1)^eᵢ, e ∈ GF(2)ⁿ, a monomial x^a changes by (−1)^⟨e, a⟩; f is semi-invariant iff
 * ⟨e, a − b⟩ ≡ 0 (mod 2) for any two of its monomials a, b. G is the null space over GF(2) of
 * these differences, found by Gaussian elimination; its basis (one generator per free column)
 * gives each monomial a character: the bits ⟨e_j, a⟩ mod 2 for the generators e_j. The critical
 * ideal of a network is G-stable under the sign flips of its odd hidden units (the gradient's
 * component ∂L/∂w has the character of w), and nothing here depends on the network: the group is
 * read off the polynomials.
 *
 * Because G acts diagonally and the reduced Gröbner basis of a G-stable ideal is G-stable, every
 * element of that basis is semi-invariant, normal forms keep characters, and the quotient algebra
 * splits into one block per character (spanned by the standard monomials of that character); the
 * block of the trivial character is the algebra of invariant functions on the solutions, whose
 * dimension is the number of orbits (for a radical ideal). `orbit-space.ts` builds on this.
 */
import { Monomial } from '../monomials/monomial';
import { Polynomial } from '../poly/polynomial';

/** At most this many generators are kept (characters are bit masks in a number). */
export const MAX_SIGN_GENERATORS = 30;

/** A group of diagonal sign changes, as a basis over GF(2). */
export interface SignGroup {
  /** The number of variables. */
  n: number;
  /** Each generator: the variables it negates (indices, increasing). */
  generators: number[][];
  /** Per variable: its character, bit j set when generator j negates it. 0 for an invariant variable. */
  characters: number[];
}

/**
 * The diagonal sign changes under which every polynomial is semi-invariant (see the file header);
 * at most `MAX_SIGN_GENERATORS` generators (a subgroup beyond that). The trivial group has no
 * generators.
 * @example signSymmetries([x² + y², x·y − 1]) // one generator: negate x and y
 */
export function signSymmetries<T>(polys: readonly Polynomial<T>[]): SignGroup {
  const n = polys.length > 0 ? polys[0].ring.nvars : 0;
  // Rows: (a − b) mod 2 for each monomial a of a polynomial and its first monomial b, reduced to
  // echelon form as they come (n ≤ a few dozen: rows as arrays of bits).
  const pivotRows: Uint8Array[] = [];
  const pivotColumns: number[] = [];
  for (const f of polys) {
    const first = f.monomials[0];
    for (let k = 1; k < f.length; k++) {
      const m = f.monomials[k];
      const row = new Uint8Array(n);
      for (let i = 0; i < n; i++) row[i] = (m[i + 1] - first[i + 1]) & 1;
      for (let r = 0; r < pivotRows.length; r++) if (row[pivotColumns[r]]) xorInto(row, pivotRows[r]);
      const c = row.indexOf(1);
      if (c < 0) continue;
      // Keep the rows reduced: clear column c from the others.
      for (const other of pivotRows) if (other[c]) xorInto(other, row);
      pivotRows.push(row);
      pivotColumns.push(c);
    }
  }
  // The null space: one generator per free column f, e_f = 1 and e_c = row_c[f] for pivot columns.
  const generators: number[][] = [];
  for (let f = 0; f < n && generators.length < MAX_SIGN_GENERATORS; f++) {
    if (pivotColumns.includes(f)) continue;
    const e = new Uint8Array(n);
    e[f] = 1;
    pivotRows.forEach((row, r) => {
      if (row[f]) e[pivotColumns[r]] = 1;
    });
    const flipped: number[] = [];
    e.forEach((b, i) => b && flipped.push(i));
    generators.push(flipped);
  }
  const characters = new Array<number>(n).fill(0);
  generators.forEach((g, j) => {
    for (const i of g) characters[i] |= 1 << j;
  });
  return { n, generators, characters };
}

function xorInto(target: Uint8Array, row: Uint8Array): void {
  for (let i = 0; i < target.length; i++) target[i] ^= row[i];
}

/** The character of a monomial (exponents at m[1 …], as in `Monomial`): the XOR of its odd variables' characters. */
export function monomialCharacter(group: SignGroup, m: Monomial): number {
  let c = 0;
  for (let i = 0; i < group.n; i++) if (m[i + 1] & 1) c ^= group.characters[i];
  return c;
}

/** The number of elements of the group. */
export function groupOrder(group: SignGroup): number {
  return 2 ** group.generators.length;
}

/**
 * The size of the orbit of a point whose non-zero coordinates are those in `support`:
 * 2^(rank of the generators restricted to the support), since an element fixes the point iff it
 * negates no coordinate of the support.
 */
export function orbitSize(group: SignGroup, support: readonly number[]): number {
  return 2 ** characterRank(support.map((i) => group.characters[i]));
}

/** The rank over GF(2) of characters (bit masks). */
export function characterRank(characters: readonly number[]): number {
  return characterBasis(characters).length;
}

/**
 * Indices of a maximal independent subset of the characters over GF(2), taken greedily in order
 * (each independent of the ones before it).
 */
export function characterBasis(characters: readonly number[]): number[] {
  const reduced: number[] = []; // echelon: reduced[k] has a distinct highest bit
  const chosen: number[] = [];
  characters.forEach((c, i) => {
    let x = c;
    for (const r of reduced) if ((x ^ r) < x) x ^= r;
    if (x !== 0) {
      reduced.push(x);
      reduced.sort((a, b) => b - a);
      chosen.push(i);
    }
  });
  return chosen;
}
