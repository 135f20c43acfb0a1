// The solver's multi-modular loops with an injected prime stream (`primeSource`): whatever the
// primes — an unlucky one first, only small ones — the answer is the one of the default primes,
// and an unlucky first prime costs no candidate separating form.
import { primesBelow } from '../../src/arithmetic/primes';
import { InputError } from '../../src/errors';
import { parsePolynomials } from '../../src/io/parse';
import { SolveResult, solve } from '../../src/solve/solve';
import { namedSystem } from '../../src/systems';
import { criticalPoints, networkLoss, preset } from '../../src';

/** What must not depend on the primes: dimension, components, their degrees, real points, χ and bases. */
const summary = (r: SolveResult) => ({
  complete: r.complete,
  dimension: r.dimension,
  components: r.components.map((c) => [c.dimension, 'degree' in c ? c.degree : undefined, 'realPoints' in c ? c.realPoints : undefined, 'minimalPolynomial' in c ? String(c.minimalPolynomial) : '', 'basis' in c ? (c.basis ?? []).map(String) : []]),
});

/** `first` before the default primes below each bound, and how often each bound was asked for. */
function firstThen(first: readonly number[]): { source: (bound: number) => Iterable<number>; calls: Map<number, number> } {
  const calls = new Map<number, number>();
  const source = (bound: number) => {
    calls.set(bound, (calls.get(bound) ?? 0) + 1);
    return (function* () {
      const given = first.filter((p) => p < bound);
      yield* given;
      for (const p of primesBelow(bound)) if (!given.includes(p)) yield p;
    })();
  };
  return { source, calls };
}

describe('the solver on an injected prime stream', () => {
  // Six points (x, x² − 3x, x³ − 3x² + 1) over the roots of (x³ − x − 1)² + P·(x + 5), irreducible
  // over Q; modulo P the polynomial is (x³ − x − 1)², so the points meet in pairs and every linear
  // form's χ has repeated roots at P.
  const P = 1000003;
  const polys = parsePolynomials(`(x^3 - x - 1)^2 + ${P}*(x + 5), y - x^2 + 3*x, z - x*y - 1`).polynomials;
  const expected = summary(solve(polys));

  test('a first prime at which two solutions meet: the same answer, and the first candidate form is kept', () => {
    expect(expected.components.map((c) => c[1])).toEqual([6]);
    const { source, calls } = firstThen([P]);
    expect(summary(solve(polys, { primeSource: source }))).toEqual(expected);
    // One stream below 2^21 for the parametrization: the unlucky prime made it look at a second
    // prime, not give the form up (then every candidate, starting at P again, would fail too).
    expect(calls.get(2 ** 21)).toBe(1);
  });

  test('only primes below 2^12: the same answers (many more primes and check primes)', () => {
    const small = (bound: number) => primesBelow(Math.min(bound, 2 ** 12));
    for (const name of ['katsura:4', 'cyclic:4', 'eco:6']) {
      const system = namedSystem(name).polynomials;
      expect(summary(solve(system, { primeSource: small }))).toEqual(summary(solve(system)));
    }
    expect(summary(solve(polys, { primeSource: small }))).toEqual(expected);
  });

  test('critical points of networks (orbit spaces, component values, decomposition) on primes below 2^12: the same', () => {
    const small = (bound: number) => primesBelow(Math.min(bound, 2 ** 12));
    const analysis = (r: ReturnType<typeof criticalPoints>) => JSON.stringify({ values: r.criticalValues, components: r.components.map((c) => [c.dimension, c.criticalValue, c.type, c.degree]) });
    for (const name of ['deep-linear:1,2,2,1', 'xor-blog']) {
      const loss = networkLoss(preset(name));
      expect(analysis(criticalPoints(loss, { primeSource: small }))).toEqual(analysis(criticalPoints(loss)));
    }
  });

  test('a source giving something else than a prime below the bound is an input error', () => {
    expect(() => solve(polys, { primeSource: () => [1000001] })).toThrow(/not a prime below/); // 101 · 9901
    expect(() => solve(polys, { primeSource: () => [2 ** 31 - 1] })).toThrow(InputError);
    expect(() => solve(polys, { primeSource: 7 as never })).toThrow(/primeSource option must be a function/);
  });
});
