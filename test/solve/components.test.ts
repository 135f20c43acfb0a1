/**
 * The description of a positive-dimensional component: its sample points, and the test that
 * passes over a fibre proved to have no real point (`withoutRealPoints`).
 */
import fc from 'fast-check';
import { groebner } from '../../src/groebner/groebner';
import { parsePolynomials } from '../../src/io/parse';
import { Polynomial } from '../../src/poly/polynomial';
import { Rational } from '../../src/arithmetic/rational';
import { describeComponent, withoutRealPoints } from '../../src/solve/components';

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
    expect(c.realPoints).toBe('none-found');
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
