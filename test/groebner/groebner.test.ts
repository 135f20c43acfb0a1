// One test body run for every method and field: the results are reduced Gröbner bases, every
// input reduces to 0, all methods return the same basis, and a permuted variable order gives the
// same ideal. Oracles only: isGroebner, normal forms, agreement between independent algorithms.
import fc from 'fast-check';
import { modularStaircase } from '../../src/groebner/staircase';
import { parsePolynomials } from '../../src/io/parse';
import { Field, QQ, Zp } from '../../src/arithmetic/field';
import { Rational, rational } from '../../src/arithmetic/rational';
import { Deadline } from '../../src/errors';
import { buchberger } from '../../src/groebner/buchberger';
import { eliminate } from '../../src/groebner/eliminate';
import { buchbergerEngine } from '../../src/groebner/engines';
import { groebner } from '../../src/groebner/groebner';
import { modularGroebner } from '../../src/groebner/modular';
import { inIdeal, isGroebner, isReducedGroebner, normalForm } from '../../src/groebner/normal-form';
import { MonomialOrder, block, deglex, degrevlex, lex, weighted } from '../../src/monomials/order';
import { changeRing } from '../../src/poly/change';
import { Polynomial, PolynomialRing } from '../../src/poly/polynomial';
import { cyclic, eco, katsura, noon } from '../../src/systems';
import { solutionCount } from '../../src/groebner/ideal';

type Method = {
  name: string;
  field: Field<unknown>;
  run: (ps: Polynomial<unknown>[]) => Polynomial<unknown>[];
  /** Another algorithm in the same field, the reference the method is compared with (never the method itself). */
  reference: (ps: Polynomial<unknown>[]) => Polynomial<unknown>[];
};

/** Buchberger (sugar selection) in the ring's field. */
const plainBuchberger = (ps: Polynomial<unknown>[]): Polynomial<unknown>[] => buchberger(ps).basis;
/** F4: multi-modular over Q, directly over Z/p (p < 2^26). */
const f4Method = (ps: Polynomial<unknown>[]): Polynomial<unknown>[] => groebner(ps, { method: 'f4' });

const methods: Method[] = [
  { name: 'buchberger over QQ', field: QQ as Field<unknown>, run: (ps) => groebner(ps, { method: 'buchberger' }), reference: f4Method },
  { name: 'modular F4 over QQ', field: QQ as Field<unknown>, run: f4Method, reference: plainBuchberger },
  {
    name: 'modular Buchberger over QQ',
    field: QQ as Field<unknown>,
    run: (ps) => modularGroebner(ps as Polynomial<Rational>[], buchbergerEngine).basis as Polynomial<unknown>[],
    reference: f4Method,
  },
  { name: 'F4 over Z/32003', field: Zp(32003) as Field<unknown>, run: f4Method, reference: plainBuchberger },
  { name: 'buchberger over Z/32003', field: Zp(32003) as Field<unknown>, run: (ps) => groebner(ps, { method: 'buchberger' }), reference: f4Method },
  // F4 needs p < 2^26: here the reference is Buchberger with the other pair selection.
  {
    name: 'buchberger over Z/(2^31-1)',
    field: Zp(2147483647) as Field<unknown>,
    run: (ps) => groebner(ps, { method: 'buchberger' }),
    reference: (ps) => buchberger(ps, { selection: 'normal' }).basis,
  },
];

/** Do two Gröbner bases (each for its own ring's order) generate the same ideal? */
function sameIdeal<T>(A: Polynomial<T>[], B: Polynomial<T>[]): boolean {
  if (A.length === 0 || B.length === 0) return A.length === B.length;
  const RA = A[0].ring;
  const RB = B[0].ring;
  return A.every((a) => inIdeal(changeRing(a, RB), B)) && B.every((b) => inIdeal(changeRing(b, RA), A));
}

/** Random polynomial systems with small integer coefficients. */
function systemArb(nvars: number, maxPolys: number, maxDeg: number): fc.Arbitrary<[number, number[], number][][]> {
  const term = fc.tuple(fc.integer({ min: -5, max: 5 }), fc.array(fc.integer({ min: 0, max: maxDeg }), { minLength: nvars, maxLength: nvars }), fc.integer({ min: 1, max: 3 }));
  return fc.array(fc.array(term, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: maxPolys });
}

function build<T>(R: PolynomialRing<T>, spec: [number, number[], number][][], maxDeg: number): Polynomial<T>[] {
  return spec.map((terms) =>
    R.fromTerms(
      terms
        .filter(([, e]) => e.reduce((a, b) => a + b, 0) <= maxDeg)
        .map(([c, e, d]) => [e, R.field.fromRational(rational(BigInt(c), BigInt(d)))] as const),
    ),
  );
}

