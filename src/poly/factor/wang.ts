/**
 * Factorization of a square-free multivariate polynomial over Z, primitive in its main variable x,
 * into irreducibles (Wang's method).
 *
 * Steps: evaluate the other variables y at small integer points α keeping deg_x and
 * square-freeness (lc_x f(α) ≠ 0, f(α) square-free); factor the univariate images with
 * `factorUnivariate` and keep the points giving the fewest factors r (a lucky point gives the true
 * number; r = 1 proves irreducibility). Leading coefficients: first Wang's distribution of the
 * factors of ℓ = lc_x(f) over the image factors (`wang-leading.ts`, at points satisfying Wang's
 * condition); if that fails, the simple solution: lift ℓ^{r−1}·f = Π Gᵢ from the images scaled to
 * leading coefficient ℓ(α), imposing lc_x(Gᵢ) = ℓ. Lifting is `henselLiftMultivariate` at the
 * point α; the factors are the primitive parts pp_x(Gᵢ), confirmed by exact division. If
 * every point has extraneous image factors (f(α) splits more than f), the image factors are
 * recombined: subsets by increasing size, each tried by a two-factor lift.
 *
 * Invariants: inputs and outputs are `Polynomial<Rational>` with integer coefficients; outputs
 * are primitive, with positive leading coefficient in the ring's order, and multiply to f up to
 * sign. Reference: Wang, "An improved multivariate polynomial factoring algorithm", Math. Comp.
 * 32 (1978); Geddes–Czapor–Labahn, Algorithms for Computer Algebra, §6.8 (the leading
 * coefficient problem, solution by multiplication).
 */
import { QQ } from '../../arithmetic/field';
import { Rational, rational } from '../../arithmetic/rational';
import { ComputationError } from '../../errors';
import { tryExactDivide } from '../division';
import { UPoly } from '../univariate';
import { factorUnivariate } from './factor';
import { henselLiftMultivariate } from './hensel-multivariate';
import { primitivePartIn } from './multivariate-gcd';
import {
  PointGenerator, QPoly, evaluateAt, integerPrimitive, leadingCoefficientIn, univariateImage,
} from './multivariate-tools';
import { zgcd } from './squarefree';
import { LeadingFactors, distributeLeadingCoefficients, wangNonDivisors } from './wang-leading';
import { ZPoly, zderivative, zmul, zprimitive } from './zpoly';

/** Good evaluation points wanted before lifting (each gives a factor count; the least wins). */
const CONFIGS = 3;
const MAX_ATTEMPTS = 80;

interface Config {
  alpha: bigint[];
  images: ZPoly[];
  /** f(α) = content · Π images. */
  content: bigint;
  /** Whether the point satisfies Wang's condition for distributing leading coefficients. */
  wangOk: boolean;
}

/** Factors the leading coefficient (fewer variables): the caller's full factorization. */
export type LeadingFactorizer = (l: QPoly) => { unit: Rational; factors: { factor: QPoly; multiplicity: number }[] };

function primitiveImage(u: UPoly<Rational>): ZPoly {
  let l = 1n;
  for (const c of u) {
    let a = l;
    let b = c.den;
    while (b !== 0n) [a, b] = [b, a % b];
    l = (l * c.den) / a;
  }
  return zprimitive(u.map((c) => (c.num * l) / c.den));
}

/**
 * Lifts F = Π Gᵢ with lc_x(Gᵢ) = lcs[i] from F(x, α) = Π images, then returns the factors
 * pp_x(Gᵢ) of f when they divide f exactly (otherwise `undefined`).
 */
