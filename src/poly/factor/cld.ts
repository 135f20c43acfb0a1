/**
 * The data of van Hoeij's knapsack: coefficients of the logarithmic derivative ("CLD") f·u′/u of
 * the lifted modular factors u of f, and rigorous bounds on the same coefficients of f·g′/g for
 * the true factors g of f over Z.
 *
 * For a factor g = lc(g)·Π_{i∈S} uᵢ (mod p^a) of f, g′/g = Σ_{i∈S} uᵢ′/uᵢ, so f·g′/g ∈ Z[x] is
 * congruent to the sum over S of f·uᵢ′/uᵢ: a knapsack whose solutions are small. The j-th
 * coefficient of f·g′/g = Σ_{g(α)=0} f/(x − α) is Σ_{k>j} f_k α^(k−j−1) = −Σ_{k≤j} f_k α^(k−j−1)
 * for each root α; with A(ρ) = Σ_{k>j} |f_k|ρ^(k−j−1) increasing and C(ρ) = Σ_{k≤j} |f_k|ρ^(k−j−1)
 * decreasing in ρ = |α|, min(A(ρ), C(ρ)) ≤ max(A(ρ₀), C(ρ₀)) for every ρ₀ > 0, so
 * n·max(A(ρ₀), C(ρ₀)) bounds it whatever the roots (Belabas–van Hoeij–Klüners–Steel, "Factoring
 * polynomials over global fields", 2009, Lemma 4.3; Novocin's thesis, 2008). ρ₀ is a power of two
 * chosen in floating point; the bound itself is evaluated exactly (rounded up), so it is rigorous.
 *
 * The modular coefficients come without any division of f: the top ones from the power sums
 * p_k of the roots of u (Newton's identities), since f·u′/u = f·Σ_k p_k x^(−k−1) has
 * coefficient Σ_{k≤j} f_{n−j+k}·p_k at x^(n−1−j); the bottom ones from the power sums P_k of the
 * reciprocal roots, since u′/u = −Σ_k P_{k+1} x^k as a power series (this needs u(0) to be a unit
 * modulo p; the one factor divisible by x modulo p, if any, takes every coefficient from the top).
 * Representation: `ZPoly` (bigint, ascending); residues modulo P = p^a in [0, P).
 */
import { modInverse, modulo } from '../../arithmetic/integers';
import { Deadline } from '../../errors';
import { ZPoly } from './zpoly';

function log2Big(x: bigint): number {
  if (x === 0n) return -Infinity;
  const bits = x.toString(16).length * 4;
  return bits <= 1000 ? Math.log2(Number(x)) : bits - 64 + Math.log2(Number(x >> BigInt(bits - 64)));
}

/** ⌈x·2^s⌉ for x ≥ 0 and any integer s. */
function scaleUp(x: bigint, s: number): bigint {
  if (s >= 0) return x << BigInt(s);
  const d = BigInt(-s);
  return (x + (1n << d) - 1n) >> d;
}

/** An upper bound on max(A(2^e), C(2^e)) for coefficient j (exact integer arithmetic). */
function boundAt(absF: readonly bigint[], j: number, e: number): bigint {
  let A = 0n;
  let C = 0n;
  for (let k = j + 1; k < absF.length; k++) A += scaleUp(absF[k], e * (k - j - 1));
  for (let k = 0; k <= j; k++) C += scaleUp(absF[k], -e * (j + 1 - k));
  return A > C ? A : C;
}

/**
 * For each index j in `indices` (0 ≤ j < deg f), a bound on |coefficient of x^j in f·g′/g| for
 * every factor g of f in Z[x] (including f itself). f(0) ≠ 0 is assumed.
 */
