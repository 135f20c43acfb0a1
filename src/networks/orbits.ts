/**
 * Orbits of the irreducible components of a critical set under a finite group of signed
 * permutations that leave the loss invariant.
 *
 * A symmetry σ (linear, orthogonal, defined over Q, L∘σ = L) maps the critical set {∇L = 0} onto
 * itself, so it maps each irreducible component over Q onto one, of the same dimension, degree
 * and critical value, and a finite one with the same number of real points and the same Hessian
 * inertias (H(σx) is H(x) conjugated by σ). The image σ(C) is identified among the components
 * with the same invariants, cheap tests first:
 * - when the list is complete and one component has C's invariants, it is σ(C) (no computation);
 * - a positive-dimensional C (or a finite one with a Gröbner basis on both sides): the ideal
 *   σ(P) = ⟨g∘σ⁻¹ : g ∈ P⟩ is contained in the candidate P′ when every g∘σ⁻¹ reduces to 0 modulo
 *   P′'s reduced basis; two primes of the same dimension, one inside the other, are equal;
 * - a rational point: σ(p) compared with the candidate's point;
 * - other finite components: a candidate C′ is excluded when the exact box of σ(p), p a real point
 *   of C, meets no box of C′'s real points, or when the minimal polynomial of C′'s separating
 *   form t′ on σ(C) (modular, `valueMinimalPolynomial`) is not q′. One survivor of a complete
 *   list is σ(C); otherwise C′ = σ(C) is proven exactly: with T = t′(x) adjoined to σ(C)'s
 *   parametrization, q′(T) and d′(T)·xᵢ − u′ᵢ(T) vanish on it (`vanishesOnComponent`). That
 *   expands powers over Q(θ), affordable up to EXACT_TEST_DEGREE_LIMIT points; a larger
 *   component of an incomplete list whose candidates remain is 'undecided'. In a complete list,
 *   several survivors are narrowed with further forms (1, k, k², …) first;
 * - a family of orbits under sign changes (`solve/orbit-solve.ts`): a sign change that keeps the
 *   invariants its orbits are read from maps it onto itself (exact); otherwise candidates are
 *   excluded by the real points' boxes, then σ(C) is the family whose minimal polynomial is that
 *   of T∘σ on C (T the invariant the orbits are separated by; modular, `orbitValueMinimalPolynomial`).
 *
 * Orbits are closed by breadth-first search with the generators (the group is never enumerated):
 * each component is mapped by every generator, which also gives the generators fixing it. The
 * representative of an orbit is its first component; every other member is reached by a word in
 * the generators (applied left to right).
 */
import { QQ } from '../arithmetic/field';
import { Rational, parseRational, rcmp, req } from '../arithmetic/rational';
import { ComputationError, Deadline, TimeoutError } from '../errors';
import { changeRing } from '../poly/change';
import { Polynomial, PolynomialRing } from '../poly/polynomial';
import { PolynomialData, polynomialsFromData } from '../poly/data';
import { UPoly, uadd, uscale } from '../poly/univariate';
import { inIdeal } from '../groebner/normal-form';
import { Component } from '../solve/solve';
import { valueMinimalPolynomial, vanishesOnComponent } from '../solve/component-values';
import { ComponentParametrizationData, RationalPoint, RealPoint, ZeroDimensionalComponent, parametrizationOf } from '../solve/zero-dimensional';
import { BASIS_DEGREE_LIMIT } from '../solve/point-components';
import { OrbitFamily, invariantFormOf, orbitFamilyData } from '../solve/orbit-solve';
import { orbitValueMinimalPolynomial } from '../solve/orbit-evaluation';
import { SignedPermutation, compose, identityPermutation, imageBox, imageParametrization, imagePoint, inverse, pullBack } from './signed-permutation';

/** A component with a description of its invariants that the caller vouches every symmetry keeps. */
export interface OrbitItem {
  component: Component;
  invariant: string;
}

/** How σ(C) = C′ was established. */
export type ImageProof = 'unique-candidate' | 'ideal-containment' | 'rational-point' | 'unique-survivor' | 'parametrization' | 'sign-orbits' | 'invariant-minimal-polynomial';

export type ComponentImage =
  | { kind: 'found'; index: number; proof: ImageProof }
  | { kind: 'missing'; reason: string }
  /** A large finite component whose image was narrowed to `candidates` but not proven. */
  | { kind: 'undecided'; candidates: number[]; reason: string };

