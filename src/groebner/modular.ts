/**
 * Multi-modular Gröbner bases over Q.
 *
 * The reduced basis over Q is recovered from reduced bases over Z/p for many primes p < 2^26:
 * the first prime's run is learned (for F4 as a trace) and replayed for the others; the images
 * are combined coefficient by coefficient with the Chinese remainder theorem, and rational
 * reconstruction turns the residues into fractions once the modulus is large enough (checked at
 * growing numbers of primes). A candidate is accepted when it agrees with the basis computed at
 * one more, unused prime; with `certify` it is also verified exactly over Q (Buchberger's
 * criterion and every input reducing to 0).
 *
 * Lucky primes: primes dividing a coefficient of the (integer, primitive) input are skipped; a
 * replay that fails signals that this prime or the learning prime is unlucky; after repeated
 * failures the basis is learned again at a new prime and, if its leading monomials differ, the
 * old images are discarded. Reference: Arnold, "Modular algorithms for computing Gröbner bases",
 * J. Symb. Comp. 35 (2003); Idrees–Pfister–Steidel, "Parallelization of modular algorithms",
 * J. Symb. Comp. 46 (2011).
 */
import { Zp } from '../arithmetic/field';
import { isqrt, lcm, modInverse } from '../arithmetic/integers';
import { primesBelow } from '../arithmetic/primes';
import { Rational } from '../arithmetic/rational';
import { fractionOverDenominator } from '../arithmetic/lifting';
import { rationalReconstruction } from '../arithmetic/reconstruction';
import { ComputationError, Deadline, InputError } from '../errors';
import { ControlOptions, modularPrimeInfo, resolveControl } from '../control';
import { Monomial, monomialKey, monomialsEqual } from '../monomials/monomial';
import { changeRing } from '../poly/change';
import { primitivePart } from '../poly/content';
import { Polynomial, PolynomialRing } from '../poly/polynomial';
import { BasisImage, BasisJob, basisOfImage, isImageOf } from './basis-workers';
import { isGroebner, normalForm } from './normal-form';
import { F4Trace, traceToData } from './f4';

/** A Gröbner engine over Z/p that can learn a run and replay it for other primes. */
export interface ModularEngine {
  readonly name: string;
  /** True when `learn` returns the F4 trace behind its replays (helpers then replay that trace). */
  readonly traces?: boolean;
  learn(
    polys: readonly Polynomial<number>[],
    deadline?: Deadline,
  ): { basis: Polynomial<number>[]; replay: (polys: readonly Polynomial<number>[]) => Polynomial<number>[] | undefined; trace?: F4Trace };
}

/** A learning run made at the driver's first prime by someone else (e.g. a staircase probe). */
export interface LearnedFirstPrime {
  p: number;
  basis: Polynomial<number>[];
  replay: (polys: readonly Polynomial<number>[]) => Polynomial<number>[] | undefined;
  /** The F4 trace behind `replay`, when it is one (helper threads replay it from `traceToData`). */
  trace?: F4Trace;
}

/** Options of the multi-modular driver: `timeout`, `signal` and `deadline` are checked at each prime; `onProgress` hears each prime (`kind: 'modular-prime'`). */
export interface ModularOptions extends ControlOptions {
  /**
   * The learning run at the first usable prime, when it was already made with this engine: the
   * driver starts from it instead of learning again (ignored if its prime is not the first).
   */
  learned?: LearnedFirstPrime;
  /** Verify the result exactly over Q (slower; see the file header). */
  certify?: boolean;
  /**
   * The primes to compute modulo, in order (default: the primes below 2^26, largest first). Each
   * must be a prime below 2^26; those dividing a coefficient of the input are skipped. Tests pass
   * a stream that starts with or contains unlucky primes.
   */
  primes?: Iterable<number>;
  /**
   * Helper threads for the images at further primes (`basis-workers.ts`), started with the
   * generators the driver reduces modulo each prime (primitive, over Z). When the engine leaves an
   * F4 trace, the helper is started only once the primes still to come pay for its start (see
   * `helperPays`; small systems never start one) and replays the driver's trace; otherwise, or
   * with `eager`, it is started before the driver's learning run and learns at its own prime
   * meanwhile (an eager job that can replay a trace is given the driver's when the run ends).
   */
  helpers?: { start: (generators: readonly Polynomial<Rational>[]) => BasisJob | undefined; eager?: boolean };
}
/** How many primes a helper is given ahead of time. */
const HELPER_QUEUE = 6;
/**
 * A helper whose images have other leading monomials than the learning run this many times in a
 * row is dropped (one whose first image differs from the driver's own at that prime at once).
 */
