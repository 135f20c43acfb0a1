/**
 * A vector of rational numbers recovered from its images modulo many primes: Garner's mixed-radix
 * Chinese remaindering followed by rational reconstruction with early termination.
 *
 * Representation: coefficient k is kept as its mixed-radix digits d₀ + d₁·p₀ + d₂·p₀p₁ + …, each
 * digit below its prime (one Float64Array of digits per prime). Adding a prime costs a few
 * double-precision multiply-adds per coefficient and no bigint work; the bigint value of a
 * coefficient is formed only when it is reconstructed. Reconstructions found are kept until a check
 * at a fresh prime refutes them (`forgetDisagreeing`: a candidate that fails the check means some
 * coefficient was reconstructed too early; those that agree stay). Coefficients come in groups that
 * tend to share a denominator (the coefficients of one polynomial): with L the lcm of the
 * denominators found so far in a group, x·L mod M is often already a small numerator, and then n/L
 * is the reconstruction without a Euclidean run; numerators up to M/2^21 are then accepted whatever
 * L (see `reconstructWithDenominator`; the rule of the Gröbner driver's accumulator,
 * groebner/basis-accumulator.ts), so long numerators over a shared denominator need about half the
 * primes. When L covers only most of x's denominator, x·L is reconstructed with a short denominator
 * bound (`fractionOverPartialDenominator`). Coefficients are tried from the last one down: a monic
 * polynomial's denominators grow from its top coefficient to its constant term, each containing
 * most of the one above, so a minimal polynomial whose constant term has an N-bit numerator over a
 * D-bit denominator is recovered with about N bits of modulus plus a few dozen, not N + D (437 →
 * 218 primes for the 225 solutions of deep-linear:2,2,2's critical ideal). Every prime added first
 * checks the reconstructions kept so far, so one taken too early (while M is short) does not spoil
 * the group's denominator. While a group's denominators are all 1, fractions with denominators
 * below 2^64 and numerators up to M/2^85 are taken (the parametrizations' numerators over q′ are
 * integers or nearly so: their lift needs half the primes). Every answer is meant to be checked at
 * a fresh prime (`agreesModulo`). Reference: von zur Gathen–Gerhard, Modern Computer Algebra, §5.6
 * (Garner) and §5.10 (rational reconstruction).
 */
import { gcd, isqrt, modInverse } from './integers';
import { Rational } from './rational';
import { Zp } from './field';
import { rationalReconstruction } from './reconstruction';

/**
 * A candidate is accepted once it agrees with its images at fresh primes whose product is at
 * least this: a wrong value then passes with probability below 2^−24. That takes one prime of
 * 2^25 or more (the Gröbner driver's default stream), two of the solver's primes below 2^21, and
 * more from a stream with small primes (with 3 alone, a Gröbner candidate read off one prime passed
 * the check with probability 1/3, and did). `liftUntilStable` and the multi-modular Gröbner driver
 * (groebner/modular.ts) both accept by this rule.
 */
export const CHECK_MODULUS = 2n ** 24n;

/** Bits below M/2^64 the numerator of a nearly integral fraction must stay (see `reconstruct`). */
const NEARLY_INTEGRAL_MARGIN = 21n;
/** The largest denominators (in bits) taken as nearly integral before a group's denominator is known. */
const NEARLY_INTEGRAL_DENOMINATOR_BITS = 64n;

export class RationalLifter {
  /** The primes added so far, in order. */
  readonly primes: number[] = [];
  /** The product of `primes`. */
  modulus = 1n;
  /** The largest prime added (bounds the products of `add`). */
  private maxPrime = 0;
  private readonly digits: Float64Array[] = [];
  private readonly known: (Rational | undefined)[];
  private readonly groupOf: Int32Array;
  private readonly groupStart: number[];
  /** The coefficient that failed the last attempt (tried first: it usually fails again), or −1. */
  private sentinel = -1;

  /** `groups` gives the sizes of consecutive groups of coefficients (total = the vector's length). */
  constructor(readonly groups: readonly number[]) {
    const total = groups.reduce((a, b) => a + b, 0);
    this.known = new Array(total).fill(undefined);
    this.groupOf = new Int32Array(total);
    this.groupStart = [];
    let k = 0;
    groups.forEach((size, g) => {
      this.groupStart.push(k);
      for (let i = 0; i < size; i++) this.groupOf[k++] = g;
    });
  }

  /** The number of coefficients. */
  get length(): number {
    return this.known.length;
  }

  /** The number of primes added. */
  get count(): number {
    return this.primes.length;
  }

