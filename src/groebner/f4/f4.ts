/**
 * The F4 main loop over Z/p (Faugère, "A new efficient algorithm for computing Gröbner bases
 * (F4)", JPAA 139, 1999), optionally recording a trace for replays with other primes.
 *
 * The loop reads like the algorithm: the inputs (made monic, sorted by lm increasing) enter the
 * basis through the Gebauer–Möller update (many inputs: each as a pair of its own, reduced first,
 * `INPUTS_AS_PAIRS`); then, while critical pairs remain, select pairs by
 * the normal strategy: all pairs of minimal lcm degree for degree-compatible orders, all pairs of
 * minimal sugar degree for elimination orders (`sugarSelects`), and for lex, weighted and other
 * block orders all pairs with the smallest lcm in the order, which keeps the intermediate
 * degrees of lex computations from exploding as they do with degree or sugar batches; build
 * the matrix by symbolic preprocessing, reduce its new rows against the pivots and among
 * themselves, and add the non-zero results (their leading monomials are new) to the basis with the
 * update. At the end the minimal basis is interreduced with one more F4-style matrix. All
 * monomials are hashtable ids; all coefficients are residues in Int32Arrays.
 */
import { Deadline, InputError, MemoryBudget, memoryBudgetOf } from '../../errors';
import { ControlOptions, f4RoundInfo } from '../../control';
import { MonomialOrder, isDegreeCompatible, orderToString } from '../../monomials/order';
import { Polynomial, PolynomialRing } from '../../poly/polynomial';
import { Basis } from './basis';
import { checkInput, internPolynomial } from './convert';
import { MonomialTable } from './hashtable';
import { Rng, RowReducer, reduceRows, reduceTails } from './matrix/linear-algebra';
import { BLOCK, reduceRandomized, reduceSkippingZeroBlocks } from './matrix/random-combinations';
import { PairSet, SelectedPairs, updatePairs } from './pairs';
import { addPairRows, addRow, assignColumns, checkMatrixBudget, newMatrix, symbolicPreprocessing } from './symbolic-preprocessing';
import { F4Trace, TraceFinal, TraceRound, neededUpperRows, rowToPolynomial } from './trace';

/**
 * Options of f4, f4Learn and f4Apply: `timeout`, `signal` and `deadline` are checked once per
 * round and, inside a round, as the matrix is assembled and its rows reduced; the deadline's
 * memory budget (default half the heap limit) as matrices and the monomial table grow;
 * `onProgress` hears each round (`kind: 'f4-round'`).
 */
export interface F4Options extends ControlOptions {
  /**
   * How the new rows of a matrix are reduced over primes p > 2^16 (smaller primes are always
   * deterministic). 'auto' (default): in the rounds that follow a round where at most half of the
   * rows were useful, random linear combinations test blocks of rows for zero (a block is skipped
   * after two combinations in a row reduce to zero, so a missed row has probability below 1/p² per
   * block) and the rows of a block that is not zero are reduced one by one, so the new pivots are
   * rows of the matrix. 'randomized' (f4 only): in every round the non-zero combinations themselves
   * become the new pivots (Demin–Gowda, Groebner.jl); same error bound, but a combination is as
   * dense as its block's rows together. Until December 2026 that was f4's default in the rounds
   * after one where at most 17% of the rows were useful; the pivots' fill-in made whole runs slower
   * than testing blocks (per process, that default against today's: a 2-2-1 network with
   * activation z + z³/3 and weight decay 1.9×, katsura-10 1.2×, katsura-9, noon-8 and eco-11
   * about 1.07×, cyclic-7 0.95×). 'deterministic': every row. f4Learn records actual rows for its
   * trace, so it takes 'randomized' as 'auto'.
   */
  linalg?: 'auto' | 'randomized' | 'deterministic';
  /**
   * How pairs are selected under orders that are not degree-compatible: 'auto' (default) by sugar
   * degree under elimination orders (`sugarSelects`) and one smallest lcm per round otherwise;
   * 'smallest-lcm' one smallest lcm per round under every such order (the rule before sugar, kept
   * for comparison: bench/elimination.ts). The basis is the same either way.
   */
  selection?: 'auto' | 'smallest-lcm';
  /**
   * The number k of leading inputs that already form a Gröbner basis of the ideal they generate,
   * under this order (a basis computed before, to which the other inputs add): F4 forms no critical
   * pair among them, only pairs with the other inputs and what those give. Those pairs would all
   * reduce to zero; on the pieces of a decomposition, where a basis of 1,200–1,400 elements gains
   * one or two polynomials, forming and reducing them was most of the run. A promise, not checked:
   * when the first k inputs are not a Gröbner basis, the result need not be one. Default 0.
   */
  knownBasis?: number;
}