function liftAndCheck(
  f: QPoly, x: number, ys: number[], alpha: bigint[], F: QPoly, images: UPoly<Rational>[], lcs: QPoly[],
): QPoly[] | undefined {
  for (let i = 0; i < images.length; i++) {
    if (!QQ.eq(evaluateAt(lcs[i], ys, alpha), images[i][images[i].length - 1])) return undefined;
  }
  const lifted = henselLiftMultivariate(F, x, ys, alpha, images, lcs);
  if (!lifted) return undefined;
  const factors = lifted.map((g) => integerPrimitive(primitivePartIn(g, x)));
  let rest = f;
  for (const g of factors) {
    if (g.degree(x) <= 0) return undefined;
    const q = tryExactDivide(rest, g);
    if (q === undefined) return undefined;
    rest = q;
  }
  return rest.isConstant() ? factors : undefined;
}

/** The lift with ℓ = lc_x(f) imposed on every factor: ℓ^{k−1}·f = Π Gᵢ (always applicable). */
function liftGroups(f: QPoly, x: number, ys: number[], alpha: bigint[], groups: readonly ZPoly[]): QPoly[] | undefined {
  const ell = leadingCoefficientIn(f, x);
  const la = evaluateAt(ell, ys, alpha);
  const images = groups.map((g) => g.map((c) => QQ.mul(rational(c), QQ.div(la, rational(g[g.length - 1])))));
  let F = f;
  for (let i = 1; i < groups.length; i++) F = F.mul(ell);
  return liftAndCheck(f, x, ys, alpha, F, images, groups.map(() => ell));
}

/** The lift with Wang's distributed leading coefficients (undefined when they cannot be read off). */
function liftDistributed(f: QPoly, x: number, ys: number[], c: Config, T: LeadingFactors): QPoly[] | undefined {
  const problem = distributeLeadingCoefficients(f, ys, c.alpha, T, c.content, c.images);
  if (!problem) return undefined;
  const images = problem.images.map((h) => h.map((a) => rational(a)));
  return liftAndCheck(f, x, ys, c.alpha, problem.F, images, problem.lcs);
}

const SMALL_PRIMES = [2n, 3n, 5n, 7n, 11n, 13n, 17n, 19n, 23n, 29n, 31n, 37n, 41n, 43n, 47n];

/**
 * For Wang's condition, a variable y that is itself a factor of ℓ gets a value ± a prime not
 * dividing the content of ℓ, distinct for distinct variables (small random values rarely pass).
 */
function placePrimes(alpha: bigint[], ys: readonly number[], T: LeadingFactors, rng: PointGenerator): void {
  const pool = SMALL_PRIMES.filter((p) => T.content % p !== 0n);
  for (const t of T.factors) {
    if (t.length !== 1 || t.totalDegree() !== 1 || pool.length === 0) continue;
    const j = ys.indexOf(t.support()[0]);
    const k = Number((rng.next(1000) + 1000n) % BigInt(Math.min(pool.length, 6)));
    const p = pool.splice(k, 1)[0];
    alpha[j] = rng.next(1) < 0n ? -p : p;
  }
}

/** Evaluation points with the fewest image factors (all with that count). */
function chooseConfigs(f: QPoly, x: number, ys: number[], T: LeadingFactors): Config[] {
  const ell = leadingCoefficientIn(f, x);
  const rng = new PointGenerator(0x3c6ef372 ^ (f.length * 7919));
  let configs: Config[] = [];
  let best = Infinity;
  const seen = new Set<string>();
  const enough = (): boolean => configs.length >= CONFIGS && configs.some((c) => c.wangOk);
  for (let attempt = 0; attempt < MAX_ATTEMPTS && !enough(); attempt++) {
    const alpha = attempt === 0 ? ys.map(() => 0n) : rng.point(ys.length, 2 + Math.floor(attempt / 3));
    if (attempt > 0 && attempt % 2 === 1) placePrimes(alpha, ys, T, rng);
    const key = alpha.join(',');
    if (seen.has(key)) continue;
    seen.add(key);
    if (evaluateAt(ell, ys, alpha).num === 0n) continue;
    const full = univariateImage(f, x, ys, alpha);
    const image = primitiveImage(full);
    if (zgcd(image, zderivative(image)).length !== 1) continue;
    const images = factorUnivariate(image).factors.map((u) => u.factor);
    const content = full[full.length - 1].num / image[image.length - 1];
    const values = T.factors.map((t) => evaluateAt(t, ys, alpha).num);
    const config = { alpha, images, content, wangOk: wangNonDivisors(values, content, T.content) };
    if (images.length === 1) return [config];
    if (images.length < best) {
      best = images.length;
      configs = [];
    }
    if (images.length === best) configs.push(config);
  }
  if (configs.length === 0) throw new ComputationError(`multivariate factorization: no good evaluation point for ${f}`);
  return configs;
}

