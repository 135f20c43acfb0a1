/**
 * The symmetry section of a critical-point analysis: the network's symmetry group as derived
 * from its spec (discrete generators, continuous symmetries, what the spec breaks) and the orbits
 * of the analysed components under the discrete group, in the analysis's numbering (components
 * from 1) and as JSON-ready data.
 *
 * The invariants that narrow the candidates for σ(C) are the component's dimension and degree,
 * its critical value (the minimal polynomial, or the rational), and for finite components the
 * number of real points and the type, which comes from the Hessian's inertia at every real point;
 * the type of a positive-dimensional component is read at sample points that a symmetry does not
 * map to the image's sample points, so it is not used.
 */
import { Deadline } from '../errors';
import { Component } from '../solve/solve';
import type { CriticalAnalysis } from './critical';
import { ContinuousSymmetry, continuousSymmetries } from './continuous-symmetry';
import { NetworkLoss } from './loss';
import { componentOrbits } from './orbits';
import { permutationText } from './signed-permutation';
import { BrokenSymmetry, GeneratorKind, discreteSymmetries } from './symmetry';

/** A component's place in its orbit. */
export interface ComponentOrbit {
  /** Orbit number (from 1). */
  orbit: number;
  /** The orbit's representative (a component number, from 1). */
  representative: number;
  /** For other members: a symmetry mapping the representative to this component. */
  symmetry?: {
    /** Generator ids, applied in this order. */
    generators: number[];
    description: string;
    /** The composed signed permutation: `image[w] = '-v'` says σ(x)_w = −x_v. */
    image: Record<string, string>;
  };
  /** Generators (ids) mapping the component to itself. */
  fixedBy: number[];
}

/** The network's symmetries and the components' orbits. */
export interface SymmetryReport {
  /** Generators of the finite group: signed permutations of the free weights, each checked exactly (L∘σ = L). */
  generators: { id: number; kind: GeneratorKind; description: string; image: Record<string, string> }[];
  /** Continuous symmetries (checked exactly); orbits use the finite group only. */
  continuous: ContinuousSymmetry[];
  /** Symmetries of the architecture that the regularization or fixed weights break. */
  broken: BrokenSymmetry[];
  /** Derived symmetries that failed the exact check and were dropped (never expected). */
  rejected?: string[];
  /** Orbits of the components under the finite group: component numbers from 1, the representative first. */
  orbits: { representative: number; members: number[] }[];
  /** False when an image was not found (an incomplete analysis) or a time limit stopped the search. */
  complete: boolean;
  message?: string;
}

/**
 * The symmetry report of an analysis whose components are `analysis.components`, with
 * `components[i]` the solver's component behind `analysis.components[i]`; each analysed
 * component gets its `orbit` (in place).
 */
export function attachSymmetries(analysis: CriticalAnalysis, net: NetworkLoss, components: readonly Component[], deadline?: Deadline): SymmetryReport {
  const discrete = discreteSymmetries(net);
  const continuous = continuousSymmetries(net);
  const items = analysis.components.map((c, i) => {
    const v = c.criticalValue;
    const value = typeof v === 'string' ? v : v.minimalPolynomial;
    return { component: components[i], invariant: JSON.stringify(c.dimension === 0 ? [value, c.type, c.realPoints] : [value]) };
  });
  const generators = discrete.generators;
  const orbits = componentOrbits(
    generators.map((g) => g.permutation),
    items,
    { complete: analysis.complete, deadline },
  );
  analysis.components.forEach((c, i) => {
    const m = orbits.membership[i];
    if (!m) return;
    c.orbit = {
      orbit: m.orbit + 1,
      representative: m.representative + 1,
      ...(m.word.length > 0 ? { symmetry: { generators: m.word.map((g) => generators[g].id), description: m.word.map((g) => generators[g].description).join(', then '), image: permutationText(m.symmetry) } } : {}),
      fixedBy: m.fixedBy.map((g) => generators[g].id),
    };
  });
  const rejected = [...discrete.rejected, ...continuous.rejected];
  return {
    generators: generators.map(({ id, kind, description, image }) => ({ id, kind, description, image })),
    continuous: continuous.symmetries,
    broken: [...discrete.broken, ...continuous.broken],
    ...(rejected.length > 0 ? { rejected } : {}),
    orbits: orbits.orbits.map((o) => ({ representative: o.representative + 1, members: o.members.map((k) => k + 1) })),
    complete: orbits.complete && analysis.complete,
    ...(orbits.message ? { message: orbits.message } : !analysis.complete ? { message: 'the analysis is incomplete: images outside the analysed components are not known' } : {}),
  };
}
