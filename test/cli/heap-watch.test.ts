/**
 * The watch on the heap (cli/context.ts `heapWatch`, called through `Deadline.check`): a run whose
 * heap nears its limit stops at the next check of its deadline with a HeapLimitError, reported as
 * a run past its memory limit — the phase, the partial result under --json, exit 1 — instead of
 * V8's fatal error, which on the main thread (src/cli/main-thread.ts) nothing else would prevent.
 */
import * as v8 from 'v8';

// The heap statistics the command line reads, replaceable per test (node's own by default).
jest.mock('v8', () => {
  const actual = jest.requireActual('v8');
  return { ...actual, getHeapStatistics: jest.fn(actual.getHeapStatistics) };
});
import { AttemptDeadline, Deadline, HeapLimitError } from '../../src/errors';
import { HEAP_STOP_SHARE, PARSED_JSON_BYTES_PER_CHAR, ensureHeapRoom, heapWatch } from '../../src/cli/context';
import { runCli } from './run-cli';

describe('Deadline.watch', () => {
  it('is called by each check, also through an inner deadline, and what it throws ends the check', () => {
    let calls = 0;
    const deadline = new Deadline(Infinity, 'computation', Infinity, { watch: () => void calls++ });
    for (let i = 0; i < 3; i++) deadline.check();
    expect(calls).toBe(3);
    new AttemptDeadline(10, deadline).check();
    expect(calls).toBe(4);
    const stopping = new Deadline(Infinity, 'computation', Infinity, { watch: () => { throw new HeapLimitError(2, 1); } });
    expect(() => stopping.check()).toThrow(HeapLimitError);
  });
});

describe('heapWatch', () => {
  it(`throws past ${HEAP_STOP_SHARE} of the limit, looking at most every 50 ms`, () => {
    let used = 0.5e9;
    let looks = 0;
    const watch = heapWatch(1e9, () => (looks++, used));
    watch();
    used = 0.95e9;
    watch(); // within 50 ms of the last look: not looked at
    expect(looks).toBe(1);
    const until = Date.now() + 60;
    while (Date.now() < until) {
      // let 50 ms pass
    }
    expect(() => watch()).toThrow(/^the heap holds 906 MB, near its limit of 954 MB \(raise it with --max-memory MB on the command line\)$/);
    expect(looks).toBe(2);
  });
});

describe('ensureHeapRoom', () => {
  it(`refuses an allocation that would take the heap past ${HEAP_STOP_SHARE} of its limit, before it is made`, () => {
    const limit = 100 * 2 ** 20;
    const used = () => 30 * 2 ** 20;
    expect(() => ensureHeapRoom(50 * 2 ** 20, limit, used)).not.toThrow();
    expect(() => ensureHeapRoom(61 * 2 ** 20, limit, used)).toThrow(HeapLimitError);
    // An 18 MB spec of data rows would need about 216 MB parsed.
    expect(() => ensureHeapRoom(18e6 * PARSED_JSON_BYTES_PER_CHAR, limit, used)).toThrow(HeapLimitError);
  });
});

describe('the command line near the heap limit', () => {
  afterEach(() => (v8.getHeapStatistics as jest.Mock).mockImplementation(jest.requireActual('v8').getHeapStatistics));

  it('stops the run at a check of its deadline: the memory stop, with the phase and the partial result', async () => {
    const real = jest.requireActual('v8').getHeapStatistics();
    // The heap as it would be near node's limit: 95% of an old generation of 1 GB in use (node's
    // limit adds the young generation's 48 MB).
    (v8.getHeapStatistics as jest.Mock).mockReturnValue({ ...real, heap_size_limit: (1024 + 48) * 2 ** 20, used_heap_size: 0.95 * 2 ** 30 });
    const r = await runCli(['solve', 'katsura:5', '--json']);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out);
    expect(json).toMatchObject({ complete: false, stopped: 'memory', message: 'stopped: out of memory (the limit is 1024 MB; raise it with --max-memory MB)' });
    expect(typeof json.phase).toBe('string');
    expect(r.err).toMatch(/^polycrit: stopped: out of memory \(the limit is 1024 MB; raise it with --max-memory MB\) \(phase: .+\)$/m);
  });
});
