/**
 * Real root isolation by Descartes' rule of signs with bisection: the Vincent–Collins–Akritas
 * algorithm on (0, 1) after scaling the roots by a power-of-two bound.
 *
 * Representation: integer polynomials `bigint[]` (ascending, trimmed). The positive roots of a
 * square-free f with f(0) ≠ 0 lie in (0, 2^k) (Fujiwara's bound, rounded up to a power of two), so
 * g(x) = f(2^k·x) has them in (0, 1). A node of the search is (c, j, q) with
 * q(x) = 2^(j·n)·g((x + c)/2^j) up to a positive factor, standing for the interval
 * (c/2^j, (c+1)/2^j); Descartes' bound var((x+1)^n·q(1/(x+1))) counts its roots with parity, so
 * 0 discards the node, 1 isolates a root, and otherwise the node splits into its halves
 * q_L(x) = 2^n q(x/2) and q_R = q_L(x + 1) (exact Taylor shifts on bigints). The bound itself
 * is first computed on q's coefficients truncated to about deg q + 64 bits, with the error of the
 * truncation carried along, and exactly only when that leaves a sign undecided. A root at a midpoint
 * is exact and returned as a degenerate interval. Every output interval is open with dyadic
 * endpoints that are not roots, so f changes sign across it. Reference: Collins–Akritas 1976;
 * Rouillier–Zimmermann 2004 (the "Descartes" formulation used here); Eigenwillig's thesis 2008.
 */
import { bitLength } from '../../arithmetic/integers';
import { Rational, rational, rcmp } from '../../arithmetic/rational';

/** An isolating interval with exact endpoints; lo = hi for an exact (dyadic) root. */
export interface RootInterval {
  readonly lo: Rational;
  readonly hi: Rational;
}

/** q(x + 1), exactly, by the O(n²) Horner-like scheme (Knuth 4.6.4). */
export function taylorShift1(q: readonly bigint[]): bigint[] {
  const a = q.slice();
  const n = a.length - 1;
  for (let i = 0; i < n; i++) for (let k = n - 1; k >= i; k--) a[k] += a[k + 1];
  return a;
}

/** Number of sign changes in the coefficient sequence (zeros skipped). */
export function signVariations(a: readonly bigint[]): number {
  let v = 0;
  let last = 0n;
  for (const c of a) {
    if (c === 0n) continue;
    if (last !== 0n && (c < 0n) !== (last < 0n)) v++;
    last = c;
  }
  return v;
}

/** Descartes' bound for the roots of q in (0, 1): var of (x+1)^n·q(1/(x+1)). */
export function descartesBound01(q: readonly bigint[]): number {
  return signVariations(taylorShift1(q.slice().reverse()));
}

/**
 * `descartesBound01` capped at 2 (0, 1, or 2 for "two or more"), which is all the bisection asks:
 * the Taylor shift is run row by row, and after row i its coefficient i is final (later rows only
 * touch the coefficients above), so the count stops at the second sign change instead of
 * finishing the O(n²) shift. A node of the search that splits (two or more changes) then pays only
 * the rows up to its second change.
 */
export function descartesTest01(q: readonly bigint[]): 0 | 1 | 2 {
  return truncatedDescartesTest01(q) ?? exactDescartesTest01(q);
}

/** Fractional bits kept beyond the error of a truncated test (`truncatedDescartesTest01`). */
const TRUNCATION_GUARD_BITS = 64;

/**
 * `descartesTest01` on q's coefficients rounded down to multiples of 2^s, s chosen so that they
 * keep about deg q + 64 bits; undefined when that does not decide it. Rounding down writes each
 * coefficient as 2^s·(ã + δ) with 0 ≤ δ < 1, and the shift is a sum with binomial weights, so every
 * shifted coefficient is 2^s·(ã′ + Δ) with 0 ≤ Δ < C(n+1, i+1) ≤ 2^(n+1): its sign is + when
 * ã′ > 0, − when ã′ ≤ −2^(n+1), and undecided otherwise, which sends the node to the exact test.
 * Deep in the bisection the exact coefficients carry thousands of bits (τ + j·n at depth j), of
 * which the signs need far fewer.
 */
