/**
 * An upper bound on the number of terms of a network's loss, computed from the spec alone before
 * the loss is built, so a network whose loss cannot fit in memory is refused up front (a
 * 64-64-64-1 linear network: about 3·10^10 terms) instead of ending in V8's out-of-memory crash.
 *
 * Each node's value is a sum of products of "atoms"; the bound counts the monomials that can
 * occur, ignoring cancellation (so it is an upper bound, usually close for generic data):
 * - a node of the first layer: Σᵢ wᵢ·xᵢ (+ b) has at most fanIn (+ 1) terms;
 * - a later node: Σᵢ wᵢ·hᵢ (+ b) has at most Σᵢ T(hᵢ) (+ 1) terms (distinct wᵢ cannot merge terms);
 * - an activation a(z) = Σₑ cₑ·zᵉ on a value of T terms: at most Σₑ C(T + e − 1, e) terms (the
 *   monomials of degree e in T symbols), the identity leaving T;
 * - the loss: Σ over outputs of (o − t)², at most C(T(o) + 2, 2) terms each (T(o) terms and a
 *   constant, squared), plus one λ·w² term per weight. Rows share their monomials (the data only
 *   change the coefficients), so the bound holds for any number of rows.
 * Computed in floating point: an overflow is +∞, which is past any limit. The memory of that many
 * terms (`estimateLossBytes`) is checked too: a 1-32-32-1 network's half a million terms have
 * 1,089 exponents each.
 */
import { QQ } from '../arithmetic/field';
import { parsePolynomial } from '../io/parse';
import { PolynomialRing } from '../poly/polynomial';
import { NetworkSpec, inputNames } from './spec';

/** The default limit of `networkLoss` on the estimated number of terms of the loss. */
export const DEFAULT_MAX_LOSS_TERMS = 1_000_000;

/** C(n + k − 1, k): the number of monomials of degree k in n symbols, as a float. */
function monomialsOfDegree(n: number, k: number): number {
  let c = 1;
  for (let i = 1; i <= k && Number.isFinite(c); i++) c = (c * (n + i - 1)) / i;
  return c;
}

/** The degrees with a non-zero coefficient in an activation (undefined: the identity). */
function activationDegrees(text: string | undefined): number[] | undefined {
  if (text === undefined) return undefined;
  const a = parsePolynomial(text, { ring: new PolynomialRing(QQ, ['z']) });
  if (a.length === 1 && a.monomials[0][1] === 1 && QQ.isOne(a.coefficients[0])) return undefined;
  return a.monomials.map((m) => m[1]);
}

/**
 * An upper bound on the number of terms of the loss of a (validated) spec; see the file header.
 * Example: `estimateLossTerms(preset('xor-blog'))` is 55 (the loss has 43 terms).
 */
export function estimateLossTerms(spec: NetworkSpec): number {
  let previous: number[] | undefined; // terms of each node of the previous layer; undefined: the inputs
  const fanIn = inputNames(spec).length;
  for (const layer of spec.layers) {
    const pre = (previous === undefined ? fanIn : previous.reduce((s, t) => s + t, 0)) + (layer.bias ? 1 : 0);
    const degrees = activationDegrees(layer.activation);
    const after = degrees === undefined ? pre : degrees.reduce((s, e) => s + monomialsOfDegree(pre, e), 0);
    previous = Array.from({ length: layer.width }, () => after);
  }
  const outputs = previous as number[];
  return outputs.reduce((s, t) => s + monomialsOfDegree(t + 1, 2), 0) + weightCount(spec);
}

/** The number of weights of a spec (fixed ones included). */
export function weightCount(spec: NetworkSpec): number {
  const fanIn = inputNames(spec).length;
  return spec.layers.reduce((acc, l, i) => acc + l.width * ((i === 0 ? fanIn : spec.layers[i - 1].width) + (l.bias ? 1 : 0)), 0);
}

/**
 * The memory the loss would take, in bytes, for an estimated number of terms: a term is an
 * exponent array of one slot per weight plus the total degree (8 bytes a slot) and a rational
 * coefficient (~80 bytes with its bigints).
 */
export function estimateLossBytes(spec: NetworkSpec, terms: number): number {
  return terms * (8 * (weightCount(spec) + 1) + 80);
}
