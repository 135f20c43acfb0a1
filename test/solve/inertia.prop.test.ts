// Inertia from interval enclosures (symmetric LDLᵀ with Bunch–Parlett pivots) against the exact
// inertia (Descartes on the characteristic polynomial) on random non-singular symmetric matrices,
// many with a zero diagonal so that 2×2 pivots are needed.
import fc from 'fast-check';
import { QQ } from '../../src/arithmetic/field';
import { determinant } from '../../src/arithmetic/matrix';
import { Rational, rational } from '../../src/arithmetic/rational';
import { fixedFromRationals } from '../../src/arithmetic/fixed-interval';
import { intervalInertia, rationalInertia } from '../../src/solve/inertia';

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

describe('inertia from interval enclosures', () => {
  test('equals the exact inertia whenever it answers, and answers for non-singular matrices at enough precision', () => {
    fc.assert(
      fc.property(symmetric, fc.integer({ min: 0, max: 3 }), (H, widen) => {
        const exact = rationalInertia(H);
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
