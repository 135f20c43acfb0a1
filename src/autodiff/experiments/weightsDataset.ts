/**
 * Seed 001: symbolic regression from network weights.
 * Phase 1 — for each random quadratic (equations.ts) sample (x, y) pairs on [−1, 1] and train a
 * 1-8-7-8-1 MLP with MSE; keep its 128 weights (biases excluded). Phase 2 — a small
 * autoregressive sequence model maps a weight vector to the equation's tokens, trained with
 * cross-entropy (teacher forcing): hidden = tanh(E_w·weights + E_prev[previous token] +
 * E_prev2[token before that] + E_pos[position] + b), a second tanh layer, then logits over the 19 tokens. Held-out equations
 * are decoded greedily and scored position by position, by token type, against a baseline that
 * predicts the most frequent training token at each position.
 * Representation: records are plain JSON (`toJsonl` writes one per line); all randomness seeded.
 * Reference: the seed's slides (Barke & Singh); the decoder is deliberately smaller than its
 * transformer.
 */
import { InputError } from '../../errors';
import { valueAndGrad } from '../grad';
import { softmaxCrossEntropy } from '../losses';
import { mse } from '../losses';
import { Activation, MLP } from '../nn';
import { add, matmul, take, tanh } from '../ops';
import { Adam } from '../optim';
import { renderSvg } from '../plot';
import { Rng } from '../random';
import { Var, constant, noGrad } from '../tape';
import { Tensor, flatten, unflatten } from '../tensor';
import { lbfgs } from '../lbfgs';
import { BOS, PAD, Equation, TokenType, VOCAB, detokenize, evaluateEquation, randomEquation, tokenType } from './equations';

/** Options of the experiment. */
export interface WeightsDatasetOptions {
  /** Number of equations (the seed: ~100,000). */
  count: number;
  /** (x, y) samples per equation (the seed: 5,000). */
  samples: number;
  /** Optimizer steps (Adam) or iterations (L-BFGS) per equation in phase 1. */
  steps: number;
  /** Phase-1 optimizer: Adam (lr 0.01, full batch) or L-BFGS. */
  fit: 'adam' | 'lbfgs';
  activation: Activation;
  /** 'same': every equation's MLP starts from one initialisation; 'random': a fresh one each. */
  init: 'same' | 'random';
  /** Sequence-model training steps (minibatches of 256 token rows). */
  seqSteps: number;
  /** Sequence-model hidden width. */
  seqHidden: number;
  /** Fraction of equations held out. */
  testFraction: number;
  seed: number;
}

export const weightsDatasetDefaults: WeightsDatasetOptions = {
  count: 150,
  samples: 64,
  steps: 100,
  fit: 'lbfgs',
  activation: 'tanh',
  init: 'same',
  seqSteps: 400,
  seqHidden: 32,
  testFraction: 0.2,
  seed: 1,
};

/** One phase-1 record (a JSONL line). */
export interface WeightRecord {
  id: number;
  equation: string;
  coefficients: [number, number, number];
  tokens: string[];
  /** Final training MSE of the equation's MLP. */
  mse: number;
  /** The 128 weights, layer by layer, biases excluded. */
  weights: number[];
}

/** Accuracy counts for one token type. */
export interface TypeScore {
  correct: number;
  total: number;
  accuracy: number;
}

type Scores = Record<TokenType | 'all', TypeScore>;

export interface WeightsDatasetResult {
  experiment: 'weights-dataset';
  seedFile: '001';
  settings: WeightsDatasetOptions;
  phase1: { equations: number; meanMse: number; maxMse: number; lengthHistogram: Record<string, number>; seconds: number };
  phase2: {
    trainEquations: number;
    testEquations: number;
    finalTrainLoss: number;
    lossCurve: number[];
    /** Held-out, greedy decoding, token correct at its position, by the true token's type. */
    tokenAccuracy: Scores;
    /** Held-out, greedy: the predicted token has the right type at that position. */
    typeAccuracy: Scores;
    /** Held-out, teacher forcing (true previous tokens). */
    teacherForcedAccuracy: Scores;
    /** Most frequent training token per position, same scoring. */
    baselineAccuracy: Scores;
    exactMatches: number;
    examples: { truth: string; predicted: string }[];
    seconds: number;
  };
  /** Phase-1 records (written as JSONL by the CLI's --out). */
  records: WeightRecord[];
}

