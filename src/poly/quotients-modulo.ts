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
 * divides eᵢ·Wᵢ·a − dᵢ·Uᵢ, tested by exact division of primitive parts (Gauss's lemma). Primes dividing a denominator or the
 * leading coefficient of f, or at which a is not invertible modulo f, are skipped. Reference:
 * von zur Gathen–Gerhard, Modern Computer Algebra, §5 (modular algorithms) and §6.11 (the
 * modular approach to the extended Euclidean algorithm).
 */
import { QQ, Zp } from '../arithmetic/field';
import { liftUntilStable } from '../arithmetic/lifting';
import { primeStream } from '../arithmetic/primes';
import { Rational } from '../arithmetic/rational';
import { ScaledVector, reduceModP, scaled } from '../arithmetic/scaled-vector';
import { Deadline } from '../errors';
import { inverseModP, monicModP, mulRemModP } from './factor/fp-poly';
import { zdivExact, zmul, zprimitive, zsub } from './factor/zpoly';
import { UPoly, utrim } from './univariate';

/** The residues modulo p, trimmed, or undefined when p divides the denominator. */
function reduced(c: ScaledVector, p: number): number[] | undefined {
  const r = reduceModP(c, p);
  return r && (utrim(Zp(p), Array.from(r)) as number[]);
}

/** Does f divide g in Q[x]? By Gauss's lemma, iff the primitive part of f divides g's over Z. */
function dividesOverQ(f: readonly bigint[], g: readonly bigint[]): boolean {
  return g.length === 0 || zdivExact(zprimitive(g), zprimitive(f)) !== undefined;
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
  const primes = primeStream(2 ** 26, options.deadline);
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
      if (!fp || fp.length !== n + 1) continue;
      const ap = reduced(A, p);
      const up = U.map((u) => reduced(u, p));
      if (!ap || up.some((u) => u === undefined)) continue;
      const inverse = inverseModP(ap, fp, p);
      if (!inverse) continue;
      const monic = monicModP(fp, p);
      const img: number[] = [];
      for (const u of up as number[][]) {
        const w = mulRemModP(u, inverse, monic, p);
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
  const quotients = numerators.map((_, i) => utrim(QQ, values.slice(i * n, (i + 1) * n)));
  // The exact check: f | eᵢ·Wᵢ·a − dᵢ·Uᵢ over Z, with a = A.nums/A.den: f | eᵢ·Wᵢ·A.nums − dᵢ·A.den·Uᵢ.
  for (let i = 0; i < quotients.length; i++) {
    options.deadline?.check();
    const W = scaled(quotients[i]);
    const difference = zsub(zmul(W.nums.map((x) => x * U[i].den), A.nums), U[i].nums.map((x) => x * W.den * A.den));
    if (!dividesOverQ(F.nums, difference)) return undefined;
  }
  return quotients;
}

