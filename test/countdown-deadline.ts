// A deadline that stops a computation after a number of checks instead of seconds: tests stop
// resumable computations (F4's learning run in slices, the race for an independent set) at
// places that do not depend on the machine's speed.
import { Deadline, TimeoutError } from '../src/errors';

/** A deadline that gives up at its `checks`-th check (then at every later one). */
export class CountdownDeadline extends Deadline {
  private left: number;
  constructor(checks: number) {
    super(Infinity, 'countdown');
    this.left = checks;
  }
  override check(): void {
    if (--this.left <= 0) throw new TimeoutError('countdown over');
  }
}

/** A deadline that gives up at every check once `stopped()` is true. */
export class DeadlineWhen extends Deadline {
  constructor(private readonly stopped: () => boolean) {
    super(Infinity, 'when');
  }
  override check(): void {
    if (this.stopped()) throw new TimeoutError('test limit');
  }
}

/**
 * A run stopped at its first check after its first partial answer (`onPartial`), which `partials`
 * collects: a test of what a computation says before a given phase ends, on any machine.
 */
export function stopAfterFirstPartial<T>(): { deadline: Deadline; onPartial: (partial: T) => void; partials: T[] } {
  const partials: T[] = [];
  return { deadline: new DeadlineWhen(() => partials.length > 0), onPartial: (partial) => partials.push(partial), partials };
}
