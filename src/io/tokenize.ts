/**
 * The tokenizer of polynomial text: numbers, variable names, operators, parentheses and the
 * separators between list entries.
 *
 * Tokens carry their 0-based start offset into the input, so every later error can point at the
 * spot. Rules: whitespace (spaces, tabs) is skipped; `#` starts a comment to the end of the line;
 * `,` `;` and line ends separate list entries, except that a line end inside parentheses is
 * plain whitespace (so a long expression may span lines inside `( … )`); `**` is read as `^`.
 * Numbers are integers or decimals with an optional exponent (`12`, `0.3`, `.5`, `1e-3`) and are
 * kept as text: the evaluator converts them exactly. Names are `[A-Za-z_][A-Za-z0-9_]*` followed
 * by any number of `[digits]` index suffixes (`x`, `w0_1`, `x[2]`, `a[1][3]`), the same names
 * `PolynomialRing` accepts. Nothing is ever evaluated as code.
 */
import { ParseError } from './errors';

export type TokenKind = 'number' | 'name' | '+' | '-' | '*' | '/' | '^' | '(' | ')' | 'separator' | 'end';

export interface Token {
  readonly kind: TokenKind;
  /** The source text of the token (`**` for a `^` written that way, `\n` for a line end). */
  readonly text: string;
  /** 0-based offset of the first character. */
  readonly position: number;
}

const NUMBER = /(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/y;
const NAME = /[A-Za-z_][A-Za-z0-9_]*(?:\[\d+\])*/y;

/** Splits `text` into tokens ending with one `end` token; throws a ParseError on a stray character. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let depth = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const ch = text[i];
    if (ch === ' ' || ch === '\t' || ch === '\f' || ch === '\v') {
      i++;
    } else if (ch === '#') {
      while (i < n && text[i] !== '\n' && text[i] !== '\r') i++;
    } else if (ch === '\n' || ch === '\r') {
      if (depth === 0) tokens.push({ kind: 'separator', text: '\n', position: i });
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else if (ch === ',' || ch === ';') {
      tokens.push({ kind: 'separator', text: ch, position: i });
      i++;
    } else if (ch === '*' && text[i + 1] === '*') {
      tokens.push({ kind: '^', text: '**', position: i });
      i += 2;
    } else if (ch === '+' || ch === '-' || ch === '*' || ch === '/' || ch === '^') {
      tokens.push({ kind: ch, text: ch, position: i });
      i++;
    } else if (ch === '(') {
      depth++;
      tokens.push({ kind: '(', text: ch, position: i });
      i++;
    } else if (ch === ')') {
      if (depth > 0) depth--;
      tokens.push({ kind: ')', text: ch, position: i });
      i++;
    } else if ((ch >= '0' && ch <= '9') || ch === '.') {
      NUMBER.lastIndex = i;
      const m = NUMBER.exec(text);
      if (!m) throw new ParseError('unexpected-character', `unexpected character '.'`, text, i);
      tokens.push({ kind: 'number', text: m[0], position: i });
      i += m[0].length;
    } else if (/[A-Za-z_]/.test(ch)) {
      NAME.lastIndex = i;
      const m = NAME.exec(text) as RegExpExecArray;
      tokens.push({ kind: 'name', text: m[0], position: i });
      i += m[0].length;
    } else {
      throw new ParseError('unexpected-character', unexpectedCharacter(text, i), text, i);
    }
  }
  tokens.push({ kind: 'end', text: '', position: n });
  return tokens;
}

function unexpectedCharacter(text: string, i: number): string {
  const cp = text.codePointAt(i) as number;
  const ch = String.fromCodePoint(cp);
  const shown = cp < 32 || cp === 127 ? `U+${cp.toString(16).toUpperCase().padStart(4, '0')}` : `'${ch}'`;
  const hints: Record<string, string> = {
    '−': "use '-' for minus",
    '·': "use '*' for products",
    '×': "use '*' for products",
    '÷': "use '/' for division",
    '[': "an index must follow a name directly, as in x[2]",
    '=': 'equations are not polynomials; move everything to one side',
    '²': "write powers as x^2",
    '³': "write powers as x^3",
  };
  const hint = hints[ch];
  return `unexpected character ${shown}${hint ? ` (${hint})` : ''}`;
}
