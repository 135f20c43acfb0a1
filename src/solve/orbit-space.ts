/**
 * The solutions of a radical zero-dimensional ideal that is stable under a group G of diagonal
 * sign changes (`sign-symmetry.ts`), parametrized orbit by orbit: modulo primes on the invariant
 * block of the quotient algebra, then lifted to Q.
 *
 * A = K[x]/I splits into blocks A_χ, one per character χ of G, spanned by the standard monomials of
 * that character (the reduced basis is G-stable, so normal forms keep characters). The trivial
 * block A₀ is the algebra of invariant functions on the solutions: for a radical ideal its
 * dimension D₀ is the number of orbits. Multiplication by an invariant polynomial t maps A₀ to
 * itself, and when t separates the orbits, 1, t, …, t^(D₀−1) is a basis of A₀: the minimal
 * polynomial χ₀ of t on A₀ has degree D₀ (one root per orbit), and every invariant function f is
 * w_f(t) with deg w_f < D₀ — a rational univariate representation of the orbit space, of degree
 * D₀ instead of D (a network's sign flips divide it by up to |G|), with coefficients as much
 * shorter. The invariant t is a random combination of the invariant variables, the squares xᵢ² of
 * the others and the products of two variables of the same character (the invariants of degree
 * ≤ 2), tried in that order — a few squares first, whose χ₀ has the shortest coefficients —
 * and with products of three whose characters cancel when those do not separate.
 *
 * Per prime: the reduced basis in the original coordinates (one F4 learning run, then replays),
 * the columns of the multiplication maps xᵢ that the Krylov vectors meet (a unit column, the tail
 * of a basis element, or a recorded normal form replayed — `reduction-trace.ts`), the Krylov
 * vectors t^k·1 in A₀ and one D₀×D₀ system for χ₀ and the w_f. The lift is that of
 * `rur-modular.ts`: χ₀ first, factored over Q into q₁⋯q_r (one per Galois orbit of orbits), then
 * per factor the numerators u_f = w_f·q′ mod q, from the images already computed first. When the
 * orbits have several zero patterns (the coordinates that vanish on them: a network's dead units),
 * χ₀ is split by them at every prime and lifted part by part (`orbit-patterns.ts`), each with its
 * own coefficients, as long as its own orbits need, where χ₀'s are about their sum. The
 * per-prime work is `orbit-images.ts`'s; with `imageWorkers` a helper thread computes images at
 * primes of the same stream (replaying this F4 trace, with the multiplication columns recorded
 * here) and answers for their numerators later, while this thread computes its own.
 *
 * On an orbit whose root is θ, with support S (the variables not identically zero: sᵢ = xᵢ² ≠ 0),
 * the invariant variables are uᵢ(θ)/q′(θ); among the others a basis of the characters of S is
 * chosen greedily in variable order (the pivots v), the orbit's representative takes
 * x_v = +√(s_v(θ)), and every other xᵢ of S is read from the invariant xᵢ·Π_{v∈Kᵢ} x_v (Kᵢ the
 * pivots whose characters add up to xᵢ's): xᵢ = (that invariant)/Π x_v. The orbit has
 * 2^(number of pivots) points. Checked: the orbit sizes times the degrees add up to D.
 * References: Faugère–Svartz, "Solving polynomial systems globally invariant under an action of
 * the symmetric group by an abelian group" (ISSAC 2013) for solving on the orbit space; Gatermann,
 * "Computer algebra methods for equivariant dynamical systems" (LNM 1728, 2000) for the isotypic
 * decomposition; msolve's parametrizations for the rest.
 */
