/**
 * Quotients modulo a polynomial over Q, multi-modularly: given f, a with gcd(a, f) = 1 and
 * numerators u₁, …, u_k, the wᵢ of degree < deg f with wᵢ·a ≡ uᵢ (mod f).
 *
 * Over Q the extended Euclidean algorithm that inverts a modulo f swells: its remainders carry
 * coefficients far longer than the answer's (a degree-16 component of a network's critical set
 * spent half a second in it). Modulo a prime p the same quotients cost O(deg f²) operations on
 * machine numbers (`inverseModP`, `mulRemModP`), so the wᵢ are computed modulo primes below
 * 2^26 and lifted by Chinese remaindering and rational reconstruction (`liftUntilStable`, one
 * group of coefficients per quotient, as they tend to share a denominator). The lifted candidate
 * is then checked exactly, over Z: with wᵢ = Wᵢ/dᵢ and uᵢ = Uᵢ/eᵢ (integer polynomials), f
 * divides eᵢ·Wᵢ·a − dᵢ·Uᵢ, tested by pseudo-division. Primes dividing a denominator or the
 * leading coefficient of f, or at which a is not invertible modulo f, are skipped. Reference:
 * von zur Gathen–Gerhard, Modern Computer Algebra, §5 (modular algorithms) and §6.11 (the
 * modular approach to the extended Euclidean algorithm).
 */
import { gcd, modInverse } from '../arithmetic/integers';
import { liftUntilStable } from '../arithmetic/lifting';
import { primesBelow } from '../arithmetic/primes';
import { Rational } from '../arithmetic/rational';
import { Deadline } from '../errors';
import { invModP, inverseModP, mulRemModP } from './factor/fp-poly';
import { UPoly } from './univariate';

/** A polynomial over Q as an integer polynomial over one denominator: c = nums/den. */
interface Scaled {
  nums: bigint[];
  den: bigint;
}

function scaled(c: UPoly<Rational>): Scaled {
  let den = 1n;
  for (const x of c) if (den % x.den !== 0n) den = (den / gcd(den, x.den)) * x.den;
  return { nums: c.map((x) => x.num * (den / x.den)), den };
}

/** The residues modulo p, or undefined when p divides the denominator. */
function reduced(s: Scaled, p: number): number[] | undefined {
  const P = BigInt(p);
  const d = s.den % P;
  if (d === 0n) return undefined;
  const inv = modInverse(d, P);
  return s.nums.map((x) => Number((((x % P) + P) * inv) % P));
}

/** Removes trailing zeros of residues. */
function trimmed(a: number[]): number[] {
  let n = a.length;
  while (n > 0 && a[n - 1] === 0) n--;
  return n === a.length ? a : a.slice(0, n);
}

/** Does f divide g in Q[x]? (Pseudo-division over Z: lc(f)^k·g ≡ 0 mod f.) */
function divides(f: readonly bigint[], g: bigint[]): boolean {
  const n = f.length - 1;
  const c = f[n];
  const r = g.slice();
  for (let k = r.length - 1; k >= n; k--) {
    const t = r[k];
    if (t === 0n) continue;
    // r ← c·r − t·x^(k−n)·f, then remove the content the multiplication by c added where it can.
    const h = gcd(c < 0n ? -c : c, t < 0n ? -t : t);
    const cc = c / h;
    const tt = t / h;
    for (let j = 0; j < k; j++) r[j] *= cc;
    for (let j = 0; j < n; j++) r[k - n + j] -= tt * f[j];
    r[k] = 0n;
  }
  return r.every((x) => x === 0n);
}

/** a·b over Z. */
function mulZ(a: readonly bigint[], b: readonly bigint[]): bigint[] {
  if (a.length === 0 || b.length === 0) return [];
  const out = new Array<bigint>(a.length + b.length - 1).fill(0n);
  for (let i = 0; i < a.length; i++) {
    if (a[i] === 0n) continue;
    for (let j = 0; j < b.length; j++) out[i + j] += a[i] * b[j];
  }
  return out;
}

/**
 * The wᵢ with wᵢ·a ≡ uᵢ (mod f) and deg wᵢ < deg f (f of degree ≥ 1, gcd(a, f) = 1), checked
 * exactly; undefined when no candidate is found within `maxPrimes` primes, or when 32 primes in
 * a row do not serve (a not invertible modulo f). Example: f = x² − 2, a = 2x, u = [1] gives w = x/4 (2x·x/4 = x²/2 ≡ 1).
 */
export function quotientsModulo(f: UPoly<Rational>, a: UPoly<Rational>, numerators: readonly UPoly<Rational>[], options: { deadline?: Deadline; maxPrimes?: number } = {}): UPoly<Rational>[] | undefined {
  const n = f.length - 1;
  if (n < 1) throw new RangeError('quotientsModulo: f must have degree at least 1');
  if (numerators.length === 0) return [];
  const F = scaled(f);
  const A = scaled(a);
  const U = numerators.map(scaled);
  const primes = primesBelow(2 ** 26);
  // A run of primes that all fail means gcd(a, f) ≠ 1 (or denominators full of small primes):
  // give up rather than walk through millions of primes.
  const MAX_SKIPPED = 32;
  const image = (): { p: number; img: number[] } | undefined => {
    for (let skipped = 0; skipped < MAX_SKIPPED; skipped++) {
      options.deadline?.check();
      const next = primes.next();
      if (next.done) return undefined;
      const p = next.value;
      const fp = reduced(F, p);
      if (!fp || fp[n] === 0) continue;
      const ap = reduced(A, p);
      const up = U.map((u) => reduced(u, p));
      if (!ap || up.some((u) => u === undefined)) continue;
      const inverse = inverseModP(trimmed(ap), fp, p);
      if (!inverse) continue;
      const lcInverse = invModP(fp[n], p);
      const monic = fp.map((c) => (c * lcInverse) % p); // both below 2^26: the product is exact
      const img: number[] = [];
      for (const u of up as number[][]) {
        const w = mulRemModP(trimmed(u), inverse, monic, p);
        for (let j = 0; j < n; j++) img.push(w[j] ?? 0);
      }
      return { p, img };
    }
    return undefined;
  };
  const values = liftUntilStable(
    numerators.map(() => n),
    image,
    options.maxPrimes ?? 10000,
  );
  if (!values) return undefined;
  const quotients = numerators.map((_, i) => trim(values.slice(i * n, (i + 1) * n)));
  // The exact check: f | eᵢ·Wᵢ·a − dᵢ·Uᵢ over Z, with a = A.nums/A.den: f | eᵢ·Wᵢ·A.nums − dᵢ·A.den·Uᵢ.
  for (let i = 0; i < quotients.length; i++) {
    options.deadline?.check();
    const W = scaled(quotients[i]);
    const lhs = mulZ(W.nums.map((x) => x * U[i].den), A.nums);
    const rhs = U[i].nums.map((x) => x * W.den * A.den);
    for (let j = 0; j < rhs.length; j++) lhs[j] = (lhs[j] ?? 0n) - rhs[j];
    if (!divides(F.nums, lhs)) return undefined;
  }
  return quotients;
}

function trim(c: Rational[]): UPoly<Rational> {
  let n = c.length;
  while (n > 0 && c[n - 1].num === 0n) n--;
  return c.slice(0, n);
}
