// Seed 003: the 2-2-1 sigmoid network's claimed local minimum — gradient norm, the full 9 × 9
// Hessian spectrum (exact, reverse-over-reverse), and random restarts with L-BFGS that find lower loss.
// Run after `npm run build`: node dist/examples/local-minimum.js [FILE.svg]
import * as fs from 'fs';
import { experimentByName } from '../src/autodiff/experiments';

const exp = experimentByName('local-minimum');
const t0 = Date.now();
const result = exp.run(process.argv.includes('--full') ? exp.full : {});
console.log(exp.format(result));
console.log(`(${((Date.now() - t0) / 1000).toFixed(1)} s)`);
const svg = process.argv.slice(2).find((a) => a.endsWith('.svg'));
if (svg) {
  fs.writeFileSync(svg, exp.plot(result));
  console.log(`drawn to ${svg}`);
}
