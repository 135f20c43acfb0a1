/**
 * Multivariate Hensel lifting over Q with prescribed leading coefficients: from a factorization
 * F(x, 0, …, 0) = Π uᵢ(x) of the image at the origin to F = Π Uᵢ, one variable at a time.
 *
 * Representation: F is a `Polynomial<Rational>` in the original coordinates with an evaluation
 * point α for the other variables y; only the variable being lifted is shifted (y ↦ y + α) while
 * its Taylor coefficients are read, so the factors stay sparse between steps (shifting every
 * variable at once would make them dense). The images uᵢ are dense univariate polynomials in the
 * main variable x, pairwise coprime, and the wanted leading coefficients Lᵢ (x-free) satisfy
 * Lᵢ(α) = lc(uᵢ). Invariant: after lifting yⱼ, F(x, y₁…yⱼ, α…) ≡ Π Uᵢ modulo
 * (yⱼ − αⱼ)^(deg+1), and each Uᵢ has leading coefficient Lᵢ(y₁…yⱼ, α…). The univariate
 * Diophantine equations are solved over Q once (σᵢ = c·sᵢ mod uᵢ with Σ sᵢ·Π_{l≠i} u_l = 1); the
 * multivariate ones recursively, variable by variable (Geddes–Czapor–Labahn Alg. 6.2).
 *
 * Because the lift with fixed leading coefficients is unique, and the true factors have integer
 * coefficients when F, the Lᵢ and the uᵢ do, a non-integral coefficient proves that no such
 * factorization exists: the lift stops early and reports failure (`undefined`).
 * Reference: Wang, "An improved multivariate polynomial factoring algorithm", Math. Comp. 32
 * (1978); Geddes–Czapor–Labahn, Algorithms for Computer Algebra, Alg. 6.4 (MultivariateHensel).
 */
import { QQ } from '../../arithmetic/field';
import { Rational, rational } from '../../arithmetic/rational';
import { UPoly, umul, urem, uxgcd } from '../univariate';
import {
  QPoly, coefficientOfPower, fromImage, isIntegral, maxDegreeIn, productOf, replaceLeadingCoefficient, setZero, shiftVariable,
  substituteValue,
} from './multivariate-tools';
import { toUnivariate } from '../univariate';

/** The univariate solver: σᵢ with Σ σᵢ·Π_{l≠i} u_l = c and deg σᵢ < deg uᵢ (deg c < Σ deg uᵢ). */
function univariateSolver(images: readonly UPoly<Rational>[]): ((c: UPoly<Rational>) => UPoly<Rational>[]) | undefined {
  const s: UPoly<Rational>[] = [];
  for (let i = 0; i < images.length; i++) {
    let b: UPoly<Rational> = [QQ.one];
    for (let l = 0; l < images.length; l++) if (l !== i) b = urem(QQ, umul(QQ, b, images[l]), images[i]);
    const [g, si] = uxgcd(QQ, b, images[i]);
    if (g.length !== 1) return undefined; // not coprime
    s.push(si);
  }
  return (c) => s.map((si, i) => urem(QQ, umul(QQ, c, si), images[i]));
}

/**
 * One level of the multivariate Diophantine solver: the cofactors Π_{l≠i} a_l with the level's
 * variable shifted (y ↦ y + α), so its Taylor coefficients at α are plain coefficients.
 */
interface Level {
  bs: QPoly[];
}

function cofactors(as: readonly QPoly[]): QPoly[] {
  return as.map((_, i) => productOf(as[0], as.filter((__, l) => l !== i)));
}

/**
 * The solver of Σ σᵢ·Π_{l≠i} aᵢ = c for the factors `as` in x and ys[0..m−1], with every
 * σᵢ of degree < deg_x aᵢ, as Taylor series at the point α in the ys up to degree `maxdeg`.
 * Inputs and outputs are in the original coordinates; each level shifts only its own variable.
 */
function diophantineSolver(
  as: readonly QPoly[], x: number, ys: readonly number[], alpha: readonly bigint[], maxdeg: number,
  base: (c: UPoly<Rational>) => UPoly<Rational>[],
): (c: QPoly) => QPoly[] {
  const levels: Level[] = [];
  let cur = as.slice();
  for (let m = ys.length; m >= 1; m--) {
    const y = ys[m - 1];
    levels[m] = { bs: cofactors(cur).map((b) => shiftVariable(b, y, alpha[m - 1])) };
    cur = cur.map((a) => substituteValue(a, y, rational(alpha[m - 1])));
  }
  const ring = as[0].ring;
  const solve = (c: QPoly, m: number): QPoly[] => {
    if (m === 0) return base(toUnivariate(c, x)).map((u) => fromImage(c, x, u));
    const y = ys[m - 1];
    const a = alpha[m - 1];
    const { bs } = levels[m];
    // Work in the shifted variable: the y-free part of c(y + a) is c(a).
    const cs = shiftVariable(c, y, a);
    let sigma = solve(setZero(cs, y), m - 1);
    let e = cs;
    for (let i = 0; i < sigma.length; i++) e = e.sub(sigma[i].mul(bs[i]));
    const yv = ring.variable(y);
    let yk = ring.one();
    for (let k = 1; k <= maxdeg && !e.isZero(); k++) {
      yk = yk.mul(yv);
      const ck = coefficientOfPower(e, y, k);
      if (ck.isZero()) continue;
      const ds = solve(ck, m - 1).map((d) => d.mul(yk));
      sigma = sigma.map((s, i) => s.add(ds[i]));
      for (let i = 0; i < ds.length; i++) e = e.sub(ds[i].mul(bs[i]));
    }
    return sigma.map((s) => shiftVariable(s, y, -a));
  };
  return (c) => solve(c, ys.length);
}

