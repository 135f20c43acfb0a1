// The memory budget (errors.ts): checked where big structures grow — F4's matrices and monomial
// table, products and powers of polynomials (the parser's expansions included), the quotient
// algebra's dense multiplication matrices — and refused with a MemoryLimitError that names the
// estimate, the budget and how to raise it. Small budgets keep these tests fast; each check, removed,
// makes its test fail (the computation then finishes and returns a result).
import { QQ, Zp } from '../src/arithmetic/field';
import { Deadline, InputError, MemoryBudget, MemoryLimitError, ResourceLimitError, formatBytes, memoryBudgetOf, setDefaultMemoryBudget } from '../src/errors';
import { f4 } from '../src/groebner/f4';
import { MonomialTable } from '../src/groebner/f4/hashtable';
import { computeGroebner } from '../src/groebner/groebner';
import { QuotientAlgebra } from '../src/groebner/quotient';
import { parsePolynomial } from '../src/io/parse';
import { degrevlex } from '../src/monomials/order';
import { PolynomialRing } from '../src/poly/polynomial';
import { solve } from '../src/solve/solve';
import { katsura } from '../src/systems';

const withBudget = (bytes: number) => new Deadline(Infinity, 'test', Infinity, { memory: new MemoryBudget(bytes) });
const HOW_TO_RAISE = /raise it with --max-memory MB on the command line, the memoryBudget option of the library in bytes/;

describe('F4', () => {
  const { polynomials } = katsura(6, Zp(65521));
  test('a matrix past the budget is refused before it is reduced; a sufficient budget changes nothing', () => {
    // katsura-6 mod p: 7 rounds, matrices up to 392 × 411 (about 200 kB by the estimate).
    let error: unknown;
    try {
      f4(polynomials, { deadline: withBudget(100_000) });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MemoryLimitError);
    expect(error).toBeInstanceOf(ResourceLimitError);
    const m = error as MemoryLimitError;
    expect(m.message).toMatch(/^an F4 matrix of \d+ rows × \d+ columns \([\d,]+ entries\) needs about [\d.]+ kB, more than the memory budget of 97.7 kB/);
    expect(m.message).toMatch(HOW_TO_RAISE);
    expect(m.estimate).toBeGreaterThan(m.budget);
    expect(m.budget).toBe(100_000);
    const plain = f4(polynomials).basis;
    const budgeted = f4(polynomials, { deadline: withBudget(300_000) }).basis;
    expect(budgeted.map(String)).toEqual(plain.map(String));
  });
  test('the monomial table is refused before it doubles', () => {
    const table = new MonomialTable(3, degrevlex, () => 0, 16);
    table.budget = new MemoryBudget(10_000);
    // 16 monomials fit; doubling to 64 costs 64 · 56 = 3,584 bytes (table.bytesPerMonomial: exponents 16, three ints 12, packed key 4, two slots of 3 ints 24), to 256 14,336 bytes.
    expect(() => {
      for (let i = 0; i < 200; i++) table.intern([i, i, 0, 0]);
    }).toThrow(/^the F4 monomial table, doubling to 256 monomials in 3 variables, needs about 14 kB, more than the memory budget of 9\.77 kB/);
    expect(table.size).toBe(128);
  });
  test('computeGroebner over Q: the memoryBudget option', () => {
    const { polynomials: qq } = katsura(5);
    expect(() => computeGroebner(qq, { memoryBudget: 20_000 })).toThrow(MemoryLimitError);
    expect(computeGroebner(qq, { memoryBudget: 1e9 }).basis.length).toBeGreaterThan(0);
    expect(() => computeGroebner(qq, { memoryBudget: -1 })).toThrow(InputError);
    expect(() => computeGroebner(qq, { memoryBudget: 1e9, deadline: new Deadline() })).toThrow(/give memoryBudget or a deadline/);
  });
});

describe('products and powers', () => {
  const R = new PolynomialRing(QQ, ['a', 'b', 'c', 'd', 'e'], degrevlex);
  test('a product whose distinct terms pass the budget is stopped while it is formed', () => {
    const s = parsePolynomial('(a+b+c+d+e+1)^4', { ring: R });
    // s has 126 terms; s·s has 1,287, about 290 kB by the estimate (232 bytes a term).
    expect(() => s.mul(s, withBudget(50_000))).toThrow(/^the product of polynomials of 126 and 126 terms \([\d,]+ distinct terms after \d+ of 126, in 5 variables\) needs about [\d.]+ kB, more than the memory budget of 48.8 kB/);
    expect(s.mul(s, withBudget(400_000)).length).toBe(1287);
  });
  test('the parser: memoryBudget option, or the deadline it is given', () => {
    expect(() => parsePolynomial('(a+b+c+d+e+1)^8', { ring: R, memoryBudget: 50_000 })).toThrow(MemoryLimitError);
    expect(() => parsePolynomial('(a+b+c+d+e+1)^8', { ring: R, deadline: withBudget(50_000) })).toThrow(MemoryLimitError);
    expect(parsePolynomial('(a+b+c+d+e+1)^8', { ring: R, memoryBudget: 1e7 }).length).toBe(1287);
  });
  test('pow and computations given no deadline use the default budget', () => {
    const s = parsePolynomial('(a+b+c+d+e+1)^4', { ring: R });
    try {
      setDefaultMemoryBudget(new MemoryBudget(50_000));
      expect(memoryBudgetOf().bytes).toBe(50_000);
      expect(() => s.pow(2)).toThrow(MemoryLimitError);
    } finally {
      setDefaultMemoryBudget(undefined);
    }
    expect(memoryBudgetOf().bytes).toBeGreaterThanOrEqual(2 ** 30);
    expect(s.pow(2).length).toBe(1287);
  });
});

describe('the quotient algebra', () => {
  test('dense multiplication matrices are checked before they are allocated', () => {
    // katsura-5 mod p: 32 solutions, a 32 × 32 matrix is 8 kB by the estimate.
    const { polynomials } = katsura(5, Zp(65521));
    const A = new QuotientAlgebra(f4(polynomials).basis);
    expect(A.dimension).toBe(32);
    try {
      setDefaultMemoryBudget(new MemoryBudget(6_000));
      expect(() => A.variableMatrix(0)).toThrow(/^1 multiplication matrices of size 32 × 32 \(the quotient algebra of 32 solutions\) needs about 8 kB/);
    } finally {
      setDefaultMemoryBudget(undefined);
    }
    expect(A.variableMatrix(0).length).toBe(32);
  });
  test('solve: the memoryBudget option reaches the solver', () => {
    const { polynomials } = katsura(4);
    expect(() => solve(polynomials, { memoryBudget: 10_000 })).toThrow(MemoryLimitError);
    expect(solve(polynomials, { memoryBudget: 1e9 }).complete).toBe(true);
  });
});

test('formatBytes', () => {
  expect([500, 10_000, 1.5 * 2 ** 20, 2 ** 31, 300 * 2 ** 30].map(formatBytes)).toEqual(['500 bytes', '9.77 kB', '1.5 MB', '2 GB', '300 GB']);
});
