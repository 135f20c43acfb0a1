// Shared fast-check arbitraries for the io properties: random polynomials built with the ring
// API, and random polynomial expression strings (+ - * / by constants, small powers, parentheses).
import fc from 'fast-check';
import { Field, QQ, Zp } from '../../src/arithmetic/field';
import { Rational, rational } from '../../src/arithmetic/rational';
import { MonomialOrder, deglex, degrevlex, lex } from '../../src/monomials/order';
import { Polynomial, PolynomialRing } from '../../src/poly/polynomial';

/** Names of every shape the parser and printers must handle (plain, indexed, underscored, nerdamer constants). */
export const NAME_POOL = ['x', 'y', 'z', 'w0_1', 'x[2]', 'a[1][3]', 'x1', 'alpha', 'E', 'pi', 'my_var'];

export const orderArb: fc.Arbitrary<MonomialOrder> = fc.constantFrom(lex, deglex, degrevlex);

/** Rationals with numerators up to ~2^80 and denominators up to 1000. */
export const rationalArb: fc.Arbitrary<Rational> = fc
  .tuple(fc.oneof(fc.bigInt({ min: -1000n, max: 1000n }), fc.bigInt({ min: -(2n ** 80n), max: 2n ** 80n })), fc.bigInt({ min: 1n, max: 1000n }))
  .map(([n, d]) => rational(n, d));

/** A random polynomial over `field` in 1–4 variables from NAME_POOL, with up to 8 terms of degree ≤ 5 per variable. */
export function polynomialArb<T>(field: Field<T>, coefficient: fc.Arbitrary<T>): fc.Arbitrary<Polynomial<T>> {
  return fc
    .tuple(fc.shuffledSubarray(NAME_POOL, { minLength: 1, maxLength: 4 }), orderArb)
    .chain(([vars, order]) => {
      const ring = new PolynomialRing(field, vars, order);
      const term = fc.tuple(fc.array(fc.nat({ max: 5 }), { minLength: vars.length, maxLength: vars.length }), coefficient);
      return fc.array(term, { maxLength: 8 }).map((terms) => ring.fromTerms(terms));
    });
}

export const qqPolynomialArb = polynomialArb(QQ, rationalArb);
export const zpPolynomialArb = polynomialArb(Zp(101), fc.nat({ max: 100 }));

/** Random expression text over x, y, z: depth-bounded trees of + - * /c ^k (k ≥ 1: nerdamer refuses 0^0) and unary minus. */
export function expressionArb(depth: number): fc.Arbitrary<string> {
  const leaf = fc.oneof(
    fc.constantFrom('x', 'y', 'z'),
    fc.integer({ min: 0, max: 9 }).map(String),
    fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 })).map(([a, b]) => `${a}/${b}`),
    fc.constantFrom('0.5', '1.25', '2.5'),
  );
  if (depth === 0) return leaf;
  const sub = expressionArb(depth - 1);
  return fc.oneof(
    { weight: 2, arbitrary: leaf },
    { weight: 2, arbitrary: fc.tuple(sub, fc.constantFrom('+', '-', '*'), sub).map(([a, op, b]) => `(${a}) ${op} (${b})`) },
    { weight: 1, arbitrary: fc.tuple(sub, fc.integer({ min: 1, max: 3 })).map(([a, k]) => `(${a})^${k}`) },
    { weight: 1, arbitrary: sub.map((a) => `-(${a})`) },
    { weight: 1, arbitrary: fc.tuple(sub, fc.integer({ min: 1, max: 5 })).map(([a, c]) => `(${a})/${c}`) },
  );
}
