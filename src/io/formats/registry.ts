/**
 * The registry of file formats for polynomial systems: finding a file's format (by `--format`,
 * by its name's ending, or by its content), reading it into a ring, and writing a system.
 *
 * Reading goes in two steps: the format's reader finds the declared variables, characteristic
 * and the text of the polynomials (`format.ts`); this file chooses the ring and evaluates the
 * polynomials with the parser of `io/parse.ts`. The ring's field is the declared characteristic
 * (0: Q, a prime p: Z/p) unless the caller's `field` overrides it — a different explicit field is
 * an error, not a silent conversion; the variables are the caller's `vars` (which must include the
 * declared ones), else the declared ones, else the names in order of first appearance. Every
 * error of the text (a `ParseError`, or an `ExpansionLimitError` past a size limit) names the
 * file, the line and the column.
 */
import { Field, QQ, Zp } from '../../arithmetic/field';
import { isPrime } from '../../arithmetic/primes';
import { Deadline, InputError } from '../../errors';
import { MonomialOrder, degrevlex, orderToString } from '../../monomials/order';
import { Polynomial, PolynomialRing } from '../../poly/polynomial';
import { ExpansionLimitError, ParseError } from '../errors';
import { ParseLimits, parseLimits, parsePolynomials } from '../parse';
import { parseSyntax } from '../syntax';
import { FormatName, SystemFormat, SystemSource, malformed } from './format';
import { jsonFormat } from './json';
import { latexFormat } from './latex';
import { macaulay2Format } from './macaulay2';
import { mapleFormat } from './maple';
import { msolveFormat } from './msolve';
import { plainFormat } from './plain';
import { singularFormat } from './singular';

/** Every format, in the order content detection tries them (polycrit's own text last). */
export const FORMATS: readonly SystemFormat[] = [jsonFormat, singularFormat, macaulay2Format, mapleFormat, msolveFormat, latexFormat, plainFormat];

/** The names `--format` and `convert --to` accept. */
export const FORMAT_NAMES: readonly FormatName[] = FORMATS.map((f) => f.name);

/** The format called `name` (an InputError naming the choices otherwise). */
export function formatByName(name: string): SystemFormat {
  const format = FORMATS.find((f) => f.name === name.toLowerCase());
  if (!format) throw new InputError(`unknown format '${name}' (formats: ${FORMAT_NAMES.join(', ')})`);
  return format;
}

/**
 * The format of a file: by the ending of `fileName` when a format claims it, else the first whose
 * `looksLike` accepts the text (polycrit's own text when none does).
 *
 * @example
 * detectFormat('kat7-qq.ms', text).name; // 'msolve'
 * detectFormat('-', 'ring r = 0, (x), dp; ideal I = x;').name; // 'singular'
 */
export function detectFormat(fileName: string | undefined, text: string): SystemFormat {
  const lower = fileName?.toLowerCase() ?? '';
  const byName = FORMATS.find((f) => f.read && f.extensions.some((e) => lower.endsWith(e)));
  if (byName && byName !== plainFormat) return byName;
  return FORMATS.find((f) => f.read && f.looksLike(text)) ?? plainFormat;
}

/** Options of `readSystemText`. */
export interface ReadSystemOptions<T> {
  /** Force a format (default: `detectFormat`). */
  readonly format?: FormatName | string;
  /** The file's name, for detection and in error messages. */
  readonly fileName?: string;
  /** The field; default the file's characteristic, else Q. Must agree with a declared one. */
  readonly field?: Field<T>;
  /** The variables, in order; must include the declared ones. */
  readonly vars?: readonly string[];
  /** Default degrevlex (an order written in the file is not read). */
  readonly order?: MonomialOrder;
  readonly deadline?: Deadline;
  /** Overrides of some of the parser's limits (`DEFAULT_PARSE_LIMITS`). */
  readonly limits?: Partial<ParseLimits>;
}

/** A system read from a file: its ring, its polynomials in file order, and the format it was read as. */
export interface ReadSystem<T> {
  readonly ring: PolynomialRing<T>;
  readonly polynomials: Polynomial<T>[];
  readonly format: FormatName;
}

/**
 * Reads a system in any readable format; see the file header.
 *
 * @example
 * const { ring, polynomials } = readSystemText('x,y\n65521\nx^2 - y,\nx*y - 1,\n', { fileName: 'a.ms' });
 * ring.field.name; // 'Z/65521'
 */