/** Trains the 1-8-7-8-1 MLP on one equation; returns its weights and final MSE. */
function fitEquation(eq: Equation, o: WeightsDatasetOptions, net: MLP, init: Tensor[], rng: Rng): { weights: Float64Array; mse: number } {
  const xs = Float64Array.from({ length: o.samples }, () => rng.uniform(-1, 1));
  const X = constant(new Tensor(xs, [o.samples, 1]));
  const Y = constant(new Tensor(xs.map((x) => evaluateEquation(eq, x)), [o.samples, 1]));
  const params = init.map((t) => t.clone());
  const loss = (...ps: Var[]): Var => mse(net.apply(ps, X), Y);
  if (o.fit === 'lbfgs') {
    const shapes = params.map((p) => p.shape);
    const res = lbfgs(
      (x) => {
        const r = valueAndGrad(loss, unflatten(x, shapes));
        return { value: r.value, grad: flatten(r.grads).data };
      },
      flatten(params).data,
      { maxIterations: o.steps, gradTol: 1e-8 },
    );
    return { weights: net.weightsOnly(unflatten(res.x, shapes)), mse: res.value };
  }
  const opt = new Adam({ lr: 0.01 });
  let last = Infinity;
  for (let t = 0; t <= o.steps; t++) {
    const { value, grads } = valueAndGrad(loss, params);
    last = value;
    if (t < o.steps) opt.stepInPlace(params, grads);
  }
  return { weights: net.weightsOnly(params), mse: last };
}

/** Phase 1: the data set of weight vectors. */
export function buildWeightRecords(o: WeightsDatasetOptions): WeightRecord[] {
  const rng = new Rng(o.seed);
  const net = new MLP([1, 8, 7, 8, 1], { activation: o.activation });
  const shared = net.init(new Rng(o.seed + 7919));
  const records: WeightRecord[] = [];
  for (let id = 0; id < o.count; id++) {
    const eq = randomEquation(rng);
    const init = o.init === 'same' ? shared : net.init(rng);
    const fit = fitEquation(eq, o, net, init, rng);
    records.push({ id, equation: eq.text, coefficients: eq.coefficients, tokens: eq.tokens.map((t) => VOCAB[t]), mse: fit.mse, weights: Array.from(fit.weights) });
  }
  return records;
}

/** The phase-2 decoder. */
class Decoder {
  readonly V = VOCAB.length;
  constructor(
    readonly inputs: number,
    readonly hidden: number,
    readonly maxLen: number,
  ) {}
  init(rng: Rng): Tensor[] {
    const { inputs: n, hidden: h, V, maxLen } = this;
    const u = (shape: number[], fanIn: number): Tensor => rng.uniformTensor(shape, -1 / Math.sqrt(fanIn), 1 / Math.sqrt(fanIn));
    return [u([n, h], n), u([V, h], 1), u([maxLen + 1, h], 1), u([h], h), u([h, h], h), u([h], h), u([h, V], h), u([V], h), u([V, h], 1)];
  }
  /** Logits [rows, V] for rows (equation, previous two tokens, position); `eqHidden` = features·E_w. */
  logits(p: readonly Var[], features: Var, eqRows: number[], prev: number[], pos: number[], prev2: number[]): Var {
    const eqHidden = matmul(features, p[0]);
    const h1 = tanh(add(add(add(add(take(eqHidden, eqRows), take(p[1], prev)), take(p[8], prev2)), take(p[2], pos)), p[3]));
    const h2 = tanh(add(matmul(h1, p[4]), p[5]));
    return add(matmul(h2, p[6]), p[7]);
  }
}

const argmaxRows = (t: Tensor): number[] => {
  const [rows, V] = t.shape;
  return Array.from({ length: rows }, (_, r) => {
    let best = 0;
    for (let j = 1; j < V; j++) if (t.data[r * V + j] > t.data[r * V + best]) best = j;
    return best;
  });
};

function emptyScores(): Scores {
  const z = (): TypeScore => ({ correct: 0, total: 0, accuracy: 0 });
  return { sign: z(), digit: z(), structure: z(), all: z() };
}
function tally(s: Scores, truth: number, ok: boolean): void {
  for (const k of [tokenType(truth), 'all'] as const) {
    s[k].total++;
    if (ok) s[k].correct++;
  }
}
function finish(s: Scores): Scores {
  for (const v of Object.values(s)) v.accuracy = v.total ? v.correct / v.total : 0;
  return s;
}

