/**
 * Errors of the text boundary: where in the input something went wrong, and why.
 * A `ParseError` may name its source (a file): `kat.ms: line 3, column 7: …`.
 *
 * A location is a 0-based character offset into the whole input plus the 1-based line and
 * column a person would look for in an editor. Every message quotes the offending line with a
 * caret under the spot, so a CLI can print it as is:
 *
 *     line 1, column 1: functions are not polynomial: 'sin(…)'
 *       sin(x) + 1
 *       ^
 *
 * `ParseError` is the caller's fault (an `InputError`, CLI exit 2) — except that one refusing a
 * size the syntax pass checks (`limit`: the length, nesting depth, an exponent) is a limit, exit 1
 * like the others; `ExpansionLimitError` is a well-formed input whose expansion would pass a size
 * limit (a `ResourceLimitError`, exit 1).
 */
import { InputError, ResourceLimitError } from '../errors';
import type { ParseLimits } from './parse';

/** Where something is in the input: offset (0-based), line and column (1-based). */
export interface SourceLocation {
  readonly position: number;
  readonly line: number;
  readonly column: number;
}

/** Why a text could not be parsed; one tag per case, so callers and tests can branch on it. */
export type ParseErrorKind =
  | 'empty-input'
  | 'input-too-long'
  | 'too-deep'
  | 'unexpected-character'
  | 'unexpected-token'
  | 'unbalanced-parentheses'
  | 'function-call'
  | 'bad-exponent'
  | 'exponent-too-large'
  | 'division-by-non-constant'
  | 'division-by-zero'
  | 'unknown-variable'
  | 'not-a-polynomial'
  | 'multiple-polynomials'
  | 'malformed-file';

/** The 1-based line and column of a 0-based offset (`\n`, `\r\n` and `\r` end lines). */
export function locate(text: string, position: number): SourceLocation {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(position, text.length);
  for (let i = 0; i < end; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10 || (ch === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { position, line, column: position - lineStart + 1 };
}

const WINDOW = 72;

/**
 * The line holding `position`, indented, with a caret under the spot. Long lines are cut to a
 * window around the spot (marked with `…`); tabs become spaces so the caret lines up.
 */
export function caretSnippet(text: string, position: number): string {
  let start = position;
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  let end = position;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  let line = text.slice(start, end).replace(/\t/g, ' ');
  let col = position - start;
  if (line.length > WINDOW) {
    const from = Math.max(0, Math.min(col - WINDOW / 2, line.length - WINDOW));
    const to = Math.min(line.length, from + WINDOW);
    const head = from > 0 ? '…' : '';
    line = head + line.slice(from, to) + (to < line.length ? '…' : '');
    col = col - from + head.length;
  }
  return `  ${line}\n  ${' '.repeat(col)}^`;
}

function formatMessage(text: string, loc: SourceLocation, reason: string, source?: string): string {
  return `${source ? `${source}: ` : ''}line ${loc.line}, column ${loc.column}: ${reason}\n${caretSnippet(text, loc.position)}`;
}

/** Malformed or non-polynomial input text, with its location and a caret message. */
export class ParseError extends InputError implements SourceLocation {
  readonly position: number;
  readonly line: number;
  readonly column: number;
  constructor(
    readonly kind: ParseErrorKind,
    /** The reason alone, without location or snippet. */
    readonly reason: string,
    /** The whole input the offset refers to. */
    readonly input: string,
    position: number,
    /** Where the input came from (a file name, `polynomials[2]` of a JSON file), put before the line. */
    readonly source?: string,
    /** The limit the input passed (`maxLength`, `maxDepth`, `maxExponent`), for an error that refuses a size. */
    readonly limit?: keyof ParseLimits,
  ) {
    const loc = locate(input, position);
    super(formatMessage(input, loc, reason, source));
    this.position = loc.position;
    this.line = loc.line;
    this.column = loc.column;
  }
}

/** What a limit guards; `ExpansionLimitError.limit` names the option to raise. */
export type ExpansionLimitName = 'maxTerms' | 'maxProducts' | 'maxCoefficientBits' | 'maxExponents' | 'maxDegree' | 'maxVariables';

/** A well-formed input whose expansion would pass a size limit (checked before the product is formed). */
export class ExpansionLimitError extends ResourceLimitError implements SourceLocation {
  readonly position: number;
  readonly line: number;
  readonly column: number;
  constructor(
    readonly limit: ExpansionLimitName,
    readonly reason: string,
    readonly input: string,
    position: number,
    /** Where the input came from (a file name), put before the line. */
    readonly source?: string,
  ) {
    const loc = locate(input, position);
    super(formatMessage(input, loc, reason, source));
    this.position = loc.position;
    this.line = loc.line;
    this.column = loc.column;
  }
}