const orders: [string, MonomialOrder][] = [
  ['degrevlex', degrevlex],
  ['deglex', deglex],
  ['lex', lex],
  ['weighted(1,2,3)', weighted([1, 2, 3])],
  ['block(1,2)', block([1, degrevlex], [2, degrevlex])],
];

describe.each(methods)('$name', ({ field, run, reference }) => {
  const R = (vars: string[], order: MonomialOrder = degrevlex) => new PolynomialRing(field, vars, order);

  test.each(orders)('random ideals in 3 variables, %s: reduced, inputs reduce to 0, equal to the reference', (_, order) => {
    const S = R(['x', 'y', 'z'], order);
    fc.assert(
      fc.property(systemArb(3, 3, 2), (spec) => {
        const F = build(S, spec, 3);
        const G = run(F);
        const ref = reference(F);
        expect(isReducedGroebner(G)).toBe(true);
        for (const f of F) expect(normalForm(f, G).isZero()).toBe(true);
        expect(G.map(String)).toEqual(ref.map(String));
      }),
      { numRuns: 25 },
    );
  });

  test('a permuted variable order gives the same ideal', () => {
    fc.assert(
      fc.property(systemArb(3, 3, 2), fc.constantFrom([1, 2, 0], [2, 1, 0], [0, 2, 1]), (spec, perm) => {
        const S = R(['x', 'y', 'z']);
        const F = build(S, spec, 3);
        const vars = perm.map((i) => S.vars[i]);
        const P = R(vars);
        const G = run(F);
        const H = run(F.map((f) => changeRing(f, P)));
        expect(sameIdeal(G, H)).toBe(true);
      }),
      { numRuns: 15 },
    );
  });

  test('edge cases: zero ideal, unit ideal, duplicates, constants, one variable, rational coefficients', () => {
    const S = R(['x', 'y']);
    const [x, y] = S.gens();
    expect(run([S.zero()])).toEqual([]);
    expect(run([x, S.fromInt(3)]).map(String)).toEqual(['1']);
    const dup = run([x.mul(y).sub(S.one()), x.mul(y).sub(S.one()), S.zero()]);
    expect(dup.length).toBe(1);
    expect(dup[0].equals(x.mul(y).sub(S.one()))).toBe(true);
    // One variable: the monic gcd.
    const U = R(['t']);
    const t = U.variable('t');
    const a = t.sub(U.one()).mul(t.add(U.fromInt(2)));
    const b = t.sub(U.one()).mul(t.sub(U.fromInt(3)));
    const g = run([a, b]);
    expect(g.length).toBe(1);
    expect(g[0].equals(t.sub(U.one()))).toBe(true);
    // Rational coefficients: x/2 - y/3 generates the same ideal as 3x - 2y.
    const half = field.fromRational(rational(1n, 2n));
    const third = field.fromRational(rational(1n, 3n));
    const G = run([x.scale(half).sub(y.scale(third)), y.mul(y).sub(S.fromInt(4))]);
    expect(isReducedGroebner(G)).toBe(true);
    expect(G.length).toBe(2);
    expect(inIdeal(x.scale(field.fromInt(3)).sub(y.scale(field.fromInt(2))), G)).toBe(true);
  });

  test('named systems: katsura-3, cyclic-4, eco-5, noon-3', () => {
    for (const sys of [katsura(3, field), cyclic(4, field), eco(5, field), noon(3, field)]) {
      const G = run(sys.polynomials);
      expect(isReducedGroebner(G)).toBe(true);
      for (const f of sys.polynomials) expect(normalForm(f, G).isZero()).toBe(true);
      expect(G.map(String)).toEqual(reference(sys.polynomials).map(String));
    }
  });
});

describe('larger named systems agree across methods', () => {
  test('katsura-4 over QQ: modular F4 = Buchberger; 2^4 standard monomials', () => {
    const sys = katsura(4);
    const G = groebner(sys.polynomials);
    expect(G.map(String)).toEqual(buchberger(sys.polynomials).basis.map(String));
    expect(solutionCount(G)).toBe(16);
  });
  test('cyclic-5 over Z/32003: F4 = Buchberger', () => {
    const sys = cyclic(5, Zp(32003));
    expect(groebner(sys.polynomials).map(String)).toEqual(buchberger(sys.polynomials).basis.map(String));
  });
});

