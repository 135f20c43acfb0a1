// Lifting rational vectors from modular images, and dense solving modulo p. Oracles: the lift
// recovers random fractions once the modulus is large enough (and never returns a wrong vector
// that also agrees at a fresh prime); solveModP's solutions satisfy A·X = B and agree with the
// generic echelon code; a factored matrix solves right-hand sides given later.
import fc from 'fast-check';
import { Zp } from '../../src/arithmetic/field';
import { CHECK_MODULUS, RationalLifter, agreesModulo, liftUntilStable } from '../../src/arithmetic/lifting';
import { factorModP, solveFactored, solveModP } from '../../src/arithmetic/modular-linear';
import { primesBelow } from '../../src/arithmetic/primes';
import { Rational, rational } from '../../src/arithmetic/rational';

const imageOf = (values: readonly Rational[], p: number): number[] => values.map((x) => Zp(p).fromRational(x));

const arbFraction = fc
  .tuple(fc.bigInt({ min: -(2n ** 120n), max: 2n ** 120n }), fc.bigInt({ min: 1n, max: 2n ** 90n }))
  .map(([n, d]) => rational(n, d));

describe('RationalLifter', () => {
  test('recovers vectors of fractions from their images, with an acceptance check at a fresh prime', () => {
    fc.assert(
      fc.property(fc.array(fc.array(arbFraction, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 4 }), (groups) => {
        const values = groups.flat();
        const lifter = new RationalLifter(groups.map((g) => g.length));
        const primes = primesBelow(2 ** 26);
        for (let k = 0; k < 60; k++) {
          const p = primes.next().value as number;
          if (values.some((x) => x.den % BigInt(p) === 0n)) continue;
          lifter.add(p, imageOf(values, p));
          const got = lifter.reconstruct();
          if (!got) continue;
          const check = primes.next().value as number;
          if (!agreesModulo(got, check, imageOf(values, check))) {
            lifter.forget();
            continue;
          }
          expect(got).toEqual(values);
          return;
        }
        throw new Error('no reconstruction after 60 primes');
      }),
      { numRuns: 40 },
    );
  });

  test('recovers a vector whose entries share one long denominator', () => {
    const d = 2n ** 61n - 1n;
    const values = Array.from({ length: 20 }, (_, k) => rational(BigInt(k * k) - 77n, d));
    const lifter = new RationalLifter([20]);
    const primes = primesBelow(2 ** 26);
    let got: Rational[] | undefined;
    while (!got) {
      const p = primes.next().value as number;
      lifter.add(p, imageOf(values, p));
      got = lifter.reconstruct();
    }
    expect(got).toEqual(values);
  });

  test('liftUntilStable: groups that start with integers and go on with long fractions are recovered exactly', () => {
    const arbInteger = fc.bigInt({ min: -(2n ** 300n), max: 2n ** 300n }).map((n) => rational(n));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.array(arbInteger, { maxLength: 4 }), fc.array(arbFraction, { maxLength: 4 })), { minLength: 1, maxLength: 3 }),
        (parts) => {
          const groups = parts.map(([ints, fracs]) => [...ints, ...fracs]).filter((g) => g.length > 0);
          fc.pre(groups.length > 0);
          const values = groups.flat();
          const primes = primesBelow(2 ** 21);
          const next = (): { p: number; img: number[] } => {
            for (;;) {
              const p = primes.next().value as number;
              if (!values.some((x) => x.den % BigInt(p) === 0n)) return { p, img: imageOf(values, p) };
            }
          };
          expect(liftUntilStable(groups.map((g) => g.length), next, 400)).toEqual(values);
        },
      ),
      { numRuns: 60 },
    );
  });

  /** `values` as one group lifted from primes below 2^21 until stable, and how many primes that took. */
  const liftCountingPrimes = (values: readonly Rational[]): { got: Rational[] | undefined; used: number } => {
    const primes = primesBelow(2 ** 21);
    let used = 0;
    const got = liftUntilStable([values.length], () => {
      used++;
      const p = primes.next().value as number;
      return { p, img: imageOf(values, p) };
    }, 1000);
    return { got, used };
  };

  test('long numerators over small denominators need about half the primes of a balanced fraction', () => {
    // 2000-bit numerators, denominators 1, 2 and 3 (integers first): taken once M passes
    // 2^(2000 + 85), about 100 primes below 2^21 (a balanced reconstruction needs M > 2^4001: ~191).
    const values = Array.from({ length: 12 }, (_, k) => rational((k % 3 === 0 ? -1n : 1n) * (3n ** 1260n + BigInt(k) ** 40n), k < 4 ? 1n : BigInt(1 + (k % 3))));
    const { got, used } = liftCountingPrimes(values);
    expect(got).toEqual(values);
    expect(used).toBeLessThan(120);
  });

  test('long numerators over a long shared denominator need their own bits and 21 more, not the denominator\'s too', () => {
    // 1/L last (tried first: a balanced reconstruction, M > 2^255) gives the group its
    // denominator L = 2^127 − 1; the 400-bit numerators over L are then taken once M passes
    // 2^421 (21 primes below 2^21, and 2 to check: 23), where the bound M/(2L·2^20) used before
    // took 27 primes in all.
    const L = 2n ** 127n - 1n;
    const values = [...Array.from({ length: 10 }, (_, k) => rational((k % 2 === 0 ? 1n : -1n) * (3n ** 252n + BigInt(k + 1) ** 30n), L)), rational(1n, L)];
    const { got, used } = liftCountingPrimes(values);
    expect(got).toEqual(values);
    expect(used).toBeLessThanOrEqual(24);
  });

  test('rejects an image of the wrong length', () => {
    expect(() => new RationalLifter([2, 3]).add(7, [1, 2, 3])).toThrow(RangeError);
  });
});

