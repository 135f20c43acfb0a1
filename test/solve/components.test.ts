/**
 * The description of a positive-dimensional component: its sample points, and the test that
 * passes over a fibre proved to have no real point (`withoutRealPoints`).
 */
import fc from 'fast-check';
import { groebner } from '../../src/groebner/groebner';
import { parsePolynomials } from '../../src/io/parse';
import { Polynomial } from '../../src/poly/polynomial';
import { Rational } from '../../src/arithmetic/rational';
import { describeComponent, takesNoRealValue, vanishesNowhereOnReals, withoutRealPoints } from '../../src/solve/components';
import * as linearSubstitution from '../../src/groebner/linear-substitution';
import { solve } from '../../src/solve/solve';
import { formatSolveResult } from '../../src/cli/text/solve';

/** The reduced basis of the polynomials in `text`, over the variables `vars` in that order. */
function basis(text: string, vars: string[]): Polynomial<Rational>[] {
  return groebner(parsePolynomials(text, { vars }).polynomials);
}

describe('withoutRealPoints', () => {
  test('a variable whose minimal polynomial has no real root proves it; one with real roots says nothing', () => {
    const F = basis('x^2 + 1, y - 1', ['x', 'y']);
    expect(withoutRealPoints(F, [0])).toBe(true);
    expect(withoutRealPoints(F, [1])).toBe(false); // y = 1 is real at non-real points
    expect(withoutRealPoints(F, [1, 0])).toBe(true);
    expect(withoutRealPoints(basis('x^2 - 2, y - x', ['x', 'y']), [1, 0])).toBe(false);
    expect(withoutRealPoints(basis('x^2 + y^2 + 1, x - y', ['x', 'y']), [0, 1])).toBe(true);
    expect(withoutRealPoints(basis('x^2 - 1, y^2 - 4', ['x', 'y']), [0, 1])).toBe(false);
    // No real point, but y = ±√2 is real at each: y alone proves nothing.
    expect(withoutRealPoints(basis('x^2 + 1, y^2 - 2', ['x', 'y']), [1])).toBe(false);
  });

  test('planted fibres x = a, y² = c: proved without real points exactly when c < 0', () => {
    fc.assert(
      fc.property(fc.integer({ min: -5, max: 5 }), fc.integer({ min: -6, max: 6 }).filter((c) => c !== 0), (a, c) => {
        const F = basis(`x - (${a}), y^2 - (${c})`, ['x', 'y']);
        expect(withoutRealPoints(F, [1])).toBe(c < 0);
        expect(withoutRealPoints(F, [0])).toBe(false);
      }),
      { seed: 41, numRuns: 30 },
    );
  });
});

describe('describeComponent parametrization', () => {
  test('a component of degree 1 over its free variables is parametrized; the sphere, of degree 2 over any two, is not', () => {
    // The block basis is computed only when a fibre has at most one point (see describeComponent).
    for (const text of ['z - x*y', 'x*z - y - 1']) {
      const vars = ['x', 'y', 'z'];
      const c = describeComponent(basis(text, vars), vars);
      expect(c.parametrization).toBeDefined();
      // Every dependent variable is given, as a function of the free ones.
      expect(Object.keys(c.parametrization!).sort()).toEqual(vars.filter((v) => !c.freeVariables.includes(v)).sort());
    }
    expect(describeComponent(basis('x^2 + y^2 + z^2 - 1', ['x', 'y', 'z']), ['x', 'y', 'z']).parametrization).toBeUndefined();
  });
});

