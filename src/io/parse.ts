/**
 * Reading polynomials from text: the public entry points `parsePolynomial` and
 * `parsePolynomials`.
 *
 * The text is tokenized (`tokenize.ts`), parsed to syntax trees (`syntax.ts`), the ring is
 * chosen, and each entry is evaluated in it (`evaluate.ts`). The ring is, in order of
 * preference: the `ring` option; or the `field` (default QQ), `vars` and `order` (default
 * degrevlex) options, where without `vars` the variables are the names of the text in order of
 * first appearance across the whole list. With given variables an unknown name is an error at its
 * first occurrence. Over Z/p the coefficients are mapped into the field (`1/3` is the inverse of
 * 3; it is an error when p divides a denominator). Every name is a variable — there are no
 * built-in constants or functions (`pi` is a variable, `sin(x)` is refused) — and `x^0` is 1 for
 * every x, `0^0` included, as in polynomial algebra. Errors are `ParseError`s (bad input) and
 * `ExpansionLimitError`s (an expansion past a limit), both pointing at the spot in the text;
 * `timeout`, `signal` and `deadline` options bound the time (a TimeoutError; a CancelledError for the
 * signal), checked between terms and inside products.
 * Nothing is ever passed to `eval`.
 */
import { Field, QQ, checkField } from '../arithmetic/field';
import { Rational } from '../arithmetic/rational';
import { Deadline, InputError, deadlineOf } from '../errors';
import { MonomialOrder, degrevlex, toMonomialOrder } from '../monomials/order';
import { Polynomial, PolynomialRing } from '../poly/polynomial';
import { ExpansionLimitError, ParseError } from './errors';
import { evaluate, ExpansionLimits } from './evaluate';
import { parseSyntax, SyntaxLimits } from './syntax';

/** Every limit of the parser; see `DEFAULT_PARSE_LIMITS` for the defaults. */
export interface ParseLimits extends SyntaxLimits, ExpansionLimits {
  /** Most characters of input. */
  readonly maxLength: number;
  /** Most variables of the ring (the names of the text, or the variables given). */
  readonly maxVariables: number;
}

/** The names of the parser's limits, as `ParseLimits` and the messages spell them. */
export type ParseLimitName = keyof ParseLimits;

/**
 * The default limits: 1,000,000 characters, nesting depth 500, exponents up to 10,000,
 * 10,000 variables, total degree 1,000,000, 200,000 terms per polynomial, 20,000,000 term
 * multiplications per product, coefficients of up to 1,000,000 bits, and 20,000,000 exponents
 * (terms × (variables + 1)) per polynomial (exponent vectors are dense: that is about 160 MB).
 */
export const DEFAULT_PARSE_LIMITS: Readonly<ParseLimits> = Object.freeze({
  maxLength: 1_000_000,
  maxDepth: 500,
  maxExponent: 10_000,
  maxVariables: 10_000,
  maxDegree: 1_000_000,
  maxTerms: 200_000,
  maxProducts: 20_000_000,
  maxCoefficientBits: 1_000_000,
  maxExponents: 20_000_000,
});

/**
 * The limits with `overrides` applied; an override that is not a number ≥ 1 (Infinity for none)
 * is an InputError naming it.
 */
export function parseLimits(overrides: Partial<ParseLimits> = {}): ParseLimits {
  if (typeof overrides !== 'object' || overrides === null) throw new InputError(`the parse limits must be an object ({ maxTerms: … }), got ${overrides === null ? 'null' : typeof overrides}`);
  for (const [name, value] of Object.entries(overrides)) {
    if (!(name in DEFAULT_PARSE_LIMITS)) throw new InputError(`unknown parse limit '${name}' (limits: ${Object.keys(DEFAULT_PARSE_LIMITS).join(', ')})`);
    if (value !== undefined && (typeof value !== 'number' || !(value >= 1))) throw new InputError(`the parse limit ${name} must be a number ≥ 1 (Infinity for none), got ${String(value)}`);
  }
  return { ...DEFAULT_PARSE_LIMITS, ...Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)) };
}

/** Options of `parsePolynomial(s)`. Give either `ring`, or any of `field`, `vars`, `order`. */
export interface ParseOptions<T> {
  /** Parse into this ring (its field, variables and order). */
  readonly ring?: PolynomialRing<T>;
  /** The coefficient field; default QQ. */
  readonly field?: Field<T>;
  /** The variables, in order; default: the names of the text by first appearance. */
  readonly vars?: readonly string[];
  /** The monomial order or its name; default degrevlex. */
  readonly order?: MonomialOrder | string;
  /** Overrides of some of `DEFAULT_PARSE_LIMITS`. */
  readonly limits?: Partial<ParseLimits>;
  /** Stops the expansion with a TimeoutError when it passes (default: none); carries a memory budget. */
  readonly deadline?: Deadline;
  /** Bytes a product or power being expanded may take (a MemoryLimitError past it; default half the heap limit). Give this or a deadline. */
  readonly memoryBudget?: number;
  /** Seconds the expansion may take (a TimeoutError), as `deadline`; see `ControlOptions`. */
  readonly timeout?: number;
  /** Stops the expansion once aborted (a CancelledError); see `ControlOptions`. */
  readonly signal?: AbortSignal;
}

