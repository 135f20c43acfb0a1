/**
 * The bridge to nerdamer (a JavaScript CAS): any expression nerdamer can expand into a
 * polynomial becomes a `Polynomial` of our rings, and back.
 *
 * From nerdamer: the expression is expanded by nerdamer, its text is read by our own parser
 * (`parse.ts`), which refuses what is not polynomial — functions (`sqrt(x)`, `sin(x)`), negative
 * or fractional powers (`x^(-1)`, which is how nerdamer writes 1/x) — and names nerdamer holds
 * to be constants (`pi`, `e`, `i`). So `x^2/x` is accepted as `x` (nerdamer cancels it) while
 * `1/x` is refused with an `InputError` that says why.
 *
 * Names: nerdamer cannot use some of our variable names (`x[2]`, or its own constants and
 * function names such as `E`, `pi`, `sin`). `nerdamerNames(vars)` gives each variable the name
 * it has on the nerdamer side: itself when nerdamer can use it, otherwise a deterministic alias
 * (`x[2]` → `x2v0`). `toNerdamer(p)` uses these names and `fromNerdamer(e, { ring })` undoes
 * them, so `fromNerdamer(toNerdamer(p), { ring: p.ring })` equals p. Over Z/p the expression is
 * built from the residues in [0, p).
 *
 * nerdamer's own limits apply on its side: it reads long decimals approximately
 * (`12345678901234567890.5` loses digits) — prefer our parser for exact decimal input.
 */
import nerdamer from 'nerdamer';
import { Rational } from '../arithmetic/rational';
import { InputError } from '../errors';
import { Polynomial, PolynomialRing } from '../poly/polynomial';
import { formatPolynomial } from '../poly/format';
import { ParseError } from './errors';
import { parsePolynomials, ParseOptions, ringFromOptions } from './parse';

/** A nerdamer expression (the type nerdamer's own declarations give). */
export type NerdamerExpression = nerdamer.Expression;

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const safeCache = new Map<string, boolean>();

/** nerdamer's built-in function table, read once (the boundary is untyped there). */
function nerdamerFunctions(): Record<string, unknown> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const core: any = nerdamer.getCore();
  return (core?.PARSER?.functions ?? {}) as Record<string, unknown>;
}

/** Can nerdamer use this name as a plain variable (not a constant, function or malformed)? */
export function isNerdamerVariable(name: string): boolean {
  const cached = safeCache.get(name);
  if (cached !== undefined) return cached;
  let ok = IDENTIFIER.test(name) && !Object.prototype.hasOwnProperty.call(nerdamerFunctions(), name);
  if (ok) {
    try {
      const e = nerdamer(name);
      const vs = e.variables();
      ok = e.toString() === name && vs.length === 1 && vs[0] === name;
    } catch {
      ok = false;
    }
  }
  safeCache.set(name, ok);
  return ok;
}

/**
 * The names the variables have on the nerdamer side, in the same order: a name nerdamer can use
 * stays; another gets the alias `<its letters and digits>v<k>` with the least k that is free.
 * Example: `nerdamerNames(['x', 'x[2]', 'E'])` is `['x', 'x2v0', 'Ev0']`.
 */
export function nerdamerNames(vars: readonly string[]): string[] {
  const taken = new Set(vars);
  return vars.map((v) => {
    if (isNerdamerVariable(v)) return v;
    // nerdamer reads some underscores as products (x_2_v0 is x_2·_v0), so aliases use none.
    const letters = v.replace(/[^A-Za-z0-9]/g, '');
    const stem = /^[A-Za-z]/.test(letters) ? letters : `v${letters}`;
    for (let k = 0; k < 1000; k++) {
      const alias = `${stem}v${k}`;
      if (!taken.has(alias) && isNerdamerVariable(alias)) {
        taken.add(alias);
        return alias;
      }
    }
    throw new InputError(`no name for the variable '${v}' on the nerdamer side`);
  });
}

/**
 * A nerdamer expression whose expansion equals p (variables renamed by `nerdamerNames`).
 *
 * @example
 * toNerdamer(parsePolynomial('x^2 - 1/2')).toString(); // 'x^2-1/2'
 */
export function toNerdamer<T>(p: Polynomial<T>): NerdamerExpression {
  const text = formatPolynomial(nerdamerNames(p.ring.vars), p.monomials, p.coefficients, p.field);
  return nerdamer(text);
}

/** Options of `fromNerdamer`: the ring, or field/vars/order as for `parsePolynomials` (limits apply too). */
export type FromNerdamerOptions<T> = ParseOptions<T>;

/**
 * The polynomial an expression expands to, in the given ring (or QQ with the expression's
 * variables: by first appearance in the text when a string is given, else in the order of
 * nerdamer's `variables()`, which is alphabetical).
 * Throws an InputError when nerdamer cannot read the text or the expansion is not a polynomial.
 *
 * @example
 * fromNerdamer('(x+y)^2 - y^2').toString(); // 'x^2 + 2*x*y'
 * fromNerdamer('sqrt(x) + 1');              // InputError: not a polynomial …
 */
export function fromNerdamer<T = Rational>(input: string | NerdamerExpression, options: FromNerdamerOptions<T> = {}): Polynomial<T> {
  let expanded: NerdamerExpression;
  try {
    expanded = (typeof input === 'string' ? nerdamer(input) : input).expand();
  } catch (e) {
    throw new InputError(`nerdamer cannot read '${String(input)}': ${(e as Error).message}`);
  }
  const text = expanded.toString();
  const known = expanded.variables();
  const ring = targetRing(options, typeof input === 'string' ? input : '', known);
  const aliases = nerdamerNames(ring.vars);
  let parsed: Polynomial<T>;
  try {
    parsed = parsePolynomials(text, { field: ring.field, vars: aliases, order: ring.order, limits: options.limits }).polynomials[0];
  } catch (e) {
    if (!(e instanceof ParseError)) throw e;
    throw new InputError(explain(e, text, known, ring));
  }
  return ring.normalize([...parsed.monomials], [...parsed.coefficients]);
}

function explain<T>(e: ParseError, text: string, known: readonly string[], ring: PolynomialRing<T>): string {
  const head = `not a polynomial: nerdamer expands it to '${text}'`;
  switch (e.kind) {
    case 'function-call':
      return `${head}, which holds a function (${e.reason.replace(/ \(only.*$/, '')})`;
    case 'bad-exponent':
      return `${head}, which holds a power with a negative or fractional exponent (a division by a variable or a root)`;
    case 'division-by-non-constant':
      return `${head}, which divides by a non-constant`;
    case 'unknown-variable': {
      const name = /'([^']*)'/.exec(e.reason)?.[1] ?? '?';
      if (!known.includes(name)) return `${head}, which holds the constant '${name}' (not a rational number)`;
      return `the expression uses the variable '${name}', which is not among ${ring.vars.join(', ') || 'the (no) variables'}`;
    }
    default:
      return `${head}, which our parser refuses: ${e.reason}`;
  }
}

function targetRing<T>(options: FromNerdamerOptions<T>, source: string, known: readonly string[]): PolynomialRing<T> {
  if (options.ring || options.vars) return ringFromOptions(options, []);
  const seen: string[] = [];
  for (const m of source.matchAll(/[A-Za-z_][A-Za-z0-9_]*/g)) if (known.includes(m[0]) && !seen.includes(m[0])) seen.push(m[0]);
  return ringFromOptions(options, [...seen, ...known.filter((v) => !seen.includes(v))]);
}
