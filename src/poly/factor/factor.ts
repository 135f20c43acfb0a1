/**
 * Factorization of univariate polynomials over Q into irreducibles, their rational roots, and an
 * irreducibility test.
 *
 * Pipeline: f = content · F with F ∈ Z[x] primitive (positive leading coefficient); the power of x
 * is split off; the square-free decomposition of F over Z (`zsquarefree`: the gcd-based method of
 * Geddes–Czapor–Labahn §8.2 as in `usquarefree`, but with a modular gcd over Z, since Euclid over
 * Q is far too slow past degree ~30) gives pairwise coprime primitive square-free parts; each part is factored by
 * `zassenhaus.ts` (good prime, Cantor–Zassenhaus mod p, Hensel lifting, recombination: the
 * exhaustive subset search for small inputs, van Hoeij's lattice method in `van-hoeij.ts`
 * otherwise). Output factors are primitive integer polynomials with positive leading
 * coefficient (`bigint[]`, ascending), sorted by degree, then coefficients from the top down; the
 * unit is the rational with f = unit · Π factorᵢ^mᵢ, which is checked by multiplying out.
 * Reference: von zur Gathen–Gerhard, Modern Computer Algebra, ch. 14–15.
 */
import { QQ } from '../../arithmetic/field';
import { Rational, rational, rcmp, rdiv } from '../../arithmetic/rational';
import { ComputationError, InputError } from '../../errors';
import { ControlOptions, resolveControl } from '../../control';
import { UPoly, uprimitive } from '../univariate';
import { zsquarefree } from './squarefree';
import { linearFactorsZ, factorSquarefreeZ } from './zassenhaus';
import { factorDeflating } from './deflation';
import { zmulKronecker } from './kronecker';
import { ZPoly, zcompare, zlc, zpow, zprimitive } from './zpoly';

/** One irreducible factor: primitive integer coefficients (ascending), positive leading coefficient. */
export interface IrreducibleFactor {
  factor: bigint[];
  multiplicity: number;
}

/** f = unit · Π factorᵢ^multiplicityᵢ. */
export interface Factorization {
  unit: Rational;
  factors: IrreducibleFactor[];
}

/** Accepts rationals or integers (bigint) for the coefficient list. */
function toRationals(f: UPoly<Rational> | readonly bigint[]): UPoly<Rational> {
  return f.map((c) => (typeof c === 'bigint' ? rational(c) : c));
}

/** The primitive integer part with the power of x split off: [power of x, square-free decomposition input]. */
function splitContent(f: UPoly<Rational>): { content: Rational; F: ZPoly; xPower: number } {
  const [content, F0] = uprimitive(f);
  let k = 0;
  while (F0[k] === 0n) k++;
  return { content, F: F0.slice(k), xPower: k };
}

/**
 * The square-free parts of a primitive integer F with F(0) ≠ 0, as primitive integer polynomials
 * with their multiplicities.
 */
function squarefreeParts(F: ZPoly): [ZPoly, number][] {
  if (F.length <= 1) return [];
  return zsquarefree(F);
}

function canonical(factors: IrreducibleFactor[]): IrreducibleFactor[] {
  return factors.sort((a, b) => zcompare(a.factor, b.factor) || a.multiplicity - b.multiplicity);
}

/**
 * The factorization of a non-zero f ∈ Q[x] into irreducibles over Q (also accepts bigint
 * coefficients); `timeout`, `signal` and `deadline` are checked during the modular factorization, the lifting and the
 * recombination (TimeoutError). Example:
 * 6x² + 5x + 1 gives unit 1 and factors 2x + 1, 3x + 1:
 * `factorUnivariate([1n, 5n, 6n])` → `{ unit: 1, factors: [{factor: [1n, 2n], multiplicity: 1}, {factor: [1n, 3n], multiplicity: 1}] }`.
 */
export function factorUnivariate(f: UPoly<Rational> | readonly bigint[], options: ControlOptions = {}): Factorization {
  options = resolveControl(options, 'factorUnivariate');
  const fr = trimRational(toRationals(f));
  if (fr.length === 0) throw new InputError('factorUnivariate: the zero polynomial has no factorization');
  if (fr.length === 1) return { unit: fr[0], factors: [] };
  const { F, xPower } = splitContent(fr);
  const factors: IrreducibleFactor[] = [];
  if (xPower > 0) factors.push({ factor: [0n, 1n], multiplicity: xPower });
  for (const [part, m] of squarefreeParts(F)) {
    for (const g of factorDeflating(part, factorSquarefreeZ, options.deadline)) factors.push({ factor: g, multiplicity: m });
  }
  canonical(factors);
  let prod: ZPoly = [1n];
  for (const { factor, multiplicity } of factors) prod = zmulKronecker(prod, zpow(factor, multiplicity));
  const unit = rdiv(fr[fr.length - 1], rational(zlc(prod)));
  for (let i = 0; i < fr.length; i++) {
    const c = rational(prod[i] ?? 0n);
    if (rcmp(QQ.mul(unit, c), fr[i]) !== 0) throw new ComputationError('factorUnivariate: the product of the factors differs from the input');
  }
  return { unit, factors };
}

/**
 * The distinct rational roots of a non-zero f ∈ Q[x], ascending. Only linear factors are
 * searched (roots modulo p, lifted), so this is cheaper than a full factorization.
 * Example: `rationalRoots([1n, 5n, 6n])` → [−1/2, −1/3].
 */
export function rationalRoots(f: UPoly<Rational> | readonly bigint[]): Rational[] {
  const fr = trimRational(toRationals(f));
  if (fr.length === 0) throw new InputError('rationalRoots: the zero polynomial vanishes everywhere');
  if (fr.length === 1) return [];
  const { F, xPower } = splitContent(fr);
  const roots: Rational[] = xPower > 0 ? [rational(0n)] : [];
  for (const [part] of squarefreeParts(F)) {
    for (const g of linearFactorsZ(part)) roots.push(rational(-g[0], g[1]));
  }
  return roots.sort(rcmp);
}

/**
 * True when f has degree ≥ 1 and is irreducible over Q (constants are units, not irreducible).
 * Example: `isIrreducible([1n, 0n, 0n, 0n, 1n])` (x⁴ + 1) is true.
 */
export function isIrreducible(f: UPoly<Rational> | readonly bigint[]): boolean {
  const fr = trimRational(toRationals(f));
  if (fr.length <= 1) return false;
  const { F, xPower } = splitContent(fr);
  if (xPower > 0) return F.length === 1 && xPower === 1;
  const parts = squarefreeParts(F);
  if (parts.length !== 1 || parts[0][1] !== 1) return false;
  return factorSquarefreeZ(zprimitive(parts[0][0])).length === 1;
}

function trimRational(f: UPoly<Rational>): UPoly<Rational> {
  let n = f.length;
  while (n > 0 && f[n - 1].num === 0n) n--;
  return n === f.length ? f : f.slice(0, n);
}
