/**
 * Random linear combinations of blocks of new rows, to avoid paying for reductions to zero in the
 * F4 matrices (Demin–Gowda, "Groebner.jl", 2023; Monagan–Pearce's probabilistic zero test).
 *
 * The new (lower) rows of a matrix are taken in their elimination order and cut into blocks of
 * `BLOCK` rows. If the row space of a block lies in the span of the current pivots, every random
 * combination Σ rᵢ·rowᵢ (rᵢ uniform in [1, p)) reduces to zero; if it does not, a combination
 * reduces to zero with probability at most 1/p. So two combinations in a row reducing to zero
 * certify a block up to an error below 1/p².
 *
 * Two uses. `reduceRandomized` (f4 with `linalg: 'randomized'`) keeps the non-zero reduced
 * combinations as the new pivots themselves. `reduceSkippingZeroBlocks` (f4Learn, which must
 * record actual rows for its trace, and f4 by default, whose pivots then stay as sparse as the
 * matrix's rows) only tests the block with a combination, and a block that is not certified zero
 * is reduced four rows at a time (`reduceRows`) until some of them give pivots, after which the
 * rest of the block is tested again. Both take a `RowReducer` loaded with the pivots and leave
 * the new pivots registered in it; combinations are formed and reduced in the reducer's lanes
 * (four, or the two of a test, at a time: one pass over the pivots). (Halving a block that is not
 * zero, to find its pivots by bisection, was tried: it costs more tests than the scan saves.)
 */
import { Rng, RowReducer, reduceRows } from './linear-algebra';

/** Rows per block of random combinations. */
export const BLOCK = 24;
/**
 * Rows per block tested for zero by `reduceSkippingZeroBlocks`: a test costs about one row
 * reduction whatever the block size, so large blocks pay (katsura-9 learn: 24 rows 163M
 * multiply-adds, 64 rows 143M, 96 rows 139M; every row: 521M).
 */
export const TEST_BLOCK = 64;

/** A reduced new row (columns increasing, monic). */
export interface ReducedRow {
  cols: Int32Array;
  coeffs: Int32Array;
}

/**
 * Reduces the lower rows (in `order`) block by block through random linear combinations: each
 * non-zero reduced combination is a new pivot; a block stops when it has given as many pivots as
 * it has rows, or after two consecutive zero reductions.
 */
export function reduceRandomized(
  red: RowReducer,
  order: readonly number[],
  cols: Int32Array[],
  coeffs: Int32Array[],
  rng: Rng,
  found: ReducedRow[],
): void {
  for (let b = 0; b < order.length; b += BLOCK) {
    const block = order.slice(b, b + BLOCK);
    let zeros = 0;
    let pivots = 0;
    while (zeros < 2 && pivots < block.length) {
      // Four combinations at a time through the lanes; the ones after the stopping point are dropped.
      red.loadCombinations(cols, coeffs, block, rng, 4);
      for (let l = 0; l < 4; l++) {
        if (zeros >= 2 || pivots >= block.length) {
          red.dropLane(l);
          continue;
        }
        const n = red.finishLane(l);
        if (n === 0) {
          zeros++;
          continue;
        }
        zeros = 0;
        pivots++;
        const row = red.extract(n);
        red.setPivot(row.cols, row.coeffs);
        found.push(row);
      }
    }
  }
}

/** Does every row of `which` (probably) reduce to zero? Two random combinations decide. */
function blockReducesToZero(red: RowReducer, cols: Int32Array[], coeffs: Int32Array[], which: readonly number[], rng: Rng): boolean {
  red.loadCombinations(cols, coeffs, which, rng, 2);
  let n = red.finishLane(0);
  if (n !== 0) {
    red.clear(n);
    red.dropLane(1);
    return false;
  }
  n = red.finishLane(1);
  if (n !== 0) {
    red.clear(n);
    return false;
  }
  return true;
}

/**
 * Reduces the lower rows (in `order`) as the deterministic elimination would, except that the
 * rows of a block (or what remains of it after its last pivot) are skipped when random
 * combinations certify that they all reduce to zero. Pushes the row index and the reduced row of
 * every new pivot to `useful` and `found`.
 */
export function reduceSkippingZeroBlocks(
  red: RowReducer,
  order: readonly number[],
  cols: Int32Array[],
  coeffs: Int32Array[],
  rng: Rng,
  useful: number[],
  found: ReducedRow[],
): void {
  for (let b = 0; b < order.length; b += TEST_BLOCK) {
    let rest = order.slice(b, b + TEST_BLOCK);
    while (rest.length > 0) {
      // A lone row costs the same as its test: reduce it directly.
      if (rest.length > 1 && blockReducesToZero(red, cols, coeffs, rest, rng)) break;
      // Four rows at a time (one pass over the pivots) until some give a pivot; test the rest again.
      let t = 0;
      while (t < rest.length) {
        const group = rest.slice(t, t + 4);
        t += group.length;
        if (reduceRows(red, group, cols, coeffs, useful, found) > 0) break;
      }
      rest = rest.slice(t);
    }
  }
}