describe('acceptance of a lifted value', () => {
  test('a candidate is accepted only after checks whose primes multiply to CHECK_MODULUS', () => {
    // v = 1 + 303·1000 is 1 modulo 101 and modulo 3: read off the first prime (101) as 1, it
    // agrees with a check at 3, which a single check prime would have accepted.
    const v = 303001;
    const stream = [101, 3, ...Array.from(primesBelow(2 ** 21)).slice(0, 40)];
    let at = 0;
    const next = () => (at < stream.length ? { p: stream[at], img: [v % stream[at++]] } : undefined);
    expect(v % 101).toBe(1);
    expect(v % 3).toBe(1);
    expect(liftUntilStable([1], next, 100)).toEqual([rational(BigInt(v))]);
    expect(CHECK_MODULUS).toBe(2n ** 24n);
  });
});

describe.each([1000003, 67108859])('solveModP modulo %d (delayed reductions below 2^21)', (p) => {
  test('solutions satisfy A·X = B; singular matrices are reported', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.array(fc.integer({ min: 0, max: p - 1 }), { minLength: 80, maxLength: 80 }), (D, seed) => {
        const A = Array.from({ length: D }, (_, r) => Float64Array.from({ length: D }, (_, c) => seed[(r * D + c) % 80]));
        const B = [Float64Array.from({ length: D }, (_, r) => seed[(r + 7) % 80])];
        const X = solveModP(A, B, p);
        if (!X) {
          // Singular: the determinant (by fraction-free elimination over Z/p with bigints) is 0.
          expect(determinant(A, p)).toBe(0n);
          return;
        }
        for (let r = 0; r < D; r++) {
          let s = 0n;
          for (let c = 0; c < D; c++) s += BigInt(A[r][c]) * BigInt(X[0][c]);
          expect(s % BigInt(p)).toBe(BigInt(B[0][r]));
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe.each([1000003, 67108859])('factorModP and solveFactored modulo %d', (p) => {
  test('the factored matrix solves every right-hand side, given at once or one by one, and is missing exactly when A is singular', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 4 }), fc.array(fc.integer({ min: 0, max: p - 1 }), { minLength: 97, maxLength: 97 }), fc.integer({ min: 0, max: 3 }), (D, m, seed, zeros) => {
        // Some entries zeroed (seed values below a threshold), so that pivots are searched and rows swapped.
        const entry = (k: number) => (seed[k % 97] % 4 < zeros ? 0 : seed[k % 97]);
        const A = Array.from({ length: D }, (_, r) => Float64Array.from({ length: D }, (_, c) => entry(r * D + c)));
        const B = Array.from({ length: m }, (_, j) => Float64Array.from({ length: D }, (_, r) => seed[(r * 5 + j * 11 + 3) % 97]));
        const before = A.map((row) => Float64Array.from(row));
        const factored = factorModP(A, p);
        expect(A).toEqual(before);
        if (!factored) {
          expect(determinant(A, p)).toBe(0n);
          return;
        }
        const X = solveFactored(factored, B);
        B.forEach((b, j) => {
          for (let r = 0; r < D; r++) {
            let s = 0n;
            for (let c = 0; c < D; c++) s += BigInt(A[r][c]) * BigInt(X[j][c]);
            expect(s % BigInt(p)).toBe(BigInt(b[r]));
          }
          // A right-hand side alone, as a later caller asks, has the same solution.
          expect(solveFactored(factored, [b])).toEqual([X[j]]);
        });
      }),
      { numRuns: 150 },
    );
  });

  test('past 1024 pivots (the delayed reductions), on a banded matrix', () => {
    const D = 1030;
    const A = Array.from({ length: D }, (_, r) => {
      const row = new Float64Array(D);
      for (let c = Math.max(0, r - 2); c <= Math.min(D - 1, r + 2); c++) row[c] = (r * 7919 + c * 104729 + 1) % p;
      row[(r * 37) % D] = (r * 31 + 5) % p;
      return row;
    });
    const b = Float64Array.from({ length: D }, (_, r) => (r * r + 3) % p);
    const factored = factorModP(A, p);
    expect(factored).toBeDefined();
    const [x] = solveFactored(factored!, [b]);
    for (let r = 0; r < D; r++) {
      let s = 0n;
      for (let c = 0; c < D; c++) if (A[r][c] !== 0) s += BigInt(A[r][c]) * BigInt(x[c]);
      expect(s % BigInt(p)).toBe(BigInt(b[r]));
    }
  });
});

