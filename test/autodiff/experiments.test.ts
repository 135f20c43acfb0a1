// The seed experiments: their numbers against the seeds' printed values and closed forms.
import { descend, runGradientDescent, seedFunction, seedF, symmetricDifference } from '../../src/autodiff/experiments/gradientDescent';
import { SEED_NOTEBOOK_WEIGHTS, STATED_WEIGHTS, analysePoint, networkLoss, runLocalMinimum } from '../../src/autodiff/experiments/localMinimum';
import { runOverparameterization, ackley, sixHumpCamel, qubic } from '../../src/autodiff/experiments/overparameterization';
import { VOCAB, detokenize, randomEquation, tokenType } from '../../src/autodiff/experiments/equations';
import { runWeightsDataset, toJsonl } from '../../src/autodiff/experiments/weightsDataset';
import { derivative, valueAndGrad } from '../../src/autodiff/grad';
import { Rng } from '../../src/autodiff/random';
import { constant } from '../../src/autodiff/tape';
import { tensor } from '../../src/autodiff/tensor';
import { EXPERIMENTS, experimentByName } from '../../src/autodiff/experiments';

describe('gradient-descent (seed 004)', () => {
  test("reproduces the seed's printed step from x = 3 and its 15 recorded points from x = 2", () => {
    const x1 = 3 - 0.2 * symmetricDifference(seedF, 3);
    expect(x1).toBeCloseTo(0.415843, 6);
    expect(seedF(x1)).toBeCloseTo(-2.555534, 6);
    expect(symmetricDifference(seedF, x1)).toBeCloseTo(4.148432, 6);
    expect(descend(2, 0.2, 1, 1000, 'finite-difference').steps).toBe(15);
  });
  test('exact derivative = closed form 2x + 3 cos x + 8x sin x²', () => {
    for (const x of [-4, -1.3, 0, 0.7, 2.5]) expect(derivative(seedFunction, x)).toBeCloseTo(2 * x + 3 * Math.cos(x) + 8 * x * Math.sin(x * x), 12);
  });
  test('regression by gradient descent agrees with the normal equations', () => {
    const r = runGradientDescent({ starts: [2] });
    expect(r.regression.maxDifference).toBeLessThan(1e-9);
    expect(r.runs[0].start).toBe(2);
    expect(Math.abs(r.runsGentle[0].slope)).toBeLessThan(1e-6);
  });
  test('the gentle schedule stops at stationary points, and from x = 0.5 at the global minimum x ≈ −0.5637', () => {
    const r = runGradientDescent();
    for (const run of r.runsGentle) expect([run.start, Math.abs(run.slope) < 1e-6]).toEqual([run.start, true]);
    const fromHalf = r.runsGentle.find((run) => run.start === 0.5)!;
    expect(fromHalf.x).toBeCloseTo(-0.5637, 4);
    // Global: f ≥ x² − 7 > f(−0.5637) + 1 for |x| > 1.8, and a fine grid on [−1.8, 1.8] finds nothing lower.
    let lowest = Infinity;
    for (let x = -1.8; x <= 1.8; x += 1e-5) lowest = Math.min(lowest, seedF(x));
    expect(fromHalf.f).toBeLessThanOrEqual(lowest + 1e-9);
    expect(fromHalf.f).toBeCloseTo(-5.08495, 5);
  });
});

describe('local-minimum (seed 003)', () => {
  test("loss at the notebook's weights is the seed's 0.57773825 and its block eigenvalues match", () => {
    const a = analysePoint(SEED_NOTEBOOK_WEIGHTS);
    expect(a.loss).toBeCloseTo(0.5777382528970282, 6);
    const close = (xs: number[], ys: number[]) => xs.forEach((v, i) => expect(Math.abs(v - ys[i])).toBeLessThan(6e-4));
    close(a.blockEigenvalues.W, [0.0194, 0.0751, 0.4179, 0.5636]);
    close(a.blockEigenvalues.b, [0.009, 0.0991]);
    close(a.blockEigenvalues.v, [0.0059, 0.1466]);
    close(a.blockEigenvalues.c, [0.1976]);
  });
  test('gradient equals the seed notebook backprop formulas', () => {
    const th = STATED_WEIGHTS;
    const sig = (z: number) => 1 / (1 + Math.exp(-z));
    const X = [[2.8, 0.4], [3.1, 4.3], [0.1, -3.4], [-4.2, -3.3], [-0.5, 0.2], [-2.7, -0.4], [-3, -4.3], [-0.1, 3.4], [4.2, 3.2], [0.4, -0.1]];
    const Y = [1, 1, 1, 1, 1, 0, 0, 0, 0, 0];
    const g = new Array(9).fill(0);
    X.forEach((x, n) => {
      const a = [0, 1].map((i) => sig(th[2 * i] * x[0] + th[2 * i + 1] * x[1] + th[4 + i]));
      const yhat = sig(th[6] * a[0] + th[7] * a[1] + th[8]);
      const dz2 = (yhat - Y[n]) / 10;
      g[8] += dz2;
      [0, 1].forEach((i) => {
        g[6 + i] += dz2 * a[i];
        const dz1 = dz2 * th[6 + i] * a[i] * (1 - a[i]);
        g[2 * i] += dz1 * x[0];
        g[2 * i + 1] += dz1 * x[1];
        g[4 + i] += dz1;
      });
    });
    const ours = valueAndGrad(networkLoss, [tensor(th)]).grads[0].toArray();
    ours.forEach((v, i) => expect(v).toBeCloseTo(g[i], 14));
  });
  test('the refined point is a strict local minimum; a lower loss exists elsewhere', () => {
    const r = runLocalMinimum({ restarts: 1, maxIterations: 30 });
    expect(r.isStrictLocalMinimum).toBe(true);
    expect(r.hessianEigenvalues).toHaveLength(9);
    expect(r.refined.hessianEigenvalues[0]).toBeGreaterThan(1e-5);
    expect(r.refined.gradientNorm).toBeLessThan(1e-8);
    expect(r.bestLossFound).toBeLessThanOrEqual(r.restartLosses[0]);
    // a point found by random restarts (rounded): far from the local minimum, and clearly lower
    const better = [1.804, 0.511, 79.123, -23.406, -4.774, -89.228, -104.349, 101.676, -0.46];
    expect(valueAndGrad(networkLoss, [tensor(better)]).value).toBeLessThan(r.refined.loss - 0.2);
  });
});

