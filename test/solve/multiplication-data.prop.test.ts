// Multiplication maps reduced modulo primes (solve/multiplication-data.ts), the characteristic
// polynomial modulo p in typed arrays (arithmetic/charpoly-mod-p.ts), and the radical's minimal
// polynomials shared between variables (solve/radical.ts). Oracles: M_t modulo p from the
// variables' columns = M_t formed over Q, then reduced entry by entry; charpolyModP = the generic
// Hessenberg `charpoly` over Z/p; a polynomial known for another variable is returned only when
// it vanishes on this one, and the radical is Seidenberg's over Q either way.
import fc from 'fast-check';
import { charpolyModP } from '../../src/arithmetic/charpoly-mod-p';
import { QQ, Zp } from '../../src/arithmetic/field';
import { charpoly } from '../../src/arithmetic/matrix';
import { Rational, rational } from '../../src/arithmetic/rational';
import { groebner } from '../../src/groebner/groebner';
import { QuotientAlgebra } from '../../src/groebner/quotient';
import { Polynomial, PolynomialRing } from '../../src/poly/polynomial';
import { parsePolynomials } from '../../src/io/parse';
import { matrixModP, rationalData } from '../../src/solve/multiplication-data';
import { modularRadical, modularVariableMinimalPolynomial, squarefreeGenerator, variableMinimalPolynomial, zeroDimensionalRadical } from '../../src/solve/radical';
import { UPoly, fromUnivariate, umul } from '../../src/poly/univariate';
import { normalForm } from '../../src/groebner/normal-form';
import { linearForm } from '../../src/poly/linear-form';

describe('multiplication maps modulo p', () => {
  test('M_t modulo p from the variables’ columns = M_t over Q reduced, for any form; undefined at a prime of a denominator', () => {
    const R = new PolynomialRing<Rational>(QQ, ['x', 'y']);
    const [x, y] = R.gens();
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: -4, max: 4 }), { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 1, max: 3 }),
        fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 2, maxLength: 2 }),
        fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 2, maxLength: 2 }),
        fc.constantFrom(7, 11, 65521, 67108859),
        (roots, e, h, form, p) => {
          let f: Polynomial<Rational> = R.one();
          for (const a of roots) f = f.mul(x.sub(R.fromInt(a)));
          // y = (h₀ + h₁x)/7 on the points, to the power e: denominators 7 in the basis.
          const g = y.sub(R.fromInt(h[0]).add(x.scale(rational(BigInt(h[1])))).scale(rational(1n, 7n))).pow(e);
          const A = new QuotientAlgebra(groebner([f, g]));
          const c = form.map(BigInt);
          const F = Zp(p);
          const overQ = A.multiplicationMatrix(linearForm(R, c));
          const M = matrixModP(rationalData(A, c), p);
          // Undefined exactly when p divides a denominator of a variable's matrix that t uses.
          const P = BigInt(p);
          const blocked = c.some((ci, i) => ci % P !== 0n && A.variableMatrix(i).some((row) => row.some((v) => v.den % P === 0n)));
          if (blocked) expect(M).toBeUndefined();
          else expect(M).toEqual(overQ.map((row) => row.map((v) => F.fromRational(v))));
        },
      ),
      { seed: 20261205, numRuns: 60 },
    );
    // p = 7 divides a denominator of the matrices: no image.
    const A = new QuotientAlgebra(groebner([x.pow(2).sub(R.fromInt(2)), y.scale(rational(7n)).sub(x)]));
    expect(matrixModP(rationalData(A, [1n, 1n]), 7)).toBeUndefined();
  });

  test('charpolyModP = the generic characteristic polynomial over Z/p (sparse matrices, zero subdiagonals)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(2, 3, 65521, 67108859),
        fc.integer({ min: 1, max: 9 }).chain((n) => fc.array(fc.array(fc.oneof(fc.constant(0), fc.constant(0), fc.nat()), { minLength: n, maxLength: n }), { minLength: n, maxLength: n })),
        (p, entries) => {
          const M = entries.map((row) => row.map((v) => v % p));
          expect(charpolyModP(M, p)).toEqual(charpoly(Zp(p), M));
        },
      ),
      { seed: 20261205, numRuns: 300 },
    );
  });
});

