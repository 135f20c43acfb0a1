/**
 * Shared pieces of the benchmark reports: command-line options, formatting of times, memory and
 * ratios, Markdown tables, the header with the machine and the versions, and the saved JSON of
 * a run (one file per field or benchmark, so that runs made separately merge into one report).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { Peer, RunOutcome } from './peers';
import { parseSystemSpec } from '../../src/systems';

/** `--name value` from argv, or the default. */
export function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

/** `--systems a:N,b:M` from argv (default `fallback`), each checked to be a named system. */
export function systemsOption(fallback: readonly string[]): string[] {
  const specs = option('systems', fallback.join(',')).split(',').map((s) => s.trim()).filter((s) => s !== '');
  for (const s of specs) if (!parseSystemSpec(s)) throw new Error(`unknown system '${s}' (expected NAME:N)`);
  return specs;
}

function sec(x: number): string {
  return x < 0.01 ? x.toFixed(3) : x.toPrecision(3);
}

/** Wall seconds (CPU seconds in brackets when known), "> T" for a timeout, or the status. */
export function formatTime(o: RunOutcome | undefined, limit: number): string {
  if (!o) return '';
  switch (o.status) {
    case 'ok':
      return o.cpu !== undefined ? `${sec(o.seconds!)} (${sec(o.cpu)})` : sec(o.seconds!);
    case 'timeout':
      return `> ${limit}`;
    case 'error':
      return 'error';
    case 'missing':
      return 'n/a';
    case 'skipped':
      return '–';
  }
}

export function formatMB(o: RunOutcome | undefined): string {
  return o?.peakMB !== undefined ? `${Math.round(o.peakMB)}` : '';
}

/**
 * polycrit time / peer time ("> r" or "< r" when one side timed out). By default on CPU seconds
 * when both report a non-zero CPU time (robust on a shared, loaded machine, where wall time mostly
 * measures the other jobs), otherwise on wall seconds, marked "(wall)"; `clock: 'wall'` asks for
 * wall seconds (unmarked). Singular's CPU clock ticks in 10 ms, so ratios against runs of a few
 * ticks are rough.
 */
export function ratio(ours: RunOutcome | undefined, peer: RunOutcome | undefined, oursLimit: number, peerLimit: number, clock: 'cpu' | 'wall' = 'cpu'): string {
  if (!ours || !peer) return '';
  const onCpu = clock === 'cpu' && ours.cpu !== undefined && peer.cpu !== undefined && ours.cpu > 0 && peer.cpu > 0;
  const cost = (o: RunOutcome): number => Math.max(onCpu ? o.cpu! : o.seconds!, 1e-3);
  if (ours.status === 'ok' && peer.status === 'ok') return `${(cost(ours) / cost(peer)).toPrecision(2)}${onCpu || clock === 'wall' ? '' : ' (wall)'}`;
  // Against a time limit: the finished side's CPU seconds when known (wall with clock 'wall').
  const spent = (o: RunOutcome): number => Math.max(clock === 'wall' ? o.seconds! : (o.cpu ?? o.seconds!), 1e-3);
  if (ours.status === 'ok' && peer.status === 'timeout') return `< ${(spent(ours) / peerLimit).toPrecision(2)}`;
  if (ours.status === 'timeout' && peer.status === 'ok') return `> ${(oursLimit / spent(peer)).toPrecision(2)}`;
  return '';
}

export function markdownTable(head: string[], rows: string[][]): string {
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

export interface RunHeader {
  date: string;
  nproc: string;
  load: string;
  node: string;
  /** polycrit's commit (see polycritRevision). */
  polycrit: string;
  peers: Peer[];
  command: string;
}

export function headerText(h: RunHeader): string {
  const versions = h.peers.map((p) => `${p.name} ${p.available ? (p.version ?? '(version unknown)') : 'not installed'}`).join(', ');
  return `Run ${h.date} (\`${h.command}\`): nproc ${h.nproc}, load average at the start ${h.load}; polycrit ${h.polycrit}, node ${h.node}; ${versions}.`;
}

export function saveJson(dir: string, file: string, data: unknown): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, file), JSON.stringify(data, null, 1) + '\n');
}

export function loadJson<T>(dir: string, file: string): T | undefined {
  const p = join(dir, file);
  return existsSync(p) ? (JSON.parse(readFileSync(p, 'utf8')) as T) : undefined;
}

export function writeText(dir: string, file: string, text: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, file), text);
}
