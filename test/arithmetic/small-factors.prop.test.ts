// Integers with their small prime factors (arithmetic/small-factors.ts) against the Euclidean gcd
// and the integers themselves: the gcd through the split is the gcd, and growing a split by a
// factor gives the split of the product.
import fc from 'fast-check';
import { gcd } from '../../src/arithmetic/integers';
import { ONE_FACTORED, SMALL_FACTOR_LIMIT, SmallFactored, factorSmall, gcdFactored, gcdsFactored, times } from '../../src/arithmetic/small-factors';

const SMALL = [2n, 3n, 5n, 7n, 31n, 4093n]; // 4093: the largest prime below the limit
const LARGE = [4099n, 65537n, 2n ** 61n - 1n]; // primes above it

/** Products of small primes to high powers (as the lcm of a basis' denominators) and a few large ones. */
const arbFactored = fc
  .tuple(fc.array(fc.tuple(fc.constantFrom(...SMALL), fc.integer({ min: 0, max: 60 })), { maxLength: 5 }), fc.array(fc.constantFrom(...LARGE), { maxLength: 2 }), fc.bigInt({ min: 1n, max: 2n ** 40n }))
  .map(([small, large, extra]) => small.reduce((n, [q, e]) => n * q ** BigInt(e), 1n) * large.reduce((n, q) => n * q, 1n) * extra);

/** Numerators sharing some of those factors, or none. */
const arbNumerator = fc.oneof(
  fc.bigInt({ min: -(2n ** 400n), max: 2n ** 400n }),
  fc.tuple(fc.array(fc.tuple(fc.constantFrom(...SMALL, ...LARGE), fc.integer({ min: 0, max: 70 })), { maxLength: 4 }), fc.bigInt({ min: -(2n ** 80n), max: 2n ** 80n })).map(([f, c]) => f.reduce((n, [q, e]) => n * q ** BigInt(e), c)),
);

function checkSplit(a: SmallFactored, n: bigint): void {
  expect(a.value).toBe(n);
  let product = a.cofactor;
  a.primes.forEach((q, i) => {
    expect(q).toBeLessThan(SMALL_FACTOR_LIMIT);
    expect(a.exponents[i]).toBeGreaterThan(0);
    product *= BigInt(q) ** BigInt(a.exponents[i]);
  });
  expect(product).toBe(n);
  // The cofactor has no prime factor below the limit.
  for (let q = 2n; q < BigInt(SMALL_FACTOR_LIMIT); q++) if (a.cofactor % q === 0n) throw new Error(`cofactor ${a.cofactor} divisible by ${q}`);
  expect([...a.primes].sort((x, y) => x - y)).toEqual(a.primes);
}

describe('integers with their small prime factors', () => {
  test('the split multiplies back to the integer, with a cofactor free of small primes', () => {
    fc.assert(fc.property(arbFactored, (n) => checkSplit(factorSmall(n), n)), { numRuns: 60 });
    // Below 2^53 the split is in doubles: small integers, with a prime near the limit left over.
    fc.assert(fc.property(fc.bigInt({ min: 1n, max: 2n ** 53n - 1n }), (n) => checkSplit(factorSmall(n), n)), { numRuns: 60 });
    checkSplit(factorSmall(6n * 4093n), 6n * 4093n);
    checkSplit(factorSmall(1n), 1n);
    checkSplit(factorSmall(4093n * 4093n), 4093n * 4093n);
    checkSplit(factorSmall(4099n * 4099n), 4099n * 4099n);
    expect(() => factorSmall(0n)).toThrow(RangeError);
  });

  test('gcd through the split is the Euclidean gcd', () => {
    fc.assert(
      fc.property(arbNumerator, arbFactored, (y, L) => {
        expect(gcdFactored(y, factorSmall(L))).toBe(gcd(y, L) === 0n ? L : gcd(y, L));
      }),
    );
    // Numerators below 2^53 (taken in doubles), sharing small and large factors with L or not.
    const arbSmallNumerator = fc
      .tuple(fc.array(fc.constantFrom(...SMALL, 4099n, 65537n), { maxLength: 6 }), fc.bigInt({ min: -(2n ** 20n), max: 2n ** 20n }))
      .map(([f, c]) => f.reduce((n, q) => n * q, c))
      .filter((y) => y > -(2n ** 53n) && y < 2n ** 53n);
    fc.assert(
      fc.property(arbSmallNumerator, arbFactored, (y, L) => {
        expect(gcdFactored(y, factorSmall(L))).toBe(gcd(y, L) === 0n ? L : gcd(y, L));
      }),
      { numRuns: 200 },
    );
    expect(gcdFactored(2n ** 53n - 1n, factorSmall(2n ** 53n - 1n))).toBe(2n ** 53n - 1n);
    expect(gcdFactored(-(4099n * 8n), factorSmall(4099n * 65537n * 2n ** 70n))).toBe(4099n * 8n);
    expect(gcdFactored(0n, factorSmall(12n))).toBe(12n);
    expect(gcdFactored(-(3n ** 100n), factorSmall(3n ** 60n * 4099n))).toBe(3n ** 60n);
    expect(gcdFactored(5n, ONE_FACTORED)).toBe(1n);
  });

  test('gcds of many numerators at once are the gcds one by one', () => {
    // Numerators sharing large factors with L in a few places (so that the halving reaches them),
    // zeros, multiples of L (a monic coefficient over its own denominator), and groups of every size.
    const arbGroup = (L: bigint) =>
      fc.array(fc.oneof(arbNumerator, fc.constant(0n), fc.bigInt({ min: -5n, max: 5n }).map((m) => m * L), fc.constantFrom(...LARGE).chain((q) => fc.bigInt({ min: -(2n ** 90n), max: 2n ** 90n }).map((c) => c * q))), { maxLength: 40 });
    fc.assert(
      fc.property(
        arbFactored.chain((L) => fc.tuple(fc.constant(L), arbGroup(L))),
        ([L, ys]) => {
          const a = factorSmall(L);
          expect(gcdsFactored(ys, a)).toEqual(ys.map((y) => gcdFactored(y, a)));
        },
      ),
      { numRuns: 150 },
    );
    const L = 4099n * 65537n * (2n ** 61n - 1n) * 12n;
    const ys = [L, 4099n * 7n, 1n, 65537n * 4099n, -(2n ** 61n - 1n), 5n, 11n, 13n, 0n, 4099n];
    expect(gcdsFactored(ys, factorSmall(L))).toEqual([L, 4099n, 1n, 65537n * 4099n, 2n ** 61n - 1n, 1n, 1n, 1n, L, 4099n]);
  });

  test('growing a split by a factor gives the split of the product', () => {
    fc.assert(
      fc.property(arbFactored, arbFactored, arbNumerator, (L, f, y) => {
        const grown = times(factorSmall(L), f);
        checkSplit(grown, L * f);
        expect(gcdFactored(y, grown)).toBe(gcd(y, L * f) === 0n ? L * f : gcd(y, L * f));
      }),
      { numRuns: 60 },
    );
  });
});
