// An MLP's gradient agrees with hand-derived backpropagation; Linear/MLP shapes and seeded init.
import { MLP, Linear, parameterCount } from '../../src/autodiff/nn';
import { Rng } from '../../src/autodiff/random';
import { valueAndGrad } from '../../src/autodiff/grad';
import { mse, binaryCrossEntropy, binaryCrossEntropyWithLogits, softmaxCrossEntropy } from '../../src/autodiff/losses';
import { constant } from '../../src/autodiff/tape';
import { Tensor, matrix, tensor } from '../../src/autodiff/tensor';
import * as O from '../../src/autodiff/ops';
import { expectGradMatchesFD, relErr } from './helpers';

/** Hand backprop of a 2-3-1 tanh MLP with MSE over a batch (the oracle). */
function handBackprop(W1: number[][], b1: number[], W2: number[], b2: number, X: number[][], Y: number[]) {
  const N = X.length;
  const gW1 = W1.map((r) => r.map(() => 0));
  const gb1 = b1.map(() => 0);
  const gW2 = W2.map(() => 0);
  let gb2 = 0;
  let loss = 0;
  for (let n = 0; n < N; n++) {
    const z = b1.map((b, j) => b + X[n][0] * W1[0][j] + X[n][1] * W1[1][j]);
    const h = z.map(Math.tanh);
    const out = b2 + h.reduce((s, hj, j) => s + hj * W2[j], 0);
    const e = out - Y[n];
    loss += (e * e) / N;
    const dout = (2 * e) / N;
    gb2 += dout;
    h.forEach((hj, j) => {
      gW2[j] += dout * hj;
      const dz = dout * W2[j] * (1 - hj * hj);
      gb1[j] += dz;
      gW1[0][j] += dz * X[n][0];
      gW1[1][j] += dz * X[n][1];
    });
  }
  return { loss, grads: [gW1.flat(), gb1, gW2, [gb2]] };
}

describe('MLP', () => {
  test('gradient equals hand-derived backprop on a 2-3-1 tanh network', () => {
    const net = new MLP([2, 3, 1], { activation: 'tanh' });
    const params = net.init(new Rng(3));
    const X = [
      [0.5, -1],
      [1.5, 0.2],
      [-0.3, 0.8],
    ];
    const Y = [1, -0.5, 0.25];
    const xs = constant(matrix(X));
    const ys = constant(new Tensor(Float64Array.from(Y), [3, 1]));
    const { value, grads } = valueAndGrad((...ps) => mse(net.apply(ps, xs), ys), params);
    const W1 = [params[0].toArray().slice(0, 3), params[0].toArray().slice(3, 6)];
    const hand = handBackprop(W1, params[1].toArray(), params[2].toArray(), params[3].item(), X, Y);
    expect(Math.abs(value - hand.loss)).toBeLessThan(1e-14);
    grads.forEach((g, i) => expect(relErr(g.data, hand.grads[i])).toBeLessThan(1e-13));
  });

  test('1-8-7-8-1 has 128 weights without biases; init is seeded', () => {
    const net = new MLP([1, 8, 7, 8, 1]);
    const p = net.init(new Rng(1));
    expect(net.weightsOnly(p).length).toBe(128);
    expect(parameterCount(net)).toBe(128 + 24);
    expect(net.init(new Rng(1))[0].toArray()).toEqual(p[0].toArray());
    expect(net.init(new Rng(2))[0].toArray()).not.toEqual(p[0].toArray());
    const k = 1;
    expect(p[0].toArray().every((w) => Math.abs(w) <= k)).toBe(true);
  });

  test.each(['relu', 'sigmoid', 'identity'] as const)('%s MLP gradient = finite differences', (act) => {
    const net = new MLP([3, 4, 2], { activation: act, outputActivation: 'sigmoid' });
    const params = net.init(new Rng(11));
    const xs = constant(new Rng(12).normalTensor([5, 3]));
    expectGradMatchesFD((...ps) => O.sum(net.apply(ps, xs)), params);
  });

  test('Linear without bias computes x·W', () => {
    const l = new Linear(2, 1, false);
    const y = l.apply([constant(matrix([[2], [3]]))], constant(matrix([[1, 1]])));
    expect(y.value.toArray()).toEqual([5]);
  });
});

describe('losses', () => {
  test('binary cross-entropy of probabilities equals the logits form', () => {
    const z = tensor([-2, 0.5, 3]);
    const y = constant(tensor([0, 1, 1]));
    const a = valueAndGrad((v) => binaryCrossEntropy(O.sigmoid(v), y), [z]);
    const b = valueAndGrad((v) => binaryCrossEntropyWithLogits(v, y), [z]);
    expect(Math.abs(a.value - b.value)).toBeLessThan(1e-14);
    expect(relErr(a.grads[0].data, b.grads[0].data)).toBeLessThan(1e-12);
    // closed form: ∂/∂z mean BCE = (σ(z) − y)/n
    const s = z.toArray().map((v) => 1 / (1 + Math.exp(-v)));
    expect(relErr(b.grads[0].data, s.map((p, i) => (p - [0, 1, 1][i]) / 3))).toBeLessThan(1e-14);
  });
  test('softmax cross-entropy: gradient is (softmax − onehot)/rows, and masked rows do not count', () => {
    const logits = matrix([
      [1, 2, 0],
      [0.5, -1, 2],
    ]);
    const r = valueAndGrad((l) => softmaxCrossEntropy(l, [1, 2]), [logits]);
    const expected = logits.toRows().flatMap((row, i) => {
      const e = row.map(Math.exp);
      const s = e.reduce((a, b) => a + b);
      return e.map((v, j) => (v / s - (j === [1, 2][i] ? 1 : 0)) / 2);
    });
    expect(relErr(r.grads[0].data, expected)).toBeLessThan(1e-14);
    const masked = valueAndGrad((l) => softmaxCrossEntropy(l, [1, 2], [1, 0]), [logits]);
    expect(masked.grads[0].toArray().slice(3)).toEqual([0, 0, 0]);
  });
  test('mse rejects mismatched shapes', () => {
    expect(() => mse(constant(tensor([1, 2])), constant(tensor([1])))).toThrow(/differs/);
  });
});
