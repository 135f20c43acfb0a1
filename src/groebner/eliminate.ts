/**
 * Elimination: generators of I ∩ K[remaining variables] from a Gröbner basis for a block order
 * that puts the eliminated variables in the first block (the Elimination Theorem,
 * Cox–Little–O'Shea §3.1, Theorem 2). The result lives in a ring of the remaining variables,
 * keeping their relative order.
 */
import { InputError } from '../errors';
import { block, degrevlex, toMonomialOrder } from '../monomials/order';
import { checkSystem } from '../poly/arguments';
import { changeRing } from '../poly/change';
import { Polynomial, PolynomialRing } from '../poly/polynomial';
import { GroebnerOptions, groebner } from './groebner';

/**
 * The reduced Gröbner basis (degrevlex by default) of the elimination ideal I ∩ K[others],
 * where `vars` are the variables to eliminate. Example: eliminating t from {x − t², y − t³}
 * gives [x³ − y²] (up to sign). `options.knownBasis` (see `GroebnerOptions`) is kept when the
 * polynomials' order and the remaining variables' are degrevlex and the known basis is free of the
 * variables eliminated (it is then a Gröbner basis for the elimination order too), else dropped.
 */
export function eliminate<T>(
  polys: readonly Polynomial<T>[],
  vars: readonly string[],
  options: GroebnerOptions = {},
): Polynomial<T>[] {
  const R = checkSystem<T>(polys, 'eliminate', { sameOrder: true });
  if (!Array.isArray(vars)) throw new InputError(`eliminate: the variables to eliminate must be a list of names, got ${typeof vars}`);
  for (const v of vars) R.varIndex(v);
  const others = R.vars.filter((v) => !vars.includes(v));
  const inner = options.order === undefined ? degrevlex : toMonomialOrder(options.order, 'eliminate: the order option');
  const E = new PolynomialRing(R.field, [...vars, ...others], block([vars.length, degrevlex], [others.length, inner]));
  // A known Gröbner basis among the first polynomials stays one under the elimination order when
  // it is free of the eliminated variables and both orders are degrevlex on the others.
  const eliminated = vars.map((v) => R.varIndex(v));
  const keepsKnown =
    R.order.kind === 'degrevlex' && inner.kind === 'degrevlex' && polys.slice(0, options.knownBasis ?? 0).every((p) => p.monomials.every((m) => eliminated.every((i) => m[i + 1] === 0)));
  const G = groebner(polys.map((p) => changeRing(p, E)), { ...options, order: undefined, knownBasis: keepsKnown ? options.knownBasis : undefined });
  const S = new PolynomialRing(R.field, others, inner);
  const kept = G.filter((g) => g.monomials.every((m) => vars.every((_, i) => m[i + 1] === 0)));
  return kept.map((g) => changeRing(g, S));
}