export interface OrbitMembership {
  /** The orbit's index in `orbits`. */
  orbit: number;
  representative: number;
  /** Generator indices: applied in this order they map the representative to this component. */
  word: number[];
  /** Their composition. */
  symmetry: SignedPermutation;
  /** Generators mapping this component to itself. */
  fixedBy: number[];
}

export interface ComponentOrbits {
  orbits: { representative: number; members: number[] }[];
  /** Per component (undefined when a time limit stopped the search before it). */
  membership: (OrbitMembership | undefined)[];
  /** images[i][g]: the component generator g maps component i to (undefined where not computed). */
  images: (ComponentImage | undefined)[][];
  /** False when an image was not found or a time limit stopped the search. */
  complete: boolean;
  message?: string;
}

export interface OrbitOptions {
  /** The items are every component of the critical set (so σ(C) is one of them). */
  complete: boolean;
  deadline?: Deadline;
}

const SEPARATOR = 'theta_';

/** The exact parametrization test runs on components of at most this many points. */
export const EXACT_TEST_DEGREE_LIMIT = BASIS_DEGREE_LIMIT;

/** Is the prime with generators `source` mapped by σ into the prime with reduced basis `target`? */
function idealContained(source: readonly Polynomial<Rational>[], sigma: SignedPermutation, target: readonly Polynomial<Rational>[]): boolean {
  const inv = inverse(sigma);
  if (target.length === 0) return source.every((g) => g.isZero());
  const R = target[0].ring;
  return source.every((g) => inIdeal(changeRing(pullBack(g, inv), R), target));
}

/** Do the exact boxes meet in every coordinate? */
function boxesMeet(a: Readonly<Record<string, readonly [string, string]>>, b: Readonly<Record<string, readonly [string, string]>>): boolean {
  return Object.keys(a).every((v) => !b[v] || (rcmp(parseRational(a[v][0]), parseRational(b[v][1])) <= 0 && rcmp(parseRational(b[v][0]), parseRational(a[v][1])) <= 0));
}

/** The separating form of a component's parametrization, in its ring. */
function separatingForm(data: ComponentParametrizationData): Polynomial<Rational> {
  return data.separatingForm.reduce((acc, c, i) => (c === 0n ? acc : acc.add(data.ring.variable(i).scale(QQ.fromInt(c)))), data.ring.zero());
}

function sameUpToSign(a: readonly bigint[], b: readonly bigint[]): boolean {
  return a.length === b.length && (a.every((x, i) => x === b[i]) || a.every((x, i) => x === -b[i]));
}

/**
 * Is the finite component with parametrization `image` (e.g. σ(C)) the component `target`? With
 * T = t′(x) adjoined (numerator Σ c′ⱼ·uⱼ over the same denominator), the generators q′(T) and
 * d′(T)·xᵢ − u′ᵢ(T) of target's prime must vanish on it. Exact, over Q(θ): for small components.
 */
export function parametrizationEqual(image: ComponentParametrizationData, target: ComponentParametrizationData, deadline?: Deadline): boolean {
  const vars = image.ring.vars;
  const A = new PolynomialRing(QQ, [...vars, SEPARATOR]);
  let t: UPoly<Rational> = [];
  target.ring.vars.forEach((v, j) => {
    const c = target.separatingForm[j];
    if (c !== 0n) t = uadd(QQ, t, uscale(QQ, image.numerators[vars.indexOf(v)], QQ.fromInt(c)));
  });
  const augmented: ComponentParametrizationData = { ...image, ring: A, numerators: [...image.numerators, t] };
  const T = A.variable(SEPARATOR);
  const inT = (u: readonly Rational[]): Polynomial<Rational> => u.reduce((acc, c, k) => acc.add(T.pow(k).scale(c)), A.zero());
  if (!vanishesOnComponent(inT(target.minimalPolynomial.map((c) => QQ.fromInt(c))), augmented, deadline)) return false;
  const d = target.denominator ? inT(target.denominator) : A.one();
  return target.ring.vars.every((v, i) => vanishesOnComponent(d.mul(A.variable(v)).sub(inT(target.numerators[i])), augmented, deadline));
}

