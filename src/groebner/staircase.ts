/**
 * The staircase of an ideal over Q — the leading monomials of its reduced Gröbner basis — probed
 * modulo primes, without the basis over Q.
 *
 * For all but finitely many primes the reduced basis modulo p has the leading monomials of the
 * one over Q (Arnold 2003; the lucky primes of the multi-modular driver). The staircase is taken
 * when the bases at two primes agree on them; it gives the dimension and, for a finite set, the
 * number of solutions with multiplicity, which is all a solver needs to decide its route before
 * any coefficient over Q is lifted (msolve decides the same way). Two primes that disagree, or a
 * prime dividing an input coefficient, lead to more primes; after `maxPrimes` the probe gives up
 * (the caller computes the basis over Q).
 */
import { Zp } from '../arithmetic/field';
import { primeStream } from '../arithmetic/primes';
import { Rational } from '../arithmetic/rational';
import { ProgressCallback } from '../control';
import { Deadline } from '../errors';
import { monomialKey } from '../monomials/monomial';
import { ReductionModP } from '../poly/reduction-mod-p';
import { Polynomial, PolynomialRing } from '../poly/polynomial';
import { f4, f4Apply, f4Learn } from './f4';
import { LearnedFirstPrime, driverInput } from './modular';
import { dimension } from './ideal';

/** What the probe found. */
export interface StaircaseProbe {
  /** The basis modulo a prime whose leading monomials a second prime confirmed, if any. */
  basis?: Polynomial<number>[];
  /** The learning run at the first usable prime: the multi-modular driver can start from it. */
  learned?: LearnedFirstPrime;
}

/**
 * The reduced basis modulo a prime whose leading monomials a second prime confirmed (`basis`
 * undefined when no two of the first `maxPrimes` usable primes agree), starting below `bound`
 * (default 2^26, the multi-modular driver's primes, so that its first learning run can be reused:
 * `learned`). With `finiteOnly`, a first basis of positive dimension ends the probe at once: the
 * caller only wants finite sets, and a second basis of a hard positive-dimensional ideal would
 * cost as much as the first. `onProgress` hears F4's rounds, their message prefixed with the
 * prime (on a network one size up, each basis takes seconds). `onFirstBasis` hears the first
 * basis and its prime as soon as it is known, before any other prime confirms it: what it says
 * (the dimension, the number of solutions) is probable, not certain.
 */
export function modularStaircase(
  polys: readonly Polynomial<Rational>[],
  options: { deadline?: Deadline; maxPrimes?: number; bound?: number; finiteOnly?: boolean; onProgress?: ProgressCallback; onFirstBasis?: (basis: readonly Polynomial<number>[], p: number) => void } = {},
): StaircaseProbe {
  const input = driverInput(polys);
  if (input.length === 0) return {};
  let learned: LearnedFirstPrime | undefined;
  const R = input[0].ring;
  const reduction = new ReductionModP(input);
  const seen: { leads: string; basis: Polynomial<number>[] }[] = [];
  let used = 0;
  for (const p of primeStream(options.bound ?? 2 ** 26, options.deadline)) {
    if (used >= (options.maxPrimes ?? 4)) return { learned };
    options.deadline?.check();
    if (reduction.divides(p)) continue;
    used++;
    const S = new PolynomialRing(Zp(p), R.vars, R.order);
    const report = options.onProgress;
    const onProgress: ProgressCallback | undefined = report && ((info) => report({ ...info, message: `the staircase modulo ${p}: ${info.message}` }));
    let basis: Polynomial<number>[];
    if (learned === undefined) {
      // The first prime is the multi-modular driver's first too: learn it the way the driver would.
      const run = f4Learn(reduction.images(S), { deadline: options.deadline, onProgress });
      basis = run.basis;
      learned = { p, basis, replay: (images) => f4Apply(run.trace, images, { deadline: options.deadline }), trace: run.trace };
      options.onFirstBasis?.(basis, p);
    } else basis = f4(reduction.images(S), { deadline: options.deadline, onProgress }).basis;
    if (options.finiteOnly && dimension(basis) !== 0) return { learned };
    const leads = basis.map((g) => monomialKey(g.lm())).join(';');
    const twin = seen.find((s) => s.leads === leads);
    if (twin) return { basis: twin.basis, learned };
    seen.push({ leads, basis });
  }
  return { learned };
}