const HELPER_MISMATCHES = 3;

/** Primes the driver combines alone before it decides whether to start a helper on its trace. */
const STANDBY_PRIMES = 3;
/**
 * What starting a helper costs before its first image, beyond the cold replay: the worker's boot
 * (~0.1–0.2 s), the trace's transfer and the other thread's share of two cores. With 600 ms the
 * helper starts on katsura-9 and cyclic-7 (faster with it, or even) and not on katsura-7 or
 * katsura-8 (slower with it: katsura-8's estimate, ~0.65 s to go after a 0.15 s learning run,
 * passed 400 ms in some runs).
 */
const HELPER_START_MS = 600;

/**
 * Whether a helper started now pays for itself. The primes still needed are extrapolated from the
 * reconstruction so far: the basis elements before the first coefficient not yet reconstructed
 * took `acc.count` primes, and the rest are assumed to need primes in proportion (their
 * coefficients grow along the basis; counted in elements, not coefficients, since the long
 * elements come last: katsura-8 at 3 primes is estimated at 33 primes, 22 in the end, where its
 * coefficients gave 38 or more; katsura-9 63 for 32, cyclic-7 104 for 24, eco-10 6 for 8). A helper first boots, takes the trace and replays it cold (about one learning
 * run, `learnMs`, plus `HELPER_START_MS`), and then halves what remains. Measured on this
 * repository's benchmarks: with a helper, eco-10, noon-8 (8 and 6 primes), katsura-7 and
 * katsura-8 were slower, katsura-9 (33 primes) faster, cyclic-7 (25) even.
 */
function helperPays(acc: Accumulator, learnMs: number, perPrimeMs: number): boolean {
  const [si, sk] = acc.sentinel;
  const done = si + (si < acc.elements.length ? sk / acc.elements[si].monos.length : 0);
  const primes = (acc.count * acc.elements.length) / Math.max(1, done);
  return (primes - acc.count) * perPrimeMs > 2 * learnMs + HELPER_START_MS;
}

export interface ModularStats {
  primesUsed: number;
  primesSkipped: number;
  replayFailures: number;
  relearned: number;
  reconstructionAttempts: number;
  modulusBits: number;
  certified: boolean;
}

/**
 * The images combined so far, in mixed radix (Garner): a coefficient with digits d₀, d₁, … is
 * d₀ + d₁·p₀ + d₂·p₀p₁ + …, each digit below its prime. Adding a prime stores the image (its
 * coefficients aligned on the element's monomials); a coefficient's digits are extended from the
 * stored images only when it is reconstructed, with a few double-precision multiply-adds per
 * digit (no bigint work), so a coefficient reconstructed at few primes never pays for the later
 * ones (on cyclic-7 most coefficients are known well before the last prime). Per basis element:
 * the monomials (a union over the primes seen), their digits so far, and each coefficient's
 * rational reconstruction once found (kept across attempts, so a coefficient is usually
 * reconstructed once; all are forgotten when a candidate fails the check at a fresh prime).
 */
interface Accumulator {
  lms: Monomial[];
  elements: {
    monos: Monomial[];
    /** Positions of the monomials by key, built the first time an image is not aligned (rare). */
    keys: Map<string, number> | undefined;
    digits: number[][];
    known: (Rational | undefined)[];
    /** The lcm of the denominators of the known coefficients (kept across attempts). */
    den: bigint;
  }[];
  primes: number[];
  /** images[t][i]: the coefficients of element i modulo primes[t], on its monomials at the time. */
  images: Float64Array[][];
  /** weights[t][s] = p₀⋯p_{s−1} mod primes[t] for s ≤ t (the last one inverted for the digit). */
  weights: Float64Array[];
  modulus: bigint;
  count: number;
  /** Where the last reconstruction attempt failed: tried first next time (a cheap early exit). */
  sentinel: [number, number];
  /** The lcm of the denominators of all known coefficients. */
  den: bigint;
}

