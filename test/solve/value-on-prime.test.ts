// The value of a polynomial on a prime where it takes conjugate values only. Oracles: the fibre's
// answer equals the elimination's, and m(f) lies in P (its normal form is 0).
import fc from 'fast-check';
import { QQ } from '../../src/arithmetic/field';
import { Rational, rational, rationalToString } from '../../src/arithmetic/rational';
import { changeRing } from '../../src/poly/change';
import { groebner } from '../../src/groebner/groebner';
import { normalForm } from '../../src/groebner/normal-form';
import { parsePolynomials } from '../../src/io/parse';
import { Polynomial, PolynomialRing } from '../../src/poly/polynomial';
import { valuePolynomialByElimination, valuePolynomialOnFibre, valuePolynomialOnPrime } from '../../src/solve/value-on-prime';
import { QuotientAlgebra } from '../../src/groebner/quotient';
import { minimalPolynomial, minimalPolynomialOfMatrix } from '../../src/solve/radical';
import { katsura } from '../../src/systems';

const R = new PolynomialRing(QQ, ['x', 'y', 'z']);
const polys = (text: string): Polynomial<Rational>[] => parsePolynomials(text, { ring: R }).polynomials;

/** m(f) for m with ascending integer coefficients. */
function composed(m: readonly bigint[], f: Polynomial<Rational>): Polynomial<Rational> {
  let acc = R.zero();
  for (let k = m.length - 1; k >= 0; k--) acc = acc.mul(f).add(R.constant(rational(m[k])));
  return acc;
}

describe('valuePolynomialOnPrime', () => {
  test('examples', () => {
    const [f] = polys('x*y');
    expect(valuePolynomialOnPrime(f, groebner(polys('x^2 - 2, y - x')))).toEqual([-2n, 1n]);
    const [g] = polys('x');
    expect(valuePolynomialOnPrime(g, groebner(polys('x^2 - 2, y - z')))).toEqual([-2n, 0n, 1n]);
  });

  test('on a fibre as by elimination, and m(f) ∈ P, on planted primes of dimension 1', () => {
    // P = ⟨x³ − a·x − b, y − c·x·z − z²⟩ (the cubic irreducible: no rational root), f = g(x) + (y − c·x·z − z²)·h.
    const small = fc.integer({ min: -6, max: 6 });
    fc.assert(
      fc.property(small, small, small, small, small, small, (a, b, c, g1, g2, h) => {
        const cubic = `x^3 - (${a})*x - (${b})`;
        fc.pre([-6, -5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5, 6].every((r) => r ** 3 - a * r - b !== 0));
        const line = `y - (${c})*x*z - z^2`;
        const P = groebner(polys(`${cubic}, ${line}`));
        const [f] = polys(`(${g1})*x^2 + (${g2})*x + x + (${line})*(${h})*z`);
        const onFibre = valuePolynomialOnFibre(f, P);
        const byElimination = valuePolynomialByElimination(f, P);
        expect(onFibre).toEqual(byElimination);
        expect(normalForm(composed(byElimination, f), P).isZero()).toBe(true);
      }),
      { numRuns: 20 },
    );
  });

  test('the whole space (no generator): no fibre, the elimination answers', () => {
    const [f] = polys('5');
    expect(valuePolynomialOnFibre(f, [])).toBeUndefined();
    expect(valuePolynomialOnPrime(f, [])).toEqual([-5n, 1n]);
  });
});

describe('minimalPolynomial (products by f, no multiplication matrix)', () => {
  test("equals the minimal polynomial of f's multiplication matrix on katsura-3", () => {
    const A = new QuotientAlgebra(groebner(katsura(3).polynomials));
    const R = A.ring;
    for (const text of ['x0', 'x0*x1 + x2', 'x1^2 - 3*x3 + 1/2', '7']) {
      const f = parsePolynomials(text, { vars: [...R.vars] }).polynomials[0];
      const g = changeRing(f, R);
      const expected = minimalPolynomialOfMatrix(QQ, A.multiplicationMatrix(g), A.coordinates(R.one()));
      expect(minimalPolynomial(A, g).map(rationalToString)).toEqual(expected.map(rationalToString));
    }
  });
});
