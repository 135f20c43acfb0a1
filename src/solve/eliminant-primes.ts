/**
 * The primes of an ideal J that is equidimensional with a largest independent set U independent
 * on every component, that is zero-dimensional over K(U): the second half of Gianni–Trager–
 * Zacharias (J. Symb. Comp. 6, 1988; Greuel–Pfister §4.3).
 *
 * With e = dim over K(U) of K(U)[X']/J, J is prime when e = 1. Otherwise take a linear form t in
 * the dependent variables and the generator F(U, T) of (J + ⟨T − t⟩) ∩ K[U, T] (principal: J is
 * unmixed of height one there). When the T-degrees of the irreducible factors Fₖ of F add up to e
 * with no repetition, t separates the points of J over K(U), and the primes are the contractions
 * (J + ⟨Fₖ(U, t)⟩)·K(U)[X'] ∩ K[X] — contractions of maximal ideals of K(U)[X'], hence prime.
 * When F has several factors without separating, J splits into those contractions, each of
 * smaller degree, whose primes are found the same way. When every variable's eliminant is a power
 * of one factor, J is made radical over K(U) by Seidenberg's lemma (adding the square-free parts
 * of those eliminants) and the forms are tried again: single variables, sums of two, then forms
 * in all the dependent variables. Before the sums of two are lifted one by one, they are tried
 * on one fibre modulo one prime (U set to random residues, J's quotient there of dimension e): a
 * sum whose minimal polynomial there has e distinct roots is checked exactly first.
 */
import { QQ, Zp } from '../arithmetic/field';
import { Rational, rational } from '../arithmetic/rational';
import { ComputationError, Deadline } from '../errors';
import { Monomial } from '../monomials/monomial';
import { changeRing } from '../poly/change';
import { Polynomial, PolynomialRing } from '../poly/polynomial';
import { substitute } from '../poly/evaluate';
import { eliminate } from '../groebner/eliminate';
import { linearEliminant } from '../groebner/linear-eliminant';
import { QuotientAlgebra } from '../groebner/quotient';
import { minimalPolynomialModP } from './radical';
import { primeStream } from '../arithmetic/primes';
import { degrevlex } from '../monomials/order';
import { distinctRoots } from './multiplicities';
import { Factorizer } from '../groebner/factor-cache';
import { groebner } from '../groebner/groebner';
import { isUnitIdeal, isZeroDimensional } from '../groebner/ideal';
import { EquidimensionalPart, equidimensionalPart } from './equidimensional';
import { primeBySpecialization } from './prime-by-specialization';

type QPoly = Polynomial<Rational>;

function freshVariable(R: PolynomialRing<Rational>): string {
  let name = 'T_';
  while (R.hasVar(name)) name += '_';
  return name;
}

/** The generator of (J + ⟨T − t⟩) ∩ K[U, T] as a polynomial in the ring [vars…, T]. */
function eliminantOf(J: readonly QPoly[], t: QPoly, U: readonly number[], deadline?: Deadline): { F: QPoly; S: PolynomialRing<Rational> } {
  const R = J[0].ring;
  const T = freshVariable(R);
  const S = new PolynomialRing(QQ, [...R.vars, T]);
  // Linear algebra on normal forms first; a block order when it gives up (see linear-eliminant.ts).
  const linear = linearEliminant(J, t, U, S, { deadline });
  if (linear) return { F: linear, S };
  const gens = [...J.map((g) => changeRing(g, S)), S.variable(T).sub(changeRing(t, S))];
  const dep = R.vars.filter((_, i) => !U.includes(i));
  const E = eliminate(gens, dep, { deadline });
  if (E.length === 0) throw new ComputationError('the eliminant vanishes (the ideal is not zero-dimensional over its independent set)');
  // The elimination ideal is principal (unmixed of height one in a factorial ring): its
  // reduced basis has one element.
  if (E.length !== 1) throw new ComputationError(`the eliminant ideal is not principal (${E.length} generators)`);
  return { F: changeRing(E[0], S), S };
}

/**
 * Candidate forms in the dependent variables, cheapest first: each variable, then sums of two
 * with coefficients 1 and 2, then forms in all of them (canonical order first).
 */
function* separatingCandidates(R: PolynomialRing<Rational>, dependent: readonly number[]): Generator<QPoly> {
  for (const i of dependent) yield R.variable(i);
  for (const c of [1, 2])
    for (let a = 0; a < dependent.length; a++)
      for (let b = a + 1; b < dependent.length; b++) yield R.variable(dependent[a]).add(R.variable(dependent[b]).scale(rational(c)));
  for (let k = 2n; k < 50n; k++) {
    let w = 1n;
    let t = R.zero();
    for (const i of dependent) {
      t = t.add(R.variable(i).scale(rational(w)));
      w *= k;
    }
    yield t;
  }
}

