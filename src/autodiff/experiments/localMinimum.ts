/**
 * Seed 003: a constructed local minimum of a 2-2-1 sigmoid network that is not global.
 * The network M(x) = σ(v0·σ(w00 x0 + w01 x1 + b0) + v1·σ(w10 x0 + w11 x1 + b1) + c) on ten
 * labelled points, loss the mean binary cross-entropy, as a function of one flat vector
 * θ = (w00, w01, w10, w11, b0, b1, v0, v1, c). We check what the seed could not: the gradient
 * norm and the full 9 × 9 Hessian (exact, reverse-over-reverse) at the stated weights and at the
 * critical point L-BFGS finds next to them, and we look for lower loss by random restarts.
 * Reference: the seed notebook (zw2788/LocalMinimaConstruction, Ex1) and its DeepMind source.
 */
import { InputError } from '../../errors';
import { symmetricEigenvalues } from '../eigen';
import { valueAndGrad } from '../grad';
import { valueGradHessian } from '../hessian';
import { lbfgs } from '../lbfgs';
import { binaryCrossEntropyWithLogits } from '../losses';
import { add, matmul, reshape, sigmoid, slice, transpose } from '../ops';
import { renderSvg } from '../plot';
import { Rng } from '../random';
import { Var, constant } from '../tape';
import { Tensor, matrix, tensor } from '../tensor';

/** The ten points and labels of the seed. */
export const SEED_DATA: { x: [number, number]; y: number }[] = [
  { x: [2.8, 0.4], y: 1 },
  { x: [3.1, 4.3], y: 1 },
  { x: [0.1, -3.4], y: 1 },
  { x: [-4.2, -3.3], y: 1 },
  { x: [-0.5, 0.2], y: 1 },
  { x: [-2.7, -0.4], y: 0 },
  { x: [-3, -4.3], y: 0 },
  { x: [-0.1, 3.4], y: 0 },
  { x: [4.2, 3.2], y: 0 },
  { x: [0.4, -0.1], y: 0 },
];

/** The weights claimed to be a local minimum, as θ = (W row-major, b, v, c). */
export const STATED_WEIGHTS = [1.05954587, -0.03749863, -0.05625762, 1.09518945, -0.050686, -0.06894291, 3.76921058, -3.72139955, -0.0148436];

/** The weights the seed's notebook printed after its gradient descent (loss 0.5777382528970282). */
export const SEED_NOTEBOOK_WEIGHTS = [1.05894267, -0.03707451, -0.05605827, 1.09391677, -0.0510536, -0.06882748, 3.76522613, -3.71629306, -0.01479446];

/** Names of the nine parameters, in θ order. */
export const PARAMETER_NAMES = ['w00', 'w01', 'w10', 'w11', 'b0', 'b1', 'v0', 'v1', 'c'];

const X = constant(matrix(SEED_DATA.map((d) => d.x)));
const Y = constant(new Tensor(Float64Array.from(SEED_DATA.map((d) => d.y)), [SEED_DATA.length, 1]));

/** Mean binary cross-entropy of the 2-2-1 sigmoid network as a function of θ (shape [9]), in the stable logits form. */
export function networkLoss(theta: Var): Var {
  const W = reshape(slice(theta, 0, 0, 4), [2, 2]);
  const b = reshape(slice(theta, 0, 4, 6), [1, 2]);
  const v = reshape(slice(theta, 0, 6, 8), [2, 1]);
  const c = reshape(slice(theta, 0, 8, 9), [1, 1]);
  const hidden = sigmoid(add(matmul(X, transpose(W)), b));
  // the logits form of mean BCE(σ(z), y): equal in value and derivatives, but finite when σ(z)
  // rounds to 0 or 1 (restarts drift to large weights)
  return binaryCrossEntropyWithLogits(add(matmul(hidden, v), c), Y);
}

const objective = (x: Float64Array) => {
  const r = valueAndGrad(networkLoss, [new Tensor(x, [9])]);
  return { value: r.value, grad: r.grads[0].data };
};

