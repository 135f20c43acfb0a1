// The WebAssembly SIMD pass of the F4 row reduction (simd-kernel.ts) against the JavaScript pass
// it replaces: the same random sparse matrices, reduced four rows at a time through the lanes,
// give the same echelon rows for primes up to 2^26; and F4 and its trace replay give the same
// bases with the kernel on and off.
import fc from 'fast-check';
import { Zp } from '../../src/arithmetic/field';
import { f4, f4Apply, f4Learn } from '../../src/groebner/f4';
import { RowReducer, reduceRows } from '../../src/groebner/f4/matrix/linear-algebra';
import { laneKernelMemoryBytes, simdKernelAvailable, useSimdKernel } from '../../src/groebner/f4/matrix/simd-kernel';
import { changeRing } from '../../src/poly/change';
import { PolynomialRing } from '../../src/poly/polynomial';
import { cyclic, katsura } from '../../src/systems';

interface SparseRow {
  cols: Int32Array;
  coeffs: Int32Array;
}

/** Echelonizes `rows` (pivot rows first, then the others through `reduceRows`) with the kernel on or off. */
function echelon(ncols: number, p: number, pivots: SparseRow[], rows: SparseRow[], simd: boolean): SparseRow[] {
  useSimdKernel(simd);
  try {
    const red = new RowReducer(ncols, p);
    for (const r of pivots) red.setPivot(r.cols, r.coeffs);
    const found: { cols: Int32Array; coeffs: Int32Array }[] = [];
    reduceRows(red, rows.map((_, i) => i), rows.map((r) => r.cols), rows.map((r) => r.coeffs), [], found);
    return found;
  } finally {
    useSimdKernel(true);
  }
}

/** A random sparse matrix: monic pivot rows on distinct columns, and rows to reduce. */
const matrix = fc
  .record({
    ncols: fc.integer({ min: 1, max: 60 }),
    p: fc.constantFrom(2, 3, 65521, 2097143, 67108859),
    seed: fc.integer({ min: 1, max: 2 ** 30 }),
    npiv: fc.integer({ min: 0, max: 40 }),
    nrows: fc.integer({ min: 0, max: 30 }),
    density: fc.double({ min: 0.05, max: 1, noNaN: true }),
  })
  .map(({ ncols, p, seed, npiv, nrows, density }) => {
    let s = seed;
    const rand = (): number => {
      s = (Math.imul(s, 1103515245) + 12345) & 0x7fffffff;
      return s / 2 ** 31;
    };
    const row = (from: number, monic: boolean): SparseRow => {
      const cols: number[] = [];
      const coeffs: number[] = [];
      for (let c = from; c < ncols; c++) {
        if (c === from || rand() < density) {
          const v = monic && c === from ? 1 : 1 + Math.floor(rand() * (p - 1));
          cols.push(c);
          coeffs.push(v);
        }
      }
      return { cols: Int32Array.from(cols), coeffs: Int32Array.from(coeffs) };
    };
    const taken = new Set<number>();
    const pivots: SparseRow[] = [];
    for (let i = 0; i < npiv; i++) {
      const c = Math.floor(rand() * ncols);
      if (taken.has(c)) continue;
      taken.add(c);
      pivots.push(row(c, true));
    }
    const rows = Array.from({ length: nrows }, () => row(Math.floor(rand() * ncols), false));
    return { ncols, p, pivots, rows };
  });

