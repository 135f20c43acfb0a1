// Examples and edge cases of QQ and Z/p.
import { FAST_PRIME_LIMIT, QQ, Zp, isPrimeField } from '../../src/arithmetic/field';
import { rational } from '../../src/arithmetic/rational';
import { InputError } from '../../src/errors';

describe('Zp', () => {
  test('the documented example and caching', () => {
    expect(Zp(7).inv(3)).toBe(5);
    expect(Zp(7)).toBe(Zp(7n));
    expect(Zp(7).name).toBe('GF(7)');
    expect(Zp(7).characteristic).toBe(7n);
  });
  test('67108859 is on the fast path and 2^31 − 1 is not', () => {
    expect(67108859 < FAST_PRIME_LIMIT).toBe(true);
    expect(2147483647 >= FAST_PRIME_LIMIT).toBe(true);
  });
  test('rejects moduli that are not primes 2 ≤ p < 2^53 (issue 19: Zp(4) computed)', () => {
    expect(() => Zp(1)).toThrow(InputError);
    expect(() => Zp(2 ** 53 + 1)).toThrow(InputError);
    expect(() => Zp(2.5)).toThrow(InputError);
    expect(() => Zp(4)).toThrow(/4 is not one .*primes near it: 3, 5/);
    expect(() => Zp(2 ** 26 + 1)).toThrow(InputError);
  });
  test('fromRational with a denominator divisible by p throws, reduceable ones map', () => {
    const F = Zp(7);
    expect(() => F.fromRational(rational(1n, 14n))).toThrow(RangeError);
    expect(F.fromRational(rational(3n, 2n))).toBe(5); // 2·5 = 10 ≡ 3
    expect(F.fromRational(rational(-1n, 3n))).toBe(2); // 3·2 = 6 ≡ −1
    expect(F.parse('-1/3')).toBe(2);
    expect(F.fromInt(-15)).toBe(6);
    expect(F.fromInt(10n ** 30n)).toBe(Number(10n ** 30n % 7n));
    // numbers beyond 2^53 take the bigint path
    expect(F.fromInt(2 ** 60)).toBe(Number(2n ** 60n % 7n));
    expect(F.fromInt(-(2 ** 60))).toBe(Number((7n - (2n ** 60n % 7n)) % 7n));
    expect(Object.is(F.fromInt(-14), 0)).toBe(true);
  });
  test('GF(2)', () => {
    const F = Zp(2);
    expect(F.one).toBe(1);
    expect(F.add(1, 1)).toBe(0);
    expect(F.neg(1)).toBe(1);
    expect(F.inv(1)).toBe(1);
  });
  test('isPrimeField', () => {
    expect(isPrimeField(Zp(5))).toBe(true);
    expect(isPrimeField(QQ)).toBe(false);
  });
});

describe('QQ', () => {
  test('examples', () => {
    expect(QQ.add(rational(1n, 6n), rational(1n, 3n))).toEqual(rational(1n, 2n));
    expect(QQ.add(rational(1n, 6n), rational(-1n, 6n))).toEqual(QQ.zero);
    expect(QQ.mul(rational(2n, 3n), rational(3n, 2n))).toEqual(QQ.one);
    expect(QQ.inv(rational(-2n, 3n))).toEqual({ num: -3n, den: 2n });
    expect(QQ.toString(rational(6n, -8n))).toBe('-3/4');
    expect(QQ.parse('0.25')).toEqual(rational(1n, 4n));
    expect(() => QQ.inv(QQ.zero)).toThrow(RangeError);
  });
});
