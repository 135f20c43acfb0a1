/**
 * Printing polynomials: canonical text and LaTeX.
 *
 * Canonical text is `Polynomial.toString()` (`src/poly/format.ts`), which `parsePolynomial`
 * reads back to the same polynomial (parse ∘ print = identity, checked by the property tests).
 *
 * LaTeX follows the same term order and signs, and renders in math mode:
 * - coefficients: integers as digits, fractions as `\frac{3}{4}`; a unit coefficient is
 *   omitted and −1 prints as a bare minus; terms are joined by ` + ` and ` - `;
 * - a term is the coefficient and the variables separated by spaces, powers as `x^{2}`:
 *   `\frac{3}{4} x^{2} y - z`;
 * - names: letters followed by indices get subscripts, the indices joined by commas — trailing
 *   digits, `_`-separated digit groups and `[i]` suffixes are all indices: `x1` → `x_{1}`,
 *   `x_1` → `x_{1}`, `w0_1` → `w_{0,1}`, `x[2]` → `x_{2}`, `a[1][3]` → `a_{1,3}`;
 *   a one-letter base prints as is, a Greek letter name as its command (`alpha1` → `\alpha_{1}`),
 *   any other multi-letter base as `\mathit{rate}`; a name outside these patterns (`my_var`)
 *   prints as `\mathit{my\_var}`.
 * The LaTeX form is for reading, not for parsing back (`x1` and `x_1` look the same).
 */
import { Field } from '../arithmetic/field';
import { Monomial } from '../monomials/monomial';
import { Polynomial } from '../poly/polynomial';
import { checkPolynomial } from '../poly/arguments';

/** Canonical text of a polynomial (the same as `p.toString()`), e.g. `-3/4*x^2*y + z - 1`. */
export function toText<T>(p: Polynomial<T>): string {
  return p.toString();
}

const GREEK = new Set([
  'alpha', 'beta', 'gamma', 'delta', 'epsilon', 'varepsilon', 'zeta', 'eta', 'theta', 'vartheta', 'iota', 'kappa', 'lambda',
  'mu', 'nu', 'xi', 'pi', 'varpi', 'rho', 'varrho', 'sigma', 'varsigma', 'tau', 'upsilon', 'phi', 'varphi', 'chi', 'psi', 'omega',
  'Gamma', 'Delta', 'Theta', 'Lambda', 'Xi', 'Pi', 'Sigma', 'Upsilon', 'Phi', 'Psi', 'Omega',
]);

const INDEXED = /^([A-Za-z]+)_?(\d+(?:_\d+)*)?((?:\[\d+\])*)$/;

/** LaTeX of a variable name: `x1` → `x_{1}`, `w0_1` → `w_{0,1}`, `x[2]` → `x_{2}`, `beta` → `\beta`. */
export function latexVariable(name: string): string {
  const m = INDEXED.exec(name);
  if (!m) return `\\mathit{${name.replace(/_/g, '\\_')}}`;
  const [, base, digits, brackets] = m;
  if (digits === undefined && brackets === '' && name.includes('_')) return `\\mathit{${name.replace(/_/g, '\\_')}}`;
  const head = base.length === 1 ? base : GREEK.has(base) ? `\\${base}` : `\\mathit{${base}}`;
  const indices = [...(digits ? digits.split('_') : []), ...[...brackets.matchAll(/\[(\d+)\]/g)].map((b) => b[1])];
  return indices.length === 0 ? head : `${head}_{${indices.join(',')}}`;
}

/** LaTeX of a monomial (`x^{2} y`), '' for 1. */
export function latexMonomial(vars: readonly string[], m: Monomial): string {
  const parts: string[] = [];
  for (let i = 1; i < m.length; i++) {
    if (m[i] === 0) continue;
    const v = latexVariable(vars[i - 1]);
    parts.push(m[i] === 1 ? v : `${v}^{${m[i]}}`);
  }
  return parts.join(' ');
}

function latexCoefficient<T>(field: Field<T>, c: T): { negative: boolean; body: string; one: boolean } {
  const r = field.toRational(c);
  // Over Z/p the canonical representative is printed, as in the text form.
  const negative = field.characteristic === 0n && r.num < 0n;
  const num = negative ? -r.num : r.num;
  const body = r.den === 1n ? num.toString() : `\\frac{${num}}{${r.den}}`;
  return { negative, body, one: num === 1n && r.den === 1n };
}

/**
 * LaTeX of a polynomial (math mode, no delimiters).
 *
 * @example
 * toLatex(parsePolynomial('-3/4*x^2*y + w0_1 - x[2]')); // '-\frac{3}{4} x^{2} y + w_{0,1} - x_{2}'
 */
export function toLatex<T>(p: Polynomial<T>): string {
  checkPolynomial(p, 'toLatex');
  if (p.isZero()) return '0';
  let out = '';
  for (let i = 0; i < p.length; i++) {
    const { negative, body, one } = latexCoefficient(p.field, p.coefficients[i]);
    const mono = latexMonomial(p.ring.vars, p.monomials[i]);
    const term = mono === '' ? body : one ? mono : `${body} ${mono}`;
    if (i === 0) out = negative ? `-${term}` : term;
    else out += negative ? ` - ${term}` : ` + ${term}`;
  }
  return out;
}
