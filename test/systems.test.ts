// Benchmark systems: sizes, the small instances derived by hand from
// /work/shared/reference/benchmarks.md, symmetry, and agreement across fields.
import { QQ, Zp } from '../src/arithmetic/field';
import { InputError } from '../src/errors';
import { lex } from '../src/monomials/order';
import { changeRing, withField } from '../src/poly/change';
import { substitute } from '../src/poly/evaluate';
import { Polynomial } from '../src/poly/polynomial';
import { cyclic, eco, katsura, namedSystem, noon, parseSystemSpec, reimer } from '../src/systems';

const texts = (ps: Polynomial<unknown>[]): string[] => ps.map((p) => p.toString());

describe('hand-derived small instances (degrevlex, variables ordered by index)', () => {
  test('katsura-1 and katsura-2', () => {
    // m = 0: x1·x1 + x0·x0 + x1·x1 − x0
    expect(texts(katsura(1).polynomials)).toEqual(['x0^2 + 2*x1^2 - x0', 'x0 + 2*x1 - 1']);
    // m = 0: l = −2..2 gives x2² + x1² + x0² + x1² + x2²; m = 1: l = −1..2 gives x1x2 + x0x1 + x1x0 + x2x1
    expect(texts(katsura(2).polynomials)).toEqual(['x0^2 + 2*x1^2 + 2*x2^2 - x0', '2*x0*x1 + 2*x1*x2 - x1', 'x0 + 2*x1 + 2*x2 - 1']);
    // in lex the linear term x0 comes before x1²
    expect(texts(katsura(2, QQ, lex).polynomials)).toEqual(['x0^2 - x0 + 2*x1^2 + 2*x2^2', '2*x0*x1 + 2*x1*x2 - x1', 'x0 + 2*x1 + 2*x2 - 1']);
  });
  test('cyclic-3 and cyclic-4', () => {
    expect(texts(cyclic(3).polynomials)).toEqual(['z1 + z2 + z3', 'z1*z2 + z1*z3 + z2*z3', 'z1*z2*z3 - 1']);
    // z1z2z3 + z2z3z4 + z3z4z1 + z4z1z2, sorted: the smaller the exponent of the last variable, the larger
    expect(texts(cyclic(4).polynomials)).toEqual([
      'z1 + z2 + z3 + z4',
      'z1*z2 + z2*z3 + z1*z4 + z3*z4',
      'z1*z2*z3 + z1*z2*z4 + z1*z3*z4 + z2*z3*z4',
      'z1*z2*z3*z4 - 1',
    ]);
  });
  test('eco-4', () => {
    // k = 1: x4(x1 + x1x2 + x2x3) − 1; k = 2: x4(x2 + x1x3) − 2; k = 3: x4·x3 − 3; x1 + x2 + x3 + 1
    expect(texts(eco(4).polynomials)).toEqual(['x1*x2*x4 + x2*x3*x4 + x1*x4 - 1', 'x1*x3*x4 + x2*x4 - 2', 'x3*x4 - 3', 'x1 + x2 + x3 + 1']);
  });
  test('noon-2 and reimer-2', () => {
    expect(texts(noon(2).polynomials)).toEqual(['10*x1*x2^2 - 11*x1 + 10', '10*x1^2*x2 - 11*x2 + 10']);
    expect(texts(reimer(2).polynomials)).toEqual(['2*x1^2 - 2*x2^2 - 1', '2*x1^3 - 2*x2^3 - 1']);
  });
});

describe('shapes and invariants', () => {
  test('katsura-n has n+1 variables and n+1 equations: n quadrics and one linear form', () => {
    for (let n = 1; n <= 8; n++) {
      const s = katsura(n);
      expect(s.name).toBe(`katsura-${n}`);
      expect(s.ring.nvars).toBe(n + 1);
      expect(s.ring.vars).toEqual(Array.from({ length: n + 1 }, (_, i) => `x${i}`));
      expect(s.polynomials).toHaveLength(n + 1);
      expect(s.polynomials.map((p) => p.totalDegree())).toEqual([...new Array(n).fill(2), 1]);
    }
  });
  test('cyclic-n, eco-n, noon-n, reimer-n sizes and degrees', () => {
    for (let n = 2; n <= 7; n++) {
      expect(cyclic(n).polynomials.map((p) => p.totalDegree())).toEqual(Array.from({ length: n }, (_, i) => i + 1));
      expect(eco(n).polynomials).toHaveLength(n);
      expect(eco(n).ring.nvars).toBe(n);
      expect(noon(n).polynomials.map((p) => p.totalDegree())).toEqual(new Array(n).fill(3));
      expect(reimer(n).polynomials.map((p) => p.totalDegree())).toEqual(Array.from({ length: n }, (_, i) => i + 2));
    }
  });
  test('cyclic-n is invariant under the cyclic shift z_i → z_{i+1}', () => {
    for (let n = 2; n <= 6; n++) {
      const { ring: R, polynomials } = cyclic(n);
      const shift = Object.fromEntries(R.vars.map((v, i) => [v, R.variable((i + 1) % n)]));
      for (const p of polynomials) expect(substitute(p, shift).equals(p)).toBe(true);
    }
  });
  test('noon-n is symmetric under swapping x1 and x2 (equations permuted)', () => {
    const { ring: R, polynomials: ps } = noon(4);
    const swap = { x1: R.variable('x2'), x2: R.variable('x1') };
    expect(substitute(ps[0], swap).equals(ps[1])).toBe(true);
    expect(substitute(ps[2], swap).equals(ps[2])).toBe(true);
  });
  test('generating over Z/p equals reducing the rational system', () => {
    const F = Zp(101);
    for (const [make, n] of [[cyclic, 5], [katsura, 4], [eco, 5], [noon, 3], [reimer, 3]] as const) {
      const q = make(n);
      const p = make(n, F);
      const Rp = withField(q.ring, F);
      q.polynomials.forEach((f, i) => expect(changeRing(f, Rp).equals(p.polynomials[i])).toBe(true));
    }
  });
  test('names and specs', () => {
    expect(parseSystemSpec('katsura:8')).toEqual({ name: 'katsura', n: 8 });
    expect(parseSystemSpec('cyclic-6')).toEqual({ name: 'cyclic', n: 6 });
    expect(parseSystemSpec('foo:3')).toBeUndefined();
    expect(namedSystem('eco:4').polynomials.map((p) => p.toString())).toEqual(texts(eco(4).polynomials));
    expect(() => namedSystem('nope:3')).toThrow(InputError);
    expect(() => katsura(0)).toThrow(InputError);
    expect(() => cyclic(31)).toThrow(InputError);
    expect(() => eco(2.5)).toThrow(InputError);
  });
});
