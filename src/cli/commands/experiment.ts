/**
 * `polycrit experiment NAME`: runs one of the numeric seed experiments through the autodiff
 * module, prints its findings (or JSON), and optionally draws them as SVG. Options are declared
 * once in a table; an option that does not apply to the chosen experiment is a usage error.
 * The autodiff module is loaded only when this command runs or shows its help: it is a sixth of
 * the CLI's load time (~15 ms), which every other command would pay at start-up.
 */
import type { Command } from 'commander';
import { CliContext, UsageError, addTimeoutOption, intOption } from '../context';
import { checkOutputPath, writeOutputFile } from '../files';

/** The experiments module, loaded on first use. */
function experiments(): typeof import('../../autodiff/experiments') {
  return require('../../autodiff/experiments') as typeof import('../../autodiff/experiments');
}

/** The activations of the weights-dataset experiment, loaded on first use. */
function activations(): readonly string[] {
  return (require('../../autodiff/nn') as typeof import('../../autodiff/nn')).ACTIVATIONS;
}

/** Parses a finite number, optionally positive. */
function numberOption(name: string, positive = false) {
  return (value: string): number => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n) || (positive && n <= 0)) throw new UsageError(`${name} expects a ${positive ? 'positive ' : ''}number, got '${value}'`);
    return n;
  };
}

/** Parses a comma-separated list of numbers. */
function numberList(name: string) {
  return (value: string): number[] => value.split(',').map((s) => numberOption(name)(s));
}

/** Parses a comma-separated list of words from a fixed set. */
function wordList(name: string, allowed: readonly string[]) {
  return (value: string): string[] =>
    value.split(',').map((s) => {
      const w = s.trim();
      if (!allowed.includes(w)) throw new UsageError(`${name}: '${w}' is not one of ${allowed.join(', ')}`);
      return w;
    });
}

interface OptionSpec {
  flags: string;
  key: string;
  help: string;
  parse: (value: string) => unknown;
}

/** Every experiment option: CLI flags, the experiment's option key, and its parser. */
const OPTIONS: OptionSpec[] = [
  { flags: '--seed <n>', key: 'seed', help: 'random seed (all experiments)', parse: intOption('--seed', 0, 2 ** 31) },
  { flags: '--starts <list>', key: 'starts', help: '[gradient-descent] comma-separated start points', parse: numberList('--starts') },
  { flags: '--mu <x>', key: 'mu', help: '[gradient-descent] initial rate μ0 (seed: 0.2)', parse: numberOption('--mu', true) },
  { flags: '--decay <k>', key: 'decay', help: '[gradient-descent] decay k in μ0·e^(−kt) (seed: 1)', parse: numberOption('--decay') },
  { flags: '--max-steps <n>', key: 'maxIter', help: '[gradient-descent] step limit (seed: 1000)', parse: intOption('--max-steps', 1, 1e7) },
  { flags: '--samples <n>', key: 'samples', help: '[gradient-descent, weights-dataset] data points (regression; per equation)', parse: intOption('--samples', 2, 1e7) },
  { flags: '--restarts <n>', key: 'restarts', help: '[local-minimum] random restarts', parse: intOption('--restarts', 1, 1e6) },
  { flags: '--init-scale <x>', key: 'initScale', help: '[local-minimum] std of random initial weights', parse: numberOption('--init-scale', true) },
  { flags: '--lbfgs-iterations <n>', key: 'maxIterations', help: '[local-minimum] L-BFGS iterations per restart', parse: intOption('--lbfgs-iterations', 1, 1e7) },
  { flags: '--functions <list>', key: 'functions', help: '[overparameterization] ackley,qubic,six-hump-camel', parse: wordList('--functions', ['ackley', 'qubic', 'six-hump-camel']) },
  { flags: '--modes <list>', key: 'modes', help: '[overparameterization] direct,mlp9', parse: wordList('--modes', ['direct', 'mlp9']) },
  { flags: '--latent <n>', key: 'latent', help: '[overparameterization] latent size (seed: 128)', parse: intOption('--latent', 1, 1e5) },
  { flags: '--hidden <n>', key: 'hidden', help: '[overparameterization] hidden width (seed: 512)', parse: intOption('--hidden', 2, 1e5) },
  { flags: '--lr <x>', key: 'lr', help: '[overparameterization] Adam learning rate (seed: 5e-4)', parse: numberOption('--lr', true) },
  { flags: '--steps <n>', key: 'steps', help: '[overparameterization, weights-dataset] Adam steps (L-BFGS iterations for --fit lbfgs)', parse: intOption('--steps', 1, 1e8) },
  { flags: '--six-hump-direct-steps <n>', key: 'sixHumpDirectSteps', help: '[overparameterization] steps for six-hump direct (seed: 6000)', parse: intOption('--six-hump-direct-steps', 1, 1e8) },
  { flags: '--max-fit-steps <n>', key: 'maxFitSteps', help: '[overparameterization] limit on fitting the start point', parse: intOption('--max-fit-steps', 0, 1e8) },
  { flags: '--count <n>', key: 'count', help: '[weights-dataset] number of equations (seed: ~100000)', parse: intOption('--count', 10, 1e7) },
  { flags: '--activation <name>', key: 'activation', help: '[weights-dataset] the hidden activation (listed below)', parse: (v) => wordList('--activation', activations())(v)[0] },
  { flags: '--init <kind>', key: 'init', help: '[weights-dataset] same or random initialisation per equation', parse: (v) => wordList('--init', ['same', 'random'])(v)[0] },
  { flags: '--fit <optimizer>', key: 'fit', help: '[weights-dataset] phase-1 optimizer: lbfgs or adam', parse: (v) => wordList('--fit', ['lbfgs', 'adam'])(v)[0] },
  { flags: '--seq-steps <n>', key: 'seqSteps', help: '[weights-dataset] sequence-model training steps', parse: intOption('--seq-steps', 1, 1e8) },
  { flags: '--seq-hidden <n>', key: 'seqHidden', help: '[weights-dataset] sequence-model width', parse: intOption('--seq-hidden', 1, 1e5) },
  { flags: '--test-fraction <x>', key: 'testFraction', help: '[weights-dataset] held-out fraction', parse: numberOption('--test-fraction', true) },
];

