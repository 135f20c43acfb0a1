// Quotients modulo a polynomial over Q, computed modulo primes and lifted: they agree with the
// extended Euclidean algorithm over Q, satisfy w·a ≡ u (mod f) exactly, and give up (undefined)
// when a is not invertible modulo f.
import fc from 'fast-check';
import { QQ } from '../../src/arithmetic/field';
import { Rational, rational } from '../../src/arithmetic/rational';
import { quotientsModulo } from '../../src/poly/quotients-modulo';
import { UPoly, uderivative, ugcd, umul, urem, usub, utrim, uxgcd } from '../../src/poly/univariate';

const coefficient = fc
  .tuple(fc.bigInt({ min: -(10n ** 6n), max: 10n ** 6n }), fc.bigInt({ min: 1n, max: 1000n }))
  .map(([n, d]) => rational(n, d));
const poly = (minDeg: number, maxDeg: number): fc.Arbitrary<UPoly<Rational>> =>
  fc.array(coefficient, { minLength: minDeg + 1, maxLength: maxDeg + 1 }).map((c) => utrim(QQ, c)).filter((c) => c.length - 1 >= minDeg);
const text = (a: UPoly<Rational>): string => a.map((c) => `${c.num}/${c.den}`).join(' ');

describe('quotientsModulo', () => {
  test('w·a ≡ u (mod f), deg w < deg f, the same w as the Euclidean algorithm over Q', () => {
    fc.assert(
      fc.property(poly(1, 7), poly(0, 6), fc.array(poly(0, 8), { minLength: 1, maxLength: 3 }), (f, a0, us) => {
        const a = urem(QQ, a0, f);
        fc.pre(a.length > 0 && ugcd(QQ, a, f).length === 1);
        const w = quotientsModulo(f, a, us);
        expect(w).toBeDefined();
        const [, inverse] = uxgcd(QQ, a, f); // s·a + t·f = 1 (made monic: gcd 1)
        (w as UPoly<Rational>[]).forEach((wi, i) => {
          expect(wi.length).toBeLessThan(f.length);
          expect(urem(QQ, usub(QQ, umul(QQ, wi, a), us[i]), f)).toEqual([]);
          expect(text(wi)).toBe(text(utrim(QQ, urem(QQ, umul(QQ, us[i], inverse), f))));
        });
      }),
      { numRuns: 40 },
    );
  });

  test('the derivative of an irreducible polynomial: the coordinates of x = u(θ)/q′(θ) as polynomials', () => {
    // q = x^2 − 2: x = 1/q′(θ) = 1/(2θ) = θ/4.
    const q = [rational(-2n), rational(0n), rational(1n)];
    const [w] = quotientsModulo(q, uderivative(QQ, q), [[rational(1n)]]) as UPoly<Rational>[];
    expect(text(w)).toBe('0/1 1/4');
  });

  test('a not invertible modulo f: undefined, after a bounded number of primes', () => {
    const f = umul(QQ, [rational(-1n), rational(1n)], [rational(1n), rational(0n), rational(1n)]); // (x − 1)(x² + 1)
    expect(quotientsModulo(f, [rational(-3n), rational(3n)], [[rational(1n)]])).toBeUndefined(); // 3(x − 1)
  });
});
