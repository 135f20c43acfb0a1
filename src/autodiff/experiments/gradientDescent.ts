/**
 * Seed 004: gradient descent with learning-rate decay on f(x) = x² + 3 sin x − 4 cos(x²), and
 * linear regression by gradient descent checked against the normal equations.
 * The descent loop is the seed's `optimize_simple` step for step: x ← x − μ_t f′(x) with
 * μ_t = μ0·e^(−k t), stopping when f(x) is `isclose` to its previous value (NumPy's rtol 1e-5,
 * atol 1e-8) or after `maxIter` recorded points; the derivative is either the seed's symmetric
 * difference (h = 0.001) or exact reverse mode, so the two can be compared.
 * Result: plain JSON-ready values; `plotGradientDescent` draws the trajectories over the curve.
 */
import { InputError } from '../../errors';
import { derivative, valueAndGrad } from '../grad';
import { normalEquations } from '../linalg';
import { add, cos, matmul, mean, mul, sin, square, sub } from '../ops';
import { exponentialDecay } from '../optim';
import { renderSvg, sampleCurve } from '../plot';
import { Rng } from '../random';
import { Var, constant } from '../tape';
import { Tensor } from '../tensor';

/** f(x) = x² + 3 sin x − 4 cos(x²) as a differentiable function. */
export function seedFunction(x: Var): Var {
  return sub(add(square(x), mul(3, sin(x))), mul(4, cos(square(x))));
}

/** f as a plain number function. */
export const seedF = (x: number): number => x * x + 3 * Math.sin(x) - 4 * Math.cos(x * x);

/** The seed's symmetric difference quotient. */
export const symmetricDifference = (f: (x: number) => number, x: number, h = 0.001): number => (f(x + h) - f(x - h)) / (2 * h);

/** NumPy's isclose with default tolerances. */
const isclose = (a: number, b: number): boolean =>
  Number.isFinite(a) && Number.isFinite(b) ? Math.abs(a - b) <= 1e-8 + 1e-5 * Math.abs(b) : a === b;

/** One descent run. */
export interface DescentRun {
  start: number;
  /** Final x. */
  x: number;
  /** f at the final x. */
  f: number;
  /** Number of recorded points (the seed's len(xhist)). */
  steps: number;
  /** Exact f′ at the final x. */
  slope: number;
  trajectory: number[];
}

/**
 * The seed's `optimize_simple` with the derivative chosen. With `slopeTolerance` the run stops
 * when |f′(x)| falls below it (a stationary point to that tolerance) instead of the seed's test
 * on f, which also stops where the rate has decayed so far that f no longer moves.
 */
export function descend(start: number, mu0: number, k: number, maxIter: number, derivativeKind: 'exact' | 'finite-difference', slopeTolerance?: number): DescentRun {
  const fprime = derivativeKind === 'exact' ? (x: number) => derivative(seedFunction, x) : (x: number) => symmetricDifference(seedF, x);
  const schedule = exponentialDecay(mu0, k);
  let x = start;
  let y = seedF(x);
  let yn = Infinity;
  const xs = [x];
  let i = 1;
  let mu = schedule(0);
  const stationary = (): boolean => (slopeTolerance === undefined ? isclose(y, yn) : Math.abs(fprime(x)) < slopeTolerance);
  while (!stationary() && i < maxIter) {
    y = yn;
    x = x - mu * fprime(x);
    yn = seedF(x);
    xs.push(x);
    mu = schedule(i);
    i++;
  }
  return { start, x, f: seedF(x), steps: xs.length, slope: derivative(seedFunction, x), trajectory: xs };
}

/** |f′| below which the gentle runs stop. */
const GENTLE_SLOPE_TOLERANCE = 1e-6;

/** Options of the experiment. */
export interface GradientDescentOptions {
  starts: number[];
  mu: number;
  decay: number;
  maxIter: number;
  seed: number;
  /** Data points of the regression. */
  samples: number;
}

/** Defaults: the seed's μ0 = 0.2, k = 1, 1,000 steps, and a few starts including its x = 2. */
export const gradientDescentDefaults: GradientDescentOptions = { starts: [-4, -2, 0.5, 2, 3, 4.5], mu: 0.2, decay: 1, maxIter: 1000, seed: 4, samples: 200 };

