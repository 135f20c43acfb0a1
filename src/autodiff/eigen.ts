/**
 * Eigenvalues and eigenvectors of a real symmetric matrix by the cyclic Jacobi method: rotate away
 * each off-diagonal entry in turn until the off-diagonal mass is negligible. Slow (O(n³) per
 * sweep) but simple, accurate to working precision, and ample for the Hessians of small networks.
 * Representation: input an n × n `Tensor` (symmetrised as (A + Aᵀ)/2 first, since an autodiff
 * Hessian is symmetric only up to rounding); output eigenvalues ascending, eigenvectors as columns.
 * Reference: Golub & Van Loan, "Matrix Computations", 4th ed., §8.5 (cyclic Jacobi).
 */
import { ComputationError, InputError } from '../errors';
import { Tensor, eye } from './tensor';

/** The spectrum of a symmetric matrix. */
export interface SymmetricEigen {
  /** Eigenvalues in ascending order. */
  values: number[];
  /** Column j is a unit eigenvector for values[j]. */
  vectors: Tensor;
}

/**
 * Eigen-decomposition of a symmetric matrix.
 * @example symmetricEigen(matrix([[2, 1], [1, 2]])).values // [1, 3]
 */
export function symmetricEigen(m: Tensor, maxSweeps = 100): SymmetricEigen {
  if (m.rank !== 2 || m.shape[0] !== m.shape[1]) throw new InputError(`symmetricEigen needs a square matrix, got [${m.shape.join(', ')}]`);
  const n = m.shape[0];
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) a[i * n + j] = (m.data[i * n + j] + m.data[j * n + i]) / 2;
  const v = eye(n).data.slice();
  let norm = 0;
  for (let i = 0; i < n * n; i++) norm += a[i] * a[i];
  const tol = 1e-30 * Math.max(norm, 1e-300);
  let converged = false;
  for (let sweep = 0; sweep < maxSweeps; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p * n + q] ** 2;
    if (off <= tol) {
      converged = true;
      break;
    }
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q];
        if (apq === 0) continue;
        const theta = (a[q * n + q] - a[p * n + p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k * n + p];
          const akq = a[k * n + q];
          a[k * n + p] = c * akp - s * akq;
          a[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p * n + k];
          const aqk = a[q * n + k];
          a[p * n + k] = c * apk - s * aqk;
          a[q * n + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p];
          const vkq = v[k * n + q];
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  if (!converged && n > 1) throw new ComputationError(`Jacobi eigen-solver did not converge in ${maxSweeps} sweeps`);
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => a[i * n + i] - a[j * n + j]);
  const vectors = new Float64Array(n * n);
  order.forEach((src, col) => {
    for (let k = 0; k < n; k++) vectors[k * n + col] = v[k * n + src];
  });
  return { values: order.map((i) => a[i * n + i]), vectors: new Tensor(vectors, [n, n]) };
}

/** Eigenvalues of a symmetric matrix, ascending. */
export function symmetricEigenvalues(m: Tensor): number[] {
  return symmetricEigen(m).values;
}
