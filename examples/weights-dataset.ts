// Seed 001: train 1-8-7-8-1 MLPs on random quadratics, keep their 128 weights, then learn a
// sequence model from weights to equation tokens and score it by token type on held-out equations.
// Run after `npm run build`: node dist/examples/weights-dataset.js [FILE.svg]
import * as fs from 'fs';
import { experimentByName } from '../src/autodiff/experiments';

const exp = experimentByName('weights-dataset');
const t0 = Date.now();
const result = exp.run(process.argv.includes('--full') ? exp.full : {});
console.log(exp.format(result));
console.log(`(${((Date.now() - t0) / 1000).toFixed(1)} s)`);
const svg = process.argv.slice(2).find((a) => a.endsWith('.svg'));
if (svg) {
  fs.writeFileSync(svg, exp.plot(result));
  console.log(`drawn to ${svg}`);
}
