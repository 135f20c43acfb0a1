// Seed 001: train 1-8-7-8-1 MLPs on random quadratics, keep their 128 weights, then learn a
// sequence model from weights to equation tokens and score it by token type on held-out equations.
// Run after `npm run build`: node dist/examples/weights-dataset.js [FILE.svg]
import { runExperiment } from './run-experiment';

runExperiment('weights-dataset');
