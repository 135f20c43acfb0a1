/**
 * Seed 002: optimization through overparameterization. A test function is minimised either
 * directly (the decision variable is a parameter started at the start point) or indirectly (the
 * decision variable is the output of an "mlp9" network applied to a learned latent vector; the
 * network is first fitted to output the start point). Both use Adam with the seed's settings.
 * mlp9: Linear(in,h)–ReLU, 2 × Linear(h,h)–ReLU, Linear(h, h−in)–ReLU, concatenate the latent,
 * 4 × Linear(h,h)–ReLU, Linear(h,out) — nine linear layers, PyTorch's default initialisation.
 * The seed used in = 128, h = 512 (1024 and "mlp17" for qubic); the default here is smaller so
 * it runs in seconds, `--full` restores the seed's sizes.
 * Reference: github.com/nepfaff/nn_optimization (README results quoted in the report).
 */
import { InputError } from '../../errors';
import { valueAndGrad } from '../grad';
import { Linear } from '../nn';
import { add, concat, cos, exp, index, mean, mul, pow, relu, reshape, sqrt, square, sub } from '../ops';
import { Adam } from '../optim';
import { renderSvg, sampleCurve } from '../plot';
import { Rng } from '../random';
import { Var, constant } from '../tape';
import { Tensor, tensor } from '../tensor';

/** A test function of a vector x (shape [d]). */
export interface TestFunction {
  name: 'ackley' | 'qubic' | 'six-hump-camel';
  dim: number;
  start: number[];
  f: (x: Var) => Var;
  /** The global minimum, for the report. */
  globalMinimum: string;
}

/** Ackley: −20·exp(−0.2·√mean(x²)) − exp(mean(cos 2πx)) + 20 + e. */
export function ackley(x: Var): Var {
  const a = mul(-20, exp(mul(-0.2, sqrt(mean(square(x))))));
  const b = exp(mean(cos(mul(2 * Math.PI, x))));
  return add(sub(a, b), 20 + Math.E);
}

/** qubic_1d: x⁴ − 2x² + 0.3x. */
export function qubic(x: Var): Var {
  const t = index(x, 0);
  return add(sub(pow(t, 4), mul(2, square(t))), mul(0.3, t));
}

/** Six-hump camel: 4x0² − 2.1x0⁴ + x0⁶/3 + x0·x1 − 4x1² + 4x1⁴. */
export function sixHumpCamel(x: Var): Var {
  const a = index(x, 0);
  const b = index(x, 1);
  const p = add(sub(mul(4, square(a)), mul(2.1, pow(a, 4))), mul(1 / 3, pow(a, 6)));
  return add(add(p, mul(a, b)), add(mul(-4, square(b)), mul(4, pow(b, 4))));
}

/** The seed's three problems with their start points. */
export const TEST_FUNCTIONS: Record<TestFunction['name'], TestFunction> = {
  ackley: { name: 'ackley', dim: 1, start: [10], f: ackley, globalMinimum: 'x = 0, f = 0' },
  qubic: { name: 'qubic', dim: 1, start: [0.96], f: qubic, globalMinimum: 'x ≈ −1.036, f ≈ −1.305 (local min x ≈ 0.96, f ≈ −0.706)' },
  'six-hump-camel': { name: 'six-hump-camel', dim: 2, start: [2, 2], f: sixHumpCamel, globalMinimum: 'x = ±(0.0898, −0.7126), f = −1.0316' },
};

/** The mlp9 network producing x from a learned latent vector. */
export class Mlp9 {
  readonly layers: Linear[];
  constructor(
    readonly inCh: number,
    readonly hidden: number,
    readonly outCh: number,
  ) {
    if (!(hidden > inCh)) throw new InputError(`mlp9 needs hidden > in (got hidden ${hidden}, in ${inCh})`);
    const h = hidden;
    this.layers = [new Linear(inCh, h), new Linear(h, h), new Linear(h, h), new Linear(h, h - inCh), ...[0, 1, 2, 3].map(() => new Linear(h, h)), new Linear(h, outCh)];
  }
  /** Parameters: the latent vector [1, in] first, then each layer's W and b. */
  init(rng: Rng): Tensor[] {
    return [rng.normalTensor([1, this.inCh]), ...this.layers.flatMap((l) => l.init(rng))];
  }
  /** x as a vector [out]. */
  apply(params: readonly Var[]): Var {
    const z = params[0];
    let h = z;
    this.layers.forEach((layer, i) => {
      h = layer.apply(params.slice(1 + 2 * i, 3 + 2 * i), h);
      if (i < this.layers.length - 1) h = relu(h);
      if (i === 3) h = concat([h, z], 1);
    });
    return reshape(h, [this.outCh]);
  }
}

