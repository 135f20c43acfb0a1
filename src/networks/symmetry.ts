/**
 * The discrete symmetry group of a network's loss, derived from its spec: signed permutations σ
 * of the free weights with L∘σ = L, given by generators.
 *
 * - Permutations of the hidden units of a layer (Chen, Lu and Hecht-Nielsen 1993, "On the
 *   geometry of feedforward neural network error surfaces"): swapping units u and v swaps their
 *   incoming weights and biases and their outgoing weights. It leaves L invariant when the
 *   regularization does (λ equal on swapped weights) and the fixed weights do (a fixed weight
 *   goes to one fixed to the same value). Units are classes of mutually swappable units (an
 *   equivalence relation); each class contributes the swaps of consecutive members.
 * - Sign flips (ibid.): a hidden unit with an odd activation, a(−z) = −a(z), negates its
 *   incoming weights, bias and outgoing weights; a unit with an even activation, a(−z) = a(z),
 *   hidden or not, negates its incoming weights and bias only. λ·w² is even, so regularization
 *   never breaks them; a weight fixed to a non-zero value does.
 * - Symmetries of the data: permutations of the input columns and of the target columns under
 *   which L is invariant (for XOR, exchanging x and y), acting on the first layer's weights and
 *   on the output units. These are found, not derived: every candidate is screened by evaluating
 *   L modulo a prime at a point and its image, then checked exactly.
 *
 * Every generator is checked exactly, L∘σ = L by substitution (a signed permutation only permutes
 * exponents and signs), and dropped (`rejected`) if it fails: the derivation is never trusted
 * alone. Symmetries the architecture has but the spec breaks are reported (`broken`). Continuous
 * symmetries (rescalings) are in `continuous-symmetry.ts`.
 */
import { Zp } from '../arithmetic/field';
import { Rational, rationalToString, req } from '../arithmetic/rational';
import { Polynomial } from '../poly/polynomial';
import { NetworkLoss } from './loss';
import { SignedPermutation, permutationText, pullBack, reorder, signedPermutation } from './signed-permutation';
import { NetworkUnits, Unit, networkUnits } from './units';

export type GeneratorKind = 'unit-swap' | 'sign-flip' | 'even-flip' | 'data-permutation';

/** A generator of the discrete group, acting on the free weights (the loss ring's variables). */
export interface SymmetryGenerator {
  /** 1, 2, …: words in the generators name them by this. */
  id: number;
  kind: GeneratorKind;
  description: string;
  permutation: SignedPermutation;
  /** The moved weights: `image[w] = '-v'` says σ(x)_w = −x_v. */
  image: Record<string, string>;
}

/** A symmetry the architecture has that the spec's regularization or fixed weights break. */
export interface BrokenSymmetry {
  description: string;
  reason: string;
}

export interface DiscreteSymmetries {
  generators: SymmetryGenerator[];
  broken: BrokenSymmetry[];
  /** Derived generators that failed the exact check L∘σ = L and were dropped (never expected). */
  rejected: string[];
}

type Candidate = { kind: GeneratorKind; description: string; images: Map<string, readonly [string, 1 | -1]> };

/**
 * Why the map on all weights (moved ones in `images`) does not restrict to a symmetry of the
 * regularized loss with these fixed weights, or undefined when it does.
 */
function obstruction(net: NetworkUnits, images: ReadonlyMap<string, readonly [string, 1 | -1]>): string | undefined {
  const text = (r: Rational): string => rationalToString(r);
  for (const [v, [w, s]] of images) {
    const fv = net.fixed.get(v);
    const fw = net.fixed.get(w);
    if (fv !== undefined || fw !== undefined) {
      if (fv === undefined || fw === undefined) return `${fv !== undefined ? v : w} is fixed, ${fv !== undefined ? w : v} is not`;
      if (!req(fv, s > 0 ? fw : { num: -fw.num, den: fw.den })) return `${v} is fixed to ${text(fv)}, ${w} to ${text(fw)}`;
      continue;
    }
    const lv = net.lambda.get(v) as Rational;
    const lw = net.lambda.get(w) as Rational;
    if (!req(lv, lw)) return `the regularization differs: λ(${v}) = ${text(lv)}, λ(${w}) = ${text(lw)}`;
  }
  return undefined;
}

