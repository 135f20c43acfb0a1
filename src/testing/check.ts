/**
 * `checkSolution(plant, result)`: does a solver's answer match what was planted? Oracles, in
 * order: the answer is complete; its dimension is the plant's; every returned component's prime
 * contains the system (its points solve it); the returned components are exactly the planted
 * minimal primes — matched by equal reduced Gröbner bases in the answer's ring — with the same
 * dimension and degree; a point component counts as many real and non-real points as its degree
 * and lists its real ones (and the non-real ones when it says so); planted rational
 * points appear with their exact coordinates; and for zero-dimensional plants each multiplicity
 * is the planted one. Every failed oracle is reported, not only the first.
 */
import { Rational } from '../arithmetic/rational';
import { groebner } from '../groebner/groebner';
import { inIdeal } from '../groebner/normal-form';
import { changeRing } from '../poly/change';
import { Polynomial } from '../poly/polynomial';
import { polynomialsFromData } from '../poly/data';
import type { Component, SolveResult } from '../solve/solve';
import { componentIdeal } from '../solve/zero-dimensional';
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
  // Finite components carry their parametrization; their prime is written out here.
  const bases = result.components.map((c) => (c.kind === 'orbits' ? [] : c.kind === 'points' ? componentIdeal(c)?.basis : polynomialsFromData(c.basis)) ?? []);
  const returned = result.components.map((c, i) => {
    const basis = bases[i];
    if (c.kind === 'orbits') {
      problems.push(`${name(c, i)} is a family of sign orbits, which has no prime ideal to compare with the planted ones (solve with orbits: false)`);
      return '';
    }
    if (basis.length === 0) {
      problems.push(`${name(c, i)} has no equations`);
      return '';
    }
    const C = basis[0].ring;
    if (!plant.polynomials.every((f) => inIdeal(changeRing(f, C), basis))) problems.push(`${name(c, i)} does not contain the system: its points do not solve it`);
    return key(groebner(basis));
  });
  const used = new Set<number>();
  for (const P of plant.components) {
    const i = result.components.findIndex((_, j) => !used.has(j) && bases[j].length > 0 && returned[j] === key(groebner(P.prime.map((p) => changeRing(p, bases[j][0].ring)))));
    if (i < 0) {
      problems.push(`planted component ${P.description} (dimension ${P.dimension}, degree ${P.degree}) is missing`);
      continue;
    }
    used.add(i);
    const c = result.components[i];
    if (c.dimension !== P.dimension || c.degree !== P.degree) problems.push(`${name(c, i)}: planted ${P.description} has dimension ${P.dimension}, degree ${P.degree}`);
    if (c.kind === 'points') {
      const listed = c.realPoints + (c.complexPoints === 'listed' ? c.nonRealPoints : 0);
      if (c.realPoints + c.nonRealPoints !== c.degree) problems.push(`${name(c, i)} counts ${c.realPoints} real and ${c.nonRealPoints} non-real point(s) for degree ${c.degree}`);
      if (c.points.length !== listed || c.points.filter((p) => p.real).length !== c.realPoints) problems.push(`${name(c, i)} lists ${c.points.length} point(s), ${c.realPoints} real${c.complexPoints === 'listed' ? ' and every non-real one' : ''} expected`);
      if (plant.zeroDimensional && P.multiplicity !== undefined && c.multiplicity !== P.multiplicity) problems.push(`${name(c, i)} has multiplicity ${c.multiplicity}, planted ${P.multiplicity} (${P.description})`);
      if (P.point) {
        const want = P.point;
        if (!c.points.some((p) => p.kind === 'rational' && Object.keys(want).every((v) => p.rational[v] === want[v]))) problems.push(`${name(c, i)} does not list the planted rational point ${JSON.stringify(want)}`);
      }
    } else if (P.dimension === 0) problems.push(`${name(c, i)} should be a set of points (${P.description})`);
  }
  result.components.forEach((c, i) => {
    if (!used.has(i)) problems.push(`${name(c, i)} was not planted: ${bases[i].map(String).join(', ')}`);
  });
  return problems.length === 0 ? { ok: true } : { ok: false, problems };
}
