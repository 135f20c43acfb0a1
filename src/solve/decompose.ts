/**
 * Decomposition of an affine variety over Q into its irreducible components: the minimal
 * associated primes of an ideal I ⊂ Q[x].
 *
 * Pieces (F, N) — the closure of V(F) \ V(Π N), see `groebner/factorizing.ts` — are examined by
 * decreasing dimension. A piece is split along the factors of the elements of its reduced
 * Gröbner basis, each factor's piece keeping the earlier factors as non-vanishing conditions, so
 * no part of the variety is cut out twice. A piece none of whose basis elements factors goes to
 * Gianni–Trager–Zacharias over a largest independent set U (`equidimensional.ts`, then
 * `eliminant-primes.ts`): its primes where U stays independent are found directly, and the rest,
 * where a leading coefficient that is a zero divisor vanishes, becomes new pieces ⟨F, f⟩. A
 * piece whose variety lies inside a component already found is skipped (its primes could only
 * contain that component).
 *
 * Given polynomials constant on every component (the loss on a critical set), the variety is first
 * cut along their values into disjoint parts (`groebner/value-splitting.ts`): no part examines
 * the pieces of another, such as the lower-dimensional pieces inside a component of another value.
 * A part's basis may no longer factor where the whole's did, and Gianni–Trager–Zacharias on it can
 * cost far more than the splits: past a budget the whole is decomposed instead, keeping what the
 * parts found (true components, not reported twice).
 *
 * Because pieces come by decreasing dimension, a prime found in a piece of dimension d can only
 * contain primes of larger dimension, all found already: it is checked against them and, when
 * minimal, reported at once (`onComponent`), so a caller stopped by its deadline still has every
 * component reported so far, each a minimal prime. Duplicates are recognized by their reduced
 * bases, hashed. One piece can cost more than all the others together (the zero-loss set of a
 * network), so while others wait a piece's primes get a time budget; past it the piece is set
 * aside until the others are examined, then comes back with four times the budget. A prime
 * found meanwhile that contains a piece set aside (which may hold a larger component through it)
 * waits for that piece; any other is reported as before.
 * References: Gianni–Trager–Zacharias 1988; Decker–Greuel–Pfister, "Primary decomposition:
 * algorithms and comparisons" (1999) for factorizing splits before GTZ.
 */
import { Rational } from '../arithmetic/rational';
import { ControlOptions, phase, resolveControl } from '../control';
import { degrevlex } from '../monomials/order';
import { changeRing, withOrder } from '../poly/change';
import { Polynomial, PolynomialRing } from '../poly/polynomial';
import { Factorizer } from '../groebner/factor-cache';
import { Piece, splitPiece } from '../groebner/factorizing';
import { groebner } from '../groebner/groebner';
import type { BasisWorkers } from '../groebner/basis-workers';
import { splitByValues } from '../groebner/value-splitting';
import { AttemptDeadline, Deadline, InputError, TimeoutError } from '../errors';
import { dimension } from '../groebner/ideal';
import { inIdeal } from '../groebner/normal-form';
import { BasisMap } from '../groebner/polynomial-map';
import { canonicalVariables } from './canonical';
import { primesOverIndependentSet } from './eliminant-primes';
import { EquidimensionalPart, RaceState, equidimensionalPart } from './equidimensional';

type QPoly = Polynomial<Rational>;

/** A prime ideal found by the decomposition, as a reduced Gröbner basis in the input ring (its order). */
export interface PrimeIdeal {
  basis: QPoly[];
  dimension: number;
}

/**
 * A part of the variety that a deadline left unfinished: every irreducible component not reported
 * lies in the variety of some unfinished part's generators.
 */
export interface UnfinishedPiece {
  /** Generators (the input's ring): the part lies in their variety. */
  generators: QPoly[];
  /** Their reduced Gröbner basis (the input's ring and order), when the decomposition had it. */
  basis?: QPoly[];
  /** An upper bound on the dimension of the components in the part. */
  bound: number;
  /**
   * True for a prime found but held back (`basis` is then the prime's, `bound` its dimension): an
   * irreducible variety, a component unless it lies in a larger one not yet found.
   */
  prime?: boolean;
}

/**
 * Options of `minimalPrimes`, beside `timeout` (seconds; a TimeoutError), `signal` (a
 * CancelledError), `deadline` — checked between pieces and inside every Gröbner basis — and
 * `onProgress` (see `ControlOptions`).
 */
