// The public surface (issue 17, item 3): internals are not exported, errors thrown on purpose are
// PolycritErrors, and statistics have one name each across the API.
import * as api from '../src/index';
import { Zp } from '../src/arithmetic/field';
import { InputError, PolycritError } from '../src/errors';
import { NotZeroDimensionalError, fglmEngine } from '../src/groebner/engines';
import { f4, f4Learn } from '../src/groebner/f4';
import { computeGroebner, groebner } from '../src/groebner/groebner';
import { modularGroebner } from '../src/groebner/modular';
import { lex } from '../src/monomials/order';
import { parsePolynomials } from '../src/io/parse';
import { katsura } from '../src/systems';
import { solve } from '../src/solve/solve';
import { hessian } from '../src/poly/derivative';

describe('the public surface', () => {
  test('internals are not exported from the package', () => {
    for (const name of ['exactRealPoints', 'BASIS_DEGREE_LIMIT', 'MAX_EXPANSION_TERMS', 'describeComponents', 'Fixed']) expect(name in api).toBe(false);
    for (const name of ['solve', 'criticalPoints', 'analyzeCriticalSet', 'parametrizationOf', 'thetaInterval', 'listComplexPoints', 'componentIdeal', 'compareRealAlgebraic']) expect(typeof (api as Record<string, unknown>)[name]).toBe('function');
  });

  test('the numeric autodiff stack is the autodiff namespace: none of its exports sits beside the algebra', () => {
    const numeric = api.autodiff as unknown as Record<string, unknown>;
    const top = api as unknown as Record<string, unknown>;
    expect(typeof numeric.Tensor).toBe('function');
    for (const name of Object.keys(numeric)) if (name in top) expect([name, top[name] === numeric[name]]).toEqual([name, false]);
    // The two names both stacks use: at the top level they are the algebra's.
    expect(Object.keys(numeric).filter((name) => name in top).sort()).toEqual(['hessian', 'solve']);
    expect(top.solve).toBe(solve);
    expect(top.hessian).toBe(hessian);
  });

  test('NotZeroDimensionalError is a PolycritError (an InputError of the FGLM route)', () => {
    const { polynomials } = parsePolynomials('x*y - 1, x^2*y - x');
    let thrown: unknown;
    try {
      modularGroebner(polynomials, fglmEngine(lex));
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(NotZeroDimensionalError);
    expect(thrown).toBeInstanceOf(InputError);
    expect(thrown).toBeInstanceOf(PolycritError);
    expect((thrown as Error).message).toMatch(/zero-dimensional/);
    // groebner() falls back by itself.
    expect(groebner(polynomials, { order: lex })).toHaveLength(1);
  });

  test('F4 modulo a prime p ≥ 2^26 is an InputError naming the limit; groebner() takes Buchberger there', () => {
    const F = Zp(67108879); // the first prime above 2^26
    const { polynomials } = katsura(3, F);
    for (const run of [() => f4(polynomials), () => f4Learn(polynomials)]) {
      expect(run).toThrow(InputError);
      expect(run).toThrow(/f4(Learn)? needs a prime p < 2\^26 .*got p = 67108879/);
    }
    expect(computeGroebner(polynomials).stats.method).toBe('buchberger');
  });

  test('statistics have one name each: primesUsed, maxMatrixRows and maxMatrixCols as in ModularStats and F4Stats', () => {
    const overQ = computeGroebner(katsura(3).polynomials).stats;
    expect(overQ.primesUsed).toBeGreaterThan(0);
    expect('primes' in overQ).toBe(false);
    const polys = katsura(4, Zp(32003)).polynomials;
    const modP = computeGroebner(polys).stats;
    const direct = f4(polys).stats;
    expect([modP.maxMatrixRows, modP.maxMatrixCols]).toEqual([direct.maxMatrixRows, direct.maxMatrixCols]);
    expect('maxMatrix' in modP).toBe(false);
  });
});
