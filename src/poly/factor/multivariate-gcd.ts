/**
 * Greatest common divisors of multivariate polynomials over Q, and contents / primitive parts with
 * respect to one variable, by the EEZ-GCD method: reduce to one main variable x with the content
 * (a gcd of the coefficients, recursively in fewer variables), evaluate the other variables at a
 * small integer point, take the univariate gcd h of the images (modular gcd over Z), and lift the
 * factorization P(α) = h·(P(α)/h) of one of f, g, f ± k·g back to Q[x, y] by multivariate Hensel
 * lifting with the leading coefficient gcd(lc_x f, lc_x g) imposed on the gcd's lift. Every
 * candidate is confirmed by exact division, so an unlucky point only costs a retry.
 *
 * Representation and normalization: `Polynomial<Rational>`; gcds, contents and lcms are returned
 * primitive with integer coefficients and a positive leading coefficient in the ring's order
 * (not monic), so they are unique; gcd(0, 0) = 0 and the gcd of coprime polynomials is 1.
 * Reference: Wang, "The EEZ-GCD algorithm", SIGSAM Bull. 14 (1980); Moses–Yun, "The EZ GCD
 * algorithm" (1973); Geddes–Czapor–Labahn, Algorithms for Computer Algebra, §7.6.
 */
import { QQ, Zp } from '../../arithmetic/field';
import { prevPrime } from '../../arithmetic/primes';
import { Rational, rational } from '../../arithmetic/rational';
import { ComputationError } from '../../errors';
import { content } from '../content';
import { tryExactDivide } from '../division';
import { UPoly, uexactDiv, ugcd } from '../univariate';
import { henselLiftMultivariate } from './hensel-multivariate';
import {
  PointGenerator, QPoly, coefficientsIn, evaluateAt, fromImage, integerPrimitive, leadingCoefficientIn, substituteValue, univariateImage,
} from './multivariate-tools';
import { zgcd } from './squarefree';
import { ZPoly, zprimitive, ztoModP } from './zpoly';

const MAX_ATTEMPTS = 24;
const CHECK_PRIME = prevPrime(2 ** 26);
const CHECK_FIELD = Zp(CHECK_PRIME);

/** Dense integer image → primitive integer polynomial (positive lc). */
function primitiveImage(u: UPoly<Rational>): ZPoly {
  let l = 1n;
  for (const c of u) if (c.den !== 1n) l = (l * c.den) / gcdBig(l, c.den);
  return zprimitive(u.map((c) => (c.num * l) / c.den));
}

function gcdBig(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a < 0n ? -a : a;
}

function toRationals(z: ZPoly): UPoly<Rational> {
  return z.map((c) => rational(c));
}

/**
 * The content of f with respect to x_v: the gcd of its coefficients as a polynomial in x_v,
 * primitive with integer coefficients and positive leading coefficient (0 for f = 0).
 * Example: the content of x·y² + x·y in y is x.
 */
export function polynomialContent(f: QPoly, v: number): QPoly {
  if (f.isZero()) return f;
  const coeffs = [...coefficientsIn(f, v).values()].sort((a, b) => a.length - b.length);
  let g = integerPrimitive(coeffs[0]);
  for (let i = 1; i < coeffs.length && !g.isConstant(); i++) g = polynomialGcd(g, coeffs[i]);
  return g.isConstant() ? f.ring.one() : g;
}

/**
 * f divided by its content in x_v, so f = polynomialContent(f, v) · primitivePartIn(f, v)
 * exactly (the rational unit of f stays in the primitive part). Example: x·y² + x·y ↦ y² + y.
 */
export function primitivePartIn(f: QPoly, v: number): QPoly {
  if (f.isZero()) return f;
  const c = polynomialContent(f, v);
  return c.isOne() ? f : exactQuotient(f, c);
}

function exactQuotient(f: QPoly, g: QPoly): QPoly {
  const q = tryExactDivide(f, g);
  if (q === undefined) throw new ComputationError(`multivariate gcd: ${g} was expected to divide ${f}`);
  return q;
}

/**
 * The gcd of f and g over Q: primitive, integer coefficients, positive leading coefficient in
 * the ring's order. Example: gcd(x² − y², x² + 2xy + y²) = x + y.
 */