/** The experiment's findings. */
export interface GradientDescentResult {
  experiment: 'gradient-descent';
  seedFile: '004';
  settings: GradientDescentOptions;
  /** Runs with the exact derivative. */
  runs: DescentRun[];
  /** The same runs with the seed's finite-difference derivative. */
  runsFiniteDifference: DescentRun[];
  /**
   * The same starts with a small, slowly decaying rate (μ0 = 0.005, k = 0.001), stopped when
   * |f′| < 10⁻⁶: each reaches a stationary point, and from x = 0.5 the global minimum x ≈ −0.5637.
   */
  runsGentle: DescentRun[];
  /** f′ exact vs symmetric difference at a few points. */
  derivatives: { x: number; exact: number; finiteDifference: number; difference: number }[];
  /** The seed's printed single step from x = 3 with μ = 0.2. */
  seedStep: { x: number; f: number; slope: number };
  regression: { trueWeights: number[]; gradientDescent: number[]; normalEquations: number[]; maxDifference: number; steps: number; loss: number[] };
}

/** Runs the experiment. */
export function runGradientDescent(opts: Partial<GradientDescentOptions> = {}): GradientDescentResult {
  const o = { ...gradientDescentDefaults, ...opts };
  if (o.starts.length === 0 || o.starts.some((s) => !Number.isFinite(s))) throw new InputError('gradient-descent needs finite start points');
  if (!(o.mu > 0) || !(o.decay >= 0)) throw new InputError('gradient-descent needs mu > 0 and decay ≥ 0');
  const runs = o.starts.map((s) => descend(s, o.mu, o.decay, o.maxIter, 'exact'));
  const runsFiniteDifference = o.starts.map((s) => descend(s, o.mu, o.decay, o.maxIter, 'finite-difference'));
  const runsGentle = o.starts.map((s) => descend(s, 0.005, 0.001, o.maxIter, 'exact', GENTLE_SLOPE_TOLERANCE));
  const derivatives = [-4, -2, -1, 0, 1, 2, 3, 4.5].map((x) => {
    const exact = derivative(seedFunction, x);
    const finiteDifference = symmetricDifference(seedF, x);
    return { x, exact, finiteDifference, difference: finiteDifference - exact };
  });
  const x1 = 3 - 0.2 * symmetricDifference(seedF, 3);
  const seedStep = { x: x1, f: seedF(x1), slope: symmetricDifference(seedF, x1) };
  return { experiment: 'gradient-descent', seedFile: '004', settings: o, runs, runsFiniteDifference, runsGentle, derivatives, seedStep, regression: regression(o.seed, o.samples) };
}

/** Least squares E(w) = ½·mean((Xw − y)²) by gradient descent vs the normal equations. */
function regression(seed: number, n: number): GradientDescentResult['regression'] {
  if (!(n >= 4)) throw new InputError('regression needs at least 4 samples');
  const rng = new Rng(seed);
  const trueWeights = [1.5, -2, 0.5];
  const X = new Float64Array(n * 3);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const a = rng.uniform(-2, 2);
    const b = rng.uniform(-2, 2);
    X.set([1, a, b], i * 3);
    y[i] = trueWeights[0] + trueWeights[1] * a + trueWeights[2] * b + rng.normal(0, 0.3);
  }
  const Xt = new Tensor(X, [n, 3]);
  const yt = new Tensor(y, [n, 1]);
  const Xc = constant(Xt);
  const yc = constant(yt);
  const loss = (w: Var): Var => mul(0.5, mean(square(sub(matmul(Xc, w), yc))));
  let w = new Tensor(new Float64Array(3), [3, 1]);
  const losses: number[] = [];
  let steps = 0;
  for (; steps < 20000; steps++) {
    const { value, grads } = valueAndGrad(loss, [w]);
    losses.push(value);
    const g = grads[0].data;
    if (Math.max(...Array.from(g, Math.abs)) < 1e-12) break;
    w = new Tensor(w.data.map((v, i) => v - 0.3 * g[i]), [3, 1]);
  }
  const ne = normalEquations(Xt, yt).toArray();
  const gd = w.toArray();
  return { trueWeights, gradientDescent: gd, normalEquations: ne, maxDifference: Math.max(...gd.map((v, i) => Math.abs(v - ne[i]))), steps, loss: losses };
}

const f6 = (v: number): string => v.toFixed(6);