const MAX_PRIMES = 20000;

/** The reduced Gröbner basis over Q of `polys` by multi-modular computation with `engine`. */
export function modularGroebner(
  polys: readonly Polynomial<Rational>[],
  engine: ModularEngine,
  options: ModularOptions = {},
): { basis: Polynomial<Rational>[]; stats: ModularStats } {
  options = resolveControl(options, 'multi-modular Gröbner basis');
  const stats: ModularStats = { primesUsed: 0, primesSkipped: 0, replayFailures: 0, relearned: 0, reconstructionAttempts: 0, modulusBits: 0, certified: false };
  const input = polys.filter((p) => !p.isZero()).map(primitivePart);
  if (input.length === 0) return { basis: [], stats };
  const R = input[0].ring;
  if (input.some((p) => p.isConstant())) return { basis: [R.one()], stats };

  const primes = (options.primes ?? primesBelow(2 ** 26))[Symbol.iterator]();
  /** The next prime dividing no coefficient of the input: the images keep their supports, so replays see the same shapes. */
  const nextUsablePrime = (): number => {
    for (;;) {
      const r = primes.next();
      if (r.done) throw new ComputationError('ran out of primes in the modular Gröbner computation');
      if (!Number.isInteger(r.value) || r.value < 2 || r.value >= 2 ** 26) throw new InputError(`modular Gröbner basis: the primes must be below 2^26, got ${r.value}`);
      const P = BigInt(r.value);
      if (input.some((f) => f.coefficients.some((c) => c.num % P === 0n))) {
        stats.primesSkipped++;
        continue;
      }
      return r.value;
    }
  };
  const imagesAt = (p: number): Polynomial<number>[] => {
    const S = new PolynomialRing(Zp(p), R.vars, R.order);
    return input.map((f) => changeRing(f, S));
  };
  const nextPrime = (): { p: number; images: Polynomial<number>[] } => {
    const p = nextUsablePrime();
    return { p, images: imagesAt(p) };
  };

  const first = nextPrime();
  // Without a trace to share (or with `eager`), a helper started now learns at its own prime
  // while we learn at ours. With one, the helper is started only once `helperPays` says it is
  // worth it (after STANDBY_PRIMES primes) and replays our trace: on small systems its start alone
  // cost more than it saved (cyclic-6, eco-8: 30–40% slower with a helper that did nothing).
  let job: BasisJob | undefined;
  const fill = () => {
    while (job && job.pending < HELPER_QUEUE) job.submit(nextUsablePrime());
  };
  const preLearned = options.learned?.p === first.p ? options.learned : undefined;
  const traced = preLearned ? preLearned.trace !== undefined : engine.traces === true;
  let deferred = options.helpers !== undefined && traced && !options.helpers.eager;
  if (!deferred) {
    job = options.helpers?.start(input);
    // An eager job that can replay a trace gets ours (below) before any prime.
    if (!(traced && job?.replayTrace)) fill();
  }
  const learnStart = Date.now();
  let learned = preLearned ?? engine.learn(first.images, options.deadline);
  const learnEnd = Date.now();
  if (job?.replayTrace && job.pending === 0 && learned.trace) job.replayTrace(traceToData(learned.trace));
  fill();
  let acc = startAccumulator(learned.basis);
  stats.primesUsed = 1;
  let helperMismatches = 0;
  let helperChecked = false;
  try {
    let consecutiveFailures = 0;
    let nextAttempt = 1;
    for (let round = 0; round < MAX_PRIMES; round++) {
      options.deadline?.check();
      if (acc.count >= nextAttempt) {
        nextAttempt = acc.count + 1;
        stats.reconstructionAttempts++;
        const candidate = reconstruct(acc, R);
        if (deferred && !candidate && acc.count >= STANDBY_PRIMES) {
          // Start a helper on the driver's trace if the primes still to come pay for its start.
          deferred = false;
          const perPrime = (Date.now() - learnEnd) / (acc.count - 1);
          if (learned.trace && helperPays(acc, preLearned ? 10 * perPrime : learnEnd - learnStart, perPrime)) {
            job = options.helpers?.start(input);
            job?.replayTrace?.(traceToData(learned.trace)); // without it, the helper learns at its first prime
            fill();
          }
        }
        if (candidate) {
          // Acceptance: agree with the image at a fresh prime.
          const { p, images } = nextPrime();
          const check = learned.replay(images);
          if (check && sameBasis(reduceCandidate(candidate, p), check)) {
            if (options.certify) {
              if (!certify(candidate, input)) throw new ComputationError('the modular Gröbner basis failed exact certification over Q');
              stats.certified = true;
            }
            stats.primesUsed = acc.count + 1;
            stats.modulusBits = acc.modulus.toString(2).length;
            return { basis: candidate, stats };
          }
          // A coefficient was reconstructed too early (it matched fewer primes by chance): forget
          // them all and reconstruct again with more primes.
          for (const el of acc.elements) {
            el.known.fill(undefined);
            el.den = 1n;
          }
          acc.den = 1n;
          if (check && sameLeading(check, acc.lms)) addImage(acc, check, p);
        }
      }
      if (job) {
        // The helper's finished images first (it is given primes ahead of time), then one of our own.
        for (let h = job.take(0); h; h = job.take(0)) {
          const aligned = alignedImage(acc, h, R.nvars);
          if (aligned && !helperChecked) {
            // Its first image is compared with our own at that prime: a helper computing
            // something else (a wrong setting, a bug in the transfer) would otherwise spoil every
            // reconstruction from then on.
            helperChecked = true;
            const own = learned.replay(imagesAt(h.p));
            if (!own || !isImageOf(h, own, R.nvars)) {
              job.close();
              job = undefined;
              if (own && sameLeading(own, acc.lms)) addImage(acc, own, h.p);
              break;
            }
          }
          if (aligned) {
            helperMismatches = 0;
            pushImage(acc, aligned, h.p);
            options.onProgress?.(modularPrimeInfo(acc.count, acc.modulus.toString(2).length));
            continue;
          }
          const basis = basisOfImage(new PolynomialRing(Zp(h.p), R.vars, R.order), h);
          if (basis && sameLeading(basis, acc.lms)) {
            if (!helperChecked) {
              // Its first image is compared with our own at that prime: a helper computing
              // something else (a wrong setting, a bug in the transfer) would otherwise spoil every
              // reconstruction from then on.
              helperChecked = true;
              const own = learned.replay(imagesAt(h.p));
              if (!sameBasis(own, basis)) {
                job.close();
                job = undefined;
                if (own && sameLeading(own, acc.lms)) addImage(acc, own, h.p);
                break;
              }
            }
            helperMismatches = 0;
            addImage(acc, basis, h.p);
            options.onProgress?.(modularPrimeInfo(acc.count, acc.modulus.toString(2).length));
          } else if (++helperMismatches >= HELPER_MISMATCHES) {
            job.close(); // its learning prime was unlucky, or ours was (then we relearn below)
            job = undefined;
            break;
          }
        }
        while (job && job.pending < HELPER_QUEUE) job.submit(nextUsablePrime());
        if (acc.count >= nextAttempt) continue;
      }
      const { p, images } = nextPrime();
      const basis = learned.replay(images);
      if (basis === undefined || !sameLeading(basis, acc.lms)) {
        stats.replayFailures++;
        consecutiveFailures++;
        if (consecutiveFailures >= 3) {
          // The learning prime was probably unlucky: learn again at a new prime.
          stats.relearned++;
          consecutiveFailures = 0;
          learned = engine.learn(images, options.deadline);
          if (job?.replayTrace && learned.trace) job.replayTrace(traceToData(learned.trace));
          if (!sameLeading(learned.basis, acc.lms)) {
            acc = startAccumulator(learned.basis);
            nextAttempt = 1;
          } else addImage(acc, learned.basis, p);
        }
        continue;
      }
      consecutiveFailures = 0;
      addImage(acc, basis, p);
      options.onProgress?.(modularPrimeInfo(acc.count, acc.modulus.toString(2).length));
    }
  } finally {
    job?.close();
  }
  throw new ComputationError(`no stable modular Gröbner basis after ${MAX_PRIMES} primes`);
}

