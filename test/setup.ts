// One fixed seed for every fast-check property, so a failure reproduces exactly.
// Override with FC_SEED=<n> to explore other seeds locally.
import fc from 'fast-check';

const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : 20261122;
fc.configureGlobal({ seed, numRuns: Number(process.env.FC_RUNS ?? 100) });
