// Known comparisons from Cox–Little–O'Shea, Ideals, Varieties, and Algorithms, §2.2
// (variables x > y > z by position), and the order constructors.
import { QQ } from '../../src/arithmetic/field';
import { rational } from '../../src/arithmetic/rational';
import { InputError } from '../../src/errors';
import { monomial } from '../../src/monomials/monomial';
import {
  block, comparator, deglex, degrevlex, eliminationOrder, isDegreeCompatible, lex, orderArity, orderByName, orderToString, weighted,
} from '../../src/monomials/order';
import { PolynomialRing } from '../../src/poly/polynomial';

const gt = (order: Parameters<typeof comparator>[0], a: number[], b: number[]): boolean => {
  const cmp = comparator(order, a.length);
  return cmp(monomial(a), monomial(b)) > 0 && cmp(monomial(b), monomial(a)) < 0;
};

describe('CLO §2.2 examples', () => {
  test('lex', () => {
    expect(gt(lex, [1, 2, 0], [0, 3, 4])).toBe(true); // xy² > y³z⁴
    expect(gt(lex, [3, 2, 4], [3, 2, 1])).toBe(true); // x³y²z⁴ > x³y²z
    expect(gt(lex, [1, 0, 0], [0, 5, 5])).toBe(true); // x > y⁵z⁵
  });
  test('grlex (deglex)', () => {
    expect(gt(deglex, [1, 2, 3], [3, 2, 0])).toBe(true); // degree 6 > 5
    expect(gt(deglex, [1, 2, 4], [1, 1, 5])).toBe(true); // same degree, lex
    expect(gt(deglex, [0, 5, 5], [1, 0, 0])).toBe(true);
  });
  test('grevlex (degrevlex)', () => {
    expect(gt(degrevlex, [4, 7, 1], [4, 2, 3])).toBe(true); // degree 12 > 9
    expect(gt(degrevlex, [1, 5, 2], [4, 1, 3])).toBe(true); // same degree, smaller z wins
    // where deglex and degrevlex differ: x²z² vs xy²z — deglex: x²z² first; degrevlex: xy²z first
    expect(gt(deglex, [2, 0, 2], [1, 2, 1])).toBe(true);
    expect(gt(degrevlex, [1, 2, 1], [2, 0, 2])).toBe(true);
  });
  test('f = 4xy²z + 4z² − 5x³ + 7x²z² in the three orders (CLO §2.2)', () => {
    const f = (order: typeof lex): string => {
      const R = new PolynomialRing(QQ, ['x', 'y', 'z'], order);
      const c = (n: number) => rational(BigInt(n));
      return R.fromTerms([[[1, 2, 1], c(4)], [[0, 0, 2], c(4)], [[3, 0, 0], c(-5)], [[2, 0, 2], c(7)]]).toString();
    };
    expect(f(lex)).toBe('-5*x^3 + 7*x^2*z^2 + 4*x*y^2*z + 4*z^2');
    expect(f(deglex)).toBe('7*x^2*z^2 + 4*x*y^2*z - 5*x^3 + 4*z^2');
    expect(f(degrevlex)).toBe('4*x*y^2*z + 7*x^2*z^2 - 5*x^3 + 4*z^2');
  });
});

describe('weighted and block orders', () => {
  test('weighted order compares the weighted degree first, then the tie-break', () => {
    const w = weighted([1, 2, 3]);
    expect(gt(w, [0, 0, 1], [2, 0, 0])).toBe(true); // 3 > 2
    expect(gt(w, [1, 1, 0], [0, 0, 1])).toBe(true); // 3 = 3, degrevlex: x·y has degree 2 > 1
    expect(gt(weighted([1, 1, 1], lex), [1, 0, 1], [0, 2, 0])).toBe(true); // equals deglex
    expect(() => weighted([1, 0])).toThrow(InputError);
    expect(() => weighted([1, 1.5])).toThrow(InputError);
    expect(() => comparator(weighted([1, 2]), 3)).toThrow(InputError);
  });
  test('block order eliminates the first block', () => {
    const e = eliminationOrder(1, 3); // x | y, z
    expect(gt(e, [1, 0, 0], [0, 5, 5])).toBe(true);
    expect(gt(e, [1, 0, 1], [1, 1, 0])).toBe(false); // degrevlex in (y, z): y > z
    expect(gt(block([2, lex], [1, degrevlex]), [0, 1, 0], [0, 0, 7])).toBe(true);
    expect(() => comparator(block([1, lex], [1, lex]), 3)).toThrow(InputError);
  });
  test('names, descriptions and arities', () => {
    expect(orderByName('lex')).toBe(lex);
    expect(orderByName('degrevlex')).toBe(degrevlex);
    expect(() => orderByName('grevlex')).toThrow(InputError);
    expect(orderToString(weighted([1, 2, 1]))).toBe('weighted(1,2,1)');
    expect(orderToString(weighted([1, 2], lex))).toBe('weighted(1,2;lex)');
    expect(orderToString(eliminationOrder(2, 5))).toBe('block(2:degrevlex,3:degrevlex)');
    expect(orderArity(eliminationOrder(2, 5))).toBe(5);
    expect(orderArity(weighted([1, 1]))).toBe(2);
    expect(orderArity(lex)).toBeUndefined();
    expect(isDegreeCompatible(degrevlex) && isDegreeCompatible(deglex) && !isDegreeCompatible(lex)).toBe(true);
    expect(() => new PolynomialRing(QQ, ['x', 'y'], weighted([1, 2, 3]))).toThrow(InputError);
  });
});
