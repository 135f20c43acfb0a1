// Exact Hessians: symmetric, equal to finite differences of the gradient, and H·v = HVP.
import fc from 'fast-check';
import * as O from '../../src/autodiff/ops';
import { Var, constant } from '../../src/autodiff/tape';
import { Tensor, matrix, tensor } from '../../src/autodiff/tensor';
import { valueAndGrad } from '../../src/autodiff/grad';
import { hessian, hessianVectorProduct, valueGradHessian } from '../../src/autodiff/hessian';
import { relErr, tensorArb } from './helpers';

const A = matrix([
  [0.7, -0.3, 0.2],
  [0.1, 0.5, -0.8],
]);

/** Test functions of x ∈ R³ that exercise most second-derivative rules. */
const fns: [string, (x: Var) => Var][] = [
  ['tanh of a linear map', (x) => O.sum(O.tanh(O.matmul(constant(A), O.reshape(x, [3, 1]))))],
  ['sin·x² + exp', (x) => O.add(O.sum(O.mul(O.sin(x), O.square(x))), O.sum(O.exp(O.mul(x, 0.5))))],
  ['sigmoid network', (x) => O.sum(O.sigmoid(O.mul(O.sigmoid(x), O.index(x, 0))))],
  ['log-sum-exp', (x) => O.reshape(O.logSumExp(O.reshape(x, [1, 3]), 1), [])],
  ['division and sqrt', (x) => O.sum(O.div(O.sqrt(O.add(O.square(x), 1)), O.add(O.cos(x), 2)))],
];

function fdHessian(f: (x: Var) => Var, x: Tensor, h = 1e-5): Float64Array {
  const n = x.size;
  const H = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    const p = x.clone();
    const m = x.clone();
    p.data[j] += h;
    m.data[j] -= h;
    const gp = valueAndGrad(f, [p]).grads[0].data;
    const gm = valueAndGrad(f, [m]).grads[0].data;
    for (let i = 0; i < n; i++) H[i * n + j] = (gp[i] - gm[i]) / (2 * h);
  }
  return H;
}

describe.each(fns)('Hessian of %s', (_name, f) => {
  test('symmetric and equal to finite differences of the gradient', () => {
    fc.assert(
      fc.property(tensorArb([3], -1.5, 1.5), (x) => {
        const { hessian: H, gradient } = valueGradHessian(f, x);
        expect(relErr(gradient.data, valueAndGrad(f, [x]).grads[0].data)).toBeLessThan(1e-12);
        for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) expect(Math.abs(H.get(i, j) - H.get(j, i))).toBeLessThan(1e-10);
        expect(relErr(H.data, fdHessian(f, x))).toBeLessThan(1e-6);
      }),
      { numRuns: 25 },
    );
  });
  test('Hessian-vector product equals H·v', () => {
    fc.assert(
      fc.property(tensorArb([3], -1.5, 1.5), tensorArb([3]), (x, v) => {
        const H = hessian(f, x);
        const hv = hessianVectorProduct(f, x, v);
        const expected = [0, 1, 2].map((i) => [0, 1, 2].reduce((s, j) => s + H.get(i, j) * v.data[j], 0));
        expect(relErr(hv.data, expected)).toBeLessThan(1e-10);
      }),
      { numRuns: 25 },
    );
  });
});

describe('closed forms', () => {
  test('Hessian of Σ x³ is diag(6x)', () => {
    const H = hessian((x) => O.sum(O.pow(x, 3)), tensor([1, 2, -1]));
    expect(H.toArray().map((v) => v + 0)).toEqual([6, 0, 0, 0, 12, 0, 0, 0, -6]);
  });
  test('Hessian of a quadratic form xᵀMx is M + Mᵀ', () => {
    const M = matrix([
      [1, 2],
      [0, 3],
    ]);
    const H = hessian((x) => O.sum(O.mul(O.reshape(x, [1, 2]), O.transpose(O.matmul(constant(M), O.reshape(x, [2, 1]))))), tensor([0.3, -0.4]));
    expect(H.toArray()).toEqual([2, 2, 2, 6]);
  });
  test('a linear function has a zero Hessian', () => {
    expect(hessian((x) => O.sum(O.mul(x, 3)), tensor([1, 2])).toArray()).toEqual([0, 0, 0, 0]);
  });
  test('relu has second derivative 0 away from the kink', () => {
    expect(hessian((x) => O.sum(O.relu(x)), tensor([1, -1])).toArray()).toEqual([0, 0, 0, 0]);
  });
});
