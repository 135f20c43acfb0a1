// Primality certified on one fibre (`primeBySpecialization`). Oracles: ideals that are not prime
// (products of distinct factors, a Sophie Germain factorization only visible over Q(u)) are never
// certified, whatever their fibres' factor degrees modulo primes; primes are certified, among them
// ⟨x⁴ + u⁴⟩, whose fibres' characteristic polynomials factor modulo every prime (as x⁴ + 1 does),
// so only the lift over Q can prove it.
import fc from 'fast-check';
import { QQ } from '../../src/arithmetic/field';
import { Rational } from '../../src/arithmetic/rational';
import { groebner } from '../../src/groebner/groebner';
import { Polynomial, PolynomialRing } from '../../src/poly/polynomial';
import { primeBySpecialization } from '../../src/solve/prime-by-specialization';
import { parsePolynomials } from '../../src/io/parse';

const R = new PolynomialRing(QQ, ['x', 'y', 'u']);
const U = [2];
const basis = (text: string): Polynomial<Rational>[] => groebner(parsePolynomials(text, { ring: R }).polynomials);

describe('primeBySpecialization', () => {
  test('a prime of degree 2 over Q(u) is certified, one that splits is not', () => {
    expect(primeBySpecialization(basis('x^2 - u, y - x'), U, 2)).toBe(true);
    expect(primeBySpecialization(basis('x^2 - u^2, y - x'), U, 2)).toBe(false);
    // Not radical over Q(u): χ₀ = (T² − u₀)² up to scaling, repeated modulo every prime.
    expect(primeBySpecialization(basis('(x^2 - u)^2, y'), U, 4)).toBe(false);
  });

  test('x⁴ + u⁴ is prime though every fibre factors modulo every prime; x⁴ + 4u⁴ is not', () => {
    expect(primeBySpecialization(basis('x^4 + u^4, y'), U, 4)).toBe(true);
    // (x² + 2ux + 2u²)(x² − 2ux + 2u²): irreducible factors over Q(u) of degree 2.
    expect(primeBySpecialization(basis('x^4 + 4*u^4, y - x*u'), U, 4)).toBe(false);
  });

  test('a fibre where a leading coefficient over Q[u] vanishes is passed over for the next', () => {
    // The first fibre tried is u = −27, where (u + 27)·x² + x − u loses its leading term.
    expect(primeBySpecialization(basis('(u + 27)*x^2 + x - u, y'), U, 2)).toBe(true);
  });

  test('zero-dimensional ideals (U empty)', () => {
    expect(primeBySpecialization(basis('x^3 - 2, y - x^2, u - x - y'), [], 3)).toBe(true);
    expect(primeBySpecialization(basis('x^3 - 8, y - x^2, u - x - y'), [], 3)).toBe(false);
    // Not zero-dimensional over K(U), against the contract: nothing certified, no error.
    expect(primeBySpecialization(basis('x^3 - 2, y - x^2'), [], 3)).toBe(false);
  });

  test('a union of two primes over Q(u) is never certified; each of them is', () => {
    const coefficient = fc.integer({ min: -9, max: 9 }).filter((a) => a !== 0);
    fc.assert(
      fc.property(coefficient, fc.integer({ min: -9, max: 9 }), coefficient, fc.integer({ min: -9, max: 9 }), (a, b, c, d) => {
        fc.pre(a !== c || b !== d);
        const f = `x^2 - (${a}*u + ${b})`;
        const g = `x^2 - (${c}*u + ${d})`;
        const line = `y - x - u^2`;
        expect(primeBySpecialization(basis(`(${f})*(${g}), ${line}`), U, 4)).toBe(false);
        expect(primeBySpecialization(basis(`${f}, ${line}`), U, 2)).toBe(true);
      }),
      { numRuns: 25 },
    );
  });
});