  /** Adds the image (residues in [0, p)) of every coefficient modulo a new prime p (Garner step). */
  add(p: number, image: ArrayLike<number>): void {
    if (image.length !== this.length) throw new RangeError(`RationalLifter.add: image of length ${image.length}, expected ${this.length}`);
    // Every prime checks the reconstructions found so far: a residue taken too early for its
    // fraction (likely while M is short) must not stay, since the group's denominator, which the
    // coefficients below it lean on, includes its denominator.
    this.forgetDisagreeing(p, image);
    const j = this.primes.length;
    // w[t] = (p₀⋯p_{t−1}) mod p, and the inverse of (p₀⋯p_{j−1}) mod p.
    const w = new Float64Array(j + 1);
    w[0] = 1;
    for (let t = 0; t < j; t++) w[t + 1] = (w[t] * (this.primes[t] % p)) % p;
    const inv = j === 0 ? 1 : Number(modInverse(BigInt(w[j]), BigInt(p)));
    // x[k] = (coefficient k so far) mod p = Σ_t digit_t[k]·w[t], one prime's digits at a time
    // (contiguous in k). A product is below maxPrime·p ≤ 2^52; K of them fit above a reduced
    // value below 2^53, so the sums are reduced every K primes.
    const n = this.length;
    const maxPrime = Math.max(p, this.maxPrime);
    const K = Math.max(1, Math.floor((2 ** 53 - p) / ((maxPrime - 1) * (p - 1) || 1)));
    const pinv = 1 / p;
    const x = new Float64Array(n);
    const reduce = (): void => {
      for (let k = 0; k < n; k++) {
        const r = x[k] - Math.floor(x[k] * pinv) * p;
        x[k] = r < 0 ? r + p : r >= p ? r - p : r;
      }
    };
    for (let t = 0, pending = 0; t < j; t++) {
      const digits = this.digits[t];
      const wt = w[t];
      if (wt !== 0) for (let k = 0; k < n; k++) x[k] += digits[k] * wt;
      if (++pending === K) {
        reduce();
        pending = 0;
      }
    }
    reduce();
    const d = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      let digit = (((image[k] - x[k]) % p) * inv) % p;
      if (digit < 0) digit += p;
      d[k] = digit;
    }
    this.digits.push(d);
    this.primes.push(p);
    this.maxPrime = maxPrime;
    this.modulus *= BigInt(p);
  }

  /** The residue of coefficient k modulo `modulus`, in [0, modulus) (Horner on the digits). */
  residue(k: number): bigint {
    const j = this.primes.length;
    if (j === 0) return 0n;
    let x = BigInt(this.digits[j - 1][k]);
    for (let t = j - 2; t >= 0; t--) x = x * BigInt(this.primes[t]) + BigInt(this.digits[t][k]);
    return x;
  }

  /**
   * Every coefficient as a fraction n/d with |n|, d below √(M/2) (with a safety margin), or
   * undefined when some coefficient has no reconstruction yet (add primes and try again).
   */
  reconstruct(): Rational[] | undefined {
    const M = this.modulus;
    // A margin below the uniqueness bound: with it a residue that is not yet determined rarely
    // passes for a small fraction (a false positive costs a failed check and a restart).
    const margin = BigInt(Math.min(20, Math.floor(M.toString(2).length / 10)));
    const bound = isqrt(M / 2n) >> margin;
    // Each group's denominator so far: the lcm of the denominators of its known coefficients.
    const denominators = this.groups.map(() => 1n);
    this.known.forEach((q, k) => {
      const g = this.groupOf[k];
      const L = denominators[g];
      if (q !== undefined && L % q.den !== 0n) denominators[g] = (L / gcd(L, q.den)) * q.den;
    });
    const attempt = (k: number): boolean => {
      const g = this.groupOf[k];
      const L = denominators[g];
      if (this.known[k] !== undefined) return true;
      // Once a group's denominator L is known, y/L is taken for |y| ≤ M/2^(2·10 + 1): unique for
      // |y| < M/2, and a residue that is not yet its fraction passes with probability 2^−20 per
      // test whatever L (the bound M/(2L·2^20) used before had the rate 2^−20/L, but a long L
      // cost its own bits of modulus on top of the numerator's). While
      // every denominator found in the group is 1, fractions n/d with d < 2^64 and |n| < M/2^85
      // are taken (unbalanced bounds, 2·N·D = M/2^20): a residue that is not yet its fraction
      // passes with probability about 2^−20.
      const x = this.residue(k);
      const nearlyIntegral = L === 1n && M >> (NEARLY_INTEGRAL_DENOMINATOR_BITS + NEARLY_INTEGRAL_MARGIN) > bound ? rationalReconstruction(x, M, M >> (NEARLY_INTEGRAL_DENOMINATOR_BITS + NEARLY_INTEGRAL_MARGIN), 1n << NEARLY_INTEGRAL_DENOMINATOR_BITS) : undefined;
      const wide = L > 1n ? knownDenominatorBound(M) : bound;
      const q = nearlyIntegral ?? reconstructWithDenominator(x, M, bound, L, wide > bound ? wide : bound, margin);
      if (q === undefined) {
        this.sentinel = k;
        return false;
      }
      this.known[k] = q;
      if (L % q.den !== 0n) denominators[g] = (L / gcd(L, q.den)) * q.den;
      return true;
    };
    if (this.sentinel >= 0 && this.sentinel < this.length && !attempt(this.sentinel)) return undefined;
    // From the last coefficient down: a polynomial's top coefficients (elementary symmetric
    // functions of few roots) have the shortest denominators, each dividing the next ones' more or
    // less, so the group's denominator grows along the way and covers most of each new one.
    for (let k = this.length - 1; k >= 0; k--) if (!attempt(k)) return undefined;
    return this.known as Rational[];
  }

  /** Drops every reconstruction found (after a candidate failed a check). */
  forget(): void {
    this.known.fill(undefined);
  }

  /**
   * Drops the reconstructions that do not reduce to `image` modulo p (after a candidate failed
   * the check at p); the others stay candidates, so the next attempt works only on the rest.
   */
  forgetDisagreeing(p: number, image: ArrayLike<number>): void {
    const F = Zp(p);
    const P = BigInt(p);
    let dropped = false;
    for (let k = 0; k < this.known.length; k++) {
      const x = this.known[k];
      if (x !== undefined && (x.den % P === 0n || F.fromRational(x) !== image[k])) {
        this.known[k] = undefined;
        dropped = true;
      }
    }
    if (dropped) this.sentinel = -1;
  }
}

