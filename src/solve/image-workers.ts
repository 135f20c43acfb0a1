/**
 * Helper threads for the parametrization modulo primes: the interface the solver uses, free of
 * any platform API (the Node implementation, on worker threads, is `image-threads.ts`; a caller
 * injects it through `SolveOptions.imageWorkers`).
 *
 * The images at different primes are independent, so a helper computes the image at the primes it
 * is given — the basis modulo p in separating coordinates (its own F4 learning run, then replays)
 * and the Krylov sequences (`krylov.ts`, with a functional seeded by p) — and keeps each image for
 * the numerators the second phase of the lift asks for. The solver hands out primes from the one
 * stream it also computes from, takes whatever image is finished and otherwise computes one
 * itself, so an absent or slow helper costs nothing but its start. The lifted answer does not
 * depend on which primes served: a reconstruction is accepted only once it agrees at a fresh prime.
 */

import { Deadline } from '../errors';
import { PolynomialData } from '../poly/data';
import type { RootInterval } from './roots/real';


/** What a helper needs: the ideal in separating coordinates, as plain data. */
export interface ParametrizationTask {
  /** The variables of the separating ring (degrevlex; the form is the last). */
  vars: string[];
  /** Generators over Q in that ring. */
  generators: PolynomialData[];
  /** The original variables as polynomials in that ring. */
  coordinates: PolynomialData[];
  /** The number of solutions over Q. */
  D: number;
}

/** An image computed by a helper: χ's lower coefficients modulo p, or undefined when p was unlucky. */
export interface HelperImage {
  p: number;
  chi?: Float64Array;
}

/** The helpers working on one task. */
export interface ImageJob {
  /** Queues the image at prime p. */
  submit(p: number): void;
  /** How many submitted primes have not been taken yet. */
  readonly pending: number;
  /** A finished image, waiting at most `waitMs` milliseconds for one; undefined if none is ready. */
  take(waitMs: number): HelperImage | undefined;
  /**
   * The numerators uᵢ of the coordinates for each factor q of χ (ascending residues modulo p) at a
   * prime the helper computed, as `krylov.ts` gives them; undefined when p is unlucky for them or
   * the helper does not answer.
   */
  numerators(p: number, factors: readonly (readonly number[])[]): number[][][] | undefined;
  /** Asks for the numerators at p without waiting (`numerators` then waits for the answer). */
  requestNumerators(p: number, factors: readonly (readonly number[])[]): void;
  /**
   * Asks for the isolating intervals of the real roots of q (an irreducible integer polynomial,
   * ascending), as `isolateRealRoots(q, { irreducible: true })` gives them, each refined by
   * `refineRoot(q, interval, { bits })`, without waiting: the helper works on them while the lift
   * goes on here. Optional.
   */
  requestRealRoots?(id: number, q: readonly bigint[], bits: number): void;
  /** The answer to `requestRealRoots(id, …)`, waiting for it; undefined when the helper does not answer. */
  realRoots?(id: number): RootInterval[] | undefined;
  /** Ends the helpers. */
  close(): void;
}

/** Starts helpers for a task (undefined when none can be started, or when for so small a task they would not pay); `deadline` bounds every wait for them. */
export interface ImageWorkers {
  start(task: ParametrizationTask, deadline?: Deadline): ImageJob | undefined;
}
