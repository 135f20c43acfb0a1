/**
 * msolve as a peer of the solving bench (shared/reference/msolve.md): the system goes to a
 * temporary input file in msolve's format (variables, characteristic 0, the polynomials with their
 * denominators cleared one by one, which leaves the variety unchanged), `msolve -t T -P 1 -f FILE`
 * runs as a whole process (start-up and output included, measured by `runMeasured`), and its
 * output is read: `[-1]` no point, `[1, n, -1, []]` positive dimension, otherwise
 * `[0, PARAM, [1, [POINT, …]]]` where PARAM is the rational parametrization (its eliminating
 * polynomial's degree is the number of distinct complex points; the quotient's dimension counts
 * them with multiplicity) and each POINT a list of isolating boxes with dyadic ends `a / 2^k`.
 * `-P 1` only prints the parametrization that msolve computes anyway to isolate the real points.
 * msolve runs with OMP_WAIT_POLICY=passive: with libgomp's default, an idle thread spins, and on a
 * loaded 2-core machine `-t 2` then took 5–100× the time of `-t 1` (cyclic-5: 0.02 s of CPU with
 * one thread, 0.3–5.8 s with two; deep-linear:2,2,2: 1.7 s against 7–9 s).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { msolveFormat } from '../../src/io/formats/msolve';
import { BenchSystem } from './networks';
import { Peer, RunOutcome } from './peers';
import { versionOf, which } from './process';
import { runMeasured } from './rusage';

/** The msolve peer running with `threads` threads (column `msolve` or `msolve -t 2`). */
export function msolvePeer(threads = 1): Peer {
  const name = threads === 1 ? 'msolve' : `msolve -t ${threads}`;
  const program = which('msolve');
  if (!program) return { name, program: 'msolve', available: false };
  return { name, program, available: true, version: versionOf(program, ['-h'], /version\s+(\d[\d.]*)/) };
}

/** msolve's input text: variables, characteristic 0, then the polynomials with integer coefficients (src/io/formats/msolve.ts). */
export function msolveInput(sys: BenchSystem): string {
  return msolveFormat.write({ vars: sys.vars, characteristic: 0n, order: 'degrevlex', polynomials: sys.polynomials.filter((p) => !p.isZero()) });
}

/** What msolve found: the counts of a finite set, or that the set is positive-dimensional. */
export type MsolveAnswer =
  | { dimension: 0; real: number; complex?: number; withMultiplicity?: number }
  | { dimension: 'positive' };

/** Reads msolve's output (real points, optionally preceded by the parametrization). */
export function parseMsolveOutput(text: string): MsolveAnswer {
  // Long integers first (coefficients and box numerators are not needed): the fraction pattern
  // then meets short digit runs only (on a run of n digits it would backtrack n² steps).
  const json = text
    .trim()
    .replace(/:\s*$/, '')
    .replace(/\d{16,}/g, '0')
    .replace(/'([^']*)'/g, '"$1"') // variable names
    .replace(/-?\d+\s*\/\s*(?:2\^)?\d+/g, '0'); // dyadic box ends and the linear form's fractions
  const v = JSON.parse(json) as unknown[];
  if (v.length === 1 && v[0] === -1) return { dimension: 0, real: 0, complex: 0, withMultiplicity: 0 };
  if (v[0] === 1) return { dimension: 'positive' };
  if (v[0] !== 0) throw new Error(`unexpected msolve output ${text.slice(0, 80)}`);
  const realList = v[v.length - 1] as [number, unknown[]];
  const answer: MsolveAnswer = { dimension: 0, real: realList[1].length };
  if (v.length === 3) {
    // PARAM = [char, nvars, dquot, vars, linear form, [1, [elim = [degree, coeffs], denom, coords]]]
    const param = v[1] as [number, number, number, string[], unknown[], [number, [[number, unknown[]]]]];
    answer.withMultiplicity = param[2];
    answer.complex = param[5][1][0][0];
  }
  return answer;
}

/** msolve on the system's input file with `threads` threads and the extra arguments, as a measured whole process. */
async function runMsolve(peer: Peer, sys: BenchSystem, threads: number, args: string[], timeout: number) {
  const dir = mkdtempSync(join(tmpdir(), 'polycrit-msolve-'));
  try {
    const file = join(dir, 'in.ms');
    writeFileSync(file, msolveInput(sys));
    return await runMeasured(which('env') ?? '/usr/bin/env', ['OMP_WAIT_POLICY=passive', peer.program, '-t', String(threads), ...args, '-f', file], '', timeout);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * All real points of a zero-dimensional system by msolve with `threads` threads. The outcome's
 * `size` is the real count; `extra` holds `real`, `complex` (distinct), `withMultiplicity` and
 * `dimension`. Times and memory are the whole process's.
 */
export async function msolveSolve(peer: Peer, sys: BenchSystem, threads: number, timeout: number): Promise<RunOutcome> {
  const r = await runMsolve(peer, sys, threads, ['-P', '1'], timeout);
  if (r.timedOut) return { status: 'timeout', peakMB: r.peakMB };
  const fail = (why: string): RunOutcome => ({ status: 'error', peakMB: r.peakMB, error: `${why}: ${`${r.stderr}\n${r.stdout.slice(0, 200)}`.trim().split('\n').slice(-3).join(' | ')}`.slice(0, 300) });
  if (r.code !== 0) return fail(`exit ${r.code}`);
  let answer: MsolveAnswer;
  try {
    answer = parseMsolveOutput(r.stdout);
  } catch (e) {
    return fail(`unreadable output (${(e as Error).message.slice(0, 60)})`);
  }
  const timing = { seconds: r.seconds, cpu: r.cpu, peakMB: r.peakMB };
  if (answer.dimension !== 0) return { status: 'error', ...timing, error: 'positive-dimensional (msolve reports the dimension only)', extra: { dimension: 'positive' } };
  return { status: 'ok', ...timing, size: answer.real, extra: { ...answer } };
}

/**
 * The reduced degrevlex basis over Q by msolve with `threads` threads (`msolve -g 2`), as a whole
 * process. The outcome's `size` is the number of basis elements (msolve prints the basis as a list
 * of polynomials: its top-level commas are counted).
 */
export async function msolveGroebner(peer: Peer, sys: BenchSystem, threads: number, timeout: number): Promise<RunOutcome> {
  const r = await runMsolve(peer, sys, threads, ['-g', '2'], timeout);
  if (r.timedOut) return { status: 'timeout', peakMB: r.peakMB };
  if (r.code !== 0) return { status: 'error', peakMB: r.peakMB, error: `exit ${r.code}: ${r.stderr.trim().split('\n').slice(-2).join(' | ')}`.slice(0, 300) };
  const text = r.stdout.slice(r.stdout.indexOf('['));
  let depth = 0;
  let size = 1;
  for (const ch of text) {
    if (ch === '[') depth++;
    else if (ch === ']') depth--;
    else if (ch === ',' && depth === 1) size++;
  }
  return { status: 'ok', seconds: r.seconds, cpu: r.cpu, peakMB: r.peakMB, size };
}
