// Factoring through x ↦ x^k: the factors of f = g(x^k) found by deflating are those found
// without (as a multiset), for products of factors in x^k (some of which split: x² − a²) and
// others; deflate and inflate are inverse.
import fc from 'fast-check';
import { deflate, deflationDegree, factorDeflating, inflate } from '../../../src/poly/factor/deflation';
import { factorSquarefreeZ } from '../../../src/poly/factor/zassenhaus';
import { zcompare, zmul } from '../../../src/poly/factor/zpoly';
import { factorUnivariate } from '../../../src/poly/factor/factor';

const sorted = (fs: bigint[][]): string => JSON.stringify(fs.map((f) => f.map(String)).sort((a, b) => zcompare(a.map(BigInt), b.map(BigInt))));

describe('deflation', () => {
  test('deflate ∘ inflate = id, and the deflation degree of g(x^k) is a multiple of k', () => {
    fc.assert(
      fc.property(fc.array(fc.bigInt({ min: -50n, max: 50n }), { minLength: 2, maxLength: 8 }).filter((g) => g[0] !== 0n && g[g.length - 1] !== 0n), fc.integer({ min: 1, max: 5 }), (g, k) => {
        expect(deflate(inflate(g, k), k)).toEqual(g);
        expect(deflationDegree(inflate(g, k)) % k).toBe(0);
      }),
    );
  });

  test('factors through x^k = factors without, on products with square roots of squares', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 30 }), { minLength: 1, maxLength: 3 }), fc.uniqueArray(fc.integer({ min: 2, max: 40 }), { minLength: 0, maxLength: 3 }), fc.integer({ min: 2, max: 3 }), (squares, others, k) => {
        // x^k − a^k for each a (splits), and x^k + b (irreducible or not), all in x^k.
        let f: bigint[] = [1n];
        for (const a of squares) f = zmul(f, inflate([-(BigInt(a) ** BigInt(k)), 1n], k));
        for (const b of others) f = zmul(f, inflate([BigInt(b * 7 + 1), 1n], k));
        fc.pre(factorUnivariate(f).factors.every((x) => x.multiplicity === 1));
        expect(deflationDegree(f) % k).toBe(0);
        expect(sorted(factorDeflating(f, factorSquarefreeZ))).toBe(sorted(factorSquarefreeZ(f)));
      }),
      { numRuns: 40 },
    );
  });
});
