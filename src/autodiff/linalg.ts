/**
 * Small dense linear algebra for the oracles of the experiments: solving A·x = b by Gaussian
 * elimination with partial pivoting, and least squares through the normal equations XᵀX·w = Xᵀy.
 * Representation: `Tensor` matrices (row-major); results are fresh tensors.
 * Reference: Golub & Van Loan, "Matrix Computations", 4th ed., §3.4 (partial pivoting), §5.3.
 */
import { ComputationError, InputError } from '../errors';
import { matmul, transpose } from './kernels';
import { Tensor } from './tensor';

/**
 * Solves A·X = B for a square, non-singular A (B is [n] or [n, k]).
 * @example solve(matrix([[2, 0], [0, 4]]), tensor([2, 2])) // [1, 0.5]
 */
export function solve(a: Tensor, b: Tensor): Tensor {
  if (a.rank !== 2 || a.shape[0] !== a.shape[1]) throw new InputError('solve needs a square matrix');
  const n = a.shape[0];
  if (b.shape[0] !== n) throw new InputError(`solve: right-hand side has ${b.shape[0]} rows, expected ${n}`);
  const k = b.size / Math.max(n, 1);
  const m = new Float64Array(a.data);
  const x = new Float64Array(b.data);
  let scale = 0;
  for (const v of m) scale = Math.max(scale, Math.abs(v));
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r * n + c]) > Math.abs(m[p * n + c])) p = r;
    if (Math.abs(m[p * n + c]) <= 1e-14 * scale) throw new ComputationError('solve: the matrix is singular to working precision');
    if (p !== c) {
      for (let j = 0; j < n; j++) [m[c * n + j], m[p * n + j]] = [m[p * n + j], m[c * n + j]];
      for (let j = 0; j < k; j++) [x[c * k + j], x[p * k + j]] = [x[p * k + j], x[c * k + j]];
    }
    for (let r = c + 1; r < n; r++) {
      const f = m[r * n + c] / m[c * n + c];
      if (f === 0) continue;
      for (let j = c; j < n; j++) m[r * n + j] -= f * m[c * n + j];
      for (let j = 0; j < k; j++) x[r * k + j] -= f * x[c * k + j];
    }
  }
  for (let c = n - 1; c >= 0; c--) {
    for (let j = 0; j < k; j++) {
      let s = x[c * k + j];
      for (let q = c + 1; q < n; q++) s -= m[c * n + q] * x[q * k + j];
      x[c * k + j] = s / m[c * n + c];
    }
  }
  return new Tensor(x, b.shape);
}

/** The least-squares solution of X·w ≈ y from the normal equations XᵀX·w = Xᵀy. */
export function normalEquations(x: Tensor, y: Tensor): Tensor {
  const xt = transpose(x);
  return solve(matmul(xt, x), matmul(xt, y.rank === 1 ? new Tensor(y.data, [y.size, 1]) : y));
}
