/**
 * The solutions of a radical zero-dimensional ideal over Q, parametrized per irreducible
 * component, computed modulo primes and lifted to Q.
 *
 * For a separating linear form t (certified by `modularSeparatingForm`), the minimal polynomial
 * χ of t on K[x]/I is square-free of degree D = dim K[x]/I, and xᵢ ≡ wᵢ(t) with deg wᵢ < D.
 * Modulo a prime p that does not divide a denominator of the data and at which t still separates,
 * both reduce to the same objects computed over Z/p: the Krylov vectors 1, t, …, t^(D−1) form a
 * basis of A/p, and χ and the wᵢ are the solutions of one D×D linear system (`solveModP`).
 *
 * Lifting the wᵢ themselves is hopeless — their coefficients are typically twenty times longer
 * than χ's. Instead the lift runs in two phases. First χ is lifted and factored over Q into
 * irreducible q₁⋯q_r (one per component). Then, per component, the numerators uᵢ = wᵢ·q′ mod q
 * of the parametrization xᵢ = uᵢ(θ)/q′(θ), q(θ) = 0, are lifted: with the derivative as the
 * denominator the coefficients are about as long as q's (Dahan–Schost 2004; Rouillier 1999 uses
 * χ′ for the same reason), so few primes suffice. Images are kept from the first phase for the
 * second. Each phase accepts a candidate when it agrees with the image at one more prime — the
 * acceptance test of the multi-modular Gröbner bases.
 */
import { Field, QQ, Zp } from '../arithmetic/field';
import { reduceModP } from '../arithmetic/scaled-vector';
import { agreesModulo, liftUntilStable } from '../arithmetic/lifting';
import { LAZY_PRIME_LIMIT, solveModP } from '../arithmetic/modular-linear';
import { primeStream } from '../arithmetic/primes';
import { Rational, rational } from '../arithmetic/rational';
import { Deadline } from '../errors';
import { ControlOptions, ProgressCallback, phase, resolveControl } from '../control';
import { UPoly, uderivative, ugcd, umul, urem, utrim } from '../poly/univariate';
import { factorUnivariate } from '../poly/factor';
import { QuotientAlgebra } from '../groebner/quotient';
import { F4Trace, traceToData } from '../groebner/f4';
import { RationalData, columnsModP, rationalData } from './multiplication-data';
import { scatteredForm, separatingCandidates } from './rur';
import { distinctRoots } from './multiplicities';
import { BasisLearning, SeparatingCoordinates, basesModP, separatingCoordinates } from './separating-coordinates';
import { dimension, solutionCount } from '../groebner/ideal';
import { monomialsEqual } from '../monomials/monomial';
import { ImageWorkers, ParametrizationTask } from './image-workers';
import { polynomialToData } from '../poly/data';
import { KrylovShape, ParametrizationImage, imageFromSequences, parametrizationModPRetrying, residueGenerator } from './krylov';
import { Polynomial } from '../poly/polynomial';
import { RootInterval, refineRoot } from './roots/real';

/** One irreducible component: the points (u₁(θ)/q′(θ), …, uₙ(θ)/q′(θ)) for the roots θ of q. */
export interface ComponentParametrization {
  /** q: irreducible over Q, primitive integer coefficients, ascending, positive leading coefficient. */
  minimalPolynomial: bigint[];
  /** uᵢ for each variable (ring order), deg uᵢ < deg q: xᵢ = uᵢ(θ)/q′(θ). */
  numerators: UPoly<Rational>[];
}

/** Every solution of the ideal, grouped into components, for the separating form `separatingForm`. */
export interface ParametrizedSolutions {
  separatingForm: bigint[];
  /** χ(T), monic, square-free, of degree D: the product of the components' q (up to constants). */
  minimalPolynomial: UPoly<Rational>;
  components: ComponentParametrization[];
}

/** The numerators uᵢ = wᵢ·q′ mod q of a component, over any field (q, wᵢ ascending lists). */
export function componentNumerators<T>(F: Field<T>, q: UPoly<T>, ws: readonly UPoly<T>[]): UPoly<T>[] {
  const dq = uderivative(F, q);
  return ws.map((w) => utrim(F, urem(F, umul(F, urem(F, w, q), dq), q)));
}