function startAccumulator(basis: readonly Polynomial<number>[]): Accumulator {
  const p = Number(basis.length > 0 ? basis[0].field.characteristic : 2n);
  return {
    lms: basis.map((g) => g.lm()),
    elements: basis.map((g) => ({
      monos: [...g.monomials],
      keys: undefined,
      digits: g.coefficients.map(() => []),
      known: g.coefficients.map(() => undefined),
      den: 1n,
    })),
    primes: [p],
    images: [basis.map((g) => Float64Array.from(g.coefficients))],
    weights: [Float64Array.of(1)],
    modulus: BigInt(p),
    count: 1,
    sentinel: [0, 0],
    den: 1n,
  };
}

/** Stores the image of the basis at the new prime p (aligned on the elements' monomials). */
function addImage(acc: Accumulator, basis: readonly Polynomial<number>[], p: number): void {
  const images: Float64Array[] = [];
  for (let i = 0; i < basis.length; i++) {
    const g = basis[i];
    const el = acc.elements[i];
    // Usually the image has the stored support in the same positions: compare before hashing.
    let aligned = g.length === el.monos.length;
    for (let k = 0; aligned && k < g.length; k++) {
      // F4 replays share their monomial arrays with the learned basis: usually the same object.
      if (g.monomials[k] !== el.monos[k] && !monomialsEqual(g.monomials[k], el.monos[k])) aligned = false;
    }
    if (aligned) {
      images.push(Float64Array.from(g.coefficients));
      continue;
    }
    const keys = (el.keys ??= new Map(el.monos.map((m, k) => [monomialKey(m), k])));
    const idx = g.monomials.map((m) => {
      let at = keys.get(monomialKey(m));
      if (at === undefined) {
        // A monomial new to this element: its earlier images are 0 (they are shorter).
        at = el.monos.length;
        el.monos.push(m);
        keys.set(monomialKey(m), at);
        el.digits.push([]);
        el.known.push(undefined);
      }
      return at;
    });
    const image = new Float64Array(el.monos.length); // absent monomials have residue 0
    for (let k = 0; k < g.length; k++) image[idx[k]] = g.coefficients[k];
    images.push(image);
  }
  pushImage(acc, images, p);
}