/** Statistics of a run. */
export interface F4Stats {
  rounds: number;
  maxMatrixRows: number;
  maxMatrixCols: number;
  pairsReduced: number;
  basisSizeMax: number;
}

/** The result of a learning run. */
export interface F4Result {
  basis: Polynomial<number>[];
  stats: F4Stats;
  trace: F4Trace | undefined;
}

/**
 * Whether pairs are selected by sugar degree (Giovini–Mora–Niesi–Robbiano–Traverso, "One sugar
 * cube, please", ISSAC 1991) rather than one smallest lcm per round: for block orders of at most
 * three blocks, each degree-compatible or of one variable — the elimination orders of the
 * decomposition and of saturations. Their rounds then batch every pair of one sugar degree, and
 * share the reducers that one-lcm rounds multiplied out again and again. Measured on
 * positive-dimensional systems (katsura-4/5, cyclic-5/6, noon-4/5, eco-6/7 less their last
 * equation) under block orders of two and three blocks: cyclic-6 block(3, 3) 2.33 → 0.15 s,
 * noon-5 block(1, 1, 3) 21.6 → 1.27 s, katsura-5 block(3, 3) over 60 s → 0.86 s, cyclic-6
 * block(2, 2, 2) over 30 s → 0.20 s, the rest level or faster (a few ran past 30 s either way). On the network 2-2-2-1 with
 * biases and one λ, whose saturations and block bases took 20,000 one-lcm rounds, the
 * decomposition went from 24.1 to 21.1 s. Lex (n blocks of one) keeps one lcm per round:
 * with sugar, katsura-4 less its last equation took 49 s instead of 5.8, and a four-block order
 * ending in blocks of one variable (2, 1, 1, 1) ran out of matrix budget.
 */
export function sugarSelects(order: MonomialOrder): boolean {
  if (order.kind !== 'block' || order.blocks.length > 3) return false;
  return order.blocks.every((b) => b.size === 1 || isDegreeCompatible(b.order));
}

/**
 * From this many inputs (besides a known basis) each input enters as a pair of its own, (k, k):
 * its row is reduced in the round of its degree, and only what is left of it joins the basis,
 * through the update (msolve's way). Entering every input through the Gebauer–Möller update forms
 * and sifts the pairs among all of them first: on the fibres of a network's component, whose
 * hundreds of inputs (a basis with values substituted) reduce to a few dozen elements, that
 * update was most of the learning run.
 */
export const INPUTS_AS_PAIRS = 64;

/** `F4Options.knownBasis`, checked: an integer from 0 to the number of inputs. */
function knownBasisCount(k: number | undefined, inputs: number): number {
  if (k === undefined) return 0;
  if (!Number.isInteger(k) || k < 0 || k > inputs) throw new InputError(`F4: knownBasis must be an integer from 0 to the number of polynomials (${inputs}), got ${String(k)}`);
  return k;
}

/**
 * Element k of a known Gröbner basis has entered after those from `from` on, which have smaller or
 * equal leading monomials (the inputs enter by leading monomial increasing): it is redundant when
 * the leading monomial of one of them divides its own, as the update would have found.
 */
function markRedundantAmong(basis: Basis, from: number, k: number): void {
  const table = basis.table;
  const lk = basis.lead[k];
  for (let i = from; i < k; i++) {
    if (basis.redundant[i] === 0 && table.divides(basis.lead[i], lk)) {
      basis.markRedundant(k);
      return;
    }
  }
}

