// The installed command (bin/polycrit.js) as a child process. The command runs on a worker thread
// that the main thread ends at the time limit, on Ctrl-C and SIGTERM, and past the memory limit;
// solve, groebner, critical and the light commands run on the main thread under V8's watchdog
// instead (src/cli/main-thread.ts), which ends them at the time limit and on Ctrl-C.
// Uses the compiled CLI in dist/ (`npm test` builds it first). Each run is kept to a few seconds.
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const BIN = path.join(__dirname, '../../bin/polycrit.js');

interface Run {
  code: number | null;
  /** The signal that ended the process, if one did. */
  signal: NodeJS.Signals | null;
  out: string;
  err: string;
  /** Seconds from the start, and from the signal if one was sent. */
  seconds: number;
  afterSignal?: number;
}

/** Runs the command; optionally writes `stdin` (or leaves it open), and sends `signal` after `signalAfter` ms. */
function polycrit(args: string[], options: { stdin?: string | 'open'; signal?: NodeJS.Signals; signalAfter?: number; capMs?: number; env?: NodeJS.ProcessEnv } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    let signalled: number | undefined;
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...options.env } });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    if (options.stdin !== 'open') child.stdin.end(options.stdin ?? '');
    const timer = options.signal
      ? setTimeout(() => {
          signalled = performance.now();
          child.kill(options.signal);
        }, options.signalAfter ?? 1500)
      : undefined;
    // A run the command fails to stop is ended here, so that a broken build fails fast.
    const cap = setTimeout(() => child.kill('SIGKILL'), options.capMs ?? 12000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      clearTimeout(cap);
      const now = performance.now();
      if (options.stdin === 'open') child.stdin.destroy();
      resolve({ code, signal, out, err, seconds: (now - start) / 1000, afterSignal: signalled === undefined ? undefined : (now - signalled) / 1000 });
    });
  });
}

beforeAll(() => {
  if (!fs.existsSync(path.join(__dirname, '../../dist/src/cli/supervisor.js'))) throw new Error('build first: npm run build (dist/ is missing)');
});

