/**
 * Properties of the lattice and knapsack tools behind van Hoeij's recombination, each against an
 * independent oracle: the exact Gram determinants equal the leading minors of the Gram matrix
 * (Gaussian elimination over Q); LLL returns a basis of the same lattice (every new row is an
 * integer combination of the old rows and the volume is unchanged) that is size-reduced and
 * satisfies Lovász's condition (checked in exact rationals); the certified removal drops exactly
 * the trailing rows whose exact Gram–Schmidt norm exceeds the bound; and the CLD bound holds for
 * the true factors of random products, whose CLD residues are the sums of those of their
 * modular factors.
 */
import fc from 'fast-check';
import { QQ, Zp } from '../../../src/arithmetic/field';
import { dropLongRows, gramDeterminants, rowsWithinBound } from '../../../src/arithmetic/gram-schmidt';
import { lllReduce } from '../../../src/arithmetic/lll';
import { determinant, solveLinear } from '../../../src/arithmetic/matrix';
import { Rational, rational, rcmp, rdiv, rmul, rsub } from '../../../src/arithmetic/rational';
import { factorSquarefreeModP, goodPrimes, henselLift, zdivExact, zgcd, zprimitive, ztoModP } from '../../../src/poly/factor';
import { cldBounds, cldMatrix } from '../../../src/poly/factor/cld';
import { urem } from '../../../src/poly/univariate';
import { arbIntPoly, mul, prod } from './helpers';

const dotQ = (a: readonly bigint[], b: readonly bigint[]): bigint => a.reduce((s, x, i) => s + x * b[i], 0n);

/**
 * Linearly independent integer rows (lower-triangular with a non-zero diagonal), scaled by 2^s:
 * s = 0 and 19 keep the reduction in doubles, 28 starts there and may leave the exact range,
 * 45 starts in bigints.
 */
const arbBasis: fc.Arbitrary<bigint[][]> = fc.tuple(fc.integer({ min: 2, max: 6 }), fc.constantFrom(0n, 19n, 28n, 45n)).chain(([m, s]) =>
  fc
    .tuple(
      fc.array(fc.array(fc.bigInt({ min: -(1n << 20n), max: 1n << 20n }), { minLength: m + 1, maxLength: m + 1 }), { minLength: m, maxLength: m }),
      fc.array(fc.bigInt({ min: 1n, max: 1n << 30n }), { minLength: m, maxLength: m }),
    )
    .map(([rows, diag]) => rows.map((row, i) => row.map((x, j) => (j === i ? diag[i] : j > i ? 0n : x) << s))),
);

/** Exact Gram–Schmidt: the squared norms B_j and coefficients μ_ij, over Q. */
function exactGramSchmidt(rows: readonly bigint[][]): { B: Rational[]; mu: Rational[][] } {
  const B: Rational[] = [];
  const mu: Rational[][] = [];
  const star: Rational[][] = [];
  rows.forEach((row, i) => {
    let v = row.map((x) => rational(x));
    mu.push([]);
    for (let j = 0; j < i; j++) {
      const c = rdiv(v.reduce((s, x, t) => QQ.add(s, QQ.mul(rational(row[t]), star[j][t])), rational(0n)), B[j]);
      mu[i].push(c);
      v = v.map((x, t) => rsub(x, rmul(c, star[j][t])));
    }
    star.push(v);
    B.push(v.reduce((s, x) => QQ.add(s, QQ.mul(x, x)), rational(0n)));
  });
  return { B, mu };
}

describe('exact Gram–Schmidt data', () => {
  test('Gram determinants are the leading minors of the Gram matrix', () => {
    fc.assert(
      fc.property(arbBasis, (rows) => {
        const gram = rows.map((a) => rows.map((b) => rational(dotQ(a, b))));
        const d = gramDeterminants(rows);
        for (let j = 1; j <= rows.length; j++) {
          const minor = determinant(QQ, gram.slice(0, j).map((r) => r.slice(0, j)));
          expect(rational(d[j])).toEqual(minor);
        }
      }),
      { numRuns: 50 },
    );
  });

  test('the certified removal keeps the shortest prefix whose dropped rows all exceed the bound', () => {
    fc.assert(
      fc.property(arbBasis, fc.bigInt({ min: 1n, max: 1n << 50n }), (rows, bound) => {
        const { B } = exactGramSchmidt(rows);
        let keep = rows.length;
        while (keep > 0 && rcmp(B[keep - 1], rational(bound)) > 0) keep--;
        expect(rowsWithinBound(rows, bound)).toBe(keep);
      }),
      { numRuns: 50 },
    );
  });
});

