/**
 * Properties of the lazily reduced arithmetic over F_p (`fp-poly.ts`) against the generic field
 * code of `univariate.ts`: products, remainders, powers and gcds agree for tiny primes (where
 * thousands of products accumulate before a reduction), mid-size ones, and primes just below 2^26
 * (where every row must be reduced).
 */
import fc from 'fast-check';
import { Zp } from '../../../src/arithmetic/field';
import { gcdModP, inverseModP, lazyTerms, mulModP, powRemModP, remModP } from '../../../src/poly/factor/fp-poly';
import { ugcd, umonic, umul, urem, utrim, uxgcd } from '../../../src/poly/univariate';

const PRIMES = [2, 3, 59, 65521, 1048573, 67108859];

const arbCase = fc.constantFrom(...PRIMES).chain((p) =>
  fc
    .tuple(
      fc.array(fc.integer({ min: 0, max: p - 1 }), { minLength: 0, maxLength: 60 }),
      fc.array(fc.integer({ min: 0, max: p - 1 }), { minLength: 0, maxLength: 60 }),
      fc.array(fc.integer({ min: 0, max: p - 1 }), { minLength: 1, maxLength: 20 }),
      fc.bigInt({ min: 0n, max: 1n << 40n }),
    )
    .map(([a, b, m, e]) => ({ p, a: utrim(Zp(p), a), b: utrim(Zp(p), b), m: [...m, 1], e })),
);

describe('lazily reduced arithmetic over F_p', () => {
  test('products, remainders, powers and gcds agree with the generic field code', () => {
    fc.assert(
      fc.property(arbCase, ({ p, a, b, m, e }) => {
        const F = Zp(p);
        expect(mulModP(a, b, p)).toEqual(umul(F, a, b));
        const ab = umul(F, a, b);
        expect(remModP(ab, m, p)).toEqual(urem(F, ab, m));
        let power: readonly number[] = [1];
        for (let k = e.toString(2).length - 1; k >= 0; k--) {
          power = urem(F, umul(F, power, power), m);
          if ((e >> BigInt(k)) & 1n) power = urem(F, umul(F, power, a), m);
        }
        expect(powRemModP(a, e, m, p)).toEqual(e === 0n ? [1] : power);
        const g = gcdModP(a, b, p);
        expect(g).toEqual(a.length + b.length === 0 ? [] : umonic(F, ugcd(F, a, b)));
      }),
      { numRuns: 150 },
    );
    expect(lazyTerms(67108859)).toBe(2);
    expect(lazyTerms(59)).toBeGreaterThan(1e12);
  });
  test('inverses modulo f: a·a⁻¹ ≡ 1 exactly when gcd(a, f) = 1, and the inverse is the generic one', () => {
    fc.assert(
      fc.property(arbCase, fc.integer({ min: 1, max: 1000 }), ({ p, a, m }, scale) => {
        if (m.length < 2) return;
        const F = Zp(p);
        // A modulus that is not monic too: its leading coefficient must not matter.
        const f = m.map((c) => F.mul(c, (scale % p) || 1));
        const inverse = inverseModP(a, f, p);
        const [g, s] = uxgcd(F, urem(F, a, umonic(F, f)), umonic(F, f));
        if (g.length !== 1) expect(inverse).toBeUndefined();
        else {
          expect(inverse).toEqual(utrim(F, urem(F, s, umonic(F, f))));
          expect(urem(F, umul(F, a, inverse as number[]), umonic(F, f))).toEqual([1]);
        }
      }),
    );
  });
});
