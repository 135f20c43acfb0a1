/**
 * The symbolic forward pass: a network spec to its loss, a polynomial over Q in the weights,
 * with the gradient and the Hessian.
 *
 * For every data row the inputs are exact constants, so each node's value is a polynomial in the
 * weights; activations are applied by substituting the pre-activation for z. The weights live in
 * a ring whose variables are the free weights in creation order (node by node, inputs then bias);
 * fixed weights are substituted by their values. Exact rationals throughout (decimals in the data
 * are read exactly).
 */
import { QQ } from '../arithmetic/field';
import { Rational, parseRational, rational } from '../arithmetic/rational';
import { InputError, ResourceLimitError, defaultHeapLimit, deadlineOf } from '../errors';
import type { ControlOptions } from '../control';
import { parsePolynomial } from '../io/parse';
import { gradient, hessian } from '../poly/derivative';
import { substitute } from '../poly/evaluate';
import { Polynomial, PolynomialRing } from '../poly/polynomial';
import { DEFAULT_MAX_LOSS_TERMS, estimateLossBytes, estimateLossTerms, weightCount } from './loss-size';
import { DataReader, NetworkSpec, dataRows, inputNames, validateSpec } from './spec';

export interface NetworkLoss {
  spec: NetworkSpec;
  /** The ring of the free weights, in creation order. */
  ring: PolynomialRing<Rational>;
  /** All weight names in creation order (fixed ones included). */
  allWeights: string[];
  loss: Polynomial<Rational>;
  /** The network's outputs as polynomials in the weights and the inputs (a ring of weights + inputs). */
  outputs: Polynomial<Rational>[];
}

/**
 * A layer's activation: the identity (no activation: the default, or exactly `z`) or a polynomial
 * a(z) substituted for z. A constant a(z) = c is a polynomial like any other (every unit outputs c).
 */
export type Activation = { kind: 'identity' } | { kind: 'polynomial'; a: Polynomial<Rational> };

/** The activation of layer i from its text (undefined: the identity). */
export function layerActivation(text: string | undefined, i: number): Activation {
  if (text === undefined) return { kind: 'identity' };
  const Z = new PolynomialRing(QQ, ['z']);
  let a: Polynomial<Rational>;
  try {
    a = parsePolynomial(text, { ring: Z });
  } catch (e) {
    throw new InputError(`layers[${i}].activation: ${(e as Error).message}`);
  }
  return a.equals(Z.variable('z')) ? { kind: 'identity' } : { kind: 'polynomial', a };
}

function rationalOf(v: string | number, what: string): Rational {
  try {
    return parseRational(String(v));
  } catch {
    throw new InputError(`${what}: '${v}' is not an exact number (use integers, decimals or fractions like 1/3)`);
  }
}

/** Options of `networkLoss`; `timeout`, `signal` and `deadline` are checked between rows and layers while the loss is built. */
export interface NetworkLossOptions extends Pick<ControlOptions, 'timeout' | 'signal' | 'deadline'> {
  /** Refuse (ResourceLimitError) a network whose loss may have more terms (`loss-size.ts`; default 1,000,000). */
  maxTerms?: number;
  /**
   * The heap's size limit in bytes: a loss that may need more than half of it is refused. Default:
   * the engine's own where it tells (Chromium's `performance.memory`), else 4 GiB (Node's default
   * on a 64-bit machine); the CLI passes Node's actual limit (`--max-memory`).
   */
  heapLimit?: number;
}

