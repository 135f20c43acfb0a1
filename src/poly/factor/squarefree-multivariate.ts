/**
 * Square-free decomposition of multivariate polynomials over Q: f = unit · Π aᵢ^i with the aᵢ
 * square-free and pairwise coprime. For a main variable x, f = cont_x(f) · pp_x(f); Yun's
 * algorithm with ∂/∂x and the multivariate gcd splits the primitive part (in characteristic 0
 * every factor of pp_x(f) involves x, so the derivative sees all of them), and the content, which
 * has fewer variables, is decomposed recursively. Parts of equal multiplicity are multiplied.
 *
 * Representation: `Polynomial<Rational>`; every returned part is primitive with integer
 * coefficients and a positive leading coefficient in the ring's order, non-constant, listed by
 * increasing multiplicity; the rational unit makes the product exact.
 * Reference: Yun, "On square-free decomposition algorithms", SYMSAC 1976; Geddes–Czapor–Labahn,
 * Algorithms for Computer Algebra, §8.2.
 */
import { QQ } from '../../arithmetic/field';
import { Rational } from '../../arithmetic/rational';
import { ComputationError, InputError } from '../../errors';
import { partialDerivative } from '../derivative';
import { tryExactDivide } from '../division';
import { polynomialContent, polynomialGcd } from './multivariate-gcd';
import { QPoly, integerPrimitive } from './multivariate-tools';

/** f = unit · Π factorᵢ^multiplicityᵢ with square-free, pairwise coprime factors. */
export interface SquarefreeDecomposition {
  unit: Rational;
  factors: { factor: QPoly; multiplicity: number }[];
}

function quotient(f: QPoly, g: QPoly): QPoly {
  const q = tryExactDivide(f, g);
  if (q === undefined) throw new ComputationError(`square-free decomposition: ${g} does not divide ${f}`);
  return q;
}

/** Yun's algorithm in x for p primitive in x: [part, multiplicity] pairs. */
function yun(p: QPoly, x: number): [QPoly, number][] {
  const out: [QPoly, number][] = [];
  const d = partialDerivative(p, x);
  const g = polynomialGcd(p, d);
  let w = quotient(p, g);
  let y = quotient(d, g);
  let z = y.sub(partialDerivative(w, x));
  for (let i = 1; !w.isConstant(); i++) {
    const a = polynomialGcd(w, z);
    if (!a.isConstant()) out.push([a, i]);
    w = quotient(w, a);
    y = quotient(z, a);
    z = y.sub(partialDerivative(w, x));
  }
  return out;
}

/** The square-free parts of a primitive integer polynomial, by multiplicity (unmerged). */
function parts(f: QPoly): [QPoly, number][] {
  const support = f.support();
  if (support.length === 0) return [];
  let x = support[0];
  for (const v of support) if (f.degree(v) < f.degree(x)) x = v;
  const c = polynomialContent(f, x);
  const p = c.isOne() ? f : quotient(f, c);
  return [...yun(p, x), ...parts(c)];
}

/**
 * The square-free decomposition of a non-zero f over Q. Example: x³·y + 2x²·y² + x·y³ =
 * x·y·(x + y)² gives unit 1 and factors [x·y, 1], [x + y, 2].
 */
export function squarefreeDecomposition(f: QPoly): SquarefreeDecomposition {
  if (f.isZero()) throw new InputError('squarefreeDecomposition: the zero polynomial has no decomposition');
  const byMult = new Map<number, QPoly>();
  for (const [a, m] of parts(integerPrimitive(f))) byMult.set(m, (byMult.get(m) ?? f.ring.one()).mul(a));
  const factors = [...byMult.entries()].sort((a, b) => a[0] - b[0]).map(([m, a]) => ({ factor: integerPrimitive(a), multiplicity: m }));
  let lc = QQ.one;
  for (const { factor, multiplicity } of factors) for (let k = 0; k < multiplicity; k++) lc = QQ.mul(lc, factor.lc());
  return { unit: QQ.div(f.lc(), lc), factors };
}

/** The square-free part (radical) of a non-zero f: primitive, positive leading coefficient. */
export function squarefreePart(f: QPoly): QPoly {
  let r = f.ring.one();
  for (const { factor } of squarefreeDecomposition(f).factors) r = r.mul(factor);
  return integerPrimitive(r);
}
