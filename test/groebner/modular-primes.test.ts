// The multi-modular driver's luck handling (groebner/modular.ts), exercised by injecting the prime
// stream: an unlucky learning prime (replays fail, the basis is learned again at another prime
// and the images of the old leading monomials are dropped), an unlucky prime later on (its replay
// fails and it is skipped), and primes that divide an input coefficient (skipped). The answer is
// always the basis the default primes give.
import { QQ } from '../../src/arithmetic/field';
import { isPrime, primesBelow } from '../../src/arithmetic/primes';
import { Rational, rational } from '../../src/arithmetic/rational';
import { f4EngineWith } from '../../src/groebner/engines';
import { modularGroebner } from '../../src/groebner/modular';
import { InputError } from '../../src/errors';
import { Polynomial, PolynomialRing } from '../../src/poly/polynomial';
import { namedSystem } from '../../src/systems';

/** The default primes after `skip` of them, with `first` in front. */
function* streamWith(first: readonly number[], skip = 0): Generator<number> {
  yield* first;
  let i = 0;
  for (const p of primesBelow(2 ** 26)) if (i++ >= skip && !first.includes(p)) yield p;
}

const text = (basis: readonly Polynomial<Rational>[]) => basis.map((g) => g.toString());

describe('the multi-modular driver with an injected prime stream', () => {
  // x + y + z and x + y + (1 + P)·z + w: their difference P·z + w has leading monomial z over Q
  // (the basis is x + y − w/P, z + w/P) but w modulo P, where the basis is x + y + z, w. P divides
  // no input coefficient, so only the basis modulo P tells that it is unlucky.
  const P = 33554393; // a prime below 2^26
  const R = new PolynomialRing<Rational>(QQ, ['x', 'y', 'z', 'w']);
  const [x, y, z, w] = R.gens();
  const polys = [x.add(y).add(z), x.add(y).add(z.scale(rational(1n + BigInt(P)))).add(w)];
  const expected = text(modularGroebner(polys, f4EngineWith()).basis);

  test('the example: over Q the leading monomials are x and z, and P appears in the denominators', () => {
    expect(isPrime(P)).toBe(true);
    expect(expected).toEqual([`z + 1/${P}*w`, `x + y - 1/${P}*w`]);
  });

  test('an unlucky learning prime: its replays fail, the basis is learned again and its image dropped', () => {
    const r = modularGroebner(polys, f4EngineWith(), { primes: streamWith([P]) });
    expect(text(r.basis)).toEqual(expected);
    expect(r.stats.relearned).toBe(1);
    expect(r.stats.replayFailures).toBeGreaterThanOrEqual(3);
  });

  test('an unlucky prime later on: its replay fails and it is skipped', () => {
    // Third in the stream: the second is the check of a first (premature) candidate.
    const [p0, p1] = primesBelow(2 ** 26);
    const r = modularGroebner(polys, f4EngineWith(), { primes: streamWith([p0, p1, P], 2) });
    expect(text(r.basis)).toEqual(expected);
    expect(r.stats.relearned).toBe(0);
    expect(r.stats.replayFailures).toBe(1);
  });

  test('primes dividing an input coefficient are skipped; katsura-5 is the same basis', () => {
    // 1 + P is even: 2 divides a coefficient of the second input polynomial.
    const r = modularGroebner(polys, f4EngineWith(), { primes: streamWith([2]) });
    expect(text(r.basis)).toEqual(expected);
    expect(r.stats.primesSkipped).toBe(1);
    const k5 = namedSystem('katsura:5').polynomials;
    expect(text(modularGroebner(k5, f4EngineWith(), { primes: streamWith([], 100) }).basis)).toEqual(text(modularGroebner(k5, f4EngineWith()).basis));
  });

  test('a prime stream with a number of 2^26 or more is refused with an InputError', () => {
    expect(() => modularGroebner(polys, f4EngineWith(), { primes: [2 ** 31 - 1] })).toThrow(InputError);
  });

  // y² − 1 and x − (c − 1)y³ − y with c = 3·(2^40 + 1): the basis over Q is x − c·y, y² − 1, and
  // modulo 3 (which divides no input coefficient) it is x, y² − 1.
  const c = 3n * (2n ** 40n + 1n);
  const S = new PolynomialRing<Rational>(QQ, ['x', 'y']);
  const [u, v] = S.gens();
  const vanishing = [v.mul(v).sub(S.one()), u.sub(v.pow(3).scale(rational(c - 1n))).sub(v)];
  const vanishingBasis = [`x - ${c}*y`, 'y^2 - 1'];

  test('a small prime does not accept a candidate alone: x − 245763y (c modulo the first prime) agreed modulo 3', () => {
    expect(text(modularGroebner(vanishing, f4EngineWith()).basis)).toEqual(vanishingBasis);
    const r = modularGroebner(vanishing, f4EngineWith(), { primes: streamWith([67108859, 3]) });
    expect(text(r.basis)).toEqual(vanishingBasis);
  });

  test('a prime at which a coefficient of the basis vanishes: its image has a smaller support and is combined all the same', () => {
    // The replay's row for x − c·y has no y modulo 3, so the driver cannot take the row's
    // coefficients as they come and goes through the polynomials. c takes three primes, so 3
    // serves as an image, not as a check.
    const r = modularGroebner(vanishing, f4EngineWith(), { primes: streamWith([67108859, 67108837, 3]) });
    expect(text(r.basis)).toEqual(vanishingBasis);
    expect(r.stats.replayFailures).toBe(0);
  });
});