/** Builds the loss polynomial of a network. */
export function networkLoss(spec: NetworkSpec, readData?: DataReader, options: NetworkLossOptions = {}): NetworkLoss {
  // Shape, row lengths, exact cells and weight names are checked here, at the boundary.
  validateSpec(spec, readData);
  const maxTerms = options.maxTerms ?? DEFAULT_MAX_LOSS_TERMS;
  if (!(maxTerms >= 1)) throw new InputError(`networkLoss: maxTerms must be a number ≥ 1, got ${maxTerms}`);
  const estimate = estimateLossTerms(spec);
  if (estimate > maxTerms) {
    throw new ResourceLimitError(
      `the loss of this network may have up to ${estimate < 1e15 ? Math.round(estimate).toLocaleString('en-US') : estimate.toExponential(1)} terms (an upper bound from its widths and activations, before building it), past the limit of ${maxTerms.toLocaleString('en-US')}: use fewer or narrower layers or lower-degree activations, or raise the limit with --max-terms (the maxTerms option of networkLoss)`,
    );
  }
  // Half the heap: the loss is built from per-row polynomials of the same size.
  const budget = (options.heapLimit ?? defaultHeapLimit()) / 2;
  const bytes = estimateLossBytes(spec, estimate);
  if (bytes > budget) {
    throw new ResourceLimitError(
      `the loss of this network may take about ${(bytes / 2 ** 30).toPrecision(2)} GB (up to ${Math.round(estimate).toLocaleString('en-US')} terms of ${weightCount(spec).toLocaleString('en-US')} weights each), more than half the heap (${(budget / 2 ** 30).toPrecision(2)} GB): use a smaller network or raise the heap with --max-memory MB`,
    );
  }
  const deadline = deadlineOf(options, 'networkLoss');
  const inputs = inputNames(spec);
  // Weight names in the blog's order.
  const weightNames: string[] = [];
  const layerWeights: { weights: string[][]; biases: (string | undefined)[] }[] = [];
  let node = 0;
  let fanIn = inputs.length;
  for (const layer of spec.layers) {
    const weights: string[][] = [];
    const biases: (string | undefined)[] = [];
    for (let j = 0; j < layer.width; j++, node++) {
      const w = Array.from({ length: fanIn }, (_, i) => `w${node}_${i}`);
      weights.push(w);
      weightNames.push(...w);
      const b = layer.bias ? `b${node}` : undefined;
      if (b) weightNames.push(b);
      biases.push(b);
    }
    layerWeights.push({ weights, biases });
    fanIn = layer.width;
  }
  const fixed = spec.fixed ?? {};
  const free = weightNames.filter((w) => !(w in fixed));
  if (free.length === 0) throw new InputError('every weight is fixed: nothing to solve for');
  const W = new PolynomialRing(QQ, free);
  const value = (name: string): Polynomial<Rational> => (name in fixed ? W.constant(rationalOf(fixed[name], `fixed weight ${name}`)) : W.variable(name));
  const activations = spec.layers.map((l, i) => layerActivation(l.activation, i));
  const outputs = spec.layers[spec.layers.length - 1].width;
  const rows = dataRows(spec, readData);
  let loss = W.zero();
  rows.forEach((row, r) => {
    deadline?.check();
    let current: Polynomial<Rational>[] = row.slice(0, inputs.length).map((c) => W.constant(rationalOf(c, `data row ${r + 1}`)));
    spec.layers.forEach((_, li) => {
      deadline?.check();
      const { weights, biases } = layerWeights[li];
      current = weights.map((ws, j) => {
        let pre = ws.reduce((acc, w, i) => acc.add(value(w).mul(current[i])), W.zero());
        const b = biases[j];
        if (b) pre = pre.add(value(b));
        const act = activations[li];
        return act.kind === 'identity' ? pre : substitute(act.a, { z: pre }, W);
      });
    });
    for (let o = 0; o < outputs; o++) {
      const target = rationalOf(row[inputs.length + o], `data row ${r + 1}`);
      loss = loss.add(current[o].sub(W.constant(target)).pow(2));
    }
  });
  const kind = spec.loss ?? 'sum';
  if (kind === 'mean') loss = loss.scale(rational(1n, BigInt(rows.length)));
  if (kind === 'half') loss = loss.scale(rational(1n, 2n));
  if (spec.regularization !== undefined) {
    const reg = spec.regularization;
    for (const w of free) {
      const lambda = typeof reg === 'object' ? (reg[w] !== undefined ? rationalOf(reg[w], `regularization of ${w}`) : undefined) : rationalOf(reg, 'regularization');
      if (lambda) loss = loss.add(W.variable(w).pow(2).scale(lambda));
    }
  }
  return { spec, ring: W, allWeights: weightNames, loss, outputs: [] };
}

/** ∇L in the ring's variable order. */
export function lossGradient(L: NetworkLoss): Polynomial<Rational>[] {
  return gradient(L.loss);
}

/** The Hessian of L. */
export function lossHessian(L: NetworkLoss): Polynomial<Rational>[][] {
  return hessian(L.loss);
}
