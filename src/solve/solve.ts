/**
 * `solve(polys)`: the whole solution set of a polynomial system over Q, as irreducible
 * components over Q — never a silent partial answer.
 *
 * First the staircase modulo two primes (`groebner/staircase.ts`): when it says the set is
 * finite, a radical ideal is solved without any basis over Q (`solveRadicalFinite`). Otherwise the
 * reduced Gröbner basis (degrevlex in the canonical ring — the variables in natural name order,
 * so nothing depends on the order the user gave — by multi-modular F4) gives the dimension; the
 * probe's basis modulo its first prime already gives it with high probability, and that value is
 * reported at once, marked `dimensionModulo` (`modular-dimension.ts`), until the basis over Q is known
 * (a finite set, with its number of solutions, from the first prime until the second confirms it);
 * with fewer equations than variables, random linear sections modulo a prime give it before even
 * the probe (a basis can cost seconds in one variable order and a tenth of that in another). The empty set
 * (dimension −1) and finite sets (dimension 0, see `zero-dimensional.ts`) are solved completely.
 * When a generator gives a variable as a polynomial of the others (c·x + h, c constant, h free
 * of x: the gradient along a network's output bias), the set is the graph of that map over the
 * solutions of a smaller system J (`groebner/graph-variables.ts`); when the probe has not found a
 * finite set and J is positive-dimensional, J is decomposed instead, each prime P of J giving the
 * prime P + ⟨x − v⟩ (finite sets take the usual route, with the whole system). When some such v
 * has degree two or more, J is probed before the whole system, which is probed only if J is finite.
 * Positive-dimensional sets are decomposed into their irreducible components (`decompose.ts`):
 * isolated points are solved like finite sets, components of positive dimension are described by
 * `components.ts`. Components are listed by decreasing dimension, then degree, then basis text.
 * Degenerate systems are answers: zero and repeated generators are dropped; the zero ideal is the
 * whole space (one component, dimension = number of variables, every variable free); a non-zero
 * constant gives the empty set; variables in no generator are free.
 */
import { QQ } from '../arithmetic/field';
import { Rational, rational, rationalToString } from '../arithmetic/rational';
import { AttemptDeadline, Deadline, InputError, TimeoutError, deadlineOf } from '../errors';
import { ControlOptions, ProgressInfo, phase as phaseInfo, progressOf } from '../control';
import { checkSystem, digitsOption } from '../poly/arguments';
import { Polynomial, PolynomialRing } from '../poly/polynomial';
import { PolynomialData, polynomialDataToString, polynomialToData } from '../poly/data';
import { groebner } from '../groebner/groebner';
import { dimension, maximalIndependentSets, solutionCount } from '../groebner/ideal';
import { ZeroDimensionalComponent, solveRadicalFinite, solveZeroDimensional } from './zero-dimensional';
import { modularStaircase } from '../groebner/staircase';
import { valuesMaySplit } from '../groebner/value-splitting';
import type { LearnedFirstPrime } from '../groebner/modular';
import { PositiveDimensionalComponent, describeComponent } from './components';
import { PrimeIdeal, UnfinishedPiece, minimalPrimes } from './decompose';
import { normalForm } from '../groebner/normal-form';
import { GraphElimination, graphElimination } from '../groebner/graph-variables';
import { basisFriendlyRing } from '../groebner/variable-order';
import { changeRing } from '../poly/change';
import { primitivePart } from '../poly/content';
import { canonicalRing } from './canonical';
import { ModularDimension, dimensionBySections, dimensionModuloPrime } from './modular-dimension';
import { ImageWorkers } from './image-workers';
import type { BasisWorkers } from '../groebner/basis-workers';
import { OrbitFamily, solveByOrbits } from './orbit-solve';
import { groupOrder, signSymmetries } from './sign-symmetry';

