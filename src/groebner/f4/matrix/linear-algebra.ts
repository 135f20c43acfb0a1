/**
 * Sparse-row Gaussian elimination over Z/p (p < 2^26) for the F4 matrices.
 *
 * Rows are sparse: an Int32Array of column indices (the first entry is the pivot column of the
 * row, the smallest index) and an Int32Array of residues in [0, p). Pivot rows are registered by
 * column and are monic. A row is reduced in a dense Float64Array accumulator by one left-to-right
 * pass: at each non-zero column that has a pivot, the pivot row times −acc[c] is added. With
 * p < 2^26 a product is < 2^52, so an entry of (−p, 2p) plus a product is exact in a double; the
 * sum x is brought back into (−p, 2p) by x − ⌊x·(1/p)⌋·p (the floor of the inexact quotient is off
 * by at most one, hence the interval). No `%` and, unlike the classic "subtract M = k·p when the
 * sum crosses M" scheme, no data-dependent branch in the inner loop: that branch is taken about
 * half the time for p near 2^26 and its mispredictions cost more than the extra multiply (measured
 * 2× on katsura-9). Entries are reduced into [0, p) when the pass reaches them.
 * Rows are mostly reduced four at a time (`loadLanes`, `loadCombinations`, `reduceRows`): the
 * four accumulators are interleaved (lane l of column c at 4c + l) and each pivot row met is read
 * once and added to the four lanes, which about halves the cost per row (trace replays, which
 * dominate multi-modular runs, went from 0.28 to 0.15 s on katsura-9).
 * A reduced non-zero row whose pivot column is new becomes a pivot itself, so
 * the new rows are echelonized among themselves in the same pass (Faugère 1999; the accumulator
 * scheme is msolve's and Groebner.jl's).
 * Where the engine has WebAssembly SIMD, the lanes live in the memory of `LaneKernel`
 * (simd-kernel.ts), which runs the lane pass and the finishing of a lane; the JavaScript passes
 * here remain for the other engines, for single rows (`reduce`) and as the tests' reference.
 */

import { LaneKernel } from './simd-kernel';
import { Deadline } from '../../../errors';

const EMPTY = new Int32Array(0);

/**
 * The pivot slots of the row reducers: per column, the columns and coefficients of its pivot row
 * (`EMPTY` when it has none). An Array of ncols references costs about 25 ns a column to allocate
 * (7 ms for 270,000 columns, against 0.6 ms for an Int32Array), and a matrix needs two, for every
 * matrix of a learning run and of each replay: on the 2-3-2-1 network's whole basis (linear with
 * biases and one λ; matrices up to 238,066 × 269,794) that was 1.44 s of the 6.45 s of its 18
 * replays. So one pair of arrays serves every reducer of the thread in turn: the next reducer to
 * take them clears the columns written (`written`), and they grow by doubling and are given back
 * when a much smaller matrix follows a very large one. Like the SIMD kernel's memory, they belong
 * to the newest reducer: an older one used again throws.
 */
class PivotSlots {
  cols: Int32Array[] = [];
  coeffs: Int32Array[] = [];
  owner: RowReducer | undefined;
  private written = new Int32Array(0);
  private nwritten = 0;

  /** Slots for a matrix of `ncols` columns, every one EMPTY, owned by `owner`. */
  take(owner: RowReducer, ncols: number): void {
    const capacity = this.cols.length;
    if (ncols > capacity || (capacity > SLOTS_KEPT && ncols < capacity / 8)) {
      const size = ncols > capacity ? Math.max(ncols, Math.min(2 * capacity, SLOTS_KEPT)) : ncols;
      this.cols = new Array<Int32Array>(size).fill(EMPTY);
      this.coeffs = new Array<Int32Array>(size).fill(EMPTY);
      this.written = new Int32Array(size);
    } else {
      for (let i = 0; i < this.nwritten; i++) {
        this.cols[this.written[i]] = EMPTY;
        this.coeffs[this.written[i]] = EMPTY;
      }
    }
    this.nwritten = 0;
    this.owner = owner;
  }

  /** Sets the pivot row of column c. */
  set(c: number, cols: Int32Array, coeffs: Int32Array): void {
    if (this.cols[c] === EMPTY) this.written[this.nwritten++] = c;
    this.cols[c] = cols;
    this.coeffs[c] = coeffs;
  }
}

/** Slots up to this many columns are kept for the next matrices whatever their size (16 MB). */
const SLOTS_KEPT = 1 << 20;

