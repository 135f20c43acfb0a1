/**
 * Properties of the building blocks of the factorization over Z: Kronecker-substitution products
 * agree with the schoolbook product (any signs, any sizes), and the Hensel factor tree lifts a
 * modular factorization so that lc(f)·Π uᵢ ≡ f (mod p^l) with each uᵢ monic and ≡ its modular
 * factor, whether lifted in one go or continued from a lower power.
 */
import fc from 'fast-check';
import { Zp } from '../../../src/arithmetic/field';
import { uderivative, ugcd } from '../../../src/poly/univariate';
import { factorSquarefreeModP, henselFactors, liftHensel, startHensel, ztoModP } from '../../../src/poly/factor';
import { zmulKronecker } from '../../../src/poly/factor/kronecker';
import { arbIntPoly, mul, prod } from './helpers';

const mod = (a: bigint, m: bigint): bigint => ((a % m) + m) % m;

describe('Kronecker substitution', () => {
  test('agrees with the schoolbook product on signed polynomials of all sizes', () => {
    const arbBig = fc.array(fc.bigInt({ min: -(1n << 300n), max: 1n << 300n }), { minLength: 1, maxLength: 40 });
    fc.assert(
      fc.property(fc.oneof(arbBig, arbIntPoly(30, 3n)), fc.oneof(arbBig, arbIntPoly(30, 3n)), (a, b) => {
        const trim = (x: bigint[]) => {
          while (x.length > 0 && x[x.length - 1] === 0n) x.pop();
          return x;
        };
        const [x, y] = [trim(a.slice()), trim(b.slice())];
        expect(zmulKronecker(x, y)).toEqual(mul(x, y));
      }),
      { numRuns: 200 },
    );
  });
});

describe('Hensel factor tree', () => {
  test('lifts to p^l, directly or in two stages, with monic factors whose product is f/lc(f)', () => {
    fc.assert(
      fc.property(fc.array(arbIntPoly(6, 30n), { minLength: 2, maxLength: 6 }), fc.constantFrom(5, 7, 11, 13), fc.integer({ min: 2, max: 40 }), (polys, p, l) => {
        const f = prod(polys);
        const P = BigInt(p);
        const lc = f[f.length - 1];
        fc.pre(lc % P !== 0n);
        const fp = ztoModP(f, p);
        fc.pre(ugcd(Zp(p), fp, uderivative(Zp(p), fp)).length === 1);
        const modular = factorSquarefreeModP(p, fp);
        const M = P ** BigInt(l);
        const direct = startHensel(f, modular, p);
        liftHensel(direct, l);
        const staged = startHensel(f, modular, p);
        liftHensel(staged, Math.max(1, l >> 2));
        liftHensel(staged, l);
        expect(henselFactors(staged)).toEqual(henselFactors(direct));
        const lifted = henselFactors(direct);
        lifted.forEach((u, i) => {
          expect(u[u.length - 1]).toBe(1n);
          expect(u.map((c) => Number(mod(c, P)))).toEqual(modular[i]);
          u.forEach((c) => expect(c >= 0n && c < M).toBe(true));
        });
        const back = lifted.reduce((acc, u) => mul(acc, u).map((c) => mod(c, M)), [lc]);
        expect(back).toEqual(f.map((c) => mod(c, M)));
      }),
      { numRuns: 60 },
    );
  });
});
