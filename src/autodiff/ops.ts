/**
 * Differentiable operations. Each one states its forward rule (a kernel from kernels.ts) and,
 * next to it, its gradient rule written with these same operations, so gradients can themselves
 * be differentiated (exact Hessians, see hessian.ts).
 *
 * Representation: operations take `Var`s (numbers are lifted to scalar constants) and return a
 * new `Var` through `record`. Binary arithmetic broadcasts; its gradient rule sums the incoming
 * gradient back to each input's shape (`sumTo`). Non-smooth points take a one-sided convention:
 * relu′(0) = 0, |·|′(0) = 0, and their second derivatives are 0.
 * Reference: the per-op gradients of tfjs-core (`src/gradients/*`) and micrograd's `engine.py`.
 */
import { InputError } from '../errors';
import * as K from './kernels';
import { Shape, Tensor, sameShape, sizeOf } from './tensor';
import { Var, constant, record } from './tape';

/** A Var or a number (lifted to a scalar constant). */
export type Operand = Var | number;

const lift = (x: Operand): Var => (typeof x === 'number' ? constant(x) : x);

// ——— broadcasting and shape ———

/** Stretches `a` to `shape`; gradient: sum back. */
export function broadcastTo(a: Var, shape: Shape): Var {
  return record('broadcastTo', [a], K.broadcastTo(a.value, shape), (g) => [sumTo(g, a.shape)]);
}

/** Sums `a` down to `shape`; gradient: broadcast back. */
export function sumTo(a: Var, shape: Shape): Var {
  if (sameShape(a.shape, shape)) return a;
  return record('sumTo', [a], K.sumTo(a.value, shape), (g) => [broadcastTo(g, a.shape)]);
}

/** Same values, new shape; gradient: reshape back. */
export function reshape(a: Var, shape: Shape): Var {
  return record('reshape', [a], K.reshape(a.value, shape), (g) => [reshape(g, a.shape)]);
}

/** Matrix transpose; gradient: transpose back. */
export function transpose(a: Var): Var {
  return record('transpose', [a], K.transpose(a.value), (g) => [transpose(g)]);
}

/** Concatenation along an axis; gradient: the matching slices. */
export function concat(xs: readonly Var[], axis = 0): Var {
  const value = K.concat(xs.map((x) => x.value), axis);
  const ax = K.normAxis(axis, value.rank);
  return record('concat', xs, value, (g) => {
    let off = 0;
    return xs.map((x) => {
      const part = slice(g, ax, off, off + x.shape[ax]);
      off += x.shape[ax];
      return part;
    });
  });
}

/** Elements start..end−1 along an axis; gradient: zero padding. */
export function slice(a: Var, axis: number, start: number, end: number): Var {
  const ax = K.normAxis(axis, a.shape.length);
  return record('slice', [a], K.slice(a.value, ax, start, end), (g) => [pad(g, ax, start, a.shape[ax] - end)]);
}

/** Zero padding along an axis; gradient: the slice. */
export function pad(a: Var, axis: number, before: number, after: number): Var {
  return record('pad', [a], K.pad(a.value, axis, before, after), (g) => [slice(g, axis, before, before + a.shape[K.normAxis(axis, a.shape.length)])]);
}

/** Element i of a vector as a scalar (indexing); gradient: a one-hot vector. */
export function index(a: Var, i: number): Var {
  if (a.shape.length !== 1) throw new InputError(`index needs a vector, got shape [${a.shape.join(', ')}]`);
  return reshape(slice(a, 0, i, i + 1), []);
}

/** Rows of `a` along axis 0 (embedding lookup); gradient: scatter-add into the rows. */
export function take(a: Var, indices: readonly number[]): Var {
  return record('take', [a], K.take(a.value, indices), (g) => [scatterAdd(g, indices, a.shape[0])]);
}

/** Adds row i of `a` into row indices[i] of n zero rows; gradient: take. */
export function scatterAdd(a: Var, indices: readonly number[], n: number): Var {
  return record('scatterAdd', [a], K.scatterAdd(a.value, indices, n), (g) => [take(g, indices)]);
}

// ——— elementwise arithmetic (broadcasting) ———

/** a + b; gradient: (g, g) summed to each shape. */
export function add(x: Operand, y: Operand): Var {
  const a = lift(x);
  const b = lift(y);
  return record('add', [a, b], K.zip(a.value, b.value, (p, q) => p + q), (g) => [sumTo(g, a.shape), sumTo(g, b.shape)]);
}

/** a − b; gradient: (g, −g). */
export function sub(x: Operand, y: Operand): Var {
  const a = lift(x);
  const b = lift(y);
  return record('sub', [a, b], K.zip(a.value, b.value, (p, q) => p - q), (g) => [sumTo(g, a.shape), sumTo(neg(g), b.shape)]);
}

/** a · b; gradient: (g·b, g·a). */
export function mul(x: Operand, y: Operand): Var {
  const a = lift(x);
  const b = lift(y);
  return record('mul', [a, b], K.zip(a.value, b.value, (p, q) => p * q), (g) => [sumTo(mul(g, b), a.shape), sumTo(mul(g, a), b.shape)]);
}

