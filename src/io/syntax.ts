/**
 * The grammar of polynomial text and its recursive-descent parser, producing a small syntax
 * tree (no arithmetic happens here).
 *
 *     list    := sep* expr (sep+ expr)* sep*          blank entries are skipped
 *     expr    := term (('+' | '-') term)*
 *     term    := unary (('*' | '/') unary)*
 *     unary   := ('+' | '-') unary | power            so -x^2 is -(x^2)
 *     power   := atom ('^' exponent)?                 '**' is the same as '^'
 *     exponent:= INTEGER | '(' INTEGER ')'
 *     atom    := NUMBER | NAME | '(' expr ')'         NAME '(' is a function call: refused
 *
 * Sums and products are n-ary nodes, so a long input does not make a deep tree; nesting (groups,
 * unary signs) is bounded by `maxDepth`, which keeps the recursion off the stack limit. The
 * names are collected in order of first appearance across the whole list, because the ring
 * must be known before any entry is evaluated. Exponents are checked here (a non-negative
 * integer literal, at most `maxExponent`); whether a divisor is constant is the evaluator's job.
 */
import { ParseError } from './errors';
import { Token, tokenize } from './tokenize';

/** A node of the syntax tree; `position` is the 0-based offset of its first character. */
export type Expr =
  | { readonly kind: 'number'; readonly text: string; readonly position: number }
  | { readonly kind: 'variable'; readonly name: string; readonly position: number }
  | { readonly kind: 'neg'; readonly operand: Expr; readonly position: number }
  | { readonly kind: 'sum'; readonly terms: readonly { readonly negate: boolean; readonly expr: Expr }[]; readonly position: number }
  | {
      readonly kind: 'product';
      /** The first factor has op '*'; `opPosition` is where the operator is (the factor start for the first). */
      readonly factors: readonly { readonly op: '*' | '/'; readonly expr: Expr; readonly opPosition: number }[];
      readonly position: number;
    }
  | { readonly kind: 'power'; readonly base: Expr; readonly exponent: number; readonly position: number; readonly opPosition: number };

/** One entry of a list: its tree and the span of source text it came from. */
export interface Entry {
  readonly expr: Expr;
  readonly start: number;
  readonly end: number;
}

/** The parsed list: entries, and the names used with the offset of their first appearance. */
export interface Syntax {
  readonly entries: readonly Entry[];
  readonly names: ReadonlyMap<string, number>;
}

/** The limits the syntax pass enforces. */
export interface SyntaxLimits {
  readonly maxDepth: number;
  readonly maxExponent: number;
}

/** Parses a whole list; throws a ParseError at the first problem. An empty list is returned as such. */
export function parseSyntax(text: string, limits: SyntaxLimits): Syntax {
  return new Parser(text, tokenize(text), limits).list();
}

function describe(t: Token): string {
  if (t.kind === 'end') return 'the end of the input';
  if (t.kind === 'separator') return t.text === '\n' ? 'the end of the line' : `'${t.text}'`;
  if (t.kind === 'number') return `the number ${t.text}`;
  if (t.kind === 'name') return `'${t.text}'`;
  return `'${t.text}'`;
}

class Parser {
  private i = 0;
  private readonly names = new Map<string, number>();

  constructor(
    private readonly text: string,
    private readonly tokens: readonly Token[],
    private readonly limits: SyntaxLimits,
  ) {}

  private get tok(): Token {
    return this.tokens[this.i];
  }

  private fail(kind: ConstructorParameters<typeof ParseError>[0], reason: string, position: number, limit?: keyof SyntaxLimits): never {
    throw new ParseError(kind, reason, this.text, position, undefined, limit);
  }

  list(): Syntax {
    const entries: Entry[] = [];
    for (;;) {
      while (this.tok.kind === 'separator') this.i++;
      if (this.tok.kind === 'end') break;
      const start = this.tok.position;
      const expr = this.expr(0);
      const t = this.tok;
      if (t.kind !== 'separator' && t.kind !== 'end') this.trailing(t);
      const last = this.tokens[this.i - 1];
      entries.push({ expr, start, end: last.position + last.text.length });
    }
    return { entries, names: this.names };
  }

  /** A token that cannot follow a complete expression. */
  private trailing(t: Token): never {
    if (t.kind === ')') this.fail('unbalanced-parentheses', "unbalanced parentheses: this ')' has no matching '('", t.position);
    if (t.kind === 'name' || t.kind === 'number' || t.kind === '(') {
      this.fail('unexpected-token', `unexpected ${describe(t)} (missing '*' or an operator before it?)`, t.position);
    }
    this.fail('unexpected-token', `unexpected ${describe(t)}`, t.position);
  }

  private expr(depth: number): Expr {
    const position = this.tok.position;
    const terms: { negate: boolean; expr: Expr }[] = [{ negate: false, expr: this.term(depth) }];
    while (this.tok.kind === '+' || this.tok.kind === '-') {
      const negate = this.tok.kind === '-';
      this.i++;
      terms.push({ negate, expr: this.term(depth) });
    }
    return terms.length === 1 ? terms[0].expr : { kind: 'sum', terms, position };
  }

