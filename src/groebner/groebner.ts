/**
 * `groebner(polys, options)`: the reduced Gröbner basis for any order of the ring, over Q or Z/p,
 * with the method chosen by the caller or by default (F4 over Z/p for p < 2^26; multi-modular F4
 * over Q; Buchberger, the reference, on request or for larger primes).
 *
 * The result is the reduced basis (monic, interreduced) sorted by increasing leading monomial —
 * unique for the ideal and the order, so results of different methods compare with `equals`.
 * The zero ideal gives `[]`, the unit ideal `[1]`.
 */
import { Field, PrimeField, FAST_PRIME_LIMIT, isPrimeField } from '../arithmetic/field';
import { Rational } from '../arithmetic/rational';
import { Deadline, InputError, deadlineOf } from '../errors';
import { ControlOptions, progressOf } from '../control';
import { MonomialOrder, OrderName, degrevlex, isDegreeCompatible, orderToString, toMonomialOrder } from '../monomials/order';
import { checkSystem } from '../poly/arguments';
import { fglm } from './fglm';
import { dimension } from './ideal';
import { changeRing } from '../poly/change';
import { Polynomial, PolynomialRing } from '../poly/polynomial';
import { buchberger } from './buchberger';
import { Linalg, NotZeroDimensionalError, buchbergerEngine, f4EngineWith, fglmEngine } from './engines';
import { f4 } from './f4';
import { BasisWorkers } from './basis-workers';
import { LearnedFirstPrime, ModularOptions, modularGroebner } from './modular';
import { polynomialToData } from '../poly/data';

export type GroebnerMethod = 'f4' | 'buchberger';

/**
 * Options of `groebner` and `computeGroebner`, beside `timeout` (seconds; a TimeoutError), `signal`
 * (a CancelledError once aborted), `deadline` and `onProgress` (F4's rounds over Z/p, the primes
 * over Q; see `ControlOptions`).
 */
export interface GroebnerOptions extends ControlOptions {
  /** Monomial order of the result, or its name 'lex', 'deglex', 'degrevlex' (default: the ring's order). */
  order?: MonomialOrder | OrderName;
  /** 'f4' (default) or 'buchberger' (the reference). Over Q, F4 runs multi-modularly. */
  method?: GroebnerMethod;
  /** Over Q: verify the multi-modular result exactly (Buchberger's criterion over Q). */
  certify?: boolean;
  /**
   * F4's linear algebra: 'auto' (default) certifies blocks of rows zero by random combinations
   * where most rows reduce to zero — an error has probability below 1/p² per block, p ≈ 2^26 —
   * 'randomized' also makes the combinations the new pivots, in every round (over Z/p; see
   * `F4Options.linalg`), 'deterministic' reduces every row. Over Q `certify` proves the result
   * either way.
   */
  linalg?: Linalg;
  /**
   * The caller knows the ideal has positive dimension (a block order over an independent set, an
   * elimination): for an order that is not degree-compatible the route degrevlex + FGLM, which
   * serves zero-dimensional ideals only and finds out from a degrevlex basis first, is not tried.
   * Speed only: the basis is the same either way.
   */
  positiveDimension?: boolean;
  /**
   * Over Q with F4 (default linear algebra, degree-compatible order): a learning run already
   * made at the first prime (`modularStaircase` returns one), reused instead of learned again.
   */
  learned?: LearnedFirstPrime;
  /**
   * Over Q with F4 in a degree-compatible order: helper threads for the images modulo primes
   * (the CLI injects Node's, `basisThreads` in groebner/basis-threads.ts). The basis is the same
   * with or without them.
   */
  basisWorkers?: BasisWorkers;
  /**
   * With F4 in the polynomials' own order: the first `knownBasis` polynomials already form a
   * Gröbner basis of the ideal they generate (a basis computed before, to which the rest adds), so
   * no critical pair among them is formed (`F4Options.knownBasis`). A promise, not checked: when
   * they are not one, the result need not be a Gröbner basis. Ignored by Buchberger and when
   * `order` changes the order. Speed only: the basis is the same with or without it.
   */
  knownBasis?: number;
}

export interface GroebnerStats {
  method: string;
  seconds: number;
  /** Multi-modular runs: primes used (named as in `ModularStats`). */
  primesUsed?: number;
  /** Largest basis size seen (when the engine reports it). */
  basisSizeMax?: number;
  /** F4: number of rounds and the largest matrix's rows and columns (named as in `F4Stats`). */
  rounds?: number;
  maxMatrixRows?: number;
  maxMatrixCols?: number;
  certified?: boolean;
}

export interface GroebnerResult<T> {
  ring: PolynomialRing<T>;
  basis: Polynomial<T>[];
  stats: GroebnerStats;
}

