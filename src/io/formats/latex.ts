/**
 * LaTeX (`.tex`, written only): the system as an `aligned` block of equations `f = 0`, one per
 * line, in the notation of `io/print.ts` (`x1` → `x_{1}`, fractions as `\frac`), with a comment
 * naming the variables and the field. For reading, not for parsing back.
 */
import { Polynomial } from '../../poly/polynomial';
import { latexVariable, toLatex } from '../print';
import { SystemFormat, WritableSystem } from './format';

function write(system: WritableSystem): string {
  const field = system.characteristic === 0n ? '\\mathbb{Q}' : `\\mathbb{Z}/${system.characteristic}`;
  const ring = `${field}[${system.vars.map(latexVariable).join(', ')}]`;
  const rows = system.polynomials.map((p, k) => `  ${toLatex(p as Polynomial<unknown>)} &= 0${k + 1 < system.polynomials.length ? ', \\\\' : ''}`);
  return [`% ${system.polynomials.length} polynomial(s) in $${ring}$, written by polycrit`, '\\begin{aligned}', ...rows, '\\end{aligned}', ''].join('\n');
}

/** LaTeX: `\begin{aligned} f_1 &= 0, \\ … \end{aligned}` (write only). */
export const latexFormat: SystemFormat = {
  name: 'latex',
  description: 'LaTeX (written only): an aligned block of the equations f = 0',
  extensions: ['.tex'],
  looksLike: () => false,
  write,
};