/** The swap of units u and v of one layer, on all weights. */
function swapImages(u: Unit, v: Unit): Map<string, readonly [string, 1 | -1]> {
  const images = new Map<string, readonly [string, 1 | -1]>();
  const pair = (a: string, b: string): void => {
    images.set(a, [b, 1]);
    images.set(b, [a, 1]);
  };
  u.incoming.forEach((w, i) => pair(w, v.incoming[i]));
  if (u.bias && v.bias) pair(u.bias, v.bias);
  u.outgoing.forEach((w, i) => pair(w, v.outgoing[i]));
  return images;
}

function negation(weights: readonly string[]): Map<string, readonly [string, 1 | -1]> {
  return new Map(weights.map((w) => [w, [w, -1] as const]));
}

/** Unit swaps (generators of each class's symmetric group) and sign flips, with what breaks them. */
function unitCandidates(net: NetworkUnits): { candidates: Candidate[]; broken: BrokenSymmetry[] } {
  const candidates: Candidate[] = [];
  const broken: BrokenSymmetry[] = [];
  net.layers.forEach((units, li) => {
    if (!units[0].hidden || units.length < 2) return;
    // Classes of swappable units: swappability is an equivalence relation (equal λ and fixed values, position by position).
    const classes: Unit[][] = [];
    for (const u of units) {
      const home = classes.find((c) => obstruction(net, swapImages(c[0], u)) === undefined);
      if (home) home.push(u);
      else classes.push([u]);
    }
    for (const c of classes) for (let k = 0; k + 1 < c.length; k++) candidates.push({ kind: 'unit-swap', description: `swap hidden units ${c[k].node} and ${c[k + 1].node} (layer ${li + 1})`, images: swapImages(c[k], c[k + 1]) });
    if (classes.length > 1) {
      const reason = obstruction(net, swapImages(classes[0][0], classes[1][0])) as string;
      broken.push({ description: `permutations of the units of hidden layer ${li + 1} (swappable: ${classes.map((c) => `{${c.map((u) => u.node).join(', ')}}`).join(' ')})`, reason });
    }
  });
  for (const u of net.units) {
    const a = u.activation;
    let candidate: Candidate | undefined;
    if (u.hidden && a.odd) candidate = { kind: 'sign-flip', description: `flip the sign of hidden unit ${u.node} (layer ${u.layer + 1}; ${a.text} is odd)`, images: negation([...u.incoming, ...(u.bias ? [u.bias] : []), ...u.outgoing]) };
    else if (a.even) candidate = { kind: 'even-flip', description: `negate the incoming weights of unit ${u.node} (layer ${u.layer + 1}; ${a.text} is even)`, images: negation([...u.incoming, ...(u.bias ? [u.bias] : [])]) };
    if (!candidate) continue;
    const reason = obstruction(net, candidate.images);
    if (reason) broken.push({ description: candidate.description, reason });
    else candidates.push(candidate);
  }
  return { candidates, broken };
}

/** All permutations of 0..n−1 (n small), identity first. */
function permutations(n: number): number[][] {
  if (n === 0) return [[]];
  return permutations(n - 1).flatMap((p) => Array.from({ length: n }, (_, k) => [...p.slice(0, k), n - 1, ...p.slice(k)]));
}

