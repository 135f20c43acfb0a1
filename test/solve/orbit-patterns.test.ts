// χ₀ split by zero patterns (`orbit-patterns.ts`), on planted data: parts g_j (products of distinct
// linear factors, so square-free and pairwise coprime) with distinct patterns Z_j, and for each
// variable i the representation w_i = Π_{j: i ∈ Z_j} g_j (reduced modulo χ₀), which vanishes at
// exactly the roots of the parts whose pattern holds i. The splitting must give back the g_j,
// keyed by their patterns, whatever the order of the factors in χ₀.
import fc from 'fast-check';
import { Zp } from '../../src/arithmetic/field';
import { UPoly, umul, urem, utrim } from '../../src/poly/univariate';
import { samePatterns, zeroPatterns } from '../../src/solve/orbit-patterns';

const p = 65521;
const F = Zp(p);
const product = (fs: readonly UPoly<number>[]): UPoly<number> => fs.reduce((a, b) => umul(F, a, b), [1]);

describe('zeroPatterns', () => {
  test('property: planted parts with distinct patterns come back, keyed and in key order, their product χ₀', () => {
    const planted = fc
      .record({
        // Parts: 1 to 5 of them, each of degree 1 to 4, with a pattern over 4 variables.
        degrees: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 5 }),
        patterns: fc.uniqueArray(fc.integer({ min: 0, max: 15 }), { minLength: 5, maxLength: 5 }),
        roots: fc.uniqueArray(fc.integer({ min: 1, max: p - 1 }), { minLength: 20, maxLength: 20 }),
        order: fc.array(fc.nat(), { minLength: 5, maxLength: 5 }),
      })
      .map(({ degrees, patterns, roots, order }) => {
        let next = 0;
        const parts = degrees.map((d, j) => ({
          zeros: [0, 1, 2, 3].filter((i) => patterns[j] & (1 << i)),
          g: product(Array.from({ length: d }, () => [F.neg(roots[next++]), 1])),
        }));
        // χ₀ with its factors in a shuffled order (the order must not matter).
        const shuffled = parts.map((x, j) => ({ x, k: order[j] })).sort((a, b) => a.k - b.k).map(({ x }) => x.g);
        return { parts, chi: product(shuffled) };
      });
    fc.assert(
      fc.property(planted, ({ parts, chi }) => {
        const w = [0, 1, 2, 3].map((i) => utrim(F, urem(F, product(parts.filter((x) => x.zeros.includes(i)).map((x) => x.g)), chi)));
        const split = zeroPatterns(p, chi, w);
        const expected = parts.map((x) => ({ key: x.zeros.join(','), part: x.g })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
        expect(split).toEqual(expected);
        expect(product(split.map((x) => x.part))).toEqual(chi);
        expect(samePatterns(split, expected)).toBe(true);
      }),
      { numRuns: 100, seed: 20261206 },
    );
  });

  test('samePatterns: the same keys with the same degrees', () => {
    const a = [
      { key: '', part: [1, 1] },
      { key: '0', part: [2, 0, 1] },
    ];
    expect(samePatterns(a, a.map((x) => ({ ...x })))).toBe(true);
    expect(samePatterns(a, [a[0], { key: '0', part: [1] }])).toBe(false);
    expect(samePatterns(a, [a[0], { key: '1', part: [2, 0, 1] }])).toBe(false);
    expect(samePatterns(a, [a[0]])).toBe(false);
  });
});
