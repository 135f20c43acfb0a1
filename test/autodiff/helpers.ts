// Shared oracles and fast-check arbitraries for the autodiff tests.
import fc from 'fast-check';
import { Shape, Tensor, sizeOf } from '../../src/autodiff/tensor';
import { Var, constant, noGrad } from '../../src/autodiff/tape';
import { valueAndGrad } from '../../src/autodiff/grad';

/** A tensor of the given shape with entries in [min, max], optionally kept away from 0 by `gap`. */
export function tensorArb(shape: Shape, min = -2, max = 2, gap = 0): fc.Arbitrary<Tensor> {
  const n = sizeOf(shape);
  return fc
    .array(fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).filter((x) => Math.abs(x) >= gap), { minLength: n, maxLength: n })
    .map((xs) => new Tensor(Float64Array.from(xs), shape));
}

/** A small shape of rank 0..3 with dimensions 1..3. */
export const shapeArb: fc.Arbitrary<number[]> = fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 0, maxLength: 3 });

/** A pair of shapes that broadcast together (the second is the first with some dims set to 1 or dropped). */
export const broadcastPairArb: fc.Arbitrary<[number[], number[]]> = shapeArb.chain((s) =>
  fc.tuple(fc.constant(s), fc.array(fc.boolean(), { minLength: s.length, maxLength: s.length }), fc.integer({ min: 0, max: s.length })).map(
    ([shape, ones, drop]) => [shape, shape.map((d, i) => (ones[i] ? 1 : d)).slice(drop)] as [number[], number[]],
  ),
);

/** Evaluates f on constants (no graph). */
export function evaluate(f: (...xs: Var[]) => Var, args: readonly Tensor[]): number {
  return noGrad(() => f(...args.map((a) => constant(a))).value.item());
}

/** Central finite-difference gradient of f with respect to every argument. */
export function fdGrads(f: (...xs: Var[]) => Var, args: readonly Tensor[], h = 1e-6): Tensor[] {
  return args.map((a, k) => {
    const g = new Float64Array(a.size);
    for (let i = 0; i < a.size; i++) {
      const plus = args.map((t) => t.clone());
      const minus = args.map((t) => t.clone());
      plus[k].data[i] += h;
      minus[k].data[i] -= h;
      g[i] = (evaluate(f, plus) - evaluate(f, minus)) / (2 * h);
    }
    return new Tensor(g, a.shape);
  });
}

/** Largest |a − b| / (1 + |b|) over all entries. */
export function relErr(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let e = 0;
  for (let i = 0; i < a.length; i++) e = Math.max(e, Math.abs(a[i] - b[i]) / (1 + Math.abs(b[i])));
  return e;
}

/** Asserts that reverse mode agrees with central differences; returns the worst error. */
export function expectGradMatchesFD(f: (...xs: Var[]) => Var, args: readonly Tensor[], tol = 1e-6): number {
  const { grads } = valueAndGrad(f, args);
  const fd = fdGrads(f, args);
  let worst = 0;
  grads.forEach((g, k) => {
    expect(g.shape).toEqual(args[k].shape);
    worst = Math.max(worst, relErr(g.data, fd[k].data));
  });
  expect(worst).toBeLessThan(tol);
  return worst;
}
