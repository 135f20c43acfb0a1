// Helper threads for the parametrization modulo primes: the answer is the same with and without
// them (on the compiled code, whose helper script exists), and a helper that never answers costs
// nothing but the primes handed to it (the solver computes every image itself).
import * as fs from 'fs';
import * as path from 'path';
import { lossGradient, networkLoss } from '../../src/networks/loss';
import { preset } from '../../src/networks/presets';
import { ImageJob, ImageTask, ImageWorkers } from '../../src/solve/image-workers';
import { SolveResult, solve } from '../../src/solve/solve';

/** The exact data of a result, without timings. */
function exactData(r: SolveResult): unknown {
  return r.components.map((c) => (c.kind === 'points' ? { degree: c.degree, exact: c.exact, realPoints: c.realPoints } : c));
}

/** The compiled modules (the helper script exists only there). */
function compiled() {
  const dist = path.join(__dirname, '../../dist/src');
  if (!fs.existsSync(path.join(dist, 'solve/image-thread-main.js'))) throw new Error('build first: npm run build (dist/ is missing)');
  return {
    solve: require(path.join(dist, 'solve/solve.js')) as typeof import('../../src/solve/solve'),
    loss: require(path.join(dist, 'networks/loss.js')) as typeof import('../../src/networks/loss'),
    presets: require(path.join(dist, 'networks/presets.js')) as typeof import('../../src/networks/presets'),
    threads: require(path.join(dist, 'solve/image-threads.js')) as typeof import('../../src/solve/image-threads'),
  };
}

/** A job that hands every question to `job`, except those `over` answers (to count or to wait). */
function passThrough(job: ImageJob, over: Partial<ImageJob>): ImageJob {
  return {
    submit: (p) => job.submit(p),
    get pending() {
      return job.pending;
    },
    take: (waitMs) => job.take(waitMs),
    numerators: (p, factors) => job.numerators(p, factors),
    requestNumerators: (p, factors) => job.requestNumerators(p, factors),
    requestRealRoots: (id, q, bits) => job.requestRealRoots?.(id, q, bits),
    realRoots: (id, refine) => job.realRoots?.(id, refine),
    requestProductNumerators: (id, p, factors, products) => job.requestProductNumerators?.(id, p, factors, products),
    takeProductNumerators: (waitMs) => job.takeProductNumerators?.(waitMs),
    close: () => job.close(),
    ...over,
  };
}

/** A helper that takes primes and never answers, counting the primes and the questions about numerators. */
function silentJob() {
  const counts = { submitted: 0, asked: 0 };
  const job: ImageJob = {
    submit: () => void counts.submitted++,
    get pending() {
      return counts.submitted;
    },
    take: () => undefined,
    numerators: () => {
      counts.asked++;
      return undefined;
    },
    requestNumerators: () => undefined,
    requestProductNumerators: () => void counts.asked++,
    takeProductNumerators: () => undefined,
    close: () => undefined,
  };
  return Object.assign(counts, { job });
}