/**
 * Options of `solve`, beside `timeout` (seconds), `signal`, `deadline` and `onProgress` (the
 * phases, and the Gröbner bases' rounds and primes; see `ControlOptions`). Stopped by the time
 * limit or the signal after the dimension is known, `solve` returns what it found with
 * `complete: false`; before, it throws the TimeoutError (a CancelledError for the signal).
 */
export interface SolveOptions extends ControlOptions {
  /** Significant digits of decimal approximations (default 20). */
  digits?: number;
  /** List the non-real points of finite components (default false: they are counted). */
  complex?: boolean;
  /**
   * Write the prime ideal of each finite component in the variables (default false; see
   * `ZeroDimensionalOptions.bases`). Components of positive dimension always have their basis.
   */
  bases?: boolean;
  /**
   * Receives what is known so far, as an incomplete result (`complete: false`), each time it
   * grows: the dimension once the Gröbner basis is known, the number of solutions of a finite
   * set, then each component as it is finished. A caller that may be stopped from outside (the
   * CLI's worker) keeps the last one.
   */
  onPartial?: (partial: SolveResult) => void;
  /**
   * Helper threads for the images modulo primes of a finite set's parametrization (the Node CLI
   * passes `imageThreads()` from `solve/image-threads.ts`); the answer is the same without them.
   */
  imageWorkers?: ImageWorkers;
  /**
   * Helper threads for the images modulo primes of the Gröbner bases over Q of a
   * positive-dimensional set and of its decomposition's pieces (the Node CLI passes
   * `basisThreads()` from `groebner/basis-threads.ts`); the answer is the same without them.
   */
  basisWorkers?: BasisWorkers;
  /**
   * Solve a finite radical system with sign symmetries orbit by orbit (`orbit-solve.ts`): its
   * components are then families of orbits (`kind: 'orbits'`). Default: when the system has at
   * least `ORBIT_MIN_SOLUTIONS` solutions and a sign group of order `ORBIT_MIN_GROUP_ORDER` or
   * more, and neither `complex` nor `bases` is asked; `true` for any size, `false` never.
   */
  orbits?: boolean;
  /**
   * Polynomials known to be constant on every irreducible component of the solution set (the
   * loss on its critical set): the decomposition first cuts the set along their values
   * (`DecomposeOptions.constantOnComponents`), and a positive-dimensional component on which one
   * takes only non-real values has no real point, so the search for its real sample points stops
   * at its first fibre (`describeComponent`). The answer is the same without them.
   */
  constantOnComponents?: readonly Polynomial<Rational>[];
  /**
   * Report the maximal independent sets (default true). False spares the Gröbner basis of the
   * whole system when the solver does not need it otherwise (a positive-dimensional set
   * decomposed without the variables the system gives as polynomials of the others); the result
   * then has `independentSets: []`.
   */
  independentSets?: boolean;
  /**
   * A hint on the dimension of the solution set; the answer is the same whatever it says.
   * - true: probably positive-dimensional (a network's critical set without weight decay on every
   *   weight). With `independentSets: false` and no variable given as a polynomial of the others,
   *   the basis is then computed with the variables in the order the generators suggest
   *   (`groebner/variable-order.ts`), for the dimension and the value parts of the decomposition,
   *   whose pieces keep the canonical ring. Wrong, it costs one basis modulo a prime.
   * - false: probably finite (weight decay on every weight and no continuous symmetry). A variable
   *   given as a polynomial of degree two or more in the others (a network's output bias) is then
   *   not eliminated before the whole system is probed: the smaller system's probe would find it
   *   finite too, and be work done for nothing (2.6 s of the 2-2-2-1 network with biases and a λ
   *   per weight). Wrong, it costs the whole system's basis at one prime.
   */
  positiveDimensional?: boolean;
}

/**
 * From this many solutions, and a sign group of at least `ORBIT_MIN_GROUP_ORDER` elements, a
 * finite system is solved orbit by orbit by default. Measured on this project's 2-core machine:
 * deep-linear:1,2,2,1 (129 solutions, group of order 16) 0.66 s against 1.14 s; cyclic-6 (156
 * solutions, order 2: x ↦ −x) 1.8 s against 1.25 s — halving the degree does not repay the
 * multiplication maps in the original coordinates.
 */