/** Reduced Gröbner basis with details (ring, statistics). */
export function computeGroebner<T>(polys: readonly Polynomial<T>[], options: GroebnerOptions = {}): GroebnerResult<T> {
  if (typeof options !== 'object' || options === null) throw new InputError(`groebner: the options must be an object ({ order, method, timeout, … }), got ${options === null ? 'null' : typeof options}`);
  const source = checkSystem<T>(polys, 'groebner', { sameOrder: true });
  const order = options.order === undefined ? undefined : toMonomialOrder(options.order, 'groebner: the order option');
  const R = order && orderToString(order) !== orderToString(source.order) ? new PolynomialRing(source.field, source.vars, order) : source;
  const input = R === source ? [...polys] : polys.map((p) => changeRing(p, R));
  const deadline = deadlineOf(options, 'Gröbner basis computation');
  const onProgress = progressOf(options);
  const method = options.method ?? 'f4';
  if (method !== 'f4' && method !== 'buchberger') throw new InputError(`unknown method '${method}' (expected f4 or buchberger)`);
  const start = performance.now();
  const field = R.field as Field<unknown>;
  const known = knownBasisOf(options.knownBasis, input, R === source);
  let basis: Polynomial<T>[];
  const stats: GroebnerStats = { method, seconds: 0 };
  // The zero ideal: its reduced basis is empty, whatever the field, order and method.
  if (input.every((p) => p.isZero())) return { ring: R, basis: [], stats };
  if (isPrimeField(field)) {
    if (method === 'f4' && (field as PrimeField).p < FAST_PRIME_LIMIT) {
      let r: ReturnType<typeof f4>;
      if (!isDegreeCompatible(R.order) && !options.positiveDimension) {
        // Zero-dimensional ideals: degrevlex F4 then FGLM beats F4 in the order itself.
        const D = new PolynomialRing(R.field as unknown as PrimeField, R.vars, degrevlex);
        const G = f4(input.map((p) => changeRing(p as unknown as Polynomial<number>, D)), { deadline, onProgress, linalg: options.linalg });
        if (dimension(G.basis) === 0) {
          r = { basis: fglm(G.basis, R.order, { deadline }).map((g) => changeRing(g, R as unknown as PolynomialRing<number>)), stats: G.stats };
          stats.method = 'f4+fglm';
        } else r = f4(input as unknown as Polynomial<number>[], { deadline, onProgress, linalg: options.linalg, knownBasis: known });
      } else r = f4(input as unknown as Polynomial<number>[], { deadline, onProgress, linalg: options.linalg, knownBasis: known });
      basis = r.basis as unknown as Polynomial<T>[];
      Object.assign(stats, { rounds: r.stats.rounds, maxMatrixRows: r.stats.maxMatrixRows, maxMatrixCols: r.stats.maxMatrixCols, basisSizeMax: r.stats.basisSizeMax });
    } else {
      const r = buchberger(input, { deadline });
      basis = r.basis;
      stats.method = 'buchberger';
      stats.basisSizeMax = r.stats.basisSizeMax;
    }
  } else if (method === 'f4') {
    const reusable = options.learned && (options.linalg ?? 'auto') === 'auto' ? { learned: options.learned } : {};
    const modularOptions = { deadline, certify: options.certify, onProgress };
    let r: ReturnType<typeof modularGroebner> | undefined;
    // Orders that are not degree-compatible (lex, block, weighted): for zero-dimensional ideals,
    // degrevlex F4 then FGLM is far cheaper than F4 in the order itself.
    if (!isDegreeCompatible(R.order) && !options.positiveDimension) {
      try {
        r = modularGroebner(input as unknown as Polynomial<Rational>[], fglmEngine(R.order, options.linalg), modularOptions);
        stats.method = 'modular-f4+fglm';
      } catch (e) {
        if (!(e instanceof NotZeroDimensionalError)) throw e;
      }
    }
    if (r === undefined) {
      const workers = options.basisWorkers;
      const linalg = options.linalg ?? 'auto';
      const helpers: ModularOptions['helpers'] = workers && {
        start: (generators) => workers.start({ vars: [...R.vars], order: R.order, generators: generators.map(polynomialToData), linalg }, deadline),
        get warm() {
          return workers.warm === true;
        },
      };
      // The driver drops zero polynomials: the known basis counts its non-zero ones.
      const knownNonZero = known && input.slice(0, known).filter((f) => !f.isZero()).length;
      r = modularGroebner(input as unknown as Polynomial<Rational>[], f4EngineWith(options.linalg, knownNonZero), { ...modularOptions, ...reusable, helpers });
      stats.method = 'modular-f4';
    }
    basis = r.basis as unknown as Polynomial<T>[];
    Object.assign(stats, { primesUsed: r.stats.primesUsed, certified: r.stats.certified });
  } else {
    const r = buchberger(input, { deadline });
    basis = r.basis;
    stats.basisSizeMax = r.stats.basisSizeMax;
  }
  stats.seconds = (performance.now() - start) / 1000;
  return { ring: R, basis, stats };
}

/** `GroebnerOptions.knownBasis`, checked (an integer from 0 to the number of polynomials); 0 when the order changes. */
function knownBasisOf(k: number | undefined, input: readonly unknown[], sameOrder: boolean): number {
  if (k === undefined) return 0;
  if (!Number.isInteger(k) || k < 0 || k > input.length) throw new InputError(`groebner: knownBasis must be an integer from 0 to the number of polynomials (${input.length}), got ${String(k)}`);
  return sameOrder ? k : 0;
}

/**
 * The reduced Gröbner basis of the ideal generated by `polys`.
 * Example: `groebner([x^2 + y, x*y - 1], { order: lex })`.
 */
export function groebner<T>(polys: readonly Polynomial<T>[], options: GroebnerOptions = {}): Polynomial<T>[] {
  return computeGroebner(polys, options).basis;
}

/** The multi-modular driver with the Buchberger engine (for cross-checking the F4 engine). */
export function modularBuchberger(polys: readonly Polynomial<Rational>[], options: { deadline?: Deadline } = {}): Polynomial<Rational>[] {
  return modularGroebner(polys, buchbergerEngine, options).basis;
}
