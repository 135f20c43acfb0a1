/**
 * The normal form of one monomial modulo a reduced Gröbner basis over Z/p, recorded once and
 * replayed at other primes.
 *
 * Recording is structural: starting from the monomial, every monomial met is either standard or
 * divisible by a leading monomial lm(g_e), and then the step "subtract c·(m/lm(g_e))·g_e" is kept
 * with the positions of m/lm(g_e)·tail(g_e) among the monomials met; the monomials are processed
 * from the largest down, so a step only touches smaller ones. No coefficient is looked at, so
 * every step a cancellation could skip at one prime is still there at another: replaying the steps
 * on a dense vector of residues (a step whose coefficient is 0 does nothing) gives the normal form
 * at any prime whose basis has the same leading monomials and the same tail supports — which the
 * replays of an F4 trace keep, and which `replay` checks. It replaces a general normal form
 * (hash map and heap per prime) where the same monomial is reduced at hundreds of primes: the
 * border columns of the Krylov matrix (`krylov.ts`).
 */
import { Monomial, MonomialKey, compactMonomialKey, divMonomials, divides, mulMonomials, packedExponentLimit } from '../monomials/monomial';
import { MonomialHeap } from '../groebner/normal-form';
import { Polynomial } from '../poly/polynomial';
import { LAZY_PRIME_LIMIT } from '../arithmetic/modular-linear';

/** The keys of each basis element's tail monomials, per basis (the records on one basis share them). */
const tailKeyCache = new WeakMap<readonly Polynomial<number>[], MonomialKey[][]>();

function tailKeysOf(basis: readonly Polynomial<number>[]): MonomialKey[][] {
  let keys = tailKeyCache.get(basis);
  if (!keys) {
    keys = basis.map((g) => g.monomials.slice(1).map(compactMonomialKey));
    tailKeyCache.set(basis, keys);
  }
  return keys;
}

/** The replays' working vector (see `replay`; `replayTwo` interleaves two). */
let scratch = new Float64Array(1024);

/**
 * A basis modulo p laid out for replays: every element's tail coefficients in one Float64Array
 * (element e's at start[e] …), and each tail's length. Built once per basis and shared by the
 * columns replayed on it (a prime of deep-linear:2,3,2 replays about 2000): the steps then read
 * typed arrays only, not each element's coefficient array.
 */
interface PreparedBasis {
  coefficients: Float64Array;
  start: Int32Array;
  tailLength: Int32Array;
}

const preparedBases = new WeakMap<readonly Polynomial<number>[], PreparedBasis>();

function prepared(basis: readonly Polynomial<number>[]): PreparedBasis {
  let b = preparedBases.get(basis);
  if (!b) {
    const start = new Int32Array(basis.length + 1);
    const tailLength = new Int32Array(basis.length);
    for (let e = 0; e < basis.length; e++) {
      tailLength[e] = basis[e].length - 1;
      start[e + 1] = start[e] + tailLength[e];
    }
    const coefficients = new Float64Array(start[basis.length]);
    for (let e = 0; e < basis.length; e++) {
      const c = basis[e].coefficients;
      for (let t = 1; t < c.length; t++) coefficients[start[e] + t - 1] = c[t];
    }
    b = { coefficients, start, tailLength };
    preparedBases.set(basis, b);
  }
  return b;
}

/** Beyond this many steps a trace is not kept (the general normal form serves). */
const MAX_STEPS = 200_000;

/** A trace as plain data (typed arrays and numbers), which a structured clone carries to another thread. */
export interface ReductionTraceData {
  size: number;
  targets: Int32Array;
  elements: Int32Array;
  tailStart: Int32Array;
  tailPositions: Int32Array;
  standardAt: Int32Array;
  rows: Int32Array;
  maxAdditions: number;
}

export class ReductionTrace {
  private constructor(
    /** The number of monomials met (positions 0 … size − 1; 0 is the monomial reduced). */
    private readonly size: number,
    /**
     * Per step s: the position reduced, the basis element used, and where its tail terms land:
     * tailPositions[tailStart[s] …  tailStart[s + 1]) (all steps' in one array).
     */
    private readonly targets: Int32Array,
    private readonly elements: Int32Array,
    private readonly tailStart: Int32Array,
    private readonly tailPositions: Int32Array,
    /** The positions of the standard monomials met, and their indices among the standard monomials. */
    private readonly standardAt: Int32Array,
    readonly rows: Int32Array,
    /** The most terms any one position receives (bounds the sums of the lazy replay). */
    private readonly maxAdditions: number,
  ) {}