describe('overparameterization (seed 002)', () => {
  test('test functions at known minima', () => {
    const at = (f: typeof ackley, xs: number[]) => f(constant(tensor(xs))).item();
    expect(at(ackley, [0])).toBeCloseTo(0, 12);
    expect(at(sixHumpCamel, [0.0898, -0.7126])).toBeCloseTo(-1.0316, 4);
    expect(at(qubic, [0.96])).toBeCloseTo(0.96 ** 4 - 2 * 0.96 ** 2 + 0.288, 12);
  });
  test("direct runs reproduce the seed's outcomes", () => {
    const r = runOverparameterization({ functions: ['ackley', 'qubic'], modes: ['direct'] });
    expect(r.runs[0].x[0]).toBeCloseTo(9.99495, 4);
    expect(r.runs[0].loss).toBeCloseTo(17.29193, 4);
    expect(r.runs[1].x[0]).toBeCloseTo(0.96015, 4);
    expect(r.runs[1].loss).toBeCloseTo(-0.70585, 4);
  });
  test('mlp9 first fits the start point, then optimizes from it', () => {
    const r = runOverparameterization({ functions: ['qubic'], modes: ['mlp9'], latent: 4, hidden: 8, steps: 20, lr: 0.005 });
    const run = r.runs[0];
    expect(Math.abs(run.trajectory[0].x[0] - 0.96)).toBeLessThan(1e-3);
    expect(run.fitSteps).toBeGreaterThan(0);
    expect(run.loss).toBeLessThanOrEqual(run.trajectory[0].loss + 1e-9);
  });
});

describe('weights-dataset (seed 001)', () => {
  test('equations tokenize with the 19-token vocabulary and evaluate as written', () => {
    expect(VOCAB).toHaveLength(19);
    const rng = new Rng(5);
    for (let i = 0; i < 50; i++) {
      const e = randomEquation(rng);
      expect(detokenize(e.tokens)).toBe(e.text);
      const js = e.text.replace(/x/g, '(0.5)');
      // eslint-disable-next-line no-new-func
      const direct = Function(`return ${js}`)() as number;
      const [a, b, c] = e.coefficients;
      expect(direct).toBeCloseTo(a * 0.25 + b * 0.5 + c, 12);
      e.coefficients.forEach((v) => expect(Math.abs(v)).toBeLessThanOrEqual(5));
    }
    expect(['+', '3', '*'].map((t) => tokenType(VOCAB.indexOf(t as (typeof VOCAB)[number])))).toEqual(['sign', 'digit', 'structure']);
  });
  test('a tiny run: 128 weights per record, JSONL lines, consistent accuracy counts', () => {
    const r = runWeightsDataset({ count: 12, samples: 16, steps: 5, seqSteps: 5, seqHidden: 8 });
    expect(r.records).toHaveLength(12);
    r.records.forEach((rec) => expect(rec.weights).toHaveLength(128));
    expect(toJsonl(r.records).trim().split('\n').map((l) => JSON.parse(l).equation)).toEqual(r.records.map((x) => x.equation));
    const s = r.phase2.tokenAccuracy;
    expect(s.sign.total + s.digit.total + s.structure.total).toBe(s.all.total);
    expect(s.all.correct).toBeLessThanOrEqual(s.all.total);
    expect(s.all.total).toBeGreaterThan(0);
    expect(r.phase2.testEquations + r.phase2.trainEquations).toBe(12);
  });
});

describe('registry', () => {
  test('names and unknown names', () => {
    expect(Object.keys(EXPERIMENTS).sort()).toEqual(['gradient-descent', 'local-minimum', 'overparameterization', 'weights-dataset']);
    expect(() => experimentByName('xor')).toThrow(/unknown experiment 'xor'/);
  });
});
