/**
 * The error classes of polycrit.
 *
 * Ordinary outcomes (an empty solution set, a unit ideal) are results, never errors. Errors are
 * for the caller's mistakes and for computations that cannot finish: each class says which, so
 * the CLI can map them to exit codes (2 for bad input or usage, 1 for a computation that failed).
 */

/** Base class of every error polycrit throws on purpose. */
export class PolycritError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** The caller gave input that cannot be used (malformed text, wrong variables, bad option). */
export class InputError extends PolycritError {}

/** A computation exceeded a resource limit set by an option (degree, size, time). */
export class ResourceLimitError extends PolycritError {}

/** A computation ran past its time limit (`timeout` option / `--timeout`). */
export class TimeoutError extends ResourceLimitError {}

/** A structure would pass the memory budget (`memoryBudget` option / `--max-memory`); refused before it is allocated. */
export class MemoryLimitError extends ResourceLimitError {
  constructor(
    /** What would have grown past the budget, e.g. `an F4 matrix of 41,000 rows × 52,000 columns`. */
    readonly what: string,
    /** The estimate, in bytes. */
    readonly estimate: number,
    /** The budget, in bytes. */
    readonly budget: number,
  ) {
    super(
      `${what} needs about ${formatBytes(estimate)}, more than the memory budget of ${formatBytes(budget)} ` +
        `(by default half the heap: raise it with --max-memory MB on the command line, the memoryBudget option of the library in bytes)`,
    );
  }
}

/**
 * The heap of the run is near its limit (a watch of the caller's, see `DeadlineLimits.watch`: the
 * command line's stops the run here rather than let V8 end the process with its fatal error).
 */
export class HeapLimitError extends ResourceLimitError {
  constructor(
    /** The bytes the heap held. */
    readonly used: number,
    /** The heap's limit, in bytes. */
    readonly limit: number,
  ) {
    super(`the heap holds ${formatBytes(used)}, near its limit of ${formatBytes(limit)} (raise it with --max-memory MB on the command line)`);
  }
}

/** Bytes as `1.5 GB`, `12.3 MB`, `800 kB` (powers of 1024, three significant digits). */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'kB', 'MB', 'GB', 'TB'];
  let v = bytes;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return u === 0 ? `${Math.round(v)} bytes` : `${v >= 100 ? Math.round(v) : Number(v.toPrecision(3))} ${units[u]}`;
}

/** The heap limit the engine reports, or 4 GiB: platform-free (no `v8` module). */
export function defaultHeapLimit(): number {
  const memory = (globalThis as { performance?: { memory?: { jsHeapSizeLimit?: number } } }).performance?.memory;
  return memory?.jsHeapSizeLimit ?? 4 * 2 ** 30;
}

/**
 * A memory budget in bytes, checked where big structures grow (F4's matrices and monomial table,
 * products and powers of polynomials, the solver's multiplication structures). Checks compare an
 * estimate computed from counts (rows, entries, terms) with the budget, so they cost a comparison,
 * never a walk over the structure. Default: half the heap limit (`defaultHeapLimit`; the CLI
 * gives node's actual limit, which `--max-memory` sets). Typed arrays live outside the JavaScript
 * heap and are not stopped by its limit: the budget is what keeps them from crashing the process.
 */
export class MemoryBudget {
  constructor(readonly bytes: number = defaultHeapLimit() / 2) {}
  /** Throws a MemoryLimitError when `estimate` bytes are past the budget; `what` is called only then. */
  check(estimate: number, what: () => string): void {
    if (estimate > this.bytes) throw new MemoryLimitError(what(), estimate, this.bytes);
  }
  /** The most items of `bytesEach` bytes the budget holds (for checks that compare counts). */
  items(bytesEach: number): number {
    return Math.floor(this.bytes / bytesEach);
  }
}

/** The budget of a computation given no deadline, or a deadline without its own budget. */
let defaultBudget: MemoryBudget | undefined;

/** The memory budget a deadline carries, or the default one (`setDefaultMemoryBudget`, else half the heap limit). */
export function memoryBudgetOf(deadline?: Deadline): MemoryBudget {
  return deadline?.memory ?? (defaultBudget ??= new MemoryBudget());
}

/**
 * Sets the process-wide default budget, used where no deadline carries one (the CLI sets it from
 * the heap limit `--max-memory` gave its thread); undefined restores half the heap limit.
 */
export function setDefaultMemoryBudget(budget: MemoryBudget | undefined): void {
  defaultBudget = budget;
}

