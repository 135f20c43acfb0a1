// The orderings bench's platform-free core (src/orderings): the choice of orders, the summary (a
// difference must be reported), the jobs' fingerprints, and what the web playground relies on —
// the default environment (an inline spec, a hash without Node's crypto) and a cancellation that
// stops the run instead of becoming a failed row.
import { Deadline, TimeoutError } from '../../src/errors';
import { computeGroebner } from '../../src/groebner/groebner';
import { lex } from '../../src/monomials/order';
import { preset } from '../../src/networks/presets';
import { BenchJob, BenchRow, groebnerFingerprint, problemSystem, runJob, textHash } from '../../src/orderings/jobs';
import { chooseOrders, factorial, permutations, summarize } from '../../src/orderings/orders';

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

describe('jobs with the default (platform-free) environment', () => {
  const system = { kind: 'polynomials' as const, name: 's', vars: ['x', 'y', 'z'], polynomials: ['x^2 + y^2 + z^2 - 3', 'x - y*z', 'y + z - 2'] };
  const job = (task: BenchJob['task'], vars: string[], problem: BenchJob['problem'] = system): BenchJob => ({ index: 0, problem, task, vars, route: 'degrevlex', timeout: Infinity, digits: 10 });

  test('the hash: 16 hex digits, equal for equal texts, different for a one-character change', () => {
    expect(textHash('x^2 - 2')).toMatch(/^[0-9a-f]{16}$/);
    expect(textHash('x^2 - 2')).toBe(textHash('x^2 - 2'));
    expect(new Set(['x^2 - 2', 'x^2 - 3', 'x^2 + 2', '', 'a'.repeat(1000), 'a'.repeat(1001)].map(textHash)).size).toBe(6);
  });

  test('every order of a system gives the same Gröbner fingerprint and the same solve fingerprint', () => {
    for (const task of ['groebner', 'solve'] as const) {
      const rows = permutations(system.vars).map((vars) => runJob(job(task, vars)));
      expect(rows.map((r) => r.status)).toEqual(Array(6).fill('ok'));
      expect(summarize(rows).agree).toBe(true);
    }
  });

  test('a network given as a spec (what the playground sends): critical points in two orders agree', () => {
    const problem = { kind: 'network' as const, name: 'deep-linear', spec: JSON.parse(JSON.stringify(preset('deep-linear:1,1,1'))) };
    const rows = [['w0_0', 'w1_0'], ['w1_0', 'w0_0']].map((vars) => runJob(job('critical', vars, problem)));
    expect(rows.map((r) => r.status)).toEqual(['ok', 'ok']);
    expect(rows[0].fingerprint).toBe(rows[1].fingerprint);
  });

  test("a job's own time limit fails its row; the environment's deadline (Cancel) throws", () => {
    const hard = { ...system, name: 'cyclic', vars: ['a', 'b', 'c', 'd', 'e', 'f'], polynomials: ['a+b+c+d+e+f', 'a*b+b*c+c*d+d*e+e*f+f*a', 'a*b*c+b*c*d+c*d*e+d*e*f+e*f*a+f*a*b', 'a*b*c*d+b*c*d*e+c*d*e*f+d*e*f*a+e*f*a*b+f*a*b*c', 'a*b*c*d*e+b*c*d*e*f+c*d*e*f*a+d*e*f*a*b+e*f*a*b*c+f*a*b*c*d', 'a*b*c*d*e*f-1'] };
    const timed = runJob({ ...job('solve', hard.vars, hard), timeout: 0.05 });
    expect(timed.status).toBe('failed');
    const cancelled = new Deadline(0.05, 'cancelled');
    expect(() => runJob(job('solve', hard.vars, hard), { deadline: cancelled })).toThrow(TimeoutError);
    expect(() => runJob(job('groebner', hard.vars, hard), { deadline: cancelled })).toThrow(TimeoutError);
  });
});
