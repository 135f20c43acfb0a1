// Helpers for the multi-modular Gröbner driver (groebner/basis-workers.ts): the basis over Q is the
// same with and without them, whatever they do — serve images, serve images of the wrong shape,
// or never answer — and on the compiled code a real helper thread serves images.
import * as fs from 'fs';
import * as path from 'path';
import { Rational, rational } from '../../src/arithmetic/rational';
import { primesBelow } from '../../src/arithmetic/primes';
import { BasisImage, BasisJob, BasisTask, basisImage, isImageOf, rowsImage, taskRingModP } from '../../src/groebner/basis-workers';
import { f4EngineWith } from '../../src/groebner/engines';
import { F4Trace, F4TraceData, f4ApplyRows, f4Learn, traceFromData } from '../../src/groebner/f4';
import { alignedImage, alignedRows, startAccumulator } from '../../src/groebner/basis-accumulator';
import { ModularOptions, modularGroebner } from '../../src/groebner/modular';
import { changeRing } from '../../src/poly/change';
import { polynomialFromData, polynomialToData } from '../../src/poly/data';
import { Polynomial, PolynomialRing } from '../../src/poly/polynomial';
import { QQ, Zp } from '../../src/arithmetic/field';
import { Deadline } from '../../src/errors';
import { namedSystem } from '../../src/systems';

const text = (basis: readonly Polynomial<Rational>[]) => basis.map((g) => g.toString());

/**
 * A helper in this thread: it computes the basis modulo each submitted prime when asked for an
 * image (its own learning run at its first prime, like a thread), after `spoil` has had its say.
 */
function inThread(task: BasisTask, spoil: (basis: Polynomial<number>[], p: number) => Polynomial<number>[] | undefined = (b) => b): BasisJob & { served: number } {
  const R = new PolynomialRing<Rational>(QQ, task.vars, task.order);
  const generators = task.generators.map((g) => polynomialFromData(g, R));
  const queue: number[] = [];
  let replay: ((images: readonly Polynomial<number>[]) => Polynomial<number>[] | undefined) | undefined;
  const job = {
    served: 0,
    submit: (p: number) => void queue.push(p),
    get pending() {
      return queue.length;
    },
    take: () => {
      const p = queue.shift();
      if (p === undefined) return undefined;
      const S = taskRingModP(task, p);
      const images = generators.map((f) => changeRing(f, S));
      let basis: Polynomial<number>[] | undefined;
      if (replay) basis = replay(images);
      else ({ basis, replay } = f4EngineWith(task.linalg).learn(images));
      const spoiled = basis && spoil(basis, p);
      if (spoiled) job.served++;
      return spoiled ? basisImage(p, spoiled, task.vars.length) : { p };
    },
    close: () => undefined,
  };
  return job;
}

/** Helpers made by `make`, started before the driver's learning run unless `eager` is false. */
function helpersOf(make: (task: BasisTask) => BasisJob, eager = true): { options: ModularOptions['helpers']; jobs: BasisJob[] } {
  const jobs: BasisJob[] = [];
  return {
    jobs,
    options: {
      eager,
      start: (generators) => {
        const R = generators[0].ring;
        const job = make({ vars: [...R.vars], order: R.order, generators: generators.map(polynomialToData), linalg: 'auto' });
        jobs.push(job);
        return job;
      },
    },
  };
}