const pivotSlots = new PivotSlots();

/** A small deterministic xorshift generator (the random combinations must be reproducible). */
export class Rng {
  private s: number;
  constructor(seed = 0x2545f491) {
    this.s = seed | 0 || 1;
  }
  /** A uniform-enough integer in [0, n) for n < 2^31. */
  below(n: number): number {
    let s = this.s;
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    this.s = s;
    const hi = (s >>> 0) * 2 ** 21 + ((Math.imul(s, 0x9e3779b1) >>> 11) & 0x1fffff);
    return hi % n;
  }
}

/** Inverse of a modulo the prime p (a ≠ 0 mod p), by the extended Euclidean algorithm. */
export function invMod(a: number, p: number): number {
  let r0 = a % p;
  let r1 = p;
  let s0 = 1;
  let s1 = 0;
  while (r1 !== 0) {
    const q = Math.floor(r0 / r1);
    let t = r0 - q * r1;
    r0 = r1;
    r1 = t;
    t = s0 - q * s1;
    s0 = s1;
    s1 = t;
  }
  if (r0 !== 1) throw new RangeError(`${a} is not invertible modulo ${p}`);
  return s0 < 0 ? s0 + p : s0;
}

/** Lane loads (four rows each) between two checks of a row reducer's deadline. */
const DEADLINE_LOADS = 16;

/**
 * Reduces rows against a growing set of pivots over Z/p with a dense delayed-reduction
 * accumulator. One instance serves one matrix (`ncols` columns).
 */
export class RowReducer {
  readonly p: number;
  readonly ncols: number;
  /** Pivot rows by pivot column (`EMPTY` when the column has no pivot): the thread's `PivotSlots`. */
  private readonly pivCols: Int32Array[];
  private readonly pivCoeffs: Int32Array[];
  /** The dense accumulator, all zero between rows. */
  readonly acc: Float64Array;
  /** Columns of the non-zero entries left by the last `reduce`, increasing. */
  readonly nz: Int32Array;
  private readonly pinv: number;
  /**
   * The four-lane accumulator of `loadLanes`, zero outside its use; allocated by the first
   * `loadLanes` (in the SIMD kernel's memory when there is one), so that a matrix whose rows are
   * all reduced one at a time (the final interreduction) or that has no rows to reduce (a replayed
   * round whose rows all reduced to zero) never copies its pivot rows into the kernel.
   */
  private lanes: Float64Array = new Float64Array(0);
  /** The WebAssembly SIMD pass, when the engine has it (see simd-kernel.ts); set with the lanes. */
  private kernel: LaneKernel | undefined;
  private lanesReady = false;
  private lanesStart = 0;
  /** Lane loads since the deadline was last checked. */
  private loads = 0;

  /** `deadline`, when given, is checked every `DEADLINE_LOADS` lane loads: one matrix can take seconds. */
  constructor(ncols: number, p: number, private readonly deadline?: Deadline) {
    this.p = p;
    this.ncols = ncols;
    pivotSlots.take(this, ncols);
    this.pivCols = pivotSlots.cols;
    this.pivCoeffs = pivotSlots.coeffs;
    this.acc = new Float64Array(ncols);
    this.nz = new Int32Array(ncols);
    this.pinv = 1 / p;
  }

  /** Registers a monic row as the pivot of its first column. */
  setPivot(cols: Int32Array, coeffs: Int32Array): void {
    this.own();
    pivotSlots.set(cols[0], cols, coeffs);
    if (this.kernel) {
      this.kernel.setPivot(cols, coeffs);
      this.lanes = this.kernel.lanes; // the memory may have grown
    }
  }

  /** Allocates the lanes on first use, with the kernel and a copy of the pivots registered so far. */
  private prepareLanes(): void {
    if (this.lanesReady) return;
    this.lanesReady = true;
    const ncols = this.ncols;
    let entries = 0;
    for (let c = 0; c < ncols; c++) entries += this.pivCols[c].length;
    this.kernel = LaneKernel.create(ncols, 8 * entries + 8 * ncols);
    if (this.kernel) {
      for (let c = 0; c < ncols; c++) if (this.pivCols[c].length !== 0) this.kernel.setPivot(this.pivCols[c], this.pivCoeffs[c]);
      this.lanes = this.kernel.lanes;
    } else this.lanes = new Float64Array(4 * ncols);
  }

  hasPivot(c: number): boolean {
    this.own();
    return this.pivCols[c].length !== 0;
  }

