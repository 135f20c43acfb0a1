// CRT and rational reconstruction: round trips, and no wrong answer when the modulus is too small.
import fc from 'fast-check';
import { modInverse, modulo } from '../../src/arithmetic/integers';
import { primesBelow } from '../../src/arithmetic/primes';
import { Rational, rational } from '../../src/arithmetic/rational';
import { crt, crtPair, rationalReconstruction, symmetricMod } from '../../src/arithmetic/reconstruction';
import { naiveGcd } from '../arbitraries';

const take = (it: Iterator<number>, k: number): bigint[] => Array.from({ length: k }, () => BigInt(it.next().value as number));
const POOL = [...take(primesBelow(2 ** 26), 12), ...take(primesBelow(2 ** 31), 6), ...take(primesBelow(200), 10)];

const arbModuli = fc.uniqueArray(fc.constantFrom(...POOL), { minLength: 1, maxLength: 6 });

/** The image n·d⁻¹ of n/d modulo m. */
const image = (r: Rational, m: bigint): bigint => modulo(r.num * modInverse(r.den, m), m);

describe('CRT', () => {
  test('crt of the residues of x < Π m recovers x', () => {
    fc.assert(
      fc.property(
        arbModuli.chain((ms) => {
          const M = ms.reduce((a, b) => a * b, 1n);
          return fc.tuple(fc.constant(ms), fc.bigInt({ min: 0n, max: M - 1n }), fc.bigInt({ min: -5n, max: 5n }));
        }),
        ([ms, x, k]) => {
          const M = ms.reduce((a, b) => a * b, 1n);
          // residues given out of range (x + k·M, possibly negative) must not matter
          const [y, N] = crt(ms.map((m) => (x + k * M) % m), ms);
          expect(N).toBe(M);
          expect(y).toBe(x);
        },
      ),
      { numRuns: 150 },
    );
    expect(() => crt([], [])).toThrow(RangeError);
    expect(() => crt([1n], [3n, 5n])).toThrow(RangeError);
  });

  test('crtPair with coprime composite moduli', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 12n }), fc.bigInt({ min: 1n, max: 10n ** 12n }), fc.bigInt({ min: 0n, max: 10n ** 30n }), (m, n, x) => {
        if (naiveGcd(m, n) !== 1n) return;
        const [y, mn] = crtPair(x % m, m, x % n, n);
        expect(mn).toBe(m * n);
        expect(y).toBe(x % (m * n));
      }),
      { numRuns: 150 },
    );
  });

  test('symmetricMod lies in (−m/2, m/2] and is congruent', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.bigInt({ min: 1n, max: 10n ** 10n }), (a, m) => {
        const s = symmetricMod(a, m);
        expect(2n * s > -m && 2n * s <= m).toBe(true);
        expect(modulo(s - a, m)).toBe(0n);
      }),
      { numRuns: 200 },
    );
  });
});

