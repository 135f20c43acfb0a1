/**
 * What every CLI command receives: where to write, and helpers that keep the commands uniform
 * (JSON or text output, reading a file or stdin, numeric option parsing with clear errors).
 * The CLI holds no mathematics; commands call the library and format its results.
 *
 * A run also reports how far it got, for the time limit and Ctrl-C: `phase` (each progress
 * message, the last one names the phase in the stop message), `partial` (what is known so far,
 * in the command's JSON form) and `deadline` (the cooperative limit of `--timeout`, started when
 * the command's action starts, carrying the memory budget: half of what node's heap has left,
 * whose limit `--max-memory` sets). In-process these are only kept on the context; when the command
 * runs on a worker thread (`command-worker.ts`) the IO's `events` forward them to the main thread,
 * which prints them if it has to stop the worker.
 */
import type { Command } from 'commander';
import { Deadline, HeapLimitError, InputError, MemoryBudget, setDefaultMemoryBudget } from '../errors';
import type { ProgressCallback } from '../control';
import { getHeapStatistics } from 'v8';
import { resourceLimits } from 'worker_threads';
import { readInputFile, readStandardInput } from './files';
import { StopReason, stopJSON, stopMessage } from './stop';
import { availableParallelism } from 'os';
import { ImageWorkers } from '../solve/image-workers';
import { imageThreads } from '../solve/image-threads';
import { BasisWorkers } from '../groebner/basis-workers';
import { basisThreads } from '../groebner/basis-threads';

/** What a supervised run tells its supervisor (`supervisor.ts`, `main-thread.ts`); absent in-process. */
export interface RunEvents {
  /** The command's action starts, with its time limit for the whole run (seconds) and `--json`. */
  started(info: { command: string; timeLimit?: number; json: boolean }): void;
  /** A progress message: the phase the computation has reached. */
  phase(message: string): void;
  /** What is known so far, as a JSON-compatible object in the command's `--json` form. */
  partial(json: object): void;
  /** The command can stop cleanly on Ctrl-C: the main thread calls `handler` before it kills. */
  listenForInterrupt(handler: () => void): void;
}

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Reads all of standard input (used when a FILE argument is `-`). */
  readStdin: () => string;
  /** Reads an input file (default: `readInputFile`, a synchronous read). */
  readFile?: (path: string) => string;
  /** True when stderr is a terminal (progress lines are drawn only then). */
  isTTY: boolean;
  /** Set when the installed command runs it (on a worker thread under `supervisor.ts`, or `main-thread.ts`). */
  events?: RunEvents;
  /**
   * When the run began (ms since the epoch): the installed command counts `--timeout` from the
   * process's start, so that start-up is inside the limit. Default: the command's action starts.
   */
  startedAt?: number;
}

export const processIO: CliIO = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  readStdin: readStandardInput,
  isTTY: Boolean(process.stderr.isTTY),
};

/** Wrong use of the command line (unknown option, missing argument): exit code 2. */
export class UsageError extends InputError {}

/** The commands whose `--timeout` limits the whole run (`check`'s limits each solve). */
const wholeRunTimeouts = new WeakSet<Command>();

/** Adds `--timeout <seconds>`, the limit of the whole run: cooperative in-process, hard on a worker. */
export function addTimeoutOption(cmd: Command, description = 'stop after this many seconds (exit 1)'): Command {
  wholeRunTimeouts.add(cmd);
  return cmd.option('--timeout <seconds>', description, secondsOption('--timeout'));
}

/**
 * The memory budget of a run: half of what the heap of this thread has left when the command
 * starts — its limit is, on the installed command's worker, its old generation, which
 * `--max-memory` sets (node's heap_size_limit adds the young generation, 48 MB more, too much for
 * small limits); in-process node's own limit. What the loaded code already holds (about 7 MB) is
 * subtracted first: with `--max-memory 16` half the limit would leave the structures no room to
 * reach the budget before the heap is full.
 */
export function heapBudget(): MemoryBudget {
  const mb = resourceLimits.maxOldGenerationSizeMb;
  const limit = mb ? mb * 2 ** 20 : getHeapStatistics().heap_size_limit;
  const free = limit - getHeapStatistics().used_heap_size;
  return new MemoryBudget(Math.max(free, limit / 8) / 2);
}

/** V8's young generation on 64-bit systems (two semi-spaces and a large-object space of 16 MB). */
const YOUNG_GENERATION = 48 * 2 ** 20;

/**
 * The old generation's limit on this thread in bytes, the one V8 stops the process at: on a worker
 * its `--max-memory`, else node's heap limit less the young generation it includes.
 */