export interface DecomposeOptions extends ControlOptions {
  /**
   * Helper threads for the images modulo primes of the pieces' bases over Q (`GroebnerOptions.
   * basisWorkers`; the Node CLI passes `basisThreads()`); the answer is the same without them.
   */
  basisWorkers?: BasisWorkers;
  /** The input is already the reduced Gröbner basis of its ring (the same as `basis: polys`). */
  reduced?: boolean;
  /**
   * The reduced Gröbner basis of the input (its ring's order), when the caller has it. The input
   * itself is then best the original, smaller system: pieces are built from it.
   */
  basis?: QPoly[];
  /**
   * A reduced Gröbner basis of the input's ideal with the variables in another order (same names,
   * degrevlex), when the caller has it there instead of `basis`: it gives the dimension and cuts
   * the variety by values (`constantOnComponents`); the pieces then compute their bases in the
   * input's ring (as does the whole, should the values not cut it, from `basisOnDemand` when
   * given). A caller gains when that order makes the basis far cheaper
   * (`groebner/variable-order.ts`).
   */
  valueBasis?: QPoly[];
  /**
   * The reduced Gröbner basis of the input (its ring's order) by a route cheaper than from the
   * input itself, when `basis` is not given: called only if the whole is decomposed (not when
   * the value parts of `constantOnComponents` finish). The solver gives it for a set that is a
   * graph over a smaller one (see `graph-variables.ts`): the basis of the whole system,
   * substituted, generates the smaller one's ideal, and its basis from there took 8.3–8.6 s
   * instead of 13.8–14.4 s from the input on 2-3-2-1 linear with biases and one λ.
   */
  basisOnDemand?: () => QPoly[];
  /**
   * Receives each minimal prime as soon as it is certain to be one, before the decomposition
   * ends: larger components first, except those of a piece set aside (see `pieceBudget`), which
   * come when its turn does.
   */
  onComponent?: (prime: PrimeIdeal) => void;
  /**
   * Receives, when the deadline (or the signal) stops the decomposition, the parts it had not
   * finished: the pieces still to examine, those set aside, and primes found but not yet known to
   * be minimal. Together with the components reported they cover the variety. Called just before
   * the TimeoutError (or CancelledError) is thrown.
   */
  onStopped?: (pieces: UnfinishedPiece[]) => void;
  /**
   * Polynomials known to be constant on every irreducible component (the loss on its critical
   * set). With the basis known, the variety is first cut along their values
   * (`groebner/value-splitting.ts`) into disjoint parts, decomposed apart. A wrong hint costs a
   * few normal forms, never an answer: a part is made only from an exact minimal polynomial.
   */
  constantOnComponents?: QPoly[];
  /** Seconds the decomposition by value parts may take before the whole is decomposed instead (default 3; for tests). */
  valuePartsBudget?: number;
  /**
   * Seconds a piece's primes may take, while other pieces wait, before it is set aside until they
   * are examined (default 2; fourfold at each later turn; for tests).
   */
  pieceBudget?: number;
  /** Seconds per stage in the first round of the race for an independent set (`equidimensional.ts`; default 0.5; for tests). */
  independentSetBudget?: number;
}

/** Pieces by decreasing dimension bound; among equal bounds the last pushed comes first (depth first). */
class PieceQueue {
  private readonly stacks = new Map<number, Piece[]>();
  size = 0;

  push(piece: Piece): void {
    const stack = this.stacks.get(piece.bound);
    if (stack) stack.push(piece);
    else this.stacks.set(piece.bound, [piece]);
    this.size++;
  }

  /** The largest bound of a waiting piece (−Infinity when none waits). */
  top(): number {
    let best = -Infinity;
    for (const [bound, stack] of this.stacks) if (stack.length > 0 && bound > best) best = bound;
    return best;
  }

  pop(): Piece {
    const stack = this.stacks.get(this.top()) as Piece[];
    this.size--;
    return stack.pop() as Piece;
  }

  /** The waiting pieces, in no particular order. */
  all(): Piece[] {
    return [...this.stacks.values()].flat();
  }
}

/** The reduced Gröbner basis in the ring R (another order) of the ideal with basis G. */
function inRing(G: readonly QPoly[], R: PolynomialRing<Rational>): QPoly[] {
  return G.length === 0 ? [] : groebner(G.map((g) => changeRing(g, R)));
}

/** Is ⟨A⟩ ⊆ ⟨B⟩ (B a Gröbner basis in the same ring)? */
function contained(A: readonly QPoly[], B: readonly QPoly[]): boolean {
  return A.every((a) => inIdeal(a, B));
}

