/**
 * Seeded randomness: every random number in the autodiff stack comes from an `Rng` built from an
 * explicit integer seed, so experiments and tests reproduce exactly.
 * Representation: the 32-bit state of mulberry32 (period 2³²; ample for initialisations and
 * sampling, not for cryptography). Normal samples by the Box–Muller transform, caching the spare.
 * Reference: T. Ettinger, mulberry32 (2017); Box & Muller, Ann. Math. Statist. 29 (1958).
 */
import { InputError } from '../errors';
import { Shape, Tensor, sizeOf } from './tensor';

/** A seeded pseudo-random generator. */
export class Rng {
  private state: number;
  private spare: number | null = null;
  constructor(seed: number) {
    if (!Number.isFinite(seed)) throw new InputError(`seed must be a finite number, got ${seed}`);
    this.state = (Math.floor(seed) ^ 0x9e3779b9) >>> 0;
  }
  /** Uniform in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** Uniform in [lo, hi). */
  uniform(lo = 0, hi = 1): number {
    return lo + (hi - lo) * this.next();
  }
  /** Integer uniform in [lo, hi] inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  /** Standard normal sample (Box–Muller). */
  normal(mean = 0, std = 1): number {
    if (this.spare !== null) {
      const z = this.spare;
      this.spare = null;
      return mean + std * z;
    }
    let u = 0;
    while (u === 0) u = this.next();
    const v = this.next();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spare = r * Math.sin(2 * Math.PI * v);
    return mean + std * r * Math.cos(2 * Math.PI * v);
  }
  /** A random element of an array. */
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)];
  }
  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(xs: readonly T[]): T[] {
    const a = xs.slice();
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [a[i], a[j]] = [a[j], a[i]];
    }
    return a;
  }
  /** A tensor of uniform samples in [lo, hi). */
  uniformTensor(shape: Shape, lo: number, hi: number): Tensor {
    return new Tensor(Float64Array.from({ length: sizeOf(shape) }, () => this.uniform(lo, hi)), shape);
  }
  /** A tensor of normal samples. */
  normalTensor(shape: Shape, mean = 0, std = 1): Tensor {
    return new Tensor(Float64Array.from({ length: sizeOf(shape) }, () => this.normal(mean, std)), shape);
  }
}
