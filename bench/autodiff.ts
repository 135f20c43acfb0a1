/**
 * Benchmark of the numeric autodiff: forward + backward passes and Adam training steps of MLPs
 * of several sizes, side by side with @tensorflow/tfjs-core on its pure-JavaScript CPU backend
 * (tfjs-backend-cpu, loaded through @tensorflow/tfjs, whose bundle registers the gradients)
 * when it is installed. polycrit computes in float64, tfjs in float32.
 * Run after `npm run build`: node dist/bench/autodiff.js [--quick]
 * Prints a table; the ratios are tfjs time over polycrit time (> 1: polycrit faster).
 */
import type * as TF from '@tensorflow/tfjs-core';
import { valueAndGrad } from '../src/autodiff/grad';
import { mse } from '../src/autodiff/losses';
import { Activation, MLP, parameterCount } from '../src/autodiff/nn';
import { Adam } from '../src/autodiff/optim';
import { Rng } from '../src/autodiff/random';
import { Var, constant } from '../src/autodiff/tape';

interface Case {
  name: string;
  sizes: number[];
  batch: number;
  activation: Activation;
}

const CASES: Case[] = [
  { name: 'seed-001 1-8-7-8-1', sizes: [1, 8, 7, 8, 1], batch: 64, activation: 'tanh' },
  { name: '16-64-64-1', sizes: [16, 64, 64, 1], batch: 128, activation: 'tanh' },
  { name: '64-256-256-10', sizes: [64, 256, 256, 10], batch: 64, activation: 'relu' },
  { name: '128-512-512-512-1', sizes: [128, 512, 512, 512, 1], batch: 16, activation: 'relu' },
];

const quick = process.argv.includes('--quick');
const BUDGET_MS = quick ? 300 : 1500;

/** Mean milliseconds per call of fn, after a warm-up, over a time budget. */
function time(fn: () => void): number {
  for (let i = 0; i < 3; i++) fn();
  let n = 0;
  const t0 = process.hrtime.bigint();
  let elapsed = 0;
  while (elapsed < BUDGET_MS || n < 5) {
    fn();
    n++;
    elapsed = Number(process.hrtime.bigint() - t0) / 1e6;
  }
  return elapsed / n;
}

function benchPolycrit(c: Case): { fwdBwd: number; train: number; params: number } {
  const rng = new Rng(1);
  const net = new MLP(c.sizes, { activation: c.activation });
  const params = net.init(rng);
  const X = constant(rng.normalTensor([c.batch, c.sizes[0]]));
  const Y = constant(rng.normalTensor([c.batch, c.sizes[c.sizes.length - 1]]));
  const loss = (...ps: Var[]): Var => mse(net.apply(ps, X), Y);
  const fwdBwd = time(() => {
    valueAndGrad(loss, params);
  });
  const opt = new Adam({ lr: 1e-3 });
  const train = time(() => {
    const { grads } = valueAndGrad(loss, params);
    opt.stepInPlace(params, grads);
  });
  return { fwdBwd, train, params: parameterCount(net) };
}

function benchTfjs(tf: typeof TF, c: Case): { fwdBwd: number; train: number } {
  const ws: TF.Variable[] = [];
  for (let i = 1; i < c.sizes.length; i++) {
    const k = 1 / Math.sqrt(c.sizes[i - 1]);
    ws.push(tf.variable(tf.randomUniform([c.sizes[i - 1], c.sizes[i]], -k, k, 'float32', i)));
    ws.push(tf.variable(tf.randomUniform([c.sizes[i]], -k, k, 'float32', 100 + i)));
  }
  const X = tf.randomNormal([c.batch, c.sizes[0]], 0, 1, 'float32', 7);
  const Y = tf.randomNormal([c.batch, c.sizes[c.sizes.length - 1]], 0, 1, 'float32', 8);
  const act = (t: TF.Tensor): TF.Tensor => (c.activation === 'relu' ? tf.relu(t) : tf.tanh(t));
  const loss = (): TF.Scalar => {
    let h: TF.Tensor = X;
    for (let i = 0; i < ws.length; i += 2) {
      h = tf.add(tf.matMul(h as TF.Tensor2D, ws[i] as TF.Tensor2D), ws[i + 1]);
      if (i + 2 < ws.length) h = act(h);
    }
    return tf.losses.meanSquaredError(Y, h) as TF.Scalar;
  };
  const fwdBwd = time(() => {
    tf.tidy(() => {
      const { value, grads } = tf.variableGrads(loss);
      value.dataSync();
      Object.values(grads).forEach((g) => g.dataSync());
    });
  });
  const opt = tf.train.adam(1e-3);
  const train = time(() => {
    const l = opt.minimize(loss, true);
    l?.dataSync();
    l?.dispose();
  });
  return { fwdBwd, train };
}

async function main(): Promise<void> {
  let tf: typeof TF | null = null;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    // the umbrella package: tfjs-core's CommonJS bundle registers no gradients, this one does
    tf = require('@tensorflow/tfjs') as typeof TF;
    await tf.setBackend('cpu');
  } catch {
    tf = null;
  }
  console.log(`polycrit autodiff (float64) vs ${tf ? `tfjs-core ${tf.version_core} backend ${tf.getBackend()} (float32)` : 'tfjs: not installed'}; ${BUDGET_MS} ms per cell`);
  const header = ['network', 'batch', 'params', 'polycrit fwd+bwd ms', 'tfjs fwd+bwd ms', 'fwd+bwd ratio', 'polycrit steps/s', 'tfjs steps/s', 'train ratio'];
  const rows: string[][] = [];
  for (const c of CASES) {
    const p = benchPolycrit(c);
    const t = tf ? benchTfjs(tf, c) : null;
    rows.push([
      c.name,
      String(c.batch),
      String(p.params),
      p.fwdBwd.toFixed(3),
      t ? t.fwdBwd.toFixed(3) : '—',
      t ? (t.fwdBwd / p.fwdBwd).toFixed(2) : '—',
      (1000 / p.train).toPrecision(3),
      t ? (1000 / t.train).toPrecision(3) : '—',
      t ? (t.train / p.train).toFixed(2) : '—',
    ]);
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]): string => r.map((v, i) => (i === 0 ? v.padEnd(widths[i]) : v.padStart(widths[i]))).join(' | ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  rows.forEach((r) => console.log(line(r)));
  console.log('ratios = tfjs time ÷ polycrit time (> 1: polycrit faster); a training step includes the Adam update');
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