/**
 * The generators to add for each part of V(G) when it is cut along the values of each f in `fs`
 * (one part, with nothing to add, when none splits it): V(G) is the disjoint union of the
 * V(G, part). A part may be empty (two values of different f's never taken together).
 */
function valueParts(G: readonly QPoly[], fs: readonly QPoly[], deadline?: Deadline): QPoly[][] {
  let parts: QPoly[][] = [[]];
  for (const f of fs) {
    const split = splitByValues(f, G, { deadline });
    if (split) parts = parts.flatMap((part) => split.map((q) => [...part, q]));
  }
  return parts;
}

/**
 * The minimal primes of the ideal generated by `polys` (over Q), as reduced Gröbner bases in
 * their ring, larger dimensions first. Example: ⟨x·y, x·z⟩ gives ⟨x⟩ and ⟨y, z⟩.
 */
export function minimalPrimes(polys: readonly QPoly[], options: DecomposeOptions = {}): PrimeIdeal[] {
  options = resolveControl(options, 'decomposition');
  const { pieceBudget } = options;
  if (pieceBudget !== undefined && !(typeof pieceBudget === 'number' && pieceBudget > 0)) throw new InputError(`minimalPrimes: pieceBudget must be a number of seconds > 0, got ${String(pieceBudget)}`);
  const R = polys[0].ring;
  if (R.order.kind !== 'degrevlex') {
    // The zero-divisor test needs degrevlex bases: decompose there, answer in the caller's order.
    const D = withOrder(R, degrevlex);
    const basis = options.basis ?? (options.reduced ? polys : undefined);
    const inD = (ps: readonly QPoly[]) => ps.map((p) => changeRing(p, D));
    const onComponent = options.onComponent && ((P: PrimeIdeal) => options.onComponent?.({ basis: inRing(P.basis, R), dimension: P.dimension }));
    // The pieces' bases are for degrevlex: only their generators go back to R.
    const onStopped = options.onStopped && ((pieces: UnfinishedPiece[]) => options.onStopped?.(pieces.map((q) => ({ generators: q.generators.map((g) => changeRing(g, R)), bound: q.bound, ...(q.prime ? { prime: true } : {}) }))));
    const constantOnComponents = options.constantOnComponents && inD(options.constantOnComponents);
    const basisOnDemand = options.basisOnDemand && (() => groebner(inD(options.basisOnDemand!())));
    const primes = minimalPrimes(inD(polys), { ...options, reduced: false, basis: basis && groebner(inD(basis)), basisOnDemand, onComponent, onStopped, constantOnComponents });
    return primes.map((P) => ({ basis: inRing(P.basis, R), dimension: P.dimension }));
  }
  const { deadline, onProgress } = options;
  const progress = (message: string): void => onProgress?.(phase(message));
  const gens = polys.filter((p) => !p.isZero());
  if (gens.length === 0) return [{ basis: [], dimension: R.nvars }];
  const basis = options.basis ?? (options.reduced ? gens : undefined);
  // The basis that gives the dimension and cuts by values: the input's own, or one in another
  // order of the variables (the values computed in its ring, the parts brought back to R).
  const cutBy = basis ?? options.valueBasis;
  const start = cutBy ? dimension(cutBy) : R.nvars;
  if (cutBy) progress(`decomposition: dimension ${start}`);
  const state = newState(R, options);
  const S = cutBy?.[0]?.ring ?? R;
  const parts = cutBy
    ? valueParts(cutBy, (options.constantOnComponents ?? []).map((f) => changeRing(f, S)), deadline).map((part) => part.map((q) => changeRing(q, R)))
    : [];
  if (parts.length > 1) {
    // The parts usually cost a fraction of the whole, but a part whose basis no longer factors goes
    // to Gianni–Trager–Zacharias, which can cost far more than the factorizing splits of the
    // whole: past a budget the whole is decomposed instead, keeping the components found.
    progress(`decomposition: ${parts.length} disjoint parts, by the values of a polynomial constant on the components`);
    try {
      return examine(
        [...parts].reverse().map((part) => ({ generators: [...gens, ...part], constraints: [], bound: start })),
        state,
        new AttemptDeadline(options.valuePartsBudget ?? VALUE_PARTS_BUDGET, deadline),
      );
    } catch (e) {
      if (!(e instanceof TimeoutError)) throw e;
      deadline?.check();
      progress('decomposition: the parts took too long, the whole instead');
    }
  }
  const whole = basis ?? options.basisOnDemand?.();
  return examine([{ generators: gens, ...(whole ? { basis: whole } : {}), constraints: [], bound: start }], state, deadline);
}

