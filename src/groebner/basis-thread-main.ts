/**
 * The body of a helper thread of `basis-threads.ts`: it rebuilds the generators from the task,
 * learns F4 at the first prime it is given and replays the trace at the others, answering each
 * prime with the reduced basis modulo p (or a failed replay) as typed arrays. Once the driver
 * sends its own trace, that trace is replayed instead and the answers name monomials by their
 * ids in it (`rowsImage`), without polynomials.
 */
import { workerData } from 'worker_threads';
import { QQ } from '../arithmetic/field';
import { Rational } from '../arithmetic/rational';
import { polynomialFromData } from '../poly/data';
import { Polynomial, PolynomialRing } from '../poly/polynomial';
import { ReductionModP } from '../poly/reduction-mod-p';
import { HelperData, answerer } from '../threads/synchronous-helper';
import { BasisImage, BasisTask, basisImage, rowsImage, taskRingModP } from './basis-workers';
import { f4EngineWith } from './engines';
import { F4Trace, F4TraceData, f4ApplyRows, traceFromData } from './f4';

const { data: task, port, signal } = workerData as HelperData<BasisTask>;
const answer = answerer(port, signal);
const R = new PolynomialRing<Rational>(QQ, task.vars, task.order);
const reduction = new ReductionModP(task.generators.map((g) => polynomialFromData(g, R)));
const engine = f4EngineWith(task.linalg);
/** A trace learned here (its answers carry exponents). */
let replay: ((images: readonly Polynomial<number>[]) => Polynomial<number>[] | undefined) | undefined;
/** The driver's latest trace and its number (its answers carry monomial ids). */
let driverTrace: { trace: F4Trace; number: number } | undefined;

port.on('message', ({ p, trace }: { p?: number; trace?: F4TraceData }) => {
  if (trace) {
    // The driver's learning run: replay it from now on (no answer is expected).
    driverTrace = { trace: traceFromData(trace, R), number: (driverTrace?.number ?? 0) + 1 };
    return;
  }
  if (p === undefined) return;
  const S = taskRingModP(task, p);
  const images = reduction.images(S);
  let image: BasisImage;
  if (driverTrace) {
    const rows = f4ApplyRows(driverTrace.trace, images);
    image = rows ? rowsImage(p, rows, driverTrace.number) : { p, trace: driverTrace.number };
  } else {
    let basis: Polynomial<number>[] | undefined;
    if (replay) basis = replay(images);
    else {
      const learned = engine.learn(images);
      basis = learned.basis;
      replay = learned.replay;
    }
    image = basis ? basisImage(p, basis, task.vars.length) : { p };
  }
  const buffers = [image.lengths, image.exponents, image.ids, image.coefficients].flatMap((a) => (a ? [a.buffer as ArrayBuffer] : []));
  answer(image, buffers);
});
