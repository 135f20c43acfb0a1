/**
 * Test helpers for factorization and root finding: classic polynomial families (cyclotomic,
 * Swinnerton-Dyer, Wilkinson, Mignotte) built independently of the factoring code (by exact
 * division and by resultant-free expansion), fast-check arbitraries for integer polynomials, and
 * the multiply-back oracle.
 */
import fc from 'fast-check';
import { Rational, rational, req } from '../../../src/arithmetic/rational';
import { Factorization } from '../../../src/poly/factor';

/** Schoolbook product (independent of src, so the oracle does not share code with the algorithm). */
export function mul(a: readonly bigint[], b: readonly bigint[]): bigint[] {
  if (a.length === 0 || b.length === 0) return [];
  const r = new Array<bigint>(a.length + b.length - 1).fill(0n);
  a.forEach((x, i) => b.forEach((y, j) => (r[i + j] += x * y)));
  return trim(r);
}

export function trim(a: bigint[]): bigint[] {
  while (a.length > 0 && a[a.length - 1] === 0n) a.pop();
  return a;
}

export function prod(polys: readonly (readonly bigint[])[]): bigint[] {
  return polys.reduce<bigint[]>((acc, p) => mul(acc, p), [1n]);
}

/** x^n + c */
export function xn(n: number, c: bigint): bigint[] {
  const a = new Array<bigint>(n + 1).fill(0n);
  a[0] = c;
  a[n] = 1n;
  return a;
}

/** Exact quotient a/b over Z (throws if inexact). */
export function div(a: readonly bigint[], b: readonly bigint[]): bigint[] {
  const r = a.slice();
  const q = new Array<bigint>(a.length - b.length + 1).fill(0n);
  for (let i = a.length - 1; i >= b.length - 1; i--) {
    const c = r[i] / b[b.length - 1];
    if (c * b[b.length - 1] !== r[i]) throw new Error('inexact');
    q[i - b.length + 1] = c;
    for (let j = 0; j < b.length; j++) r[i - b.length + 1 + j] -= c * b[j];
  }
  if (r.some((x) => x !== 0n)) throw new Error('inexact');
  return trim(q);
}

const cyclo = new Map<number, bigint[]>();
/** The n-th cyclotomic polynomial Φ_n = (x^n − 1) / Π_{d | n, d < n} Φ_d. */
export function cyclotomic(n: number): bigint[] {
  const hit = cyclo.get(n);
  if (hit) return hit;
  let f = xn(n, -1n);
  for (let d = 1; d < n; d++) if (n % d === 0) f = div(f, cyclotomic(d));
  cyclo.set(n, f);
  return f;
}

/** The Swinnerton-Dyer polynomial Π (x ± √p₁ ± … ± √p_k), degree 2^k, by squaring out one root at a time. */
export function swinnertonDyer(ps: readonly number[]): bigint[] {
  let f: bigint[] = [0n, 1n];
  for (const p of ps) {
    // f(x + s) = A(x) + s·B(x) with s² = p; then f(x+s)·f(x−s) = A² − p·B².
    const A = new Array<bigint>(f.length).fill(0n);
    const B = new Array<bigint>(f.length).fill(0n);
    for (let i = 0; i < f.length; i++) {
      let binom = 1n;
      for (let k = 0; k <= i; k++) {
        const term = f[i] * binom * BigInt(p) ** BigInt(k >> 1);
        if (k % 2 === 0) A[i - k] += term;
        else B[i - k] += term;
        binom = (binom * BigInt(i - k)) / BigInt(k + 1);
      }
    }
    const AA = mul(A, A);
    const BB = mul(B, B).map((c) => c * BigInt(p));
    const n = Math.max(AA.length, BB.length);
    f = trim(Array.from({ length: n }, (_, i) => (AA[i] ?? 0n) - (BB[i] ?? 0n)));
  }
  return f;
}

/** unit · Π factorᵢ^mᵢ as rationals, to compare with the input. */
export function expand(fz: Factorization): Rational[] {
  let p: bigint[] = [1n];
  for (const { factor, multiplicity } of fz.factors) for (let k = 0; k < multiplicity; k++) p = mul(p, factor);
  return p.map((c) => {
    const r = rational(c * fz.unit.num, fz.unit.den);
    return r;
  });
}

export function sameRational(a: readonly Rational[], b: readonly Rational[]): boolean {
  const t = (x: readonly Rational[]) => {
    let n = x.length;
    while (n > 0 && x[n - 1].num === 0n) n--;
    return x.slice(0, n);
  };
  const [x, y] = [t(a), t(b)];
  return x.length === y.length && x.every((c, i) => req(c, y[i]));
}

/** A random non-constant integer polynomial of degree 1..maxDeg with small coefficients. */
export function arbIntPoly(maxDeg: number, maxCoeff = 20n): fc.Arbitrary<bigint[]> {
  return fc
    .tuple(fc.array(fc.bigInt({ min: -maxCoeff, max: maxCoeff }), { minLength: 1, maxLength: maxDeg }), fc.bigInt({ min: 1n, max: maxCoeff }), fc.boolean())
    .map(([low, lead, neg]) => [...low, neg ? -lead : lead]);
}

/** A random linear factor a·x − b with gcd(a, b) = 1, a > 0 (a planted rational root b/a). */
export const arbLinear: fc.Arbitrary<bigint[]> = fc
  .tuple(fc.bigInt({ min: -12n, max: 12n }), fc.bigInt({ min: 1n, max: 6n }))
  .filter(([b, a]) => {
    let [x, y] = [b < 0n ? -b : b, a];
    while (y !== 0n) [x, y] = [y, x % y];
    return x === 1n;
  })
  .map(([b, a]) => [-b, a]);