import { QQ, Zp } from '../arithmetic/field';
import { agreesModulo, liftUntilStable } from '../arithmetic/lifting';
import { LAZY_PRIME_LIMIT } from '../arithmetic/modular-linear';
import { primeStream } from '../arithmetic/primes';
import { Rational } from '../arithmetic/rational';
import { ControlOptions, phase, resolveControl } from '../control';
import { traceToData } from '../groebner/f4';
import { LearnedFirstPrime } from '../groebner/modular';
import { primitivePart } from '../poly/content';
import { polynomialToData } from '../poly/data';
import { factorUnivariate } from '../poly/factor';
import { Polynomial } from '../poly/polynomial';
import { UPoly, uderivative, ugcd, umul, utrim } from '../poly/univariate';
import { ImageWorkers } from './image-workers';
import { residueGenerator } from './krylov';
import { OrbitImage, OrbitImageSource, orbitImage, orbitNumerators } from './orbit-images';
import { PatternPart, samePatterns, zeroPatterns } from './orbit-patterns';
import { factorsModP } from './rur-modular';
import { SignGroup, characterBasis } from './sign-symmetry';
import { InvariantForm, MultiplicationModP, UnluckyPrime, VariableProduct } from './orbit-multiplication';

export type { InvariantForm, VariableProduct } from './orbit-multiplication';

/** How a coordinate is read on the orbits of one component. */
export type OrbitCoordinate =
  /** Identically zero on the component. */
  | { kind: 'zero' }
  /** An invariant variable: x = u(θ)/q′(θ). */
  | { kind: 'invariant'; numerator: UPoly<Rational> }
  /** A pivot: x = +√(u(θ)/q′(θ)) on the representative, u the numerator of x². */
  | { kind: 'pivot'; numerator: UPoly<Rational> }
  /** x = (u(θ)/q′(θ)) / Π_{v ∈ pivots} x_v, u the numerator of x·Π x_v. */
  | { kind: 'linked'; pivots: number[]; numerator: UPoly<Rational> };

/** The orbits that are the roots of one irreducible factor q of χ₀. */
export interface OrbitComponent {
  /** q: irreducible over Q, primitive integer coefficients, ascending, positive leading coefficient. */
  minimalPolynomial: bigint[];
  /** The points of each orbit: 2^(number of pivots). */
  orbitSize: number;
  /** Per variable (ring order). */
  coordinates: OrbitCoordinate[];
}

/** The orbit space of the solutions, for the invariant `form`. */
export interface OrbitParametrization {
  group: SignGroup;
  form: InvariantForm;
  /** χ₀(T), monic, square-free, of degree D₀ (the number of orbits). */
  minimalPolynomial: UPoly<Rational>;
  components: OrbitComponent[];
  /** The primes used. */
  primes: number;
}

/**
 * The products that make up candidate invariants: the invariant variables and the squares of the
 * others (level 0); with the products of two variables of one character (level 1); with the
 * products of three whose characters cancel (level 2).
 */
function invariantProducts(group: SignGroup, level: number): VariableProduct[] {
  const n = group.n;
  const chi = group.characters;
  const out: VariableProduct[] = [];
  for (let i = 0; i < n; i++) out.push(chi[i] === 0 ? [i] : [i, i]);
  if (level > 0) for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (chi[i] !== 0 && chi[i] === chi[j]) out.push([i, j]);
  if (level > 1) {
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++)
        for (let k = j + 1; k < n; k++) if (chi[i] !== 0 && chi[j] !== 0 && chi[i] !== chi[j] && (chi[i] ^ chi[j] ^ chi[k]) === 0) out.push([i, j, k]);
  }
  return out;
}

/**
 * Candidate invariant forms, cheapest first: the first k products of level 0 (invariant
 * variables and squares) for k = 1, 2, …, then all of level 1, then of level 2. Fewer and
 * smaller terms give χ₀ shorter coefficients (deep-linear:2,2,2: 103 primes with three squares
 * against 123 with all eight) and a cheaper matrix of t. The coefficients of a form of k terms
 * are 1, …, k in a random order: distinct, because a network's symmetries permute its weights,
 * and a form with equal coefficients on two weights that a symmetry exchanges does not separate
 * the orbits it exchanges; and small, because each bit of the coefficients costs up to D₀ bits
 * in χ₀'s. With random coefficients in [1, 16] (equal ones likely), no form of squares separated
 * the 295 orbits of 2-2-1-1 with activation z² and one λ: its form of level 1 (16 terms) needed
 * 161 primes at 0.25 s; four squares now separate them, 124 primes at 0.12 s.
 */
