// Issue 19 item 2: the public entries check what JavaScript callers give them. A wrong value is an
// InputError naming what is wrong and where — never a silent conversion (solve reading residues
// modulo 7 as integers), never a TypeError from inside (`this.cmp is not a function`). Order
// names are accepted wherever an order is, as the parse options already did.
import fc from 'fast-check';
import { QQ, Zp } from '../../src/arithmetic/field';
import { InputError } from '../../src/errors';
import { eliminate } from '../../src/groebner/eliminate';
import { groebner } from '../../src/groebner/groebner';
import { isGroebner, normalForm } from '../../src/groebner/normal-form';
import { dimension, solutionCount } from '../../src/groebner/ideal';
import { fglm } from '../../src/groebner/fglm';
import { gradient, hessian, partialDerivative } from '../../src/poly/derivative';
import { evaluate, substitute } from '../../src/poly/evaluate';
import { toLatex } from '../../src/io/print';
import { parsePolynomial, parsePolynomials } from '../../src/io/parse';
import { lex } from '../../src/monomials/order';
import { criticalPoints } from '../../src/networks/critical';
import { networkLoss } from '../../src/networks/loss';
import { preset } from '../../src/networks/presets';
import { PolynomialRing } from '../../src/poly/polynomial';
import { solve } from '../../src/solve/solve';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const loose = (x: unknown): any => x;

const { polynomials: overQ } = parsePolynomials('x^2 - 3, y - x');
const overZ7 = parsePolynomials('x^2 - 3, y - x', { field: Zp(7) }).polynomials;

const cases: [string, () => unknown, RegExp][] = [
  ['solve over Q and Z/7 mixed', () => solve(loose([overQ[0], overZ7[1]])), /^solve: polynomial 2 is over GF\(7\) and polynomial 1 over QQ/],
  ['solve over Z/7', () => solve(loose(overZ7)), /^solve works over QQ; polynomial 1 is over GF\(7\)/],
  ['groebner over Q and Z/7 mixed', () => groebner(loose([overQ[0], overZ7[1]])), /^groebner: polynomial 2 is over GF\(7\)/],
  ['solve in different variables', () => solve([overQ[0], parsePolynomial('y - z')]), /^solve: polynomial 2 is in the variables y, z and polynomial 1 in x, y/],
  ['Zp(4)', () => Zp(4), /^Zp needs a prime, and 4 is not one/],
  ["the field option 'Q'", () => parsePolynomials('x + 1', loose({ field: 'Q' })), /^the field option: the field must be a Field object such as QQ or Zp\(7\).*got the string 'Q'/],
  ["new PolynomialRing('Q', …)", () => new PolynomialRing(loose('Q'), ['x']), /^new PolynomialRing: the field must be a Field object/],
  ['new PolynomialRing with variables as text', () => new PolynomialRing(QQ, loose('x')), /^new PolynomialRing: the variables must be a list of names/],
  ["groebner order 'lexx'", () => groebner(overQ, loose({ order: 'lexx' })), /^groebner: the order option: unknown monomial order 'lexx' \(expected one of: lex, deglex, degrevlex\)/],
  ['groebner order { kind: "foo" }', () => groebner(overQ, loose({ order: { kind: 'foo' } })), /^groebner: the order option: unknown monomial order kind "foo"/],
  ['groebner order weighted without weights', () => groebner(overQ, loose({ order: { kind: 'weighted' } })), /weighted order needs a non-empty list of positive integer weights/],
  ['groebner order 3', () => groebner(overQ, loose({ order: 3 })), /^groebner: the order option: the monomial order must be an order object or name, got number/],
  ['eliminate order 3', () => eliminate(overQ, ['x'], loose({ order: 3 })), /^eliminate: the order option/],
  ['groebner of text', () => groebner(loose('x^2 - 1')), /^groebner takes a list of polynomials \(e\.g\. parsePolynomials\(text\)\.polynomials\), got the string 'x\^2 - 1'/],
  ['groebner of numbers', () => groebner(loose([1, 2])), /^groebner: entry 1 of the list is number, not a Polynomial/],
  ['groebner of null', () => groebner(loose(null)), /^groebner takes a list of polynomials.*got null/],
  ['solve with undefined inside', () => solve(loose([overQ[0], undefined])), /^solve: entry 2 of the list is undefined/],
  ['solve with timeout NaN', () => solve(overQ, { timeout: NaN }), /^solve: the timeout must be a number of seconds ≥ 0.*got NaN/],
  ["groebner with timeout '5'", () => groebner(overQ, loose({ timeout: '5' })), /the timeout must be a number of seconds ≥ 0.*got '5'/],
  ['solve with digits 0 (printed every decimal as "0")', () => solve(overQ, { digits: 0 }), /^solve: digits must be an integer from 1 to 100000, got 0/],
  ['solve with digits 2.5', () => solve(overQ, { digits: 2.5 }), /^solve: digits must be an integer from 1 to 100000, got 2\.5/],
  ["criticalPoints with digits 'abc'", () => criticalPoints(networkLoss(preset('xor-blog')), loose({ digits: 'abc' })), /^criticalPoints: digits must be an integer from 1 to 100000, got 'abc'/],
  ['solve with options null', () => solve(overQ, loose(null)), /^solve: the options must be an object/],
  ['criticalPoints of a spec', () => criticalPoints(loose({ inputs: 1, layers: [{ width: 1 }], data: [[1, 1]] })), /^criticalPoints takes the loss of a network: criticalPoints\(networkLoss\(spec\)\)/],
  ['parsePolynomials(123)', () => parsePolynomials(loose(123)), /^parsePolynomials takes the polynomials as text, got number/],
  ['the ring option a string', () => parsePolynomials('x', loose({ ring: 'QQ[x]' })), /^the ring option must be a PolynomialRing/],
  ['normalForm of text', () => normalForm(loose('x^2'), overQ), /^normalForm: the polynomial is the string 'x\^2', not a Polynomial/],
  ['normalForm modulo null', () => normalForm(overQ[0], loose(null)), /^normalForm: the basis must be a list of polynomials, got null/],
  ['normalForm modulo mixed fields', () => normalForm(overQ[0], loose([overQ[0], overZ7[1]])), /^normalForm: polynomial 2 is over GF\(7\)/],
  ['isGroebner of numbers', () => isGroebner(loose([1, 2])), /^isGroebner: entry 1 of the list is number, not a Polynomial/],
  ['dimension of undefined', () => dimension(loose(undefined)), /^dimension: the basis must be a list of polynomials, got undefined/],
  ['solutionCount of text', () => solutionCount(loose('x')), /^solutionCount: the basis must be a list of polynomials, got the string 'x'/],
  ['fglm of null', () => fglm(loose(null), lex), /^fglm: the basis must be a list of polynomials, got null/],
  ['gradient of text', () => gradient(loose('x^2 + y')), /^gradient: the polynomial is the string 'x\^2 \+ y', not a Polynomial/],
  ['hessian of a number', () => hessian(loose(3)), /^hessian: the polynomial is number/],
  ['partialDerivative of null', () => partialDerivative(loose(null), 'x'), /^partialDerivative: the polynomial is null/],
  ['evaluate of undefined', () => evaluate(loose(undefined), [1, 2]), /^evaluate: the polynomial is undefined/],
  ['substitute into text', () => substitute(loose('x'), {}), /^substitute: the polynomial is the string 'x'/],
  ['toLatex of a list', () => toLatex(loose(overQ)), /^toLatex: the polynomial is a list, not a Polynomial/],
];

