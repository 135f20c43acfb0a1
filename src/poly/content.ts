/**
 * Content, primitive part and clearing denominators, for polynomials over Q.
 *
 * The content of f ∈ Q[x] is the positive rational c with f/c having coprime integer
 * coefficients; the primitive part f/c is then normalized to a positive leading coefficient
 * (`primitivePart`), so two polynomials generate the same principal ideal iff their primitive
 * parts are equal.
 */
import { gcd, lcm } from '../arithmetic/integers';
import { QQ } from '../arithmetic/field';
import { Rational, rational } from '../arithmetic/rational';
import { Polynomial } from './polynomial';

/** The positive rational content: gcd of numerators over lcm of denominators (0 for zero). */
export function content(f: Polynomial<Rational>): Rational {
  if (f.isZero()) return QQ.zero;
  let g = 0n;
  let l = 1n;
  for (const c of f.coefficients) {
    g = gcd(g, c.num);
    l = lcm(l, c.den);
  }
  return rational(g, l);
}

/** f / content(f), with positive leading coefficient: integer coefficients, coprime. */
export function primitivePart(f: Polynomial<Rational>): Polynomial<Rational> {
  if (f.isZero()) return f;
  let c = content(f);
  if (f.lc().num < 0n) c = QQ.neg(c);
  return f.scale(QQ.inv(c));
}

/**
 * [d, d·f] with d the least positive integer making every coefficient of d·f an integer.
 * Example: clearDenominators(x/2 + y/3) is [6, 3x + 2y].
 */
export function clearDenominators(f: Polynomial<Rational>): [bigint, Polynomial<Rational>] {
  let l = 1n;
  for (const c of f.coefficients) l = lcm(l, c.den);
  return [l, f.scale(rational(l))];
}

/** The integer coefficients of a polynomial whose coefficients are integers (throws otherwise). */
export function integerCoefficients(f: Polynomial<Rational>): bigint[] {
  return f.coefficients.map((c) => {
    if (c.den !== 1n) throw new RangeError('polynomial has non-integer coefficients');
    return c.num;
  });
}

/** The largest absolute value of a numerator or denominator (a height used for bounds). */
export function height(f: Polynomial<Rational>): bigint {
  let h = 0n;
  for (const c of f.coefficients) {
    const n = c.num < 0n ? -c.num : c.num;
    if (n > h) h = n;
    if (c.den > h) h = c.den;
  }
  return h;
}