describe('the multi-modular driver with helpers', () => {
  for (const name of ['katsura:4', 'katsura:5']) {
    const polys = namedSystem(name).polynomials;
    const alone = text(modularGroebner(polys, f4EngineWith()).basis);

    test(`${name}: a helper's images are used and the basis is the same`, () => {
      const h = helpersOf((task) => inThread(task));
      const r = modularGroebner(polys, f4EngineWith(), { helpers: h.options });
      expect(text(r.basis)).toEqual(alone);
      expect(h.jobs.length).toBe(1);
      expect((h.jobs[0] as ReturnType<typeof inThread>).served).toBeGreaterThan(0);
    });

    test(`${name}: images of the wrong shape are not listened to, and the helper is dropped`, () => {
      let closed = 0;
      const h = helpersOf((task) => {
        const job = inThread(task, (basis) => basis.slice(1)); // an element missing: other leading monomials
        return { ...job, take: job.take, submit: job.submit, get pending() { return job.pending; }, close: () => void closed++ };
      });
      const r = modularGroebner(polys, f4EngineWith(), { helpers: h.options });
      expect(text(r.basis)).toEqual(alone);
      expect(closed).toBe(1);
    });

    test(`${name}: a helper that never answers changes nothing`, () => {
      let submitted = 0;
      const h = helpersOf(() => ({
        submit: () => void submitted++,
        get pending() {
          return submitted; // every prime handed over stays pending
        },
        take: () => undefined,
        close: () => undefined,
      }));
      const r = modularGroebner(polys, f4EngineWith(), { helpers: h.options });
      expect(text(r.basis)).toEqual(alone);
    });
  }

  /**
   * A helper that replays the trace the driver sends it (through a structured clone, as to a
   * thread) and answers like basis-thread-main.ts: monomials as ids in that trace, tagged with
   * its number — or as `answer` rewrites that image.
   */
  function replayingHelper(task: BasisTask, counts: { traces: number; learnedOwn: number }, answer: (image: BasisImage) => BasisImage = (i) => i): BasisJob {
    const job = inThread(task);
    const R = new PolynomialRing<Rational>(QQ, task.vars, task.order);
    let trace: F4Trace | undefined;
    return {
      submit: job.submit,
      get pending() {
        return job.pending;
      },
      replayTrace: (data: F4TraceData) => {
        counts.traces++;
        trace = traceFromData(structuredClone(data), R);
      },
      take: () => {
        if (!trace) {
          counts.learnedOwn++;
          return job.take(0);
        }
        // Replays only the trace it was sent (no learning run of its own).
        const image = job.take(0);
        if (!image?.lengths) return image;
        const generators = task.generators.map((g) => changeRing(polynomialFromData(g, R), taskRingModP(task, image.p)));
        const rows = f4ApplyRows(trace, generators);
        return rows ? answer(rowsImage(image.p, rows, counts.traces)) : { p: image.p, trace: counts.traces };
      },
      close: () => undefined,
    };
  }

  test('a helper that replays the driver\'s trace serves images naming monomials by id, and the basis is the same', () => {
    const polys = namedSystem('katsura:5').polynomials;
    const alone = text(modularGroebner(polys, f4EngineWith()).basis);
    const counts = { traces: 0, learnedOwn: 0 };
    const h = helpersOf((task) => replayingHelper(task, counts));
    const r = modularGroebner(polys, f4EngineWith(), { helpers: h.options });
    expect(text(r.basis)).toEqual(alone);
    expect(counts.traces).toBe(1);
    expect(counts.learnedOwn).toBe(0); // the trace came before any prime
    expect(r.stats.helperImages).toBeGreaterThan(0);
  });

  test('the acceptance check takes an image the helper finished ahead, and the basis is the same', () => {
    const polys = namedSystem('katsura:5').polynomials;
    const alone = modularGroebner(polys, f4EngineWith());
    expect(alone.stats.helperChecks).toBe(0);
    const counts = { traces: 0, learnedOwn: 0 };
    const h = helpersOf((task) => replayingHelper(task, counts));
    const r = modularGroebner(polys, f4EngineWith(), { helpers: h.options });
    expect(text(r.basis)).toEqual(text(alone.basis));
    expect(r.stats.helperChecks).toBe(1); // one prime of the default stream is check enough
  });

  test('images of another trace than the current one are skipped, and the basis is the same', () => {
    // Ids are only meaningful in the table of the trace they replayed: an image tagged with
    // another trace number (as after a relearn) must not be read in the current one.
    const polys = namedSystem('katsura:5').polynomials;
    const alone = text(modularGroebner(polys, f4EngineWith()).basis);
    const counts = { traces: 0, learnedOwn: 0 };
    const h = helpersOf((task) => replayingHelper(task, counts, (image) => ({ ...image, trace: (image.trace ?? 0) + 1 })));
    const r = modularGroebner(polys, f4EngineWith(), { helpers: h.options });
    expect(text(r.basis)).toEqual(alone);
    expect(r.stats.helperImages).toBe(0);
  });

  test('an image naming monomials by id is aligned like the replay it came from, and not when an id is off', () => {
    const polys = namedSystem('katsura:5').polynomials;
    const R = polys[0].ring;
    const at = (p: number) => polys.map((f) => changeRing(f, new PolynomialRing(Zp(p), R.vars, R.order)));
    const { basis, trace } = f4Learn(at(67108859));
    const acc = startAccumulator(basis);
    const rows = f4ApplyRows(trace, at(67108837))!;
    const image = rowsImage(67108837, rows, 1);
    const aligned = alignedImage(acc, image, R.nvars, trace.table)!;
    expect(aligned.map((a) => Array.from(a))).toEqual(alignedRows(acc, rows)!.map((a) => Array.from(a)));
    expect(alignedImage(acc, image, R.nvars)).toBeUndefined(); // ids without their table
    for (const t of [0, Math.floor(image.ids!.length / 2), image.ids!.length - 1]) {
      const ids = image.ids!.slice();
      ids[t] = ids[t] === 0 ? 1 : ids[t] - 1;
      expect(alignedImage(acc, { ...image, ids }, R.nvars, trace.table)).toBeUndefined();
    }
    const outside = image.ids!.slice();
    outside[0] = trace.table.size;
    expect(alignedImage(acc, { ...image, ids: outside }, R.nvars, trace.table)).toBeUndefined();
  });

  test('an unlucky learning prime: the helper replaying its trace is kept, and serves the new trace', () => {
    // Learning at P is unlucky (its basis has leading monomial w where Q's has z): the helper's
    // replays of that trace fail like the driver's own, which are what make the driver learn again
    // at another prime; the helper is not blamed for them, gets the new trace (number 2), and its
    // images of it are combined.
    const P = 33554393;
    const R = new PolynomialRing<Rational>(QQ, ['x', 'y', 'z', 'w']);
    const [x, y, z, w] = R.gens();
    const polys = [x.add(y).add(z), x.add(y).add(z.scale(rational(1n + BigInt(P)))).add(w)];
    const alone = text(modularGroebner(polys, f4EngineWith()).basis);
    const counts = { traces: 0, learnedOwn: 0 };
    const numbers: number[] = [];
    const h = helpersOf((task) => replayingHelper(task, counts, (image) => (numbers.push(image.trace ?? 0), image)));
    const primes = (function* () {
      yield P;
      for (const p of primesBelow(2 ** 26)) if (p !== P) yield p;
    })();
    const r = modularGroebner(polys, f4EngineWith(), { helpers: h.options, primes });
    expect(text(r.basis)).toEqual(alone);
    expect(r.stats.relearned).toBe(1);
    expect(counts.traces).toBe(2);
    expect(numbers).toContain(2);
    expect(r.stats.helperImages).toBeGreaterThan(0);
  });

  test('images whose ids name other monomials are not combined, and the basis is the same', () => {
    const polys = namedSystem('katsura:5').polynomials;
    const alone = text(modularGroebner(polys, f4EngineWith()).basis);
    const counts = { traces: 0, learnedOwn: 0 };
    const shifted = (image: BasisImage): BasisImage => ({ ...image, ids: image.ids?.map((id) => id + 1) });
    const h = helpersOf((task) => replayingHelper(task, counts, shifted));
    const r = modularGroebner(polys, f4EngineWith(), { helpers: h.options, deadline: new Deadline(30, 'the shifted ids test') });
    expect(text(r.basis)).toEqual(alone);
    expect(r.stats.helperImages).toBe(0);
  });

  test('a small system never starts a helper unless asked to (eager)', () => {
    const polys = namedSystem('katsura:5').polynomials;
    const h = helpersOf((task) => inThread(task), false);
    const r = modularGroebner(polys, f4EngineWith(), { helpers: h.options });
    expect(text(r.basis)).toEqual(text(modularGroebner(polys, f4EngineWith()).basis));
    expect(h.jobs.length).toBe(0);
  });

  test('a helper serving wrong coefficients is caught by the check of its first image, and dropped', () => {
    // A helper that doubles the last coefficient of each element serves residues of another basis
    // with the right leading monomials: kept, it would spoil every reconstruction.
    const polys = namedSystem('katsura:5').polynomials;
    const alone = text(modularGroebner(polys, f4EngineWith()).basis);
    let closed = 0;
    const h = helpersOf((task) => {
      const job = inThread(task, (basis, p) => basis.map((g) => new Polynomial(g.ring, g.monomials, g.coefficients.map((c, k) => (k === g.length - 1 && g.length > 1 ? (c * 2) % p : c)))));
      return { submit: job.submit, take: job.take, get pending() { return job.pending; }, close: () => void closed++ };
    });
    const r = modularGroebner(polys, f4EngineWith(), { helpers: h.options, deadline: new Deadline(30, 'the corrupted helper test') });
    expect(text(r.basis)).toEqual(alone);
    expect(closed).toBe(1);
  });

  test('compiled: a helper thread serves katsura-6 images and the basis is the same', () => {
    const dist = path.join(__dirname, '../../dist/src');
    if (!fs.existsSync(path.join(dist, 'groebner/basis-thread-main.js'))) throw new Error('build first: npm run build (dist/ is missing)');
    const d = {
      modular: require(path.join(dist, 'groebner/modular.js')) as typeof import('../../src/groebner/modular'),
      engines: require(path.join(dist, 'groebner/engines.js')) as typeof import('../../src/groebner/engines'),
      threads: require(path.join(dist, 'groebner/basis-threads.js')) as typeof import('../../src/groebner/basis-threads'),
      systems: require(path.join(dist, 'systems.js')) as typeof import('../../src/systems'),
      data: require(path.join(dist, 'poly/data.js')) as typeof import('../../src/poly/data'),
    };
    const polys = d.systems.namedSystem('katsura:6').polynomials;
    const alone = text(d.modular.modularGroebner(polys, d.engines.f4EngineWith()).basis);
    const workers = d.threads.basisThreads(1);
    let served = 0;
    const r = d.modular.modularGroebner(polys, d.engines.f4EngineWith(), {
      helpers: {
        eager: true, // katsura-6 is too small for a helper to pay: start one anyway
        start: (generators) => {
          const R = generators[0].ring;
          const job = workers.start({ vars: [...R.vars], order: R.order, generators: generators.map(d.data.polynomialToData), linalg: 'auto' }) as BasisJob;
          return {
            submit: (p: number) => job.submit(p),
            replayTrace: (trace: F4TraceData) => job.replayTrace?.(trace),
            get pending() {
              return job.pending;
            },
            // Wait for the helper's first image (its start takes a while), so that it surely serves one.
            take: (waitMs: number) => {
              const image = job.take(served === 0 && job.pending > 0 ? Math.max(waitMs, 10_000) : waitMs);
              if (image?.lengths) served++;
              return image;
            },
            close: () => job.close(),
          };
        },
      },
    });
    expect(text(r.basis)).toEqual(alone);
    expect(served).toBeGreaterThan(0);
    expect(r.stats.helperImages).toBeGreaterThan(0);
  }, 60_000);

  test('compiled: one pooled thread serves job after job, each its own images; warm once it has served one', () => {
    const dist = path.join(__dirname, '../../dist/src');
    if (!fs.existsSync(path.join(dist, 'groebner/basis-thread-main.js'))) throw new Error('build first: npm run build (dist/ is missing)');
    const threads = require(path.join(dist, 'groebner/basis-threads.js')) as typeof import('../../src/groebner/basis-threads');
    const dataOf = require(path.join(dist, 'poly/data.js')) as typeof import('../../src/poly/data');
    const workers = threads.basisThreads(1);
    expect(workers.warm).toBe(false);
    const stream = primesBelow(2 ** 26);
    const primes = Array.from({ length: 6 }, () => stream.next().value as number);
    // Each job gets primes of its own, takes one image, and ends with the other still queued or
    // being computed (katsura-7's replay takes a while): its answer must not reach the next job.
    for (const [k, name] of ['katsura:7', 'cyclic:5', 'katsura:4'].entries()) {
      const polys = namedSystem(name).polynomials;
      const R = polys[0].ring;
      const job = workers.start({ vars: [...R.vars], order: R.order, generators: polys.map(dataOf.polynomialToData), linalg: 'auto' }, new Deadline(60, 'the pool test')) as BasisJob;
      expect(workers.warm).toBe(false); // busy
      const [p, q] = primes.slice(2 * k, 2 * k + 2);
      job.submit(p);
      job.submit(q);
      const image = job.take(30_000);
      job.close();
      expect(workers.warm).toBe(true);
      expect(image).toBeDefined();
      const S = taskRingModP({ vars: [...R.vars], order: R.order }, image!.p);
      const own = f4Learn(polys.map((f) => changeRing(f, S))).basis;
      expect([p, q]).toContain(image!.p);
      expect(isImageOf(image!, own, R.nvars)).toBe(true);
    }
    // Closed, the pool is cold; a later job starts a new thread, which serves it.
    workers.close?.();
    expect(workers.warm).toBe(false);
    const polys = namedSystem('katsura:3').polynomials;
    const R = polys[0].ring;
    const job = workers.start({ vars: [...R.vars], order: R.order, generators: polys.map(dataOf.polynomialToData), linalg: 'auto' }, new Deadline(60, 'the pool test')) as BasisJob;
    job.submit(primes[0]);
    expect(job.take(30_000)?.lengths).toBeDefined();
    job.close();
    expect(workers.warm).toBe(true);
    workers.close?.();
  }, 60_000);
});