  /** Throws when a newer reducer has taken the pivot slots (this one's pivots are gone). */
  private own(): void {
    if (pivotSlots.owner !== this) throw new Error('internal error: an F4 row reducer was used after a newer one took its pivot slots');
  }

  /**
   * Loads the row into the accumulator and eliminates every column ≥ `elimFrom` that has a pivot.
   * Returns the number of surviving non-zero entries; their columns are `nz[0..n)` and their
   * values (reduced modulo p) stay in `acc` until `extract` or `clear`.
   */
  reduce(cols: Int32Array, coeffs: Int32Array, elimFrom: number): number {
    this.own();
    const acc = this.acc;
    let start = this.ncols;
    for (let k = 0; k < cols.length; k++) {
      const c = cols[k];
      acc[c] = coeffs[k];
      if (c < start) start = c;
    }
    return this.sweep(start, elimFrom);
  }

  /** Checks the deadline every `DEADLINE_LOADS` lane loads. */
  private tick(): void {
    if (this.deadline !== undefined && ++this.loads >= DEADLINE_LOADS) {
      this.loads = 0;
      this.deadline.check();
    }
  }

  /**
   * Loads up to four rows into the lanes of a four-lane accumulator (lane l of column c at 4c + l)
   * and eliminates, in all lanes in one left-to-right pass, every column that has a pivot now, so
   * each pivot row is read once for four rows. The lanes are then finished one at a time by
   * `finishLane`, which also applies the pivots registered in between (the new rows of the earlier
   * lanes). A row comes out exactly as `reduce` would give it after the same pivots: the unique
   * vector of row + span(pivots) that vanishes on every pivot column.
   */
  loadLanes(cols: readonly Int32Array[], coeffs: readonly Int32Array[]): void {
    this.own();
    this.tick();
    this.prepareLanes();
    const ncols = this.ncols;
    const a = this.lanes;
    let start = ncols;
    for (let l = 0; l < cols.length; l++) {
      const rc = cols[l];
      const rv = coeffs[l];
      for (let k = 0; k < rc.length; k++) a[4 * rc[k] + l] = rv[k];
      if (rc.length > 0 && rc[0] < start) start = rc[0];
    }
    this.eliminateLanes(start);
  }

  /**
   * Like `loadLanes`, for `count` ≤ 4 independent random linear combinations Σ r_i·row_i of the
   * rows `which` of (`cols`, `coeffs`), with every r_i drawn from `rng` in [1, p).
   */
  loadCombinations(cols: readonly Int32Array[], coeffs: readonly Int32Array[], which: readonly number[], rng: Rng, count: number): void {
    this.own();
    this.tick();
    this.prepareLanes();
    const ncols = this.ncols;
    const a = this.lanes;
    const p = this.p;
    const pinv = this.pinv;
    let start = ncols;
    for (const i of which) {
      const rc = cols[i];
      const rv = coeffs[i];
      if (rc.length > 0 && rc[0] < start) start = rc[0];
      for (let l = 0; l < count; l++) {
        const r = 1 + rng.below(p - 1);
        for (let k = 0; k < rc.length; k++) {
          const j = 4 * rc[k] + l;
          const x = a[j] + r * rv[k];
          a[j] = x - Math.floor(x * pinv) * p;
        }
      }
    }
    this.eliminateLanes(start);
  }

