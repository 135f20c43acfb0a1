// Content and primitive part over Q: f = content·pp(f) up to sign, pp has coprime integer
// coefficients and a positive leading coefficient; clearing denominators.
import fc from 'fast-check';
import { QQ } from '../../src/arithmetic/field';
import { Rational, rational } from '../../src/arithmetic/rational';
import { clearDenominators, content, height, integerCoefficients, primitivePart } from '../../src/poly/content';
import { Polynomial, PolynomialRing } from '../../src/poly/polynomial';
import { QQu, arbPoly, arbRing, arbRational, expectPolyEqual, naiveGcd } from '../arbitraries';

const arbQPoly = arbRing({ fields: [QQu] }).chain((R) => fc.tuple(arbPoly(R, { maxTerms: 5 }), arbRational)) as fc.Arbitrary<[Polynomial<Rational>, Rational]>;

describe('content', () => {
  test('f = ±content(f)·pp(f); pp integral, coprime, positive lc; invariant under scaling', () => {
    fc.assert(
      fc.property(arbQPoly, ([f, c]) => {
        const pp = primitivePart(f);
        if (f.isZero()) {
          expect(content(f)).toEqual(QQ.zero);
          expect(pp.isZero()).toBe(true);
          return;
        }
        const k = content(f);
        expect(k.num > 0n).toBe(true);
        const ints = integerCoefficients(pp);
        expect(ints.reduce((g, x) => naiveGcd(g, x), 0n)).toBe(1n);
        expect(ints[0] > 0n).toBe(true);
        const sign = f.lc().num < 0n ? rational(-1n) : rational(1n);
        expectPolyEqual(pp.scale(QQ.mul(k, sign)), f);
        if (c.num !== 0n) {
          expectPolyEqual(primitivePart(f.scale(c)), pp);
          expect(content(f.scale(c))).toEqual(QQ.mul(k, c.num < 0n ? QQ.neg(c) : c));
        }
        const [d, g] = clearDenominators(f);
        expect(g.coefficients.every((x) => x.den === 1n)).toBe(true);
        expectPolyEqual(g, f.scale(rational(d)));
        // d is the least such integer: lcm of the denominators
        expect(f.coefficients.every((x) => d % x.den === 0n)).toBe(true);
        for (const q of [2n, 3n, 5n, 7n]) if (d % q === 0n) expect(f.coefficients.every((x) => (d / q) % x.den === 0n)).toBe(false);
        expect(height(f)).toBe(f.coefficients.reduce((h, x) => [h, x.num < 0n ? -x.num : x.num, x.den].reduce((a, b) => (a > b ? a : b)), 0n));
      }),
      { numRuns: 150 },
    );
  });

  test('example', () => {
    const R = new PolynomialRing(QQ, ['x', 'y']);
    const [x, y] = R.gens();
    const f = x.scale(rational(1n, 2n)).add(y.scale(rational(1n, 3n)));
    expect(clearDenominators(f)[0]).toBe(6n);
    expect(clearDenominators(f)[1].toString()).toBe('3*x + 2*y');
    expect(primitivePart(f.neg().scale(rational(4n))).toString()).toBe('3*x + 2*y');
    expect(content(f)).toEqual(rational(1n, 6n));
    expect(() => integerCoefficients(f)).toThrow(RangeError);
  });
});