describe('public entries check their arguments', () => {
  test.each(cases)('%s: an InputError that says what and where', (_, call, message) => {
    let thrown: unknown;
    try {
      call();
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(InputError);
    expect((thrown as Error).message).toMatch(message);
  });

  test("order names are accepted wherever an order is: groebner(ps, { order: 'lex' }) = groebner(ps, { order: lex })", () => {
    const byName = groebner(overQ, { order: 'lex' });
    const byObject = groebner(overQ, { order: lex });
    expect(byName.map(String)).toEqual(byObject.map(String));
    expect(byName.map(String)).toEqual(['y^2 - 3', 'x - y']);
    expect(new PolynomialRing(QQ, ['x', 'y'], 'lex').order).toEqual(lex);
    expect(eliminate(overQ, ['y'], { order: 'lex' }).map(String)).toEqual(['x^2 - 3']);
  });

  test('a system over Z/7 still solves its Gröbner basis over Z/7; the same system over Q is solved over Q', () => {
    expect(groebner(overZ7).map(String)).toEqual(groebner(overZ7, { order: 'degrevlex' }).map(String));
    expect(solve(overQ).components.length).toBe(1);
  });
});

describe('fuzz: junk arguments to the public entries', () => {
  const junk = fc.constantFrom<unknown>(undefined, null, 0, 1, -1, 2.5, NaN, Infinity, '', 'x', 'lex', 'Q', [], [null], [1], {}, { order: 'lex' }, { field: 'Q' }, { timeout: -1 }, { digits: 0 }, overQ, overZ7, overQ[0], QQ, Zp(7), lex, () => 1, Symbol('s'), 10n);
  const entries: [string, (a: unknown, b: unknown) => unknown][] = [
    ['solve', (a, b) => solve(loose(a), loose(b))],
    ['groebner', (a, b) => groebner(loose(a), loose(b))],
    ['eliminate', (a, b) => eliminate(loose(a), loose(['x']), loose(b))],
    ['parsePolynomials', (a, b) => parsePolynomials(loose(a), loose(b))],
    ['parsePolynomials of text', (_, b) => parsePolynomials('x^2 - y', loose(b))],
    ['new PolynomialRing', (a, b) => new PolynomialRing(loose(a), loose(['x']), loose(b))],
    ['Zp', (a) => Zp(loose(a))],
    ['preset', (a) => preset(loose(a))],
    ['criticalPoints', (a, b) => criticalPoints(loose(a), loose(b))],
    ['normalForm', (a, b) => normalForm(loose(a), loose(b))],
    ['isGroebner', (a) => isGroebner(loose(a))],
    ['dimension', (a) => dimension(loose(a))],
    ['gradient', (a) => gradient(loose(a))],
    ['evaluate', (a, b) => evaluate(loose(a), loose(b))],
    ['toLatex', (a) => toLatex(loose(a))],
  ];
  test('an answer or an InputError, never another error', () => {
    fc.assert(
      fc.property(fc.constantFrom(...entries), junk, junk, ([name, call], a, b) => {
        try {
          call(a, b);
        } catch (e) {
          if (!(e instanceof InputError)) throw new Error(`${name}(${String(a)}, ${String(b)}): ${(e as Error).name}: ${(e as Error).message}`);
        }
      }),
      { numRuns: 300 },
    );
  });
});
