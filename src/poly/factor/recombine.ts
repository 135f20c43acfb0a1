/**
 * Zassenhaus recombination: turns the monic factors of f modulo p^l into the irreducible factors
 * of f over Z by trying products of subsets of them.
 *
 * Representation: f is a primitive square-free `ZPoly` with lc(f) > 0 and f(0) ≠ 0; the lifted
 * factors are monic with coefficients in [0, M), M = p^l > 2·B (B the Landau–Mignotte bound of
 * `mignotteBound`), so the symmetric residue of lc(f)·Π_S uᵢ equals lc(f)/lc(g)·g whenever the
 * subset S belongs to a true factor g. Subsets are tried by increasing size s (for s = |T|/2 only
 * those containing the first factor), and a found factor is removed at once (von zur
 * Gathen–Gerhard, Modern Computer Algebra, Alg. 15.19 and §15.6).
 *
 * Completeness and cost: the search is exhaustive, hence complete, but exponential in the number
 * of modular factors r. Two cheap filters run before any product is formed: the degree of the
 * subset must be a possible factor degree (the intersection of the subset-sum sets of several
 * primes), and the constant term of lc(f)·Π_S uᵢ must divide lc(f)·f(0). For the degrees this
 * library targets (≤ ~60, r ≤ 24 after a good prime choice) that is fast; a single subset size
 * needing more than C(24, 12) = 2 704 156 candidates raises a ResourceLimitError instead of hanging
 * (so every input with at most 24 modular factors is always finished).
 */
import { Deadline, ResourceLimitError } from '../../errors';
import { ControlOptions, resolveControl } from '../../control';
import { binomial } from '../../arithmetic/integers';
import { ZPoly, zdivExact, zlc, zmodSymmetric, zmul, zprimitive } from './zpoly';

/** Largest number of subsets of one size that the search will enumerate (C(24, 12)). */
export const MAX_SUBSETS_PER_SIZE = 2704156;

/**
 * The irreducible factors of f over Z (primitive, positive leading coefficient, in the order
 * found) from its monic factors modulo M. `degreeAllowed[d]` may rule out factor degrees d.
 * With `maxSize`, only subsets up to that size are tried and the unresolved rest is returned as
 * one last polynomial (`maxSize = 1` with linear moduli finds the rational roots). `timeout`,
 * `signal` and `deadline` are checked every 4096 subsets (TimeoutError).
 */
export function recombine(
  f: ZPoly,
  lifted: readonly ZPoly[],
  M: bigint,
  options: ControlOptions & { degreeAllowed?: readonly boolean[]; maxSize?: number } = {},
): ZPoly[] {
  const { degreeAllowed, maxSize = Infinity, deadline } = resolveControl(options, 'recombine');
  const found: ZPoly[] = [];
  let T = lifted.map((_, i) => i);
  let rest = f;
  let s = 1;
  while (2 * s <= T.length && s <= maxSize) {
    const count = 2 * s === T.length ? binomial(T.length - 1, s - 1) : binomial(T.length, s);
    if (count > BigInt(MAX_SUBSETS_PER_SIZE)) {
      throw new ResourceLimitError(
        `factorization: recombining ${T.length} modular factors would need ${count} subsets of size ${s} ` +
          `(limit ${MAX_SUBSETS_PER_SIZE}); the exhaustive Zassenhaus search is meant for up to 24 modular factors`,
      );
    }
    const hit = searchSize(rest, T, lifted, M, s, degreeAllowed, deadline);
    if (hit === undefined) {
      s++;
      continue;
    }
    found.push(hit.factor);
    rest = hit.cofactor;
    const used = new Set(hit.subset);
    T = T.filter((i) => !used.has(i));
  }
  if (rest.length > 1) found.push(rest);
  return found;
}

interface Hit {
  factor: ZPoly;
  cofactor: ZPoly;
  subset: number[];
}

/** Tries every subset of T of size s (lexicographically); the first true factor wins. */
function searchSize(f: ZPoly, T: number[], lifted: readonly ZPoly[], M: bigint, s: number, degreeAllowed?: readonly boolean[], deadline?: Deadline): Hit | undefined {
  const L = zlc(f);
  const half = M / 2n;
  const target = L * f[0];
  const c0 = T.map((i) => lifted[i][0] ?? 0n);
  const deg = T.map((i) => lifted[i].length - 1);
  const idx = Array.from({ length: s }, (_, i) => i);
  const onlyFirst = 2 * s === T.length;
  for (let tried = 1; ; tried++) {
    if ((tried & 4095) === 0) deadline?.check();
    if (onlyFirst && idx[0] !== 0) return undefined;
    let d = 0;
    for (const i of idx) d += deg[i];
    if (degreeAllowed === undefined || degreeAllowed[d]) {
      let c = L;
      for (const i of idx) c = (c * c0[i]) % M;
      if (c > half) c -= M;
      if (c !== 0n && target % c === 0n) {
        let g: ZPoly = [L];
        for (const i of idx) g = zmodSymmetric(zmul(g, lifted[T[i]]), M);
        const gp = zprimitive(g);
        const q = zdivExact(f, gp);
        if (q !== undefined) return { factor: gp, cofactor: zprimitive(q), subset: idx.map((i) => T[i]) };
      }
    }
    // Next combination of s indices out of T.length.
    let k = s - 1;
    while (k >= 0 && idx[k] === T.length - s + k) k--;
    if (k < 0) return undefined;
    idx[k]++;
    for (let j = k + 1; j < s; j++) idx[j] = idx[j - 1] + 1;
  }
}