/**
 * A computation stopped because its `signal` (an AbortSignal) was aborted. It extends
 * TimeoutError on purpose: a cancellation ends every computation the way its time limit does —
 * where a function returns what it found so far (`complete: false`) on a time limit, it does so
 * on a cancellation too, and a caller that catches TimeoutError catches both. `reason` is the
 * signal's reason.
 */
export class CancelledError extends TimeoutError {
  constructor(
    message: string,
    readonly reason?: unknown,
  ) {
    super(message);
  }
}

/** A computation that should have succeeded failed (an internal consistency check did not hold). */
export class ComputationError extends PolycritError {}

/**
 * The primes a computation's multi-modular loops compute modulo: given the bound a loop needs
 * (2^21 for the solver's delayed reductions, 2^26 for the Gröbner driver), the primes below it to
 * try, in order. Each loop calls it afresh. The answer does not depend on it — a prime at which an
 * image is unusable is skipped, and every lift is checked at fresh primes — so it exists for
 * tests, which put unlucky primes first (see `ControlOptions.primeSource`).
 */
export type PrimeSource = (bound: number) => Iterable<number>;

/** What a Deadline honours besides its time limit. */
export interface DeadlineLimits {
  /** The run's memory budget; undefined for the outer deadline's, else the default (see `memoryBudgetOf`). */
  memory?: MemoryBudget;
  /** The primes of the modular loops; undefined for the outer deadline's, else the default (the primes below the bound, largest first). */
  primes?: PrimeSource;
  /** Stops the computation (a CancelledError) once aborted. */
  signal?: AbortSignal;
  /** A deadline this one also honours (an attempt's enclosing computation). */
  outer?: Deadline;
  /**
   * Called by each `check`, to throw when something the caller watches has gone too far: the
   * command line's watch on the heap (`heapWatch` in cli/context.ts) throws a HeapLimitError.
   * Inner deadlines reach it through `outer`. Checks come a few hundred times a second at most
   * (414 in the 2.5 s of katsura-9's basis over Q), so a watch may look at the clock each time.
   */
  watch?: () => void;
}

/**
 * A deadline checked cooperatively by long computations: a time limit, an AbortSignal, an outer
 * deadline, or any of them. The computations are synchronous, so a signal is seen at their next
 * check: aborted before the call, or during it from a callback the computation makes (`onProgress`,
 * `onPartial`), or from code that runs between checks. It also carries the run's memory budget
 * (`memory`) and prime source (`primes`), both inherited from the outer deadline, so that every
 * algorithm given a deadline sees every limit and setting of the run.
 */
export class Deadline {
  private readonly end: number;
  /** The run's memory budget; undefined for the default (see `memoryBudgetOf`). */
  readonly memory?: MemoryBudget;
  /** The primes of the run's modular loops; undefined for the default (see `PrimeSource`). */
  readonly primes?: PrimeSource;
  /** Stops the computation (a CancelledError) once aborted. */
  readonly signal?: AbortSignal;
  private readonly outer?: Deadline;
  private readonly watch?: () => void;
  constructor(
    /** Seconds allowed; `Infinity` for none. */
    readonly seconds: number = Infinity,
    private readonly what: string = 'computation',
    /** The limit named in the message, when it differs from `seconds` (the CLI's whole-run limit, of which start-up used a part). */
    private readonly stated: number = seconds,
    limits: DeadlineLimits = {},
  ) {
    this.end = Number.isFinite(seconds) ? Date.now() + seconds * 1000 : Infinity;
    this.memory = limits.memory ?? limits.outer?.memory;
    this.primes = limits.primes ?? limits.outer?.primes;
    this.signal = limits.signal;
    this.outer = limits.outer;
    this.watch = limits.watch;
  }
  /** Throws a TimeoutError when the deadline has passed, a CancelledError when the signal was aborted. Cheap enough for inner loops of rounds. */
  check(): void {
    this.outer?.check();
    this.watch?.();
    if (this.signal?.aborted) throw cancelled(this.what, this.signal);
    if (this.end !== Infinity && Date.now() > this.end) {
      throw new TimeoutError(`${this.what} stopped after the time limit of ${Number(this.stated.toPrecision(3))} s (raise it with --timeout / the timeout option)`);
    }
  }
  /** Seconds left before this deadline or an outer one ends (0 once past; Infinity when neither has a time limit). */
  get remaining(): number {
    const end = Math.min(this.end, this.outer ? Date.now() + this.outer.remaining * 1000 : Infinity);
    return end === Infinity ? Infinity : Math.max(0, (end - Date.now()) / 1000);
  }
  /**
   * A deadline for a first step that leaves `seconds` of this one's time to the steps after it
   * (the analysis of what the step found before the limit): it ends that much earlier, honours
   * this one (its signal, its outer deadlines), and names the same limit in its message. No time
   * limit of its own when this one has none.
   */
  leaving(seconds: number): Deadline {
    const left = this.remaining;
    return new Deadline(left === Infinity ? Infinity : Math.max(0, left - seconds), this.what, this.stated, { outer: this });
  }
  /** True when the deadline has passed or the signal was aborted (its own or the outer deadline's). */
  get expired(): boolean {
    return this.signal?.aborted === true || (this.end !== Infinity && Date.now() > this.end) || this.outer?.expired === true;
  }
}

