// Time limits, input caps and output paths of the commands, in-process through main(argv, io):
// the cooperative deadline covers parsing and expansion, endless input is refused, output paths
// that cannot be written are clean input errors, and a stopped run is reported the same way
// in-process as on the worker (stop.ts).
import { main } from '../../src/cli/main';
import { CliContext, CliIO } from '../../src/cli/context';
import { Deadline } from '../../src/errors';
import { MAX_INPUT_BYTES, readInputAsync, readInputFile } from '../../src/cli/files';
import { maxMemoryArgument } from '../../src/cli/supervisor';
import { reportStop, stopJSON } from '../../src/cli/stop';
import { DEFAULT_PARSE_LIMITS } from '../../src/io/parse';

async function run(argv: string[], stdin = ''): Promise<{ code: number; out: string; err: string; seconds: number }> {
  let out = '';
  let err = '';
  const io: CliIO = { stdout: (t) => void (out += t), stderr: (t) => void (err += t), readStdin: () => stdin, isTTY: false };
  const start = performance.now();
  const code = await main(argv, io);
  return { code, out, err, seconds: (performance.now() - start) / 1000 };
}

describe('--timeout covers parsing and expansion', () => {
  // Without the limit (x+1)^6000 takes ~40 s here, (x+1)^10000 minutes.
  test('expand "(x+1)^6000" stops at the limit with the phase', async () => {
    const r = await run(['expand', '(x+1)^6000', '--timeout', '0.5']);
    expect(r.code).toBe(1);
    expect(r.err).toBe('polycrit: stopped after the time limit of 0.5 s (phase: expanding)\n');
    expect(r.seconds).toBeLessThan(2);
  });
  test('with --json, a JSON object with complete: false', async () => {
    const r = await run(['diff', '(x+1)^6000', 'x', '--timeout', '0.5', '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toEqual({ complete: false, stopped: 'time limit', message: 'stopped after the time limit of 0.5 s', phase: 'expanding' });
  });
  test('groebner on stdin: the expansion of its input is inside the limit', async () => {
    // The expansion alone takes ~40 s here: still expanding at 0.5 s on a machine several times
    // faster (a sum of 6,000 variables was expanded within 0.5 s on CI's).
    const r = await run(['groebner', '-', '--timeout', '0.5'], '(x+1)^6000');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/stopped after the time limit of 0\.5 s \(phase: expanding the polynomials of -\)/);
    expect(r.seconds).toBeLessThan(2);
  });
  test('a sum of 20,000 variables is refused at once: its dense exponents would take gigabytes', async () => {
    const sum = Array.from({ length: 20000 }, (_, i) => `x${i}`).join(' + ');
    const r = await run(['groebner', '-', '--timeout', '30'], sum);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/this sum holds 20001000 exponents \(1000 terms so far in 20000 variables\), more than the limit 20000000 \(option maxExponents\)/);
    expect(r.seconds).toBeLessThan(5);
  });
});

describe('input', () => {
  test('the cap agrees with the parser and refuses endless sources', async () => {
    expect(MAX_INPUT_BYTES).toBe(4 * DEFAULT_PARSE_LIMITS.maxLength);
    expect(() => readInputFile('/dev/zero')).toThrow(/'\/dev\/zero' is longer than 4000000 bytes/);
    await expect(readInputAsync('/dev/zero').text).rejects.toThrow(/'\/dev\/zero' is longer than 4000000 bytes/);
    await expect(readInputAsync('/no/such/file').text).rejects.toThrow(/cannot read '\/no\/such\/file': ENOENT/);
    const r = await run(['groebner', '/dev/zero', '--timeout', '5']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/longer than 4000000 bytes/);
  });
});