function truncatedDescartesTest01(q: readonly bigint[]): 0 | 1 | 2 | undefined {
  const n = q.length - 1;
  let top = 0n;
  for (const c of q) {
    const a = c < 0n ? -c : c;
    if (a > top) top = a;
  }
  const s = bitLength(top) - (n + 1) - TRUNCATION_GUARD_BITS;
  if (s <= 0) return undefined;
  const S = BigInt(s);
  const a = new Array<bigint>(n + 1);
  for (let i = 0; i <= n; i++) a[i] = q[n - i] >> S;
  const bound = -(1n << BigInt(n + 1));
  let v = 0;
  let last = 0;
  for (let i = 0; i <= n; i++) {
    for (let k = n - 1; k >= i; k--) a[k] += a[k + 1];
    const c = a[i];
    let sign: number;
    if (c > 0n) sign = 1;
    else if (c <= bound) sign = -1;
    else return undefined;
    if (last !== 0 && sign !== last && ++v === 2) return 2;
    last = sign;
  }
  return v as 0 | 1;
}

/** `descartesTest01` in exact arithmetic. */
function exactDescartesTest01(q: readonly bigint[]): 0 | 1 | 2 {
  const a = q.slice().reverse();
  const n = a.length - 1;
  let v = 0;
  let last = 0n;
  for (let i = 0; i <= n; i++) {
    for (let k = n - 1; k >= i; k--) a[k] += a[k + 1];
    const c = a[i];
    if (c === 0n) continue;
    if (last !== 0n && (c < 0n) !== (last < 0n) && ++v === 2) return 2;
    last = c;
  }
  return v as 0 | 1;
}

/**
 * k ≥ 0 with every positive root of f below 2^k: Fujiwara's bound 2·max |a_{n−i}/a_n|^{1/i},
 * evaluated on bit lengths (an over-estimate, which is all that is needed).
 */
export function positiveRootBoundExponent(f: readonly bigint[]): number {
  const n = f.length - 1;
  const ln = bitLength(f[n]);
  let k = 0;
  for (let i = 1; i <= n; i++) {
    const c = f[n - i];
    if (c === 0n) continue;
    // |a_{n−i}/a_n| < 2^(bits(a_{n−i}) − bits(a_n) + 1); the i-th root and the factor 2 round up.
    const e = Math.ceil((bitLength(c) - ln + 1) / i) + 1;
    if (e > k) k = e;
  }
  return k;
}

/** (x − 1)-division of q when q(1) = 0, by synthetic division. */
function divideByXMinus1(q: readonly bigint[]): bigint[] {
  const n = q.length - 1;
  const out = new Array<bigint>(n);
  let acc = 0n;
  for (let i = n; i >= 1; i--) {
    acc = acc + q[i];
    out[i - 1] = acc;
  }
  return out;
}

/**
 * Isolating intervals of the roots of a square-free integer f in the open interval (0, 2^k),
 * where k bounds the positive roots (f(0) may vanish; that root is not reported).
 * Returned sorted, as pairs of dyadic endpoints.
 */
export function isolatePositiveRoots(f: readonly bigint[], k: number): RootInterval[] {
  // g(x) = f(2^k x)
  let g = f.map((c, i) => c << BigInt(k * i));
  let shift = 0;
  while (g[shift] === 0n) shift++;
  g = g.slice(shift);
  if (g.length <= 1) return [];
  const scale = rational(1n << BigInt(k));
  const out: { c: bigint; j: number; exact: boolean }[] = [];
  const stack: { c: bigint; j: number; q: bigint[] }[] = [{ c: 0n, j: 0, q: g }];
  while (stack.length > 0) {
    const { c, j, q } = stack.pop()!;
    const v = descartesTest01(q);
    if (v === 0) continue;
    if (v === 1) {
      out.push({ c, j, exact: false });
      continue;
    }
    const n = q.length - 1;
    let qL = q.map((x, i) => x << BigInt(n - i));
    let qR = taylorShift1(qL);
    if (qR[0] === 0n) {
      // The midpoint (2c + 1)/2^(j+1) is a root: record it exactly and divide it out.
      out.push({ c: 2n * c + 1n, j: j + 1, exact: true });
      qR = qR.slice(1);
      qL = divideByXMinus1(qL);
    }
    stack.push({ c: 2n * c + 1n, j: j + 1, q: qR });
    stack.push({ c: 2n * c, j: j + 1, q: qL });
  }
  const intervals = out.map(({ c, j, exact }) => {
    const den = 1n << BigInt(j);
    const lo = rational(c * scale.num, den);
    return exact ? { lo, hi: lo } : { lo, hi: rational((c + 1n) * scale.num, den) };
  });
  return intervals.sort((a, b) => rcmp(a.lo, b.lo) || rcmp(a.hi, b.hi));
}