/**
 * A helper's image at p as coefficient arrays aligned on the stored supports, read straight from
 * its arrays when every element has exactly the stored support (the usual case: then the leading
 * monomials agree too), without building polynomials — on katsura-9 that building took a quarter
 * of the driver's time. Undefined otherwise.
 */
function alignedImage(acc: Accumulator, image: BasisImage, nvars: number): Float64Array[] | undefined {
  const { lengths, exponents, coefficients } = image;
  if (!lengths || !exponents || !coefficients || lengths.length !== acc.elements.length) return undefined;
  const images: Float64Array[] = [];
  let t = 0;
  for (let i = 0; i < lengths.length; i++) {
    const monos = acc.elements[i].monos;
    const len = lengths[i];
    if (len !== monos.length) return undefined;
    for (let k = 0; k < len; k++) {
      const m = monos[k];
      const at = (t + k) * nvars;
      for (let v = 0; v < nvars; v++) if (exponents[at + v] !== m[v + 1]) return undefined;
    }
    images.push(coefficients.subarray(t, t + len));
    t += len;
  }
  return images;
}

/** Appends the aligned coefficient arrays of the image at p, with p's Garner weights. */
function pushImage(acc: Accumulator, images: Float64Array[], p: number): void {
  const j = acc.primes.length;
  // w[s] = (p₀⋯p_{s−1}) mod p for s < j, and w[j] = the inverse of (p₀⋯p_{j−1}) mod p.
  const w = new Float64Array(j + 1);
  w[0] = 1;
  for (let i = 0; i < j; i++) w[i + 1] = (w[i] * (acc.primes[i] % p)) % p;
  w[j] = Number(modInverse(BigInt(w[j]), BigInt(p)));
  acc.images.push(images);
  acc.weights.push(w);
  acc.primes.push(p);
  acc.modulus *= BigInt(p);
  acc.count++;
}

