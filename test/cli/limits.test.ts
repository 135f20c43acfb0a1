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
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

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
    expect(r.err).toMatch(/^polycrit: line 1, column 78891: 20000 variables, more than the limit 10000 \(raise it with --max-variables N\)/);
    expect(r.seconds).toBeLessThan(5);
    // With the variables allowed, the exponents' limit still refuses it before the sum is formed.
    const raised = await run(['groebner', '-', '--timeout', '30', '--max-variables', '20000'], sum);
    expect(raised.code).toBe(1);
    expect(raised.err).toMatch(/this sum holds 20001000 exponents \(1000 terms so far in 20000 variables\), more than the limit 20000000 \(raise it with --max-exponents N\)/);
    expect(raised.seconds).toBeLessThan(5);
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
  test('on a terminal a new phase is drawn at once; only number updates of the line shown are throttled', () => {
    let err = '';
    const ctx = new CliContext({ stdout: () => undefined, stderr: (t) => void (err += t), readStdin: () => '', isTTY: true });
    const drawn = (): string[] => err.split('\r\x1b[K… ').slice(1);
    ctx.status('reading the network spec');
    ctx.status('Gröbner basis');
    ctx.status('the staircase modulo 7: F4 round 1: degree 2');
    ctx.status('the staircase modulo 7: F4 round 2: degree 3');
    ctx.status('the staircase modulo 7: F4 round 3: degree 3');
    ctx.status('8 solutions: the multiplication maps on their orbits modulo a prime');
    // Within 100 ms: every phase is drawn, the repeated F4 rounds only once.
    expect(drawn()).toEqual(['reading the network spec', 'Gröbner basis', 'the staircase modulo 7: F4 round 1: degree 2', '8 solutions: the multiplication maps on their orbits modulo a prime']);
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

describe("the parser's limits on the command line", () => {
  // Each limit refuses a small reproducer (exit 1, the message naming the flag) and the flag,
  // raised, lets the same input through. The inputs are small so that the limits can be too.
  const cases: { flag: string; input: string; refused: string; low: number; high: number }[] = [
    { flag: '--max-length', input: 'x + y + z', refused: 'the input has 9 characters, more than the limit 5', low: 5, high: 9 },
    { flag: '--max-depth', input: '((((x))))', refused: 'nesting deeper than 3 levels', low: 3, high: 4 },
    { flag: '--max-exponent', input: 'x^12', refused: 'exponent 12 is larger than the limit 10', low: 10, high: 12 },
    { flag: '--max-variables', input: 'a*b + c', refused: '3 variables, more than the limit 2', low: 2, high: 3 },
    { flag: '--max-degree', input: '(x*y)^4', refused: 'this power ^4 has degree 8, more than the limit 7', low: 7, high: 8 },
    { flag: '--max-terms', input: '(x+y+z+1)^20', refused: 'this power ^20 may have up to 1771 terms, more than the limit 1000', low: 1000, high: 2000 },
    { flag: '--max-products', input: '(x+y+1)^4', refused: 'this product needs 36 term multiplications, more than the limit 30', low: 30, high: 36 },
    { flag: '--max-coefficient-bits', input: '(2*x+3)^100', refused: 'this power ^100 may have coefficients of 300 bits, more than the limit 200', low: 200, high: 400 },
    { flag: '--max-exponents', input: 'a + b + c + d', refused: 'this sum holds 20 exponents (4 terms so far in 4 variables), more than the limit 15', low: 15, high: 20 },
  ];
  test.each(cases)('$flag: refused below, through when raised', async ({ flag, input, refused, low, high }) => {
    const r = await run(['expand', input, flag, String(low)]);
    expect(r.code).toBe(1);
    expect(r.err.split('\n')[0]).toBe(`polycrit: line 1, column ${r.err.split('\n')[0].match(/column (\d+)/)?.[1]}: ${refused} (raise it with ${flag} N)`);
    const ok = await run(['expand', input, flag, String(high)]);
    expect(ok.err).toBe('');
    expect(ok.code).toBe(0);
  });
  test('every command that reads polynomial text has the flags, and --help lists them', async () => {
    for (const command of [['expand'], ['diff'], ['groebner'], ['solve'], ['convert'], ['bench', 'orderings']]) {
      const help = (await run([...command, '--help'])).out;
      expect(help).toMatch(/Input limits \(past one the input is refused, exit 1; raise it with its flag\):/);
      for (const { flag } of cases) expect(help).toContain(`${flag} <n>`);
    }
    expect((await run(['expand', 'x', '--max-terms', '0'])).err).toMatch(/--max-terms must be between 1 and/);
  });
  test('a file past a limit is named with the line and column, and the flag reaches the reader', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'polycrit-limits-'));
    const file = path.join(dir, 'big.txt');
    fs.writeFileSync(file, 'x - y\n(x+y+z+1)^20 - z\n');
    for (const command of ['groebner', 'solve', 'convert']) {
      const extra = command === 'convert' ? ['--to', 'msolve'] : [];
      const r = await run([command, file, ...extra, '--max-terms', '1000']);
      expect(r.code).toBe(1);
      expect(r.err.split('\n')[0]).toBe(`polycrit: ${file}: line 2, column 10: this power ^20 may have up to 1771 terms, more than the limit 1000 (raise it with --max-terms N)`);
    }
    expect((await run(['convert', file, '--to', 'msolve', '--max-terms', '2000'])).code).toBe(0);
    // A JSON file: the piece is named too; the syntax pass's limits read the flag as well.
    const json = path.join(dir, 'big.json');
    fs.writeFileSync(json, JSON.stringify({ polynomials: ['x - y', '(((x)))'] }));
    const deep = await run(['groebner', json, '--max-depth', '2']);
    expect(deep.code).toBe(1);
    expect(deep.err.split('\n')[0]).toBe(`polycrit: ${json}: polynomials[1]: line 1, column 4: nesting deeper than 2 levels (raise it with --max-depth N)`);
    expect((await run(['groebner', json, '--max-depth', '3'])).code).toBe(0);
    fs.rmSync(dir, { recursive: true });
  });
});
