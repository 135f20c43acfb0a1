/**
 * Real roots of univariate polynomials over Q, exactly: isolating intervals with rational
 * (dyadic) endpoints, refinement (quadratic interval refinement, else Newton and bisection),
 * decimal approximations that are provably correct, root counts in intervals (Sturm), and exact
 * signs.
 *
 * Representation: input coefficients as `bigint[]` or `UPoly<Rational>` (ascending); internally
 * the square-free primitive integer part F. Isolation: the rational roots are found exactly
 * (`rationalRoots`, modular) and returned as degenerate intervals lo = hi; they are divided out and
 * the remaining irrational roots are isolated by Descartes' rule with bisection (`descartes.ts`,
 * Collins–Akritas 1976) on the positive and the negative half-line. Invariants of the output:
 * intervals sorted, each closed interval [lo, hi] containing exactly one root; the open intervals
 * (lo, hi) and the points [r, r] are pairwise disjoint (neighbours may share an endpoint, which is
 * then never a root); a non-degenerate interval has F(lo)·F(hi) < 0. Multiple roots are reported once.
 */
import { Rational, isDyadic, radd, rational, rcmp, rdiv, req, rsub } from '../../arithmetic/rational';
import { InputError } from '../../errors';
import { rationalRoots } from '../../poly/factor/factor';
import { zgcd } from '../../poly/factor/squarefree';
import { ZPoly, zdivExact, zprimitive } from '../../poly/factor/zpoly';
import { zenclosureDyadic } from '../../poly/dyadic-interval';
import { bitLength } from '../../arithmetic/integers';
import { UPoly, uprimitive } from '../../poly/univariate';
import { RootInterval, isolatePositiveRoots, positiveRootBoundExponent } from './descartes';
import { quadraticRefinement } from './quadratic-refinement';
import { roundSignificant } from './decimal';
import { ExtendedRational, signAtPoint, sturmCount, sturmSequence } from './sturm';

export type { RootInterval } from './descartes';

/** Coefficients over Q or Z, ascending. */
export type RealPolyInput = UPoly<Rational> | readonly bigint[];

/** [sign of the content, primitive integer part with positive leading coefficient]. */
function integerPart(f: RealPolyInput): [-1 | 0 | 1, ZPoly] {
  const fr = f.map((c) => (typeof c === 'bigint' ? rational(c) : c));
  const [content, F] = uprimitive(fr);
  let n = F.length;
  while (n > 0 && F[n - 1] === 0n) n--;
  return [content.num < 0n ? -1 : content.num > 0n ? 1 : 0, F.slice(0, n)];
}

/**
 * Square-free parts already computed, by the polynomial's identity: a point's coordinates refine
 * the same root of the same minimal polynomial again and again (`refineRoot` at growing precision),
 * and each call would otherwise pay a gcd of f and f′ (the inputs are never mutated).
 */
const squarefreeParts = new WeakMap<RealPolyInput, ZPoly>();

/** The square-free part F/gcd(F, F′) of f, primitive with positive leading coefficient. */
export function squarefreePartZ(f: RealPolyInput): ZPoly {
  const known = squarefreeParts.get(f);
  if (known) return known;
  const part = computeSquarefreePart(f);
  squarefreeParts.set(f, part);
  return part;
}

function computeSquarefreePart(f: RealPolyInput): ZPoly {
  const [s, F] = integerPart(f);
  if (s === 0) throw new InputError('the zero polynomial has every real number as a root');
  if (F.length <= 2) return F;
  const dF = F.slice(1).map((c, i) => c * BigInt(i + 1));
  return zprimitive(zdivExact(F, zprimitive(zgcd(F, dF)))!);
}

/**
 * The exact sign of f(r) (−1, 0 or 1). Example: `signAt([-2n, 0n, 1n], rational(3n, 2n))` is 1.
 */
export function signAt(f: RealPolyInput, r: Rational): -1 | 0 | 1 {
  const [s, F] = integerPart(f);
  const v = s * signAtPoint(F, r);
  return v === 0 ? 0 : (v as -1 | 1);
}

/**
 * The number of distinct real roots of f in the closed interval [lo, hi] (default: all of R),
 * by a Sturm sequence. Example: `countRealRoots([-2n, 0n, 1n])` is 2, `countRealRoots([-2n, 0n, 1n], rational(0n))` is 1.
 */
export function countRealRoots(f: RealPolyInput, lo?: Rational, hi?: Rational): number {
  const F = squarefreePartZ(f);
  if (F.length <= 1) return 0;
  const a: ExtendedRational = lo ?? '-inf';
  const b: ExtendedRational = hi ?? 'inf';
  if (lo !== undefined && hi !== undefined && rcmp(lo, hi) > 0) throw new InputError('countRealRoots: lo must not exceed hi');
  const seq = sturmSequence(F);
  return sturmCount(seq, a, b) + (lo !== undefined && signAtPoint(F, lo) === 0 ? 1 : 0);
}