/** Options of the experiment. */
export interface OverparameterizationOptions {
  functions: TestFunction['name'][];
  modes: ('direct' | 'mlp9')[];
  latent: number;
  hidden: number;
  lr: number;
  /** Adam steps (the seed: 500). */
  steps: number;
  /** Adam steps for six-hump camel in direct mode (the seed: 6,000). */
  sixHumpDirectSteps: number;
  /** Limit on the steps fitting the network's output to the start point. */
  maxFitSteps: number;
  seed: number;
}

/** Small defaults that run in seconds; the seed's sizes are `overparameterizationFull`. */
export const overparameterizationDefaults: OverparameterizationOptions = {
  functions: ['ackley', 'qubic', 'six-hump-camel'],
  modes: ['direct', 'mlp9'],
  latent: 8,
  hidden: 32,
  lr: 5e-4,
  steps: 500,
  sixHumpDirectSteps: 6000,
  maxFitSteps: 20000,
  seed: 2,
};

/** The seed's settings: latent 128, hidden 512. */
export const overparameterizationFull: Partial<OverparameterizationOptions> = { latent: 128, hidden: 512 };

/** One optimization run. */
export interface OverparameterizationRun {
  function: TestFunction['name'];
  mode: 'direct' | 'mlp9';
  start: number[];
  x: number[];
  loss: number;
  steps: number;
  /** Steps spent fitting the network output to the start (mlp9 only). */
  fitSteps: number;
  /** x after each step (every step for short runs, sampled for long ones). */
  trajectory: { step: number; x: number[]; loss: number }[];
  seconds: number;
}

export interface OverparameterizationResult {
  experiment: 'overparameterization';
  seedFile: '002';
  settings: OverparameterizationOptions;
  runs: OverparameterizationRun[];
}

function runOne(fn: TestFunction, mode: 'direct' | 'mlp9', o: OverparameterizationOptions, rng: Rng): OverparameterizationRun {
  const t0 = Date.now();
  const opt = new Adam({ lr: o.lr, beta1: 0.9, beta2: 0.999 });
  const net = mode === 'mlp9' ? new Mlp9(o.latent, o.hidden, fn.dim) : null;
  const params = net ? net.init(rng) : [tensor(fn.start)];
  const output = (ps: readonly Var[]): Var => (net ? net.apply(ps) : ps[0]);
  let fitSteps = 0;
  if (net) {
    const target = constant(tensor(fn.start));
    const fitLoss = (...ps: Var[]): Var => mean(square(sub(output(ps), target)));
    for (; fitSteps < o.maxFitSteps; fitSteps++) {
      const { value, grads } = valueAndGrad(fitLoss, params);
      if (value < 1e-6) break;
      opt.stepInPlace(params, grads);
    }
  }
  const steps = fn.name === 'six-hump-camel' && mode === 'direct' ? o.sixHumpDirectSteps : o.steps;
  const every = Math.max(1, Math.floor(steps / 500));
  const trajectory: OverparameterizationRun['trajectory'] = [];
  let last = { x: [] as number[], loss: NaN };
  for (let t = 0; t <= steps; t++) {
    let x: number[] = [];
    const { value, grads } = valueAndGrad((...ps) => {
      const out = output(ps);
      x = out.value.toArray();
      return fn.f(out);
    }, params);
    last = { x, loss: value };
    if (t % every === 0 || t === steps) trajectory.push({ step: t, x, loss: value });
    if (t < steps) opt.stepInPlace(params, grads);
  }
  return { function: fn.name, mode, start: fn.start, x: last.x, loss: last.loss, steps, fitSteps, trajectory, seconds: (Date.now() - t0) / 1000 };
}

