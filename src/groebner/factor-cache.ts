/**
 * Irreducible factors of the polynomials a decomposition meets, found cheaply when possible.
 *
 * The same factors recur in many pieces (a network's weights, a few bilinear forms), and most
 * polynomials examined turn out irreducible. So `Factorizer.factors(f)` (f over Q) tries, in
 * order: the memo; the variables dividing every term; trial division by the irreducible factors
 * found so far; an irreducibility proof by specialization; and only then the full multivariate
 * factorization (Wang's algorithm, `poly/factor`).
 *
 * The proof: pick a variable x such that the content of f in x is 1 (f has no monomial content
 * and some coefficient of a power of x is a single term — it divides any content, which is then a
 * monomial) and substitute integers for the other variables, keeping the leading coefficient in x
 * non-zero. If f = a·b with a, b not constant, both have positive degree in x (the content is 1)
 * and keep it, so the univariate image factors too; hence an irreducible image proves f
 * irreducible. Hilbert's irreducibility theorem makes a random image of an irreducible f
 * irreducible with high probability, so the full factorization is rarely needed for it.
 */
import { QQ } from '../arithmetic/field';
import { Rational, rational } from '../arithmetic/rational';
import { Monomial, divMonomials, divides } from '../monomials/monomial';
import { Polynomial } from '../poly/polynomial';
import { isIrreducible } from '../poly/factor';
import { factorPolynomial } from '../poly/factor/multivariate-index';
import { PolynomialMap } from './polynomial-map';

type QPoly = Polynomial<Rational>;

/** An irreducible monic factor and its multiplicity. */
export interface Factor {
  factor: QPoly;
  multiplicity: number;
}

/** Degree first, then the number of terms: the cheaper polynomial comes first. */
export function polynomialSize(f: QPoly): number {
  return f.totalDegree() * 1e6 + f.length;
}

/** f/n when n divides f, else undefined; gives up at the first leading term n does not divide. */
export function quotientIfDivisible(f: QPoly, n: QPoly): QPoly | undefined {
  if (!divides(n.lm(), f.lm()) || !divides(n.monomials[n.length - 1], f.monomials[f.length - 1])) return undefined;
  const F = f.ring.field;
  const monos: Monomial[] = [];
  const coeffs: Rational[] = [];
  let p = f;
  while (!p.isZero()) {
    if (!divides(n.lm(), p.lm())) return undefined;
    const m = divMonomials(p.lm(), n.lm());
    const c = F.div(p.lc(), n.lc());
    monos.push(m);
    coeffs.push(c);
    p = p.sub(n.mulTerm(m, c));
  }
  return new Polynomial(f.ring, monos, coeffs);
}

/** Fixed pseudo-random integers in [−40, 40] (xorshift), so runs are reproducible. */
function* integers(seed: number): Generator<bigint> {
  let s = seed >>> 0 || 1;
  for (;;) {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    yield BigInt((s % 81) - 40);
  }
}

/** The univariate image of f in x at the given values of the other variables (coefficients by power). */
function imageIn(f: QPoly, x: number, values: readonly bigint[]): Rational[] {
  const image: Rational[] = new Array(f.degree(x) + 1).fill(QQ.zero);
  for (let k = 0; k < f.length; k++) {
    const m = f.monomials[k];
    let value = 1n;
    for (let i = 0; i < values.length; i++) if (i !== x && m[i + 1] > 0) value *= values[i] ** BigInt(m[i + 1]);
    image[m[x + 1]] = QQ.add(image[m[x + 1]], QQ.mul(f.coefficients[k], rational(value)));
  }
  return image;
}

/** Does some variable divide every term of f? */
function hasMonomialContent(f: QPoly): boolean {
  const n = f.ring.nvars;
  for (let i = 1; i <= n; i++) if (f.monomials.every((m) => m[i] > 0)) return true;
  return false;
}

/** The coefficients of f as a polynomial in x (each free of x). */
function coefficientsIn(f: QPoly, x: number): QPoly[] {
  const byPower = new Map<number, { monos: Monomial[]; coeffs: Rational[] }>();
  for (let k = 0; k < f.length; k++) {
    const m = f.monomials[k];
    const e = m[x + 1];
    const r = m.slice();
    r[x + 1] = 0;
    r[0] -= e;
    const entry = byPower.get(e) ?? { monos: [], coeffs: [] };
    byPower.set(e, entry);
    entry.monos.push(r);
    entry.coeffs.push(f.coefficients[k]);
  }
  // Terms of one power of x keep their relative order after x is removed.
  return [...byPower.values()].map(({ monos, coeffs }) => new Polynomial(f.ring, monos, coeffs));
}

/**
 * Is the content of f in x provably 1? It divides every coefficient: a single-term coefficient
 * (f having no monomial content) leaves only 1; so does a smallest coefficient c proved
 * irreducible that does not divide another one (the content is then 1 or c, and not c).
 */
function trivialContentIn(f: QPoly, x: number, depth: number): boolean {
  const cs = coefficientsIn(f, x).sort((a, b) => polynomialSize(a) - polynomialSize(b));
  if (cs[0].length === 1) return true;
  return depth > 0 && provablyIrreducible(cs[0], depth - 1) && cs.some((c) => quotientIfDivisible(c, cs[0]) === undefined);
}

