/**
 * Primality and streams of primes for modular algorithms.
 *
 * `isProbablePrime` is Miller–Rabin; with the fixed bases used here it is deterministic below
 * 3.3·10^24 (Sorenson–Webster 2015), and a strong probable-prime test above. `primesBelow` yields
 * primes in decreasing order starting below a bound: modular Gröbner runs take them one by one
 * and skip the unlucky ones.
 */
import { InputError, PrimeSource } from '../errors';
import { modPow } from './integers';

const SMALL_PRIMES = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41];

/** Miller–Rabin with the first 13 prime bases (deterministic for n < 3.3·10^24). */
export function isProbablePrime(n: bigint | number): boolean {
  const N = BigInt(n);
  if (N < 2n) return false;
  for (const p of SMALL_PRIMES) {
    const P = BigInt(p);
    if (N === P) return true;
    if (N % P === 0n) return false;
  }
  let d = N - 1n;
  let s = 0;
  while ((d & 1n) === 0n) {
    d >>= 1n;
    s++;
  }
  witness: for (const a of SMALL_PRIMES) {
    let x = modPow(BigInt(a), d, N);
    if (x === 1n || x === N - 1n) continue;
    for (let r = 1; r < s; r++) {
      x = (x * x) % N;
      if (x === N - 1n) continue witness;
    }
    return false;
  }
  return true;
}

/** Fast primality for safe integers: trial division up to √n (used for small n). */
function isPrimeSmall(n: number): boolean {
  if (n < 2) return false;
  if (n % 2 === 0) return n === 2;
  for (let d = 3; d * d <= n; d += 2) if (n % d === 0) return false;
  return true;
}

/** Is the safe integer n prime? Trial division below 2^32, Miller–Rabin above. */
export function isPrime(n: number): boolean {
  if (!Number.isSafeInteger(n)) throw new RangeError(`isPrime expects a safe integer, got ${n}`);
  return n < 2 ** 32 ? isPrimeSmall(n) : isProbablePrime(n);
}

/** The largest prime strictly below `bound` (bound > 2). */
export function prevPrime(bound: number): number {
  for (let n = bound - 1; n >= 2; n--) if (isPrime(n)) return n;
  throw new RangeError(`no prime below ${bound}`);
}

/** The smallest prime strictly above n. */
export function nextPrime(n: number): number {
  for (let m = Math.max(2, Math.floor(n) + 1); ; m++) if (isPrime(m)) return m;
}

/** Primes found so far below each bound, in decreasing order (modular algorithms ask again and again). */
const primeCache = new Map<number, number[]>();

/**
 * Primes in decreasing order, starting with the largest prime below `bound`
 * (default 2^26, the fast path of `Zp`). Example: the first of `primesBelow(100)` is 97.
 */
export function* primesBelow(bound: number = 2 ** 26): Generator<number> {
  let cached = primeCache.get(bound);
  if (!cached) primeCache.set(bound, (cached = []));
  for (let i = 0; ; i++) {
    if (i === cached.length) {
      const last = i === 0 ? bound : cached[i - 1];
      if (last <= 2) return;
      cached.push(prevPrime(last));
    }
    yield cached[i];
  }
}

/** The largest prime below `bound` at which `good` holds (e.g. no coefficient's denominator vanishes), or 0 if none. */
export function firstPrimeWhere(good: (p: number) => boolean, bound: number = 2 ** 26): number {
  for (const p of primesBelow(bound)) if (good(p)) return p;
  return 0;
}

/**
 * The primes a modular loop needing primes below `bound` computes modulo: those of the
 * computation's prime source (`Deadline.primes`), each checked to be a prime below the bound (an
 * InputError otherwise), or by default `primesBelow(bound)`.
 */
export function primeStream(bound: number, control?: { primes?: PrimeSource }): Generator<number> {
  const source = control?.primes;
  if (!source) return primesBelow(bound);
  return (function* () {
    for (const p of source(bound)) {
      if (!(Number.isSafeInteger(p) && p >= 2 && p < bound && isPrime(p))) throw new InputError(`the prime source gave ${String(p)}, which is not a prime below ${bound}`);
      yield p;
    }
  })();
}