/**
 * The largest degree e over K(U) whose fibres `separatingFormModP` and `primeBySpecialization` are
 * tried on: each of the former's k² candidates costs a minimal polynomial of a dense e × e matrix
 * (about e³ operations), and the latter builds e × e matrices over Q.
 */
const MAX_FIBRE_DEGREE = 100;

/**
 * The first of `candidates` that separates the points of J over K(U) modulo one prime, on one
 * fibre: U set to pseudo-random residues u₀, J(u₀) modulo p is zero-dimensional of degree e in
 * the dependent variables (otherwise the fibre or the prime is unlucky, and there is no hint),
 * and t separates when its minimal polynomial on that quotient has e distinct roots. Only a hint,
 * checked exactly by the caller; undefined when no candidate separates there (J not radical over
 * K(U), no candidate separating, or an unlucky fibre). Each candidate costs a minimal polynomial
 * of an e × e matrix modulo p, instead of its eliminant lifted over Q.
 */
export function separatingFormModP(J: readonly QPoly[], U: readonly number[], e: number, candidates: readonly QPoly[], deadline?: Deadline): QPoly | undefined {
  const R = J[0].ring;
  const dependent = R.vars.map((_, i) => i).filter((i) => !U.includes(i));
  // Residues from a fixed linear congruential sequence: the same fibre on every run.
  let state = 12345;
  const random = (p: number): number => {
    state = (state * 48271) % 2147483647;
    return 1 + (state % (p - 1));
  };
  for (const p of primeStream(2 ** 26)) {
    const P = BigInt(p);
    if (J.some((g) => g.coefficients.some((c) => c.den % P === 0n)) || candidates.some((t) => t.coefficients.some((c) => c.den % P === 0n))) continue;
    const Rp = new PolynomialRing(Zp(p), R.vars, R.order);
    const fibreRing = new PolynomialRing(Zp(p), dependent.map((i) => R.vars[i]), degrevlex);
    const point = Object.fromEntries(U.map((u) => [R.vars[u], fibreRing.fromInt(random(p))]));
    const onFibre = (f: QPoly): Polynomial<number> => substitute(changeRing(f, Rp), point, fibreRing);
    const G = groebner(J.map(onFibre), { deadline });
    if (isUnitIdeal(G) || !isZeroDimensional(G)) return undefined;
    const A = new QuotientAlgebra(G);
    if (A.dimension !== e) return undefined;
    const one = A.coordinates(fibreRing.one());
    for (const t of candidates) {
      deadline?.check();
      const M = A.multiplicationMatrix(onFibre(t));
      if (distinctRoots(minimalPolynomialModP(M, one, p, deadline), p) === e) return t;
    }
    return undefined;
  }
  return undefined;
}

/** F(vars, T) with T (the last variable of S) replaced by t, in the ring R; terms combined once. */
function substituteT(F: QPoly, S: PolynomialRing<Rational>, R: PolynomialRing<Rational>, t: QPoly): QPoly {
  const powers: QPoly[] = [R.one()];
  const monos: Monomial[] = [];
  const coeffs: Rational[] = [];
  for (let k = 0; k < F.length; k++) {
    const m = F.monomials[k];
    const e = m[S.nvars];
    while (powers.length <= e) powers.push(powers[powers.length - 1].mul(t));
    const rest = m.slice(0, S.nvars);
    rest[0] -= e;
    const image = powers[e];
    for (let j = 0; j < image.length; j++) {
      monos.push(image.monomials[j].map((a, i) => a + rest[i]));
      coeffs.push(QQ.mul(image.coefficients[j], F.coefficients[k]));
    }
  }
  return R.normalize(monos, coeffs);
}

/**
 * The primes of an ideal J (reduced basis) that is equidimensional with U independent on every
 * component, of degree e over K(U). `order` lists the variables in the order separating forms
 * try them (the canonical order, so the choice does not depend on the caller's ring).
 *
 * A form t whose eliminant F has several irreducible factors Fₖ (over K(U), in T) splits J: every
 * prime of J contains exactly one Fₖ(t), so the primes of J are those of the pieces
 * (J + ⟨Fₖ(t)⟩)·K(U)[X'] ∩ K[X], each of smaller degree, examined in turn. Splitting along the
 * cheap eliminants of single variables and of sums of two first spares most pieces the eliminant
 * of a form in every variable, whose Gröbner basis can cost a thousand times more. `radical` says
 * that J is already known radical over K(U); `blockBasis` is J's reduced basis for the block order
 * X' ≫ U (`blockRing(R, U).B`), when the caller has it. Before any eliminant, J is tested for
 * primality on one fibre (`prime-by-specialization.ts`).
 */
