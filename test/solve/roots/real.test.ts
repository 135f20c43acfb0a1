import { Rational, rational, rcmp, req, rsub } from '../../../src/arithmetic/rational';
import { InputError } from '../../../src/errors';
import { countRealRoots, isolateRealRoots, realRoots, refineRoot, roundSignificant, signAt, RootInterval } from '../../../src/solve/roots';
import { cyclotomic, mul, prod, swinnertonDyer } from '../../poly/factor/helpers';

/** Every interval holds exactly one root (Sturm count on the closed interval), in order, disjoint. */
function checkIsolation(f: readonly bigint[], ivs: RootInterval[]): void {
  expect(ivs.length).toBe(countRealRoots(f));
  for (let i = 0; i < ivs.length; i++) {
    const { lo, hi } = ivs[i];
    expect(rcmp(lo, hi)).toBeLessThanOrEqual(0);
    expect(countRealRoots(f, lo, hi)).toBe(1);
    if (req(lo, hi)) expect(signAt(f, lo)).toBe(0);
    // Open intervals may share an endpoint, which is then not a root.
    if (i > 0) expect(rcmp(ivs[i - 1].hi, lo)).toBeLessThanOrEqual(0);
    if (i > 0 && req(ivs[i - 1].hi, lo)) expect(signAt(f, lo)).not.toBe(0);
  }
}

const r = (n: bigint, d = 1n) => rational(n, d);

describe('isolateRealRoots', () => {
  test('x³ − 2x: the rational root 0 is exact, ±√2 bracketed by dyadic intervals', () => {
    const f = [0n, -2n, 0n, 1n];
    const ivs = isolateRealRoots(f);
    expect(ivs).toEqual([{ lo: r(-2n), hi: r(-1n) }, { lo: r(0n), hi: r(0n) }, { lo: r(1n), hi: r(2n) }]);
    checkIsolation(f, ivs);
  });

  test('Wilkinson (x − 1)…(x − 20): twenty exact roots', () => {
    const w = prod(Array.from({ length: 20 }, (_, i) => [BigInt(-(i + 1)), 1n]));
    const ivs = isolateRealRoots(w);
    expect(ivs).toEqual(Array.from({ length: 20 }, (_, i) => ({ lo: r(BigInt(i + 1)), hi: r(BigInt(i + 1)) })));
  });

  test('perturbed Wilkinson 2^23·w + x^19 has exactly 10 real roots (the classic experiment)', () => {
    const w = prod(Array.from({ length: 20 }, (_, i) => [BigInt(-(i + 1)), 1n])).map((c) => c << 23n);
    w[19] += 1n;
    const ivs = isolateRealRoots(w);
    expect(ivs.length).toBe(10);
    checkIsolation(w, ivs);
  });

  test.each([
    [5, 10],
    [8, 20],
    [12, 50],
    [20, 100],
  ])('Mignotte x^%i − 2(%ix − 1)²: the two close roots near 1/a are separated', (d, a) => {
    const f = mul([-1n, BigInt(a)], [-1n, BigInt(a)]).map((c) => -2n * c);
    while (f.length <= d) f.push(0n);
    f[d] += 1n;
    const ivs = isolateRealRoots(f);
    checkIsolation(f, ivs);
    const near = ivs.filter((iv) => rcmp(iv.lo, r(1n, BigInt(a) * 2n)) > 0 && rcmp(iv.hi, r(2n, BigInt(a))) < 0);
    expect(near.length).toBe(2);
  });

  test('Swinnerton-Dyer of degree 16 has 16 real roots; cyclotomic Φ_n none except via ±1', () => {
    const sd = swinnertonDyer([2, 3, 5, 7]);
    checkIsolation(sd, isolateRealRoots(sd));
    expect(isolateRealRoots(sd).length).toBe(16);
    for (const n of [3, 5, 12, 30]) expect(isolateRealRoots(cyclotomic(n))).toEqual([]);
  });

  test('multiple roots are reported once; rational coefficients; constants have no roots', () => {
    const f = mul(mul([-1n, 1n], [-1n, 1n]), [-3n, 0n, 1n]);
    const ivs = isolateRealRoots(f.map((c) => rational(c, 7n)));
    expect(ivs.length).toBe(3);
    checkIsolation(f, ivs);
    expect(isolateRealRoots([r(5n)])).toEqual([]);
    expect(() => isolateRealRoots([])).toThrow(InputError);
  });
});

