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
});
