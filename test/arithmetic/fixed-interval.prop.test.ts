// Fixed-point interval arithmetic: every operation's result contains the exact result of the
// same operation on any numbers taken from the operand intervals (here: their ends and midpoints),
// and a decided sign is the true sign.
import fc from 'fast-check';
import { Rational, radd, rational, rcmp, rdiv, rmul, rsub, rsign } from '../../src/arithmetic/rational';
import { FixedInterval, fixedAdd, fixedDiv, fixedFromRationals, fixedMul, fixedNeg, fixedSign, fixedSub, fixedToRationals } from '../../src/arithmetic/fixed-interval';

const rat = fc.tuple(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.bigInt({ min: 1n, max: 10n ** 20n })).map(([n, d]) => rational(n, d));
const sorted = fc.tuple(rat, rat).map(([a, b]) => (rcmp(a, b) <= 0 ? [a, b] : [b, a]) as [Rational, Rational]);
const scale = fc.integer({ min: 8, max: 200 });

function contains(x: FixedInterval, s: number, r: Rational): boolean {
  const { lo, hi } = fixedToRationals(x, s);
  return rcmp(lo, r) <= 0 && rcmp(r, hi) <= 0;
}

const samples = ([a, b]: [Rational, Rational]): Rational[] => [a, b, rdiv(radd(a, b), rational(2))];

describe('fixed-point intervals', () => {
  test('sums, differences, products and negations contain the exact results', () => {
    fc.assert(
      fc.property(sorted, sorted, scale, (A, B, s) => {
        const x = fixedFromRationals(A[0], A[1], s);
        const y = fixedFromRationals(B[0], B[1], s);
        for (const a of samples(A)) {
          expect(contains(fixedNeg(x), s, rsub(rational(0), a))).toBe(true);
          for (const b of samples(B)) {
            expect(contains(fixedAdd(x, y), s, radd(a, b))).toBe(true);
            expect(contains(fixedSub(x, y), s, rsub(a, b))).toBe(true);
            expect(contains(fixedMul(x, y, s), s, rmul(a, b))).toBe(true);
          }
        }
      }),
    );
  });
  test('quotients contain the exact quotients when the divisor excludes 0; signs are certain', () => {
    fc.assert(
      fc.property(sorted, sorted, scale, (A, B, s) => {
        const x = fixedFromRationals(A[0], A[1], s);
        const y = fixedFromRationals(B[0], B[1], s);
        const sign = fixedSign(y);
        for (const b of samples(B)) if (sign !== 0) expect(rsign(b)).toBe(sign);
        if (sign === 0) return;
        for (const a of samples(A)) for (const b of samples(B)) expect(contains(fixedDiv(x, y, s), s, rdiv(a, b))).toBe(true);
      }),
    );
  });
});
