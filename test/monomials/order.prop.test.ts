// Every order is a monomial order (total, transitive, multiplicative, 1 least) and agrees with a
// reference implementation of its textbook definition written here.
import fc from 'fast-check';
import { Monomial, divides, gcdMonomials, lcmMonomials, monomial, mulMonomials, oneMonomial, divMonomials } from '../../src/monomials/monomial';
import { MonomialOrder, comparator } from '../../src/monomials/order';
import { arbMonomial, arbOrder } from '../arbitraries';

/** Reference comparator on exponent lists (sign only), straight from the definitions. */
function reference(order: MonomialOrder, a: readonly number[], b: readonly number[]): number {
  const sum = (e: readonly number[]): number => e.reduce((s, x) => s + x, 0);
  const lexCmp = (x: readonly number[], y: readonly number[]): number => {
    // a >lex b iff the leftmost non-zero entry of a − b is positive
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return Math.sign(x[i] - y[i]);
    return 0;
  };
  switch (order.kind) {
    case 'lex':
      return lexCmp(a, b);
    case 'deglex':
      return Math.sign(sum(a) - sum(b)) || lexCmp(a, b);
    case 'degrevlex': {
      if (sum(a) !== sum(b)) return Math.sign(sum(a) - sum(b));
      // a > b iff the rightmost non-zero entry of a − b is negative
      for (let i = a.length - 1; i >= 0; i--) if (a[i] !== b[i]) return Math.sign(b[i] - a[i]);
      return 0;
    }
    case 'weighted': {
      const w = (e: readonly number[]): number => e.reduce((s, x, i) => s + x * order.weights[i], 0);
      return Math.sign(w(a) - w(b)) || reference(order.tiebreak ?? { kind: 'degrevlex' }, a, b);
    }
    case 'block': {
      let start = 0;
      for (const blk of order.blocks) {
        const r = reference(blk.order, a.slice(start, start + blk.size), b.slice(start, start + blk.size));
        if (r !== 0) return r;
        start += blk.size;
      }
      return 0;
    }
  }
}

const arbCase = fc
  .integer({ min: 1, max: 5 })
  .chain((n) => fc.tuple(fc.constant(n), arbOrder(n), arbMonomial(n, 5), arbMonomial(n, 5), arbMonomial(n, 5)));

describe('monomial orders', () => {
  test('agree with the reference definitions', () => {
    fc.assert(
      fc.property(arbCase, ([n, order, a, b]) => {
        const cmp = comparator(order, n);
        expect(Math.sign(cmp(a, b))).toBe(reference(order, a.slice(1), b.slice(1)));
      }),
      { numRuns: 400 },
    );
  });

  test('total order: antisymmetric, 0 only on equal monomials, transitive', () => {
    fc.assert(
      fc.property(arbCase, ([n, order, a, b, c]) => {
        const cmp = comparator(order, n);
        const s = (x: Monomial, y: Monomial): number => Math.sign(cmp(x, y));
        expect(s(a, b)).toBe(-s(b, a) || 0);
        expect(s(a, b) === 0).toBe(a.every((e, i) => e === b[i]));
        expect(s(a, a)).toBe(0);
        if (s(a, b) >= 0 && s(b, c) >= 0) expect(s(a, c)).toBeGreaterThanOrEqual(0);
        if (s(a, b) > 0 && s(b, c) >= 0) expect(s(a, c)).toBe(1);
      }),
      { numRuns: 400 },
    );
  });

  test('compatible with multiplication, 1 is the least monomial, divisibility implies ≤', () => {
    fc.assert(
      fc.property(arbCase, ([n, order, a, b, c]) => {
        const cmp = comparator(order, n);
        expect(Math.sign(cmp(mulMonomials(a, c), mulMonomials(b, c)))).toBe(Math.sign(cmp(a, b)));
        const one = oneMonomial(n);
        if (a[0] > 0) expect(cmp(a, one)).toBeGreaterThan(0);
        expect(cmp(one, one)).toBe(0);
        // a | a·c, so a ≤ a·c
        expect(cmp(a, mulMonomials(a, c))).toBeLessThanOrEqual(0);
      }),
      { numRuns: 400 },
    );
  });

  test('sorting random monomials gives the same result as the reference', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }).chain((n) => fc.tuple(fc.constant(n), arbOrder(n), fc.array(arbMonomial(n, 3), { minLength: 2, maxLength: 12 }))),
        ([n, order, ms]) => {
          const cmp = comparator(order, n);
          const sorted = [...ms].sort(cmp).map((m) => m.join());
          const ref = [...ms].sort((x, y) => reference(order, x.slice(1), y.slice(1))).map((m) => m.join());
          expect(sorted).toEqual(ref);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('monomial arithmetic', () => {
  test('mul/div/lcm/gcd/divides agree with exponent-wise definitions', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }).chain((n) => fc.tuple(arbMonomial(n, 5), arbMonomial(n, 5))),
        ([a, b]) => {
          const ea = a.slice(1);
          const eb = b.slice(1);
          expect(mulMonomials(a, b)).toEqual(monomial(ea.map((x, i) => x + eb[i])));
          expect(lcmMonomials(a, b)).toEqual(monomial(ea.map((x, i) => Math.max(x, eb[i]))));
          expect(gcdMonomials(a, b)).toEqual(monomial(ea.map((x, i) => Math.min(x, eb[i]))));
          expect(divides(a, b)).toBe(ea.every((x, i) => x <= eb[i]));
          expect(divMonomials(mulMonomials(a, b), b)).toEqual(a);
          expect(divides(gcdMonomials(a, b), a) && divides(b, lcmMonomials(a, b))).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});
