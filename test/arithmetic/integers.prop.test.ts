// Integer helpers against identities and naive references written here.
import fc from 'fast-check';
import { binomial, bitLength, gcd, isSquare, isqrt, lcm, modInverse, modPow, modulo, xgcd } from '../../src/arithmetic/integers';
import { naiveGcd } from '../arbitraries';

// Mix of small values, values around the 2^53 switch of gcd's number path, and big ones.
const arbInt = fc.oneof(
  fc.bigInt({ min: -1000n, max: 1000n }),
  fc.bigInt({ min: -(2n ** 60n), max: 2n ** 60n }),
  fc.bigInt({ min: 2n ** 53n - 5n, max: 2n ** 53n + 5n }),
  fc.bigInt({ min: -(2n ** 300n), max: 2n ** 300n }),
);
const arbModulus = fc.oneof(fc.bigInt({ min: 2n, max: 1000n }), fc.bigInt({ min: 2n, max: 2n ** 128n }));

describe('integers', () => {
  test('gcd agrees with plain Euclid, is non-negative and divides both; lcm·gcd = |ab|', () => {
    fc.assert(
      fc.property(arbInt, arbInt, (a, b) => {
        const g = gcd(a, b);
        expect(g).toBe(naiveGcd(a, b));
        expect(g >= 0n).toBe(true);
        if (g !== 0n) expect(a % g === 0n && b % g === 0n).toBe(true);
        const abs = (x: bigint): bigint => (x < 0n ? -x : x);
        expect(lcm(a, b) * g).toBe(abs(a * b));
      }),
      { numRuns: 200 },
    );
    expect(gcd(0n, 0n)).toBe(0n);
  });

  test('gcd of big numbers with big common factors (Lehmer steps) agrees with plain Euclid', () => {
    const big = fc.bigInt({ min: 1n, max: 2n ** 700n });
    fc.assert(
      fc.property(big, big, big, fc.bigInt({ min: 0n, max: 2n ** 2100n }), (g, u, v, w) => {
        expect(gcd(g * u, g * v)).toBe(naiveGcd(g * u, g * v));
        expect(gcd(w, g * u)).toBe(naiveGcd(w, g * u));
        expect(gcd(g * u + 1n, g)).toBe(1n);
      }),
      { numRuns: 200 },
    );
    // Consecutive Fibonacci numbers (every quotient 1), powers of two, equal and unit arguments.
    const fib = [0n, 1n];
    while (fib.length < 1500) fib.push(fib[fib.length - 1] + fib[fib.length - 2]);
    for (const k of [80, 81, 300, 1000, 1499]) expect(gcd(fib[k], fib[k - 1])).toBe(1n);
    expect(gcd(fib[1200], fib[900])).toBe(fib[300]); // gcd(F_m, F_n) = F_gcd(m, n)
    expect(gcd(2n ** 500n, 2n ** 300n * 3n)).toBe(2n ** 300n);
    expect(gcd(2n ** 400n + 7n, 2n ** 400n + 7n)).toBe(2n ** 400n + 7n);
    expect(gcd(-(3n ** 200n), 1n)).toBe(1n);
  });

  test('xgcd: s·a + t·b = g = gcd(a, b)', () => {
    fc.assert(
      fc.property(arbInt, arbInt, (a, b) => {
        const [g, s, t] = xgcd(a, b);
        expect(g).toBe(naiveGcd(a, b));
        expect(s * a + t * b).toBe(g);
      }),
      { numRuns: 200 },
    );
    expect(xgcd(240n, 46n)).toEqual([2n, -9n, 47n]);
  });

  test('modInverse: a·a⁻¹ ≡ 1 in [0, m), and a RangeError when gcd(a, m) ≠ 1', () => {
    fc.assert(
      fc.property(arbInt, arbModulus, (a, m) => {
        if (naiveGcd(a, m) === 1n) {
          const i = modInverse(a, m);
          expect(i >= 0n && i < m).toBe(true);
          expect((((a * i) % m) + m) % m).toBe(1n);
        } else expect(() => modInverse(a, m)).toThrow(RangeError);
      }),
      { numRuns: 200 },
    );
  });

  test('modPow agrees with repeated multiplication', () => {
    fc.assert(
      fc.property(arbInt, fc.integer({ min: 0, max: 150 }), arbModulus, (a, e, m) => {
        let r = 1n % m;
        for (let i = 0; i < e; i++) r = (r * a) % m;
        expect(modPow(a, BigInt(e), m)).toBe(modulo(r, m));
      }),
      { numRuns: 200 },
    );
    expect(modPow(5n, 0n, 1n)).toBe(0n);
    expect(() => modPow(2n, -1n, 7n)).toThrow(RangeError);
  });

  test('isqrt: r² ≤ n < (r+1)², also at perfect squares and their neighbours', () => {
    const n = fc.oneof(
      fc.bigInt({ min: 0n, max: 1000n }),
      fc.bigInt({ min: 0n, max: 2n ** 400n }),
      fc.bigInt({ min: 0n, max: 2n ** 120n }).chain((r) => fc.constantFrom(r * r, r * r - 1n, r * r + 1n).filter((x) => x >= 0n)),
    );
    fc.assert(
      fc.property(n, (x) => {
        const r = isqrt(x);
        expect(r * r <= x && x < (r + 1n) * (r + 1n)).toBe(true);
        expect(isSquare(x)).toBe(r * r === x);
      }),
      { numRuns: 300 },
    );
    expect(() => isqrt(-1n)).toThrow(RangeError);
  });

  test('bitLength agrees with the binary text', () => {
    fc.assert(
      fc.property(arbInt, (a) => {
        const abs = a < 0n ? -a : a;
        expect(bitLength(a)).toBe(abs === 0n ? 0 : abs.toString(2).length);
      }),
      { numRuns: 300 },
    );
    for (let k = 0n; k < 70n; k++) {
      expect(bitLength(2n ** k)).toBe(Number(k) + 1);
      expect(bitLength(2n ** k - 1n)).toBe(Number(k));
    }
  });

  test('binomial agrees with Pascal’s triangle', () => {
    const rows: bigint[][] = [[1n]];
    for (let n = 1; n <= 70; n++) rows.push(Array.from({ length: n + 1 }, (_, k) => (k === 0 || k === n ? 1n : rows[n - 1][k - 1] + rows[n - 1][k])));
    for (let n = 0; n <= 70; n++) {
      const got = Array.from({ length: n + 3 }, (_, i) => binomial(n, i - 1));
      expect(got).toEqual([0n, ...rows[n], 0n]);
    }
  });
});
