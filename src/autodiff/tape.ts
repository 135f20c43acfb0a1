/**
 * The reverse-mode tape: `Var` nodes, the recording switch, and `gradients`, the backward sweep.
 *
 * Representation: each `Var` holds its forward value (a `Tensor`), its inputs, and the local
 * chain rule that maps the gradient of the output to gradients of the inputs. The rule is written
 * with the same differentiable operations as the forward pass (micrograd's pairing, tfjs-core's
 * one-op-one-gradient), so a backward sweep run while recording builds a graph of its own:
 * differentiating it again gives exact second derivatives (reverse-over-reverse, see hessian.ts).
 * Invariants: a Var that does not require a gradient has no inputs and no rule; the sweep never
 * mutates the graph — gradients live in a map local to one call, so a graph can be swept many
 * times (one Hessian row per sweep).
 * Reference: Griewank & Walther, "Evaluating Derivatives" (2008), ch. 3 (reverse mode) and
 * ch. 5 (second order adjoints).
 */
import { InputError } from '../errors';
import { Shape, Tensor, full, sameShape, scalar } from './tensor';

/** The local chain rule of an operation: gradient of the output ↦ gradients of the inputs. */
export type BackwardRule = (g: Var, out: Var) => (Var | null)[];

let nextId = 0;
let recording = true;

/** A node of the computation graph. */
export class Var {
  readonly id = nextId++;
  constructor(
    /** The forward value. */
    readonly value: Tensor,
    /** Whether gradients flow to this node. */
    readonly requiresGrad: boolean,
    /** Inputs of the operation that made this node (empty for leaves and constants). */
    readonly inputs: readonly Var[] = [],
    /** The operation's gradient rule (absent for leaves and constants). */
    readonly backward?: BackwardRule,
    /** Operation name, for error messages. */
    readonly op = 'leaf',
  ) {}
  /** Shape of the value. */
  get shape(): Shape {
    return this.value.shape;
  }
  /** The single value of a one-element Var. */
  item(): number {
    return this.value.item();
  }
}

/** A leaf that gradients are taken with respect to. */
export function variable(t: Tensor): Var {
  return new Var(t, true);
}

/** A constant: gradients do not flow through it. */
export function constant(t: Tensor | number): Var {
  return new Var(typeof t === 'number' ? scalar(t) : t, false);
}

/** Runs `fn` without recording a graph (values only), e.g. for evaluation or optimizer steps. */
export function noGrad<T>(fn: () => T): T {
  const saved = recording;
  recording = false;
  try {
    return fn();
  } finally {
    recording = saved;
  }
}

/** Runs `fn` with recording switched on or off. */
export function withRecording<T>(on: boolean, fn: () => T): T {
  const saved = recording;
  recording = on;
  try {
    return fn();
  } finally {
    recording = saved;
  }
}

/**
 * Creates the output node of an operation: recorded only when recording is on and some input
 * requires a gradient. Every operation in ops.ts goes through here.
 */
export function record(op: string, inputs: readonly Var[], value: Tensor, backward: BackwardRule): Var {
  if (recording && inputs.some((v) => v.requiresGrad)) return new Var(value, true, inputs, backward, op);
  return new Var(value, false);
}

/** Nodes reachable from `root` through grad-requiring inputs, in topological order (inputs first). */
function topoOrder(root: Var): Var[] {
  const order: Var[] = [];
  const seen = new Set<number>();
  const stack: [Var, number][] = [[root, 0]];
  seen.add(root.id);
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    const [v, i] = top;
    if (i < v.inputs.length) {
      top[1]++;
      const u = v.inputs[i];
      if (u.requiresGrad && !seen.has(u.id)) {
        seen.add(u.id);
        stack.push([u, 0]);
      }
    } else {
      stack.pop();
      order.push(v);
    }
  }
  return order;
}

/** Options of a backward sweep. */
export interface GradientOptions {
  /** Record the sweep itself so its results can be differentiated again (for Hessians). */
  createGraph?: boolean;
  /** Gradient of the output to start from; default 1 (the output must then have one element). */
  seed?: Var;
}

/**
 * Gradients of `root` with respect to each of `wrt` by one reverse sweep. A Var that `root` does
 * not depend on gets a zero gradient.
 * @example gradients(mul(x, x), [x])[0] // 2x
 */
export function gradients(root: Var, wrt: readonly Var[], options: GradientOptions = {}): Var[] {
  const createGraph = options.createGraph ?? false;
  if (!options.seed && root.value.size !== 1) {
    throw new InputError(`gradients of a non-scalar output (shape [${root.shape.join(', ')}]) need a seed`);
  }
  if (options.seed && !sameShape(options.seed.shape, root.shape)) throw new InputError('gradient seed must have the shape of the output');
  return withRecording(createGraph, () => {
    const grads = new Map<number, Var>();
    if (root.requiresGrad) {
      grads.set(root.id, options.seed ?? constant(full(root.shape, 1)));
      const order = topoOrder(root);
      for (let k = order.length - 1; k >= 0; k--) {
        const v = order[k];
        const g = grads.get(v.id);
        if (!g || !v.backward) continue;
        const gs = v.backward(g, v);
        v.inputs.forEach((u, i) => {
          const gi = gs[i];
          if (!u.requiresGrad || !gi) return;
          const prev = grads.get(u.id);
          grads.set(u.id, prev ? accumulate(prev, gi) : gi);
        });
      }
    }
    return wrt.map((w) => grads.get(w.id) ?? constant(full(w.shape, 0)));
  });
}

/** Sum of two gradients of the same node (same shape), itself differentiable. */
function accumulate(a: Var, b: Var): Var {
  const out = new Float64Array(a.value.size);
  for (let i = 0; i < out.length; i++) out[i] = a.value.data[i] + b.value.data[i];
  return record('add', [a, b], new Tensor(out, a.shape), (g) => [g, g]);
}
