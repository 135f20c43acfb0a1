// `polycrit check --solver CMD`: the protocol round trip with polycrit's own adapter (compiled in
// dist/, `npm test` builds it first), deliberately incomplete and unsound solvers caught with a
// shrunk counterexample, and solvers that crash, print garbage, hang or leave helpers behind
// reported cleanly — never a polycrit crash — under --solver-timeout, the whole-run --timeout and
// Ctrl-C. The fakes are node scripts in test/fixtures/solvers; nothing here needs sympy or msolve.
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from './run-cli';
import { runSolver } from '../../src/cli/solver-process';

const ROOT = path.join(__dirname, '../..');
const ADAPTER = path.join(ROOT, 'dist/examples/solvers/polycrit-solve.js');
const fake = (script: string, ...args: string[]) => [process.execPath, path.join(__dirname, '../fixtures/solvers', script), ...args].map((a) => JSON.stringify(a)).join(' ');
const check = (solver: string, ...args: string[]) => runCli(['check', '--solver', solver, ...args]);
const json = (out: string) => JSON.parse(out) as { families: { family: string; tried: number; found: number; timedOut: number; failed: boolean; shrinks: number; counterexample?: { problems: string[]; returned?: string[]; polynomials: string[]; stderr?: string } }[] };

describe('the protocol round trip', () => {
  beforeAll(() => {
    if (!fs.existsSync(ADAPTER)) throw new Error('build first: npm run build (dist/examples/solvers/polycrit-solve.js is missing)');
  });
  test.each(['rational', 'algebraic', 'multiplicities', 'linear'])('polycrit behind the protocol finds every planted solution: %s', async (family) => {
    const r = await check(`${JSON.stringify(process.execPath)} ${JSON.stringify(ADAPTER)}`, '--runs', '2', '--family', family, '--json');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(json(r.out).families).toEqual([expect.objectContaining({ tried: 2, found: 2, timedOut: 0, failed: false })]);
  });
});

describe('incomplete and unsound solvers are caught', () => {
  test('a solver that finds integer points only misses algebraic ones: the shrunk counterexample is printed', async () => {
    const r = await check(fake('integer-search.js'), '--family', 'algebraic', '--runs', '5');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/algebraic points +tried +1 +all found +0 +FAILED/);
    expect(r.out).toMatch(/shrunk counterexample \(\d+ shrink\(s\)\): points: x1\^2 \+ -?\d = 0; graphs/);
    expect(r.out).toMatch(/the system, variables in the order x\d, x\d(, x\d)?:\n {4}\S/);
    expect(r.out).toMatch(/the solver returned 0 solution\(s\)\n {2}- missing: \(x1, x2(, x3)?\) ≈ \(/);
    expect(r.out).toMatch(/in the order x\d, x\d(, x\d)?: 0 of 2 point\(s\) found/);
  });
  test('shrinking reaches a small system (JSON: a single pair of conjugate points in two variables)', async () => {
    const r = await check(fake('integer-search.js'), '--family', 'algebraic', '--runs', '5', '--json');
    const f = json(r.out).families[0];
    expect(f.failed).toBe(true);
    expect(f.shrinks).toBeGreaterThan(0);
    expect(f.counterexample?.problems).toHaveLength(2);
    expect(f.counterexample?.polynomials.length).toBe(2);
  });
  test('a dropped rational point is missing, named exactly', async () => {
    const r = await check(fake('integer-search.js', 'drop'), '--family', 'rational', '--runs', '5');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/- missing: \(x1, x2(, x3)?\) = \(-?\d+, -?\d+(, -?\d+)?\) from x1 = -?\d/);
  });
  test('a point that solves nothing is unsound', async () => {
    const r = await check(fake('integer-search.js', 'wrong'), '--family', 'rational', '--runs', '3');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/- returned \{"x1":"1\/3","x2":"1\/3"(,"x3":"1\/3")?\} does not solve the system: polynomial \d is -?\d+(\/\d+)? there, not 0/);
  });
});

