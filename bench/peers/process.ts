/**
 * Child processes for the benchmarks: run one program with its input on stdin, a hard time limit
 * (SIGKILL of the whole process group) and its peak resident memory, read from the kernel's
 * high-water mark `VmHWM` in /proc/<pid>/status, polled every 25 ms while it runs (VmHWM only
 * grows, so the last reading is the peak up to the last 25 ms). Also: finding programs on PATH and
 * reading their versions. Everything here is plumbing; no mathematics.
 */
import { spawn, spawnSync } from 'child_process';
import { existsSync, readFileSync } from 'fs';
import { delimiter, join } from 'path';

export interface ProcessResult {
  stdout: string;
  stderr: string;
  /** Exit code, or null when killed by a signal. */
  code: number | null;
  timedOut: boolean;
  /** Wall-clock seconds from spawn to exit (includes the program's start-up). */
  wallSeconds: number;
  /** Peak resident set size in MB (kernel VmHWM), or undefined when /proc could not be read. */
  peakMB?: number;
}

/** The kernel's peak RSS of a process in MB, or undefined when it is gone. */
export function vmHWM(pid: number | 'self'): number | undefined {
  try {
    const m = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Runs `cmd args` with `input` on stdin, killing it after `timeoutSeconds`. Never rejects. */
export function runProcess(cmd: string, args: string[], input: string, timeoutSeconds: number, cwd?: string): Promise<ProcessResult> {
  return new Promise((resolve) => {
    const start = performance.now();
    const child = spawn(cmd, args, { cwd, detached: true, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let peak: number | undefined;
    let timedOut = false;
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const poll = setInterval(() => {
      if (child.pid === undefined) return;
      const m = vmHWM(child.pid);
      if (m !== undefined) peak = Math.max(peak ?? 0, m);
    }, 25);
    const killer = setTimeout(() => {
      timedOut = true;
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, timeoutSeconds * 1000);
    child.on('error', (e) => (stderr += String(e)));
    child.on('close', (code) => {
      clearInterval(poll);
      clearTimeout(killer);
      resolve({ stdout, stderr, code, timedOut, wallSeconds: (performance.now() - start) / 1000, peakMB: peak });
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(input);
  });
}

/** The full path of a program on PATH, or undefined. */
export function which(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const p = join(dir, name);
    if (dir && existsSync(p)) return p;
  }
  return undefined;
}

/** First line of `cmd args` output matching `re` (group 1), or the first line; undefined on failure. */
export function versionOf(cmd: string, args: string[], re?: RegExp, input = ''): string | undefined {
  const r = spawnSync(cmd, args, { input, encoding: 'utf8', timeout: 20000 });
  if (r.error) return undefined;
  const text = `${r.stdout ?? ''}\n${r.stderr ?? ''}`;
  if (re) {
    const m = re.exec(text);
    return m ? m[1].trim() : undefined;
  }
  return text.split('\n').find((l) => l.trim() !== '')?.trim();
}

/**
 * The polycrit source measured: $POLYCRIT_REVISION when set (for a build made elsewhere, e.g. from
 * `git archive`), else the commit of the checkout in the working directory and whether src/ has
 * uncommitted edits.
 */
export function polycritRevision(): string {
  if (process.env.POLYCRIT_REVISION) return process.env.POLYCRIT_REVISION;
  const head = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).stdout?.trim();
  if (!head) return 'unknown revision';
  const dirty = (spawnSync('git', ['status', '--porcelain', '--', 'src'], { encoding: 'utf8' }).stdout ?? '').trim() !== '';
  return dirty ? `${head} + uncommitted src/ edits` : head;
}

/** Machine facts for the report header: date, nproc, load average at the start. */
export function machineFacts(): { date: string; nproc: string; load: string } {
  const nproc = spawnSync('nproc', [], { encoding: 'utf8' }).stdout?.trim() ?? '?';
  const up = spawnSync('uptime', [], { encoding: 'utf8' }).stdout ?? '';
  const load = /load average:\s*(.*)$/.exec(up.trim())?.[1] ?? '?';
  return { date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'), nproc, load };
}
