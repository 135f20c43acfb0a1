/**
 * The equidimensional part of an ideal over a largest independent set of variables: the first
 * half of Gianni–Trager–Zacharias (J. Symb. Comp. 6, 1988; Greuel–Pfister, A Singular
 * Introduction to Commutative Algebra, §4.3). The primes of the part come from
 * `eliminant-primes.ts`.
 *
 * Let U be an independent set of largest size d and X' the other variables. The reduced Gröbner
 * basis for a block order X' ≫ U is a Gröbner basis of I·K(U)[X']; with h the product of the
 * irreducible factors of its leading coefficients in K[U],
 *   I : h^∞ = (I·K(U)[X']) ∩ K[X],   V(I) = V(I : h^∞) ∪ V(I + ⟨h⟩),
 * and I : h^∞ is equidimensional of dimension d and zero-dimensional over K(U), of degree e (the
 * standard monomials in X' of the block basis). Two things keep this affordable. Saturation needs
 * an elimination order, so only the factors of h that are zero divisors (decided with degrevlex
 * bases, `saturation.ts`) are saturated away, smallest first and one at a time, recomputing the
 * block basis after each: its leading coefficients then shed the factors only the removed
 * components needed, often the largest ones. And both the block basis and the zero-divisor tests
 * of its factors can cost a thousand times more for one U than for another, so candidates race
 * through both stages with a growing time budget, keeping across rounds the learning runs modulo
 * p of their block bases (resumed where a budget stopped them), the block bases and the
 * zero-divisor tests already done.
 */
import { QQ } from '../arithmetic/field';
import { Rational } from '../arithmetic/rational';
import { AttemptDeadline, Deadline, TimeoutError } from '../errors';
import { Monomial } from '../monomials/monomial';
import { block, degrevlex } from '../monomials/order';
import { changeRing } from '../poly/change';
import { Polynomial, PolynomialRing } from '../poly/polynomial';
import { Factorizer, polynomialSize } from '../groebner/factor-cache';
import { FirstPrimeLearning, learningAtFirstPrime } from '../groebner/first-prime';
import { groebner } from '../groebner/groebner';
import { dimension, isUnitIdeal, largestIndependentSets, monomialsOutside } from '../groebner/ideal';
import { PolynomialMap } from '../groebner/polynomial-map';
import { isNonZeroDivisor, saturation } from './saturation';

type QPoly = Polynomial<Rational>;

/** The block ring X' ≫ U (degrevlex in each block), the dependent variables X' first. */
export function blockRing(R: PolynomialRing<Rational>, U: readonly number[]): { B: PolynomialRing<Rational>; dependent: number } {
  const dep = R.vars.filter((_, i) => !U.includes(i));
  const ind = U.map((i) => R.vars[i]);
  const order = ind.length === 0 || dep.length === 0 ? degrevlex : block([dep.length, degrevlex], [ind.length, degrevlex]);
  return { B: new PolynomialRing(QQ, [...dep, ...ind], order), dependent: dep.length };
}

/** The leading coefficient of g with respect to the first `k` variables, as a polynomial in the others. */
function leadingCoefficientIn(g: QPoly, k: number): QPoly {
  const lead = g.lm();
  const monos: Monomial[] = [];
  const coeffs: Rational[] = [];
  for (let t = 0; t < g.length; t++) {
    const m = g.monomials[t];
    let same = true;
    for (let i = 1; i <= k && same; i++) same = m[i] === lead[i];
    if (!same) continue;
    const r = m.slice();
    for (let i = 1; i <= k; i++) {
      r[0] -= r[i];
      r[i] = 0;
    }
    monos.push(r);
    coeffs.push(g.coefficients[t]);
  }
  return g.ring.normalize(monos, coeffs);
}

/** dim over K(U) of K(U)[X']/I·K(U)[X'], from the leading monomials of a block basis (X' the first `dependent` variables). */
export function degreeOverIndependent(GB: readonly QPoly[], dependent: number): number {
  if (dependent === 0) return 1;
  const projections: Monomial[] = GB.map((g) => {
    const m = g.lm().slice(0, dependent + 1);
    m[0] = m.slice(1).reduce((a, b) => a + b, 0);
    return m;
  });
  return monomialsOutside(projections, dependent).length;
}