describe('output paths that cannot be written', () => {
  test('bench orderings --svg: exit 2 before the run', async () => {
    const r = await run(['bench', 'orderings', 'katsura:3', '--workers', '1', '--svg', '/nonexistent/dir/x.svg']);
    expect(r).toMatchObject({ code: 2, out: '', err: "polycrit: cannot write '/nonexistent/dir/x.svg': ENOENT\n" });
  });
  test('experiment --svg and --out', async () => {
    expect((await run(['experiment', 'gradient-descent', '--svg', '/nonexistent/dir/x.svg'])).err).toBe("polycrit: cannot write '/nonexistent/dir/x.svg': ENOENT\n");
    expect((await run(['experiment', 'weights-dataset', '--count', '10', '--out', '/nonexistent/w.jsonl'])).code).toBe(2);
  });
});

describe('stop reports', () => {
  test('the last partial result is printed with complete: false, once', () => {
    let out = '';
    let err = '';
    const io = { stdout: (t: string) => void (out += t), stderr: (t: string) => void (err += t) };
    const code = reportStop(io, { kind: 'signal', signal: 'SIGINT' }, { phase: 'F4 round 3', partial: { components: [1], complete: true }, json: true, printed: false });
    expect(code).toBe(130);
    expect(JSON.parse(out)).toEqual({ components: [1], complete: false, stopped: 'SIGINT', message: 'interrupted', phase: 'F4 round 3' });
    expect(err).toBe('polycrit: interrupted (phase: F4 round 3)\n');
    out = '';
    reportStop(io, { kind: 'time limit', seconds: 2 }, { phase: 'p', json: true, printed: true });
    expect(out).toBe('');
    expect(stopJSON({ kind: 'memory', megabytes: 64 }, 'p', undefined)).toMatchObject({ complete: false, stopped: 'memory' });
  });
  test('a result the library cut short at the time limit reads like a run stopped from outside', async () => {
    let out = '';
    let err = '';
    const ctx = new CliContext({ stdout: (t) => void (out += t), stderr: (t) => void (err += t), readStdin: () => '', isTTY: false });
    Object.assign(ctx, { json: true, timeLimit: 1.5, lastPhase: 'parametrizing', deadline: new Deadline(0.001, 'solve', 1.5) });
    await new Promise((resolve) => setTimeout(resolve, 5));
    ctx.printResult(false, () => ({ solutions: 7, complete: false, message: 'solve stopped after the time limit of 1.2 s' }), () => 'text');
    expect(JSON.parse(out)).toEqual({ solutions: 7, complete: false, stopped: 'time limit', message: 'stopped after the time limit of 1.5 s', phase: 'parametrizing' });
    expect(err).toBe('polycrit: stopped after the time limit of 1.5 s (phase: parametrizing)\n');
    expect(ctx.exitCode).toBe(1);
    // The library's own message names the limit the user gave, not what start-up left of it.
    expect(() => new Deadline(0.001, 'solve', 1.5).check()).not.toThrow();
    const d = new Deadline(0.001, 'solve', 1.5);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(() => d.check()).toThrow('solve stopped after the time limit of 1.5 s');
    // Complete results print as they are.
    out = '';
    const done = new CliContext({ stdout: (t) => void (out += t), stderr: (t) => void (err += t), readStdin: () => '', isTTY: false });
    done.printResult(true, () => ({ complete: true }), () => 'all found');
    expect(out).toBe('all found\n');
    expect(done.exitCode).toBe(0);
  });
  test('--max-memory is read before commander runs; bad values are left to it', async () => {
    expect(maxMemoryArgument(['solve', 'x', '--max-memory', '512'])).toBe(512);
    expect(maxMemoryArgument(['--max-memory=300', 'solve'])).toBe(300);
    expect(maxMemoryArgument(['solve', '--', '--max-memory', '512'])).toBeUndefined();
    expect(maxMemoryArgument(['--max-memory', 'lots'])).toBeUndefined();
    expect((await run(['--max-memory', 'lots', 'expand', 'x'])).code).toBe(2);
    expect((await run(['expand', 'x', '--max-memory', '512'])).out).toBe('x\n');
  });
});