function determinant(A: readonly Float64Array[], p: number): bigint {
  const P = BigInt(p);
  const M = A.map((row) => Array.from(row, (x) => BigInt(x)));
  const n = M.length;
  let det = 1n;
  for (let c = 0; c < n; c++) {
    const r = M.findIndex((row, i) => i >= c && row[c] % P !== 0n);
    if (r < 0) return 0n;
    if (r !== c) {
      [M[r], M[c]] = [M[c], M[r]];
      det = -det;
    }
    det = (det * M[c][c]) % P;
    const inv = Zp(p).inv(Number(((M[c][c] % P) + P) % P));
    for (let i = c + 1; i < n; i++) {
      const f = (M[i][c] * BigInt(inv)) % P;
      for (let j = c; j < n; j++) M[i][j] = (M[i][j] - f * M[c][j]) % P;
    }
  }
  return ((det % P) + P) % P;
}

test('solveModP past 1024 pivots (the periodic reduction of delayed sums) still solves A·X = B', () => {
  const p = 1000003;
  const D = 1030;
  let s = 12345;
  const next = () => (s = (s * 1103515245 + 12345) % 2147483648) % p;
  const A = Array.from({ length: D }, () => Float64Array.from({ length: D }, next));
  const B = [Float64Array.from({ length: D }, next)];
  const X = solveModP(A, B, p);
  expect(X).toBeDefined();
  for (let r = 0; r < D; r += 97) {
    let acc = 0n;
    for (let c = 0; c < D; c++) acc += BigInt(A[r][c]) * BigInt((X as Float64Array[])[0][c]);
    expect(acc % BigInt(p)).toBe(BigInt(B[0][r]));
  }
});

describe('denominators that grow down a polynomial', () => {
  // χ = Π(T − θⱼ) for roots θⱼ = aⱼ/b: the coefficient of T^(D−k) has denominator dividing b^k
  // and a numerator of about k·(bits of a), so the lowest coefficient is the hardest. With the
  // group's denominator carried down from the top, each coefficient needs about the bits of its
  // numerator plus the few new bits of its denominator, not numerator + denominator.
  test('a monic polynomial with rational roots is lifted with fewer modulus bits than its hardest coefficient has', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), fc.bigInt({ min: 2n ** 40n, max: 2n ** 60n })).map(([s, r]) => (s ? -r : r)), { minLength: 10, maxLength: 16 }), fc.bigInt({ min: 2n ** 40n, max: 2n ** 50n }).map((b) => 2n * b + 1n), (roots, b) => {
        // ascending coefficients of Π(T − r/b), lc omitted
        let poly: Rational[] = [rational(1n)];
        for (const r of roots) {
          const next: Rational[] = Array.from({ length: poly.length + 1 }, () => rational(0n));
          poly.forEach((c, i) => {
            next[i + 1] = rational(next[i + 1].num * c.den + c.num * next[i + 1].den, next[i + 1].den * c.den);
            next[i] = rational(next[i].num * c.den * b - r * c.num * next[i].den, next[i].den * c.den * b);
          });
          poly = next;
        }
        const values = poly.slice(0, -1);
        const hardest = Math.max(...values.map((x) => (x.num < 0n ? -x.num : x.num).toString(2).length + x.den.toString(2).length));
        fc.pre(hardest > 800);
        const primes = primesBelow(2 ** 21);
        let modulusBits = 0;
        const next = (): { p: number; img: number[] } => {
          for (;;) {
            const p = primes.next().value as number;
            if (b % BigInt(p) === 0n) continue;
            modulusBits += Math.log2(p);
            return { p, img: imageOf(values, p) };
          }
        };
        expect(liftUntilStable([values.length], next, 1000)).toEqual(values);
        expect(modulusBits).toBeLessThan(0.75 * hardest);
      }),
      { numRuns: 25 },
    );
  });
});