describe('refineRoot', () => {
  test('shrinks below epsilon and keeps √2; stops at an exact midpoint root', () => {
    const f = [-2n, 0n, 1n];
    const iv = refineRoot(f, { lo: r(1n), hi: r(2n) }, { bits: 60 });
    expect(rcmp(rsub(iv.hi, iv.lo), r(1n, 1n << 60n))).toBeLessThanOrEqual(0);
    expect(signAt(f, iv.lo) * signAt(f, iv.hi)).toBe(-1);
    const e = refineRoot(f, { lo: r(1n), hi: r(2n) }, { epsilon: r(1n, 1000n) });
    expect(rcmp(rsub(e.hi, e.lo), r(1n, 1000n))).toBeLessThanOrEqual(0);
    expect(refineRoot([-3n, 4n], { lo: r(0n), hi: r(1n) }, { bits: 10 })).toEqual({ lo: r(3n, 4n), hi: r(3n, 4n) });
    expect(() => refineRoot(f, { lo: r(2n), hi: r(3n) }, { bits: 4 })).toThrow(InputError);
  });
});

describe('realRoots decimals', () => {
  test('√2 to 40 digits and the golden ratio', () => {
    const [m, p] = realRoots([-2n, 0n, 1n], { digits: 40 });
    expect(p.decimal).toBe('1.414213562373095048801688724209698078570');
    expect(m.decimal).toBe('-1.414213562373095048801688724209698078570');
    expect(realRoots([-1n, -1n, 1n], { digits: 20 }).map((x) => x.decimal)).toEqual(['-0.61803398874989484820', '1.6180339887498948482']);
  });

  test('exact rational roots print exactly rounded; tiny and huge roots use exponents', () => {
    const f = prod([[-1n, 3n], [1n, 8n]]);
    expect(realRoots(f, { digits: 5 }).map((x) => [x.decimal, x.exact])).toEqual([
      ['-0.12500', true],
      ['0.33333', true],
    ]);
    expect(roundSignificant(rational(2n, 3n), 5)).toBe('0.66667');
    expect(roundSignificant(rational(-999995n, 1000000n), 5)).toBe('-1.0000');
    expect(realRoots([-(10n ** 30n), 1n], { digits: 3 })[0].decimal).toBe('1.00e+30');
    expect(realRoots([-1n, 10n ** 12n, 0n, 1n], { digits: 4 }).map((x) => x.decimal)[0]).toBe('1.000e-12');
  });
});

describe('countRealRoots and signAt', () => {
  test('counts on closed intervals and signs of rational inputs', () => {
    const f = [-2n, 0n, 1n];
    expect(countRealRoots(f)).toBe(2);
    expect(countRealRoots(f, r(0n))).toBe(1);
    expect(countRealRoots(f, undefined, r(0n))).toBe(1);
    expect(countRealRoots([-1n, 0n, 1n], r(-1n), r(1n))).toBe(2);
    expect(countRealRoots([-1n, 0n, 1n], r(-1n, 2n), r(1n, 2n))).toBe(0);
    expect(signAt([r(-1n, 2n), r(0n), r(-1n)], r(3n))).toBe(-1);
    const q: Rational = rational(7n, 5n);
    expect(signAt(f, q)).toBe(-1);
  });
});

describe('isolateRealRoots with the irreducible promise', () => {
  test('gives the same intervals as the full isolation on irreducible inputs', () => {
    // x^n − 2 (Eisenstein at 2), x^n − 3x + 3 (Eisenstein at 3).
    for (let n = 2; n <= 9; n++) {
      for (const f of [[-2n, ...Array(n - 1).fill(0n), 1n], [3n, -3n, ...Array(n - 2).fill(0n), 1n]]) {
        expect(isolateRealRoots(f, { irreducible: true })).toEqual(isolateRealRoots(f));
      }
    }
  });
});