/**
 * The largest |y| taken for a fraction y/L over a known denominator L (by this lift and by the
 * Gröbner driver's accumulator, groebner/basis-accumulator.ts): M/2^(2·m + 1) with a margin m of
 * 10 bits, fewer while M is short. Unique for |y| < M/2 (L is invertible modulo M), and a residue
 * not yet determined passes with probability 2^−2m per test, whatever L.
 */
export function knownDenominatorBound(M: bigint): bigint {
  const margin = BigInt(Math.min(10, Math.floor(M.toString(2).length / 10)));
  return M >> (2n * margin + 1n);
}

/**
 * The fraction n/d ≡ x (mod M) with |n|, d ≤ bound, or undefined. L is a likely multiple of d (the
 * lcm of the denominators of related coefficients): when x·L mod M is already a small numerator,
 * the answer is read off without a Euclidean run (it is the unique one under the bounds). With a
 * `numeratorBound` above `bound` (below M/2) the fraction y/L is accepted for any
 * |y| ≤ numeratorBound: unique among fractions whose denominator divides L, so a coefficient whose
 * numerator is long but whose denominator is the group's needs about half the primes — at the
 * price of trusting L, which the caller's check at a fresh prime covers.
 */
export function reconstructWithDenominator(x: bigint, M: bigint, bound: bigint, L = 1n, numeratorBound = bound, margin = 20n): Rational | undefined {
  if (x === 0n) return { num: 0n, den: 1n };
  if (L <= bound || numeratorBound !== bound) {
    const q = fractionOverDenominator(x, M, L, numeratorBound);
    if (q) return q;
  }
  return (L > 1n ? fractionOverPartialDenominator(x, M, L, margin) : undefined) ?? rationalReconstruction(x, M, bound, bound);
}

/**
 * The fraction n/(d·L) ≡ x (mod M) whose numerator and remaining denominator d are found by
 * reconstructing y = x·L mod M with unbalanced bounds, d ≤ 2^b and |n|·d·2^(margin+1) ≤ M, for a
 * short b (64 bits, then a quarter of M's): when L covers most of x's denominator, y is a fraction
 * with a long numerator and a short denominator, found with about bits(n) + bits(d) bits of
 * modulus instead of the bits(n) + bits(d·L) a balanced reconstruction of x needs. As with any
 * unbalanced bound a residue not yet determined passes with probability about 2^−margin per
 * bound tried; the caller's check at a fresh prime covers that (and a wrong L).
 */
export function fractionOverPartialDenominator(x: bigint, M: bigint, L: bigint, margin: bigint): Rational | undefined {
  const bits = BigInt(M.toString(2).length);
  for (const b of [64n, bits / 4n]) {
    if (2n * b + margin + 1n >= bits || (b !== 64n && b <= 64n)) continue;
    const q = fractionTimesDenominator(x, M, L, M >> (b + margin + 1n), 1n << b);
    if (q !== undefined) return q;
  }
  return undefined;
}

