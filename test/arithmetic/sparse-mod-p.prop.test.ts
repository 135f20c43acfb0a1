// The dense accumulator of sparse vectors modulo p (arithmetic/sparse-mod-p.ts) against sums in
// bigints over Maps: the sum, the smallest non-zero position, scaling on the way out, and the
// accumulator left empty for the next sum (positions far past its initial size included).
import fc from 'fast-check';
import { DenseAccumulatorModP, EchelonRecord, SparseVectorModP, relationFromRecords } from '../../src/arithmetic/sparse-mod-p';

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

  it('the relation recovered from echelon records annihilates the vectors (the first that depends on the earlier ones, monic at it)', () => {
    const arbVectors = fc.constantFrom(...PRIMES).chain((p) =>
      fc.record({ p: fc.constant(p), n: fc.integer({ min: 1, max: 6 }) }).chain(({ p, n }) =>
        fc.record({ p: fc.constant(p), vectors: fc.array(fc.array(fc.integer({ min: 0, max: p - 1 }), { minLength: n, maxLength: n }), { minLength: n + 1, maxLength: n + 1 }) }),
      ),
    );
    fc.assert(
      fc.property(arbVectors, ({ p, vectors }) => {
        const acc = new DenseAccumulatorModP(p);
        const rows: (EchelonRecord & { pivot: number; row: SparseVectorModP })[] = [];
        const dense = (v: number[]): SparseVectorModP => ({ at: Int32Array.from(v.keys()), values: Float64Array.from(v) });
        for (let j = 0; j < vectors.length; j++) {
          acc.addMultiple(dense(vectors[j]), 1);
          const uses: number[] = [];
          const factors: number[] = [];
          rows.forEach((r, k) => {
            const c = acc.get(r.pivot);
            if (c === 0) return;
            acc.addMultiple(r.row, p - c);
            uses.push(k);
            factors.push(c);
          });
          const pivot = acc.smallestNonZero();
          if (pivot < 0) {
            acc.take();
            const relation = relationFromRecords(rows, uses, factors, p);
            expect(relation).toHaveLength(j + 1);
            expect(relation[j]).toBe(1);
            for (let i = 0; i < vectors[0].length; i++) expect(relation.reduce((s, c, k) => (s + BigInt(c) * BigInt(vectors[k][i])) % BigInt(p), 0n)).toBe(0n);
            return;
          }
          let inverse = 1;
          for (let e = p - 2, b = acc.get(pivot); e > 0; e >>= 1, b = Number((BigInt(b) * BigInt(b)) % BigInt(p))) if (e & 1) inverse = Number((BigInt(inverse) * BigInt(b)) % BigInt(p));
          rows.push({ pivot, row: acc.take(inverse), uses: Int32Array.from(uses), factors: Float64Array.from(factors), inverse });
        }
        throw new Error('n + 1 vectors in dimension n without a relation');
      }),
    );
  });
});
