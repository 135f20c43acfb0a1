// Seeded randomness: reproducible streams and the right first two moments.
import { Rng } from '../../src/autodiff/random';

describe('Rng', () => {
  test('same seed, same stream; different seeds differ', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const xs = Array.from({ length: 20 }, () => a.next());
    expect(Array.from({ length: 20 }, () => b.next())).toEqual(xs);
    expect(new Rng(43).next()).not.toBe(xs[0]);
    xs.forEach((x) => expect(x >= 0 && x < 1).toBe(true));
  });
  test('normal samples have mean ≈ 0 and variance ≈ 1; uniform ints cover the range', () => {
    const r = new Rng(1);
    const n = 20000;
    const z = Array.from({ length: n }, () => r.normal());
    const mean = z.reduce((s, v) => s + v, 0) / n;
    const variance = z.reduce((s, v) => s + (v - mean) ** 2, 0) / n;
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(variance - 1)).toBeLessThan(0.05);
    const seen = new Set(Array.from({ length: 500 }, () => r.int(-5, 5)));
    expect([...seen].sort((p, q) => p - q)).toEqual([-5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5]);
  });
  test('shuffle is a permutation', () => {
    const xs = Array.from({ length: 30 }, (_, i) => i);
    expect(new Rng(3).shuffle(xs).sort((p, q) => p - q)).toEqual(xs);
  });
});
