import { QQ } from '../../../src/arithmetic/field';
import { Rational, rational, rationalToString } from '../../../src/arithmetic/rational';
import { InputError } from '../../../src/errors';
import { parsePolynomial } from '../../../src/io/parse';
import { partialDerivative } from '../../../src/poly/derivative';
import {
  factorPolynomial, isIrreduciblePolynomial, polynomialContent, polynomialGcd, polynomialLcm, primitivePartIn, recombine, squarefreeDecomposition,
  henselLiftMultivariate, wangNonDivisors,
} from '../../../src/poly/factor/multivariate-index';
import { factorUnivariate } from '../../../src/poly/factor';
import { Polynomial, PolynomialRing } from '../../../src/poly/polynomial';

const R = new PolynomialRing(QQ, ['x', 'y', 'z', 'w']);
const P = (s: string): Polynomial<Rational> => parsePolynomial(s, { ring: R });

/** The factorization as text: "unit | f1^m1 | f2^m2 …" (factors in the library's canonical order). */
function factorText(s: string): string {
  const { unit, factors } = factorPolynomial(P(s));
  return [rationalToString(unit), ...factors.map((f) => `${f.factor}^${f.multiplicity}`)].join(' | ');
}

/** f = unit · Π factor^m, checked by multiplying out. */
function expectProduct(f: Polynomial<Rational>): void {
  const { unit, factors } = factorPolynomial(f);
  let p = f.ring.constant(unit);
  for (const { factor, multiplicity } of factors) p = p.mul(factor.pow(multiplicity));
  expect(p.equals(f)).toBe(true);
}

describe('factorPolynomial: known factorizations', () => {
  test.each([
    ['x^2 - y^2', '1 | x + y^1 | x - y^1'],
    ['x^4 - y^4', '1 | x + y^1 | x - y^1 | x^2 + y^2^1'],
    ['(x + y + z)^3', '1 | x + y + z^3'],
    ['x^2 + y^2', '1 | x^2 + y^2^1'],
    ['x^2*y - x*y^2', '1 | x^1 | x - y^1 | y^1'],
    ['x^3 + y^3 + z^3 - 3*x*y*z', '1 | x + y + z^1 | x^2 - x*y + y^2 - x*z - y*z + z^2^1'],
    ['x/2 - y/3', '1/6 | 3*x - 2*y^1'],
    ['-4*x^2*y + 4*y^3', '-4 | x + y^1 | x - y^1 | y^1'],
    ['x^4 + 4*y^4', '1 | x^2 + 2*x*y + 2*y^2^1 | x^2 - 2*x*y + 2*y^2^1'],
  ])('%s', (f, expected) => {
    expect(factorText(f)).toBe(expected);
  });

  test('constants, variables that do not occur, monomials', () => {
    expect(factorPolynomial(P('-3/4'))).toEqual({ unit: rational(-3n, 4n), factors: [] });
    expect(factorText('2*z^3*w')).toBe('2 | w^1 | z^3');
    expect(factorText('y^2 - 1')).toBe('1 | y + 1^1 | y - 1^1');
    expect(() => factorPolynomial(R.zero())).toThrow(InputError);
  });

  test('x^20 − y^20: the homogenized cyclotomic polynomials', () => {
    const r = factorPolynomial(P('x^20 - y^20'));
    expect(r.factors.map((f) => f.factor.totalDegree())).toEqual([1, 1, 2, 4, 4, 8]);
    expect(r.factors.map((f) => f.factor.toString())).toContain('x^8 - x^6*y^2 + x^4*y^4 - x^2*y^6 + y^8');
    expectProduct(P('x^20 - y^20'));
  });

  test('content in each variable and repeated factors', () => {
    const f = P('(3*x*y^2 + z*w + 1)^2 * (x^2 - y*z + 3*w) * (z - w) * (y + 1)^3');
    expect(factorText(f.toString())).toBe('1 | y + 1^3 | z - w^1 | x^2 - y*z + 3*w^1 | 3*x*y^2 + z*w + 1^2');
  });

  test('non-constant leading coefficients in every variable', () => {
    const f = P('(x*y*z + 2*x + 3*y*w - 1) * (x^2*z*w - 5*y + z + 7) * (2*x*y - 3*z*w + x + 1)');
    expect(factorText(f.toString())).toBe(
      '1 | 2*x*y - 3*z*w + x + 1^1 | x*y*z + 3*y*w + 2*x - 1^1 | x^2*z*w - 5*y + z + 7^1',
    );
  });

  test('Swinnerton-Dyer polynomials under a substitution', () => {
    // SD(t) = t^4 − 10t² + 1 is irreducible over Q but splits modulo every prime.
    const sd = (t: string): string => `((${t})^4 - 10*(${t})^2 + 1)`;
    const f = P(`${sd('x + y*z')} * (x - y + 1)`);
    const r = factorPolynomial(f);
    expect(r.factors.map((g) => g.factor.totalDegree())).toEqual([1, 8]);
    expect(r.factors[1].factor.equals(P(sd('x + y*z')))).toBe(true);
    expect(isIrreduciblePolynomial(P('x^4 - 10*x^2*y^2 + y^4'))).toBe(true);
  });

  test('irreducible polynomials whose images at small points split (extraneous factors)', () => {
    // x² − y − 1 at y = 0 and x⁴ + y⁴ … at y = ±1 give more image factors than the polynomial has.
    for (const s of ['x^2 - y - 1', 'x^4 + y^4', 'x^2 + y^2*(z^2 + 1)', 'x^4 - 2*y^2', 'x^2*y^2 + z^4 + 1', 'x*y + z^3 + 1']) {
      expect(isIrreduciblePolynomial(P(s))).toBe(true);
    }
    expect(isIrreduciblePolynomial(P('x^4 - 4*y^2'))).toBe(false);
    expect(isIrreduciblePolynomial(P('x^4 - 2*(2 + y)*x^2 + (2 - y)^2'))).toBe(true); // roots ±√2 ± √y
  });

  test('recombination when the point has extraneous image factors', () => {
    // (x² − y − 1)(x + y) at y = 0: images x − 1, x + 1, x (three), true factors two.
    const f = P('(x^2 - y - 1)*(x + y)');
    const found = recombine(f, 0, [1], { alpha: [0n], images: [[-1n, 1n], [1n, 1n], [0n, 1n]] });
    expect(found.map(String).sort()).toEqual(['x + y', 'x^2 - y - 1']);
    // x⁴ − 2(2 + y)x² + (2 − y)² is irreducible but splits in four at y = 1 (√2 ± 1).
    const g = P('x^4 - 2*(2 + y)*x^2 + (2 - y)^2');
    const images = factorUnivariate([1n, 0n, -6n, 0n, 1n]).factors.map((u) => u.factor);
    expect(images.length).toBe(2);
    expect(recombine(g, 0, [1], { alpha: [1n], images }).map(String)).toEqual([g.toString()]);
    expect(isIrreduciblePolynomial(P('7'))).toBe(false);
  });
});