/** The gentle runs' lowest stationary point (on the seed's starts, from x = 0.5: the global minimum, which the tests check on a grid). */
function gentleMinimum(r: GradientDescentResult): string {
  const reached = r.runsGentle.filter((run) => Math.abs(run.slope) < GENTLE_SLOPE_TOLERANCE);
  if (reached.length === 0) return '';
  const best = reached.reduce((a, b) => (b.f < a.f ? b : a));
  return `; the lowest, from x = ${best.start}, is x = ${f6(best.x)}, f = ${f6(best.f)}`;
}

/** Human-readable findings. */
export function formatGradientDescent(r: GradientDescentResult): string {
  const s = r.settings;
  const lines = [
    `gradient-descent (seed 004): f(x) = x² + 3 sin x − 4 cos(x²), μ_t = ${s.mu}·e^(−${s.decay} t), at most ${s.maxIter} steps`,
    '',
    'start      x (exact f′)   f(x)        steps | x (finite diff.)  steps | f′ at x (exact)',
    ...r.runs.map((run, i) => {
      const fd = r.runsFiniteDifference[i];
      return `${String(run.start).padEnd(9)}  ${f6(run.x).padStart(10)}  ${f6(run.f).padStart(10)}  ${String(run.steps).padStart(5)} | ${f6(fd.x).padStart(12)}  ${String(fd.steps).padStart(9)} | ${run.slope.toExponential(2)}`;
    }),
    '',
    'with the seed\'s fast decay the rate vanishes before a minimum is reached (|f′| stays large);',
    `a small, slowly decaying rate (μ0 = 0.005, k = 0.001), stopped when |f′| < ${GENTLE_SLOPE_TOLERANCE.toExponential(0)}, reaches stationary points${gentleMinimum(r)}:`,
    'start      x          f(x)        steps   f′ at x',
    ...r.runsGentle.map((run) => `${String(run.start).padEnd(9)}  ${f6(run.x).padStart(10)}  ${f6(run.f).padStart(10)}  ${String(run.steps).padStart(5)}   ${run.slope.toExponential(2)}`),
    '',
    `seed check: one step from x = 3 with μ = 0.2 gives x = ${f6(r.seedStep.x)}, f = ${f6(r.seedStep.f)}, f′ = ${f6(r.seedStep.slope)} (seed: 0.415843, −2.555534, 4.148432)`,
    '',
    'x        exact f′        symmetric difference (h = 0.001)   difference',
    ...r.derivatives.map((d) => `${String(d.x).padEnd(7)}  ${d.exact.toFixed(9).padStart(14)}  ${d.finiteDifference.toFixed(9).padStart(14)}                   ${d.difference.toExponential(2)}`),
    '',
    `linear regression (${s.samples} points, y = 1.5 − 2a + 0.5b + noise), gradient descent for ${r.regression.steps} steps:`,
    `  gradient descent   w = [${r.regression.gradientDescent.map(f6).join(', ')}]`,
    `  normal equations   w = [${r.regression.normalEquations.map(f6).join(', ')}]`,
    `  max |difference| = ${r.regression.maxDifference.toExponential(2)}`,
  ];
  return lines.join('\n');
}

/** The trajectories over the curve, and the regression loss curve. */
export function plotGradientDescent(r: GradientDescentResult): string {
  const lo = Math.min(-5, ...r.runs.flatMap((x) => x.trajectory));
  const hi = Math.max(5, ...r.runs.flatMap((x) => x.trajectory));
  return renderSvg([
    {
      title: 'GD with decay on x² + 3 sin x − 4 cos x²',
      xLabel: 'x',
      yLabel: 'f(x)',
      series: [
        { name: 'f', points: sampleCurve(seedF, lo, hi, 800), color: '#888' },
        ...r.runs.map((run) => ({ name: `start ${run.start}`, points: run.trajectory.map((x) => [x, seedF(x)] as [number, number]), style: 'both' as const })),
      ],
    },
    {
      title: 'linear regression by gradient descent',
      xLabel: 'step',
      yLabel: 'log10 (E − E*)',
      series: [
        {
          name: 'log10(E − E*)',
          points: r.regression.loss.map((v, i) => [i, Math.log10(Math.max(v - r.regression.loss[r.regression.loss.length - 1], 1e-16))] as [number, number]),
        },
      ],
    },
  ]);
}
