/**
 * Helper threads for the multi-modular Gröbner driver (`modular.ts`): the interface it uses, free
 * of any platform API (the Node implementation, on worker threads, is `basis-threads.ts`; callers
 * inject it through `GroebnerOptions.basisWorkers`).
 *
 * Reduced bases modulo different primes are independent, so a helper computes them for the primes
 * it is given: replays of the driver's F4 trace when it is sent one (`replayTrace`), otherwise its
 * own learning run at the first prime and replays of that trace at the others. The
 * driver hands out primes from the one stream it also computes from and adds a helper's image
 * like one of its own — only if its leading monomials are those of the driver's learning run —
 * so a helper whose learning prime was unlucky is simply not listened to, and an absent or slow
 * one costs nothing but its start. The basis over Q does not depend on which primes served: it
 * is the unique reduced basis, accepted only once it agrees with a fresh prime.
 *
 * Images travel as typed arrays: for each element its number of terms, the exponents of its
 * monomials (nvars per term) and its coefficients, in the ring's order.
 */
import { Zp } from '../arithmetic/field';
import { Deadline } from '../errors';
import { Monomial, monomial } from '../monomials/monomial';
import { MonomialOrder } from '../monomials/order';
import { PolynomialData } from '../poly/data';
import { Polynomial, PolynomialRing } from '../poly/polynomial';
import { Linalg } from './engines';
import type { F4TraceData } from './f4';

/** What a helper needs: the ideal over Q and how to compute modulo p. */
export interface BasisTask {
  vars: string[];
  order: MonomialOrder;
  /** The generators (primitive, over Z), as the driver reduces them modulo each prime. */
  generators: PolynomialData[];
  linalg: Linalg;
}

/** The reduced basis modulo p computed by a helper; without `lengths` when its replay failed at p. */
export interface BasisImage {
  p: number;
  lengths?: Int32Array;
  exponents?: Int32Array;
  coefficients?: Float64Array;
}

/** The helpers working on one basis. */
export interface BasisJob {
  /** Queues the basis modulo p. */
  submit(p: number): void;
  /**
   * From now on the helpers replay this trace (the driver's learning run) instead of learning at
   * their first prime; primes submitted before are computed as before. The job may take the
   * data's own buffers (`traceDataBuffers`): the caller does not use it afterwards.
   */
  replayTrace?(trace: F4TraceData): void;
  /** How many submitted primes have not been taken yet. */
  readonly pending: number;
  /** A finished image, waiting at most `waitMs` milliseconds for one; undefined if none is ready. */
  take(waitMs: number): BasisImage | undefined;
  /** Ends the helpers. */
  close(): void;
}

/** Starts helpers for a task (undefined when none can be started); `deadline` bounds every wait. */
export interface BasisWorkers {
  start(task: BasisTask, deadline?: Deadline): BasisJob | undefined;
}

/** A basis modulo p as typed arrays (see the file header). */
export function basisImage(p: number, basis: readonly Polynomial<number>[], nvars: number): BasisImage {
  let terms = 0;
  for (const g of basis) terms += g.length;
  const lengths = new Int32Array(basis.length);
  const exponents = new Int32Array(terms * nvars);
  const coefficients = new Float64Array(terms);
  let t = 0;
  basis.forEach((g, i) => {
    lengths[i] = g.length;
    for (let k = 0; k < g.length; k++, t++) {
      const m = g.monomials[k];
      for (let v = 0; v < nvars; v++) exponents[t * nvars + v] = m[v + 1];
      coefficients[t] = g.coefficients[k];
    }
  });
  return { p, lengths, exponents, coefficients };
}

/** Is `image` exactly `basis` (same lengths, monomials and coefficients)? */
export function isImageOf(image: BasisImage, basis: readonly Polynomial<number>[], nvars: number): boolean {
  if (!image.lengths || !image.exponents || !image.coefficients) return false;
  const own = basisImage(image.p, basis, nvars);
  const same = (a: ArrayLike<number>, b: ArrayLike<number>) => {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
  };
  return same(own.lengths!, image.lengths) && same(own.exponents!, image.exponents) && same(own.coefficients!, image.coefficients);
}

/** The polynomials of an image, in a ring over Z/p with the task's variables and order. */
export function basisOfImage(S: PolynomialRing<number>, image: BasisImage): Polynomial<number>[] | undefined {
  const { lengths, exponents, coefficients } = image;
  if (!lengths || !exponents || !coefficients) return undefined;
  const n = S.vars.length;
  const out: Polynomial<number>[] = [];
  let t = 0;
  for (const len of lengths) {
    const monomials: Monomial[] = [];
    const coeffs: number[] = [];
    for (let k = 0; k < len; k++, t++) {
      const e = Array.from(exponents.subarray(t * n, (t + 1) * n));
      monomials.push(monomial(e));
      coeffs.push(coefficients[t]);
    }
    out.push(new Polynomial(S, monomials, coeffs));
  }
  return out;
}

/** The ring over Z/p of a task. */
export function taskRingModP(task: Pick<BasisTask, 'vars' | 'order'>, p: number): PolynomialRing<number> {
  return new PolynomialRing(Zp(p), task.vars, task.order);
}
