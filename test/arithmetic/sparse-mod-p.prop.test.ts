// The dense accumulator of sparse vectors modulo p (arithmetic/sparse-mod-p.ts) against sums in
// bigints over Maps: the sum, the smallest non-zero position, scaling on the way out, and the
// accumulator left empty for the next sum (positions far past its initial size included).
import fc from 'fast-check';
import { DenseAccumulatorModP, SparseVectorModP } from '../../src/arithmetic/sparse-mod-p';

const PRIMES = [2, 3, 65521, 67108859];

/** A sparse vector with distinct positions below 3000 (past the accumulator's first 1024). */
const arbVector = (p: number): fc.Arbitrary<SparseVectorModP> =>
  fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: 2999 }), fc.integer({ min: 1, max: p - 1 })), { selector: ([c]) => c, maxLength: 30 }).map((entries) => ({
    at: Int32Array.from(entries, ([c]) => c),
    values: Float64Array.from(entries, ([, x]) => x),
  }));

const arbCase = fc.constantFrom(...PRIMES).chain((p) =>
  fc.record({
    p: fc.constant(p),
    terms: fc.array(fc.tuple(arbVector(p), fc.integer({ min: 0, max: p - 1 })), { maxLength: 8 }),
    scale: fc.integer({ min: 1, max: p - 1 }),
  }),
);

describe('DenseAccumulatorModP', () => {
  it('sums sparse vectors modulo p, finds the smallest non-zero position, and is empty after take', () => {
    fc.assert(
      fc.property(arbCase, ({ p, terms, scale }) => {
        const acc = new DenseAccumulatorModP(p);
        // Twice in a row: the second sum must not see the first.
        for (let round = 0; round < 2; round++) {
          const expected = new Map<number, bigint>();
          for (const [v, f] of terms) {
            acc.addMultiple(v, f);
            v.at.forEach((c, k) => expected.set(c, ((expected.get(c) ?? 0n) + BigInt(f) * BigInt(v.values[k])) % BigInt(p)));
          }
          const nonZero = [...expected].filter(([, x]) => x !== 0n).sort((a, b) => a[0] - b[0]);
          expect(acc.smallestNonZero()).toBe(nonZero.length > 0 ? nonZero[0][0] : -1);
          for (const [c, x] of expected) expect(acc.get(c)).toBe(Number(x));
          const taken = acc.take(scale);
          const got = Array.from(taken.at, (c, k) => [c, taken.values[k]] as const).sort((a, b) => a[0] - b[0]);
          expect(got).toEqual(nonZero.map(([c, x]) => [c, Number((x * BigInt(scale)) % BigInt(p))]));
          expect(acc.smallestNonZero()).toBe(-1);
        }
      }),
    );
  });
});
