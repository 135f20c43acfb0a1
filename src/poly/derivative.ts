/**
 * Differentiation: partial derivatives, gradient, Jacobian and Hessian of polynomials.
 *
 * ∂/∂xᵢ maps c·x^e to c·eᵢ·x^(e − εᵢ). The result is re-sorted only when the order needs it
 * (for degree orders lowering one exponent can change the relative order of terms).
 */
import { Monomial } from '../monomials/monomial';
import { Polynomial } from './polynomial';
import { checkPolynomial } from './arguments';

/** ∂p/∂v for a variable given by name or index. Example: ∂(x²y + y³)/∂y = x² + 3y². */
export function partialDerivative<T>(p: Polynomial<T>, v: string | number): Polynomial<T> {
  checkPolynomial(p, 'partialDerivative');
  const R = p.ring;
  const F = R.field;
  const i = typeof v === 'number' ? v : R.varIndex(v);
  if (i < 0 || i >= R.nvars) throw new RangeError(`variable index ${i} out of range`);
  const monos: Monomial[] = [];
  const coeffs: T[] = [];
  for (let k = 0; k < p.length; k++) {
    const m = p.monomials[k];
    const e = m[i + 1];
    if (e === 0) continue;
    const c = F.mul(p.coefficients[k], F.fromInt(e));
    if (F.isZero(c)) continue; // characteristic p may kill the term
    const d = m.slice();
    d[i + 1] = e - 1;
    d[0] -= 1;
    monos.push(d);
    coeffs.push(c);
  }
  return R.normalize(monos, coeffs);
}

/** Higher partial derivative ∂^k p / ∂v^k. */
export function nthDerivative<T>(p: Polynomial<T>, v: string | number, k: number): Polynomial<T> {
  let q = p;
  for (let j = 0; j < k; j++) q = partialDerivative(q, v);
  return q;
}

/** The gradient [∂p/∂x1, …, ∂p/∂xn] over all variables of the ring (or the ones given). */
export function gradient<T>(p: Polynomial<T>, vars?: readonly (string | number)[]): Polynomial<T>[] {
  checkPolynomial(p, 'gradient');
  const vs = vars ?? p.ring.vars.map((_, i) => i);
  return vs.map((v) => partialDerivative(p, v));
}

/** The Jacobian matrix J[i][j] = ∂fᵢ/∂xⱼ. */
export function jacobian<T>(fs: readonly Polynomial<T>[], vars?: readonly (string | number)[]): Polynomial<T>[][] {
  return fs.map((f) => gradient(f, vars));
}

/** The Hessian H[i][j] = ∂²p/∂xᵢ∂xⱼ (symmetric; computed once per pair). */
export function hessian<T>(p: Polynomial<T>, vars?: readonly (string | number)[]): Polynomial<T>[][] {
  checkPolynomial(p, 'hessian');
  const vs = vars ?? p.ring.vars.map((_, i) => i);
  const g = gradient(p, vs);
  const n = vs.length;
  const H: Polynomial<T>[][] = Array.from({ length: n }, () => new Array<Polynomial<T>>(n));
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      const h = partialDerivative(g[i], vs[j]);
      H[i][j] = h;
      H[j][i] = h;
    }
  }
  return H;
}

/**
 * The polynomial that agrees with p wherever ∇p = 0, without p's terms of top degree d:
 * p − (1/d)·Σ xᵢ·∂p/∂xᵢ = Σ_j (1 − j/d)·p_j (p_j the part of degree j; Euler's identity
 * Σ xᵢ·∂p_j/∂xᵢ = j·p_j). On the critical set of a loss it gives the critical values from a
 * polynomial of lower degree, and usually far fewer terms: for a network the top-degree part is
 * the squared output. A homogeneous p gives 0 (its only critical value); a constant p, or a field
 * whose characteristic divides d, p itself.
 * Example: p = x⁴ − 2x² gives −x² (at the critical points 0 and ±1: the values 0 and −1).
 */
export function valueOnCriticalSet<T>(p: Polynomial<T>): Polynomial<T> {
  checkPolynomial(p, 'valueOnCriticalSet');
  const R = p.ring;
  const F = R.field;
  const d = p.totalDegree();
  // In characteristic dividing d the identity does not hold: p itself.
  if (d <= 0 || F.isZero(F.fromInt(d))) return p;
  const monos: Monomial[] = [];
  const coeffs: T[] = [];
  for (let k = 0; k < p.length; k++) {
    const j = p.monomials[k][0];
    if (j === d) continue;
    // (1 − j/d)·c = c·(d − j)/d
    const c = F.div(F.mul(p.coefficients[k], F.fromInt(d - j)), F.fromInt(d));
    if (F.isZero(c)) continue;
    monos.push(p.monomials[k]);
    coeffs.push(c);
  }
  return R.normalize(monos, coeffs);
}
