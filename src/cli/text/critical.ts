/**
 * The text of a network's critical-point analysis, as `polycrit critical` prints it: the table of
 * components (dimension, degree, loss value, type, inertia, orbit, equations), the symmetries and
 * their orbits, the global minimum. Platform-free (no Node imports), so the web playground shows
 * the same words as the command line.
 */
import { CriticalAnalysis, CriticalValue } from '../../networks/critical';
import { unfinishedPartLine } from './solve';

/**
 * A critical value as text. A long minimal polynomial is named by its degree (`--json` prints
 * it), and of many real roots those taken at real points are shown first.
 */
export function valueText(v: CriticalValue): string {
  if (typeof v === 'string') return v;
  const atReal = v.atRealPoints ?? v.realRoots.map((r) => r.approx);
  const others = v.realRoots.length - atReal.length;
  const reals = atReal.length > 0 ? `≈ ${atReal.slice(0, 6).join(', ')}${atReal.length > 6 ? `, … (${atReal.length} values)` : ''}${v.atRealPoints ? ' at real points' : ''}` : v.realRoots.length > 0 ? 'none at real points' : 'no real root';
  const more = v.atRealPoints && others > 0 ? `; ${others} other real root(s)` : '';
  const degree = (v.minimalPolynomial.match(/t\^(\d+)/) ?? [])[1];
  const poly = v.minimalPolynomial.length <= 120 ? v.minimalPolynomial : `a degree-${degree ?? '?'} polynomial (--json prints it)`;
  return `root of ${poly} (${reals}${more})`;
}

/** A component's equations, or for a finite one without them its points' count and parametrization. */
export function equationsText(c: CriticalAnalysis['components'][number]): string {
  if (c.signOrbits) {
    const o = c.signOrbits;
    const first = c.points?.[0];
    if (c.degree === 1 && first?.kind === 'orbit') return `the point ${Object.entries(first.box).map(([v, [lo]]) => `${v} = ${lo}`).join(', ')}`;
    return `${c.realPoints} real, ${c.nonRealPoints} non-real point(s) in ${o.orbits} orbit(s) of ${o.orbitSize} under sign changes: T = ${o.exact.invariantForm.length <= 80 ? o.exact.invariantForm : 'an invariant'}, a root of a degree-${o.orbits} polynomial (--json prints it)`;
  }
  if (c.dimension === 0 && c.exact && !c.basis) {
    if (c.degree === 1) return `the point ${Object.entries(c.exact.coordinates).map(([v, x]) => `${v} = ${x}`).join(', ')}`;
    const points = `${c.realPoints} real, ${c.nonRealPoints} non-real point(s)`;
    return `${points}: T = ${c.exact.separatingForm}, a root of a degree-${c.degree} polynomial (--json prints it)`;
  }
  const basis = c.basis ?? [];
  if (basis.length === 0) return 'none: the whole space (the loss is constant, every point is critical)';
  return basis.length <= 3 ? basis.join(', ') : `${basis.slice(0, 3).join(', ')}, … (${basis.length} equations)`;
}

/**
 * The symmetry section: the generators (g1, g2, …), continuous and broken symmetries, and the
 * orbits with more than one component, each member given as the image of the representative.
 */
export function symmetryLines(a: CriticalAnalysis): string[] {
  const s = a.symmetries as NonNullable<CriticalAnalysis['symmetries']>;
  const lines = [`symmetries of the loss (derived from the spec, each checked exactly: L∘σ = L):`];
  if (s.generators.length === 0) lines.push('  no discrete symmetry');
  for (const g of s.generators) lines.push(`  g${g.id}  ${g.description}`);
  for (const c of s.continuous) lines.push(`  continuous: ${c.description} (dimension ${c.dimension})`);
  const broken = s.broken.slice(0, 4).map((b) => `${b.description}: ${b.reason}`);
  if (s.broken.length > 0) lines.push(`  broken by the spec: ${broken.join('; ')}${s.broken.length > 4 ? `; … (${s.broken.length} in all; --json lists them)` : ''}`);
  if (s.rejected) lines.push(`  dropped (failed the exact check): ${s.rejected.join('; ')}`);
  const word = (ids: number[]): string => ids.map((id) => `g${id}`).reverse().join('∘');
  const fixed = s.orbits.filter((o) => o.members.length === 1).map((o) => o.representative);
  const moving = s.orbits.filter((o) => o.members.length > 1);
  lines.push(`orbits of the components under the finite group: ${s.orbits.length}${s.complete ? '' : ' (incomplete: ' + (s.message ?? '') + ')'}`);
  for (const o of moving) {
    const images = o.members.slice(1).map((k) => `${k} = ${word(a.components[k - 1].orbit?.symmetry?.generators ?? [])}(${o.representative})`);
    const stabilizer = a.components[o.representative - 1].orbit?.fixedBy ?? [];
    lines.push(`  orbit ${a.components[o.representative - 1].orbit?.orbit}: components ${o.members.join(', ')}; ${images.join(', ')}${stabilizer.length > 0 ? `; ${o.representative} is fixed by ${word(stabilizer).split('∘').reverse().join(', ')}` : ''}`);
  }
  if (fixed.length > 0 && s.generators.length > 0) lines.push(`  fixed by every generator (orbits of one component): ${fixed.join(', ')}`);
  return lines;
}