describe('describeComponent sample points', () => {
  test('a component with no real point gets none, and says so', () => {
    const c = describeComponent(basis('x^2 + y^2 + 1', ['x', 'y', 'z']), ['x', 'y', 'z']);
    expect(c.dimension).toBe(2);
    expect(c.samplePoints).toEqual([]);
    // x² + y² + 1 has no real zero: proved, with that equation as the proof.
    expect(c.realPoints).toBe('none');
    expect(c.noRealPoints).toEqual({ by: 'equation', equation: 'x^2 + y^2 + 1' });
  });

  test('a component whose first fibre has no real point: the later fibres with real points are still solved', () => {
    // Free variable y, trial values 1, 2, -1, 3, …: x² = y − 2 has no real point at y = 1, the
    // rational point (0, 2) at y = 2, none at y = −1, then real points at y = 3.
    const c = describeComponent(basis('x^2 - y + 2', ['x', 'y']), ['x', 'y']);
    expect(c.freeVariables).toEqual(['y']);
    expect(c.realPoints).toBe('found');
    expect(c.samplePoints[0]).toMatchObject({ kind: 'rational', rational: { x: '0', y: '2' } });
    expect(c.samplePoints).toHaveLength(2);
    const second = c.samplePoints[1];
    expect(second.real).toBe(true);
    // x² = y − 2 at the second point, to the digits given.
    const x = Number(second.approx.x);
    const y = Number(second.approx.y);
    expect(y).toBe(3);
    expect(Math.abs(x * x - y + 2)).toBeLessThan(1e-9);
  });
});

describe('describeComponent with functions constant on the component', () => {
  const vars = ['x', 'y', 'z'];
  const poly = (text: string): Polynomial<Rational> => parsePolynomials(text, { vars }).polynomials[0];

  test('takesNoRealValue: the minimal polynomial of f on a fibre without a real root proves it; with one it says nothing', () => {
    expect(takesNoRealValue(poly('z'), basis('z^2 + 1, x - 1, y - 2', vars))).toBe(true);
    expect(takesNoRealValue(poly('z'), basis('z^2 - 2, x - 1, y - 2', vars))).toBe(false);
    // x² + y² is real (−1) on a fibre without a real point: nothing proved.
    expect(takesNoRealValue(poly('x^2 + y^2'), basis('x^2 + y^2 + 1, x - 1, z', vars))).toBe(false);
    expect(takesNoRealValue(poly('z^2 + 3'), basis('z^2 + 1, x, y', vars))).toBe(false); // the value 2
  });

  // The fibres are the bases from groebnerWithLinearPart: counted with and without the hint.
  const describeCounting = (P: Polynomial<Rational>[], constants?: Polynomial<Rational>[]) => {
    const spy = jest.spyOn(linearSubstitution, 'groebnerWithLinearPart');
    try {
      const c = describeComponent(P, vars, constants ? { constantOnComponents: constants } : {});
      return { c, fibres: spy.mock.calls.length };
    } finally {
      spy.mockRestore();
    }
  };

  test('(z + 1)² = c (c not a square), z constant on it: the same description; for c < 0 the search for real points stops at the first fibre instead of the 20th', () => {
    fc.assert(
      fc.property(fc.constantFrom(-7, -3, -2, -1, 2, 3, 5, 7), (c) => {
        // (z + 1)² = c: no element of the basis proves it without real points (see vanishesNowhereOnReals).
        const P = basis(`z^2 + 2*z + 1 - (${c})`, vars);
        const plain = describeCounting(P);
        const told = describeCounting(P, [poly('z')]);
        // The same description, but for the proof that the component has no real point.
        const { realPoints: toldReal, noRealPoints, ...toldRest } = told.c;
        const { realPoints: plainReal, ...plainRest } = plain.c;
        expect(toldRest).toEqual(plainRest);
        if (c < 0) {
          expect(plain.c.samplePoints).toEqual([]);
          expect([plainReal, toldReal]).toEqual(['none-found', 'none']);
          // z takes the roots of (t + 1)² − c, its minimal polynomial on a fibre.
          expect(noRealPoints).toEqual({ by: 'value', constant: 'z', values: `t^2 + 2*t + ${1 - c}` });
          expect(told.fibres).toBe(plain.fibres - 19);
        } else {
          expect([plainReal, toldReal, noRealPoints]).toEqual(['found', 'found', undefined]);
          expect(plain.c.realPoints).toBe('found');
          expect(told.fibres).toBe(plain.fibres);
        }
      }),
      { seed: 43, numRuns: 8 },
    );
  });

  test('a constant function with real values changes nothing, even on a component without real points', () => {
    for (const text of ['x^2 + y^2 - 1', 'x^2 + y^2 + 1']) {
      const P = basis(text, vars);
      const plain = describeCounting(P);
      const told = describeCounting(P, [poly('x^2 + y^2'), poly('3')]);
      expect(told.c).toEqual(plain.c);
      expect(told.fibres).toBe(plain.fibres);
    }
  });
});

