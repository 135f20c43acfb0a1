/**
 * The continuous symmetries of a network's loss, derived from its spec and checked exactly:
 * one-parameter rescalings of homogeneous units and the linear groups of linear layers (Kunin,
 * Sagastuy-Brena, Ganguli, Yamins and Tanaka 2021, "Neural mechanics: symmetry and broken
 * conservation laws in deep learning dynamics").
 *
 * - Rescaling: a hidden unit with activation a(z) = α·zᵖ has a(c·z) = cᵖ·a(z), so (incoming
 *   weights and bias) ↦ c·(…), outgoing weights ↦ c⁻ᵖ·(…) leaves L invariant for every c ≠ 0 —
 *   unless λ·w² weighs one of them (λ ≠ 0 breaks it) or one is fixed to a non-zero value. Exact
 *   check: the vector field Σ_in w∂_w − p·Σ_out w∂_w annihilates L, i.e. every monomial of L has
 *   in-degree p times its out-degree.
 * - A linear hidden layer of width n ≥ 2 (a(z) = α·z): (W, b) ↦ (M·W, M·b), V ↦ V·M⁻¹ for the
 *   layer's incoming weights W, biases b and outgoing weights V, with M in GL(n) when none of them
 *   is regularized, in O(n) when they all carry the same λ (λ·|w|² is O(n)-invariant), and no
 *   fixed weight among them. Exact check: generators of the Lie algebra (E_ij for adjacent i, j
 *   and the rescalings for GL, E_ij − E_ji for O) annihilate L as derivations. GL(n) contains the
 *   layer's rescalings, which are then not listed.
 *
 * These are facts of the spec: a continuous group of dimension d maps every critical point to a
 * d-dimensional family of critical points wherever it acts with finite stabilizers, so the
 * critical set is positive-dimensional there. Orbits of components use the discrete group only.
 */
import { Rational, rationalToString, req, rsign } from '../arithmetic/rational';
import { partialDerivative } from '../poly/derivative';
import { Polynomial } from '../poly/polynomial';
import { NetworkLoss } from './loss';
import { BrokenSymmetry } from './symmetry';
import { NetworkUnits, Unit, networkUnits, unitWeights } from './units';

export type ContinuousSymmetry =
  | {
      kind: 'rescaling';
      description: string;
      /** The unit's node number and layer index. */
      unit: number;
      layer: number;
      /** Scaled by c: incoming weights and bias; by c^−exponent: outgoing weights. */
      scaledUp: string[];
      scaledDown: string[];
      exponent: number;
      dimension: 1;
    }
  | {
      kind: 'linear-group';
      description: string;
      group: 'GL' | 'O';
      layer: number;
      units: number[];
      /** n² for GL(n), n(n−1)/2 for O(n). */
      dimension: number;
    };

export interface ContinuousSymmetries {
  symmetries: ContinuousSymmetry[];
  broken: BrokenSymmetry[];
  /** Derived symmetries that failed the exact check and were dropped (never expected). */
  rejected: string[];
}

/** Why no weight of the list may be moved continuously (fixed to non-zero or, unless `lambda` allows it, regularized). */
function obstruction(net: NetworkUnits, weights: readonly string[], allowFixedZero: boolean, lambda: (l: Rational) => boolean): string | undefined {
  for (const w of weights) {
    const f = net.fixed.get(w);
    if (f !== undefined) {
      if (allowFixedZero && rsign(f) === 0) continue;
      return `${w} is fixed to ${rationalToString(f)}`;
    }
    const l = net.lambda.get(w) as Rational;
    if (!lambda(l)) return `λ(${w}) = ${rationalToString(l)}`;
  }
  return undefined;
}

/** Does every monomial of L have degree in `up` equal to p times its degree in `down`? */
function rescalingInvariant(L: Polynomial<Rational>, up: readonly string[], down: readonly string[], p: number): boolean {
  const index = (ws: readonly string[]): number[] => ws.filter((w) => L.ring.hasVar(w)).map((w) => L.ring.varIndex(w) + 1);
  const u = index(up);
  const d = index(down);
  return L.monomials.every((m) => u.reduce((s, i) => s + m[i], 0) === p * d.reduce((s, i) => s + m[i], 0));
}

/** The derivation Σ c·x_a·∂_b (terms [a, b, c]) applied to L, with the partial derivatives cached. */
function derivation(L: Polynomial<Rational>, terms: readonly [string, string, number][], partials: Map<string, Polynomial<Rational>>): Polynomial<Rational> {
  let acc = L.ring.zero();
  for (const [a, b, c] of terms) {
    let d = partials.get(b);
    if (!d) partials.set(b, (d = partialDerivative(L, b)));
    acc = acc.add(L.ring.variable(a).mul(d).scale(L.field.fromInt(c)));
  }
  return acc;
}

