/**
 * All complex roots of a univariate polynomial over Q, numerically, each with a stated error
 * bound, and with the real ones exactly as many as the exact real isolation says.
 *
 * Method: the square-free integer part F of degree n; its real roots come from the exact isolation
 * (`real.ts`) and are printed from refined rational intervals (their radius is exact). All n roots
 * are approximated by Aberth's iteration (`aberth.ts`: doubles, then bigint fixed point at
 * ⌈digits·log₂10⌉ + ~40 bits, doubled until the checks pass). The r approximations nearest to the
 * exact real roots are moved onto the real axis; of the rest, the ones in the upper half
 * plane u and their conjugates ū form the remaining centres, so the output is conjugation-closed
 * by construction. Error bound: with Weierstrass corrections Wᵢ = F(zᵢ)/(lc·Π_{j≠i}(zᵢ − zⱼ)), the
 * disks D(zᵢ, n·|Wᵢ|) cover all roots, and a connected union of k disks holds exactly k roots
 * (Braess–Hadeler 1973; Carstensen 1991). We accept only when all n disks are pairwise disjoint,
 * each upper disk stays off the real axis (so its root is not real; the real-centred disks then
 * hold the r real roots), and each radius is below a tenth of the last printed digit. |F(zᵢ)| is
 * bounded above by its fixed-point value plus the Horner rounding bound 2(n+1)·max(1,|zᵢ|)^n ulps,
 * the distances below by truncation, so the radius is a true upper bound for the root nearest to
 * the printed centre — the reported `radius` also adds the exact decimal rounding error of re and
 * im. Reference: Bini 1996 (Aberth, inclusion disks), Carstensen 1991.
 */
import { Rational, parseRational, rational, rcmp, rsub, rabs, radd } from '../../arithmetic/rational';
import { ComputationError, Deadline, InputError } from '../../errors';
import { ControlOptions, resolveControl } from '../../control';
import { UPoly } from '../../poly/univariate';
import { aberthDouble, aberthFixed, initialGuesses } from './aberth';
import { floorLog10, formatScaled, roundAt } from './decimal';
import { positiveRootBoundExponent } from './descartes';
import { FC, Fixed } from './fixed-complex';
import { RootInterval, realRoots, refineRoot, squarefreePartZ } from './real';
import { bitLength } from '../../arithmetic/integers';

/** One root: decimal real and imaginary parts and an upper bound on the distance to the true root. */
export interface ComplexRoot {
  readonly re: string;
  readonly im: string;
  /** An upper bound of |root − (re + i·im)| (the printed values), rounded up. */
  readonly radius: string;
  /** True for real roots (exactly the r real roots of the exact isolation). */
  readonly real: boolean;
}

/** Ceiling of a positive rational at 2 significant digits, as text (an upper bound). */
function upperBound(r: Rational): string {
  if (r.num === 0n) return '0';
  const e = floorLog10(r) - 1;
  const scaled = e >= 0 ? { num: r.num, den: r.den * 10n ** BigInt(e) } : { num: r.num * 10n ** BigInt(-e), den: r.den };
  let m = scaled.num / scaled.den;
  if (m * scaled.den !== scaled.num) m += 1n;
  return formatScaled(m, e, 2);
}

const fixedToRational = (X: Fixed, v: bigint): Rational => rational(v, X.one);

interface Candidate {
  readonly z: FC;
  readonly rho: bigint;
}

/**
 * All complex roots of f (distinct roots of its square-free part) with `digits` significant
 * digits (relative to |root|, default 15); `timeout`, `signal` and `deadline` are checked between precision rounds. Sorted: real roots ascending, then the others by real
 * part, then imaginary part. Example: `complexRoots([1n, 0n, 1n], {digits: 10})` gives
 * re "0.000000000", im "-1.000000000" and "1.000000000", real false.
 */
export function complexRoots(f: UPoly<Rational> | readonly bigint[], options: ControlOptions & { digits?: number } = {}): ComplexRoot[] {
  options = resolveControl(options, 'complexRoots');
  const digits = options.digits ?? 15;
  if (!Number.isInteger(digits) || digits < 1) throw new InputError(`complexRoots: digits must be a positive integer, got ${digits}`);
  const F = squarefreePartZ(f);
  const n = F.length - 1;
  if (n <= 0) return [];
  const reals = realRoots(F, { digits });
  const realOut: ComplexRoot[] = reals.map((x) => {
    const dec = decimalValue(x.decimal);
    const err = rcmp(rabs(rsub(dec, x.lo)), rabs(rsub(dec, x.hi))) >= 0 ? rabs(rsub(dec, x.lo)) : rabs(rsub(dec, x.hi));
    return { re: x.decimal, im: '0', radius: upperBound(err), real: true };
  });
  if (reals.length === n) return realOut;
  const pairs = nonRealRoots(F, reals.map((x) => radd(x.lo, x.hi)).map((s) => rational(s.num, s.den * 2n)), digits, options.deadline);
  return [...realOut, ...pairs];
}