function* invariantForms(group: SignGroup, random: () => number): Generator<InvariantForm> {
  const form = (products: readonly VariableProduct[]): InvariantForm => {
    // 1, …, k shuffled (Fisher–Yates).
    const coefficients = products.map((_, k) => k + 1);
    for (let k = coefficients.length - 1; k > 0; k--) {
      const j = random() % (k + 1);
      [coefficients[k], coefficients[j]] = [coefficients[j], coefficients[k]];
    }
    return { terms: products.map((product, k) => ({ coefficient: coefficients[k], product })) };
  };
  const squares = invariantProducts(group, 0);
  for (let k = 1; k <= squares.length; k++) yield form(squares.slice(0, k));
  yield form(invariantProducts(group, 1));
  yield form(invariantProducts(group, 2));
}

/** How many primes the helper thread holds in advance. */
const HELPER_QUEUE = 2;

/** Primes given to the helper, beyond those, while χ₀ is factored (for the numerators' images). */
const HELPER_WHILE_FACTORING = 8;

/** How long the lift waits for one of the helper's numerators, once nothing else is left to use, before it computes an image itself. */
const ANSWER_WAIT_MS = 5;

/**
 * The largest share of the orbits one zero pattern may hold for χ₀ to be lifted in parts. The
 * primes needed are about those of the longest part, and a part's coefficients grow with its
 * degree, so a part that holds most of the orbits leaves little to gain for the per-prime cost
 * of the split (the patterns' representations and gcds, and the helper's answers waited for).
 * Largest part / orbits, and the split's effect on `critical`, whole process, A/B against the
 * lift of χ₀ whole: 2-3-2-1 linear with a λ per weight 24/169, 0.64; 2-2-2-1 with biases 108/293,
 * 0.68; deep-linear:2,2,2 48/65, 1.08 (3–4 pairs); 2-2-1-1 with z² and one λ 220/295, 1.05;
 * 2-2-1 z² with a λ per weight 86/107, level.
 */
const SPLIT_LARGEST_SHARE = 2 / 3;

/** Primes in a row whose zero patterns disagree with the first prime's before the first is taken for unlucky (χ₀ is then lifted whole). */
const UNLUCKY_PATTERN_PRIMES = 3;

/** The least time between two reports of the normal forms recorded. */
const RECORD_REPORT_MS = 250;

/** An image at one prime: computed here, or by the helper thread (which keeps the rest and answers for the numerators). */
type SeenImage = { local: true; image: OrbitImage; p: number; chi: Float64Array } | { local: false; p: number; chi: Float64Array };

/**
 * The orbit space of the solutions of `generators` (a radical zero-dimensional ideal with D
 * solutions, stable under `group`), or undefined when no invariant form separates the orbits
 * modulo the first prime, the ideal is not radical there, or the lift does not settle within
 * `maxPrimes` primes per phase. The generators must be in a degrevlex ring. With `imageWorkers`,
 * a helper thread computes images at other primes of the same lift (same answer).
 */