/**
 * The image of the parametrization modulo p: χ's lower coefficients, and the numerators
 * uᵢ = wᵢ·q′ mod q of given factors q of χ (reduced modulo p), computed only when asked — the
 * first phase of the lift needs χ alone, at more primes than the second.
 */
export interface PrimeImage {
  chi: Float64Array;
  /** For each factor q (ascending, mod p), the n numerators, or undefined when p is unlucky for them. */
  numerators(factors: readonly UPoly<number>[]): UPoly<number>[][] | undefined;
  /** Announces the factors `numerators` will be asked for (a helper thread starts on them). */
  prefetch?(factors: readonly UPoly<number>[]): void;
  /** Would `numerators` answer at once (a helper's answer has arrived, waiting at most `waitMs`)? Absent: always. */
  ready?(waitMs?: number): boolean;
}

function imageModP(data: RationalData, p: number, D: number): PrimeImage | undefined {
  const cols = columnsModP(data, p);
  if (!cols) return undefined;
  // Below LAZY_PRIME_LIMIT a sum of fewer than 2^11 products is exact: reduce once per vector.
  const lazy = p < LAZY_PRIME_LIMIT && D < 2048;
  // Krylov vectors 1, t, …, t^D as the columns of K (stored by rows for the solver).
  let v = reduceModP(data.one, p);
  if (!v) return undefined;
  const K = Array.from({ length: D }, () => new Float64Array(D));
  for (let k = 0; k < D; k++) {
    for (let r = 0; r < D; r++) K[r][k] = v[r];
    const next = new Float64Array(D);
    for (let j = 0; j < D; j++) {
      const x = v[j];
      if (x === 0) continue;
      const { rows, values } = cols[j];
      if (lazy) for (let s = 0; s < rows.length; s++) next[rows[s]] += values[s] * x;
      else for (let s = 0; s < rows.length; s++) next[rows[s]] = (next[rows[s]] + values[s] * x) % p;
    }
    if (lazy) for (let r = 0; r < D; r++) next[r] %= p;
    v = next;
  }
  const rhs: Float64Array[] = [v];
  for (const x of data.vars) {
    const y = reduceModP(x, p);
    if (!y) return undefined;
    rhs.push(y);
  }
  const X = solveModP(K, rhs, p);
  if (!X) return undefined; // t does not separate modulo p
  // t^D = Σ c_k t^k, so χ = T^D − Σ c_k T^k.
  const chi = X[0].map((c) => (c === 0 ? 0 : p - c));
  const F = Zp(p);
  const ws = X.slice(1).map((w) => utrim(F, Array.from(w)));
  return { chi, numerators: (factors) => factors.map((q) => componentNumerators(F, q, ws)) };
}

/** The image of the component numerators modulo p, flattened in the lifter's layout. */
/** The factors modulo p, or undefined when p divides a leading coefficient. */
export function factorsModP(components: readonly bigint[][], p: number): UPoly<number>[] | undefined {
  const F = Zp(p);
  const P = BigInt(p);
  if (components.some((q) => q[q.length - 1] % P === 0n)) return undefined;
  return components.map((q) => utrim(F, q.map((c) => F.fromInt(c))));
}

function numeratorImage(image: PrimeImage, components: readonly bigint[][], p: number): Float64Array | undefined {
  const factors = factorsModP(components, p);
  if (!factors) return undefined;
  const all = image.numerators(factors);
  if (!all) return undefined;
  const out: number[] = [];
  components.forEach((q, j) => {
    const d = q.length - 1;
    for (const u of all[j]) for (let k = 0; k < d; k++) out.push(u[k] ?? 0);
  });
  return Float64Array.from(out);
}

/** Primes at which the data reduce and t separates, with their images. */
function* goodPrimes(data: RationalData, D: number, deadline?: Deadline): Generator<{ p: number; image: PrimeImage }> {
  // Primes below 2^21: a few more of them than below 2^26, but the linear algebra modulo each
  // runs with delayed reductions (see `solveModP`), which more than pays for it.
  for (const p of primeStream(LAZY_PRIME_LIMIT, deadline)) {
    const image = imageModP(data, p, D);
    if (image) yield { p, image };
  }
}

