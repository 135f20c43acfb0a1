/**
 * The Aberth–Ehrlich simultaneous iteration for all complex roots of a polynomial: first in
 * doubles (cheap starting values), then in bigint fixed point at any precision.
 *
 * Representation: integer coefficients `bigint[]` (ascending); approximations as `[re, im]`
 * doubles or as fixed-point `FC` values of a `Fixed` context. One sweep updates every zᵢ in place
 * (Gauss–Seidel style) by zᵢ ← zᵢ − Nᵢ/(1 − Nᵢ·Σ_{j≠i} 1/(zᵢ − zⱼ)) with Nᵢ = p(zᵢ)/p′(zᵢ); the
 * convergence is cubic for simple roots. Starting points lie on a circle of radius
 * |a_k/a_n|^{1/(n−k)} (a_k the lowest non-zero coefficient) with an angular offset that breaks the symmetry of real polynomials.
 * Reference: Aberth 1973; Bini, "Numerical computation of polynomial zeros by means of Aberth's
 * method", Numer. Algorithms 13 (1996) — the MPSolve approach (doubles, then more precision).
 */
import { bitLength } from '../../arithmetic/integers';
import { FC, Fixed } from './fixed-complex';

/** Starting points on a circle, the classic choice of Bini 1996 (offset angle 0.7). */
export function initialGuesses(c: readonly bigint[]): [number, number][] {
  const n = c.length - 1;
  const lg = (x: bigint): number => {
    const b = bitLength(x);
    return b < 1000 ? Math.log2(Math.abs(Number(x))) : b;
  };
  // |a_k/a_n|^{1/(n−k)} for the lowest non-zero a_k (a zero root must not collapse the circle).
  let k0 = 0;
  while (c[k0] === 0n) k0++;
  const r = k0 === n ? 1 : 2 ** ((lg(c[k0]) - lg(c[n])) / (n - k0));
  const out: [number, number][] = [];
  for (let k = 0; k < n; k++) {
    const t = (2 * Math.PI * k) / n + 0.7;
    out.push([r * Math.cos(t), r * Math.sin(t)]);
  }
  return out;
}

/**
 * Aberth in doubles; returns `undefined` when the coefficients or the values overflow doubles
 * (the caller then starts the fixed-point iteration from `initialGuesses`).
 */
export function aberthDouble(c: readonly bigint[], maxSweeps = 500): [number, number][] | undefined {
  const n = c.length - 1;
  const maxBits = Math.max(...c.map(bitLength));
  const shift = BigInt(Math.max(0, maxBits - 900));
  const a = c.map((x) => Number(x >> shift));
  // A coefficient lost to the shift means the dynamic range is beyond doubles.
  if (a.some((x, i) => x === 0 && c[i] !== 0n)) return undefined;
  const z = initialGuesses(c);
  if (z.some(([x, y]) => !Number.isFinite(x) || !Number.isFinite(y))) return undefined;
  for (let sweep = 0; sweep < maxSweeps; sweep++) {
    let moved = 0;
    for (let i = 0; i < n; i++) {
      const [x, y] = z[i];
      let [pr, pi, dr, di] = [0, 0, 0, 0];
      for (let k = n; k >= 0; k--) {
        [dr, di] = [dr * x - di * y + pr, dr * y + di * x + pi];
        [pr, pi] = [pr * x - pi * y + a[k], pr * y + pi * x];
      }
      if (!Number.isFinite(pr + pi + dr + di)) return undefined;
      if (pr === 0 && pi === 0) continue;
      const dd = dr * dr + di * di;
      if (dd === 0) continue;
      const nr = (pr * dr + pi * di) / dd;
      const ni = (pi * dr - pr * di) / dd;
      let [sr, si] = [0, 0];
      for (let j = 0; j < n; j++) {
        if (j === i) continue;
        const ur = x - z[j][0];
        const ui = y - z[j][1];
        const uu = ur * ur + ui * ui;
        if (uu === 0) continue;
        sr += ur / uu;
        si -= ui / uu;
      }
      // correction = N / (1 − N·S)
      const qr = 1 - (nr * sr - ni * si);
      const qi = -(nr * si + ni * sr);
      const qq = qr * qr + qi * qi;
      if (qq === 0) continue;
      const cr = (nr * qr + ni * qi) / qq;
      const ci = (ni * qr - nr * qi) / qq;
      z[i] = [x - cr, y - ci];
      const rel = Math.hypot(cr, ci) / Math.max(Math.hypot(x, y), 1e-300);
      if (rel > moved) moved = rel;
    }
    if (!z.every(([x, y]) => Number.isFinite(x) && Number.isFinite(y))) return undefined;
    if (moved < 1e-15) break;
  }
  return z;
}

/**
 * Aberth sweeps in fixed point until the largest correction is below 2^−stopBits (in modulus)
 * or `maxSweeps` is reached; `z` is updated in place. Returns the number of sweeps done.
 */
export function aberthFixed(X: Fixed, c: readonly bigint[], z: FC[], stopBits: number, maxSweeps: number): number {
  const n = z.length;
  const one: FC = { re: X.one, im: 0n };
  const stop = stopBits >= X.prec ? 1n : 1n << BigInt(X.prec - stopBits);
  // The Aberth sum S = Σ 1/(zᵢ − zⱼ) is only needed to relative accuracy 2^−53: an error δS
  // changes the correction N/(1 − N·S) by about N²·δS, below the working precision as soon as the
  // iteration is near convergence (it then converges quadratically instead of cubically). So S is
  // summed in doubles, with each difference formed exactly and only then rounded: n² double
  // operations instead of n² bigint divisions.
  const zd = z.map((w) => [X.toNumber(w.re), X.toNumber(w.im)]);
  for (let sweep = 1; sweep <= maxSweeps; sweep++) {
    let moved = 0n;
    for (let i = 0; i < n; i++) {
      const [v, d] = X.evalWithDerivative(c, z[i]);
      if (v.re === 0n && v.im === 0n) continue;
      if (d.re === 0n && d.im === 0n) continue;
      const N = X.div(v, d);
      const [xi, yi] = zd[i];
      const scale = Math.max(Math.hypot(xi, yi), 1e-300);
      let sr = 0;
      let si = 0;
      for (let j = 0; j < n; j++) {
        if (j === i) continue;
        let ur = xi - zd[j][0];
        let ui = yi - zd[j][1];
        if (Math.abs(ur) + Math.abs(ui) < 1e-10 * scale) {
          // Close approximations: the difference in doubles would cancel; form it exactly.
          const u = X.sub(z[i], z[j]);
          if (u.re === 0n && u.im === 0n) continue;
          ur = X.toNumber(u.re);
          ui = X.toNumber(u.im);
        }
        const uu = ur * ur + ui * ui;
        if (uu === 0 || !Number.isFinite(uu)) continue;
        sr += ur / uu;
        si -= ui / uu;
      }
      const S: FC = Number.isFinite(sr) && Number.isFinite(si) ? { re: X.fromNumber(sr), im: X.fromNumber(si) } : { re: 0n, im: 0n };
      const q = X.sub(one, X.mul(N, S));
      if (q.re === 0n && q.im === 0n) continue;
      const corr = X.div(N, q);
      z[i] = X.sub(z[i], corr);
      zd[i] = [X.toNumber(z[i].re), X.toNumber(z[i].im)];
      const m = (corr.re < 0n ? -corr.re : corr.re) + (corr.im < 0n ? -corr.im : corr.im);
      if (m > moved) moved = m;
    }
    if (moved <= stop) return sweep;
  }
  return maxSweeps;
}
