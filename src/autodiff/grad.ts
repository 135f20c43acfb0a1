/**
 * Function transformations on top of the tape: `grad` and `valueAndGrad` take a function of
 * tensors built from ops.ts and return its gradient, JAX style (`f ↦ ∇f`), so callers never touch
 * the tape. Parameters are plain tensors in and plain tensors out; a fresh graph is recorded on
 * every call and dropped afterwards.
 * Invariant: the returned gradients have exactly the shapes of the arguments.
 */
import { InputError } from '../errors';
import { Tensor } from './tensor';
import { Var, gradients, variable } from './tape';

/** A scalar-valued function of several tensor arguments, written with ops.ts. */
export type ScalarFn = (...args: Var[]) => Var;

/** The value of a scalar function and its gradient with respect to every argument. */
export interface ValueAndGrad {
  value: number;
  grads: Tensor[];
}

/**
 * Evaluates `f` at `args` and differentiates it by one reverse sweep.
 * @example valueAndGrad((x) => sum(mul(x, x)), [tensor([1, 2])]) // {value: 5, grads: [[2, 4]]}
 */
export function valueAndGrad(f: ScalarFn, args: readonly Tensor[]): ValueAndGrad {
  const vars = args.map(variable);
  const out = f(...vars);
  if (out.value.size !== 1) throw new InputError(`valueAndGrad needs a scalar-valued function, got shape [${out.shape.join(', ')}]`);
  const gs = gradients(out, vars);
  return { value: out.value.item(), grads: gs.map((g) => g.value) };
}

/**
 * The gradient function of `f`: `grad(f)(x, y)` returns [∂f/∂x, ∂f/∂y].
 * @example grad((x) => sum(sin(x)))(tensor([0])) // [[1]]
 */
export function grad(f: ScalarFn): (...args: Tensor[]) => Tensor[] {
  return (...args) => valueAndGrad(f, args).grads;
}

/** Derivative of a function of one real number, f′(x), by reverse mode. */
export function derivative(f: (x: Var) => Var, x: number): number {
  return valueAndGrad(f, [new Tensor(Float64Array.of(x), [])]).grads[0].item();
}

/** Central finite difference of a scalar function of a flat vector, component by component (an oracle for tests). */
export function finiteDifferenceGradient(f: (x: Float64Array) => number, x: Float64Array, h = 1e-5): Float64Array {
  const g = new Float64Array(x.length);
  const y = new Float64Array(x);
  for (let i = 0; i < x.length; i++) {
    y[i] = x[i] + h;
    const fp = f(y);
    y[i] = x[i] - h;
    const fm = f(y);
    y[i] = x[i];
    g[i] = (fp - fm) / (2 * h);
  }
  return g;
}