export const ORBIT_MIN_SOLUTIONS = 100;
export const ORBIT_MIN_GROUP_ORDER = 4;

export type Component = ZeroDimensionalComponent | OrbitFamily | PositiveDimensionalComponent;

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
  /** Maximal independent sets of variables of the input ideal (names); [] when unknown: not yet, or not asked for (`SolveOptions.independentSets`) and not otherwise computed. */
  independentSets: string[][];
  /** For a finite solution set: the number of solutions counted with multiplicity. */
  solutions?: number;
  /**
   * Only in an incomplete result: the prime modulo which `dimension` and `independentSets` (and
   * `solutions`, when given) were read, before the basis over Q or a second prime confirmed them
   * (right with high probability, not certain; see `modular-dimension.ts`). Absent when they come
   * from the basis over Q or from the staircase at two primes.
   */
  dimensionModulo?: number;
  /** When the components are families of orbits: the sign group's generators (the variables each negates). */
  signGroup?: string[][];
  /**
   * Only in an incomplete result whose decomposition a time limit (or the signal) stopped: the
   * parts it had not finished. Every component of the solution set that is not in `components`
   * lies in one of them.
   */
  unfinished?: UnfinishedPart[];
}

/** A part of a positive-dimensional solution set that the decomposition had not finished (see `SolveResult.unfinished`). */
export interface UnfinishedPart {
  /** An upper bound on the dimension of the components in the part. */
  dimensionBound: number;
  /** Equations in the canonical order of the variables (names in natural order): the part lies in their solution set. */
  equations: PolynomialData[];
  /**
   * True when the part is irreducible (a prime the decomposition found but held back, of
   * dimension `dimensionBound`): a component, unless it lies in a larger one inside another part.
   */
  irreducible?: boolean;
  /**
   * For each polynomial of `SolveOptions.constantOnComponents`, its value on the whole part when
   * the part's Gröbner basis reduces it to a constant (a rational number as text), else null.
   * Absent without those polynomials.
   */
  constantValues?: (string | null)[];
}

/**
 * Solves the system; see the file header. Example: solve([x^2 − 2, y − x]) has one component of
 * degree 2. A time limit reached after the Gröbner basis gives an incomplete result
 * (`complete: false`, the phase in `message`) with what was found; before it, a TimeoutError —
 * except that a dimension read modulo the probe's prime (for a finite set, with its number of
 * solutions) counts as known (`dimensionModulo`).
 */
