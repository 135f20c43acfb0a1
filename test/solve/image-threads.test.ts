// Helper threads for the parametrization modulo primes: the answer is the same with and without
// them (on the compiled code, whose helper script exists), and a helper that never answers costs
// nothing but the primes handed to it (the solver computes every image itself).
import * as fs from 'fs';
import * as path from 'path';
import { lossGradient, networkLoss } from '../../src/networks/loss';
import { preset } from '../../src/networks/presets';
import { ImageJob, ImageWorkers, ParametrizationTask } from '../../src/solve/image-workers';
import { SolveResult, solve } from '../../src/solve/solve';

/** The exact data of a result, without timings. */
function exactData(r: SolveResult): unknown {
  return r.components.map((c) => (c.kind === 'points' ? { degree: c.degree, exact: c.exact, realPoints: c.realPoints } : c));
}

describe('helper threads for the images modulo primes', () => {
  test('compiled: deep-linear:1,2,2,1 (129 solutions) gives the same components with one helper thread as without', () => {
    const dist = path.join(__dirname, '../../dist/src');
    if (!fs.existsSync(path.join(dist, 'solve/image-thread-main.js'))) throw new Error('build first: npm run build (dist/ is missing)');
    const d = {
      solve: require(path.join(dist, 'solve/solve.js')) as typeof import('../../src/solve/solve'),
      loss: require(path.join(dist, 'networks/loss.js')) as typeof import('../../src/networks/loss'),
      presets: require(path.join(dist, 'networks/presets.js')) as typeof import('../../src/networks/presets'),
      threads: require(path.join(dist, 'solve/image-threads.js')) as typeof import('../../src/solve/image-threads'),
    };
    const grad = d.loss.lossGradient(d.loss.networkLoss(d.presets.preset('deep-linear:1,2,2,1')));
    let started = 0;
    let served = 0;
    const helpers = d.threads.imageThreads(1, 100); // 129 solutions: below the default threshold
    const counting: ImageWorkers = {
      start: (task: ParametrizationTask) => {
        started++;
        const job = helpers.start(task) as ImageJob;
        return {
          submit: (p) => job.submit(p),
          get pending() {
            return job.pending;
          },
          take: (waitMs) => {
            const image = job.take(waitMs);
            if (image?.chi) served++;
            return image;
          },
          numerators: (p, factors) => job.numerators(p, factors),
          requestNumerators: (p, factors) => job.requestNumerators(p, factors),
          requestRealRoots: (id, q, bits) => job.requestRealRoots?.(id, q, bits),
          realRoots: (id) => {
            const intervals = job.realRoots?.(id);
            if (intervals) isolated++;
            return intervals;
          },
          close: () => job.close(),
        };
      },
    };
    let isolated = 0;
    const messages: string[] = [];
    const threaded = d.solve.solve(grad, { imageWorkers: counting, orbits: false, onProgress: (i) => messages.push(i.message) });
    const serial = d.solve.solve(grad, { orbits: false });
    expect(started).toBe(1);
    expect(served).toBeGreaterThan(0); // the helper's images were used (how many depends on the load)
    expect(messages.filter((m) => /over Q/.test(m))).toEqual([]); // and the lift from primes settled: no fallback
    expect(threaded.complete).toBe(true);
    expect(exactData(threaded)).toEqual(exactData(serial));
    expect(threaded.components.reduce((s, c) => s + c.degree, 0)).toBe(129);
    // The real roots of its component of degree 64 were isolated by the helper: the same points.
    expect(isolated).toBe(1);
    expect(threaded.components).toEqual(serial.components);
  });

  test('a helper that never answers: the solver computes every image itself, same answer', () => {
    const grad = lossGradient(networkLoss(preset('deep-linear:1,2,2,1')));
    let submitted = 0;
    let asked = 0;
    const silent: ImageJob = {
      submit: () => void submitted++,
      get pending() {
        return submitted;
      },
      take: () => undefined,
      numerators: () => {
        asked++;
        return undefined;
      },
      requestNumerators: () => undefined,
      close: () => undefined,
    };
    const workers: ImageWorkers = { start: () => silent };
    const withSilent = solve(grad, { imageWorkers: workers, orbits: false });
    expect(submitted).toBe(3); // the queue is filled once, then never drains
    expect(asked).toBe(0);
    expect(exactData(withSilent)).toEqual(exactData(solve(grad, { orbits: false })));
  });
});
