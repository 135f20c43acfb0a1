// The k-d tree of F4's reducer search (groebner/f4/divisor-tree.ts) against a scan of every
// monomial: "does one of them divide m?" gets the same answer for monomials drawn near the set's
// (quotients and multiples of its members, so that both answers occur often), for sets with
// repeated monomials, monomials equal on some variables, and sets larger than many leaves.
import fc from 'fast-check';
import { DivisorTree } from '../../src/groebner/f4/divisor-tree';
import { MonomialTable } from '../../src/groebner/f4/hashtable';
import { monomial } from '../../src/monomials/monomial';
import { comparator, degrevlex } from '../../src/monomials/order';

const divides = (a: number[], b: number[]) => a.every((x, i) => x <= b[i]);

describe('DivisorTree', () => {
  test.each([2, 5, 12])('anyDivides agrees with a scan of the set, in %i variables', (nvars) => {
    const exps = (max: number) => fc.array(fc.integer({ min: 0, max }), { minLength: nvars, maxLength: nvars });
    fc.assert(
      fc.property(fc.array(exps(6), { maxLength: 200 }), fc.array(fc.tuple(fc.nat(199), exps(2), fc.boolean()), { minLength: 1, maxLength: 80 }), fc.array(exps(9), { maxLength: 20 }), (set, near, far) => {
        const table = new MonomialTable(nvars, degrevlex, comparator(degrevlex, nvars), 16);
        const tree = new DivisorTree(table, set.map((x) => table.intern(monomial(x))));
        // Queries: members shifted up or down a little, and unrelated monomials.
        const queries = [...far, ...(set.length === 0 ? [] : near.map(([k, d, up]) => set[k % set.length].map((e, i) => Math.max(0, up ? e + d[i] : e - d[i]))))];
        for (const q of queries) expect(tree.anyDivides(table.intern(monomial(q)))).toBe(set.some((x) => divides(x, q)));
      }),
      { numRuns: 80, seed: 20261205 },
    );
  });

  test('a set of one monomial repeated past a leaf stays one leaf, and the empty set divides nothing', () => {
    const table = new MonomialTable(3, degrevlex, comparator(degrevlex, 3), 16);
    const m = table.intern(monomial([1, 2, 0]));
    const tree = new DivisorTree(table, new Array(40).fill(m));
    expect(tree.anyDivides(table.intern(monomial([1, 2, 5])))).toBe(true);
    expect(tree.anyDivides(table.intern(monomial([0, 2, 5])))).toBe(false);
    expect(new DivisorTree(table, []).anyDivides(m)).toBe(false);
  });
});
