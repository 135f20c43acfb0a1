// `polycrit bench orderings`, in-process (--workers 1: ts-jest has no compiled worker script),
// plus the orchestration helpers: order choice, the summary (a difference must be reported) and
// the clean stop.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../src/cli/main';
import { chooseOrders, factorial, permutations, progressBar, summarize } from '../../src/cli/bench/orderings';
import { runJobs } from '../../src/cli/bench/pool';
import { BenchJob, BenchRow, groebnerFingerprint, problemSystem } from '../../src/cli/bench/tasks';
import { computeGroebner } from '../../src/groebner/groebner';
import { lex } from '../../src/monomials/order';
import { timeChartSvg } from '../../src/cli/bench/svg';
import { msolveInput, parseMsolveOutput } from '../../bench/peers/msolve';
import { benchSystem } from '../../bench/peers/networks';

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { stdout: (t) => void (out += t), stderr: (t) => void (err += t), readStdin: () => '', isTTY: false });
  return { code, out, err };
}

const row = (index: number, seconds: number, fingerprint: string): BenchRow => ({ index, vars: ['x', 'y'], route: 'degrevlex', task: 'groebner', status: 'ok', seconds, fingerprint });

describe('orders', () => {
  test('every permutation, the identity first', () => {
    expect(permutations(['a', 'b', 'c']).map((p) => p.join(''))).toEqual(['abc', 'acb', 'bac', 'bca', 'cab', 'cba']);
    expect(factorial(5)).toBe(120);
    expect(chooseOrders(['x', 'y'], 'all')).toEqual([['x', 'y'], ['y', 'x']]);
  });
  test('N seeded random orders: distinct, reproducible, the natural one first', () => {
    const vars = ['a', 'b', 'c', 'd', 'e', 'f'];
    const A = chooseOrders(vars, 10, 3);
    expect(A).toHaveLength(10);
    expect(A[0]).toEqual(vars);
    expect(new Set(A.map((p) => p.join())).size).toBe(10);
    expect(chooseOrders(vars, 10, 3)).toEqual(A);
    expect(() => chooseOrders(Array.from({ length: 9 }, (_, i) => `x${i}`), 'all')).toThrow(/--orders N/);
  });
});

describe('summary', () => {
  test('fastest, median, slowest, spread and agreement', () => {
    const s = summarize([row(0, 2, 'a'), row(1, 1, 'a'), row(2, 4, 'a')]);
    expect([s.fastest?.index, s.median?.index, s.slowest?.index, s.spread, s.agree]).toEqual([1, 0, 2, 4, true]);
  });
  test('a different answer is reported', () => {
    const s = summarize([row(0, 2, 'a'), row(1, 1, 'b'), row(2, 4, 'a')]);
    expect(s.agree).toBe(false);
    expect(s.answers).toEqual([{ fingerprint: 'a', rows: 2 }, { fingerprint: 'b', rows: 1 }]);
    expect(timeChartSvg('t', [row(0, 2, 'a'), row(1, 1, 'b')], (r) => r.vars.join(), 'a')).toContain('DIFFERENT ANSWER');
  });
  test('progress bar', () => {
    expect(progressBar(1, 4, 8)).toBe('[##------] 1/4');
  });
});

describe('the pool stops cleanly', () => {
  test('stop() between jobs returns the rows done so far', async () => {
    const problem = { kind: 'polynomials' as const, name: 't', vars: ['x', 'y'], polynomials: ['x^2 - y', 'y^2 - 2'] };
    const jobs: BenchJob[] = Array.from({ length: 20 }, (_, index) => ({ index, problem, task: 'groebner', vars: ['x', 'y'], route: 'degrevlex', timeout: Infinity, digits: 10 }));
    let seen = 0;
    const r = runJobs(jobs, 1, () => {
      if (++seen === 3) r.stop();
    });
    const { rows, stopped } = await r.done;
    expect(stopped).toBe(true);
    expect(rows).toHaveLength(3);
  });
});

describe('polycrit bench orderings', () => {
  test('every order of a small system gives the same ideal; JSON has every row', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'polycrit-bench-'));
    const file = path.join(dir, 'sys.txt');
    fs.writeFileSync(file, 'x^2 + y^2 + z^2 - 3\nx - y*z\ny + z - 2\n');
    const svg = path.join(dir, 'chart.svg');
    const r = await run('bench', 'orderings', file, '--workers', '1', '--json', '--svg', svg);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.rows).toHaveLength(6);
    expect(j.routes.map((x: BenchRow) => x.route)).toEqual(['degrevlex', 'deglex', 'lex', 'degrevlex+fglm']);
    expect(j.summary.agree).toBe(true);
    expect(j.routeSummary.agree).toBe(true);
    expect(new Set([...j.rows, ...j.routes].map((x: BenchRow) => x.fingerprint)).size).toBe(1);
    expect(fs.readFileSync(svg, 'utf8')).toMatch(/^<svg/);
  });
  test('solve on a named system, text output', async () => {
    const r = await run('bench', 'orderings', 'katsura:2', '--task', 'solve', '--orders', '3', '--workers', '1', '--no-routes');
    expect(r.code).toBe(0);
    expect(r.out).toContain('every order gave the same answer');
    expect(r.out).toMatch(/spread: +[\d.]+×/);
  });
  test('critical on a preset', async () => {
    const r = await run('bench', 'orderings', '--preset', 'deep-linear:1,1,1', '--task', 'critical', '--orders', '2', '--workers', '1', '--no-routes', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).summary.agree).toBe(true);
  });
  test('bad usage exits 2', async () => {
    expect((await run('bench', 'orderings', 'katsura:2', '--task', 'nope')).code).toBe(2);
    expect((await run('bench', 'orderings')).code).toBe(2);
    expect((await run('bench', 'orderings', 'katsura:2', '--task', 'critical')).code).toBe(2);
  });
});

