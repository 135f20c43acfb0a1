/**
 * Hilbert series of monomial ideals and the degree of an affine variety.
 *
 * For a monomial ideal M ⊂ K[x1..xn], the Hilbert series of K[x]/M is K(t)/(1 − t)^n with the
 * numerator from the recursion K(⟨m1..mr⟩) = K(⟨m1..m(r−1)⟩) − t^deg(mr)·K(⟨m1..m(r−1)⟩ : mr)
 * (Cox–Little–O'Shea, Ideals, Varieties, and Algorithms, §9.2; Bigatti 1997 for the pivot
 * strategy). For an ideal I with a Gröbner basis for a degree-compatible order, the affine
 * Hilbert function of I equals that of ⟨lm(I)⟩ (CLO §9.3), so the degree of V(I) — the
 * number of points cut out by a generic linear space of complementary dimension — is Q(1) where
 * K(t)/(1 − t)^(n+1) = Q(t)/(1 − t)^(d+1), d = dim I.
 */
import { InputError } from '../errors';
import { Monomial, divides } from '../monomials/monomial';
import { isDegreeCompatible } from '../monomials/order';
import { Polynomial } from '../poly/polynomial';

/** Numerator polynomial coefficients (ascending, bigint) of the Hilbert series of K[x]/M. */
export function hilbertNumerator(gens: readonly Monomial[], nvars: number): bigint[] {
  const mins = minimalize(gens);
  return numerator(mins, nvars);
}

function minimalize(gens: readonly Monomial[]): Monomial[] {
  const sorted = [...gens].sort((a, b) => a[0] - b[0]);
  const out: Monomial[] = [];
  for (const m of sorted) if (!out.some((o) => divides(o, m))) out.push(m);
  return out;
}

function addPoly(a: bigint[], b: bigint[], shift = 0, sign = 1n): bigint[] {
  const r = a.slice();
  for (let i = 0; i < b.length; i++) {
    while (r.length <= i + shift) r.push(0n);
    r[i + shift] += sign * b[i];
  }
  return r;
}

function numerator(gens: Monomial[], n: number): bigint[] {
  if (gens.length === 0) return [1n];
  if (gens.length === 1) {
    // 1 − t^d
    const d = gens[0][0];
    const r = new Array<bigint>(d + 1).fill(0n);
    r[0] = 1n;
    r[d] -= 1n;
    return r;
  }
  // All generators pure powers of distinct variables: Π (1 − t^dᵢ).
  if (gens.every((m) => m.slice(1).filter((e) => e > 0).length === 1)) {
    const vars = new Set(gens.map((m) => m.slice(1).findIndex((e) => e > 0)));
    if (vars.size === gens.length) return gens.reduce<bigint[]>((acc, m) => mulPoly(acc, numerator([m], n)), [1n]);
  }
  // Pivot on the last generator: K(M) = K(M') − t^deg(m)·K(M' : m).
  const m = gens[gens.length - 1];
  const rest = gens.slice(0, -1);
  const quotient = minimalize(rest.map((g) => quotientMonomial(g, m)));
  return addPoly(numerator(rest, n), numerator(quotient, n), m[0], -1n);
}

function quotientMonomial(g: Monomial, m: Monomial): Monomial {
  const r = g.map((e, i) => (i === 0 ? 0 : Math.max(0, e - m[i])));
  r[0] = r.reduce((a, b) => a + b, 0);
  return r;
}

function mulPoly(a: bigint[], b: bigint[]): bigint[] {
  const r = new Array<bigint>(a.length + b.length - 1).fill(0n);
  for (let i = 0; i < a.length; i++) for (let j = 0; j < b.length; j++) r[i + j] += a[i] * b[j];
  return r;
}

/**
 * [dimension, degree] of V(I) from a Gröbner basis for a degree-compatible order
 * (dimension −1 and degree 0 for the unit ideal).
 */
export function dimensionAndDegree<T>(G: readonly Polynomial<T>[]): [number, number] {
  const gs = G.filter((g) => !g.isZero());
  if (gs.length === 0) throw new InputError('the degree needs a non-zero ideal (the zero ideal is the whole space, of degree 1)');
  const R = gs[0].ring;
  if (!isDegreeCompatible(R.order)) throw new InputError('the degree needs a Gröbner basis for a degree-compatible order');
  if (gs.some((g) => g.isConstant())) return [-1, 0];
  // Affine Hilbert series: K(t)/(1 − t)^(n+1). Divide K by (1 − t) as long as it vanishes at 1.
  let k = hilbertNumerator(gs.map((g) => g.lm()), R.nvars);
  let power = R.nvars + 1;
  for (;;) {
    const at1 = k.reduce((a, b) => a + b, 0n);
    if (at1 !== 0n) return [power - 1, Number(at1)];
    // k(t) = (1 − t)·q(t): q_i = Σ_{j ≤ i} k_j
    const q: bigint[] = [];
    let s = 0n;
    for (let i = 0; i < k.length - 1; i++) {
      s += k[i];
      q.push(s);
    }
    k = q;
    power--;
  }
}