/** I : h^∞ (the part of V(I) where the independent set U stays independent) and the rest of V(I). */
export interface EquidimensionalPart {
  /** The independent set (variable indices, largest size). */
  U: number[];
  /** Reduced Gröbner basis of I : h^∞ in the ring of I. */
  saturated: QPoly[];
  /** The degree of I : h^∞ over K(U). */
  degree: number;
  /** The reduced basis of I : h^∞ for the block order X' ≫ U (`blockRing(R, U).B`), when U is not empty. */
  blockBasis?: readonly QPoly[];
  /**
   * The factors f of h that were zero divisors (saturated away): V(I) = V(I : h^∞) ∪ ⋃ V(I + ⟨f⟩).
   * A factor that is no zero divisor lies in no associated prime, so no component of V(I) lies
   * on it and saturating by it changes nothing.
   */
  rest: QPoly[];
}

/** Seconds each candidate's stages get in the race's first round (see `racedEquidimensionalPart`). */
const RACE_BUDGET = 0.5;

/**
 * The saturations of I done so far over one independent set (see `saturatedOver`): the ideal J
 * reached, its block basis, the factors saturated away, and the factors found regular modulo J
 * (they stay regular after further saturations). Updated one whole step at a time; a step cut
 * short by a deadline leaves what it had found (`pending`).
 */
export interface Saturations {
  J: QPoly[];
  GB: readonly QPoly[];
  rest: QPoly[];
  regular: PolynomialMap<Rational, true>;
  /**
   * The step under way: the zero divisor it saturates away, and the block basis of that
   * saturation once computed (then only J's degrevlex basis was left). On the 2-2-2-1 network with
   * biases and one λ, a race candidate's budget ran out in that last basis, and the next round
   * computed the saturation's block basis (206 elements, 0.2 s) a second time.
   */
  pending?: { factor: QPoly; GB?: QPoly[] };
}

/** The start of the saturations of I (basis G, block basis GB): none done yet. */
function noSaturations(G: readonly QPoly[], GB: readonly QPoly[]): Saturations {
  return { J: [...G], GB, rest: [], regular: new PolynomialMap<Rational, true>() };
}

/**
 * A candidate independent set of the race, with its block basis once computed and its saturations
 * so far (kept when its budget runs out, so the next round resumes them).
 */
export interface Candidate {
  U: number[];
  /** The learning run of its block basis at the multi-modular driver's first prime, until done. */
  learning?: FirstPrimeLearning;
  GB?: QPoly[];
  saturations?: Saturations;
}

/**
 * Which factors are zero divisors modulo the ideal I itself, shared by the candidates of one race
 * (each tests the factors of its own block basis against I first). Read only while the ideal is
 * still I; a misread could not change the answer anyway (a factor regular modulo I stays regular
 * after saturating, and saturating by a regular factor changes nothing).
 */
export type TestsOnI = PolynomialMap<Rational, boolean>;

/**
 * Where a race stands (see `racedEquidimensionalPart`): the candidates of the current round, with
 * the block bases they finished, the round's budget, and the zero-divisor tests done on I. An
 * outer deadline that stops the race leaves it here; given again on the same ideal, the race
 * resumes instead of computing those bases a second time (a piece that the decomposition sets
 * aside after its budget comes back later with a larger one).
 */
export interface RaceState {
  candidates?: Candidate[];
  budget?: number;
  onI?: TestsOnI;
}

/**
 * The equidimensional part of I (reduced degrevlex basis G) over a largest independent set,
 * chosen by a race (see the file header): the candidates get a time budget for the block basis
 * and another for the zero-divisor tests and saturations, fourfold per round; the first to finish
 * both is taken. A candidate keeps from round to round its learning run modulo p (the block
 * basis's main cost, resumed where its budget stopped it), its block basis and its saturations.
 * Each round takes first the candidates whose block basis is done, then those whose learning run
 * is, then the others by the F4 rounds their learning run has finished, most first (the cheap
 * runs go through their rounds faster); and a candidate whose learning run, begun in an earlier
 * round, ends within its budget gets the next round's budget for the rest of its turn (when the
 * block bases are hard, the first learning run to end marks the cheap one; when they are easy, the
 * saturations decide). The answer does not depend on the choice, only the time. `state` keeps the
 * race's progress across calls stopped by an outer deadline.
 */
