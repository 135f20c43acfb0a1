/**
 * Signed permutations of named variables: the linear maps x ↦ σ(x) with σ(x)ᵢ = sᵢ·x_{π(i)}
 * (π a permutation, sᵢ = ±1), the form every discrete symmetry of a network's loss takes here
 * (hidden-unit permutations, sign flips; Chen, Lu and Hecht-Nielsen 1993, "On the geometry of
 * feedforward neural network error surfaces", Neural Computation 5).
 *
 * Representation: the variables in a fixed order and, per variable i, the index `source[i]` = π(i)
 * and the sign `sign[i]`. Maps are immutable; `compose(σ, τ)` is σ∘τ (τ first). A signed
 * permutation is orthogonal, so it acts on everything a solver returns without leaving Q:
 * - on polynomials by pull-back f ↦ f∘σ (a permutation of exponents and a sign per term); the
 *   ideal of σ(V) is {g∘σ⁻¹ : g ∈ I(V)};
 * - on a finite component's parametrization xᵢ = uᵢ(θ)/d(θ): σ(x)ᵢ = sᵢ·u_{π(i)}(θ)/d(θ), the
 *   same θ and minimal polynomial;
 * - on rational points and exact boxes of real points, coordinate by coordinate.
 * Variables of a ring that σ does not name are left fixed.
 */
import { QQ } from '../arithmetic/field';
import { Rational, parseRational, rationalToString, rneg } from '../arithmetic/rational';
import { InputError } from '../errors';
import { Polynomial } from '../poly/polynomial';
import { UPoly } from '../poly/univariate';
import { ComponentParametrizationData } from '../solve/zero-dimensional';

/** x ↦ σ(x) with σ(x)ᵢ = sign[i]·x_{source[i]} over the variables `vars`. */
export interface SignedPermutation {
  readonly vars: readonly string[];
  readonly source: readonly number[];
  readonly sign: readonly (1 | -1)[];
}

/** The identity on `vars`. */
export function identityPermutation(vars: readonly string[]): SignedPermutation {
  return { vars, source: vars.map((_, i) => i), sign: vars.map(() => 1 as const) };
}

/**
 * The signed permutation with σ(x)_v = ±x_w for each entry v ↦ [w, ±1] of `images` (other
 * variables fixed); throws when the images are not a permutation.
 */
export function signedPermutation(vars: readonly string[], images: ReadonlyMap<string, readonly [string, 1 | -1]>): SignedPermutation {
  const index = new Map(vars.map((v, i) => [v, i]));
  const source = vars.map((_, i) => i);
  const sign: (1 | -1)[] = vars.map(() => 1);
  for (const [v, [w, s]] of images) {
    const i = index.get(v);
    const j = index.get(w);
    if (i === undefined || j === undefined) throw new InputError(`signed permutation: unknown variable '${i === undefined ? v : w}'`);
    source[i] = j;
    sign[i] = s;
  }
  if (new Set(source).size !== vars.length) throw new InputError('signed permutation: the images are not a permutation');
  return { vars, source, sign };
}

/** The same map over the variables `vars` in that order (a reordering of σ's, e.g. the canonical order). */
export function reorder(sigma: SignedPermutation, vars: readonly string[]): SignedPermutation {
  const act = actionOn(sigma, vars);
  if (vars.length !== sigma.vars.length || act.some((a) => a === undefined)) throw new InputError('reorder: the variables are not those of the permutation');
  return { vars, source: act.map((a) => (a as [number, 1 | -1])[0]), sign: act.map((a) => (a as [number, 1 | -1])[1]) };
}

/** σ∘τ: first τ, then σ (both over the same variables). */
export function compose(sigma: SignedPermutation, tau: SignedPermutation): SignedPermutation {
  // σ(τ(x))ᵢ = sᵢ·τ(x)_{π(i)} = sᵢ·t_{π(i)}·x_{ρ(π(i))}.
  return { vars: sigma.vars, source: sigma.source.map((j) => tau.source[j]), sign: sigma.sign.map((s, i) => (s * tau.sign[sigma.source[i]]) as 1 | -1) };
}

/** σ⁻¹. */
export function inverse(sigma: SignedPermutation): SignedPermutation {
  // y = σ(x): x_{π(i)} = sᵢ·yᵢ.
  const source = new Array<number>(sigma.vars.length);
  const sign = new Array<1 | -1>(sigma.vars.length);
  sigma.source.forEach((j, i) => {
    source[j] = i;
    sign[j] = sigma.sign[i];
  });
  return { vars: sigma.vars, source, sign };
}

