// The solver protocol of `polycrit check --solver`, without processes: the request's text, the
// answer's parser (every value form, and malformed answers named, never thrown), the expression
// evaluator, and checkSolutions against right and deliberately wrong answers — dropped points, a
// point off the variety, one branch of a conic, a real-only solver — so that the checker is seen
// to fail where it must.
import fc from 'fast-check';
import { parseSolverAnswer, solverRequest, checkSolutions, buildPointsPlant, buildVarietiesPlant, plantedPointList, genericPlantedPoints, SolverAnswer, plantedVarieties, plantedPoints, residual } from '../../src/testing';
import { parseExpression } from '../../src/testing/expression';
import { complex } from '../../src/testing/complex';
import { evaluate } from '../../src/poly/evaluate';

const solutions = (a: SolverAnswer) => {
  if (a.kind !== 'solutions') throw new Error(`expected solutions, got ${JSON.stringify(a)}`);
  return a;
};
const identity2 = [[1, 0], [0, 1]];

describe('request', () => {
  test('integer coefficients, the order given, zero polynomials left out', () => {
    const P = buildPointsPlant({ n: 2, roots: [{ a: 1, m: 1 }], quadratics: [{ b: -2, m: 1 }], graphs: [[0, 1, 0]], A: identity2 });
    const r = solverRequest([...P.polynomials, P.polynomials[0].ring.zero(), P.polynomials[0].scale({ num: 1n, den: 3n })], ['x2', 'x1']);
    expect(r).toMatchObject({ protocol: 1, field: 'Q', vars: ['x2', 'x1'] });
    expect(r.polynomials).toEqual(['x1^3 - x1^2 - 2*x1 + 2', '-x1 + x2', 'x1^3 - x1^2 - 2*x1 + 2']);
  });
});

describe('answers', () => {
  const vars = ['x', 'y'];
  test('every value form', () => {
    const a = solutions(parseSolverAnswer(JSON.stringify({ solutions: [{ x: '-3/4', y: 2.5 }, { x: { re: '0.5', im: -1 }, y: { lo: '1/2', hi: '3/4' } }, { x: 'sqrt(2)/2 + I', y: '1e-3' }, { x: 'y^2 + 1' }] }), vars));
    expect(a.domain).toBe('complex');
    expect(a.solutions.map((s) => s.free)).toEqual([[], [], [], ['y']]);
    expect(a.solutions[0].coordinates.x).toEqual({ kind: 'exact', value: { num: -3n, den: 4n } });
    expect(a.solutions[0].coordinates.y).toEqual({ kind: 'decimal', re: 2.5, im: 0 });
    expect(a.solutions[1].coordinates.x).toEqual({ kind: 'decimal', re: 0.5, im: -1 });
    expect(a.solutions[1].coordinates.y).toMatchObject({ kind: 'interval' });
    expect(a.solutions[2].coordinates.x).toMatchObject({ kind: 'decimal', im: 1 });
    expect((a.solutions[2].coordinates.x as { re: number }).re).toBeCloseTo(Math.SQRT1_2, 14);
    expect(a.solutions[3].coordinates.x.kind).toBe('expression');
    // "points" is accepted for "solutions"; a variable mapped to itself is free (here: the line x = y).
    expect(solutions(parseSolverAnswer('{"points": [{"x": "y", "y": "y"}, {}], "domain": "real"}', vars))).toMatchObject({ domain: 'real', solutions: [{ free: ['y'] }, { free: ['x', 'y'] }] });
    expect(parseSolverAnswer('{"error": "no idea"}', vars)).toEqual({ kind: 'error', message: 'no idea' });
  });
  test.each([
    ['', /not one JSON object.*printed nothing/],
    ['x = 1', /not one JSON object/],
    ['[1, 2]', /not a JSON object/],
    ['{"sols": []}', /neither "solutions"/],
    ['{"solutions": [], "domain": "p-adic"}', /"domain" is "complex" or "real"/],
    ['{"solutions": [[1, 2]]}', /solution 1 is not an object/],
    ['{"solutions": [{"x": 1, "z": 2}]}', /names z, not among the variables/],
    ['{"solutions": [{"x": true, "y": 1}]}', /solution 1, x: not a value/],
    ['{"solutions": [{"x": "cos(y)"}]}', /unknown function 'cos'/],
    ['{"solutions": [{"x": "y", "y": "x + 1"}]}', /solution 1, x: its value uses y, which are not free/],
    ['{"solutions": [{"x": "1/0", "y": 1}]}', /x: /],
  ])('malformed: %s', (text, reason) => {
    const a = parseSolverAnswer(text, vars);
    expect(a.kind).toBe('malformed');
    expect((a as { reason: string }).reason).toMatch(reason);
  });
  test('expressions: principal branches, powers, precedence; errors name the position', () => {
    const e = parseExpression('-x3 + sqrt(1 - x3^2) * 2**-1 - I');
    expect(e.variables).toEqual(['x3']);
    const z = e.evaluate({ x3: complex(2) });
    expect(z.re).toBeCloseTo(-2, 14);
    expect(z.im).toBeCloseTo(Math.sqrt(3) / 2 - 1, 14);
    expect(parseExpression('2^3^2').evaluate({}).re).toBe(512);
    expect(parseExpression('-2^2').evaluate({}).re).toBe(-4);
    expect(() => parseExpression('x + * 2')).toThrow(/unexpected '\*' at 5/);
    expect(() => parseExpression('(x')).toThrow(/expected '\)'/);
  });
});

