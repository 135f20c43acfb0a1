/**
 * The network systems of the solving bench: critical ideals ∇L = 0 of regularized networks with a
 * distinct λ per weight, whose critical sets are finite. Two are presets (`deep-linear:1,2,2,1`,
 * `deep-linear:2,2,2`); the third is the seed blog's XOR network (2-2-1, linear, no bias, the four
 * XOR rows, half the squared error) with the λ of `shared/reference/networks.md`; the last three
 * are the XOR rows on networks one size up (activation z², a third hidden unit, biases), with
 * λ = 1/(10 + k) for the k-th weight as in the presets. Each system is
 * built the way `polycrit critical` builds it — `networkLoss(spec)` then `lossGradient` — so polycrit
 * `solve`, msolve and the `critical` command all see the same polynomials. `benchSystem` also
 * accepts the named families (`katsura:6`), so run-one.ts takes either kind of name.
 */
import { Rational } from '../../src/arithmetic/rational';
import { lossGradient, networkLoss } from '../../src/networks/loss';
import { preset } from '../../src/networks/presets';
import { NetworkSpec } from '../../src/networks/spec';
import { Polynomial } from '../../src/poly/polynomial';
import { namedSystem } from '../../src/systems';

/** A network of the bench, with the counts known from earlier runs (polycrit and msolve agree). */
export interface BenchNetwork {
  /** Name in tables and on the command line (a preset name where there is one). */
  name: string;
  /** The preset to pass to `polycrit critical --preset`, when the network is one. */
  preset?: string;
  spec: NetworkSpec;
  /**
   * Known complex (distinct) and real critical points, for the `expected` column; absent where no
   * peer has confirmed polycrit's counts (msolve did not finish in 300 s).
   */
  expected?: { complex: number; real: number };
}

const XOR_ROWS = [
  [0, 0, 0],
  [0, 1, 1],
  [1, 0, 1],
  [1, 1, 0],
];

/** The XOR network of the blog with a distinct λ per weight (networks.md): 641 points, 57 real. */
const XOR_LAMBDA: NetworkSpec = {
  name: 'xor-lambda',
  inputs: ['x', 'y'],
  layers: [{ width: 2 }, { width: 2 }, { width: 1 }],
  data: XOR_ROWS,
  loss: 'half',
  regularization: {
    w0_0: '61/500',
    w0_1: '607/2000',
    w1_0: '279/1000',
    w1_1: '67/1000',
    w2_0: '379/2000',
    w2_1: '469/1000',
    w3_0: '619/2000',
    w3_1: '243/1000',
    w4_0: '641/2000',
    w4_1: '119/400',
  },
};

/** The XOR rows on `layers`, half the squared error, λ = 1/(10 + k) on the k-th weight (in the order of `networkLoss`). */
function xorWithLambdas(name: string, layers: NetworkSpec['layers']): NetworkSpec {
  const spec: NetworkSpec = { name, inputs: ['x', 'y'], layers, data: XOR_ROWS, loss: 'half' };
  const weights = networkLoss(spec).ring.vars;
  return { ...spec, regularization: Object.fromEntries(weights.map((w, k) => [w, `1/${10 + k}`])) };
}

/** The bench's networks, smallest first. */
export const BENCH_NETWORKS: readonly BenchNetwork[] = [
  { name: 'deep-linear:1,2,2,1', preset: 'deep-linear:1,2,2,1', spec: preset('deep-linear:1,2,2,1'), expected: { complex: 129, real: 33 } },
  { name: 'deep-linear:2,2,2', preset: 'deep-linear:2,2,2', spec: preset('deep-linear:2,2,2'), expected: { complex: 225, real: 17 } },
  { name: 'xor-lambda', spec: XOR_LAMBDA, expected: { complex: 641, real: 57 } },
  // 2-2-1 with activation z²: msolve agrees (385 / 49, in 6.2 s on 2026-12-06).
  { name: 'square-221-lambda', spec: xorWithLambdas('square-221-lambda', [{ width: 2, activation: 'z^2' }, { width: 1 }]), expected: { complex: 385, real: 49 } },
  // 2-3-2-1 linear (1,729 points, 49 real) and 2-2-2-1 linear with biases (2,857, 1 real): msolve > 300 s.
  { name: 'linear-2321-lambda', spec: xorWithLambdas('linear-2321-lambda', [{ width: 3 }, { width: 2 }, { width: 1 }]) },
  { name: 'bias-2221-lambda', spec: xorWithLambdas('bias-2221-lambda', [{ width: 2, bias: true }, { width: 2, bias: true }, { width: 1, bias: true }]) },
];

/** The bench network of that name, or undefined. */
export function benchNetwork(name: string): BenchNetwork | undefined {
  return BENCH_NETWORKS.find((n) => n.name === name);
}

/** A system of the bench: its variables and polynomials over Q. */
export interface BenchSystem {
  vars: string[];
  polynomials: Polynomial<Rational>[];
}

/** A bench network's gradient system (∇L in the free weights), or a named family `NAME:N`. */
export function benchSystem(name: string): BenchSystem {
  const net = benchNetwork(name);
  if (net) {
    const loss = networkLoss(net.spec);
    return { vars: [...loss.ring.vars], polynomials: lossGradient(loss) };
  }
  const sys = namedSystem(name);
  return { vars: [...sys.ring.vars], polynomials: sys.polynomials };
}
