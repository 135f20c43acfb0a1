/**
 * The Gröbner engines over Z/p as `ModularEngine`s for the multi-modular driver: F4 with a
 * recorded trace replayed at further primes, and Buchberger (which simply runs again).
 */
import { Deadline } from '../errors';
import { Polynomial } from '../poly/polynomial';
import { buchberger } from './buchberger';
import { f4Apply, f4Learn } from './f4';
import { ModularEngine } from './modular';

export const f4Engine: ModularEngine = {
  name: 'f4',
  learn(polys: readonly Polynomial<number>[], deadline?: Deadline) {
    const { basis, trace } = f4Learn(polys, { deadline });
    return { basis, replay: (images) => f4Apply(trace, images, { deadline }) };
  },
};

export const buchbergerEngine: ModularEngine = {
  name: 'buchberger',
  learn(polys: readonly Polynomial<number>[], deadline?: Deadline) {
    const { basis } = buchberger(polys, { deadline });
    return { basis, replay: (images) => buchberger(images, { deadline }).basis };
  },
};