/**
 * The components of the radical zero-dimensional ideal whose quotient algebra over Q is A, for
 * the separating form `form` (one that is known to separate, e.g. from `modularSeparatingForm`),
 * or undefined if no stable lift appears within `maxPrimes` primes per phase. The images come
 * from the multiplication matrix over Q reduced modulo each prime; see
 * `parametrizationInSeparatingCoordinates` for the route that never forms it over Q.
 */
export function modularParametrization(A: QuotientAlgebra<Rational>, form: readonly bigint[], options: ControlOptions & { /** Primes per phase of the lift before giving up (default 4000). */ maxPrimes?: number } = {}): ParametrizedSolutions | undefined {
  const { deadline, onProgress, maxPrimes } = resolveControl(options, 'modularParametrization');
  const D = A.dimension;
  return liftParametrization(goodPrimes(rationalData(A, form), D, deadline), form, A.ring.nvars, D, { deadline, maxPrimes, onProgress });
}

/**
 * The components of a radical zero-dimensional ideal with D solutions over Q, given by
 * `generators` (any, preferably with short coefficients), parametrized modulo primes in
 * coordinates where a separating form is the last variable (`separating-coordinates.ts`,
 * `krylov.ts`) and lifted. Candidate forms are tried in the order of `separatingCandidates` on
 * `order`; a candidate is taken when, modulo the first prime, its minimal polynomial has degree D
 * and is square-free (it then separates, and the ideal is radical, unless that prime is unlucky —
 * the lift, checked at a fresh prime, settles it). Undefined when no candidate passes within
 * `maxTries` (e.g. the ideal is not radical) or the lift does not settle; at once when the ideal
 * is found not radical modulo the first primes (a candidate's minimal polynomial of degree D with
 * repeated roots, or, after the first candidate fails, a form with scattered coefficients taking
 * fewer than D values on its basis). `learned`: an F4
 * learning run on the same generators (the staircase probe's), replayed for the first candidate
 * when the coordinates need no change (`learningFrom`).
 */
