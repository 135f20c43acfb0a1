/**
 * The installed command on the main thread, for the commands that allow it.
 *
 * A worker thread (`supervisor.ts`) costs about 0.14 s before the command begins: Node's own
 * start of the thread, then the bundle loaded on it. On small systems that is a third of the
 * run. The time limit and Ctrl-C do not need the worker: here the command runs inside
 * `vm.Script.runInThisContext` under V8's watchdog, which stops synchronous JavaScript wherever
 * it is, at a timeout (`--timeout` S plus the supervisor's grace, counted from the process's
 * start) and on SIGINT (`breakOnSigint`). The stop is reported as on the worker (`stop.ts`): the
 * phase reached, the last partial result under `--json`, exit 1 for the limit and 130 for Ctrl-C.
 *
 * The watchdog covers the script's synchronous run only, so only the commands whose action waits
 * on nothing run here (`MAIN_THREAD_COMMANDS`); so do only regular input files (a read that blocks
 * would not be stopped). What stays with the worker:
 * - `--max-memory`: a heap limit needs a thread of its own;
 * - SIGTERM's report: no JavaScript runs on a busy thread, so SIGTERM ends a run here at once,
 *   by the signal's default action (status 143), without the phase or a partial result;
 * - a hard cap on the heap: here the run's deadline watches the heap (`heapWatch`, context.ts) and
 *   stops the run near node's limit with the same message, but an allocation between two checks
 *   can still reach the limit, and V8 then ends the process with its fatal error.
 * `POLYCRIT_THREAD=worker` sends every command to the worker.
 */
import * as fs from 'fs';
import * as vm from 'vm';
import type { CliIO } from './context';
import { loadCommandBundle } from './code-cache';
import { GRACE_SECONDS, StopReason, reportStop } from './stop';

/** The commands whose action runs synchronously to its end (`bench`, `check`, `experiment` wait on work). */
export const MAIN_THREAD_COMMANDS: ReadonlySet<string> = new Set(['solve', 'groebner', 'critical', 'expand', 'diff', 'convert', 'help']);

/** An existing path that is neither a regular file nor a directory (a FIFO, a terminal, /dev/stdin). */
function isSpecialFile(arg: string): boolean {
  try {
    const stats = fs.statSync(arg);
    return !stats.isFile() && !stats.isDirectory();
  } catch {
    return false;
  }
}

/**
 * Whether `argv` runs on the main thread: a command of `MAIN_THREAD_COMMANDS` (or none: the help),
 * no `--max-memory`, no argument that reads standard input or a file whose read may block, and
 * `POLYCRIT_THREAD` not `worker`.
 */
export function runsOnMainThread(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.POLYCRIT_THREAD === 'worker') return false;
  const command = argv.find((a) => !a.startsWith('-'));
  if (command !== undefined && !MAIN_THREAD_COMMANDS.has(command)) return false;
  for (const a of argv) {
    if (a === '--') break;
    if (a === '--max-memory' || a.startsWith('--max-memory=') || a === '-') return false;
  }
  return !argv.some((a) => !a.startsWith('-') && isSpecialFile(a));
}

/**
 * The value of `--timeout S` in `argv` as commander will read it (the last one before `--`), or
 * undefined; read before commander runs, since the watchdog is armed before the command starts.
 * The command's own limit is checked against it when it starts (`runOnMainThread`).
 */
export function timeLimitArgument(argv: readonly string[]): number | undefined {
  let seconds: number | undefined;
  for (let i = 0; i < argv.length && argv[i] !== '--'; i++) {
    const a = argv[i];
    const value = a === '--timeout' ? argv[++i] : a.startsWith('--timeout=') ? a.slice('--timeout='.length) : undefined;
    if (value === undefined) continue;
    const n = Number(value);
    seconds = Number.isFinite(n) && n > 0 ? n : undefined;
  }
  return seconds;
}

/** The CLI's entry point (`main.ts`). */
export type MainFunction = (argv: string[], io: CliIO) => Promise<number>;

/** The command's code on this thread: the bundle when it is current, else the separate modules. */
function commandCode(): { main: MainFunction; refreshCache?: () => void } {
  const bundle = loadCommandBundle();
  if (bundle !== undefined) return { main: bundle.exports.main as MainFunction, refreshCache: bundle.cache === 'used' ? undefined : () => void bundle.writeCache() };
  // Loaded only now; the module's top level does nothing off a worker thread.
  return { main: (require('./command-worker') as typeof import('./command-worker')).main };
}

/** The global the watched script calls (a script cannot close over this module's variables). */
const ENTRY = '__polycritMainThread';

/**
 * Runs `polycrit argv` on this thread (see the file's comment); resolves to the exit code. Tests
 * may give the entry point (`main`, else the command's code), where the output goes (`out`), and
 * when the time limit starts (`since`, a `performance.now()`; default the process's start).
 */
export async function runOnMainThread(
  argv: string[],
  options: { main?: MainFunction; out?: { stdout: (text: string) => void; stderr: (text: string) => void }; isTTY?: boolean; since?: number } = {},
): Promise<number> {
  const isTTY = options.isTTY ?? Boolean(process.stderr.isTTY);
  const out = options.out ?? { stdout: (t: string) => void process.stdout.write(t), stderr: (t: string) => void process.stderr.write(t) };
  const run: { phase: string; partial?: object; json: boolean; printed: boolean } = { phase: 'starting', json: false, printed: false };
  const limit = timeLimitArgument(argv);
  const since = options.since ?? 0;
  const { main, refreshCache } = options.main ? { main: options.main, refreshCache: undefined } : commandCode();
  const io: CliIO = {
    stdout: (text) => {
      run.printed = true;
      out.stdout(text);
    },
    stderr: out.stderr,
    readStdin: () => {
      throw new Error('standard input is read on the worker thread only');
    },
    isTTY,
    startedAt: performance.timeOrigin + since,
    events: {
      started: (info) => {
        run.json = info.json;
        // The watchdog's limit was read from argv before commander: they must agree.
        if (info.timeLimit !== limit) throw new Error(`the time limit read before the command (${limit} s) differs from the command's (${info.timeLimit} s)`);
      },
      phase: (message) => void (run.phase = message),
      partial: (json) => void (run.partial = json),
      listenForInterrupt: () => undefined,
    },
  };
  // The global object the script sees: this module's own, except in a sandbox (jest's).
  const global = new vm.Script('globalThis').runInThisContext() as { [ENTRY]?: () => void };
  let exitCode: Promise<number> | undefined;
  global[ENTRY] = () => {
    exitCode = main(argv, io);
  };
  // performance.now() is the time since the process started, where the limit counts from.
  const timeout = limit === undefined ? undefined : Math.max(1, Math.ceil((limit + GRACE_SECONDS) * 1000 - (performance.now() - since)));
  let stopped: StopReason | undefined;
  try {
    new vm.Script(`globalThis.${ENTRY}()`, { filename: 'polycrit-main-thread' }).runInThisContext({ breakOnSigint: true, ...(timeout === undefined ? {} : { timeout }) });
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') stopped = { kind: 'time limit', seconds: limit! };
    else if (code === 'ERR_SCRIPT_EXECUTION_INTERRUPTED') stopped = { kind: 'signal', signal: 'SIGINT' };
    else throw e;
  } finally {
    delete global[ENTRY];
  }
  if (stopped !== undefined) {
    if (isTTY) out.stderr('\r\x1b[K');
    return reportStop(out, stopped, run);
  }
  const code = await exitCode!;
  refreshCache?.();
  return code;
}
