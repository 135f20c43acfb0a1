// F4's column sort (sort-columns.ts) against the comparator: random sets of monomials, from few
// variables with small exponents (several digits to a radix digit) to many variables and large
// exponents (a digit taken in parts of its bits), in degrevlex,
// in block orders of degrevlex blocks (elimination orders: blocks of one variable, empty blocks,
// three blocks), and in deglex, lex and a block with a lex block (the comparator sort).
import fc from 'fast-check';
import { MonomialTable } from '../../src/groebner/f4/hashtable';
import { sortDecreasing } from '../../src/groebner/f4/sort-columns';
import { monomial } from '../../src/monomials/monomial';
import { MonomialOrder, block, comparator, deglex, degrevlex, eliminationOrder, lex } from '../../src/monomials/order';

/**
 * Exponents up to `others` in all variables but the first, and in the first up to `maxExponent`
 * (it sets the key's base) or, when `others` is given, only 0 or `maxExponent` (so that equal
 * degrees are common).
 */
function check(order: MonomialOrder, nvars: number, maxExponent: number, numRuns: number, others = maxExponent): void {
  const first = others === maxExponent ? fc.integer({ min: 0, max: maxExponent }) : fc.constantFrom(0, maxExponent);
  const exps = fc.tuple(first, fc.array(fc.integer({ min: 0, max: others }), { minLength: nvars - 1, maxLength: nvars - 1 })).map(([a, rest]) => [a, ...rest]);
  fc.assert(
    fc.property(fc.array(exps, { minLength: 0, maxLength: 300, size: 'max' }), (list) => {
      const table = new MonomialTable(nvars, order, comparator(order, nvars), 16);
      const ids = [...new Set(list.map((e) => table.intern(monomial(e))))];
      const expected = [...ids].sort((x, y) => table.cmp(y, x));
      sortDecreasing(table, ids);
      expect(ids).toEqual(expected);
    }),
    { numRuns, seed: 20261206 },
  );
}

describe('sortDecreasing (F4 columns)', () => {
  test('degrevlex, every variable in the key', () => check(degrevlex, 4, 3, 60));
  test('degrevlex, 18 variables (as many as a network gradient)', () => check(degrevlex, 18, 2, 60));
  test('degrevlex, large exponents: few or no variables in the key', () => check(degrevlex, 6, 100000, 40));
  test('degrevlex, one large exponent: one variable in the key, many runs of equal keys', () => check(degrevlex, 6, 100000, 40, 2));
  test('block orders of degrevlex blocks: every digit, few digits, blocks of one variable and empty blocks', () => {
    check(eliminationOrder(3, 7), 7, 3, 60);
    check(eliminationOrder(1, 5), 5, 3, 40);
    check(eliminationOrder(4, 5), 5, 3, 40);
    check(eliminationOrder(12, 19), 19, 2, 40);
    check(block([2, degrevlex], [0, degrevlex], [3, degrevlex], [1, degrevlex]), 6, 4, 40);
    check(eliminationOrder(2, 6), 6, 100000, 30, 2);
  });
  test('deglex, lex and a block order with a lex block', () => {
    check(deglex, 5, 3, 30);
    check(lex, 5, 3, 30);
    check(block([2, lex], [3, degrevlex]), 5, 3, 30);
  });
});
