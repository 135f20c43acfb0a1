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

/** A computation that should have succeeded failed (an internal consistency check did not hold). */
export class ComputationError extends PolycritError {}

/** A deadline checked cooperatively by long computations. */
export class Deadline {
  private readonly end: number;
  constructor(
    /** Seconds allowed; `Infinity` for none. */
    readonly seconds: number = Infinity,
    private readonly what: string = 'computation',
    /** The limit named in the message, when it differs from `seconds` (the CLI's whole-run limit, of which start-up used a part). */
    private readonly stated: number = seconds,
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
    super(seconds, 'attempt');
  }

  override check(): void {
    this.outer?.check();
    super.check();
  }
}

/**
 * The deadline of a public entry's options: `deadline` when given, else one of `timeout` seconds
 * (none when undefined). A timeout that is not a number ≥ 0 (NaN, a string, −1) is an InputError,
 * not a silent "no limit". Example: `deadlineOf({ timeout: 5 }, 'solve')`.
 */
export function deadlineOf(options: { timeout?: unknown; deadline?: unknown }, what: string): Deadline {
  if (options.deadline !== undefined) {
    if (!(options.deadline instanceof Deadline)) throw new InputError(`${what}: the deadline option must be a Deadline (or give timeout in seconds)`);
    return options.deadline;
  }
  const t = options.timeout;
  if (t === undefined) return new Deadline(Infinity, what);
  if (typeof t !== 'number' || Number.isNaN(t) || t < 0) throw new InputError(`${what}: the timeout must be a number of seconds ≥ 0 (Infinity for none), got ${typeof t === 'string' ? `'${t}'` : String(t)}`);
  return new Deadline(t, what);
}
