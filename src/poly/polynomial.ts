/**
 * Sparse multivariate polynomials over a field, and the ring they live in.
 *
 * Representation: parallel arrays `monomials` and `coefficients`, sorted strictly decreasing in
 * the ring's monomial order, with no zero coefficient; the zero polynomial has no terms. So the
 * leading monomial is `monomials[0]` and equality is term-by-term. Polynomials are immutable:
 * every operation returns a new one. The ring owns the field, the variable names (in order:
 * x1 > x2 > … for lex-like orders) and the monomial order.
 */
import { Field, checkField } from '../arithmetic/field';
import type { Rational } from '../arithmetic/rational';
import { Deadline, InputError, memoryBudgetOf } from '../errors';
import {
  Monomial, divides, monomial, monomialKey, monomialsEqual, mulMonomials, oneMonomial, variableMonomial,
} from '../monomials/monomial';
import { Comparator, MonomialOrder, OrderName, comparator, degrevlex, orderArity, orderToString, sameOrder, toMonomialOrder } from '../monomials/order';
import { formatPolynomial } from './format';

const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*(\[\d+\])*$/;

/** A polynomial ring K[x1, …, xn] with a monomial order. */
export class PolynomialRing<T = Rational> {
  /** The comparator of the order (positive when a > b). */
  readonly cmp: Comparator;
  readonly nvars: number;
  private readonly index: Map<string, number>;

  /** The monomial order (a name given to the constructor is turned into its order). */
  readonly order: MonomialOrder;
  constructor(
    readonly field: Field<T>,
    readonly vars: readonly string[],
    order: MonomialOrder | OrderName = degrevlex,
  ) {
    checkField(field, 'new PolynomialRing');
    if (!Array.isArray(vars) || !vars.every((v) => typeof v === 'string')) throw new InputError(`new PolynomialRing: the variables must be a list of names, got ${JSON.stringify(vars) ?? typeof vars}`);
    this.order = toMonomialOrder(order, 'new PolynomialRing');
    this.nvars = vars.length;
    this.index = new Map(vars.map((v, i) => [v, i]));
    if (this.index.size !== vars.length) throw new InputError(`duplicate variable names in [${vars.join(', ')}]`);
    for (const v of vars) if (!VARIABLE_NAME.test(v)) throw new InputError(`'${v}' is not a valid variable name (letters, digits, _ and [i])`);
    const arity = orderArity(this.order);
    if (arity !== undefined && arity !== vars.length) {
      throw new InputError(`the order ${orderToString(this.order)} is for ${arity} variables, the ring has ${vars.length}`);
    }
    this.cmp = comparator(this.order, vars.length);
  }

  /** Index of a variable by name (throws an InputError for an unknown name). */
  varIndex(name: string): number {
    const i = this.index.get(name);
    if (i === undefined) throw new InputError(`unknown variable '${name}' (the ring has ${this.vars.join(', ') || 'no variables'})`);
    return i;
  }

  hasVar(name: string): boolean {
    return this.index.has(name);
  }

  zero(): Polynomial<T> {
    return new Polynomial(this, [], []);
  }

  one(): Polynomial<T> {
    return this.constant(this.field.one);
  }

  /** The constant polynomial c. */
  constant(c: T): Polynomial<T> {
    return this.field.isZero(c) ? this.zero() : new Polynomial(this, [oneMonomial(this.nvars)], [c]);
  }

  /** The constant n (an integer). */
  fromInt(n: number | bigint): Polynomial<T> {
    return this.constant(this.field.fromInt(n));
  }

  /** The variable with this name or index, as a polynomial. */
  variable(v: string | number): Polynomial<T> {
    const i = typeof v === 'number' ? v : this.varIndex(v);
    if (i < 0 || i >= this.nvars) throw new RangeError(`variable index ${i} out of range`);
    return new Polynomial(this, [variableMonomial(this.nvars, i)], [this.field.one]);
  }

  /** All variables as polynomials. */
  gens(): Polynomial<T>[] {
    return this.vars.map((_, i) => this.variable(i));
  }

