// Primality against trial division, known Carmichael numbers and strong pseudoprimes,
// and the prime streams.
import fc from 'fast-check';
import { isPrime, isProbablePrime, nextPrime, prevPrime, primesBelow } from '../../src/arithmetic/primes';

function trialDivision(n: number): boolean {
  if (n < 2) return false;
  for (let d = 2; d * d <= n; d++) if (n % d === 0) return false;
  return true;
}

/** Is n a strong probable prime to base a (written here, independently of the library)? */
function strongProbablePrime(n: bigint, a: bigint): boolean {
  let d = n - 1n;
  let s = 0;
  while (d % 2n === 0n) {
    d /= 2n;
    s++;
  }
  let x = 1n;
  let b = a % n;
  for (let e = d; e > 0n; e >>= 1n) {
    if (e & 1n) x = (x * b) % n;
    b = (b * b) % n;
  }
  if (x === 1n || x === n - 1n) return true;
  for (let r = 1; r < s; r++) {
    x = (x * x) % n;
    if (x === n - 1n) return true;
  }
  return false;
}

describe('primality', () => {
  test('isProbablePrime and isPrime agree with trial division below 30000', () => {
    for (let n = -2; n < 30000; n++) {
      const expected = trialDivision(n);
      if (isProbablePrime(n) !== expected || (n >= 0 && isPrime(n) !== expected)) throw new Error(`wrong primality for ${n}`);
    }
  });

  test('random numbers in [2^32, 2^38) (Miller–Rabin path of isPrime) agree with trial division', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2 ** 32, max: 2 ** 38 }), (n) => {
        expect(isPrime(n)).toBe(trialDivision(n));
        expect(isProbablePrime(BigInt(n))).toBe(trialDivision(n));
      }),
      { numRuns: 60 },
    );
    // primes near the boundary
    for (const n of [4294967291, 4294967311, 4294967296 + 15]) expect(isPrime(n)).toBe(trialDivision(n));
  });

  test('Carmichael numbers are composite', () => {
    const carmichael = [561, 1105, 1729, 2465, 2821, 6601, 8911, 10585, 15841, 29341, 41041, 46657, 52633, 62745, 63973, 75361, 101101, 115921, 126217, 162401, 172081, 188461, 252601, 278545, 294409, 314821, 334153, 340561, 399001, 410041, 449065, 488881, 512461];
    for (const n of carmichael) {
      expect(trialDivision(n)).toBe(false);
      expect(isProbablePrime(n)).toBe(false);
      expect(isPrime(n)).toBe(false);
    }
  });

  test('strong pseudoprimes to the first k prime bases are rejected', () => {
    // [n, a factorization, number of leading prime bases n fools]
    const cases: [bigint, bigint[], number][] = [
      [2047n, [23n, 89n], 1],
      [1373653n, [829n, 1657n], 2],
      [25326001n, [2251n, 11251n], 3],
      [3215031751n, [151n, 751n, 28351n], 4],
      [2152302898747n, [6763n, 10627n, 29947n], 5],
      [3474749660383n, [1303n, 16927n, 157543n], 6],
      [341550071728321n, [10670053n, 32010157n], 8],
      [3825123056546413051n, [149491n, 747451n, 34233211n], 9],
      [318665857834031151167461n, [399165290221n, 798330580441n], 12],
    ];
    const bases = [2n, 3n, 5n, 7n, 11n, 13n, 17n, 19n, 23n, 29n, 31n, 37n, 41n];
    for (const [n, factors, k] of cases) {
      expect(factors.reduce((a, b) => a * b, 1n)).toBe(n);
      // the oracle confirms n really fools the first k bases, so the test is not vacuous
      for (let i = 0; i < k; i++) expect(strongProbablePrime(n, bases[i])).toBe(true);
      expect(isProbablePrime(n)).toBe(false);
      if (n <= BigInt(Number.MAX_SAFE_INTEGER)) expect(isPrime(Number(n))).toBe(false);
    }
  });

  test('large known primes', () => {
    for (const p of [2147483647n, 9007199254740881n, 2n ** 61n - 1n, 2n ** 89n - 1n, 2n ** 127n - 1n]) expect(isProbablePrime(p)).toBe(true);
    expect(isProbablePrime(2n ** 67n - 1n)).toBe(false); // 193707721 · 761838257287
    expect(isPrime(2 ** 53 - 111)).toBe(true);
  });
});

describe('prime streams', () => {
  test('prevPrime and nextPrime bracket random bounds with no prime in between', () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 10 ** 9 }), (b) => {
        const p = prevPrime(b);
        expect(p < b && trialDivision(p)).toBe(true);
        for (let n = p + 1; n < b; n++) expect(trialDivision(n)).toBe(false);
        const q = nextPrime(b);
        expect(q > b && trialDivision(q)).toBe(true);
        for (let n = b + 1; n < q; n++) expect(trialDivision(n)).toBe(false);
      }),
      { numRuns: 60 },
    );
    expect(() => prevPrime(2)).toThrow(RangeError);
    expect(nextPrime(-5)).toBe(2);
    expect(nextPrime(2)).toBe(3);
  });

  test('primesBelow(n) is the sieve of Eratosthenes, decreasing, ending at 2', () => {
    for (const n of [3, 4, 100, 1000, 7919]) {
      const sieve: number[] = [];
      const comp = new Array<boolean>(n).fill(false);
      for (let i = 2; i < n; i++) {
        if (comp[i]) continue;
        sieve.push(i);
        for (let j = i * i; j < n; j += i) comp[j] = true;
      }
      expect([...primesBelow(n)]).toEqual(sieve.reverse());
    }
    const it = primesBelow();
    expect(it.next().value).toBe(67108859);
    expect(it.next().value).toBe(prevPrime(67108859));
    expect(primesBelow(2 ** 31).next().value).toBe(2147483647);
  });
});
