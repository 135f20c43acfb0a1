/**
 * Helper threads for the parametrizations modulo primes: the interface the solver uses, free of
 * any platform API (the Node implementation, on worker threads, is `image-threads.ts`; a caller
 * injects it through `SolveOptions.imageWorkers`).
 *
 * The images at different primes are independent, so a helper computes the image at the primes it
 * is given and keeps each image for the numerators the second phase of the lift asks for. Two
 * tasks: a parametrization (`rur-modular.ts`: the basis modulo p in separating coordinates, from
 * its own F4 learning run then replays, and the Krylov sequences of `krylov.ts` with a functional
 * seeded by p) and an orbit space (`orbit-space.ts`: the basis in the original coordinates,
 * replaying the solver's own F4 trace, and the Krylov matrix of the invariant on the invariant
 * block, `orbit-images.ts`). The solver hands out primes from the one
 * stream it also computes from, takes whatever image is finished and otherwise computes one
 * itself, so an absent or slow helper costs nothing but its start. The lifted answer does not
 * depend on which primes served: a reconstruction is accepted only once it agrees at fresh primes
 * whose product is at least `CHECK_MODULUS` (arithmetic/lifting.ts).
 */

import { Deadline } from '../errors';
import type { F4TraceData } from '../groebner/f4';
import { PolynomialData } from '../poly/data';
import type { InvariantForm, RecordedColumn, VariableProduct } from './orbit-multiplication';
import type { RootInterval } from './roots/real';
import type { SignGroup } from './sign-symmetry';


/** What a helper needs: the ideal in separating coordinates, as plain data. */
export interface ParametrizationTask {
  kind: 'parametrization';
  /** The variables of the separating ring (degrevlex; the form is the last). */
  vars: string[];
  /** Generators over Q in that ring. */
  generators: PolynomialData[];
  /** The original variables as polynomials in that ring. */
  coordinates: PolynomialData[];
  /** The number of solutions over Q. */
  D: number;
  /** The solver's F4 learning run on the generators' images (any prime), replayed instead of learning again. */
  trace?: F4TraceData;
}

/**
 * What a helper of the orbit space needs (`orbit-space.ts`): the ideal in the original
 * coordinates, its sign group and the invariant t, as plain data. Its images are χ₀'s lower
 * coefficients, its numerators those of products of variables (`requestProductNumerators`).
 */
export interface OrbitTask {
  kind: 'orbits';
  /** The variables (degrevlex). */
  vars: string[];
  /** Primitive generators with integer coefficients. */
  generators: PolynomialData[];
  /** The number of solutions over Q. */
  D: number;
  group: SignGroup;
  form: InvariantForm;
  /**
   * The solver's F4 learning run on the generators at prime p, replayed instead of learning again,
   * and the multiplication columns it recorded on that basis.
   */
  learned?: { p: number; trace: F4TraceData; columns: RecordedColumn[] };
}

/** A task for the helpers. */
export type ImageTask = ParametrizationTask | OrbitTask;

/** An image computed by a helper: χ's lower coefficients modulo p, or undefined when p was unlucky. */
export interface HelperImage {
  p: number;
  chi?: Float64Array;
  /** A parametrization image's Krylov sequences (`krylov.ts`), from which the solver computes the numerators itself. */
  sequences?: Float64Array[];
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
  /** Has the answer to `requestNumerators` at p arrived (`numerators` would not wait), waiting at most `waitMs` for it? Optional. */
  hasNumerators?(p: number, waitMs?: number): boolean;
  /**
   * Asks for the isolating intervals of the real roots of q (an irreducible integer polynomial,
   * ascending), as `isolateRealRoots(q, { irreducible: true })` gives them, each refined by
   * `refineRoot(q, interval, { bits })`, without waiting: the helper works on them while the lift
   * goes on here. Optional.
   */
  requestRealRoots?(id: number, q: readonly bigint[], bits: number): void;
  /**
   * The answer to `requestRealRoots(id, …)`, waiting for it; undefined when the helper does not
   * answer. With `refine`, the caller refines a share of the roots itself (the helper refines from
   * the first root, the caller from the last, until they meet).
   */
  realRoots?(id: number, refine?: (interval: RootInterval) => RootInterval): RootInterval[] | undefined;
  /**
   * Orbit tasks: asks, without waiting, for the numerators of `productsOf[j]` on each factor qⱼ
   * of χ₀ (`factors`: monic images modulo p, ascending) at a prime the helper computed, as
   * `orbitNumerators` gives them. Optional.
   */
  requestProductNumerators?(id: number, p: number, factors: readonly (readonly number[])[], productsOf: readonly (readonly VariableProduct[])[]): void;
  /**
   * An answer to `requestProductNumerators` (numerators undefined when p was unlucky for them),
   * waiting at most `waitMs` milliseconds; undefined when none has arrived.
   */
  takeProductNumerators?(waitMs: number): { id: number; numerators?: number[][][] } | undefined;
  /** Ends the helpers. */
  close(): void;
}

/** Starts helpers for a task (undefined when none can be started, or when for so small a task they would not pay); `deadline` bounds every wait for them. */
export interface ImageWorkers {
  start(task: ImageTask, deadline?: Deadline): ImageJob | undefined;
}
