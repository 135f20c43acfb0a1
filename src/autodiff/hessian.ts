/**
 * Exact second derivatives by reverse-over-reverse: the first backward sweep is recorded
 * (`createGraph`), giving ∇f(x) as a graph in x; a second sweep of ⟨∇f(x), v⟩ gives the
 * Hessian-vector product H·v. The full Hessian is n such sweeps of the same recorded gradient,
 * one per unit vector — no finite differences anywhere.
 * Representation: functions of one flat parameter vector (shape [n]); callers slice it into
 * weights with ops.ts (`slice`, `reshape`). Result: an n × n `Tensor`, symmetric up to rounding.
 * Reference: Pearlmutter, "Fast exact multiplication by the Hessian", Neural Computation 6 (1994);
 * Griewank & Walther (2008), ch. 5.
 */
import { InputError } from '../errors';
import { dot, mul, sum } from './ops';
import { Tensor, zeros } from './tensor';
import { Var, constant, gradients, variable } from './tape';

/** A scalar function of a flat parameter vector. */
export type VectorFn = (x: Var) => Var;

function checkVector(x: Tensor): void {
  if (x.rank !== 1) throw new InputError(`expected a flat parameter vector, got shape [${x.shape.join(', ')}]`);
}

/** Value, gradient and the recorded gradient graph at x. */
function recordedGradient(f: VectorFn, x: Tensor): { xv: Var; value: number; g: Var } {
  checkVector(x);
  const xv = variable(x);
  const out = f(xv);
  if (out.value.size !== 1) throw new InputError('Hessians need a scalar-valued function');
  const [g] = gradients(out, [xv], { createGraph: true });
  return { xv, value: out.value.item(), g };
}

/**
 * H(x)·v exactly, by differentiating ⟨∇f(x), v⟩.
 * @example hessianVectorProduct((x) => sum(mul(x, x)), tensor([1, 2]), tensor([1, 0])) // [2, 0]
 */
export function hessianVectorProduct(f: VectorFn, x: Tensor, v: Tensor): Tensor {
  const { xv, g } = recordedGradient(f, x);
  if (v.size !== x.size) throw new InputError('the vector must have the size of x');
  const [hv] = gradients(dot(g, constant(v)), [xv]);
  return hv.value;
}

/** Value, gradient and Hessian of f at x. */
export interface SecondOrder {
  value: number;
  gradient: Tensor;
  hessian: Tensor;
}

/**
 * The exact Hessian of f at x (n reverse sweeps over one recorded gradient), with value and
 * gradient.
 * @example valueGradHessian((x) => sum(pow(x, 3)), tensor([1, 2])).hessian // [[6, 0], [0, 12]]
 */
export function valueGradHessian(f: VectorFn, x: Tensor): SecondOrder {
  const { xv, value, g } = recordedGradient(f, x);
  const n = x.size;
  const h = zeros([n, n]);
  for (let i = 0; i < n; i++) {
    const e = zeros([n]);
    e.data[i] = 1;
    // g·e_i is row i of the Hessian's defining sweep; when g does not depend on x the row is 0.
    if (!g.requiresGrad) continue;
    const [row] = gradients(sum(mul(g, constant(e))), [xv]);
    h.data.set(row.value.data, i * n);
  }
  return { value, gradient: g.value, hessian: h };
}

/** The exact Hessian of f at x. */
export function hessian(f: VectorFn, x: Tensor): Tensor {
  return valueGradHessian(f, x).hessian;
}
