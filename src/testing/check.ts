/**
 * `checkSolution(plant, result)`: does a solver's answer match what was planted? Oracles, in
 * order: the answer is complete; its dimension is the plant's; every returned component's prime
 * contains the system (its points solve it); the returned components are exactly the planted
 * minimal primes — matched by equal reduced Gröbner bases in the answer's ring — with the same
 * dimension and degree; a point component lists as many points as its degree; planted rational
 * points appear with their exact coordinates; and for zero-dimensional plants each multiplicity
 * is the planted one. Every failed oracle is reported, not only the first.
 */
import { Rational } from '../arithmetic/rational';
import { groebner } from '../groebner/groebner';
import { normalForm } from '../groebner/normal-form';
import { changeRing } from '../poly/change';
import { Polynomial } from '../poly/polynomial';
import type { Component, SolveResult } from '../solve/solve';
import { PlantedSystem } from './plant';

/** The verdict: `ok`, or every problem found, each a sentence naming the component. */
export type CheckReport = { ok: true } | { ok: false; problems: string[] };

const key = (G: readonly Polynomial<Rational>[]): string => G.map(String).join('; ');

/**
 * Verifies `result` (from `solve(plant.polynomials)` or any solver with the same result type)
 * against the plant.
 * @example
 * const P = fc.sample(plantedPoints(), 1)[0];
 * checkSolution(P, solve(P.polynomials)); // { ok: true }
 */
export function checkSolution(plant: PlantedSystem, result: SolveResult): CheckReport {
  const problems: string[] = [];
  if (!result.complete) return { ok: false, problems: [`the answer is incomplete: ${result.message ?? 'no reason given'}`] };
  const dim = plant.components.length === 0 ? -1 : Math.max(...plant.components.map((c) => c.dimension));
  if (result.dimension !== dim) problems.push(`dimension ${result.dimension}, planted ${dim}`);
  const name = (c: Component, i: number) => `returned component ${i + 1} (dimension ${c.dimension}, degree ${c.degree})`;
  const returned = result.components.map((c, i) => {
    if (c.basis.length === 0) {
      problems.push(`${name(c, i)} has no equations`);
      return '';
    }
    const C = c.basis[0].ring;
    if (!plant.polynomials.every((f) => normalForm(changeRing(f, C), c.basis).isZero())) problems.push(`${name(c, i)} does not contain the system: its points do not solve it`);
    return key(groebner(c.basis));
  });
  const used = new Set<number>();
  for (const P of plant.components) {
    const i = result.components.findIndex((c, j) => !used.has(j) && c.basis.length > 0 && returned[j] === key(groebner(P.prime.map((p) => changeRing(p, c.basis[0].ring)))));
    if (i < 0) {
      problems.push(`planted component ${P.description} (dimension ${P.dimension}, degree ${P.degree}) is missing`);
      continue;
    }
    used.add(i);
    const c = result.components[i];
    if (c.dimension !== P.dimension || c.degree !== P.degree) problems.push(`${name(c, i)}: planted ${P.description} has dimension ${P.dimension}, degree ${P.degree}`);
    if (c.kind === 'points') {
      if (c.points.length !== c.degree) problems.push(`${name(c, i)} lists ${c.points.length} point(s) for degree ${c.degree}`);
      if (plant.zeroDimensional && P.multiplicity !== undefined && c.multiplicity !== P.multiplicity) problems.push(`${name(c, i)} has multiplicity ${c.multiplicity}, planted ${P.multiplicity} (${P.description})`);
      if (P.point) {
        const want = P.point;
        if (!c.points.some((p) => p.rational && Object.keys(want).every((v) => p.rational?.[v] === want[v]))) problems.push(`${name(c, i)} does not list the planted rational point ${JSON.stringify(want)}`);
      }
    } else if (P.dimension === 0) problems.push(`${name(c, i)} should be a set of points (${P.description})`);
  }
  result.components.forEach((c, i) => {
    if (!used.has(i)) problems.push(`${name(c, i)} was not planted: ${c.basis.map(String).join(', ')}`);
  });
  return problems.length === 0 ? { ok: true } : { ok: false, problems };
}
