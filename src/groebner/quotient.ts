/**
 * The quotient algebra A = K[x]/I of a zero-dimensional ideal as a finite-dimensional vector
 * space: the standard monomials of a Gröbner basis are its basis, normal forms give coordinates,
 * and the multiplication matrices M_f (the matrix of a ↦ f·a) describe the algebra.
 *
 * Coordinates are dense arrays indexed like `basis`. Multiplication matrices are computed
 * column by column from normal forms of x_i·b (Cox–Little–O'Shea, Using Algebraic Geometry,
 * §2.4); the eigenvalues of M_f are the values of f at the solutions, with multiplicity
 * (Stickelberger's theorem). The matrices are dense (D² entries): before one is allocated, the
 * matrices held with it are compared with the memory budget (8 bytes an entry).
 */
import { Field } from '../arithmetic/field';
import { memoryBudgetOf } from '../errors';
import { Matrix, matMul, zeroMatrix } from '../arithmetic/matrix';
import { Monomial, monomialKey, mulMonomials, variableMonomial } from '../monomials/monomial';
import { Polynomial, PolynomialRing } from '../poly/polynomial';
import { normalForm } from './normal-form';
import { standardMonomials } from './ideal';

export class QuotientAlgebra<T> {
  readonly ring: PolynomialRing<T>;
  readonly field: Field<T>;
  /** The standard monomials, increasing in the ring's order. */
  readonly basis: Monomial[];
  private readonly index: Map<string, number>;
  private readonly mulCache = new Map<number, Matrix<T>>();
  /** Basis elements by leading monomial, when their tails are standard (as in a reduced basis). */
  private readonly borderTails = new Map<string, Polynomial<T>>();

  /** G must be a Gröbner basis of a zero-dimensional ideal. */
  constructor(readonly groebnerBasis: readonly Polynomial<T>[]) {
    this.ring = groebnerBasis[0].ring;
    this.field = this.ring.field;
    this.basis = standardMonomials(groebnerBasis);
    this.index = new Map(this.basis.map((m, i) => [monomialKey(m), i]));
    for (const g of groebnerBasis) {
      if (g.isZero()) continue;
      const tail = new Polynomial(this.ring, g.monomials.slice(1), g.coefficients.slice(1));
      if (tail.monomials.every((m) => this.index.has(monomialKey(m)))) this.borderTails.set(monomialKey(g.lm()), tail.scale(this.field.neg(this.field.inv(g.lc()))));
    }
  }

  /** dim_K A: the number of solutions counted with multiplicity. */
  get dimension(): number {
    return this.basis.length;
  }

  /** Coordinates of the normal form of f in the standard monomial basis. */
  coordinates(f: Polynomial<T>): T[] {
    // A single monomial that leads a basis element g with a standard tail: NF = −tail(g)/lc(g).
    const r = (f.length === 1 && this.borderTails.get(monomialKey(f.monomials[0]))?.scale(f.coefficients[0])) || normalForm(f, this.groebnerBasis);
    const v = new Array<T>(this.basis.length).fill(this.field.zero);
    for (let k = 0; k < r.length; k++) {
      const i = this.index.get(monomialKey(r.monomials[k]));
      if (i === undefined) throw new Error('normal form has a non-standard monomial');
      v[i] = r.coefficients[k];
    }
    return v;
  }

  /** The polynomial with the given coordinates. */
  element(v: readonly T[]): Polynomial<T> {
    const monos: Monomial[] = [];
    const coeffs: T[] = [];
    v.forEach((c, i) => {
      if (!this.field.isZero(c)) {
        monos.push(this.basis[i]);
        coeffs.push(c);
      }
    });
    return this.ring.normalize(monos, coeffs);
  }

  /**
   * The matrix of multiplication by the i-th variable: column j holds NF(x_i·b_j). A product is
   * either standard (a unit column), or the leading monomial of a reduced basis element (its
   * tail, read off without reduction), or else reduced. For the last variable of a degrevlex
   * basis in generic coordinates nearly all columns are of the first two kinds.
   */
  variableMatrix(i: number): Matrix<T> {
    const cached = this.mulCache.get(i);
    if (cached) return cached;
    const D = this.basis.length;
    this.checkDense(this.mulCache.size + 1);
    const M = zeroMatrix(this.field, D, D);
    const xi = variableMonomial(this.ring.nvars, i);
    for (let j = 0; j < D; j++) {
      const prod = mulMonomials(this.basis[j], xi);
      const k = this.index.get(monomialKey(prod));
      if (k !== undefined) {
        M[k][j] = this.field.one;
        continue;
      }
      const col = this.coordinates(this.ring.term(prod, this.field.one));
      for (let r = 0; r < D; r++) M[r][j] = col[r];
    }
    this.mulCache.set(i, M);
    return M;
  }

  /** Throws a MemoryLimitError when `count` dense D × D matrices are past the memory budget. */
  private checkDense(count: number): void {
    const D = this.basis.length;
    memoryBudgetOf().check(8 * count * D * D, () => `${count} multiplication matrices of size ${D.toLocaleString('en-US')} × ${D.toLocaleString('en-US')} (the quotient algebra of ${D.toLocaleString('en-US')} solutions)`);
  }

  /** The matrix of multiplication by a polynomial f, as Σ c·Π M_xi^e (Horner-free, cached powers). */
  multiplicationMatrix(f: Polynomial<T>): Matrix<T> {
    const F = this.field;
    const D = this.basis.length;
    this.checkDense(this.mulCache.size + 2);
    // Columns: NF(f·b_j) = f(M)·e_j; compute f(M) by summing products of variable matrices.
    let acc = zeroMatrix(F, D, D);
    for (let t = 0; t < f.length; t++) {
      const m = f.monomials[t];
      let P: Matrix<T> | undefined;
      for (let i = 0; i < this.ring.nvars; i++) {
        for (let e = 0; e < m[i + 1]; e++) P = P ? matMul(F, this.variableMatrix(i), P) : this.variableMatrix(i);
      }
      const c = f.coefficients[t];
      if (!P) {
        for (let d = 0; d < D; d++) acc[d][d] = F.add(acc[d][d], c);
      } else {
        const Q = P;
        acc = acc.map((row, r) => row.map((x, s) => (F.isZero(Q[r][s]) ? x : F.add(x, F.mul(c, Q[r][s])))));
      }
    }
    return acc;
  }
}