/** First- and second-order facts at one point. */
export interface PointAnalysis {
  theta: number[];
  loss: number;
  /** Euclidean norm of the gradient. */
  gradientNorm: number;
  /** All nine Hessian eigenvalues, ascending. */
  hessianEigenvalues: number[];
  /** Eigenvalues of the diagonal blocks W (4), b (2), v (2), c (1), as the seed computed them. */
  blockEigenvalues: { W: number[]; b: number[]; v: number[]; c: number[] };
}

/** Loss, gradient norm and Hessian spectrum at θ. */
export function analysePoint(theta: readonly number[]): PointAnalysis {
  const { value, gradient, hessian } = valueGradHessian(networkLoss, tensor(theta));
  const block = (lo: number, hi: number): number[] => {
    const n = hi - lo;
    const m = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) m[i * n + j] = hessian.get(lo + i, lo + j);
    return symmetricEigenvalues(new Tensor(m, [n, n]));
  };
  return {
    theta: [...theta],
    loss: value,
    gradientNorm: Math.hypot(...gradient.data),
    hessianEigenvalues: symmetricEigenvalues(hessian),
    blockEigenvalues: { W: block(0, 4), b: block(4, 6), v: block(6, 8), c: block(8, 9) },
  };
}

/** Options of the experiment. */
export interface LocalMinimumOptions {
  restarts: number;
  seed: number;
  /** Standard deviation of the random initial weights. */
  initScale: number;
  /** L-BFGS iteration limit per restart (runs drifting to infinite weights stop here). */
  maxIterations: number;
}

export const localMinimumDefaults: LocalMinimumOptions = { restarts: 20, seed: 3, initScale: 2, maxIterations: 200 };

/** The experiment's findings. */
export interface LocalMinimumResult {
  experiment: 'local-minimum';
  seedFile: '003';
  settings: LocalMinimumOptions;
  /** At the stated weights. */
  loss: number;
  gradientNorm: number;
  hessianEigenvalues: number[];
  stated: PointAnalysis;
  /** The critical point L-BFGS reaches from the stated weights (gradient ≈ 0). */
  refined: PointAnalysis & { distanceFromStated: number; lbfgs: string };
  /** At the weights printed by the seed's notebook. */
  seedNotebook: PointAnalysis;
  /** Gradient ≈ 0 and a positive definite Hessian at the refined critical point. */
  isStrictLocalMinimum: boolean;
  /** Lowest loss over the random restarts (each polished by L-BFGS). */
  bestLossFound: number;
  bestTheta: number[];
  restartLosses: number[];
  /** Loss along the segment from the refined minimum (t = 0) to the best restart (t = 1). */
  path: [number, number][];
}

/** Runs the experiment. */
export function runLocalMinimum(opts: Partial<LocalMinimumOptions> = {}): LocalMinimumResult {
  const o = { ...localMinimumDefaults, ...opts };
  if (!(Number.isInteger(o.restarts) && o.restarts >= 1)) throw new InputError('local-minimum needs at least one restart');
  if (!(o.initScale > 0)) throw new InputError('local-minimum needs a positive init scale');
  const stated = analysePoint(STATED_WEIGHTS);
  const polish = lbfgs(objective, Float64Array.from(STATED_WEIGHTS), { gradTol: 1e-12, maxIterations: 2000 });
  const refinedPoint = analysePoint(Array.from(polish.x));
  const refined = {
    ...refinedPoint,
    distanceFromStated: Math.hypot(...refinedPoint.theta.map((t, i) => t - STATED_WEIGHTS[i])),
    lbfgs: `${polish.kind} after ${polish.iterations} iterations`,
  };
  const rng = new Rng(o.seed);
  const restartLosses: number[] = [];
  let best = { loss: Infinity, theta: [] as number[] };
  for (let r = 0; r < o.restarts; r++) {
    const x0 = Float64Array.from({ length: 9 }, () => rng.normal(0, o.initScale));
    const res = lbfgs(objective, x0, { gradTol: 1e-7, maxIterations: o.maxIterations, maxStep: 5 });
    restartLosses.push(res.value);
    if (res.value < best.loss) best = { loss: res.value, theta: Array.from(res.x) };
  }
  const path: [number, number][] = [];
  for (let k = -10; k <= 60; k++) {
    const t = k / 50;
    const th = refinedPoint.theta.map((a, i) => a + t * (best.theta[i] - a));
    path.push([t, networkLoss(constant(tensor(th))).item()]);
  }
  const minEig = refined.hessianEigenvalues[0];
  return {
    experiment: 'local-minimum',
    seedFile: '003',
    settings: o,
    loss: stated.loss,
    gradientNorm: stated.gradientNorm,
    hessianEigenvalues: stated.hessianEigenvalues,
    stated,
    refined,
    seedNotebook: analysePoint(SEED_NOTEBOOK_WEIGHTS),
    isStrictLocalMinimum: refined.gradientNorm < 1e-8 && minEig > 1e-9 * Math.max(1, refined.hessianEigenvalues[8]),
    bestLossFound: best.loss,
    bestTheta: best.theta,
    restartLosses: restartLosses.slice().sort((a, b) => a - b),
    path,
  };
}

