import { rational } from '../../../src/arithmetic/rational';
import { Deadline, ResourceLimitError, TimeoutError } from '../../../src/errors';
import { factorModP, factorUnivariate, isIrreducible, rationalRoots, MAX_SUBSETS_PER_SIZE, recombine } from '../../../src/poly/factor';
import { cyclotomic, expand, mul, prod, sameRational, swinnertonDyer, xn } from './helpers';

const ints = (f: readonly bigint[]) => f.map((c) => rational(c));

describe('factorUnivariate: known factorizations', () => {
  test('6x² + 5x + 1 = (2x + 1)(3x + 1)', () => {
    const r = factorUnivariate([1n, 5n, 6n]);
    expect(r.unit).toEqual(rational(1n));
    expect(r.factors).toEqual([
      { factor: [1n, 2n], multiplicity: 1 },
      { factor: [1n, 3n], multiplicity: 1 },
    ]);
  });

  test('x⁸ − 1 = (x − 1)(x + 1)(x² + 1)(x⁴ + 1)', () => {
    const r = factorUnivariate(xn(8, -1n));
    expect(r.factors.map((f) => f.factor)).toEqual([[-1n, 1n], [1n, 1n], [1n, 0n, 1n], [1n, 0n, 0n, 0n, 1n]]);
  });

  test.each([12, 30, 36, 60])('x^%i − 1 is the product of the Φ_d, d | n', (n) => {
    const r = factorUnivariate(xn(n, -1n));
    const expected = [];
    for (let d = 1; d <= n; d++) if (n % d === 0) expected.push(cyclotomic(d));
    const key = (f: bigint[]) => f.length + ':' + f.join(',');
    expect(r.factors.map((f) => key(f.factor)).sort()).toEqual(expected.map(key).sort());
    expect(r.factors.every((f) => f.multiplicity === 1)).toBe(true);
  });

  test('rational coefficients, a negative unit, powers of x and multiplicities', () => {
    // −(3/2)·x²·(x − 1)³·(x² + 2)
    const f = mul(mul(mul([0n, 0n, 1n], [-1n, 3n, -3n, 1n]), [2n, 0n, 1n]), [-3n]);
    const fr = f.map((c) => rational(c, 2n));
    const r = factorUnivariate(fr);
    expect(r.unit).toEqual(rational(-3n, 2n));
    expect(r.factors).toEqual([
      { factor: [-1n, 1n], multiplicity: 3 },
      { factor: [0n, 1n], multiplicity: 2 },
      { factor: [2n, 0n, 1n], multiplicity: 1 },
    ]);
    expect(sameRational(expand(r), fr)).toBe(true);
  });

  test('constants are units with no factors; zero is an input error', () => {
    expect(factorUnivariate([rational(-7n, 3n)])).toEqual({ unit: rational(-7n, 3n), factors: [] });
    expect(() => factorUnivariate([])).toThrow('zero polynomial');
  });

  test('Wilkinson (x − 1)…(x − 20) splits into its twenty linear factors', () => {
    const w = prod(Array.from({ length: 20 }, (_, i) => [BigInt(-(i + 1)), 1n]));
    const r = factorUnivariate(w);
    expect(r.factors.map((f) => f.factor)).toEqual(Array.from({ length: 20 }, (_, i) => [BigInt(-(20 - i)), 1n]));
  });

  test('Swinnerton-Dyer times a planted factor: the planted factor is found, SD stays whole', () => {
    const sd = swinnertonDyer([2, 3, 5]);
    const r = factorUnivariate(mul(sd, [1n, 1n, 1n]));
    expect(r.factors.map((f) => f.factor)).toEqual([[1n, 1n, 1n], sd]);
  });
});

describe('irreducibility', () => {
  test('x⁴ + 1 and the Swinnerton-Dyer polynomials of degree 4, 8, 16 are irreducible', () => {
    expect(isIrreducible(xn(4, 1n))).toBe(true);
    expect(isIrreducible([1n, 0n, -10n, 0n, 1n])).toBe(true);
    expect(swinnertonDyer([2, 3])).toEqual([1n, 0n, -10n, 0n, 1n]);
    expect(isIrreducible(swinnertonDyer([2, 3, 5]))).toBe(true);
    expect(isIrreducible(swinnertonDyer([2, 3, 5, 7]))).toBe(true);
  });

  test('Swinnerton-Dyer of degree 32 (16 quadratic factors mod p, recombined by the lattice) is irreducible', () => {
    const sd = swinnertonDyer([2, 3, 5, 7, 11]);
    expect(sd.length).toBe(33);
    expect(factorUnivariate(sd).factors).toEqual([{ factor: sd, multiplicity: 1 }]);
  });

  test('the cyclotomic polynomials Φ_n, n ≤ 30, are irreducible', () => {
    for (let n = 1; n <= 30; n++) expect([n, isIrreducible(cyclotomic(n))]).toEqual([n, true]);
  });

  test('x^n − 2 is irreducible (Eisenstein at 2), n ≤ 12', () => {
    for (let n = 1; n <= 12; n++) expect(isIrreducible(xn(n, -2n))).toBe(true);
  });

  test('reducible inputs, constants and squares are not irreducible', () => {
    expect(isIrreducible(xn(4, -1n))).toBe(false);
    expect(isIrreducible([5n])).toBe(false);
    expect(isIrreducible(mul([1n, 0n, 1n], [1n, 0n, 1n]))).toBe(false);
    expect(isIrreducible([0n, 1n])).toBe(true);
    expect(isIrreducible(ints([0n, 0n, 1n]))).toBe(false);
  });
});