export function readSystemText<T = unknown>(text: string, options: ReadSystemOptions<T> = {}): ReadSystem<T> {
  const format = options.format !== undefined ? formatByName(options.format) : detectFormat(options.fileName, text);
  if (!format.read) throw new InputError(`the ${format.name} format is written only, not read`);
  const where = options.fileName && options.fileName !== '-' ? options.fileName : undefined;
  const limits = parseLimits(options.limits);
  // Errors of the parser are re-attached to the file: its name, the piece's label, the line and column.
  const located = (e: unknown, input: string, label?: string): unknown => {
    const source = [where, label].filter((s) => s !== undefined).join(': ') || undefined;
    if (e instanceof ParseError) return new ParseError(e.kind, e.reason, input, e.position, source, e.limit);
    if (e instanceof ExpansionLimitError) return new ExpansionLimitError(e.limit, e.reason, input, e.position, source);
    return e;
  };
  let source: SystemSource;
  try {
    source = format.read(text);
  } catch (e) {
    throw located(e, text);
  }
  const ring = chooseRing(text, source, options, where, limits);
  const polynomials: Polynomial<T>[] = [];
  for (const piece of source.pieces) {
    const input = piece.label !== undefined ? piece.text : text;
    try {
      if (parseSyntax(piece.text, limits).entries.length === 0) continue;
      polynomials.push(...parsePolynomials(piece.text, { ring, deadline: options.deadline, limits }).polynomials);
    } catch (e) {
      throw located(e, input, piece.label);
    }
  }
  return { ring, polynomials, format: format.name };
}

function chooseRing<T>(text: string, source: SystemSource, options: ReadSystemOptions<T>, where: string | undefined, limits: ParseLimits): PolynomialRing<T> {
  const fail = (position: number, reason: string): ParseError => {
    const e = malformed(text, position, reason);
    return new ParseError(e.kind, e.reason, text, position, where);
  };
  let field = options.field;
  const declared = source.characteristic;
  if (declared) {
    const p = declared.value;
    if (p !== 0n && (p > BigInt(Number.MAX_SAFE_INTEGER) || !isPrime(Number(p)))) throw fail(declared.position, `the characteristic must be 0 or a prime below 2^53, not ${p}`);
    const own = (p === 0n ? QQ : Zp(Number(p))) as unknown as Field<T>;
    if (field !== undefined && field.characteristic !== p) {
      throw fail(declared.position, `the file declares characteristic ${p}, but the field asked for is ${field.name} (drop --field, or convert the file)`);
    }
    field = field ?? own;
  }
  let vars = options.vars;
  if (source.vars) {
    if (vars) {
      const missing = source.vars.names.filter((v) => !vars!.includes(v));
      if (missing.length > 0) throw fail(source.vars.position, `the variables given must include those the file declares (missing ${missing.join(', ')})`);
    } else vars = source.vars.names;
    const twice = source.vars.names.find((v, k) => source.vars!.names.indexOf(v) !== k);
    if (twice) throw fail(source.vars.position, `the variable ${twice} is declared twice`);
  }
  if (!vars) {
    const names: string[] = [];
    for (const piece of source.pieces) {
      try {
        for (const name of parseSyntax(piece.text, limits).names.keys()) if (!names.includes(name)) names.push(name);
      } catch {
        // The error is reported with its place when the piece is parsed.
      }
    }
    vars = names;
  }
  return new PolynomialRing((field ?? QQ) as Field<T>, vars, options.order ?? degrevlex);
}

/**
 * A system written in `format` (any of `FORMAT_NAMES`); `readSystemText` reads it back to the
 * same ideal in the same ring (LaTeX excepted).
 *
 * @example
 * writeSystem(parsePolynomials('x^2 - y, x*y - 1').polynomials, 'singular');
 * // "// 2 polynomial(s) …\nring r = 0, (x,y), dp;\nideal I =\n  x^2 - y,\n  x*y - 1;\n"
 */
export function writeSystem<T>(polynomials: readonly Polynomial<T>[], format: FormatName | string, ring?: PolynomialRing<T>): string {
  const R = ring ?? polynomials[0]?.ring;
  if (!R) throw new InputError('writing a system with no polynomials needs its ring');
  return formatByName(format).write({ polynomials, vars: R.vars, characteristic: R.field.characteristic, order: orderToString(R.order) });
}