describe('the time limit is hard', () => {
  test('a computation without cooperative checks is ended at its limit: exit 1, the phase named', async () => {
    // The autodiff experiments never check a deadline: only the kill can stop this one.
    const r = await polycrit(['experiment', 'overparameterization', '--full', '--timeout', '1.5']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^polycrit: stopped after the time limit of 1\.5 s \(phase: running overparameterization\)$/m);
    expect(r.seconds).toBeLessThan(1.5 + 2);
  });
  test('--json on a timeout prints a JSON object with complete: false', async () => {
    const r = await polycrit(['solve', 'noon:7', '--timeout', '1.5', '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toMatchObject({ complete: false, stopped: 'time limit', message: 'stopped after the time limit of 1.5 s' });
    expect(JSON.parse(r.out).phase).toMatch(/\S/);
    expect(r.err).toMatch(/stopped after the time limit of 1\.5 s \(phase: .+\)/);
    expect(r.seconds).toBeLessThan(1.5 + 2);
  });
  test('input that never ends (an open pipe) is covered by the limit', async () => {
    const r = await polycrit(['groebner', '-', '--timeout', '1'], { stdin: 'open' });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/stopped after the time limit of 1 s \(phase: reading -\)/);
    expect(r.seconds).toBeLessThan(1 + 2);
  });
  test('bench orderings --timeout prints the rows done so far, and exits soon after', async () => {
    const r = await polycrit(['bench', 'orderings', 'katsura:11', '--orders', '2', '--no-routes', '--timeout', '1.5']);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^katsura:11: groebner for 0 of 2 variable order/);
    expect(r.err).toMatch(/note: stopped after --timeout 1\.5 s/);
    expect(r.seconds).toBeLessThan(1.5 + 1);
  });
  test('bench orderings --workers 1: a job past --job-timeout fails, the run goes on', async () => {
    const r = await polycrit(['bench', 'orderings', 'katsura:11', '--orders', '1', '--no-routes', '--workers', '1', '--job-timeout', '0.5', '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).rows.map((row: { status: string }) => row.status)).toEqual(['failed']);
    expect(r.seconds).toBeLessThan(2 * (0.5 + 0.5) + 2);
  });
});

describe('the bench pool', () => {
  test('a job that ignores its limit loses its thread at the limit; the next job gets a new one', async () => {
    // The compiled pool (ts-jest has no worker script). Parsing a problem's text checks no deadline,
    // and (x+1)^6000 takes seconds: only the kill ends these jobs.
    const { runJobs } = require('../../dist/src/cli/bench/pool.js') as typeof import('../../src/cli/bench/pool');
    const problem = { kind: 'polynomials' as const, name: 'slow', vars: ['x'], polynomials: ['(x+1)^6000'] };
    const job = { problem, task: 'groebner' as const, vars: ['x'], route: 'degrevlex' as const, timeout: 0.3, digits: 10 };
    const start = performance.now();
    const { rows, stopped } = await runJobs([{ ...job, index: 0 }, { ...job, index: 1 }], 1).done;
    expect(stopped).toBe(false);
    expect(rows.map((r) => [r.index, r.status, r.error])).toEqual([0, 1].map((i) => [i, 'failed', 'stopped after the time limit of 0.3 s (its thread was ended)']));
    // Warm-up, then two jobs, each ended at 0.3 + 0.5 s (each parse alone takes ~5 s).
    expect((performance.now() - start) / 1000).toBeLessThan(3 * 0.8 + 2);
  });
});

/** Sends every command to the worker thread (src/cli/main-thread.ts). */
const ON_WORKER = { POLYCRIT_THREAD: 'worker' };

describe('Ctrl-C and SIGTERM', () => {
  test.each([
    ['the main thread', {}],
    ['the worker', ON_WORKER],
  ])('SIGINT ends a long run within a second, on %s: exit 130, the phase named', async (_where, env) => {
    const r = await polycrit(['solve', 'noon:7'], { signal: 'SIGINT', env });
    expect(r.code).toBe(130);
    expect(r.err).toMatch(/^polycrit: interrupted \(phase: .+\)$/m);
    expect(r.afterSignal).toBeLessThan(1);
  });
  test('SIGTERM ends a run on the main thread at once, by the signal (no report: no JavaScript runs there meanwhile)', async () => {
    const r = await polycrit(['solve', 'noon:7'], { signal: 'SIGTERM', signalAfter: 1000 });
    expect([r.code, r.signal]).toEqual([null, 'SIGTERM']);
    expect(r.afterSignal).toBeLessThan(0.5);
  });
  test('--max-memory sends solve to the worker, where SIGTERM is reported: exit 143', async () => {
    const r = await polycrit(['solve', 'noon:7', '--max-memory', '2000'], { signal: 'SIGTERM', signalAfter: 1000 });
    expect(r.code).toBe(143);
    expect(r.err).toMatch(/^polycrit: terminated \(SIGTERM\) \(phase: .+\)$/m);
    expect(r.afterSignal).toBeLessThan(1);
  });
  test('SIGTERM: exit 143', async () => {
    const r = await polycrit(['experiment', 'overparameterization', '--full'], { signal: 'SIGTERM', signalAfter: 1000 });
    expect(r.code).toBe(143);
    expect(r.err).toMatch(/^polycrit: terminated \(SIGTERM\) \(phase: .+\)$/m);
    expect(r.afterSignal).toBeLessThan(1);
  });
  test('bench orderings prints the rows done so far before it exits on Ctrl-C', async () => {
    const r = await polycrit(['bench', 'orderings', 'katsura:8', '--orders', '50', '--no-routes', '--workers', '1'], { signal: 'SIGINT', signalAfter: 2500 });
    expect(r.code).toBe(130);
    expect(r.out).toMatch(/katsura:8: groebner for \d+ of 50 variable order/);
    expect(r.err).toMatch(/note: interrupted \(Ctrl-C\)/);
    expect(r.err).toMatch(/^polycrit: interrupted \(phase: \d+ of 50 job\(s\) done\)$/m);
    expect(r.afterSignal).toBeLessThan(1);
  });
});

describe('the worker', () => {
  test('prints what the main thread prints, with the same exit codes', async () => {
    for (const args of [['solve', 'katsura:3', '--json'], ['critical', '--preset', 'deep-linear:1,2,1', '--json'], ['groebner', 'katsura:2', '--order', 'grevlex']]) {
      const here = await polycrit(args);
      const there = await polycrit(args, { env: ON_WORKER });
      // The statistics say how long the run took: that one field may differ.
      const untimed = (text: string) => text.replace(/"seconds": [0-9.e-]+/g, '"seconds": 0');
      expect([args, there.code, untimed(there.out), there.err]).toEqual([args, here.code, untimed(here.out), here.err]);
    }
  });
  test('relays stdin, stdout and exit codes', async () => {
    const r = await polycrit(['groebner', '-', '--order', 'lex', '--json'], { stdin: 'x^2 + y^2 - 1, x - y' });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).basis).toEqual(['y^2 - 1/2', 'x - y']);
    const bad = await polycrit(['groebner', 'katsura:2', '--order', 'grevlex']);
    expect(bad.code).toBe(2);
    expect((await polycrit(['expand', '(x+y'])).err).toMatch(/never closed/);
  });
  test('past --max-memory the run stops with a message, not a V8 fatal error', async () => {
    // The 64-64-64-1 network this test used is now refused before its loss is built (loss-size.ts);
    // three million data rows in the spec file (18 MB, about 216 MB once parsed) are refused before
    // JSON.parse, which no limit can interrupt: the worker reaching its limit inside it made V8 end
    // the whole process (code null), in 5 runs of 5 with one build.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'polycrit-memory-'));
    fs.writeFileSync(path.join(dir, 'rows.json'), `{"inputs":1,"layers":[{"width":1}],"data":[${'[1,1],'.repeat(3_000_000)}[1,1]]}`);
    // Near its heap limit the worker spends long in garbage collection before V8 gives up, and
    // longer on a loaded machine: CI once took more than the default 12 s cap here (code null).
    const r = await polycrit(['critical', path.join(dir, 'rows.json'), '--max-memory', '100', '--json'], { capMs: 60_000 });
    // With its stderr, so that a failure says how the process ended (a full suite on two workers saw code null twice).
    expect({ code: r.code, err: r.err.slice(0, 800) }).toMatchObject({ code: 1 });
    expect(r.err).toMatch(/out of memory \(the limit is 100 MB; raise it with --max-memory MB\) \(phase: reading the network spec\)/);
    expect(JSON.parse(r.out)).toMatchObject({ complete: false, stopped: 'memory' });
    const inputs = Array.from({ length: 64 }, (_, i) => `x${i}`);
    const wide = { inputs, layers: [{ width: 64 }, { width: 64 }, { width: 1 }], data: [[...inputs.map(() => 1), 1], [...inputs.map(() => 2), 0]] };
    fs.writeFileSync(path.join(dir, 'wide.json'), JSON.stringify(wide));
    const refused = await polycrit(['critical', path.join(dir, 'wide.json'), '--max-memory', '100', '--timeout', '5']);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/^polycrit: the loss of this network may have up to 34,360,139,841 terms/);
    fs.rmSync(dir, { recursive: true });
  });
  test('the memory budget (half of what --max-memory leaves free) refuses an F4 matrix and an expansion with the typed error, exit 1', async () => {
    // Both are refused by the budget's estimate before the heap fills (deterministic: counts, not
    // timings); without the checks the F4 run ends on the heap limit instead ("out of memory").
    const f4 = await polycrit(['groebner', 'katsura:10', '--field', '65521', '--max-memory', '16']);
    expect(f4.code).toBe(1);
    expect(f4.err).toMatch(/^polycrit: an F4 matrix of [\d,]+ rows × [\d,]+ columns \([\d,]+ entries\) needs about [\d.]+ MB, more than the memory budget of [\d.]+ MB \(by default half the heap: raise it with --max-memory MB/);
    const expansion = ['expand', '(a+b+c+d+e+f+g+h+i+j+1)^8'];
    const refused = await polycrit([...expansion, '--max-memory', '16']);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/^polycrit: the product of polynomials of 1,001 and 1,001 terms \([\d,]+ distinct terms after \d+ of 1001, in 10 variables\) needs about [\d.]+ MB, more than the memory budget of [\d.]+ MB \(.*--max-memory MB/);
    // 43,758 terms: about 12 MB by the estimate, within the budget of --max-memory 64.
    const raised = await polycrit([...expansion, '--max-memory', '64']);
    expect(raised.code).toBe(0);
    expect(raised.out.split(' + ').length).toBe(43758);
  });
});
