// A deadline that counts its checks and throws at the limit-th: cuts a computation at a chosen,
// reproducible point (the count of a full run minus k lands in its last phases).
import { Deadline, TimeoutError } from '../../src/errors';

export class CountingDeadline extends Deadline {
  calls = 0;
  constructor(private readonly limit: number) {
    super(Infinity, 'test');
  }
  override check(): void {
    if (++this.calls >= this.limit) throw new TimeoutError('test limit');
  }
}
