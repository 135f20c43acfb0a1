// Derivatives: ∂xᵢ xⱼ = δᵢⱼ, linearity and the product rule (which together determine ∂),
// symmetric mixed partials and Hessians, Euler's identity for homogeneous polynomials, and the
// polynomial that agrees with f on its critical set without f's top-degree part.
import fc from 'fast-check';
import { gradient, hessian, jacobian, nthDerivative, partialDerivative, valueOnCriticalSet } from '../../src/poly/derivative';
import { QQ } from '../../src/arithmetic/field';
import { Polynomial, PolynomialRing } from '../../src/poly/polynomial';
import { arbCoefficient, arbExponents, arbPoly, arbRing, arbRingWithPolys, expectPolyEqual, expectWellFormed } from '../arbitraries';

describe('partial derivatives', () => {
  test('∂xᵢ xⱼ = δᵢⱼ and ∂ of a constant is 0', () => {
    fc.assert(
      fc.property(arbRing(), (R) => {
        for (let i = 0; i < R.nvars; i++) {
          for (let j = 0; j < R.nvars; j++) expectPolyEqual(partialDerivative(R.variable(j), i), i === j ? R.one() : R.zero());
          expect(partialDerivative(R.fromInt(5), R.vars[i]).isZero()).toBe(true);
        }
        expect(() => partialDerivative(R.one(), R.nvars)).toThrow(RangeError);
      }),
      { numRuns: 30 },
    );
  });

  test('linearity and the product rule ∂(fg) = f∂g + g∂f, in every variable', () => {
    fc.assert(
      fc.property(
        arbRingWithPolys(2, {}, { maxTerms: 4, maxExp: 4 }).chain(({ R, ps }) => fc.tuple(fc.constant(ps), arbCoefficient(R.field), fc.integer({ min: 0, max: R.nvars - 1 }))),
        ([[f, g], c, i]) => {
          const d = (p: Polynomial<unknown>): Polynomial<unknown> => {
            const q = partialDerivative(p, i);
            expectWellFormed(q);
            return q;
          };
          expectPolyEqual(d(f.add(g.scale(c))), d(f).add(d(g).scale(c)));
          expectPolyEqual(d(f.mul(g)), f.mul(d(g)).add(g.mul(d(f))));
          // the derivative lowers the degree in xᵢ by one (in characteristic 0)
          if (f.field.characteristic === 0n && f.degree(i) > 0) expect(d(f).degree(i)).toBe(f.degree(i) - 1);
        },
      ),
      { numRuns: 150 },
    );
  });

  test('∂ of a monomial by the formula c·e·x^(e − εᵢ), with p | e killing the term in Z/p', () => {
    fc.assert(
      fc.property(
        arbRing().chain((R) => fc.tuple(fc.constant(R), arbExponents(R.nvars, 9), arbCoefficient(R.field), fc.integer({ min: 0, max: R.nvars - 1 }))),
        ([R, e, c, i]) => {
          const F = R.field;
          const d = partialDerivative(R.fromTerms([[e, c]]), i);
          const e2 = e.slice();
          e2[i] -= 1;
          const expected = e[i] === 0 ? R.zero() : R.fromTerms([[e2, F.mul(c, F.fromInt(e[i]))]]);
          expectPolyEqual(d, expected);
        },
      ),
      { numRuns: 150 },
    );
  });

  test('mixed partials commute; hessian is symmetric and equals ∂i∂j in both orders', () => {
    fc.assert(
      fc.property(arbRingWithPolys(1, {}, { maxTerms: 5, maxExp: 4 }), ({ R, ps: [f] }) => {
        const H = hessian(f);
        const grad = gradient(f);
        expect(grad.length).toBe(R.nvars);
        expect(H.length).toBe(R.nvars);
        for (let i = 0; i < R.nvars; i++) {
          expectPolyEqual(grad[i], partialDerivative(f, i));
          for (let j = 0; j < R.nvars; j++) {
            const ij = partialDerivative(partialDerivative(f, i), j);
            const ji = partialDerivative(partialDerivative(f, j), i);
            expectPolyEqual(ij, ji);
            expectPolyEqual(H[i][j], ij);
            expectPolyEqual(H[i][j], H[j][i]);
          }
          expectPolyEqual(nthDerivative(f, i, 2), partialDerivative(partialDerivative(f, i), i));
        }
        // a subset of variables, by name
        const sub = R.vars.slice(0, 1);
        expectPolyEqual(hessian(f, sub)[0][0], H[0][0]);
        expect(jacobian([f, f], sub)).toHaveLength(2);
        expectPolyEqual(jacobian([f], sub)[0][0], grad[0]);
      }),
      { numRuns: 100 },
    );
  });

  test('Euler: Σ xᵢ∂ᵢf = deg·f for homogeneous f', () => {
    fc.assert(
      fc.property(
        arbRing().chain((R) =>
          fc.tuple(fc.constant(R), fc.integer({ min: 0, max: 5 }), fc.array(fc.tuple(fc.array(fc.nat(), { minLength: R.nvars, maxLength: R.nvars }), arbCoefficient(R.field)), { maxLength: 5 })),
        ),
        ([R, deg, raw]) => {
          // spread the degree over the variables: a random composition of deg
          const terms = raw.map(([w, c]): [number[], unknown] => {
            const e = new Array<number>(R.nvars).fill(0);
            for (let k = 0; k < deg; k++) e[w[k % w.length] % R.nvars]++;
            // rotate the choice so different terms differ
            return [e.map((_, i) => e[(i + (w[0] ?? 0)) % R.nvars]), c];
          });
          const f = R.fromTerms(terms);
          let euler = R.zero();
          for (let i = 0; i < R.nvars; i++) euler = euler.add(R.variable(i).mul(partialDerivative(f, i)));
          expectPolyEqual(euler, f.scale(R.field.fromInt(deg)));
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('valueOnCriticalSet', () => {
  test('f − v = (1/d)·Σ xᵢ∂ᵢf (so v = f where ∇f = 0), v has no term of degree d; x⁴ − 2x² gives −x²', () => {
    fc.assert(
      fc.property(arbRingWithPolys(1, {}, { maxTerms: 6, maxExp: 4 }), ({ R, ps: [f] }) => {
        const v = valueOnCriticalSet(f);
        expectWellFormed(v);
        const d = f.totalDegree();
        const F = R.field;
        if (d <= 0 || F.isZero(F.fromInt(d))) {
          expectPolyEqual(v, f);
          return;
        }
        let euler = R.zero();
        for (let i = 0; i < R.nvars; i++) euler = euler.add(R.variable(i).mul(partialDerivative(f, i)));
        expectPolyEqual(f.sub(v).scale(F.fromInt(d)), euler);
        expect(v.monomials.every((m) => m[0] < d)).toBe(true);
      }),
      { numRuns: 150 },
    );
    const R = new PolynomialRing(QQ, ['x', 'y']);
    const x = R.variable(0);
    expectPolyEqual(valueOnCriticalSet(x.pow(4).sub(x.pow(2).scale(QQ.fromInt(2)))), x.pow(2).scale(QQ.fromInt(-1)));
    expect(valueOnCriticalSet(x.mul(R.variable(1))).isZero()).toBe(true); // homogeneous: its critical value is 0
  });
});