describe("Wang's leading coefficient condition", () => {
  test('non-divisors', () => {
    expect(wangNonDivisors([6n, 10n], 1n, 1n)).toBe(true);
    expect(wangNonDivisors([6n, 3n], 1n, 1n)).toBe(false);
    expect(wangNonDivisors([5n, 7n], 1n, 35n)).toBe(false);
    expect(wangNonDivisors([-1n], 1n, 1n)).toBe(false);
  });
});

describe('neural-network losses', () => {
  test('∂/∂a of (a·b − 1)² is 2b(ab − 1)', () => {
    const S = new PolynomialRing(QQ, ['a', 'b']);
    const loss = parsePolynomial('(a*b - 1)^2', { ring: S });
    const r = factorPolynomial(partialDerivative(loss, 'a'));
    expect(rationalToString(r.unit)).toBe('2');
    expect(r.factors.map((f) => `${f.factor}^${f.multiplicity}`)).toEqual(['b^1', 'a*b - 1^1']);
  });

  test('(a·b·x − 1)² + (a·b·y − 1)²: the gradient in a', () => {
    const S = new PolynomialRing(QQ, ['a', 'b', 'x', 'y']);
    const loss = parsePolynomial('(a*b*x - 1)^2 + (a*b*y - 1)^2', { ring: S });
    const r = factorPolynomial(partialDerivative(loss, 'a'));
    expect(rationalToString(r.unit)).toBe('2');
    expect(r.factors.map((f) => `${f.factor}^${f.multiplicity}`)).toEqual(['b^1', 'a*b*x^2 + a*b*y^2 - x - y^1']);
  });

  test('the XOR network with square activations: every gradient component factors back', () => {
    const S = new PolynomialRing(QQ, ['w11', 'w12', 'w21', 'w22', 'b1', 'b2', 'v1', 'v2', 'c']);
    const [w11, w12, w21, w22, b1, b2, v1, v2, c] = S.gens();
    let loss = S.zero();
    for (const [x1, x2, y] of [[0, 0, 0], [0, 1, 1], [1, 0, 1], [1, 1, 0]]) {
      const h1 = w11.scale(rational(x1)).add(w12.scale(rational(x2))).add(b1);
      const h2 = w21.scale(rational(x1)).add(w22.scale(rational(x2))).add(b2);
      const out = v1.mul(h1.pow(2)).add(v2.mul(h2.pow(2))).add(c).sub(S.fromInt(y));
      loss = loss.add(out.pow(2));
    }
    const g = partialDerivative(loss, 'w11');
    const r = factorPolynomial(g);
    expect(r.factors.map((f) => f.factor.toString())[0]).toBe('v1');
    expect(r.factors.map((f) => f.factor.totalDegree())).toEqual([1, 4]);
    for (const v of ['b1', 'v2', 'c']) expectProduct(partialDerivative(loss, v));
  });
});