/** f(−x) */
function reflect(F: readonly bigint[]): ZPoly {
  return F.map((c, i) => (i % 2 === 1 ? -c : c));
}

/** One bisection step on (lo, hi) with F(lo) of sign sLo ≠ 0; returns the half holding the root (or the exact midpoint). */
function bisect(F: ZPoly, iv: RootInterval, sLo: number): RootInterval {
  const mid = rdiv(radd(iv.lo, iv.hi), rational(2n));
  const s = signAtPoint(F, mid);
  if (s === 0) return { lo: mid, hi: mid };
  return s === sLo ? { lo: mid, hi: iv.hi } : { lo: iv.lo, hi: mid };
}

/**
 * Isolating intervals for the distinct real roots of a non-zero f, sorted and disjoint; exact
 * rational roots come as lo = hi. `irreducible: true` promises that f is irreducible over Q, which
 * skips the search for rational roots. Example: x³ − 2x gives (−2, −1), [0, 0], (1, 2) (dyadic endpoints).
 */
export function isolateRealRoots(f: RealPolyInput, options: { irreducible?: boolean } = {}): RootInterval[] {
  const F = squarefreePartZ(f);
  if (F.length <= 1) return [];
  // An irreducible f of degree > 1 (the caller's promise) has no rational root to look for.
  const rat = options.irreducible && F.length > 2 ? [] : rationalRoots(F);
  let G: ZPoly = F;
  for (const r of rat) G = zdivExact(G, [-r.num, r.den])!;
  const out: RootInterval[] = rat.map((r) => ({ lo: r, hi: r }));
  if (G.length > 1) {
    const pos = isolatePositiveRoots(G, positiveRootBoundExponent(G));
    const Gm = reflect(G);
    const neg = isolatePositiveRoots(Gm, positiveRootBoundExponent(Gm)).map(({ lo, hi }) => ({
      lo: rational(-hi.num, hi.den),
      hi: rational(-lo.num, lo.den),
    }));
    for (let iv of [...neg, ...pos]) {
      // Shrink until no rational root of F lies in the closed interval.
      const sLo = signAtPoint(G, iv.lo);
      while (rat.some((r) => rcmp(iv.lo, r) <= 0 && rcmp(r, iv.hi) <= 0)) iv = bisect(G, iv, sLo);
      out.push(iv);
    }
  }
  return out.sort((a, b) => rcmp(a.lo, b.lo) || rcmp(a.hi, b.hi));
}

/** How far to refine: a width of at most `epsilon`, or at most 2^−bits. */
export interface RefineOptions {
  readonly epsilon?: Rational;
  readonly bits?: number;
}

/**
 * Shrinks an isolating interval of f (one root, a sign change of the square-free part at the
 * endpoints) until its width is at most the target; the root stays inside, and an exact rational
 * root met on the way ends the search with lo = hi. Intervals with dyadic ends (all that
 * `isolateRealRoots` returns) are refined by quadratic interval refinement
 * (`quadratic-refinement.ts`); others by certified Newton steps and bisection.
 * Example: `refineRoot([-2n, 0n, 1n], {lo: 1, hi: 2}, {bits: 20})` has width ≤ 2^−20 around √2.
 */
export function refineRoot(f: RealPolyInput, interval: RootInterval, options: RefineOptions): RootInterval {
  const F = squarefreePartZ(f);
  const eps = options.epsilon ?? (options.bits !== undefined ? rational(1n, 1n << BigInt(options.bits)) : undefined);
  if (eps === undefined || eps.num <= 0n) throw new InputError('refineRoot needs a positive epsilon or a number of bits');
  let iv = interval;
  if (req(iv.lo, iv.hi)) {
    if (signAtPoint(F, iv.lo) !== 0) throw new InputError('refineRoot: the degenerate interval is not a root');
    return iv;
  }
  const sLo = signAtPoint(F, iv.lo);
  const sHi = signAtPoint(F, iv.hi);
  if (sLo === 0) return { lo: iv.lo, hi: iv.lo };
  if (sHi === 0) return { lo: iv.hi, hi: iv.hi };
  if (sLo === sHi) throw new InputError('refineRoot: f does not change sign on the interval (not an isolating interval)');
  const targetBits = Math.max(1, bitLength(eps.den) - bitLength(eps.num) + 1);
  if (isDyadic(iv.lo) && isDyadic(iv.hi)) {
    // Both ends on a grid 2^−m: quadratic interval refinement (width ≤ 2^−targetBits ≤ eps).
    const m = Math.max(bitLength(iv.lo.den), bitLength(iv.hi.den)) - 1;
    const A = iv.lo.num << BigInt(m - (bitLength(iv.lo.den) - 1));
    const B = iv.hi.num << BigInt(m - (bitLength(iv.hi.den) - 1));
    const r = quadraticRefinement(F, A, B, m, sLo as -1 | 1, targetBits);
    const den = 1n << BigInt(r.m);
    const lo = rational(r.A, den);
    return r.exact ? { lo, hi: lo } : { lo, hi: rational(r.B, den) };
  }
  const dF = F.slice(1).map((c, i) => c * BigInt(i + 1));
  while (rcmp(rsub(iv.hi, iv.lo), eps) > 0) {
    const next = newtonStep(F, dF, iv, sLo, targetBits);
    if (next) iv = next;
    else for (let k = 0; k < 4 && !req(iv.lo, iv.hi); k++) iv = bisect(F, iv, sLo);
    if (req(iv.lo, iv.hi)) break;
  }
  return iv;
}

