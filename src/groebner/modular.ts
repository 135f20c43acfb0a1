/**
 * Multi-modular Gröbner bases over Q.
 *
 * The reduced basis over Q is recovered from reduced bases over Z/p for many primes p < 2^26:
 * the first prime's run is learned (for F4 as a trace) and replayed for the others; the images
 * are combined coefficient by coefficient with the Chinese remainder theorem, and rational
 * reconstruction turns the residues into fractions once the modulus is large enough (checked at
 * every prime; `basis-accumulator.ts`). A candidate is accepted when it agrees with the bases
 * computed at further, unused primes whose product is at least 2^24 (one prime of the default
 * stream; `CHECK_MODULUS`); with `certify` it is also verified exactly over Q
 * (Buchberger's criterion and every input reducing to 0). A helper thread (`helpers`) computes
 * images at further primes when the primes still to come repay its start (`helperPays`).
 *
 * Lucky primes: primes dividing a coefficient of the (integer, primitive) input are skipped; a
 * replay that fails signals that this prime or the learning prime is unlucky; after repeated
 * failures the basis is learned again at a new prime and, if its leading monomials differ, the
 * old images are discarded. Reference: Arnold, "Modular algorithms for computing Gröbner bases",
 * J. Symb. Comp. 35 (2003); Idrees–Pfister–Steidel, "Parallelization of modular algorithms",
 * J. Symb. Comp. 46 (2011).
 */
import { Zp } from '../arithmetic/field';
import { primeStream } from '../arithmetic/primes';
import { Rational } from '../arithmetic/rational';
import { ComputationError, Deadline, InputError } from '../errors';
import { ControlOptions, modularPrimeInfo, resolveControl } from '../control';
import { Monomial, monomialsEqual } from '../monomials/monomial';
import { primitivePart } from '../poly/content';
import { changeRing } from '../poly/change';
import { Polynomial, PolynomialRing } from '../poly/polynomial';
import { ReductionModP } from '../poly/reduction-mod-p';
import { BasisImage, BasisJob, basisOfImage, isImageOf } from './basis-workers';
import { CHECK_MODULUS } from '../arithmetic/lifting';
import { Accumulator, addImage, agreesWithImage, alignedImage, alignedRows, forgetReconstructions, pushImage, reconstruct, startAccumulator } from './basis-accumulator';
import { inIdeal, isGroebner } from './normal-form';
import { F4Trace, f4ApplyRows, replayedPolynomials, traceToData } from './f4';

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

/**
 * The polynomials as the driver computes with them: the non-zero ones, primitive over Z. Its
 * first usable prime — where a learning run made ahead of it (`staircase.ts`, `first-prime.ts`)
 * must be made for the driver to take it — is the first of its prime stream that divides none of
 * their coefficients (`ReductionModP.divides`).
 */