export function parametrizationInSeparatingCoordinates(
  generators: readonly Polynomial<Rational>[],
  D: number,
  order: readonly number[],
  options: {
    deadline?: Deadline;
    maxPrimes?: number;
    maxTries?: number;
    onProgress?: ProgressCallback;
    imageWorkers?: ImageWorkers;
    learned?: LearnedRun;
    /** The bits a helper refines the real roots it isolates to (see `knownRealRoots`; default 0: not refined). */
    rootBits?: number;
    /** The ideal is known to be radical (a radical computed before): no test of radicality. */
    radical?: boolean;
  } = {},
): ParametrizedSolutions | undefined {
  const n = generators[0].ring.nvars;
  const random = residueGenerator(0x5eed + D);
  let tries = 0;
  let candidate = 0;
  for (const form of separatingCandidates(n, order)) {
    // The first candidates are the variables themselves, the cheapest forms (the coordinates are
    // only permuted), but symmetric systems — a network's critical ideal, whose solutions come in
    // orbits of sign flips and share zero coordinates — defeat every one, at the price of an F4
    // learning run each: after two of them the general forms are tried.
    if (candidate++ < order.length && candidate > SINGLE_VARIABLE_TRIES) continue;
    if (++tries > (options.maxTries ?? 12)) return undefined;
    options.deadline?.check();
    const sc = separatingCoordinates(generators, form);
    // Primes below 2^21: the Krylov products then sum without reductions (see `krylov.ts`).
    // One stream of primes, shared with the helper threads (if any).
    const stream = primeStream(LAZY_PRIME_LIMIT, options.deadline);
    const learning = learningFrom(options.learned, sc, D);
    const bases = basesModP(sc, D, options.deadline, stream, learning);
    // The form's first image: χ of degree D and square-free. A χ of lower degree says that the
    // form does not separate: the next form. Repeated roots say that the ideal is not radical —
    // or that the prime is unlucky (it divides χ's discriminant: two solutions meet modulo it),
    // so the form is given up only when FIRST_PRIMES primes in a row say so: otherwise an unlucky
    // first prime would fail every candidate (each starts at the same primes) and send the solver
    // to its slower routes.
    let first: { p: number; shape: KrylovShape; image: ParametrizationImage } | undefined;
    let repeatedRoots = 0;
    let seen: { basis: Polynomial<number>[]; p: number } | undefined;
    for (let tried = 0; tried < FIRST_PRIMES && !first; tried++) {
      const b = bases.next();
      if (b.done) break;
      seen ??= b.value;
      const shape = KrylovShape.of(b.value.basis);
      const image = parametrizationModPRetrying(b.value.basis, b.value.coordinates, D, b.value.p, random, shape, options.deadline);
      // No image: the form takes fewer than D values (or the basis modulo p has another size).
      if (!image) break;
      if (distinctRoots([...Array.from(image.chi), 1], b.value.p) === D) first = { p: b.value.p, shape, image };
      else repeatedRoots++;
    }
    // A minimal polynomial of degree D with repeated roots at every first prime: on a radical
    // ideal a form that does not separate has a minimal polynomial of lower degree, so the ideal
    // is almost surely not radical, and every other form would fail as well, each after its own
    // F4 learning run (1.6 s on a network's critical ideal): give up at once (were the primes
    // only unlucky, the caller's route over Q is still right).
    if (repeatedRoots === FIRST_PRIMES) return undefined;
    // The first form failed (on a network's critical ideal the variables always do): a form with
    // scattered coefficients that takes fewer than D values modulo p says that the ideal is not
    // radical, at the price of one more form, where every later form would fail as well, each
    // with its own F4 learning run (two, 0.9 s, on a network's critical ideal). Only on small
    // quotients (the test once cost O(D³)). A radical computed before needs no test (on a 2-2-1
    // network with z² and one λ, the radical of 257 points: 0.4 s saved).
    if (!first && tries === 1 && seen && !options.radical && D <= RADICALITY_TEST_LIMIT && scatteredFormTakesFewerValues(generators, D, options.deadline)) return undefined;
    if (!first) continue;
    const { p, shape, image } = first;
    // The helper replays the run learned here (or the probe's, reused here) instead of learning its own.
    const trace = learning.trace ?? (learning.replay ? options.learned?.trace : undefined);
    const job = options.imageWorkers?.start(parametrizationTask(sc, D, trace), options.deadline);
    // Once χ is known over Q (the lift passes it to `next`), the images computed here are for the
    // numerators only: with χ modulo p given, the sequences need half the terms (`krylov.ts`).
    let chiOverQ: readonly Rational[] | undefined;
    const queueUpTo = (n: number): void => {
      while (job && job.pending < n) {
        const q = stream.next();
        if (q.done) break;
        job.submit(q.value);
      }
    };
    const images = (function* (): Generator<{ p: number; image: PrimeImage }, undefined, readonly Rational[] | undefined> {
      chiOverQ = yield { p, image };
      for (;;) {
        if (job) {
          // Keep the helpers busy; take a finished image before computing one here.
          queueUpTo(HELPER_QUEUE);
          const h = job.take(0);
          if (h) {
            if (h.chi && h.sequences) {
              // The numerators at p from the helper's sequences, here: the helper is then free
              // for the real roots of the components while they are lifted.
              const local = imageFromSequences([...Array.from(h.chi), 1], h.sequences, h.p);
              chiOverQ = (yield { p: h.p, image: local }) ?? chiOverQ;
            } else if (h.chi) chiOverQ = (yield { p: h.p, image: { chi: h.chi, numerators: (factors) => job.numerators(h.p, factors), prefetch: (factors) => job.requestNumerators(h.p, factors), ready: (waitMs) => job.hasNumerators?.(h.p, waitMs) ?? true } }) ?? chiOverQ;
            continue;
          }
        }
        const b = bases.next();
        if (b.done) return undefined;
        const { basis, coordinates } = b.value;
        const chiModP = chiOverQ && monicModP(chiOverQ, b.value.p);
        if (chiOverQ && !chiModP) continue; // p divides a denominator of χ
        const im = parametrizationModPRetrying(basis, coordinates, D, b.value.p, random, shape, options.deadline, chiModP);
        if (im) chiOverQ = (yield { p: b.value.p, image: im }) ?? chiOverQ;
      }
    })();
    try {
      // The helper isolates (and refines) the real roots of the large components while the
      // numerators are lifted here.
      const asked: { k: number; q: readonly bigint[] }[] = [];
      const onFactors = (factors: readonly bigint[][]): void =>
        factors.forEach((q, k) => {
          if (job?.requestRealRoots && q.length - 1 >= HELPER_ROOTS_DEGREE) {
            job.requestRealRoots(k, q, options.rootBits ?? 0);
            asked.push({ k, q });
          }
        });
      // While χ is factored here, the helper computes images for the numerators.
      const solutions = liftParametrization(images, form, n, D, { ...options, onFactors, onFactoring: () => queueUpTo(HELPER_QUEUE + HELPER_WHILE_FACTORING) });
      if (solutions && job?.realRoots && asked.length > 0) {
        const roots = new Map<number, RootInterval[]>();
        for (const { k, q } of asked) {
          // A share of the refinement is done here, while the helper does the rest.
          const intervals = job.realRoots(k, (iv) => refineRoot(q, iv, { bits: options.rootBits ?? 0 }));
          if (intervals) roots.set(k, intervals);
        }
        helperRealRoots.set(solutions, roots);
      }
      return solutions;
    } finally {
      job?.close();
    }
  }
  return undefined;
}