/**
 * f = x·A + B for a variable x of degree 1 in f (the one whose A has the fewest terms), or
 * undefined when every variable of f has another degree.
 */
function linearSplit(f: QPoly): { x: number; A: QPoly; B: QPoly } | undefined {
  let best: { x: number; A: QPoly; B: QPoly } | undefined;
  for (const x of f.support()) {
    if (f.degree(x) !== 1) continue;
    const [A, B] = [1, 0].map((e) => {
      const terms = f.monomials.flatMap((m, k) => (m[x + 1] === e ? [k] : []));
      const monos = terms.map((k) => {
        const r = f.monomials[k].slice();
        r[x + 1] = 0;
        r[0] -= e;
        return r;
      });
      // Terms of one power of x keep their relative order after x is removed.
      return new Polynomial(f.ring, monos, terms.map((k) => f.coefficients[k]));
    });
    if (best === undefined || A.length < best.A.length) best = { x, A, B };
  }
  return best;
}

/** True when an image in one variable proves f irreducible; false means "not proved". */
function provablyIrreducible(f: QPoly, depth = 2): boolean {
  const support = f.support();
  if (support.length === 0 || hasMonomialContent(f)) return false;
  if (support.length === 1) return isIrreducible(imageIn(f, support[0], []));
  if (f.totalDegree() === 1) return true;
  const draw = integers(0x2545f491 ^ f.length);
  let attempts = 0;
  for (const x of [...support].sort((a, b) => f.degree(a) - f.degree(b))) {
    if (attempts === 3) break;
    if (!trivialContentIn(f, x, depth)) continue;
    attempts++;
    const values = Array.from({ length: f.ring.nvars }, () => draw.next().value as bigint);
    const image = imageIn(f, x, values);
    // The leading coefficient in x must survive, so that no factor loses its degree in x.
    if (image[image.length - 1].num === 0n) continue;
    if (isIrreducible(image)) return true;
  }
  return false;
}

/**
 * Factorizations of polynomials over Q, remembered, with cheap paths first (see the file header).
 * @example new Factorizer().factors(x^2*y - y) // [y, x + 1, x − 1], each of multiplicity 1
 */
export class Factorizer {
  private readonly memo = new PolynomialMap<Rational, Factor[]>();
  /** Irreducible monic factors met so far, smallest first. */
  private readonly known: QPoly[] = [];

  /** The non-constant irreducible factors of f, monic, smallest first, with multiplicities. */
  factors(f: QPoly): Factor[] {
    const g = f.monic();
    const remembered = this.memo.get(g);
    if (remembered) return remembered;
    const result: Factor[] = [];
    let r = g;
    const R = f.ring;
    for (let i = 0; i < R.nvars; i++) {
      const e = Math.min(...r.monomials.map((m) => m[i + 1]));
      if (e === 0 || r.isConstant()) continue;
      result.push({ factor: R.variable(i), multiplicity: e });
      r = quotientIfDivisible(r, R.variable(i).pow(e)) as QPoly;
    }
    for (const k of this.known) {
      if (r.isConstant()) break;
      if (k.ring !== R) continue;
      let multiplicity = 0;
      for (let q = quotientIfDivisible(r, k); q !== undefined; q = quotientIfDivisible(r, k)) {
        r = q;
        multiplicity++;
      }
      if (multiplicity > 0 && !result.some((x) => x.factor.equals(k))) result.push({ factor: k, multiplicity });
    }
    if (!r.isConstant()) {
      const rest =
        this.byLinearVariable(r) ??
        (provablyIrreducible(r)
        ? [{ factor: r.monic(), multiplicity: 1 }]
        : factorPolynomial(r)
            .factors.filter((x) => !x.factor.isConstant())
            .map((x) => ({ factor: x.factor.monic(), multiplicity: x.multiplicity })));
      for (const x of rest) {
        result.push(x);
        this.remember(x.factor);
      }
    }
    result.sort((a, b) => polynomialSize(a.factor) - polynomialSize(b.factor));
    this.memo.set(g, result);
    return result;
  }

  /**
   * The factors of f (no variable dividing every term) through a variable of degree 1 (see the
   * file header): those of its content in x, then the primitive part; undefined when f has no
   * variable of degree 1.
   */
  private byLinearVariable(f: QPoly): Factor[] | undefined {
    const split = linearSplit(f);
    if (split === undefined) return undefined;
    const out: Factor[] = [];
    let content = f.ring.one();
    let B = split.B;
    for (const { factor, multiplicity } of this.factors(split.A)) {
      let k = 0;
      for (let q = quotientIfDivisible(B, factor); k < multiplicity && q !== undefined; q = quotientIfDivisible(B, factor)) {
        B = q;
        k++;
      }
      if (k === 0) continue;
      out.push({ factor, multiplicity: k });
      content = content.mul(factor.pow(k));
    }
    out.push({ factor: (quotientIfDivisible(f, content) as QPoly).monic(), multiplicity: 1 });
    return out;
  }

  private remember(k: QPoly): void {
    if (k.length < 2 || this.known.some((x) => x.equals(k))) return;
    const at = this.known.findIndex((x) => polynomialSize(x) > polynomialSize(k));
    this.known.splice(at < 0 ? this.known.length : at, 0, k);
  }
}