/** The analysis as a plain-text table. */
export function formatCritical(name: string, a: CriticalAnalysis): string {
  const lines: string[] = [];
  lines.push(`Critical points of the loss of ${name}`);
  lines.push(`weights (${a.weights.length}): ${a.weights.join(', ')}`);
  lines.push(`loss: ${a.loss.length > 200 ? a.loss.slice(0, 200) + ` … (${a.loss.split(/ [+-] /).length} terms)` : a.loss}`);
  const unanalysed = a.unanalysed ?? [];
  if (!a.complete) lines.push(`INCOMPLETE: ${a.message ?? 'the analysis was cut short'}; the components below are those finished`);
  // An incomplete analysis may know how many points a finite set has, before any component.
  const count = !a.complete && a.solutions !== undefined ? `; ${a.solutions} critical point(s) counted with multiplicity` : '';
  const modular = !a.complete && a.dimensionModulo !== undefined ? ` (modulo the prime ${a.dimensionModulo}: probably right, not certain)` : '';
  lines.push(`critical set: ${a.components.length}${unanalysed.length > 0 ? ` analysed and ${unanalysed.length} not` : ''}${a.complete ? '' : ' (so far)'} irreducible component(s) over Q, of dimension up to ${a.dimension}${count}${modular}`);
  lines.push(`critical values: ${a.criticalValues.map(valueText).join('; ')}`);
  lines.push('');
  const rows = a.components.map((c, i) => [
    String(i + 1),
    String(c.dimension),
    String(c.degree),
    valueText(c.criticalValue),
    c.type,
    c.inertia && c.inertia.length > 0 ? `(${c.inertia[0].positive}, ${c.inertia[0].negative}, ${c.inertia[0].zero})` : '-',
    c.orbit ? String(c.orbit.orbit) : '-',
    equationsText(c),
  ]);
  const header = ['#', 'dim', 'degree', 'loss', 'type', 'inertia (+,−,0)', 'orbit', 'equations (reduced Gröbner basis) or points'];
  const widths = header.map((h, j) => Math.min(j === header.length - 1 ? 200 : 60, Math.max(h.length, ...rows.map((r) => r[j].length))));
  const fmt = (r: string[]) => r.map((cell, j) => (j === r.length - 1 ? cell : cell.padEnd(widths[j]))).join('  ');
  if (rows.length > 0 || unanalysed.length === 0) {
    lines.push(fmt(header));
    lines.push(widths.map((w) => '-'.repeat(w)).join('  '));
    for (const r of rows) lines.push(fmt(r));
    lines.push('');
  }
  if (unanalysed.length > 0) {
    lines.push(`found by the solver, not analysed before the time limit (no value or type):`);
    unanalysed.forEach((c, i) => {
      const equations = c.basis ? c.basis.join(', ') : `${c.degree} point(s)`;
      lines.push(`  ${a.components.length + i + 1}. dimension ${c.dimension}, degree ${c.degree}: ${equations.length > 200 ? equations.slice(0, 200) + ' …' : equations}`);
    });
    lines.push('');
  }
  const unfinished = a.unfinished ?? [];
  if (unfinished.length > 0) {
    lines.push(`not decomposed before the time limit: ${unfinished.length} part(s) of the critical set, holding every critical point not listed above:`);
    unfinished.forEach((part, i) => {
      const value = part.criticalValue === undefined ? 'loss not constant on the equations known' : `loss = ${part.criticalValue} on the whole part`;
      const type = part.type === 'minimum' ? ', the least value of the loss: its real points, if any, are global minima' : '';
      lines.push(unfinishedPartLine(i, part, part.equations, `${value}${type}`));
    });
    lines.push('');
  }
  if (a.symmetries) lines.push(...symmetryLines(a), '');
  if (a.globalMinimum) {
    const m = a.globalMinimum;
    const value = typeof m.value === 'string' ? m.value : `≈ ${m.approx}, a root of ${m.value.minimalPolynomial}`;
    lines.push(`global minimum: loss ${typeof m.value === 'string' ? '= ' : ''}${value} on component(s) ${m.components.join(', ')} (${m.note})`);
  }
  lines.push(`(${a.stats.seconds.toFixed(2)} s; type from the Hessian's inertia at real points, exact; components of positive dimension at generic sample points)`);
  return lines.join('\n');
}
