/**
 * Factoring through x ↦ x^k: when every exponent of a square-free f ∈ Z[x] (f(0) ≠ 0) is a
 * multiple of k > 1, f = g(x^k); each irreducible factor of f divides h(x^k) for exactly one
 * irreducible factor h of g (the h(x^k) are pairwise coprime, since the h are), so the
 * factorization of f is that of g followed by that of each h(x^k). Both are smaller problems for
 * the modular factorization and, above all, for the lattice recombination, whose cost grows much
 * faster than linearly with the number of modular factors. Minimal polynomials of linear forms
 * on a critical set symmetric under w ↦ −w are of this kind (χ(T) = T·φ(T²)). FLINT's
 * fmpz_poly_factor deflates likewise.
 */
import { Deadline } from '../../errors';
import { gcdNumber } from '../../arithmetic/integers';
import { ZPoly } from './zpoly';

/** The largest k with f ∈ Z[x^k]: the gcd of the exponents of f's terms (0 for a constant). */
export function deflationDegree(f: readonly bigint[]): number {
  let k = 0;
  for (let i = 1; i < f.length; i++) {
    if (f[i] === 0n) continue;
    k = gcdNumber(k, i);
    if (k === 1) break;
  }
  return k;
}

/** g with f = g(x^k) (k divides every exponent of f). */
export function deflate(f: readonly bigint[], k: number): ZPoly {
  const g: bigint[] = [];
  for (let i = 0; i < f.length; i += k) g.push(f[i]);
  return g;
}

/** g(x^k). */
export function inflate(g: readonly bigint[], k: number): ZPoly {
  const f = new Array<bigint>((g.length - 1) * k + 1).fill(0n);
  g.forEach((c, i) => (f[i * k] = c));
  return f;
}

/**
 * The irreducible factors of a square-free primitive f (lc > 0, f(0) ≠ 0) by `factor` (which takes
 * such polynomials), through the deflation of f when it has one.
 */
export function factorDeflating(f: ZPoly, factor: (g: ZPoly, options?: { deadline?: Deadline }) => ZPoly[], deadline?: Deadline): ZPoly[] {
  const k = deflationDegree(f);
  if (k <= 1) return factor(f, { deadline });
  return factor(deflate(f, k), { deadline }).flatMap((h) => factor(inflate(h, k), { deadline }));
}