/** Runs both phases. */
export function runWeightsDataset(opts: Partial<WeightsDatasetOptions> = {}): WeightsDatasetResult {
  const o = { ...weightsDatasetDefaults, ...opts };
  if (!(Number.isInteger(o.count) && o.count >= 10)) throw new InputError('weights-dataset needs --count ≥ 10');
  if (!(o.samples >= 2 && o.steps >= 1 && o.seqSteps >= 1 && o.seqHidden >= 1)) throw new InputError('weights-dataset needs samples ≥ 2, steps ≥ 1, seq-steps ≥ 1');
  if (!(o.testFraction > 0 && o.testFraction < 1)) throw new InputError('test fraction must be in (0, 1)');
  const t0 = Date.now();
  const records = buildWeightRecords(o);
  const t1 = Date.now();
  const lengthHistogram: Record<string, number> = {};
  for (const r of records) lengthHistogram[r.tokens.length - 1] = (lengthHistogram[r.tokens.length - 1] ?? 0) + 1;

  // phase 2 data: standardised weight features, token ids
  const rng = new Rng(o.seed + 1);
  const order = rng.shuffle(records.map((_, i) => i));
  const nTest = Math.max(1, Math.round(o.count * o.testFraction));
  const testIds = order.slice(0, nTest);
  const trainIds = order.slice(nTest);
  const dim = records[0].weights.length;
  const mean = new Float64Array(dim);
  const std = new Float64Array(dim);
  for (const i of trainIds) records[i].weights.forEach((w, j) => (mean[j] += w / trainIds.length));
  for (const i of trainIds) records[i].weights.forEach((w, j) => (std[j] += (w - mean[j]) ** 2 / trainIds.length));
  const features = (ids: number[]): Var =>
    constant(new Tensor(Float64Array.from(ids.flatMap((i) => records[i].weights.map((w, j) => (w - mean[j]) / (Math.sqrt(std[j]) + 1e-8)))), [ids.length, dim]));
  const tokens = records.map((r) => r.tokens.map((t) => VOCAB.indexOf(t as (typeof VOCAB)[number])));
  const maxLen = Math.max(...tokens.map((t) => t.length));
  const dec = new Decoder(dim, o.seqHidden, maxLen);
  const params = dec.init(rng);
  const trainFeatures = features(trainIds);
  /** The token two before position t (PAD before the start, BOS at t = 1). */
  const before2 = (seq: readonly number[], t: number): number => (t >= 2 ? seq[t - 2] : t === 1 ? BOS : PAD);
  const rows: { eq: number; prev: number; prev2: number; pos: number; target: number }[] = [];
  trainIds.forEach((id, k) => tokens[id].forEach((tok, t) => rows.push({ eq: k, prev: t === 0 ? BOS : tokens[id][t - 1], prev2: before2(tokens[id], t), pos: t, target: tok })));
  const opt = new Adam({ lr: 3e-3 });
  const lossCurve: number[] = [];
  const batch = Math.min(256, rows.length);
  for (let step = 0; step < o.seqSteps; step++) {
    const b = Array.from({ length: batch }, () => rows[rng.int(0, rows.length - 1)]);
    const { value, grads } = valueAndGrad(
      (...ps) => softmaxCrossEntropy(dec.logits(ps, trainFeatures, b.map((r) => r.eq), b.map((r) => r.prev), b.map((r) => r.pos), b.map((r) => r.prev2)), b.map((r) => r.target)),
      params,
    );
    lossCurve.push(value);
    opt.stepInPlace(params, grads);
  }
  const pv = params.map((t) => constant(t));
  const finalTrainLoss = noGrad(() =>
    softmaxCrossEntropy(dec.logits(pv, trainFeatures, rows.map((r) => r.eq), rows.map((r) => r.prev), rows.map((r) => r.pos), rows.map((r) => r.prev2)), rows.map((r) => r.target)).item(),
  );

  // held-out evaluation
  const testFeatures = features(testIds);
  const predicted: number[][] = testIds.map(() => []);
  noGrad(() => {
    for (let t = 0; t < maxLen; t++) {
      const prev = testIds.map((_, k) => (t === 0 ? BOS : predicted[k][t - 1]));
      const prev2 = testIds.map((_, k) => before2(predicted[k], t));
      const next = argmaxRows(dec.logits(pv, testFeatures, testIds.map((_, k) => k), prev, testIds.map(() => t), prev2).value);
      next.forEach((tok, k) => predicted[k].push(tok));
    }
  });
  const teacher = noGrad(() => {
    const r: { k: number; t: number; prev: number; prev2: number }[] = [];
    testIds.forEach((id, k) => tokens[id].forEach((_, t) => r.push({ k, t, prev: t === 0 ? BOS : tokens[id][t - 1], prev2: before2(tokens[id], t) })));
    const pred = argmaxRows(dec.logits(pv, testFeatures, r.map((x) => x.k), r.map((x) => x.prev), r.map((x) => x.t), r.map((x) => x.prev2)).value);
    return r.map((x, i) => ({ ...x, pred: pred[i] }));
  });
  const counts = Array.from({ length: maxLen }, () => new Array<number>(VOCAB.length).fill(0));
  for (const id of trainIds) tokens[id].forEach((tok, t) => counts[t][tok]++);
  const majority = counts.map((c) => c.indexOf(Math.max(...c)));
  const tokenAccuracy = emptyScores();
  const typeAccuracy = emptyScores();
  const baselineAccuracy = emptyScores();
  const teacherForcedAccuracy = emptyScores();
  let exactMatches = 0;
  testIds.forEach((id, k) => {
    const truth = tokens[id];
    truth.forEach((tok, t) => {
      tally(tokenAccuracy, tok, predicted[k][t] === tok);
      tally(typeAccuracy, tok, tokenType(predicted[k][t]) === tokenType(tok));
      tally(baselineAccuracy, tok, majority[t] === tok);
    });
    if (truth.every((tok, t) => predicted[k][t] === tok)) exactMatches++;
  });
  for (const x of teacher) tally(teacherForcedAccuracy, tokens[testIds[x.k]][x.t], x.pred === tokens[testIds[x.k]][x.t]);
  const mses = records.map((r) => r.mse);
  return {
    experiment: 'weights-dataset',
    seedFile: '001',
    settings: o,
    phase1: { equations: records.length, meanMse: mses.reduce((a, b) => a + b, 0) / mses.length, maxMse: Math.max(...mses), lengthHistogram, seconds: (t1 - t0) / 1000 },
    phase2: {
      trainEquations: trainIds.length,
      testEquations: testIds.length,
      finalTrainLoss,
      lossCurve,
      tokenAccuracy: finish(tokenAccuracy),
      typeAccuracy: finish(typeAccuracy),
      teacherForcedAccuracy: finish(teacherForcedAccuracy),
      baselineAccuracy: finish(baselineAccuracy),
      exactMatches,
      examples: testIds.slice(0, 8).map((id, k) => ({ truth: records[id].equation, predicted: detokenize(predicted[k]) })),
      seconds: (Date.now() - t1) / 1000,
    },
    records,
  };
}

