/**
 * Quadratic interval refinement (Abbott 2006): shrinks an isolating interval of a simple real root
 * of an integer polynomial F to a given width, with exact signs, bisection's robustness and, once
 * near the root, quadratic convergence.
 *
 * The interval (a, b) has dyadic ends on a common grid a = A/2^m, b = B/2^m, and F changes sign
 * across it. A step with N = 2^g predicts the root by the secant through (a, F(a)) and (b, F(b)),
 * rounds the prediction to the grid of N equal parts of (a, b), and checks the signs of F at that
 * grid point and at its neighbour towards the sign change: when they bracket the root, the interval
 * shrinks N times and g doubles; otherwise the checked points still cut the interval where they can
 * and g halves, down to plain bisection (g = 1). Far from the root the secant is poor and the
 * steps are bisections; near a simple root it is good to about twice the bits of the width, so g
 * doubles every step. Every step costs at most two evaluations of F. Signs come from
 * `zsampleDyadic` (fixed-point interval Horner, the exact value when the enclosures contain 0 —
 * then possibly an exact root, returned as a degenerate interval), which also gives the values the
 * secant needs; their accuracy only affects the speed. Reference: J. Abbott, "Quadratic Interval Refinement for Real
 * Roots", 2006; Kerber & Sagraloff, "Efficient real root approximation", ISSAC 2011.
 */
import { absBig, bitLength } from '../../arithmetic/integers';
import { zsampleDyadic } from '../../poly/dyadic-interval';

/** An isolating interval (A/2^m, B/2^m), or the exact root X/2^m when `exact`. */
export interface DyadicBracket {
  A: bigint;
  B: bigint;
  m: number;
  exact: boolean;
}

/**
 * Refines the bracket (A/2^m, B/2^m) of the only root of the square-free F in it (F(A/2^m) of sign
 * sA ≠ 0, F(B/2^m) of the other sign) until B − A ≤ 2^(m − bits), i.e. a width of at most 2^−bits.
 */
export function quadraticRefinement(F: readonly bigint[], A0: bigint, B0: bigint, m0: number, sA: -1 | 1, bits: number): DyadicBracket {
  let A = A0;
  let B = B0;
  let m = m0;
  let fa = zsampleDyadic(F, A, m);
  let fb = zsampleDyadic(F, B, m);
  // An interval already refined to many bits is usually close enough for the secant to gain
  // about as many bits again; a wide one (from isolation) starts with 4 parts.
  const startBits = m - bitLength(B - A);
  let g = startBits >= 24 ? startBits >> 1 : 2;
  // Put the grid on m + d bits.
  const refine = (d: number): void => {
    if (d <= 0) return;
    A <<= BigInt(d);
    B <<= BigInt(d);
    m += d;
  };
  // Until (B − A)/2^m ≤ 2^−bits.
  while ((B - A) << BigInt(bits) > 1n << BigInt(m)) {
    // Never ask for more parts than the bits still needed.
    const widthBits = m - (bitLength(B - A) - 1); // width ≈ 2^−widthBits
    g = Math.max(1, Math.min(g, bits - widthBits + 1));
    const N = 1n << BigInt(g);
    // The grid of N parts: B − A divisible by N.
    const W = B - A;
    const twos = trailingZeros(W);
    if (twos < g) refine(g - twos);
    const step = (B - A) >> BigInt(g);
    if (g === 1) {
      const mid = A + step;
      const s = zsampleDyadic(F, mid, m);
      if (s.sign === 0) return { A: mid, B: mid, m, exact: true };
      if (s.sign === sA) [A, fa] = [mid, s];
      else [B, fb] = [mid, s];
      g = 2;
      continue;
    }
    // Secant: the root is near a + (b − a)·|F(a)|/(|F(a)| + |F(b)|).
    const w = Math.max(fa.w, fb.w);
    const va = absBig(fa.v << BigInt(w - fa.w));
    const vb = absBig(fb.v << BigInt(w - fb.w));
    let i = (2n * N * va + va + vb) / (2n * (va + vb)); // round(N·va/(va + vb))
    if (i < 1n) i = 1n;
    if (i > N - 1n) i = N - 1n;
    const X = A + i * step;
    const s = zsampleDyadic(F, X, m);
    if (s.sign === 0) return { A: X, B: X, m, exact: true };
    if (s.sign === sA) {
      A = X;
      fa = s;
      const Y = X + step;
      if (Y === B) {
        g *= 2;
        continue;
      }
      if (Y < B) {
        const t = zsampleDyadic(F, Y, m);
        if (t.sign === 0) return { A: Y, B: Y, m, exact: true };
        if (t.sign === sA) [A, fa] = [Y, t];
        else {
          [B, fb] = [Y, t];
          g *= 2;
          continue;
        }
      }
    } else {
      B = X;
      fb = s;
      const Y = X - step;
      if (Y === A) {
        g *= 2;
        continue;
      }
      if (Y > A) {
        const t = zsampleDyadic(F, Y, m);
        if (t.sign === 0) return { A: Y, B: Y, m, exact: true };
        if (t.sign !== sA) [B, fb] = [Y, t];
        else {
          [A, fa] = [Y, t];
          g *= 2;
          continue;
        }
      }
    }
    g = Math.max(1, g >> 1);
  }
  return { A, B, m, exact: false };
}

function trailingZeros(x: bigint): number {
  if (x === 0n) return 0;
  let t = 0;
  while ((x & 0xffffffffn) === 0n) {
    x >>= 32n;
    t += 32;
  }
  while ((x & 1n) === 0n) {
    x >>= 1n;
    t++;
  }
  return t;
}
