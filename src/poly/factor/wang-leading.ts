/**
 * Wang's leading coefficient distribution: before lifting, decide which factors of
 * ℓ = lc_x(f) belong to the leading coefficient of each true factor, so the lift can impose the
 * exact leading coefficients instead of ℓ on every factor (which multiplies f by ℓ^{r−1}).
 *
 * With ℓ = ct · Π tᵢ^{eᵢ} (irreducible tᵢ, integer content ct) and a point α at which every
 * |tᵢ(α)| has a prime divisor that divides neither the earlier ones nor cs·ct (cs the content of
 * f(α)) — `wangNonDivisors` — the leading coefficient of the image factor hⱼ times cs is divided by
 * the values tᵢ(α) to read off the powers of tᵢ in lc(gⱼ). A wrong reading (an unlucky point or
 * extraneous image factors) only makes the lift fail, which the caller detects by exact division.
 *
 * Representation: images are primitive integer polynomials (`ZPoly`, positive leading
 * coefficient); leading coefficients are x-free `Polynomial<Rational>` with integer coefficients.
 * Reference: Wang, "An improved multivariate polynomial factoring algorithm", Math. Comp. 32
 * (1978), §3; the same steps as sympy's `dmp_zz_wang_non_divisors` / `dmp_zz_wang_lead_coeffs`.
 */
import { absBig, gcd } from '../../arithmetic/integers';
import { QQ } from '../../arithmetic/field';
import { rational } from '../../arithmetic/rational';
import { QPoly, evaluateAt } from './multivariate-tools';
import { ZPoly, zscale } from './zpoly';

/** The irreducible factors tᵢ of ℓ (with multiplicity) and their values at the point. */
export interface LeadingFactors {
  factors: QPoly[];
  values: bigint[];
  /** The integer content (with sign) of ℓ. */
  content: bigint;
}

/**
 * Wang's condition on the point: each |tᵢ(α)| keeps a factor > 1 after removing every prime of
 * cs·ct and of the earlier values. Example: values [6, 10] with cs·ct = 1 pass (6, then 5).
 */
export function wangNonDivisors(values: readonly bigint[], cs: bigint, ct: bigint): boolean {
  const kept: bigint[] = [absBig(cs * ct)];
  for (const v of values) {
    let q = absBig(v);
    for (let i = kept.length - 1; i >= 0; i--) {
      let r = kept[i];
      while (r !== 1n && q !== 0n) {
        r = gcd(r, q);
        q /= r;
      }
      if (q <= 1n) return false;
    }
    kept.push(q);
  }
  return true;
}

/** The lifting problem with distributed leading coefficients. */
export interface DistributedProblem {
  /** f, or cs^{r−1}·f when the image content cs has to be spread over the factors. */
  F: QPoly;
  images: ZPoly[];
  lcs: QPoly[];
}

/**
 * The leading coefficients of the factors for images H of f(α) = cs·Π H, or `undefined` when
 * some tᵢ is not accounted for (extraneous factors or an unlucky point).
 */
export function distributeLeadingCoefficients(
  f: QPoly, ys: readonly number[], alpha: readonly bigint[], T: LeadingFactors, cs: bigint, H: readonly ZPoly[],
): DistributedProblem | undefined {
  const R = f.ring;
  const used = T.factors.map(() => false);
  const C: QPoly[] = [];
  for (const h of H) {
    let c = R.one();
    let d = h[h.length - 1] * cs;
    for (let i = T.values.length - 1; i >= 0; i--) {
      const e = T.values[i];
      if (absBig(e) <= 1n) return undefined;
      let k = 0;
      while (d % e === 0n) {
        d /= e;
        k++;
      }
      if (k > 0) {
        c = c.mul(T.factors[i].pow(k));
        used[i] = true;
      }
    }
    C.push(c);
  }
  if (!used.every(Boolean)) return undefined;
  const lcs: QPoly[] = [];
  const images: ZPoly[] = [];
  let rest = cs;
  for (let j = 0; j < H.length; j++) {
    const cv = evaluateAt(C[j], ys, alpha);
    if (cv.den !== 1n || cv.num === 0n) return undefined;
    let d = cv.num;
    const lc = H[j][H[j].length - 1];
    let h = H[j];
    let cc: bigint;
    if (rest === 1n) {
      if (lc % d !== 0n) return undefined;
      cc = lc / d;
    } else {
      const g = gcd(lc, d);
      d /= g;
      cc = lc / g;
      h = zscale(h, d);
      if (rest % d !== 0n) return undefined;
      rest /= d;
    }
    lcs.push(C[j].scale(rational(cc)));
    images.push(h);
  }
  if (rest === 1n) return { F: f, images, lcs };
  return {
    F: f.scale(QQ.fromInt(rest ** BigInt(H.length - 1))),
    images: images.map((h) => zscale(h, rest)),
    lcs: lcs.map((c) => c.scale(rational(rest))),
  };
}
