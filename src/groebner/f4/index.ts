/**
 * F4 over Z/p (p < 2^26): the reduced Gröbner basis of an ideal for any monomial order of the ring,
 * and a trace of a run that replays cheaply for other primes (for the multi-modular driver).
 *
 * Files: `hashtable.ts` (interned monomials), `basis.ts`, `pairs.ts` (Gebauer–Möller),
 * `symbolic-preprocessing.ts`, `matrix/linear-algebra.ts` (sparse rows, delayed reduction, four
 * rows at a time through interleaved lanes), `matrix/random-combinations.ts` (random combinations
 * of blocks of rows, to skip reductions to zero), `f4.ts` (main loop and final interreduction),
 * `trace.ts` (recording and replay), `convert.ts` (the boundary). Reference: Faugère 1999;
 * Groebner.jl; msolve.
 *
 * Performance notes: in `f4` about half the time goes to the row reduction (`loadLanes` /
 * `sweep`), then to forming the products of symbolic preprocessing in the hashtable (20–25%,
 * cache misses); see bench/f4-zp.ts. Over Q (src/groebner/modular.ts) the replays of the trace
 * dominate, then CRT and rational reconstruction (gcds of the fractions), then the learning run.
 * Lex and other non-degree orders are correct but meant for small systems (the normal strategy by
 * smallest lcm keeps them finite, not fast).
 */
import { resolveControl } from '../../control';
import { Polynomial } from '../../poly/polynomial';
import { Deadline } from '../../errors';
import { F4Options, F4Result, F4Run, F4Stats, runF4 } from './f4';
import { F4Trace, ReplayedRows, applyTrace, replayRows } from './trace';

export type { F4Options, F4Stats } from './f4';
export type { F4Trace, F4TraceData, ReplayedRows } from './trace';
export { replayedPolynomials, traceDataBuffers, traceFromData, traceToData } from './trace';

/**
 * Reduced GB (monic, interreduced), sorted by leading monomial INCREASING in the ring order. Zero
 * inputs are ignored; the unit ideal gives [1]; the zero ideal gives []. By default blocks of new
 * rows of a matrix may be certified zero by random combinations (Monte Carlo, failure probability
 * below 1/p² per block of rows); pass `linalg: 'deterministic'` to reduce every row.
 *
 * @example
 * const { polynomials } = katsura(4, Zp(65521));
 * const { basis, stats } = f4(polynomials); // basis.length === 13, stats.rounds === 5
 */
export function f4(polys: readonly Polynomial<number>[], options: F4Options = {}): { basis: Polynomial<number>[]; stats: F4Stats } {
  const { basis, stats } = runF4(polys, resolveControl(options, 'f4'), false, 'f4');
  return { basis, stats };
}

/**
 * Same as `f4`, also recording a trace of the run (which rows and pivots were used, which
 * reductions were zero) for `f4Apply`.
 *
 * @example
 * const { basis, trace } = f4Learn(katsura(6, Zp(67108859)).polynomials);
 * const other = f4Apply(trace, katsura(6, Zp(67108837)).polynomials); // or undefined if unlucky
 */
export function f4Learn(polys: readonly Polynomial<number>[], options: F4Options = {}): { basis: Polynomial<number>[]; stats: F4Stats; trace: F4Trace } {
  const { basis, stats, trace } = runF4(polys, resolveControl(options, 'f4Learn'), true, 'f4Learn');
  return { basis, stats, trace: trace! };
}

/** A learning run that can stop between rounds and go on later (`f4LearnResumable`). */
export interface ResumableF4Learn {
  /** The run's statistics so far (`rounds`: the rounds finished). */
  readonly stats: F4Stats;
  /** True once no critical pair is left (the next `advance` only interreduces, or returns the result). */
  readonly done: boolean;
  /**
   * Runs rounds until the run is done, and returns what `f4Learn` would; a `deadline` (default the
   * options') that stops a round throws its TimeoutError and keeps the run where its last finished
   * round left it, and the next call goes on from there. Once done, every call returns the result.
   */
  advance(deadline?: Deadline): { basis: Polynomial<number>[]; stats: F4Stats; trace: F4Trace };
}

/**
 * `f4Learn` in slices of time: the decomposition's race for an independent set gives each
 * candidate's learning run a slice at a time, and a slice that runs out no longer throws the
 * rounds done away. The basis is `f4Learn`'s (unique modulo p); the trace may intern monomials in
 * another order, and replays alike.
 *
 * @example
 * const run = f4LearnResumable(katsura(7, Zp(67108859)).polynomials);
 * try { run.advance(new AttemptDeadline(0.01)); } catch (e) { if (!(e instanceof TimeoutError)) throw e; }
 * const { basis, trace } = run.advance(); // goes on from the rounds the first slice finished
 */
export function f4LearnResumable(polys: readonly Polynomial<number>[], options: F4Options = {}): ResumableF4Learn {
  const control = resolveControl(options, 'f4Learn');
  const run = new F4Run(polys, control, true, 'f4Learn');
  let result: F4Result | undefined;
  return {
    stats: run.stats,
    get done() {
      return run.done;
    },
    advance(deadline) {
      if (result === undefined) {
        while (!run.done) run.round(deadline ?? control.deadline);
        result = run.result();
      }
      return { basis: result.basis, stats: result.stats, trace: result.trace! };
    },
  };
}

/**
 * Replays the trace on the same input system reduced modulo another prime (same ring variables and
 * order, another PrimeField, same monomial supports). Returns undefined when the prime is unlucky
 * for the trace (a pivot vanishes, a row expected non-zero reduces to zero, or the leading
 * monomials differ); the caller then skips that prime.
 */
export function f4Apply(trace: F4Trace, polys: readonly Polynomial<number>[], options: F4Options = {}): Polynomial<number>[] | undefined {
  return applyTrace(trace, polys, resolveControl(options, 'f4Apply'));
}

/**
 * `f4Apply` without building polynomials: the reduced rows of the replay (see `ReplayedRows`), or
 * undefined when the prime is unlucky. The multi-modular driver reads its images from them.
 */
export function f4ApplyRows(trace: F4Trace, polys: readonly Polynomial<number>[], options: F4Options = {}): ReplayedRows | undefined {
  return replayRows(trace, polys, resolveControl(options, 'f4Apply'));
}