describe('polycrit check', () => {
  test('runs every family and counts the cases', async () => {
    const r = await run('check', '--runs', '2', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.families.map((f: { tried: number; found: number; failed: boolean }) => [f.tried, f.found, f.failed])).toEqual([[2, 2, false], [2, 2, false], [2, 2, false], [2, 2, false], [2, 2, false]]);
  });
  test('one family, text; an unknown family is bad usage', async () => {
    const r = await run('check', '--runs', '2', '--family', 'rational', '--seed', '5');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/rational points +tried +2 +all found +2 +ok/);
    expect((await run('check', '--family', 'nope')).code).toBe(2);
  });
  test('a case past --timeout is counted as timed out, not as a completeness failure (exit 1)', async () => {
    const r = await run('check', '--runs', '2', '--family', 'rational', '--timeout', '1e-9', '--json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).families[0]).toMatchObject({ tried: 2, found: 0, timedOut: 2, failed: false });
    expect(r.err).toMatch(/2 case\(s\) ran past --timeout 1e-9 s and were not checked/);
  });
});

describe('groebner fingerprints', () => {
  test('equal ideals in different orders share the reference fingerprint; a different ideal does not', () => {
    const problem = { kind: 'polynomials' as const, name: 't', vars: ['x', 'y'], polynomials: ['x^2 - y', 'y^2 - 2'] };
    const other = { ...problem, polynomials: ['x^2 - y', 'y^2 - 3'] };
    const G = computeGroebner(problemSystem(problem), { order: lex }).basis;
    const H = computeGroebner(problemSystem(other)).basis;
    const a = groebnerFingerprint(computeGroebner(problemSystem(problem)).basis, problem);
    expect(groebnerFingerprint(G, problem)).toBe(a);
    expect(groebnerFingerprint(H, problem)).not.toBe(a);
  });
  test("a problem's canonical text is read without the parser's limits (the command applied them, with its flags)", () => {
    // 1,000,001 characters: past the default maxLength, as the expansion of a short input can be.
    const long = { kind: 'polynomials' as const, name: 't', vars: ['x'], polynomials: [Array(250_001).fill('x').join(' + ')] };
    expect(problemSystem(long).map(String)).toEqual(['250001*x']);
  });
});

describe('the msolve peer of bench/solve.ts', () => {
  test('input: integer coefficients per polynomial, the network gradient in its weights', () => {
    const text = msolveInput(benchSystem('deep-linear:1,2,2,1')).split('\n');
    expect(text[0]).toBe('w0_0,w1_0,w2_0,w2_1,w3_0,w3_1,w4_0,w4_1');
    expect(text[1]).toBe('0');
    expect(text.slice(2).join('\n')).not.toMatch(/\//);
    expect(msolveInput(benchSystem('xor-lambda')).split(',\n')).toHaveLength(10);
  });
  test('output: real points, the parametrization\'s degree, no point, positive dimension', () => {
    // x^2 + y^2 - 4, x*y - 1 with -P 1 (boxes shortened): 4 complex points, 2 of them shown real.
    const out = "[0, [0, \n2, \n4, \n['x', 'y'],\n[1/3, 2/3],\n[1,\n[[4, [1, 0, -4, 0, 1]],\n[3, [0, -8, 0, 4]],\n[\n[[3, [8, 0, -4, 0]],\n1]\n]]]],[1,\n[[[-88071557271702891287980335684789818091 / 2^127, -1 / 2^1], [1, 1]], [[1 / 2, 1 / 2], [0, 0]]]\n]]:\n";
    expect(parseMsolveOutput(out)).toEqual({ dimension: 0, real: 2, complex: 4, withMultiplicity: 4 });
    expect(parseMsolveOutput('[0, [1,\n[]\n]]:\n')).toEqual({ dimension: 0, real: 0 });
    expect(parseMsolveOutput('[-1]:\n')).toEqual({ dimension: 0, real: 0, complex: 0, withMultiplicity: 0 });
    expect(parseMsolveOutput('[1, 2, -1, []]:\n')).toEqual({ dimension: 'positive' });
    // Coefficients of thousands of digits (xor-lambda's parametrization) are read in linear time.
    const long = '9'.repeat(200000);
    expect(parseMsolveOutput(`[0, [0, 1, 1, ['x'], [1], [1, [[1, [${long}, ${long}]], [0, [1]], []]]],[1, [[[-${long} / 2^9, ${long} / 2^9]]]]]:`)).toEqual({ dimension: 0, real: 1, complex: 1, withMultiplicity: 1 });
  });
});
