/**
 * The trace of an F4 run over Z/p and its replay for another prime (`f4Apply`).
 *
 * A learned run is recorded as the plain sequence of matrices it reduced. Per round: the useful
 * lower rows and the pivot (upper) rows they can reach (`neededUpperRows`), each as a basis index
 * and its column-index array (the structure depends only on monomials, so it is shared by every
 * replay), the learned support of every new basis element (column indices, pivot first) and the
 * basis index it received. Lower rows that reduced to zero are not recorded, nor the pivot rows
 * only they needed, so a replay never builds them; pair selection, symbolic preprocessing and the
 * hashtable are not touched again. The final interreduction is one more matrix whose reduced
 * pivot rows are the output.
 *
 * Replay keeps every basis element on its learned support (a coefficient may become 0). A prime is
 * unlucky for the trace, and the replay returns undefined, when a row expected non-zero reduces to
 * zero or to another leading column, or leaves a non-zero entry outside the learned support.
 * Reduction to zero of the skipped rows is not checked (as in Groebner.jl and msolve): the
 * multi-modular driver verifies the lifted result.
 */
import { Monomial } from '../../monomials/monomial';
import { Polynomial, PolynomialRing } from '../../poly/polynomial';
import { Deadline, InputError } from '../../errors';
import { f4RoundInfo } from '../../control';
import { orderToString } from '../../monomials/order';
import { MonomialTable } from './hashtable';
import { RowReducer, invMod, reduceTails } from './matrix/linear-algebra';
import { checkInput } from './convert';
import type { F4Options } from './f4';

/** One recorded matrix. */
export interface TraceRound {
  readonly ncols: number;
  readonly degree: number;
  readonly upperPoly: Int32Array;
  readonly upperCols: Int32Array[];
  readonly lowerPoly: Int32Array;
  readonly lowerCols: Int32Array[];
  /** Learned support (column indices, pivot first) of the reduced lower row i. */
  readonly newCols: Int32Array[];
  /** Learned support of new row i once the new rows are in reduced echelon form (empty: not done). */
  readonly reducedCols: Int32Array[];
  /** Basis index given to the reduced lower row i. */
  readonly newIndex: Int32Array;
}

/** The final interreduction matrix. */
export interface TraceFinal {
  readonly ncols: number;
  /** Monomial ids of the columns (decreasing). */
  readonly columns: Int32Array;
  readonly upperPoly: Int32Array;
  readonly upperCols: Int32Array[];
  /** Upper row indices of the output polynomials, in output order (lm increasing). */
  readonly outputRows: Int32Array;
  /** Learned support size of each output polynomial (for the statistics only). */
  readonly outputLength: Int32Array;
}

/** A recorded F4 run (see the file header). Treat as opaque. */
export interface F4Trace {
  readonly nvars: number;
  readonly order: string;
  readonly ninputs: number;
  readonly table: MonomialTable;
  /** Index into the caller's list of the polynomial that became basis element k (k < inputSrc.length). */
  readonly inputSrc: Int32Array;
  /** Learned monomial ids of those basis elements. */
  readonly inputMonos: Int32Array[];
  readonly rounds: TraceRound[];
  readonly final: TraceFinal;
  /** Learned statistics, reported again by replays. */
  readonly maxMatrixRows: number;
  readonly maxMatrixCols: number;
}

/**
 * The upper rows of a matrix that the reduction of `kept` (lower rows' columns) can use, in their
 * order: those whose pivot column is reached from the kept rows' columns, a reached pivot's row
 * reaching its own columns. A row's columns increase from its pivot, so one pass over the columns
 * in order is the closure. A reduction only writes to columns of its row and of the pivot rows it
 * applies, so every pivot a kept row meets, or a row reduced from the kept ones, is among these.
 * The learning run's other upper rows served lower rows that reduced to zero, which the trace
 * drops: on a 2-2-1 network with activation z + z³/3, 82% of the upper rows' entries replayed
 * served matrices whose kept rows were a single lane load of four.
 */
