/**
 * van Hoeij's recombination of Hensel-lifted modular factors into the irreducible factors over Z,
 * by lattice reduction of a knapsack of CLD data instead of a search over subsets.
 *
 * Setting: f ∈ Z[x] primitive, square-free, lc(f) > 0, f(0) ≠ 0, and its monic factors
 * u₁, …, u_r modulo p (f ≡ lc(f)·Π uᵢ). Each irreducible factor g of f over Z corresponds to the
 * set S_g of the uᵢ dividing it modulo p; its indicator vector v_g ∈ {0,1}^r. These vectors
 * partition {1..r} and span a lattice W. The algorithm keeps a lattice L ⊆ Z^r with W ⊆ L
 * (the invariant), starting from Z^r, and shrinks it until it equals W:
 *
 * - A column: for a coefficient index j of the logarithmic derivative, the values cᵢ of
 *   f·uᵢ′/uᵢ modulo P = p^a (`cld.ts`) make Σ_{i∈S_g} cᵢ ≡ (f·g′/g)_j, an integer of absolute value
 *   ≤ B_j (the CLD bound). Dropping the b lowest p-adic digits (tᵢ = ⌊cᵢ/p^b⌋) leaves, for every
 *   v_g, a residue modulo p^(a−b) of absolute value below β = B_j/p^b + r.
 * - The lattice: rows (S·x, y) for x in L and y the residues of Σ xᵢtᵢ modulo p^(a−b) of all
 *   columns taken so far (one new row (0, …, 0, p^(a−b)) per column); S, a power of two above r,
 *   scales x.
 *   Every v_g extends to a vector of squared norm ≤ T = r·S² + Σ β². After LLL (`lll.ts`), the
 *   trailing rows with Gram–Schmidt norm² > T are dropped, which is proved with integers
 *   (`gram-schmidt.ts`: Hadamard's inequality against a lower bound on the lattice volume kept
 *   along, or exact Gram determinants): every vector of norm² ≤ T is an integer combination of
 *   the kept rows, so the x-parts of the kept rows still generate a lattice containing W.
 *   Floating point only chooses the basis; the invariant never depends on it.
 * - The end test: group the indices i by equal columns of the x-part of the basis. Every vector of
 *   L is constant on the groups, so each v_g (in L) is a union of groups. If there are as many
 *   groups as rows and, for every group but the one of largest degree, the primitive part of the
 *   symmetric residue of lc(f)·Π uᵢ divides f exactly, then each group's product is a factor of f
 *   over Z whose irreducible factors split the group into sets S_g — but each S_g is a union of
 *   groups, so each group is exactly one S_g and its factor is irreducible. The last group is the
 *   cofactor. This is the complete factorization, proved by exact division and the invariant.
 *
 * When the columns at precision p^a are spent without reaching the end test, the factors are
 * lifted to p^(2a) and the columns are taken again with more digits; past eight times the
 * Landau–Mignotte precision (never seen) the exhaustive search takes over for r ≤ 24, and a
 * ComputationError is raised otherwise — an unproven answer is never returned.
 * References: M. van Hoeij, "Factoring polynomials and the knapsack problem", J. Number Theory 95
 * (2002); Belabas–van Hoeij–Klüners–Steel, "Factoring polynomials over global fields" (2009);
 * Hart–van Hoeij–Novocin, "Practical polynomial factoring in polynomial time" (ISSAC 2011).
 */
import { dropLongRows } from '../../arithmetic/gram-schmidt';
import { bitLength } from '../../arithmetic/integers';
import { symmetricMod } from '../../arithmetic/reconstruction';
import { lllReduce } from '../../arithmetic/lll';
import { ComputationError, Deadline } from '../../errors';
import { ControlOptions, resolveControl } from '../../control';
import { UPoly } from '../univariate';
import { cldBounds, cldMatrix } from './cld';
import { henselFactors, liftExponent, liftHensel, startHensel } from './hensel';
import { zmulKronecker } from './kronecker';
import { recombine } from './recombine';
import { ZPoly, mignotteBound, zdivExact, zlc, zmodSymmetric, zprimitive } from './zpoly';

