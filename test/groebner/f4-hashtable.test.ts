// The monomial table of F4 against plain exponent arithmetic: products (`productOf`, which compares
// packed exponent words in its slots while every exponent interned is below 128, and the
// exponents themselves after that), quotients and lcms (`lcmInto`, `internAt`) are the interned sums, differences and
// maxima, and equal monomials get equal ids. The exponents drawn go past 128, so some runs switch
// the packed comparison off in the middle; the table starts small, so it grows during the run.
// Products of a run's table also go to a round's table, emptied (`clear`) between rounds, and come
// back by quotient and by `internFrom`.
// A packed word that disagrees only sends `productOf` on to the exponent comparison of `lookupTmp`
// (slower, same id), so these tests guard the answers, not the speed (bench/f4-zp.ts does).
import fc from 'fast-check';
import { MonomialTable } from '../../src/groebner/f4/hashtable';
import { monomial } from '../../src/monomials/monomial';
import { comparator, degrevlex } from '../../src/monomials/order';

describe('MonomialTable', () => {
  test.each([3, 5, 9, 17])('products, quotients and lcms in %i variables agree with exponent arithmetic', (nvars) => {
    const exps = (max: number) => fc.array(fc.integer({ min: 0, max }), { minLength: nvars, maxLength: nvars });
    fc.assert(
      fc.property(fc.array(fc.tuple(exps(100), exps(100)), { minLength: 1, maxLength: 60 }), fc.boolean(), (pairs, large) => {
        const table = new MonomialTable(nvars, degrevlex, comparator(degrevlex, nvars), 16);
        const exponents = (id: number) => table.toMonomial(id).slice(1);
        for (const [x, y0] of pairs) {
          const y = large ? y0.map((e) => 2 * e) : y0; // up to 200: past the packed limit
          const a = table.intern(monomial(x));
          const b = table.intern(monomial(y));
          const ab = table.productOf(table, a, b);
          expect(exponents(ab)).toEqual(x.map((e, i) => e + y[i]));
          expect(table.intern(monomial(x.map((e, i) => e + y[i])))).toBe(ab);
          expect(table.productOf(table, b, a)).toBe(ab);
          expect(table.div(ab, b)).toBe(a);
          const out = new Int32Array(nvars + 1);
          const l = table.internAt(out, 0, table.lcmInto(a, b, out, 0));
          expect(exponents(l)).toEqual(x.map((e, i) => Math.max(e, y[i])));
          expect(table.intern(monomial(x.map((e, i) => Math.max(e, y[i]))))).toBe(l);
        }
      }),
      { numRuns: 60, seed: 20261204 },
    );
  });

  test.each([3, 9, 17])('a round table in %i variables, emptied between rounds, holds exactly the products of its round', (nvars) => {
    const exps = (max: number) => fc.array(fc.integer({ min: 0, max }), { minLength: nvars, maxLength: nvars });
    const rounds = fc.array(fc.array(fc.tuple(exps(90), exps(90)), { minLength: 1, maxLength: 30 }), { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(rounds, fc.boolean(), (batches, large) => {
        const cmp = comparator(degrevlex, nvars);
        const table = new MonomialTable(nvars, degrevlex, cmp, 16);
        const round = new MonomialTable(nvars, degrevlex, cmp, 16);
        const exponents = (t: MonomialTable, id: number) => t.toMonomial(id).slice(1);
        for (const pairs of batches) {
          round.clear();
          const seen = new Map<string, number>();
          for (const [x, y0] of pairs) {
            const y = large ? y0.map((e) => 2 * e) : y0; // past the packed limit
            const a = table.intern(monomial(x));
            const b = table.intern(monomial(y));
            const sum = x.map((e, i) => e + y[i]);
            const ab = round.productOf(table, a, b);
            expect(exponents(round, ab)).toEqual(sum);
            // Ids are the round's own: 0, 1, … in the order met, equal products equal ids.
            const key = sum.join(',');
            if (!seen.has(key)) seen.set(key, seen.size);
            expect(ab).toBe(seen.get(key));
            expect(round.productOf(table, b, a)).toBe(ab);
            expect(table.quotientOf(round, ab, b)).toBe(a);
            expect(table.dividesIn(a, round, ab)).toBe(true);
            expect(exponents(table, table.internFrom(round, ab))).toEqual(sum);
            expect(table.productOf(table, a, b)).toBe(table.internFrom(round, ab));
          }
          expect(round.size).toBe(seen.size);
        }
      }),
      { numRuns: 40, seed: 20261206 },
    );
  });
});
