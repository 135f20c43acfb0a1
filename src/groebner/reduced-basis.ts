/**
 * From a Gröbner basis to the reduced Gröbner basis: drop elements whose leading monomial is
 * divisible by another's, reduce every remaining element by the others, make them monic and
 * sort them by increasing leading monomial. The reduced basis of an ideal for a given order is
 * unique (Cox–Little–O'Shea §2.7, Theorem 5), which is what lets different algorithms be compared
 * term by term.
 */
import { divides } from '../monomials/monomial';
import { Polynomial } from '../poly/polynomial';
import { normalForm } from './normal-form';

/** Removes elements whose leading monomial is divisible by another element's (keeping one of equals). */
export function minimalBasis<T>(G: readonly Polynomial<T>[]): Polynomial<T>[] {
  const gs = G.filter((g) => !g.isZero());
  const keep: Polynomial<T>[] = [];
  for (let i = 0; i < gs.length; i++) {
    const m = gs[i].lm();
    let redundant = false;
    for (let j = 0; j < gs.length && !redundant; j++) {
      if (i === j) continue;
      const n = gs[j].lm();
      // Among equal leading monomials keep the first one.
      if (divides(n, m) && (n[0] < m[0] || !divides(m, n) || j < i)) redundant = true;
    }
    if (!redundant) keep.push(gs[i]);
  }
  return keep;
}

/** Sorts by increasing leading monomial in the ring's order (the canonical order of our bases). */
export function sortBasis<T>(G: readonly Polynomial<T>[]): Polynomial<T>[] {
  if (G.length === 0) return [];
  const cmp = G[0].ring.cmp;
  return [...G].sort((a, b) => cmp(a.lm(), b.lm()));
}

/** The reduced Gröbner basis from any Gröbner basis G of the same ideal. */
export function reduceGroebnerBasis<T>(G: readonly Polynomial<T>[]): Polynomial<T>[] {
  const min = sortBasis(minimalBasis(G));
  if (min.some((g) => g.isConstant())) return [min[0].ring.one()];
  const out: Polynomial<T>[] = [];
  for (let i = 0; i < min.length; i++) {
    const g = min[i];
    const others = min.filter((_, j) => j !== i);
    // Keep the leading term, reduce the tail (the lead is not divisible by another lm).
    const tail = new Polynomial(g.ring, g.monomials.slice(1), g.coefficients.slice(1));
    const reducedTail = normalForm(tail, others);
    out.push(g.lt().add(reducedTail).monic());
  }
  return out;
}
