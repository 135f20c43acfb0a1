/**
 * F4 over Z/p benchmark: prints a table of f4 and f4Apply times (and peak memory) on the standard
 * systems over Z/p with p = 67108859, the largest prime below 2^26.
 *
 * Run: `npm run build && node dist/bench/f4-zp.js [name:n …]` (default: the list below). A size is
 * skipped once a smaller size of the same family took more than the time budget. Columns: f4 (the
 * default, randomized linear algebra where it pays), learn (f4Learn, deterministic, records the
 * trace), apply (f4Apply of that trace for the second prime, checked against a fresh f4 there),
 * ratio = f4 / apply. msolve's timings
 * over Z/p (p = 2^30+3, from shared/reference/benchmarks.md) are printed for reference; msolve is
 * not installed here, so they are not re-measured.
 */
import { cpus, loadavg } from 'os';
import { Zp } from '../src/arithmetic/field';
import { prevPrime } from '../src/arithmetic/primes';
import { f4, f4Apply, f4Learn } from '../src/groebner/f4';
import { namedSystem } from '../src/systems';
import { applyV8Flags } from '../src/cli/v8-flags';

const P = 67108859;
const P2 = prevPrime(P);
const BUDGET = 60;
const MSOLVE: Record<string, number> = { 'cyclic:7': 0.13, 'katsura:10': 2.7, 'noon:8': 1.1 };
const DEFAULT = [
  'katsura:7', 'katsura:8', 'katsura:9', 'katsura:10',
  'cyclic:6', 'cyclic:7',
  'eco:8', 'eco:9', 'eco:10', 'eco:11',
  'noon:6', 'noon:7', 'noon:8',
];

/** Peak rss and heapUsed in MB over the samples taken (the F4 progress callback samples each round). */
function memoryPeaks(): { sample: () => void; rss: () => number; heap: () => number } {
  let rss = 0;
  let heap = 0;
  return {
    sample: () => {
      const m = process.memoryUsage();
      rss = Math.max(rss, m.rss);
      heap = Math.max(heap, m.heapUsed);
    },
    rss: () => rss / 2 ** 20,
    heap: () => heap / 2 ** 20,
  };
}

/** Runs fn (synchronous) and returns its value and wall seconds, sampling memory before and after. */
function measure<T>(fn: () => T, sample: () => void): { value: T; seconds: number } {
  sample();
  const t = process.hrtime.bigint();
  const value = fn();
  const seconds = Number(process.hrtime.bigint() - t) / 1e9;
  sample();
  return { value, seconds };
}

function main(): void {
  applyV8Flags(); // as the polycrit command does (src/cli/v8-flags.ts)
  const specs = process.argv.slice(2).length > 0 ? process.argv.slice(2) : DEFAULT;
  const slow = new Set<string>();
  const pad = (s: string | number, n: number): string => String(s).padStart(n);
  console.log(`F4 over Z/p, p = ${P} (replay prime ${P2}); wall seconds; memory peaks in MB sampled per round`);
  console.log(`load average ${loadavg().map((x) => x.toFixed(1)).join(' ')} on ${cpus().length} cores (timings scale with it)`);
  console.log(['system', 'gb', 'f4', 'learn', 'apply', 'ratio', 'rounds', 'max matrix', 'rss', 'heap', 'msolve'].map((s, i) => (i === 0 ? s.padEnd(11) : pad(s, i === 9 ? 13 : 7))).join(' '));
  for (const spec of specs) {
    const family = spec.split(':')[0];
    if (slow.has(family)) {
      console.log(`${spec.padEnd(11)} skipped (a smaller ${family} took over ${BUDGET} s)`);
      continue;
    }
    const sys = namedSystem(spec, Zp(P));
    const sys2 = namedSystem(spec, Zp(P2));
    const peaks = memoryPeaks();
    const onProgress = peaks.sample;
    global.gc?.();
    const plain = measure(() => f4(sys.polynomials, { onProgress }), onProgress);
    const learn = measure(() => f4Learn(sys.polynomials, { onProgress }), onProgress);
    const apply = measure(() => f4Apply(learn.value.trace, sys2.polynomials, { onProgress }), onProgress);
    const check = f4(sys2.polynomials).basis;
    const same = apply.value !== undefined && apply.value.length === check.length && apply.value.every((g, i) => g.equals(check[i]));
    const st = plain.value.stats;
    console.log(
      [
        spec.padEnd(11),
        pad(plain.value.basis.length, 7),
        pad(plain.seconds.toFixed(3), 7),
        pad(learn.seconds.toFixed(3), 7),
        pad(apply.seconds.toFixed(3) + (same ? '' : '!'), 7),
        pad((plain.seconds / apply.seconds).toFixed(1), 7),
        pad(st.rounds, 7),
        pad(`${st.maxMatrixRows}x${st.maxMatrixCols}`, 13),
        pad(peaks.rss().toFixed(0), 7),
        pad(peaks.heap().toFixed(0), 7),
        pad(MSOLVE[spec] !== undefined ? MSOLVE[spec].toFixed(2) : '-', 7),
      ].join(' '),
    );
    if (plain.seconds > BUDGET) slow.add(family);
  }
  console.log("'!' after an apply time: the replay did not reproduce a fresh f4 for that prime.");
}

main();
