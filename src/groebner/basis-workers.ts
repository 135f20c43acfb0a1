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
 * is the unique reduced basis, accepted only once it agrees at fresh primes (`CHECK_MODULUS`).
 *
 * Images travel as typed arrays: for each element its number of terms, its monomials and its
 * coefficients, in the ring's order. A helper replaying the driver's trace names each monomial
 * by its id in the trace's monomial table (`rowsImage`; the table is rebuilt in id order on the
 * other side, so ids keep their meaning), tagged with which of the driver's traces it replayed;
 * one that learned at its own prime writes the exponents (nvars per term). Ids save the helper
 * building polynomials and their exponents, and the driver comparing exponents: on katsura-9 the
 * polynomials and `basisImage` took a helper 15–20 ms per prime on top of a 35–45 ms replay.
 */
import { Zp } from '../arithmetic/field';
import { Deadline } from '../errors';
import { Monomial, monomial, monomialsEqual } from '../monomials/monomial';
import { MonomialOrder } from '../monomials/order';
import { PolynomialData } from '../poly/data';
import { Polynomial, PolynomialRing } from '../poly/polynomial';
import { Linalg } from './engines';
import type { F4TraceData, ReplayedRows } from './f4';
import type { MonomialTable } from './f4/hashtable';

/** What a helper needs: the ideal over Q and how to compute modulo p. */
export interface BasisTask {
  vars: string[];
  order: MonomialOrder;
  /** The generators (primitive, over Z), as the driver reduces them modulo each prime. */
  generators: PolynomialData[];
  linalg: Linalg;
}

/**
 * The reduced basis modulo p computed by a helper; without `lengths` when its replay failed at p.
 * The monomials are `exponents` (nvars per term) or `ids` (ids in the monomial table of the
 * driver's trace number `trace`, counting the driver's `replayTrace` calls from 1). A replay of
 * the driver's trace, failed or not, carries the trace's number.
 */
export interface BasisImage {
  p: number;
  lengths?: Int32Array;
  exponents?: Int32Array;
  ids?: Int32Array;
  trace?: number;
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
  /**
   * True when the next job would go to a helper that is already running and has served a job
   * before (a pooled thread: no start, and its code is compiled), so that even a small basis may
   * pay for it.
   */
  readonly warm?: boolean;
  /** Ends a kept helper (a later job starts a new one): for a long-lived process done with bases. */
  close?(): void;
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

/**
 * A replay's reduced rows (`f4ApplyRows`) as an image whose monomials are ids in the replayed
 * trace's table, the `trace`-th the driver sent.
 */
export function rowsImage(p: number, replayed: ReplayedRows, trace: number): BasisImage {
  const { columns, rows } = replayed;
  let terms = 0;
  for (const row of rows) terms += row.cols.length;
  const lengths = new Int32Array(rows.length);
  const ids = new Int32Array(terms);
  const coefficients = new Float64Array(terms);
  let t = 0;
  for (let i = 0; i < rows.length; i++) {
    const { cols, coeffs } = rows[i];
    lengths[i] = cols.length;
    for (let k = 0; k < cols.length; k++, t++) {
      ids[t] = columns[cols[k]];
      coefficients[t] = coeffs[k];
    }
  }
  return { p, lengths, ids, trace, coefficients };
}

/**
 * The monomial of term t of an image: its exponents, or its id in `table` (undefined when the
 * image has neither, or an id outside the table).
 */
function termMonomial(image: BasisImage, t: number, nvars: number, table: MonomialTable | undefined): Monomial | undefined {
  if (image.ids) {
    const id = image.ids[t];
    return table && id >= 0 && id < table.size ? table.monomial(id) : undefined;
  }
  if (image.exponents) return monomial(Array.from(image.exponents.subarray(t * nvars, (t + 1) * nvars)));
  return undefined;
}

/**
 * Is `image` exactly `basis` (same lengths, monomials and coefficients)? Ids are read in `table`
 * (the trace the image replayed).
 */
export function isImageOf(image: BasisImage, basis: readonly Polynomial<number>[], nvars: number, table?: MonomialTable): boolean {
  const { lengths, coefficients } = image;
  if (!lengths || !coefficients || lengths.length !== basis.length) return false;
  let t = 0;
  for (let i = 0; i < basis.length; i++) {
    const g = basis[i];
    if (lengths[i] !== g.length) return false;
    for (let k = 0; k < g.length; k++, t++) {
      const m = termMonomial(image, t, nvars, table);
      if (m === undefined || !monomialsEqual(m, g.monomials[k]) || coefficients[t] !== g.coefficients[k]) return false;
    }
  }
  return true;
}

/**
 * The polynomials of an image, in a ring over Z/p with the task's variables and order (ids are
 * read in `table`, the trace the image replayed); undefined when it has none.
 */
export function basisOfImage(S: PolynomialRing<number>, image: BasisImage, table?: MonomialTable): Polynomial<number>[] | undefined {
  const { lengths, coefficients } = image;
  if (!lengths || !coefficients) return undefined;
  const n = S.vars.length;
  const out: Polynomial<number>[] = [];
  let t = 0;
  for (const len of lengths) {
    const monomials: Monomial[] = [];
    const coeffs: number[] = [];
    for (let k = 0; k < len; k++, t++) {
      const m = termMonomial(image, t, n, table);
      if (m === undefined) return undefined;
      monomials.push(m);
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