describe('proved removal of long rows', () => {
  test('drops only rows whose exact Gram–Schmidt norm exceeds the bound, and keeps a lower bound on the volume', () => {
    fc.assert(
      fc.property(arbBasis, fc.bigInt({ min: 1n, max: 1n << 40n }), fc.nat(20), fc.boolean(), (rows, bound, slack, honest) => {
        const basis = lllReduce(rows.map((r) => r.slice())).basis;
        const { B } = exactGramSchmidt(basis);
        const d = gramDeterminants(basis);
        // Estimates: the true norms, or misleading ones claiming every row is long.
        const estimates = Float64Array.from(B, (x) => (honest ? Number(x.num) / Number(x.den) : 1e300));
        const volume = d[basis.length] >> BigInt(slack);
        const { keep, volume: kept } = dropLongRows(basis, bound, estimates, volume > 0n ? volume : 1n);
        for (let j = keep; j < basis.length; j++) expect(rcmp(B[j], rational(bound))).toBeGreaterThan(0);
        expect(kept <= d[keep]).toBe(true);
        expect(kept > 0n).toBe(true);
      }),
      { numRuns: 120 },
    );
  });
});

describe('LLL', () => {
  test('returns a reduced basis of the same lattice', () => {
    fc.assert(
      fc.property(arbBasis, (rows) => {
        const before = rows.map((r) => r.slice());
        const { basis, reduced } = lllReduce(rows.map((r) => r.slice()));
        expect(reduced).toBe(true);
        // Same volume, and every new row is an integer combination of the old ones.
        expect(gramDeterminants(basis)[basis.length]).toBe(gramDeterminants(before)[before.length]);
        const columns = before[0].map((_, t) => before.map((r) => rational(r[t])));
        for (const row of basis) {
          const c = solveLinear(QQ, columns, row.map((x) => rational(x)));
          expect(c).toBeDefined();
          for (const x of c as Rational[]) expect(x.den).toBe(1n);
        }
        const { B, mu } = exactGramSchmidt(basis);
        for (let i = 1; i < basis.length; i++) {
          for (let j = 0; j < i; j++) expect(Math.abs(Number(mu[i][j].num) / Number(mu[i][j].den))).toBeLessThanOrEqual(0.52);
          // Lovász with δ = 0.98 (the reduction uses 0.99 in doubles).
          const m = mu[i][i - 1];
          const rhs = rmul(rsub(rational(98n, 100n), rmul(m, m)), B[i - 1]);
          expect(rcmp(B[i], rhs)).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 120 },
    );
  });
});

describe('CLD data', () => {
  test('bounds hold for every true factor, and residues add up over its modular factors', () => {
    fc.assert(
      fc.property(fc.array(arbIntPoly(4, 6n), { minLength: 2, maxLength: 4 }), (pieces) => {
        const factors = pieces.map(zprimitive).filter((g) => g.length > 1);
        fc.pre(factors.length >= 2 && factors.every((g) => g[0] !== 0n));
        const f = prod(factors);
        const n = f.length - 1;
        fc.pre(zgcd(f, f.slice(1).map((c, i) => c * BigInt(i + 1))).length === 1);
        const p = goodPrimes(f, 1)[0];
        const modular = factorSquarefreeModP(p, ztoModP(f, p));
        const a = 30;
        const P = BigInt(p) ** BigInt(a);
        const lifted = henselLift(f, modular, p, a);
        const indices = Array.from({ length: n }, (_, j) => j);
        const bounds = cldBounds(f, indices);
        const data = cldMatrix(f, lifted, p, P, indices);
        for (const g of factors) {
          const cld = mul(zdivExact(f, g) as bigint[], g.slice(1).map((c, i) => c * BigInt(i + 1)));
          const support = modular.map((u, i) => i).filter((i) => urem(Zp(p), ztoModP(g, p), modular[i]).length === 0);
          indices.forEach((j) => {
            const c = cld[j] ?? 0n;
            expect(c < 0n ? -c : c).toBeLessThanOrEqual(bounds[j]);
            const sum = support.reduce((s, i) => s + data[i][j], 0n);
            expect((((sum - c) % P) + P) % P).toBe(0n);
          });
        }
      }),
      { numRuns: 40 },
    );
  });
});
