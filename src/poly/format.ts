/**
 * Canonical text of a polynomial: terms in decreasing monomial order, each as
 * `coefficient*x^e*y`, with `-` for negative leading signs and exact rational coefficients
 * (`-3/4*x^2*y + z - 1`). The parser reads this text back to the same polynomial, which the
 * property tests check (parse ∘ print = identity).
 */
import { Field } from '../arithmetic/field';
import { Monomial } from '../monomials/monomial';

/** Canonical text of one monomial, or '' for 1. */
export function formatMonomial(vars: readonly string[], m: Monomial): string {
  const parts: string[] = [];
  for (let i = 1; i < m.length; i++) {
    if (m[i] === 0) continue;
    parts.push(m[i] === 1 ? vars[i - 1] : `${vars[i - 1]}^${m[i]}`);
  }
  return parts.join('*');
}

/** Canonical text of a polynomial given as sorted terms. Zero prints as `0`. */
export function formatPolynomial<T>(vars: readonly string[], monos: readonly Monomial[], coeffs: readonly T[], field: Field<T>): string {
  if (monos.length === 0) return '0';
  let out = '';
  for (let i = 0; i < monos.length; i++) {
    let c = field.toString(coeffs[i]);
    let negative = false;
    if (c.startsWith('-')) {
      negative = true;
      c = c.slice(1);
    }
    const mono = formatMonomial(vars, monos[i]);
    let body: string;
    if (mono === '') body = c;
    else if (c === '1') body = mono;
    else body = `${c}*${mono}`;
    if (i === 0) out = negative ? `-${body}` : body;
    else out += negative ? ` - ${body}` : ` + ${body}`;
  }
  return out;
}
