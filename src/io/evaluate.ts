/**
 * Evaluation of a syntax tree to a polynomial of a given ring, with size limits checked before
 * each product is formed.
 *
 * Numbers are read exactly (`0.3` is 3/10, `1e-3` is 1/1000) and mapped into the ring's field;
 * `/` requires a divisor that evaluates to a non-zero constant. A sum is collected in one pass
 * and normalized once (a long sum costs O(n log n), not O(n²)). Before a product a·b the
 * evaluator bounds its size: the number of terms by the smallest of |a|·|b|, the box of
 * per-variable exponent ranges and the count of monomials in the total-degree range; the work by
 * |a|·|b|; over QQ the coefficient size by the bit sizes of the factors. A power p^k is bounded
 * the same way up front (plus the multinomial count C(|p|+k−1, k)) and computed by repeated
 * squaring with checked products. The total degree of a product or power is bounded too. Limits are upper bounds, so an input can be refused whose
 * expansion would in fact cancel below the limit; the messages name the option to raise.
 * An optional deadline is checked before each summand and factor and inside each product.
 */
import { Field } from '../arithmetic/field';
import { bitLength } from '../arithmetic/integers';
import { parseRational, Rational } from '../arithmetic/rational';
import { Deadline } from '../errors';
import { Polynomial, PolynomialRing } from '../poly/polynomial';
import { ExpansionLimitError, ParseError } from './errors';
import { Expr } from './syntax';

/** The limits the evaluator enforces. */
export interface ExpansionLimits {
  /** Most terms any intermediate or final polynomial may have. */
  readonly maxTerms: number;
  /** Most term-by-term multiplications one product may take. */
  readonly maxProducts: number;
  /** Over QQ, the largest bit size of a numerator or denominator a product or power may produce. */
  readonly maxCoefficientBits: number;
  /**
   * Most exponents (terms × (variables + 1)) one polynomial may hold: exponent vectors are dense,
   * so a sum of 20,000 variables would hold 400 million of them (gigabytes).
   */
  readonly maxExponents: number;
  /** Largest total degree a product or power may have (exponents must stay exact 32-bit integers downstream). */
  readonly maxDegree: number;
}

/** Evaluates one tree in `ring` (every name in it must be a variable of the ring). */
export function evaluate<T>(expr: Expr, ring: PolynomialRing<T>, text: string, limits: ExpansionLimits, deadline = new Deadline()): Polynomial<T> {
  return new Evaluator(ring, text, limits, deadline).eval(expr);
}

interface Shape {
  readonly terms: number;
  readonly minDeg: number;
  readonly maxDeg: number;
  readonly minExp: readonly number[];
  readonly maxExp: readonly number[];
  /** Largest bit size of a numerator or denominator (0 outside characteristic 0). */
  readonly bits: number;
}

/** C(n + d, n) as a double (Infinity when huge): the number of monomials of degree ≤ d in n variables. */
function monomialsUpTo(n: number, d: number): number {
  if (d < 0) return 0;
  let r = 1;
  for (let i = 1; i <= n; i++) {
    r = (r * (d + i)) / i;
    if (!Number.isFinite(r)) return Infinity;
  }
  return Math.round(r);
}

class Evaluator<T> {
  private readonly field: Field<T>;
  constructor(
    private readonly ring: PolynomialRing<T>,
    private readonly text: string,
    private readonly limits: ExpansionLimits,
    private readonly deadline: Deadline,
  ) {
    this.field = ring.field;
  }

