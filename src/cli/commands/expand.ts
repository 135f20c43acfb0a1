/**
 * `polycrit expand EXPR`: the canonical expanded form of one polynomial expression, as text,
 * LaTeX or JSON. Also the shared option handling of the one-expression commands (`diff`):
 * `--vars`, `--field`, `--order`, `--latex`, `--json`, `--timeout`, the parser's limits. Parse errors point at the
 * spot in EXPR with a caret (exit 2); an expansion past a size or time limit exits 1.
 */
import type { Command } from 'commander';
import { orderByName, degrevlex } from '../../monomials/order';
import { Polynomial } from '../../poly/polynomial';
import { parsePolynomial, ParseLimitName, ParseOptions } from '../../io/parse';
import { addParseLimitOptions, parseLimitOptions } from '../parse-limits';
import { toLatex } from '../../io/print';
import { CliContext, addTimeoutOption } from '../context';
import { parseFieldOption, parseVarsOption } from '../system-input';

/** The options every one-expression command takes. */
export interface ExpressionOptions extends Partial<Record<ParseLimitName, number>> {
  vars?: string;
  field?: string;
  order?: string;
  latex?: boolean;
  json?: boolean;
}

/** Adds `--vars`, `--field`, `--order`, `--latex`, `--json`, `--timeout` and the parser's limits to a command. */
export function addExpressionOptions(cmd: Command): Command {
  return addParseLimitOptions(addTimeoutOption(cmd))
    .option('--vars <list>', 'comma-separated variables, in order (default: order of first appearance)')
    .option('--field <p>', '0 for the rationals, or a prime p for Z/p', '0')
    .option('--order <order>', 'monomial order: degrevlex, deglex or lex', 'degrevlex')
    .option('--latex', 'print LaTeX instead of canonical text')
    .option('--json', 'print JSON: {"vars": [...], "result": "..."} (with "latex" too under --latex)');
}

/** The parser options the command-line options ask for (bad values are usage errors), with the run's deadline. */
export function expressionParseOptions(ctx: CliContext, opts: ExpressionOptions): ParseOptions<unknown> {
  return {
    deadline: ctx.deadline,
    field: parseFieldOption(opts.field),
    vars: parseVarsOption(opts.vars),
    order: opts.order ? orderByName(opts.order) : degrevlex,
    limits: parseLimitOptions(opts),
  };
}

/** Reads EXPR, or standard input for `-`. */
export function readExpression(ctx: CliContext, expr: string): string {
  return expr === '-' ? ctx.readInput('-') : expr;
}

/** Prints a result as text, LaTeX or JSON. */
export function printPolynomial(ctx: CliContext, opts: ExpressionOptions, p: Polynomial<unknown>): void {
  if (opts.json) {
    ctx.printJSON(opts.latex ? { vars: p.ring.vars, result: p.toString(), latex: toLatex(p) } : { vars: p.ring.vars, result: p.toString() });
  } else {
    ctx.print(opts.latex ? toLatex(p) : p.toString());
  }
}

export function register(program: Command, ctx: CliContext): void {
  addExpressionOptions(
    program
      .command('expand')
      .description('expand a polynomial expression into its canonical form')
      .argument('<expr>', "a polynomial expression (+ - * /constant ^ and parentheses), or '-' for stdin"),
  )
    .addHelpText('after', '\nExamples:\n  polycrit expand "(x+y)^3 - x^3"\n  polycrit expand "(a-b)^2/2" --vars b,a --latex\n  polycrit expand "(x+1)^5" --field 3 --json\n  polycrit expand -- "-x^2 + 1"      (use -- before an expression that starts with -)')
    .action((expr: string, opts: ExpressionOptions) => {
      const text = readExpression(ctx, expr);
      ctx.status('expanding');
      const p = parsePolynomial(text, expressionParseOptions(ctx, opts));
      printPolynomial(ctx, opts, p);
    });
}
