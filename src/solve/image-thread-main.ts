/**
 * The body of a helper thread of `image-threads.ts`: it rebuilds its task's ideal, then answers
 * the solver's questions one at a time, most urgent first (numerators, then real roots, then
 * images at further primes), not in the order they came. Each answer wakes the solver
 * (`threads/synchronous-helper.ts`).
 *
 * - A parametrization task (`rur-modular.ts`): the image at a prime — the basis modulo p in
 *   separating coordinates from its own F4 learning run and replays, then the Krylov sequences with
 *   a functional seeded by p — kept for the numerators the solver may ask at that prime later; or
 *   the isolating intervals of the real roots of a component's minimal polynomial (refined as the
 *   coordinates will first ask).
 * - An orbit task (`orbit-space.ts`): the image at a prime — the basis in the original
 *   coordinates, the Krylov matrix of the invariant on the invariant block and χ₀ — kept for the
 *   numerators of products of variables asked later (`orbit-images.ts`).
 */
import { receiveMessageOnPort, workerData } from 'worker_threads';
import { QQ } from '../arithmetic/field';
import { Rational, req } from '../arithmetic/rational';
import { traceFromData } from '../groebner/f4';
import { polynomialFromData } from '../poly/data';
import { Polynomial, PolynomialRing } from '../poly/polynomial';
import { UPoly } from '../poly/univariate';
import { HelperData, answerer } from '../threads/synchronous-helper';
import { ImageTask, OrbitTask, ParametrizationTask } from './image-workers';
import { KrylovShape, ParametrizationImage, parametrizationModPRetrying, residueGenerator } from './krylov';
import { OrbitImage, OrbitImageSource, learnedFromTrace, orbitImage, orbitNumerators } from './orbit-images';
import { UnluckyPrime, VariableProduct } from './orbit-multiplication';
import { RootInterval, isolateRealRoots, refineRoot } from './roots/real';
import { BasisLearning, SeparatingCoordinates, basisAtPrime } from './separating-coordinates';

type Question =
  | { kind: 'image'; p: number }
  | { kind: 'numerators'; p: number; factors: number[][] }
  | { kind: 'realRoots'; id: number; q: bigint[]; bits: number }
  /** Queued here after an isolation: one root to refine. */
  | { kind: 'refineRoot'; id: number; index: number; q: bigint[]; bits: number; interval: RootInterval }
  | { kind: 'productNumerators'; id: number; p: number; factors: number[][]; productsOf: VariableProduct[][] };

const { data: task, port, signal } = workerData as HelperData<ImageTask>;
const answer = answerer(port, signal);
const R = new PolynomialRing<Rational>(QQ, task.vars);
const fromData = (ps: ImageTask['generators']): Polynomial<Rational>[] => ps.map((g) => polynomialFromData(g, R));

/** The answers of a parametrization task. */
function parametrizationHelper(task: ParametrizationTask): (m: Question) => unknown {
  const sc: SeparatingCoordinates = { form: [], ring: R, generators: fromData(task.generators), coordinates: fromData(task.coordinates) };
  const learning: BasisLearning = task.trace ? { trace: traceFromData(task.trace, R) } : {};
  const images = new Map<number, ParametrizationImage>();
  let shape: KrylovShape | undefined;
  const imageAt = (p: number): ParametrizationImage | undefined => {
    const b = basisAtPrime(sc, task.D, p, learning);
    if (!b) return undefined;
    shape ??= KrylovShape.of(b.basis);
    return parametrizationModPRetrying(b.basis, b.coordinates, task.D, p, residueGenerator(p), shape);
  };
  return (m) => {
    if (m.kind === 'image') {
      const image = imageAt(m.p);
      if (image) images.set(m.p, image);
      // The sequences go along: the solver takes the numerators from them itself, which leaves
      // this thread free for the real roots once χ is factored.
      return { kind: 'image', p: m.p, ...(image ? { chi: image.chi, sequences: image.sequences } : {}) };
    }
    if (m.kind === 'numerators') return { kind: 'numerators', p: m.p, numerators: images.get(m.p)?.numerators(m.factors) };
    return undefined;
  };
}

/** The answers of an orbit task. */
function orbitHelper(task: OrbitTask): (m: Question) => unknown {
  const generators = fromData(task.generators);
  const learned = task.learned && learnedFromTrace(generators, task.learned.p, traceFromData(task.learned.trace, R));
  const source = new OrbitImageSource(generators, task.D, task.group, learned);
  if (learned && task.learned) source.adoptColumns(task.learned.columns);
  const images = new Map<number, OrbitImage>();
  const imageAt = (p: number): OrbitImage | undefined => {
    try {
      const maps = source.at(p);
      const image = maps && orbitImage(maps, task.form);
      maps?.releaseColumns(); // as the solver's own images do (orbit-space.ts): computed again if asked
      return image;
    } catch (e) {
      if (e instanceof UnluckyPrime) return undefined;
      throw e;
    }
  };
  return (m) => {
    if (m.kind === 'image') {
      const image = imageAt(m.p);
      if (image) images.set(m.p, image);
      return { kind: 'image', p: m.p, ...(image ? { chi: image.chi } : {}) };
    }
    if (m.kind === 'productNumerators') {
      const image = images.get(m.p);
      let numerators: UPoly<number>[][] | undefined;
      try {
        numerators = image && orbitNumerators(image, m.factors, m.productsOf);
      } catch (e) {
        if (!(e instanceof UnluckyPrime)) throw e;
      }
      return { kind: 'productNumerators', id: m.id, ...(numerators ? { numerators } : {}) };
    }
    return undefined;
  };
}

const answerTo = task.kind === 'orbits' ? orbitHelper(task) : parametrizationHelper(task);

function answerOne(m: Question): void {
  if (m.kind === 'realRoots') {
    // The intervals as isolated, then each refined, from the first (each its own question, so
    // that numerators asked meanwhile come first): the solver refines from the last once its own
    // work is done, and the two meet (`ThreadJob.realRoots`).
    const intervals = isolateRealRoots(m.q, { irreducible: true });
    answer({ kind: 'realRoots', id: m.id, intervals });
    intervals.forEach((interval, index) => {
      if (!req(interval.lo, interval.hi)) queue.push({ kind: 'refineRoot', id: m.id, index, q: m.q, bits: m.bits, interval });
    });
    return;
  }
  if (m.kind === 'refineRoot') {
    answer({ kind: 'refinedRoot', id: m.id, index: m.index, interval: refineRoot(m.q, m.interval, { bits: m.bits }) });
    return;
  }
  const reply = answerTo(m);
  if (reply !== undefined) answer(reply);
}

// Questions are answered most urgent first: the solver waits for numerators (cheap) in the lift
// and for real roots (long) after it, while images at further primes are only taken when finished.
const urgency = (m: Question): number => (m.kind === 'realRoots' || m.kind === 'refineRoot' ? 1 : m.kind === 'image' ? 2 : 0);
const queue: Question[] = [];
let scheduled = false;
const work = (): void => {
  scheduled = false;
  for (let r = receiveMessageOnPort(port); r; r = receiveMessageOnPort(port)) queue.push(r.message as Question);
  if (queue.length === 0) return;
  let k = 0;
  for (let i = 1; i < queue.length; i++) if (urgency(queue[i]) < urgency(queue[k])) k = i;
  answerOne(queue.splice(k, 1)[0]);
  if (queue.length > 0 && !scheduled) {
    scheduled = true;
    setImmediate(work);
  }
};
port.on('message', (m: Question) => {
  queue.push(m);
  if (!scheduled) {
    scheduled = true;
    setImmediate(work);
  }
});