  /**
   * The trace of m's normal form modulo `basis` (reduced, monic), with `standardIndex` giving the
   * standard monomials' positions; undefined when a monomial that no leading monomial divides is
   * not among them, or the trace would be too long. Keys are `compactMonomialKey`'s. `reducers`
   * (monomial key → the first element whose leading monomial divides it, −1 for none) may be
   * shared by the records on one basis: their monomials recur.
   */
  static record(m: Monomial, basis: readonly Polynomial<number>[], standardIndex: ReadonlyMap<MonomialKey, number>, reducers = new Map<MonomialKey, number>()): ReductionTrace | undefined {
    const cmp = basis[0].ring.cmp;
    const position = new Map<MonomialKey, number>();
    const keyAt: MonomialKey[] = [];
    // The position of each monomial pushed, by identity: a popped monomial's key is not rebuilt.
    const positionOf = new Map<Monomial, number>();
    const heap = new MonomialHeap(cmp);
    // The position of a monomial met for the first time (the caller has looked its key up).
    const add = (key: MonomialKey, x: Monomial): number => {
      const i = position.size;
      position.set(key, i);
      keyAt.push(key);
      positionOf.set(x, i);
      heap.push(x);
      return i;
    };
    add(compactMonomialKey(m), m);
    // Packed keys add: the key of q·s is key(q) + key(s) when no exponent of q·s reaches the
    // packing limit, which deg(q) + deg(s) below it ensures. Most tail terms met are then one
    // addition and one lookup, without building the product (deep-linear:2,3,2 spent 2.4 s of its
    // recording on products and their keys).
    const limit = packedExponentLimit(m.length - 1);
    const tailKeys = tailKeysOf(basis);
    const targets: number[] = [];
    const elements: number[] = [];
    const tails: Int32Array[] = [];
    const standardAt: number[] = [];
    const rows: number[] = [];
    for (let x = heap.pop(); x !== undefined; x = heap.pop()) {
      const at = positionOf.get(x) as number;
      const key = keyAt[at];
      let e = reducers.get(key);
      if (e === undefined) {
        e = basis.findIndex((g) => g.monomials[0][0] <= x[0] && divides(g.monomials[0], x));
        reducers.set(key, e);
      }
      if (e < 0) {
        const row = standardIndex.get(key);
        if (row === undefined) return undefined;
        standardAt.push(at);
        rows.push(row);
        continue;
      }
      if (targets.length >= MAX_STEPS) return undefined;
      const g = basis[e];
      const q = divMonomials(x, g.monomials[0]);
      const qKey = compactMonomialKey(q);
      const sKeys = tailKeys[e];
      const tail = new Int32Array(g.length - 1);
      // No closure per term: V8 (without inlining, see cli/v8-flags.ts) allocated one for each of
      // the millions of tail terms met, a tenth of the recording's time in garbage collection.
      for (let t = 1; t < g.length; t++) {
        const s = g.monomials[t];
        const sKey = sKeys[t - 1];
        const sum = typeof qKey === 'number' && typeof sKey === 'number' && q[0] + s[0] < limit;
        const x = sum ? undefined : mulMonomials(s, q);
        const key = sum ? qKey + sKey : compactMonomialKey(x!);
        const i = position.get(key);
        tail[t - 1] = i !== undefined ? i : add(key, x ?? mulMonomials(s, q));
      }
      targets.push(at);
      elements.push(e);
      tails.push(tail);
    }
    const additions = new Int32Array(position.size);
    const tailStart = new Int32Array(tails.length + 1);
    for (let s = 0; s < tails.length; s++) tailStart[s + 1] = tailStart[s] + tails[s].length;
    const tailPositions = new Int32Array(tailStart[tails.length]);
    tails.forEach((tail, s) => tailPositions.set(tail, tailStart[s]));
    for (let t = 0; t < tailPositions.length; t++) additions[tailPositions[t]]++;
    return new ReductionTrace(position.size, Int32Array.from(targets), Int32Array.from(elements), tailStart, tailPositions, Int32Array.from(standardAt), Int32Array.from(rows), additions.reduce((a, b) => Math.max(a, b), 0));
  }

  /** The trace as plain data (`fromData` rebuilds it). */
  toData(): ReductionTraceData {
    const { size, targets, elements, tailStart, tailPositions, standardAt, rows, maxAdditions } = this;
    return { size, targets, elements, tailStart, tailPositions, standardAt, rows, maxAdditions };
  }

  static fromData(d: ReductionTraceData): ReductionTrace {
    return new ReductionTrace(d.size, d.targets, d.elements, d.tailStart, d.tailPositions, d.standardAt, d.rows, d.maxAdditions);
  }