export function neededUpperRows(ncols: number, upperCols: readonly Int32Array[], kept: readonly Int32Array[]): number[] {
  const pivotRow = new Int32Array(ncols).fill(-1);
  for (let i = 0; i < upperCols.length; i++) pivotRow[upperCols[i][0]] = i;
  const reached = new Uint8Array(ncols);
  for (const cols of kept) for (let k = 0; k < cols.length; k++) reached[cols[k]] = 1;
  const needed: number[] = [];
  for (let c = 0; c < ncols; c++) {
    const r = pivotRow[c];
    if (reached[c] === 0 || r < 0) continue;
    needed.push(r);
    const cols = upperCols[r];
    for (let k = 1; k < cols.length; k++) reached[cols[k]] = 1;
  }
  return needed.sort((a, b) => a - b);
}

/** Rows of column indices packed into one array: row i is data[offsets[i] … offsets[i + 1]). */
export interface PackedRows {
  readonly data: Int32Array;
  readonly offsets: Int32Array;
}

/** One recorded matrix as plain data (`TraceRound` with its rows packed). */
export interface TraceRoundData extends Omit<TraceRound, 'upperCols' | 'lowerCols' | 'newCols' | 'reducedCols'> {
  readonly upperCols: PackedRows;
  readonly lowerCols: PackedRows;
  readonly newCols: PackedRows;
  readonly reducedCols: PackedRows;
}

/**
 * A trace as plain data — a few typed arrays per matrix and numbers, which a structured clone
 * carries to another thread as block copies (katsura-9's trace has tens of thousands of rows:
 * one array per row cost the sending thread 150 ms, noon-8's 600 ms) — with the monomial table
 * as its interned monomials in id order.
 */
export interface F4TraceData extends Omit<F4Trace, 'table' | 'inputMonos' | 'rounds' | 'final'> {
  readonly inputMonos: PackedRows;
  readonly rounds: TraceRoundData[];
  readonly final: Omit<TraceFinal, 'upperCols'> & { readonly upperCols: PackedRows };
  /** Monomial id k is entries k·(nvars + 1) … (k + 1)·(nvars + 1) − 1: the degree, then the exponents. */
  readonly monomials: Int32Array;
}

/** The rows as one array and their offsets. */
export function packRows(rows: readonly Int32Array[]): PackedRows {
  const offsets = new Int32Array(rows.length + 1);
  for (let i = 0; i < rows.length; i++) offsets[i + 1] = offsets[i] + rows[i].length;
  const data = new Int32Array(offsets[rows.length]);
  for (let i = 0; i < rows.length; i++) data.set(rows[i], offsets[i]);
  return { data, offsets };
}

/** The rows of `packRows`, as views into its array (no copy). */
export function unpackRows(packed: PackedRows): Int32Array[] {
  const { data, offsets } = packed;
  const rows: Int32Array[] = [];
  for (let i = 0; i + 1 < offsets.length; i++) rows.push(data.subarray(offsets[i], offsets[i + 1]));
  return rows;
}

/** The trace as plain data (`traceFromData` rebuilds it). */
export function traceToData(trace: F4Trace): F4TraceData {
  const { table, inputMonos, rounds, final, ...rest } = trace;
  return {
    ...rest,
    inputMonos: packRows(inputMonos),
    rounds: rounds.map((r) => ({ ...r, upperCols: packRows(r.upperCols), lowerCols: packRows(r.lowerCols), newCols: packRows(r.newCols), reducedCols: packRows(r.reducedCols) })),
    final: { ...final, upperCols: packRows(final.upperCols) },
    monomials: table.exps.slice(0, table.size * table.stride),
  };
}

/**
 * The buffers `traceToData` made for `data` (the packed rows and the monomials), which may be
 * transferred to another thread instead of copied; its other arrays are the trace's own, still
 * used by replays here.
 */
export function traceDataBuffers(data: F4TraceData): ArrayBuffer[] {
  const packed = [data.inputMonos, data.final.upperCols, ...data.rounds.flatMap((r) => [r.upperCols, r.lowerCols, r.newCols, r.reducedCols])];
  return [data.monomials.buffer as ArrayBuffer, ...packed.flatMap((p) => [p.data.buffer as ArrayBuffer, p.offsets.buffer as ArrayBuffer])];
}

/**
 * The trace of `traceToData`, for replays in rings with its variables and order (`ring`: any of
 * them, over any field): the monomials are interned again in id order, so every id keeps its meaning.
 */
