// Multiplicities of the points of a zero-dimensional ideal read modulo a prime
// (multiplicities.ts, `modularMultiplicities`) on planted ideals ⟨f(x), (y − h(x))^e⟩ with
// f = Π (x − aᵢ)^mᵢ · (x² + c)^m: the component x = aᵢ has multiplicity mᵢ·e, the pair of
// conjugate points x² = −c has m·e. The form t = x separates the points.
import fc from 'fast-check';
import { QQ } from '../../src/arithmetic/field';
import { Rational, rational } from '../../src/arithmetic/rational';
import { groebner } from '../../src/groebner/groebner';
import { QuotientAlgebra } from '../../src/groebner/quotient';
import { Polynomial, PolynomialRing } from '../../src/poly/polynomial';
import { distinctValuesModP, modularMultiplicities } from '../../src/solve/multiplicities';
import { scatteredForm } from '../../src/solve/rur';

describe('multiplicities read modulo a prime', () => {
  test('are the planted ones, and the exponents account for the dimension', () => {
    const R = new PolynomialRing<Rational>(QQ, ['x', 'y']);
    const [x, y] = R.gens();
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: -4, max: 4 }), { minLength: 1, maxLength: 3 }),
        fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 3, maxLength: 3 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 2 }),
        fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 3, maxLength: 3 }),
        fc.integer({ min: 1, max: 2 }),
        (roots, ms, c, m, hs, e) => {
          let f: Polynomial<Rational> = R.one();
          roots.forEach((a, i) => (f = f.mul(x.sub(R.fromInt(a)).pow(ms[i]))));
          f = f.mul(x.pow(2).add(R.fromInt(c)).pow(m));
          const h = R.fromInt(hs[0]).add(x.scale(rational(BigInt(hs[1])))).add(x.pow(2).scale(rational(BigInt(hs[2]))));
          const G = groebner([f, y.sub(h).pow(e)]);
          const A = new QuotientAlgebra(G);
          const factors = [...roots.map((a) => [BigInt(-a), 1n]), [BigInt(c), 0n, 1n]];
          const got = modularMultiplicities(A, [1n, 0n], factors);
          expect(got).toEqual([...roots.map((_, i) => ms[i] * e), m * e]);
          expect(got!.reduce((s, k, i) => s + k * (factors[i].length - 1), 0)).toBe(A.dimension);
          // The form x takes one value per point: the points counted without multiplicity.
          expect(distinctValuesModP(A, [1n, 0n])).toBe(roots.length + 2);
        },
      ),
      { seed: 20261205, numRuns: 40 },
    );
  });

  test('the radicality tests’ form separates the 64 points of the sign-symmetric ideal ⟨xᵢ² − 1⟩ in six variables', () => {
    // A patterned form with 83 − 64 − 23 + 4 = 0 among its coefficients took 32 values here: the
    // points come in sign flips, as a network's critical points do.
    const R = new PolynomialRing<Rational>(QQ, ['a', 'b', 'c', 'd', 'e', 'f']);
    const A = new QuotientAlgebra(groebner(R.gens().map((x) => x.pow(2).sub(R.one()))));
    expect(A.dimension).toBe(64);
    expect(distinctValuesModP(A, scatteredForm(6))).toBe(64);
    expect(distinctValuesModP(A, [42n, 83n, 23n, 64n, 4n, 45n])).toBeLessThan(64);
  });
});
