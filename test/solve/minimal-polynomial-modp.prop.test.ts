// The minimal polynomial of an element a of Z/p[T]/q (solve/component-values.ts). Oracles: the
// characteristic polynomial from traces annihilates a (Cayley–Hamilton) and has degree deg q;
// the minimal polynomial it gives (its radical) equals the first dependency among a's powers
// whenever that one is squarefree, and otherwise has a lower degree (such images are skipped by
// the lift); elements of a subfield (a = b(c) with a small b) give their own low degree.
import fc from 'fast-check';
import { characteristicPolynomialByTraces, minimalPolynomialByDependency, minimalPolynomialModP } from '../../src/solve/component-values';
import { gcdModP, mulRemModP, remModP } from '../../src/poly/factor/fp-poly';

const PRIMES = [5, 7, 65521, 2097143];

/** Residues ascending with trailing zeros dropped. */
const trim = (a: number[]): number[] => {
  const b = [...a];
  while (b.length > 0 && b[b.length - 1] === 0) b.pop();
  return b;
};

/** f(a) in Z/p[T]/q, f ascending. */
function evaluateAt(f: readonly number[], a: readonly number[], q: readonly number[], p: number): number[] {
  let acc: number[] = [];
  for (let i = f.length - 1; i >= 0; i--) {
    acc = trim(mulRemModP(acc, a, q, p));
    acc[0] = ((acc[0] ?? 0) + f[i]) % p;
    acc = trim(acc);
  }
  return acc;
}

/** a monic q of degree D and an element a reduced modulo q. */
const arbInstance = fc.constantFrom(...PRIMES).chain((p) =>
  fc.integer({ min: 1, max: 24 }).chain((D) =>
    fc.tuple(
      fc.constant(p),
      fc.array(fc.integer({ min: 0, max: p - 1 }), { minLength: D, maxLength: D }).map((low) => [...low, 1]),
      fc.array(fc.integer({ min: 0, max: p - 1 }), { minLength: 0, maxLength: D }),
    ),
  ),
);

describe('minimal polynomials in Z/p[T]/q', () => {
  test('the characteristic polynomial from traces annihilates a and the minimal polynomial is its radical', () => {
    fc.assert(
      fc.property(arbInstance, ([p, q, a0]) => {
        const D = q.length - 1;
        const a = trim(remModP(a0, q, p));
        if (D >= p) return; // traces need k⁻¹ for k ≤ D
        const chi = characteristicPolynomialByTraces(a, q, p);
        expect(chi.length).toBe(D + 1);
        expect(chi[D]).toBe(1);
        expect(evaluateAt(chi, a, q, p)).toEqual([]);
        const mu = minimalPolynomialModP(a, q, p);
        const dependency = minimalPolynomialByDependency(a, q, p);
        const derivative = dependency.slice(1).map((c, i) => ((i + 1) * c) % p);
        const squarefree = gcdModP(dependency, derivative, p).length === 1;
        if (squarefree) expect(mu).toEqual(dependency);
        else expect(mu.length).toBeLessThan(dependency.length);
      }),
      { seed: 20261204, numRuns: 300 },
    );
  });

  test('an element of a subfield has the degree of its own minimal polynomial', () => {
    // q = r(T²) with r = X³ + X² + 3X + 5: a = T² is a root of r, of degree 3 in an algebra of
    // dimension 6 (its characteristic polynomial is r², whose radical is r).
    const p = 2097143;
    const q = [5, 0, 3, 0, 1, 0, 1]; // T⁶ + T⁴ + 3T² + 5
    const a = [0, 0, 1];
    const mu = minimalPolynomialModP(a, q, p);
    const dependency = minimalPolynomialByDependency(a, q, p);
    expect(mu).toEqual(dependency);
    expect(mu).toEqual([5, 3, 1, 1]); // X³ + X² + 3X + 5: T² is a root of r
  });
});
