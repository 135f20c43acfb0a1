// Issue 18 item 2: degenerate systems are answers, not errors, in the library and through the
// CLI (in-process main). The zero ideal (x − x, 0, only zero generators) is the whole space:
// one component of dimension = number of variables, every variable free; a non-zero constant
// has no solutions; zero and repeated generators change nothing; variables in no generator
// are free. Oracles: the answer equals the answer without the degenerate generators, and every
// sample point of the whole space is a point of the space (nothing to satisfy).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Zp } from '../../src/arithmetic/field';
import { runCli as run } from '../cli/run-cli';
import { groebner } from '../../src/groebner/groebner';
import { parsePolynomials } from '../../src/io/parse';
import { criticalPoints } from '../../src/networks/critical';
import { networkLoss } from '../../src/networks/loss';
import { solve } from '../../src/solve/solve';
import { solveResultToJSON } from '../../src/cli/commands/solve';


const system = (text: string, vars?: string[]) => parsePolynomials(text, vars ? { vars } : {}).polynomials;

describe('degenerate systems in the library', () => {
  test.each([
    ['x - x', undefined, ['x']],
    ['0, x - x, 0*y', undefined, ['x', 'y']],
    ['x - x', ['x', 'y', 'z'], ['x', 'y', 'z']],
    ['0', undefined, []],
  ] as const)('%s (vars %p): the whole space', (text, vars, free) => {
    const r = solve(system(text, vars ? [...vars] : undefined));
    expect(r.complete).toBe(true);
    expect(r.dimension).toBe(free.length);
    expect(r.independentSets).toEqual([[...free]]);
    expect(r.components.length).toBe(1);
    const [c] = r.components;
    if (c.kind !== 'variety') throw new Error('expected the whole space as a variety');
    expect([c.dimension, c.degree, c.basis.length, c.freeVariables]).toEqual([free.length, 1, 0, [...free]]);
    expect(c.samplePoints.length).toBeGreaterThan(0);
    for (const p of c.samplePoints) expect(Object.keys(p.kind === 'rational' ? p.rational : {}).sort()).toEqual([...free].sort());
    if (free.length === 0) expect(r.solutions).toBe(1);
  });

  test.each(['3', '2*x - 2*x + 5', '0, 1/2, x - x'])('%s: no solutions (dimension −1)', (text) => {
    const r = solve(system(text));
    expect([r.dimension, r.components, r.complete]).toEqual([-1, [], true]);
  });

  test('zero and repeated generators change nothing; variables in no generator are free', () => {
    const plain = solveResultToJSON(solve(system('x^2 - 1, y - x', ['x', 'y'])));
    expect(solveResultToJSON(solve(system('x^2 - 1, 0, y - x, x^2 - 1, x - x', ['x', 'y'])))).toEqual(plain);
    const r = solve(system('x^2 - 1', ['x', 'y']));
    expect(r.dimension).toBe(1);
    expect(r.components.map((c) => (c.kind === 'variety' ? c.freeVariables : []))).toEqual([['y'], ['y']]);
  });

  test('groebner: the zero ideal has the empty basis, a constant the basis [1], over Q and Z/7, both methods', () => {
    for (const field of [undefined, Zp(7)]) {
      for (const method of ['f4', 'buchberger'] as const) {
        const parse = (t: string) => parsePolynomials(t, field ? { field } : {}).polynomials;
        expect(groebner(parse('x - x, 0'), { method })).toEqual([]);
        expect(groebner(parse('0'), { method })).toEqual([]);
        // Found by the fuzz suite: lex over Z/7 went through FGLM with an empty basis.
        for (const order of ['lex', 'deglex', 'degrevlex'] as const) expect(groebner(parse('0, 0*x'), { method, order })).toEqual([]);
        expect(groebner(parse('0'), { method, order: 'lex' })).toEqual([]);
        expect(groebner(parse('x - x, 3, x^2'), { method }).map(String)).toEqual(['1']);
        expect(groebner(parse('x^2 - y, 0, x^2 - y, x*y - 1'), { method }).map(String)).toEqual(groebner(parse('x^2 - y, x*y - 1'), { method }).map(String));
      }
    }
  });

  test('critical: a constant loss (hidden activation "0") has the whole weight space as its critical set', () => {
    const net = networkLoss({ inputs: 1, layers: [{ width: 1, activation: '0' }, { width: 1 }], data: [[1, 1], [2, 3]] });
    expect(net.loss.toString()).toBe('10');
    const a = criticalPoints(net);
    expect(a.complete).toBe(true);
    expect(a.dimension).toBe(2);
    expect(a.criticalValues).toEqual(['10']);
    expect(a.components.map((c) => [c.dimension, c.basis, c.criticalValue])).toEqual([[2, [], '10']]);
  });
});

describe('degenerate systems through the CLI', () => {
  test.each([
    ['x - x', [], /^every point is a solution: each equation is 0 \(the zero ideal\); one component, the whole space \(dimension 1, free variables x\)\n$/],
    ['0', [], /^every point is a solution: .*\(there are no variables, so the space is one point\)\n$/],
    ['0, x - x', ['--vars', 'x,y'], /the whole space \(dimension 2, free variables x, y\)\n$/],
    ['3', [], /^no solutions: the system is inconsistent/],
    ['x^2 - 1, 0, x^2 - 1', ['--vars', 'x,y'], /^2 irreducible component\(s\) over Q, dimension 1; 2 of positive dimension\n.*free variables y/],
  ])('solve %p %p', async (text, extra, expected) => {
    const r = await run(['solve', '-', ...extra], text);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(expected);
  });

  test('solve --json of x − x: one component with the empty basis', async () => {
    const r = await run(['solve', '-', '--json'], 'x - x');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect([j.dimension, j.components.length, j.components[0].basis, j.components[0].freeVariables]).toEqual([1, 1, [], ['x']]);
  });

  test('groebner of the zero ideal says so; of a constant prints 1', async () => {
    const zero = await run(['groebner', '-'], 'x - x, 0');
    expect([zero.code, zero.err]).toEqual([0, '']);
    expect(zero.out).toMatch(/: 0 element\(s\).*\n# \(empty: every polynomial is 0, the zero ideal\)\n$/);
    const none = await run(['groebner', '-'], '0');
    expect(none.out).toMatch(/variables \(none\): 0 element\(s\)/);
    const one = await run(['groebner', '-', '--field', '7'], 'x - x, 14, 3');
    expect(one.out).toMatch(/\n1\n$/);
  });

  test('critical on a network with a constant loss: the whole space, no crash', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'polycrit-degenerate-'));
    const file = path.join(dir, 'constant.json');
    fs.writeFileSync(file, JSON.stringify({ inputs: 1, layers: [{ width: 1, activation: '0' }, { width: 1 }], data: [[1, 1], [2, 3]] }));
    try {
      const r = await run(['critical', file]);
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/1 +2 +1 +10 +minimum .*none: the whole space \(the loss is constant, every point is critical\)/);
    } finally {
      fs.rmSync(dir, { recursive: true });
    }
  });
});