/**
 * The non-real roots of f only, when its real roots are already isolated: `realIntervals` holds
 * one isolating interval per distinct real root (as from `isolateRealRoots`, refined or not), so
 * the real roots are not isolated a second time. A wrong interval list cannot give a wrong answer:
 * the inclusion-disk check would fail and the call throws.
 */
export function nonRealComplexRoots(
  f: UPoly<Rational> | readonly bigint[],
  realIntervals: readonly RootInterval[],
  /** `previous`: the non-real roots from a call with fewer digits, used as starting points. */
  options: { digits?: number; deadline?: Deadline; previous?: readonly ComplexRoot[] } = {},
): ComplexRoot[] {
  const digits = options.digits ?? 15;
  if (!Number.isInteger(digits) || digits < 1) throw new InputError(`complexRoots: digits must be a positive integer, got ${digits}`);
  const F = squarefreePartZ(f);
  const n = F.length - 1;
  if (n <= 0 || realIntervals.length === n) return [];
  // Each real root is matched to its nearest approximation, which a wide interval's midpoint
  // could get wrong: centres are refined to 64 bits, and if the inclusion disks still do not
  // verify, to the digits asked (as complexRoots does).
  const centres = (bits: number): Rational[] =>
    realIntervals.map((iv) => {
      const magnitude = Math.max(0, bitLength(iv.hi.num < 0n ? -iv.lo.num / iv.lo.den : iv.hi.num / iv.hi.den));
      const { lo, hi } = refineRoot(F, iv, { bits: bits + magnitude });
      const s = radd(lo, hi);
      return rational(s.num, s.den * 2n);
    });
  const full = Math.ceil(digits * Math.log2(10)) + 8;
  const seeds = (c: Rational[]): [Rational, Rational][] | undefined =>
    options.previous && options.previous.length === n - c.length ? [...c.map((x): [Rational, Rational] => [x, rational(0n)]), ...options.previous.map((z): [Rational, Rational] => [parseRational(z.re), parseRational(z.im)])] : undefined;
  if (full > 64) {
    try {
      const c = centres(64);
      return nonRealRoots(F, c, digits, options.deadline, seeds(c));
    } catch (e) {
      if (!(e instanceof ComputationError)) throw e;
    }
  }
  const c = centres(full);
  return nonRealRoots(F, c, digits, options.deadline, seeds(c));
}

/** The exact rational value of a decimal string produced by `formatScaled`. */
function decimalValue(text: string): Rational {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(text);
  if (!m) throw new ComputationError(`unexpected decimal text ${text}`);
  const frac = m[3] ?? '';
  const digits = BigInt(m[2] + frac) * (m[1] === '-' ? -1n : 1n);
  const e = Number(m[4] ?? 0) - frac.length;
  return e >= 0 ? rational(digits * 10n ** BigInt(e)) : rational(digits, 10n ** BigInt(-e));
}

/** The non-real roots, conjugate pairs, verified by inclusion disks. */
function nonRealRoots(F: bigint[], realCentres: Rational[], digits: number, deadline?: Deadline, start?: readonly [Rational, Rational][]): ComplexRoot[] {
  const n = F.length - 1;
  const r = realCentres.length;
  const m = (n - r) / 2;
  // Every non-zero root has modulus ≥ 2^−kLow (Fujiwara's bound, which holds for all complex
  // roots, applied to the reversed polynomial without its zero root).
  let k0 = 0;
  while (F[k0] === 0n) k0++;
  const kLow = k0 === n ? 0 : positiveRootBoundExponent(F.slice(k0).reverse()) + 1;
  let prec = Math.ceil(digits * Math.log2(10)) + kLow + 40;
  const circle = initialGuesses(F);
  let X = new Fixed(prec);
  const toFixed = (w: [number, number][]): FC[] => w.map(([x, y]) => ({ re: X.fromNumber(x), im: X.fromNumber(y) }));
  // Starting points: earlier approximations when given (a few iterations then suffice), else
  // Aberth in doubles, else a circle.
  let z = start ? start.map(([x, y]) => ({ re: (x.num << BigInt(X.prec)) / x.den, im: (y.num << BigInt(X.prec)) / y.den })) : toFixed(aberthDouble(F) ?? circle);
  for (let round = 0; round < 8; round++) {
    // Coinciding approximations never separate under Aberth: restart those runs from the circle.
    if (round === 3 || new Set(z.map((w) => `${w.re},${w.im}`)).size < n) z = toFixed(circle);
    deadline?.check();
    aberthFixed(X, F, z, prec - 8, 200);
    const verified = verify(X, F, z, realCentres, m, digits);
    if (verified !== undefined) return format(X, verified, digits);
    const Y = new Fixed(prec * 2);
    z = z.map((w) => ({ re: Y.rescale(w.re, X), im: Y.rescale(w.im, X) }));
    prec *= 2;
    X = Y;
  }
  throw new ComputationError(`complexRoots: the inclusion disks did not separate the roots at ${prec} bits`);
}