/**
 * The fraction n/(d·L) in lowest terms, where n/d ≡ x·L (mod M) is the rational reconstruction
 * with |n| ≤ N and d ≤ D, or undefined when there is none: x over a known multiple L of part of
 * its denominator. (The multi-modular Gröbner driver's unbalanced route and
 * `fractionOverPartialDenominator` choose N and D.)
 */
export function fractionTimesDenominator(x: bigint, M: bigint, L: bigint, N: bigint, D: bigint): Rational | undefined {
  const q = rationalReconstruction((x * L) % M, M, N, D);
  if (q === undefined) return undefined;
  const den = q.den * L;
  const c = gcd(q.num, den);
  return { num: q.num / c, den: den / c };
}

/**
 * The fraction y/L (in lowest terms) with y ≡ x·L (mod M) and |y| ≤ numeratorBound, or undefined
 * when x·L mod M is not that small. Unique when 2·numeratorBound < M; it is x's reconstruction
 * whenever x's denominator divides L and its numerator times L/denominator is within the bound.
 */
export function fractionOverDenominator(x: bigint, M: bigint, L: bigint, numeratorBound: bigint): Rational | undefined {
  let y = (x * L) % M;
  if (y > M / 2n) y -= M;
  if ((y < 0n ? -y : y) > numeratorBound) return undefined;
  const c = gcd(y, L);
  return { num: y / c, den: L / c };
}

/** Do the fractions reduce to `image` modulo p? (False when p divides a denominator.) */
export function agreesModulo(values: readonly Rational[], p: number, image: ArrayLike<number>): boolean {
  const F = Zp(p);
  const P = BigInt(p);
  for (let k = 0; k < values.length; k++) {
    if (values[k].den % P === 0n) return false;
    if (F.fromRational(values[k]) !== image[k]) return false;
  }
  return true;
}

/**
 * Rationals lifted from the images `next()` gives, one prime at a time, until a reconstruction
 * agrees with the image at one more prime (undefined when the primes run out or `maxPrimes` pass).
 */
export function liftUntilStable(groups: readonly number[], next: () => { p: number; img: ArrayLike<number> } | undefined, maxPrimes: number): Rational[] | undefined {
  const lift = new RationalLifter(groups);
  let nextAttempt = 1;
  while (lift.count < maxPrimes) {
    const g = next();
    if (!g) return undefined;
    lift.add(g.p, g.img);
    if (lift.count < nextAttempt) continue;
    // A failed attempt costs one residue and one reconstruction (it stops at the coefficient that
    // failed last), little next to an image: attempts every 2% keep the overshoot small.
    nextAttempt = Math.ceil(lift.count * 1.02) + 1;
    const values = lift.reconstruct();
    if (!values) continue;
    // Acceptance: agreement with fresh primes whose product is at least CHECK_MODULUS.
    const checks: { p: number; img: ArrayLike<number> }[] = [];
    let checked = 1n;
    let agrees = true;
    while (agrees && checked < CHECK_MODULUS) {
      const check = next();
      if (!check) return undefined;
      checks.push(check);
      checked *= BigInt(check.p);
      agrees = agreesModulo(values, check.p, check.img);
    }
    if (agrees) return values;
    // Some coefficient was reconstructed too early: drop those a check refutes, add the primes.
    for (const check of checks) {
      lift.forgetDisagreeing(check.p, check.img);
      lift.add(check.p, check.img);
    }
  }
  return undefined;
}

/**
 * A monic polynomial over Q (ascending, lc omitted: the lower coefficients) lifted from its images
 * modulo primes, when a prime can only lower its degree (minimal polynomials: the image modulo p
 * divides the reduction of the true one): the largest degree among the first three images is
 * taken as the true one and images of other degrees are skipped. `next()` gives the monic image
 * (ascending, with its leading 1) at the next prime. Undefined when the primes run out.
 */
export function liftMonicFromImages(next: () => { p: number; mu: ArrayLike<number> } | undefined, maxPrimes: number): Rational[] | undefined {
  const first: { p: number; mu: ArrayLike<number> }[] = [];
  for (let i = 0; i < 3; i++) {
    const x = next();
    if (x === undefined) return undefined;
    first.push(x);
  }
  const degree = Math.max(...first.map((x) => x.mu.length - 1));
  const queue = first.filter((x) => x.mu.length - 1 === degree);
  return liftUntilStable(
    [degree],
    () => {
      for (;;) {
        const x = queue.shift() ?? next();
        if (x === undefined) return undefined;
        if (x.mu.length - 1 === degree) return { p: x.p, img: Array.prototype.slice.call(x.mu, 0, degree) as number[] };
      }
    },
    maxPrimes,
  );
}
