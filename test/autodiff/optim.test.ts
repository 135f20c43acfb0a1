// Optimizers, schedules and L-BFGS against closed forms.
import { Adam, SGD, constantRate, exponentialDecay, stepDecay, trainInPlace } from '../../src/autodiff/optim';
import { lbfgs } from '../../src/autodiff/lbfgs';
import { normalEquations, solve } from '../../src/autodiff/linalg';
import { valueAndGrad } from '../../src/autodiff/grad';
import { Rng } from '../../src/autodiff/random';
import * as O from '../../src/autodiff/ops';
import { constant } from '../../src/autodiff/tape';
import { Tensor, tensor } from '../../src/autodiff/tensor';

describe('schedules', () => {
  test('constant, exponential decay μ0·e^(−kt), step', () => {
    expect(constantRate(0.1)(50)).toBe(0.1);
    expect(exponentialDecay(0.2, 1)(0)).toBe(0.2);
    expect(exponentialDecay(0.2, 1)(2)).toBeCloseTo(0.2 * Math.exp(-2), 15);
    expect([0, 9, 10, 25].map(stepDecay(1, 0.5, 10))).toEqual([1, 1, 0.5, 0.25]);
  });
});

describe('optimizers', () => {
  const quad = (x: ReturnType<typeof constant>) => O.sum(O.mul(O.square(O.sub(x, constant(tensor([1, -2, 3])))), constant(tensor([1, 10, 0.5]))));
  test('SGD one step is x − lr·g; with momentum the second step uses v = μv + g', () => {
    const p = [tensor([0, 0, 0])];
    const opt = new SGD({ lr: 0.01, momentum: 0.9 });
    const g1 = valueAndGrad(quad, p).grads[0].toArray();
    opt.stepInPlace(p, [tensor(g1)]);
    expect(p[0].toArray()).toEqual(g1.map((g) => -0.01 * g));
    const x1 = p[0].toArray();
    const g2 = valueAndGrad(quad, p).grads[0].toArray();
    opt.stepInPlace(p, [tensor(g2)]);
    p[0].toArray().forEach((v, i) => expect(v).toBeCloseTo(x1[i] - 0.01 * (0.9 * g1[i] + g2[i]), 14));
  });
  test('Adam first step moves every coordinate by lr against the gradient sign', () => {
    const p = [tensor([0, 0, 0])];
    new Adam({ lr: 0.1 }).stepInPlace(p, [tensor([2, -5, 0.001])]);
    p[0].toArray().forEach((v, i) => expect(v).toBeCloseTo([-0.1, 0.1, -0.1][i], 4));
  });
  test.each([
    ['SGD+momentum', () => new SGD({ lr: 0.02, momentum: 0.5 })],
    ['Adam', () => new Adam({ lr: 0.05 })],
  ])('%s reaches the minimum of a quadratic', (_n, make) => {
    const p = [tensor([0, 0, 0])];
    trainInPlace(quad, p, make(), { steps: 2000 });
    p[0].toArray().forEach((v, i) => expect(v).toBeCloseTo([1, -2, 3][i], 3));
  });
});

describe('lbfgs', () => {
  test('Rosenbrock to 1e-9 gradient', () => {
    const f = (x: Float64Array) => {
      const r = valueAndGrad((v) => {
        const a = O.index(v, 0);
        const b = O.index(v, 1);
        return O.add(O.square(O.sub(1, a)), O.mul(100, O.square(O.sub(b, O.square(a)))));
      }, [new Tensor(x, [2])]);
      return { value: r.value, grad: r.grads[0].data };
    };
    const res = lbfgs(f, Float64Array.of(-1.2, 1), { maxIterations: 500 });
    expect(res.kind).toBe('converged');
    expect(res.x[0]).toBeCloseTo(1, 7);
    expect(res.x[1]).toBeCloseTo(1, 7);
  });
  test('least squares matches the solution of the normal equations', () => {
    const rng = new Rng(5);
    const X = rng.normalTensor([20, 3]);
    const y = rng.normalTensor([20, 1]);
    const f = (w: Float64Array) => {
      const r = valueAndGrad((v) => O.sum(O.square(O.sub(O.matmul(constant(X), O.reshape(v, [3, 1])), constant(y)))), [new Tensor(w, [3])]);
      return { value: r.value, grad: r.grads[0].data };
    };
    const res = lbfgs(f, new Float64Array(3), { gradTol: 1e-11 });
    expect(res.kind).toBe('converged');
    const w = normalEquations(X, y).toArray();
    Array.from(res.x).forEach((v, i) => expect(v).toBeCloseTo(w[i], 9));
  });
});

describe('solve', () => {
  test('A·solve(A, b) = b for a random well-conditioned A', () => {
    const rng = new Rng(9);
    const A = rng.normalTensor([5, 5]);
    for (let i = 0; i < 5; i++) A.data[i * 6] += 5;
    const b = rng.normalTensor([5]);
    const x = solve(A, b);
    for (let i = 0; i < 5; i++) {
      let s = 0;
      for (let j = 0; j < 5; j++) s += A.get(i, j) * x.data[j];
      expect(s).toBeCloseTo(b.data[i], 12);
    }
  });
  test('a singular matrix is reported', () => {
    expect(() => solve(new Tensor(Float64Array.of(1, 2, 2, 4), [2, 2]), tensor([1, 1]))).toThrow(/singular/);
  });
});

describe('lbfgs maxStep', () => {
  test('no trial step is longer than maxStep; without it the far minimum is reached', () => {
    const xs: number[] = [];
    const f = (x: Float64Array) => {
      xs.push(x[0]);
      return { value: (x[0] - 1000) ** 2 / 2, grad: Float64Array.of(x[0] - 1000) };
    };
    const res = lbfgs(f, Float64Array.of(0), { maxIterations: 10, maxStep: 2 });
    expect(res.kind).toBe('maxIterations');
    for (let i = 1; i < xs.length; i++) expect(Math.abs(xs[i] - xs[i - 1])).toBeLessThanOrEqual(2 + 1e-9);
    expect(res.x[0]).toBeCloseTo(19, 9); // a unit first step, then nine clamped steps of 2
    expect(lbfgs(f, Float64Array.of(0), { maxIterations: 10 }).x[0]).toBeCloseTo(1000, 6);
  });
});