describe('elimination', () => {
  test('eliminating t from the twisted cubic parametrization gives its implicit equations', () => {
    const S = new PolynomialRing(QQ, ['t', 'x', 'y', 'z']);
    const [t, x, y, z] = S.gens();
    const E = eliminate([x.sub(t), y.sub(t.pow(2)), z.sub(t.pow(3))], ['t']);
    const T = E[0].ring;
    expect(T.vars).toEqual(['x', 'y', 'z']);
    // Every generator vanishes on the curve, and the known equations lie in the ideal.
    const X = T.variable('x'), Y = T.variable('y'), Z = T.variable('z');
    for (const q of [Y.sub(X.pow(2)), Z.sub(X.pow(3)), X.mul(Z).sub(Y.pow(2))]) expect(inIdeal(q, E)).toBe(true);
    for (const g of E) for (const v of [-2, 0, 1, 3]) {
      const r = rational(BigInt(v));
      expect(QQ.isZero(evaluateAt(g, [r, QQ.mul(r, r), QQ.mul(r, QQ.mul(r, r))]))).toBe(true);
    }
  });
  test('unknown variable is an error', () => {
    const S = new PolynomialRing(QQ, ['x', 'y']);
    expect(() => eliminate([S.variable('x')], ['w'])).toThrow(/unknown variable 'w'/);
  });
});

describe('the positiveDimension hint', () => {
  test('a block order gives the same basis with and without it, over Q and Z/p, for positive-dimensional and finite sets', () => {
    const order = block([2, degrevlex], [1, degrevlex]);
    for (const field of [QQ, Zp(32003)] as Field<unknown>[]) {
      const S = new PolynomialRing(field, ['x', 'y', 'z'], order);
      // A curve (dimension 1, z independent) and a finite set (the hint then wrong: speed only).
      for (const text of ['x^2*z - y + 1, x*y - z^2 - 2', 'x^2 + y^2 - 5, x*y - 2, z^2 - x - 1']) {
        const { polynomials: polys } = parsePolynomials(text, { ring: S });
        expect(groebner(polys, { positiveDimension: true }).map(String)).toEqual(groebner(polys).map(String));
      }
    }
  });
});

describe('time limit', () => {
  test('an expired deadline stops Buchberger with a TimeoutError', () => {
    const d = new Deadline(1e-9, 'test');
    const until = Date.now() + 5;
    while (Date.now() < until) { /* let the deadline pass */ }
    expect(() => buchberger(katsura(4).polynomials, { deadline: d })).toThrow(/time limit/);
  });
});

import { evaluate } from '../../src/poly/evaluate';
function evaluateAt(p: Polynomial<Rational>, point: Rational[]): Rational {
  return evaluate(p, point);
}

describe('the staircase probe', () => {
  test('finite sets: the staircase modulo two primes is the basis over Q reduced; its learning run, reused, gives the same basis', () => {
    for (const polys of [katsura(4).polynomials, parsePolynomials('x*y - z, x^2 + y^2 - 1, z^2 - x').polynomials]) {
      const probe = modularStaircase(polys);
      const G = groebner(polys);
      expect(probe.basis?.map((g) => g.lm().join())).toEqual(G.map((g) => g.lm().join()));
      expect(groebner(polys, { learned: probe.learned }).map(String)).toEqual(G.map(String));
    }
  });
  test('positive dimension: finiteOnly stops after one prime; the reused run still gives the basis over Q', () => {
    const polys = parsePolynomials('x*y - z^2, x^2*z - y^3 + x').polynomials;
    const probe = modularStaircase(polys, { finiteOnly: true });
    expect(probe.basis).toBeUndefined();
    expect(probe.learned).toBeDefined();
    expect(groebner(polys, { learned: probe.learned }).map(String)).toEqual(groebner(polys).map(String));
  });
});

describe('ideal membership', () => {
  // inIdeal stops at the first term of the normal form; the oracle is the whole normal form.
  test.each([
    ['QQ', QQ as Field<unknown>],
    ['Z/7', Zp(7) as Field<unknown>],
  ])('inIdeal(f, G) = (normalForm(f, G) = 0), for any list G and for its basis; combinations of the basis are members (%s)', (_, field) => {
    const S = new PolynomialRing(field, ['x', 'y', 'z']);
    fc.assert(
      fc.property(systemArb(3, 3, 2), systemArb(3, 3, 2), fc.boolean(), (spec, extra, plain) => {
        const F = build(S, spec, 3);
        const [h0, h1, r] = [...build(S, extra, 2), S.zero(), S.zero(), S.zero()];
        const G = plain ? F : groebner(F);
        // Σ hᵢ·gᵢ (a member when G is a basis), then with the remainder r added.
        const member = G.slice(0, 2).reduce((acc, g, i) => acc.add(g.mul(i === 0 ? h0 : h1)), S.zero());
        for (const f of [member, member.add(r), r]) expect(inIdeal(f, G)).toBe(normalForm(f, G).isZero());
        if (!plain) expect(inIdeal(member, G)).toBe(true);
        // A list is a Gröbner basis exactly when its leading monomials generate those of the reduced basis.
        const reduced = groebner(F);
        const lms = G.filter((g) => !g.isZero()).map((g) => g.lm());
        const initial = reduced.every((h) => lms.some((m) => m.every((e, v) => v === 0 || e <= h.lm()[v])));
        expect(isGroebner(G)).toBe(initial);
      }),
      { seed: 20261206, numRuns: 200 },
    );
  });
});