/** L(x) and L(σ(x)) modulo a prime at a fixed pseudo-random point: unequal means σ is no symmetry. */
function screen(L: Polynomial<Rational>): (images: ReadonlyMap<string, readonly [string, 1 | -1]>) => boolean {
  const p = 33554393;
  const F = Zp(p);
  const vars = L.ring.vars;
  const index = new Map(vars.map((v, i) => [v, i]));
  let s = 12345;
  const point = vars.map(() => (s = (s * 48271) % 2147483647) % p);
  const value = (x: readonly number[]): number | undefined => {
    let acc = 0;
    for (let t = 0; t < L.length; t++) {
      const c = L.coefficients[t];
      if (c.den % BigInt(p) === 0n) return undefined;
      let term = F.fromRational(c);
      const m = L.monomials[t];
      for (let i = 0; i < vars.length; i++) for (let e = 0; e < m[i + 1]; e++) term = F.mul(term, x[i]);
      acc = F.add(acc, term);
    }
    return acc;
  };
  const base = value(point);
  return (images) => {
    if (base === undefined) return true;
    const moved = point.slice();
    for (const [v, [w, sign]] of images) {
      const i = index.get(v);
      const j = index.get(w);
      if (i === undefined || j === undefined) return false;
      moved[i] = sign > 0 ? point[j] : F.neg(point[j]);
    }
    return value(moved) === base;
  };
}

/** A permutation of the input columns and one of the target columns. */
type ColumnPermutation = [number[], number[]];

/**
 * Permutations of the input columns and of the target columns under which L is invariant: all of
 * them when there are few (n_in!·n_out! ≤ 120), else the transpositions; a generating set is kept
 * (a candidate already in the group generated so far is skipped).
 */
function dataCandidates(net: NetworkUnits, L: Polynomial<Rational>): Candidate[] {
  const first = net.layers[0];
  const outputs = net.layers[net.layers.length - 1];
  const nIn = net.inputs.length;
  const nOut = outputs.length;
  const id = (n: number): number[] => Array.from({ length: n }, (_, i) => i);
  const factorial = (n: number): number => (n <= 1 ? 1 : n * factorial(n - 1));
  const enumerated = factorial(nIn) * factorial(nOut) <= 120;
  const joint: ColumnPermutation[] = [];
  if (enumerated) {
    for (const a of permutations(nIn)) for (const b of permutations(nOut)) joint.push([a, b]);
  } else {
    const swaps = (n: number): number[][] => id(n).flatMap((i) => id(n).filter((j) => j > i).map((j) => id(n).map((k) => (k === i ? j : k === j ? i : k))));
    for (const a of swaps(nIn)) joint.push([a, id(nOut)]);
    for (const b of swaps(nOut)) joint.push([id(nIn), b]);
  }
  const moved = ([a, b]: ColumnPermutation): number => a.filter((x, i) => x !== i).length + b.filter((x, i) => x !== i).length;
  const key = ([a, b]: ColumnPermutation): string => `${a.join(',')}|${b.join(',')}`;
  // The group generated so far: enumerated (≤ 120 elements), or for transpositions the classes they connect.
  const generated: ColumnPermutation[] = [];
  let group = new Set<string>([key([id(nIn), id(nOut)])]);
  const classes = [id(nIn), id(nOut)];
  const find = (side: number, i: number): number => (classes[side][i] === i ? i : (classes[side][i] = find(side, classes[side][i])));
  const inGroup = (g: ColumnPermutation): boolean => {
    if (enumerated) return group.has(key(g));
    const side = g[0].some((x, i) => x !== i) ? 0 : 1;
    const [i, j] = g[side].map((x, k) => (x !== k ? k : -1)).filter((k) => k >= 0);
    return find(side, i) === find(side, j);
  };
  const add = (g: ColumnPermutation): void => {
    generated.push(g);
    if (!enumerated) {
      const side = g[0].some((x, i) => x !== i) ? 0 : 1;
      const [i, j] = g[side].map((x, k) => (x !== k ? k : -1)).filter((k) => k >= 0);
      classes[side][find(side, i)] = find(side, j);
      return;
    }
    const elements: ColumnPermutation[] = [[id(nIn), id(nOut)]];
    group = new Set([key(elements[0])]);
    for (let k = 0; k < elements.length; k++) {
      for (const [ga, gb] of generated) {
        const z: ColumnPermutation = [elements[k][0].map((i) => ga[i]), elements[k][1].map((i) => gb[i])];
        if (!group.has(key(z))) {
          group.add(key(z));
          elements.push(z);
        }
      }
    }
  };
  const invariant = screen(L);
  const chosen: Candidate[] = [];
  for (const g of joint.filter((g) => moved(g) > 0).sort((x, y) => moved(x) - moved(y))) {
    if (inGroup(g)) continue;
    const [a, b] = g;
    // σ(x)_{w_{k,i}} = x_{w_{k,a(i)}} for first-layer units k; output unit o takes the weights of output unit b(o).
    const images = new Map<string, readonly [string, 1 | -1]>();
    for (const u of first) a.forEach((j, i) => j !== i && images.set(u.incoming[i], [u.incoming[j], 1]));
    b.forEach((j, o) => {
      if (j === o) return;
      outputs[o].incoming.forEach((w, i) => images.set(w, [outputs[j].incoming[i], 1]));
      if (outputs[o].bias) images.set(outputs[o].bias as string, [outputs[j].bias as string, 1]);
    });
    if (obstruction(net, images) !== undefined || !invariant(images)) continue;
    const movedIn = a.map((j, i) => (j !== i ? i : -1)).filter((i) => i >= 0);
    const movedOut = b.map((j, o) => (j !== o ? o : -1)).filter((o) => o >= 0);
    const parts = [
      ...(movedIn.length === 2 ? [`swap the inputs ${net.inputs[movedIn[0]]} and ${net.inputs[movedIn[1]]}`] : movedIn.length > 0 ? [`permute the inputs (${net.inputs.join(', ')}) → (${a.map((j) => net.inputs[j]).join(', ')})`] : []),
      ...(movedOut.length === 2 ? [`swap the output units ${outputs[movedOut[0]].node} and ${outputs[movedOut[1]].node} with their targets`] : movedOut.length > 0 ? [`permute the output units (${outputs.map((u) => u.node).join(', ')}) → (${b.map((j) => outputs[j].node).join(', ')}) with their targets`] : []),
    ];
    chosen.push({ kind: 'data-permutation', description: `${parts.join(' and ')} (the data are symmetric)`, images });
    add(g);
  }
  return chosen;
}

