/**
 * polycrit itself behind the solver protocol of `polycrit check --solver` (README, "Checking
 * other solvers"): reads `{"vars": [...], "polynomials": [...]}` on stdin, solves, prints every
 * complex point — rational ones exactly (`"-3/4"`), the others as decimals (`{"re", "im"}`) —
 * and each positive-dimensional component that is a graph of rational functions over its free
 * variables as those functions, or `{"error": "..."}` (a conic, say, has no such form). The smallest complete adapter, and the one the protocol's tests use.
 *
 * Run: npm run build && polycrit check --solver "node dist/examples/solvers/polycrit-solve.js"
 */
import { readFileSync } from 'fs';
import { parsePolynomials, polynomialDataToString, solve } from '../../src/index';

function main(): object {
  const request = JSON.parse(readFileSync(0, 'utf8')) as { vars: string[]; polynomials: string[] };
  const { polynomials } = parsePolynomials(request.polynomials.join('\n'), { vars: request.vars });
  const result = solve(polynomials, { digits: 25, complex: true });
  if (!result.complete) return { error: `incomplete: ${result.message ?? ''}` };
  const solutions: Record<string, unknown>[] = [];
  for (const c of result.components) {
    if (c.kind === 'variety') {
      // A parametric solution: the dependent variables as rational functions of the free ones.
      if (c.parametrization === undefined && c.freeVariables.length < request.vars.length) return { error: `a component of dimension ${c.dimension} without an explicit parametrization: ${c.basis.map(polynomialDataToString).join(', ')}` };
      solutions.push({ ...c.parametrization });
      continue;
    }
    for (const p of c.points) {
      const value = (v: string) => (p.kind === 'rational' ? p.rational[v] : p.kind === 'complex' ? { re: p.re[v], im: p.im[v] } : p.approx[v]);
      solutions.push(Object.fromEntries(request.vars.map((v) => [v, value(v)])));
    }
  }
  return { domain: 'complex', solutions };
}

let answer: object;
try {
  answer = main();
} catch (e) {
  answer = { error: (e as Error).message };
}
process.stdout.write(JSON.stringify(answer) + '\n');
