/**
 * First-order optimizers and learning-rate schedules.
 * Representation: a parameter collection is a `Tensor[]`; `stepInPlace` overwrites the
 * parameters' buffers with the updated values (the only in-place code of the module, named so).
 * Optimizer state (momentum buffers, Adam moments, step count t) lives in the optimizer.
 * A schedule maps the step index t = 0, 1, … to a learning rate.
 * Reference: Polyak momentum as in PyTorch `SGD`; Kingma & Ba, "Adam", ICLR 2015 (Algorithm 1).
 */
import { InputError } from '../errors';
import { ScalarFn, valueAndGrad } from './grad';
import { Tensor } from './tensor';

/** A learning rate as a function of the step index. */
export type Schedule = (t: number) => number;

/** A constant learning rate. */
export function constantRate(lr: number): Schedule {
  return () => lr;
}

/** Exponential decay μ_t = μ0·e^(−k t). */
export function exponentialDecay(mu0: number, k: number): Schedule {
  return (t) => mu0 * Math.exp(-k * t);
}

/** Step decay: lr0·factor^⌊t / every⌋. */
export function stepDecay(lr0: number, factor: number, every: number): Schedule {
  if (!(every > 0)) throw new InputError('stepDecay needs a positive period');
  return (t) => lr0 * factor ** Math.floor(t / every);
}

const asSchedule = (lr: number | Schedule): Schedule => (typeof lr === 'number' ? constantRate(lr) : lr);

/** A first-order optimizer. */
export interface Optimizer {
  /** Number of steps taken so far. */
  readonly t: number;
  /** Updates `params` in place from `grads` (same shapes). */
  stepInPlace(params: readonly Tensor[], grads: readonly Tensor[]): void;
}

function checkPair(params: readonly Tensor[], grads: readonly Tensor[]): void {
  if (params.length !== grads.length || params.some((p, i) => p.size !== grads[i].size)) {
    throw new InputError('optimizer: gradients do not match the parameters');
  }
}

/** Stochastic gradient descent with optional (heavy-ball) momentum. */
export class SGD implements Optimizer {
  t = 0;
  private readonly lr: Schedule;
  private velocity: Float64Array[] | null = null;
  constructor(options: { lr: number | Schedule; momentum?: number }) {
    this.lr = asSchedule(options.lr);
    this.momentum = options.momentum ?? 0;
  }
  readonly momentum: number;
  stepInPlace(params: readonly Tensor[], grads: readonly Tensor[]): void {
    checkPair(params, grads);
    const lr = this.lr(this.t);
    if (!this.velocity) this.velocity = params.map((p) => new Float64Array(p.size));
    params.forEach((p, k) => {
      const v = this.velocity![k];
      const g = grads[k].data;
      for (let i = 0; i < p.size; i++) {
        v[i] = this.momentum * v[i] + g[i];
        p.data[i] -= lr * v[i];
      }
    });
    this.t++;
  }
}

/** Adam with bias correction. */
export class Adam implements Optimizer {
  t = 0;
  private readonly lr: Schedule;
  private m: Float64Array[] | null = null;
  private v: Float64Array[] | null = null;
  readonly beta1: number;
  readonly beta2: number;
  readonly eps: number;
  constructor(options: { lr: number | Schedule; beta1?: number; beta2?: number; eps?: number }) {
    this.lr = asSchedule(options.lr);
    this.beta1 = options.beta1 ?? 0.9;
    this.beta2 = options.beta2 ?? 0.999;
    this.eps = options.eps ?? 1e-8;
  }
  stepInPlace(params: readonly Tensor[], grads: readonly Tensor[]): void {
    checkPair(params, grads);
    if (!this.m || !this.v) {
      this.m = params.map((p) => new Float64Array(p.size));
      this.v = params.map((p) => new Float64Array(p.size));
    }
    const lr = this.lr(this.t);
    this.t++;
    const c1 = 1 - this.beta1 ** this.t;
    const c2 = 1 - this.beta2 ** this.t;
    params.forEach((p, k) => {
      const m = this.m![k];
      const v = this.v![k];
      const g = grads[k].data;
      for (let i = 0; i < p.size; i++) {
        m[i] = this.beta1 * m[i] + (1 - this.beta1) * g[i];
        v[i] = this.beta2 * v[i] + (1 - this.beta2) * g[i] * g[i];
        p.data[i] -= (lr * (m[i] / c1)) / (Math.sqrt(v[i] / c2) + this.eps);
      }
    });
  }
}

/** Options of `trainInPlace`. */
export interface TrainOptions {
  steps: number;
  /** Stop early once the loss is below this value. */
  targetLoss?: number;
  /** Called after each step with the step index and the loss before the step. */
  onStep?: (t: number, loss: number) => void;
}

/**
 * Runs `steps` optimizer steps on loss(params…), updating `params` in place; returns the loss
 * before each step.
 */
export function trainInPlace(loss: ScalarFn, params: readonly Tensor[], opt: Optimizer, options: TrainOptions): number[] {
  const losses: number[] = [];
  for (let t = 0; t < options.steps; t++) {
    const { value, grads } = valueAndGrad(loss, params);
    losses.push(value);
    options.onStep?.(t, value);
    if (options.targetLoss !== undefined && value < options.targetLoss) break;
    opt.stepInPlace(params, grads);
  }
  return losses;
}
