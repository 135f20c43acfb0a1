// One API convention (issue 17, item 3): every long computation takes `timeout`, `signal` and
// `onProgress(info)`, and a cancelled computation ends as one past its time limit — a result with
// `complete: false` where the function returns partial results, a TimeoutError (here its subclass
// CancelledError) where it throws. The computations are synchronous, so "during" means from a
// callback the computation makes (a timer cannot fire inside it).
import { Zp } from '../src/arithmetic/field';
import { CancelledError, Deadline, InputError, TimeoutError } from '../src/errors';
import type { ProgressInfo } from '../src/control';
import { f4 } from '../src/groebner/f4';
import { fglm } from '../src/groebner/fglm';
import { groebner } from '../src/groebner/groebner';
import { lex } from '../src/monomials/order';
import { parsePolynomials } from '../src/io/parse';
import { criticalPoints } from '../src/networks/critical';
import { lossGradient, networkLoss } from '../src/networks/loss';
import { preset } from '../src/networks/presets';
import { minimalPrimes } from '../src/solve/decompose';
import { solve } from '../src/solve/solve';
import { katsura } from '../src/systems';

const aborted = (): AbortSignal => {
  const c = new AbortController();
  c.abort();
  return c.signal;
};

/** Runs `run` and returns what it threw and how long it took (ms). */
function timed(run: () => unknown): { thrown: unknown; ms: number } {
  const start = performance.now();
  try {
    run();
    return { thrown: undefined, ms: performance.now() - start };
  } catch (e) {
    return { thrown: e, ms: performance.now() - start };
  }
}

