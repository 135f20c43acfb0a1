// Every operation's gradient agrees with central finite differences on random inputs.
import fc from 'fast-check';
import * as O from '../../src/autodiff/ops';
import { Var, constant } from '../../src/autodiff/tape';
import { Tensor } from '../../src/autodiff/tensor';
import { Rng } from '../../src/autodiff/random';
import { broadcastPairArb, expectGradMatchesFD, shapeArb, tensorArb } from './helpers';

/** Contracts an output with fixed random weights so every output entry matters. */
function contract(y: Var, seed = 7): Var {
  const w = new Rng(seed).uniformTensor(y.shape, 0.5, 1.5);
  return O.sum(O.mul(y, constant(w)));
}

const RUNS = { numRuns: 40 };

type Unary = [string, (a: Var) => Var, number, number, number];
const unary: Unary[] = [
  ['exp', O.exp, -2, 2, 0],
  ['log', O.log, 0.2, 3, 0],
  ['sin', O.sin, -3, 3, 0],
  ['cos', O.cos, -3, 3, 0],
  ['tanh', O.tanh, -3, 3, 0],
  ['sigmoid', O.sigmoid, -4, 4, 0],
  ['relu', O.relu, -2, 2, 1e-3],
  ['abs', O.abs, -2, 2, 1e-3],
  ['sqrt', O.sqrt, 0.2, 3, 0],
  ['pow 3', (a) => O.pow(a, 3), -2, 2, 0],
  ['pow 1.5', (a) => O.pow(a, 1.5), 0.2, 3, 0],
  ['neg', O.neg, -2, 2, 0],
  ['square', O.square, -2, 2, 0],
  ['softplus', O.softplus, -3, 3, 1e-3],
];

describe.each(unary)('unary %s', (_name, op, lo, hi, gap) => {
  test('gradient = central differences', () => {
    fc.assert(
      fc.property(
        shapeArb.chain((s) => tensorArb(s, lo, hi, gap)),
        (x) => {
          expectGradMatchesFD((a) => contract(op(a)), [x]);
        },
      ),
      RUNS,
    );
  });
});

type Binary = [string, (a: Var, b: Var) => Var, number];
const binary: Binary[] = [
  ['add', O.add, 0],
  ['sub', O.sub, 0],
  ['mul', O.mul, 0],
  ['div', O.div, 0.3],
];

describe.each(binary)('binary %s with broadcasting', (_name, op, gap) => {
  test('gradient = central differences for both arguments', () => {
    fc.assert(
      fc.property(
        broadcastPairArb.chain(([sa, sb]) => fc.tuple(tensorArb(sa), tensorArb(sb, -2, 2, gap), fc.boolean())),
        ([a, b, swap]) => {
          const args = swap && gap === 0 ? [b, a] : [a, b];
          expectGradMatchesFD((x, y) => contract(op(x, y)), args);
        },
      ),
      RUNS,
    );
  });
});