/**
 * Seconds the decomposition by value parts may take before the whole is decomposed instead: a
 * guard against parts far harder than the whole, as the first part of the 2-2-1 network with
 * activation z + z³/3 was before the zero-divisor tests ran modulo a prime (24 s in its tests).
 * Now its parts take 1.3–2.4 s and the whole 4.5 s more. On the 2-2-1 network with biases,
 * activation z² and loss mean, the parts took 22 s at e57ec6d (13 components in the first 3 s,
 * then two pieces' eliminants; 0.84 s since those split without a form in every variable) and
 * the whole did not finish in 90 s, so 3 s cost that network its answer. The only case measured
 * since where the parts reach the budget is the 2-2-1 network with biases and activation
 * z − z³/3, whose whole does not finish either.
 */
const VALUE_PARTS_BUDGET = 30;

/**
 * Seconds a piece's primes (Gianni–Trager–Zacharias) may take while other pieces wait. The pieces
 * of the network ladder take at most about 1 s (the 2-2-1 network with activation z + z³/3); the
 * one hard piece of the 2-2-1 network with biases and activation z − z³/3 (the zero-loss set,
 * degree 60 in dimension 5) held back all 44 of its other components, found in 2 s.
 */
const PIECE_BUDGET = 2;

/** What the decomposition knows across its attempts: the primes found, the minimal ones (reported). */
interface DecompositionState {
  R: PolynomialRing<Rational>;
  options: DecomposeOptions;
  order: number[];
  factorizer: Factorizer;
  known: BasisMap<Rational, true>;
  components: PrimeIdeal[];
}

function newState(R: PolynomialRing<Rational>, options: DecomposeOptions): DecompositionState {
  const order = canonicalVariables(R.vars).map((v) => R.varIndex(v));
  return { R, options, order, factorizer: new Factorizer(), known: new BasisMap<Rational, true>(), components: [] };
}

/**
 * The minimal primes of the union of the pieces, examined by decreasing dimension (see the file
 * header), added to `state.components`, which it returns. Components already there (found by an
 * abandoned attempt) are true components: found again, they are not reported twice.
 */