function racedEquidimensionalPart(G: readonly QPoly[], factorizer: Factorizer, deadline: Deadline | undefined, firstBudget: number, state: RaceState = {}): EquidimensionalPart {
  const onI: TestsOnI = (state.onI ??= new PolynomialMap<Rational, boolean>());
  state.candidates ??= largestIndependentSets(G, 8).map((U) => ({ U }));
  for (state.budget ??= firstBudget; ; state.budget *= 4) {
    const budget = state.budget;
    const candidates = raceOrder(state.candidates);
    const slow: Candidate[] = [];
    for (const c of candidates) {
      // The last candidate of a round with no other left runs without a budget.
      const last = slow.length === 0 && c === candidates[candidates.length - 1];
      let seconds = budget;
      const limit = (): Deadline | undefined => (last ? deadline : new AttemptDeadline(seconds, deadline));
      try {
        if (c.GB === undefined) {
          const inB = G.map((g) => changeRing(g, blockRing(G[0].ring, c.U).B));
          const resumed = c.learning !== undefined;
          c.learning ??= learningAtFirstPrime(inB, deadline);
          if (!c.learning.done) {
            c.learning.advance(limit());
            if (resumed) seconds = 4 * budget;
          }
          const within = limit();
          c.GB = groebner(inB, { deadline: within, positiveDimension: true, learned: c.learning.advance(within) });
          c.learning = undefined;
        }
        c.saturations ??= noSaturations(G, c.GB);
        const part = saturatedOver(G, c.U, c.GB, factorizer, limit(), onI, c.saturations);
        // The other candidates' learning runs are not needed any more.
        for (const other of state.candidates) other.learning = undefined;
        return part;
      } catch (e) {
        if (!(e instanceof TimeoutError) || last) throw e;
        deadline?.check();
        slow.push(c);
      }
    }
    state.candidates = slow;
    keepFastestLearningRuns(slow);
  }
}

/**
 * Most unfinished learning runs a race keeps from one round to the next. Each holds its monomial
 * table, basis and trace so far (on the 2-3-2-1 linear network with biases and one λ, the three
 * candidates' kept runs raised the peak memory by up to 150 MB); a race has up to 8 candidates.
 */
export const KEPT_LEARNING_RUNS = 4;

/**
 * Drops the unfinished learning runs of all but the `KEPT_LEARNING_RUNS` candidates whose runs
 * finished the most F4 rounds (the others start again if their turn comes). Finished runs stay:
 * those candidates go first in the next round.
 */
export function keepFastestLearningRuns(candidates: readonly Candidate[], kept = KEPT_LEARNING_RUNS): void {
  const unfinished = candidates.filter((c) => c.learning !== undefined && !c.learning.done);
  unfinished.sort((a, b) => (b.learning?.rounds ?? 0) - (a.learning?.rounds ?? 0));
  for (const c of unfinished.slice(kept)) c.learning = undefined;
}

/**
 * The order of a round of the race: candidates whose block basis is done (only saturations left;
 * on the 2-3-2-1 linear network with biases and one λ, a candidate whose basis took 6.5 s of a
 * round of 8 s, then ran out of time saturating, had waited behind two that spent the 32 s of the
 * next round on their bases, one in vain), then those whose learning run modulo p is done, then
 * the others by the F4 rounds their learning run finished, most first, else in canonical order.
 * On a 1,207-element piece of that network, after rounds of 0.5 and 2 s, the three candidates'
 * learning runs (5.1, 13.4 and 35.6 s alone) had finished 9, 6 and 5 rounds.
 */
function raceOrder(candidates: readonly Candidate[]): Candidate[] {
  const rank = (c: Candidate): number => (c.GB !== undefined ? 0 : c.learning?.done ? 1 : 2);
  const rounds = (c: Candidate): number => c.learning?.rounds ?? 0;
  return [...candidates].sort((a, b) => rank(a) - rank(b) || rounds(b) - rounds(a));
}

/**
 * The reduced basis (ring R) of the ideal of `known`, a reduced basis in R, grown to that of `grown`
 * (any ring), whose ideal contains it: `known` as a known Gröbner basis, and the elements of
 * `grown` that are not elements of `before`, a basis of `known`'s ideal in `grown`'s ring (the
 * others are in that ideal). A saturation in the decomposition adds few: the block basis of the
 * saturation of a 1,207-element piece of the 2-3-2-1 linear network with biases and one λ by a
 * variable had 20 elements not in the block basis before, and its degrevlex basis took 0.97 s
 * this way (the saturation computed in degrevlex had taken 6.9 s).
 */
function grownBasis(known: readonly QPoly[], grown: readonly QPoly[], before: readonly QPoly[], R: PolynomialRing<Rational>, deadline: Deadline | undefined): QPoly[] {
  const old = new PolynomialMap<Rational, true>();
  for (const g of before) old.set(g, true);
  const added = grown.filter((g) => !old.has(g)).map((g) => changeRing(g, R));
  return groebner([...known, ...added], { deadline, knownBasis: known.length });
}

