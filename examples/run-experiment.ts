/**
 * The shared runner of the experiment examples: runs one seed experiment (its small default, or
 * the seed's full settings with `--full`), prints its findings and the time, and draws its SVG
 * when a `FILE.svg` argument is given.
 */
import * as fs from 'fs';
import { experimentByName } from '../src/autodiff/experiments';

export function runExperiment(name: string, argv: readonly string[] = process.argv.slice(2)): void {
  const exp = experimentByName(name);
  const t0 = Date.now();
  const result = exp.run(argv.includes('--full') ? exp.full : {});
  console.log(exp.format(result));
  console.log(`(${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  const svg = argv.find((a) => a.endsWith('.svg'));
  if (svg) {
    fs.writeFileSync(svg, exp.plot(result));
    console.log(`drawn to ${svg}`);
  }
}
