/**
 * Checks of what JavaScript callers pass to the public entries that take a system of polynomials
 * (`groebner`, `solve`, `criticalPoints` through its loss): TypeScript's types do not reach them,
 * and a wrong value must give an InputError that says what, where and what to do — not a
 * TypeError deep inside, and never a silent conversion (polynomials over Z/7 read as integers
 * by a solver over Q).
 *
 * A system is a list of `Polynomial`s of one field and one set of variables; the entry says
 * whether the monomial orders must agree too (`groebner` computes in one ring) and which field
 * it works over (`solve`: QQ).
 */
import { Field } from '../arithmetic/field';
import { InputError } from '../errors';
import { Polynomial, PolynomialRing } from './polynomial';

function describe(x: unknown): string {
  if (x === null) return 'null';
  if (Array.isArray(x)) return 'a list';
  if (typeof x === 'string') return `the string '${x.length > 40 ? x.slice(0, 40) + '…' : x}'`;
  return typeof x;
}

/**
 * Checks that `polys` is a non-empty list of polynomials over one field and in one set of
 * variables (and one order when `sameOrder`), over `field` when given; returns the first ring.
 * Example: `checkSystem(ps, 'solve', { field: QQ })`.
 */
export function checkSystem<T>(polys: unknown, where: string, options: { field?: Field<T>; sameOrder?: boolean } = {}): PolynomialRing<T> {
  if (!Array.isArray(polys)) throw new InputError(`${where} takes a list of polynomials (e.g. parsePolynomials(text).polynomials), got ${describe(polys)}`);
  if (polys.length === 0) throw new InputError(`${where} needs at least one polynomial (give 0 for the zero ideal)`);
  polys.forEach((p, i) => {
    if (!(p instanceof Polynomial)) throw new InputError(`${where}: entry ${i + 1} of the list is ${describe(p)}, not a Polynomial (parse text with parsePolynomials)`);
  });
  const list = polys as Polynomial<T>[];
  const R = list[0].ring;
  if (options.field && R.field !== options.field) {
    throw new InputError(`${where} works over ${options.field.name}; polynomial 1 is over ${R.field.name} (parse the system without a field option)`);
  }
  list.forEach((p, i) => {
    const S = p.ring;
    if (S === R) return;
    if (S.field !== R.field) throw new InputError(`${where}: polynomial ${i + 1} is over ${S.field.name} and polynomial 1 over ${R.field.name}; a system lives in one ring (parse its polynomials together)`);
    if (S.vars.length !== R.vars.length || S.vars.some((v, k) => v !== R.vars[k])) {
      throw new InputError(`${where}: polynomial ${i + 1} is in the variables ${S.vars.join(', ')} and polynomial 1 in ${R.vars.join(', ')}; a system lives in one ring (parse its polynomials together)`);
    }
    if (options.sameOrder && !S.equals(R)) throw new InputError(`${where}: polynomial ${i + 1} is in the ring ${S} and polynomial 1 in ${R}; a system lives in one ring (parse its polynomials together)`);
  });
  return R;
}

/** Checks that `p` is a Polynomial (an InputError naming the entry otherwise). */
export function checkPolynomial(p: unknown, where: string, what = 'the polynomial'): void {
  if (!(p instanceof Polynomial)) throw new InputError(`${where}: ${what} is ${describe(p)}, not a Polynomial (parse text with parsePolynomial)`);
}

/** Checks that `polys` is a list (possibly empty) of Polynomials in one ring. */
export function checkPolynomialList(polys: unknown, where: string, what = 'the basis'): void {
  if (!Array.isArray(polys)) throw new InputError(`${where}: ${what} must be a list of polynomials, got ${describe(polys)}`);
  if (polys.length > 0) checkSystem(polys, where);
}

/** The largest `digits` option the library accepts (the CLI's `--digits` stops at 1000). */
export const MAX_DIGITS = 100_000;

/**
 * The `digits` option of an entry: undefined (or null) for the default, else an integer from 1 to
 * MAX_DIGITS — 0 printed every decimal as "0", fractions threw RangeErrors from inside.
 */
export function digitsOption(digits: unknown, where: string, fallback = 20): number {
  if (digits === undefined || digits === null) return fallback;
  if (typeof digits !== 'number' || !Number.isInteger(digits) || digits < 1 || digits > MAX_DIGITS) {
    throw new InputError(`${where}: digits must be an integer from 1 to ${MAX_DIGITS}, got ${typeof digits === 'string' ? `'${digits}'` : String(digits)}`);
  }
  return digits;
}
