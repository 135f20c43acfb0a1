/**
 * Small tools for multivariate gcd and factorization over Q: viewing a polynomial as a
 * polynomial in one variable (its coefficients, leading coefficient, degree), substituting an
 * integer for a variable, shifting a variable (x ↦ x + a), univariate images, integer primitive
 * parts and a seeded generator for evaluation points.
 *
 * Representation: everything works on the library's `Polynomial<Rational>` (sparse, sorted in the
 * ring's order, immutable); a "coefficient in x_v" is a polynomial of the same ring in which x_v
 * does not occur. Integer-valued polynomials are kept as rationals with denominator 1.
 * Reference: Geddes–Czapor–Labahn, Algorithms for Computer Algebra (1992), ch. 6.
 */
import { QQ } from '../../arithmetic/field';
import { binomial } from '../../arithmetic/integers';
import { Rational, rational } from '../../arithmetic/rational';
import { Monomial } from '../../monomials/monomial';
import { content } from '../content';
import { Polynomial } from '../polynomial';
import { UPoly, fromUnivariate, utrim } from '../univariate';

/** A polynomial over Q (the only coefficient domain of the multivariate factoring code). */
export type QPoly = Polynomial<Rational>;

function withoutVar(m: Monomial, v: number): Monomial {
  const r = m.slice();
  r[0] -= r[v + 1];
  r[v + 1] = 0;
  return r;
}

/** The coefficients of f as a polynomial in x_v: degree ↦ coefficient (x_v-free, non-zero). */
export function coefficientsIn(f: QPoly, v: number): Map<number, QPoly> {
  const groups = new Map<number, [Monomial[], Rational[]]>();
  for (let i = 0; i < f.length; i++) {
    const e = f.monomials[i][v + 1];
    let g = groups.get(e);
    if (!g) groups.set(e, (g = [[], []]));
    g[0].push(withoutVar(f.monomials[i], v));
    g[1].push(f.coefficients[i]);
  }
  const out = new Map<number, QPoly>();
  for (const [e, [ms, cs]] of groups) out.set(e, f.ring.normalize(ms, cs));
  return out;
}

/** The coefficient of x_v^k in f (x_v-free). */
export function coefficientOfPower(f: QPoly, v: number, k: number): QPoly {
  const ms: Monomial[] = [];
  const cs: Rational[] = [];
  for (let i = 0; i < f.length; i++) {
    if (f.monomials[i][v + 1] !== k) continue;
    ms.push(withoutVar(f.monomials[i], v));
    cs.push(f.coefficients[i]);
  }
  return f.ring.normalize(ms, cs);
}

/** The leading coefficient of f in x_v (zero for zero). */
export function leadingCoefficientIn(f: QPoly, v: number): QPoly {
  return f.isZero() ? f : coefficientOfPower(f, v, f.degree(v));
}

/** f with its leading coefficient in x_v replaced by c (c free of x_v). */
export function replaceLeadingCoefficient(f: QPoly, v: number, c: QPoly): QPoly {
  const d = f.degree(v);
  const xd = f.ring.variable(v).pow(d);
  return f.sub(leadingCoefficientIn(f, v).mul(xd)).add(c.mul(xd));
}

/** f with x_v replaced by the rational a. */
export function substituteValue(f: QPoly, v: number, a: Rational): QPoly {
  if (f.degree(v) <= 0) return f;
  const ms: Monomial[] = [];
  const cs: Rational[] = [];
  const powers: Rational[] = [QQ.one];
  for (let i = 0; i < f.length; i++) {
    const e = f.monomials[i][v + 1];
    while (powers.length <= e) powers.push(QQ.mul(powers[powers.length - 1], a));
    if (e > 0 && a.num === 0n) continue;
    ms.push(withoutVar(f.monomials[i], v));
    cs.push(QQ.mul(f.coefficients[i], powers[e]));
  }
  return f.ring.normalize(ms, cs);
}

/** f with x_v set to 0 (the terms free of x_v). */
export function setZero(f: QPoly, v: number): QPoly {
  return coefficientOfPower(f, v, 0);
}