const list = (xs: readonly number[], d = 4): string => `[${xs.map((v) => v.toFixed(d)).join(', ')}]`;
const sci = (xs: readonly number[]): string => `[${xs.map((v) => v.toExponential(3)).join(', ')}]`;

/** Human-readable findings. */
export function formatLocalMinimum(r: LocalMinimumResult): string {
  const p = (name: string, a: PointAnalysis): string[] => [
    `${name}: loss ${a.loss.toFixed(10)}, |∇| ${a.gradientNorm.toExponential(3)}`,
    `  full Hessian eigenvalues ${sci(a.hessianEigenvalues)}`,
    `  block eigenvalues W ${list(a.blockEigenvalues.W)}, b ${list(a.blockEigenvalues.b)}, v ${list(a.blockEigenvalues.v)}, c ${list(a.blockEigenvalues.c)}`,
  ];
  return [
    'local-minimum (seed 003): 2-2-1 sigmoid network, mean binary cross-entropy on 10 points, θ ∈ R⁹',
    '',
    ...p('stated weights', r.stated),
    ...p('seed notebook weights', r.seedNotebook),
    '  (seed, float32 torch: W [0.5636, 0.0751, 0.0194, 0.4179], b [0.0090, 0.0991], v [0.1466, 0.0059], c [0.1976]; loss 0.5777382528970282)',
    ...p(`critical point by L-BFGS from the stated weights (${r.refined.lbfgs}, moved ${r.refined.distanceFromStated.toExponential(2)})`, r.refined),
    `  strict local minimum (∇ ≈ 0 and all 9 eigenvalues > 0): ${r.isStrictLocalMinimum ? 'yes' : 'no'}`,
    '',
    `random restarts: ${r.settings.restarts} starts θ ~ N(0, ${r.settings.initScale}²), each minimised by L-BFGS (≤ ${r.settings.maxIterations} iterations, steps ≤ 5)`,
    `  best loss found ${r.bestLossFound.toFixed(10)} (vs ${r.refined.loss.toFixed(10)} at the local minimum) → ${r.bestLossFound < r.refined.loss - 1e-6 ? 'the local minimum is not global' : 'no lower loss found'}`,
    `  best θ ${list(r.bestTheta, 3)} (max |θᵢ| ${Math.max(...r.bestTheta.map(Math.abs)).toFixed(1)}; the loss keeps falling as weights grow, so lower losses lie further out)`,
    `  restart losses (sorted) ${list(r.restartLosses.slice(0, 10), 4)}${r.restartLosses.length > 10 ? ' …' : ''}`,
    `  max loss on the straight segment local min → best: ${Math.max(...r.path.filter(([t]) => t >= 0 && t <= 1).map(([, v]) => v)).toFixed(6)}`,
  ].join('\n');
}

/** Loss along the segment from the local minimum to the best restart, and the spectrum. */
export function plotLocalMinimum(r: LocalMinimumResult): string {
  return renderSvg([
    {
      title: 'loss: local min (t=0) → best restart (t=1)',
      xLabel: 't',
      yLabel: 'mean BCE',
      series: [{ name: 'loss', points: r.path }],
    },
    {
      title: 'Hessian eigenvalues at the local minimum',
      xLabel: 'index',
      yLabel: 'log10 eigenvalue',
      series: [{ name: 'log10 λ', points: r.refined.hessianEigenvalues.map((v, i) => [i + 1, Math.log10(Math.abs(v))] as [number, number]), style: 'points' }],
    },
  ]);
}