  /** The one pass of `loadLanes` from column `start`. */
  private eliminateLanes(start: number): void {
    this.lanesStart = start;
    if (this.kernel) {
      this.kernel.eliminate(start, this.p);
      return;
    }
    const a = this.lanes;
    const ncols = this.ncols;
    const p = this.p;
    const pinv = this.pinv;
    const pivCols = this.pivCols;
    const pivCoeffs = this.pivCoeffs;
    for (let c = start; c < ncols; c++) {
      const pc = pivCols[c];
      if (pc.length === 0) continue;
      const o = 4 * c;
      let v0 = a[o];
      let v1 = a[o + 1];
      let v2 = a[o + 2];
      let v3 = a[o + 3];
      if (v0 === 0 && v1 === 0 && v2 === 0 && v3 === 0) continue;
      // Multipliers −v mod p (0 for a lane whose entry vanishes modulo p).
      v0 -= Math.floor(v0 * pinv) * p;
      v1 -= Math.floor(v1 * pinv) * p;
      v2 -= Math.floor(v2 * pinv) * p;
      v3 -= Math.floor(v3 * pinv) * p;
      const m0 = v0 <= 0 ? -v0 : v0 >= p ? p - (v0 - p) : p - v0;
      const m1 = v1 <= 0 ? -v1 : v1 >= p ? p - (v1 - p) : p - v1;
      const m2 = v2 <= 0 ? -v2 : v2 >= p ? p - (v2 - p) : p - v2;
      const m3 = v3 <= 0 ? -v3 : v3 >= p ? p - (v3 - p) : p - v3;
      a[o] = 0;
      a[o + 1] = 0;
      a[o + 2] = 0;
      a[o + 3] = 0;
      const pv = pivCoeffs[c];
      const len = pc.length;
      for (let k = 1; k < len; k++) {
        const j = 4 * pc[k];
        const w = pv[k];
        let x = a[j] + m0 * w;
        a[j] = x - Math.floor(x * pinv) * p;
        x = a[j + 1] + m1 * w;
        a[j + 1] = x - Math.floor(x * pinv) * p;
        x = a[j + 2] + m2 * w;
        a[j + 2] = x - Math.floor(x * pinv) * p;
        x = a[j + 3] + m3 * w;
        a[j + 3] = x - Math.floor(x * pinv) * p;
      }
    }
  }

  /**
   * Moves lane l of `loadLanes` into the accumulator and reduces it by every pivot registered now;
   * returns the number of surviving entries, as `reduce` does.
   */
  finishLane(l: number): number {
    this.own();
    if (this.kernel) return this.kernel.finish(l, this.lanesStart, this.p, this.acc, this.nz);
    const a = this.lanes;
    const acc = this.acc;
    const ncols = this.ncols;
    let start = ncols;
    for (let c = this.lanesStart; c < ncols; c++) {
      const x = a[4 * c + l];
      if (x === 0) continue;
      a[4 * c + l] = 0;
      acc[c] = x;
      if (c < start) start = c;
    }
    return start === ncols ? 0 : this.sweep(start, 0);
  }

  /** Discards lane l of `loadLanes` (zeroes it) without reducing it further. */
  dropLane(l: number): void {
    const a = this.lanes;
    for (let c = this.lanesStart; c < this.ncols; c++) a[4 * c + l] = 0;
  }

  /** The elimination pass from column `start` (see `reduce`). */
  private sweep(start: number, elimFrom: number): number {
    const acc = this.acc;
    const p = this.p;
    const pinv = this.pinv;
    const pivCols = this.pivCols;
    const pivCoeffs = this.pivCoeffs;
    const nz = this.nz;
    const ncols = this.ncols;
    let n = 0;
    for (let c = start; c < ncols; c++) {
      let v = acc[c];
      if (v === 0) continue;
      v -= Math.floor(v * pinv) * p;
      if (v < 0) v += p;
      else if (v >= p) v -= p;
      if (v === 0) {
        acc[c] = 0;
        continue;
      }
      const pc = pivCols[c];
      if (pc.length === 0 || c < elimFrom) {
        acc[c] = v;
        nz[n++] = c;
        continue;
      }
      acc[c] = 0;
      const mult = p - v;
      const pv = pivCoeffs[c];
      const len = pc.length;
      for (let k = 1; k < len; k++) {
        const j = pc[k];
        const x = acc[j] + mult * pv[k];
        acc[j] = x - Math.floor(x * pinv) * p;
      }
    }
    return n;
  }

  /**
   * The surviving row of the last `reduce` (n entries), scaled to be monic, as new arrays; clears
   * the accumulator.
   */
  extract(n: number): { cols: Int32Array; coeffs: Int32Array } {
    const acc = this.acc;
    const p = this.p;
    const cols = this.nz.slice(0, n);
    const coeffs = new Int32Array(n);
    const inv = invMod(acc[cols[0]], p);
    const pinv = this.pinv;
    for (let i = 0; i < n; i++) {
      const c = cols[i];
      // acc[c]·inv mod p: the product is exact (< 2^52) and the floor of the inexact quotient is
      // off by at most one (cheaper than `%` on doubles, a library call).
      const x = acc[c] * inv;
      const r = x - Math.floor(x * pinv) * p;
      coeffs[i] = r < 0 ? r + p : r >= p ? r - p : r;
      acc[c] = 0;
    }
    return { cols, coeffs };
  }