/** The phase-1 records as JSON Lines. */
export function toJsonl(records: readonly WeightRecord[]): string {
  return records.map((r) => JSON.stringify(r)).join('\n') + '\n';
}

const pct = (s: TypeScore): string => `${(100 * s.accuracy).toFixed(1)}% (${s.correct}/${s.total})`.padEnd(20);

/** Human-readable findings. */
export function formatWeightsDataset(r: WeightsDatasetResult): string {
  const p = r.phase2;
  const row = (name: string, s: Scores): string => `${name.padEnd(24)} ${pct(s.sign)} ${pct(s.digit)} ${pct(s.structure)} ${pct(s.all)}`;
  return [
    `weights-dataset (seed 001): ${r.phase1.equations} random quadratics, ${r.settings.samples} samples each, 1-8-7-8-1 ${r.settings.activation} MLPs (${r.settings.init} init), ${r.settings.steps} ${r.settings.fit === 'adam' ? 'Adam steps' : 'L-BFGS iterations'}`,
    `phase 1: mean MSE ${r.phase1.meanMse.toExponential(2)}, max ${r.phase1.maxMse.toExponential(2)}, ${r.phase1.seconds.toFixed(1)} s; sequence lengths ${JSON.stringify(r.phase1.lengthHistogram)}`,
    `phase 2: decoder hidden ${r.settings.seqHidden}, ${r.settings.seqSteps} steps, train cross-entropy ${p.finalTrainLoss.toFixed(3)}; ${p.trainEquations} train / ${p.testEquations} held-out equations, ${p.seconds.toFixed(1)} s`,
    '',
    `held-out accuracy         sign                 digit                structure            all`,
    row('greedy, exact token', p.tokenAccuracy),
    row('greedy, right type', p.typeAccuracy),
    row('teacher forcing', p.teacherForcedAccuracy),
    row('baseline (majority)', p.baselineAccuracy),
    `exact equations: ${p.exactMatches}/${p.testEquations}`,
    '',
    'examples (truth → predicted):',
    ...p.examples.map((e) => `  ${e.truth.padEnd(22)} → ${e.predicted}`),
  ].join('\n');
}

/** Loss curve of the sequence model and accuracy by token type. */
export function plotWeightsDataset(r: WeightsDatasetResult): string {
  const types = ['sign', 'digit', 'structure'] as const;
  const bars = (s: Scores): [number, number][] => types.map((t, i) => [i, 100 * s[t].accuracy]);
  return renderSvg([
    { title: 'phase 2: cross-entropy per step', xLabel: 'step', yLabel: 'loss', series: [{ name: 'train batch', points: r.phase2.lossCurve.map((v, i) => [i, v] as [number, number]) }] },
    {
      title: 'held-out: 0 sign, 1 digit, 2 structure',
      xLabel: 'token type',
      yLabel: '% correct',
      yRange: [0, 100],
      series: [
        { name: 'greedy', points: bars(r.phase2.tokenAccuracy), style: 'both' },
        { name: 'right type', points: bars(r.phase2.typeAccuracy), style: 'both' },
        { name: 'baseline', points: bars(r.phase2.baselineAccuracy), style: 'both' },
      ],
    },
  ]);
}
