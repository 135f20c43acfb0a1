// Distinct-degree factorization over Z/p (poly/factor/distinct-degree.ts), whose gcds are batched
// by blocks of degrees above degree 16. Oracle: the textbook loop (h = x^(p^d) mod f by powering,
// gcd(h − x, rest) at every d, von zur Gathen–Gerhard Alg. 14.3) written here with the generic
// univariate arithmetic gives the same pieces, in the same order; the pieces multiply back to f.
import fc from 'fast-check';
import { Zp } from '../../../src/arithmetic/field';
import { distinctDegreeFactor, upowmod } from '../../../src/poly/factor';
import { UPoly, uderivative, uexactDiv, ugcd, umonic, umul, usub } from '../../../src/poly/univariate';

const PRIMES = [3, 7, 101, 65521, 2097143];

function textbook(p: number, f: UPoly<number>): { degree: number; product: UPoly<number> }[] {
  const F = Zp(p);
  const x: UPoly<number> = [0, 1];
  const out: { degree: number; product: UPoly<number> }[] = [];
  let rest = f;
  let h = x;
  for (let d = 1; 2 * d <= rest.length - 1; d++) {
    h = upowmod(F, h, BigInt(p), f);
    const g = umonic(F, ugcd(F, usub(F, h, x), rest));
    if (g.length > 1) {
      out.push({ degree: d, product: g });
      rest = uexactDiv(F, rest, g);
    }
  }
  if (rest.length > 1) out.push({ degree: rest.length - 1, product: rest });
  return out;
}

/** A monic product of random monic factors (degrees 1–12), of degree 16 to 60. */
const arbCase = fc.constantFrom(...PRIMES).chain((p) =>
  fc.tuple(
    fc.constant(p),
    fc.array(
      fc.integer({ min: 1, max: 12 }).chain((k) => fc.array(fc.integer({ min: 0, max: p - 1 }), { minLength: k, maxLength: k }).map((low) => [...low, 1])),
      { minLength: 2, maxLength: 8 },
    ),
  ),
);

describe('distinctDegreeFactor', () => {
  test('the batched gcds give the textbook loop’s pieces, which multiply back to f', () => {
    let checked = 0;
    fc.assert(
      fc.property(arbCase, ([p, factors]) => {
        const F = Zp(p);
        const f = factors.reduce<UPoly<number>>((a, b) => umul(F, a, b), [1]);
        if (f.length - 1 < 16) return;
        if (ugcd(F, f, uderivative(F, f)).length > 1) return; // square-free inputs only
        checked++;
        const pieces = distinctDegreeFactor(F, f);
        expect(pieces).toEqual(textbook(p, f));
        expect(pieces.reduce<UPoly<number>>((a, pc) => umul(F, a, pc.product), [1])).toEqual(f);
        for (const pc of pieces) expect((pc.product.length - 1) % pc.degree).toBe(0);
      }),
      { seed: 20261204, numRuns: 150 },
    );
    expect(checked).toBeGreaterThan(30);
  });
});
