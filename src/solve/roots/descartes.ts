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
 * truncation carried along, and exactly only when that leaves a sign undecided; a right half's
 * exact shift q_L(x + 1) is computed only when that half splits again (its test runs on a
 * truncated shift), so the leaves of the search never pay for one. A root at a midpoint
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
  const truncated = truncate(q, n + 1);
  return truncated && signsOfShift(truncated.reverse(), n + 1);
}

/** `descartesTest01(taylorShift1(L))`, computing the shift exactly only when a truncated one does not decide. */
export function descartesTest01OfShift(L: readonly bigint[]): 0 | 1 | 2 {
  return truncatedDescartesTestOfShift(L) ?? descartesTest01(taylorShift1(L));
}

/**
 * `descartesTest01` of q = L(x + 1) without computing q exactly: L's coefficients rounded down to
 * multiples of 2^s (keeping about 2·deg + 66 bits), then both shifts — to q and the test's own —
 * on those. Both maps have non-negative integer entries and rows summing to less than 2^(n+1),
 * so each final coefficient is 2^s·(ã + Δ) with 0 ≤ Δ < 2^(2n+2); signs are read as in
 * `truncatedDescartesTest01`. Undefined when that does not decide.
 */
function truncatedDescartesTestOfShift(L: readonly bigint[]): 0 | 1 | 2 | undefined {
  const n = L.length - 1;
  const q = truncate(L, 2 * n + 2);
  if (!q) return undefined;
  for (let i = 0; i < n; i++) for (let k = n - 1; k >= i; k--) q[k] += q[k + 1];
  return signsOfShift(q.reverse(), 2 * n + 2);
}

/**
 * q's coefficients rounded down to multiples of 2^s, s chosen so that the largest keeps
 * errorBits + 64 bits; undefined when q is too short to gain anything.
 */
function truncate(q: readonly bigint[], errorBits: number): bigint[] | undefined {
  let top = 0n;
  for (const c of q) {
    const a = c < 0n ? -c : c;
    if (a > top) top = a;
  }
  const s = bitLength(top) - errorBits - TRUNCATION_GUARD_BITS;
  if (s <= 0) return undefined;
  const S = BigInt(s);
  return q.map((c) => c >> S);
}

/**
 * The sign variations of a(x + 1), capped at 2, for a whose true value is a + Δ with
 * 0 ≤ Δ < 2^errorBits after the shift (row by row, stopping at the second variation, as
 * `exactDescartesTest01`); undefined when a sign is undecided. `a` is overwritten.
 */
function signsOfShift(a: bigint[], errorBits: number): 0 | 1 | 2 | undefined {
  const n = a.length - 1;
  const bound = -(1n << BigInt(errorBits));
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
  // A right half is kept as its left sibling L, q = L(x + 1) not yet shifted: the exact shift
  // (n² additions of numbers of τ + j·n bits) is paid only if the node splits, since its test
  // can be run on a truncated shift (`descartesTest01OfShift`); about half of the nodes are
  // leaves.
  const stack: { c: bigint; j: number; q?: bigint[]; unshifted?: bigint[] }[] = [{ c: 0n, j: 0, q: g }];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const { c, j } = node;
    const v = node.q ? descartesTest01(node.q) : descartesTest01OfShift(node.unshifted!);
    if (v === 0) continue;
    if (v === 1) {
      out.push({ c, j, exact: false });
      continue;
    }
    const q = node.q ?? taylorShift1(node.unshifted!);
    const n = q.length - 1;
    let qL = q.map((x, i) => x << BigInt(n - i));
    // q_R(0) = q_L(1): the midpoint (2c + 1)/2^(j+1) is a root when the coefficients sum to 0.
    let sum = 0n;
    for (const x of qL) sum += x;
    if (sum === 0n) {
      // Record it exactly and divide it out of both halves.
      out.push({ c: 2n * c + 1n, j: j + 1, exact: true });
      const qR = taylorShift1(qL).slice(1);
      qL = divideByXMinus1(qL);
      stack.push({ c: 2n * c + 1n, j: j + 1, q: qR });
    } else stack.push({ c: 2n * c + 1n, j: j + 1, unshifted: qL });
    stack.push({ c: 2n * c, j: j + 1, q: qL });
  }
  const intervals = out.map(({ c, j, exact }) => {
    const den = 1n << BigInt(j);
    const lo = rational(c * scale.num, den);
    return exact ? { lo, hi: lo } : { lo, hi: rational((c + 1n) * scale.num, den) };
  });
  return intervals.sort((a, b) => rcmp(a.lo, b.lo) || rcmp(a.hi, b.hi));
}