/** All k-subsets of [0, n), lexicographically. */
function* subsets(n: number, k: number): Generator<number[]> {
  const idx = Array.from({ length: k }, (_, i) => i);
  while (true) {
    yield idx.slice();
    let i = k - 1;
    while (i >= 0 && idx[i] === n - k + i) i--;
    if (i < 0) return;
    idx[i]++;
    for (let j = i + 1; j < k; j++) idx[j] = idx[j - 1] + 1;
  }
}

/**
 * Factor recombination for a point α with extraneous image factors: subsets of the image
 * factors by increasing size, each tried by a two-factor lift; the smallest subset that lifts is
 * an irreducible factor. `images` are the primitive irreducible factors of f(x, α) (ascending
 * `ZPoly`), `ys` the other variables of f in the order of α. Exported for tests.
 * Example: f = (x² − y − 1)(x + y) at y = 0 has images x − 1, x + 1, x and gives the two factors.
 */
export function recombine(f: QPoly, x: number, ys: number[], { alpha, images }: { alpha: bigint[]; images: ZPoly[] }): QPoly[] {
  const found: QPoly[] = [];
  let rest = f;
  let left = images.slice();
  for (let s = 1; 2 * s <= left.length; s++) {
    let progress = true;
    while (progress && 2 * s <= left.length) {
      progress = false;
      for (const S of subsets(left.length, s)) {
        const inS = new Set(S);
        const a = S.reduce<ZPoly>((p, i) => zmul(p, left[i]), [1n]);
        const b = left.filter((_, i) => !inS.has(i)).reduce<ZPoly>((p, u) => zmul(p, u), [1n]);
        const lifted = liftGroups(rest, x, ys, alpha, [a, b]);
        if (!lifted) continue;
        found.push(lifted[0]);
        rest = lifted[1];
        left = left.filter((_, i) => !inS.has(i));
        progress = true;
        break;
      }
    }
  }
  found.push(integerPrimitive(rest));
  return found;
}

/**
 * The irreducible factors of f (integer coefficients, square-free, primitive in x, involving x
 * and at least one other variable). Example: x² − y² in x gives x − y and x + y.
 */
export function wangFactor(f: QPoly, x: number, factorLeading: LeadingFactorizer): QPoly[] {
  const ys = f.support().filter((v) => v !== x);
  const ell = leadingCoefficientIn(f, x);
  let T: LeadingFactors;
  if (ell.isConstant()) T = { factors: [], values: [], content: ell.lc().num };
  else {
    const fl = factorLeading(ell);
    T = { factors: fl.factors.map((t) => t.factor), values: [], content: fl.unit.num };
  }
  const configs = chooseConfigs(f, x, ys, T);
  if (configs[0].images.length === 1) return [integerPrimitive(f)];
  for (const c of configs) {
    if (!c.wangOk) continue;
    const values = T.factors.map((t) => evaluateAt(t, ys, c.alpha).num);
    const factors = liftDistributed(f, x, ys, c, { ...T, values });
    if (factors) return factors;
  }
  const factors = liftGroups(f, x, ys, configs[0].alpha, configs[0].images);
  if (factors) return factors;
  return recombine(f, x, ys, configs[0]);
}
