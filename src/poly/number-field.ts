/**
 * The number field Q(θ) = Q[T]/(q) for an irreducible q ∈ Q[T], as a `Field` whose elements
 * are polynomials in θ of degree < deg q (ascending rational coefficients, trimmed).
 *
 * Arithmetic is exact: products are reduced modulo q, inverses come from the extended Euclidean
 * algorithm (q irreducible makes every non-zero element invertible). Used to evaluate
 * polynomials and matrices exactly at algebraic points.
 */
import { Field, QQ } from '../arithmetic/field';
import { Rational, rational, rationalToString } from '../arithmetic/rational';
import { UPoly, uadd, umul, uneg, urem, usub, utrim, uxgcd, umonic } from './univariate';

export type NumberFieldElement = UPoly<Rational>;

/** Q[T]/(q); `q` must be irreducible of degree ≥ 1 (not checked here). */
export function numberField(q: UPoly<Rational> | readonly bigint[]): Field<NumberFieldElement> & { modulus: UPoly<Rational> } {
  const modulus = umonic(QQ, utrim(QQ, q.map((c) => (typeof c === 'bigint' ? rational(c) : c))));
  if (modulus.length < 2) throw new RangeError('a number field needs a modulus of degree at least 1');
  const reduce = (a: UPoly<Rational>): NumberFieldElement => (a.length < modulus.length ? a : urem(QQ, a, modulus));
  const F: Field<NumberFieldElement> & { modulus: UPoly<Rational> } = {
    name: `Q[T]/(${modulus.map(rationalToString).join(',')})`,
    characteristic: 0n,
    modulus,
    zero: [],
    one: [QQ.one],
    add: (a, b) => uadd(QQ, a, b),
    sub: (a, b) => usub(QQ, a, b),
    neg: (a) => uneg(QQ, a),
    mul: (a, b) => reduce(umul(QQ, a, b)),
    inv: (a) => {
      if (a.length === 0) throw new RangeError('division by zero in a number field');
      const [g, s] = uxgcd(QQ, a, modulus);
      if (g.length !== 1) throw new RangeError('the modulus of the number field is not irreducible');
      return reduce(s);
    },
    div: (a, b) => F.mul(a, F.inv(b)),
    eq: (a, b) => a.length === b.length && a.every((c, i) => QQ.eq(c, b[i])),
    isZero: (a) => a.length === 0,
    isOne: (a) => a.length === 1 && QQ.isOne(a[0]),
    fromInt: (n) => utrim(QQ, [QQ.fromInt(n)]),
    fromRational: (r) => utrim(QQ, [r]),
    toRational: (a) => {
      if (a.length > 1) throw new RangeError('not a rational element');
      return a[0] ?? QQ.zero;
    },
    toString: (a) => (a.length === 0 ? '0' : a.map((c, i) => `${rationalToString(c)}${i === 0 ? '' : i === 1 ? '*θ' : `*θ^${i}`}`).join(' + ')),
    parse: () => {
      throw new RangeError('parsing number field elements is not supported');
    },
  };
  return F;
}
