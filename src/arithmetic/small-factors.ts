/**
 * An integer kept with its small prime factors, for fast gcds against it.
 *
 * A positive integer L is held as Π qᵢ^eᵢ · c, the qᵢ the primes below `SMALL_FACTOR_LIMIT` that
 * divide it and c (the cofactor) free of them. Then gcd(y, L) = Π qᵢ^min(v_qᵢ(y), eᵢ) · gcd(y, c),
 * and the small part costs one bigint remainder per group of primes whose product stays below
 * 2^53 (y modulo the group's product, then each qᵢ in doubles) plus one remainder per 53 bits of
 * each qᵢ^eᵢ that divides y — where a Euclidean gcd on y and L runs Lehmer steps over all of L's
 * bits. The lcm of a Gröbner basis' denominators is usually smooth (katsura-9: primes up to 31,
 * 422 bits), and reducing each coefficient's y/L to lowest terms was half of the reconstruction.
 * L grows by factors (`times`), and only the factor is split by trial division.
 */
import { gcd } from './integers';

const TWO_53 = 2n ** 53n;

/** Primes below this are split off; the cofactor has no prime factor below it. */
export const SMALL_FACTOR_LIMIT = 1 << 12;

/** L = Π primes[i]^exponents[i] · cofactor, as described in the file header. */
export interface SmallFactored {
  readonly value: bigint;
  readonly primes: readonly number[];
  readonly exponents: readonly number[];
  readonly cofactor: bigint;
  /** The primes in groups whose products stay below 2^53, with those products. */
  readonly groups: readonly { product: bigint; primes: readonly number[] }[];
  /** primes[i]^exponents[i], when above 2^53 (a valuation then starts with one remainder by it). */
  readonly powers: readonly (bigint | undefined)[];
}

const SMALL_PRIMES: number[] = (() => {
  const sieve = new Uint8Array(SMALL_FACTOR_LIMIT);
  const out: number[] = [];
  for (let q = 2; q < SMALL_FACTOR_LIMIT; q++) {
    if (sieve[q]) continue;
    out.push(q);
    for (let m = q * q; m < SMALL_FACTOR_LIMIT; m += q) sieve[m] = 1;
  }
  return out;
})();

/** Groups of consecutive primes whose products stay below 2^53. */
function groupsOf(primes: readonly number[]): { product: bigint; primes: number[] }[] {
  const groups: { product: bigint; primes: number[] }[] = [];
  let product = 1;
  let members: number[] = [];
  for (const q of primes) {
    if (product * q > Number.MAX_SAFE_INTEGER) {
      groups.push({ product: BigInt(product), primes: members });
      product = 1;
      members = [];
    }
    product *= q;
    members.push(q);
  }
  if (members.length > 0) groups.push({ product: BigInt(product), primes: members });
  return groups;
}

const SMALL_PRIME_GROUPS = groupsOf(SMALL_PRIMES);

const LARGEST_POWERS: ({ k: number; Q: bigint } | undefined)[] = [];

/** The largest power Q = q^k below 2^53, and k. */
function largestPower(q: number): { k: number; Q: bigint } {
  let cached = LARGEST_POWERS[q];
  if (cached === undefined) {
    let k = 0;
    let power = 1;
    while (power * q <= Number.MAX_SAFE_INTEGER) {
      power *= q;
      k++;
    }
    cached = { k, Q: BigInt(power) };
    LARGEST_POWERS[q] = cached;
  }
  return cached;
}

/** v_q(n) for n > 0 (n a bigint), by remainders modulo the largest powers of q below 2^53, capped at `cap`. */
function valuation(n: bigint, q: number, cap: number): number {
  const { k, Q } = largestPower(q);
  let v = 0;
  while (v < cap) {
    let r = Number(n % Q);
    if (r === 0) {
      v += k;
      n /= Q;
      continue;
    }
    while (r % q === 0) {
      r /= q;
      v++;
    }
    break;
  }
  return Math.min(v, cap);
}

/** The small prime factors of n > 0 (with exponents) and the rest. */
function splitSmall(n: bigint): { factors: Map<number, number>; cofactor: bigint } {
  const factors = new Map<number, number>();
  if (n <= BigInt(Number.MAX_SAFE_INTEGER)) {
    let m = Number(n);
    for (const q of SMALL_PRIMES) {
      if (q * q > m) break;
      if (m % q !== 0) continue;
      let e = 0;
      while (m % q === 0) {
        m /= q;
        e++;
      }
      factors.set(q, e);
    }
    // m is now 1, a prime, or has only prime factors of at least SMALL_FACTOR_LIMIT.
    if (m > 1 && m < SMALL_FACTOR_LIMIT) {
      factors.set(m, (factors.get(m) ?? 0) + 1);
      m = 1;
    }
    return { factors, cofactor: BigInt(m) };
  }
  for (const group of SMALL_PRIME_GROUPS) {
    const r = Number(n % group.product);
    for (const q of group.primes) {
      if (r % q !== 0) continue;
      const e = valuation(n, q, Infinity);
      factors.set(q, e);
      n /= BigInt(q) ** BigInt(e);
    }
  }
  return { factors, cofactor: n };
}

