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
 * A deadline checked cooperatively by long computations: a time limit, an AbortSignal, an outer
 * deadline, or any of them. The computations are synchronous, so a signal is seen at their next
 * check: aborted before the call, or during it from a callback the computation makes (`onProgress`,
 * `onPartial`), or from code that runs between checks.
 */
export class Deadline {
  private readonly end: number;
  constructor(
    /** Seconds allowed; `Infinity` for none. */
    readonly seconds: number = Infinity,
    private readonly what: string = 'computation',
    /** The limit named in the message, when it differs from `seconds` (the CLI's whole-run limit, of which start-up used a part). */
    private readonly stated: number = seconds,
    /** Stops the computation (a CancelledError) once aborted. */
    readonly signal?: AbortSignal,
    /** A deadline this one also honours (an attempt's enclosing computation). */
    private readonly outer?: Deadline,
  ) {
    this.end = Number.isFinite(seconds) ? Date.now() + seconds * 1000 : Infinity;
  }
  /** Throws a TimeoutError when the deadline has passed, a CancelledError when the signal was aborted. Cheap enough for inner loops of rounds. */
  check(): void {
    this.outer?.check();
    if (this.signal?.aborted) throw cancelled(this.what, this.signal);
    if (this.end !== Infinity && Date.now() > this.end) {
      throw new TimeoutError(`${this.what} stopped after the time limit of ${Number(this.stated.toPrecision(3))} s (raise it with --timeout / the timeout option)`);
    }
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

/** A deadline for a time-boxed attempt inside a computation, which also honours an outer one. */
export class AttemptDeadline extends Deadline {
  constructor(seconds: number, outer?: Deadline) {
    super(seconds, 'attempt', seconds, undefined, outer);
  }
}

/**
 * The deadline of a public entry's options: `deadline` when given, else one of `timeout` seconds
 * (none when undefined); either way it also stops on `signal`. A timeout that is not a number ≥ 0
 * (NaN, a string, −1) or a signal that is not an AbortSignal is an InputError, not a silent "no
 * limit". Example: `deadlineOf({ timeout: 5, signal: controller.signal }, 'solve')`.
 */
export function deadlineOf(options: { timeout?: unknown; deadline?: unknown; signal?: unknown }, what: string): Deadline {
  const signal = options.signal;
  if (signal !== undefined && !isAbortSignal(signal)) throw new InputError(`${what}: the signal option must be an AbortSignal (from an AbortController), got ${signal === null ? 'null' : typeof signal}`);
  if (options.deadline !== undefined) {
    if (!(options.deadline instanceof Deadline)) throw new InputError(`${what}: the deadline option must be a Deadline (or give timeout in seconds)`);
    return signal === undefined ? options.deadline : new Deadline(Infinity, what, Infinity, signal, options.deadline);
  }
  const t = options.timeout;
  if (t !== undefined && (typeof t !== 'number' || Number.isNaN(t) || t < 0)) throw new InputError(`${what}: the timeout must be a number of seconds ≥ 0 (Infinity for none), got ${typeof t === 'string' ? `'${t}'` : String(t)}`);
  return new Deadline(t ?? Infinity, what, t ?? Infinity, signal);
}

/** An AbortSignal, or an object that reads like one (another realm's, a polyfill's). */
function isAbortSignal(x: unknown): x is AbortSignal {
  return typeof x === 'object' && x !== null && typeof (x as AbortSignal).aborted === 'boolean' && typeof (x as AbortSignal).addEventListener === 'function';
}