/** Is σ a sign change (no permutation) that fixes every orbit of the family (see `imageOf`)? */
function signChangeKeepsOrbits(c: OrbitFamily, sigma: SignedPermutation): boolean {
  if (sigma.source.some((j, i) => j !== i)) return false;
  const sign = (v: string): number => sigma.sign[sigma.vars.indexOf(v)];
  return Object.entries(c.exact.coefficients.coordinates).every(([v, x]) => {
    if (x.kind === 'invariant') return x.numerator.length === 0 || sign(v) === 1;
    if (x.kind === 'linked') return (x.pivots ?? []).reduce((s, p) => s * sign(p), sign(v)) === 1;
    return true;
  });
}

/** σ(C) among the items; see the file header. */
function imageOf(items: readonly OrbitItem[], candidates: readonly number[], i: number, sigma: SignedPermutation, options: OrbitOptions): ComponentImage {
  const c = items[i].component;
  const ordered = [i, ...candidates.filter((j) => j !== i)];
  const found = (index: number, proof: ImageProof): ComponentImage => ({ kind: 'found', index, proof });
  const missing: ComponentImage = { kind: 'missing', reason: options.complete ? 'no component is the image (a symmetry or the analysis is wrong)' : 'the image is not among the components analysed' };
  if (ordered.length === 1 && options.complete) return found(ordered[0], 'unique-candidate');
  if (c.kind === 'variety') {
    for (const j of ordered) if (idealContained(polynomialsFromData(c.basis), sigma, polynomialsFromData((items[j].component as typeof c).basis))) return found(j, 'ideal-containment');
    return missing;
  }
  if (c.kind === 'orbits') {
    // A sign change that keeps the invariants the orbits are read from (the invariant coordinates,
    // and each linked coordinate times its pivots) maps every orbit of the family to itself.
    if (signChangeKeepsOrbits(c, sigma)) return found(i, 'sign-orbits');
    // Otherwise its real points' images are real points of the image family, so
    // a candidate none of whose exact boxes meets an image box is excluded (exact); there is no
    // exact test beyond.
    const real = c.points[0];
    const survivors = real ? ordered.filter((j) => (items[j].component as OrbitFamily).points.some((p) => boxesMeet(imageBox(real.box, sigma), p.box))) : ordered;
    if (survivors.length === 0) return missing;
    // σ(C) is the family whose q is the minimal polynomial of T∘σ on C (the factors of the orbit
    // space's minimal polynomial are distinct, so at most one family has it).
    const data = orbitFamilyData(c);
    const ring = new PolynomialRing(QQ, data.vars);
    let mu: bigint[];
    try {
      mu = orbitValueMinimalPolynomial(pullBack(invariantFormOf(c, ring), sigma), data, options.deadline);
    } catch (e) {
      if (!(e instanceof ComputationError)) throw e;
      // T∘σ is not invariant under the sign changes: no exact test.
      if (survivors.length === 1 && options.complete) return found(survivors[0], 'unique-survivor');
      return { kind: 'undecided', candidates: survivors, reason: `${survivors.length} candidate(s) left for a family of orbits: the symmetry does not keep the invariants` };
    }
    const k = survivors.find((j) => sameUpToSign((items[j].component as OrbitFamily).exact.coefficients.minimalPolynomial.map((x) => BigInt(x)), mu));
    return k === undefined ? missing : found(k, 'invariant-minimal-polynomial');
  }
  const others = ordered.map((j) => items[j].component as ZeroDimensionalComponent);
  if (c.degree === 1) {
    const p = imagePoint((c.points[0] as RationalPoint).rational, sigma);
    const equal = (q: Record<string, string>): boolean => Object.keys(p).every((v) => req(parseRational(p[v]), parseRational(q[v])));
    const k = others.findIndex((o) => equal((o.points[0] as RationalPoint).rational));
    return k >= 0 ? found(ordered[k], 'rational-point') : missing;
  }
  if (c.basis && others.every((o) => o.basis && o.basisIsGroebner)) {
    const k = others.findIndex((o) => idealContained(polynomialsFromData(c.basis as PolynomialData[]), sigma, polynomialsFromData(o.basis as PolynomialData[])));
    return k >= 0 ? found(ordered[k], 'ideal-containment') : missing;
  }
  const image = imageParametrization(parametrizationOf(c), sigma);
  const real = c.points.find((p): p is RealPoint => p.kind === 'real');
  const box = real ? imageBox(real.box, sigma) : undefined;
  // Exact exclusion by the real point's box (cheap), then by minimal polynomials (modular).
  let survivors = ordered.filter((_, k) => !box || others[k].points.some((p) => p.kind === 'real' && boxesMeet(box, p.box)));
  if (survivors.length === 0) return missing;
  const undecided: ComponentImage = { kind: 'undecided', candidates: survivors, reason: `${survivors.length} candidate(s) left for a ${c.degree}-point component, beyond the exact test's limit of ${EXACT_TEST_DEGREE_LIMIT} points` };
  // Without a complete list only the exact test can prove an image: skip the modular work where it cannot run.
  if (!options.complete && c.degree > EXACT_TEST_DEGREE_LIMIT) return undecided;
  survivors = survivors.filter((j) => {
    options.deadline?.check();
    const target = parametrizationOf(items[j].component as ZeroDimensionalComponent);
    return sameUpToSign(valueMinimalPolynomial(separatingForm(target), image, options.deadline), target.minimalPolynomial);
  });
  // t′ need not separate C′ from other components: more forms (1, k, k², …) exclude the rest.
  for (let k = 2; k <= 3 && survivors.length > 1; k++) {
    const f = image.ring.vars.reduce((acc, _, i) => acc.add(image.ring.variable(i).scale(QQ.fromInt(BigInt(k) ** BigInt(i)))), image.ring.zero());
    const mu = valueMinimalPolynomial(f, image, options.deadline);
    survivors = survivors.filter((j) => sameUpToSign(valueMinimalPolynomial(f, parametrizationOf(items[j].component as ZeroDimensionalComponent), options.deadline), mu));
  }
  if (survivors.length === 1 && options.complete) return found(survivors[0], 'unique-survivor');
  if (survivors.length === 0) return missing;
  // The exact test expands powers over Q(θ): affordable for the small components only.
  if (c.degree > EXACT_TEST_DEGREE_LIMIT) return { ...undecided, candidates: survivors };
  for (const j of survivors) if (parametrizationEqual(image, parametrizationOf(items[j].component as ZeroDimensionalComponent), options.deadline)) return found(j, 'parametrization');
  return missing;
}