const camel = (flags: string): string => flags.split(' ')[0].replace(/^--/, '').replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

export function register(program: Command, ctx: CliContext): void {
  const cmd = addTimeoutOption(program.command('experiment'), 'stop after this many seconds (exit 1; the experiments have no cooperative limit, so only the installed command enforces it)')
    .description('run a numeric seed experiment with the autodiff module and print its findings')
    .argument('<name>', 'the experiment (listed below)')
    .option('--json', 'print the findings as JSON')
    .option('--svg <file>', 'also draw the findings into an SVG file')
    .option('--full', "use the seed's own settings (can take minutes to hours)")
    .option('--out <file>', '[weights-dataset] write the phase-1 weight records as JSONL');
  for (const o of OPTIONS) cmd.option(o.flags, o.help, (v: string) => o.parse(v) as never);
  cmd.addHelpText('after', () =>
    [
      '',
      'Experiments:',
      ...Object.values(experiments().EXPERIMENTS).map((e) => `  ${e.name.padEnd(21)} seed ${e.seed}: ${e.summary}`),
      '',
      `Activations (--activation): ${activations().join(', ')}`,
      '',
      'Examples:',
      '  polycrit experiment local-minimum --json',
      '  polycrit experiment gradient-descent --starts -3,1,2 --svg gd.svg',
      '  polycrit experiment overparameterization --functions ackley --full',
      '  polycrit experiment weights-dataset --count 100 --out weights.jsonl',
    ].join('\n'),
  );
  cmd.action(async (name: string, opts: Record<string, unknown>) => {
    const { experimentByName, toJsonl } = experiments();
    const exp = experimentByName(name);
    const options: Record<string, unknown> = opts.full ? { ...exp.full } : {};
    for (const o of OPTIONS) {
      const v = opts[camel(o.flags)];
      if (v === undefined) continue;
      if (!exp.optionKeys.includes(o.key)) {
        throw new UsageError(`${o.flags.split(' ')[0]} does not apply to ${name} (its options: ${OPTIONS.filter((p) => exp.optionKeys.includes(p.key)).map((p) => p.flags.split(' ')[0]).join(' ')})`);
      }
      options[o.key] = v;
    }
    if (opts.out !== undefined && name !== 'weights-dataset') throw new UsageError('--out applies only to weights-dataset');
    // A path that cannot be written is found before the run, not after it.
    for (const file of [opts.svg, opts.out]) if (typeof file === 'string') checkOutputPath(file);
    ctx.status(`running ${name}`);
    const result = exp.run(options);
    if (typeof opts.svg === 'string') writeOutputFile(opts.svg, exp.plot(result));
    if (typeof opts.out === 'string') writeOutputFile(opts.out, toJsonl(result.records));
    if (opts.json) {
      const { records, ...rest } = result as { records?: unknown[] };
      ctx.printJSON(records ? { ...rest, records: records.length } : rest);
    } else {
      ctx.print(exp.format(result));
      if (typeof opts.svg === 'string') ctx.print(`(drawn to ${opts.svg})`);
      if (typeof opts.out === 'string') ctx.print(`(weight records written to ${opts.out})`);
    }
  });
}