  /** c·m for a monomial m (given as a Monomial or as plain exponents). */
  term(m: Monomial | readonly number[], c: T): Polynomial<T> {
    let mono: Monomial;
    if (m.length === this.nvars + 1 && m[0] === m.slice(1).reduce((a, b) => a + b, 0)) mono = m;
    else if (m.length === this.nvars) mono = monomial(m);
    else throw new RangeError(`term needs ${this.nvars} exponents (or a monomial [degree, ...exponents]), got ${m.length} entries`);
    return this.field.isZero(c) ? this.zero() : new Polynomial(this, [mono], [c]);
  }

  /**
   * A polynomial from terms in any order, possibly repeated (they are combined); exponents are
   * given without the degree slot. Example: `R.fromTerms([[[1, 0], one], [[0, 1], one]])` is x + y.
   */
  fromTerms(terms: Iterable<readonly [readonly number[], T]>): Polynomial<T> {
    const monos: Monomial[] = [];
    const coeffs: T[] = [];
    for (const [e, c] of terms) {
      if (e.length !== this.nvars) throw new RangeError(`term has ${e.length} exponents, ring has ${this.nvars}`);
      monos.push(monomial(e));
      coeffs.push(c);
    }
    return this.normalize(monos, coeffs);
  }

  /** Sorts, combines equal monomials and drops zeros. */
  normalize(monos: Monomial[], coeffs: T[]): Polynomial<T> {
    const F = this.field;
    const map = new Map<string, number>();
    const m2: Monomial[] = [];
    const c2: T[] = [];
    for (let i = 0; i < monos.length; i++) {
      const k = monomialKey(monos[i]);
      const j = map.get(k);
      if (j === undefined) {
        map.set(k, m2.length);
        m2.push(monos[i]);
        c2.push(coeffs[i]);
      } else c2[j] = F.add(c2[j], coeffs[i]);
    }
    const idx = m2.map((_, i) => i).filter((i) => !F.isZero(c2[i]));
    idx.sort((a, b) => this.cmp(m2[b], m2[a]));
    return new Polynomial(
      this,
      idx.map((i) => m2[i]),
      idx.map((i) => c2[i]),
    );
  }

  /** Are the two rings the same (field, variables and order)? */
  equals(other: PolynomialRing<unknown>): boolean {
    return other === this || (other.field === (this.field as Field<unknown>) && this.sameMonomials(other));
  }

  /**
   * Do the two rings have the same monomials in the same order (variables and monomial order),
   * whatever their fields? Then a polynomial moves between them by its coefficients alone.
   */
  sameMonomials(other: PolynomialRing<unknown>): boolean {
    return other.vars.length === this.vars.length && other.vars.every((v, i) => v === this.vars[i]) && sameOrder(other.order, this.order);
  }

  toString(): string {
    return `${this.field.name}[${this.vars.join(', ')}] (${orderToString(this.order)})`;
  }
}

/** An element of a PolynomialRing. Create through the ring, the parser or the operations. */
export class Polynomial<T = Rational> {
  /** @internal Callers must pass sorted monomials and non-zero coefficients (use ring.normalize otherwise). */
  constructor(
    readonly ring: PolynomialRing<T>,
    readonly monomials: readonly Monomial[],
    readonly coefficients: readonly T[],
  ) {}

  get field(): Field<T> {
    return this.ring.field;
  }

  /** Number of terms. */
  get length(): number {
    return this.monomials.length;
  }

  isZero(): boolean {
    return this.monomials.length === 0;
  }

  /** True for constants, zero included. */
  isConstant(): boolean {
    return this.monomials.length === 0 || (this.monomials.length === 1 && this.monomials[0][0] === 0);
  }

  isOne(): boolean {
    return this.isConstant() && !this.isZero() && this.field.isOne(this.coefficients[0]);
  }

  /** Leading monomial; throws a RangeError on zero. */
  lm(): Monomial {
    if (this.isZero()) throw new RangeError('the zero polynomial has no leading monomial');
    return this.monomials[0];
  }

  /** Leading coefficient (zero for the zero polynomial). */
  lc(): T {
    return this.isZero() ? this.field.zero : this.coefficients[0];
  }

  /** Leading term as a polynomial. */
  lt(): Polynomial<T> {
    return this.isZero() ? this : new Polynomial(this.ring, [this.monomials[0]], [this.coefficients[0]]);
  }

  /** Total degree (−1 for zero). */
  totalDegree(): number {
    let d = -1;
    for (const m of this.monomials) if (m[0] > d) d = m[0];
    return d;
  }