/** The orbits of the items under the group generated by `generators` (see the file header). */
export function componentOrbits(generators: readonly SignedPermutation[], items: readonly OrbitItem[], options: OrbitOptions): ComponentOrbits {
  const keyOf = (it: OrbitItem): string => `${it.component.kind}|${it.component.dimension}|${it.component.degree}|${it.invariant}`;
  const classes = new Map<string, number[]>();
  items.forEach((it, i) => classes.set(keyOf(it), [...(classes.get(keyOf(it)) ?? []), i]));
  const images: (ComponentImage | undefined)[][] = items.map(() => generators.map(() => undefined));
  const membership: (OrbitMembership | undefined)[] = items.map(() => undefined);
  const orbits: { representative: number; members: number[] }[] = [];
  let message: string | undefined;
  try {
    for (let r = 0; r < items.length; r++) {
      if (membership[r]) continue;
      const orbit = { representative: r, members: [r] };
      orbits.push(orbit);
      membership[r] = { orbit: orbits.length - 1, representative: r, word: [], symmetry: identityPermutation(generators[0]?.vars ?? []), fixedBy: [] };
      for (let k = 0; k < orbit.members.length; k++) {
        const m = orbit.members[k];
        const own = membership[m] as OrbitMembership;
        generators.forEach((g, gi) => {
          options.deadline?.check();
          const image = imageOf(items, classes.get(keyOf(items[m])) as number[], m, g, options);
          images[m][gi] = image;
          if (image.kind !== 'found') {
            message ??= `the image of component ${m + 1} under generator ${gi + 1}: ${image.reason}`;
            return;
          }
          if (image.index === m) own.fixedBy.push(gi);
          if (membership[image.index]) return;
          membership[image.index] = { orbit: own.orbit, representative: r, word: [...own.word, gi], symmetry: compose(g, own.symmetry), fixedBy: [] };
          orbit.members.push(image.index);
        });
      }
      orbit.members.sort((a, b) => a - b);
    }
  } catch (e) {
    // A time limit, or a modular lift that did not settle: the orbits found so far, said to be partial.
    if (!(e instanceof TimeoutError || e instanceof ComputationError)) throw e;
    message = `${e.message} (phase: orbits of the components; ${membership.filter(Boolean).length} of ${items.length} placed)`;
  }
  return { orbits, membership, images, complete: message === undefined, ...(message ? { message } : {}) };
}
