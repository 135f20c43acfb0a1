/**
 * Splitting a variety along the values of a polynomial that takes finitely many of them there.
 *
 * When f ∈ Q[x] is algebraic over Q modulo I — μ(f) ∈ I for some non-zero μ ∈ Q[t], as the loss
 * of a network is on its critical set (constant on every irreducible component, hence finitely
 * many values) — and μ = q₁^e₁ ⋯ q_r^e_r over Q, the qᵢ(f) are pairwise coprime in Q[f], so
 *   V(I) = V(I + ⟨q₁(f)⟩) ⊔ … ⊔ V(I + ⟨q_r(f)⟩),
 * a disjoint union of closed sets (on each part f takes the values qᵢ = 0 only). The minimal
 * primes of I are then those of the parts, and no prime of one part contains a prime of another:
 * a part never examines the pieces of the others. Here μ is the minimal polynomial of f in
 * Q[x]/I, the first linear dependency among the normal forms of 1, f, f², … modulo a Gröbner basis
 * G of I; the search gives up (no split, never a wrong one) past a degree or a size, since the
 * dependency it returns holds exactly: μ(f) reduces to 0 modulo G.
 *
 * Representation: the normal forms are polynomials of G's ring; the dependency is read in an
 * echelon space over Q indexed by the monomials that occur (`arithmetic/echelon.ts`).
 * Reference: the splitting of Q[x]/I by the idempotents of its subalgebra Q[f] (the Chinese
 * remainder theorem), as in Gianni–Trager–Zacharias 1988 for zero-dimensional ideals.
 */
import { EchelonSpace } from '../arithmetic/echelon';
import { Rational, rational } from '../arithmetic/rational';
import { Deadline } from '../errors';
import { monomialKey } from '../monomials/monomial';
import { factorUnivariate } from '../poly/factor';
import { Polynomial } from '../poly/polynomial';
import { normalForm } from './normal-form';
import { changeRing } from '../poly/change';

type QPoly = Polynomial<Rational>;

/** Bounds of the search for a minimal polynomial modulo I. */
export interface ValueSplittingLimits {
  /** The largest degree of μ tried (default 8). */
  maxDegree?: number;
  /** The most terms the normal forms of the powers of f may have together (default 4000). */
  maxTerms?: number;
  deadline?: Deadline;
}

/** The coefficients c₀, …, c_{k−1} with v = Σ cⱼ·basisⱼ, or undefined when v is independent of the basis. */
function dependency<T>(basis: readonly Polynomial<T>[], v: Polynomial<T>): T[] | undefined {
  const F = v.ring.field;
  const index = new Map<string, number>();
  for (const p of [...basis, v]) for (const m of p.monomials) if (!index.has(monomialKey(m))) index.set(monomialKey(m), index.size);
  const vector = (p: Polynomial<T>): T[] => {
    const w = new Array<T>(index.size).fill(F.zero);
    p.monomials.forEach((m, i) => (w[index.get(monomialKey(m)) as number] = p.coefficients[i]));
    return w;
  };
  const space = new EchelonSpace(F);
  for (const p of basis) space.insert(vector(p));
  return space.express(vector(v));
}

/**
 * The minimal polynomial μ of f in K[x]/⟨G⟩ (G a Gröbner basis over any field K; coefficients
 * from the constant term up, monic), with the normal forms of 1, f, …, f^(deg μ − 1); undefined
 * when its degree or the normal forms pass the limits. Example: f = x modulo ⟨x² − 1, y⟩ gives
 * t² − 1.
 */
export function minimalPolynomialModulo<T>(f: Polynomial<T>, G: readonly Polynomial<T>[], limits: ValueSplittingLimits = {}): { mu: T[]; powers: Polynomial<T>[] } | undefined {
  const F = f.ring.field;
  const maxDegree = limits.maxDegree ?? 8;
  const maxTerms = limits.maxTerms ?? 4000;
  const r = normalForm(f, G);
  const powers: Polynomial<T>[] = [normalForm(r.ring.one(), G)];
  if (powers[0].isZero()) return undefined; // 1 ∈ I: nothing to split
  let terms = 1;
  for (let k = 1; k <= maxDegree; k++) {
    limits.deadline?.check();
    // The product before its reduction is bounded too (a large normal form times f).
    if (k > 1 && powers[k - 1].length * r.length > 50 * maxTerms) return undefined;
    const next = k === 1 ? r : normalForm(powers[k - 1].mul(r), G);
    terms += next.length;
    if (terms > maxTerms) return undefined;
    const c = dependency(powers, next);
    if (c !== undefined) return { mu: [...c.map((x) => F.neg(x)), F.one], powers };
    powers.push(next);
  }
  return undefined;
}

/**
 * Whether `splitByValues` may cut V(G) along the values of one of the fs, judged from G's reduced
 * basis modulo a prime (`Gp`, in any order of the variables): false when every f takes a single
 * value there or its minimal polynomial passes the limits (which count degrees and terms, the
 * same over Q for a prime that is not unlucky). For a caller that would compute the basis over Q
 * only to try the values: on 2-3-2-1 linear with biases and one λ the loss's minimal polynomial
 * passes the limits, and the basis over Q (a second one, in another order of the variables) and
 * the search cost 4 s of 55. A wrong answer (an unlucky prime, or a denominator divisible by p:
 * then true) only costs time.
 */
export function valuesMaySplit(fs: readonly QPoly[], Gp: readonly Polynomial<number>[], limits: ValueSplittingLimits = {}): boolean {
  if (Gp.length === 0) return true;
  const S = Gp[0].ring;
  for (const f of fs) {
    let image: Polynomial<number>;
    try {
      image = changeRing(f, S);
    } catch (e) {
      // p divides a denominator of f.
      if (e instanceof RangeError) return true;
      throw e;
    }
    const found = minimalPolynomialModulo(image, Gp, limits);
    if (found !== undefined && found.mu.length > 2) return true;
  }
  return false;
}

/**
 * The polynomials qᵢ(f) reduced modulo G, one per irreducible factor qᵢ of the minimal
 * polynomial of f modulo ⟨G⟩, when there are at least two: V(G) is the disjoint union of the
 * V(G, qᵢ(f)). Undefined when f takes one value on V(G) or its minimal polynomial was not found
 * within the limits. Example: f = x modulo ⟨x² − 1, y⟩ gives [x − 1, x + 1] (in some order).
 */
export function splitByValues(f: QPoly, G: readonly QPoly[], limits: ValueSplittingLimits = {}): QPoly[] | undefined {
  const found = minimalPolynomialModulo(f, G, limits);
  if (found === undefined || found.mu.length <= 2) return undefined;
  const { factors } = factorUnivariate(found.mu, { deadline: limits.deadline });
  if (factors.length < 2) return undefined;
  const R = found.powers[0].ring;
  return factors.map(({ factor }) => {
    // deg q ≤ deg μ − 1 since μ has another factor: q(f) is a combination of the powers known.
    let q = R.zero();
    factor.forEach((c, k) => {
      if (c !== 0n) q = q.add(found.powers[k].scale(rational(c)));
    });
    return q.monic();
  });
}