export function solve(polys: readonly Polynomial<Rational>[], options: SolveOptions = {}): SolveResult {
  if (typeof options !== 'object' || options === null) throw new InputError(`solve: the options must be an object ({ digits, timeout, … }), got ${options === null ? 'null' : typeof options}`);
  const R = checkSystem(polys, 'solve', { field: QQ });
  const deadline = deadlineOf(options, 'solve');
  options = { ...options, digits: digitsOption(options.digits, 'solve') };
  let phase = 'Gröbner basis';
  const report = progressOf(options);
  // Every report names the phase reached, for the message of an answer cut short.
  const onProgress = (info: ProgressInfo): void => {
    phase = info.message;
    report?.(info);
  };
  const progress = (message: string): void => onProgress(phaseInfo(message));
  progress('Gröbner basis');
  // Everything runs in the canonical degrevlex ring (natural order of the names), whatever the
  // order of the user's variables and monomial order: the answer cannot depend on them.
  const C = canonicalRing(QQ, R.vars);
  // Zero generators say nothing and repeated ones nothing new.
  const input = distinctNonZero(polys.map((f) => changeRing(f, C)));
  if (input.length === 0) {
    // The zero ideal: every point is a solution, one component, the whole space (a point without variables).
    const whole = describeComponent([], R.vars, { digits: options.digits, deadline });
    return { vars: [...R.vars], dimension: C.nvars, independentSets: [C.vars.slice()], ...(C.nvars === 0 ? { solutions: 1 } : {}), components: [whole], complete: true };
  }
  const pointOptions = { digits: options.digits, deadline, complex: options.complex, bases: options.bases };
  // What is known so far: the dimension (and count) once known, then each finished component.
  let base: Omit<SolveResult, 'components' | 'complete'> | undefined;
  const components: Component[] = [];
  // The parts a stopped decomposition had not finished (see `SolveResult.unfinished`).
  let unfinished: UnfinishedPart[] | undefined;
  const partial = (): SolveResult => ({
    ...(base as Omit<SolveResult, 'components' | 'complete'>),
    components: [...components].sort(compareComponents),
    complete: false,
    message: `stopped before the end (phase: ${phase})`,
    ...(unfinished ? { unfinished } : {}),
  });
  const known = (b: Omit<SolveResult, 'components' | 'complete'>): void => {
    base = b;
    options.onPartial?.(partial());
  };
  const found = (c: Component): void => {
    components.push(c);
    options.onPartial?.(partial());
  };
  // Each minimal prime is described as soon as the decomposition knows it is final, so an answer
  // cut short keeps the components found.
  const onPrime = (P: PrimeIdeal): void => {
    if (P.dimension === 0) {
      // An isolated point set: one Galois orbit. Multiplicities are not defined here without
      // localization, so each point reports multiplicity 1 of its prime (documented).
      // P is prime and its reduced basis (in C) is known: one component, whose basis is P's.
      for (const z of solveZeroDimensional(P.basis, pointOptions)) {
        z.basis = P.basis.map(polynomialToData);
        z.basisIsGroebner = true;
        found(z);
      }
    } else found(describeComponent(P.basis, R.vars, { digits: options.digits, deadline, reduced: true, ...(options.constantOnComponents ? { constantOnComponents: options.constantOnComponents } : {}) }));
  };
  const constantOnComponents = options.constantOnComponents?.map((f) => changeRing(f, C));
  /** Decomposes the input given its basis (in C, or in another order of the variables), each component reported when known. */
  const decomposeInput = (given: { basis: Polynomial<Rational>[] } | { valueBasis: Polynomial<Rational>[] }): void => {
    minimalPrimes(input, {
      deadline,
      basisWorkers: options.basisWorkers,
      ...given,
      onProgress,
      ...(constantOnComponents ? { constantOnComponents } : {}),
      onComponent: onPrime,
      onStopped: (pieces) => (unfinished = pieces.map((q) => unfinishedPart(q, constantOnComponents, (gs) => [...gs]))),
    });
  };
  const independentSetsOf = (G: readonly Polynomial<Rational>[]): string[][] => maximalIndependentSets(G).map((s) => s.map((i) => C.vars[i]));
  /**
   * A positive-dimensional set that is a graph over the solutions of a smaller system J (see
   * `graph-variables.ts`) is decomposed over J's variables, each prime P of J giving the prime
   * P + ⟨xᵢ − vᵢ⟩. False when J is finite (the usual route then takes the whole system).
   * `learnedI`: the probe's learning run on the whole system, for its basis.
   */
  /**
   * The probe modulo a prime of `gens` in the ring K (their variables reordered, or their own
   * ring): its learning run, the first prime of the basis over Q; undefined when the set is
   * finite modulo that prime. One prime only: both callers want positive-dimensional sets and
   * leave a finite one to the usual route, which probes the whole system at two primes anyway
   * (a second prime here confirmed a staircase nobody used: 1.7 s of the 2-2-2-1 network with
   * biases and a λ per weight). A prime that makes a positive-dimensional set finite (unlucky)
   * only sends it to the usual route, which finds its dimension over Q.
   */
  const probeIn = (K: PolynomialRing<Rational>, gens: readonly Polynomial<Rational>[]): { inK: Polynomial<Rational>[]; learned?: LearnedFirstPrime } | undefined => {
    const inK = gens.map((f) => changeRing(f, K));
    const { learned } = modularStaircase(inK, { deadline, maxPrimes: 1, onProgress });
    return learned && dimension(learned.basis) === 0 ? undefined : { inK, ...(learned ? { learned } : {}) };
  };
  /** The basis over Q of what was probed, the probe's learning run its first prime. */
  const basisOfProbed = ({ inK, learned }: { inK: Polynomial<Rational>[]; learned?: LearnedFirstPrime }, what: string): Polynomial<Rational>[] => {
    progress(what);
    return groebner(inK, { deadline, onProgress, learned, basisWorkers: options.basisWorkers });
  };
  /** The basis over Q of `gens` in the ring K; undefined when the probe finds the set finite. */
  const positiveBasisIn = (K: PolynomialRing<Rational>, gens: readonly Polynomial<Rational>[], what: string): Polynomial<Rational>[] | undefined => {
    const probed = probeIn(K, gens);
    return probed && basisOfProbed(probed, what);
  };
  const overGraph = (graph: GraphElimination, learnedI?: LearnedFirstPrime): boolean => {
    // J's basis is computed with its variables in the order its generators suggest
    // (`variable-order.ts`); the decomposition takes it for the dimension and the value parts, and
    // computes the parts' bases in the canonical ring, where they were cheaper on the networks measured.
    const K = basisFriendlyRing(graph.ring, graph.reduced);
    const constants = constantOnComponents?.map((f) => graph.substitute(f));
    // When the values cannot cut the set (`valuesMaySplit`, read on the probe's basis modulo its
    // prime), that basis over Q would only give the dimension, which the decomposition's primes
    // give exactly at its end: meanwhile the dimension modulo the prime is said (as probable), and
    // the decomposition starts from the whole, in its own ring, as it would after the values.
    // (A function of its own, so that the probe's learning run is not kept through the decomposition.)
    const basisOfJ = (): { kind: 'basis'; basis: Polynomial<Rational>[] } | { kind: 'modulo'; dimension: number; p: number } | undefined => {
      const probed = probeIn(K, graph.reduced);
      if (!probed) return undefined;
      const learned = probed.learned;
      if (K !== graph.ring && options.independentSets === false && learned !== undefined && dimension(learned.basis) > 0 && !valuesMaySplit(constants ?? [], learned.basis, { deadline })) {
        return { kind: 'modulo', dimension: dimension(learned.basis), p: learned.p };
      }
      return { kind: 'basis', basis: basisOfProbed(probed, `Gröbner basis over Q, without the ${graph.equations.length} variable(s) the system gives as polynomials of the others`) };
    };
    const ofJ = basisOfJ();
    if (!ofJ) return false;
    const J = ofJ.kind === 'basis' ? ofJ.basis : undefined;
    let basisI: Polynomial<Rational>[] | undefined;
    if (ofJ.kind === 'modulo') known({ vars: [...R.vars], dimension: ofJ.dimension, independentSets: [], dimensionModulo: ofJ.p });
    else {
      const dim = dimension(ofJ.basis);
      if (dim === 0) return false;
      // I's own basis only for its independent sets (J's are those of another ideal).
      basisI = options.independentSets === false ? undefined : groebner(input, { deadline, onProgress, learned: learnedI });
      known({ vars: [...R.vars], dimension: dim, independentSets: basisI ? independentSetsOf(basisI) : [] });
      if (dim === -1) return true;
    }
    // A prime's basis is a Gröbner basis in C too (degrevlex on the same variables, free of the
    // eliminated ones): only the pairs with the graph's equations are formed.
    const withGraph = (P: readonly Polynomial<Rational>[]): Polynomial<Rational>[] => groebner([...P.map((g) => changeRing(g, C)), ...graph.equations], { deadline, knownBasis: P.length });
    const primes = minimalPrimes(graph.reduced, {
      deadline,
      basisWorkers: options.basisWorkers,
      ...(J === undefined ? {} : K === graph.ring ? { basis: J } : { valueBasis: J }),
      // J's basis in its own ring, should the whole be decomposed: from I's basis, substituted.
      ...(K !== graph.ring && basisI ? { basisOnDemand: () => groebner(basisI.map((g) => graph.substitute(g)), { deadline, basisWorkers: options.basisWorkers }) } : {}),
      onProgress,
      ...(constants ? { constantOnComponents: constants } : {}),
      onComponent: (P) => onPrime({ basis: withGraph(P.basis), dimension: P.dimension }),
      onStopped: (pieces) => (unfinished = pieces.map((q) => unfinishedPart(q, constants, (gs) => [...gs.map((g) => changeRing(g, C)), ...graph.equations]))),
    });
    // The dimension of a variety is the largest of its components'.
    if (J === undefined) known({ vars: [...R.vars], dimension: primes.reduce((d, P) => Math.max(d, P.dimension), -1), independentSets: [] });
    return true;
  };
  /**
   * The route of `positiveDimensional`: the basis in the order the generators suggest, the
   * decomposition taking it for the dimension and the value parts (as over the graph above).
   * False, nothing reported, when the variable order would not change or the set is finite or
   * empty after all (the usual route then takes the system).
   */
  const inGeneratorOrder = (): boolean => {
    const K = basisFriendlyRing(C, input);
    if (K === C) return false;
    const G = positiveBasisIn(K, input, 'Gröbner basis over Q, the variables in the order the generators suggest');
    const dim = G ? dimension(G) : 0;
    if (!G || dim <= 0) return false;
    known({ vars: [...R.vars], dimension: dim, independentSets: [] });
    decomposeInput({ valueBasis: G });
    return true;
  };
  try {
    // Fewer equations than variables: the dimension from random sections modulo a prime is
    // cheap and said at once (as probabilistic), before any basis (`modular-dimension.ts`).
    if (input.length < C.nvars) {
      const sections = sectionDimension(input, deadline);
      if (sections) known({ vars: [...R.vars], ...sections });
    }
    // A variable given as a polynomial of degree two or more in the others (a network's output
    // bias) makes I's degrevlex basis far larger than J's: on the 2-2-1 network with biases and
    // activation z², its probe takes 1.7 s against J's 0.04 s. J is then probed first, and I
    // only when J is finite; unless the set is probably finite (`positiveDimensional: false`),
    // when I is probed first and J only if I is not finite. A linear one (katsura, cyclic) is a
    // linear change of coordinates: I costs about what J does, and is probed first (J's probe
    // would be work done twice on the finite sets these usually are).
    const graph = graphElimination(input);
    const graphFirst = graph !== undefined && options.positiveDimensional !== false && graph.equations.some((e) => e.totalDegree() > 1);
    if (graphFirst && overGraph(graph)) return { ...(base as Omit<SolveResult, 'components' | 'complete'>), components: components.sort(compareComponents), complete: true };
    if (options.positiveDimensional && options.independentSets === false && graph === undefined && inGeneratorOrder()) {
      return { ...(base as Omit<SolveResult, 'components' | 'complete'>), components: components.sort(compareComponents), complete: true };
    }
    // A finite radical set needs no basis over Q: its staircase modulo two primes gives the
    // number of solutions, and the parametrization is lifted from primes (msolve's route).
    // A finite set modulo the first prime is said at once (as probable, `dimensionModulo`): on a
    // network one size up the second prime's basis takes as long as the first (11 s on the 2-2-1
    // network with biases, activation z² and one λ, 3,073 solutions), and a time limit reached
    // there would otherwise leave nothing known.
    // (What is known so far may be replaced by a reading modulo a prime only when it is one too.)
    const onlyModular = (): boolean => base === undefined || base.dimensionModulo !== undefined;
    const onFirstBasis = (basis: readonly Polynomial<number>[], p: number): void => {
      if (dimension(basis) === 0 && onlyModular()) known({ vars: [...R.vars], ...dimensionModuloPrime(basis, p, C.vars), solutions: solutionCount(basis) });
    };
    const before = base;
    const probe = modularStaircase(input, { deadline, finiteOnly: true, onProgress, onFirstBasis });
    const staircase = probe.basis;
    const finite = staircase !== undefined && dimension(staircase) === 0;
    // A first prime the others did not confirm (unlucky, or the set is not finite): its count is not said.
    if (!finite) base = before;
    if (staircase && finite) {
      const D = solutionCount(staircase);
      known({ vars: [...R.vars], dimension: 0, independentSets: [[]], solutions: D });
      const group = options.orbits !== false && !options.complex && !options.bases ? signSymmetries(input) : undefined;
      const byOrbits = group !== undefined && (options.orbits === true || (D >= ORBIT_MIN_SOLUTIONS && groupOrder(group) >= ORBIT_MIN_GROUP_ORDER));
      const orbits = byOrbits ? solveByOrbits(input, D, { digits: options.digits, deadline, onProgress, group, imageWorkers: options.imageWorkers, ...(probe.learned ? { learned: probe.learned } : {}) }) : undefined;
      if (orbits?.kind === 'solved') {
        const families = orbits.components.map((c) => withVariableOrder(c, C.vars));
        return { ...(base as Omit<SolveResult, 'components' | 'complete'>), signGroup: orbits.group, components: families.sort(compareComponents), complete: true };
      }
      // The probe learned F4 on the primitive generators: the parametrization may replay it.
      const learned = probe.learned && { generators: input.map(primitivePart), basis: probe.learned.basis, replay: probe.learned.replay, ...(probe.learned.trace ? { trace: probe.learned.trace } : {}) };
      const finite = solveRadicalFinite(input, D, { ...pointOptions, onProgress, onComponent: found, imageWorkers: options.imageWorkers, learned });
      if (finite) return { ...(base as Omit<SolveResult, 'components' | 'complete'>), components: finite.sort(compareComponents), complete: true };
      components.length = 0;
      progress('Gröbner basis over Q (the ideal is not radical, or no form separated)');
    }
    // A positive dimension modulo the probe's prime is said at once (as probabilistic); the
    // basis over Q below may take long, and then replaces it.
    if (onlyModular() && probe.learned && dimension(probe.learned.basis) > 0) {
      known({ vars: [...R.vars], ...dimensionModuloPrime(probe.learned.basis, probe.learned.p, C.vars) });
    }
    // A positive-dimensional set on which variables are linear polynomials of the others is
    // decomposed without them. Only once the probe has not found a finite set: there the smaller
    // system's own probe would be work done twice (katsura-8: 0.45 s).
    if (!finite && !graphFirst) {
      if (graph && overGraph(graph, probe.learned)) return { ...(base as Omit<SolveResult, 'components' | 'complete'>), components: components.sort(compareComponents), complete: true };
    }
    // The probe's learning run is the driver's first prime: it is not made twice.
    const G = groebner(input, { deadline, onProgress, learned: probe.learned });
    const dim = dimension(G);
    known({ vars: [...R.vars], dimension: dim, independentSets: independentSetsOf(G), ...(dim === 0 ? { solutions: solutionCount(G) } : {}) });
    if (dim === -1) return { ...base!, components: [], complete: true };
    if (dim === 0) solveZeroDimensional(G, { ...pointOptions, generators: polys, onProgress, onComponent: found });
    else decomposeInput({ basis: G });
  } catch (e) {
    // Before the dimension is known nothing can be said: the TimeoutError goes to the caller.
    if (!(e instanceof TimeoutError) || base === undefined) throw e;
    const read = base.solutions !== undefined ? 'the dimension and the number of solutions are those' : 'the dimension is that';
    const modular = base.dimensionModulo !== undefined ? `; ${read} modulo the prime ${base.dimensionModulo}, probably right but not certain` : '';
    return { ...partial(), message: `${e.message} (phase: ${phase}; ${components.length} component(s) found${modular})` };
  }
  return { ...base!, components: components.sort(compareComponents), complete: true };
}

