/**
 * A vector of rationals as integer numerators over one common denominator, the form in which
 * multi-modular algorithms reduce their data over Q modulo each prime: one modular inverse per
 * vector instead of one per entry. Entries are reduced into [0, p) for p < 2^26 (every product of
 * two residues is exact in a double).
 */
import { gcd, modInverse } from './integers';
import { Rational } from './rational';

/** A vector of rationals as integer numerators over one common denominator. */
export interface ScaledVector {
  nums: bigint[];
  den: bigint;
}

/** The vector over the lcm of its denominators. Example: [1/2, 1/3] is { nums: [3n, 2n], den: 6n }. */
export function scaled(xs: readonly Rational[]): ScaledVector {
  let den = 1n;
  for (const x of xs) if (den % x.den !== 0n) den = (den / gcd(den, x.den)) * x.den;
  return { nums: xs.map((x) => x.num * (den / x.den)), den };
}

/** The vector modulo p, or undefined when p divides its denominator (one inverse per vector). */
export function reduceModP(v: ScaledVector, p: number): Float64Array | undefined {
  const P = BigInt(p);
  const d = Number(v.den % P);
  if (d === 0) return undefined;
  const inv = Number(modInverse(BigInt(d), P));
  const out = new Float64Array(v.nums.length);
  for (let k = 0; k < v.nums.length; k++) {
    let r = Number(v.nums[k] % P);
    if (r < 0) r += p;
    out[k] = (r * inv) % p;
  }
  return out;
}
