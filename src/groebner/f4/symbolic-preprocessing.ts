/**
 * Symbolic preprocessing of F4: from the selected critical pairs to the rows and columns of the
 * Macaulay-like matrix of one round.
 *
 * A row is `mult · g_poly` for a multiplier monomial id and a basis index; its monomials are the
 * products `mult · m` (ids), later replaced in place by column indices. Rows come in two kinds:
 * the *upper* (pivot) rows, whose leading monomials are pairwise distinct and cover every monomial
 * of the matrix that is divisible by a leading monomial of the basis, and the *lower* rows, the
 * new S-polynomial halves to be reduced. For each distinct lcm among the selected pairs, one of
 * the polynomials involved (the one with the fewest terms) gives the upper row for that lcm, the
 * others give lower rows; then every monomial still without a pivot gets a reducer
 * (Faugère 1999, §2.3, SymbolicPreprocessing). Columns are all monomials of the rows sorted
 * decreasing in the ring order, so every row has its leading monomial in its first (smallest)
 * column index and a pivot row only reaches columns to the right of its pivot: one left-to-right
 * pass of the dense accumulator reduces a row completely (this is the "A|B over C|D" layout with
 * the pivot columns interleaved instead of moved to the left).
 *
 * The monomials of the matrix live in a table of their own (the round's table, emptied for each
 * matrix: see hashtable.ts), so its ids 0, 1, … are the columns in the order they were met, and
 * the run's table receives only the multipliers and, once reduced, the new basis elements'
 * monomials. The round table's `label` holds PIVOT/NO_PIVOT during preprocessing and the column
 * index afterwards.
 *
 * Rows are views into chunks of one pool per matrix (`ROW_POOL_INTS` entries each), not arrays
 * of their own: a typed array costs V8 about as much to create as a view, and allocating one per
 * row (282,000 rows in noon-8's learning run) took about a tenth of the run.
 *
 * Memory: the matrix counts its entries as rows are added and refuses one past the memory budget
 * (`matrixBytes`: per entry the row's column index, the SIMD kernel's copy of a pivot row and the
 * reduced row's share; per column the reducer's dense arrays), before the row is stored. The test
 * is one addition and one comparison per row.
 */
import { Deadline, MemoryBudget } from '../../errors';
import { Basis } from './basis';
import { MonomialTable } from './hashtable';
import { sortDecreasing } from './sort-columns';

/** Bytes an F4 matrix takes per entry and per column, for the memory budget (see the header). */
const ENTRY_BYTES = 16;
const COLUMN_BYTES = 72;

/** The estimated bytes of an F4 matrix with this many entries and columns. */
export function matrixBytes(entries: number, ncols: number): number {
  return ENTRY_BYTES * entries + COLUMN_BYTES * ncols;
}

const NO_PIVOT = -1;
const PIVOT = -2;

/** Rows of one kind: parallel lists of multiplier, basis index and monomials (then columns). */
export interface Rows {
  mult: number[];
  poly: number[];
  cols: Int32Array[];
}

/** The matrix of one round while it is being assembled. */
export interface SymbolicMatrix {
  /** The matrix's monomials: ids 0 … size − 1 of this table are its columns, in the order met. */
  readonly monomials: MonomialTable;
  readonly upper: Rows;
  readonly lower: Rows;
  /** Entries of all rows so far. */
  entries: number;
  readonly budget: MemoryBudget | undefined;
  /** Checked every `DEADLINE_COLUMNS` columns of the symbolic preprocessing. */
  readonly deadline?: Deadline;
  /** Entries past which the budget is checked (Infinity without a budget). */
  readonly maxEntries: number;
  /** The chunk rows are taken from, and the next free entry in it. */
  pool: Int32Array;
  poolUsed: number;
}

/**
 * Entries of the first chunk of a matrix's row pool and of its largest ones: each chunk is twice
 * its predecessor up to the largest (rows longer than that get a chunk of their own), so a small
 * matrix does not pay for zeroing a large chunk it barely uses (every round of a small system's
 * run did: a tenth of its time, in takeRow and the collector).
 */
const FIRST_POOL_INTS = 1 << 10;
const ROW_POOL_INTS = 1 << 16;

/**
 * A fresh empty matrix whose monomials go to `monomials` (a round's table of the basis' ring,
 * emptied here); rows past `budget` are refused (a MemoryLimitError).
 */
export function newMatrix(monomials: MonomialTable, budget?: MemoryBudget, deadline?: Deadline): SymbolicMatrix {
  monomials.clear();
  return {
    monomials,
    upper: { mult: [], poly: [], cols: [] },
    lower: { mult: [], poly: [], cols: [] },
    entries: 0,
    budget,
    deadline,
    maxEntries: budget ? budget.items(ENTRY_BYTES) : Infinity,
    pool: EMPTY_POOL,
    poolUsed: 0,
  };
}

