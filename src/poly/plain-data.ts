/**
 * Polynomials over Q as plain data — monomials as exponent arrays, coefficients as `n/d` text —
 * for messages to other threads (structured clone keeps arrays and strings, not classes).
 * `polynomialFromData(R, polynomialData(f))` equals f.
 */
import { Rational, parseRational, rationalToString } from '../arithmetic/rational';
import { Polynomial, PolynomialRing } from './polynomial';

/** A polynomial over Q as plain data: its monomials and its coefficients as `n/d` text. */
export interface PolynomialData {
  monomials: number[][];
  coefficients: string[];
}

/** A polynomial as plain data (for a message to a thread). */
export function polynomialData(p: Polynomial<Rational>): PolynomialData {
  return { monomials: p.monomials.map((m) => [...m]), coefficients: p.coefficients.map(rationalToString) };
}

/** The polynomial of `polynomialData` in ring R. */
export function polynomialFromData(R: PolynomialRing<Rational>, d: PolynomialData): Polynomial<Rational> {
  return R.normalize(d.monomials, d.coefficients.map(parseRational));
}