/** f(…, x_v + a, …): a Taylor shift in one variable, exact. */
export function shiftVariable(f: QPoly, v: number, a: bigint): QPoly {
  if (a === 0n || f.degree(v) <= 0) return f;
  const ms: Monomial[] = [];
  const cs: Rational[] = [];
  const powers: bigint[] = [1n];
  for (let i = 0; i < f.length; i++) {
    const m = f.monomials[i];
    const e = m[v + 1];
    while (powers.length <= e) powers.push(powers[powers.length - 1] * a);
    for (let k = 0; k <= e; k++) {
      const r = m.slice();
      r[0] += k - e;
      r[v + 1] = k;
      ms.push(r);
      cs.push(QQ.mul(f.coefficients[i], rational(binomial(e, k) * powers[e - k])));
    }
  }
  return f.ring.normalize(ms, cs);
}

/** f shifted in several variables at once: x_{vars[i]} ↦ x_{vars[i]} + point[i]. */
export function shiftVariables(f: QPoly, vars: readonly number[], point: readonly bigint[]): QPoly {
  let g = f;
  for (let i = 0; i < vars.length; i++) g = shiftVariable(g, vars[i], point[i]);
  return g;
}

/** c·m with the variables `vars` set to `point` (the other exponents are ignored). */
function termAt(m: readonly number[], c: Rational, vars: readonly number[], point: readonly bigint[]): Rational {
  let t = c;
  for (let j = 0; j < vars.length; j++) {
    const e = m[vars[j] + 1];
    if (e > 0) t = QQ.mul(t, rational(point[j] ** BigInt(e)));
  }
  return t;
}

/** The univariate image f(x_v; others = point) as ascending rationals (all other variables are substituted). */
export function univariateImage(f: QPoly, v: number, vars: readonly number[], point: readonly bigint[]): UPoly<Rational> {
  const deg = f.degree(v);
  const c = new Array<Rational>(Math.max(deg + 1, 0)).fill(QQ.zero);
  for (let i = 0; i < f.length; i++) {
    const m = f.monomials[i];
    c[m[v + 1]] = QQ.add(c[m[v + 1]], termAt(m, f.coefficients[i], vars, point));
  }
  return utrim(QQ, c);
}

/** The value of f at the point (f must involve only the variables `vars`). */
export function evaluateAt(f: QPoly, vars: readonly number[], point: readonly bigint[]): Rational {
  let s = QQ.zero;
  for (let i = 0; i < f.length; i++) {
    s = QQ.add(s, termAt(f.monomials[i], f.coefficients[i], vars, point));
  }
  return s;
}

/** The polynomial of f's ring equal to the univariate u in x_v. */
export function fromImage(f: QPoly, v: number, u: UPoly<Rational>): QPoly {
  return fromUnivariate(f.ring, v, u);
}

/** The primitive integer part with positive leading coefficient in the ring's order (zero stays zero). */
export function integerPrimitive(f: QPoly): QPoly {
  if (f.isZero()) return f;
  let c = content(f);
  if (f.lc().num < 0n) c = QQ.neg(c);
  return c.num === 1n && c.den === 1n ? f : f.scale(QQ.inv(c));
}

/** Are all coefficients integers? */
export function isIntegral(f: QPoly): boolean {
  return f.coefficients.every((c) => c.den === 1n);
}

/** Π fs (1 for the empty list). */
export function productOf(f: QPoly, fs: readonly QPoly[]): QPoly {
  let p = f.ring.one();
  for (const g of fs) p = p.mul(g);
  return p;
}

/** The largest degree of f in any of the given variables. */
export function maxDegreeIn(f: QPoly, vars: readonly number[]): number {
  let d = 0;
  for (const v of vars) d = Math.max(d, f.degree(v));
  return d;
}

/** A small seeded generator (xorshift32): reproducible evaluation points. */
export class PointGenerator {
  private state: number;
  constructor(seed = 0x2545f491) {
    this.state = seed >>> 0 || 1;
  }
  /** A uniform integer in [−bound, bound]. */
  next(bound: number): bigint {
    let s = this.state;
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    this.state = s >>> 0;
    return BigInt((this.state % (2 * bound + 1)) - bound);
  }
  /** A point of `n` coordinates in [−bound, bound]. */
  point(n: number, bound: number): bigint[] {
    return Array.from({ length: n }, () => this.next(bound));
  }
}
