/**
 * The text and JSON of a solution set, as `polycrit solve` prints them: the components (points
 * with their exact parametrization and decimals, varieties with their equations and sample
 * points). Platform-free (no Node imports), so the web playground shows the same words as the
 * command line.
 */
import { SolveResult } from '../../solve/solve';
import { solveResultToJSON } from '../../solve/result-json';
import { ZeroDimensionalComponent } from '../../solve/zero-dimensional';
import { PositiveDimensionalComponent } from '../../solve/components';
import { OrbitFamily } from '../../solve/orbit-solve';
import { polynomialDataToString } from '../../poly/data';

export { solveResultToJSON };

/** A plain-text table of a result. */
export function formatSolveResult(result: SolveResult): string {
  const lines: string[] = [];
  if (result.dimension === -1) return 'no solutions: the system is inconsistent (its ideal is the unit ideal)';
  const [first] = result.components;
  if (result.complete && result.components.length === 1 && first.kind === 'variety' && first.basis.length === 0) {
    const where = result.vars.length === 0 ? 'there are no variables, so the space is one point' : `dimension ${result.dimension}, free variables ${first.freeVariables.join(', ')}`;
    return `every point is a solution: each equation is 0 (the zero ideal); one component, the whole space (${where})`;
  }
  if (!result.complete) lines.push(`INCOMPLETE: ${result.message}; the components below are those finished${result.solutions !== undefined ? ` (of ${result.solutions} solutions counted with multiplicity)` : ''}`);
  const pointSets = result.components.filter((c): c is ZeroDimensionalComponent | OrbitFamily => c.kind === 'points' || c.kind === 'orbits');
  const varieties = result.components.filter((c): c is PositiveDimensionalComponent => c.kind === 'variety');
  const distinct = pointSets.reduce((s, c) => s + c.degree, 0);
  const modular = result.dimensionModulo !== undefined ? ` (modulo the prime ${result.dimensionModulo}: probably right, not certain)` : '';
  const summary = [`${result.components.length} irreducible component(s) over Q, dimension ${result.dimension}${modular}`];
  if (varieties.length > 0) summary.push(`${varieties.length} of positive dimension`);
  if (pointSets.length > 0) {
    const total = pointSets.reduce((s, c) => s + c.degree * c.multiplicity, 0);
    summary.push(`${distinct} isolated point(s)${varieties.length === 0 ? `, ${total} counted with multiplicity` : ''}`);
  }
  lines.push(summary.join('; '));
  if (result.signGroup) lines.push(`solved orbit by orbit under the sign changes ${result.signGroup.map((g) => `(${g.join(', ')})`).join(', ')} (each negates the variables listed)`);
  const vars = result.vars;
  const width = Math.max(...vars.map((v) => v.length));
  result.components.forEach((c, k) => {
    if (c.kind === 'variety') {
      lines.push(`component ${k + 1}: dimension ${c.dimension}, degree ${c.degree}, free variables ${c.freeVariables.join(', ') || '(none)'}`);
      lines.push(`    ${c.basis.map(polynomialDataToString).join(', ')}`);
      if (c.parametrization) for (const [v, e] of Object.entries(c.parametrization)) lines.push(`    ${v} = ${e}`);
      for (const p of c.samplePoints) {
        lines.push(`  sample ${p.real ? 'real   ' : 'complex'}  ${vars.map((v) => `${v} = ${p.kind === 'rational' ? p.rational[v] : p.approx[v]}`).join(', ')}`);
      }
      if (c.realPoints === 'none-found') lines.push('  (no real sample point found on the slices tried)');
      if (c.noRealPoints?.by === 'equation') lines.push(`  (no real point: ${c.noRealPoints.equation} has no real zero)`);
      if (c.noRealPoints?.by === 'value') lines.push(`  (no real point: ${c.noRealPoints.constant} takes there the roots of ${c.noRealPoints.values}, none real)`);
      return;
    }
    if (c.kind === 'orbits') {
      lines.push(`component ${k + 1}: ${c.degree} point(s), ${c.orbits} orbit(s) of ${c.orbitSize}, T = ${c.exact.invariantForm} where ${elide(c.exact.minimalPolynomial, c.orbits)} = 0`);
      const text = Object.entries(c.exact.coordinates).map(([v, w]) => `    ${v} = ${w}`);
      if (text.every((t) => t.length <= 200)) lines.push(...text);
      else lines.push(`    each coordinate is read from invariants u(T)/q'(T), q the minimal polynomial (--json prints them)`);
      for (const p of c.points) lines.push(`  real     ${vars.map((v) => `${v.padStart(width)} = ${p.approx[v]}`).join(', ')}`);
      if (c.nonRealPoints > 0) lines.push(`  and ${c.nonRealPoints} non-real point(s) (--complex lists them, solving without the orbits)`);
      return;
    }
    const head = `component ${k + 1}: ${c.degree} point(s)${c.multiplicity > 1 ? `, multiplicity ${c.multiplicity}` : ''}`;
    if (c.degree === 1) lines.push(`${head}, rational`);
    else lines.push(`${head}, T = ${c.exact.separatingForm} where ${elide(c.exact.minimalPolynomial, c.degree)} = 0`);
    if (c.degree > 1 && c.exact.denominator === '1') {
      for (const [v, w] of Object.entries(c.exact.coordinates)) if (w !== 'T' || c.exact.separatingForm !== v) lines.push(`    ${v} = ${w}`);
    } else if (c.degree > 1) lines.push(`    each coordinate is u(T)/q'(T), q the minimal polynomial, u of degree < ${c.degree} (--json prints them)`);
    for (const p of c.points) {
      const coords = vars.map((v) => `${v.padStart(width)} = ${p.kind === 'rational' ? p.rational[v] : p.approx[v]}`).join(', ');
      lines.push(`  ${p.real ? 'real   ' : 'complex'}  ${coords}`);
    }
    if (c.complexPoints === 'counted' && c.nonRealPoints > 0) lines.push(`  and ${c.nonRealPoints} non-real point(s) (--complex lists them)`);
  });
  const unfinished = result.unfinished ?? [];
  if (unfinished.length > 0) lines.push(`not decomposed before the time limit: ${unfinished.length} part(s), holding every solution not listed above:`);
  unfinished.forEach((part, i) => lines.push(unfinishedPartLine(i, part, part.equations.map(polynomialDataToString))));
  return lines.join('\n');
}

/**
 * The line of the i-th part a stopped decomposition left (`solve` and `critical`): its shape,
 * what else is known of it (`detail`, when given), and its equations, cut at 200 characters.
 */
export function unfinishedPartLine(i: number, part: { dimensionBound: number; irreducible?: boolean }, equations: readonly string[], detail?: string): string {
  const shape = part.irreducible ? `irreducible of dimension ${part.dimensionBound} (a component unless it lies in a larger part)` : `dimension ≤ ${part.dimensionBound}`;
  const text = equations.join(', ');
  return `  part ${i + 1}: ${shape}, ${detail ? `${detail}; ` : ''}${equations.length} equation(s): ${text.length > 200 ? text.slice(0, 200) + ' …' : text}`;
}

/** A polynomial's text, or a short description when it is too long for a table. */
function elide(text: string, degree: number): string {
  return text.length <= 400 ? text : `(a degree-${degree} polynomial of ${text.length} characters; --json prints it)`;
}