/** The coefficient indices in the order they are tried: alternately from the bottom and the top. */
function columnOrder(n: number): number[] {
  const out: number[] = [];
  for (let i = 0; out.length < n; i++) {
    out.push(i);
    if (out.length < n) out.push(n - 1 - i);
  }
  return out;
}

/**
 * The factors of f given by the basis, or undefined when the end test fails (see the header).
 * `rows` are the lattice rows, whose first r entries are S times the x-part.
 */
function tryPartition(f: ZPoly, rows: readonly bigint[][], lifted: readonly ZPoly[], S: bigint, P: bigint, allowed?: readonly boolean[]): ZPoly[] | undefined {
  const r = lifted.length;
  const groups = new Map<string, number[]>();
  for (let i = 0; i < r; i++) {
    const column = rows.map((row) => row[i] / S);
    if (column.every((x) => x === 0n)) return undefined;
    const key = column.join(',');
    const group = groups.get(key);
    if (group) group.push(i);
    else groups.set(key, [i]);
  }
  if (groups.size !== rows.length) return undefined;
  if (groups.size === 1) return [f];
  const degree = (g: number[]): number => g.reduce((s, i) => s + lifted[i].length - 1, 0);
  const sorted = [...groups.values()].sort((a, b) => degree(a) - degree(b));
  if (allowed && sorted.some((g) => !allowed[degree(g)])) return undefined;
  const found: ZPoly[] = [];
  let rest = f;
  for (const g of sorted.slice(0, -1)) {
    let product: ZPoly = [zlc(f)];
    for (const i of g) product = zmodSymmetric(zmulKronecker(product, lifted[i]), P);
    const candidate = zprimitive(product);
    const q = zdivExact(rest, candidate);
    if (q === undefined) return undefined;
    found.push(candidate);
    rest = q;
  }
  found.push(zprimitive(rest));
  return found;
}

/**
 * The lattice: rows (S·x, y); T bounds the squared norm of every extended indicator vector, and
 * `volume` the Gram determinant of the rows from below (for the cheap removal proof).
 */
interface Knapsack {
  rows: bigint[][];
  T: bigint;
  volume: bigint;
  readonly S: bigint;
  readonly r: number;
}

/**
 * Adds the column with entries tᵢ modulo Q (each true factor's residue below beta in absolute
 * value), reduces, and drops the rows that are provably too long (see the header).
 */
function addColumn(k: Knapsack, t: readonly bigint[], Q: bigint, beta: bigint, deadline?: Deadline): void {
  const rows = k.rows.map((row) => {
    let y = 0n;
    for (let i = 0; i < k.r; i++) if (row[i] !== 0n) y += (row[i] / k.S) * t[i];
    return [...row, symmetricMod(y, Q)];
  });
  rows.push([...new Array<bigint>(rows[0].length - 1).fill(0n), Q]);
  k.T += beta * beta;
  // The new row is orthogonal to the old columns, so the Gram determinant is multiplied by Q².
  const { gramSchmidt } = lllReduce(rows, { deadline });
  const { keep, volume } = dropLongRows(rows, k.T, gramSchmidt, k.volume * Q * Q, deadline);
  if (keep === 0) throw new ComputationError('van Hoeij recombination: the lattice lost every vector (a bound is wrong)');
  k.rows = rows.slice(0, keep);
  k.volume = volume;
}

interface Column {
  readonly j: number;
  readonly bound: bigint;
}

/** The first `size` coefficient indices of `columnOrder` with their CLD bounds, smallest bound first. */
function columnPool(f: ZPoly, size: number): Column[] {
  const indices = columnOrder(f.length - 1).slice(0, size);
  const bounds = cldBounds(f, indices);
  return indices.map((j, c) => ({ j, bound: bounds[c] })).sort((x, y) => (x.bound < y.bound ? -1 : x.bound > y.bound ? 1 : 0));
}