  /**
   * Like `extract`, but on a prescribed support `support` (increasing, starting at the pivot
   * column): returns the monic coefficients on it, or undefined when the pivot entry vanished or
   * an entry outside the support survived. Clears the accumulator either way.
   */
  extractOn(n: number, support: Int32Array): Int32Array | undefined {
    const acc = this.acc;
    const p = this.p;
    const nz = this.nz;
    if (n === 0 || nz[0] !== support[0]) {
      this.clear(n);
      return undefined;
    }
    // One pass over the support: scale each entry, clear it, and count the surviving columns met;
    // nz ⊆ support exactly when all n of them were met (zero entries elsewhere stay untouched).
    const coeffs = new Int32Array(support.length);
    const inv = invMod(acc[support[0]], p);
    const pinv = this.pinv;
    let met = 0;
    for (let i = 0; i < support.length; i++) {
      const c = support[i];
      const v = acc[c];
      if (v === 0) continue;
      met++;
      acc[c] = 0;
      const x = v * inv; // as in `extract`
      const r = x - Math.floor(x * pinv) * p;
      coeffs[i] = r < 0 ? r + p : r >= p ? r - p : r;
    }
    if (met === n) return coeffs;
    this.clear(n); // entries outside the support survived
    return undefined;
  }

  /** Zeroes the n surviving entries of the last `reduce`. */
  clear(n: number): void {
    const acc = this.acc;
    const nz = this.nz;
    for (let i = 0; i < n; i++) acc[nz[i]] = 0;
  }
}

/**
 * Reduces the rows `which` (indices into `cols`, `coeffs`) in order, four at a time through the
 * lanes of `red`; every non-zero result becomes a pivot and is pushed, with its row index, to
 * `found` and `useful`. Returns the number of pivots found. The results are those of reducing the
 * rows one by one.
 */
export function reduceRows(
  red: RowReducer,
  which: readonly number[],
  cols: readonly Int32Array[],
  coeffs: readonly Int32Array[],
  useful: number[],
  found: { cols: Int32Array; coeffs: Int32Array }[],
): number {
  let pivots = 0;
  const laneCols: Int32Array[] = [];
  const laneCoeffs: Int32Array[] = [];
  for (let t0 = 0; t0 < which.length; t0 += 4) {
    const t1 = Math.min(which.length, t0 + 4);
    laneCols.length = 0;
    laneCoeffs.length = 0;
    for (let t = t0; t < t1; t++) {
      laneCols.push(cols[which[t]]);
      laneCoeffs.push(coeffs[which[t]]);
    }
    red.loadLanes(laneCols, laneCoeffs);
    for (let t = t0; t < t1; t++) {
      const n = red.finishLane(t - t0);
      if (n === 0) continue;
      const row = red.extract(n);
      red.setPivot(row.cols, row.coeffs);
      useful.push(which[t]);
      found.push(row);
      pivots++;
    }
  }
  return pivots;
}

/**
 * The interreduction step: every row is monic and is itself the registered pivot of its leading
 * column; its tail (everything after the leading entry) is reduced by all pivots, four rows at a
 * time through the lanes. Returns each row as its leading column with coefficient 1 followed by
 * the reduced tail (residues in [0, p)), the rows of reducing each row alone from the column after
 * its pivot. Undefined when a row is not monic.
 */
export function reduceTails(red: RowReducer, rows: readonly { cols: Int32Array; coeffs: Int32Array }[]): { cols: Int32Array; coeffs: Int32Array }[] | undefined {
  const out: { cols: Int32Array; coeffs: Int32Array }[] = [];
  const laneCols: Int32Array[] = [];
  const laneCoeffs: Int32Array[] = [];
  for (let t0 = 0; t0 < rows.length; t0 += 4) {
    const t1 = Math.min(rows.length, t0 + 4);
    laneCols.length = 0;
    laneCoeffs.length = 0;
    for (let t = t0; t < t1; t++) {
      if (rows[t].coeffs[0] !== 1) return undefined;
      laneCols.push(rows[t].cols.subarray(1));
      laneCoeffs.push(rows[t].coeffs.subarray(1));
    }
    red.loadLanes(laneCols, laneCoeffs);
    for (let t = t0; t < t1; t++) {
      const n = red.finishLane(t - t0);
      const cols = new Int32Array(n + 1);
      const coeffs = new Int32Array(n + 1);
      cols[0] = rows[t].cols[0];
      coeffs[0] = 1;
      for (let i = 0; i < n; i++) {
        const c = red.nz[i];
        cols[i + 1] = c;
        coeffs[i + 1] = red.acc[c];
      }
      red.clear(n);
      out.push({ cols, coeffs });
    }
  }
  return out;
}
