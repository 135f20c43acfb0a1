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
