// Examples: canonical text, ring construction errors, mixing rings.
import { QQ, Zp } from '../../src/arithmetic/field';
import { rational } from '../../src/arithmetic/rational';
import { InputError } from '../../src/errors';
import { lex } from '../../src/monomials/order';
import { PolynomialRing } from '../../src/poly/polynomial';

describe('canonical text', () => {
  const R = new PolynomialRing(QQ, ['x', 'y', 'z']);
  const [x, y, z] = R.gens();
  const q = (n: bigint, d = 1n) => rational(n, d);
  test('signs, unit and fractional coefficients, constants', () => {
    expect(R.zero().toString()).toBe('0');
    expect(R.one().neg().toString()).toBe('-1');
    expect(x.neg().add(R.one()).toString()).toBe('-x + 1');
    expect(x.pow(2).mul(y).scale(q(-3n, 4n)).add(z).sub(R.one()).toString()).toBe('-3/4*x^2*y + z - 1');
    expect(x.add(y).pow(2).toString()).toBe('x^2 + 2*x*y + y^2');
    expect(x.sub(y).mul(x.add(y)).toString()).toBe('x^2 - y^2');
    expect(R.fromInt(-7).toString()).toBe('-7');
  });
  test('over Z/p coefficients print as residues', () => {
    const S = new PolynomialRing(Zp(7), ['x', 'y'], lex);
    const [a, b] = S.gens();
    expect(a.sub(b).toString()).toBe('x + 6*y');
    expect(a.add(b).pow(7).toString()).toBe('x^7 + y^7'); // Frobenius
  });
  test('ring errors', () => {
    expect(() => new PolynomialRing(QQ, ['x', 'x'])).toThrow(InputError);
    expect(() => new PolynomialRing(QQ, ['1x'])).toThrow(InputError);
    expect(() => x.add(new PolynomialRing(QQ, ['x', 'y', 'z'], lex).variable(0))).toThrow(InputError);
    // an equal ring built separately is accepted
    expect(x.add(new PolynomialRing(QQ, ['x', 'y', 'z']).variable(0)).toString()).toBe('2*x');
    expect(() => x.pow(-1)).toThrow(RangeError);
    expect(() => R.fromTerms([[[1, 0], QQ.one]])).toThrow(RangeError);
    expect(R.toString()).toBe('QQ[x, y, z] (degrevlex)');
  });
});

describe('the ring with no variables is the field', () => {
  test('constants multiply and print as field elements', () => {
    const K = new PolynomialRing(QQ, []);
    const c = K.fromInt(3);
    expect(c.mul(c).add(K.one()).toString()).toBe('10');
    expect(c.pow(3).toString()).toBe('27');
    expect(c.sub(c).isZero()).toBe(true);
  });
});
