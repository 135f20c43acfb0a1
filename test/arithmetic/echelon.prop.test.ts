// The echelon space over Z/p (p < 2^26) runs on typed arrays; the generic code over any field is
// its oracle: the same field with its prime hidden takes the generic path, and both must answer
// every insert and express identically (dependencies and their coefficients).
import fc from 'fast-check';
import { Field, Zp } from '../../src/arithmetic/field';
import { EchelonSpace } from '../../src/arithmetic/echelon';

const cases = fc.constantFrom(2, 7, 65521, 67108859).chain((p) =>
  fc.record({
    p: fc.constant(p),
    n: fc.integer({ min: 1, max: 8 }),
    vectors: fc.array(fc.array(fc.integer({ min: 0, max: p - 1 }), { minLength: 8, maxLength: 8 }), { minLength: 1, maxLength: 14 }),
    combos: fc.array(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 14, maxLength: 14 }), { maxLength: 4 }),
  }),
);

describe('echelon spaces over Z/p', () => {
  test('the typed-array path answers exactly as the generic field code', () => {
    fc.assert(
      fc.property(cases, ({ p, n, vectors, combos }) => {
        const F = Zp(p);
        const hidden: Field<number> = { ...F, name: `${F.name} (generic)` };
        delete (hidden as { p?: number }).p;
        const fast = new EchelonSpace(F);
        const slow = new EchelonSpace(hidden);
        const vs = vectors.map((v) => v.slice(0, n));
        // Dependent vectors too: small combinations of the earlier ones.
        for (const c of combos) vs.push(vs[0].map((_, j) => vs.reduce((acc, v, k) => F.add(acc, F.mul(c[k % c.length], v[j])), 0)));
        for (const v of vs) {
          expect(fast.express(v)).toEqual(slow.express(v));
          expect(fast.insert(v)).toEqual(slow.insert(v));
          expect(fast.rank).toBe(slow.rank);
        }
      }),
    );
  });
});
