/**
 * Complete factorization of univariate polynomials over Z/p: square-free decomposition, then
 * distinct-degree and equal-degree (Cantor–Zassenhaus) splitting of each square-free part.
 *
 * Representation: `UPoly<number>` with residues in [0, p) (p a prime below 2^26 for the fast
 * `Zp` path; larger primes work through bigint products). Output: the leading coefficient and the
 * monic irreducible factors with multiplicities, sorted canonically (multiplicity-free order: by
 * degree, then coefficients from the top down, then multiplicity), so
 * f = lc · Π factorᵢ^mᵢ. Reference: von zur Gathen–Gerhard, Modern Computer Algebra, ch. 14.
 */
import { PrimeField, Zp } from '../../arithmetic/field';
import { isPrime } from '../../arithmetic/primes';
import { Deadline, InputError } from '../../errors';
import { UPoly, umonic, usquarefree, utrim } from '../univariate';
import { DegreePiece, distinctDegreeFactor } from './distinct-degree';
import { compareModP, equalDegreeFactor, makeRandom } from './equal-degree';

/** A factorization over Z/p: f = lc · Π factorᵢ^multiplicityᵢ with monic irreducible factors. */
export interface ModPFactorization {
  readonly lc: number;
  readonly factors: { factor: UPoly<number>; multiplicity: number }[];
}

/**
 * Factors f over Z/p into monic irreducibles. Coefficients may be any integers (they are reduced).
 * Example: `factorModP([6, 0, 1], 7)` (x² − 1 mod 7) gives lc 1 and factors x + 1 = [1, 1], x + 6 = [6, 1].
 */
export function factorModP(f: UPoly<number>, p: number): ModPFactorization {
  if (!Number.isSafeInteger(p) || !isPrime(p)) throw new InputError(`factorModP needs a prime modulus, got ${p}`);
  const F = Zp(p);
  const g = utrim(F, f.map((c) => F.fromInt(c)));
  if (g.length === 0) throw new InputError('factorModP: cannot factor the zero polynomial');
  const lc = g[g.length - 1];
  const factors: { factor: UPoly<number>; multiplicity: number }[] = [];
  const random = makeRandom();
  for (const [part, mult] of usquarefree(F, g)) {
    for (const u of factorSquarefreeModP(p, part, random)) factors.push({ factor: u, multiplicity: mult });
  }
  factors.sort((a, b) => compareModP(a.factor, b.factor) || a.multiplicity - b.multiplicity);
  return { lc, factors };
}

/** The monic irreducible factors inside the distinct-degree pieces of a square-free polynomial, sorted. */
export function splitPieces(F: PrimeField, pieces: readonly DegreePiece[], random = makeRandom(), deadline?: Deadline): UPoly<number>[] {
  const out: UPoly<number>[] = [];
  for (const piece of pieces) out.push(...equalDegreeFactor(F, piece.product, piece.degree, { random, deadline }));
  return out.sort(compareModP);
}

/** The degrees of the irreducible factors inside the distinct-degree pieces. */
export function degreesOfPieces(pieces: readonly DegreePiece[]): number[] {
  const degrees: number[] = [];
  for (const piece of pieces) for (let k = 0; k < (piece.product.length - 1) / piece.degree; k++) degrees.push(piece.degree);
  return degrees;
}

/**
 * The monic irreducible factors of a square-free f over Z/p (f need not be monic), sorted.
 * This is the step the Zassenhaus factorization over Q calls for each trial prime.
 */
export function factorSquarefreeModP(p: number, f: UPoly<number>, random = makeRandom()): UPoly<number>[] {
  const F = Zp(p);
  const m = umonic(F, f);
  return m.length <= 1 ? [] : splitPieces(F, distinctDegreeFactor(F, m), random);
}

/** The degrees of the irreducible factors of a square-free f over Z/p, without splitting them (cheap). */
export function factorDegreesModP(p: number, f: UPoly<number>): number[] {
  const F = Zp(p);
  return degreesOfPieces(distinctDegreeFactor(F, umonic(F, f)));
}