/** Does the tail of some row hold the leading column of another (rows over `ncols` columns)? */
function leadsInTails(rows: readonly { cols: Int32Array }[], ncols: number): boolean {
  if (rows.length < 2) return false;
  const lead = new Uint8Array(ncols);
  for (const { cols } of rows) lead[cols[0]] = 1;
  for (const { cols } of rows) for (let i = 1; i < cols.length; i++) if (lead[cols[i]] === 1) return true;
  return false;
}

/**
 * One run of the F4 loop, round by round (`round`, while `done` is false), then the final
 * interreduction (`result`). A time limit that stops a round puts the round's pairs back: the
 * basis, the pairs and the trace change only once a round's rows are reduced, so the run can go
 * on later from the round it was in (`f4LearnResumable`; the decomposition's race for an
 * independent set gives each candidate's learning run a slice of time at a time). Monomials the
 * stopped round interned stay in the table; the basis modulo p is the same (it is unique).
 */
export class F4Run {
  readonly stats: F4Stats = { rounds: 0, maxMatrixRows: 0, maxMatrixCols: 0, pairsReduced: 0, basisSizeMax: 0 };
  private readonly ring: PolynomialRing<number> | undefined;
  private readonly p: number;
  private readonly table: MonomialTable;
  /** The monomials of the round's matrix (emptied for each matrix; see symbolic-preprocessing.ts). */
  private readonly matrixMonomials: MonomialTable;
  private readonly budget: MemoryBudget;
  private readonly basis: Basis;
  private readonly pairs = new PairSet();
  private readonly degreeCompatible: boolean;
  private readonly byDegree: boolean;
  private readonly rounds: TraceRound[] = [];
  private readonly randomized: boolean;
  private readonly skipZeroBlocks: boolean;
  private readonly rng = new Rng();
  private readonly entering: { src: number; monos: Int32Array }[] = [];
  private usefulRatio = 1;
  private unit = false;

  constructor(
    private readonly polys: readonly Polynomial<number>[],
    private readonly options: F4Options,
    private readonly learn: boolean,
    what: string,
  ) {
    const { ring, p } = checkInput(polys, what);
    this.ring = ring;
    this.p = p;
    const order = ring?.order ?? { kind: 'degrevlex' };
    this.budget = memoryBudgetOf(options.deadline);
    const newTable = (): MonomialTable => {
      const table = ring ? new MonomialTable(ring.nvars, ring.order, ring.cmp) : new MonomialTable(0, order, () => 0, 16);
      table.budget = this.budget;
      return table;
    };
    this.table = newTable();
    this.matrixMonomials = newTable();
    this.basis = new Basis(this.table);
    this.degreeCompatible = isDegreeCompatible(order);
    this.byDegree = this.degreeCompatible || (options.selection !== 'smallest-lcm' && sugarSelects(order));
    this.randomized = !learn && options.linalg === 'randomized' && p > RANDOMIZED_MIN_PRIME;
    this.skipZeroBlocks = !this.randomized && options.linalg !== 'deterministic' && p > RANDOMIZED_MIN_PRIME;
    if (ring === undefined) return;
    const { table, basis, pairs } = this;

    // Inputs: monic, sorted by leading monomial increasing, through the update (or, from
    // INPUTS_AS_PAIRS of them on, each as a pair of its own, reduced in the round of its degree).
    const inputs: { src: number; monos: Int32Array; coeffs: Int32Array }[] = [];
    polys.forEach((f, src) => {
      if (!f.isZero()) inputs.push({ src, ...internPolynomial(table, f, p) });
    });
    inputs.sort((x, y) => table.cmp(x.monos[0], y.monos[0]) || x.src - y.src);
    // A known Gröbner basis enters first and forms no pairs among itself (its S-polynomials reduce
    // to zero); an element whose leading monomial another's divides is redundant, as the update
    // would have found. The other inputs then enter through the update, pairing with all of it.
    // The basis numbers the inputs in the order they enter (the trace's `inputSrc`).
    const known = knownBasisCount(options.knownBasis, polys.length);
    const entering = known > 0 ? [...inputs.filter((x) => x.src < known), ...inputs.filter((x) => x.src >= known)] : inputs;
    const firstEntered = basis.size;
    const asPairs = entering.length - known >= INPUTS_AS_PAIRS;
    for (const inp of entering) {
      const sugar = totalDegree(table, inp.monos);
      const leadDegree = table.degree(inp.monos[0]);
      const k = basis.add(inp.monos, inp.coeffs, sugar);
      if (inp.src < known) markRedundantAmong(basis, firstEntered, k);
      else if (asPairs && leadDegree > 0) {
        // Reduced as a row of the round of its degree, it joins the basis (as a new element) only
        // if something of it is left: no pair is formed for it before.
        basis.markRedundant(k);
        pairs.push(k, k, inp.monos[0], this.degreeCompatible ? leadDegree : sugar);
      } else updatePairs(pairs, basis, k, this.degreeCompatible);
      if (leadDegree === 0) this.unit = true;
      this.entering.push(inp);
    }
    if (this.unit) pairs.size = 0;
  }