describe('an element without a real zero', () => {
  const vars = ['x', 'y', 'z'];
  const poly = (text: string): Polynomial<Rational> => parsePolynomials(text, { vars }).polynomials[0];

  test('vanishesNowhereOnReals: even monomials, one sign, a constant term', () => {
    for (const text of ['x^2 + y^2 + 1', '-x^4 - 3*y^2*z^2 - 1/2', '7', 'x^2*y^4 + z^6 + 2']) expect(vanishesNowhereOnReals(poly(text))).toBe(true);
    for (const text of ['x^2 + y^2', 'x^2 - y^2 + 1', 'x^2 + y + 1', 'x^3 + 1', '-x^2 + 1', 'x*y + 1']) expect(vanishesNowhereOnReals(poly(text))).toBe(false);
  });

  test('planted: sums of even monomials with coefficients of one sign and a constant of that sign have no real zero (sampled), and the other signs do', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 })), { minLength: 1, maxLength: 4 }), fc.integer({ min: -5, max: 5 }), (terms, c) => {
        const text = terms.map(([a, i, j]) => `${a}*x^${2 * i}*y^${2 * j}`).join(' + ') + ` + (${c})`;
        const g = poly(text);
        const claimed = vanishesNowhereOnReals(g);
        const constant = terms.reduce((s, [a, i, j]) => s + (i === 0 && j === 0 ? a : 0), c);
        expect(claimed).toBe(constant > 0 || (g.isConstant() && constant !== 0));
        if (claimed) {
          for (const [x, y] of [[0, 0], [1, -1], [0.5, 2], [-3, 0.25]]) {
            const v = g.monomials.reduce((s, m, k) => s + (Number(g.coefficients[k].num) / Number(g.coefficients[k].den)) * x ** m[1] * y ** m[2], 0);
            expect(v).toBeGreaterThan(0);
          }
        }
      }),
      { seed: 47, numRuns: 60 },
    );
  });

  test('a component with such an element gets no fibre at all, and the same description', () => {
    const P = basis('x^2 + y^2 + 3', vars);
    const spy = jest.spyOn(linearSubstitution, 'groebnerWithLinearPart');
    try {
      const c = describeComponent(P, vars);
      expect(c.samplePoints).toEqual([]);
      expect(c.realPoints).toBe('none');
      expect(c.noRealPoints).toEqual({ by: 'equation', equation: 'x^2 + y^2 + 3' });
      // Only the generic fibre of the degree over the free variables.
      expect(spy.mock.calls.length).toBe(1);
    } finally {
      spy.mockRestore();
    }
  });
});

describe('the proof in the answer', () => {
  test("solve's text says why a component has no real point, and says nothing of slices then", () => {
    const { polynomials } = parsePolynomials('x^2 + y^2 + 1', { vars: ['x', 'y', 'z'] });
    const result = solve(polynomials);
    const [c] = result.components;
    expect(c).toMatchObject({ kind: 'variety', realPoints: 'none', noRealPoints: { by: 'equation', equation: 'x^2 + y^2 + 1' } });
    const text = formatSolveResult(result);
    expect(text).toContain('(no real point: x^2 + y^2 + 1 has no real zero)');
    expect(text).not.toContain('slices tried');
  });
});