/**
 * An F4 learning run made before on some generators (the staircase probe's, `modularStaircase`):
 * its basis at its prime, and its replay at other primes.
 */
export interface LearnedRun {
  generators: readonly Polynomial<Rational>[];
  basis: readonly Polynomial<number>[];
  replay: (images: readonly Polynomial<number>[]) => Polynomial<number>[] | undefined;
  /** The F4 trace behind `replay`, when it is one (a helper thread then replays it too). */
  trace?: F4Trace;
}

/**
 * The replay of `learned` for the bases in separating coordinates, when these coordinates change
 * nothing — the form is the last variable, so y only renames it, and the generators are the
 * learned ones term for term — and the learned basis has the D standard monomials; else a fresh
 * learning state. The first candidate form is the last variable: its learning run is then not
 * made a second time (katsura-n and eco-n separate there; cyclic-n tries it first).
 */
function learningFrom(learned: LearnedRun | undefined, sc: SeparatingCoordinates, D: number): BasisLearning {
  if (!learned || dimension(learned.basis) !== 0 || solutionCount(learned.basis) !== D) return {};
  const n = sc.form.length;
  if (!sc.form.every((c, i) => c === (i === n - 1 ? 1n : 0n))) return {};
  const same = (f: Polynomial<Rational>, g: Polynomial<Rational>): boolean =>
    f.length === g.length && f.monomials.every((m, t) => monomialsEqual(m, g.monomials[t])) && f.coefficients.every((c, t) => c.num === g.coefficients[t].num && c.den === g.coefficients[t].den);
  const G = learned.generators;
  return sc.generators.length === G.length && sc.generators.every((f, i) => same(f, G[i])) ? { replay: learned.replay } : {};
}

/** Components of at least this degree have their real roots isolated by the helper thread, when there is one. */
const HELPER_ROOTS_DEGREE = 32;

/** Isolating intervals of components' real roots that a helper thread computed, by component index. */
const helperRealRoots = new WeakMap<ParametrizedSolutions, Map<number, RootInterval[]>>();

/**
 * The isolating intervals of the real roots of component k's minimal polynomial, as
 * `isolateRealRoots(q, { irreducible: true })` gives them refined to the `rootBits` asked, when a
 * helper thread computed them during the lift; undefined otherwise.
 */