  private term(depth: number): Expr {
    const position = this.tok.position;
    const factors: { op: '*' | '/'; expr: Expr; opPosition: number }[] = [{ op: '*', expr: this.unary(depth), opPosition: position }];
    while (this.tok.kind === '*' || this.tok.kind === '/') {
      const op = this.tok.kind;
      const opPosition = this.tok.position;
      this.i++;
      factors.push({ op, expr: this.unary(depth), opPosition });
    }
    return factors.length === 1 ? factors[0].expr : { kind: 'product', factors, position };
  }

  private unary(depth: number): Expr {
    const t = this.tok;
    if (t.kind === '+' || t.kind === '-') {
      this.checkDepth(depth, t.position);
      this.i++;
      const operand = this.unary(depth + 1);
      return t.kind === '-' ? { kind: 'neg', operand, position: t.position } : operand;
    }
    return this.power(depth);
  }

  private power(depth: number): Expr {
    const base = this.atom(depth);
    if (this.tok.kind !== '^') return base;
    const opPosition = this.tok.position;
    const opText = this.tok.text;
    this.i++;
    const exponent = this.exponent(opText);
    if (this.tok.kind === '^') {
      this.fail('unexpected-token', 'chained powers are ambiguous: add parentheses, as in (x^2)^3', this.tok.position);
    }
    return { kind: 'power', base, exponent, position: base.position, opPosition };
  }

  private exponent(opText: string): number {
    const t = this.tok;
    let digits: Token | undefined;
    if (t.kind === 'number' && /^\d+$/.test(t.text)) {
      digits = t;
      this.i++;
    } else if (t.kind === '(' && this.tokens[this.i + 1].kind === 'number' && /^\d+$/.test(this.tokens[this.i + 1].text) && this.tokens[this.i + 2].kind === ')') {
      digits = this.tokens[this.i + 1];
      this.i += 3;
    }
    if (digits === undefined) {
      if (t.kind === 'end' || t.kind === 'separator') {
        this.fail('bad-exponent', `expected an exponent after '${opText}', found ${describe(t)}`, t.position);
      }
      this.fail('bad-exponent', 'exponent must be a non-negative integer (an integer literal such as 3 or (3))', t.position);
    }
    const k = Number(digits.text);
    if (k > this.limits.maxExponent) {
      this.fail('exponent-too-large', `exponent ${digits.text} is larger than the limit ${this.limits.maxExponent} (option maxExponent)`, digits.position, 'maxExponent');
    }
    return k;
  }

  private atom(depth: number): Expr {
    const t = this.tok;
    this.checkDepth(depth, t.position);
    switch (t.kind) {
      case 'number':
        this.i++;
        return { kind: 'number', text: t.text, position: t.position };
      case 'name': {
        if (this.tokens[this.i + 1].kind === '(') {
          this.fail('function-call', `functions are not polynomial: '${t.text}(…)' (only + - * / ^ and parentheses are allowed)`, t.position);
        }
        this.i++;
        if (!this.names.has(t.text)) this.names.set(t.text, t.position);
        return { kind: 'variable', name: t.text, position: t.position };
      }
      case '(': {
        this.i++;
        if (this.tok.kind === ')') this.fail('unexpected-token', 'empty parentheses', this.tok.position);
        const inner = this.expr(depth + 1);
        const close = this.tok;
        if (close.kind === ')') {
          this.i++;
          // The group starts at its '(' (so errors about it point there).
          return { ...inner, position: t.position };
        }
        if (close.kind === 'end' || close.kind === 'separator') {
          this.fail('unbalanced-parentheses', `unbalanced parentheses: this '(' is never closed (reached ${describe(close)})`, t.position);
        }
        const at = this.text.slice(0, t.position).split(/\r\n|\r|\n/);
        this.fail(
          'unexpected-token',
          `expected ')' to close the '(' at line ${at.length}, column ${at[at.length - 1].length + 1}, found ${describe(close)}`,
          close.position,
        );
      }
      // eslint-disable-next-line no-fallthrough
      case ')':
      case 'end':
      case 'separator': {
        const prev = this.tokens[this.i - 1];
        const after = prev ? ` after '${prev.text}'` : '';
        this.fail('unexpected-token', `expected a number, a variable or '('${after}, found ${describe(t)}`, t.position);
      }
      // eslint-disable-next-line no-fallthrough
      default:
        this.fail('unexpected-token', `unexpected ${describe(t)}: expected a number, a variable or '('`, t.position);
    }
  }

  private checkDepth(depth: number, position: number): void {
    if (depth > this.limits.maxDepth) {
      this.fail('too-deep', `nesting deeper than ${this.limits.maxDepth} levels (option maxDepth)`, position, 'maxDepth');
    }
  }
}