/** a / b; gradient: (g/b, −g·a/b²). */
export function div(x: Operand, y: Operand): Var {
  const a = lift(x);
  const b = lift(y);
  return record('div', [a, b], K.zip(a.value, b.value, (p, q) => p / q), (g) => [
    sumTo(div(g, b), a.shape),
    sumTo(neg(div(mul(g, a), mul(b, b))), b.shape),
  ]);
}

/** −a; gradient: −g. */
export function neg(a: Var): Var {
  return record('neg', [a], K.map(a.value, (p) => -p), (g) => [neg(g)]);
}

/** a^p for a constant exponent; gradient: g·p·a^(p−1). */
export function pow(a: Var, p: number): Var {
  if (p === 1) return a;
  return record('pow', [a], K.map(a.value, (x) => x ** p), (g) => [mul(g, mul(p, pow(a, p - 1)))]);
}

/** a²; gradient: 2ag. */
export function square(a: Var): Var {
  return mul(a, a);
}

/** √a; gradient: g / (2√a). */
export function sqrt(a: Var): Var {
  return record('sqrt', [a], K.map(a.value, Math.sqrt), (g, out) => [div(mul(g, 0.5), out)]);
}

/** eᵃ; gradient: g·eᵃ. */
export function exp(a: Var): Var {
  return record('exp', [a], K.map(a.value, Math.exp), (g, out) => [mul(g, out)]);
}

/** ln a; gradient: g/a. */
export function log(a: Var): Var {
  return record('log', [a], K.map(a.value, Math.log), (g) => [div(g, a)]);
}

/** sin a; gradient: g·cos a. */
export function sin(a: Var): Var {
  return record('sin', [a], K.map(a.value, Math.sin), (g) => [mul(g, cos(a))]);
}

/** cos a; gradient: −g·sin a. */
export function cos(a: Var): Var {
  return record('cos', [a], K.map(a.value, Math.cos), (g) => [neg(mul(g, sin(a)))]);
}

/** tanh a; gradient: g·(1 − tanh²a). */
export function tanh(a: Var): Var {
  return record('tanh', [a], K.map(a.value, Math.tanh), (g, out) => [mul(g, sub(1, mul(out, out)))]);
}

const sigma = (x: number): number => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x)));

/** σ(a) = 1/(1+e^−a), computed without overflow; gradient: g·σ(1−σ). */
export function sigmoid(a: Var): Var {
  return record('sigmoid', [a], K.map(a.value, sigma), (g, out) => [mul(g, mul(out, sub(1, out)))]);
}

/** max(a, 0); gradient: g where a > 0 (a constant mask, so the second derivative is 0). */
export function relu(a: Var): Var {
  return record('relu', [a], K.map(a.value, (x) => (x > 0 ? x : 0)), (g) => [mul(g, constant(K.map(a.value, (x) => (x > 0 ? 1 : 0))))]);
}

/** |a|; gradient: g·sign(a) (a constant, sign(0) = 0). */
export function abs(a: Var): Var {
  return record('abs', [a], K.map(a.value, Math.abs), (g) => [mul(g, constant(K.map(a.value, Math.sign)))]);
}

// ——— reductions and products ———

/** Sum over an axis (or everything); gradient: broadcast back. */
export function sum(a: Var, axis?: number, keepDims = false): Var {
  const value = K.sum(a.value, axis, keepDims);
  const kept: Shape = axis === undefined ? a.shape.map(() => 1) : a.shape.map((d, i) => (i === K.normAxis(axis, a.shape.length) ? 1 : d));
  return record('sum', [a], value, (g) => [broadcastTo(reshape(g, kept), a.shape)]);
}

/** Mean over an axis (or everything). */
export function mean(a: Var, axis?: number, keepDims = false): Var {
  const n = axis === undefined ? sizeOf(a.shape) : a.shape[K.normAxis(axis, a.shape.length)];
  return div(sum(a, axis, keepDims), n);
}

/** Matrix product [m,k]·[k,n]; gradient: (g·bᵀ, aᵀ·g). */
export function matmul(a: Var, b: Var): Var {
  return record('matmul', [a, b], K.matmul(a.value, b.value), (g) => [matmul(g, transpose(b)), matmul(transpose(a), g)]);
}

/** Dot product of two vectors (a scalar). */
export function dot(a: Var, b: Var): Var {
  return sum(mul(a, b));
}

/** log Σ exp over an axis (kept), stable: the max is subtracted as a constant. */
export function logSumExp(a: Var, axis: number): Var {
  const m = constant(K.max(a.value, axis));
  return add(log(sum(exp(sub(a, m)), axis, true)), m);
}

/** Log-softmax over an axis. */
export function logSoftmax(a: Var, axis = -1): Var {
  return sub(a, logSumExp(a, axis));
}

/** log(1 + eᵃ), stable: relu(a) + log(1 + e^−|a|). */
export function softplus(a: Var): Var {
  return add(relu(a), log(add(1, exp(neg(abs(a))))));
}

/** A constant with the value of `a` (stops gradients). */
export function stopGradient(a: Var): Var {
  return constant(a.value);
}

/** Wraps a tensor or number as a constant Var. */
export function lit(t: Tensor | number): Var {
  return constant(t);
}
