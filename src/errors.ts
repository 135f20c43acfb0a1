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

/** A computation that should have succeeded failed (an internal consistency check did not hold). */
export class ComputationError extends PolycritError {}

/**
 * A deadline checked cooperatively by long computations. It also carries the run's memory budget
 * (`memory`), so that every algorithm given a deadline sees both limits of the run.
 */
export class Deadline {
  private readonly end: number;
  constructor(
    /** Seconds allowed; `Infinity` for none. */
    readonly seconds: number = Infinity,
    private readonly what: string = 'computation',
    /** The limit named in the message, when it differs from `seconds` (the CLI's whole-run limit, of which start-up used a part). */
    private readonly stated: number = seconds,
    /** The run's memory budget; undefined for the default (see `memoryBudgetOf`). */
    readonly memory?: MemoryBudget,
  ) {
    this.end = Number.isFinite(seconds) ? Date.now() + seconds * 1000 : Infinity;
  }
  /** Throws a TimeoutError when the deadline has passed. Cheap enough for inner loops of rounds. */
  check(): void {
    if (this.end !== Infinity && Date.now() > this.end) {
      throw new TimeoutError(`${this.what} stopped after the time limit of ${Number(this.stated.toPrecision(3))} s (raise it with --timeout / the timeout option)`);
    }
  }
  /** True when the deadline has passed. */
  get expired(): boolean {
    return this.end !== Infinity && Date.now() > this.end;
  }
}

/** A deadline for a time-boxed attempt inside a computation, which also honours an outer one. */
export class AttemptDeadline extends Deadline {
  constructor(
    seconds: number,
    private readonly outer?: Deadline,
  ) {
    super(seconds, 'attempt', seconds, outer?.memory);
  }

  override check(): void {
    this.outer?.check();
    super.check();
  }
}

/**
 * The deadline of a public entry's options: `deadline` when given, else one of `timeout` seconds
 * (none when undefined) carrying a budget of `memoryBudget` bytes (default half the heap limit).
 * A timeout that is not a number ≥ 0 (NaN, a string, −1) or a budget that is not a positive number
 * is an InputError, not a silent "no limit". Example: `deadlineOf({ timeout: 5 }, 'solve')`.
 */
export function deadlineOf(options: { timeout?: unknown; deadline?: unknown; memoryBudget?: unknown }, what: string): Deadline {
  const m = options.memoryBudget;
  if (m !== undefined && (typeof m !== 'number' || !(m > 0))) {
    throw new InputError(`${what}: the memoryBudget must be a number of bytes > 0 (Infinity for none), got ${typeof m === 'string' ? `'${m}'` : String(m)}`);
  }
  const memory = m === undefined ? undefined : new MemoryBudget(m);
  if (options.deadline !== undefined) {
    if (!(options.deadline instanceof Deadline)) throw new InputError(`${what}: the deadline option must be a Deadline (or give timeout in seconds)`);
    if (memory) throw new InputError(`${what}: give memoryBudget or a deadline (which carries its own budget), not both`);
    return options.deadline;
  }
  const t = options.timeout;
  if (t === undefined) return new Deadline(Infinity, what, Infinity, memory);
  if (typeof t !== 'number' || Number.isNaN(t) || t < 0) throw new InputError(`${what}: the timeout must be a number of seconds ≥ 0 (Infinity for none), got ${typeof t === 'string' ? `'${t}'` : String(t)}`);
  return new Deadline(t, what, t, memory);
}
