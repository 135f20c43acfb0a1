/**
 * Division of polynomials: multivariate division by a list (quotients and remainder), exact
 * division, S-polynomials.
 *
 * `divide(f, [g1..gs])` is the division algorithm of Cox–Little–O'Shea §2.3: the result
 * satisfies f = Σ qᵢgᵢ + r where no term of r is divisible by any lm(gᵢ), and
 * lm(qᵢgᵢ) ≤ lm(f). The remainder is built term by term from the largest monomial down.
 */
import { InputError } from '../errors';
import { Monomial, divMonomials, divides, lcmMonomials } from '../monomials/monomial';
import { Polynomial } from './polynomial';

export interface DivisionResult<T> {
  quotients: Polynomial<T>[];
  remainder: Polynomial<T>;
}

/** Multivariate division of f by the list gs (zero divisors are skipped, their quotient is 0). */
export function divide<T>(f: Polynomial<T>, gs: readonly Polynomial<T>[]): DivisionResult<T> {
  const R = f.ring;
  const F = R.field;
  const qTerms: { monos: Monomial[]; coeffs: T[] }[] = gs.map(() => ({ monos: [], coeffs: [] }));
  const rMonos: Monomial[] = [];
  const rCoeffs: T[] = [];
  let p = f;
  while (!p.isZero()) {
    const m = p.monomials[0];
    const c = p.coefficients[0];
    let divided = false;
    for (let i = 0; i < gs.length; i++) {
      const g = gs[i];
      if (g.isZero() || !divides(g.monomials[0], m)) continue;
      const qm = divMonomials(m, g.monomials[0]);
      const qc = F.div(c, g.coefficients[0]);
      qTerms[i].monos.push(qm);
      qTerms[i].coeffs.push(qc);
      p = p.sub(g.mulTerm(qm, qc));
      divided = true;
      break;
    }
    if (!divided) {
      rMonos.push(m);
      rCoeffs.push(c);
      p = new Polynomial(R, p.monomials.slice(1), p.coefficients.slice(1));
    }
  }
  return {
    // Quotient terms are produced in decreasing order already.
    quotients: qTerms.map((q) => new Polynomial(R, q.monos, q.coeffs)),
    remainder: new Polynomial(R, rMonos, rCoeffs),
  };
}

/** The remainder of f on division by gs (see `divide`). */
export function reduce<T>(f: Polynomial<T>, gs: readonly Polynomial<T>[]): Polynomial<T> {
  return divide(f, gs).remainder;
}

/**
 * f/g when g divides f exactly; throws an InputError otherwise (or when g = 0).
 * Example: `exactDivide(x^2 - y^2, x - y)` is x + y.
 */
export function exactDivide<T>(f: Polynomial<T>, g: Polynomial<T>): Polynomial<T> {
  const q = tryExactDivide(f, g);
  if (q === undefined) throw new InputError(`${g} does not divide ${f}`);
  return q;
}

/** f/g when g divides f exactly, undefined otherwise. */
export function tryExactDivide<T>(f: Polynomial<T>, g: Polynomial<T>): Polynomial<T> | undefined {
  if (g.isZero()) throw new InputError('division by the zero polynomial');
  const { quotients, remainder } = divide(f, [g]);
  return remainder.isZero() ? quotients[0] : undefined;
}

/** Does g divide f? */
export function dividesPolynomial<T>(g: Polynomial<T>, f: Polynomial<T>): boolean {
  return tryExactDivide(f, g) !== undefined;
}

/** S(f, g) = (L/lt(f))·f − (L/lt(g))·g with L = lcm(lm f, lm g). */
export function spoly<T>(f: Polynomial<T>, g: Polynomial<T>): Polynomial<T> {
  const F = f.field;
  const L = lcmMonomials(f.lm(), g.lm());
  const a = f.mulTerm(divMonomials(L, f.lm()), F.inv(f.lc()));
  const b = g.mulTerm(divMonomials(L, g.lm()), F.inv(g.lc()));
  return a.sub(b);
}