/**
 * The irreducible factors of f over Z (primitive, positive leading coefficient, in no particular
 * order) from its monic factors modulo p: f primitive and square-free with lc(f) > 0 and
 * f(0) ≠ 0, p ∤ lc(f), f mod p square-free. `allowed[d]` may rule out factor degrees d (it must
 * be a proved constraint, such as the subset sums of the factor degrees modulo several primes).
 * The deadline is checked in the lifting, the lattice reduction and between columns.
 */
export function vanHoeijFactor(f: ZPoly, modular: readonly UPoly<number>[], p: number, options: ControlOptions & { /** `allowed[d]` false rules out factors of degree d. */ allowed?: readonly boolean[] } = {}): ZPoly[] {
  const { deadline, allowed } = resolveControl(options, 'vanHoeijFactor');
  const n = f.length - 1;
  const r = modular.length;
  if (r <= 1) return [f];
  const S = 1n << BigInt((r + 1).toString(2).length);
  const knapsack: Knapsack = {
    rows: Array.from({ length: r }, (_, i) => Array.from({ length: r }, (_, k) => (k === i ? S : 0n))),
    T: BigInt(r) * S * S,
    volume: S ** BigInt(2 * r),
    S,
    r,
  };
  const log2p = Math.log2(p);
  const bitR = Math.max(r, 20);
  // Bits kept per column (Hart–van Hoeij–Novocin keep about 1.5·r: enough to cut dimensions,
  // few enough that one reduction stays short), and the fewest worth a reduction.
  const keepBits = 1.5 * bitR + bitLength(S);
  const minExcess = 0.5 * bitR + bitLength(S);
  let pool = columnPool(f, Math.min(n, 3 * r > n ? 60 : 20));
  const mignotteExponent = liftExponent(p, 2n * mignotteBound(f));
  let a = Math.min(mignotteExponent, Math.ceil((bitLength(pool[0].bound) + 2.5 * bitR + bitLength(BigInt(n))) / log2p));
  const state = startHensel(f, modular, p);
  for (;;) {
    liftHensel(state, a, { deadline });
    const P = BigInt(p) ** BigInt(a);
    const lifted = henselFactors(state);
    const solved = tryPartition(f, knapsack.rows, lifted, S, P, allowed);
    if (solved) return solved;
    if (a > 8 * mignotteExponent) {
      if (r <= 24) return recombine(f, lifted, P, { degreeAllowed: allowed, deadline });
      throw new ComputationError(`van Hoeij recombination of ${r} modular factors did not converge at p^${a}`);
    }
    const usable = (c: Column): boolean => a * log2p - bitLength(c.bound) >= minExcess;
    const taken = new Set<number>();
    for (let batch = 3 * r > n ? 30 : 10; ; batch *= 2) {
      // The next columns worth taking at this precision; the pool grows while its worst column is usable.
      if (pool.length < n && usable(pool[pool.length - 1]) && pool.every((c) => taken.has(c.j) || !usable(c))) pool = columnPool(f, Math.min(n, 2 * pool.length));
      const chunk = pool.filter((c) => !taken.has(c.j) && usable(c)).slice(0, batch);
      if (chunk.length === 0) break;
      const data = cldMatrix(f, lifted, p, P, chunk.map((c) => c.j), deadline);
      for (let c = 0; c < chunk.length; c++) {
        deadline?.check();
        taken.add(chunk[c].j);
        const B = chunk[c].bound;
        // b dropped digits: p^b·S > B (any such b is sound), raised to keep at most keepBits bits.
        const b = Math.max(Math.ceil((bitLength(B) - bitLength(S) + 1) / log2p), a - Math.floor(keepBits / log2p), 0);
        if (b >= a) continue;
        const pb = BigInt(p) ** BigInt(b);
        addColumn(knapsack, data.map((row) => row[c] / pb), BigInt(p) ** BigInt(a - b), B / pb + 1n + BigInt(r), deadline);
        const found = tryPartition(f, knapsack.rows, lifted, S, P, allowed);
        if (found) return found;
      }
    }
    a *= 2;
  }
}
