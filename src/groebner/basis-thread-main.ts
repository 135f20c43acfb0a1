/**
 * The body of a helper thread of `basis-threads.ts`, which serves one basis (a job) after another
 * for the whole command. For each job it rebuilds the generators from the task, learns F4 at the
 * first prime it is given and replays the trace at the others, answering each prime with the
 * reduced basis modulo p (or a failed replay) as typed arrays tagged with the job's number. Once
 * the driver sends its own trace, that trace is replayed instead and the answers name monomials
 * by their ids in it (`rowsImage`), without polynomials.
 *
 * Messages: `{ job, task }` starts a job (the previous one's state is dropped), `{ job, p }` asks
 * for an image, `{ job, trace }` brings the driver's trace, `{ job, end: true }` drops the job's
 * state. A prime is computed only while its job is the caller's current one (the shared
 * `current` cell, which the caller sets when a job starts and clears when it ends), so the primes
 * queued for a job that ended are skipped, not computed for nobody.
 */
import { workerData } from 'worker_threads';
import { QQ } from '../arithmetic/field';
import { Rational } from '../arithmetic/rational';
import { polynomialFromData } from '../poly/data';
import { Polynomial, PolynomialRing } from '../poly/polynomial';
import { ReductionModP } from '../poly/reduction-mod-p';
import { HelperData, answerer } from '../threads/synchronous-helper';
import type { BasisMessage, BasisPoolData } from './basis-threads';
import { BasisImage, BasisTask, basisImage, rowsImage, taskRingModP } from './basis-workers';
import { f4EngineWith } from './engines';
import { F4Trace, f4ApplyRows, traceFromData } from './f4';

const { data, port, signal } = workerData as HelperData<BasisPoolData>;
const answer = answerer(port, signal);

/** What one job keeps: its task, its generators read once for all primes, and the traces it replays. */
interface JobState {
  job: number;
  task: BasisTask;
  R: PolynomialRing<Rational>;
  reduction: ReductionModP;
  engine: ReturnType<typeof f4EngineWith>;
  /** A trace learned here (its answers carry exponents). */
  replay?: (images: readonly Polynomial<number>[]) => Polynomial<number>[] | undefined;
  /** The driver's latest trace and its number (its answers carry monomial ids). */
  driverTrace?: { trace: F4Trace; number: number };
}

let state: JobState | undefined;

port.on('message', ({ job, task, p, trace, end }: BasisMessage) => {
  if (task) {
    const R = new PolynomialRing<Rational>(QQ, task.vars, task.order);
    state = { job, task, R, reduction: new ReductionModP(task.generators.map((g) => polynomialFromData(g, R))), engine: f4EngineWith(task.linalg) };
    return;
  }
  if (state === undefined || state.job !== job) return; // a message of a job that ended
  if (end) {
    state = undefined;
    return;
  }
  if (trace) {
    // The driver's learning run: replay it from now on (no answer is expected).
    state.driverTrace = { trace: traceFromData(trace, state.R), number: (state.driverTrace?.number ?? 0) + 1 };
    return;
  }
  if (p === undefined || Atomics.load(data.current, 0) !== job) return;
  const S = taskRingModP(state.task, p);
  const images = state.reduction.images(S);
  let image: BasisImage;
  if (state.driverTrace) {
    const rows = f4ApplyRows(state.driverTrace.trace, images);
    image = rows ? rowsImage(p, rows, state.driverTrace.number) : { p, trace: state.driverTrace.number };
  } else {
    let basis: Polynomial<number>[] | undefined;
    if (state.replay) basis = state.replay(images);
    else {
      const learned = state.engine.learn(images);
      basis = learned.basis;
      state.replay = learned.replay;
    }
    image = basis ? basisImage(p, basis, state.task.vars.length) : { p };
  }
  const buffers = [image.lengths, image.exponents, image.ids, image.coefficients].flatMap((a) => (a ? [a.buffer as ArrayBuffer] : []));
  answer({ ...image, job }, buffers);
});
