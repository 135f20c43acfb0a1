/**
 * A certificate that an ideal J, equidimensional with U independent on every component and
 * saturated (J = J·K(U)[X'] ∩ K[X]), is prime, read on one fibre: U set to integers u₀.
 *
 * J is prime exactly when A = K(U)[X']/J·K(U)[X'] (of dimension e over K(U)) is a field, and that
 * holds when the characteristic polynomial χ of multiplication by some t ∈ A is irreducible of
 * degree e (the minimal polynomial then has degree e, so A = K(U)[t] ≅ K(U)[T]/(χ)). χ need not
 * be computed over K(U):
 * - Let G be J's reduced basis for the block order X' ≫ U, and u₀ a point where no leading
 *   coefficient in K[U] of G vanishes. Then G(u₀) is a Gröbner basis of J(u₀) ⊂ Q[X']
 *   (Kalkbrener, "On the stability of Gröbner bases under specializations", J. Symb. Comp. 24,
 *   1997), with the same standard monomials, and M_t(u₀) is M_t specialized, so χ(u₀) is the
 *   characteristic polynomial χ₀ of t on Q[X']/J(u₀).
 * - χ is monic over the localization of K[U] where those coefficients are units, which is
 *   integrally closed: a factorization χ = f·g over K(U) has monic factors there, and specializes
 *   to χ₀ = f(u₀)·g(u₀) with the same degrees. So χ₀ irreducible over Q proves χ irreducible.
 * - χ₀ is irreducible over Q when no degree 0 < k < e is a sum of the degrees of its irreducible
 *   factors modulo every one of a few primes (a factor of degree k over Q would be one modulo
 *   each). Those degrees come from M_t modulo p, without χ₀ over Q, whose coefficients had 1,100
 *   bits on a network's piece of degree 48 (188 s by rational Hessenberg).
 * - When they do not settle it (on that piece every degree came twice modulo every prime: its
 *   points come in pairs, and χ₀, like x⁴ + 1, factors modulo every prime), t's minimal polynomial
 *   μ on Q[X']/J(u₀) is lifted from its images modulo primes and proved to vanish on t exactly;
 *   μ irreducible over Q of degree e is χ₀ (0.45 s on that piece, against 466 s without an answer
 *   for the eliminant that the separating forms began with).
 * When μ is reducible or not found (J not prime, not radical over K(U), or a fibre whose Galois
 * group is smaller) nothing is certified and the caller goes on with its eliminants: the answer
 * is unchanged, only its route.
 */
import { Rational, rational } from '../arithmetic/rational';
import { Deadline } from '../errors';
import { degrevlex } from '../monomials/order';
import { changeRing } from '../poly/change';
import { substitute } from '../poly/evaluate';
import { Polynomial, PolynomialRing } from '../poly/polynomial';
import { factorDegreesModP } from '../poly/factor/factor-mod-p';
import { charpolyModP } from '../arithmetic/charpoly-mod-p';
import { isIrreducible } from '../poly/factor/factor';
import { groebner } from '../groebner/groebner';
import { isUnitIdeal, isZeroDimensional } from '../groebner/ideal';
import { QuotientAlgebra } from '../groebner/quotient';
import { blockRing } from './equidimensional';
import { imagesModP, rationalData } from './multiplication-data';
import { distinctRoots } from './multiplicities';
import { modularMinimalPolynomial } from './radical';

type QPoly = Polynomial<Rational>;

/** Primes whose factor degrees are read before χ₀ is lifted over Q. */
const PATTERN_PRIMES = 24;
/** Primes before the lift of χ₀ over Q gives up. */
const LIFT_PRIMES = 600;

/**
 * The degrees 0 < k < e not excluded yet: k stays when it is a sum of some of `degrees` (the
 * degrees of the irreducible factors of χ₀ modulo one prime), for every prime read so far.
 */
function keepSubsetSums(possible: boolean[], degrees: readonly number[]): void {
  const e = possible.length - 1;
  const sums = new Array<boolean>(e + 1).fill(false);
  sums[0] = true;
  for (const d of degrees) for (let k = e; k >= d; k--) if (sums[k - d]) sums[k] = true;
  for (let k = 1; k < e; k++) possible[k] &&= sums[k];
}