  eval(e: Expr): Polynomial<T> {
    switch (e.kind) {
      case 'number':
        return this.ring.constant(this.number(e.text, e.position));
      case 'variable':
        return this.ring.variable(this.ring.varIndex(e.name));
      case 'neg':
        return this.eval(e.operand).neg();
      case 'sum': {
        let monos: (readonly number[])[] = [];
        let coeffs: T[] = [];
        const compact = (): Polynomial<T> => {
          const s = this.ring.normalize(monos, coeffs);
          if (s.length > this.limits.maxTerms) {
            throw new ExpansionLimitError('maxTerms', `this sum has ${s.length} terms, more than the limit ${this.limits.maxTerms} (option maxTerms)`, this.text, e.position);
          }
          monos = [...s.monomials];
          coeffs = [...s.coefficients];
          return s;
        };
        const stride = this.ring.nvars + 1;
        for (const t of e.terms) {
          this.deadline.check();
          const p = this.eval(t.expr);
          if ((monos.length + p.length) * stride > this.limits.maxExponents) {
            this.tooBig('maxExponents', `this sum holds {} exponents (${monos.length + p.length} terms so far in ${this.ring.nvars} variables)`, (monos.length + p.length) * stride, e.position);
          }
          for (let i = 0; i < p.length; i++) {
            monos.push(p.monomials[i]);
            coeffs.push(t.negate ? this.field.neg(p.coefficients[i]) : p.coefficients[i]);
          }
          // Many large summands: combine early so the pending terms stay within a few times the limit.
          if (monos.length > 2 * this.limits.maxTerms) compact();
        }
        return compact();
      }
      case 'product': {
        let acc = this.eval(e.factors[0].expr);
        for (let k = 1; k < e.factors.length; k++) {
          this.deadline.check();
          const f = e.factors[k];
          const v = this.eval(f.expr);
          if (f.op === '*') {
            acc = this.mul(acc, v, f.opPosition);
          } else {
            if (!v.isConstant()) {
              this.fail('division-by-non-constant', 'division by a non-constant: only division by a non-zero constant is polynomial', f.expr.position);
            }
            if (v.isZero()) this.fail('division-by-zero', `division by zero${this.field.characteristic === 0n ? '' : ` in ${this.field.name}`}`, f.expr.position);
            acc = acc.scale(this.field.inv(v.coefficients[0]));
          }
        }
        return acc;
      }
      case 'power':
        return this.pow(this.eval(e.base), e.exponent, e.opPosition);
    }
  }

  private fail(kind: 'division-by-non-constant' | 'division-by-zero' | 'exponent-too-large', reason: string, position: number): never {
    throw new ParseError(kind, reason, this.text, position);
  }

  private number(text: string, position: number): T {
    let r: Rational;
    try {
      r = parseRational(text);
    } catch {
      this.fail('exponent-too-large', `the decimal exponent of ${text} is too large`, position);
    }
    try {
      return this.field.fromRational(r);
    } catch {
      this.fail('division-by-zero', `the denominator of ${text} vanishes in ${this.field.name}`, position);
    }
  }

  private shape(p: Polynomial<T>): Shape {
    const n = this.ring.nvars;
    const minExp = new Array<number>(n).fill(Infinity);
    const maxExp = new Array<number>(n).fill(0);
    let minDeg = Infinity;
    let maxDeg = 0;
    let bits = 0;
    const exact = this.field.characteristic === 0n;
    for (let t = 0; t < p.length; t++) {
      const m = p.monomials[t];
      if (m[0] < minDeg) minDeg = m[0];
      if (m[0] > maxDeg) maxDeg = m[0];
      for (let i = 0; i < n; i++) {
        const x = m[i + 1];
        if (x < minExp[i]) minExp[i] = x;
        if (x > maxExp[i]) maxExp[i] = x;
      }
      if (exact) {
        const r = this.field.toRational(p.coefficients[t]);
        const b = Math.max(bitLength(r.num), bitLength(r.den));
        if (b > bits) bits = b;
      }
    }
    return { terms: p.length, minDeg, maxDeg, minExp, maxExp, bits };
  }

  /** c^k in the field, by repeated squaring. */
  private fieldPow(c: T, k: number): T {
    const F = this.field;
    let result = F.one;
    let base = c;
    for (let e = k; e > 0; e = Math.floor(e / 2)) {
      if (e & 1) result = F.mul(result, base);
      if (e > 1) base = F.mul(base, base);
    }
    return result;
  }

  /** Largest bit size of a numerator or denominator of p (0 outside characteristic 0). */
  private maxBits(p: Polynomial<T>): number {
    if (this.field.characteristic !== 0n) return 0;
    let bits = 0;
    for (const c of p.coefficients) {
      const r = this.field.toRational(c);
      const b = Math.max(bitLength(r.num), bitLength(r.den));
      if (b > bits) bits = b;
    }
    return bits;
  }

  /** Upper bound on the terms of a product whose exponents span the given ranges. */
  private termBound(minDeg: number, maxDeg: number, minExp: readonly number[], maxExp: readonly number[]): number {
    const n = this.ring.nvars;
    let box = 1;
    for (let i = 0; i < n; i++) box *= maxExp[i] - minExp[i] + 1;
    const byDegree = monomialsUpTo(n, maxDeg) - monomialsUpTo(n, minDeg - 1);
    return Math.min(box, byDegree);
  }

  private tooBig(limit: keyof ExpansionLimits, what: string, value: number, position: number): never {
    const max = this.limits[limit];
    const shown = Number.isFinite(value) ? String(Math.ceil(value)) : 'astronomically many';
    throw new ExpansionLimitError(limit, `${what.replace('{}', shown)}, more than the limit ${max} (option ${limit})`, this.text, position);
  }