export function polynomialGcd(f: QPoly, g: QPoly): QPoly {
  if (f.isZero()) return integerPrimitive(g);
  if (g.isZero()) return integerPrimitive(f);
  if (f.isConstant() || g.isConstant()) return f.ring.one();
  f = integerPrimitive(f);
  g = integerPrimitive(g);
  if (f.equals(g)) return f;
  const sf = f.support();
  const sg = g.support();
  if (provablyCoprime(f, g, sf.filter((v) => sg.includes(v)))) return f.ring.one();
  // A variable that occurs in only one of them cannot occur in the gcd: pass to its content.
  const onlyF = sf.find((v) => !sg.includes(v));
  if (onlyF !== undefined) return polynomialGcd(polynomialContent(f, onlyF), g);
  const onlyG = sg.find((v) => !sf.includes(v));
  if (onlyG !== undefined) return polynomialGcd(f, polynomialContent(g, onlyG));
  // Main variable: a constant leading coefficient in f or g makes gcd(lc f, lc g) constant, so
  // nothing has to be imposed on the lift; then the smallest degree keeps the images small.
  const cost = (v: number): number =>
    (leadingCoefficientIn(f, v).isConstant() || leadingCoefficientIn(g, v).isConstant() ? 0 : 1000) + Math.max(f.degree(v), g.degree(v));
  let x = sf[0];
  let best = cost(x);
  for (const v of sf) {
    const c = cost(v);
    if (c < best) [x, best] = [v, c];
  }
  const cf = polynomialContent(f, x);
  const cg = polynomialContent(g, x);
  const c = cf.isOne() || cg.isOne() ? f.ring.one() : polynomialGcd(cf, cg);
  const G = gcdPrimitiveIn(cf.isOne() ? f : exactQuotient(f, cf), cg.isOne() ? g : exactQuotient(g, cg), x);
  return integerPrimitive(c.mul(G));
}

/**
 * A cheap certificate that gcd(f, g) = 1: for every common variable v, the images in v at one
 * point (other variables substituted, leading coefficients in v not vanishing) are coprime, so
 * the gcd has degree 0 in every common variable, and it cannot involve any other. `false` means
 * "not shown", not "not coprime".
 */
function provablyCoprime(f: QPoly, g: QPoly, common: readonly number[]): boolean {
  if (common.length === 0) return true;
  const all = f.ring.vars.map((_, i) => i);
  const rng = new PointGenerator(0x85ebca6b ^ (f.length * 31 + g.length));
  const point = rng.point(all.length, 6);
  for (const v of common) {
    const others = all.filter((u) => u !== v);
    const values = others.map((u) => point[u]);
    // Images modulo a prime: coprime there with the degrees kept implies coprime over Q.
    const fa = ztoModP(primitiveImage(univariateImage(f, v, others, values)), CHECK_PRIME);
    const ga = ztoModP(primitiveImage(univariateImage(g, v, others, values)), CHECK_PRIME);
    if (fa.length - 1 !== f.degree(v) || ga.length - 1 !== g.degree(v)) return false;
    if (ugcd(CHECK_FIELD, fa, ga).length !== 1) return false;
  }
  return true;
}

/** The least common multiple, primitive with positive leading coefficient (0 if either is 0). */
export function polynomialLcm(f: QPoly, g: QPoly): QPoly {
  if (f.isZero() || g.isZero()) return f.ring.zero();
  const d = polynomialGcd(f, g);
  return integerPrimitive(exactQuotient(integerPrimitive(f), d).mul(integerPrimitive(g)));
}

