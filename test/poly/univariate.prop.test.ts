// Dense univariate polynomials over QQ and Z/p: division with remainder, gcds, square-free
// decomposition (also in small characteristic, where derivatives vanish), conversions.
import fc from 'fast-check';
import { Field, QQ, Zp } from '../../src/arithmetic/field';
import { Rational, rational } from '../../src/arithmetic/rational';
import { partialDerivative } from '../../src/poly/derivative';
import { PolynomialRing } from '../../src/poly/polynomial';
import {
  UPoly, uadd, ucompose, uderivative, udivmod, uevaluate, uexactDiv, uformat, ugcd, ulc, umonic, umul, upow, uprimitive, urem,
  usquarefree, usquarefreePart, usub, utrim, uxgcd, fromUnivariate, toUnivariate,
} from '../../src/poly/univariate';
import { QQu, arbCoefficient, expectPolyEqual, naiveGcd } from '../arbitraries';

const FIELDS: Field<unknown>[] = [QQu, ...[2, 3, 7, 67108859, 2147483647].map((p) => Zp(p) as unknown as Field<unknown>)];

const arbU = (F: Field<unknown>, maxDeg = 6): fc.Arbitrary<UPoly<unknown>> =>
  fc.array(arbCoefficient(F), { maxLength: maxDeg + 1 }).map((c) => utrim(F, c));
const arbNonzeroU = (F: Field<unknown>, minDeg = 0, maxDeg = 6): fc.Arbitrary<UPoly<unknown>> =>
  arbU(F, maxDeg).filter((a) => a.length - 1 >= minDeg);

/** Trimmed, canonical equality of dense polynomials. */
function expectUEqual(F: Field<unknown>, a: UPoly<unknown>, b: UPoly<unknown>): void {
  const ok = a.length === b.length && a.every((c, i) => F.eq(c, b[i])) && (a.length === 0 || !F.isZero(a[a.length - 1]));
  if (!ok) expect(uformat(F, a)).toBe(uformat(F, b));
  expect(ok).toBe(true);
}
const isConstantOne = (F: Field<unknown>, a: UPoly<unknown>): boolean => a.length === 1 && F.isOne(a[0]);

