/**
 * Sparse vectors modulo a prime p < 2^26 and a dense accumulator to sum them: positions in an
 * Int32Array, residues in a Float64Array (a product of two residues is below 2^52, exact in a
 * double). The accumulator holds a dense array over the positions met so far and the list of the
 * positions written, so a sum costs the entries added, and reading it back costs the positions
 * written, not the length. This is the sparse-row, dense-accumulator layout of sparse Gaussian
 * elimination (as in F4's reduction); the linear eliminant's FGLM-style bookkeeping uses it
 * (Maps per vector cost 29 s of a network's 115 s, most of it in allocation and collection).
 */

/** A sparse vector modulo p: its non-zero positions and their residues (in no particular order). */
export interface SparseVectorModP {
  readonly at: Int32Array;
  readonly values: Float64Array;
}

/** The vector with the single entry x at position c. */
export function unitVectorModP(c: number, x = 1): SparseVectorModP {
  return { at: Int32Array.of(c), values: Float64Array.of(x) };
}

/** A sum of sparse vectors modulo p, dense over the positions met so far; empty after `take`. */
export class DenseAccumulatorModP {
  private dense = new Float64Array(64);
  private marked = new Uint8Array(64);
  private touched: number[] = [];

  constructor(private readonly p: number) {}

  private reserve(position: number): void {
    let size = this.dense.length;
    while (size <= position) size *= 2;
    const dense = new Float64Array(size);
    dense.set(this.dense);
    const marked = new Uint8Array(size);
    marked.set(this.marked);
    this.dense = dense;
    this.marked = marked;
  }

  /** The residue at a position (0 where nothing was written). */
  get(position: number): number {
    return position < this.dense.length ? this.dense[position] : 0;
  }

  /** this += f·v, for a residue f. */
  addMultiple(v: SparseVectorModP, f: number): void {
    if (f === 0) return;
    const { at, values } = v;
    const p = this.p;
    for (let k = 0; k < at.length; k++) {
      const c = at[k];
      if (c >= this.dense.length) this.reserve(c);
      if (this.marked[c] === 0) {
        this.marked[c] = 1;
        this.touched.push(c);
      }
      this.dense[c] = (this.dense[c] + f * values[k]) % p;
    }
  }

  /**
   * The smallest position whose residue is not 0, or −1 when the sum is zero. As the pivot of a
   * row in an echelon form built row by row over positions numbered as they are met, it gave
   * less fill-in than the first position written (the linear eliminant: 6–20 % less time) and
   * far less than the largest (twice the time).
   */
  smallestNonZero(): number {
    let smallest = -1;
    for (const c of this.touched) if (this.dense[c] !== 0 && (smallest < 0 || c < smallest)) smallest = c;
    return smallest;
  }

  /** The sum as a sparse vector, each entry times `scale`, leaving the accumulator empty. */
  take(scale = 1): SparseVectorModP {
    let size = 0;
    for (const c of this.touched) if (this.dense[c] !== 0) size++;
    const at = new Int32Array(size);
    const values = new Float64Array(size);
    let k = 0;
    for (const c of this.touched) {
      const x = this.dense[c];
      if (x !== 0) {
        at[k] = c;
        values[k++] = scale === 1 ? x : (x * scale) % this.p;
      }
      this.dense[c] = 0;
      this.marked[c] = 0;
    }
    this.touched.length = 0;
    return { at, values };
  }
}

/**
 * How a row of an echelon form built vector by vector was made: vector_r reduced by earlier rows
 * (row s taken `factors[k]` times for s = `uses[k]`), then scaled by `inverse`. So
 * row_r = inverse·(vector_r − Σ factors[k]·row_{uses[k]}).
 */
export interface EchelonRecord {
  readonly uses: Int32Array;
  readonly factors: Float64Array;
  readonly inverse: number;
}

/**
 * The linear relation, monic at its last vector, among vectors 0, …, j (j = rows.length) of an
 * echelon form built vector by vector, row r made from vector r (see `EchelonRecord`), when
 * vector j reduced to zero: vector_j = Σ factors[k]·row_{uses[k]}. Substituting the records from
 * the last row down writes vector_j as Σ b_r·vector_r; the relation is vector_j − Σ b_r·vector_r,
 * its coefficients returned ascending (the last is 1). Keeping these records instead of each
 * row's combination of vectors spares every reduction the combination's update.
 */
export function relationFromRecords(rows: readonly EchelonRecord[], uses: readonly number[], factors: readonly number[], p: number): number[] {
  const j = rows.length;
  const onRows = new Float64Array(j);
  uses.forEach((r, k) => (onRows[r] = factors[k]));
  const coefficients = new Array<number>(j + 1).fill(0);
  coefficients[j] = 1;
  for (let r = j - 1; r >= 0; r--) {
    if (onRows[r] === 0) continue;
    const row = rows[r];
    const x = (onRows[r] * row.inverse) % p;
    coefficients[r] = (p - x) % p;
    for (let k = 0; k < row.uses.length; k++) {
      const s = row.uses[k];
      onRows[s] = (onRows[s] + x * (p - row.factors[k])) % p;
    }
  }
  return coefficients;
}
