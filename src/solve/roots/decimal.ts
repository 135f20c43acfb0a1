/**
 * Exact decimal rounding of rationals, for printing roots: the rounded value is computed on
 * bigints (never through a double) and formatted with big.js.
 *
 * `roundSignificant(r, d)` is r rounded to d significant digits, ties to even; `roundAt(r, e)`
 * is r rounded to a multiple of 10^e. Both rounding maps are monotone, so if the two endpoints of
 * an interval round to the same string, every number inside it does too — which is how
 * `realRoots` knows its decimals are correct.
 */
import Big from 'big.js';
import { bitLength } from '../../arithmetic/integers';
import { Rational } from '../../arithmetic/rational';

/** ⌊log10 |r|⌋ for r ≠ 0, exactly. */
export function floorLog10(r: Rational): number {
  const n = r.num < 0n ? -r.num : r.num;
  // Estimate from bit lengths, then correct by comparing with powers of ten.
  let e = Math.floor((bitLength(n) - bitLength(r.den)) * Math.log10(2));
  const geq = (k: number): boolean => (k >= 0 ? n >= 10n ** BigInt(k) * r.den : n * 10n ** BigInt(-k) >= r.den);
  while (!geq(e)) e--;
  while (geq(e + 1)) e++;
  return e;
}

/** The integer nearest to num/den (den > 0), ties to even. */
function roundHalfEven(num: bigint, den: bigint): bigint {
  let q = num / den;
  let rem = num - q * den;
  if (rem < 0n) {
    q -= 1n;
    rem += den;
  }
  const twice = 2n * rem;
  if (twice > den || (twice === den && (q & 1n) === 1n)) q += 1n;
  return q;
}

/** r rounded to a multiple of 10^e, as [m, e] meaning m·10^e. */
export function roundAt(r: Rational, e: number): [bigint, number] {
  const m = e >= 0 ? roundHalfEven(r.num, r.den * 10n ** BigInt(e)) : roundHalfEven(r.num * 10n ** BigInt(-e), r.den);
  return [m, e];
}

/** Text of m·10^e: plain notation when the exponent is moderate, exponential otherwise. */
export function formatScaled(m: bigint, e: number, digits: number): string {
  const b = new Big(`${m}e${e}`);
  // Zero keeps its trailing zeros (they state the precision) unless that would be a long run.
  if (m === 0n) return e < 0 && e >= -21 ? new Big(0).toFixed(-e) : '0';
  const lead = floorLog10({ num: m, den: 1n }) + e;
  if (lead >= -7 && lead < 21) return b.toFixed(Math.max(0, -e));
  return b.toExponential(Math.max(0, digits - 1));
}

/** r rounded to `digits` significant digits (ties to even), as text. Example: 2/3 at 5 digits is "0.66667". */
export function roundSignificant(r: Rational, digits: number): string {
  if (r.num === 0n) return '0';
  const e = floorLog10(r) - digits + 1;
  let [m, ex] = roundAt(r, e);
  // Rounding up may have produced 10^digits: that is still correct, one digit shorter after the point.
  if ((m < 0n ? -m : m) >= 10n ** BigInt(digits)) [m, ex] = [m / 10n, ex + 1];
  return formatScaled(m, ex, digits);
}

/** r rounded to a multiple of 10^e (ties to even), as text. */
export function roundFixed(r: Rational, e: number): string {
  const [m] = roundAt(r, e);
  return formatScaled(m, e, Math.max(1, floorLog10({ num: m === 0n ? 1n : m, den: 1n }) + 1));
}