describe.each(FIELDS.map((F) => [F.name, F] as const))('univariate over %s', (_, F: Field<unknown>) => {
  test('udivmod: a = q·b + r with deg r < deg b; urem and uexactDiv agree', () => {
    fc.assert(
      fc.property(arbU(F, 8), arbNonzeroU(F, 0, 4), (a, b) => {
        const [q, r] = udivmod(F, a, b);
        expectUEqual(F, uadd(F, umul(F, q, b), r), a);
        expect(r.length).toBeLessThan(b.length);
        expectUEqual(F, urem(F, a, b), r);
        expectUEqual(F, uexactDiv(F, umul(F, a, b), b), a);
      }),
      { numRuns: 100 },
    );
    expect(() => udivmod(F, [F.one], [])).toThrow(RangeError);
  });

  test('ugcd divides both, is monic, and contains every common factor; uxgcd: s·a + t·b = g', () => {
    fc.assert(
      fc.property(arbU(F, 4), arbU(F, 4), arbU(F, 3), (u, v, c) => {
        const a = umul(F, c, u);
        const b = umul(F, c, v);
        const g = ugcd(F, a, b);
        if (a.length === 0 && b.length === 0) {
          expect(g).toHaveLength(0);
          return;
        }
        expect(F.isOne(ulc(F, g))).toBe(true);
        expect(urem(F, a, g)).toHaveLength(0);
        expect(urem(F, b, g)).toHaveLength(0);
        if (c.length > 0) expect(urem(F, g, c)).toHaveLength(0);
        const [g2, s, t] = uxgcd(F, a, b);
        expectUEqual(F, g2, g);
        expectUEqual(F, uadd(F, umul(F, s, a), umul(F, t, b)), g);
      }),
      { numRuns: 100 },
    );
  });

  test('upow, ucompose and uevaluate agree with products and Horner by hand', () => {
    fc.assert(
      fc.property(arbU(F, 3), arbU(F, 2), arbCoefficient(F), (a, b, x) => {
        let p: UPoly<unknown> = [F.one];
        for (let i = 0; i < 3; i++) p = umul(F, p, a);
        expectUEqual(F, upow(F, a, 3), p);
        expectUEqual(F, upow(F, a, 0), [F.one]);
        let direct = F.zero;
        let xp = F.one;
        for (const c of a) {
          direct = F.add(direct, F.mul(c, xp));
          xp = F.mul(xp, x);
        }
        expect(F.eq(uevaluate(F, a, x), direct)).toBe(true);
        expect(F.eq(uevaluate(F, ucompose(F, a, b), x), uevaluate(F, a, uevaluate(F, b, x)))).toBe(true);
        expect(F.eq(uevaluate(F, umul(F, a, b), x), F.mul(uevaluate(F, a, x), uevaluate(F, b, x)))).toBe(true);
        expect(F.eq(uevaluate(F, usub(F, a, b), x), F.sub(uevaluate(F, a, x), uevaluate(F, b, x)))).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  test('conversions to and from the multivariate ring; uderivative agrees with partialDerivative', () => {
    const R = new PolynomialRing(F, ['x', 'y']);
    fc.assert(
      fc.property(arbU(F, 8), (a) => {
        const p = fromUnivariate(R, 'y', a);
        expectUEqual(F, toUnivariate(p, 'y'), a);
        expectPolyEqual(fromUnivariate(R, 1, uderivative(F, a)), partialDerivative(p, 'y'));
      }),
      { numRuns: 60 },
    );
    expect(() => toUnivariate(R.variable('x').mul(R.variable('y')), 'y')).toThrow();
  });

  test('usquarefree: f = lc·Π gᵢ^mᵢ with gᵢ monic, square-free, pairwise coprime, distinct increasing mᵢ', () => {
    // Over Q, coefficient growth in the gcds makes high powers slow: keep them smaller there.
    const q = F.characteristic === 0n;
    const factor = fc.tuple(arbNonzeroU(F, 1, q ? 2 : 3), fc.integer({ min: 1, max: q ? 4 : 9 }));
    fc.assert(
      fc.property(fc.array(factor, { minLength: 1, maxLength: 3 }), arbCoefficient(F).filter((c) => !F.isZero(c)), (factors, lc) => {
        let f: UPoly<unknown> = [lc];
        for (const [g, m] of factors) f = umul(F, f, upow(F, g, m));
        if (f.length - 1 > 40) return;
        const dec = usquarefree(F, f);
        let prod: UPoly<unknown> = [ulc(F, f)];
        for (const [g, m] of dec) prod = umul(F, prod, upow(F, g, m));
        expectUEqual(F, prod, f);
        for (let i = 0; i < dec.length; i++) {
          const [g, m] = dec[i];
          expect(g.length).toBeGreaterThan(1);
          expect(F.isOne(ulc(F, g))).toBe(true);
          // square-free over a perfect field: gcd(g, g') = 1 (g' = 0 would make this g itself)
          expect(isConstantOne(F, ugcd(F, g, uderivative(F, g)))).toBe(true);
          if (i > 0) expect(m).toBeGreaterThan(dec[i - 1][1]);
          for (let j = 0; j < i; j++) expect(isConstantOne(F, ugcd(F, g, dec[j][0]))).toBe(true);
        }
        // the square-free part is the product of the factors and divides f
        const sqf = usquarefreePart(F, f);
        expect(urem(F, f, sqf)).toHaveLength(0);
        expectUEqual(F, sqf, dec.reduce<UPoly<unknown>>((acc, [g]) => umul(F, acc, g), [F.one]));
      }),
      { numRuns: 100 },
    );
  });
});

describe('square-free decomposition examples', () => {
  const text = (F: Field<unknown>, dec: [UPoly<unknown>, number][]): string[] => dec.map(([g, m]) => `(${uformat(F, g)})^${m}`);
  test('over Q: (x − 1)²(x + 2)', () => {
    const F = QQu;
    const c = (n: number): Rational => rational(BigInt(n));
    const f = umul(F, upow(F, [c(-1), c(1)], 2), [c(2), c(1)]);
    expect(text(F, usquarefree(F, f))).toEqual(['(x + 2)^1', '(x - 1)^2']);
    expect(usquarefree(F, [c(3)])).toEqual([]);
  });
  test('over Z/7: (x^7 − 1)(x + 1) = (x − 1)^7 (x + 1), where the derivative kills (x − 1)^7', () => {
    const F = Zp(7) as unknown as Field<unknown>;
    const f = umul(F, [6, 0, 0, 0, 0, 0, 0, 1], [1, 1]);
    expect(text(F, usquarefree(F, f))).toEqual(['(x + 1)^1', '(x + 6)^7']);
    // x^14 − 1 = (x² − 1)^7, a pure 7th power; times (x + 1)³: (x+1)^10 (x−1)^7
    const g = umul(F, [6, ...new Array(13).fill(0), 1], upow(F, [1, 1], 3));
    expect(text(F, usquarefree(F, g))).toEqual(['(x + 6)^7', '(x + 1)^10']);
    // (x + 1)^49: a 49th power, two p-th root steps
    expect(text(F, usquarefree(F, upow(F, [1, 1], 49)))).toEqual(['(x + 1)^49']);
  });
  test('over Z/3: x^3 + 2 = (x + 2)^3 and 2·(x^2 + 1)^6·x', () => {
    const F = Zp(3) as unknown as Field<unknown>;
    expect(text(F, usquarefree(F, [2, 0, 0, 1]))).toEqual(['(x + 2)^3']);
    const f = umul(F, [0, 2], upow(F, [1, 0, 1], 6));
    expect(text(F, usquarefree(F, f))).toEqual(['(x)^1', '(x^2 + 1)^6']);
  });
});

describe('uprimitive', () => {
  test('f = content·prim, prim integral with coprime coefficients and positive lc', () => {
    const arbQ = fc.array(fc.tuple(fc.bigInt({ min: -30n, max: 30n }), fc.bigInt({ min: 1n, max: 12n })), { maxLength: 6 }).map((cs) => utrim(QQ, cs.map(([n, d]) => rational(n, d))));
    fc.assert(
      fc.property(arbQ, (f) => {
        const [c, prim] = uprimitive(f);
        if (f.length === 0) {
          expect(prim).toEqual([]);
          return;
        }
        expect(prim[prim.length - 1] > 0n).toBe(true);
        expect(prim.reduce((g, x) => naiveGcd(g, x), 0n)).toBe(1n);
        expectUEqual(QQu, prim.map((x) => QQ.mul(c, rational(x))), f);
      }),
      { numRuns: 150 },
    );
    expect(umonic(QQ, [rational(2n), rational(4n)])).toEqual([rational(1n, 2n), rational(1n)]);
    expect(uformat(QQ, [rational(-1n), rational(0n), rational(3n, 2n)])).toBe('3/2*x^2 - 1');
  });
});
