// compactMonomialKey: for a fixed number of variables, two monomials have the same key exactly when
// they are equal — packed numbers below the exponent limit, text past it, the two never equal.
import fc from 'fast-check';
import { compactMonomialKey, monomial, monomialKey, monomialsEqual, mulMonomials } from '../../src/monomials/monomial';

describe('compact monomial keys', () => {
  test('equal keys exactly for equal monomials, in 1 to 20 variables, exponents around the packing limit', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }).chain((n) => {
          const limit = 2 ** Math.floor(52 / n);
          // Exponents mostly small, sometimes at or just past the limit of n variables.
          const exponent = fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: Math.max(0, limit - 2), max: limit + 1 }));
          const mono = fc.array(exponent, { minLength: n, maxLength: n });
          return fc.tuple(mono, mono, fc.integer({ min: 0, max: n - 1 }));
        }),
        ([a, b, i]) => {
          const ma = monomial(a);
          // b, and a with one exponent changed by one: near misses must not share a key.
          const near = monomial(a.map((e, k) => (k === i ? e + 1 : e)));
          // A carry: one more in x_i and 2^⌊52/n⌋ fewer in x_(i+1), the same packed number if an
          // exponent at the limit were packed.
          const limit = 2 ** Math.floor(52 / a.length);
          const carry = i + 1 < a.length && a[i + 1] >= limit ? [monomial(a.map((e, k) => (k === i ? e + 1 : k === i + 1 ? e - limit : e)))] : [];
          for (const mb of [monomial(b), near, monomial([...a]), ...carry]) {
            expect(compactMonomialKey(ma) === compactMonomialKey(mb)).toBe(monomialsEqual(ma, mb));
          }
          const key = compactMonomialKey(ma);
          if (typeof key === 'string') expect(key).toBe(monomialKey(ma));
          else expect(Number.isSafeInteger(key)).toBe(true);
        },
      ),
      { numRuns: 500, seed: 20261204 },
    );
  });

  test('12 variables pack exponents below 16 into a number, and fall back to text from 16', () => {
    expect(typeof compactMonomialKey(monomial(new Array(12).fill(15)))).toBe('number');
    expect(compactMonomialKey(monomial([16, ...new Array(11).fill(0)]))).toBe(monomialKey(monomial([16, ...new Array(11).fill(0)])));
    expect(compactMonomialKey(monomial([]))).toBe(0);
  });

  test('packed keys add: key(q·s) = key(q) + key(s) when deg q + deg s is below the limit (the traces rely on it)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 13, max: 20 }).chain((n) => {
          // From 13 variables the limit is 16 or less: degrees reach it, and pass it.
          const limit = 2 ** Math.floor(52 / n);
          const mono = fc.array(fc.integer({ min: 0, max: limit }), { minLength: n, maxLength: n }).map((e) => {
            // Keep most monomials of small degree, so that both sides of the condition occur.
            let budget = limit;
            return e.map((x) => {
              const y = Math.min(x, budget);
              budget -= y;
              return y;
            });
          });
          return fc.tuple(mono, mono);
        }),
        ([a, b]) => {
          const q = monomial(a);
          const s = monomial(b);
          const limit = 2 ** Math.floor(52 / a.length);
          const [kq, ks, kqs] = [compactMonomialKey(q), compactMonomialKey(s), compactMonomialKey(mulMonomials(q, s))];
          if (q[0] + s[0] < limit) {
            expect(typeof kq === 'number' && typeof ks === 'number').toBe(true);
            expect((kq as number) + (ks as number)).toBe(kqs);
          }
        },
      ),
      { numRuns: 300, seed: 20261204 },
    );
  });
});
