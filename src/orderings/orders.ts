/**
 * Which variable orders the orderings bench runs — every permutation, or the natural order and
 * N − 1 seeded random ones — and the summary of the rows: fastest, median and slowest order, the
 * spread, and whether every order gave the same answer. Platform-free: the CLI's `bench
 * orderings` and the web playground share it.
 */
import { seededPermutation } from '../networks/critical';
import { BenchRow } from './jobs';

/** n! for small n (Infinity past 170). */
export function factorial(n: number): number {
  let f = 1;
  for (let i = 2; i <= n; i++) f *= i;
  return f;
}

/** All permutations of `items` in lexicographic order of positions (the identity first). */
export function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  const out: T[][] = [];
  items.forEach((x, i) => {
    for (const rest of permutations([...items.slice(0, i), ...items.slice(i + 1)])) out.push([x, ...rest]);
  });
  return out;
}

/**
 * The variable orders to run: the natural order first, then every other permutation when
 * `count` is 'all', or `count − 1` distinct seeded random permutations.
 * @example chooseOrders(['x','y'], 'all') // [['x','y'], ['y','x']]
 */
export function chooseOrders(vars: readonly string[], count: number | 'all', seed = 1): string[][] {
  const total = factorial(vars.length);
  if (count === 'all' || count >= total) {
    if (total > 5040) throw new RangeError(`${vars.length} variables have ${total} orders; give --orders N`);
    return permutations(vars);
  }
  const seen = new Set<string>([vars.join(',')]);
  const out: string[][] = [[...vars]];
  for (let k = 0; out.length < count; k++) {
    // Consecutive seeds give xorshift nearly equal first draws (the last positions would hardly
    // move), so the k-th seed is scrambled by a multiplicative hash first.
    const p = seededPermutation(vars.length, Math.imul((seed + k) ^ 0x5bd1e995, 2654435761) >>> 0).map((i) => vars[i]);
    const key = p.join(',');
    if (!seen.has(key)) {
      seen.add(key);
      out.push(p);
    }
  }
  return out;
}

/** The summary of a set of rows. */
export interface BenchSummary {
  ok: number;
  failed: number;
  fastest?: BenchRow;
  median?: BenchRow;
  slowest?: BenchRow;
  /** slowest / fastest seconds. */
  spread?: number;
  /** Distinct fingerprints among the rows that finished, with how many rows gave each. */
  answers: { fingerprint: string; rows: number }[];
  /** True when every finished row has the same fingerprint. */
  agree: boolean;
}

/** Fastest, median and slowest row, spread, and agreement of the answers. */
export function summarize(rows: readonly BenchRow[]): BenchSummary {
  const ok = rows.filter((r) => r.status === 'ok');
  const sorted = [...ok].sort((a, b) => a.seconds - b.seconds);
  const counts = new Map<string, number>();
  for (const r of ok) counts.set(r.fingerprint as string, (counts.get(r.fingerprint as string) ?? 0) + 1);
  const answers = [...counts].map(([fingerprint, n]) => ({ fingerprint, rows: n })).sort((a, b) => b.rows - a.rows);
  const fastest = sorted[0];
  const slowest = sorted[sorted.length - 1];
  return {
    ok: ok.length,
    failed: rows.length - ok.length,
    fastest,
    median: sorted[Math.floor((sorted.length - 1) / 2)],
    slowest,
    spread: fastest && slowest && fastest.seconds > 0 ? slowest.seconds / fastest.seconds : undefined,
    answers,
    agree: answers.length <= 1,
  };
}
