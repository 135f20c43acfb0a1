/**
 * The points of an orbit parametrization (`orbit-space.ts`) counted and located: every orbit of
 * a component with minimal polynomial q is a root θ of q, and has `orbitSize` points. An orbit
 * holds real points iff θ is real and every pivot's square s_v(θ) = u_v(θ)/q′(θ) is positive —
 * then x_v = ±√s_v is real, the invariant coordinates are real (rational functions of θ) and so
 * are the linked ones (invariants divided by products of pivots) — and then all its points are
 * real; otherwise none is (they share |xᵢ|² = sᵢ). The signs are decided exactly at isolating
 * intervals of θ (`signAtRoot`).
 */
import { Rational } from '../arithmetic/rational';
import { uderivative } from '../poly/univariate';
import { QQ } from '../arithmetic/field';
import { isolateRealRoots } from './roots/real';
import { RootInterval } from './roots/descartes';
import { signAtRoot } from './inertia';
import { OrbitComponent, OrbitParametrization } from './orbit-space';

/** A real orbit: the root θ of its component's q, isolated. */
export interface RealOrbit {
  /** The index of the component in the parametrization. */
  component: number;
  theta: RootInterval;
  /** Its points, all real. */
  points: number;
}

/** The count of the solutions and their real orbits. */
export interface OrbitCount {
  /** Complex solutions: Σ deg q · orbit size. */
  complex: number;
  /** Real solutions. */
  real: number;
  /** Orbits (complex): D₀. */
  orbits: number;
  realOrbits: RealOrbit[];
}

/** The real roots θ of the component's q at which its orbits are real (see the file header). */
export function realOrbitsOf(c: OrbitComponent): RootInterval[] {
  const q = c.minimalPolynomial;
  const dq = uderivative(QQ, q.map((x): Rational => ({ num: x, den: 1n })));
  const out: RootInterval[] = [];
  for (let theta of isolateRealRoots(q, { irreducible: true })) {
    const d = signAtRoot(dq, q, theta);
    theta = d.interval;
    let real = true;
    for (const x of c.coordinates) {
      if (x.kind !== 'pivot') continue;
      const s = signAtRoot(x.numerator, q, theta);
      theta = s.interval;
      if (s.sign * d.sign <= 0) {
        real = false;
        break;
      }
    }
    if (real) out.push(theta);
  }
  return out;
}

/** Counts the complex and real solutions of an orbit parametrization. */
export function countOrbitPoints(par: OrbitParametrization): OrbitCount {
  let complex = 0;
  let real = 0;
  const realOrbits: RealOrbit[] = [];
  par.components.forEach((c, component) => {
    complex += c.orbitSize * (c.minimalPolynomial.length - 1);
    for (const theta of realOrbitsOf(c)) {
      realOrbits.push({ component, theta, points: c.orbitSize });
      real += c.orbitSize;
    }
  });
  return { complex, real, orbits: par.minimalPolynomial.length - 1, realOrbits };
}
