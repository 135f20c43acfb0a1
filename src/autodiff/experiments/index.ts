/**
 * The registry of the numeric seed experiments: each entry runs with partial options (defaults
 * fill the rest, `full` gives the seed's own settings), and formats and plots its result. The CLI
 * and the examples go through this table, so a name means the same everywhere.
 */
import { InputError } from '../../errors';
import { GradientDescentOptions, formatGradientDescent, plotGradientDescent, runGradientDescent } from './gradientDescent';
import { LocalMinimumOptions, formatLocalMinimum, plotLocalMinimum, runLocalMinimum } from './localMinimum';
import { OverparameterizationOptions, formatOverparameterization, overparameterizationFull, plotOverparameterization, runOverparameterization } from './overparameterization';
import { WeightsDatasetOptions, formatWeightsDataset, plotWeightsDataset, runWeightsDataset } from './weightsDataset';

export * from './gradientDescent';
export * from './localMinimum';
export * from './overparameterization';
export * from './weightsDataset';
export * from './equations';

/** What every experiment offers. */
export interface Experiment<O, R> {
  name: string;
  seed: string;
  summary: string;
  /** Option keys this experiment accepts (others are a usage error). */
  optionKeys: readonly (keyof O & string)[];
  /** The seed's own settings (may take minutes). */
  full: Partial<O>;
  run(options: Partial<O>): R;
  format(result: R): string;
  plot(result: R): string;
}

const gradientDescent: Experiment<GradientDescentOptions, ReturnType<typeof runGradientDescent>> = {
  name: 'gradient-descent',
  seed: '004',
  summary: 'GD with exponential decay on x² + 3 sin x − 4 cos x², exact vs finite-difference f′; regression vs normal equations',
  optionKeys: ['starts', 'mu', 'decay', 'maxIter', 'seed', 'samples'],
  full: {},
  run: runGradientDescent,
  format: formatGradientDescent,
  plot: plotGradientDescent,
};

const localMinimum: Experiment<LocalMinimumOptions, ReturnType<typeof runLocalMinimum>> = {
  name: 'local-minimum',
  seed: '003',
  summary: '2-2-1 sigmoid network: gradient, full 9×9 Hessian spectrum, random restarts with L-BFGS',
  optionKeys: ['restarts', 'seed', 'initScale', 'maxIterations'],
  full: { restarts: 100, maxIterations: 1000 },
  run: runLocalMinimum,
  format: formatLocalMinimum,
  plot: plotLocalMinimum,
};

const overparameterization: Experiment<OverparameterizationOptions, ReturnType<typeof runOverparameterization>> = {
  name: 'overparameterization',
  seed: '002',
  summary: 'Ackley 1D, qubic, six-hump camel: direct vs mlp9-parameterized Adam',
  optionKeys: ['functions', 'modes', 'latent', 'hidden', 'lr', 'steps', 'sixHumpDirectSteps', 'maxFitSteps', 'seed'],
  full: overparameterizationFull,
  run: runOverparameterization,
  format: formatOverparameterization,
  plot: plotOverparameterization,
};

const weightsDataset: Experiment<WeightsDatasetOptions, ReturnType<typeof runWeightsDataset>> = {
  name: 'weights-dataset',
  seed: '001',
  summary: 'MLP weights of random quadratics (JSONL), then a sequence model from weights to tokens',
  optionKeys: ['count', 'samples', 'steps', 'fit', 'activation', 'init', 'seqSteps', 'seqHidden', 'testFraction', 'seed'],
  full: { count: 100000, samples: 5000, steps: 1000, seqSteps: 20000, seqHidden: 256 },
  run: runWeightsDataset,
  format: formatWeightsDataset,
  plot: plotWeightsDataset,
};

/** All experiments by name. */
export const EXPERIMENTS: Record<string, Experiment<any, any>> = {
  'gradient-descent': gradientDescent,
  'local-minimum': localMinimum,
  overparameterization,
  'weights-dataset': weightsDataset,
};

/** The experiment called `name`, or an InputError listing the names. */
export function experimentByName(name: string): Experiment<any, any> {
  const e = EXPERIMENTS[name];
  if (!e) throw new InputError(`unknown experiment '${name}' (choose from ${Object.keys(EXPERIMENTS).join(', ')})`);
  return e;
}
