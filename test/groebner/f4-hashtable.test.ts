// The monomial table of F4 against plain exponent arithmetic: products (`mul`, which compares
// packed exponent words in its slots while every exponent interned is below 128, and the
// exponents themselves after that), quotients and lcms (`lcmInto`, `internAt`) are the interned sums, differences and
// maxima, and equal monomials get equal ids. The exponents drawn go past 128, so some runs switch
// the packed comparison off in the middle; the table starts small, so it grows during the run.
// A packed word that disagrees only sends `mul` on to the exponent comparison of `lookupTmp`
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
          const ab = table.mul(a, b);
          expect(exponents(ab)).toEqual(x.map((e, i) => e + y[i]));
          expect(table.intern(monomial(x.map((e, i) => e + y[i])))).toBe(ab);
          expect(table.mul(b, a)).toBe(ab);
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
});