export function cldBounds(f: ZPoly, indices: readonly number[]): bigint[] {
  const n = f.length - 1;
  const absF = f.map((c) => (c < 0n ? -c : c));
  const logF = absF.map(log2Big);
  const E = Math.ceil(Math.max(...logF)) + 2;
  // log₂ Σ_{from ≤ k < to} |f_k|·2^(e·(k − j − 1)): A(2^e) for k > j, C(2^e) for k ≤ j.
  const logSum = (from: number, to: number, e: number, j: number): number => {
    let top = -Infinity;
    for (let k = from; k < to; k++) top = Math.max(top, logF[k] + e * (k - j - 1));
    if (top === -Infinity) return top;
    let s = 0;
    for (let k = from; k < to; k++) s += 2 ** (logF[k] + e * (k - j - 1) - top);
    return top + Math.log2(s);
  };
  return indices.map((j) => {
    // The crossing of log A (increasing in e) and log C (decreasing), by bisection in doubles.
    let lo = -E;
    let hi = E;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (logSum(j + 1, n + 1, mid, j) >= logSum(0, j + 1, mid, j)) hi = mid;
      else lo = mid;
    }
    const a = boundAt(absF, j, lo);
    const b = boundAt(absF, j, hi);
    return BigInt(n) * (a < b ? a : b);
  });
}

/** The power sums p_0, …, p_{K−1} of the roots of a monic w (Newton's identities), modulo P. */
function powerSums(w: readonly bigint[], K: number, P: bigint): bigint[] {
  const d = w.length - 1;
  const sums: bigint[] = [BigInt(d) % P];
  for (let k = 1; k < K; k++) {
    let s = k <= d ? BigInt(k) * w[d - k] : 0n;
    for (let t = 1; t <= Math.min(k - 1, d); t++) s += w[d - t] * sums[k - t];
    sums.push(modulo(-s, P));
  }
  return sums;
}

/** The inverses of units modulo P, with one modular inversion (Montgomery's trick). */
function batchInverse(values: readonly bigint[], P: bigint): bigint[] {
  const prefix: bigint[] = [];
  let acc = 1n;
  for (const v of values) {
    prefix.push(acc);
    acc = (acc * v) % P;
  }
  let inv = modInverse(acc, P);
  const out = new Array<bigint>(values.length);
  for (let i = values.length - 1; i >= 0; i--) {
    out[i] = (inv * prefix[i]) % P;
    inv = (inv * values[i]) % P;
  }
  return out;
}

/**
 * The CLD matrix: entry [i][c] is the coefficient of x^(indices[c]) of f·uᵢ′/uᵢ modulo P = p^a,
 * in [0, P), for the monic factors uᵢ of f/lc(f) modulo P. Indices must lie in [0, deg f).
 * Coefficients in the upper half come from the power sums of the roots, the others from those of
 * the reciprocal roots (or also from the roots, for a factor with uᵢ(0) ≡ 0 mod p). The deadline
 * is checked per factor.
 */
export function cldMatrix(f: ZPoly, lifted: readonly ZPoly[], p: number, P: bigint, indices: readonly number[], deadline?: Deadline): bigint[][] {
  const n = f.length - 1;
  const f0 = f.map((c) => modulo(c, P));
  const unit = lifted.map((u) => (u[0] ?? 0n) % BigInt(p) !== 0n);
  const inverses = batchInverse(lifted.map((u, i) => (unit[i] ? u[0] : 1n)), P);
  return lifted.map((u, i) => {
    deadline?.check();
    const fromTop = (j: number): boolean => !unit[i] || n - 1 - j <= j;
    const topOrder = Math.max(0, ...indices.filter(fromTop).map((j) => n - j));
    const bottomOrder = Math.max(0, ...indices.filter((j) => !fromTop(j)).map((j) => j + 2));
    const top = powerSums(u, topOrder, P);
    const bottom = bottomOrder > 0 ? powerSums(u.map((c) => (c * inverses[i]) % P).reverse(), bottomOrder, P) : [];
    return indices.map((j) => {
      let s = 0n;
      if (fromTop(j)) {
        const J = n - 1 - j;
        for (let k = 0; k <= J; k++) s += f0[n - J + k] * top[k];
      } else {
        for (let t = 0; t <= j; t++) s -= f0[j - t] * bottom[t + 1];
      }
      return modulo(s, P);
    });
  });
}
