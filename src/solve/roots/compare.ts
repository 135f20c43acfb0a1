/**
 * Exact comparison of real algebraic numbers, never through floating point: two numbers that
 * agree to any number of digits are still told apart (or proved equal).
 *
 * Representation: a rational, or a root of a non-zero integer polynomial f (ascending
 * coefficients; usually irreducible, a minimal polynomial) given by an isolating interval of f —
 * [lo, hi] holds exactly one root of f (`isolateRealRoots`, `refineRoot`; lo = hi for a rational
 * root). Decision: the intervals are refined (halved by `refineRoot`) until they are disjoint,
 * which ends when the numbers differ; equality is decided before refining, exactly: two roots are
 * equal when gcd(f, g) has a root in both intervals (then it is the one root each interval holds),
 * seen as a sign change of its square-free part across their intersection (it has at most one
 * root there, a simple one); a rational r equals a root of f in its interval
 * when f(r) = 0.
 */
import { Rational, rational, rcmp, rdiv, req, rsub } from '../../arithmetic/rational';
import { zgcd } from '../../poly/factor/squarefree';
import { RootInterval, refineRoot, signAt, squarefreePartZ } from './real';

/** A real algebraic number: a rational, or the root of f in an isolating interval of f. */
export type RealAlgebraicNumber = { kind: 'rational'; value: Rational } | { kind: 'algebraic'; polynomial: readonly bigint[]; interval: RootInterval };

/**
 * −1, 0 or 1 as a < b, a = b, a > b, exactly. Example: √2 (the root of x² − 2 in [1, 2]) is
 * below the root of x² − (2 + 10⁻³⁰) in [1, 2], though both are 1.4142135623730950488… to 30 digits.
 */
export function compareRealAlgebraic(a: RealAlgebraicNumber, b: RealAlgebraicNumber): -1 | 0 | 1 {
  let ia = intervalOf(a);
  let ib = intervalOf(b);
  if (isPoint(ia) && isPoint(ib)) return rcmp(ia.lo, ib.lo);
  if (overlap(ia, ib) && equalNumbers(a, ia, b, ib)) return 0;
  // Distinct numbers: halving the wider interval separates them in finitely many steps.
  for (;;) {
    if (rcmp(ia.hi, ib.lo) < 0) return -1;
    if (rcmp(ib.hi, ia.lo) < 0) return 1;
    if (rcmp(width(ia), width(ib)) >= 0 && !isPoint(ia)) ia = halve(a, ia);
    else ib = halve(b, ib);
  }
}

function intervalOf(x: RealAlgebraicNumber): RootInterval {
  return x.kind === 'rational' ? { lo: x.value, hi: x.value } : x.interval;
}

function isPoint(iv: RootInterval): boolean {
  return req(iv.lo, iv.hi);
}

function width(iv: RootInterval): Rational {
  return rsub(iv.hi, iv.lo);
}

function overlap(a: RootInterval, b: RootInterval): boolean {
  return rcmp(a.lo, b.hi) <= 0 && rcmp(b.lo, a.hi) <= 0;
}

/** The number's interval halved (a rational's is a point already). */
function halve(x: RealAlgebraicNumber, iv: RootInterval): RootInterval {
  if (x.kind === 'rational' || isPoint(iv)) return iv;
  return refineRoot(x.polynomial, iv, { epsilon: rdiv(width(iv), rational(2n)) });
}

/** Are the numbers equal, given that their intervals meet? Decided exactly (see the header). */
function equalNumbers(a: RealAlgebraicNumber, ia: RootInterval, b: RealAlgebraicNumber, ib: RootInterval): boolean {
  // A point is the number itself: equal when the other's polynomial vanishes there (the other's
  // interval then holds that root, its only one).
  if (isPoint(ia)) return b.kind === 'rational' ? req(ia.lo, b.value) : signAt(b.polynomial, ia.lo) === 0;
  if (isPoint(ib)) return a.kind === 'rational' ? req(ib.lo, a.value) : signAt(a.polynomial, ib.lo) === 0;
  if (a.kind === 'rational' || b.kind === 'rational') return false; // not reached: a rational's interval is a point
  const f = a.polynomial;
  const same = f.length === b.polynomial.length && f.every((c, i) => c === b.polynomial[i]);
  const common = same ? f : zgcd(f, b.polynomial);
  if (common.length <= 1) return false;
  // The roots of g (square-free, dividing both) in I = ia ∩ ib are among the one root of f in ia:
  // at most one, simple, and I's ends are not roots of either polynomial — so g has a root in I
  // exactly when it changes sign across I (no Sturm sequence: for two equal degree-48 minimal
  // polynomials with 1,000-digit coefficients one took seconds).
  const g = squarefreePartZ(common);
  const lo = rcmp(ia.lo, ib.lo) >= 0 ? ia.lo : ib.lo;
  const hi = rcmp(ia.hi, ib.hi) <= 0 ? ia.hi : ib.hi;
  const sLo = signAt(g, lo);
  const sHi = signAt(g, hi);
  return sLo === 0 || sHi === 0 || sLo !== sHi;
}

