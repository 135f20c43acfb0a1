/**
 * Factorization of multivariate polynomials over Q into irreducibles.
 *
 * Pipeline: f = c · F with F primitive over Z; the monomial factor x₁^k₁⋯ is split off; the
 * square-free decomposition of the rest (`squarefree-multivariate.ts`) gives pairwise coprime
 * square-free parts; each part is split into its content and primitive part in a main variable x
 * (preferring a variable with constant leading coefficient, then the smallest degree); contents
 * are factored recursively, univariate parts by `factorUnivariate` (Zassenhaus), parts of degree 1
 * in x are irreducible, and the rest by Wang's method (`wang.ts`).
 *
 * Output: every factor is primitive with integer coefficients and a positive leading coefficient
 * in the ring's order; factors are sorted by total degree, then by canonical text; the rational
 * unit makes f = unit · Π factorᵢ^mᵢ exact, which is checked by multiplying out.
 * Reference: Wang, "An improved multivariate polynomial factoring algorithm" (1978);
 * Geddes–Czapor–Labahn, Algorithms for Computer Algebra, ch. 6 and §8.2.
 */
import { QQ } from '../../arithmetic/field';
import { Rational, rational } from '../../arithmetic/rational';
import { ComputationError, InputError } from '../../errors';
import { Monomial } from '../../monomials/monomial';
import { tryExactDivide } from '../division';
import { fromUnivariate, toUnivariate } from '../univariate';
import { factorUnivariate } from './factor';
import { polynomialContent } from './multivariate-gcd';
import { QPoly, integerPrimitive, leadingCoefficientIn } from './multivariate-tools';
import { squarefreeDecomposition } from './squarefree-multivariate';
import { wangFactor } from './wang';

/** f = unit · Π factorᵢ^multiplicityᵢ over Q. */
export interface PolynomialFactorization {
  unit: Rational;
  factors: { factor: QPoly; multiplicity: number }[];
}

/** The main variable: constant leading coefficient first, then the smallest positive degree. */
function mainVariable(f: QPoly, support: readonly number[]): number {
  let best = support[0];
  let bestKey = Infinity;
  for (const v of support) {
    const key = (leadingCoefficientIn(f, v).isConstant() ? 0 : 1000) + f.degree(v);
    if (key < bestKey) {
      bestKey = key;
      best = v;
    }
  }
  return best;
}

/** Irreducible factors of a polynomial in x_v alone (Zassenhaus, `factorUnivariate`). */
function factorInOneVariable(a: QPoly, v: number): QPoly[] {
  return factorUnivariate(toUnivariate(a, v)).factors.map(({ factor }) => fromUnivariate(a.ring, v, factor.map((c) => rational(c))));
}

/** Irreducible factors of a square-free, primitive, integer, non-constant polynomial. */
function factorSquarefree(a: QPoly): QPoly[] {
  const support = a.support();
  if (support.length === 0) return [];
  if (support.length === 1) return factorInOneVariable(a, support[0]);
  const x = mainVariable(a, support);
  const c = polynomialContent(a, x);
  let p = a;
  if (!c.isOne()) {
    const q = tryExactDivide(a, c);
    if (q === undefined) throw new ComputationError(`factorization: the content ${c} does not divide ${a}`);
    p = q;
  }
  const out = c.isOne() ? [] : factorSquarefree(c);
  if (p.degree(x) === 1) out.push(integerPrimitive(p));
  else if (p.support().length === 1) out.push(...factorInOneVariable(p, x));
  else if (p.degree(x) > 1) out.push(...wangFactor(integerPrimitive(p), x, factorPolynomial));
  return out;
}

/** Splits off the largest monomial dividing f: [exponents, f / monomial]. */
function splitMonomial(f: QPoly): [number[], QPoly] {
  const n = f.ring.nvars;
  const low = new Array<number>(n).fill(Infinity);
  for (const m of f.monomials) for (let i = 0; i < n; i++) low[i] = Math.min(low[i], m[i + 1]);
  const total = low.reduce((s, e) => s + e, 0);
  if (total === 0) return [low, f];
  const monos: Monomial[] = f.monomials.map((m) => [m[0] - total, ...m.slice(1).map((e, i) => e - low[i])]);
  return [low, f.ring.normalize(monos, f.coefficients.slice())];
}

function canonicalSort(factors: { factor: QPoly; multiplicity: number }[]): void {
  const key = new Map(factors.map((f) => [f, f.factor.toString()]));
  factors.sort((a, b) => {
    const d = a.factor.totalDegree() - b.factor.totalDegree();
    if (d !== 0) return d;
    const ka = key.get(a)!;
    const kb = key.get(b)!;
    return ka < kb ? -1 : ka > kb ? 1 : a.multiplicity - b.multiplicity;
  });
}

/**
 * The factorization of a non-zero f over Q into irreducibles.
 * Example: x/2 − y/3 gives unit 1/6 and the factor 3x − 2y; x²y − xy² gives x, y, x − y.
 */
export function factorPolynomial(f: QPoly): PolynomialFactorization {
  if (f.isZero()) throw new InputError('factorPolynomial: the zero polynomial has no factorization');
  if (f.isConstant()) return { unit: f.lc(), factors: [] };
  const R = f.ring;
  const [low, rest] = splitMonomial(integerPrimitive(f));
  const found = new Map<string, { factor: QPoly; multiplicity: number }>();
  const add = (g: QPoly, m: number): void => {
    const k = g.toString();
    const e = found.get(k);
    if (e) e.multiplicity += m;
    else found.set(k, { factor: g, multiplicity: m });
  };
  low.forEach((e, i) => e > 0 && add(R.variable(i), e));
  if (!rest.isConstant()) {
    for (const { factor, multiplicity } of squarefreeDecomposition(rest).factors) {
      for (const g of factorSquarefree(factor)) add(integerPrimitive(g), multiplicity);
    }
  }
  const factors = [...found.values()];
  canonicalSort(factors);
  let product = R.one();
  for (const { factor, multiplicity } of factors) product = product.mul(factor.pow(multiplicity));
  const unit = QQ.div(f.lc(), product.lc());
  if (!product.scale(unit).equals(f)) throw new ComputationError(`factorPolynomial: the product of the factors differs from ${f}`);
  return { unit, factors };
}

/**
 * True when f is irreducible over Q: non-constant and not a product of two non-constant
 * polynomials. Example: x² + y² is irreducible, x² − y² is not.
 */
export function isIrreduciblePolynomial(f: QPoly): boolean {
  if (f.isConstant()) return false;
  const { factors } = factorPolynomial(f);
  return factors.length === 1 && factors[0].multiplicity === 1;
}
