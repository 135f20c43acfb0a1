// Inertia from interval enclosures (symmetric LDLᵀ with Bunch–Parlett pivots) against the exact
// inertia (Descartes on the characteristic polynomial) on random non-singular symmetric matrices,
// many with a zero diagonal so that 2×2 pivots are needed.
import fc from 'fast-check';
import { QQ } from '../../src/arithmetic/field';
import { determinant } from '../../src/arithmetic/matrix';
import { Rational, rational } from '../../src/arithmetic/rational';
import { fixedFromRationals } from '../../src/arithmetic/fixed-interval';
import { characteristicInertia, intervalInertia, rationalInertia } from '../../src/solve/inertia';

const symmetric = fc
  .integer({ min: 1, max: 6 })
  .chain((n) =>
    fc.tuple(
      fc.constant(n),
      fc.array(fc.tuple(fc.integer({ min: -20, max: 20 }), fc.integer({ min: 1, max: 9 })), { minLength: n * n, maxLength: n * n }),
      fc.boolean(),
    ),
  )
  .map(([n, entries, zeroDiagonal]) => {
    const H: Rational[][] = Array.from({ length: n }, () => new Array<Rational>(n));
    for (let i = 0; i < n; i++)
      for (let j = 0; j <= i; j++) {
        const [a, b] = entries[i * n + j];
        const x = i === j && zeroDiagonal ? rational(0) : rational(a, b);
        H[i][j] = x;
        H[j][i] = x;
      }
    return H;
  });

/** Bᵀ·D·B for a random B (k × n) and diagonal D: symmetric of rank ≤ k, with planted signs. */
const lowRank = fc
  .tuple(fc.integer({ min: 1, max: 7 }), fc.integer({ min: 0, max: 7 }))
  .chain(([n, k]) =>
    fc.tuple(
      fc.constant(n),
      fc.array(fc.integer({ min: -4, max: 4 }), { minLength: k * n, maxLength: k * n }),
      fc.array(fc.integer({ min: -3, max: 3 }), { minLength: k, maxLength: k }),
    ),
  )
  .map(([n, b, d]) => {
    const k = d.length;
    return Array.from({ length: n }, (_, i) =>
      Array.from({ length: n }, (_, j) => {
        let x = 0;
        for (let t = 0; t < k; t++) x += b[t * n + i] * d[t] * b[t * n + j];
        return rational(x);
      }),
    );
  });

describe('exact inertia', () => {
  test('congruence elimination = Descartes on the characteristic polynomial, singular matrices included', () => {
    fc.assert(
      fc.property(fc.oneof(symmetric, lowRank), (H) => {
        const got = rationalInertia(H);
        expect(got).toEqual(characteristicInertia(H));
        expect(got.positive + got.negative + got.zero).toBe(H.length);
      }),
      { numRuns: 400 },
    );
  });
  test('a zero diagonal: [[0, 1], [1, 0]] has one positive and one negative eigenvalue', () => {
    expect(rationalInertia([[rational(0), rational(1)], [rational(1), rational(0)]])).toEqual({ positive: 1, negative: 1, zero: 0 });
  });
});

describe('inertia from interval enclosures', () => {
  test('equals the exact inertia whenever it answers, and answers for non-singular matrices at enough precision', () => {
    fc.assert(
      fc.property(symmetric, fc.integer({ min: 0, max: 3 }), (H, widen) => {
        const exact = characteristicInertia(H);
        const s = 96;
        // Enclosures a few units wide around each entry, as from a box around an algebraic point.
        const M = H.map((row) => row.map((x) => {
          const e = fixedFromRationals(x, x, s);
          return { lo: e.lo - BigInt(widen), hi: e.hi + BigInt(widen) };
        }));
        const got = intervalInertia(M, s);
        const singular = QQ.isZero(determinant(QQ, H));
        if (singular) expect(got).toBeUndefined();
        else {
          expect(got).toEqual(exact);
        }
      }),
      { numRuns: 300 },
    );
  });
});