/** gcd of f, g primitive in x (both non-zero), by evaluation and Hensel lifting. */
function gcdPrimitiveIn(f: QPoly, g: QPoly, x: number): QPoly {
  const R = f.ring;
  if (f.degree(x) <= 0 || g.degree(x) <= 0) return R.one();
  const ys = [...new Set([...f.support(), ...g.support()])].filter((v) => v !== x).sort((a, b) => a - b);
  if (ys.length === 0) {
    const h = zgcd(primitiveImage(univariateImage(f, x, [], [])), primitiveImage(univariateImage(g, x, [], [])));
    return integerPrimitive(fromImage(f, x, toRationals(h)));
  }
  const lf = leadingCoefficientIn(f, x);
  const lg = leadingCoefficientIn(g, x);
  // lc(gcd) divides gcd(lf, lg) over Z[ys] (Gauss), integer contents included.
  let gamma = polynomialGcd(lf, lg).scale(rational(gcdBig(content(lf).num, content(lg).num)));
  if (ys.length >= 2) gamma = trimMonomialPart(f, g, x, ys, gamma);
  const rng = new PointGenerator(0x9e3779b1 ^ (f.length * 131 + g.length));
  let bestDeg = Math.min(f.degree(x), g.degree(x)) + 1;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const bound = 2 + attempt * 2;
    const alpha = attempt === 0 ? ys.map(() => 0n) : rng.point(ys.length, bound);
    if (evaluateAt(lf, ys, alpha).num === 0n || evaluateAt(lg, ys, alpha).num === 0n) continue;
    const fa = primitiveImage(univariateImage(f, x, ys, alpha));
    const ga = primitiveImage(univariateImage(g, x, ys, alpha));
    const h = zgcd(fa, ga);
    const dh = h.length - 1;
    if (dh === 0) return R.one();
    if (dh > bestDeg) continue;
    bestDeg = dh;
    if (dh === f.degree(x) && tryExactDivide(g, f) !== undefined) return f;
    if (dh === g.degree(x) && tryExactDivide(f, g) !== undefined) return g;
    const G = liftGcd(f, g, x, ys, alpha, h, gamma);
    if (G && tryExactDivide(f, G) !== undefined && tryExactDivide(g, G) !== undefined) return G;
  }
  throw new ComputationError(`multivariate gcd: no lucky evaluation point after ${MAX_ATTEMPTS} attempts`);
}

/**
 * γ with the power of each variable y in its monomial part cut down to ord_y(lc_x gcd), read off
 * the bivariate gcd of f and g with the other variables at random values. The order can only go
 * up under evaluation, so the result is still a multiple of lc_x(gcd) and the lift stays valid;
 * it matters because a monomial leading coefficient becomes dense once the lift shifts y.
 */
function trimMonomialPart(f: QPoly, g: QPoly, x: number, ys: number[], gamma: QPoly): QPoly {
  const lf = leadingCoefficientIn(f, x);
  const lg = leadingCoefficientIn(g, x);
  const rng = new PointGenerator(0x27d4eb2f ^ f.length);
  let out = gamma;
  for (const y of ys) {
    const e = Math.min(...gamma.monomials.map((m) => m[y + 1]));
    if (e === 0) continue;
    const others = ys.filter((v) => v !== y);
    for (let attempt = 0; attempt < 4; attempt++) {
      const values = others.map(() => rational(rng.next(8 + 4 * attempt)));
      const at = (p: QPoly): QPoly => others.reduce((q, v, i) => substituteValue(q, v, values[i]), p);
      if (at(lf).isZero() || at(lg).isZero()) continue;
      const G = polynomialGcd(at(f), at(g));
      if (G.degree(x) <= 0) break;
      const k = Math.min(...leadingCoefficientIn(G, x).monomials.map((m) => m[y + 1]));
      if (k < e) out = exactQuotient(out, f.ring.variable(y).pow(e - k));
      break;
    }
  }
  return out;
}

/** Lifts h (the gcd image at α) to a candidate gcd, through P ∈ {f, g, g + k·f} with a coprime cofactor. */
function liftGcd(f: QPoly, g: QPoly, x: number, ys: number[], alpha: bigint[], h: ZPoly, gamma: QPoly): QPoly | undefined {
  const hq = toRationals(h);
  for (const k of [undefined, 0n, 1n, -1n, 2n, -2n]) {
    // P = f, g, then g + k·f: each is a multiple of G = gcd(f, g); the lift needs P(α)/h coprime to h.
    const P = k === undefined ? f : k === 0n ? g : g.add(f.scale(rational(k)));
    const lp = leadingCoefficientIn(P, x);
    if (k !== undefined && k !== 0n && P.degree(x) !== Math.max(f.degree(x), g.degree(x))) continue;
    const lpa = evaluateAt(lp, ys, alpha);
    if (lpa.num === 0n) continue;
    const pa = univariateImage(P, x, ys, alpha);
    const cof = uexactDiv(QQ, pa, hq);
    if (zgcd(primitiveImage(cof), h).length !== 1) continue;
    const ga = evaluateAt(gamma, ys, alpha);
    const hs = hq.map((c) => QQ.mul(c, QQ.div(ga, hq[hq.length - 1])));
    const cs = cof.map((c) => QQ.mul(c, QQ.div(lpa, cof[cof.length - 1])));
    const lifted = henselLiftMultivariate(gamma.mul(P), x, ys, alpha, [hs, cs], [gamma, lp]);
    if (!lifted) return undefined;
    return integerPrimitive(primitivePartIn(lifted[0], x));
  }
  return undefined;
}