/** E_ij on a linear layer: row i of W += row j (and b), column j of V −= column i. */
function elementaryTerms(units: readonly Unit[], i: number, j: number, sign: number): [string, string, number][] {
  const [ui, uj] = [units[i], units[j]];
  return [
    ...ui.incoming.map((w, x): [string, string, number] => [uj.incoming[x], w, sign]),
    ...(ui.bias && uj.bias ? [[uj.bias, ui.bias, sign] as [string, string, number]] : []),
    ...uj.outgoing.map((w, o): [string, string, number] => [ui.outgoing[o], w, -sign]),
  ];
}

/** The continuous symmetries of the loss (see the file header), each checked exactly. */
export function continuousSymmetries(loss: NetworkLoss): ContinuousSymmetries {
  const net = networkUnits(loss.spec);
  const L = loss.loss;
  const symmetries: ContinuousSymmetry[] = [];
  const broken: BrokenSymmetry[] = [];
  const rejected: string[] = [];
  const partials = new Map<string, Polynomial<Rational>>();
  const withGL = new Set<number>();
  net.layers.forEach((units, li) => {
    const shape = units[0].activation;
    if (!units[0].hidden || shape.homogeneousDegree !== 1 || units.length < 2) return;
    const weights = units.flatMap(unitWeights);
    const n = units.length;
    const what = `the linear maps of hidden layer ${li + 1} (linear, ${n} units)`;
    const first = net.lambda.get(weights[0]) as Rational;
    const group = obstruction(net, weights, false, (l) => rsign(l) === 0) === undefined ? 'GL' : obstruction(net, weights, false, (l) => req(l, first)) === undefined ? 'O' : undefined;
    if (!group) {
      const reason = obstruction(net, weights, false, (l) => req(l, first)) as string;
      broken.push({ description: what, reason: reason.startsWith('λ') ? `${reason} ≠ λ(${weights[0]}) = ${rationalToString(first)} (GL(${n}) needs λ = 0, O(${n}) one λ on the layer’s weights)` : reason });
      return;
    }
    // The Lie algebra is generated by the adjacent E_{i,i+1}, E_{i+1,i} (gl(n), with the diagonal: the
    // rescalings) or E_{i,i+1} − E_{i+1,i} (so(n)): brackets give the rest, and a bracket of
    // derivations that annihilate L annihilates L.
    const adjacent = units.slice(1).map((_, i) => [i, i + 1] as const);
    const pairs = group === 'GL' ? adjacent.flatMap(([i, j]) => [[i, j] as const, [j, i] as const]) : adjacent;
    const ok = pairs.every(([i, j]) => derivation(L, [...elementaryTerms(units, i, j, 1), ...(group === 'O' ? elementaryTerms(units, j, i, -1) : [])], partials).isZero());
    const description = `${group}(${n}) on hidden layer ${li + 1}: (incoming weights, biases) ↦ M·(…), outgoing weights ↦ (…)·M⁻¹ for ${group === 'GL' ? 'invertible' : 'orthogonal'} M`;
    if (!ok || (group === 'GL' && !units.every((u) => rescalingInvariant(L, [...u.incoming, ...(u.bias ? [u.bias] : [])], u.outgoing, 1)))) {
      rejected.push(description);
      return;
    }
    symmetries.push({ kind: 'linear-group', description, group, layer: li, units: units.map((u) => u.node), dimension: group === 'GL' ? n * n : (n * (n - 1)) / 2 });
    if (group === 'GL') for (const u of units) withGL.add(u.node);
  });
  for (const u of net.units) {
    const p = u.activation.homogeneousDegree;
    if (!u.hidden || p === undefined || withGL.has(u.node)) continue;
    const up = [...u.incoming, ...(u.bias ? [u.bias] : [])];
    const description = `rescale hidden unit ${u.node} (layer ${u.layer + 1}): incoming weights${u.bias ? ' and bias' : ''} ×c, outgoing weights ×c^${p === 1 ? '−1' : `−${p}`} (c ≠ 0; ${u.activation.text} is homogeneous of degree ${p})`;
    const reason = obstruction(net, unitWeights(u), true, (l) => rsign(l) === 0);
    if (reason) {
      broken.push({ description: `rescalings of hidden unit ${u.node}`, reason });
      continue;
    }
    if (!rescalingInvariant(L, up, u.outgoing, p)) {
      rejected.push(description);
      continue;
    }
    symmetries.push({ kind: 'rescaling', description, unit: u.node, layer: u.layer, scaledUp: up, scaledDown: [...u.outgoing], exponent: p, dimension: 1 });
  }
  return { symmetries, broken, rejected };
}