/** The factored form of `value` = Π q^factors(q) · cofactor. */
function build(factors: Map<number, number>, cofactor: bigint, value: bigint): SmallFactored {
  const primes = [...factors.keys()].sort((a, b) => a - b);
  const exponents = primes.map((q) => factors.get(q)!);
  const powers = primes.map((q, i) => (exponents[i] > largestPower(q).k ? BigInt(q) ** BigInt(exponents[i]) : undefined));
  return { value, primes, exponents, cofactor, groups: groupsOf(primes), powers };
}

/** The integer 1, with no factors. */
export const ONE_FACTORED: SmallFactored = build(new Map(), 1n, 1n);

/** n > 0 with its small prime factors. */
export function factorSmall(n: bigint): SmallFactored {
  if (n <= 0n) throw new RangeError(`factorSmall: ${n} is not positive`);
  return times(ONE_FACTORED, n);
}

/** a·f (f > 0), splitting only f. */
export function times(a: SmallFactored, f: bigint): SmallFactored {
  if (f === 1n) return a;
  const split = splitSmall(f);
  const factors = new Map<number, number>();
  a.primes.forEach((q, i) => factors.set(q, a.exponents[i]));
  for (const [q, e] of split.factors) factors.set(q, (factors.get(q) ?? 0) + e);
  return build(factors, a.cofactor * split.cofactor, a.value * f);
}

/** gcd(y, a.value) ≥ 1 for any y (gcd(0, L) = L). */
export function gcdFactored(y: bigint, a: SmallFactored): bigint {
  if (y < 0n) y = -y;
  if (y === 0n) return a.value;
  // A y below 2^53 (a small numerator): `gcd` takes one remainder of a by y, then runs in doubles.
  if (y < TWO_53) return gcd(y, a.value);
  const g = smallPartOfGcd(y, a);
  return a.cofactor === 1n ? g : g * gcd(y, a.cofactor);
}

/**
 * gcd(y, a.value) for every y of `ys` (as `gcdFactored`), with one Euclidean gcd per group of
 * numerators instead of one per numerator on the cofactor c: gcd(yₖ, c) divides
 * g = gcd(Π yₖ mod c, c), hence equals gcd(yₖ, g); when g = 1 every yₖ is prime to c, else the
 * group is halved and each half tested against g (the yₖ ≡ 0 mod c, such as a monic leading
 * coefficient over its own denominator, are set aside first: their gcd is c). The product costs
 * one multiplication and remainder by c per numerator; on cyclic-7's basis (cofactors of up to
 * 650 bits) the Euclidean gcds were a third of the reconstruction.
 */
export function gcdsFactored(ys: readonly bigint[], a: SmallFactored): bigint[] {
  const abs = ys.map((y) => (y < 0n ? -y : y));
  const out = abs.map((y) => (y === 0n ? a.value : smallPartOfGcd(y, a)));
  if (a.cofactor === 1n) return out;
  const spread = (at: readonly number[], c: bigint): void => {
    if (c === 1n || at.length === 0) return;
    if (at.length <= 2) {
      for (const k of at) out[k] *= gcd(abs[k], c);
      return;
    }
    let product = 1n;
    const rest: number[] = [];
    for (const k of at) {
      const r = abs[k] % c;
      if (r === 0n) out[k] *= c;
      else {
        product = (product * r) % c;
        rest.push(k);
      }
    }
    const g = rest.length === 0 ? 1n : gcd(product, c);
    if (g === 1n) return;
    const half = rest.length >> 1;
    spread(rest.slice(0, half), g);
    spread(rest.slice(half), g);
  };
  spread(
    ys.flatMap((y, k) => (y === 0n ? [] : [k])),
    a.cofactor,
  );
  return out;
}

/** The part of gcd(y, a.value) made of a's small primes, for y > 0. */
function smallPartOfGcd(y: bigint, a: SmallFactored): bigint {
  // The small part is gathered in a double while it stays below 2^53.
  let g = 1n;
  let small = 1;
  let at = 0;
  for (const group of a.groups) {
    const r = Number(y % group.product);
    for (const q of group.primes) {
      // a.primes is sorted and the groups follow it, so primes[at] is q.
      const e = a.exponents[at];
      const power = a.powers[at++];
      if (r % q !== 0) continue;
      // With q^e above 2^53, y mod q^e (as short as q^e) has the valuation of y up to e.
      const z = power === undefined ? y : y % power;
      for (let v = z === 0n ? e : valuation(z, q, e); v > 0; v--) {
        if (small * q > Number.MAX_SAFE_INTEGER) {
          g *= BigInt(small);
          small = 1;
        }
        small *= q;
      }
    }
  }
  if (small > 1) g *= BigInt(small);
  return g;
}
