// Normalized rationals: every operation against cross-multiplication, parse/print round trips,
// and the double conversions.
import fc from 'fast-check';
import {
  Rational, isInteger, parseRational, rabs, radd, rational, rationalFromNumber, rationalToNumber, rationalToString, rceil,
  rcmp, rdiv, rfloor, rinv, rmul, rneg, rpow, rsign, rsub,
} from '../../src/arithmetic/rational';
import { QQu, arbRational, expectCanonical } from '../arbitraries';

/** Numeric equality by cross-multiplication (independent of normalization). */
const same = (a: Rational, num: bigint, den: bigint): boolean => a.num * den === num * a.den;

describe('rational arithmetic', () => {
  test('results are normalized and numerically right', () => {
    fc.assert(
      fc.property(arbRational, arbRational, (a, b) => {
        const check = (r: Rational, num: bigint, den: bigint): void => {
          expectCanonical(QQu, r);
          expect(same(r, num, den)).toBe(true);
        };
        check(radd(a, b), a.num * b.den + b.num * a.den, a.den * b.den);
        check(rsub(a, b), a.num * b.den - b.num * a.den, a.den * b.den);
        check(rmul(a, b), a.num * b.num, a.den * b.den);
        check(rneg(a), -a.num, a.den);
        check(rabs(a), a.num < 0n ? -a.num : a.num, a.den);
        if (b.num !== 0n) {
          check(rdiv(a, b), a.num * b.den, a.den * b.num);
          check(rinv(b), b.den, b.num);
        }
        const c = rcmp(a, b);
        expect(c).toBe(Math.sign(Number(a.num * b.den - b.num * a.den)));
        expect(rsign(a)).toBe(a.num < 0n ? -1 : a.num > 0n ? 1 : 0);
      }),
      { numRuns: 200 },
    );
  });

  test('sums whose denominators share factors (Henrici’s path) stay normalized', () => {
    const arb = fc.tuple(fc.bigInt({ min: -50n, max: 50n }), fc.constantFrom(2n, 4n, 6n, 12n, 18n, 36n, 60n, 30n, 90n));
    fc.assert(
      fc.property(arb, arb, ([n1, d1], [n2, d2]) => {
        const a = rational(n1, d1);
        const b = rational(n2, d2);
        const s = radd(a, b);
        expectCanonical(QQu, s);
        expect(same(s, n1 * d2 + n2 * d1, d1 * d2)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  test('rational() normalizes any sign and common factor', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), (n, d) => {
        if (d === 0n) {
          expect(() => rational(n, d)).toThrow(RangeError);
          return;
        }
        const r = rational(n, d);
        expectCanonical(QQu, r);
        expect(same(r, n, d)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  test('rpow, floor, ceil, isInteger', () => {
    fc.assert(
      fc.property(arbRational, fc.integer({ min: -6, max: 6 }), (a, e) => {
        if (e < 0 && a.num === 0n) return;
        let expected: Rational = rational(1n);
        for (let i = 0; i < Math.abs(e); i++) expected = rmul(expected, a);
        if (e < 0) expected = rinv(expected);
        const p = rpow(a, e);
        expectCanonical(QQu, p);
        expect(p).toEqual(expected);
        const f = rfloor(a);
        expect(f * a.den <= a.num && a.num < (f + 1n) * a.den).toBe(true);
        const c = rceil(a);
        expect((c - 1n) * a.den < a.num && a.num <= c * a.den).toBe(true);
        expect(isInteger(a)).toBe(f === c);
      }),
      { numRuns: 200 },
    );
  });
});

describe('text and doubles', () => {
  test('parseRational ∘ rationalToString = id; decimals and exponents parse exactly', () => {
    fc.assert(
      fc.property(arbRational, fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.integer({ min: 0, max: 12 }), fc.integer({ min: -8, max: 8 }), (a, digits, frac, exp) => {
        expect(parseRational(rationalToString(a))).toEqual(a);
        // digits · 10^(−frac) · 10^exp written as a decimal with an exponent
        const sign = digits < 0n ? '-' : '';
        const s = (digits < 0n ? -digits : digits).toString().padStart(frac + 1, '0');
        const text = `${sign}${s.slice(0, s.length - frac)}${frac > 0 ? '.' + s.slice(s.length - frac) : ''}e${exp}`;
        const e = exp - frac;
        const expected = e >= 0 ? rational(digits * 10n ** BigInt(e)) : rational(digits, 10n ** BigInt(-e));
        expect(parseRational(text)).toEqual(expected);
      }),
      { numRuns: 200 },
    );
    expect(parseRational(' -3/6 ')).toEqual(rational(-1n, 2n));
    expect(parseRational('+.5')).toEqual(rational(1n, 2n));
    expect(parseRational('1.5e-3')).toEqual(rational(3n, 2000n));
    for (const bad of ['', '.', '1/0', '1/-2', 'x', '1.2.3', '--1', '1e', '3/4/5']) expect(() => parseRational(bad)).toThrow(RangeError);
  });

  test('rationalFromNumber is exact and rationalToNumber inverts it', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const r = rationalFromNumber(x);
        expectCanonical(QQu, r);
        expect(rationalToNumber(r)).toBe(x === 0 ? 0 : x);
        // exactness: r·2^1074 is the integer x·2^1074 (every double is a dyadic rational)
        expect(r.den & (r.den - 1n)).toBe(0n);
      }),
      { numRuns: 300 },
    );
    expect(() => rationalFromNumber(Infinity)).toThrow(RangeError);
    expect(() => rationalFromNumber(NaN)).toThrow(RangeError);
    expect(rationalFromNumber(0.1)).toEqual(rational(3602879701896397n, 36028797018963968n));
  });

  test('rationalToNumber is accurate for small and huge numerators and denominators', () => {
    const big = fc.oneof(fc.bigInt({ min: 1n, max: 10n ** 6n }), fc.bigInt({ min: 1n, max: 2n ** 1100n }), fc.bigInt({ min: 2n ** 1020n, max: 2n ** 1030n }));
    fc.assert(
      fc.property(big, big, fc.boolean(), (n, d, neg) => {
        const r = rational(neg ? -n : n, d);
        const x = rationalToNumber(r);
        // reference: log2|r| from 60 leading bits of each part
        const log2 = (v: bigint): number => {
          const k = Math.max(0, v.toString(2).length - 60);
          return Math.log2(Number(v >> BigInt(k))) + k;
        };
        const approxLog2 = log2(n) - log2(d);
        if (approxLog2 > 1024.5) expect(Math.abs(x)).toBe(Infinity);
        else if (approxLog2 < -1080) expect(Math.abs(x)).toBe(0);
        else if (approxLog2 < 1023.5 && approxLog2 > -1020) {
          expect(Number.isFinite(x)).toBe(true);
          expect(Math.sign(x)).toBe(neg ? -1 : 1);
          // |x − r| ≤ 2^-50 |r|, checked exactly: scale x to a rational
          const xr = rationalFromNumber(x);
          const diff = rabs(rsub(xr, r));
          expect(rcmp(rmul(diff, rational(2n ** 50n)), rabs(r)) <= 0).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
    expect(rationalToNumber(rational(1n, 3n))).toBe(1 / 3);
    expect(rationalToNumber(rational(-7n, 2n))).toBe(-3.5);
  });
});
