/**
 * Reading a polynomial system for a command: FILE is a path, `-` for standard input, or a named
 * system such as `katsura:8` or `cyclic:6`. A file is in any format of `io/formats` (msolve,
 * Singular, Macaulay2, Maple-style lists, JSON, polycrit's text), found by its name's ending or
 * its content, or forced by `--format`. `--vars` fixes the variables (and their order; it must
 * include those a file declares), `--field` picks Q (0) or Z/p (default: the characteristic the
 * file declares, else Q; a different one is an error), `--order` the monomial order, and the
 * parser's limit flags (`parse-limits.ts`) raise or lower its limits.
 */
import { Field, QQ, Zp } from '../arithmetic/field';
import { isPrime } from '../arithmetic/primes';
import { MonomialOrder, degrevlex, orderByName } from '../monomials/order';
import { changeRing } from '../poly/change';
import { Polynomial, PolynomialRing } from '../poly/polynomial';
import { FORMAT_NAMES, readSystemText } from '../io/formats';
import { ParseError } from '../io/errors';
import type { ParseLimitName } from '../io/parse';
import { parseLimitOptions } from './parse-limits';
import { SYSTEM_NAMES, namedSystem, parseSystemSpec } from '../systems';
import * as fs from 'fs';
import { CliContext, UsageError } from './context';

/** The options of a command that reads a system, the parser's limits included (`parse-limits.ts`). */
export interface SystemInputOptions extends Partial<Record<ParseLimitName, number>> {
  vars?: string;
  field?: string;
  order?: string;
  format?: string;
}

/** The `--format` option's help. */
export const FORMAT_HELP = `the file's format: ${FORMAT_NAMES.filter((f) => f !== 'latex').join(', ')} (default: by its name's ending, else by its content)`;

/** Parses `--field`: 0 for Q, or a prime below 2^53. */
export function parseFieldOption(value: string | undefined): Field<unknown> {
  if (value === undefined || value.trim() === '0') return QQ as Field<unknown>;
  const s = value.trim();
  if (!/^\d+$/.test(s)) throw new UsageError(`--field expects 0 (the rationals) or a prime, got '${value}'`);
  const p = Number(s);
  if (!Number.isSafeInteger(p) || !isPrime(p)) throw new UsageError(`--field expects 0 or a prime below 2^53; ${value} is not prime`);
  return Zp(p) as Field<unknown>;
}

/** Parses `--vars a,b,c`. */
export function parseVarsOption(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const vars = value.split(',').map((v) => v.trim()).filter((v) => v !== '');
  if (vars.length === 0) throw new UsageError('--vars needs a comma-separated list of variable names');
  return vars;
}

/** The system named by FILE, in the ring the options ask for. */
export function readSystem(ctx: CliContext, file: string, opts: SystemInputOptions): { ring: PolynomialRing<unknown>; polynomials: Polynomial<unknown>[] } {
  const field = parseFieldOption(opts.field);
  const fieldGiven = opts.field !== undefined;
  const order: MonomialOrder = opts.order ? orderByName(opts.order) : degrevlex;
  const vars = parseVarsOption(opts.vars);
  if (file !== '-' && parseSystemSpec(file)) {
    const sys = namedSystem(file, field, order);
    if (!vars) return { ring: sys.ring, polynomials: sys.polynomials };
    for (const v of sys.ring.vars) if (!vars.includes(v)) throw new UsageError(`--vars must list every variable of ${file} (missing ${v})`);
    const R = new PolynomialRing(field, vars, order);
    return { ring: R, polynomials: sys.polynomials.map((p) => changeRing(p, R)) };
  }
  if (/^[a-z]+:\d+$/.test(file) && !fileExists(file)) {
    throw new UsageError(`'${file}' is neither a file nor a named system (systems: ${SYSTEM_NAMES.map((n) => n + ':N').join(', ')})`);
  }
  ctx.status(`reading ${file}`);
  const text = ctx.readInput(file);
  ctx.status(`expanding the polynomials of ${file}`);
  const { ring, polynomials } = readSystemText(text, { format: opts.format, fileName: file, field: fieldGiven ? field : undefined, vars, order, deadline: ctx.deadline, limits: parseLimitOptions(opts) });
  if (polynomials.length === 0) throw new ParseError('empty-input', 'the input holds no polynomial (it is empty, blank or only comments)', text, 0, file === '-' ? undefined : file);
  return { ring, polynomials };
}

function fileExists(path: string): boolean {
  try {
    return fs.statSync(path).isFile();
  } catch {
    return false;
  }
}