describe('polynomialGcd, lcm, content', () => {
  test('known gcds', () => {
    expect(polynomialGcd(P('x^2 - y^2'), P('x^2 + 2*x*y + y^2')).toString()).toBe('x + y');
    expect(polynomialGcd(P('6*x*y^2 + 6*x*y'), P('4*x^2*y')).toString()).toBe('x*y');
    expect(polynomialGcd(P('x + y'), P('x - y')).toString()).toBe('1');
    expect(polynomialGcd(P('x*z + 1'), P('y*w + 1')).toString()).toBe('1');
    expect(polynomialGcd(P('-2*x + 4*y'), R.zero()).toString()).toBe('x - 2*y');
    expect(polynomialGcd(R.zero(), R.zero()).isZero()).toBe(true);
    expect(polynomialGcd(P('3'), P('x')).toString()).toBe('1');
  });

  test('a gcd whose leading coefficient has integer content (3·y²)', () => {
    const g = P('3*x*y^2 + z*w + 1');
    const f = g.mul(P('(x^2 - y*z + 3*w)*(z - w)'));
    const h = g.mul(P('(x^2 + y + z + w)*(z - w)^2'));
    expect(polynomialGcd(f, h).equals(g.mul(P('z - w')))).toBe(true);
  });

  test('lcm, content and primitive part in a variable', () => {
    expect(polynomialLcm(P('x^2 - y^2'), P('x + y')).toString()).toBe('x^2 - y^2');
    expect(polynomialLcm(P('x*y'), P('y*z')).toString()).toBe('x*y*z');
    expect(polynomialContent(P('x*y^2 + x*y'), 1).toString()).toBe('x');
    expect(primitivePartIn(P('2*x*y^2 + 2*x*y'), 1).toString()).toBe('2*y^2 + 2*y');
    expect(polynomialContent(P('(x + z)*y^2 + (x^2 - z^2)*y'), 1).toString()).toBe('x + z');
  });
});

describe('henselLiftMultivariate', () => {
  test('x² − y² from the images x − 1, x + 1 at y = 1', () => {
    const lifted = henselLiftMultivariate(P('x^2 - y^2'), 0, [1], [1n], [[rational(-1n), rational(1n)], [rational(1n), rational(1n)]], [R.one(), R.one()]);
    expect(lifted?.map(String)).toEqual(['x - y', 'x + y']);
  });

  test('a wrong image split is reported, not returned', () => {
    // x² − y is irreducible; at y = 1 its image splits as (x − 1)(x + 1).
    const lifted = henselLiftMultivariate(P('x^2 - y'), 0, [1], [1n], [[rational(-1n), rational(1n)], [rational(1n), rational(1n)]], [R.one(), R.one()]);
    expect(lifted === undefined || !lifted[0].mul(lifted[1]).equals(P('x^2 - y'))).toBe(true);
  });
});

describe('squarefreeDecomposition', () => {
  test('powers of a factor with a monomial leading coefficient in every variable', () => {
    const S = new PolynomialRing(QQ, ['a', 'b', 'c', 'd', 'e']);
    const f = parsePolynomial('(a*b*c*d*e - 1)^3 * (a + b + c + d + e)^2', { ring: S });
    const r = squarefreeDecomposition(f);
    expect(r.factors.map((g) => `${g.factor}^${g.multiplicity}`)).toEqual(['a + b + c + d + e^2', 'a*b*c*d*e - 1^3']);
  });

  test('x³y + 2x²y² + xy³ = xy(x + y)²', () => {
    const r = squarefreeDecomposition(P('x^3*y + 2*x^2*y^2 + x*y^3'));
    expect(r.factors.map((f) => `${f.factor}^${f.multiplicity}`)).toEqual(['x*y^1', 'x + y^2']);
  });

  test('parts of several multiplicities, a content and a rational unit', () => {
    const f = P('-1/2 * (x*y + z)^3 * (x - z)^2 * (y^2 + 1)^2 * (x + y + z + w)');
    const r = squarefreeDecomposition(f);
    expect(rationalToString(r.unit)).toBe('-1/2');
    expect(r.factors.map((g) => g.multiplicity)).toEqual([1, 2, 3]);
    let p = R.constant(r.unit);
    for (const { factor, multiplicity } of r.factors) p = p.mul(factor.pow(multiplicity));
    expect(p.equals(f)).toBe(true);
  });
});