  /** Degree in one variable (−1 for zero). */
  degree(v: string | number): number {
    const i = (typeof v === 'number' ? v : this.ring.varIndex(v)) + 1;
    let d = -1;
    for (const m of this.monomials) if (m[i] > d) d = m[i];
    return d;
  }

  /** The constant coefficient. */
  constantCoefficient(): T {
    const n = this.monomials.length;
    return n > 0 && this.monomials[n - 1][0] === 0 ? this.coefficients[n - 1] : this.field.zero;
  }

  /** The coefficient of a monomial (zero when absent). */
  coefficient(m: Monomial): T {
    for (let i = 0; i < this.monomials.length; i++) if (monomialsEqual(this.monomials[i], m)) return this.coefficients[i];
    return this.field.zero;
  }

  /** Indices of the variables that occur. */
  support(): number[] {
    const used: number[] = [];
    for (let i = 0; i < this.ring.nvars; i++) if (this.monomials.some((m) => m[i + 1] > 0)) used.push(i);
    return used;
  }

  private check(other: Polynomial<T>): void {
    if (other.ring !== this.ring && !this.ring.equals(other.ring)) {
      throw new InputError(`polynomials from different rings: ${this.ring} and ${other.ring}`);
    }
  }

  add(other: Polynomial<T>): Polynomial<T> {
    this.check(other);
    return mergeTerms(this, other, false);
  }

  sub(other: Polynomial<T>): Polynomial<T> {
    this.check(other);
    return mergeTerms(this, other, true);
  }

  neg(): Polynomial<T> {
    const F = this.field;
    return new Polynomial(this.ring, this.monomials, this.coefficients.map((c) => F.neg(c)));
  }

  /** c·self for a field element c. */
  scale(c: T): Polynomial<T> {
    const F = this.field;
    if (F.isZero(c)) return this.ring.zero();
    if (F.isOne(c)) return this;
    return new Polynomial(this.ring, this.monomials, this.coefficients.map((a) => F.mul(a, c)));
  }

  /** c·m·self for a monomial m (multiplication by a monomial preserves the order). */
  mulTerm(m: Monomial, c: T): Polynomial<T> {
    const F = this.field;
    if (F.isZero(c)) return this.ring.zero();
    return new Polynomial(
      this.ring,
      this.monomials.map((a) => mulMonomials(a, m)),
      F.isOne(c) ? this.coefficients : this.coefficients.map((a) => F.mul(a, c)),
    );
  }

  /**
   * self·other; a `deadline` is checked once per term of self (a product can take minutes), and so
   * is its memory budget against the distinct terms formed so far (a MemoryLimitError past it).
   */
  mul(other: Polynomial<T>, deadline?: Deadline): Polynomial<T> {
    this.check(other);
    return multiply(this, other, deadline);
  }

  /** self^k for an integer k ≥ 0, by repeated squaring. */
  pow(k: number): Polynomial<T> {
    if (!Number.isSafeInteger(k) || k < 0) throw new RangeError(`power must be a non-negative integer, got ${k}`);
    let result = this.ring.one();
    let base: Polynomial<T> = this;
    while (k > 0) {
      if (k % 2 === 1) result = result.mul(base);
      k = Math.floor(k / 2);
      if (k > 0) base = base.mul(base);
    }
    return result;
  }

  equals(other: Polynomial<T>): boolean {
    if (this.monomials.length !== other.monomials.length) return false;
    const F = this.field;
    for (let i = 0; i < this.monomials.length; i++) {
      if (!monomialsEqual(this.monomials[i], other.monomials[i]) || !F.eq(this.coefficients[i], other.coefficients[i])) return false;
    }
    return true;
  }

  /** self / lc(self) (zero stays zero). */
  monic(): Polynomial<T> {
    if (this.isZero()) return this;
    return this.scale(this.field.inv(this.coefficients[0]));
  }

  /** Does lm(g) divide lm(self)? */
  leadDivisibleBy(g: Polynomial<T>): boolean {
    return !this.isZero() && !g.isZero() && divides(g.monomials[0], this.monomials[0]);
  }

  /** Canonical text: terms in decreasing order, `*` and `^`, exact coefficients. */
  toString(): string {
    return formatPolynomial(this.ring.vars, this.monomials, this.coefficients, this.field);
  }
}

