/**
 * The body of a helper thread of `basis-threads.ts`: it rebuilds the generators from the task,
 * learns F4 at the first prime it is given and replays the trace at the others, answering each
 * prime with the reduced basis modulo p (or a failed replay) as typed arrays.
 */
import { workerData } from 'worker_threads';
import { QQ } from '../arithmetic/field';
import { Rational } from '../arithmetic/rational';
import { changeRing } from '../poly/change';
import { polynomialFromData } from '../poly/data';
import { Polynomial, PolynomialRing } from '../poly/polynomial';
import { HelperData, answerer } from '../threads/synchronous-helper';
import { BasisImage, BasisTask, basisImage, taskRingModP } from './basis-workers';
import { f4EngineWith } from './engines';
import { F4TraceData, f4Apply, traceFromData } from './f4';

const { data: task, port, signal } = workerData as HelperData<BasisTask>;
const answer = answerer(port, signal);
const R = new PolynomialRing<Rational>(QQ, task.vars, task.order);
const generators = task.generators.map((g) => polynomialFromData(g, R));
const engine = f4EngineWith(task.linalg);
let replay: ((images: readonly Polynomial<number>[]) => Polynomial<number>[] | undefined) | undefined;

port.on('message', ({ p, trace }: { p?: number; trace?: F4TraceData }) => {
  if (trace) {
    // The driver's learning run: replay it from now on (no answer is expected).
    const learned = traceFromData(trace, R);
    replay = (images) => f4Apply(learned, images);
    return;
  }
  if (p === undefined) return;
  const S = taskRingModP(task, p);
  const images = generators.map((f) => changeRing(f, S));
  let basis: Polynomial<number>[] | undefined;
  if (replay) basis = replay(images);
  else {
    const learned = engine.learn(images);
    basis = learned.basis;
    replay = learned.replay;
  }
  const image: BasisImage = basis ? basisImage(p, basis, task.vars.length) : { p };
  const buffers = image.lengths ? [image.lengths.buffer, image.exponents!.buffer, image.coefficients!.buffer] : [];
  answer(image, buffers as ArrayBuffer[]);
});