/**
 * One variable y of the lift: U (leading coefficients already in place) is corrected degree by
 * degree in y so that Π U ≡ target mod y^(dj+1). The y-coefficients of the product are kept as
 * truncated partial products P_i = U_1⋯U_i, so each degree costs O(r·k) products of y-free
 * coefficients instead of a full product. Returns undefined on a non-integral correction.
 */
function liftVariable(
  target: QPoly, U: QPoly[], y: number, a: bigint, dj: number, makeSolver: () => (c: QPoly) => QPoly[],
): QPoly[] | undefined {
  const r = U.length;
  const ring = target.ring;
  // Taylor coefficients at y = a: shift y only, and shift back at the end.
  const shiftedU = U.map((u) => shiftVariable(u, y, a));
  const shiftedTarget = shiftVariable(target, y, a);
  const coeffs = shiftedU.map((u) => Array.from({ length: dj + 1 }, (_, d) => coefficientOfPower(u, y, d)));
  const tc = Array.from({ length: dj + 1 }, (_, d) => coefficientOfPower(shiftedTarget, y, d));
  // P[i][d]: coefficient of y^d in U_0⋯U_i.
  const P: QPoly[][] = Array.from({ length: r }, () => []);
  const productCoefficient = (i: number, k: number): QPoly => {
    if (i === 0) return coeffs[0][k];
    let s = ring.zero();
    for (let a = 0; a <= k; a++) {
      const c = coeffs[i][k - a];
      if (!c.isZero() && !P[i - 1][a].isZero()) s = s.add(P[i - 1][a].mul(c));
    }
    return s;
  };
  for (let i = 0; i < r; i++) P[i][0] = productCoefficient(i, 0);
  let solver: ((c: QPoly) => QPoly[]) | undefined;
  for (let k = 1; k <= dj; k++) {
    for (let i = 0; i < r; i++) P[i][k] = productCoefficient(i, k);
    const e = tc[k].sub(P[r - 1][k]);
    if (e.isZero()) continue;
    solver ??= makeSolver();
    const ds = solver(e);
    for (let i = 0; i < r; i++) {
      if (!isIntegral(ds[i])) return undefined;
      coeffs[i][k] = coeffs[i][k].add(ds[i]);
    }
    for (let i = 0; i < r; i++) P[i][k] = productCoefficient(i, k);
  }
  const yv = ring.variable(y);
  return coeffs.map((cs) => {
    let u = ring.zero();
    for (let d = dj; d >= 0; d--) u = u.mul(yv).add(cs[d]);
    return shiftVariable(u, y, -a);
  });
}

/**
 * Lifts F(x, α) = Π images to F = Π Uᵢ with lc_x(Uᵢ) = lcs[i], or `undefined` when a
 * correction is not integral (then no such factorization with integer coefficients exists). The
 * result is only certain to be a factorization up to degree deg_y F in each y: callers confirm it
 * by exact division. `ys` are the variables other than x that may occur, `alpha` their values.
 * Everything stays in the original coordinates, so sparse factors stay sparse between variables.
 * Example: F = x² − y², α = (1): images x − 1 and x + 1, lcs 1 and 1 give x − y and x + y.
 */
export function henselLiftMultivariate(
  F: QPoly, x: number, ys: readonly number[], alpha: readonly bigint[], images: readonly UPoly<Rational>[], lcs: readonly QPoly[],
): QPoly[] | undefined {
  const base = univariateSolver(images);
  if (!base) return undefined;
  const m = ys.length;
  const A: QPoly[] = new Array<QPoly>(m + 1);
  A[m] = F;
  for (let k = m - 1; k >= 0; k--) A[k] = substituteValue(A[k + 1], ys[k], rational(alpha[k]));
  const maxdeg = maxDegreeIn(F, ys);
  let U = images.map((u) => fromImage(F, x, u));
  for (let j = 0; j < m; j++) {
    const y = ys[j];
    const U1 = U;
    U = U.map((u, i) => {
      let L = lcs[i];
      for (let k = j + 1; k < m; k++) L = substituteValue(L, ys[k], rational(alpha[k]));
      return replaceLeadingCoefficient(u, x, L);
    });
    const target = A[j + 1];
    const dj = target.degree(y);
    const lifted = liftVariable(target, U, y, alpha[j], dj, () => diophantineSolver(U1, x, ys.slice(0, j), alpha.slice(0, j), maxdeg, base));
    if (!lifted) return undefined;
    U = lifted;
  }
  return U;
}