export function isIdentity(sigma: SignedPermutation): boolean {
  return sigma.source.every((j, i) => j === i && sigma.sign[i] === 1);
}

export function samePermutation(a: SignedPermutation, b: SignedPermutation): boolean {
  return a.source.every((j, i) => j === b.source[i] && a.sign[i] === b.sign[i]);
}

/** The moved variables as text: `{ w0_0: '-w1_0', … }` says σ(x)_{w0_0} = −x_{w1_0}. */
export function permutationText(sigma: SignedPermutation): Record<string, string> {
  const out: Record<string, string> = {};
  sigma.source.forEach((j, i) => {
    if (j !== i || sigma.sign[i] !== 1) out[sigma.vars[i]] = `${sigma.sign[i] < 0 ? '-' : ''}${sigma.vars[j]}`;
  });
  return out;
}

/** For each variable of `vars` (by name): [the index of its source in `vars`, the sign]; undefined where σ leaves it. */
function actionOn(sigma: SignedPermutation, vars: readonly string[]): ([number, 1 | -1] | undefined)[] {
  const index = new Map(vars.map((v, i) => [v, i]));
  const own = new Map(sigma.vars.map((v, i) => [v, i]));
  return vars.map((v) => {
    const i = own.get(v);
    if (i === undefined) return undefined;
    const j = index.get(sigma.vars[sigma.source[i]]);
    if (j === undefined) throw new InputError(`signed permutation: '${sigma.vars[sigma.source[i]]}' is not a variable of the ring`);
    return [j, sigma.sign[i]];
  });
}

/** f∘σ, in f's ring: xᵢ replaced by sᵢ·x_{π(i)}. */
export function pullBack(f: Polynomial<Rational>, sigma: SignedPermutation): Polynomial<Rational> {
  const R = f.ring;
  const act = actionOn(sigma, R.vars);
  const monos: number[][] = [];
  const coeffs: Rational[] = [];
  for (let t = 0; t < f.length; t++) {
    const m = f.monomials[t];
    const e = new Array<number>(R.nvars + 1).fill(0);
    e[0] = m[0];
    let negative = false;
    for (let i = 0; i < R.nvars; i++) {
      if (m[i + 1] === 0) continue;
      const a = act[i];
      const j = a ? a[0] : i;
      e[j + 1] += m[i + 1];
      if (a && a[1] < 0 && m[i + 1] % 2 === 1) negative = !negative;
    }
    monos.push(e);
    coeffs.push(negative ? rneg(f.coefficients[t]) : f.coefficients[t]);
  }
  return R.normalize(monos, coeffs);
}

/** The parametrization of σ(C) for a finite component C: numerators sᵢ·u_{π(i)}, the same θ, q and d. */
export function imageParametrization(data: ComponentParametrizationData, sigma: SignedPermutation): ComponentParametrizationData {
  const act = actionOn(sigma, data.ring.vars);
  const numerators = data.numerators.map((u, i): UPoly<Rational> => {
    const a = act[i];
    if (!a) return u;
    const v = data.numerators[a[0]];
    return a[1] > 0 ? v : v.map((c) => QQ.neg(c));
  });
  return { ...data, numerators };
}

/** σ(p) for a point given by exact coordinates (rational text by name). */
export function imagePoint(point: Readonly<Record<string, string>>, sigma: SignedPermutation): Record<string, string> {
  const out: Record<string, string> = { ...point };
  sigma.vars.forEach((v, i) => {
    const x = point[sigma.vars[sigma.source[i]]];
    if (x !== undefined) out[v] = sigma.sign[i] > 0 ? x : rationalToString(rneg(parseRational(x)));
  });
  return out;
}

/** σ(B) for an exact box [lo, hi] per coordinate (rational text by name): a negated coordinate's interval is [−hi, −lo]. */
export function imageBox(box: Readonly<Record<string, readonly [string, string]>>, sigma: SignedPermutation): Record<string, [string, string]> {
  const out: Record<string, [string, string]> = Object.fromEntries(Object.entries(box).map(([v, b]) => [v, [b[0], b[1]]]));
  sigma.vars.forEach((v, i) => {
    const b = box[sigma.vars[sigma.source[i]]];
    if (!b) return;
    out[v] = sigma.sign[i] > 0 ? [b[0], b[1]] : [rationalToString(rneg(parseRational(b[1]))), rationalToString(rneg(parseRational(b[0])))];
  });
  return out;
}
