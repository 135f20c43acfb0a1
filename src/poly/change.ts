/**
 * Change of ring: re-express a polynomial with other variables (a superset or a permutation of
 * those it uses), another monomial order, or another field (Q → Z/p reduction, Z/p → Q lifting
 * of residues as integers in [0, p)).
 *
 * Variables are matched by name. A variable that the polynomial uses must exist in the target
 * ring; one it doesn't use may be missing.
 */
import { Field } from '../arithmetic/field';
import { Rational } from '../arithmetic/rational';
import { InputError } from '../errors';
import { Monomial } from '../monomials/monomial';
import { MonomialOrder } from '../monomials/order';
import { Polynomial, PolynomialRing } from './polynomial';

/** The polynomial p as an element of `target` (matching variables by name). */
export function changeRing<S, T>(p: Polynomial<S>, target: PolynomialRing<T>): Polynomial<T> {
  const src = p.ring;
  if (src === (target as unknown)) return p as unknown as Polynomial<T>;
  const sameField = (src.field as Field<unknown>) === (target.field as Field<unknown>);
  const convert = sameField ? (c: S) => c as unknown as T : (c: S) => target.field.fromRational(src.field.toRational(c));
  // When only the field changes, the monomials (immutable) and their order stay: no new exponent
  // arrays and no re-sorting; zeros drop out either way.
  const sameMonomials = src.sameMonomials(target);
  const map = sameMonomials ? [] : variableMap(src, target, p);
  const monos: Monomial[] = [];
  const coeffs: T[] = [];
  for (let k = 0; k < p.length; k++) {
    const c = convert(p.coefficients[k]);
    if (target.field.isZero(c)) continue;
    const m = p.monomials[k];
    if (sameMonomials) monos.push(m);
    else {
      const t = new Array<number>(target.nvars + 1).fill(0);
      t[0] = m[0];
      for (let i = 0; i < src.nvars; i++) if (m[i + 1] !== 0) t[map[i] + 1] = m[i + 1];
      monos.push(t);
    }
    coeffs.push(c);
  }
  // No term vanished: the image shares the monomial array itself, so code that aligns the images
  // of successive primes on a learned support (the F4 replay) recognizes it by identity.
  if (sameMonomials) return new Polynomial(target, monos.length === p.length ? p.monomials : monos, coeffs);
  return target.normalize(monos, coeffs);
}

function variableMap<S, T>(src: PolynomialRing<S>, target: PolynomialRing<T>, p: Polynomial<S>): number[] {
  const used = new Set(p.support());
  return src.vars.map((v, i) => {
    if (target.hasVar(v)) return target.varIndex(v);
    if (used.has(i)) throw new InputError(`variable '${v}' is not in the target ring ${target}`);
    return -1;
  });
}

/** The same ring with another order. */
export function withOrder<T>(R: PolynomialRing<T>, order: MonomialOrder): PolynomialRing<T> {
  return new PolynomialRing(R.field, R.vars, order);
}

/** The same ring with the variables in another order (a permutation, or a superset). */
export function withVars<T>(R: PolynomialRing<T>, vars: readonly string[], order: MonomialOrder = R.order): PolynomialRing<T> {
  return new PolynomialRing(R.field, vars, order);
}

/** The same variables and order over another field. */
export function withField<S, T>(R: PolynomialRing<S>, field: Field<T>): PolynomialRing<T> {
  return new PolynomialRing(field, R.vars, R.order);
}

/**
 * Reduction modulo a prime: the images of polynomials over Q in `target` (a ring over Z/p).
 * Returns undefined when a denominator vanishes modulo p (an unlucky prime for this input).
 */
export function reduceModulo<T>(ps: readonly Polynomial<Rational>[], target: PolynomialRing<T>): Polynomial<T>[] | undefined {
  try {
    return ps.map((p) => changeRing(p, target));
  } catch (e) {
    if (e instanceof RangeError) return undefined;
    throw e;
  }
}
