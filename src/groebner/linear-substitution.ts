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
import { Monomial } from '../monomials/monomial';
import { isDegreeCompatible } from '../monomials/order';
import { Polynomial, PolynomialRing } from '../poly/polynomial';
import { GroebnerOptions, groebner } from './groebner';
import { isUnitIdeal } from './ideal';
import { normalForm } from './normal-form';

/** The pivot variable of a monic linear polynomial in echelon form (its leading variable). */
function pivotOf<T>(l: Polynomial<T>): number {
  return l.lm().indexOf(1, 1) - 1;
}

/**
 * p with each pivot variable x replaced by its value: term by term, the pivot part of a
 * monomial becomes a product of cached powers of the values, and all terms are combined once at
 * the end (adding them one by one would cost a merge per term).
 */
function substitutePivots<T>(p: Polynomial<T>, values: ReadonlyMap<number, Polynomial<T>>): Polynomial<T> {
  const R = p.ring;
  const F = R.field;
  if (!p.monomials.some((m) => [...values.keys()].some((x) => m[x + 1] > 0))) return p;
  const powers = new Map<number, Polynomial<T>[]>();
  const power = (x: number, e: number): Polynomial<T> => {
    const list = powers.get(x) ?? [R.one(), values.get(x) as Polynomial<T>];
    powers.set(x, list);
    while (list.length <= e) list.push(list[list.length - 1].mul(list[1]));
    return list[e];
  };
  const monos: Monomial[] = [];
  const coeffs: T[] = [];
  for (let k = 0; k < p.length; k++) {
    const rest = p.monomials[k].slice();
    let image: Polynomial<T> | undefined;
    for (const x of values.keys()) {
      const e = rest[x + 1];
      if (e === 0) continue;
      rest[x + 1] = 0;
      rest[0] -= e;
      image = image === undefined ? power(x, e) : image.mul(power(x, e));
    }
    if (image === undefined) {
      monos.push(p.monomials[k]);
      coeffs.push(p.coefficients[k]);
      continue;
    }
    for (let j = 0; j < image.length; j++) {
      const m = image.monomials[j].map((a, i) => a + rest[i]);
      monos.push(m);
      coeffs.push(F.mul(image.coefficients[j], p.coefficients[k]));
    }
  }
  return R.normalize(monos, coeffs);
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
  const L = groebner(linear, options);
  if (isUnitIdeal(L)) return { linear: L, rest: [] };
  const R = nonzero[0].ring;
  const values = new Map(L.map((l) => [pivotOf(l), R.variable(pivotOf(l)).sub(l)] as const));
  const rest = nonzero
    .filter((p) => p.totalDegree() !== 1)
    .map((p) => substitutePivots(p, values))
    .filter((p) => !p.isZero());
  return { linear: L, rest };
}

/**
 * The reduced Gröbner basis of ⟨linear⟩ + ⟨rest⟩ for the output of `substituteLinear` (the
 * ring's order, degree-compatible): the basis H of the rest, and L with its tails reduced by H.
 */
export function basisWithLinearPart<T>(linear: readonly Polynomial<T>[], rest: readonly Polynomial<T>[], options: GroebnerOptions = {}): Polynomial<T>[] {
  if (isUnitIdeal(linear) || rest.length === 0) return [...linear];
  const H = groebner(rest, options);
  if (linear.length === 0 || isUnitIdeal(H)) return H;
  const R: PolynomialRing<T> = rest[0].ring;
  const basis = [...H, ...linear.map((l) => normalForm(l, H))];
  return basis.sort((a, b) => R.cmp(a.lm(), b.lm()));
}

/**
 * The reduced Gröbner basis of ⟨polys⟩ (the ring's order), substituting linear generators first
 * when the order is degree-compatible. Same result as `groebner(polys)`.
 * @example groebnerWithLinearPart([x − y − 1, x*y − 2]) // [x − y − 1, y^2 + y − 2]
 */
export function groebnerWithLinearPart<T>(polys: readonly Polynomial<T>[], options: GroebnerOptions = {}): Polynomial<T>[] {
  if (polys.length === 0 || !isDegreeCompatible(polys[0].ring.order)) return groebner(polys, options);
  const { linear, rest } = substituteLinear(polys, options);
  return linear.length === 0 ? groebner(polys, options) : basisWithLinearPart(linear, rest, options);
}