/** The irreducible factors (monic, in the ring of I) of the leading coefficients in K[U] of a block basis. */
function leadingFactors(GB: readonly QPoly[], dependent: number, R: PolynomialRing<Rational>, factorizer: Factorizer): QPoly[] {
  const distinct = new PolynomialMap<Rational, QPoly>();
  for (const g of GB) {
    const c = leadingCoefficientIn(g, dependent);
    if (c.isConstant()) continue;
    for (const { factor } of factorizer.factors(changeRing(c, R))) distinct.set(factor, factor);
  }
  return distinct.values().sort((a, b) => polynomialSize(a) - polynomialSize(b));
}

/**
 * The equidimensional part of the ideal with reduced (degrevlex) Gröbner basis G over a largest
 * independent set (U if given, else chosen). Only factors of h that are zero divisors are
 * saturated away, smallest first, one at a time: after each saturation the block basis is
 * recomputed, since its leading coefficients shed the factors that only the removed components
 * needed (often the largest ones). A factor found regular stays regular after saturating (the
 * associated primes only become fewer). `firstBudget`: seconds per stage in the first round of
 * the race for U (for tests; the answer is the same with any).
 */
export function equidimensionalPart(G: readonly QPoly[], factorizer: Factorizer, deadline?: Deadline, given?: number[], firstBudget = RACE_BUDGET, race?: RaceState): EquidimensionalPart {
  if (G.length === 0 || isUnitIdeal(G)) return { U: [], saturated: [...G], degree: 0, rest: [] };
  const R = G[0].ring;
  if (given?.length === 0 || (given === undefined && dimension(G) === 0)) return { U: [], saturated: [...G], degree: degreeOverIndependent(G, R.nvars), rest: [] };
  if (given === undefined) return racedEquidimensionalPart(G, factorizer, deadline, firstBudget, race);
  const GB = groebner(G.map((g) => changeRing(g, blockRing(R, given).B)), { deadline, positiveDimension: true });
  return saturatedOver(G, given, GB, factorizer, deadline);
}

/**
 * The equidimensional part of I (basis G) over U, given I's block basis GB: the zero-divisor
 * factors of its leading coefficients saturated away one at a time (see `equidimensionalPart`).
 * `onI` keeps the zero-divisor tests on I itself across the candidates of a race; `kept`, the
 * saturations done so far, is resumed and updated one whole step at a time, so a deadline leaves it
 * where the last step ended (on the 2-3-2-1 linear network with biases and one λ, a candidate's
 * 8 s of saturations, stopped by its budget, were done again in the next round).
 */
function saturatedOver(G: readonly QPoly[], U: number[], GB0: readonly QPoly[], factorizer: Factorizer, deadline?: Deadline, onI?: TestsOnI, kept?: Saturations): EquidimensionalPart {
  const R = G[0].ring;
  const { B, dependent } = blockRing(R, U);
  const degree = degreeOverIndependent(GB0, dependent);
  const s = kept ?? noSaturations(G, GB0);
  for (;;) {
    // Until the first saturation J is I itself, whose tests the race's candidates share.
    const tests = s.rest.length === 0 ? onI : undefined;
    const zeroDivisor =
      s.pending?.factor ??
      leadingFactors(s.GB, dependent, R, factorizer).find((f) => {
        if (s.regular.has(f)) return false;
        let isRegular = tests?.get(f);
        if (isRegular === undefined) {
          isRegular = isNonZeroDivisor(s.J, f, { deadline });
          tests?.set(f, isRegular);
        }
        if (isRegular) s.regular.set(f, true);
        return !isRegular;
      });
    if (zeroDivisor === undefined) return { U, saturated: s.J, degree, rest: [...s.rest], blockBasis: s.GB };
    const step = (s.pending ??= { factor: zeroDivisor });
    // The block basis of the saturation from the block basis s.GB (known), then its degrevlex
    // basis from s.J (known) and the few elements the saturation added (`grownBasis`).
    const GB = (step.GB ??= saturation(s.GB, changeRing(zeroDivisor, B), { deadline, knownBasis: s.GB.length, positiveDimension: true }));
    const J = grownBasis(s.J, GB, s.GB, R, deadline);
    s.J = J;
    s.GB = GB;
    s.rest = [...s.rest, zeroDivisor];
    s.regular.set(zeroDivisor, true);
    s.pending = undefined;
  }
}
