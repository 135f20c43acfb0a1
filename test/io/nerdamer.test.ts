// The nerdamer bridge (src/io/nerdamer.ts): conversions both ways and the non-polynomial refusals.
import nerdamer from 'nerdamer';
import { Zp } from '../../src/arithmetic/field';
import { InputError } from '../../src/errors';
import { fromNerdamer, isNerdamerVariable, nerdamerNames, toNerdamer } from '../../src/io/nerdamer';
import { parsePolynomial } from '../../src/io/parse';

describe('fromNerdamer', () => {
  test('expands with nerdamer, reads the result exactly', () => {
    expect(fromNerdamer('(x+y)^3 - x^3').toString()).toBe('3*x^2*y + 3*x*y^2 + y^3');
    expect(fromNerdamer('(x/3 + 2.5*y)^2').toString()).toBe('1/9*x^2 + 5/3*x*y + 25/4*y^2');
    expect(fromNerdamer(nerdamer('(a-b)*(a+b)')).toString()).toBe('a^2 - b^2');
    // nerdamer cancels x^2/x, so it is a polynomial
    expect(fromNerdamer('x^2/x + 1').toString()).toBe('x + 1');
    expect(fromNerdamer('2/4').toString()).toBe('1/2');
  });
  test('variables by first appearance in the text, or from the options', () => {
    expect(fromNerdamer('b*a + c').ring.vars).toEqual(['b', 'a', 'c']);
    const p = fromNerdamer('x*y', { vars: ['y', 'x', 'z'], order: 'lex' });
    expect(p.ring.vars).toEqual(['y', 'x', 'z']);
    expect(p.toString()).toBe('y*x');
    expect(fromNerdamer('x/2', { field: Zp(5) }).toString()).toBe('3*x');
  });
  test.each([
    ['sqrt(x) + 1', /function/],
    ['sin(x)', /function/],
    ['1/x', /negative or fractional exponent/],
    ['x^(1/2)', /function|fractional/],
    ['x/(1+y)', /negative or fractional exponent/],
    ['pi*x', /constant 'pi'/],
    ['sqrt(-1)*x', /constant 'i'/],
  ])('%s is not a polynomial', (expr, why) => {
    let e: unknown;
    try {
      fromNerdamer(expr);
    } catch (err) {
      e = err;
    }
    expect(e).toBeInstanceOf(InputError);
    expect((e as Error).message).toMatch(/not a polynomial/);
    expect((e as Error).message).toMatch(why);
  });
  test('unreadable text and variables outside the ring are input errors', () => {
    expect(() => fromNerdamer('x +* (')).toThrow(InputError);
    expect(() => fromNerdamer('x + z', { vars: ['x'] })).toThrow(/variable 'z'/);
  });
});

describe('toNerdamer', () => {
  test('its expansion equals the polynomial', () => {
    const p = parsePolynomial('x^2 - 1/2*y + 3');
    const e = toNerdamer(p);
    expect(nerdamer(`expand(${e.toString()}) - (x^2 - y/2 + 3)`).toString()).toBe('0');
    expect(fromNerdamer(e, { ring: p.ring }).equals(p)).toBe(true);
  });
  test('names nerdamer cannot use are aliased and restored', () => {
    expect(isNerdamerVariable('x')).toBe(true);
    expect(isNerdamerVariable('w0_1')).toBe(true);
    for (const bad of ['x[2]', 'E', 'pi', 'e', 'i', 'sin', 'x_2_v0']) expect(isNerdamerVariable(bad)).toBe(false);
    expect(nerdamerNames(['x', 'x[2]', 'E'])).toEqual(['x', 'x2v0', 'Ev0']);
    expect(nerdamerNames(['x[2]', 'x2v0'])).toEqual(['x2v1', 'x2v0']);
    const p = parsePolynomial('3/4*x[2]^2*E - sin + w0_1 - pi*e');
    expect(fromNerdamer(toNerdamer(p), { ring: p.ring }).equals(p)).toBe(true);
  });
  test('over Z/p the residues are used', () => {
    const p = parsePolynomial('x/2 - 1', { field: Zp(7) });
    expect(fromNerdamer(toNerdamer(p), { ring: p.ring }).equals(p)).toBe(true);
  });
});
