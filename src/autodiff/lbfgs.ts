/**
 * L-BFGS: limited-memory quasi-Newton minimization for precise local minima (to a gradient norm
 * of 1e-10 or so, where first-order methods crawl).
 * Representation: the objective is a function of a flat `Float64Array` returning value and
 * gradient (build one from `valueAndGrad` and `flatten`/`unflatten`). The last m pairs
 * (s, y) = (Δx, Δ∇f) define the inverse-Hessian approximation, applied by the two-loop recursion;
 * a pair is stored only when sᵀy > 0, which keeps the approximation positive definite. Step length
 * by backtracking until the Armijo condition holds.
 * Result: a discriminated union saying why it stopped.
 * Reference: Nocedal & Wright, "Numerical Optimization", 2nd ed., Algorithm 7.4 (two-loop
 * recursion) and Algorithm 3.1 (backtracking).
 */
import { InputError } from '../errors';

/** Value and gradient of an objective at a point. */
export type Objective = (x: Float64Array) => { value: number; grad: Float64Array };

/** Options of `lbfgs`. */
export interface LbfgsOptions {
  /** Stop when max |∂f/∂xᵢ| ≤ gradTol (default 1e-9). */
  gradTol?: number;
  /** Iteration limit (default 1000). */
  maxIterations?: number;
  /** Number of stored pairs (default 10). */
  memory?: number;
  /** Longest trial step ‖Δx‖ (default unbounded); keeps runs that drift to infinity readable. */
  maxStep?: number;
}

/** Outcome of an L-BFGS run. */
export interface LbfgsResult {
  /** Why it stopped: the gradient test held, the iteration limit, or no decrease was found. */
  kind: 'converged' | 'maxIterations' | 'lineSearchFailed';
  x: Float64Array;
  value: number;
  /** Max-norm of the gradient at x. */
  gradNorm: number;
  iterations: number;
}

const dot = (a: Float64Array, b: Float64Array): number => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
};
const maxAbs = (a: Float64Array): number => a.reduce((m, v) => Math.max(m, Math.abs(v)), 0);

/**
 * Minimizes f from x0.
 * @example lbfgs((x) => ({ value: x[0] ** 2, grad: Float64Array.of(2 * x[0]) }), Float64Array.of(3)).x // ≈ [0]
 */
export function lbfgs(f: Objective, x0: Float64Array, options: LbfgsOptions = {}): LbfgsResult {
  const gradTol = options.gradTol ?? 1e-9;
  const maxIter = options.maxIterations ?? 1000;
  const mem = options.memory ?? 10;
  const maxStep = options.maxStep ?? Infinity;
  if (!(mem >= 1)) throw new InputError('lbfgs memory must be at least 1');
  let x = new Float64Array(x0);
  let { value, grad } = f(x);
  const S: Float64Array[] = [];
  const Y: Float64Array[] = [];
  const n = x.length;
  for (let it = 0; it < maxIter; it++) {
    const gn = maxAbs(grad);
    if (!Number.isFinite(value) || gn <= gradTol) {
      return { kind: 'converged', x, value, gradNorm: gn, iterations: it };
    }
    // two-loop recursion: d = −H·g
    const q = new Float64Array(grad);
    const alpha = new Array<number>(S.length);
    for (let i = S.length - 1; i >= 0; i--) {
      alpha[i] = dot(S[i], q) / dot(Y[i], S[i]);
      for (let j = 0; j < n; j++) q[j] -= alpha[i] * Y[i][j];
    }
    const k = S.length - 1;
    const gamma = k >= 0 ? dot(S[k], Y[k]) / dot(Y[k], Y[k]) : 1 / Math.max(1, Math.sqrt(dot(grad, grad)));
    for (let j = 0; j < n; j++) q[j] *= gamma;
    for (let i = 0; i < S.length; i++) {
      const beta = dot(Y[i], q) / dot(Y[i], S[i]);
      for (let j = 0; j < n; j++) q[j] += S[i][j] * (alpha[i] - beta);
    }
    const d = q.map((v) => -v);
    let slope = dot(grad, d);
    if (!(slope < 0)) {
      // not a descent direction: restart from steepest descent
      S.length = 0;
      Y.length = 0;
      for (let j = 0; j < n; j++) d[j] = -grad[j] / Math.max(1, Math.sqrt(dot(grad, grad)));
      slope = dot(grad, d);
    }
    const dNorm = Math.sqrt(dot(d, d));
    let step = dNorm > maxStep ? maxStep / dNorm : 1;
    let accepted = false;
    let xNew = x;
    let next = { value, grad };
    for (let ls = 0; ls < 60; ls++) {
      xNew = x.map((v, j) => v + step * d[j]);
      next = f(xNew);
      if (Number.isFinite(next.value) && next.value <= value + 1e-4 * step * slope) {
        accepted = true;
        break;
      }
      step *= 0.5;
    }
    if (!accepted) return { kind: 'lineSearchFailed', x, value, gradNorm: gn, iterations: it };
    const s = xNew.map((v, j) => v - x[j]);
    const y = next.grad.map((v, j) => v - grad[j]);
    if (dot(s, y) > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y))) {
      S.push(s);
      Y.push(y);
      if (S.length > mem) {
        S.shift();
        Y.shift();
      }
    }
    x = xNew;
    value = next.value;
    grad = next.grad;
  }
  return { kind: 'maxIterations', x, value, gradNorm: maxAbs(grad), iterations: maxIter };
}