/** The result of `parsePolynomials`: the ring and the entries in input order. */
export interface ParsedPolynomials<T> {
  readonly ring: PolynomialRing<T>;
  readonly polynomials: Polynomial<T>[];
}

/**
 * Parses a list of polynomials separated by line ends, `,` or `;` (blank entries skipped,
 * `#` comments). Without `field` or `ring` the field is QQ (T = Rational).
 *
 * @example
 * const { ring, polynomials } = parsePolynomials('x^2 + y; x*y - 1/2');
 * ring.vars;                 // ['x', 'y']
 * polynomials[1].toString(); // 'x*y - 1/2'
 */
export function parsePolynomials<T = Rational>(text: string, options: ParseOptions<T> = {}): ParsedPolynomials<T> {
  return parseList(text, options, false);
}

/**
 * Parses exactly one polynomial (a list with a second entry is an error).
 *
 * @example
 * parsePolynomial('(x+y)^3 - x^3').toString(); // '3*x^2*y + 3*x*y^2 + y^3'
 * parsePolynomial('x/3 + 1', { field: Zp(7) }).toString(); // '5*x + 1'
 */
export function parsePolynomial<T = Rational>(text: string, options: ParseOptions<T> = {}): Polynomial<T> {
  return parseList(text, options, true).polynomials[0];
}

function parseList<T>(text: string, options: ParseOptions<T>, single: boolean): ParsedPolynomials<T> {
  if (typeof text !== 'string') throw new InputError(`${single ? 'parsePolynomial' : 'parsePolynomials'} takes the polynomials as text, got ${text === null ? 'null' : typeof text}`);
  if (typeof options !== 'object' || options === null) throw new InputError(`the parse options must be an object ({ field, vars, order } or { ring }), got ${options === null ? 'null' : typeof options}`);
  const limits = parseLimits(options.limits);
  if (text.length > limits.maxLength) {
    throw new ParseError('input-too-long', `the input has ${text.length} characters, more than the limit ${limits.maxLength} (option maxLength)`, text, limits.maxLength, undefined, 'maxLength');
  }
  const syntax = parseSyntax(text, limits);
  const { entries } = syntax;
  if (entries.length === 0) {
    throw new ParseError('empty-input', 'the input holds no polynomial (it is empty, blank or only comments)', text, 0);
  }
  if (single && entries.length > 1) {
    throw new ParseError('multiple-polynomials', `expected one polynomial, found ${entries.length} (entries are separated by line ends, ',' or ';')`, text, entries[1].start);
  }
  const ring = ringFromOptions(options, [...syntax.names.keys()]);
  if (ring.nvars > limits.maxVariables) {
    const over = [...syntax.names.values()][limits.maxVariables] ?? 0;
    throw new ExpansionLimitError('maxVariables', `${ring.nvars} variables, more than the limit ${limits.maxVariables} (option maxVariables)`, text, over);
  }
  for (const [name, position] of syntax.names) {
    if (!ring.hasVar(name)) {
      throw new ParseError('unknown-variable', `unknown variable '${name}' (the variables are ${ring.vars.join(', ') || 'none'})`, text, position);
    }
  }
  const deadline = deadlineOf(options, single ? 'parsePolynomial' : 'parsePolynomials');
  const polynomials = entries.map((entry) => evaluate(entry.expr, ring, text, limits, deadline));
  return { ring, polynomials };
}

/**
 * The ring the options describe: `ring` itself, or `field` (default QQ), `vars` (default `names`)
 * and `order` (default degrevlex). Throws an InputError when `ring` is combined with the others.
 */
export function ringFromOptions<T = Rational>(options: ParseOptions<T>, names: readonly string[]): PolynomialRing<T> {
  if (options.ring !== undefined) {
    if (!(options.ring instanceof PolynomialRing)) throw new InputError(`the ring option must be a PolynomialRing (new PolynomialRing(QQ, ['x', 'y'])), got ${typeof options.ring}`);
    if (options.field !== undefined || options.vars !== undefined || options.order !== undefined) {
      throw new InputError('give either the ring option or field/vars/order, not both');
    }
    return options.ring;
  }
  if (options.field !== undefined) checkField(options.field, 'the field option');
  // Without a field the caller gets QQ; the default type argument T = Rational says so.
  const field = options.field ?? (QQ as unknown as Field<T>);
  const order = options.order === undefined ? degrevlex : toMonomialOrder(options.order, 'the order option');
  return new PolynomialRing(field, options.vars ?? names, order);
}
