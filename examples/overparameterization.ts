// Seed 002: Ackley 1D, qubic and six-hump camel minimised by Adam directly and through an
// overparameterizing mlp9 network (small default sizes; pass --full for the seed's latent 128, hidden 512).
// Run after `npm run build`: node dist/examples/overparameterization.js [FILE.svg]
import * as fs from 'fs';
import { experimentByName } from '../src/autodiff/experiments';

const exp = experimentByName('overparameterization');
const t0 = Date.now();
const result = exp.run(process.argv.includes('--full') ? exp.full : {});
console.log(exp.format(result));
console.log(`(${((Date.now() - t0) / 1000).toFixed(1)} s)`);
const svg = process.argv.slice(2).find((a) => a.endsWith('.svg'));
if (svg) {
  fs.writeFileSync(svg, exp.plot(result));
  console.log(`drawn to ${svg}`);
}