/** Extends the digits of coefficient k of element i to every prime seen (Garner's step per prime). */
function extendDigits(acc: Accumulator, i: number, k: number): number[] {
  const d = acc.elements[i].digits[k];
  for (let t = d.length; t < acc.count; t++) {
    const img = acc.images[t][i];
    const r = k < img.length ? img[k] : 0;
    const p = acc.primes[t];
    const w = acc.weights[t];
    const x = residueOfDigits(d, w, t, p);
    let digit = (((r - x) % p) * w[t]) % p;
    if (digit < 0) digit += p;
    d.push(digit);
  }
  return d;
}

/**
 * (d₀ + d₁·p₀ + … + d_{j−1}·p₀⋯p_{j−2}) mod p from the digits and w[t] = p₀⋯p_{t−1} mod p. The
 * partial sum stays in (−p, 2p) (x − ⌊x/p⌋·p with an inexact quotient is off by at most one p)
 * and each product is < 2^52, so every sum is exact in doubles. A function of its own so that it
 * is optimized early (it runs once per coefficient per prime).
 */
function residueOfDigits(d: readonly number[], w: Float64Array, j: number, p: number): number {
  const pinv = 1 / p;
  let x = 0;
  for (let t = 0; t < j; t++) {
    x += d[t] * w[t];
    x -= Math.floor(x * pinv) * p;
  }
  if (x < 0) x += p;
  else if (x >= p) x -= p;
  return x;
}

/**
 * The value of a coefficient modulo the product of the primes, from its digits (Horner), two
 * digits per bigint step: d_t + d_{t+1}·p_t < 2^52 is exact in a double, and `pairs[t]` holds
 * the bigint p_t·p_{t+1} (see `primePairs`).
 */
function valueOf(digits: readonly number[], primes: readonly number[], pairs: readonly bigint[]): bigint {
  let t = digits.length - 1;
  let x = BigInt(digits[t]);
  if (t % 2 === 1) {
    t--;
    x = x * BigInt(primes[t]) + BigInt(digits[t]);
  }
  for (t -= 2; t >= 0; t -= 2) x = x * pairs[t] + BigInt(digits[t] + digits[t + 1] * primes[t]);
  return x;
}

/** pairs[t] = p_t·p_{t+1} as bigints, for `valueOf`. */
function primePairs(primes: readonly number[]): bigint[] {
  const pairs: bigint[] = [];
  for (let t = 0; t + 1 < primes.length; t++) pairs.push(BigInt(primes[t] * primes[t + 1]));
  return pairs;
}


