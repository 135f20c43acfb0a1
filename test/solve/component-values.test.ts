// A polynomial on a finite component, from the parametrization only. Oracles: the minimal
// polynomial of the values equals the generator of (P + ⟨T − f⟩) ∩ Q[T] computed by elimination
// from the component's prime P; every input polynomial vanishes on every component exactly and a
// polynomial outside the prime does not; every input polynomial's enclosure on a real point's box
// contains 0, and the box contains the point's certified decimals.
import fc from 'fast-check';
import { QQ } from '../../src/arithmetic/field';
import { Rational, parseRational, rational, rcmp } from '../../src/arithmetic/rational';
import { fixedToRationals } from '../../src/arithmetic/fixed-interval';
import { eliminate } from '../../src/groebner/eliminate';
import { parsePolynomials } from '../../src/io/parse';
import { changeRing } from '../../src/poly/change';
import { evaluateOnBox } from '../../src/poly/evaluate';
import { Polynomial, PolynomialRing } from '../../src/poly/polynomial';
import { toUnivariate, uprimitive } from '../../src/poly/univariate';
import { realPointBox, valueMinimalPolynomial, valuesOnComponent, vanishesOnComponent } from '../../src/solve/component-values';
import { solve } from '../../src/solve/solve';
import { RationalPoint, RealPoint, ZeroDimensionalComponent, parametrizationOf, thetaInterval } from '../../src/solve/zero-dimensional';
import { eco, katsura } from '../../src/systems';
import { polynomialsFromData } from '../../src/poly/data';

const systems: [string, Polynomial<Rational>[]][] = [
  ['katsura-3', katsura(3).polynomials],
  ['eco-5', eco(5).polynomials],
  ['three quadrics', parsePolynomials('x^2 + y^2 + z^2 - 3, x*y - z + 1/2, x + y^2 - 2*z^2').polynomials],
  ['a planted system', parsePolynomials('x^3 - 2*x + 5 - y, (y^2 - 3)*(y^3 - y - 1)*(y - 4)').polynomials],
];

/** With katsura-5, whose degree-30 component keeps q′ as the denominator. */
const withLarge: [string, Polynomial<Rational>[]][] = [...systems, ['katsura-5', katsura(5).polynomials]];

const pointComponents = (polys: Polynomial<Rational>[], bases = false): ZeroDimensionalComponent[] =>
  solve(polys, { digits: 12, bases }).components.filter((c): c is ZeroDimensionalComponent => c.kind === 'points');

/** The generator of (P + ⟨T − f⟩) ∩ Q[T], primitive with positive leading coefficient. */
function eliminant(P: Polynomial<Rational>[], f: Polynomial<Rational>): bigint[] {
  const C = P[0].ring;
  const S = new PolynomialRing(QQ, [...C.vars, 'T_']);
  const E = eliminate([...P.map((g) => changeRing(g, S)), S.variable('T_').sub(changeRing(f, S))], C.vars);
  const [, prim] = uprimitive(toUnivariate(E[0], 'T_'));
  return prim[prim.length - 1] < 0n ? prim.map((c) => -c) : prim;
}

describe('values of a polynomial on a finite component', () => {
  test.each(systems)('%s: the minimal polynomial of the values equals the eliminant from the prime', (_name, polys) => {
    const comps = pointComponents(polys, true).filter((c) => c.basis && c.basisIsGroebner);
    expect(comps.length).toBeGreaterThan(0);
    const R = polys[0].ring;
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: -3, max: 3 }), fc.array(fc.integer({ min: 0, max: 2 }), { minLength: R.nvars, maxLength: R.nvars })), { minLength: 1, maxLength: 4 }), (terms) => {
        const f = R.fromTerms(terms.map(([c, e]) => [[...e], rational(c)] as const));
        if (f.isZero()) return;
        for (const c of comps) {
          const basis = polynomialsFromData(c.basis ?? []);
          expect(valueMinimalPolynomial(f, parametrizationOf(c))).toEqual(eliminant(basis, changeRing(f, basis[0].ring)));
        }
      }),
      { numRuns: 6 },
    );
  });

  test.each(withLarge)('%s: every input vanishes on every component, exactly; a coordinate shifted off the points does not', (_name, polys) => {
    for (const c of pointComponents(polys)) {
      const data = parametrizationOf(c);
      for (const f of polys) expect(vanishesOnComponent(f, data)).toBe(true);
      const x = polys[0].ring.variable(0);
      const shifted = x.sub(polys[0].ring.constant(rational(1234567, 7)));
      expect(vanishesOnComponent(shifted, data)).toBe(false);
    }
  });

  test.each(withLarge)('%s: at real points, boxes contain the certified decimals and every input encloses 0; values locate their root', (_name, polys) => {
    for (const c of pointComponents(polys)) {
      const data = parametrizationOf(c);
      const real = c.points.filter((p): p is RationalPoint | RealPoint => p.kind !== 'complex');
      for (const p of real) {
        const theta = thetaInterval(p, data);
        for (const s of [40, 120]) {
          const { box } = realPointBox(data, theta, s);
          data.ring.vars.forEach((v, i) => {
            const { lo, hi } = fixedToRationals(box[i], s);
            // The decimal rounds the true coordinate, so the box must come within half a unit of it.
            const d = parseRational(p.kind === 'rational' ? p.rational[v] : p.approx[v]);
            const slack = rational(1n, 10n ** 10n);
            expect(rcmp(lo, QQ.add(d, slack)) <= 0 && rcmp(QQ.sub(d, slack), hi) <= 0).toBe(true);
          });
          for (const f of polys) {
            const v = fixedToRationals(evaluateOnBox(changeRing(f, data.ring), box, s), s);
            expect(rcmp(v.lo, QQ.zero) <= 0 && rcmp(QQ.zero, v.hi) <= 0).toBe(true);
          }
        }
      }
      // The value of the first variable at each real point is one root of its minimal polynomial.
      expect(c.degree <= 16 || data.denominator !== undefined).toBe(true);
      const x = data.ring.variable(0);
      const values = valuesOnComponent(x, data, real.map((p) => thetaInterval(p, data)), 40);
      if (values.kind === 'algebraic') {
        expect(values.atRealPoints).toHaveLength(real.length);
        real.forEach((p, j) => {
          const r = values.realRoots[values.atRealPoints[j]];
          const d = parseRational(p.approx[data.ring.vars[0]]);
          const slack = rational(1n, 10n ** 10n);
          expect(rcmp(r.lo, QQ.add(d, slack)) <= 0 && rcmp(QQ.sub(d, slack), r.hi) <= 0).toBe(true);
        });
      }
    }
  });
});