describe('helper threads for the images modulo primes', () => {
  test('compiled: deep-linear:1,2,2,1 (129 solutions) gives the same components with one helper thread as without', () => {
    const d = compiled();
    const grad = d.loss.lossGradient(d.loss.networkLoss(d.presets.preset('deep-linear:1,2,2,1')));
    let started = 0;
    let served = 0;
    const helpers = d.threads.imageThreads(1, 100); // 129 solutions: below the default threshold
    const counting: ImageWorkers = {
      start: (task: ImageTask) => {
        started++;
        // The solver's own F4 run goes with the task: the helper replays it instead of learning.
        expect(task.kind === 'parametrization' && task.trace !== undefined).toBe(true);
        const job = helpers.start(task) as ImageJob;
        return passThrough(job, {
          // The first take waits for the helper's first image (its thread starts cold while the
          // solver, warm, may finish its primes alone on a loaded machine: CI saw none served once).
          take: (waitMs) => {
            const image = job.take(served === 0 && job.pending > 0 ? Math.max(waitMs, 10_000) : waitMs);
            if (image?.chi) served++;
            return image;
          },
          // The solver refines a share of the roots itself (from the last), the helper the rest.
          realRoots: (id, refine) => {
            const intervals = job.realRoots?.(id, refine);
            if (intervals) isolated++;
            return intervals;
          },
        });
      },
    };
    let isolated = 0;
    const messages: string[] = [];
    const threaded = d.solve.solve(grad, { imageWorkers: counting, orbits: false, onProgress: (i) => messages.push(i.message) });
    const serial = d.solve.solve(grad, { orbits: false });
    expect(started).toBe(1);
    expect(served).toBeGreaterThan(0); // the helper's images were used (how many beyond the first depends on the load)
    expect(messages.filter((m) => /over Q/.test(m))).toEqual([]); // and the lift from primes settled: no fallback
    expect(threaded.complete).toBe(true);
    expect(exactData(threaded)).toEqual(exactData(serial));
    expect(threaded.components.reduce((s, c) => s + c.degree, 0)).toBe(129);
    // The real roots of its component of degree 64 were isolated by the helper: the same points.
    expect(isolated).toBe(1);
    expect(threaded.components).toEqual(serial.components);
  });

  test('compiled: a job whose images come without their sequences is asked for the numerators, same answer', () => {
    // The project's helper sends its Krylov sequences and the solver takes the numerators from
    // them; a job that does not (another ImageWorkers) is asked for them at its primes instead.
    const d = compiled();
    const grad = d.loss.lossGradient(d.loss.networkLoss(d.presets.preset('deep-linear:1,2,2,1')));
    const helpers = d.threads.imageThreads(1, 100);
    let asked = 0;
    let served = 0;
    const withoutSequences: ImageWorkers = {
      start: (task: ImageTask) => {
        const job = helpers.start(task) as ImageJob;
        return passThrough(job, {
          take: (waitMs) => {
            // Wait for the helper's first image (its start takes a while; under the full suite's
            // load the solver once finished before it): the test is about what follows one.
            const image = job.take(served === 0 && job.pending > 0 ? Math.max(waitMs, 20_000) : waitMs);
            if (image?.chi) served++;
            return image && { p: image.p, ...(image.chi ? { chi: image.chi } : {}) };
          },
          numerators: (p, factors) => {
            asked++;
            return job.numerators(p, factors);
          },
        });
      },
    };
    const threaded = d.solve.solve(grad, { imageWorkers: withoutSequences, orbits: false });
    const serial = d.solve.solve(grad, { orbits: false });
    expect(threaded.complete).toBe(true);
    expect(exactData(threaded)).toEqual(exactData(serial));
    expect(served).toBeGreaterThan(0);
    expect(asked).toBeGreaterThan(0);
  });

  test('a helper that never answers: the solver computes every image itself, same answer', () => {
    const grad = lossGradient(networkLoss(preset('deep-linear:1,2,2,1')));
    const silent = silentJob();
    const withSilent = solve(grad, { imageWorkers: { start: () => silent.job }, orbits: false });
    expect(silent.submitted).toBe(23); // the queue is filled once (3 primes, 20 more while χ is factored), then never drains
    expect(silent.asked).toBe(0);
    expect(exactData(withSilent)).toEqual(exactData(solve(grad, { orbits: false })));
  });

  test('compiled, orbit by orbit: deep-linear:1,2,2,1 gives the same families with one helper thread as without; the helper serves χ₀ images and numerators', () => {
    const d = compiled();
    const grad = d.loss.lossGradient(d.loss.networkLoss(d.presets.preset('deep-linear:1,2,2,1')));
    const helpers = d.threads.imageThreads(1, 100);
    let kind: string | undefined;
    let served = 0;
    let asked = 0;
    let answered = 0;
    const counting: ImageWorkers = {
      start: (task: ImageTask) => {
        kind = task.kind;
        const job = helpers.start(task) as ImageJob;
        return passThrough(job, {
          // The solver never waits for the helper; these wait (up to 5 s) for its first image and
          // for every numerator asked, so that the answer surely mixes the helper's primes in.
          take: (waitMs) => {
            const image = job.take(served === 0 ? 5000 : waitMs);
            if (image?.chi) served++;
            return image;
          },
          requestProductNumerators: (id, p, factors, products) => {
            asked++;
            job.requestProductNumerators?.(id, p, factors, products);
          },
          takeProductNumerators: (waitMs) => {
            const a = job.takeProductNumerators?.(asked > answered ? 5000 : waitMs);
            if (a?.numerators) answered++;
            return a;
          },
        });
      },
    };
    const threaded = d.solve.solve(grad, { imageWorkers: counting, orbits: true });
    const serial = d.solve.solve(grad, { orbits: true });
    expect(kind).toBe('orbits');
    expect(served).toBeGreaterThan(0);
    expect(threaded.complete).toBe(true);
    expect(threaded.components.every((c) => c.kind === 'orbits')).toBe(true);
    expect(threaded.components).toEqual(serial.components);
    expect(threaded.components.reduce((s, c) => s + c.degree, 0)).toBe(129);
    expect(answered).toBeGreaterThan(0);
  });

  test('orbit by orbit, a helper that never answers: every image is computed here, same families', () => {
    const grad = lossGradient(networkLoss(preset('deep-linear:1,2,2,1')));
    const silent = silentJob();
    const withSilent = solve(grad, { imageWorkers: { start: () => silent.job }, orbits: true });
    expect(silent.submitted).toBe(10); // the queue is filled once (2 primes, 8 more while χ₀ is factored), then never drains
    expect(silent.asked).toBe(0); // no image came from the helper, so no numerators were asked of it
    expect(withSilent.components).toEqual(solve(grad, { orbits: true }).components);
  });
});
