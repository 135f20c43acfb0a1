/**
 * Sturm sequences over Z and exact counts of real roots in intervals, plus exact signs of an
 * integer polynomial at rational points and at ±∞.
 *
 * Representation: integer polynomials `bigint[]` (ascending, trimmed). The sequence is
 * s₀ = f, s₁ = f′, s_{i+1} = −prem(s_{i−1}, s_i)/cᵢ where the pseudo-remainder uses the positive
 * multiplier |lc(sᵢ)|^(δ+1) and cᵢ > 0 is the content, so signs are those of the classical Sturm
 * sequence while the coefficients stay integral and primitive. For a square-free f and a < b,
 * V(a) − V(b) is the number of roots in (a, b] (Sturm 1829; Basu–Pollack–Roy, Algorithms in Real
 * Algebraic Geometry, Thm. 2.50).
 */
import { Rational, isDyadic } from '../../arithmetic/rational';
import { ZPoly, zcontent, zderivative, zevalHomogeneous } from '../../poly/factor/zpoly';
import { zsignDyadic } from '../../poly/dyadic-interval';
import { bitLength } from '../../arithmetic/integers';

/** A point of the extended real line: a rational, or ±∞. */
export type ExtendedRational = Rational | 'inf' | '-inf';

/** The pseudo-remainder with a positive multiplier: |lc(b)|^(δ+1)·a mod b, exactly. */
function positivePrem(a: readonly bigint[], b: readonly bigint[]): ZPoly {
  const r = a.slice();
  const db = b.length - 1;
  const lb = b[db];
  const absLb = lb < 0n ? -lb : lb;
  const sgn = lb < 0n ? -1n : 1n;
  for (let i = r.length - 1; i >= db; i--) {
    const c = r[i];
    // r ← |lb|·r − sgn·c·x^(i−db)·b, which kills the top coefficient.
    for (let k = 0; k < r.length; k++) r[k] *= absLb;
    for (let k = 0; k <= db; k++) r[i - db + k] -= sgn * c * b[k];
    r.length = i;
  }
  let n = Math.min(r.length, db);
  r.length = n;
  while (n > 0 && r[n - 1] === 0n) n--;
  r.length = n;
  return r;
}

/** The Sturm sequence of f (primitive integer members, classical signs). */
export function sturmSequence(f: readonly bigint[]): ZPoly[] {
  const seq: ZPoly[] = [f.slice()];
  if (f.length <= 1) return seq;
  seq.push(zderivative(f));
  for (;;) {
    const a = seq[seq.length - 2];
    const b = seq[seq.length - 1];
    if (b.length <= 1) break;
    const r = positivePrem(a, b);
    if (r.length === 0) break;
    const c = zcontent(r);
    seq.push(r.map((x) => -x / c));
  }
  return seq;
}

/** The exact sign of f at a rational point or at ±∞. */
export function signAtPoint(f: readonly bigint[], x: ExtendedRational): -1 | 0 | 1 {
  if (f.length === 0) return 0;
  const lc = f[f.length - 1] < 0n ? -1 : 1;
  if (x === 'inf') return lc;
  if (x === '-inf') return ((f.length - 1) % 2 === 0 ? lc : -lc) as -1 | 1;
  // Dyadic points (bisection and Newton steps make them): fixed-point interval arithmetic first.
  if (isDyadic(x)) return zsignDyadic(f, x.num, bitLength(x.den) - 1);
  const v = zevalHomogeneous(f, x.num, x.den);
  return v < 0n ? -1 : v > 0n ? 1 : 0;
}

/** Sign changes of a Sturm sequence at x (zeros skipped). */
export function sturmVariations(seq: readonly ZPoly[], x: ExtendedRational): number {
  let v = 0;
  let last = 0;
  for (const s of seq) {
    const sg = signAtPoint(s, x);
    if (sg === 0) continue;
    if (last !== 0 && sg !== last) v++;
    last = sg;
  }
  return v;
}

/** Number of distinct roots of a square-free f in (a, b] for a < b (endpoints may be ±∞). */
export function sturmCount(seq: readonly ZPoly[], a: ExtendedRational, b: ExtendedRational): number {
  return sturmVariations(seq, a) - sturmVariations(seq, b);
}

