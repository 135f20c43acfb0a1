// polycrit/testing: the planted-solution arbitraries against `solve` (every plant is found,
// with its multiplicities), and `checkSolution` against deliberately wrong answers (a dropped
// point, a changed multiplicity, a dropped or extra component) — a checker that cannot fail
// proves nothing.
import fc from 'fast-check';
import { solve, SolveResult } from '../../src/solve/solve';
import { ZeroDimensionalComponent } from '../../src/solve/zero-dimensional';
import {
  algebraicPoints,
  buildPointsPlant,
  buildVarietiesPlant,
  checkSolution,
  completenessFamilies,
  multiplePoints,
  plantedVarieties,
  rationalPoints,
  unimodularMatrix,
} from '../../src/testing';

const ok = (P: Parameters<typeof checkSolution>[0]) => {
  const report = checkSolution(P, solve(P.polynomials, { digits: 10 }));
  if (!report.ok) throw new Error(`${P.description}\n${report.problems.join('\n')}`);
  return true;
};

describe('arbitraries', () => {
  test('unimodular matrices have determinant 1', () => {
    fc.assert(
      fc.property(unimodularMatrix(3), (A) => {
        const det = A[0][0] * (A[1][1] * A[2][2] - A[1][2] * A[2][1]) - A[0][1] * (A[1][0] * A[2][2] - A[1][2] * A[2][0]) + A[0][2] * (A[1][0] * A[2][1] - A[1][1] * A[2][0]);
        expect(det).toBe(1);
      }),
      { numRuns: 50 },
    );
  });
  test('planted rational points are exact points of the system', () => {
    const P = buildPointsPlant({ n: 2, roots: [{ a: 1, m: 2 }], quadratics: [], graphs: [[0, 1, 0]], A: [[1, 1], [0, 1]] });
    // x1 = 1, x2 = x1 in the old coordinates; the new point solves x1 + x2 = 1, x2 = 1.
    expect(P.components).toHaveLength(1);
    expect(P.components[0].point).toEqual({ x1: '0', x2: '1' });
    expect(P.components[0].multiplicity).toBe(2);
  });
  test('a point on a plane is not a minimal prime of the union', () => {
    const P = buildVarietiesPlant({ shapes: ['plane', 'point'], k: 1, A: [[1, 0, 0], [0, 1, 0], [0, 0, 1]] });
    // plane x = 1; point (2, -1, 2) is off it, so both stay.
    expect(P.components.map((c) => c.dimension)).toEqual([2, 0]);
    const Q = buildVarietiesPlant({ shapes: ['line', 'plane'], k: 0, A: [[1, 0, 0], [0, 1, 0], [0, 0, 1]] });
    // line x = y, z = 0 and plane x = 1 meet in a point only: both minimal.
    expect(Q.components).toHaveLength(2);
  });
});

describe('solve finds every plant', () => {
  test('rational points', () => fc.assert(fc.property(rationalPoints(), ok), { numRuns: 10 }));
  test('algebraic points', () => fc.assert(fc.property(algebraicPoints(), ok), { numRuns: 8 }));
  test('multiplicities', () => fc.assert(fc.property(multiplePoints({ maxMultiplicity: 3, maxVars: 2 }), ok), { numRuns: 8 }));
  test('positive-dimensional components', () => fc.assert(fc.property(plantedVarieties(), ok), { numRuns: 8 }));
  test('the families polycrit check runs', () => {
    expect(completenessFamilies().map((f) => f.name)).toEqual(['rational points', 'algebraic points', 'multiplicities', 'linear components', 'positive-dimensional components']);
  });
});

describe('checkSolution fails on wrong answers', () => {
  const P = buildPointsPlant({ n: 2, roots: [{ a: -1, m: 1 }, { a: 2, m: 2 }], quadratics: [{ b: -2, m: 1 }], graphs: [[1, -1, 1]], A: [[2, 1], [1, 1]] });
  const right = solve(P.polynomials, { digits: 10 });
  const withComponents = (f: (cs: ZeroDimensionalComponent[]) => ZeroDimensionalComponent[]): SolveResult => ({ ...right, components: f(right.components as ZeroDimensionalComponent[]) });
  const problems = (r: SolveResult) => {
    const report = checkSolution(P, r);
    return report.ok ? [] : report.problems;
  };

  test('the right answer passes', () => expect(checkSolution(P, right)).toEqual({ ok: true }));
  test('a dropped point', () => {
    const r = withComponents((cs) => cs.map((c) => (c.degree === 2 ? { ...c, points: c.points.slice(1) } : c)));
    expect(problems(r).join('\n')).toMatch(/degree 2\) lists 1 point\(s\), 2 real expected/);
  });
  test('a dropped component', () => {
    const r = withComponents((cs) => cs.slice(1));
    expect(problems(r).join('\n')).toMatch(/is missing/);
  });
  test('a changed multiplicity', () => {
    const r = withComponents((cs) => cs.map((c) => ({ ...c, multiplicity: c.multiplicity === 2 ? 1 : c.multiplicity })));
    expect(problems(r).join('\n')).toMatch(/multiplicity 1, planted 2/);
  });
  test('an extra component, and a wrong point', () => {
    const extra = withComponents((cs) => [...cs, cs[0]]);
    expect(problems(extra).join('\n')).toMatch(/was not planted/);
    const moved = withComponents((cs) => cs.map((c) => (c.degree === 1 ? { ...c, points: c.points.map((p) => ({ ...p, rational: { x1: '7', x2: '7' } })) } : c)));
    expect(problems(moved).join('\n')).toMatch(/does not list the planted rational point/);
  });
  test('an incomplete answer', () => {
    expect(checkSolution(P, { ...right, complete: false, message: 'time limit' })).toEqual({ ok: false, problems: ['the answer is incomplete: time limit'] });
  });
});
