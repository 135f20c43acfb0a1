/**
 * The body of a helper thread of `image-threads.ts`: it rebuilds the ideal in separating
 * coordinates from the task, then answers the solver's questions one at a time — the image at a
 * prime (the basis modulo p from its own F4 learning run and replays, then the Krylov sequences
 * with a functional seeded by p), kept for the numerators the solver may ask at that prime later,
 * or the isolating intervals of the real roots of a component's minimal polynomial (refined as
 * the coordinates will first ask).
 * Each answer wakes the solver (`threads/synchronous-helper.ts`).
 */
import { workerData } from 'worker_threads';
import { QQ } from '../arithmetic/field';
import { Rational } from '../arithmetic/rational';
import { PolynomialRing } from '../poly/polynomial';
import { HelperData, answerer } from '../threads/synchronous-helper';
import { ParametrizationTask } from './image-workers';
import { polynomialFromData } from '../poly/data';
import { KrylovShape, ParametrizationImage, parametrizationModPRetrying, residueGenerator } from './krylov';
import { BasisLearning, SeparatingCoordinates, basisAtPrime } from './separating-coordinates';
import { isolateRealRoots, refineRoot } from './roots/real';
import { req } from '../arithmetic/rational';

const { data: task, port, signal } = workerData as HelperData<ParametrizationTask>;
const answer = answerer(port, signal);
const R = new PolynomialRing<Rational>(QQ, task.vars);
const sc: SeparatingCoordinates = {
  form: [],
  ring: R,
  generators: task.generators.map((g) => polynomialFromData(g, R)),
  coordinates: task.coordinates.map((c) => polynomialFromData(c, R)),
};
const learning: BasisLearning = {};
const images = new Map<number, ParametrizationImage>();
let shape: KrylovShape | undefined;

function imageAt(p: number): ParametrizationImage | undefined {
  const b = basisAtPrime(sc, task.D, p, learning);
  if (!b) return undefined;
  shape ??= KrylovShape.of(b.basis);
  const random = residueGenerator(p);
  return parametrizationModPRetrying(b.basis, b.coordinates, task.D, p, random, shape);
}

port.on('message', (m: { kind: 'image'; p: number } | { kind: 'numerators'; p: number; factors: number[][] } | { kind: 'realRoots'; id: number; q: bigint[]; bits: number }) => {
  if (m.kind === 'realRoots') {
    const intervals = isolateRealRoots(m.q, { irreducible: true }).map((iv) => (req(iv.lo, iv.hi) ? iv : refineRoot(m.q, iv, { bits: m.bits })));
    answer({ kind: 'realRoots', id: m.id, intervals });
  }
  else if (m.kind === 'image') {
    const image = imageAt(m.p);
    if (image) images.set(m.p, image);
    answer({ kind: 'image', p: m.p, ...(image ? { chi: image.chi } : {}) });
  } else {
    const image = images.get(m.p);
    answer({ kind: 'numerators', p: m.p, numerators: image?.numerators(m.factors) });
  }
});
