// Symmetric eigen-solver: A·v = λ·v, orthonormal vectors, trace and known spectra.
import fc from 'fast-check';
import { symmetricEigen } from '../../src/autodiff/eigen';
import { Tensor, matrix } from '../../src/autodiff/tensor';

describe('symmetricEigen', () => {
  test('known spectrum', () => {
    expect(symmetricEigen(matrix([[2, 1], [1, 2]])).values.map((v) => +v.toFixed(12))).toEqual([1, 3]);
    const diag = symmetricEigen(matrix([[3, 0, 0], [0, -1, 0], [0, 0, 2]]));
    expect(diag.values).toEqual([-1, 2, 3]);
  });
  test('random symmetric matrices: A·v = λ·v, VᵀV = I, Σλ = trace', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 }).chain((n) => fc.tuple(fc.constant(n), fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: n * n, maxLength: n * n }))),
        ([n, xs]) => {
          const a = new Float64Array(n * n);
          for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) a[i * n + j] = xs[i * n + j] + xs[j * n + i];
          const { values, vectors } = symmetricEigen(new Tensor(a, [n, n]));
          for (let k = 1; k < n; k++) expect(values[k]).toBeGreaterThanOrEqual(values[k - 1]);
          let trace = 0;
          for (let i = 0; i < n; i++) trace += a[i * n + i];
          expect(Math.abs(values.reduce((s, v) => s + v, 0) - trace)).toBeLessThan(1e-9 * (1 + Math.abs(trace)) + 1e-9 * n);
          for (let k = 0; k < n; k++) {
            for (let i = 0; i < n; i++) {
              let av = 0;
              for (let j = 0; j < n; j++) av += a[i * n + j] * vectors.get(j, k);
              expect(Math.abs(av - values[k] * vectors.get(i, k))).toBeLessThan(1e-8 * (1 + Math.abs(values[k])));
            }
            for (let l = 0; l < n; l++) {
              let d = 0;
              for (let i = 0; i < n; i++) d += vectors.get(i, k) * vectors.get(i, l);
              expect(Math.abs(d - (k === l ? 1 : 0))).toBeLessThan(1e-10);
            }
          }
        },
      ),
      { numRuns: 60 },
    );
  });
  test('rejects a non-square matrix', () => {
    expect(() => symmetricEigen(matrix([[1, 2]]))).toThrow(/square/);
  });
});