/** a ± b by merging the two sorted term lists. */
function mergeTerms<T>(a: Polynomial<T>, b: Polynomial<T>, subtract: boolean): Polynomial<T> {
  const F = a.field;
  const cmp = a.ring.cmp;
  const am = a.monomials, ac = a.coefficients, bm = b.monomials, bc = b.coefficients;
  const monos: Monomial[] = [];
  const coeffs: T[] = [];
  let i = 0;
  let j = 0;
  while (i < am.length && j < bm.length) {
    const c = cmp(am[i], bm[j]);
    if (c > 0) {
      monos.push(am[i]);
      coeffs.push(ac[i++]);
    } else if (c < 0) {
      monos.push(bm[j]);
      coeffs.push(subtract ? F.neg(bc[j++]) : bc[j++]);
    } else {
      const s = subtract ? F.sub(ac[i], bc[j]) : F.add(ac[i], bc[j]);
      if (!F.isZero(s)) {
        monos.push(am[i]);
        coeffs.push(s);
      }
      i++;
      j++;
    }
  }
  for (; i < am.length; i++) {
    monos.push(am[i]);
    coeffs.push(ac[i]);
  }
  for (; j < bm.length; j++) {
    monos.push(bm[j]);
    coeffs.push(subtract ? F.neg(bc[j]) : bc[j]);
  }
  return new Polynomial(a.ring, monos, coeffs);
}

/**
 * Bytes one term of a product takes while it is formed, for the memory budget: the exponent array
 * (8 bytes a slot plus headers), a rational coefficient, its hash-map entry and list slots.
 */
export function termBytes(nvars: number): number {
  return 8 * (nvars + 1) + 192;
}

/**
 * a·b: products of all term pairs accumulated in a hash map, then sorted once. Monomials are
 * packed into one safe integer key when the product's exponents fit (mixed radix), otherwise a
 * string key is used. The distinct terms so far are compared with the memory budget once per
 * term of a (a product held 3 GB before this check: a power of a large sum).
 */
function multiply<T>(a: Polynomial<T>, b: Polynomial<T>, deadline?: Deadline): Polynomial<T> {
  if (a.isZero() || b.isZero()) return a.ring.zero();
  if (a.length === 1) return b.mulTerm(a.monomials[0], a.coefficients[0]);
  if (b.length === 1) return a.mulTerm(b.monomials[0], b.coefficients[0]);
  const F = a.field;
  const n = a.ring.nvars;
  const radix = a.totalDegree() + b.totalDegree() + 1;
  const packable = n * Math.log2(radix) < 52;
  const slots = new Map<number | string, number>();
  const monos: Monomial[] = [];
  const coeffs: T[] = [];
  const budget = memoryBudgetOf(deadline);
  const maxTerms = budget.items(termBytes(n));
  for (let i = 0; i < a.length; i++) {
    deadline?.check();
    if (monos.length > maxTerms) {
      budget.check(monos.length * termBytes(n), () => `the product of polynomials of ${a.length.toLocaleString('en-US')} and ${b.length.toLocaleString('en-US')} terms (${monos.length.toLocaleString('en-US')} distinct terms after ${i} of ${a.length}, in ${n} variables)`);
    }
    const ma = a.monomials[i];
    const ca = a.coefficients[i];
    for (let j = 0; j < b.length; j++) {
      const m = mulMonomials(ma, b.monomials[j]);
      let key: number | string;
      if (packable) {
        key = 0;
        for (let k = 1; k <= n; k++) key = key * radix + m[k];
      } else key = monomialKey(m);
      const c = F.mul(ca, b.coefficients[j]);
      const s = slots.get(key);
      if (s === undefined) {
        slots.set(key, monos.length);
        monos.push(m);
        coeffs.push(c);
      } else coeffs[s] = F.add(coeffs[s], c);
    }
  }
  const cmp = a.ring.cmp;
  const idx: number[] = [];
  for (let i = 0; i < monos.length; i++) if (!F.isZero(coeffs[i])) idx.push(i);
  idx.sort((x, y) => cmp(monos[y], monos[x]));
  return new Polynomial(
    a.ring,
    idx.map((i) => monos[i]),
    idx.map((i) => coeffs[i]),
  );
}
