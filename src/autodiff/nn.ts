/**
 * Networks as pure functions of their parameters: a `Module` knows its parameter shapes, how to
 * initialise them from a seeded `Rng`, and how to apply them to an input batch. Parameters are a
 * plain `Tensor[]` (a parameter collection) in the order of `shapes`, so `valueAndGrad`, the
 * optimizers, L-BFGS (via `flatten`) and Hessians all work on the same values.
 * Layout: inputs are row batches [N, in]; a Linear layer holds W [in, out] and b [out] and computes
 * x·W + b. Default initialisation is PyTorch's: U(−1/√in, 1/√in) for weights and biases.
 * Reference: PyTorch `nn.Linear.reset_parameters`; micrograd `nn.py`.
 */
import { InputError } from '../errors';
import { add, matmul, relu, sigmoid, tanh } from './ops';
import { Rng } from './random';
import { Shape, Tensor, sizeOf } from './tensor';
import { Var } from './tape';

/** Activation functions available to MLPs. */
export type Activation = 'relu' | 'tanh' | 'sigmoid' | 'identity';

/** The activation names, for option parsing. */
export const ACTIVATIONS: readonly Activation[] = ['relu', 'tanh', 'sigmoid', 'identity'];

/** Applies a named activation. */
export function activate(name: Activation, x: Var): Var {
  switch (name) {
    case 'relu':
      return relu(x);
    case 'tanh':
      return tanh(x);
    case 'sigmoid':
      return sigmoid(x);
    case 'identity':
      return x;
  }
}

/** A network: parameter shapes, seeded initialisation, and application to a batch. */
export interface Module {
  /** Parameter shapes, in collection order. */
  readonly shapes: readonly Shape[];
  /** Parameter names, parallel to `shapes` (e.g. `layer0.W`). */
  readonly names: readonly string[];
  /** A fresh parameter collection. */
  init(rng: Rng): Tensor[];
  /** The output for a batch x given parameters (as Vars, in collection order). */
  apply(params: readonly Var[], x: Var): Var;
}

/** Total number of scalar parameters of a module. */
export function parameterCount(m: Module): number {
  return m.shapes.reduce((s, sh) => s + sizeOf(sh), 0);
}

/** A fully connected layer x ↦ x·W + b. */
export class Linear implements Module {
  readonly shapes: Shape[];
  readonly names: string[];
  constructor(
    readonly inFeatures: number,
    readonly outFeatures: number,
    readonly bias = true,
    prefix = '',
  ) {
    if (!(inFeatures > 0 && outFeatures > 0)) throw new InputError(`Linear needs positive sizes, got ${inFeatures} → ${outFeatures}`);
    this.shapes = bias ? [[inFeatures, outFeatures], [outFeatures]] : [[inFeatures, outFeatures]];
    this.names = bias ? [`${prefix}W`, `${prefix}b`] : [`${prefix}W`];
  }
  init(rng: Rng): Tensor[] {
    const k = 1 / Math.sqrt(this.inFeatures);
    return this.shapes.map((s) => rng.uniformTensor(s, -k, k));
  }
  apply(params: readonly Var[], x: Var): Var {
    const y = matmul(x, params[0]);
    return this.bias ? add(y, params[1]) : y;
  }
}

/** Options of an MLP. */
export interface MLPOptions {
  /** Hidden activation (default tanh). */
  activation?: Activation;
  /** Activation after the last layer (default identity). */
  outputActivation?: Activation;
  /** Whether layers have biases (default true). */
  bias?: boolean;
}

/**
 * A multilayer perceptron with layer sizes `sizes` (input first, output last).
 * @example new MLP([1, 8, 7, 8, 1], { activation: 'tanh' }) // 128 weights plus 24 biases
 */
export class MLP implements Module {
  readonly layers: Linear[];
  readonly shapes: Shape[];
  readonly names: string[];
  readonly activation: Activation;
  readonly outputActivation: Activation;
  constructor(
    readonly sizes: readonly number[],
    options: MLPOptions = {},
  ) {
    if (sizes.length < 2) throw new InputError('an MLP needs at least an input and an output size');
    this.activation = options.activation ?? 'tanh';
    this.outputActivation = options.outputActivation ?? 'identity';
    this.layers = sizes.slice(1).map((n, i) => new Linear(sizes[i], n, options.bias ?? true, `layer${i}.`));
    this.shapes = this.layers.flatMap((l) => l.shapes);
    this.names = this.layers.flatMap((l) => l.names);
  }
  init(rng: Rng): Tensor[] {
    return this.layers.flatMap((l) => l.init(rng));
  }
  apply(params: readonly Var[], x: Var): Var {
    let h = x;
    let off = 0;
    this.layers.forEach((layer, i) => {
      const k = layer.shapes.length;
      h = layer.apply(params.slice(off, off + k), h);
      off += k;
      h = activate(i === this.layers.length - 1 ? this.outputActivation : this.activation, h);
    });
    return h;
  }
  /** The weight matrices only (no biases), flattened in layer order — the seed-001 "weights". */
  weightsOnly(params: readonly Tensor[]): Float64Array {
    const out: number[] = [];
    this.names.forEach((n, i) => {
      if (n.endsWith('W')) out.push(...params[i].data);
    });
    return Float64Array.from(out);
  }
}