export function traceFromData(data: F4TraceData, ring: PolynomialRing<unknown>): F4Trace {
  if (ring.nvars !== data.nvars || orderToString(ring.order) !== data.order) {
    throw new InputError(`f4 trace: learned in ${data.nvars} variables (${data.order}), not in the ring's ${ring.nvars} (${orderToString(ring.order)})`);
  }
  const { monomials, inputMonos, rounds, final, ...rest } = data;
  const stride = data.nvars + 1;
  const size = monomials.length / stride;
  const table = new MonomialTable(data.nvars, ring.order, ring.cmp, Math.max(16, size));
  for (let id = 0; id < size; id++) {
    table.tmp.set(monomials.subarray(id * stride, (id + 1) * stride));
    if (table.internTmp() !== id) throw new InputError('f4 trace: its monomials are not distinct');
  }
  return {
    ...rest,
    table,
    inputMonos: unpackRows(inputMonos),
    rounds: rounds.map((r) => ({ ...r, upperCols: unpackRows(r.upperCols), lowerCols: unpackRows(r.lowerCols), newCols: unpackRows(r.newCols), reducedCols: unpackRows(r.reducedCols) })),
    final: { ...final, upperCols: unpackRows(final.upperCols) },
  };
}

/**
 * Replays `trace` on `polys` (the learned system reduced modulo another prime). Returns the
 * reduced Gröbner basis sorted by lm increasing, or undefined when the prime is unlucky.
 */
export function applyTrace(trace: F4Trace, polys: readonly Polynomial<number>[], options: F4Options = {}): Polynomial<number>[] | undefined {
  const replayed = replayRows(trace, polys, options);
  return replayed && replayedPolynomials(polys[0]?.ring, replayed);
}

/** The polynomials of a replay's rows, in `ring` (the ring of the replay's inputs). */
export function replayedPolynomials(ring: PolynomialRing<number>, replayed: ReplayedRows): Polynomial<number>[] {
  return replayed.rows.map((row) => rowToPolynomial(ring, replayed.table, replayed.columns, row));
}

/**
 * A replay's reduced basis before it becomes polynomials: element i is `rows[i]`, its monomials
 * `table.monomial(columns[rows[i].cols[k]])` (the shared Monomial arrays of the trace's table) and
 * its coefficients `rows[i].coeffs`, in the order of `applyTrace`'s output.
 */
export interface ReplayedRows {
  readonly table: MonomialTable;
  readonly columns: Int32Array;
  readonly rows: readonly { cols: Int32Array; coeffs: Int32Array }[];
}

/**
 * Where each input's terms go on its learned support, per trace and input, with the monomial
 * array it was found for: images of one input modulo successive primes that share that array
 * (`poly/reduction-mod-p.ts`) are aligned without hashing a monomial. On the 2-2-2-1 network with
 * biases and one λ, whose bases take whole bases as inputs, the lookups were a fifth of the
 * replays' time (0.46 of 2.2 s).
 */
const inputAlignments = new WeakMap<F4Trace, ({ monomials: readonly Monomial[]; positions: Int32Array } | undefined)[]>();

