// Seed 004: gradient descent with learning-rate decay on f(x) = x² + 3 sin x − 4 cos(x²),
// exact (reverse-mode) derivative next to the seed's symmetric difference, and linear regression by
// gradient descent against the normal equations.
// Run after `npm run build`: node dist/examples/gradient-descent.js [FILE.svg]
import * as fs from 'fs';
import { experimentByName } from '../src/autodiff/experiments';

const exp = experimentByName('gradient-descent');
const t0 = Date.now();
const result = exp.run(process.argv.includes('--full') ? exp.full : {});
console.log(exp.format(result));
console.log(`(${((Date.now() - t0) / 1000).toFixed(1)} s)`);
const svg = process.argv.slice(2).find((a) => a.endsWith('.svg'));
if (svg) {
  fs.writeFileSync(svg, exp.plot(result));
  console.log(`drawn to ${svg}`);
}