  /** Does every element the steps use have its recorded number of tail terms in `b` (none lost modulo p)? */
  private tailsKept(b: PreparedBasis): boolean {
    const { elements, tailStart } = this;
    for (let s = 0; s < elements.length; s++) if (b.tailLength[elements[s]] !== tailStart[s + 1] - tailStart[s]) return false;
    return true;
  }

  /**
   * The normal form's coefficients at `rows` modulo p, written to out[offset …], for a basis with
   * the recorded leading monomials; false (nothing to trust) when an element used has lost a tail
   * term modulo p.
   */
  replay(basis: readonly Polynomial<number>[], p: number, out: Float64Array, offset: number): boolean {
    const { targets, elements, tailStart, tailPositions } = this;
    const b = prepared(basis);
    if (!this.tailsKept(b)) return false;
    const { coefficients, start } = b;
    // One scratch vector for every replay of the thread (a fresh one per column was garbage: a
    // prime of deep-linear:2,3,2 replays about 2000 columns).
    if (scratch.length < this.size) scratch = new Float64Array(Math.max(this.size, 2 * scratch.length));
    const v = scratch;
    v.fill(0, 0, this.size);
    v[0] = 1;
    // Below 2^21 a product of residues is below 2^42, and fewer than 2^11 of them added to one
    // position stay exact in a double: reduce only where a value is read.
    const lazy = p < LAZY_PRIME_LIMIT && this.maxAdditions < 2048;
    for (let s = 0; s < targets.length; s++) {
      const c = lazy ? v[targets[s]] % p : v[targets[s]];
      if (c === 0) continue;
      v[targets[s]] = 0;
      const factor = p - c; // the basis is monic: subtract c·q·g
      const from = tailStart[s];
      const length = tailStart[s + 1] - from;
      const at = start[elements[s]];
      if (lazy) for (let t = 0; t < length; t++) v[tailPositions[from + t]] += factor * coefficients[at + t];
      else for (let t = 0; t < length; t++) v[tailPositions[from + t]] = (v[tailPositions[from + t]] + factor * coefficients[at + t]) % p;
    }
    for (let i = 0; i < this.standardAt.length; i++) out[offset + i] = lazy ? v[this.standardAt[i]] % p : v[this.standardAt[i]];
    return true;
  }

  /**
   * `replay` at two primes in one pass: the two working vectors interleaved (position k of the
   * first at 2k, of the second at 2k + 1), so each step's tail positions are read once for both
   * and the two additions land side by side. Both primes below 2^21 (the lazy sums); true when
   * both replays hold (outA, outB written from offset 0), false when one does not (neither is
   * written: the caller replays each alone), undefined when a prime is not below 2^21.
   */
  replayTwo(basisA: readonly Polynomial<number>[], pA: number, outA: Float64Array, basisB: readonly Polynomial<number>[], pB: number, outB: Float64Array): boolean | undefined {
    if (!(pA < LAZY_PRIME_LIMIT && pB < LAZY_PRIME_LIMIT && this.maxAdditions < 2048)) return undefined;
    const { targets, elements, tailStart, tailPositions } = this;
    const a = prepared(basisA);
    const b = prepared(basisB);
    if (!this.tailsKept(a) || !this.tailsKept(b)) return false;
    if (scratch.length < 2 * this.size) scratch = new Float64Array(Math.max(2 * this.size, 2 * scratch.length));
    const v = scratch;
    v.fill(0, 0, 2 * this.size);
    v[0] = 1;
    v[1] = 1;
    const coefficientsA = a.coefficients;
    const coefficientsB = b.coefficients;
    for (let s = 0; s < targets.length; s++) {
      const x = 2 * targets[s];
      const cA = v[x] % pA;
      const cB = v[x + 1] % pB;
      if (cA === 0 && cB === 0) continue;
      v[x] = 0;
      v[x + 1] = 0;
      // Subtract c·q·g at each prime (a zero c adds zeros).
      const factorA = cA === 0 ? 0 : pA - cA;
      const factorB = cB === 0 ? 0 : pB - cB;
      const from = tailStart[s];
      const length = tailStart[s + 1] - from;
      const atA = a.start[elements[s]];
      const atB = b.start[elements[s]];
      for (let t = 0; t < length; t++) {
        const y = 2 * tailPositions[from + t];
        v[y] += factorA * coefficientsA[atA + t];
        v[y + 1] += factorB * coefficientsB[atB + t];
      }
    }
    for (let i = 0; i < this.standardAt.length; i++) {
      const y = 2 * this.standardAt[i];
      outA[i] = v[y] % pA;
      outB[i] = v[y + 1] % pB;
    }
    return true;
  }
}