/** Runs the experiment. */
export function runOverparameterization(opts: Partial<OverparameterizationOptions> = {}): OverparameterizationResult {
  const o = { ...overparameterizationDefaults, ...opts };
  for (const f of o.functions) if (!(f in TEST_FUNCTIONS)) throw new InputError(`unknown function '${f}' (choose from ${Object.keys(TEST_FUNCTIONS).join(', ')})`);
  for (const m of o.modes) if (m !== 'direct' && m !== 'mlp9') throw new InputError(`unknown mode '${m}' (choose direct or mlp9)`);
  if (!(o.lr > 0) || !(o.steps >= 0) || !(o.latent >= 1)) throw new InputError('overparameterization needs lr > 0, steps ≥ 0, latent ≥ 1');
  const runs: OverparameterizationRun[] = [];
  o.functions.forEach((name, i) => {
    o.modes.forEach((mode, j) => runs.push(runOne(TEST_FUNCTIONS[name], mode, o, new Rng(o.seed * 1000 + i * 10 + j))));
  });
  return { experiment: 'overparameterization', seedFile: '002', settings: o, runs };
}

const SEED_OUTCOMES: Record<string, string> = {
  'ackley/direct': 'x = 9.99495, loss 17.29193',
  'ackley/mlp9': 'x = 0.00026, loss 0.00104',
  'qubic/direct': 'x = 0.96015, loss −0.70585',
  'qubic/mlp9': 'x = 0.96234, loss −0.70584 (mlp17, h 1024)',
  'six-hump-camel/direct': 'x = (1.6, 0.6), loss 2.108',
  'six-hump-camel/mlp9': 'x = (0.0898, −0.7126), loss −1.0316',
};

/** Human-readable findings with the seed's numbers alongside. */
export function formatOverparameterization(r: OverparameterizationResult): string {
  const s = r.settings;
  return [
    `overparameterization (seed 002): Adam lr ${s.lr}, ${s.steps} steps (six-hump direct ${s.sixHumpDirectSteps}); mlp9 latent ${s.latent}, hidden ${s.hidden}`,
    '',
    'function         mode    start      x                         loss        fit steps  seconds | seed',
    ...r.runs.map(
      (run) =>
        `${run.function.padEnd(16)} ${run.mode.padEnd(7)} ${JSON.stringify(run.start).padEnd(10)} ${`(${run.x.map((v) => v.toFixed(5)).join(', ')})`.padEnd(25)} ${run.loss.toFixed(5).padStart(10)}  ${String(run.fitSteps).padStart(9)}  ${run.seconds.toFixed(1).padStart(7)} | ${SEED_OUTCOMES[`${run.function}/${run.mode}`]}`,
    ),
    ...(s.hidden < 256 && r.runs.some((x) => x.function === 'ackley' && x.mode === 'mlp9')
      ? ['', `note: with hidden ${s.hidden} mlp9 stays in Ackley's local minimum; in our runs the escape needs hidden ≥ 256 (latent 64: x ≈ 0.0004–0.0006) — try --full (latent 128, hidden 512).`]
      : []),
  ].join('\n');
}

/** Ackley direct vs overparameterized over the curve, and all loss curves. */
export function plotOverparameterization(r: OverparameterizationResult): string {
  const panels = [];
  const ack = r.runs.filter((x) => x.function === 'ackley');
  if (ack.length > 0) {
    const f = (x: number): number => ackley(constant(tensor([x]))).value.item();
    panels.push({
      title: 'Ackley 1D: direct vs mlp9 trajectories',
      xLabel: 'x',
      yLabel: 'ackley(x)',
      series: [
        { name: 'ackley', points: sampleCurve(f, -2, 11, 1300), color: '#999' },
        ...ack.map((run) => ({ name: run.mode, points: run.trajectory.map((p) => [p.x[0], p.loss] as [number, number]), style: 'points' as const })),
      ],
    });
  }
  for (const name of new Set(r.runs.map((x) => x.function))) {
    panels.push({
      title: `${name}: loss during optimization`,
      xLabel: 'step',
      yLabel: 'loss',
      series: r.runs.filter((x) => x.function === name).map((run) => ({ name: run.mode, points: run.trajectory.map((p) => [p.step, p.loss] as [number, number]) })),
    });
  }
  return renderSvg(panels, 2);
}
