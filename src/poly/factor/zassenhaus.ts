/**
 * The factorization of a square-free primitive integer polynomial by modular factorization,
 * Hensel lifting and recombination: choose a good prime, factor modulo p, lift, recombine — by the
 * exhaustive Zassenhaus search for small inputs, by van Hoeij's lattice method otherwise.
 *
 * Representation: `ZPoly` (bigint, ascending). Preconditions of `factorSquarefreeZ`: f primitive,
 * square-free, deg f ≥ 1, lc(f) > 0 and f(0) ≠ 0 (powers of x are split off by the caller).
 * A prime p is good when p ∤ lc(f) and f mod p stays square-free. Several good primes are tried
 * (`PRIME_TRIALS`); the one with the fewest modular factors is used, and the sets of subset sums
 * of the factor degrees of all of them are intersected: that set bounds the possible factor
 * degrees (if it holds no degree strictly between 0 and n, f is irreducible without lifting — e.g.
 * a quintic with factor degrees 2 + 3 modulo one prime and 1 + 4 modulo another). Polynomials that
 * split modulo every prime (x^4 + 1, Swinnerton-Dyer) still need the recombination to prove them
 * irreducible. With at most `EXHAUSTIVE_MAX_FACTORS` modular factors and degree at most
 * `EXHAUSTIVE_MAX_DEGREE` the factors are lifted past the Landau–Mignotte bound and subsets are
 * tried (`recombine.ts`: at most 2^7 of them, and the Mignotte bound is small); otherwise
 * `van-hoeij.ts` recombines at the precision its lattice asks for, which for long polynomials is
 * far below the Mignotte bound even when r is small. Reference: von zur Gathen–Gerhard, Modern
 * Computer Algebra, Alg. 15.19 and §15.6 ("choosing good primes").
 */
import { Zp } from '../../arithmetic/field';
import { nextPrime } from '../../arithmetic/primes';
import { ComputationError } from '../../errors';
import { ControlOptions, resolveControl } from '../../control';
import { UPoly, uderivative, umonic } from '../univariate';
import { DegreePiece, distinctDegreeFactor } from './distinct-degree';
import { equalDegreeFactor, makeRandom } from './equal-degree';
import { degreesOfPieces, splitPieces } from './factor-mod-p';
import { gcdModP, mulModP } from './fp-poly';
import { henselLift, liftExponent } from './hensel';
import { recombine } from './recombine';
import { vanHoeijFactor } from './van-hoeij';
import { ZPoly, mignotteBound, zlc, ztoModP } from './zpoly';

/**
 * How many good primes are compared before lifting. Each costs a distinct-degree factorization,
 * O(n³); with the lattice recombination a few more modular factors cost less than that (3 instead
 * of 7: katsura-8's χ, degree 256, 0.72 → 0.46 s; 150 small random products 260 → 144 ms) —
 * unless there are many of them, since the lattice reduction grows faster with r than the
 * distinct-degree factorization with n: with more than `MANY_FACTORS` modular factors at each of
 * those primes, `EXTRA_PRIME_TRIALS` more are tried (x^120 − 1: 169 → 97 ms).
 */
export const PRIME_TRIALS = 3;
/** See `PRIME_TRIALS`. */
export const EXTRA_PRIME_TRIALS = 4;
/** See `PRIME_TRIALS`. */
export const MANY_FACTORS = 16;

/** The exhaustive search recombines when there are at most this many modular factors … */
export const EXHAUSTIVE_MAX_FACTORS = 8;
/** … and the degree is at most this; van Hoeij's lattice recombines otherwise. */
export const EXHAUSTIVE_MAX_DEGREE = 32;

/** The first good primes for f (odd primes, p ∤ lc(f), f mod p square-free). */
export function goodPrimes(f: ZPoly, count: number, start = 2): number[] {
  const out: number[] = [];
  const L = zlc(f);
  for (let p = nextPrime(start); out.length < count; p = nextPrime(p)) {
    if (p > 1 << 24) throw new ComputationError('no good prime found below 2^24 (is f square-free?)');
    if (L % BigInt(p) === 0n) continue;
    const fp = ztoModP(f, p);
    if (gcdModP(fp, uderivative(Zp(p), fp), p).length !== 1) continue;
    out.push(p);
  }
  return out;
}