describe('rationalRoots', () => {
  test('finds the planted roots and only those', () => {
    const f = prod([[1n, 2n], [-3n, 4n], [0n, 1n], [5n, 0n, 1n], [-7n, 1n], [-7n, 1n]]);
    expect(rationalRoots(f)).toEqual([rational(-1n, 2n), rational(0n), rational(3n, 4n), rational(7n)]);
    expect(rationalRoots(xn(4, 1n))).toEqual([]);
    expect(rationalRoots([3n])).toEqual([]);
  });
});

describe('factorModP', () => {
  test('x² − 1 mod 7 and x⁴ + 1 mod 3 (which splits into two quadratics)', () => {
    expect(factorModP([6, 0, 1], 7)).toEqual({ lc: 1, factors: [{ factor: [1, 1], multiplicity: 1 }, { factor: [6, 1], multiplicity: 1 }] });
    const r = factorModP([1, 0, 0, 0, 1], 3);
    expect(r.factors.map((f) => f.factor)).toEqual([[2, 1, 1], [2, 2, 1]]);
  });

  test('multiplicities and a leading coefficient mod 5, and p = 2', () => {
    // 3·(x + 1)²·x mod 5
    const r = factorModP([0, 3, 6, 3], 5);
    expect(r).toEqual({ lc: 3, factors: [{ factor: [0, 1], multiplicity: 1 }, { factor: [1, 1], multiplicity: 2 }] });
    // x^4 + x = x(x + 1)(x² + x + 1) over GF(2)
    expect(factorModP([0, 1, 0, 0, 1], 2).factors.map((f) => f.factor)).toEqual([[0, 1], [1, 1], [1, 1, 1]]);
  });

  test('x^15 − 1 and x^63 − 1 over GF(2) (equal-degree splitting by the trace map)', () => {
    const f = new Array<number>(16).fill(0);
    [f[0], f[15]] = [1, 1];
    expect(factorModP(f, 2).factors.map((x) => x.factor)).toEqual([[1, 1], [1, 1, 1], [1, 1, 0, 0, 1], [1, 0, 0, 1, 1], [1, 1, 1, 1, 1]]);
    const g = new Array<number>(64).fill(0);
    [g[0], g[63]] = [1, 1];
    // 1 + 1 + 2 + 9 irreducible factors of degrees 1, 2, 3, 6 (the divisors of 6 = ord_63(2)).
    expect(factorModP(g, 2).factors.map((x) => x.factor.length - 1)).toEqual([1, 2, 3, 3, 6, 6, 6, 6, 6, 6, 6, 6, 6]);
  });
});

describe('Swinnerton-Dyer modulo primes', () => {
  test('x⁴ − 10x² + 1 splits modulo every prime into factors of degree ≤ 2, yet is irreducible over Q', () => {
    for (const p of [2, 3, 5, 7, 11, 13, 101, 65521]) {
      const r = factorModP([1, 0, -10, 0, 1], p);
      expect(r.factors.every((f) => f.factor.length - 1 <= 2)).toBe(true);
    }
    expect(factorUnivariate([1n, 0n, -10n, 0n, 1n]).factors.length).toBe(1);
    expect(() => factorModP([1, 1], 9)).toThrow('prime');
  });
});

describe('the recombination guard', () => {
  test('more subsets than the documented limit raise a ResourceLimitError', () => {
    // 40 fake "modular factors" of x − 1 modulo a small M: the subsets of size 1 fail, size 2 fail, …
    const fake = Array.from({ length: 40 }, () => [3n, 1n]);
    const f = [5n, 0n, 0n, 1n];
    expect(MAX_SUBSETS_PER_SIZE).toBe(2704156);
    expect(() => recombine(f, fake, 101n)).toThrow(ResourceLimitError);
  });

  test('an expired deadline stops the subset search with a TimeoutError', () => {
    const fake = Array.from({ length: 24 }, () => [3n, 1n]);
    const deadline = new Deadline(0, 'factorization');
    expect(() => recombine([5n, 0n, 0n, 1n], fake, 101n, { deadline })).toThrow(TimeoutError);
    expect(() => recombine([5n, 0n, 0n, 1n], fake, 101n, { timeout: 0 })).toThrow(TimeoutError);
  });
});