export function knownRealRoots(solutions: ParametrizedSolutions, k: number): RootInterval[] | undefined {
  return helperRealRoots.get(solutions)?.get(k);
}

/** How many single variables are tried as separating forms before the general forms. */
const SINGLE_VARIABLE_TRIES = 2;

/** Primes at which a candidate form's first image may fail before the form is given up. */
const FIRST_PRIMES = 2;

/** Primes queued at the helpers at a time. */
const HELPER_QUEUE = 3;

/** How long the lift waits for a helper's numerators before it computes an image itself (about a tenth of an image's time on katsura-8). */
const HELPER_ANSWER_WAIT_MS = 5;

/**
 * Primes queued at the helpers, beyond those, while χ is factored (the second phase of the lift
 * takes their images): katsura-8's χ of degree 256 takes about a second to factor, in which a
 * helper computes some 30 images, and the numerators need about 20 images beyond χ's.
 */
const HELPER_WHILE_FACTORING = 20;

/** The task of the helper threads, as text. */
function parametrizationTask(sc: SeparatingCoordinates, D: number, trace?: F4Trace): ParametrizationTask {
  return { kind: 'parametrization', vars: [...sc.ring.vars], generators: sc.generators.map(polynomialToData), coordinates: sc.coordinates.map(polynomialToData), D, ...(trace ? { trace: traceToData(trace) } : {}) };
}

/**
 * The monic χ (its lower coefficients over Q, the leading 1 implied) modulo p, ascending with the
 * leading 1, or undefined when p divides a denominator.
 */
function monicModP(lower: readonly Rational[], p: number): number[] | undefined {
  const F = Zp(p);
  const P = BigInt(p);
  if (lower.some((c) => c.den % P === 0n)) return undefined;
  return [...lower.map((c) => F.fromRational(c)), 1];
}

/**
 * The two-phase lift (see the file header) from a stream of images modulo primes: χ first, then
 * its factors' numerators, reusing the images seen so far. Once χ is lifted, every `next` call
 * passes its lower coefficients, so that the stream may compute the later images for the
 * numerators alone.
 */
function liftParametrization(
  primes: Iterator<{ p: number; image: PrimeImage }, unknown, readonly Rational[] | undefined>,
  form: readonly bigint[],
  n: number,
  D: number,
  options: {
    deadline?: Deadline;
    maxPrimes?: number;
    onProgress?: ProgressCallback;
    /** Called when χ is lifted, before it is factored. */
    onFactoring?: () => void;
    /** Hears χ's irreducible factors as soon as they are known. */
    onFactors?: (factors: readonly bigint[][]) => void;
  },
): ParametrizedSolutions | undefined {
  const { deadline, onProgress } = options;
  const maxPrimes = options.maxPrimes ?? 4000;
  const seen: { p: number; image: PrimeImage }[] = [];
  let chiValues: Rational[] | undefined;
  const next = (): { p: number; image: PrimeImage } | undefined => {
    deadline?.check();
    const r = primes.next(chiValues);
    if (r.done) return undefined;
    seen.push(r.value);
    onProgress?.(phase(`${D} solutions: ${seen.length} prime(s)`));
    return r.value;
  };

  // Phase 1: χ.
  chiValues = liftUntilStable([D], () => {
    const g = next();
    return g && { p: g.p, img: g.image.chi };
  }, maxPrimes);
  if (!chiValues) return undefined;
  const chiLower = chiValues;
  const chi = utrim(QQ, [...chiValues, QQ.one]);

  // Phase 2: the numerators of each irreducible factor of χ, from the images seen so far first.
  onProgress?.(phase(`${D} solutions: factoring their minimal polynomial`));
  options.onFactoring?.();
  const factors = factorUnivariate(chi, { deadline }).factors.map((f) => f.factor);
  // Helper threads start on the numerators of their primes while the rest are computed here.
  const prefetch = (g: { p: number; image: PrimeImage }): void => {
    const mod = g.image.prefetch && factorsModP(factors, g.p);
    if (mod) g.image.prefetch?.(mod);
  };
  seen.forEach(prefetch);
  options.onFactors?.(factors);
  // The images in the order they can answer: a helper's once its numerators have arrived, the
  // others at once; then the helper's still on their way are waited for a little (it answers
  // numerators before anything else) before a new image is computed here: a loaded machine may
  // leave the helper little time.
  let used = 0;
  const waiting: { p: number; image: PrimeImage }[] = [];
  const values = liftUntilStable(factors.map((q) => n * (q.length - 1)), () => {
    for (;;) {
      let g = waiting.find((w) => w.image.ready?.() ?? true);
      if (g) waiting.splice(waiting.indexOf(g), 1);
      else if (used < seen.length) {
        g = seen[used++];
        if (!agreesModulo(chiLower, g.p, g.image.chi)) continue; // unlucky for χ: its other images are suspect too
        if (g.image.ready && !g.image.ready()) {
          waiting.push(g);
          continue;
        }
      } else if (waiting.length > 0 && (waiting[0].image.ready?.(HELPER_ANSWER_WAIT_MS) ?? true)) g = waiting.shift() as { p: number; image: PrimeImage };
      else if (next() !== undefined) {
        prefetch(seen[seen.length - 1]);
        continue;
      } else if (waiting.length > 0) g = waiting.shift() as { p: number; image: PrimeImage };
      else return undefined;
      const img = numeratorImage(g.image, factors, g.p);
      if (img) return { p: g.p, img };
    }
  }, maxPrimes);
  if (!values) return undefined;
  let k = 0;
  const components = factors.map((q) => {
    const d = q.length - 1;
    const numerators = Array.from({ length: n }, () => {
      const u = utrim(QQ, values.slice(k, k + d));
      k += d;
      return u;
    });
    return { minimalPolynomial: q, numerators };
  });
  return { separatingForm: [...form], minimalPolynomial: chi, components };
}

