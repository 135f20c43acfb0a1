/**
 * The seed blog's XOR network (2-2-1, no biases, no activation): every critical point of its
 * squared loss, as irreducible components with their loss values and types. sympy's `solve`
 * returned an incomplete, order-dependent list here; the decomposition is complete and does not
 * depend on the variable order (run twice, with the variables shuffled, to see it).
 *
 * Run: npm run build && node dist/examples/xor-critical-points.js
 */
import { criticalPoints } from '../src/networks/critical';
import { networkLoss } from '../src/networks/loss';
import { preset } from '../src/networks/presets';
import { formatCritical } from '../src/cli/commands/critical';

const net = networkLoss(preset('xor-blog'));
const analysis = criticalPoints(net, { digits: 12 });
console.log(formatCritical('xor-blog', analysis));
const shuffled = criticalPoints(net, { digits: 12, shuffleSeed: 2022 });
const same = JSON.stringify({ ...shuffled, stats: undefined }) === JSON.stringify({ ...analysis, stats: undefined });
console.log(`\nwith the variables shuffled (seed 2022) the answer is ${same ? 'identical' : 'DIFFERENT (a bug!)'}`);
