/**
 * The Gröbner engines over Z/p as `ModularEngine`s for the multi-modular driver: F4 with a
 * recorded trace replayed at further primes, Buchberger (which simply runs again), and the route
 * degrevlex F4 + FGLM for zero-dimensional ideals in other orders.
 */
import { Deadline, InputError } from '../errors';
import { MonomialOrder, degrevlex } from '../monomials/order';
import { changeRing } from '../poly/change';
import { PolynomialRing } from '../poly/polynomial';
import { fglm } from './fglm';
import { dimension } from './ideal';
import { Polynomial } from '../poly/polynomial';
import { buchberger } from './buchberger';
import { f4Apply, f4Learn } from './f4';
import { ModularEngine } from './modular';

/**
 * How F4 reduces its matrices: 'auto' (default) uses Monte Carlo zero tests of blocks of rows where
 * they pay, 'randomized' makes random combinations of rows the pivots in every round (plain F4
 * only; see `F4Options.linalg`), 'deterministic' reduces every row exactly.
 */
export type Linalg = 'auto' | 'randomized' | 'deterministic';

/**
 * F4 learned at one prime and replayed at the others. `knownBasis`: the first that many inputs
 * are a Gröbner basis already (`F4Options.knownBasis`; true modulo every prime dividing none of
 * their coefficients when it is true over Q).
 */
export function f4EngineWith(linalg: Linalg = 'auto', knownBasis?: number): ModularEngine {
  return {
    name: 'f4',
    traces: true,
    learn(polys: readonly Polynomial<number>[], deadline?: Deadline) {
      const { basis, trace } = f4Learn(polys, { deadline, linalg, knownBasis });
      return { basis, replay: (images) => f4Apply(trace, images, { deadline }), trace };
    },
  };
}

export const f4Engine: ModularEngine = f4EngineWith();

export const buchbergerEngine: ModularEngine = {
  name: 'buchberger',
  learn(polys: readonly Polynomial<number>[], deadline?: Deadline) {
    const { basis } = buchberger(polys, { deadline });
    return { basis, replay: (images) => buchberger(images, { deadline }).basis };
  },
};

/**
 * Thrown by the FGLM route when the ideal is not zero-dimensional (`groebner` then falls back to
 * F4 in the order itself): an InputError of that route, like every error polycrit throws on purpose.
 */
export class NotZeroDimensionalError extends InputError {}

/**
 * The route degrevlex + FGLM for a target order: F4 in degrevlex (learned, then replayed) and
 * FGLM to the target order, both modulo the prime. For zero-dimensional ideals this is far
 * cheaper than F4 in lex; other ideals raise `NotZeroDimensionalError`.
 */
export function fglmEngine(target: MonomialOrder, linalg: Linalg = 'auto'): ModularEngine {
  return {
    name: 'f4+fglm',
    learn(polys: readonly Polynomial<number>[], deadline?: Deadline) {
      // Each prime has its own rings: the target-order ring of the images and its degrevlex twin.
      const rings = (S: PolynomialRing<number>) => ({ S, D: new PolynomialRing(S.field, S.vars, degrevlex) });
      const toTarget = (G: Polynomial<number>[], S: PolynomialRing<number>): Polynomial<number>[] | undefined => {
        if (G.length === 1 && G[0].isConstant()) return [S.one()];
        if (dimension(G) !== 0) return undefined;
        return fglm(G, target, { deadline }).map((g) => changeRing(g, S));
      };
      const first = rings(polys[0].ring);
      const { basis, trace } = f4Learn(polys.map((p) => changeRing(p, first.D)), { deadline, linalg });
      const firstBasis = toTarget(basis, first.S);
      if (firstBasis === undefined) throw new NotZeroDimensionalError('the FGLM route needs a zero-dimensional ideal (finitely many solutions) and this one is not: use f4EngineWith, or groebner(), which falls back by itself');
      return {
        basis: firstBasis,
        replay: (images) => {
          const { S, D } = rings(images[0].ring);
          const G = f4Apply(trace, images.map((p) => changeRing(p, D)), { deadline });
          return G === undefined ? undefined : toTarget(G, S);
        },
      };
    },
  };
}
