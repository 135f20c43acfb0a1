// The WebAssembly kernel of the Krylov products. Oracles: its sums equal the exact sums computed
// with bigints (every column length and count, padding included), and a parametrization modulo p
// is the same with the kernel and with the JavaScript loop.
import fc from 'fast-check';
import { KrylovKernel } from '../../src/solve/krylov-kernel';
import { KrylovShape, ParametrizationImage, parametrizationModP, residueGenerator, useKrylovKernel } from '../../src/solve/krylov';
import { BasisModP, basesModP, separatingCoordinates } from '../../src/solve/separating-coordinates';
import { katsura } from '../../src/systems';
import { groebner } from '../../src/groebner/groebner';
import { QuotientAlgebra } from '../../src/groebner/quotient';
import { multiplyModP } from '../../src/solve/orbit-multiplication';
import { solve } from '../../src/solve/solve';
import { lossGradient, networkLoss } from '../../src/networks/loss';
import { preset } from '../../src/networks/presets';

const P = 2097143; // the largest prime below 2^21

describe('Krylov kernel', () => {
  test('the sums are the exact dot products (odd counts, lengths not a multiple of 4)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 70 }), fc.integer({ min: 0, max: 2 ** 30 }), (nc, D, seed) => {
        const random = residueGenerator(seed + 1);
        const values = Float64Array.from({ length: nc * D }, () => random() % P);
        const v = Float64Array.from({ length: D }, () => random() % P);
        const kernel = KrylovKernel.load(values, nc, D);
        if (!kernel) return; // no WebAssembly SIMD here: nothing to compare
        const sums = Array.from(kernel.sums(v));
        const exact = Array.from({ length: nc }, (_, i) => {
          let s = 0n;
          for (let r = 0; r < D; r++) s += BigInt(values[i * D + r]) * BigInt(v[r]);
          return Number(s);
        });
        expect(sums).toEqual(exact);
      }),
      { numRuns: 200 },
    );
  });

  test('katsura-5 modulo primes: the same image with the kernel and with the JavaScript loop', () => {
    const polys = katsura(5).polynomials;
    const D = new QuotientAlgebra(groebner(polys)).dimension;
    const bases = basesModP(separatingCoordinates(polys, [1n, 2n, 1n, 2n, 1n, 3n]), D, undefined, [2097143, 2097133, 2097131]);
    let shape: KrylovShape | undefined;
    for (const { p, basis, coordinates } of bases as Iterable<BasisModP>) {
      shape ??= KrylovShape.of(basis);
      const images: ParametrizationImage[] = [];
      for (const on of [true, false]) {
        useKrylovKernel(on);
        try {
          images.push(parametrizationModP(basis, coordinates, D, p, residueGenerator(7), shape) as ParametrizationImage);
        } finally {
          useKrylovKernel(true);
        }
      }
      const chi = [...Array.from(images[0].chi), 1];
      expect(Array.from(images[0].chi)).toEqual(Array.from(images[1].chi));
      expect(images[0].numerators([chi])).toEqual(images[1].numerators([chi]));
    }
  });

  test('dense products modulo p (the orbit space\'s matrix of t): the kernel, the loop and bigints agree', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 0, max: 2 ** 30 }), (n, m, w, seed) => {
        const random = residueGenerator(seed + 1);
        // About a third of A's entries are 0, as in the sparse blocks (the loop skips them).
        const A = { rows: n, columns: m, values: Float64Array.from({ length: n * m }, () => (random() % 3 === 0 ? 0 : random() % P)) };
        const B = { rows: m, columns: w, values: Float64Array.from({ length: m * w }, () => random() % P) };
        const products = [true, false].map((on) => {
          useKrylovKernel(on);
          try {
            return Array.from(multiplyModP(A, B, P).values);
          } finally {
            useKrylovKernel(true);
          }
        });
        const exact = Array.from({ length: n * w }, (_, t) => {
          const [i, j] = [Math.floor(t / w), t % w];
          let s = 0n;
          for (let k = 0; k < m; k++) s += BigInt(A.values[i * m + k]) * BigInt(B.values[k * w + j]);
          return Number(s % BigInt(P));
        });
        expect(products[0]).toEqual(exact);
        expect(products[1]).toEqual(exact);
      }),
      { numRuns: 100, seed: 20261204 },
    );
  });

  test('the orbit route on deep-linear:1,2,2,1: the same critical points with the kernel and with the loops', () => {
    const gradient = lossGradient(networkLoss(preset('deep-linear:1,2,2,1')));
    const answers = [true, false].map((on) => {
      useKrylovKernel(on);
      try {
        const r = solve(gradient, { orbits: true });
        return JSON.stringify(r.components.map((c) => [c.kind, c.dimension, 'degree' in c ? c.degree : 0, 'realPoints' in c ? c.realPoints : 0]));
      } finally {
        useKrylovKernel(true);
      }
    });
    expect(answers[0]).toEqual(answers[1]);
    expect(answers[0]).toContain('orbits');
  });
});
