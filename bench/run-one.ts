/**
 * One polycrit run for the benchmarks, in its own process so that a crash, a timeout or a memory
 * blow-up of one system cannot take the benchmark down, and so that memory is measured per run.
 *
 *   node dist/bench/run-one.js groebner katsura:8 0|p [T]   reduced basis (degrevlex) via computeGroebner,
 *                                                          over Q on T threads (default 1)
 *   node dist/bench/run-one.js solve katsura:6 [digits] all points via solve(), counted with multiplicity
 *   node dist/bench/run-one.js solve deep-linear:2,2,2   the same for a network's gradient system
 *                                                        (the networks of bench/peers/networks.ts)
 *
 * Prints one JSON line on stdout: `{ ok, seconds, cpu, peakMB, rssMB, ... }` or `{ ok: false, error }`.
 * `seconds` (wall) and `cpu` (user + system) time the computation only (the system is built before
 * the clocks start). `peakMB` is the kernel's high-water mark of the resident set (VmHWM), the
 * true peak even though the event loop is blocked during the computation; `rssMB` is `process.memoryUsage().rss` sampled at the end.
 * The parent (bench/groebner.ts, bench/solve.ts) enforces the time limit by killing this process.
 */
import { Zp } from '../src/arithmetic/field';
import { computeGroebner } from '../src/groebner/groebner';
import { basisThreads } from '../src/groebner/basis-threads';
import { imageThreads } from '../src/solve/image-threads';
import { solve } from '../src/solve/solve';
import { ZeroDimensionalComponent } from '../src/solve/zero-dimensional';
import { OrbitFamily } from '../src/solve/orbit-solve';
import { namedSystem } from '../src/systems';
import { benchSystem } from './peers/networks';
import { vmHWM } from './peers/process';
import { applyV8Flags } from '../src/cli/v8-flags';

/** p = 67108859, the largest prime below 2^26: polycrit's fast Z/p path. */
export const BENCH_PRIME = 67108859;

function memory(): { peakMB: number; rssMB: number } {
  const rssMB = process.memoryUsage().rss / 2 ** 20;
  return { peakMB: vmHWM('self') ?? rssMB, rssMB };
}

/** CPU seconds (user + system, all threads of this process) since the reading c0. */
function cpuSince(c0: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(c0);
  return (d.user + d.system) / 1e6;
}

function runGroebner(spec: string, field: string, threads: number): object {
  const sys = field === 'p' ? namedSystem(spec, Zp(BENCH_PRIME)) : namedSystem(spec);
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const r = computeGroebner(sys.polynomials as never[], threads > 1 ? { basisWorkers: basisThreads(threads - 1) } : {});
  const seconds = (performance.now() - t0) / 1000;
  const cpu = cpuSince(c0);
  // Leading exponent vectors (slot 0 of a monomial is the total degree), sorted as text.
  const leads = r.basis.map((g) => (g.lm() as readonly number[]).slice(1).join(',')).sort();
  return { ok: true, seconds, cpu, ...memory(), size: r.basis.length, leads, stats: r.stats };
}

function runSolve(spec: string, digits: number, threads: number): object {
  const sys = benchSystem(spec);
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const r = solve(sys.polynomials, threads > 1 ? { digits, imageWorkers: imageThreads(threads - 1) } : { digits });
  const seconds = (performance.now() - t0) / 1000;
  const cpu = cpuSince(c0);
  // Only zero-dimensional components carry points (a positive-dimensional one has no finite count).
  const finite = r.components.filter((c): c is ZeroDimensionalComponent | OrbitFamily => c.kind !== 'variety');
  const points = finite.reduce((s, c) => s + c.degree * c.multiplicity, 0);
  const distinct = finite.reduce((s, c) => s + c.degree, 0);
  const real = finite.reduce((s, c) => s + c.realPoints, 0);
  return { ok: true, seconds, cpu, ...memory(), points, distinct, real, components: r.components.length, complete: r.complete, dimension: r.dimension };
}

function main(): void {
  applyV8Flags(); // as the polycrit command does (src/cli/v8-flags.ts)
  const [kind, spec, arg, threads] = process.argv.slice(2);
  try {
    if (kind === 'groebner') console.log(JSON.stringify(runGroebner(spec, arg ?? '0', Number(threads ?? 1))));
    else if (kind === 'solve') console.log(JSON.stringify(runSolve(spec, Number(arg ?? 10), Number(threads ?? 1))));
    else throw new Error(`usage: run-one.js groebner|solve NAME:N [0|p|digits], got '${kind}'`);
  } catch (e) {
    const err = e as Error;
    console.log(JSON.stringify({ ok: false, error: `${err.name}: ${err.message}`, stack: err.stack?.split('\n').slice(0, 6).join(' | ') }));
    process.exitCode = 1;
  }
}

if (require.main === module) main();