/**
 * The generators of the discrete symmetry group of the loss of `loss` (see the file header), each
 * checked exactly; what the spec breaks; and derived generators that failed the check.
 */
export function discreteSymmetries(loss: NetworkLoss): DiscreteSymmetries {
  const net = networkUnits(loss.spec);
  const L = loss.loss;
  const free = new Set(L.ring.vars);
  const { candidates, broken } = unitCandidates(net);
  const found = [...candidates, ...dataCandidates(net, L)];
  const generators: SymmetryGenerator[] = [];
  const rejected: string[] = [];
  for (const c of found) {
    // Restricted to the free weights (fixed ones go to fixed ones with the same value).
    const images = new Map([...c.images].filter(([v]) => free.has(v)));
    const sigma = signedPermutation(L.ring.vars, images);
    if (images.size === 0) continue; // it moves fixed weights only: the identity on the loss's ring
    if (!pullBack(L, sigma).equals(L)) {
      rejected.push(c.description);
      continue;
    }
    generators.push({ id: generators.length + 1, kind: c.kind, description: c.description, permutation: sigma, image: permutationText(sigma) });
  }
  return { generators, broken, rejected };
}

/**
 * The discrete group's generators as signed permutations of `vars` (the loss ring's variables in
 * any order, e.g. the solver's canonical order): σ(x)ᵢ = sign[i]·x_{source[i]}, plain index arrays.
 * What a decomposition that works out one component per orbit needs (images of a prime:
 * `pullBack(g, inverse(σ))` on its generators).
 */
export function symmetryGeneratorsOn(loss: NetworkLoss, vars: readonly string[]): SignedPermutation[] {
  return discreteSymmetries(loss).generators.map((g) => reorder(g.permutation, vars));
}
