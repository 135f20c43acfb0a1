/**
 * The V8 settings the polycrit command (and the benchmark runner, which measures what the command
 * does) runs with.
 *
 * `--no-turbo-inlining`: V8's optimizing compiler inlines callees into polycrit's long loops (pair
 * updates, symbolic preprocessing, the multi-modular driver) and recompiles them after every
 * deoptimization; on the Gröbner benchmarks that compile work costs more than the inlined code
 * saves. Measured on this 2-core machine, same build, runs interleaved (wall / CPU seconds):
 * katsura-8 over Q 1.33 / 2.0 → 1.05–1.2 / 1.55–1.75, cyclic-7 1.98 / 2.85 → 1.83 / 2.49,
 * katsura-9 5.65 / 6.85 → 5.02 / 5.97, solve katsura-6 1.39 / 2.08 → 1.20 / 1.75.
 * Library users get the same by starting node with `--no-turbo-inlining` (or NODE_OPTIONS).
 *
 * Flags set at run time apply to code compiled afterwards, so this runs first thing.
 */
import { setFlagsFromString } from 'v8';

export const V8_FLAGS: readonly string[] = ['--no-turbo-inlining'];

/** Applies `V8_FLAGS` to the running process. */
export function applyV8Flags(): void {
  for (const flag of V8_FLAGS) setFlagsFromString(flag);
}