/** Replaces approximations by the symmetric centre set and checks the inclusion disks. */
function verify(X: Fixed, F: bigint[], z: FC[], realCentres: Rational[], m: number, digits: number): Candidate[] | undefined {
  const n = F.length - 1;
  // Assign each exact real root its nearest approximation (greedy); that approximation, moved
  // onto the real axis, is the centre (it is as accurate as the working precision, unlike the
  // printed decimal). The rest must be non-real: their upper half gives the pairs.
  const free = z.map((_, i) => i);
  const realZ: FC[] = [];
  for (const x of realCentres) {
    const xr = (x.num << BigInt(X.prec)) / x.den;
    let best = -1;
    let bestD = -1n;
    for (const i of free) {
      const d = (z[i].re - xr) ** 2n + z[i].im ** 2n;
      if (best < 0 || d < bestD) [best, bestD] = [i, d];
    }
    free.splice(free.indexOf(best), 1);
    realZ.push({ re: z[best].re, im: 0n });
  }
  const upper = free.filter((i) => z[i].im > 0n).map((i) => z[i]);
  if (upper.length !== m) return undefined;
  const centres: FC[] = [...realZ, ...upper, ...upper.map((u) => ({ re: u.re, im: -u.im }))];
  const lc = F[n] < 0n ? -F[n] : F[n];
  const rho = centres.map((c, i) => (i < realCentres.length + m ? inclusionRadius(X, F, centres, i, lc) : 0n));
  for (let k = 0; k < m; k++) rho[realCentres.length + m + k] = rho[realCentres.length + k];
  for (let i = 0; i < n; i++) {
    if (rho[i] < 0n) return undefined;
    for (let j = i + 1; j < n; j++) if (X.absFloor(X.sub(centres[i], centres[j])) <= rho[i] + rho[j]) return undefined;
  }
  const out: Candidate[] = [];
  for (let k = 0; k < m; k++) {
    const u = upper[k];
    const rh = rho[realCentres.length + k];
    if (rh >= u.im) return undefined;
    // Accuracy: a tenth of the last printed digit.
    const e = floorLog10(fixedToRational(X, X.absFloor(u) || 1n)) - digits + 1;
    if (rcmp(fixedToRational(X, rh * 10n), e >= 0 ? rational(10n ** BigInt(e)) : rational(1n, 10n ** BigInt(-e))) > 0) return undefined;
    out.push({ z: u, rho: rh });
  }
  return out;
}

/** n·|W_i| rounded up in fixed point, or −1 when a distance vanishes. */
function inclusionRadius(X: Fixed, F: bigint[], c: FC[], i: number, lc: bigint): bigint {
  const n = c.length;
  const v = X.eval(F, c[i]);
  const zabs = X.absCeil(c[i]);
  // Horner rounding: at most 2(n+1)·max(1,|z|)^n ulps (growth is that power in fixed point).
  let growth = X.one;
  const base = zabs > X.one ? zabs : X.one;
  for (let k = 0; k < n; k++) growth = ((growth * base) >> BigInt(X.prec)) + 1n;
  const num = X.absCeil(v) + 2n * BigInt(n + 1) * ((growth >> BigInt(X.prec)) + 1n);
  let den = X.int(lc);
  for (let j = 0; j < n; j++) {
    if (j === i) continue;
    const d = X.absFloor(X.sub(c[i], c[j]));
    if (d <= 1n) return -1n;
    den = (den * (d - 1n)) >> BigInt(X.prec);
    if (den <= 0n) return -1n;
  }
  return (BigInt(n) * num * X.one) / den + 1n;
}

function format(X: Fixed, roots: Candidate[], digits: number): ComplexRoot[] {
  const out: { re: Rational; im: Rational; root: ComplexRoot }[] = [];
  for (const { z, rho } of roots) {
    const e = floorLog10(fixedToRational(X, X.absFloor(z) || 1n)) - digits + 1;
    const re = fixedToRational(X, z.re);
    for (const sign of [1n, -1n]) {
      const im = fixedToRational(X, sign * z.im);
      const [mr] = roundAt(re, e);
      const [mi] = roundAt(im, e);
      const unit = e >= 0 ? rational(10n ** BigInt(e)) : rational(1n, 10n ** BigInt(-e));
      const errRe = rabs(rsub(re, rational(mr * unit.num, unit.den)));
      const errIm = rabs(rsub(im, rational(mi * unit.num, unit.den)));
      const radius = radd(radd(fixedToRational(X, rho), errRe), errIm);
      out.push({ re, im, root: { re: formatScaled(mr, e, digits), im: formatScaled(mi, e, digits), radius: upperBound(radius), real: false } });
    }
  }
  return out.sort((a, b) => rcmp(a.re, b.re) || rcmp(a.im, b.im)).map((x) => x.root);
}
