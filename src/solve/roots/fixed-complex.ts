/**
 * Complex numbers in binary fixed point on bigints, for root finding beyond double precision.
 *
 * Representation: a `Fixed` context holds the precision `prec`; a complex number is
 * `{ re, im }` with bigint components meaning re/2^prec and im/2^prec. Products and quotients
 * truncate toward −∞ (an arithmetic right shift), so each operation errs by at most one unit in
 * the last place (2^−prec) per component; additions are exact. Magnitudes are unbounded (bigints
 * grow), so polynomial values far from the origin do not overflow as doubles would.
 */
import { bitLength, isqrt } from '../../arithmetic/integers';

/** A complex number re/2^prec + i·im/2^prec. */
export interface FC {
  readonly re: bigint;
  readonly im: bigint;
}

/** Fixed-point complex arithmetic at `prec` fractional bits. */
export class Fixed {
  readonly one: bigint;
  private readonly p: bigint;
  constructor(readonly prec: number) {
    this.p = BigInt(prec);
    this.one = 1n << this.p;
  }
  /** The fixed-point image of an integer. */
  int(n: bigint): bigint {
    return n << this.p;
  }
  /** The nearest fixed-point value below a double (exact conversion of the double first). */
  fromNumber(x: number): bigint {
    if (!Number.isFinite(x)) throw new RangeError(`not finite: ${x}`);
    if (x === 0) return 0n;
    // x = m·2^e exactly with an integer m of 53 bits.
    const e = Math.floor(Math.log2(Math.abs(x))) - 52;
    // Scale in two halves: 2^−e alone overflows (or 2^e underflows) for subnormal and huge x.
    const a = Math.trunc(-e / 2);
    const m = BigInt(Math.round(x * 2 ** a * 2 ** (-e - a)));
    const s = BigInt(e) + this.p;
    return s >= 0n ? m << s : m >> -s;
  }
  /** A double close to the fixed-point value (for seeds and comparisons only). */
  toNumber(x: bigint): number {
    const bits = bitLength(x);
    if (bits <= 60) return Number(x) / 2 ** this.prec;
    const s = bits - 60;
    // x >> s keeps the top 60 bits; scaling in two steps avoids overflowing 2^s on its own.
    const h = Math.floor(this.prec / 2);
    return Number(x >> BigInt(s)) * 2 ** (s - h) * 2 ** (h - this.prec);
  }
  /** The same value at another precision. */
  rescale(x: bigint, from: Fixed): bigint {
    const d = this.prec - from.prec;
    return d >= 0 ? x << BigInt(d) : x >> BigInt(-d);
  }
  add(a: FC, b: FC): FC {
    return { re: a.re + b.re, im: a.im + b.im };
  }
  sub(a: FC, b: FC): FC {
    return { re: a.re - b.re, im: a.im - b.im };
  }
  mul(a: FC, b: FC): FC {
    return { re: (a.re * b.re - a.im * b.im) >> this.p, im: (a.re * b.im + a.im * b.re) >> this.p };
  }
  /** a/b; throws a RangeError when b = 0. */
  div(a: FC, b: FC): FC {
    const d = b.re * b.re + b.im * b.im;
    if (d === 0n) throw new RangeError('fixed-point complex division by zero');
    return { re: ((a.re * b.re + a.im * b.im) << this.p) / d, im: ((a.im * b.re - a.re * b.im) << this.p) / d };
  }
  /** ⌊|a|⌋ in fixed point (a lower bound of the modulus). */
  absFloor(a: FC): bigint {
    return isqrt(a.re * a.re + a.im * a.im);
  }
  /** An upper bound of |a| in fixed point. */
  absCeil(a: FC): bigint {
    return isqrt(a.re * a.re + a.im * a.im) + 1n;
  }
  /** p(z) and p′(z) by Horner's rule, for integer coefficients (ascending). */
  evalWithDerivative(c: readonly bigint[], z: FC): [FC, FC] {
    let v: FC = { re: 0n, im: 0n };
    let d: FC = { re: 0n, im: 0n };
    for (let i = c.length - 1; i >= 0; i--) {
      d = this.add(this.mul(d, z), v);
      v = this.mul(v, z);
      v = { re: v.re + (c[i] << this.p), im: v.im };
    }
    return [v, d];
  }
  /** p(z) by Horner's rule. */
  eval(c: readonly bigint[], z: FC): FC {
    let v: FC = { re: 0n, im: 0n };
    for (let i = c.length - 1; i >= 0; i--) {
      v = this.mul(v, z);
      v = { re: v.re + (c[i] << this.p), im: v.im };
    }
    return v;
  }
}
