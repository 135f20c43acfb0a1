// Fixed-point interval Horner at dyadic points. Oracles: the exact value f(X/2^k)·2^(k·deg f)
// (zevalDyadic) lies in the enclosure once scaled, and zsignDyadic's sign is the exact sign — also
// at roots of f and at points 2^−k from them, where the enclosure cannot decide.
import fc from 'fast-check';
import { zenclosureDyadic, zsignDyadic } from '../../src/poly/dyadic-interval';
import { zevalDyadic, zmul } from '../../src/poly/factor/zpoly';

const arbPoly = fc.array(fc.bigInt({ min: -(2n ** 200n), max: 2n ** 200n }), { minLength: 1, maxLength: 30 });
const arbPoint = fc.tuple(fc.bigInt({ min: -(2n ** 80n), max: 2n ** 80n }), fc.integer({ min: 0, max: 90 }));
const sign = (v: bigint): number => (v < 0n ? -1 : v > 0n ? 1 : 0);

describe('dyadic interval evaluation', () => {
  test('the exact value lies in the enclosure, at every working precision', () => {
    fc.assert(
      fc.property(arbPoly, arbPoint, fc.integer({ min: 0, max: 200 }), (f, [X, k], w) => {
        const n = f.length - 1;
        const exact = zevalDyadic(f, X, k); // f(x)·2^(k·n)
        const { lo, hi } = zenclosureDyadic(f, X, k, w); // ∋ f(x)·2^w
        // lo·2^(k·n) ≤ exact·2^w ≤ hi·2^(k·n)
        const scale = 1n << BigInt(k * n);
        const target = exact << BigInt(w);
        expect(lo * scale <= target).toBe(true);
        expect(target <= hi * scale).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  test('the sign is exact, also at dyadic roots and next to them', () => {
    fc.assert(
      fc.property(arbPoly, arbPoint, fc.integer({ min: -1, max: 1 }), (g, [X, k], offset) => {
        // f = (2^k·t − X)·g has the root X/2^k; evaluate there and one unit of 2^−(k+40) away.
        const f = zmul([-X, 1n << BigInt(k)], g);
        const Y = (X << 40n) + BigInt(offset);
        expect(zsignDyadic(f, Y, k + 40)).toBe(sign(zevalDyadic(f, Y, k + 40)));
        expect(zsignDyadic(f, X, k)).toBe(sign(zevalDyadic(f, X, k)));
      }),
      { numRuns: 300 },
    );
  });
});