function cancelled(what: string, signal: AbortSignal): CancelledError {
  const reason: unknown = signal.reason;
  // The default reason, a DOMException 'AbortError' ("This operation was aborted"), adds nothing to "cancelled".
  // (Errors are recognised by their shape: a DOMException from another realm is no instanceof Error here.)
  const error = typeof reason === 'object' && reason !== null && typeof (reason as Error).message === 'string' ? (reason as Error) : undefined;
  const why = error ? (error.name === 'AbortError' ? '' : `: ${error.message}`) : reason === undefined ? '' : `: ${String(reason)}`;
  return new CancelledError(`${what} was cancelled (its AbortSignal was aborted${why})`, reason);
}

/** A deadline for a time-boxed attempt inside a computation, which also honours an outer one (and carries its budget). */
export class AttemptDeadline extends Deadline {
  constructor(seconds: number, outer?: Deadline) {
    super(seconds, 'attempt', seconds, { outer });
  }
}

/**
 * The deadline of a public entry's options: `deadline` when given, else one of `timeout` seconds
 * (none when undefined) carrying a budget of `memoryBudget` bytes (default half the heap limit);
 * either way it also stops on `signal`. A timeout that is not a number ≥ 0 (NaN, a string, −1), a
 * budget that is not a positive number or a signal that is not an AbortSignal is an InputError,
 * not a silent "no limit". Example: `deadlineOf({ timeout: 5, signal: controller.signal }, 'solve')`.
 */
export function deadlineOf(options: { timeout?: unknown; deadline?: unknown; signal?: unknown; memoryBudget?: unknown; primeSource?: unknown }, what: string): Deadline {
  const signal = options.signal;
  if (signal !== undefined && !isAbortSignal(signal)) throw new InputError(`${what}: the signal option must be an AbortSignal (from an AbortController), got ${signal === null ? 'null' : typeof signal}`);
  const primes = options.primeSource;
  if (primes !== undefined && typeof primes !== 'function') throw new InputError(`${what}: the primeSource option must be a function (bound) => primes, got ${primes === null ? 'null' : typeof primes}`);
  const m = options.memoryBudget;
  if (m !== undefined && (typeof m !== 'number' || !(m > 0))) {
    throw new InputError(`${what}: the memoryBudget must be a number of bytes > 0 (Infinity for none), got ${typeof m === 'string' ? `'${m}'` : String(m)}`);
  }
  const memory = m === undefined ? undefined : new MemoryBudget(m);
  if (options.deadline !== undefined) {
    if (!(options.deadline instanceof Deadline)) throw new InputError(`${what}: the deadline option must be a Deadline (or give timeout in seconds)`);
    if (memory) throw new InputError(`${what}: give memoryBudget or a deadline (which carries its own budget), not both`);
    return signal === undefined && primes === undefined ? options.deadline : new Deadline(Infinity, what, Infinity, { signal, outer: options.deadline, primes: primes as PrimeSource | undefined });
  }
  const t = options.timeout;
  if (t !== undefined && (typeof t !== 'number' || Number.isNaN(t) || t < 0)) throw new InputError(`${what}: the timeout must be a number of seconds ≥ 0 (Infinity for none), got ${typeof t === 'string' ? `'${t}'` : String(t)}`);
  return new Deadline(t ?? Infinity, what, t ?? Infinity, { memory, signal, primes: primes as PrimeSource | undefined });
}

/** An AbortSignal, or an object that reads like one (another realm's, a polyfill's). */
function isAbortSignal(x: unknown): x is AbortSignal {
  return typeof x === 'object' && x !== null && typeof (x as AbortSignal).aborted === 'boolean' && typeof (x as AbortSignal).addEventListener === 'function';
}