function oldGenerationLimit(): number {
  const mb = resourceLimits.maxOldGenerationSizeMb;
  if (mb) return mb * 2 ** 20;
  return Math.max(getHeapStatistics().heap_size_limit - YOUNG_GENERATION, 16 * 2 ** 20);
}

/** The share of the heap's limit past which `heapWatch` stops the run. */
export const HEAP_STOP_SHARE = 0.9;

/**
 * A watch for the run's deadline (`DeadlineLimits.watch`): throws a HeapLimitError once the heap
 * holds more than `HEAP_STOP_SHARE` of `limit` bytes (default this thread's old generation's
 * limit; the young generation's objects count too, so a small heap stops a little early), looking
 * at most every 50 ms. Past the limit V8 ends the process with a fatal error; on the main thread
 * (`main-thread.ts`) nothing else would stop the run first, and on a worker this stop keeps what
 * is known (the partial result) where terminating the thread loses it. Allocations between two
 * checks of the deadline can still reach the limit.
 */
export function heapWatch(limit = oldGenerationLimit(), used = () => getHeapStatistics().used_heap_size): () => void {
  let next = 0;
  return () => {
    const now = Date.now();
    if (now < next) return;
    next = now + 50;
    ensureHeapRoom(0, limit, used);
  };
}

/**
 * Heap bytes per character of a JSON text once parsed, for arrays of small numbers (the data rows
 * of a network spec: `[1,1],` is 72 bytes as a JavaScript array), the costliest usual content;
 * objects and strings take 2-4 bytes per character.
 */
export const PARSED_JSON_BYTES_PER_CHAR = 12;

/**
 * Throws a HeapLimitError when `bytes` more would take the heap past `HEAP_STOP_SHARE` of its
 * limit (the heap's use and limit as for `heapWatch`): for a large allocation made in one native
 * call, which neither the watch nor a worker's own limit can interrupt. Parsing an 18 MB spec of
 * three million data rows (216 MB of arrays) under `--max-memory 100` made V8 end the whole
 * process, whose worker had reached its limit inside JSON.parse.
 */
export function ensureHeapRoom(bytes: number, limit = oldGenerationLimit(), used = () => getHeapStatistics().used_heap_size): void {
  const after = used() + bytes;
  if (after > HEAP_STOP_SHARE * limit) throw new HeapLimitError(after, limit);
}

export class CliContext {
  exitCode = 0;
  /** The whole run's time limit in seconds, once the action has started. */
  timeLimit: number | undefined;
  /** The cooperative deadline of `--timeout` (Infinity without one), from the action's start. */
  deadline = new Deadline();
  /** `--json` was given. */
  json = false;
  /** The last progress message. */
  lastPhase = 'starting';
  /** The last partial result (see `partial`). */
  lastPartial: object | undefined;
  /** Something was printed on stdout. */
  printed = false;
  /** What was left of the time limit when the action started (seconds; Infinity without one). */
  secondsLeftAtStart = Infinity;
  constructor(readonly io: CliIO) {}