/** allowed[d] = d is a sum of some of the given degrees. */
function subsetSums(degrees: readonly number[], n: number): boolean[] {
  const ok = new Array<boolean>(n + 1).fill(false);
  ok[0] = true;
  for (const d of degrees) for (let s = n - d; s >= 0; s--) if (ok[s]) ok[s + d] = true;
  return ok;
}

/**
 * The irreducible factors over Z of a square-free primitive f (lc > 0, f(0) ≠ 0), each primitive
 * with positive leading coefficient, in no particular order.
 * Example: 6x² + 5x + 1 = [1n, 5n, 6n] gives [2x + 1, 3x + 1] = [[1n, 2n], [1n, 3n]] in some order.
 */
export function factorSquarefreeZ(f: ZPoly, options: ControlOptions = {}): ZPoly[] {
  const { deadline } = resolveControl(options, 'factorSquarefreeZ');
  const n = f.length - 1;
  if (n <= 1) return [f];
  const primes = goodPrimes(f, PRIME_TRIALS + EXTRA_PRIME_TRIALS);
  let allowed = new Array<boolean>(n + 1).fill(true);
  let best = primes[0];
  let bestPieces: DegreePiece[] = [];
  let bestCount = Infinity;
  for (const [i, p] of primes.entries()) {
    if (i >= PRIME_TRIALS && bestCount <= MANY_FACTORS) break;
    const F = Zp(p);
    const pieces = distinctDegreeFactor(F, umonic(F, ztoModP(f, p)), { deadline });
    const degrees = degreesOfPieces(pieces);
    if (degrees.length === 1) return [f];
    const sums = subsetSums(degrees, n);
    allowed = allowed.map((a, d) => a && sums[d]);
    if (degrees.length < bestCount) [best, bestPieces, bestCount] = [p, pieces, degrees.length];
  }
  let splittable = false;
  for (let d = 1; d < n; d++) if (allowed[d]) splittable = true;
  if (!splittable) return [f];
  const modular = splitPieces(Zp(best), bestPieces, makeRandom(), deadline);
  if (modular.length > EXHAUSTIVE_MAX_FACTORS || n > EXHAUSTIVE_MAX_DEGREE) return vanHoeijFactor(f, modular, best, { allowed, deadline });
  const l = liftExponent(best, 2n * mignotteBound(f));
  const lifted = henselLift(f, modular, best, l, { deadline });
  return recombine(f, lifted, BigInt(best) ** BigInt(l), { degreeAllowed: allowed, deadline });
}

/**
 * The linear factors over Z of a square-free primitive f (lc > 0, f(0) ≠ 0), i.e. its rational
 * roots, without factoring the rest: only the roots modulo p are split off and lifted, with the
 * cofactor lifted as one block.
 */
export function linearFactorsZ(f: ZPoly): ZPoly[] {
  const n = f.length - 1;
  if (n === 1) return [f];
  const p = goodPrimes(f, 1, 2)[0];
  const F = Zp(p);
  const fp = umonic(F, ztoModP(f, p));
  const pieces = distinctDegreeFactor(F, fp);
  if (pieces.length === 0 || pieces[0].degree !== 1) return [];
  const roots: UPoly<number>[] = equalDegreeFactor(F, pieces[0].product, 1, { random: makeRandom() });
  const rest = pieces.slice(1).reduce<UPoly<number>>((a, pc) => mulModP(a, pc.product, p), [1]);
  const moduli = rest.length > 1 ? [...roots, rest] : roots;
  // A root a/b has b | lc(f) and a | f(0), so the candidate lc(f)·(x − a/b) has coefficients of
  // size at most |lc(f)|·max(|f(0)|, 1): that is the bound to lift to, not the Mignotte bound of
  // all factors (which grows like 2^deg f).
  const lc = zlc(f) < 0n ? -zlc(f) : zlc(f);
  const f0 = f[0] < 0n ? -f[0] : f[0];
  const l = liftExponent(p, 2n * lc * (f0 > lc ? f0 : lc));
  const lifted = henselLift(f, moduli, p, l);
  const linear = lifted.slice(0, roots.length);
  const found = recombine(f, linear.concat(rest.length > 1 ? [lifted[lifted.length - 1]] : []), BigInt(p) ** BigInt(l), { maxSize: 1 });
  return found.filter((g) => g.length === 2);
}