function examine(pieces: Piece[], state: DecompositionState, deadline: Deadline | undefined): PrimeIdeal[] {
  const { R, options, order, factorizer, known, components } = state;
  const progress = (message: string): void => options.onProgress?.(phase(message));
  const queue = new PieceQueue();
  for (const p of pieces) queue.push(p);

  // Containments asked again and again: a prime waiting for a piece set aside is checked against
  // it at every step of the loop (on 2-3-2-1 linear with biases and one λ, the normal forms of a
  // 1,207-element basis, 5% of the profiled run). Bases are never changed, so the answer is kept per pair.
  const containments = new WeakMap<readonly QPoly[], WeakMap<readonly QPoly[], boolean>>();
  const isContained = (A: readonly QPoly[], B: readonly QPoly[]): boolean => {
    let row = containments.get(A);
    if (!row) containments.set(A, (row = new WeakMap()));
    let answer = row.get(B);
    if (answer === undefined) row.set(B, (answer = contained(A, B)));
    return answer;
  };
  const insideComponent = (G: readonly QPoly[], d: number): boolean => components.some((P) => P.dimension >= d && isContained(P.basis, G));
  // Pieces whose primes took longer than their budget while other pieces waited: set aside until
  // the queue is empty, with the budget of their next turn.
  const setAside: (Piece & { basis: QPoly[] })[] = [];
  // What a piece set aside takes to its next turn: its budget there, and its race for an
  // independent set where the last budget stopped it.
  const turns = new Map<Piece, { budget: number; race: RaceState }>();
  // Primes found while a piece that may hold a larger component through them is unfinished.
  const pending: PrimeIdeal[] = [];
  // A prime of dimension d comes from a piece of dimension d, taken when no waiting piece has a
  // larger dimension bound: no prime found later can lie strictly inside it (that needs a larger
  // dimension), so it is a minimal prime unless it contains a larger component found already.
  // A piece set aside breaks that order; its primes contain its ideal, so only primes that
  // contain it too must wait for it (and for the pieces it gives). The piece's generators span
  // its ideal as its basis does, and are far fewer: on 2-3-2-1 linear with biases and one λ, 25
  // generators against a basis of 1,207 elements, 2-9 ms per prime instead of 49-93 ms.
  const waits = (P: PrimeIdeal): boolean => queue.top() > P.dimension || setAside.some((piece) => piece.bound > P.dimension && isContained(piece.generators, P.basis));
  const found = (P: PrimeIdeal): void => {
    if (known.has(P.basis)) return;
    if (waits(P)) {
      pending.push(P);
      return;
    }
    known.set(P.basis, true);
    if (components.some((Q) => Q.dimension > P.dimension && isContained(Q.basis, P.basis))) return;
    components.push(P);
    progress(`decomposition: component ${components.length} found, of dimension ${P.dimension}`);
    options.onComponent?.(P);
  };
  /** Reports the pending primes nothing holds any longer, larger dimensions first. */
  const release = (): void => {
    if (pending.length === 0) return;
    const waiting = pending.splice(0).sort((a, b) => b.dimension - a.dimension);
    for (const P of waiting) found(P);
  };

  // The piece being examined, for `onStopped`.
  let current: Piece | undefined;
  /** What a stop leaves unfinished (see `DecomposeOptions.onStopped`). */
  const unfinished = (): UnfinishedPiece[] => [
    ...(current ? [current] : []),
    ...setAside,
    ...queue.all(),
  ]
    .map((q): UnfinishedPiece => ({ generators: q.generators, ...(q.basis ? { basis: q.basis } : {}), bound: q.bound }))
    .concat(pending.map((P) => ({ generators: P.basis, basis: P.basis, bound: P.dimension, prime: true })));
  try {
    examinePieces();
  } catch (e) {
    // Only the caller's deadline: an attempt's own (the value parts') is caught by the caller.
    if (e instanceof TimeoutError && options.deadline?.expired) options.onStopped?.(unfinished());
    throw e;
  }
  // Larger dimensions first (a piece set aside reports its components late); stable otherwise.
  return components.sort((a, b) => b.dimension - a.dimension);

  function examinePieces(): void {
    for (;;) {
      current = undefined;
      release();
      if (queue.size === 0) {
        if (setAside.length === 0) break;
        for (const piece of setAside.splice(0)) queue.push(piece);
      }
      deadline?.check();
      const aside = setAside.length > 0 ? `, ${setAside.length} set aside` : '';
      progress(`decomposition: ${components.length} component(s) found, ${queue.size} piece(s) of dimension ≤ ${queue.top()} to examine${aside}`);
      const piece = queue.pop();
      current = piece;
      if (piece.basis && insideComponent(piece.basis, piece.bound)) continue;
      const step = splitPiece(piece, factorizer, { deadline, basisWorkers: options.basisWorkers });
      if (step.kind === 'empty') continue;
      if (step.kind === 'split') {
        // The first piece (fewest conditions) is examined first.
        for (const p of [...step.pieces].reverse()) queue.push(p);
        continue;
      }
      const { basis: G, bound: d, constraints, generators } = step.piece;
      if (!piece.basis && insideComponent(G, d)) continue;
      if (G.length === 0) {
        found({ basis: [], dimension: R.nvars });
        continue;
      }
      // With other pieces waiting, a piece gets a budget: past it, it is set aside until they are
      // examined, so that one hard piece does not hold back the components of all the others.
      const { budget, race } = turns.get(piece) ?? { budget: options.pieceBudget ?? PIECE_BUDGET, race: {} };
      const alone = queue.size === 0 && setAside.length === 0;
      let part: EquidimensionalPart;
      let primes: QPoly[][];
      try {
        const limit = alone ? deadline : new AttemptDeadline(budget, deadline);
        part = equidimensionalPart(G, factorizer, limit, undefined, options.independentSetBudget, race);
        primes = primesOverIndependentSet(part.saturated, part.U, part.degree, order, factorizer, limit, false, part.blockBasis);
      } catch (e) {
        if (!(e instanceof TimeoutError) || alone) throw e;
        deadline?.check();
        turns.set(step.piece, { budget: 4 * budget, race });
        setAside.push(step.piece);
        progress(`decomposition: a piece of dimension ${d} set aside after ${budget} s, until the other pieces are examined`);
        continue;
      }
      for (const P of primes) {
        // A prime containing a condition lies in the part of V(G) cut away from this piece.
        if (!constraints.some((n) => inIdeal(n, P))) found({ basis: P, dimension: d });
      }
      // The rest of V(G) lies where a saturated factor vanishes (conditions do not vanish here).
      const rest = part.rest.filter((f) => !constraints.some((n) => n.equals(f)));
      for (let i = rest.length - 1; i >= 0; i--) queue.push({ generators: [...generators, rest[i]], constraints: [...constraints, ...rest.slice(0, i)], bound: d });
    }
  }
}