/** Rational reconstruction of every coefficient; undefined when one has no reconstruction yet. */
function reconstruct(acc: Accumulator, R: PolynomialRing<Rational>): Polynomial<Rational>[] | undefined {
  const M = acc.modulus;
  // A margin below the uniqueness bound √(M/2): with it a residue that is not yet determined
  // passes for a small fraction with probability about 2·bound²/M = 2^−2·margin. Such residues are
  // attempted about once per prime (the sweep below stops at the first failure and starts there
  // next time), so 10 bits make a false candidate a 1-in-30000 event per run, and it would only
  // cost a failed check and a restart. A margin of 20 cost one prime more on cyclic-7, katsura-9
  // and eco-10 (26 → 25, 34 → 33, 10 → 9).
  const margin = BigInt(Math.min(10, Math.floor(M.toString(2).length / 10)));
  const bound = isqrt(M / 2n) >> margin;
  // Coefficients of one basis element tend to share denominators: el.den is the lcm of the
  // denominators found so far in the element, kept across attempts, so that most coefficients
  // are read off as y/el.den without a Euclidean run (see `fractionOverDenominator`).
  // The lcm of all denominators found so far, over the whole basis, catches the coefficients
  // whose denominator is new to their element but not to the basis (katsura-8: 4558 Euclidean
  // runs become 3833, katsura-9: 11901 become 10149). A fraction y/L (L one of these lcms) is
  // unique for |y| < M/2 (L is invertible modulo M); it is accepted for |y| ≤ M/2^(2·margin+1),
  // so that a residue not of that form passes with probability 2^−2·margin per test, the rate of
  // the balanced bound above, whatever L. A coefficient whose denominator L covers then needs
  // about bits(y) + 2·margin bits of modulus instead of 2·max(bits(num), bits(den)): one prime
  // fewer on katsura-8/9, cyclic-7, eco-10 and noon-8 (23 → 22, 33 → 32, 25 → 24, 9 → 8, 6 → 5).
  // (Earlier bounds: |y| ≤ bound, then |y|·L ≤ bound²; with |y| ≤ M/(2·L·2^margin), a weaker test
  // than either, katsura-9 had a false candidate and needed 2 more primes.)
  const wide = M >> (2n * margin + 1n);
  const pairs = primePairs(acc.primes);
  const attempt = (i: number, k: number): boolean => {
    const el = acc.elements[i];
    if (el.known[k] !== undefined) return true;
    const D = el.den;
    const x = valueOf(extendDigits(acc, i, k), acc.primes, pairs);
    let q: Rational | undefined;
    if (x === 0n) q = { num: 0n, den: 1n };
    else {
      q = fractionOverDenominator(x, M, D, wide);
      if (q === undefined && acc.den !== D) q = fractionOverDenominator(x, M, acc.den, wide);
      if (q === undefined) q = rationalReconstruction(x, M, bound, bound);
    }
    if (q === undefined) {
      acc.sentinel = [i, k];
      return false;
    }
    el.known[k] = q;
    if (D % q.den !== 0n) el.den = lcm(D, q.den);
    if (acc.den % q.den !== 0n) acc.den = lcm(acc.den, q.den);
    return true;
  };
  const [si, sk] = acc.sentinel;
  if (si < acc.elements.length && sk < acc.elements[si].monos.length && !attempt(si, sk)) return undefined;
  for (let i = 0; i < acc.elements.length; i++) {
    for (let k = 0; k < acc.elements[i].monos.length; k++) if (!attempt(i, k)) return undefined;
  }
  return acc.elements.map((el) => {
    const monos: Monomial[] = [];
    const coeffs: Rational[] = [];
    el.monos.forEach((m, k) => {
      const q = el.known[k] as Rational;
      if (q.num !== 0n) {
        monos.push(m);
        coeffs.push(q);
      }
    });
    // The monomials are distinct; usually they are also still in the ring's order (those of the
    // learned basis), and sorting through `normalize` (string keys) would cost 26000 keys on katsura-8.
    let sorted = true;
    for (let k = 1; k < monos.length && sorted; k++) if (R.cmp(monos[k - 1], monos[k]) <= 0) sorted = false;
    return sorted ? new Polynomial(R, monos, coeffs) : R.normalize(monos, coeffs);
  });
}

/** The candidate modulo p, or undefined when a denominator vanishes at p (any other failure is an error, not an unlucky prime). */
function reduceCandidate(G: readonly Polynomial<Rational>[], p: number): Polynomial<number>[] | undefined {
  const R = G[0].ring;
  const P = BigInt(p);
  if (G.some((g) => g.coefficients.some((c) => c.den % P === 0n))) return undefined;
  const S = new PolynomialRing(Zp(p), R.vars, R.order);
  return G.map((g) => changeRing(g, S));
}

function sameLeading(basis: readonly Polynomial<number>[], lms: readonly Monomial[]): boolean {
  return basis.length === lms.length && basis.every((g, i) => monomialsEqual(g.lm(), lms[i]));
}

function sameBasis(a: readonly Polynomial<number>[] | undefined, b: readonly Polynomial<number>[]): boolean {
  return a !== undefined && a.length === b.length && a.every((g, i) => g.equals(b[i]));
}

/** Exact verification over Q: G is a Gröbner basis and every input reduces to 0 modulo G. */
function certify(G: readonly Polynomial<Rational>[], input: readonly Polynomial<Rational>[]): boolean {
  return input.every((f) => normalForm(f, G).isZero()) && isGroebner(G);
}