  /** a·b after checking the limits; `position` is where the product is in the text. */
  private mul(a: Polynomial<T>, b: Polynomial<T>, position: number): Polynomial<T> {
    if (a.isZero() || b.isZero()) return this.ring.zero();
    if (a.length === 1 || b.length === 1) {
      const degree = a.totalDegree() + b.totalDegree();
      if (degree > this.limits.maxDegree) this.tooBig('maxDegree', 'this product has degree {}', degree, position);
      // A term times a polynomial keeps the number of terms; only coefficients can grow.
      const bits = this.maxBits(a) + this.maxBits(b);
      if (bits > this.limits.maxCoefficientBits) this.tooBig('maxCoefficientBits', 'this product may have coefficients of {} bits', bits, position);
      return a.mul(b, this.deadline);
    }
    const work = a.length * b.length;
    if (work > this.limits.maxProducts) this.tooBig('maxProducts', 'this product needs {} term multiplications', work, position);
    const sa = this.shape(a);
    const sb = this.shape(b);
    if (sa.maxDeg + sb.maxDeg > this.limits.maxDegree) this.tooBig('maxDegree', 'this product has degree {}', sa.maxDeg + sb.maxDeg, position);
    const n = this.ring.nvars;
    const bound = Math.min(
      work,
      this.termBound(
        sa.minDeg + sb.minDeg,
        sa.maxDeg + sb.maxDeg,
        Array.from({ length: n }, (_, i) => sa.minExp[i] + sb.minExp[i]),
        Array.from({ length: n }, (_, i) => sa.maxExp[i] + sb.maxExp[i]),
      ),
    );
    if (bound > this.limits.maxTerms) this.tooBig('maxTerms', 'this product may have up to {} terms', bound, position);
    if (bound * (n + 1) > this.limits.maxExponents) this.tooBig('maxExponents', `this product may hold up to {} exponents (${bound} terms in ${n} variables)`, bound * (n + 1), position);
    const bits = sa.bits + sb.bits + Math.ceil(Math.log2(Math.min(a.length, b.length)));
    if (bits > this.limits.maxCoefficientBits) this.tooBig('maxCoefficientBits', 'this product may have coefficients of {} bits', bits, position);
    return a.mul(b, this.deadline);
  }

  /** p^k after checking the limits for the result, by repeated squaring with checked products. */
  private pow(p: Polynomial<T>, k: number, position: number): Polynomial<T> {
    if (k === 0) return this.ring.one();
    if (k === 1 || p.isZero()) return p;
    if (p.length === 1) {
      if (k * p.monomials[0][0] > this.limits.maxDegree) this.tooBig('maxDegree', `this power ^${k} has degree {}`, k * p.monomials[0][0], position);
      const bits = k * this.maxBits(p);
      if (bits > this.limits.maxCoefficientBits) this.tooBig('maxCoefficientBits', `this power ^${k} may have coefficients of {} bits`, bits, position);
      return this.ring.term(p.monomials[0].map((e) => e * k), this.fieldPow(p.coefficients[0], k));
    }
    const s = this.shape(p);
    if (k * s.maxDeg > this.limits.maxDegree) this.tooBig('maxDegree', `this power ^${k} has degree {}`, k * s.maxDeg, position);
    let multinomial = 1;
    for (let i = 1; i < s.terms && multinomial <= this.limits.maxTerms; i++) multinomial = (multinomial * (k + i)) / i;
    const bound = Math.min(
      multinomial,
      this.termBound(k * s.minDeg, k * s.maxDeg, s.minExp.map((x) => k * x), s.maxExp.map((x) => k * x)),
    );
    if (bound > this.limits.maxTerms) this.tooBig('maxTerms', `this power ^${k} may have up to {} terms`, bound, position);
    const stride = this.ring.nvars + 1;
    if (bound * stride > this.limits.maxExponents) this.tooBig('maxExponents', `this power ^${k} may hold up to {} exponents (${bound} terms in ${this.ring.nvars} variables)`, bound * stride, position);
    const bits = k * (s.bits + Math.log2(s.terms));
    if (bits > this.limits.maxCoefficientBits) this.tooBig('maxCoefficientBits', `this power ^${k} may have coefficients of {} bits`, bits, position);
    let result: Polynomial<T> | undefined;
    let base = p;
    let e = k;
    for (;;) {
      if (e & 1) result = result === undefined ? base : this.mul(result, base, position);
      e = Math.floor(e / 2);
      if (e === 0) break;
      base = this.mul(base, base, position);
    }
    return result as Polynomial<T>;
  }
}
