/**
 * XOR with the activation z² on a 2-unit hidden layer: the loss reaches 0 (the square activation
 * can represent XOR), on several 3-dimensional families of weights, and the critical set also has
 * saddles and a maximum-type piece.
 *
 * Run: npm run build && node dist/examples/square-activation.js
 */
import { criticalPoints } from '../src/networks/critical';
import { networkLoss } from '../src/networks/loss';
import { preset } from '../src/networks/presets';
import { formatCritical } from '../src/cli/commands/critical';

const analysis = criticalPoints(networkLoss(preset('xor-square')), { digits: 12 });
console.log(formatCritical('xor-square', analysis));
