/**
 * The units of a network spec, as the symmetry analysis sees them: for every node its layer, its
 * incoming weights and bias, its outgoing weights (the next layer's weights from it) and the
 * shape of its activation — odd (a(−z) = −a(z)), even (a(−z) = a(z)) or homogeneous
 * (a(z) = α·zᵖ, so a(c·z) = cᵖ·a(z)).
 *
 * Names follow `loss.ts` (node k counted from 0 over all layers has weights `w{k}_{i}` for its
 * inputs i and bias `b{k}`); this file only reads the spec, it never builds the loss. Also the
 * weights' L2 coefficients λ (0 when not regularized) and fixed values, as exact rationals.
 */
import { QQ } from '../arithmetic/field';
import { Rational, parseRational } from '../arithmetic/rational';
import { parsePolynomial } from '../io/parse';
import { PolynomialRing } from '../poly/polynomial';
import { NetworkSpec, inputNames } from './spec';

/** The parity and homogeneity of an activation polynomial a(z). */
export interface ActivationShape {
  text: string;
  odd: boolean;
  even: boolean;
  /** p when a(z) = α·zᵖ with α ≠ 0 and p ≥ 1. */
  homogeneousDegree?: number;
}

export interface Unit {
  /** The node number k of the weights w{k}_i. */
  node: number;
  /** Index of its layer in `spec.layers` (the last is the output layer). */
  layer: number;
  hidden: boolean;
  incoming: string[];
  bias?: string;
  /** The next layer's weights from this unit, one per next-layer node (empty for output units). */
  outgoing: string[];
  activation: ActivationShape;
}

export interface NetworkUnits {
  inputs: string[];
  units: Unit[];
  /** Units by layer. */
  layers: Unit[][];
  /** Every weight name, in the loss's creation order. */
  weights: string[];
  /** λ per weight (0 when not regularized). */
  lambda: Map<string, Rational>;
  /** Fixed weights' values. */
  fixed: Map<string, Rational>;
}

/** Parity and homogeneity of the activation text (a polynomial in z). */
export function activationShape(text: string): ActivationShape {
  const a = parsePolynomial(text, { ring: new PolynomialRing(QQ, ['z']) });
  const degrees = a.monomials.map((m) => m[1]);
  return {
    text,
    odd: degrees.every((d) => d % 2 === 1),
    even: degrees.every((d) => d % 2 === 0),
    ...(degrees.length === 1 && degrees[0] >= 1 ? { homogeneousDegree: degrees[0] } : {}),
  };
}

/** The units of a (validated) spec. */
export function networkUnits(spec: NetworkSpec): NetworkUnits {
  const inputs = inputNames(spec);
  const layers: Unit[][] = [];
  const weights: string[] = [];
  let node = 0;
  let fanIn = inputs.length;
  spec.layers.forEach((layer, li) => {
    const activation = activationShape(layer.activation ?? 'z');
    const units: Unit[] = [];
    for (let j = 0; j < layer.width; j++, node++) {
      const incoming = Array.from({ length: fanIn }, (_, i) => `w${node}_${i}`);
      const bias = layer.bias ? `b${node}` : undefined;
      weights.push(...incoming, ...(bias ? [bias] : []));
      units.push({ node, layer: li, hidden: li < spec.layers.length - 1, incoming, ...(bias ? { bias } : {}), outgoing: [], activation });
    }
    layers.push(units);
    fanIn = layer.width;
  });
  // Outgoing weights: the next layer's node m has w{m}_j from the j-th unit of this layer.
  layers.forEach((units, li) => {
    const next = layers[li + 1] ?? [];
    units.forEach((u, j) => {
      u.outgoing = next.map((m) => m.incoming[j]);
    });
  });
  const lambda = new Map<string, Rational>(weights.map((w) => [w, QQ.zero]));
  const reg = spec.regularization;
  if (reg !== undefined) for (const w of weights) lambda.set(w, typeof reg === 'object' ? (reg[w] !== undefined ? parseRational(String(reg[w])) : QQ.zero) : parseRational(String(reg)));
  const fixed = new Map<string, Rational>(Object.entries(spec.fixed ?? {}).map(([w, v]) => [w, parseRational(String(v))]));
  // Fixed weights are constants in the loss: no regularization term.
  for (const w of fixed.keys()) lambda.set(w, QQ.zero);
  return { inputs, units: layers.flat(), layers, weights, lambda, fixed };
}

/** The weights a unit's symmetries act on: incoming, bias, outgoing. */
export function unitWeights(u: Unit): string[] {
  return [...u.incoming, ...(u.bias ? [u.bias] : []), ...u.outgoing];
}