/** `applyTrace` without the polynomials: the reduced rows, or undefined when the prime is unlucky. */
export function replayRows(trace: F4Trace, polys: readonly Polynomial<number>[], options: F4Options = {}): ReplayedRows | undefined {
  if (polys.length !== trace.ninputs) {
    throw new InputError(`f4Apply: the trace was learned on ${trace.ninputs} polynomials, got ${polys.length}`);
  }
  const { ring, p } = checkInput(polys, 'f4Apply');
  if (ring === undefined) return { table: trace.table, columns: new Int32Array(0), rows: [] };
  if (ring.nvars !== trace.nvars || orderToString(ring.order) !== trace.order) {
    throw new InputError(`f4Apply: the ring ${ring} is not the one the trace was learned in`);
  }
  const table = trace.table;
  const deadline: Deadline | undefined = options.deadline;

  // Inputs, aligned on the learned supports.
  let alignments = inputAlignments.get(trace);
  if (alignments === undefined) inputAlignments.set(trace, (alignments = []));
  const coeffs: Int32Array[] = [];
  for (let k = 0; k < trace.inputSrc.length; k++) {
    const f = polys[trace.inputSrc[k]];
    const learned = trace.inputMonos[k];
    let alignment = alignments[k];
    if (alignment === undefined || alignment.monomials !== f.monomials) {
      if (f.isZero() || table.find(f.monomials[0]) !== learned[0]) return undefined;
      const positions = new Int32Array(f.length);
      let j = 0;
      for (let i = 0; i < f.length; i++) {
        const id = table.find(f.monomials[i]);
        while (j < learned.length && learned[j] !== id) j++;
        if (j === learned.length) return undefined;
        positions[i] = j;
      }
      alignments[k] = alignment = { monomials: f.monomials, positions };
    }
    const { positions } = alignment;
    const c = new Int32Array(learned.length);
    const inv = invMod(f.coefficients[0], p);
    for (let i = 0; i < f.length; i++) c[positions[i]] = (f.coefficients[i] * inv) % p;
    coeffs.push(c);
  }
  // Zero inputs in learning must be zero here too (others were skipped there).
  const used = new Set(trace.inputSrc);
  for (let i = 0; i < polys.length; i++) if (!used.has(i) && !polys[i].isZero()) return undefined;

  for (let r = 0; r < trace.rounds.length; r++) {
    deadline?.check();
    const round = trace.rounds[r];
    if (round.lowerCols.length === 0) continue; // every row reduced to zero when learning
    const red = new RowReducer(round.ncols, p, deadline);
    for (let i = 0; i < round.upperCols.length; i++) red.setPivot(round.upperCols[i], coeffs[round.upperPoly[i]]);
    // The lower rows four at a time: one pass over the pivots for four rows (see `loadLanes`).
    const nlower = round.lowerCols.length;
    for (let i0 = 0; i0 < nlower; i0 += 4) {
      const i1 = Math.min(nlower, i0 + 4);
      const laneCoeffs: Int32Array[] = [];
      for (let i = i0; i < i1; i++) laneCoeffs.push(coeffs[round.lowerPoly[i]]);
      red.loadLanes(round.lowerCols.slice(i0, i1), laneCoeffs);
      for (let i = i0; i < i1; i++) {
        const n = red.finishLane(i - i0);
        const support = round.newCols[i];
        const c = red.extractOn(n, support);
        if (c === undefined) return undefined;
        red.setPivot(support, c);
        coeffs[round.newIndex[i]] = c;
      }
    }
    // The new rows in reduced echelon form, on the learned supports.
    if (round.reducedCols.length > 0) {
      const reduced = reduceTails(red, Array.from(round.newCols, (cols, i) => ({ cols, coeffs: coeffs[round.newIndex[i]] })));
      if (reduced === undefined) return undefined;
      for (let i = 0; i < reduced.length; i++) {
        const learned = round.reducedCols[i];
        const { cols, coeffs: c } = reduced[i];
        if (cols.length !== learned.length || cols.some((x, j) => x !== learned[j])) return undefined;
        coeffs[round.newIndex[i]] = c;
      }
    }
    options.onProgress?.(
      f4RoundInfo({
        round: r + 1,
        degree: round.degree,
        pairs: 0,
        basisSize: coeffs.length,
        matrixRows: round.upperCols.length + round.lowerCols.length,
        matrixCols: round.ncols,
      }),
    );
  }

  const fin = trace.final;
  const red = new RowReducer(fin.ncols, p);
  for (let i = 0; i < fin.upperCols.length; i++) red.setPivot(fin.upperCols[i], coeffs[fin.upperPoly[i]]);
  const rows = Array.from(fin.outputRows, (row) => ({ cols: fin.upperCols[row], coeffs: coeffs[fin.upperPoly[row]] }));
  const reduced = reduceTails(red, rows);
  return reduced && { table, columns: fin.columns, rows: reduced };
}

/** A sparse row over the matrix columns `columns` (monomial ids) as a Polynomial. */
export function rowToPolynomial(
  ring: PolynomialRing<number>,
  table: MonomialTable,
  columns: Int32Array,
  row: { cols: Int32Array; coeffs: Int32Array },
): Polynomial<number> {
  const n = row.cols.length;
  const ms: Monomial[] = new Array(n);
  const cs: number[] = new Array(n);
  for (let i = 0; i < n; i++) {
    ms[i] = table.monomial(columns[row.cols[i]]);
    cs[i] = row.coeffs[i];
  }
  return new Polynomial(ring, ms, cs);
}