describe('reductions, products and shape operations', () => {
  const matArb = fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }));
  test('matmul', () => {
    fc.assert(
      fc.property(matArb.chain(([m, k, n]) => fc.tuple(tensorArb([m, k]), tensorArb([k, n]))), ([a, b]) => {
        expectGradMatchesFD((x, y) => contract(O.matmul(x, y)), [a, b]);
      }),
      RUNS,
    );
  });
  test('transpose, reshape', () => {
    fc.assert(
      fc.property(matArb.chain(([m, n]) => tensorArb([m, n])), (a) => {
        expectGradMatchesFD((x) => contract(O.transpose(x)), [a]);
        expectGradMatchesFD((x) => contract(O.reshape(x, [a.size])), [a]);
      }),
      RUNS,
    );
  });
  test('sum and mean over every axis, with and without keepDims', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 3 }).chain((s) => fc.tuple(tensorArb(s), fc.integer({ min: 0, max: s.length - 1 }), fc.boolean())),
        ([a, axis, keep]) => {
          expectGradMatchesFD((x) => contract(O.sum(x, axis, keep)), [a]);
          expectGradMatchesFD((x) => contract(O.mean(x, axis, keep)), [a]);
          expectGradMatchesFD((x) => O.mul(O.mean(x), O.sum(x)), [a]);
        },
      ),
      RUNS,
    );
  });
  test('concat, slice, pad, index, take', () => {
    fc.assert(
      fc.property(
        fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })).chain(([m, n, p]) =>
          fc.tuple(tensorArb([m, n]), tensorArb([m, p]), fc.integer({ min: 0, max: n - 1 }), fc.array(fc.integer({ min: 0, max: m - 1 }), { minLength: 1, maxLength: 5 })),
        ),
        ([a, b, start, rows]) => {
          expectGradMatchesFD((x, y) => contract(O.concat([x, y], 1)), [a, b]);
          expectGradMatchesFD((x) => contract(O.slice(x, 1, start, a.shape[1])), [a]);
          expectGradMatchesFD((x) => contract(O.pad(x, 0, 1, 2)), [a]);
          expectGradMatchesFD((x) => O.mul(O.index(O.reshape(x, [a.size]), start), O.sum(x)), [a]);
          expectGradMatchesFD((x) => contract(O.take(x, rows)), [a]);
          expectGradMatchesFD((x) => contract(O.scatterAdd(x, rows.map((r) => r % 2), 3)), [O.take(O.lit(a), rows).value]);
        },
      ),
      RUNS,
    );
  });
  test('broadcastTo, sumTo, logSumExp, logSoftmax', () => {
    fc.assert(
      fc.property(
        broadcastPairArb.chain(([big, small]) => fc.tuple(fc.constant(big), tensorArb(big), tensorArb(small))),
        ([big, a, s]) => {
          expectGradMatchesFD((x) => contract(O.broadcastTo(x, big)), [s]);
          expectGradMatchesFD((x) => contract(O.sumTo(x, s.shape)), [a]);
          if (big.length > 0) {
            expectGradMatchesFD((x) => contract(O.logSumExp(x, -1)), [a]);
            expectGradMatchesFD((x) => contract(O.logSoftmax(x, 0)), [a]);
          }
        },
      ),
      RUNS,
    );
  });
});

describe('forward values', () => {
  test('broadcast add of a matrix and a row, and of a column', () => {
    const a = constant(new Tensor(Float64Array.of(1, 2, 3, 4, 5, 6), [2, 3]));
    expect(O.add(a, constant(new Tensor(Float64Array.of(10, 20, 30), [3]))).value.toArray()).toEqual([11, 22, 33, 14, 25, 36]);
    expect(O.add(a, constant(new Tensor(Float64Array.of(10, 20), [2, 1]))).value.toArray()).toEqual([11, 12, 13, 24, 25, 26]);
  });
  test('sigmoid does not overflow', () => {
    const y = O.sigmoid(constant(new Tensor(Float64Array.of(-800, 800), [2]))).value.toArray();
    expect(y).toEqual([0, 1]);
  });
});

describe('matmul kernel', () => {
  test('agrees with the naive triple loop for short and long inner dimensions', () => {
    fc.assert(
      fc.property(
        fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 5 })).chain(([m, k, n]) => fc.tuple(tensorArb([m, k]), tensorArb([k, n]))),
        ([a, b]) => {
          const [m, k] = a.shape;
          const n = b.shape[1];
          const c = O.matmul(constant(a), constant(b)).value;
          for (let i = 0; i < m; i++) {
            for (let j = 0; j < n; j++) {
              let s = 0;
              for (let p = 0; p < k; p++) s += a.get(i, p) * b.get(p, j);
              expect(Math.abs(c.get(i, j) - s)).toBeLessThan(1e-12 * (1 + k));
            }
          }
        },
      ),
      RUNS,
    );
  });
});
