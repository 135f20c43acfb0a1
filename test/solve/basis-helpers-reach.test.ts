// The Gröbner driver's helper threads (`basisWorkers`) reach the bases over Q that the solver and
// the decomposition compute: `criticalPoints` hands them to `solve`, `solve` to the decomposition,
// the decomposition to its pieces' bases. (That a helper's images leave the basis unchanged is
// test/groebner/basis-helpers.test.ts's.)
import * as groebnerModule from '../../src/groebner/groebner';
import * as decomposeModule from '../../src/solve/decompose';
import * as solveModule from '../../src/solve/solve';
import type { BasisWorkers } from '../../src/groebner/basis-workers';
import { parsePolynomials } from '../../src/io/parse';
import { minimalPrimes } from '../../src/solve/decompose';
import { solve } from '../../src/solve/solve';
import { criticalPoints } from '../../src/networks/critical';
import { networkLoss } from '../../src/networks/loss';

/** Helpers that never start (the driver then computes every image itself), counting the asks. */
function idleHelpers(): BasisWorkers & { asked: number } {
  const workers = { asked: 0, start: () => void workers.asked++ };
  return workers as BasisWorkers & { asked: number };
}

afterEach(() => jest.restoreAllMocks());

describe('basisWorkers reach the bases over Q', () => {
  test("the decomposition's pieces compute their bases with them, and the primes are the same", () => {
    const polys = parsePolynomials('x*y*z - x, y^2*z - y, x*z^2 - x*z', { vars: ['x', 'y', 'z'] }).polynomials;
    const spy = jest.spyOn(groebnerModule, 'groebner');
    const workers = idleHelpers();
    const withHelpers = minimalPrimes(polys, { basisWorkers: workers });
    const calls = spy.mock.calls.filter(([, options]) => options?.basisWorkers === workers);
    expect(calls.length).toBeGreaterThan(0);
    spy.mockRestore();
    const without = minimalPrimes(polys);
    expect(withHelpers.map((P) => P.basis.map(String))).toEqual(without.map((P) => P.basis.map(String)));
  });

  test('solve hands them to the decomposition of a positive-dimensional set', () => {
    const polys = parsePolynomials('x*y - x, y^2 - y', { vars: ['x', 'y'] }).polynomials;
    const spy = jest.spyOn(decomposeModule, 'minimalPrimes');
    const workers = idleHelpers();
    const r = solve(polys, { basisWorkers: workers });
    expect(r.dimension).toBe(1);
    expect(spy.mock.calls.some(([, options]) => options?.basisWorkers === workers)).toBe(true);
  });

  test('criticalPoints hands them to solve', () => {
    const spy = jest.spyOn(solveModule, 'solve');
    const workers = idleHelpers();
    const net = networkLoss({ inputs: ['x'], layers: [{ width: 1 }, { width: 1 }], data: [[1, 1]], loss: 'sum' });
    criticalPoints(net, { basisWorkers: workers });
    expect(spy.mock.calls.some(([, options]) => options?.basisWorkers === workers)).toBe(true);
  });
});
