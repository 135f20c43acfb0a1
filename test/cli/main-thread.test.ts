/**
 * The installed command on the main thread (src/cli/main-thread.ts): which runs go there, the
 * time limit read before commander, and V8's watchdog ending a computation that never checks its
 * deadline, reported as the worker's stop is. The installed command itself, as a child process,
 * is in worker.test.ts.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { MainFunction, runOnMainThread, runsOnMainThread, timeLimitArgument } from '../../src/cli/main-thread';
import { runCli } from './run-cli';

function capture(): { out: { stdout: (t: string) => void; stderr: (t: string) => void }; text: { stdout: string; stderr: string } } {
  const text = { stdout: '', stderr: '' };
  return { out: { stdout: (t) => void (text.stdout += t), stderr: (t) => void (text.stderr += t) }, text };
}

describe('runsOnMainThread', () => {
  it('takes the commands whose action waits on nothing, with regular inputs; the rest goes to the worker', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'polycrit-main-'));
    const file = path.join(dir, 'system.txt');
    fs.writeFileSync(file, 'x^2 - 2\n');
    for (const argv of [['solve', 'katsura:4'], ['critical', '--preset', 'xor-blog', '--timeout', '5'], ['groebner', file, '--json'], ['expand', '(x+1)^3'], ['--version'], []]) {
      expect([argv, runsOnMainThread(argv, {})]).toEqual([argv, true]);
    }
    const worker = [
      ['bench', 'orderings', 'katsura:4'],
      ['check', '--runs', '2'],
      ['experiment', 'overparameterization'],
      ['solve', '-'],
      ['--max-memory', '100', 'solve', 'katsura:4'],
      ['solve', 'katsura:4', '--max-memory=64'],
      ['solve', '/dev/null'], // a device: a read that may block
    ];
    for (const argv of worker) expect([argv, runsOnMainThread(argv, {})]).toEqual([argv, false]);
    expect(runsOnMainThread(['solve', 'katsura:4'], { POLYCRIT_THREAD: 'worker' })).toBe(false);
  });
});

describe('timeLimitArgument', () => {
  it('reads --timeout as commander does: the last one before --, in either spelling', () => {
    expect(timeLimitArgument(['solve', 'katsura:4', '--timeout', '5'])).toBe(5);
    expect(timeLimitArgument(['solve', '--timeout=0.5', 'katsura:4'])).toBe(0.5);
    expect(timeLimitArgument(['solve', '--timeout', '5', 'katsura:4', '--timeout', '2'])).toBe(2);
    expect(timeLimitArgument(['solve', 'katsura:4', '--', '--timeout', '2'])).toBeUndefined();
    expect(timeLimitArgument(['solve', 'katsura:4'])).toBeUndefined();
    expect(timeLimitArgument(['solve', 'katsura:4', '--timeout', 'soon'])).toBeUndefined();
  });
});

describe('runOnMainThread', () => {
  it("V8's watchdog ends a computation that never checks its deadline at the limit plus the grace: exit 1, the phase and the partial result", async () => {
    const spin: MainFunction = async (argv, io) => {
      io.events!.started({ command: 'solve', timeLimit: 0.3, json: true });
      io.events!.phase('spinning');
      io.events!.partial({ dimension: 0 });
      const end = Date.now() + 10_000;
      while (Date.now() < end) {
        // no deadline checked here
      }
      io.stdout('never\n');
      return 0;
    };
    const { out, text } = capture();
    const start = performance.now();
    const code = await runOnMainThread(['solve', 'katsura:4', '--timeout', '0.3', '--json'], { main: spin, out, isTTY: false, since: start });
    const seconds = (performance.now() - start) / 1000;
    expect(code).toBe(1);
    expect(seconds).toBeGreaterThan(0.75);
    expect(seconds).toBeLessThan(3);
    expect(JSON.parse(text.stdout)).toEqual({ dimension: 0, complete: false, stopped: 'time limit', message: 'stopped after the time limit of 0.3 s', phase: 'spinning' });
    expect(text.stderr).toBe('polycrit: stopped after the time limit of 0.3 s (phase: spinning)\n');
  });

  it('a run that ends by itself gives its exit code and output as they are', async () => {
    const quick: MainFunction = async (argv, io) => {
      io.events!.started({ command: 'solve', timeLimit: 5, json: false });
      io.stdout(`ran ${argv.join(' ')}\n`);
      io.stderr('a warning\n');
      return 3;
    };
    const { out, text } = capture();
    expect(await runOnMainThread(['solve', 'x', '--timeout', '5'], { main: quick, out, isTTY: false, since: performance.now() })).toBe(3);
    expect(text).toEqual({ stdout: 'ran solve x --timeout 5\n', stderr: 'a warning\n' });
  });

  it('refuses a command whose time limit differs from the one read before it', async () => {
    const other: MainFunction = async (argv, io) => {
      io.events!.started({ command: 'solve', timeLimit: 5, json: false });
      return 0;
    };
    await expect(runOnMainThread(['solve', 'x'], { main: other, out: capture().out, isTTY: false })).rejects.toThrow(/time limit read before the command \(undefined s\) differs from the command's \(5 s\)/);
  });

  it("runs the CLI's own commands with the same output as in-process", async () => {
    // The basis's JSON says how long it took: that one field may differ.
    const untimed = (json: string) => json.replace(/"seconds": [0-9.e-]+/g, '"seconds": 0');
    for (const argv of [['solve', 'katsura:3', '--json'], ['groebner', 'cyclic:4', '--timeout', '30', '--json'], ['expand', '(x+y)^3'], ['solve', 'katsura:3', '--digits', 'x']]) {
      const { out, text } = capture();
      const code = await runOnMainThread(argv, { out, isTTY: false, since: performance.now() });
      const alone = await runCli(argv);
      expect({ code, out: untimed(text.stdout), err: text.stderr }).toEqual({ ...alone, out: untimed(alone.out) });
    }
  });
});