/**
 * The same parametrization from an exact RUR (χ, wᵢ) over Q: factor χ and reduce
 * uᵢ = wᵢ·q′ mod q per factor.
 */
export function parametrizeComponents(separatingForm: readonly bigint[], chi: UPoly<Rational>, ws: readonly UPoly<Rational>[], deadline?: Deadline): ParametrizedSolutions {
  const components = factorUnivariate(chi, { deadline }).factors.map(({ factor }) => ({
    minimalPolynomial: factor,
    numerators: componentNumerators(
      QQ,
      factor.map((c) => rational(c)),
      ws,
    ),
  }));
  return { separatingForm: [...separatingForm], minimalPolynomial: chi, components };
}

/** Quotients up to this dimension are tested for radicality modulo p after a first form fails. */
const RADICALITY_TEST_LIMIT = 500;

/**
 * Whether a form with scattered coefficients takes fewer than D values on the solutions of the
 * ideal of `generators` (D solutions counted with multiplicity) modulo the first prime whose
 * basis has D standard monomials: then the ideal modulo p is not radical (or the form does not
 * separate, or the prime is unlucky: the caller's slower routes stay right). The form is made the
 * last variable (`separatingCoordinates`) and its minimal polynomial read from the basis there
 * (`krylov.ts`), as for any candidate form: one F4 learning run. The multiplication matrices of
 * the quotient algebra, with normal forms in generic field arithmetic and a minimal polynomial by
 * echelon, took 108 ms on cyclic-6 (156 solutions) and 450 ms on the 289 points of a 2-2-1
 * network with z² and one λ, cold, of which the variables' matrices 78 and 189 ms.
 */
function scatteredFormTakesFewerValues(generators: readonly Polynomial<Rational>[], D: number, deadline?: Deadline): boolean {
  const sc = separatingCoordinates(generators, scatteredForm(generators[0].ring.nvars));
  const b = basesModP(sc, D, deadline, primeStream(LAZY_PRIME_LIMIT, deadline)).next();
  if (b.done) return false;
  const { basis, coordinates, p } = b.value;
  const image = parametrizationModPRetrying(basis, coordinates, D, p, residueGenerator(0x5ca77e2d + D), KrylovShape.of(basis), deadline);
  return !image || distinctRoots([...Array.from(image.chi), 1], p) < D;
}