  /** True when no critical pair is left: `result` is the reduced basis. */
  get done(): boolean {
    return this.pairs.size === 0;
  }

  /**
   * One round: the pairs of least degree (degree orders) or sugar (elimination orders), or of least
   * lcm (the others), reduced in one matrix (the normal strategy). `deadline` (the run's own, or
   * one for this slice of a resumable run) is checked as the matrix is built and reduced; when it
   * stops the round, the pairs go back.
   */
  round(deadline: Deadline | undefined): void {
    deadline?.check();
    const { table, basis, pairs } = this;
    const sel = this.byDegree ? pairs.takeDegree(pairs.minDegree()) : pairs.takeSmallestLcm(table);
    let reduced: ReturnType<F4Run['reduce']>;
    try {
      reduced = this.reduce(sel, deadline);
    } catch (e) {
      pairs.putBack(sel);
      throw e;
    }
    const { found, columns, ncols, nrows, learned } = reduced;
    const monomials = this.matrixMonomials;
    const d = sel.degree;
    this.stats.pairsReduced += sel.lcm.length;

    // New basis elements, by leading monomial increasing (largest column index first).
    const byLead = found.map((_, t) => t).sort((x, y) => found[y].cols[0] - found[x].cols[0]);
    const newIndex = new Int32Array(found.length);
    for (const t of byLead) {
      const { cols, coeffs } = found[t];
      const monos = new Int32Array(cols.length);
      for (let i = 0; i < cols.length; i++) monos[i] = table.internFrom(monomials, columns[cols[i]]);
      const sugar = this.degreeCompatible ? table.degree(monos[0]) : Math.max(d, totalDegree(table, monos));
      const k = basis.add(monos, coeffs, sugar);
      newIndex[t] = k;
      updatePairs(pairs, basis, k, this.degreeCompatible);
      if (table.degree(monos[0]) === 0) this.unit = true;
    }
    if (this.unit) pairs.size = 0;
    const stats = this.stats;
    stats.rounds++;
    stats.maxMatrixRows = Math.max(stats.maxMatrixRows, nrows);
    stats.maxMatrixCols = Math.max(stats.maxMatrixCols, ncols);
    stats.basisSizeMax = Math.max(stats.basisSizeMax, basis.size);
    if (learned) this.rounds.push({ ...learned, degree: d, newIndex });
    this.options.onProgress?.(f4RoundInfo({ round: stats.rounds, degree: d, pairs: sel.lcm.length, basisSize: basis.size, matrixRows: nrows, matrixCols: ncols }));
  }

