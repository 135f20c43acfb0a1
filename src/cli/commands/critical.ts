/**
 * `polycrit critical (--preset NAME | SPEC.json)`: every critical point of a polynomial
 * network's loss, as a table a researcher can paste into a paper, or JSON.
 */
import type { Command } from 'commander';
import * as fs from 'fs';
import { criticalPoints } from '../../networks/critical';
import { ORBIT_MIN_GROUP_ORDER, ORBIT_MIN_SOLUTIONS } from '../../solve/solve';
import { networkLoss } from '../../networks/loss';
import { PRESET_NAMES, preset } from '../../networks/presets';
import { DataReader, NetworkSpec } from '../../networks/spec';
import { readSpecFile } from '../../networks/spec-file';
import { getHeapStatistics } from 'v8';
import { CliContext, PARSED_JSON_BYTES_PER_CHAR, UsageError, addThreadsOption, addTimeoutOption, basisWorkersFor, ensureHeapRoom, imageWorkersFor, intOption } from '../context';
import { formatCritical } from '../text/critical';

export { formatCritical };

export function register(program: Command, ctx: CliContext): void {
  addThreadsOption(addTimeoutOption(program.command('critical')))
    .description("all critical points of a polynomial network's loss: components, loss values, types")
    .argument('[spec]', 'a network spec as JSON (see README), instead of --preset')
    .option('--preset <name>', `a named network: ${PRESET_NAMES.join(', ')} (deep-linear:a,b,c takes sizes)`)
    .option('--shuffle-vars <seed>', 'permute the variables with this seed before solving (the answer must not change)', intOption('--shuffle-vars', 0, 2 ** 31 - 1))
    .option('--digits <n>', 'significant digits of decimals', intOption('--digits', 1, 1000), 20)
    .option('--complex', 'list the non-real critical points of finite components too (default: counted)')
    .option('--orbits', `solve orbit by orbit under the sign changes that leave the equations semi-invariant, whatever the number of solutions (default: from ${ORBIT_MIN_SOLUTIONS} solutions and ${ORBIT_MIN_GROUP_ORDER} sign changes, unless --complex or --bases)`)
    .option('--no-orbits', 'never solve orbit by orbit')
    .option('--bases', "write each finite component's prime ideal in the weights when it is small (default: its exact parametrization)")
    .option('--max-terms <n>', 'refuse a network whose loss may have more terms (an upper bound from the spec, before building it)', intOption('--max-terms', 1, 2 ** 40), 1_000_000)
    .option('--json', 'print JSON: {weights, loss, dimension, criticalValues, components: [{dimension, criticalValue, type, basis, points}]}')
    .addHelpText('after', '\nExamples:\n  polycrit critical --preset xor-blog\n  polycrit critical --preset deep-linear:1,2,1 --json\n  polycrit critical my-network.json --shuffle-vars 7')
    .action(async (file: string | undefined, opts: { preset?: string; shuffleVars?: number; digits: number; complex?: boolean; orbits?: boolean; bases?: boolean; maxTerms: number; timeout?: number; json?: boolean; threads: number }) => {
      if ((file === undefined) === (opts.preset === undefined)) throw new UsageError('give either a network spec file or --preset NAME');
      let spec: NetworkSpec;
      let readData: DataReader | undefined;
      ctx.status(opts.preset !== undefined ? 'building the preset' : 'reading the network spec');
      if (opts.preset !== undefined) spec = preset(opts.preset);
      else {
        ensureHeapRoom(fileSize(file as string) * PARSED_JSON_BYTES_PER_CHAR);
        ({ spec, readData } = readSpecFile(file as string));
      }
      ctx.status('building the loss');
      const net = networkLoss(spec, readData, { maxTerms: opts.maxTerms, deadline: ctx.deadline, heapLimit: getHeapStatistics().heap_size_limit });
      const analysis = criticalPoints(net, {
        imageWorkers: imageWorkersFor(opts.threads),
        basisWorkers: basisWorkersFor(opts.threads),
        digits: opts.digits,
        complex: opts.complex,
        ...(opts.orbits !== undefined ? { orbits: opts.orbits } : {}),
        bases: opts.bases,
        deadline: ctx.deadline,
        shuffleSeed: opts.shuffleVars,
        onProgress: ctx.onProgress(),
        onPartial: (a) => ctx.partial({ network: spec.name ?? file, ...a }),
      });
      // The wall-clock stats last, after the deterministic data.
      const { stats, ...data } = analysis;
      ctx.printResult(analysis.complete, () => ({ network: spec.name ?? file, ...data, stats }), () => formatCritical(spec.name ?? String(file), analysis));
    });
}

/** The size of a file in bytes; 0 when it cannot be read (`readSpecFile` then says so). */
function fileSize(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}
