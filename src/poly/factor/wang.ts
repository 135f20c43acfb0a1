/**
 * Factorization of a square-free multivariate polynomial over Z, primitive in its main variable x,
 * into irreducibles (Wang's method, with the leading coefficient handled by multiplication).
 *
 * Steps: evaluate the other variables y at small integer points α keeping deg_x and
 * square-freeness (lc_x f(α) ≠ 0, f(α) square-free); factor the univariate images with
 * `factorUnivariate` and keep the points giving the fewest factors r (a lucky point gives the true
 * number; r = 1 proves irreducibility). With ℓ = lc_x(f), lift ℓ^{r−1}·f = Π Gᵢ from the images
 * scaled to leading coefficient ℓ(α), imposing lc_x(Gᵢ) = ℓ (`henselLiftMultivariate`, after the
 * shift y ↦ y + α); the factors are the primitive parts pp_x(Gᵢ), confirmed by exact division. If
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
  PointGenerator, QPoly, evaluateAt, integerPrimitive, leadingCoefficientIn, shiftVariables, univariateImage,
} from './multivariate-tools';
import { zgcd } from './squarefree';
import { ZPoly, zderivative, zmul, zprimitive } from './zpoly';

/** Good evaluation points wanted before lifting (each gives a factor count; the least wins). */
const CONFIGS = 3;
const MAX_ATTEMPTS = 60;

interface Config {
  alpha: bigint[];
  images: ZPoly[];
}

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
 * Lifts f(α) = c · Π groups to factors of f (one per group), or `undefined` when the grouping
 * does not come from a factorization of f. Leading coefficients: ℓ^{k−1}·f = Π Gᵢ, lc Gᵢ = ℓ.
 */
function liftGroups(f: QPoly, x: number, ys: number[], alpha: bigint[], groups: readonly ZPoly[]): QPoly[] | undefined {
  const ell = leadingCoefficientIn(f, x);
  const la = evaluateAt(ell, ys, alpha);
  const images = groups.map((g) => g.map((c) => QQ.mul(rational(c), QQ.div(la, rational(g[g.length - 1])))));
  let F = f;
  for (let i = 1; i < groups.length; i++) F = F.mul(ell);
  const ellShifted = shiftVariables(ell, ys, alpha);
  const lifted = henselLiftMultivariate(shiftVariables(F, ys, alpha), x, ys, images, groups.map(() => ellShifted));
  if (!lifted) return undefined;
  const back = alpha.map((a) => -a);
  const factors = lifted.map((g) => integerPrimitive(primitivePartIn(shiftVariables(g, ys, back), x)));
  let rest = f;
  for (const g of factors) {
    const q = tryExactDivide(rest, g);
    if (q === undefined) return undefined;
    rest = q;
  }
  return rest.isConstant() ? factors : undefined;
}

/** Evaluation points with the fewest image factors (all with that count). */
function chooseConfigs(f: QPoly, x: number, ys: number[]): Config[] {
  const ell = leadingCoefficientIn(f, x);
  const rng = new PointGenerator(0x3c6ef372 ^ (f.length * 7919));
  let configs: Config[] = [];
  let best = Infinity;
  const seen = new Set<string>();
  for (let attempt = 0; attempt < MAX_ATTEMPTS && configs.length < CONFIGS; attempt++) {
    const alpha = attempt === 0 ? ys.map(() => 0n) : rng.point(ys.length, 1 + Math.floor(attempt / 4));
    const key = alpha.join(',');
    if (seen.has(key)) continue;
    seen.add(key);
    if (evaluateAt(ell, ys, alpha).num === 0n) continue;
    const image = primitiveImage(univariateImage(f, x, ys, alpha));
    if (zgcd(image, zderivative(image)).length !== 1) continue;
    const images = factorUnivariate(image).factors.map((u) => u.factor);
    if (images.length === 1) return [{ alpha, images }];
    if (images.length < best) {
      best = images.length;
      configs = [];
    }
    if (images.length === best) configs.push({ alpha, images });
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

/** Factor recombination for points with extraneous image factors (two-factor lifts). */
function recombine(f: QPoly, x: number, ys: number[], { alpha, images }: Config): QPoly[] {
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
export function wangFactor(f: QPoly, x: number): QPoly[] {
  const ys = f.support().filter((v) => v !== x);
  const configs = chooseConfigs(f, x, ys);
  if (configs[0].images.length === 1) return [integerPrimitive(f)];
  for (const c of configs) {
    const factors = liftGroups(f, x, ys, c.alpha, c.images);
    if (factors) return factors;
  }
  return recombine(f, x, ys, configs[0]);
}