  /** The matrix of the selected pairs, reduced: the new rows (reduced echelon form) and, when learning, what the trace keeps. */
  private reduce(sel: SelectedPairs, deadline: Deadline | undefined) {
    const { basis, p, budget } = this;
    const matrix = newMatrix(this.matrixMonomials, budget, deadline);
    addPairRows(matrix, basis, sel.a, sel.b, sel.lcm);
    symbolicPreprocessing(matrix, basis);
    checkMatrixBudget(matrix);
    const columns = assignColumns(matrix);
    const ncols = columns.length;
    const { upper, lower } = matrix;

    const red = new RowReducer(ncols, p, deadline);
    for (let i = 0; i < upper.cols.length; i++) red.setPivot(upper.cols[i], basis.coeffs[upper.poly[i]]);
    // Lower rows by pivot column, then sparsest first.
    const order = lower.cols.map((_, i) => i);
    order.sort((x, y) => lower.cols[x][0] - lower.cols[y][0] || lower.cols[x].length - lower.cols[y].length);
    const usefulRows: number[] = [];
    const found: { cols: Int32Array; coeffs: Int32Array }[] = [];
    // Random combinations pay off when most rows reduce to zero: decide from the previous round.
    if (this.randomized && order.length > 2) {
      reduceRandomized(red, order, lower.cols, lower.poly.map((k) => basis.coeffs[k]), this.rng, found);
    } else if (this.skipZeroBlocks && order.length > BLOCK && this.usefulRatio <= SKIP_ZERO_MAX_USEFUL) {
      reduceSkippingZeroBlocks(red, order, lower.cols, lower.poly.map((k) => basis.coeffs[k]), this.rng, usefulRows, found);
    } else {
      reduceRows(red, order, lower.cols, lower.poly.map((k) => basis.coeffs[k]), usefulRows, found);
    }

    // The new rows in reduced echelon form: a row's tail may hold the leading monomial of a row
    // found after it. Left there, those terms are carried into every later multiple of the
    // element, and symbolic preprocessing pulls in reducers for them round after round (on the
    // 2-2-1 network with biases and activation z − z³/3, 3.5 times the rows of msolve's by the end).
    const learnedSupports = found.map((r) => r.cols);
    const interreduced = leadsInTails(found, ncols) ? reduceTails(red, found) : undefined;
    if (interreduced) for (let t = 0; t < found.length; t++) found[t] = interreduced[t];
    if (order.length > 0) this.usefulRatio = found.length / order.length;
    const nrows = upper.cols.length + lower.cols.length;
    let learned: Omit<TraceRound, 'degree' | 'newIndex'> | undefined;
    if (this.learn) {
      const lowerCols = usefulRows.map((i) => lower.cols[i]);
      const needed = neededUpperRows(ncols, upper.cols, lowerCols);
      learned = {
        ncols,
        upperPoly: Int32Array.from(needed, (i) => upper.poly[i]),
        upperCols: needed.map((i) => upper.cols[i]),
        lowerPoly: Int32Array.from(usefulRows, (i) => lower.poly[i]),
        lowerCols,
        newCols: learnedSupports,
        reducedCols: interreduced ? found.map((r) => r.cols) : [],
      };
    }
    return { found, columns, ncols, nrows, learned };
  }

  /** The reduced basis once `done` (and the trace, when learning). */
  result(): F4Result {
    const { ring, basis, p, stats } = this;
    if (!this.done) throw new Error('internal error: F4 result asked for before its last round');
    if (ring === undefined) return { basis: [], stats, trace: this.learn ? emptyTrace(this.polys.length) : undefined };
    const { polys: out, final } = interreduce(ring, basis, this.matrixMonomials, p);
    let trace: F4Trace | undefined;
    if (this.learn) {
      trace = {
        nvars: ring.nvars,
        order: orderToString(ring.order),
        ninputs: this.polys.length,
        table: this.table,
        inputSrc: Int32Array.from(this.entering, (x) => x.src),
        inputMonos: this.entering.map((x) => x.monos),
        rounds: this.rounds,
        final,
        maxMatrixRows: stats.maxMatrixRows,
        maxMatrixCols: stats.maxMatrixCols,
      };
    }
    return { basis: out, stats, trace };
  }
}

/** Runs F4 on the polynomials; records a trace when `learn` is set. */
export function runF4(polys: readonly Polynomial<number>[], options: F4Options, learn: boolean, what: string): F4Result {
  const run = new F4Run(polys, options, learn, what);
  while (!run.done) run.round(options.deadline);
  return run.result();
}

/** The tail-reduced rows of `elements` (each keeps its leading monomial) and the matrix used. */
interface TailReduction {
  /** Monomial ids of the columns, in the basis' table. */
  columns: Int32Array;
  upperPoly: Int32Array;
  upperCols: Int32Array[];
  rows: { cols: Int32Array; coeffs: Int32Array }[];
}

