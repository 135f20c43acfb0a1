/**
 * `polycrit diff EXPR VAR [VAR…]`: the partial derivative of a polynomial expression with
 * respect to one variable, or successively to several (∂/∂x then ∂/∂y), printed canonically.
 * A variable that does not occur in EXPR is added to the ring (the derivative is then 0), unless
 * `--vars` fixes the variables. Options as for `expand`.
 */
import type { Command } from 'commander';
import { parsePolynomial } from '../../io/parse';
import { partialDerivative } from '../../poly/derivative';
import { CliContext } from '../context';
import { addExpressionOptions, ExpressionOptions, expressionParseOptions, printPolynomial, readExpression } from './expand';

export function register(program: Command, ctx: CliContext): void {
  addExpressionOptions(
    program
      .command('diff')
      .description('partial derivative of a polynomial expression')
      .argument('<expr>', "a polynomial expression, or '-' for stdin")
      .argument('<vars...>', 'the variable(s) to differentiate by, in turn'),
  )
    .addHelpText('after', '\nExamples:\n  polycrit diff "x^2*y + y^3" y\n  polycrit diff "x^3*y^2" x y --json')
    .action((expr: string, by: string[], opts: ExpressionOptions) => {
      const text = readExpression(ctx, expr);
      const options = expressionParseOptions(ctx, opts);
      ctx.status('expanding');
      let p = parsePolynomial(text, options);
      const missing = by.filter((v, i) => !p.ring.hasVar(v) && by.indexOf(v) === i);
      if (missing.length > 0 && options.vars === undefined) {
        p = parsePolynomial(text, { ...options, vars: [...p.ring.vars, ...missing] });
      }
      ctx.status('differentiating');
      for (const v of by) p = partialDerivative(p, v);
      printPolynomial(ctx, opts, p);
    });
}