describe('checkSolutions', () => {
  // x1 ∈ {−1, 2} and x1² = 2 (real) and x1² = −1 (complex), x2 = x1 + 1, moved by A.
  const P = buildPointsPlant({ n: 2, roots: [{ a: -1, m: 1 }, { a: 2, m: 2 }], quadratics: [{ b: -2, m: 1 }, { b: 1, m: 1 }], graphs: [[1, 1, 0]], A: [[2, 1], [1, 1]] });
  const all = plantedPointList(P);
  const exactly = (q: (typeof all)[number]) => (q.exact ? Object.fromEntries(Object.entries(q.exact).map(([v, r]) => [v, `${r.num}/${r.den}`])) : q.approximate);
  const answer = (pts: unknown[], domain = 'complex') => solutions(parseSolverAnswer(JSON.stringify({ domain, solutions: pts }), P.vars));

  test('the planted points solve the system, rational ones exactly', () => {
    expect(all).toHaveLength(6);
    for (const q of all) {
      if (q.exact) for (const f of P.polynomials) expect(evaluate(f, q.exact).num).toBe(0n);
    }
    expect(all.filter((q) => q.real)).toHaveLength(4);
  });
  test('the right answer passes: exact, decimal and interval forms', () => {
    expect(checkSolutions(P, answer(all.map(exactly)))).toEqual({ ok: true, required: 6, found: 6 });
    const boxes = all.filter((q) => q.real).map((q) => Object.fromEntries(Object.entries(q.approximate).map(([v, z]) => [v, { lo: z.re - 1e-9, hi: z.re + 1e-9 }])));
    expect(checkSolutions(P, answer(boxes, 'real'))).toEqual({ ok: true, required: 4, found: 4 });
  });
  test('a dropped point is missing; a real-only answer misses a real point', () => {
    const r = checkSolutions(P, answer(all.slice(1).map(exactly)));
    expect(r).toMatchObject({ ok: false, required: 6, found: 5 });
    expect(r.ok ? [] : r.problems).toEqual([`missing: ${all[0].description}`]);
    const realOnly = checkSolutions(P, answer(all.filter((q) => q.real).slice(1).map(exactly), 'real'));
    expect(realOnly).toMatchObject({ ok: false, required: 4, found: 3 });
  });
  test('a wrong point is unsound, exactly, in an interval and in decimals', () => {
    const problems = (pts: unknown[]) => {
      const r = checkSolutions(P, answer([...all.map(exactly), ...pts]));
      return r.ok ? [] : r.problems;
    };
    expect(problems([{ x1: '1/3', x2: '0' }])).toEqual([expect.stringMatching(/returned \{"x1":"1\/3","x2":"0"\} does not solve the system: polynomial 1 is .* there, not 0/)]);
    expect(problems([{ x1: { lo: 10, hi: 11 }, x2: { lo: 0, hi: '1/2' } }])[0]).toMatch(/has no zero in the box/);
    const q = all[5].approximate;
    expect(problems([{ x1: { re: q.x1.re + 1e-3, im: q.x1.im }, x2: q.x2 }])[0]).toMatch(/does not solve the system: polynomial \d is .* \(relative to terms of size/);
  });
  test('parametric solutions: a plane and a line pass; one branch of a conic misses points', () => {
    const U = buildVarietiesPlant({ shapes: ['plane', 'line'], k: 1, A: [[1, 0, 0], [0, 1, 0], [0, 0, 1]] });
    // plane x1 = 1; line x1 = x2, x3 = 2.
    const ok = (sols: unknown[]) => checkSolutions(U, solutions(parseSolverAnswer(JSON.stringify({ solutions: sols }), U.vars)));
    expect(ok([{ x1: '1' }, { x1: 'x2', x3: '2' }])).toEqual({ ok: true, required: 4, found: 4 });
    expect(ok([{ x1: '1' }, { x2: 'x1', x3: 2.0 }])).toMatchObject({ ok: true });
    expect(ok([{ x1: '1' }])).toMatchObject({ ok: false, found: 2 });
    expect(ok([{ x1: '1' }, { x1: 'x2', x3: '2' }, { x3: 'x1' }])).toMatchObject({ ok: false, problems: [expect.stringMatching(/\{"x3":"x1"\} does not solve the system: at \(x1, x2, x3\)/)] });
    const C = buildVarietiesPlant({ shapes: ['conic'], k: 0, A: [[1, 0, 0], [0, 1, 0], [0, 0, 1]] });
    const conic = (sols: unknown[]) => checkSolutions(C, solutions(parseSolverAnswer(JSON.stringify({ solutions: sols }), C.vars)), { samples: 6 });
    expect(conic([{ x1: 'sqrt(1 - x2^2)', x3: '0' }, { x1: '-sqrt(1 - x2^2)', x3: '0' }])).toMatchObject({ ok: true, found: 6 });
    const half = conic([{ x1: 'sqrt(1 - x2^2)', x3: '0' }]);
    expect(half.ok).toBe(false);
    expect(half.found).toBeGreaterThan(0);
    expect(half.found).toBeLessThan(6);
  });
  test('the planted generic points lie on their components (every family, 40 plants)', () => {
    fc.assert(
      fc.property(fc.oneof(plantedVarieties(), plantedPoints({ maxMultiplicity: 2 })), (U) => {
        for (const q of [...plantedPointList(U), ...genericPlantedPoints(U, 2, false)]) {
          for (const f of U.polynomials) {
            const r = residual(f, q.approximate);
            expect(r.residual).toBeLessThanOrEqual(1e-9 * Math.max(r.size, 1e-300));
          }
        }
      }),
      { numRuns: 40 },
    );
  });
});
