/**
 * `solve(polys)`: the whole solution set of a polynomial system over Q, as irreducible
 * components over Q — never a silent partial answer.
 *
 * The reduced Gröbner basis (degrevlex in the canonical ring — the variables in natural name order,
 * so nothing depends on the order the user gave — by multi-modular F4) gives the dimension. The empty set
 * (dimension −1) and finite sets (dimension 0, see `zero-dimensional.ts`) are solved completely.
 * Positive-dimensional sets are decomposed into their irreducible components (`decompose.ts`):
 * isolated points are solved like finite sets, components of positive dimension are described by
 * `components.ts`. Components are listed by decreasing dimension, then degree, then basis text.
 */
import { QQ } from '../arithmetic/field';
import { Rational } from '../arithmetic/rational';
import { Deadline, InputError } from '../errors';
import { Polynomial } from '../poly/polynomial';
import { groebner } from '../groebner/groebner';
import { dimension, maximalIndependentSets } from '../groebner/ideal';
import { ZeroDimensionalComponent, solveZeroDimensional } from './zero-dimensional';
import { PositiveDimensionalComponent, describeComponent } from './components';
import { minimalPrimes } from './decompose';
import { changeRing } from '../poly/change';
import { canonicalRing } from './canonical';

export interface SolveOptions {
  /** Significant digits of decimal approximations (default 20). */
  digits?: number;
  /** Seconds before a TimeoutError. */
  timeout?: number;
  deadline?: Deadline;
  /** Receives short progress messages (the CLI shows them on a terminal). */
  progress?: (message: string) => void;
}

export type Component = ZeroDimensionalComponent | PositiveDimensionalComponent;

export interface SolveResult {
  /** The variables as the caller gave them. */
  vars: string[];
  /** −1 for the empty set, else the largest dimension of a component. */
  dimension: number;
  components: Component[];
  /** True when `components` describe the whole solution set. */
  complete: boolean;
  /** Why the answer is incomplete, when it is. */
  message?: string;
  /** Maximal independent sets of variables of the input ideal (names). */
  independentSets: string[][];
}

/** Solves the system; see the file header. Example: solve([x^2 − 2, y − x]) has one component of degree 2. */
export function solve(polys: readonly Polynomial<Rational>[], options: SolveOptions = {}): SolveResult {
  if (polys.length === 0) throw new InputError('solve needs at least one polynomial');
  const R = polys[0].ring;
  if (R.field !== QQ) throw new InputError(`solve works over the rationals; this system is over ${R.field.name}`);
  const deadline = options.deadline ?? new Deadline(options.timeout ?? Infinity, 'solve');
  const progress = options.progress;
  progress?.('Gröbner basis');
  // Everything runs in the canonical degrevlex ring (natural order of the names), whatever the
  // order of the user's variables and monomial order: the answer cannot depend on them.
  const C = canonicalRing(QQ, R.vars);
  const input = polys.map((f) => changeRing(f, C));
  const G = groebner(input, { deadline, progress });
  const dim = G.length === 0 ? C.nvars : dimension(G);
  const independentSets = G.length === 0 ? [C.vars.slice()] : maximalIndependentSets(G).map((s) => s.map((i) => C.vars[i]));
  const base = { vars: [...R.vars], dimension: dim, independentSets };
  if (dim === -1) return { ...base, components: [], complete: true };
  if (dim === 0) return { ...base, components: solveZeroDimensional(G, { digits: options.digits, deadline, progress }), complete: true };
  const components: Component[] = [];
  const primes = minimalPrimes(input, { deadline, basis: G, progress });
  progress?.(`describing ${primes.length} component(s)`);
  for (const P of primes) {
    deadline.check();
    if (P.dimension === 0) {
      // An isolated point set: one Galois orbit. Multiplicities are not defined here without
      // localization, so each point reports multiplicity 1 of its prime (documented).
      const zs = solveZeroDimensional(P.basis, { digits: options.digits, deadline }); // already reduced, in C
      components.push(...zs);
    } else components.push(describeComponent(P.basis, R.vars, { digits: options.digits, deadline }));
  }
  components.sort(compareComponents);
  return { ...base, components, complete: true };
}

function compareComponents(a: Component, b: Component): number {
  if (a.dimension !== b.dimension) return b.dimension - a.dimension;
  if (a.degree !== b.degree) return a.degree - b.degree;
  const ka = a.basis.map(String).join(';');
  const kb = b.basis.map(String).join(';');
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
