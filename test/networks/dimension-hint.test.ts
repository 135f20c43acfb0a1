// What criticalPoints tells the solver about the critical set's dimension (`positiveDimensional`):
// probably positive-dimensional without weight decay on every weight, probably finite with it and
// no continuous symmetry, nothing when a continuous symmetry survives the weight decay. (That the
// hint never changes the answer is test/solve/solve.test.ts's.)
import * as solveModule from '../../src/solve/solve';
import { criticalPoints } from '../../src/networks/critical';
import { networkLoss } from '../../src/networks/loss';
import { NetworkSpec } from '../../src/networks/spec';

afterEach(() => jest.restoreAllMocks());

const hintFor = (spec: NetworkSpec): boolean | undefined => {
  const spy = jest.spyOn(solveModule, 'solve');
  criticalPoints(networkLoss(spec));
  expect(spy).toHaveBeenCalledTimes(1);
  return spy.mock.calls[0][1]?.positiveDimensional;
};

const ROWS = [
  [0, 1],
  [1, 0],
  [2, 1],
];

describe('the dimension hint of a network', () => {
  test('no weight decay: probably positive-dimensional', () => {
    expect(hintFor({ inputs: ['x'], layers: [{ width: 1, bias: true }, { width: 1, bias: true }], data: ROWS, loss: 'sum' })).toBe(true);
  });
  test('a λ per weight and no continuous symmetry: probably finite', () => {
    const regularization = { w0_0: '1/10', b0: '1/11', w1_0: '1/12', b1: '1/13' };
    expect(hintFor({ inputs: ['x'], layers: [{ width: 1, bias: true }, { width: 1, bias: true }], data: ROWS, loss: 'sum', regularization })).toBe(false);
  });
  test('one λ on a linear layer of width 2 (its rotations survive): no hint', () => {
    expect(hintFor({ inputs: ['x'], layers: [{ width: 2 }, { width: 1 }], data: ROWS, loss: 'sum', regularization: '1/10' })).toBeUndefined();
  });
});