/**
 * Reduces the tails of the basis elements `elements` (distinct leading monomials) by the active
 * basis with one F4-style matrix: the elements are the pivots of their leading monomials, every
 * other monomial divisible by a leading monomial gets a reducer row, and each element's row is
 * reduced left to right from the column after its pivot.
 */
function reduceFinalTails(basis: Basis, monomials: MonomialTable, p: number, elements: readonly number[]): TailReduction {
  const table = basis.table;
  const one = table.intern(new Array<number>(table.nvars + 1).fill(0));
  const matrix = newMatrix(monomials, table.budget);
  for (const k of elements) addRow(matrix, basis, one, k, true);
  symbolicPreprocessing(matrix, basis);
  const columns = assignColumns(matrix).map((id) => table.internFrom(monomials, id));
  const upper = matrix.upper;
  const red = new RowReducer(columns.length, p);
  for (let i = 0; i < upper.cols.length; i++) red.setPivot(upper.cols[i], basis.coeffs[upper.poly[i]]);
  const rows = reduceTails(red, elements.map((k, t) => ({ cols: upper.cols[t], coeffs: basis.coeffs[k] })));
  if (!rows) throw new Error('internal error: a basis element is not monic');
  return { columns, upperPoly: Int32Array.from(upper.poly), upperCols: upper.cols, rows };
}

/** The minimal basis: active elements whose leading monomial no other one divides (equal: the latest). */
function minimalElements(basis: Basis): number[] {
  const table = basis.table;
  const act = basis.active;
  const gmin: number[] = [];
  for (let s = 0; s < act.length; s++) {
    const k = act[s];
    let keep = true;
    for (let t = 0; t < act.length && keep; t++) {
      if (t === s) continue;
      const lj = basis.lead[act[t]];
      const lk = basis.lead[k];
      if (lj === lk ? t > s : table.divides(lj, lk)) keep = false;
    }
    if (keep) gmin.push(k);
  }
  gmin.sort((x, y) => table.cmp(basis.lead[x], basis.lead[y]));
  return gmin;
}

/** The reduced basis from the final basis: the minimal elements with their tails reduced. */
function interreduce(ring: PolynomialRing<number>, basis: Basis, monomials: MonomialTable, p: number): { polys: Polynomial<number>[]; final: TraceFinal } {
  const table = basis.table;
  const gmin = minimalElements(basis);
  const tr = reduceFinalTails(basis, monomials, p, gmin);
  const polys = tr.rows.map((row) => rowToPolynomial(ring, table, tr.columns, row));
  const final: TraceFinal = {
    ncols: tr.columns.length,
    columns: tr.columns,
    upperPoly: tr.upperPoly,
    upperCols: tr.upperCols,
    outputRows: Int32Array.from(gmin, (_, t) => t),
    outputLength: Int32Array.from(tr.rows, (r) => r.cols.length),
  };
  return { polys, final };
}

/** Primes below this bound always use deterministic reduction (the error bounds are 1/p²). */
const RANDOMIZED_MIN_PRIME = 2 ** 16;
/** Otherwise blocks are tested for zero when at most this share of the previous round's rows was useful. */
const SKIP_ZERO_MAX_USEFUL = 0.5;

function totalDegree(table: MonomialTable, monos: Int32Array): number {
  let d = 0;
  for (let i = 0; i < monos.length; i++) d = Math.max(d, table.degree(monos[i]));
  return d;
}

function emptyTrace(ninputs: number): F4Trace {
  const table = new MonomialTable(0, { kind: 'degrevlex' }, () => 0, 16);
  return {
    nvars: -1,
    order: '',
    ninputs,
    table,
    inputSrc: new Int32Array(0),
    inputMonos: [],
    rounds: [],
    final: { ncols: 0, columns: new Int32Array(0), upperPoly: new Int32Array(0), upperCols: [], outputRows: new Int32Array(0), outputLength: new Int32Array(0) },
    maxMatrixRows: 0,
    maxMatrixCols: 0,
  };
}
