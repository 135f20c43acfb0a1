// Seed 004: gradient descent with learning-rate decay on f(x) = x² + 3 sin x − 4 cos(x²),
// exact (reverse-mode) derivative next to the seed's symmetric difference, and linear regression by
// gradient descent against the normal equations.
// Run after `npm run build`: node dist/examples/gradient-descent.js [FILE.svg]
import { runExperiment } from './run-experiment';

runExperiment('gradient-descent');
