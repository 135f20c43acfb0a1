// Field axioms of QQ and Z/p, canonical forms, the Z/p arithmetic against a bigint reference,
// and the maps between Q and Z/p.
import fc from 'fast-check';
import { Field, Zp, isPrimeField } from '../../src/arithmetic/field';
import { Rational, rational } from '../../src/arithmetic/rational';
import { ALL_FIELDS, PRIMES, arbElement, arbRational, arbResidue, expectCanonical, expectFieldEqual } from '../arbitraries';

describe.each(ALL_FIELDS.map((F) => [F.name, F] as const))('field axioms of %s', (_, F: Field<unknown>) => {
  const el = arbElement(F);
  const eq = (a: unknown, b: unknown): void => expectFieldEqual(F, a, b);

  test('associativity and commutativity of + and ·', () => {
    fc.assert(
      fc.property(el, el, el, (a, b, c) => {
        eq(F.add(F.add(a, b), c), F.add(a, F.add(b, c)));
        eq(F.mul(F.mul(a, b), c), F.mul(a, F.mul(b, c)));
        eq(F.add(a, b), F.add(b, a));
        eq(F.mul(a, b), F.mul(b, a));
      }),
      { numRuns: 150 },
    );
  });

  test('distributivity', () => {
    fc.assert(
      fc.property(el, el, el, (a, b, c) => {
        eq(F.mul(a, F.add(b, c)), F.add(F.mul(a, b), F.mul(a, c)));
        eq(F.mul(F.sub(a, b), c), F.sub(F.mul(a, c), F.mul(b, c)));
      }),
      { numRuns: 150 },
    );
  });

  test('zero, one, negation, inverses, subtraction and division', () => {
    fc.assert(
      fc.property(el, el, (a, b) => {
        eq(F.add(a, F.zero), a);
        eq(F.mul(a, F.one), a);
        eq(F.mul(a, F.zero), F.zero);
        eq(F.add(a, F.neg(a)), F.zero);
        eq(F.neg(F.neg(a)), a);
        eq(F.sub(a, b), F.add(a, F.neg(b)));
        expect(F.isZero(a)).toBe(F.eq(a, F.zero));
        expect(F.isOne(a)).toBe(F.eq(a, F.one));
        if (F.isZero(a)) {
          expect(() => F.inv(a)).toThrow(RangeError);
        } else {
          eq(F.mul(a, F.inv(a)), F.one);
          eq(F.inv(F.inv(a)), a);
          eq(F.mul(F.div(b, a), a), b);
        }
      }),
      { numRuns: 200 },
    );
    expect(F.isZero(F.zero)).toBe(true);
    expect(F.isOne(F.one)).toBe(true);
    expect(F.eq(F.zero, F.one)).toBe(false);
  });

  test('fromInt is a ring homomorphism Z → F; parse ∘ toString = id', () => {
    const int = fc.oneof(fc.bigInt({ min: -(2n ** 80n), max: 2n ** 80n }), fc.bigInt({ min: -1000n, max: 1000n }));
    fc.assert(
      fc.property(int, int, el, (m, n, a) => {
        eq(F.fromInt(m + n), F.add(F.fromInt(m), F.fromInt(n)));
        eq(F.fromInt(m * n), F.mul(F.fromInt(m), F.fromInt(n)));
        // number and bigint arguments agree
        const small = Number(n % 1000000n);
        eq(F.fromInt(small), F.fromInt(BigInt(small)));
        eq(F.parse(F.toString(a)), a);
      }),
      { numRuns: 150 },
    );
    eq(F.fromInt(0), F.zero);
    eq(F.fromInt(1), F.one);
  });

  test('fromRational / toRational', () => {
    fc.assert(
      fc.property(arbRational, arbRational, el, (r, s, a) => {
        // toRational is a section: fromRational(toRational(a)) = a
        const q = F.toRational(a);
        eq(F.fromRational(q), a);
        if (!isPrimeField(F)) {
          expect(q).toEqual(a);
          return;
        }
        // Z/p: the representative is the residue itself
        expect(q).toEqual(rational(BigInt(a as number)));
        const P = BigInt(F.p);
        const ok = (x: Rational): boolean => x.den % P !== 0n;
        if (ok(r)) {
          const x = F.fromRational(r);
          expectCanonical(F, x);
          // x·den ≡ num (mod p)
          eq(F.mul(x, F.fromInt(r.den)), F.fromInt(r.num));
        } else expect(() => F.fromRational(r)).toThrow(RangeError);
        if (ok(r) && ok(s)) {
          const rs = { num: r.num * s.num, den: r.den * s.den };
          const sum = rational(r.num * s.den + s.num * r.den, r.den * s.den);
          eq(F.fromRational(rational(rs.num, rs.den)), F.mul(F.fromRational(r), F.fromRational(s)));
          eq(F.fromRational(sum), F.add(F.fromRational(r), F.fromRational(s)));
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('Z/p agrees with a bigint reference', () => {
  test.each(PRIMES.map((p) => [p]))('p = %d', (p) => {
    const F = Zp(p);
    const P = BigInt(p);
    const mod = (x: bigint): number => Number(((x % P) + P) % P);
    // Fermat's little theorem as an inverse independent of the field's extended Euclid.
    const pow = (a: bigint, e: bigint): bigint => {
      let r = 1n;
      a %= P;
      while (e > 0n) {
        if (e & 1n) r = (r * a) % P;
        a = (a * a) % P;
        e >>= 1n;
      }
      return r;
    };
    const el = arbResidue(p);
    fc.assert(
      fc.property(el, el, (a, b) => {
        const A = BigInt(a);
        const B = BigInt(b);
        expect(F.add(a, b)).toBe(mod(A + B));
        expect(F.sub(a, b)).toBe(mod(A - B));
        expect(F.mul(a, b)).toBe(mod(A * B));
        expect(F.neg(a)).toBe(mod(-A));
        if (a !== 0) expect(F.inv(a)).toBe(Number(pow(A, P - 2n)));
        if (a !== 0) expect(F.div(b, a)).toBe(mod(B * pow(A, P - 2n)));
      }),
      { numRuns: 200 },
    );
  });

  test('products that need more than 53 bits stay exact (p = 2^31 − 1 and p near 2^53)', () => {
    for (const p of [2147483647, 9007199254740881]) {
      const F = Zp(p);
      const a = p - 1;
      // (p − 1)² ≡ 1
      expect(F.mul(a, a)).toBe(1);
      expect(F.add(a, a)).toBe(p - 2);
      expect(F.sub(0, a)).toBe(1);
    }
  });
});
