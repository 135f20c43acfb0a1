/**
 * FGLM: change of monomial order for zero-dimensional ideals (Faugère–Gianni–Lazard–Mora 1993).
 *
 * From a Gröbner basis for any order, the quotient algebra's multiplication matrices give the
 * normal form of every monomial as a vector. Walking monomials in increasing target order, each
 * new monomial's vector is either independent of the previous ones (a new standard monomial of the
 * target order) or a linear combination of them (a new element m − Σ cᵢbᵢ of the target basis).
 * Independence is tested against an incrementally kept echelon form. O(n·D³) field operations
 * for D solutions with multiplicity. Works over any field.
 */
import { EchelonSpace } from '../arithmetic/echelon';
import { matVec } from '../arithmetic/matrix';
import { Monomial, divides, monomialKey, mulMonomials, oneMonomial, variableMonomial } from '../monomials/monomial';
import { MonomialOrder } from '../monomials/order';
import { changeRing } from '../poly/change';
import { Polynomial, PolynomialRing } from '../poly/polynomial';
import { QuotientAlgebra } from './quotient';
import { InputError } from '../errors';
import { ControlOptions, resolveControl } from '../control';
import { checkPolynomialList } from '../poly/arguments';

/**
 * The reduced Gröbner basis for `order` of the zero-dimensional ideal with Gröbner basis G
 * (for any order), sorted by increasing leading monomial. `timeout` (seconds), `signal` and
 * `deadline` are checked at every monomial visited (a TimeoutError, a CancelledError for the signal).
 * Example: fglm(groebner(katsura(3)), lex) equals groebner(katsura(3), {order: lex});
 * fglm(G, lex, { timeout: 5 }).
 */
export function fglm<T>(G: readonly Polynomial<T>[], order: MonomialOrder, options: ControlOptions = {}): Polynomial<T>[] {
  checkPolynomialList(G, 'fglm');
  if (typeof options !== 'object' || options === null) throw new InputError(`fglm: the options must be an object ({ timeout, signal, … }), got ${options === null ? 'null' : typeof options}`);
  const { deadline } = resolveControl(options, 'FGLM');
  const A = new QuotientAlgebra(G);
  const R = A.ring;
  const F = R.field;
  const T = new PolynomialRing(F, R.vars, order);
  const n = R.nvars;
  const space = new EchelonSpace(F);
  const staircase: Monomial[] = []; // standard monomials of the target order, in insertion order
  const vectors = new Map<string, T[]>(); // NF vectors of visited monomials
  const result: Polynomial<T>[] = [];
  const leads: Monomial[] = [];
  const one = oneMonomial(n);
  // Candidates: the next monomial is the smallest (target order) multiple x_i·s of a staircase
  // monomial not divisible by a known leading monomial.
  const candidates: { m: Monomial; from: Monomial; variable: number }[] = [];
  const seen = new Set<string>();
  const pushNeighbours = (s: Monomial): void => {
    for (let i = 0; i < n; i++) {
      const m = mulMonomials(s, variableMonomial(n, i));
      const k = monomialKey(m);
      if (seen.has(k)) continue;
      seen.add(k);
      candidates.push({ m, from: s, variable: i });
    }
  };
  const unitVector = A.coordinates(R.one());
  const first = space.insert(unitVector);
  if (first !== undefined) return [T.one()]; // 1 ∈ I
  staircase.push(one);
  vectors.set(monomialKey(one), unitVector);
  pushNeighbours(one);
  while (candidates.length > 0) {
    deadline?.check();
    // Take the smallest candidate in the target order.
    let best = 0;
    for (let k = 1; k < candidates.length; k++) if (T.cmp(candidates[k].m, candidates[best].m) < 0) best = k;
    const { m, from, variable } = candidates[best];
    candidates.splice(best, 1);
    if (leads.some((l) => divides(l, m))) continue;
    const v = matVec(F, A.variableMatrix(variable), vectors.get(monomialKey(from)) as T[]);
    const dep = space.insert(v);
    if (dep === undefined) {
      staircase.push(m);
      vectors.set(monomialKey(m), v);
      pushNeighbours(m);
    } else {
      // m − Σ dep_j·staircase_j ∈ I
      const monos: Monomial[] = [m];
      const coeffs: T[] = [F.one];
      dep.forEach((c, j) => {
        if (!F.isZero(c)) {
          monos.push(staircase[j]);
          coeffs.push(F.neg(c));
        }
      });
      result.push(T.normalize(monos, coeffs));
      leads.push(m);
    }
  }
  return result.sort((a, b) => T.cmp(a.lm(), b.lm()));
}

/** Convenience: the polynomials of G re-expressed in the ring with the given order (no basis change). */
export function inOrder<T>(G: readonly Polynomial<T>[], order: MonomialOrder): Polynomial<T>[] {
  const T = new PolynomialRing(G[0].ring.field, G[0].ring.vars, order);
  return G.map((g) => changeRing(g, T));
}