describe('the SIMD lane kernel', () => {
  test('is available on this Node.js', () => {
    expect(simdKernelAvailable()).toBe(true);
  });

  test('random sparse matrices: the same echelon rows as the JavaScript pass', () => {
    fc.assert(
      fc.property(matrix, ({ ncols, p, pivots, rows }) => {
        const a = echelon(ncols, p, pivots, rows, true);
        const b = echelon(ncols, p, pivots, rows, false);
        expect(a.map((r) => [Array.from(r.cols), Array.from(r.coeffs)])).toEqual(b.map((r) => [Array.from(r.cols), Array.from(r.coeffs)]));
        // Every result is monic, with entries in [0, p).
        for (const r of a) {
          expect(r.coeffs[0]).toBe(1);
          for (const v of r.coeffs) expect(v >= 0 && v < p).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  test('a reducer used after a newer one took the memory throws instead of computing garbage', () => {
    const row = [Int32Array.of(0, 2)];
    const values = [Int32Array.of(1, 5)];
    const old = new RowReducer(4, 7);
    old.setPivot(Int32Array.of(0, 1), Int32Array.of(1, 3));
    old.loadLanes(row, values); // the lanes (and the kernel) are set up on first use
    expect(old.finishLane(0)).toBe(2); // row − pivot(0) = (1 − 1, −3, 5) on columns 1, 2
    const fresh = new RowReducer(4, 7);
    fresh.loadLanes(row, values);
    expect(() => old.loadLanes(row, values)).toThrow(/newer one/);
    expect(() => old.setPivot(Int32Array.of(2), Int32Array.of(1))).toThrow(/newer one/);
  });

  test('the pivot slots pass from reducer to reducer: a new matrix starts with no pivot, an old reducer throws', () => {
    // Sizes that reuse the slots, grow them, and (after 2,000,000 columns) give them back.
    for (const [first, second] of [
      [10, 10],
      [10, 3000],
      [2_000_000, 10],
    ]) {
      const old = new RowReducer(first, 7);
      old.setPivot(Int32Array.of(2, 3), Int32Array.of(1, 4));
      old.setPivot(Int32Array.of(5, 6), Int32Array.of(1, 1));
      expect(old.reduce(Int32Array.of(2, 5), Int32Array.of(1, 1), 0)).toBe(2); // row − pivot(2) − pivot(5): 3·x3 + 6·x6
      old.clear(2);
      const fresh = new RowReducer(second, 7);
      expect([fresh.hasPivot(2), fresh.hasPivot(5)]).toEqual([false, false]);
      // Without pivots the row comes back as it is.
      expect(fresh.reduce(Int32Array.of(2, 5), Int32Array.of(1, 1), 0)).toBe(2);
      expect(Array.from(fresh.nz.subarray(0, 2))).toEqual([2, 5]);
      fresh.clear(2);
      expect(() => old.hasPivot(2)).toThrow(/newer one took its pivot slots/);
      expect(() => old.reduce(Int32Array.of(2), Int32Array.of(1), 0)).toThrow(/newer one/);
    }
  });

  test('the shared memory grows for a large matrix and is given back for the next small one', () => {
    const row = [Int32Array.of(0, 1)];
    const values = [Int32Array.of(1, 5)];
    const big = new RowReducer(2_000_000, 7); // lanes and tables: 88 MB
    big.loadLanes(row, values);
    expect(big.finishLane(0)).toBe(2);
    expect(laneKernelMemoryBytes()).toBeGreaterThan(88_000_000);
    const small = new RowReducer(100, 7);
    small.loadLanes(row, values);
    expect(small.finishLane(0)).toBe(2);
    expect(laneKernelMemoryBytes()).toBeLessThan(16_000_000);
    expect(() => big.loadLanes(row, values)).toThrow(/newer one/);
  });

  test('f4 and trace replay give the same bases with the kernel on and off', () => {
    for (const [sys, p, q] of [[katsura(5), 67108859, 67108837], [cyclic(5), 65521, 65519]] as const) {
      const R = (r: number) => new PolynomialRing(Zp(r), sys.ring.vars, sys.ring.order);
      const polys = sys.polynomials.map((f) => changeRing(f, R(p)));
      const other = sys.polynomials.map((f) => changeRing(f, R(q)));
      const on = f4(polys).basis;
      const learned = f4Learn(polys);
      const replayOn = f4Apply(learned.trace, other);
      useSimdKernel(false);
      try {
        const off = f4(polys).basis;
        const replayOff = f4Apply(learned.trace, other);
        expect(on.map(String)).toEqual(off.map(String));
        expect(replayOn).toBeDefined();
        expect(replayOn!.map(String)).toEqual(replayOff!.map(String));
      } finally {
        useSimdKernel(true);
      }
    }
  });
});