describe('cancellation by an AbortSignal', () => {
  const { polynomials: curve } = parsePolynomials('x*y - z, x^2 + y^2 + z^2 - 3, x - y*z');
  const katsura7 = katsura(7).polynomials;

  test('an already-aborted signal stops every entry at once, as timeout: 0 does', () => {
    const G = groebner(katsura(3).polynomials);
    const entries: [string, (o: { signal?: AbortSignal; timeout?: number }) => unknown][] = [
      ['groebner over Q', (o) => groebner(katsura7, o)],
      ['groebner over Z/p', (o) => groebner(katsura(7, Zp(32003)).polynomials, o)],
      ['f4', (o) => f4(katsura(7, Zp(32003)).polynomials, o)],
      ['fglm', (o) => fglm(G, lex, o)],
      ['solve', (o) => solve(katsura7, o)],
      ['minimalPrimes', (o) => minimalPrimes(curve, o)],
      ['criticalPoints', (o) => criticalPoints(networkLoss(preset('xor-blog')), o)],
    ];
    for (const [name, run] of entries) {
      const timeout = timed(() => run({ timeout: 0 }));
      const cancelled = timed(() => run({ signal: aborted() }));
      expect([name, timeout.thrown]).toEqual([name, expect.any(TimeoutError)]);
      expect([name, cancelled.thrown]).toEqual([name, expect.any(CancelledError)]);
      expect((cancelled.thrown as Error).message).toMatch(/was cancelled \(its AbortSignal was aborted\)/);
      expect([name, cancelled.ms < 1000]).toEqual([name, true]);
    }
  });

  test('aborted during a long Gröbner basis (from its progress callback), it stops within a second', () => {
    const controller = new AbortController();
    let abortedAt = 0;
    const kinds = new Set<string>();
    const { thrown } = timed(() =>
      groebner(katsura(8).polynomials, {
        signal: controller.signal,
        onProgress: (info) => {
          kinds.add(info.kind);
          if (!controller.signal.aborted) {
            abortedAt = performance.now();
            controller.abort('enough');
          }
        },
      }),
    );
    const stoppedAfter = performance.now() - abortedAt;
    expect(thrown).toBeInstanceOf(CancelledError);
    expect((thrown as CancelledError).reason).toBe('enough');
    expect((thrown as Error).message).toMatch(/cancelled \(its AbortSignal was aborted: enough\)/);
    expect(kinds).toEqual(new Set(['modular-prime']));
    expect(stoppedAfter).toBeLessThan(1000);
  });

  test('aborted after the dimension is known, solve returns what it found with complete: false, as on a time limit', () => {
    // The critical set of xor-blog: positive-dimensional, so the decomposition follows the basis.
    const net = networkLoss(preset('xor-blog'));
    const grad = lossGradient(net);
    const controller = new AbortController();
    let abortedAt = 0;
    const result = solve(grad, {
      signal: controller.signal,
      onPartial: () => {
        if (!controller.signal.aborted) {
          abortedAt = performance.now();
          controller.abort();
        }
      },
    });
    expect(performance.now() - abortedAt).toBeLessThan(1000);
    expect(result.complete).toBe(false);
    expect(result.dimension).toBeGreaterThan(0);
    expect(result.message).toMatch(/^solve was cancelled \(its AbortSignal was aborted\) \(phase: /);
  });

  test('aborted during criticalPoints, the analysis is incomplete and says why', () => {
    const controller = new AbortController();
    const analysis = criticalPoints(networkLoss(preset('xor-blog')), {
      signal: controller.signal,
      onProgress: (info) => {
        if (info.message === 'critical values and Hessians') controller.abort();
      },
    });
    expect(analysis.complete).toBe(false);
    expect(analysis.message).toMatch(/cancelled .*phase: critical values and Hessians/);
    expect(analysis.symmetries).toBeUndefined();
  });

  test('parsing: an expansion stops on the signal as on its timeout', () => {
    const text = '(x + y + z + w + 1)^40';
    expect(() => parsePolynomials(text, { timeout: 0 })).toThrow(TimeoutError);
    expect(() => parsePolynomials(text, { signal: aborted() })).toThrow(CancelledError);
    expect(parsePolynomials('x + 1', { signal: new AbortController().signal }).polynomials.map(String)).toEqual(['x + 1']);
  });

  test('a signal beside an existing deadline: either stops the computation', () => {
    const deadline = new Deadline(60, 'outer');
    expect(() => groebner(katsura7, { deadline, signal: aborted() })).toThrow(CancelledError);
    expect(() => groebner(katsura7, { deadline: new Deadline(0, 'outer'), signal: new AbortController().signal })).toThrow(/outer stopped after the time limit/);
  });

  test('a signal that is not an AbortSignal is an InputError', () => {
    expect(() => solve(katsura7, { signal: 'stop' as unknown as AbortSignal })).toThrow(InputError);
    expect(() => groebner(katsura7, { signal: {} as AbortSignal })).toThrow(/the signal option must be an AbortSignal/);
  });
});

describe('progress as onProgress(info)', () => {
  test('solve reports phases and the Gröbner basis primes, each with a message', () => {
    const seen: ProgressInfo[] = [];
    solve(parsePolynomials('x^2 + y^2 - 1, x*y - 1/4, z^2 - x').polynomials, { onProgress: (i) => seen.push(i) });
    expect(seen[0]).toEqual({ kind: 'phase', message: 'Gröbner basis' });
    for (const i of seen) expect(typeof i.message).toBe('string');
    expect(seen.some((i) => i.kind === 'phase' && /solutions/.test(i.message))).toBe(true);
  });

  test('the deprecated progress(message) still receives the messages', () => {
    const system = parsePolynomials('x^2 + y^2 - 1, x*y - 1/4').polynomials;
    const messages: string[] = [];
    const infos: string[] = [];
    solve(system, { progress: (m) => messages.push(m) });
    solve(system, { onProgress: (i) => infos.push(i.message) });
    expect(messages.length).toBeGreaterThan(0);
    expect(messages).toEqual(infos);
  });
});

describe('a deadline that leaves time to the steps after a first one (Deadline.leaving)', () => {
  /** Waits until Date.now() has moved on (a deadline of 0 s has passed only then). */
  const tick = (): void => {
    const t = Date.now();
    while (Date.now() === t);
  };

  test('ends that much earlier and names the same limit', () => {
    const whole = new Deadline(10, 'critical');
    const first = whole.leaving(4);
    expect(whole.remaining).toBeGreaterThan(9.5);
    expect(first.remaining).toBeGreaterThan(5.5);
    expect(first.remaining).toBeLessThanOrEqual(6);
    const spent = new Deadline(1, 'critical').leaving(2);
    expect(spent.remaining).toBe(0);
    tick();
    expect(() => spent.check()).toThrow(/^critical stopped after the time limit of 1 s/);
  });

  test('counts the time limit of an outer deadline, and honours its signal', () => {
    const nested = new Deadline(Infinity, 'solve', Infinity, { outer: new Deadline(10, 'critical') });
    expect(nested.remaining).toBeGreaterThan(9.5);
    expect(nested.remaining).toBeLessThanOrEqual(10);
    expect(nested.leaving(4).remaining).toBeLessThanOrEqual(6);
    const controller = new AbortController();
    const unlimited = new Deadline(Infinity, 'critical', Infinity, { signal: controller.signal });
    const first = unlimited.leaving(3);
    expect(first.remaining).toBe(Infinity);
    controller.abort();
    expect(() => first.check()).toThrow(CancelledError);
  });
});
