/**
 * What every file format of a polynomial system shares: the text-level description a reader
 * returns (`SystemSource`), the contract of a format (`SystemFormat`), and the helpers readers use
 * to keep positions exact.
 *
 * A reader does not evaluate polynomials. It finds the declared variables and characteristic and
 * the span of text that holds the polynomials, and returns the whole file with everything outside
 * that span blanked (`maskOutside`: spaces, line ends kept). The blanked text has the file's
 * length, so the polynomial parser's errors carry the file's own offsets, lines and columns
 * (`registry.ts` re-attaches them to the original text). A reader's own errors are `ParseError`s
 * of kind `malformed-file` at the spot. Writers take a ring and polynomials and return text that
 * the same format reads back to the same ideal (the round-trip tests check every format).
 */
import { Polynomial } from '../../poly/polynomial';
import { ParseError } from '../errors';

/** The names of the formats, as `--format` and `convert --to` spell them. */
export type FormatName = 'polycrit' | 'msolve' | 'singular' | 'm2' | 'maple' | 'json' | 'latex';

/** A system as a reader finds it in a file, before any polynomial is evaluated. */
export interface SystemSource {
  /** The declared variables, in order, with the offset of the declaration (for errors). */
  readonly vars?: { readonly names: string[]; readonly position: number };
  /** The declared characteristic: 0 for Q or a prime, with its offset. */
  readonly characteristic?: { readonly value: bigint; readonly position: number };
  /**
   * Texts of polynomial lists (entries separated by `,`, `;` or line ends), each
   * as long as the file with the rest blanked; `label` names a piece that is not the file itself
   * (a JSON string: `polynomials[2]`), and its offsets are then within the piece.
   */
  readonly pieces: readonly { readonly text: string; readonly label?: string }[];
}

/** A polynomial system to write: the polynomials all lie in one ring. */
export interface WritableSystem<T = unknown> {
  readonly polynomials: readonly Polynomial<T>[];
  /** The ring's variables, in order (also when there are no polynomials). */
  readonly vars: readonly string[];
  /** 0n for Q, else the prime. */
  readonly characteristic: bigint;
  /** The ring's monomial order name (`degrevlex`, `deglex`, `lex`; others are written as degrevlex). */
  readonly order: string;
}

/** A file format: how to recognise it, read it and write it. */
export interface SystemFormat {
  readonly name: FormatName;
  /** One line for `--help` and the README. */
  readonly description: string;
  /** File name endings, lower case, with the dot. */
  readonly extensions: readonly string[];
  /** Does the text look like this format (used when the extension says nothing)? */
  looksLike(text: string): boolean;
  /** Absent for write-only formats (LaTeX). */
  read?(text: string): SystemSource;
  write(system: WritableSystem): string;
}

/** The text with every character outside [start, end) replaced by a space, line ends kept. */
export function maskOutside(text: string, start: number, end: number): string {
  return blank(text.slice(0, start)) + text.slice(start, end) + blank(text.slice(end));
}

/** The text with [start, end) blanked (comments), line ends kept. */
export function maskRange(text: string, start: number, end: number): string {
  return text.slice(0, start) + blank(text.slice(start, end)) + text.slice(end);
}

/** Spaces for every character but line ends. */
export function blank(s: string): string {
  return s.replace(/[^\r\n]/g, ' ');
}

/** A `malformed-file` ParseError: the file does not follow its format at `position`. */
export function malformed(text: string, position: number, reason: string): ParseError {
  return new ParseError('malformed-file', reason, text, position);
}

/** The offset of the first character after `from` that is not whitespace (text.length if none). */
export function skipSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length && /\s/.test(text[i])) i++;
  return i;
}

/**
 * The offset of the bracket closing the one at `open` (`(`, `[` or `{`), or -1. Only the bracket
 * kinds are counted; the formats that use this have no brackets inside strings or comments once
 * comments are masked.
 */
export function matchingBracket(text: string, open: number): number {
  const pairs: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
  const stack: string[] = [];
  for (let i = open; i < text.length; i++) {
    const ch = text[i];
    if (ch in pairs) stack.push(pairs[ch]);
    else if (ch === ')' || ch === ']' || ch === '}') {
      if (stack.pop() !== ch) return -1;
      if (stack.length === 0) return i;
    }
  }
  return -1;
}

/** A comma-separated list of names between `start` and `end`, with a malformed-file error on a bad one. */
export function nameList(text: string, start: number, end: number): string[] {
  const names: string[] = [];
  let offset = start;
  for (const raw of text.slice(start, end).split(',')) {
    const name = raw.trim();
    const at = offset + raw.length - raw.trimStart().length;
    offset += raw.length + 1;
    if (name === '') continue;
    if (!/^[A-Za-z_][A-Za-z0-9_]*(\[\d+\])*$/.test(name)) throw malformed(text, at, `'${name}' is not a variable name`);
    names.push(name);
  }
  return names;
}

/** The text of a coefficient-free order name in a writer's target system. */
export function orderIn(order: string, names: { degrevlex: string; deglex: string; lex: string }): string {
  return order === 'lex' ? names.lex : order === 'deglex' ? names.deglex : names.degrevlex;
}