/**
 * A piece the decomposition left unfinished, as data: its equations in C (`inC` maps the
 * piece's polynomials there, adding what the piece's ring leaves out) and, for each polynomial
 * constant on the components, its value on the whole piece when the piece's basis reduces it to
 * a constant (a normal form costs little next to the decomposition that was stopped).
 */
function unfinishedPart(piece: UnfinishedPiece, constants: readonly Polynomial<Rational>[] | undefined, inC: (ps: readonly Polynomial<Rational>[]) => Polynomial<Rational>[]): UnfinishedPart {
  const equations = inC(piece.basis ?? piece.generators).map(polynomialToData);
  const part = { dimensionBound: piece.bound, equations, ...(piece.prime ? { irreducible: true } : {}) };
  if (!constants) return part;
  // Past the time limit already: no normal form modulo a basis too large to be quick.
  const basis = piece.basis && piece.basis.reduce((n, g) => n + g.length, 0) <= UNFINISHED_VALUE_TERMS ? piece.basis : undefined;
  const constantValues = constants.map((f) => {
    if (!basis) return null;
    const r = normalForm(f, basis);
    return r.isConstant() ? rationalToString(r.isZero() ? rational(0n) : r.lc()) : null;
  });
  return { ...part, constantValues };
}

/**
 * The most terms of an unfinished piece's basis for which the values of the polynomials constant
 * on the components are read (a normal form each, after the time limit). The pieces of the 2-2-1
 * network with biases and activation z − z³/3 left by a 40 s limit have bases of 6–17 elements
 * and 39–1,349 terms.
 */