/**
 * One certified Newton step (the quadratic part of Abbott's quadratic interval refinement): from
 * the midpoint m of the isolating interval, x = m − F(m)/F′(m) in dyadic arithmetic with about
 * twice the bits of the current width, then the candidate [x − 2^−k, x + 2^−k] is accepted only
 * if it lies in the interval and F changes sign at its ends — the interval holds exactly one root,
 * so the root is in the candidate. Returns undefined when the step is not certified (far from the
 * root Newton may overshoot; the caller bisects instead).
 */
function newtonStep(F: ZPoly, dF: ZPoly, iv: RootInterval, sLo: number, targetBits: number): RootInterval | undefined {
  const width = rsub(iv.hi, iv.lo);
  const widthBits = bitLength(width.den) - bitLength(width.num); // ≈ −log2(width)
  if (widthBits < 4) return undefined;
  const k = Math.min(2 * widthBits + 4, targetBits + 8);
  const K = BigInt(k);
  const mid = radd(iv.lo, iv.hi);
  const M = ((mid.num << K) / mid.den) >> 1n; // ⌊(lo + hi)/2 · 2^k⌋
  // F(m) and F′(m) to about k + 64 bits after the point (fixed-point Horner): Newton's step needs
  // no more, since the candidate interval is certified by exact signs below.
  const w = k + 64;
  const fm = zenclosureDyadic(F, M, k, w).lo;
  const dfm = zenclosureDyadic(dF, M, k, w).lo;
  if (dfm === 0n) return undefined;
  // F(m)/F′(m) = fm/dfm, in units of 2^−k: (fm·2^k)/dfm.
  const X = M - (fm << K) / dfm;
  const lo = rational(X - 1n, 1n << K);
  const hi = rational(X + 1n, 1n << K);
  if (rcmp(lo, iv.lo) < 0 || rcmp(hi, iv.hi) > 0) return undefined;
  const a = signAtPoint(F, lo);
  if (a === 0) return { lo, hi: lo };
  const b = signAtPoint(F, hi);
  if (b === 0) return { lo: hi, hi };
  if (a !== sLo || b === sLo) return undefined;
  return { lo, hi };
}

/** A real root: its isolating interval and its decimal value to the requested significant digits. */
export interface RealRoot extends RootInterval {
  /** The root rounded to `digits` significant digits (ties to even), proven by the interval. */
  readonly decimal: string;
  /** True when the root is rational and lo = hi is its exact value. */
  readonly exact: boolean;
}

/**
 * All distinct real roots of f, ascending, with isolating intervals refined until the decimal
 * rounding to `digits` significant digits (default 15) is certain. Example:
 * `realRoots([-2n, 0n, 1n], {digits: 10})` gives decimals "-1.414213562" and "1.414213562".
 */
export function realRoots(f: RealPolyInput, options: { digits?: number } = {}): RealRoot[] {
  const digits = options.digits ?? 15;
  if (!Number.isInteger(digits) || digits < 1) throw new InputError(`realRoots: digits must be a positive integer, got ${digits}`);
  const F = squarefreePartZ(f);
  return isolateRealRoots(F).map((iv0) => {
    let iv = iv0;
    if (req(iv.lo, iv.hi)) return { ...iv, decimal: roundSignificant(iv.lo, digits), exact: true };
    const sLo = signAtPoint(F, iv.lo);
    for (;;) {
      // The root is irrational, so it is not 0 and not a rounding tie: the two ends eventually agree.
      const a = roundSignificant(iv.lo.num === 0n ? iv.hi : iv.lo, digits);
      const b = roundSignificant(iv.hi.num === 0n ? iv.lo : iv.hi, digits);
      if (a === b && iv.lo.num !== 0n && iv.hi.num !== 0n) return { ...iv, decimal: a, exact: false };
      for (let k = 0; k < 4; k++) iv = bisect(F, iv, sLo);
    }
  });
}
