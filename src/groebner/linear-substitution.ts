/**
 * Reduced Gröbner bases of ideals with linear generators, by substitution: the linear
 * generators, brought to reduced echelon form, express their pivot variables through the others;
 * substituting them into the remaining generators gives a system in fewer variables, whose basis
 * is cheaper (smaller matrices, lower degrees).
 *
 * Correctness (degree-compatible orders): the echelon form L has the pivot variables as leading
 * monomials, and the basis H of the substituted generators does not involve them, so every pair
 * from L × H has coprime leading monomials and L ∪ H is a Gröbner basis of the same ideal
 * (Buchberger's first criterion, Cox–Little–O'Shea §2.9); reducing the tails of L modulo H makes
 * it the reduced basis. This is the substitution step of Singular's `simplifyIdeal` applied to a
 * whole ideal (Decker–Greuel–Pfister 1999, §5).
 */
import { isDegreeCompatible } from '../monomials/order';
import { substitute } from '../poly/evaluate';
import { Polynomial } from '../poly/polynomial';
import { GroebnerOptions, groebner } from './groebner';
import { isUnitIdeal } from './ideal';
import { normalForm } from './normal-form';

/** The pivot variable of a monic linear polynomial in echelon form (its leading variable). */
function pivotOf<T>(l: Polynomial<T>): number {
  return l.lm().indexOf(1, 1) - 1;
}

/**
 * The linear generators in reduced echelon form L (pivot variables leading) and the other
 * generators with the pivots substituted: ⟨polys⟩ = ⟨L⟩ + ⟨rest⟩, the rest free of pivots. L is
 * [1] when the linear generators are inconsistent.
 */
export function substituteLinear<T>(polys: readonly Polynomial<T>[], options: GroebnerOptions = {}): { linear: Polynomial<T>[]; rest: Polynomial<T>[] } {
  const nonzero = polys.filter((p) => !p.isZero());
  const linear = nonzero.filter((p) => p.totalDegree() === 1);
  if (linear.length === 0) return { linear: [], rest: nonzero };
  const R = nonzero[0].ring;
  const L = groebner(linear, options);
  if (isUnitIdeal(L)) return { linear: L, rest: [] };
  const values: Record<string, Polynomial<T>> = {};
  for (const l of L) values[R.vars[pivotOf(l)]] = R.variable(pivotOf(l)).sub(l);
  const rest = nonzero.filter((p) => p.totalDegree() !== 1).map((p) => substitute(p, values, R)).filter((p) => !p.isZero());
  return { linear: L, rest };
}

/**
 * The reduced Gröbner basis of ⟨polys⟩ (the ring's order, which must be degree-compatible),
 * substituting linear generators first. Same result as `groebner(polys)`.
 */
export function groebnerWithLinearPart<T>(polys: readonly Polynomial<T>[], options: GroebnerOptions = {}): Polynomial<T>[] {
  if (polys.length === 0 || !isDegreeCompatible(polys[0].ring.order)) return groebner(polys, options);
  const { linear: L, rest } = substituteLinear(polys, options);
  if (L.length === 0) return groebner(polys, options);
  if (isUnitIdeal(L) || rest.length === 0) return L;
  const H = groebner(rest, options);
  if (isUnitIdeal(H)) return H;
  const R = polys[0].ring;
  const basis = [...H, ...L.map((l) => normalForm(l, H))];
  return basis.sort((a, b) => R.cmp(a.lm(), b.lm()));
}
