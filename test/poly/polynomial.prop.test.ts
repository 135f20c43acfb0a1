// Ring axioms of K[x1..xn] over QQ and Z/p in every order, against a naive dictionary product,
// with the representation invariant (sorted, no zeros, canonical coefficients) on every result.
import fc from 'fast-check';
import { Field } from '../../src/arithmetic/field';
import { monomialKey } from '../../src/monomials/monomial';
import { Polynomial, PolynomialRing } from '../../src/poly/polynomial';
import { arbCoefficient, arbExponents, arbPoly, arbRing, arbRingWithPolys, expectPolyEqual, expectWellFormed } from '../arbitraries';

type P = Polynomial<unknown>;

/** Naive product: all term pairs summed in a dictionary keyed by exponents, then fromTerms. */
function naiveMul(a: P, b: P): P {
  const F = a.field as Field<unknown>;
  const acc = new Map<string, [number[], unknown]>();
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < b.length; j++) {
      const e = a.monomials[i].slice(1).map((x, k) => x + b.monomials[j][k + 1]);
      const c = F.mul(a.coefficients[i], b.coefficients[j]);
      const old = acc.get(e.join());
      acc.set(e.join(), [e, old ? F.add(old[1], c) : c]);
    }
  }
  return a.ring.fromTerms([...acc.values()]);
}

describe('polynomial ring axioms', () => {
  test('associativity, commutativity, distributivity, inverses, one', () => {
    fc.assert(
      fc.property(arbRingWithPolys(3), ({ R, ps: [f, g, h] }) => {
        const results: P[] = [];
        const eq = (a: P, b: P): void => {
          results.push(a, b);
          expectPolyEqual(a, b);
        };
        eq(f.add(g).add(h), f.add(g.add(h)));
        eq(f.mul(g).mul(h), f.mul(g.mul(h)));
        eq(f.add(g), g.add(f));
        eq(f.mul(g), g.mul(f));
        eq(f.mul(g.add(h)), f.mul(g).add(f.mul(h)));
        eq(f.add(f.neg()), R.zero());
        eq(f.sub(g), f.add(g.neg()));
        eq(f.mul(R.one()), f);
        eq(f.add(R.zero()), f);
        eq(f.mul(R.zero()), R.zero());
        for (const p of results) expectWellFormed(p);
      }),
      { numRuns: 150 },
    );
  });

  test('mul agrees with the naive product (packed keys and, for high degrees, string keys)', () => {
    fc.assert(
      fc.property(
        fc.oneof(arbRingWithPolys(2, {}, { maxTerms: 6 }), arbRingWithPolys(2, { minVars: 4 }, { maxTerms: 4, maxExp: 9000 })),
        ({ ps: [f, g] }) => {
          const fg = f.mul(g);
          expectWellFormed(fg);
          expectPolyEqual(fg, naiveMul(f, g));
        },
      ),
      { numRuns: 150 },
    );
  });

  test('pow agrees with repeated multiplication', () => {
    fc.assert(
      fc.property(arbRingWithPolys(1, { maxVars: 3 }, { maxTerms: 3, maxExp: 2 }), fc.integer({ min: 0, max: 6 }), ({ R, ps: [f] }, k) => {
        let expected = R.one();
        for (let i = 0; i < k; i++) expected = naiveMul(expected, f);
        const p = f.pow(k);
        expectWellFormed(p);
        expectPolyEqual(p, expected);
      }),
      { numRuns: 80 },
    );
  });

  test('scale, mulTerm, monic and neg', () => {
    fc.assert(
      fc.property(
        arbRing().chain((R) => fc.tuple(fc.constant(R), arbPoly(R), arbCoefficient(R.field), arbExponents(R.nvars, 3))),
        ([R, f, c, e]) => {
          const F = R.field;
          const t = R.fromTerms([[e, c]]);
          const s = f.scale(c);
          const mt = f.mulTerm(t.isZero() ? R.one().lm() : t.lm(), c);
          for (const p of [s, mt, f.neg(), f.monic()]) expectWellFormed(p);
          expectPolyEqual(s, f.mul(R.constant(c)));
          if (!t.isZero()) expectPolyEqual(mt, f.mul(t));
          else expect(mt.isZero()).toBe(true);
          if (!f.isZero()) {
            expect(F.isOne(f.monic().lc())).toBe(true);
            expectPolyEqual(f.monic().scale(f.lc()), f);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('fromTerms and accessors', () => {
  test('fromTerms combines repeated monomials and agrees with a dictionary; accessors agree with the terms', () => {
    fc.assert(
      fc.property(
        arbRing().chain((R) =>
          fc.tuple(fc.constant(R), fc.array(fc.tuple(arbExponents(R.nvars, 2), arbCoefficient(R.field)), { maxLength: 8 })),
        ),
        ([R, terms]) => {
          const F = R.field;
          const f = R.fromTerms(terms as [number[], unknown][]);
          expectWellFormed(f);
          const dict = new Map<string, unknown>();
          for (const [e, c] of terms) dict.set(e.join(), F.add(dict.get(e.join()) ?? F.zero, c));
          const nonzero = [...dict].filter(([, c]) => !F.isZero(c));
          expect(f.length).toBe(nonzero.length);
          for (let i = 0; i < f.length; i++) expect(F.eq(f.coefficients[i], dict.get(f.monomials[i].slice(1).join()))).toBe(true);
          for (const m of f.monomials) expect(F.eq(f.coefficient(m), dict.get(m.slice(1).join()))).toBe(true);
          if (f.isZero()) {
            expect(f.totalDegree()).toBe(-1);
            expect(() => f.lm()).toThrow(RangeError);
            expect(F.isZero(f.lc())).toBe(true);
            return;
          }
          // lm is the maximum under the order, lc its coefficient
          for (const m of f.monomials) expect(R.cmp(f.lm(), m)).toBeGreaterThanOrEqual(0);
          expect(F.eq(f.lc(), dict.get(f.lm().slice(1).join()))).toBe(true);
          expect(f.totalDegree()).toBe(Math.max(...nonzero.map(([k]) => k.split(',').reduce((s, x) => s + Number(x), 0))));
          for (let v = 0; v < R.nvars; v++) expect(f.degree(v)).toBe(Math.max(...nonzero.map(([k]) => Number(k.split(',')[v]))));
          const constant = dict.get(new Array(R.nvars).fill(0).join());
          expect(F.eq(f.constantCoefficient(), constant ?? F.zero)).toBe(true);
          expect(f.support()).toEqual(R.vars.map((_, v) => v).filter((v) => nonzero.some(([k]) => Number(k.split(',')[v]) > 0)));
          expect(f.isConstant()).toBe(f.totalDegree() === 0);
          expect(new Set(f.monomials.map(monomialKey)).size).toBe(f.length);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('ring construction', () => {
  test('variables and constants', () => {
    fc.assert(
      fc.property(arbRing(), (R: PolynomialRing<unknown>) => {
        const gens = R.gens();
        expect(gens.map((g) => g.toString())).toEqual([...R.vars]);
        for (let i = 0; i < R.nvars; i++) {
          expectPolyEqual(R.variable(R.vars[i]), gens[i]);
          expect(R.varIndex(R.vars[i])).toBe(i);
        }
        expect(R.one().isOne()).toBe(true);
        expect(R.zero().isZero()).toBe(true);
        expect(R.fromInt(0).isZero()).toBe(true);
        expect(R.constant(R.field.zero).isZero()).toBe(true);
        expect(() => R.varIndex('nope')).toThrow();
        expect(() => R.variable(R.nvars)).toThrow(RangeError);
      }),
      { numRuns: 30 },
    );
  });
});
