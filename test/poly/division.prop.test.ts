// Multivariate division: f = Σ qᵢgᵢ + r with no term of r divisible by any lm(gᵢ) and
// lm(qᵢgᵢ) ≤ lm(f); exact division; S-polynomials cancel the lcm term.
import fc from 'fast-check';
import { divides, lcmMonomials } from '../../src/monomials/monomial';
import { divide, dividesPolynomial, exactDivide, reduce, spoly, tryExactDivide } from '../../src/poly/division';
import { Polynomial } from '../../src/poly/polynomial';
import { InputError } from '../../src/errors';
import { arbNonzeroPoly, arbPoly, arbRing, expectPolyEqual, expectWellFormed } from '../arbitraries';

describe('division by a list', () => {
  test('f = Σ qᵢgᵢ + r, r reduced, lm(qᵢgᵢ) ≤ lm(f)', () => {
    fc.assert(
      fc.property(
        arbRing().chain((R) =>
          fc.tuple(fc.constant(R), arbPoly(R, { maxTerms: 6, maxExp: 4 }), fc.array(arbPoly(R, { maxTerms: 3, maxExp: 2 }), { minLength: 1, maxLength: 4 })),
        ),
        ([R, f, gs]) => {
          const { quotients, remainder: r } = divide(f, gs);
          expect(quotients.length).toBe(gs.length);
          let sum: Polynomial<unknown> = r;
          for (let i = 0; i < gs.length; i++) {
            expectWellFormed(quotients[i]);
            if (gs[i].isZero()) expect(quotients[i].isZero()).toBe(true);
            const qg = quotients[i].mul(gs[i]);
            if (!qg.isZero()) expect(R.cmp(qg.lm(), f.lm())).toBeLessThanOrEqual(0);
            sum = sum.add(qg);
          }
          expectWellFormed(r);
          expectPolyEqual(sum, f);
          for (const m of r.monomials) for (const g of gs) if (!g.isZero()) expect(divides(g.lm(), m)).toBe(false);
          expectPolyEqual(reduce(f, gs), r);
        },
      ),
      { numRuns: 150 },
    );
  });

  test('exactDivide(f·g, g) = f; tryExactDivide gives undefined when the remainder is non-zero', () => {
    fc.assert(
      fc.property(
        arbRing().chain((R) => fc.tuple(arbPoly(R, { maxTerms: 4 }), arbNonzeroPoly(R, { maxTerms: 3 }), arbNonzeroPoly(R, { maxTerms: 2, maxExp: 1 }))),
        ([f, g, h]) => {
          const q = exactDivide(f.mul(g), g);
          expectWellFormed(q);
          expectPolyEqual(q, f);
          expect(dividesPolynomial(g, f.mul(g))).toBe(true);
          // f·g + h with h reduced modulo g is not a multiple of g
          const r = reduce(h, [g]);
          if (!r.isZero()) {
            expect(tryExactDivide(f.mul(g).add(r), g)).toBeUndefined();
            expect(() => exactDivide(f.mul(g).add(r), g)).toThrow(InputError);
          }
          expect(() => exactDivide(f, f.ring.zero())).toThrow(InputError);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('S-polynomials', () => {
  test('spoly cancels the lcm term: every monomial is below lcm(lm f, lm g); S(f,g) = −S(g,f); S(f,f) = 0', () => {
    fc.assert(
      fc.property(arbRing().chain((R) => fc.tuple(arbNonzeroPoly(R), arbNonzeroPoly(R))), ([f, g]) => {
        const R = f.ring;
        const s = spoly(f, g);
        expectWellFormed(s);
        const L = lcmMonomials(f.lm(), g.lm());
        for (const m of s.monomials) expect(R.cmp(m, L)).toBeLessThan(0);
        expectPolyEqual(spoly(g, f), s.neg());
        expect(spoly(f, f).isZero()).toBe(true);
        // S(f, g) lies in the ideal: it is (L/lt f)·f − (L/lt g)·g, checked by dividing by [f, g]
        // with the explicit cofactors: s − a·f + b·g = 0 for monomial multiples a, b
        const F = R.field;
        const a = R.term(L.map((e, i) => e - f.lm()[i]), F.inv(f.lc()));
        const b = R.term(L.map((e, i) => e - g.lm()[i]), F.inv(g.lc()));
        expectPolyEqual(s, a.mul(f).sub(b.mul(g)));
      }),
      { numRuns: 150 },
    );
  });
});