export function orbitParametrization(
  generators: readonly Polynomial<Rational>[],
  D: number,
  group: SignGroup,
  options: ControlOptions & {
    maxPrimes?: number;
    /** An F4 learning run on the primitive parts of the generators (e.g. the staircase probe's), replayed instead of learning again. */
    learned?: LearnedFirstPrime;
    /** Helper threads for images at further primes (see `ImageWorkers`). */
    imageWorkers?: ImageWorkers;
  } = {},
): OrbitParametrization | undefined {
  const { deadline, onProgress } = resolveControl(options, 'orbitParametrization');
  const maxPrimes = options.maxPrimes ?? 4000;
  const R = generators[0].ring;
  const n = R.nvars;
  const primes = primeStream(LAZY_PRIME_LIMIT, deadline);
  // Primitive integer generators: the images modulo p are those the staircase probe learned on.
  generators = generators.map(primitivePart);
  const source = new OrbitImageSource(generators, D, group, options.learned, deadline);
  const nextUsablePrime = (): number | undefined => {
    for (;;) {
      deadline?.check();
      const r = primes.next();
      if (r.done) return undefined;
      if (source.usable(r.value)) return r.value;
    }
  };
  // The maps modulo the next usable prime that is not unlucky for the basis.
  const nextMaps = (): MultiplicationModP | undefined => {
    for (;;) {
      const p = nextUsablePrime();
      if (p === undefined) return undefined;
      const maps = source.at(p);
      if (maps) return maps;
    }
  };

  // The invariant form: the first that separates the orbits at the first prime (1 a cyclic vector).
  // Its maps record the normal forms of products of standard monomials by variables as they are
  // first needed (seconds on a network one size up): their count is reported as they come.
  const random = residueGenerator(0x0b17 + D);
  const mapsPhase = `${D} solutions: the multiplication maps on their orbits modulo a prime`;
  onProgress?.(phase(mapsPhase));
  let reported = Date.now();
  source.onRecord = onProgress && ((recorded) => {
    if (Date.now() - reported < RECORD_REPORT_MS) return;
    reported = Date.now();
    onProgress(phase(`${mapsPhase}: ${recorded} normal form${recorded === 1 ? '' : 's'} recorded`));
  });
  const first = nextMaps();
  if (!first) return undefined;
  let form: InvariantForm | undefined;
  let firstImage: OrbitImage | undefined;
  for (const candidate of invariantForms(group, random)) {
    try {
      const image = orbitImage(first, candidate, deadline);
      if (!image) continue;
      const F0 = Zp(image.p);
      const chi0 = [...Array.from(image.chi), 1];
      // Repeated roots with a cyclic 1: not radical (or an unlucky prime): the classic route decides.
      if (ugcd(F0, chi0, uderivative(F0, chi0)).length !== 1) return undefined;
      form = candidate;
      firstImage = image;
      break;
    } catch (e) {
      if (e instanceof UnluckyPrime) return undefined;
      throw e;
    }
  }
  source.onRecord = undefined; // from here the lift reports its primes
  if (!firstImage || !form) return undefined;
  const D0 = firstImage.chi.length;
  const t = form;
  // The squares (and invariant variables): where each vanishes, and on every factor the supports and pivots.
  const squares: VariableProduct[] = Array.from({ length: n }, (_, i) => (group.characters[i] === 0 ? [i] : [i, i]));
  // The squares' numerators over χ₀ itself (u = w·χ₀′ mod χ₀) vanish where their w do, χ₀ being
  // square-free: what this thread computes and what the helper answers for its images alike.
  const monicChi = (g: { chi: Float64Array }): UPoly<number> => [...Array.from(g.chi), 1];
  const patternsOf = (p: number, chi: UPoly<number>, numerators: readonly UPoly<number>[][]): PatternPart[] => zeroPatterns(p, chi, numerators[0]);
  const patternsAt = (image: OrbitImage): PatternPart[] => patternsOf(image.p, monicChi(image), orbitNumerators(image, [monicChi(image)], [squares]));
  // χ₀ split by the zero patterns of its orbits, when they are several and no part holds most of
  // the orbits (`orbit-patterns.ts`): the parts are lifted apart, each with its own coefficients (on
  // the 2-2-2-1 network with biases and a λ per weight, one thread: 40.6 s against 66 s for χ₀ whole).
  const firstPatterns = patternsAt(firstImage);
  const largest = Math.max(...firstPatterns.map((x) => x.part.length - 1));
  const split = firstPatterns.length > 1 && largest <= SPLIT_LARGEST_SHARE * D0 ? firstPatterns : undefined;
  const trace = options.learned?.trace;
  const job = options.imageWorkers?.start(
    { kind: 'orbits', vars: [...R.vars], generators: generators.map(polynomialToData), D, group, form: t, ...(trace && options.learned ? { learned: { p: options.learned.p, trace: traceToData(trace), columns: source.recordedColumns() } } : {}) },
    deadline,
  );
  try {
    return lift();
  } finally {
    job?.close();
  }

  /** Gives the helper primes until it holds n. */
  function queueUpTo(n: number): void {
    while (job && job.pending < n) {
      const q = nextUsablePrime();
      if (q === undefined) break;
      job.submit(q);
    }
  }

  function lift(): OrbitParametrization | undefined {
    const seen: SeenImage[] = [{ local: true, image: firstImage as OrbitImage, p: (firstImage as OrbitImage).p, chi: (firstImage as OrbitImage).chi }];
    let pending: SeenImage | undefined = seen[0];
    const found = (x: SeenImage): SeenImage => {
      seen.push(x);
      onProgress?.(phase(`${D} solutions, ${D0} orbits: ${seen.length} prime(s)`));
      return x;
    };
    // Requests of numerators to the helper, numbered across both phases (an answer to a request of
    // the first phase that comes in the second is dropped there, not taken for another's).
    let nextId = 0;
    // Images computed here come in pairs: the maps at the next prime are the twin of this one's
    // (their recorded columns replayed in the same pass) and are kept for the next call.
    let spare: MultiplicationModP | undefined;
    // The next image: the helper's when one is finished (it is kept supplied with primes), else one computed here.
    const next = (): SeenImage | undefined => {
      if (pending) {
        const x = pending;
        pending = undefined;
        return x;
      }
      for (;;) {
        if (job) {
          queueUpTo(HELPER_QUEUE);
          const h = job.take(0);
          if (h) {
            if (h.chi) return found({ local: false, p: h.p, chi: h.chi });
            continue;
          }
        }
        let maps = spare;
        spare = undefined;
        if (!maps) {
          maps = nextMaps();
          if (!maps) return undefined;
          spare = maps.twin = nextMaps();
        }
        try {
          const image = orbitImage(maps, t, deadline);
          if (image) return found({ local: true, image, p: image.p, chi: image.chi });
        } catch (e) {
          if (!(e instanceof UnluckyPrime)) throw e;
        } finally {
          maps.twin = undefined; // later columns of these maps (the numerators') are their own
          // The image keeps its maps for phase 2, but not their columns: phase 2 computes again
          // those it asks for. Kept, they held 1.2 GB of deep-linear:2,3,2's 2.9 GB peak (about
          // 2000 columns at each of some 400 primes, on this thread and the helper's).
          maps.releaseColumns();
        }
      }
    };

    /**
     * The parts of χ₀ over Q (monic, ascending), lifted from their images at the primes whose
     * patterns are the first prime's (the others are unlucky for them and skipped); undefined when
     * the lift does not settle, or when UNLUCKY_PATTERN_PRIMES primes in a row disagree with the
     * first (then the first was the unlucky one: χ₀ is lifted whole, from the images seen).
     */
    /** Reads the images seen, in order, then new ones as they are computed (or come from the helper). */
    const reader = (): { next: () => SeenImage | undefined; pastSeen: () => boolean } => {
      let at = 0;
      return {
        next: () => (at >= seen.length && next() === undefined ? undefined : seen[at++]),
        pastSeen: () => at >= seen.length,
      };
    };

    /**
     * The numerators of `productsOf[j]` over the polynomials `over(g)` (monic, modulo g's prime;
     * undefined: the image is skipped) at the images `read` gives: computed here for this thread's
     * images, asked of the helper for its own, whose answers are taken first as they come (once the
     * images seen are read, one on its way is waited for a little before a new image is computed
     * here: the helper answers numerators before images, but a loaded machine may leave it little
     * time). An answer to another call's request is dropped.
     */
    function numeratorImages(
      read: ReturnType<typeof reader>,
      over: (g: SeenImage) => readonly UPoly<number>[] | undefined,
      productsOf: readonly (readonly VariableProduct[])[],
    ): () => { g: SeenImage; numerators: UPoly<number>[][] } | undefined {
      const asked = new Map<number, SeenImage>();
      return () => {
        for (;;) {
          if (asked.size > 0 && job?.takeProductNumerators) {
            const a = job.takeProductNumerators(read.pastSeen() ? ANSWER_WAIT_MS : 0);
            if (a) {
              const g = asked.get(a.id);
              asked.delete(a.id);
              if (g && a.numerators) return { g, numerators: a.numerators };
              continue;
            }
          }
          const g = read.next();
          if (g === undefined) return undefined;
          const qs = over(g);
          if (!qs) continue;
          if (!g.local) {
            if (job?.requestProductNumerators) {
              const id = nextId++;
              asked.set(id, g);
              job.requestProductNumerators(id, g.p, qs, productsOf);
            }
            continue;
          }
          return { g, numerators: orbitNumerators(g.image, qs, productsOf) };
        }
      };
    }

    /**
     * The parts of χ₀ over Q (monic, ascending), lifted from their images at the primes whose
     * patterns are the first prime's (the others are unlucky for them and skipped); undefined when
     * the lift does not settle, or when UNLUCKY_PATTERN_PRIMES primes in a row disagree with the
     * first (then the first was the unlucky one: χ₀ is lifted whole, from the images seen).
     */
    function liftPatterns(first: readonly PatternPart[]): UPoly<Rational>[] | undefined {
      let disagreeing = 0;
      const images = numeratorImages(reader(), (g) => [monicChi(g)], [squares]);
      const values = liftUntilStable(
        first.map((x) => x.part.length - 1),
        () => {
          while (disagreeing < UNLUCKY_PATTERN_PRIMES) {
            const x = images();
            if (!x) return undefined;
            const at = patternsOf(x.g.p, monicChi(x.g), x.numerators);
            if (!samePatterns(first, at)) {
              disagreeing++;
              continue;
            }
            disagreeing = 0;
            return { p: x.g.p, img: Float64Array.from(at.flatMap((y) => y.part.slice(0, -1))) };
          }
          return undefined;
        },
        maxPrimes,
      );
      if (!values) return undefined;
      let k = 0;
      return first.map((x) => {
        const d = x.part.length - 1;
        const part = [...values.slice(k, k + d), QQ.one];
        k += d;
        return part;
      });
    }

    // Phase 1: χ₀, in parts when the zero patterns split it (the images seen then serve the lift
    // of χ₀ whole, should the first prime's patterns turn out unlucky).
    pending = undefined;
    const parts = split && liftPatterns(split);
    let chiValues: Rational[] | undefined;
    let chi: UPoly<Rational>;
    let factors: bigint[][];
    if (parts) {
      chi = parts.reduce((a, b) => umul(QQ, a, b));
      chiValues = chi.slice(0, -1);
      onProgress?.(phase(`${D} solutions, ${D0} orbits: factoring their minimal polynomial in ${parts.length} parts`));
      // While the parts are factored here, the helper computes images for the numerators.
      queueUpTo(HELPER_QUEUE + HELPER_WHILE_FACTORING);
      factors = parts.flatMap((part) => factorUnivariate(part, { deadline }).factors.map((f) => f.factor));
    } else {
      const read = reader();
      chiValues = liftUntilStable([D0], () => {
        const g = read.next();
        return g && { p: g.p, img: g.chi };
      }, maxPrimes);
      if (!chiValues) return undefined;
      chi = utrim(QQ, [...chiValues, QQ.one]);
      onProgress?.(phase(`${D} solutions, ${D0} orbits: factoring their minimal polynomial`));
      // While χ₀ is factored here, the helper computes images for the numerators.
      queueUpTo(HELPER_QUEUE + HELPER_WHILE_FACTORING);
      factors = factorUnivariate(chi, { deadline }).factors.map((f) => f.factor);
    }
    const chiLower = chiValues;

    // Phase 2: per factor, the numerators of given products (the images seen first, then more).
    const numerators = (productsOf: readonly VariableProduct[][]): UPoly<Rational>[][] | undefined => {
      const flatten = (p: number, all: readonly (readonly UPoly<number>[])[]) => {
        const out: number[] = [];
        factors.forEach((q, j) => {
          const d = q.length - 1;
          for (const u of all[j]) for (let k = 0; k < d; k++) out.push(u[k] ?? 0);
        });
        return { p, img: Float64Array.from(out) };
      };
      const images = numeratorImages(reader(), (g) => (agreesModulo(chiLower, g.p, g.chi) ? factorsModP(factors, g.p) : undefined), productsOf);
      const values = liftUntilStable(
        factors.map((q, j) => productsOf[j].length * (q.length - 1)),
        () => {
          const x = images();
          return x && flatten(x.g.p, x.numerators);
        },
        maxPrimes,
      );
      if (!values) return undefined;
      let k = 0;
      return factors.map((q, j) =>
        productsOf[j].map(() => {
          const d = q.length - 1;
          const u = utrim(QQ, values.slice(k, k + d));
          k += d;
          return u;
        }),
      );
    };

    onProgress?.(phase(`${D} solutions, ${D0} orbits: the invariants on ${factors.length} component(s)`));
    const squareNumerators = numerators(factors.map(() => squares));
    if (!squareNumerators) return undefined;
    const layouts = factors.map((_, j) => {
      const support = squares.map((_, i) => i).filter((i) => group.characters[i] !== 0 && squareNumerators[j][i].length > 0);
      const pivots = characterBasis(support.map((i) => group.characters[i])).map((k) => support[k]);
      const links = support.filter((i) => !pivots.includes(i)).map((i) => ({ i, pivots: combination(group.characters[i], pivots.map((v) => group.characters[v])).map((k) => pivots[k]) }));
      return { support, pivots, links };
    });
    const linkNumerators = numerators(layouts.map((l) => l.links.map(({ i, pivots }) => [i, ...pivots])));
    if (!linkNumerators) return undefined;
    const components: OrbitComponent[] = factors.map((q, j) => {
      const { pivots, links } = layouts[j];
      const coordinates: OrbitCoordinate[] = squares.map((_, i) => {
        const u = squareNumerators[j][i];
        if (group.characters[i] === 0) return { kind: 'invariant', numerator: u };
        if (u.length === 0) return { kind: 'zero' };
        if (pivots.includes(i)) return { kind: 'pivot', numerator: u };
        const k = links.findIndex((l) => l.i === i);
        return { kind: 'linked', pivots: links[k].pivots, numerator: linkNumerators[j][k] };
      });
      return { minimalPolynomial: q, orbitSize: 2 ** pivots.length, coordinates };
    });
    // Every solution is in exactly one orbit: the orbits' sizes add up to D (else not radical, or unlucky).
    const total = components.reduce((s, c) => s + c.orbitSize * (c.minimalPolynomial.length - 1), 0);
    if (total !== D) return undefined;
    return { group, form: t, minimalPolynomial: chi, components, primes: seen.length };
  }
}

/** The indices of the basis characters (independent over GF(2)) whose sum is c. */
function combination(c: number, basis: readonly number[]): number[] {
  // Gaussian elimination on the basis, tracking which originals make up each reduced vector.
  const rows = basis.map((b, k) => ({ value: b, made: 1 << k }));
  const reduced: { value: number; made: number }[] = [];
  for (const r of rows) {
    let { value, made } = r;
    for (const s of reduced)
      if ((value ^ s.value) < value) {
        value ^= s.value;
        made ^= s.made;
      }
    reduced.push({ value, made });
    reduced.sort((a, b) => b.value - a.value);
  }
  let x = c;
  let made = 0;
  for (const s of reduced)
    if ((x ^ s.value) < x) {
      x ^= s.value;
      made ^= s.made;
    }
  if (x !== 0) throw new Error('combination: the character is not in the span');
  return basis.map((_, k) => k).filter((k) => made & (1 << k));
}
