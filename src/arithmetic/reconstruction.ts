/**
 * Chinese remaindering and rational reconstruction: the lifting steps of modular algorithms.
 *
 * `crt` combines residues modulo coprime moduli; `rationalReconstruction(a, m)` finds n/d with
 * n ≡ a·d (mod m), |n|, d ≤ √(m/2) by the half-extended Euclidean algorithm (Wang 1981;
 * von zur Gathen–Gerhard, Modern Computer Algebra, §5.10). The bound makes the answer unique
 * when it exists; `undefined` says none exists yet (take more primes).
 */
import { approximateBitLength, gcd, isqrt, modInverse, modulo } from './integers';
import { Rational } from './rational';

/** x ≡ a (mod m) and x ≡ b (mod n), m, n coprime: returns [x mod m·n in [0, mn), m·n]. */
export function crtPair(a: bigint, m: bigint, b: bigint, n: bigint): [bigint, bigint] {
  const mn = m * n;
  // x = a + m·((b − a)·m⁻¹ mod n)
  const t = modulo((b - a) * modInverse(m, n), n);
  return [modulo(a + m * t, mn), mn];
}

/** Combines residues[i] modulo moduli[i] (pairwise coprime) into one residue modulo their product. */
export function crt(residues: readonly bigint[], moduli: readonly bigint[]): [bigint, bigint] {
  if (residues.length !== moduli.length || residues.length === 0) throw new RangeError('crt needs equal, non-empty lists');
  let [x, m] = [modulo(residues[0], moduli[0]), moduli[0]];
  for (let i = 1; i < residues.length; i++) [x, m] = crtPair(x, m, residues[i], moduli[i]);
  return [x, m];
}

/** The symmetric representative of a mod m, in (−m/2, m/2]. */
export function symmetricMod(a: bigint, m: bigint): bigint {
  const r = modulo(a, m);
  return r > m / 2n ? r - m : r;
}

/**
 * The rational n/d with n ≡ a·d (mod m), |n| ≤ N, 0 < d ≤ D (default N = D = ⌊√(m/2)⌋),
 * or undefined when there is none. Example: `rationalReconstruction(5n * modInverse(7n, 1009n) % 1009n, 1009n)` is 5/7.
 */
export function rationalReconstruction(a: bigint, m: bigint, N?: bigint, D?: bigint): Rational | undefined {
  if (N === undefined || D === undefined) {
    const bound = isqrt(m / 2n);
    N ??= bound;
    D ??= bound;
  }
  let r0 = m;
  let r1 = modulo(a, m);
  let t0 = 0n;
  let t1 = 1n;
  // The remainder sequence stops at the first r ≤ N, and Lehmer's trick (see `gcd`) runs most of
  // it on the leading 52 bits in doubles: a step is taken there only while the true remainder is
  // sure to stay above N (the simulated one minus the cofactors' error bound), and the last steps
  // are exact. The cofactors t follow the same 2×2 matrices as the remainders.
  while (r1 > N) {
    const bits = approximateBitLength(r0);
    let B = 0;
    let A = 1;
    let C = 0;
    let D = 1;
    if (bits > 60) {
      const shift = BigInt(bits - 52);
      let x = Number(r0 >> shift);
      let y = Number(r1 >> shift);
      const floor = Number(N >> shift) + 1;
      while (y + C !== 0 && y + D !== 0) {
        const q = Math.floor((x + A) / (y + C));
        if (q !== Math.floor((x + B) / (y + D))) break;
        const nc = A - q * C;
        const nd = B - q * D;
        const ny = x - q * y;
        if (ny - Math.abs(nc) - Math.abs(nd) <= floor) break;
        A = C;
        B = D;
        C = nc;
        D = nd;
        x = y;
        y = ny;
      }
    }
    if (B === 0) {
      // One exact step.
      const q = r0 / r1;
      const r2 = r0 - q * r1;
      r0 = r1;
      r1 = r2;
      const t2 = t0 - q * t1;
      t0 = t1;
      t1 = t2;
    } else {
      const [a1, b1, c1, d1] = [BigInt(A), BigInt(B), BigInt(C), BigInt(D)];
      const nr0 = a1 * r0 + b1 * r1;
      r1 = c1 * r0 + d1 * r1;
      r0 = nr0;
      const nt0 = a1 * t0 + b1 * t1;
      t1 = c1 * t0 + d1 * t1;
      t0 = nt0;
    }
  }
  if (t1 === 0n) return undefined;
  let num = r1;
  let den = t1;
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  if (den > D || gcd(num, den) !== 1n) return undefined;
  return { num, den };
}