describe('the radical with minimal polynomials shared between variables', () => {
  // x and y play symmetric roles: one minimal polynomial (x − 1)²(x − 2)(x² − 3) serves both.
  const { polynomials } = parsePolynomials('(x - 1)^2*(x - 2)*(x^2 - 3), (y - 1)^2*(y - 2)*(y^2 - 3), (x - y)*(x + y - 3)');

  test('a known polynomial that vanishes on the variable is returned as it is; the radical is Seidenberg’s', () => {
    const G = groebner(polynomials);
    const A = new QuotientAlgebra(G);
    const mu0 = modularVariableMinimalPolynomial(G, 0, { algebra: A }) as Rational[];
    expect(mu0.map(String)).toEqual(variableMinimalPolynomial(A, 0).map(String));
    expect(modularVariableMinimalPolynomial(G, 1, { algebra: A, known: [mu0] })).toBe(mu0);
    expect(modularRadical(G)?.map(String)).toEqual(zeroDimensionalRadical(G).map(String));
  });

  test('a known polynomial with the right image modulo the first prime but not in the ideal is not taken', () => {
    const G = groebner(polynomials);
    const A = new QuotientAlgebra(G);
    const mu1 = variableMinimalPolynomial(A, 1);
    // The same image modulo 67108859 (the first prime below 2^26), another polynomial over Q.
    const impostor = [QQ.add(mu1[0], rational(67108859n)), ...mu1.slice(1)];
    const got = modularVariableMinimalPolynomial(G, 1, { algebra: A, known: [impostor] });
    expect(got).not.toBe(impostor);
    expect(got?.map(String)).toEqual(mu1.map(String));
  });

  test('the proof of μ(x) ∈ I gives the square-free generator; a polynomial with the same square-free part but the square moved is refused', () => {
    const G = groebner(polynomials);
    const A = new QuotientAlgebra(G);
    const R = G[0].ring;
    const q = (...cs: number[]): Rational[] => cs.map((c) => rational(BigInt(c)));
    const product = (...fs: UPoly<Rational>[]): UPoly<Rational> => fs.reduce((a, b) => umul(QQ, a, b));
    const [xMinus1, xMinus2, xSquaredMinus3] = [q(-1, 1), q(-2, 1), q(-3, 0, 1)];
    const mu = variableMinimalPolynomial(A, 0);
    expect(mu.map(String)).toEqual(product(xMinus1, xMinus1, xMinus2, xSquaredMinus3).map(String));
    const { proved, generator } = squarefreeGenerator(A, 0, mu);
    expect(proved).toBe(true);
    // The generator is the normal form of (x − 1)(x − 2)(x² − 3), up to a constant.
    const expected = normalForm(fromUnivariate(R, 0, product(xMinus1, xMinus2, xSquaredMinus3)), G);
    const ratio = QQ.div(generator!.coefficients[0], expected.coefficients[0]);
    expect(generator!.sub(expected.scale(ratio)).isZero()).toBe(true);
    // (x − 1)(x − 2)²(x² − 3): the same square-free part, not in I.
    expect(squarefreeGenerator(A, 0, product(xMinus1, xMinus2, xMinus2, xSquaredMinus3)).proved).toBe(false);
    // A multiple of μ lies in I: proved, and its square-free part has the extra root.
    const multiple = squarefreeGenerator(A, 0, product(mu, q(-5, 1)));
    expect(multiple.proved).toBe(true);
    const extended = normalForm(fromUnivariate(R, 0, product(xMinus1, xMinus2, xSquaredMinus3, q(-5, 1))), G);
    expect(multiple.generator!.sub(extended.scale(QQ.div(multiple.generator!.coefficients[0], extended.coefficients[0]))).isZero()).toBe(true);
  });
});

describe('the proof that μ(x) lies in I, with denominators in M_x', () => {
  // f = Π (x − aⱼ/bⱼ)^mⱼ has rational coefficients, so M_x does: the Horner products run on
  // w/s with the content of (w, s) divided out at each step (`polynomialOfMatrix`). Oracles: the
  // minimal polynomial μ of x (exact linear algebra over Q) is proved, and its generator is the
  // normal form of its square-free part up to a constant; a proper divisor of μ is never in I.
  test('μ proved with the normal form of its square-free part; μ with one root’s multiplicity lowered refused', () => {
    const R = new PolynomialRing<Rational>(QQ, ['x', 'y']);
    const [x, y] = R.gens();
    const q = (c: Rational[]): UPoly<Rational> => c;
    const product = (...fs: UPoly<Rational>[]): UPoly<Rational> => fs.reduce((a, b) => umul(QQ, a, b), [QQ.one]);
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ a: fc.integer({ min: -9, max: 9 }), b: fc.integer({ min: 2, max: 9 }) }), { minLength: 1, maxLength: 3, selector: (r) => r.a / r.b }),
        fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 3, maxLength: 3 }),
        fc.integer({ min: 1, max: 7 }),
        (roots, mult, c) => {
          const factors = roots.map(({ a, b }) => q([rational(BigInt(-a), BigInt(b)), QQ.one]));
          const mu = product(...factors.flatMap((f, j) => Array.from({ length: mult[j] }, () => f)));
          // y² − (c/5)·x·y − 1 over the roots of f: a 2·deg f dimensional algebra in which x's minimal polynomial is μ.
          const G = groebner([fromUnivariate(R, 0, mu), y.mul(y).sub(x.mul(y).scale(rational(BigInt(c), 5n))).sub(R.one())]);
          const A = new QuotientAlgebra(G);
          expect(variableMinimalPolynomial(A, 0).map(String)).toEqual(mu.map(String));
          const { proved, generator } = squarefreeGenerator(A, 0, mu);
          expect(proved).toBe(true);
          if (mult.slice(0, roots.length).some((m) => m > 1)) {
            const expected = normalForm(fromUnivariate(R, 0, product(...factors)), G);
            expect(generator!.sub(expected.scale(QQ.div(generator!.coefficients[0], expected.coefficients[0]))).isZero()).toBe(true);
          } else expect(generator).toBeUndefined();
          // A proper divisor: one root’s multiplicity lowered by one.
          const lowered = product(...factors.flatMap((f, j) => Array.from({ length: j === 0 ? mult[j] - 1 : mult[j] }, () => f)));
          expect(squarefreeGenerator(A, 0, lowered).proved).toBe(false);
        },
      ),
      { seed: 20261206, numRuns: 60 },
    );
  });
});