/**
 * True when J (a reduced degrevlex basis, saturated over U, of degree e over K(U)) is proved prime
 * by one fibre (see the file header); false when nothing was proved, which says nothing about J.
 * `blockBasis`: J's reduced basis in `blockRing(R, U).B`, when the caller has it. Example: ⟨x² − u⟩
 * over U = {u} is proved prime (on its fibre u = −27, χ₀ is a multiple of x² + 27, irreducible);
 * ⟨x² − u²⟩ is not.
 */
export function primeBySpecialization(J: readonly QPoly[], U: readonly number[], e: number, blockBasis?: readonly QPoly[], deadline?: Deadline): boolean {
  if (e === 1) return true;
  const R = J[0].ring;
  const { B, dependent } = blockRing(R, U);
  const G = blockBasis ?? groebner(J.map((g) => changeRing(g, B)), { deadline, positiveDimension: U.length > 0 });
  const fibreRing = new PolynomialRing(R.field, B.vars.slice(0, dependent), degrevlex);
  // Small integers from a fixed linear congruential sequence: the same fibre and form on every run.
  let state = 2718281;
  const random = (bound: number): number => {
    state = (state * 48271) % 2147483647;
    return 1 + (state % bound);
  };
  for (let attempt = 0; attempt < 16; attempt++) {
    deadline?.check();
    const point = Object.fromEntries(B.vars.slice(dependent).map((u) => [u, fibreRing.constant(rational(BigInt(random(64) - 32)))]));
    const G0 = G.map((g) => substitute(g, point, fibreRing));
    // Every leading coefficient in K[U] non-zero at u₀: the leading monomials in X' stay.
    const kept = G0.every((g, i) => {
      if (g.isZero()) return false;
      const [m, n] = [g.lm(), G[i].lm()];
      for (let j = 1; j <= dependent; j++) if (m[j] !== n[j]) return false;
      return true;
    });
    if (kept) return irreducibleOnFibre(groebner(G0, { deadline }), e, fibreRing.vars.map(() => BigInt(random(100))), deadline);
  }
  return false;
}

/**
 * Whether the characteristic polynomial χ₀ of t = Σ formᵢ·xᵢ on Q[X']/J(u₀) (basis G0, over Q) is
 * irreducible of degree e, proved. First by the degrees of its factors modulo a few primes; when
 * they keep some degree 0 < k < e possible (every prime did on a network's piece: its points come
 * in pairs, and every degree came twice), by μ, t's minimal polynomial lifted over Q and proved
 * to vanish on t: μ irreducible of degree e is then χ₀.
 */
function irreducibleOnFibre(G0: readonly QPoly[], e: number, form: readonly bigint[], deadline?: Deadline): boolean {
  // J(u₀) has degree e over Q when J is zero-dimensional over K(U), as the caller says.
  if (isUnitIdeal(G0) || !isZeroDimensional(G0)) return false;
  const A = new QuotientAlgebra(G0);
  if (A.dimension !== e) return false;
  const possible = new Array<boolean>(e + 1).fill(true);
  let squarefree = false;
  for (const { p, M } of imagesModP(rationalData(A, form), deadline, PATTERN_PRIMES)) {
    const chi = charpolyModP(M, p, deadline);
    if (distinctRoots(chi, p) < e) continue;
    squarefree = true;
    keepSubsetSums(possible, factorDegreesModP(p, chi));
    if (!possible.some((k, i) => k && i > 0 && i < e)) return true;
  }
  // χ₀ with a repeated factor modulo each of those primes has one over Q but for unlucky primes
  // (J not radical over K(U), or t not separating): the lift would only prove nothing, later.
  if (!squarefree) return false;
  const mu = modularMinimalPolynomial(G0, form, { algebra: A, deadline, maxPrimes: LIFT_PRIMES });
  return mu !== undefined && mu.length === e + 1 && isIrreducible(mu);
}
