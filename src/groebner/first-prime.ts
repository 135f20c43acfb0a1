/**
 * The multi-modular driver's learning run (`modular.ts`) made ahead of it, in slices of time.
 *
 * Over Q the driver learns F4 at its first usable prime (the first of the prime stream dividing
 * no coefficient of the primitive inputs) and replays that run at the others; given a learning
 * run at that prime (`GroebnerOptions.learned`) it starts from it instead. This file makes that
 * run with `f4LearnResumable`, so a caller that must stop it can go on later without losing the
 * rounds done: the decomposition's race for an independent set (`equidimensional.ts`) gives each
 * candidate's block basis a slice at a time, where a learning run that missed its budget used to
 * start again from nothing in the next round. On a 1,207-element piece of the 2-3-2-1 linear
 * network with biases and one λ the three candidates' learning runs take 5.1, 13.4 and 35.6 s.
 */
import { primeStream } from '../arithmetic/primes';
import { Rational } from '../arithmetic/rational';
import { Zp } from '../arithmetic/field';
import { Deadline } from '../errors';
import { ReductionModP } from '../poly/reduction-mod-p';
import { Polynomial, PolynomialRing } from '../poly/polynomial';
import { f4Apply, f4LearnResumable } from './f4';
import { LearnedFirstPrime, driverInput } from './modular';

/** A learning run at the driver's first prime, advanced slice by slice. */
export interface FirstPrimeLearning {
  /** The driver's first usable prime for the polynomials (undefined when there is nothing to learn: all zero, or a non-zero constant among them). */
  readonly p: number | undefined;
  /** True once the run is done (`advance` returns at once). */
  readonly done: boolean;
  /** The F4 rounds finished so far. */
  readonly rounds: number;
  /**
   * Runs the learning run on, until done: then it is what the driver takes as `learned` (its
   * replays bounded by this call's deadline). A deadline that stops it throws its TimeoutError;
   * the rounds done are kept for the next call, whatever deadline that one brings.
   */
  advance(deadline?: Deadline): LearnedFirstPrime | undefined;
}

/**
 * The learning run the driver would make for `polys` (over Q, the order of their ring), to be
 * advanced with `advance`. `deadline`: the computation's, for its prime source (the primes) and
 * its memory budget; its time limit is not kept (each `advance` brings a deadline).
 */
export function learningAtFirstPrime(polys: readonly Polynomial<Rational>[], deadline?: Deadline): FirstPrimeLearning {
  const input = driverInput(polys);
  const none: FirstPrimeLearning = { p: undefined, done: true, rounds: 0, advance: () => undefined };
  if (input.length === 0 || input.some((f) => f.isConstant())) return none;
  const reduction = new ReductionModP(input);
  let p: number | undefined;
  for (const q of primeStream(2 ** 26, deadline)) {
    if (!reduction.divides(q)) {
      p = q;
      break;
    }
  }
  if (p === undefined) return none;
  const S = new PolynomialRing(Zp(p), input[0].ring.vars, input[0].ring.order);
  // The run keeps the deadline's memory budget but not its time: each call brings its own.
  const untimed = new Deadline(Infinity, 'learning run', Infinity, { memory: deadline?.memory });
  const run = f4LearnResumable(reduction.images(S), { deadline: untimed });
  const prime = p;
  return {
    p,
    get done() {
      return run.done;
    },
    get rounds() {
      return run.stats.rounds;
    },
    advance(slice) {
      const { basis, trace } = run.advance(slice ?? untimed);
      // The replays the driver asks of this run (for its helpers' images) are bounded by the call's deadline.
      return { p: prime, basis, replay: (images) => f4Apply(trace, images, { deadline: slice }), trace };
    },
  };
}
