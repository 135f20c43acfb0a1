/**
 * Polynomials over Q as plain data, for results that must survive a copy: `structuredClone`, JSON,
 * a message to a worker thread. A `Polynomial` is a class instance holding its ring (and typed
 * arrays, bigints): structuredClone refuses it and JSON drops it. `PolynomialData` holds the same
 * polynomial as arrays, numbers and text: the variables in the ring's order, then each term as
 * its exponents (one per variable, in that order) and its coefficient as exact rational text
 * ("-3/4"), in decreasing order of the ring (the order the polynomial prints in). The zero
 * polynomial has no terms. `polynomialFromData` turns it back into a `Polynomial`.
 */
import { QQ } from '../arithmetic/field';
import { Rational, parseRational, rationalToString } from '../arithmetic/rational';
import { InputError } from '../errors';
import { Polynomial, PolynomialRing } from './polynomial';

/** A polynomial over Q as plain data (see the file header). Example: x^2 - 1/2*y is `{ variables: ['x', 'y'], terms: [[[2, 0], '1'], [[0, 1], '-1/2']] }`. */
export interface PolynomialData {
  variables: string[];
  terms: [exponents: number[], coefficient: string][];
}

/** The plain data of a polynomial over Q. Example: `polynomialToData(parsePolynomial('x^2 - y/2'))`. */
export function polynomialToData(p: Polynomial<Rational>): PolynomialData {
  const terms: [number[], string][] = [];
  for (let k = 0; k < p.length; k++) terms.push([Array.from(p.monomials[k]).slice(1), rationalToString(p.coefficients[k])]);
  return { variables: [...p.ring.vars], terms };
}

/**
 * The polynomial of plain data, in `ring` when given (it must have every variable of the data,
 * in any order, with any monomial order), else in Q[variables] with degrevlex — the ring of the
 * bases in `solve`'s results. Example: `polynomialFromData(component.basis[0])`.
 */
export function polynomialFromData(data: PolynomialData, ring?: PolynomialRing<Rational>): Polynomial<Rational> {
  if (typeof data !== 'object' || data === null || !Array.isArray(data.variables) || !Array.isArray(data.terms)) {
    throw new InputError(`polynomialFromData: expected { variables, terms }, got ${data === null ? 'null' : typeof data}`);
  }
  const R = ring ?? new PolynomialRing(QQ, data.variables);
  const position = data.variables.map((v) => {
    if (!R.hasVar(v)) throw new InputError(`polynomialFromData: the ring [${R.vars.join(', ')}] has no variable '${v}'`);
    return R.varIndex(v);
  });
  return R.fromTerms(
    data.terms.map(([exponents, coefficient]): [number[], Rational] => {
      if (!Array.isArray(exponents) || exponents.length !== position.length) throw new InputError(`polynomialFromData: a term needs ${position.length} exponents, got ${JSON.stringify(exponents)}`);
      const e = new Array<number>(R.nvars).fill(0);
      exponents.forEach((x, i) => (e[position[i]] = x));
      try {
        return [e, parseRational(coefficient)];
      } catch {
        throw new InputError(`polynomialFromData: '${coefficient}' is not a rational number`);
      }
    }),
  );
}

/** The polynomials of a basis given as plain data, in one ring (see `polynomialFromData`). */
export function polynomialsFromData(basis: readonly PolynomialData[], ring?: PolynomialRing<Rational>): Polynomial<Rational>[] {
  if (basis.length === 0) return [];
  const R = ring ?? new PolynomialRing(QQ, basis[0].variables);
  return basis.map((d) => polynomialFromData(d, R));
}

/** The polynomial's canonical text, as `String(polynomialFromData(data))` prints it. Example: 'x^2 - 1/2*y'. */
export function polynomialDataToString(data: PolynomialData): string {
  return polynomialFromData(data).toString();
}
