/**
 * How a caller steers a long computation, the same way at every public entry (`groebner`, `solve`,
 * `minimalPrimes`, `fglm`, `criticalPoints`, …): `onProgress(info)` hears how far it got, and
 * `timeout` (seconds) and `signal` (an AbortSignal) stop it. A stopped computation ends as on its
 * time limit: where a function returns what it found so far, a result with `complete: false` and
 * the reason in `message`; elsewhere a TimeoutError (a CancelledError, its subclass, for a signal).
 *
 * The computations are synchronous: a signal is seen at the next deadline check, so abort it
 * before the call, from a callback the computation makes (`onProgress`, `onPartial`), or run the
 * computation in a worker. `deadline` (a `Deadline` object) lets a computation share its limit
 * with the computations it calls.
 */
import { Deadline, PrimeSource, deadlineOf } from './errors';

/**
 * What a progress callback receives. Every kind has `message`, one short line for a person (the
 * CLI draws it on a terminal, and the last one names the phase reached when a run is stopped);
 * the counting kinds add their numbers.
 */
export type ProgressInfo =
  /** A computation entered a phase ("Gröbner basis", "decomposition: dimension 2", …). */
  | { kind: 'phase'; message: string }
  /** F4 finished a round (reported by `f4`, `f4Learn`, `f4Apply` and `groebner` over Z/p). */
  | { kind: 'f4-round'; message: string; round: number; degree: number; pairs: number; basisSize: number; matrixRows: number; matrixCols: number }
  /** The multi-modular driver added a prime (`modularGroebner`, `groebner` over Q). */
  | { kind: 'modular-prime'; message: string; primes: number; bits: number };

/** The callback of the `onProgress` option. */
export type ProgressCallback = (info: ProgressInfo) => void;

/** The options every long public computation takes, beside its own. */
export interface ControlOptions {
  /** Seconds before the computation stops (see the file header for how it ends); default none. */
  timeout?: number;
  /** Stops the computation once aborted, as its time limit would (a CancelledError where it throws). */
  signal?: AbortSignal;
  /** An existing deadline shared with an enclosing computation (takes precedence over `timeout`; `signal` still applies). */
  deadline?: Deadline;
  /**
   * Bytes the big structures of the computation (F4 matrices and monomial tables, products of
   * polynomials, the solver's multiplication structures) may take, estimated before they grow;
   * past it a MemoryLimitError (default: half the heap limit; the CLI's `--max-memory` sets it).
   * Not with `deadline`, which carries its own budget.
   */
  memoryBudget?: number;
  /**
   * For tests: the primes the multi-modular loops (Gröbner bases over Q, the solver's lifts) compute
   * modulo, as a function of the bound each loop needs (`PrimeSource`); every prime given must be a
   * prime below that bound. The answer is the same whatever the primes; tests put unlucky ones
   * first to exercise the paths that skip them. Default: the primes below the bound, largest first.
   */
  primeSource?: PrimeSource;
  /** Receives progress as it is made (see `ProgressInfo`). */
  onProgress?: ProgressCallback;
  /**
   * @deprecated Use `onProgress`: `progress(message)` receives `info.message`. Kept for one
   * release (the next after 0.1.0) and removed in the one after.
   */
  progress?: (message: string) => void;
}

/** The progress callback of the options: `onProgress`, else the deprecated `progress` fed each message, else undefined. */
export function progressOf(options: Pick<ControlOptions, 'onProgress' | 'progress'>): ProgressCallback | undefined {
  if (options.onProgress) return options.onProgress;
  const legacy = options.progress;
  return legacy ? (info) => legacy(info.message) : undefined;
}

/** A phase's progress report. */
export function phase(message: string): ProgressInfo {
  return { kind: 'phase', message };
}

/**
 * The options as the work inside an entry reads them: `deadline` resolved from `deadline`,
 * `timeout`, `signal` and `memoryBudget` (`deadlineOf`; those then dropped, so a nested entry
 * given these options does not wrap them again) and `onProgress` from the deprecated `progress`.
 * The options themselves when there is nothing to resolve.
 */
export function resolveControl<O extends ControlOptions>(options: O, what: string): O {
  const deadline = options.timeout !== undefined || options.signal !== undefined || options.memoryBudget !== undefined || options.primeSource !== undefined;
  const progress = options.onProgress === undefined && options.progress !== undefined;
  if (!deadline && !progress) return options;
  return {
    ...options,
    ...(deadline ? { deadline: deadlineOf(options, what), timeout: undefined, signal: undefined, memoryBudget: undefined, primeSource: undefined } : {}),
    ...(progress ? { onProgress: progressOf(options), progress: undefined } : {}),
  };
}

/** An F4 round's progress report, its message included. */
export function f4RoundInfo(r: Omit<Extract<ProgressInfo, { kind: 'f4-round' }>, 'kind' | 'message'>): ProgressInfo {
  return { kind: 'f4-round', message: `F4 round ${r.round}: degree ${r.degree}, basis ${r.basisSize}, matrix ${r.matrixRows}×${r.matrixCols}`, ...r };
}

/** The multi-modular driver's progress report after a prime, its message included. */
export function modularPrimeInfo(primes: number, bits: number): ProgressInfo {
  return { kind: 'modular-prime', message: `multi-modular F4: ${primes} primes, ${bits} bits`, primes, bits };
}