const UNFINISHED_VALUE_TERMS = 20000;

/** Seconds the sections may take before the solver goes on without them. */
const SECTIONS_BUDGET = 0.5;

/** The dimension by random sections (`modular-dimension.ts`) within its budget, or undefined. */
function sectionDimension(input: readonly Polynomial<Rational>[], deadline: Deadline): ModularDimension | undefined {
  try {
    return dimensionBySections(input, { deadline: new AttemptDeadline(SECTIONS_BUDGET, deadline) });
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    deadline.check();
    return undefined;
  }
}

/** The non-zero polynomials of a list, each once, in their first order. */
function distinctNonZero(ps: readonly Polynomial<Rational>[]): Polynomial<Rational>[] {
  const seen = new Set<string>();
  return ps.filter((p) => {
    if (p.isZero()) return false;
    const key = p.toString();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function compareComponents(a: Component, b: Component): number {
  if (a.dimension !== b.dimension) return b.dimension - a.dimension;
  if (a.degree !== b.degree) return a.degree - b.degree;
  const ka = componentKey(a);
  const kb = componentKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** A text that identifies a component in the canonical ring: its basis, or its exact parametrization. */
function componentKey(c: Component): string {
  if (c.kind === 'orbits') return `${c.exact.invariantForm}|${c.exact.minimalPolynomial}|${Object.values(c.exact.coordinates).join(';')}`;
  if (c.kind === 'points') return `${c.exact.separatingForm}|${c.exact.minimalPolynomial}|${Object.values(c.exact.coordinates).join(';')}`;
  return c.basis.map(polynomialDataToString).join(';');
}

/**
 * A family's points with their coordinates listed in the canonical order of the variables (their
 * names' natural order), as the other components' points are: the data are keyed by name, and
 * their listing, like the rest of the answer, does not depend on the order the caller gave the
 * variables in (`critical --shuffle-vars` printed the orbit route's points in the shuffled order).
 */
function withVariableOrder(c: OrbitFamily, vars: readonly string[]): OrbitFamily {
  const order = <V>(r: Record<string, V>): Record<string, V> => Object.fromEntries(vars.map((v) => [v, r[v]]));
  return { ...c, points: c.points.map((p) => ({ ...p, approx: order(p.approx), box: order(p.box), signs: order(p.signs) })) };
}