/** Throws a MemoryLimitError when the matrix (its entries and columns) is past its budget. */
export function checkMatrixBudget(matrix: SymbolicMatrix): void {
  const ncols = matrix.monomials.size;
  matrix.budget?.check(matrixBytes(matrix.entries, ncols), () => {
    const rows = matrix.upper.cols.length + matrix.lower.cols.length;
    return `an F4 matrix of ${rows.toLocaleString('en-US')} rows × ${ncols.toLocaleString('en-US')} columns (${matrix.entries.toLocaleString('en-US')} entries)`;
  });
}

const EMPTY_POOL = new Int32Array(0);

/** A fresh row of n entries, a view into the matrix's pool. */
function takeRow(matrix: SymbolicMatrix, n: number): Int32Array {
  if (matrix.poolUsed + n > matrix.pool.length) {
    const size = Math.min(ROW_POOL_INTS, Math.max(FIRST_POOL_INTS, 2 * matrix.pool.length));
    matrix.pool = new Int32Array(Math.max(size, n));
    matrix.poolUsed = 0;
  }
  const row = matrix.pool.subarray(matrix.poolUsed, matrix.poolUsed + n);
  matrix.poolUsed += n;
  return row;
}

/**
 * Appends the row mult·g_k (upper when `pivot`; `mult` an id of the basis' table), registering its
 * monomials as columns.
 */
export function addRow(matrix: SymbolicMatrix, basis: Basis, mult: number, k: number, pivot: boolean): void {
  const table = basis.table;
  const monomials = matrix.monomials;
  const src = basis.monos[k];
  const n = src.length;
  if ((matrix.entries += n) > matrix.maxEntries) checkMatrixBudget(matrix);
  const ids = takeRow(matrix, n);
  const before = monomials.size;
  for (let i = 0; i < n; i++) ids[i] = monomials.productOf(table, mult, src[i]);
  // After the products: interning may have grown (reallocated) the scratch array.
  const label = monomials.label;
  for (let id = before; id < monomials.size; id++) label[id] = NO_PIVOT;
  if (pivot) label[ids[0]] = PIVOT;
  const rows = pivot ? matrix.upper : matrix.lower;
  rows.mult.push(mult);
  rows.poly.push(k);
  rows.cols.push(ids);
}

/**
 * The rows of the selected pairs (`a`, `b`, `lcm` sorted so equal lcms are adjacent): per lcm, the
 * shortest polynomial gives the pivot row and the other distinct polynomials give lower rows.
 */
export function addPairRows(matrix: SymbolicMatrix, basis: Basis, a: number[], b: number[], lcm: number[]): void {
  const table = basis.table;
  const group: number[] = [];
  let i = 0;
  while (i < lcm.length) {
    const l = lcm[i];
    group.length = 0;
    let j = i;
    for (; j < lcm.length && lcm[j] === l; j++) {
      // An input entering as a pair of its own (k, k) is a row to reduce, never a pivot.
      if (a[j] === b[j]) addRow(matrix, basis, table.div(l, basis.lead[a[j]]), a[j], false);
      else {
        if (!group.includes(a[j])) group.push(a[j]);
        if (!group.includes(b[j])) group.push(b[j]);
      }
    }
    i = j;
    if (group.length === 0) continue;
    let best = group[0];
    for (const k of group) {
      const lk = basis.monos[k].length;
      const lb = basis.monos[best].length;
      if (lk < lb || (lk === lb && k > best)) best = k;
    }
    addRow(matrix, basis, table.div(l, basis.lead[best]), best, true);
    for (const k of group) if (k !== best) addRow(matrix, basis, table.div(l, basis.lead[k]), k, false);
  }
}

/** Columns examined between two checks of the matrix's deadline. */
const DEADLINE_COLUMNS = 1024;

/** Adds a reducer row for every column monomial without a pivot that some leading monomial divides. */
export function symbolicPreprocessing(matrix: SymbolicMatrix, basis: Basis): void {
  const table = basis.table;
  const monomials = matrix.monomials;
  for (let m = 0; m < monomials.size; m++) {
    if (m % DEADLINE_COLUMNS === DEADLINE_COLUMNS - 1) matrix.deadline?.check();
    if (monomials.label[m] === PIVOT) continue;
    const k = basis.findReducer(m, monomials);
    if (k < 0) continue;
    addRow(matrix, basis, table.quotientOf(monomials, m, basis.lead[k]), k, true);
  }
}

/**
 * Sorts the columns decreasing in the ring order and rewrites every row's monomial ids as column
 * indices. Returns the columns as an Int32Array of monomial ids of the matrix's table.
 */
export function assignColumns(matrix: SymbolicMatrix): Int32Array {
  const monomials = matrix.monomials;
  const cols = Array.from({ length: monomials.size }, (_, id) => id);
  sortDecreasing(monomials, cols);
  const label = monomials.label;
  for (let c = 0; c < cols.length; c++) label[cols[c]] = c;
  for (const rows of [matrix.upper, matrix.lower]) {
    for (const r of rows.cols) for (let i = 0; i < r.length; i++) r[i] = label[r[i]];
  }
  return Int32Array.from(cols);
}
