/**
 * What a planted system is: polynomials over Q in the variables x1…xn together with the
 * irreducible components its solution set is known to have — each as generators of a prime
 * ideal, with dimension, degree and (for isolated points of a zero-dimensional plant) the
 * multiplicity. Generators build plants from simple shapes, then move everything by the same
 * change of coordinates, so the plant stays exact without inverting anything: a component's
 * prime is transformed by the very substitution applied to the system.
 */
import { QQ } from '../arithmetic/field';
import { Rational, rationalToString } from '../arithmetic/rational';
import { groebner } from '../groebner/groebner';
import { inIdeal } from '../groebner/normal-form';
import { lex } from '../monomials/order';
import { Polynomial, PolynomialRing } from '../poly/polynomial';

/** One irreducible component of a plant. */
export interface PlantedComponent {
  /** Generators of its prime ideal (in the plant's ring). */
  prime: Polynomial<Rational>[];
  dimension: number;
  /** Number of points (dimension 0) or degree of the variety. */
  degree: number;
  /** Multiplicity of each of its points; known for zero-dimensional plants only. */
  multiplicity?: number;
  /** The coordinates of a rational point (dimension 0, degree 1), as exact fractions. */
  point?: Record<string, string>;
  /**
   * Its points as complex doubles (dimension 0): one record of coordinates per point, for
   * comparing with solvers that answer in decimals. Set by the point plants.
   */
  approximatePoints?: Record<string, Complex>[];
  /**
   * A parametrization of a positive-dimensional component: its point at `dimension` complex
   * parameters (generic parameters give generic points). Set by the union plants.
   */
  sample?: (t: readonly Complex[]) => Record<string, Complex>;
  /** How it was built, e.g. `x1 = 2 (×2)` or `conic`. */
  description: string;
}

/** A complex number in doubles. */
export interface Complex {
  re: number;
  im: number;
}

/** A system with its known solution set. */
export interface PlantedSystem {
  vars: string[];
  polynomials: Polynomial<Rational>[];
  /** Exactly the minimal primes of the system (redundant pieces removed at construction). */
  components: PlantedComponent[];
  /** True when every component is a point set, so multiplicities are part of the plant. */
  zeroDimensional: boolean;
  description: string;
}

/** The ring Q[x1, …, xn] (degrevlex) shared by generators of one size. */
const rings = new Map<number, PolynomialRing<Rational>>();
export function plantRing(n: number): PolynomialRing<Rational> {
  let R = rings.get(n);
  if (!R) {
    R = new PolynomialRing(QQ, Array.from({ length: n }, (_, i) => `x${i + 1}`));
    rings.set(n, R);
  }
  return R;
}

/** Is ⟨A⟩ ⊆ ⟨B⟩ (so V(B) ⊆ V(A))? */
export function idealContained(A: readonly Polynomial<Rational>[], B: readonly Polynomial<Rational>[]): boolean {
  const G = groebner(B);
  return A.every((a) => inIdeal(a, G));
}

/** Drops components whose variety lies inside another's (a point on a plane), and duplicates. */
export function minimalComponents(components: PlantedComponent[]): PlantedComponent[] {
  const keep: PlantedComponent[] = [];
  components.forEach((P, i) => {
    const absorbed = components.some((Q, j) => j !== i && idealContained(Q.prime, P.prime) && (!idealContained(P.prime, Q.prime) || j < i));
    if (!absorbed) keep.push(P);
  });
  return keep;
}

/** The coordinates of the point of a linear prime ⟨x1 − r1, …⟩, read from its reduced lex basis. */
export function pointOfLinearPrime(prime: readonly Polynomial<Rational>[]): Record<string, string> | undefined {
  const R = prime[0].ring;
  const G = groebner(prime, { order: lex });
  if (G.length !== R.nvars || G.some((g) => g.totalDegree() !== 1 || g.length > 2)) return undefined;
  const out: Record<string, string> = {};
  for (const g of G) {
    const v = R.vars[g.lm().slice(1).findIndex((e) => e === 1)];
    out[v] = rationalToString(QQ.neg(g.constantCoefficient()));
  }
  return out;
}
