/**
 * Helper threads for the parametrization modulo primes, on Node's worker threads: the
 * implementation of `ImageWorkers` (image-workers.ts) that the CLI injects. Node-only; the solver
 * itself never imports this file.
 *
 * The solver runs synchronously; the waiting is `threads/synchronous-helper.ts`'s. A helper that
 * dies simply stops answering: the solver computes every image itself, and a question about
 * numerators gives up after `ANSWER_TIMEOUT_MS` (that prime is then skipped, as an unlucky one
 * would be).
 */
import { req } from '../arithmetic/rational';
import { Deadline } from '../errors';
import { SynchronousHelper, helperScript } from '../threads/synchronous-helper';
import { HelperImage, ImageJob, ImageTask, ImageWorkers } from './image-workers';
import type { VariableProduct } from './orbit-multiplication';
import type { RootInterval } from './roots/real';

/** The longest wait for a helper's numerators. */
const ANSWER_TIMEOUT_MS = 30_000;

/** A message from a helper. */
type Answer =
  | { kind: 'image'; p: number; chi?: Float64Array; sequences?: Float64Array[] }
  | { kind: 'numerators'; p: number; numerators?: number[][][] }
  | { kind: 'realRoots'; id: number; intervals: RootInterval[] }
  | { kind: 'refinedRoot'; id: number; index: number; interval: RootInterval }
  | { kind: 'productNumerators'; id: number; numerators?: number[][][] };

/** The solver's end of one helper thread running `script` (exported for tests, which give their own script). */
export class ThreadJob implements ImageJob {
  private readonly helper: SynchronousHelper<Answer>;
  private readonly ready: HelperImage[] = [];
  private readonly replies = new Map<number, number[][][] | undefined>();
  private readonly requested = new Set<number>();
  private readonly roots = new Map<number, RootInterval[]>();
  private readonly refined = new Map<string, RootInterval>();
  private readonly productAnswers: { id: number; numerators?: number[][][] }[] = [];
  private submitted = 0;

  constructor(
    script: string,
    task: ImageTask,
    private readonly deadline?: Deadline,
  ) {
    this.helper = new SynchronousHelper<Answer>(script, task);
  }

  get pending(): number {
    return this.submitted;
  }

  submit(p: number): void {
    this.helper.post({ kind: 'image', p });
    this.submitted++;
  }

  private file(answers: Answer[]): void {
    for (const a of answers) {
      if (a.kind === 'image') this.ready.push({ p: a.p, ...(a.chi ? { chi: a.chi } : {}), ...(a.sequences ? { sequences: a.sequences } : {}) });
      else if (a.kind === 'realRoots') this.roots.set(a.id, a.intervals);
      else if (a.kind === 'refinedRoot') this.refined.set(`${a.id}:${a.index}`, a.interval);
      else if (a.kind === 'productNumerators') this.productAnswers.push(a);
      else this.replies.set(a.p, a.numerators);
    }
  }

  take(waitMs: number): HelperImage | undefined {
    this.file(this.helper.drain());
    if (this.ready.length === 0 && waitMs > 0) this.file(this.helper.receive(waitMs));
    const r = this.ready.shift();
    if (r) this.submitted--;
    return r;
  }

  requestNumerators(p: number, factors: readonly (readonly number[])[]): void {
    if (this.requested.has(p)) return;
    this.requested.add(p);
    this.helper.post({ kind: 'numerators', p, factors });
  }

  hasNumerators(p: number, waitMs = 0): boolean {
    this.file(this.helper.drain());
    for (const until = Date.now() + waitMs; !this.replies.has(p) && Date.now() < until; ) this.file(this.helper.receive(until - Date.now()));
    return this.replies.has(p);
  }

  numerators(p: number, factors: readonly (readonly number[])[]): number[][][] | undefined {
    this.requestNumerators(p, factors);
    const answered = this.waitFor(() => this.replies.has(p));
    const answer = this.replies.get(p);
    this.replies.delete(p);
    this.requested.delete(p);
    return answered ? answer : undefined;
  }

  requestRealRoots(id: number, q: readonly bigint[], bits: number): void {
    this.helper.post({ kind: 'realRoots', id, q, bits });
  }

  realRoots(id: number, refine?: (interval: RootInterval) => RootInterval): RootInterval[] | undefined {
    this.waitFor(() => this.roots.has(id));
    const intervals = this.roots.get(id);
    this.roots.delete(id);
    if (!intervals) return undefined;
    // The helper refines from the first root on; refine here from the last until the two meet
    // (or wait for the helper's, without `refine`).
    const out = [...intervals];
    const done = (i: number): boolean => {
      const key = `${id}:${i}`;
      const r = this.refined.get(key);
      if (r) {
        out[i] = r;
        this.refined.delete(key);
      }
      return r !== undefined || req(out[i].lo, out[i].hi);
    };
    let bottom = 0;
    let top = out.length - 1;
    while (bottom <= top) {
      this.file(this.helper.drain());
      if (done(bottom)) bottom++;
      else if (!refine) this.waitFor(() => this.refined.has(`${id}:${bottom}`));
      else {
        if (!done(top)) out[top] = refine(out[top]);
        top--;
      }
    }
    for (let i = 0; i < out.length; i++) this.refined.delete(`${id}:${i}`);
    return out;
  }

  requestProductNumerators(id: number, p: number, factors: readonly (readonly number[])[], productsOf: readonly (readonly VariableProduct[])[]): void {
    this.helper.post({ kind: 'productNumerators', id, p, factors, productsOf });
  }

  takeProductNumerators(waitMs: number): { id: number; numerators?: number[][][] } | undefined {
    this.file(this.helper.drain());
    if (this.productAnswers.length === 0 && waitMs > 0) this.file(this.helper.receive(waitMs));
    return this.productAnswers.shift();
  }

  /** Files answers until `done()` holds (true) or `ANSWER_TIMEOUT_MS` pass (false). */
  private waitFor(done: () => boolean): boolean {
    const until = Date.now() + ANSWER_TIMEOUT_MS;
    for (;;) {
      if (done()) return true;
      if (Date.now() > until) return false;
      this.deadline?.check();
      this.file(this.helper.receive(100));
    }
  }

  close(): void {
    this.helper.close();
  }
}

/**
 * Below this many solutions a helper's start (a thread that loads the library and learns its own
 * F4 run) is not repaid. Measured whole process on this project's 2-vCPU machine, default threads
 * against `--threads 1`: deep-linear:1,2,2,1 (129 solutions, 44 primes) 1.37 s against 1.22 s,
 * deep-linear:2,2,2 (225 solutions, about 210 primes) 6.6 s against 8.5 s.
 */
export const HELPER_MIN_SOLUTIONS = 200;

/**
 * `threads` helper threads for the solver's images modulo primes (one job uses one thread today)
 * for finite sets of at least `minSolutions` solutions; none when `threads` is below 1 or the
 * compiled helper script is missing (e.g. under ts-jest).
 */
export function imageThreads(threads = 1, minSolutions = HELPER_MIN_SOLUTIONS): ImageWorkers {
  const script = helperScript(__dirname, 'image-thread-main');
  if (threads < 1 || script === undefined) return { start: () => undefined };
  return { start: (task, deadline) => (task.D < minSolutions ? undefined : new ThreadJob(script, task, deadline)) };
}