export function driverInput(polys: readonly Polynomial<Rational>[]): Polynomial<Rational>[] {
  return polys.filter((p) => !p.isZero()).map(primitivePart);
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
  helpers?: {
    start: (generators: readonly Polynomial<Rational>[]) => BasisJob | undefined;
    eager?: boolean;
    /** True when a job started now goes to a running thread that has served a job before (`BasisWorkers.warm`). */
    readonly warm?: boolean;
  };
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
 * What a warm helper (a pooled thread that served a job before, `BasisWorkers.warm`) costs before
 * its first image besides one replay: the task's and the trace's transfer. On the 2-3-2-1 linear
 * network with biases and one λ, 15 bases got a helper, 13 of them through this estimate (bases
 * of 336–1,566 elements, 8–460 ms a prime); farm-bench 2 pairs against separate threads per
 * basis, wall 71.8/82.3 s against 75.2/93.7 (A/B 0.92). On the 2-2-2-1 network with biases and
 * one λ none pays: its bases replay in 1–10 ms per prime, and only 17 of its 164 bases get to
 * the decision.
 */
const WARM_HELPER_START_MS = 50;

/**
 * Whether a helper started now pays for itself. The primes still needed are extrapolated from the
 * reconstruction so far: the basis elements before the first coefficient not yet reconstructed
 * took `acc.count` primes, and the rest are assumed to need primes in proportion (their
 * coefficients grow along the basis; counted in elements, not coefficients, since the long
 * elements come last: katsura-8 at 3 primes is estimated at 33 primes, 22 in the end, where its
 * coefficients gave 38 or more; katsura-9 63 for 32, cyclic-7 104 for 24, eco-10 6 for 8). A
 * helper first boots, takes the trace and replays it cold (`HELPER_START_MS` plus about one
 * learning run, `learnMs`, or `COLD_REPLAYS` replays when learning costs more), and then halves
 * what remains. Measured on this repository's benchmarks: with a helper, eco-10, noon-8 (8 and 6
 * primes), katsura-7 and katsura-8 were slower, katsura-9 (33 primes) faster, cyclic-7 (25) even.
 */
function helperPays(acc: Accumulator, learnMs: number, perPrimeMs: number, startMs: number): boolean {
  const [si, sk] = acc.sentinel;
  const done = si + (si < acc.elements.length ? sk / acc.elements[si].monos.length : 0);
  const primes = (acc.count * acc.elements.length) / Math.max(1, done);
  return (primes - acc.count) * perPrimeMs > 2 * Math.min(learnMs, COLD_REPLAYS * perPrimeMs) + startMs;
}

/**
 * A helper's cold replay, in warm replays of the driver. A learning run costs the helper nothing
 * (it replays the driver's trace), and where learning costs many replays the first image comes
 * well before a learning run would: on the pieces of the network 2-3-2-1 linear with biases and
 * one λ (bases of 1,400–1,600 elements, about 23 primes; learning 2.2–7 s, a replay 0.2–0.4 s),
 * 4–7 replays after the helper was asked. Such bases got no helper while the cold replay was
 * taken for a learning run; with one, that network's first component came at 22.7 and 24.8 s
 * against 27.8 and 27.4 in four alternating runs (a pair of 150 s runs, on a machine drifting by
 * a third, showed no gain: 34.6 against 31.4). The benchmarks' decisions above are unchanged
 * (their learning runs cost 6–8 replays).
 */
const COLD_REPLAYS = 8;

export interface ModularStats {
  primesUsed: number;
  /** How many of the images combined came from helpers. */
  helperImages: number;
  /** How many of the acceptance test's images came from helpers (finished ahead, see `checkImage`). */
  helperChecks: number;
  primesSkipped: number;
  replayFailures: number;
  relearned: number;
  reconstructionAttempts: number;
  modulusBits: number;
  certified: boolean;
}

const MAX_PRIMES = 20000;

/** The reduced Gröbner basis over Q of `polys` by multi-modular computation with `engine`. */
export function modularGroebner(
  polys: readonly Polynomial<Rational>[],
  engine: ModularEngine,
  options: ModularOptions = {},
): { basis: Polynomial<Rational>[]; stats: ModularStats } {
  options = resolveControl(options, 'multi-modular Gröbner basis');
  const stats: ModularStats = { primesUsed: 0, helperImages: 0, helperChecks: 0, primesSkipped: 0, replayFailures: 0, relearned: 0, reconstructionAttempts: 0, modulusBits: 0, certified: false };
  const input = driverInput(polys);
  if (input.length === 0) return { basis: [], stats };
  const R = input[0].ring;
  if (input.some((p) => p.isConstant())) return { basis: [R.one()], stats };

  const primes = (options.primes ?? primeStream(2 ** 26, options.deadline))[Symbol.iterator]();
  // The input's coefficients read once for all the primes (on the 2-2-2-1 network with biases and
  // one λ, BigInt remainders per prime took 0.65 s of 12).
  const reduction = new ReductionModP(input);
  /** The next prime dividing no coefficient of the input: the images keep their supports, so replays see the same shapes. */
  const nextUsablePrime = (): number => {
    for (;;) {
      const r = primes.next();
      if (r.done) throw new ComputationError('ran out of primes in the modular Gröbner computation');
      if (!Number.isInteger(r.value) || r.value < 2 || r.value >= 2 ** 26) throw new InputError(`modular Gröbner basis: the primes must be below 2^26, got ${r.value}`);
      if (reduction.divides(r.value)) {
        stats.primesSkipped++;
        continue;
      }
      return r.value;
    }
  };
  const imagesAt = (p: number): Polynomial<number>[] => reduction.images(new PolynomialRing(Zp(p), R.vars, R.order));
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
  // The helper's images name monomials by their ids in the trace it replays: `tracesSent` tells
  // whether that is our current one (an image of an older trace, after a relearn, is skipped).
  let tracesSent = 0;
  const sendTrace = () => {
    if (job?.replayTrace && learned.trace) {
      job.replayTrace(traceToData(learned.trace));
      tracesSent++;
    }
  };
  if (job && job.pending === 0) sendTrace();
  fill();
  let acc = startAccumulator(learned.basis);
  /**
   * An image at a fresh prime for the acceptance test: one a helper has finished (it works ahead,
   * so at the end its queue holds images nobody would combine; its images count like ours once
   * its first one matched ours), else our own replay — as rows aligned on the stored supports
   * when they have them, else as polynomials. cyclic-7 on two threads: the check took 50 ms of
   * our own time (a replay, then the candidate and the image as polynomials), now about 5.
   */
  const checkImage = (): { p: number; aligned?: Float64Array[]; basis?: Polynomial<number>[] } => {
    for (let h = helperChecked ? job?.take(0) : undefined; h; h = job?.take(0)) {
      if (staleReplay(h)) continue;
      const aligned = alignedImage(acc, h, R.nvars, h.ids ? learned.trace?.table : undefined);
      // An image with other supports is left aside: its prime is simply not used.
      if (aligned) {
        stats.helperChecks++;
        return { p: h.p, aligned };
      }
    }
    return ownImage();
  };
  /**
   * Our own image at the next prime: the replay's rows aligned on the stored supports when they
   * have them (the usual case, without polynomials), else its polynomials (undefined when the
   * replay failed); `images` are the generators modulo p, which a relearn starts from.
   */
  const ownImage = (): { p: number; images: Polynomial<number>[]; aligned?: Float64Array[]; basis?: Polynomial<number>[] } => {
    const { p, images } = nextPrime();
    if (!learned.trace) return { p, images, basis: learned.replay(images) };
    const rows = f4ApplyRows(learned.trace, images, { deadline: options.deadline });
    const aligned = rows && alignedRows(acc, rows);
    return aligned ? { p, images, aligned } : { p, images, basis: rows && replayedPolynomials(images[0].ring, rows) };
  };
  /**
   * A helper's replay of an older trace of ours, or its failed replay of our trace: the trace's
   * fault, not the helper's (our own replays fail too, and we learn again), so it is skipped
   * without counting against the helper.
   */
  const staleReplay = (h: BasisImage): boolean => h.trace !== undefined && (h.trace !== tracesSent || !h.lengths);
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
          // A warm helper replays at once: its start is the task's transfer, and its first replay a replay.
          const warm = options.helpers?.warm === true;
          const coldMs = warm ? perPrime : preLearned ? 10 * perPrime : learnEnd - learnStart;
          if (learned.trace && helperPays(acc, coldMs, perPrime, warm ? WARM_HELPER_START_MS : HELPER_START_MS)) {
            job = options.helpers?.start(input);
            sendTrace(); // without it, the helper learns at its first prime
            fill();
          }
        }
        if (candidate) {
          // Acceptance: agree with the images at fresh primes whose product is at least
          // CHECK_MODULUS (one prime of the default stream; more when a stream has small primes).
          let checked = 1n;
          let agrees = true;
          let checkPrimes = 0;
          while (agrees && checked < CHECK_MODULUS) {
            const { p, aligned, basis } = checkImage();
            checkPrimes++;
            checked *= BigInt(p);
            agrees = aligned ? agreesWithImage(acc, aligned, p) : basis !== undefined && sameBasis(reduceCandidate(candidate, p), basis);
            if (!agrees) {
              // A coefficient was reconstructed too early (it matched fewer primes by chance):
              // forget them all and reconstruct again with more primes.
              forgetReconstructions(acc);
              if (aligned) pushImage(acc, aligned, p);
              else if (basis && sameLeading(basis, acc.lms)) addImage(acc, basis, p);
            }
          }
          if (agrees) {
            if (options.certify) {
              if (!certify(candidate, input)) throw new ComputationError('the modular Gröbner basis failed exact certification over Q');
              stats.certified = true;
            }
            stats.primesUsed = acc.count + checkPrimes;
            stats.modulusBits = acc.modulus.toString(2).length;
            return { basis: candidate, stats };
          }
        }
      }
      if (job) {
        // The helper's finished images first (it is given primes ahead of time), then one of our own.
        for (let h = job.take(0); h; h = job.take(0)) {
          if (staleReplay(h)) continue;
          const table = h.ids ? learned.trace?.table : undefined;
          const aligned = alignedImage(acc, h, R.nvars, table);
          if (aligned && !helperChecked) {
            // Its first image is compared with our own at that prime: a helper computing
            // something else (a wrong setting, a bug in the transfer) would otherwise spoil every
            // reconstruction from then on.
            helperChecked = true;
            const own = learned.replay(imagesAt(h.p));
            if (!own || !isImageOf(h, own, R.nvars, table)) {
              job.close();
              job = undefined;
              if (own && sameLeading(own, acc.lms)) addImage(acc, own, h.p);
              break;
            }
          }
          if (aligned) {
            helperMismatches = 0;
            stats.helperImages++;
            pushImage(acc, aligned, h.p);
            options.onProgress?.(modularPrimeInfo(acc.count, acc.modulus.toString(2).length));
            continue;
          }
          const basis = basisOfImage(new PolynomialRing(Zp(h.p), R.vars, R.order), h, table);
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
            stats.helperImages++;
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
      const { p, images, aligned, basis } = ownImage();
      if (!aligned && (basis === undefined || !sameLeading(basis, acc.lms))) {
        stats.replayFailures++;
        consecutiveFailures++;
        if (consecutiveFailures >= 3) {
          // The learning prime was probably unlucky: learn again at a new prime.
          stats.relearned++;
          consecutiveFailures = 0;
          learned = engine.learn(images, options.deadline);
          sendTrace();
          if (!sameLeading(learned.basis, acc.lms)) {
            acc = startAccumulator(learned.basis);
            nextAttempt = 1;
          } else addImage(acc, learned.basis, p);
        }
        continue;
      }
      consecutiveFailures = 0;
      if (aligned) pushImage(acc, aligned, p);
      else addImage(acc, basis!, p);
      options.onProgress?.(modularPrimeInfo(acc.count, acc.modulus.toString(2).length));
    }
  } finally {
    job?.close();
  }
  throw new ComputationError(`no stable modular Gröbner basis after ${MAX_PRIMES} primes`);
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
  return input.every((f) => inIdeal(f, G)) && isGroebner(G);
}
