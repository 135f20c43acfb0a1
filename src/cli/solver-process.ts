/**
 * One call of an external solver (`polycrit check --solver CMD`): CMD runs through the shell
 * (`/bin/sh -c CMD`, so quoting, pipes and `cd dir && …` work as typed) in a process group of its
 * own, the request is written to its stdin, which is then closed, and its stdout and stderr are
 * collected. The whole group is killed (SIGKILL) when the call's time limit passes, when the run
 * is stopped (the abort signal: Ctrl-C, the whole-run limit), or when the output passes
 * `maxOutput` bytes — so a solver that forks helpers or hangs leaves nothing behind. Every
 * outcome is a value; nothing here throws.
 */
import type { ChildProcess } from 'child_process';

/** How a call ended. */
export type SolverRun =
  | { kind: 'exited'; code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string; seconds: number }
  | { kind: 'timeout'; stderr: string; seconds: number }
  | { kind: 'stopped'; seconds: number }
  | { kind: 'too much output'; bytes: number; seconds: number }
  | { kind: 'not started'; message: string };

/** Options of `runSolver`. */
export interface SolverRunOptions {
  /** Seconds before the process group is killed. */
  timeout: number;
  /** Stops the call at once (the process group is killed). */
  signal?: AbortSignal;
  /** Most bytes of stdout plus stderr kept before the call counts as runaway (default 16 MB). */
  maxOutput?: number;
}

/**
 * Runs `command` through the shell with `input` on stdin.
 * @example await runSolver('python3 examples/solvers/sympy-solve.py', JSON.stringify(request), { timeout: 30 })
 */
export function runSolver(command: string, input: string, options: SolverRunOptions): Promise<SolverRun> {
  const maxOutput = options.maxOutput ?? 16 * 2 ** 20;
  const start = performance.now();
  const seconds = () => (performance.now() - start) / 1000;
  return new Promise((resolve) => {
    if (options.signal?.aborted) return resolve({ kind: 'stopped', seconds: 0 });
    let child: ChildProcess;
    try {
      // Loaded only here: the command's start does not need child_process (nor net and dgram).
      const { spawn } = require('child_process') as typeof import('child_process');
      child = spawn('/bin/sh', ['-c', command], { detached: true, stdio: ['pipe', 'pipe', 'pipe'] });
    } catch (e) {
      return resolve({ kind: 'not started', message: (e as Error).message });
    }
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let bytes = 0;
    let ending: 'timeout' | 'stopped' | 'too much output' | undefined;
    let done = false;
    const killGroup = () => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // The group is gone already.
      }
    };
    const end = (why: 'timeout' | 'stopped' | 'too much output') => {
      ending ??= why;
      killGroup();
    };
    const timer = setTimeout(() => end('timeout'), Math.max(0, options.timeout) * 1000);
    const onAbort = () => end('stopped');
    options.signal?.addEventListener('abort', onAbort);
    const collect = (into: Buffer[]) => (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > maxOutput) end('too much output');
      else into.push(chunk);
    };
    child.stdout?.on('data', collect(out));
    child.stderr?.on('data', collect(err));
    // A solver that exits without reading its input closes the pipe: not an error of ours.
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(input);
    const finish = (run: SolverRun) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      // Helpers the solver left running (its stdout closed) go with the group.
      killGroup();
      resolve(run);
    };
    child.on('error', (e) => finish({ kind: 'not started', message: e.message }));
    child.on('close', (code, signal) => {
      const stderr = Buffer.concat(err).toString('utf8');
      if (ending === 'timeout') finish({ kind: 'timeout', stderr, seconds: seconds() });
      else if (ending === 'stopped') finish({ kind: 'stopped', seconds: seconds() });
      else if (ending === 'too much output') finish({ kind: 'too much output', bytes, seconds: seconds() });
      else finish({ kind: 'exited', code, signal, stdout: Buffer.concat(out).toString('utf8'), stderr, seconds: seconds() });
    });
  });
}