describe('misbehaving solvers are reported, not crashed on', () => {
  test.each([
    ['crash', /the solver exited with code 3\n {2}its stderr: Traceback: something broke inside the solver/],
    ['garbage', /the solver's output is malformed: the output is not one JSON object \(.*\); it printed "Solutions: x1 = 1, x2 = 2"/],
    ['error', /the solver answered with an error: not implemented for this system/],
    ['signal', /the solver exited with code 139 \(the shell's code for SIGSEGV\)/],
  ])('%s', async (mode, message) => {
    const r = await check(fake('misbehave.js', mode), '--family', 'rational', '--runs', '2');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/rational points +tried +1 +all found +0 +FAILED/);
    expect(r.out).toMatch(message);
  });
  test('a command that does not exist is a failing solver too', async () => {
    const r = await check('/nonexistent/solver --flag', '--family', 'rational', '--runs', '1');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/the solver exited with code 127\n {2}its stderr: .*not found/);
  });
  test('a call past --solver-timeout is counted as timed out, not as a failure', async () => {
    const start = performance.now();
    const r = await check(fake('misbehave.js', 'slow'), '--family', 'rational', '--runs', '2', '--solver-timeout', '0.5', '--json');
    expect(r.code).toBe(1);
    expect(json(r.out).families[0]).toMatchObject({ tried: 2, found: 0, timedOut: 2, failed: false });
    expect(r.err).toMatch(/2 solver call\(s\) ran past --solver-timeout 0.5 s and were not checked/);
    expect(performance.now() - start).toBeLessThan(6000);
  });
  test('--timeout limits the whole run: the families so far, the stop line, exit 1', async () => {
    const start = performance.now();
    const r = await check(fake('misbehave.js', 'slow'), '--runs', '3', '--timeout', '1.5');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/polycrit: stopped after the time limit of 1.5 s/);
    expect(r.out).toMatch(/rational points +tried +0 .* stopped/);
    expect(performance.now() - start).toBeLessThan(5000);
  });
  test('bad usage exits 2', async () => {
    expect((await check('true', '--family', 'nope')).code).toBe(2);
    expect((await check('true', '--tolerance', '2')).code).toBe(2);
  });
});

describe('one solver call', () => {
  test('helpers left holding stdout are killed with the group at the time limit', async () => {
    const r = await runSolver(fake('misbehave.js', 'orphan'), '{}', { timeout: 1 });
    expect(r.kind).toBe('timeout');
  });
  test('runaway output is cut', async () => {
    const r = await runSolver('yes', '', { timeout: 10, maxOutput: 2 ** 20 });
    expect(r.kind).toBe('too much output');
  });
  test('an abort stops the call at once', async () => {
    const abort = new AbortController();
    setTimeout(() => abort.abort(), 300);
    const start = performance.now();
    const r = await runSolver(fake('misbehave.js', 'slow'), '{}', { timeout: 30, signal: abort.signal });
    expect(r.kind).toBe('stopped');
    expect(performance.now() - start).toBeLessThan(3000);
  });
});

describe('the installed command', () => {
  test('--timeout: the run stops itself at the limit and prints what it has, before the hard stop', async () => {
    const BIN = path.join(ROOT, 'bin/polycrit.js');
    const child = spawn(process.execPath, [BIN, 'check', '--solver', fake('misbehave.js', 'slow'), '--timeout', '6'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(1);
    expect(out).toMatch(/rational points +tried +0 .* stopped/);
    expect(err).toMatch(/polycrit: stopped after the time limit of 6 s \(phase: checking rational points/);
  });

  test('Ctrl-C kills the running solver and ends the run with 130', async () => {
    const BIN = path.join(ROOT, 'bin/polycrit.js');
    if (!fs.existsSync(path.join(ROOT, 'dist/src/cli/check-solver.js'))) throw new Error('build first: npm run build');
    const pidFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'polycrit-check-')), 'pid');
    const child = spawn(process.execPath, [BIN, 'check', '--solver', fake('misbehave.js', 'slow', pidFile), '--family', 'rational'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    for (let i = 0; i < 100 && !fs.existsSync(pidFile); i++) await new Promise((r) => setTimeout(r, 100));
    const solverPid = Number(fs.readFileSync(pidFile, 'utf8'));
    const start = performance.now();
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(130);
    expect(performance.now() - start).toBeLessThan(3000);
    expect(err).toMatch(/polycrit: interrupted/);
    expect(out).toMatch(/completeness of/);
    // Gone, or a zombie left for init to reap (its state in /proc is Z).
    await new Promise((r) => setTimeout(r, 200));
    const stat = `/proc/${solverPid}/stat`;
    expect(fs.existsSync(stat) ? fs.readFileSync(stat, 'utf8').split(') ')[1][0] : 'gone').toMatch(/gone|Z/);
  });
});