export function primesOverIndependentSet(J: readonly QPoly[], U: readonly number[], e: number, order: readonly number[], factorizer: Factorizer, deadline?: Deadline, radical = false, blockBasis?: readonly QPoly[]): QPoly[][] {
  const R = J[0].ring;
  const dependent = order.filter((i) => !U.includes(i));
  if (dependent.length === 0 || e === 1) return [[...J]];
  // A prime J is most often proved so on one fibre, before any eliminant: on a network's piece of
  // degree 48 over two weights, the first variable's eliminant had not been found in 466 s.
  if (e <= MAX_FIBRE_DEGREE && primeBySpecialization(J, U, e, blockBasis, deadline)) return [[...J]];
  /**
   * (J + gens)·K(U)[X'] ∩ K[X], with its degree and block basis; undefined when it is the unit
   * ideal. `gens` start with J, a reduced basis (the saturation's): F4 forms no pair within it.
   */
  const piece = (gens: QPoly[]): EquidimensionalPart | undefined => {
    const G = groebner(gens, { deadline, knownBasis: J.length });
    return isUnitIdeal(G) ? undefined : equidimensionalPart(G, factorizer, deadline, [...U]);
  };
  const contraction = (gens: QPoly[]): QPoly[] => piece(gens)?.saturated ?? [R.one()];
  const primesOf = (P: EquidimensionalPart | undefined, radicalP: boolean): QPoly[][] => (P ? primesOverIndependentSet(P.saturated, U, P.degree, order, factorizer, deadline, radicalP, P.blockBasis) : []);
  // The square-free parts of single variables' eliminants that are not square-free, for
  // Seidenberg's lemma.
  const powers: QPoly[] = [];
  let candidates = 0;
  // The irreducible factors in T of t's eliminant, and whether t separates (J radical over K(U)):
  // then J has one prime per factor.
  const factorsOf = (t: QPoly) => {
    const { F, S } = eliminantOf(J, t, U, deadline);
    const T = S.nvars - 1;
    const inT = factorizer.factors(F).filter((x) => x.factor.degree(T) > 0);
    const separates = inT.reduce((acc, x) => acc + x.factor.degree(T), 0) === e && inT.every((x) => x.multiplicity === 1);
    return { S, inT, separates };
  };
  const k = dependent.length;
  let tried = 0;
  for (const t of separatingCandidates(R, dependent)) {
    deadline?.check();
    // Past the single variables (whose eliminants split J cheaply when they factor), a sum of
    // two that separates one fibre modulo one prime is checked first: on a network's piece the
    // eliminants of 41 sums that did not separate were lifted over Q before the one that did.
    if (tried++ === k && e <= MAX_FIBRE_DEGREE) {
      const sums: QPoly[] = [];
      for (const s of separatingCandidates(R, dependent)) if (sums.push(s) === k * k) break;
      const hint = separatingFormModP(J, U, e, sums.slice(k), deadline);
      const checked = hint && factorsOf(hint);
      if (hint && checked && checked.separates) return checked.inT.map(({ factor }) => contraction([...J, substituteT(factor, checked.S, R, hint)]));
    }
    const { S, inT, separates } = factorsOf(t);
    if (separates) return inT.map(({ factor }) => contraction([...J, substituteT(factor, S, R, t)]));
    if (inT.length > 1) {
      const primes: QPoly[][] = [];
      for (const { factor } of inT) primes.push(...primesOf(piece([...J, substituteT(factor, S, R, t)]), radical));
      return primes;
    }
    // One irreducible factor: F = F₁^m. Once every variable has been tried, make J radical over
    // K(U) (Seidenberg over K(U)) with the square-free parts of their eliminants, then try further
    // forms.
    if (inT.length === 1 && inT[0].multiplicity > 1 && candidates < dependent.length) powers.push(substituteT(inT[0].factor, S, R, t));
    if (radical || ++candidates < dependent.length) continue;
    radical = true;
    if (powers.length > 0) {
      return primesOf(piece([...J, ...powers]), true);
    }
  }
  throw new ComputationError('no separating linear form found for an equidimensional component');
}