  /** Called when a command's action starts (a commander preAction hook). */
  begin(command: Command): void {
    const opts = command.opts() as { timeout?: number; json?: boolean };
    this.json = Boolean(opts.json);
    this.timeLimit = wholeRunTimeouts.has(command) ? opts.timeout : undefined;
    // The part of the limit start-up has used is not given again (at least 1 ms is left).
    const spent = this.io.startedAt === undefined ? 0 : (Date.now() - this.io.startedAt) / 1000;
    this.secondsLeftAtStart = this.timeLimit === undefined ? Infinity : Math.max(this.timeLimit - spent, 0.001);
    const budget = heapBudget();
    // Also the default, for the computations no deadline reaches.
    setDefaultMemoryBudget(budget);
    this.deadline = new Deadline(this.secondsLeftAtStart, command.name(), this.timeLimit, { memory: budget, watch: heapWatch() });
    this.io.events?.started({ command: command.name(), timeLimit: this.timeLimit, json: this.json });
  }
  /**
   * Makes `--timeout` limit the whole run from inside an action, for a command where it does so
   * only in one mode (`check --solver`; plain `check` limits each solve): the deadline and, on a
   * worker, the main thread's hard stop, as for `addTimeoutOption`.
   */
  limitWholeRun(command: Command): void {
    wholeRunTimeouts.add(command);
    this.begin(command);
  }
  print(text: string): void {
    this.endProgress();
    this.printed = true;
    this.io.stdout(text.endsWith('\n') ? text : text + '\n');
  }
  printJSON(value: unknown): void {
    this.print(JSON.stringify(value, null, 2));
  }
  private lastProgress = 0;
  private progressShown = false;
  /** The status line shown last, its numbers replaced by '#'. */
  private shownShape = '';
  /** Records the phase a computation has reached (named if the run is stopped). */
  phase(message: string): void {
    this.lastPhase = message;
    this.io.events?.phase(message);
  }
  /**
   * `phase`, and on a terminal a redrawn status line on stderr; `endProgress` clears it. A message
   * that only updates the numbers of the line shown (the next F4 round, one more prime) is drawn at
   * most 10 times a second; any other is drawn at once, since the computation may then run for
   * minutes without another report (a throttled "Gröbner basis" once left "reading the network
   * spec" on the screen for half a minute).
   */
  status(message: string): void {
    this.phase(message);
    if (!this.io.isTTY) return;
    const now = Date.now();
    const shape = message.replace(/\d+/g, '#');
    if (shape === this.shownShape && now - this.lastProgress < 100) return;
    this.lastProgress = now;
    this.shownShape = shape;
    this.progressShown = true;
    this.io.stderr(`\r\x1b[K… ${message.slice(0, 100)}`);
  }
  /** The `onProgress` callback to hand to the library (`status` of each report's message). */
  onProgress(): ProgressCallback {
    return (info) => this.status(info.message);
  }
  /** Clears the progress line, if one was drawn. */
  endProgress(): void {
    if (this.progressShown) this.io.stderr('\r\x1b[K');
    this.progressShown = false;
  }
  /**
   * Prints a command's result. One that is incomplete because the library reached the time limit
   * is reported like a run stopped from outside (stop.ts), so the two read the same: under
   * `--json` the partial result with `stopped`, the limit's message and the phase; the stop line
   * on stderr; exit 1 for any incomplete result.
   */
  printResult(complete: boolean, json: () => object, text: () => string): void {
    const reason: StopReason | undefined = !complete && this.deadline.expired && this.timeLimit !== undefined ? { kind: 'time limit', seconds: this.timeLimit } : undefined;
    if (this.json) this.printJSON(reason ? stopJSON(reason, this.lastPhase, json()) : json());
    else this.print(text());
    if (reason) this.io.stderr(stopMessage(reason, this.lastPhase));
    if (!complete) this.exitCode = 1;
  }
  /**
   * What is known so far, in the command's `--json` form. If the run is stopped (time limit,
   * Ctrl-C) with `--json`, the last one is printed with `complete: false`. Must be plain data.
   */
  partial(json: object): void {
    this.lastPartial = json;
    this.io.events?.partial(json);
  }
  /**
   * Lets a command that can stop cleanly (its event loop stays free) do so on Ctrl-C; the main
   * thread still ends the run shortly after. In-process there is no signal to forward.
   */
  onInterrupt(handler: () => void): void {
    this.io.events?.listenForInterrupt(handler);
  }
  warn(text: string): void {
    this.endProgress();
    this.io.stderr(text.endsWith('\n') ? text : text + '\n');
  }
  /** Reads a path, or stdin for `-`; a missing file is an input error. */
  readInput(path: string): string {
    return path === '-' ? this.io.readStdin() : (this.io.readFile ?? readInputFile)(path);
  }
}

/** The default of `--threads`: two when the machine has two processors or more (one helper). */
export const DEFAULT_THREADS = Math.min(2, availableParallelism());

/** Adds `--threads N`: the images modulo primes on N threads (1: none besides the command's), `byDefault` unless given. */
export function addThreadsOption(cmd: Command, byDefault = DEFAULT_THREADS): Command {
  return cmd.option('--threads <n>', `threads for the computations modulo primes (default ${byDefault}; 1 computes everything on one; the answer is the same)`, intOption('--threads', 1, 64), byDefault);
}

/** The helpers for `--threads N` (undefined for 1). */
export function imageWorkersFor(threads: number): ImageWorkers | undefined {
  return threads > 1 ? imageThreads(threads - 1) : undefined;
}

/** The Gröbner driver's helpers for `--threads N` (undefined for 1). */
export function basisWorkersFor(threads: number): BasisWorkers | undefined {
  return threads > 1 ? basisThreads(threads - 1) : undefined;
}

/** Parses an integer option, with a message naming the option. */
export function intOption(name: string, min = -Infinity, max = Infinity) {
  return (value: string): number => {
    if (!/^[+-]?\d+$/.test(value.trim())) throw new UsageError(`${name} expects an integer, got '${value}'`);
    const n = Number(value);
    if (n < min || n > max) throw new UsageError(`${name} must be between ${min} and ${max}, got ${n}`);
    return n;
  };
}

/** Parses a non-negative number of seconds. */
export function secondsOption(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${name} expects a positive number of seconds, got '${value}'`);
    return n;
  };
}