describe('rational reconstruction', () => {
  const arbFraction = (B: bigint): fc.Arbitrary<Rational> =>
    fc.tuple(fc.bigInt({ min: -B, max: B }), fc.bigInt({ min: 1n, max: B })).map(([n, d]) => rational(n, d));

  test('n/d with |n|, d ≤ 10^6 is recovered modulo a product of primes with m > 2·10^12', () => {
    fc.assert(
      fc.property(arbFraction(10n ** 6n), fc.uniqueArray(fc.constantFrom(...POOL.slice(0, 18)), { minLength: 2, maxLength: 3 }), (r, ms) => {
        const m = ms.reduce((a, b) => a * b, 1n);
        expect(m > 2n * 10n ** 12n).toBe(true);
        // through CRT of the per-prime images, as a modular algorithm would
        const [a] = crt(ms.map((p) => image(r, p)), ms);
        expect(rationalReconstruction(a, m)).toEqual(r);
      }),
      { numRuns: 150 },
    );
  });

  test('large moduli (the Lehmer steps): the same answer as the plain half-extended Euclid', () => {
    // The reference: the remainder sequence one exact step at a time, stopped at the first r ≤ N.
    const plain = (a: bigint, m: bigint, N: bigint, D: bigint): Rational | undefined => {
      let [r0, r1, t0, t1] = [m, ((a % m) + m) % m, 0n, 1n];
      while (r1 > N) {
        const q = r0 / r1;
        [r0, r1] = [r1, r0 - q * r1];
        [t0, t1] = [t1, t0 - q * t1];
      }
      if (t1 === 0n) return undefined;
      const [n, d] = t1 < 0n ? [-r1, -t1] : [r1, t1];
      return d > D || naiveGcd(n, d) !== 1n ? undefined : { num: n, den: d };
    };
    const big = (bits: number) => fc.bigInt({ min: 1n, max: 2n ** BigInt(bits) });
    fc.assert(
      fc.property(big(300), big(300), big(700), fc.integer({ min: 200, max: 700 }), fc.boolean(), (n, d, x, mbits, planted) => {
        const m = 2n ** BigInt(mbits) + 1n + 2n * (x % 1000n); // odd, not necessarily prime
        if (naiveGcd(d, m) !== 1n) return;
        const a = planted ? (((n % m) * modInverse(d % m, m)) % m) : x % m;
        let bound = 0n;
        for (let b = BigInt(mbits) / 2n; b >= 0n; b--) if ((bound | (1n << b)) ** 2n <= m / 2n) bound |= 1n << b;
        expect(rationalReconstruction(a, m)).toEqual(plain(a, m, bound, bound));
        const N = bound >> 7n;
        const D = (bound << 7n) || 1n;
        expect(rationalReconstruction(a, m, N, D)).toEqual(plain(a, m, N, D));
      }),
      { numRuns: 300 },
    );
  });

  test('explicit bounds N, D: recovered when 2·N·D < m', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 9n }), fc.bigInt({ min: 1n, max: 10n ** 3n }), fc.nat(), fc.nat(), (N, D, i, j) => {
        const m = 2147483647n * 67108859n; // ≈ 1.4·10^17 > 2·10^12
        const r = rational(BigInt(i) % (2n * N + 1n) - N, (BigInt(j) % D) + 1n);
        expect(rationalReconstruction(image(r, m), m, N, D)).toEqual(r);
      }),
      { numRuns: 150 },
    );
  });

  test('a modulus too small never gives a wrong fraction: undefined, or one within the bounds that is congruent', () => {
    let undefinedSeen = 0;
    fc.assert(
      fc.property(arbFraction(10n ** 8n), fc.constantFrom(101n, 1009n, 65521n, 67108859n), (r, m) => {
        if (naiveGcd(r.den, m) !== 1n) return;
        const a = image(r, m);
        const s = rationalReconstruction(a, m);
        let bound = 0n;
        while ((bound + 1n) * (bound + 1n) <= m / 2n) bound++;
        const within = (x: Rational): boolean => (x.num < 0n ? -x.num : x.num) <= bound && x.den <= bound;
        if (s === undefined) {
          undefinedSeen++;
          // undefined only when the true fraction is out of bounds
          expect(within(r)).toBe(false);
          return;
        }
        expect(within(s)).toBe(true);
        expect(naiveGcd(s.num, s.den)).toBe(1n);
        expect(modulo(s.num - a * s.den, m)).toBe(0n);
        // the answer is unique within the bounds, so a true fraction within them is the answer
        if (within(r)) expect(s).toEqual(r);
      }),
      { numRuns: 200 },
    );
    expect(undefinedSeen).toBeGreaterThan(0);
  });

  test('examples', () => {
    expect(rationalReconstruction((5n * modInverse(7n, 1009n)) % 1009n, 1009n)).toEqual(rational(5n, 7n));
    expect(rationalReconstruction(0n, 1009n)).toEqual(rational(0n));
    expect(rationalReconstruction(1008n, 1009n)).toEqual(rational(-1n));
  });
});
