// Variables a system gives as polynomials of the others (groebner/graph-variables.ts), and the
// solver's route through them (solve/solve.ts). Planted unions of primes in x1, x2, x3, with a
// variable b tied to them by b = v(x) and mixed into the other generators. Oracles: the
// elimination finds b, its substitution agrees with f modulo the graph equations; solve's
// components (which take the route) are exactly minimalPrimes' on the whole system (which does not),
// and its independent sets those of the system's own basis — or none, when not asked for.
import fc from 'fast-check';
import { QQ } from '../../src/arithmetic/field';
import { Rational } from '../../src/arithmetic/rational';
import { graphElimination } from '../../src/groebner/graph-variables';
import { groebner } from '../../src/groebner/groebner';
import { maximalIndependentSets } from '../../src/groebner/ideal';
import { normalForm } from '../../src/groebner/normal-form';
import { changeRing } from '../../src/poly/change';
import { polynomialDataToString, polynomialToData } from '../../src/poly/data';
import { Polynomial, PolynomialRing } from '../../src/poly/polynomial';
import { minimalPrimes } from '../../src/solve/decompose';
import { solve } from '../../src/solve/solve';
import { parsePolynomials } from '../../src/io/parse';

type QPoly = Polynomial<Rational>;
const R = new PolynomialRing(QQ, ['b', 'x1', 'x2', 'x3']);
const [b, x1, x2, x3] = R.gens();
const c = (n: number) => R.fromInt(n);

/** Primes in x1, x2, x3 of simple shapes, shifted by k. */
const SHAPES: Record<string, (k: number) => QPoly[]> = {
  hyperplane: (k) => [x1.sub(c(k))],
  line: (k) => [x1.sub(c(k)), x2.sub(c(1))],
  point: (k) => [x1.sub(c(k)), x2.sub(c(1 - k)), x3.sub(c(2))],
  sumOfSquares: (k) => [x1.pow(2).add(x2.pow(2)), x3.sub(c(k))],
  hyperbola: (k) => [x1.mul(x2).sub(c(1)), x3.sub(c(k))],
  quadric: (k) => [x1.pow(2).add(x2.pow(2)).sub(x3.pow(2)).sub(c(k * k + 1))],
};

const arb = fc.record({
  shapes: fc.uniqueArray(fc.constantFrom(...Object.keys(SHAPES)), { minLength: 1, maxLength: 3 }),
  k: fc.integer({ min: -2, max: 2 }),
  // v = a0 + a1·x1 + a2·x2·x3 + a3·x1²: the value of b on the solutions
  a: fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 4, maxLength: 4 }),
  // which x multiplies (b − v) in each other generator
  mix: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 6, maxLength: 6 }),
  scale: fc.integer({ min: 1, max: 5 }),
});

function system({ shapes, k, a, mix, scale }: { shapes: string[]; k: number; a: number[]; mix: number[]; scale: number }): QPoly[] {
  const f = shapes.map((name, i) => SHAPES[name](k + i)).reduce<QPoly[]>((acc, P) => acc.flatMap((g) => P.map((h) => g.mul(h))), [R.one()]);
  const v = c(a[0]).add(c(a[1]).mul(x1)).add(c(a[2]).mul(x2).mul(x3)).add(c(a[3]).mul(x1.pow(2)));
  const tie = b.sub(v);
  const xs = [x1, x2, x3];
  return [tie.mul(c(scale)), ...f.map((g, i) => g.add(tie.mul(xs[mix[i % mix.length]])))];
}

const text = (G: readonly QPoly[]): string => G.map((g) => polynomialDataToString(polynomialToData(g))).join(' ; ');

