// Seed 002: Ackley 1D, qubic and six-hump camel minimised by Adam directly and through an
// overparameterizing mlp9 network (small default sizes; pass --full for the seed's latent 128, hidden 512).
// Run after `npm run build`: node dist/examples/overparameterization.js [FILE.svg]
import { runExperiment } from './run-experiment';

runExperiment('overparameterization');
