// Seed 003: the 2-2-1 sigmoid network's claimed local minimum — gradient norm, the full 9 × 9
// Hessian spectrum (exact, reverse-over-reverse), and random restarts with L-BFGS that find lower loss.
// Run after `npm run build`: node dist/examples/local-minimum.js [FILE.svg]
import { runExperiment } from './run-experiment';

runExperiment('local-minimum');