describe('graphElimination', () => {
  test('an example: x = y² + 1 substituted into x·y − 2', () => {
    const { polynomials, ring } = parsePolynomials('x - y^2 - 1, x*y - 2');
    const g = graphElimination(polynomials);
    expect(g).toBeDefined();
    expect(g!.ring.vars).toEqual(['y']);
    expect(g!.equations.map(String)).toEqual([polynomials[0].toString()]);
    expect(g!.reduced.map(String)).toEqual([parsePolynomials('y^3 + y - 2').polynomials[0].toString()]);
    expect(ring.vars).toEqual(['x', 'y']);
  });

  test('none when every variable occurs beyond a linear term', () => {
    expect(graphElimination(parsePolynomials('x^2 - y^2, x*y - 1').polynomials)).toBeUndefined();
    expect(graphElimination(parsePolynomials('x + x*y - 1, y^2 - 2').polynomials)).toBeUndefined();
  });

  test('b is eliminated, and f agrees with its substitution modulo the graph equations', () => {
    fc.assert(
      fc.property(arb, (params) => {
        const polys = system(params);
        const g = graphElimination(polys);
        expect(g).toBeDefined();
        expect(g!.ring.vars).not.toContain('b');
        const E = groebner(g!.equations);
        for (const f of [...polys, b.pow(2).mul(x1).add(x3)]) {
          expect(normalForm(f.sub(changeRing(g!.substitute(f), R)), E).isZero()).toBe(true);
        }
        for (const h of g!.reduced) expect(h.ring.vars).toEqual(g!.ring.vars);
      }),
      { seed: 20261204, numRuns: 40 },
    );
  });
});

describe('solve through the graph', () => {
  test('the components are minimalPrimes of the whole system, the independent sets its basis’s', () => {
    fc.assert(
      fc.property(arb, (params) => {
        const polys = system(params);
        const expected = minimalPrimes(polys).map((P) => text(P.basis)).sort();
        const result = solve(polys, { digits: 8, bases: true });
        expect(result.complete).toBe(true);
        const got = result.components.map((comp) => ('basis' in comp && comp.basis ? comp.basis.map(polynomialDataToString).join(' ; ') : 'no basis')).sort();
        expect(got).toEqual(expected);
        const G = groebner(polys);
        expect(result.independentSets).toEqual(maximalIndependentSets(G).map((s) => s.map((i) => R.vars[i])));
        const lighter = solve(polys, { digits: 8, bases: true, independentSets: false });
        expect(lighter.components.map((comp) => comp.dimension)).toEqual(result.components.map((comp) => comp.dimension));
        if (result.dimension > 0) expect(lighter.independentSets).toEqual([]);
      }),
      { seed: 20261204, numRuns: 25 },
    );
  });

  test('a variable of degree two or more in the others is probed without first, and a finite set still solved whole: the same points', () => {
    // The solver probes J before I when some value has degree ≥ 2 (solve.ts); a finite J sends it
    // back to the whole system. J = ⟨x1² + x2² − k, x1·x2 − m⟩ (no variable of J is eliminable),
    // b = a0 + x1² + a1·x1·x2 + a2·x3 and x3 = 1 + a3·x2.
    const finite = fc.record({ k: fc.integer({ min: 3, max: 9 }), m: fc.integer({ min: 1, max: 4 }), a: fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 4, maxLength: 4 }), mix: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 2, maxLength: 2 }) });
    fc.assert(
      fc.property(finite, ({ k, m, a, mix }) => {
        const tie = b.sub(c(a[0]).add(x1.pow(2)).add(c(a[1]).mul(x1).mul(x2)).add(c(a[2]).mul(x3)));
        const xs = [x1, x2, x3];
        const J = [x1.pow(2).add(x2.pow(2)).sub(c(k)), x1.mul(x2).sub(c(m))];
        const polys = [tie, x3.sub(c(1)).sub(c(a[3]).mul(x2)), ...J.map((g, i) => g.add(tie.mul(xs[mix[i]])))];
        expect(graphElimination(polys)?.equations.some((e) => e.totalDegree() > 1)).toBe(true);
        const expected = minimalPrimes(polys).map((P) => text(P.basis)).sort();
        const result = solve(polys, { digits: 8, bases: true });
        expect(result.complete).toBe(true);
        expect(result.dimension).toBe(0);
        const got = result.components.map((comp) => ('basis' in comp && comp.basis ? comp.basis.map(polynomialDataToString).join(' ; ') : 'no basis')).sort();
        expect(got).toEqual(expected);
      }),
      { seed: 20261205, numRuns: 10 },
    );
  });
});
